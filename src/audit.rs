//! Link and audit: claims ↔ citations through markers, and the findings.
//!
//! In: the claims with their markers, the parsed footnotes and the problems
//! earlier stages met. Out: `links`, each footnote's `cited_by`, and the
//! [`Finding`]s: missing and orphan footnotes, out-of-order and duplicate
//! markers, unresolved back references, malformed citations.

use std::collections::BTreeMap;

use crate::model::{Claim, Finding, Footnote, Link, Severity};

/// Links every claim to the citations of the footnotes it marks, and fills
/// `cited_by`.
pub fn link(claims: &[Claim], footnotes: &mut [Footnote]) -> Vec<Link> {
    let index: BTreeMap<u32, usize> = footnotes
        .iter()
        .enumerate()
        .map(|(i, f)| (f.n, i))
        .collect();
    let mut links = Vec::new();
    for claim in claims {
        for r in &claim.footnote_refs {
            let Some(&fi) = index.get(&r.n) else { continue };
            let footnote = &mut footnotes[fi];
            if !footnote.cited_by.contains(&claim.id) {
                footnote.cited_by.push(claim.id.clone());
            }
            for citation in &footnote.citations {
                let link = Link {
                    claim: claim.id.clone(),
                    footnote: r.n,
                    citation: citation.id.clone(),
                };
                if !links.contains(&link) {
                    links.push(link);
                }
            }
        }
    }
    links
}

/// A finding about one footnote or citation.
pub fn finding(kind: &str, severity: Severity, message: String) -> Finding {
    Finding {
        kind: kind.to_string(),
        severity,
        claim: None,
        footnote: None,
        citation: None,
        message,
    }
}

/// Gaps in the footnote numbering and footnotes no claim marks.
pub fn numbering_findings(footnotes: &[Footnote]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut expected = 1;
    for footnote in footnotes {
        for missing in expected..footnote.n {
            out.push(Finding {
                footnote: Some(missing),
                ..finding(
                    "missing_footnote",
                    Severity::Error,
                    format!(
                        "footnote {missing} is missing: the numbering jumps from {} to {}",
                        expected - 1,
                        footnote.n
                    ),
                )
            });
        }
        expected = footnote.n + 1;
        if footnote.cited_by.is_empty() {
            out.push(Finding {
                footnote: Some(footnote.n),
                ..finding(
                    "orphan_footnote",
                    Severity::Warning,
                    format!("footnote {} has no marker in the text", footnote.n),
                )
            });
        }
    }
    out
}

/// Orders findings by where they occur, so output is stable and readable.
pub fn sort_findings(findings: &mut [Finding]) {
    fn claim_number(id: &Option<String>) -> u32 {
        id.as_deref()
            .and_then(|c| c.trim_start_matches('C').parse().ok())
            .unwrap_or(0)
    }
    findings.sort_by(|a, b| {
        (
            a.footnote.unwrap_or(0),
            claim_number(&a.claim),
            &a.kind,
            &a.message,
        )
            .cmp(&(
                b.footnote.unwrap_or(0),
                claim_number(&b.claim),
                &b.kind,
                &b.message,
            ))
    });
}
