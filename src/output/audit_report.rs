//! The audit report: extracted documents in, what a researcher reads out.
//!
//! In: [`Document`]s (freshly extracted or loaded from `<id>.json`). Out: an
//! [`AuditReport`] per document (counts, findings grouped by kind with the
//! claim and the citation they concern, the outlet distribution, the weakest
//! links, the summary alignment), rendered as terminal text or as JSON.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::audit::clip;
use crate::model::{Citation, Claim, Document, Severity, Sourcing};

/// How many of the weakest links a report lists.
const WEAKEST_LINKS: usize = 10;
/// How much claim and citation text a terminal line shows.
const CLAIM_CHARS: usize = 70;
const CITATION_CHARS: usize = 70;

#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub documents: Vec<DocumentAudit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentAudit {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub series: Option<String>,
    pub date: Option<String>,
    pub counts: Counts,
    pub findings: Vec<FindingGroup>,
    /// Outlets of cited items (back references left out), most cited first.
    pub outlets: Vec<(String, usize)>,
    /// Links with a support score, weakest first.
    pub weakest_links: Vec<LinkView>,
    pub summary_alignment: Vec<Alignment>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub claims: usize,
    pub sourced_directly: usize,
    pub sourced_via_sub_bullets: usize,
    pub unsourced: usize,
    pub footnotes: usize,
    pub tables: usize,
    pub figures: usize,
    pub citations: usize,
    pub links: usize,
    pub citation_kinds: BTreeMap<String, usize>,
    pub findings: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingGroup {
    pub kind: String,
    pub severity: Severity,
    pub items: Vec<FindingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    pub message: String,
    pub claim: Option<String>,
    pub claim_text: Option<String>,
    pub footnote: Option<u32>,
    pub citation: Option<String>,
    pub citation_raw: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub support: f64,
    pub claim: String,
    pub claim_text: String,
    pub citation: String,
    pub citation_raw: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alignment {
    pub claim: String,
    pub claim_text: String,
    pub aligned_with: Vec<String>,
    pub supported_by: Vec<String>,
}

/// Builds the report of each document, in the order given.
pub fn build(documents: &[Document]) -> AuditReport {
    AuditReport {
        documents: documents.iter().map(audit_document).collect(),
    }
}

/// Claims and citations of one document by id, to show what a finding or
/// a link concerns.
struct Lookup<'a> {
    claims: BTreeMap<&'a str, &'a Claim>,
    citations: BTreeMap<&'a str, &'a Citation>,
}

impl<'a> Lookup<'a> {
    fn new(doc: &'a Document) -> Self {
        Lookup {
            claims: doc.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            citations: doc.citations_by_id(),
        }
    }

    fn claim_text(&self, id: &Option<String>) -> Option<String> {
        id.as_deref()
            .and_then(|id| self.claims.get(id))
            .map(|c| c.text.clone())
    }

    fn citation_raw(&self, id: &Option<String>) -> Option<String> {
        id.as_deref()
            .and_then(|id| self.citations.get(id))
            .map(|c| c.raw.clone())
    }
}

/// The findings grouped by kind, the most severe kinds first, then the most frequent.
fn finding_groups(doc: &Document, lookup: &Lookup) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    for f in &doc.findings {
        let view = FindingView {
            message: f.message.clone(),
            claim: f.claim.clone(),
            claim_text: lookup.claim_text(&f.claim),
            footnote: f.footnote,
            citation: f.citation.clone(),
            citation_raw: lookup.citation_raw(&f.citation),
        };
        match groups.iter_mut().find(|g| g.kind == f.kind) {
            Some(group) => {
                group.severity = group.severity.max(f.severity);
                group.items.push(view);
            }
            None => groups.push(FindingGroup {
                kind: f.kind.clone(),
                severity: f.severity,
                items: vec![view],
            }),
        }
    }
    groups.sort_by(|a, b| {
        (b.severity, b.items.len(), &a.kind).cmp(&(a.severity, a.items.len(), &b.kind))
    });
    groups
}

/// The links with the lowest support scores, lowest first.
fn weakest_links(doc: &Document, lookup: &Lookup) -> Vec<LinkView> {
    let mut weakest: Vec<LinkView> = doc
        .links
        .iter()
        .filter_map(|l| {
            Some(LinkView {
                support: l.support?,
                claim: l.claim.clone(),
                claim_text: lookup.claims.get(l.claim.as_str())?.text.clone(),
                citation: l.citation.clone(),
                citation_raw: lookup.citations.get(l.citation.as_str())?.raw.clone(),
            })
        })
        .collect();
    weakest.sort_by(|a, b| a.support.total_cmp(&b.support));
    weakest.truncate(WEAKEST_LINKS);
    weakest
}

/// Each claim of a summary section with the body claims it aligns with.
fn summary_alignment(doc: &Document) -> Vec<Alignment> {
    let summary_sections: Vec<&str> = doc
        .sections
        .iter()
        .filter(|s| s.summary)
        .map(|s| s.id.as_str())
        .collect();
    doc.claims
        .iter()
        .filter(|c| summary_sections.contains(&c.section.as_str()))
        .map(|c| Alignment {
            claim: c.id.clone(),
            claim_text: c.text.clone(),
            aligned_with: c.aligned_with.clone(),
            supported_by: c.supported_by.clone(),
        })
        .collect()
}

fn audit_document(doc: &Document) -> DocumentAudit {
    let lookup = Lookup::new(doc);
    let mut outlets: Vec<(String, usize)> = doc.outlet_counts().into_iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    DocumentAudit {
        id: doc.document.id.clone(),
        source: doc.document.source.clone(),
        title: doc.document.title.clone(),
        series: doc.document.series.clone(),
        date: doc.document.date.clone(),
        counts: Counts {
            claims: doc.claims.len(),
            sourced_directly: doc.sourcing_count(Sourcing::Direct),
            sourced_via_sub_bullets: doc.sourcing_count(Sourcing::SubBullets),
            unsourced: doc.sourcing_count(Sourcing::None),
            footnotes: doc.footnotes.len(),
            tables: doc.tables.len(),
            figures: doc.figures.len(),
            citations: lookup.citations.len(),
            links: doc.links.len(),
            citation_kinds: doc.citation_kind_counts(),
            findings: doc.finding_counts(),
        },
        findings: finding_groups(doc, &lookup),
        outlets,
        weakest_links: weakest_links(doc, &lookup),
        summary_alignment: summary_alignment(doc),
    }
}

/// The report as terminal text.
pub fn render_text(report: &AuditReport) -> String {
    let mut out = String::new();
    for (i, doc) in report.documents.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        render_document(&mut out, doc);
    }
    out
}

fn render_document(out: &mut String, doc: &DocumentAudit) {
    let c = &doc.counts;
    let issue: Vec<&str> = [doc.series.as_deref(), doc.date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let _ = writeln!(
        out,
        "{}  {}{}",
        doc.id,
        doc.title.as_deref().unwrap_or("(no title)"),
        if issue.is_empty() {
            String::new()
        } else {
            format!(" ({})", issue.join(", "))
        }
    );
    let _ = writeln!(
        out,
        "  {} claims: {} cite a source, {} through sub-bullets, {} none",
        c.claims, c.sourced_directly, c.sourced_via_sub_bullets, c.unsourced
    );
    let kinds: Vec<String> = c
        .citation_kinds
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let kinds = if kinds.is_empty() {
        String::new()
    } else {
        format!(" ({})", kinds.join(", "))
    };
    let _ = writeln!(
        out,
        "  {} footnotes, {} citations{kinds}, {} links; {} tables, {} figures",
        c.footnotes, c.citations, c.links, c.tables, c.figures
    );

    render_findings(out, doc);
    render_outlets(out, doc);
    render_weakest_links(out, doc);
    render_summary_alignment(out, doc);
}

fn render_findings(out: &mut String, doc: &DocumentAudit) {
    let _ = writeln!(
        out,
        "\nFindings ({})",
        doc.findings.iter().map(|g| g.items.len()).sum::<usize>()
    );
    if doc.findings.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for group in &doc.findings {
        let severity = format!("{:?}", group.severity).to_lowercase();
        let _ = writeln!(out, "  {} ({}, {severity})", group.kind, group.items.len());
        for item in &group.items {
            let _ = writeln!(out, "    {}", item.message);
            if let (Some(id), Some(text)) = (&item.claim, &item.claim_text) {
                let _ = writeln!(out, "      claim {id}: {}", clip(text, CLAIM_CHARS));
            }
            if let (Some(id), Some(raw)) = (&item.citation, &item.citation_raw) {
                let _ = writeln!(out, "      cites {id}: {}", clip(raw, CITATION_CHARS));
            }
        }
    }
}

fn render_outlets(out: &mut String, doc: &DocumentAudit) {
    let _ = writeln!(out, "\nOutlets");
    if doc.outlets.is_empty() {
        let _ = writeln!(out, "  none");
    }
    let widest = doc.outlets.first().map_or(0, |(_, n)| *n);
    for (outlet, n) in &doc.outlets {
        let bar = "█".repeat((n * 30).div_ceil(widest.max(1)));
        let _ = writeln!(out, "  {n:>4}  {bar} {outlet}");
    }
}

fn render_weakest_links(out: &mut String, doc: &DocumentAudit) {
    let _ = writeln!(out, "\nWeakest links (support 0–1, lowest first)");
    if doc.weakest_links.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for link in &doc.weakest_links {
        let _ = writeln!(
            out,
            "  {:.2}  {} → {}: {}",
            link.support,
            link.claim,
            link.citation,
            clip(&link.citation_raw, CITATION_CHARS)
        );
        let _ = writeln!(out, "        {}", clip(&link.claim_text, CLAIM_CHARS));
    }
}

fn render_summary_alignment(out: &mut String, doc: &DocumentAudit) {
    if !doc.summary_alignment.is_empty() {
        let _ = writeln!(out, "\nSummary alignment");
        for a in &doc.summary_alignment {
            let aligned = if a.aligned_with.is_empty() {
                "no body claim".to_string()
            } else {
                a.aligned_with.join(", ")
            };
            let sources = match a.supported_by.len() {
                1 => "1 source".to_string(),
                n => format!("{n} sources"),
            };
            let _ = writeln!(
                out,
                "  {} → {aligned} ({sources}): {}",
                a.claim,
                clip(&a.claim_text, 50)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn document() -> Document {
        let claim = |id: &str, section: &str, text: &str| Claim {
            id: id.into(),
            section: section.into(),
            text: text.into(),
            ..Claim::default()
        };
        let mut summary = claim("C1", "S0", "북한은 국경을 개방함.");
        summary.aligned_with = vec!["C2".into()];
        summary.supported_by = vec!["F1.1".into()];
        let mut body = claim("C2", "S1", "북한은 8월 국경을 개방함.");
        body.sourcing = Sourcing::Direct;
        Document {
            schema: SCHEMA_VERSION.into(),
            document: DocumentInfo {
                id: "doc".into(),
                source: "doc.txt".into(),
                sha256: String::new(),
                series: None,
                date: Some("2024-02-01".into()),
                title: Some("제목".into()),
                pages: 1,
                format: "text".into(),
                ..DocumentInfo::default()
            },
            sections: vec![
                Section {
                    id: "S0".into(),
                    number: None,
                    title: None,
                    summary: true,
                },
                Section {
                    id: "S1".into(),
                    number: Some(1),
                    title: None,
                    summary: false,
                },
            ],
            claims: vec![summary, body],
            footnotes: vec![Footnote {
                n: 1,
                text: String::new(),
                page: 1,
                lines: [1, 1],
                boxes: vec![],
                cited_by: vec!["C2".into()],
                citations: vec![Citation {
                    id: "F1.1".into(),
                    kind: CitationKind::News,
                    raw: "｢국경 개방｣(2023. 8. 27.), 『연합뉴스』.".into(),
                    outlet: Some("연합뉴스".into()),
                    ..Citation::default()
                }],
            }],
            tables: vec![],
            figures: vec![],
            links: vec![Link {
                claim: "C2".into(),
                footnote: 1,
                citation: "F1.1".into(),
                support: Some(0.5),
            }],
            findings: vec![Finding {
                kind: "date_conflict".into(),
                severity: Severity::Warning,
                claim: Some("C2".into()),
                footnote: Some(1),
                citation: Some("F1.1".into()),
                message: "F1.1 is dated too early".into(),
            }],
        }
    }

    #[test]
    fn report_counts_groups_and_aligns() {
        let report = build(&[document()]);
        let doc = &report.documents[0];
        assert_eq!(doc.counts.sourced_directly, 1);
        assert_eq!(doc.counts.unsourced, 1);
        assert_eq!(doc.outlets, [("연합뉴스".to_string(), 1)]);
        assert_eq!(doc.findings[0].kind, "date_conflict");
        assert_eq!(
            doc.findings[0].items[0].claim_text.as_deref(),
            Some("북한은 8월 국경을 개방함.")
        );
        assert_eq!(doc.weakest_links[0].support, 0.5);
        assert_eq!(doc.summary_alignment[0].aligned_with, ["C2"]);
    }

    #[test]
    fn text_report_shows_the_claim_and_the_citation_of_a_finding() {
        let text = render_text(&build(&[document()]));
        assert!(text.contains("date_conflict (1, warning)"), "{text}");
        assert!(
            text.contains("claim C2: 북한은 8월 국경을 개방함."),
            "{text}"
        );
        assert!(text.contains("cites F1.1: ｢국경 개방｣"), "{text}");
        assert!(text.contains("C1 → C2 (1 source)"), "{text}");
    }
}
