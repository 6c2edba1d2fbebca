//! HTML report: extracted documents in, one self-contained page out.
//!
//! In: [`Document`]s. Out: one HTML file with inline CSS, JS and SVG (no
//! network): per document the claims in reading order with their bullet
//! hierarchy, each footnote marker in place with its citations on hover or
//! click, claims coloured by attribution status, the footnote list with
//! links back to the citing claims, the findings linked to their claims,
//! footnotes and citations, and three charts (sources per outlet, cited dates
//! against the report date, footnotes per section). Documents other than the one shown are
//! `hidden`, so a page of a hundred reports stays responsive.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::{Citation, Claim, Document, Footnote, Section, Sourcing};
use crate::output::Failure;

mod charts;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The whole page for `documents`, in the order given.
pub fn render(documents: &[Document], failed: &[Failure]) -> String {
    let mut out = String::with_capacity(64 * 1024 * documents.len().max(1));
    let claims: usize = documents.iter().map(|d| d.claims.len()).sum();
    let footnotes: usize = documents.iter().map(|d| d.footnotes.len()).sum();
    let findings: usize = documents.iter().map(|d| d.findings.len()).sum();
    let count = plural(documents.len(), "document");
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>kcite audit: {count}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>kcite audit</h1><p>{count} · {} · {} · {}</p></header>\n\
         <div class=\"layout\">\n",
        plural(claims, "claim"),
        plural(footnotes, "footnote"),
        plural(findings, "finding"),
    );
    render_nav(&mut out, documents);
    out.push_str("<main>\n");
    render_failed(&mut out, failed);
    for (i, doc) in documents.iter().enumerate() {
        render_document(&mut out, doc, i);
    }
    let _ = write!(
        out,
        "</main>\n</div>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// `1 claim`, `2 claims`.
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// The reports that could not be read, each with why.
fn render_failed(out: &mut String, failed: &[Failure]) {
    if failed.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"failed\" id=\"failed\"><h2>Not read: {}</h2><ul>",
        plural(failed.len(), "file")
    );
    for failure in failed {
        let _ = writeln!(
            out,
            "<li><code>{}</code>: {}</li>",
            esc(&failure.source),
            esc(&failure.error)
        );
    }
    out.push_str("</ul></section>\n");
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn doc_anchor(index: usize) -> String {
    format!("d{}", index + 1)
}

fn render_nav(out: &mut String, documents: &[Document]) {
    out.push_str("<nav id=\"docs\">\n");
    if documents.len() > 8 {
        out.push_str(
            "<input id=\"doc-filter\" type=\"search\" placeholder=\"filter documents\">\n",
        );
    }
    out.push_str("<ol>\n");
    for (i, doc) in documents.iter().enumerate() {
        let title = doc
            .document
            .title
            .as_deref()
            .unwrap_or(doc.document.id.as_str());
        let _ = writeln!(
            out,
            "<li><button type=\"button\" data-target=\"{}\"{}><span class=\"t\">{}</span><span class=\"m\">{} · {}</span></button></li>",
            doc_anchor(i),
            if i == 0 { " class=\"on\"" } else { "" },
            esc(title),
            esc(doc.document.date.as_deref().unwrap_or(&doc.document.id)),
            plural(doc.findings.len(), "finding")
        );
    }
    out.push_str("</ol>\n</nav>\n");
}

fn render_document(out: &mut String, doc: &Document, index: usize) {
    let anchor = doc_anchor(index);
    let info = &doc.document;
    let _ = writeln!(
        out,
        "<section class=\"doc\" id=\"{anchor}\" data-id=\"{}\"{}>",
        esc(&info.id),
        if index == 0 { "" } else { " hidden" }
    );
    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<p class=\"meta\">{} · {} · {} · <code>{}</code></p>",
        esc(info.title.as_deref().unwrap_or(&info.id)),
        esc(info.series.as_deref().unwrap_or("series unknown")),
        esc(info.date.as_deref().unwrap_or("date unknown")),
        plural(info.pages as usize, "page"),
        esc(&info.source)
    );
    render_counts(out, doc);
    out.push_str("<div class=\"charts\">\n");
    out.push_str(&charts::outlet_chart(doc));
    out.push_str(&charts::timeline_chart(doc));
    out.push_str(&charts::section_chart(doc));
    out.push_str("</div>\n");
    out.push_str(
        "<p class=\"legend\"><span class=\"src-direct\">cites a source</span>\
         <span class=\"src-sub\">sourced through sub-bullets</span>\
         <span class=\"src-traced\">summary, traced to sourced body claims</span>\
         <span class=\"src-none\">no source</span>\
         <span class=\"weak\">weak support</span></p>\n",
    );
    out.push_str("<div class=\"cols\">\n<div class=\"claims\">\n");
    render_claims(out, doc, &anchor);
    render_exhibits(out, doc, &anchor);
    render_footnotes(out, doc, &anchor);
    out.push_str("</div>\n");
    render_findings(out, doc, &anchor);
    out.push_str("</div>\n</section>\n");
}

fn render_counts(out: &mut String, doc: &Document) {
    let citations: usize = doc.footnotes.iter().map(|f| f.citations.len()).sum();
    let counted = |n: usize, noun: &str| {
        let words = plural(n, noun);
        let (number, rest) = words.split_once(' ').unwrap_or((&words, ""));
        format!("<li><b>{number}</b> {rest}</li>")
    };
    let _ = writeln!(
        out,
        "<ul class=\"counts\">{}<li><b>{}</b> cite a source</li>\
         <li><b>{}</b> through sub-bullets</li><li><b>{}</b> without</li>{}{}{}{}{}</ul>",
        counted(doc.claims.len(), "claim"),
        doc.sourcing_count(Sourcing::Direct),
        doc.sourcing_count(Sourcing::SubBullets),
        doc.sourcing_count(Sourcing::None),
        counted(doc.footnotes.len(), "footnote"),
        counted(citations, "citation"),
        counted(doc.tables.len(), "table"),
        counted(doc.figures.len(), "figure"),
        counted(doc.findings.len(), "finding"),
    );
}

/// The tables and figures: caption, page, unit, notes and sources, each
/// source with the kind of work it cites.
fn render_exhibits(out: &mut String, doc: &Document, anchor: &str) {
    if doc.tables.is_empty() && doc.figures.is_empty() {
        return;
    }
    out.push_str("<section class=\"exhibits\"><h3>Tables and figures</h3><ul>\n");
    for exhibit in doc.tables.iter().chain(&doc.figures) {
        let _ = write!(
            out,
            "<li class=\"exhibit\" id=\"{anchor}-{}\"><b>{}</b> {} <span class=\"page\">p.{}</span>",
            esc(&exhibit.id),
            esc(&exhibit.id),
            esc(exhibit.caption.as_deref().unwrap_or("(no caption)")),
            exhibit.page
        );
        if let Some(unit) = &exhibit.unit {
            let _ = write!(out, " <span class=\"unit\">({})</span>", esc(unit));
        }
        for note in &exhibit.notes {
            let _ = write!(out, "<div class=\"note\">주: {}</div>", esc(note));
        }
        for citation in &exhibit.citations {
            let _ = write!(
                out,
                "<div class=\"source\">자료: {} <span class=\"kind\">{}</span></div>",
                esc(&citation.raw),
                citation.kind.as_str()
            );
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul></section>\n");
}

/// What a marker's pop-up shows: the footnote's citations, each with the
/// support of its link from the claim.
struct Sources<'a> {
    /// The document's anchor, prefix of every id in it.
    anchor: &'a str,
    footnotes: BTreeMap<u32, &'a Footnote>,
    support: BTreeMap<(&'a str, &'a str), f64>,
}

impl<'a> Sources<'a> {
    fn of(doc: &'a Document, anchor: &'a str) -> Self {
        Sources {
            anchor,
            footnotes: doc.footnotes.iter().map(|f| (f.n, f)).collect(),
            support: doc
                .links
                .iter()
                .filter_map(|l| Some(((l.claim.as_str(), l.citation.as_str()), l.support?)))
                .collect(),
        }
    }
}

fn render_claims(out: &mut String, doc: &Document, anchor: &str) {
    let sources = Sources::of(doc, anchor);
    let citations = doc.citations_by_id();
    let weak: BTreeSet<&str> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "weak_support")
        .filter_map(|f| f.claim.as_deref())
        .collect();
    let flagged: BTreeSet<&str> = doc
        .findings
        .iter()
        .filter_map(|f| f.claim.as_deref())
        .collect();
    let mut section = None;
    for claim in &doc.claims {
        if section != Some(&claim.section) {
            section = Some(&claim.section);
            let title = doc
                .sections
                .iter()
                .find(|s| s.id == claim.section)
                .map(Section::label)
                .unwrap_or_default();
            let _ = writeln!(out, "<h3>{}</h3>", esc(&title));
        }
        let status = match claim.sourcing {
            Sourcing::Direct => "src-direct",
            Sourcing::SubBullets => "src-sub",
            // summary claims cite nothing themselves: traced through alignment
            Sourcing::None if !claim.supported_by.is_empty() => "src-traced",
            Sourcing::None => "src-none",
        };
        let _ = write!(
            out,
            "<p class=\"claim {status}{}{}\" id=\"{anchor}-{}\" style=\"margin-left:{:.1}em\"><span class=\"cid\">{}</span><span class=\"page\" title=\"page {page}\">p.{page}</span><span class=\"bullet\">{}</span>",
            if weak.contains(claim.id.as_str()) {
                " weak"
            } else {
                ""
            },
            if flagged.contains(claim.id.as_str()) {
                " flagged"
            } else {
                ""
            },
            claim.id,
            f64::from(claim.depth) * 1.6,
            claim.id,
            esc(claim.marker.as_deref().unwrap_or("·")),
            page = claim.page,
        );
        if let Some(topic) = &claim.topic {
            let _ = write!(out, "<span class=\"topic\">[{}]</span> ", esc(topic));
        }
        render_claim_text(out, claim, &sources);
        if !claim.aligned_with.is_empty() {
            render_alignment(out, claim, &citations, anchor);
        }
        out.push_str("</p>\n");
    }
}

/// The claim's text with each footnote marker put back at its offset.
fn render_claim_text(out: &mut String, claim: &Claim, sources: &Sources) {
    let mut refs = claim.footnote_refs.iter().peekable();
    for (i, c) in claim.text.chars().enumerate() {
        while let Some(r) = refs.next_if(|r| r.offset == i) {
            render_marker(out, &claim.id, r.n, sources);
        }
        out.push_str(&esc(c.encode_utf8(&mut [0; 4])));
    }
    for r in refs {
        render_marker(out, &claim.id, r.n, sources);
    }
}

fn render_marker(out: &mut String, claim: &str, n: u32, sources: &Sources) {
    let _ = write!(
        out,
        "<sup class=\"fn\" tabindex=\"0\" data-n=\"{n}\">{n})<span class=\"pop\">"
    );
    match sources.footnotes.get(&n) {
        Some(f) => {
            for c in &f.citations {
                let support = sources
                    .support
                    .get(&(claim, c.id.as_str()))
                    .map(|s| format!(" <span class=\"support\">support {s:.2}</span>"))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<span class=\"cite k-{}\"><b>{}</b> <i>{}</i> {}{support}</span>",
                    c.kind.as_str(),
                    c.id,
                    c.kind.as_str(),
                    esc(&c.raw)
                );
            }
        }
        None => out.push_str("<span class=\"cite\">footnote missing</span>"),
    }
    if sources.footnotes.contains_key(&n) {
        let _ = write!(
            out,
            "<a class=\"to-fn\" href=\"#{}-fn{n}\">footnote {n} in the list</a>",
            sources.anchor
        );
    }
    out.push_str("</span></sup>");
}

fn render_alignment(
    out: &mut String,
    claim: &Claim,
    citations: &BTreeMap<&str, &Citation>,
    anchor: &str,
) {
    out.push_str("<span class=\"align\">summarises ");
    for (i, id) in claim.aligned_with.iter().enumerate() {
        let _ = write!(
            out,
            "{}<a href=\"#{anchor}-{id}\">{id}</a>",
            if i > 0 { ", " } else { "" }
        );
    }
    let _ = match claim.supported_by.len() {
        1 => write!(out, " · 1 source"),
        n => write!(out, " · {n} sources"),
    };
    let outlets: BTreeSet<&str> = claim
        .supported_by
        .iter()
        .filter_map(|id| citations.get(id.as_str())?.outlet.as_deref())
        .collect();
    if !outlets.is_empty() {
        let list: Vec<&str> = outlets.into_iter().collect();
        let _ = write!(out, " ({})", esc(&list.join(", ")));
    }
    out.push_str("</span>");
}

fn render_findings(out: &mut String, doc: &Document, anchor: &str) {
    let _ = writeln!(
        out,
        "<aside class=\"findings\"><h3>Findings ({})</h3>\n<ol>",
        doc.findings.len()
    );
    // the most severe first, in reading order within a severity
    let mut findings: Vec<&crate::model::Finding> = doc.findings.iter().collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    for f in findings {
        let _ = write!(
            out,
            "<li class=\"finding sev-{}\"><span class=\"kind\">{}</span> ",
            f.severity.as_str(),
            esc(&f.kind)
        );
        render_finding_links(out, f, doc, anchor);
        let _ = writeln!(out, "{}</li>", esc(&f.message));
    }
    out.push_str("</ol></aside>\n");
}

/// Links from a finding to what it concerns: its claim, or the claims that
/// cite its footnote; the footnote; the citation (in the footnote list, or
/// the table or figure whose source it is).
fn render_finding_links(out: &mut String, f: &crate::model::Finding, doc: &Document, anchor: &str) {
    let footnote = f
        .footnote
        .and_then(|n| doc.footnotes.iter().find(|x| x.n == n));
    let claims: Vec<&str> = match (&f.claim, footnote) {
        (Some(claim), _) => vec![claim.as_str()],
        (None, Some(footnote)) => footnote.cited_by.iter().map(String::as_str).collect(),
        (None, None) => Vec::new(),
    };
    for claim in claims {
        let _ = write!(out, "<a href=\"#{anchor}-{claim}\">{claim}</a> ");
    }
    if let Some(footnote) = footnote {
        let _ = write!(
            out,
            "<a class=\"fnlink\" href=\"#{anchor}-fn{0}\">footnote {0}</a> ",
            footnote.n
        );
    }
    let Some(citation) = &f.citation else { return };
    let exhibit = doc
        .tables
        .iter()
        .chain(&doc.figures)
        .find(|e| e.citations.iter().any(|c| &c.id == citation));
    match (footnote, exhibit) {
        (Some(_), _) => {
            let _ = write!(out, "<a href=\"#{anchor}-{citation}\">{citation}</a> ");
        }
        (None, Some(exhibit)) => {
            let _ = write!(out, "<a href=\"#{anchor}-{}\">{citation}</a> ", exhibit.id);
        }
        (None, None) => {}
    }
}

/// Every footnote in order with its typed citations, each footnote linking
/// back to the claims that cite it.
fn render_footnotes(out: &mut String, doc: &Document, anchor: &str) {
    if doc.footnotes.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section class=\"footnote-list\"><h3>Footnotes ({})</h3>\n<ol>",
        doc.footnotes.len()
    );
    for footnote in &doc.footnotes {
        let n = footnote.n;
        let _ = write!(
            out,
            "<li class=\"footnote\" id=\"{anchor}-fn{n}\" value=\"{n}\"><span class=\"page\">p.{}</span>",
            footnote.page
        );
        if footnote.citations.is_empty() {
            let _ = write!(out, "<span class=\"cite\">{}</span>", esc(&footnote.text));
        }
        for c in &footnote.citations {
            let _ = write!(
                out,
                "<span class=\"cite k-{kind}\" id=\"{anchor}-{id}\"><b>{id}</b> <i>{kind}</i> {}</span>",
                esc(&c.raw),
                kind = c.kind.as_str(),
                id = c.id,
            );
        }
        out.push_str("<span class=\"cited-by\">");
        if footnote.cited_by.is_empty() {
            out.push_str("cited by no claim");
        } else {
            out.push_str("cited by ");
            for (i, claim) in footnote.cited_by.iter().enumerate() {
                let sep = if i > 0 { ", " } else { "" };
                let _ = write!(out, "{sep}<a href=\"#{anchor}-{claim}\">{claim}</a>");
            }
        }
        out.push_str("</span></li>\n");
    }
    out.push_str("</ol></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn markers_go_back_at_their_offsets() {
        let claim = Claim {
            id: "C1".into(),
            text: "이상을 지양함.".into(),
            footnote_refs: vec![
                crate::model::FootnoteRef {
                    n: 1,
                    offset: 2,
                    ..Default::default()
                },
                crate::model::FootnoteRef {
                    n: 2,
                    offset: 8,
                    ..Default::default()
                },
            ],
            ..Claim::default()
        };
        let mut out = String::new();
        let sources = Sources {
            anchor: "d0",
            footnotes: BTreeMap::new(),
            support: BTreeMap::new(),
        };
        render_claim_text(&mut out, &claim, &sources);
        assert!(out.starts_with("이상<sup class=\"fn\""), "{out}");
        assert!(
            out.contains("지양함.<sup class=\"fn\" tabindex=\"0\" data-n=\"2\">"),
            "{out}"
        );
        assert_eq!(out.matches("class=\"fn\"").count(), 2);
    }
}
