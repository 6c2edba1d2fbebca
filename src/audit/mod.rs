//! Link and audit: claims ↔ citations through markers, and the findings.
//!
//! In: the claims with their markers, the parsed footnotes and the problems
//! earlier stages met. Out: `links`, each footnote's `cited_by`, and the
//! [`Finding`]s: missing and orphan footnotes, out-of-order and duplicate
//! markers, unresolved back references, malformed citations.

use std::collections::BTreeMap;

use crate::model::{Claim, ClaimTree, Finding, Footnote, Link, Severity, Sourcing};
use crate::support::ClaimWords;

pub mod accounting;
mod dates;
pub use dates::{date_findings, stated_months};

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
                    support: None,
                };
                if !links.contains(&link) {
                    links.push(link);
                }
            }
        }
    }
    links
}

/// Where each claim's sources are: its own markers, else its sub-bullets'
/// (at any depth), else none.
pub fn sourcing(claims: &[Claim]) -> Vec<Sourcing> {
    let tree = ClaimTree::new(claims);
    let mut out = vec![Sourcing::None; claims.len()];
    for (i, claim) in claims.iter().enumerate() {
        if claim.footnote_refs.is_empty() {
            continue;
        }
        out[i] = Sourcing::Direct;
        for p in tree.ancestors(i) {
            if out[p] == Sourcing::None {
                out[p] = Sourcing::SubBullets;
            }
        }
    }
    out
}

/// What makes a claim state a checkable fact: a date, a number with a unit,
/// or a quotation.
static FACT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(concat!(
        r"(?:19|20)\d{2}년\s*\d{1,2}월|\d{1,2}월\s*\d{1,2}일|[’‘']\d{2}\.\s*\d{1,2}\.",
        r"|\d[\d,.]*\s*(?:여\s*)?(?:%|퍼센트|달러|위안|루블|엔|유로|원|명|건|톤|개국|척|대|회|차례|억|만|천)",
        "|[“\"][^”\"]{2,}[”\"]",
    ))
    .expect("regex")
});

/// The facts a claim states, as printed (for the finding's message).
pub fn stated_facts(text: &str) -> Vec<&str> {
    FACT.find_iter(text)
        // `제3회 포럼` numbers an event, it does not count anything
        .filter(|m| !text[..m.start()].ends_with('제'))
        .map(|m| m.as_str())
        .collect()
}

/// `unsourced_claim`: a body claim that states facts (dates, figures,
/// quotations) while neither it nor any claim under it cites a source.
/// Summary claims are left out: they are traced through `supported_by`. So
/// is a claim that restates facts another claim of the report sources: every
/// fact it states is printed in a claim with a marker that shares at least
/// three content words with it (`RESTATED_WORDS`; an outlook repeating an
/// event of the body).
pub fn unsourced_findings(
    claims: &[Claim],
    summary: &[bool],
    claim_words: &[ClaimWords],
) -> Vec<Finding> {
    let sourced: Vec<usize> = (0..claims.len())
        .filter(|&i| claims[i].sourcing == Sourcing::Direct)
        .collect();
    let restated_in = |i: usize, facts: &[&str]| {
        sourced.iter().copied().find(|&s| {
            facts.iter().all(|f| prints_fact(&claims[s].text, f))
                && claim_words[s].all.intersection(&claim_words[i].all).count() >= RESTATED_WORDS
        })
    };
    let mut out = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if summary[i] || claim.sourcing != Sourcing::None {
            continue;
        }
        let facts = stated_facts(&claim.text);
        if facts.is_empty() || restated_in(i, &facts).is_some() {
            continue;
        }
        let shown: Vec<String> = facts.iter().take(3).map(|f| clip(f, 40)).collect();
        let parent_note = claim
            .parent
            .as_deref()
            .filter(|p| sourced.iter().any(|&s| claims[s].id == *p))
            .map(|p| format!("; its parent {p} cites a source"))
            .unwrap_or_default();
        out.push(Finding {
            claim: Some(claim.id.clone()),
            ..finding(
                "unsourced_claim",
                Severity::Info,
                format!(
                    "{} states facts ({}) without a source of its own or in its sub-bullets{parent_note}",
                    claim.id,
                    shown.join(", ")
                ),
            )
        });
    }
    out
}

/// Whether `text` prints `fact` as a whole figure: `2%` is not in `1.2%`.
fn prints_fact(text: &str, fact: &str) -> bool {
    text.match_indices(fact).any(|(at, _)| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
    })
}

/// Content words a claim must share with a sourced claim that prints the
/// same facts to count as restating it.
const RESTATED_WORDS: usize = 3;

/// `text` cut to `max` characters, with `…` when cut.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
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

/// Longer than any one bullet of a report: the lines ran together.
const LONGEST_CLAIM_CHARS: usize = 3000;
/// A printed line holds well under this many characters (a Korean report's
/// line about 45, an English one about 90): text whose lines average more
/// has lost its line breaks.
const LONGEST_MEAN_LINE_CHARS: usize = 200;

/// `layout_unrecognised`: the document does not read as a report — no
/// footnotes and no bullets, a claim too long to be one, or lines longer than
/// any printed line. One finding naming everything that was missing, so that
/// nothing is emitted as if it were a report without saying so.
pub fn recognition_findings(
    claims: &[Claim],
    footnotes: &[Footnote],
    mean_line_chars: usize,
) -> Vec<Finding> {
    let mut missing = Vec::new();
    if claims.is_empty() {
        missing.push("no claims".to_string());
    } else if footnotes.is_empty() && claims.iter().all(|c| c.marker.is_none()) {
        missing.push("no footnotes and no bullets".to_string());
    }
    let longest = claims
        .iter()
        .map(|c| (c.text.chars().count(), c))
        .max_by_key(|(n, _)| *n);
    if let Some((chars, claim)) = longest.filter(|(n, _)| *n > LONGEST_CLAIM_CHARS) {
        missing.push(format!(
            "claim {} runs to {chars} characters, more than any bullet (lines ran together)",
            claim.id
        ));
    }
    if mean_line_chars > LONGEST_MEAN_LINE_CHARS {
        missing.push(format!(
            "lines average {mean_line_chars} characters, longer than any printed line (no line structure)"
        ));
    }
    if missing.is_empty() {
        return Vec::new();
    }
    vec![finding(
        "layout_unrecognised",
        Severity::Warning,
        format!("not read as a report: {}", missing.join("; ")),
    )]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FootnoteRef;

    fn claim(text: &str, n: u32) -> Claim {
        Claim {
            id: "C1".into(),
            section: "S1".into(),
            text: text.into(),
            footnote_refs: vec![FootnoteRef {
                n,
                ..FootnoteRef::default()
            }],
            page: 1,
            lines: [1, 1],
            ..Claim::default()
        }
    }

    #[test]
    fn sourcing_comes_from_the_claim_or_its_sub_bullets() {
        let mut top = claim("북한은 2023년 8월 국경을 개방함.", 1);
        top.footnote_refs.clear();
        let mut child = claim("- 8월 27일 통보", 1);
        child.id = "C2".into();
        child.parent = Some("C1".into());
        let mut alone = claim("무역은 2% 증가함.", 1);
        alone.id = "C3".into();
        alone.footnote_refs.clear();
        let claims = [top, child, alone];
        assert_eq!(
            sourcing(&claims),
            [Sourcing::SubBullets, Sourcing::Direct, Sourcing::None]
        );
    }

    #[test]
    fn unsourced_claims_that_state_facts_are_found() {
        let mut claims: Vec<Claim> = [
            "북한의 대러 무역 비중은 2% 이내임.",
            "김정은은 “반제 공동행동”을 강조함.",
            "협력 확대는 쉽지 않을 것으로 판단됨.",
            "북한은 2023년 8월 국경을 개방함.",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut c = claim(text, 1);
            c.id = format!("C{}", i + 1);
            c.footnote_refs.clear();
            c
        })
        .collect();
        let found_sourcing = sourcing(&claims);
        for (c, s) in claims.iter_mut().zip(found_sourcing) {
            c.sourcing = s;
        }
        let words = vec![ClaimWords::default(); claims.len()];
        let found: Vec<Option<String>> =
            unsourced_findings(&claims, &[false, false, false, true], &words)
                .into_iter()
                .map(|f| f.claim)
                .collect();
        // an opinion states no fact; a summary claim is traced, not flagged
        assert_eq!(found, [Some("C1".into()), Some("C2".into())]);
    }

    #[test]
    fn a_fact_printed_by_a_sourced_claim_is_not_unsourced() {
        assert!(prints_fact("비중은 2% 이내", "2%"));
        assert!(!prints_fact("비중은 1.2% 수준", "2%"));
        assert_eq!(stated_facts("대략 6,000여 명 수준"), ["6,000여 명"]);
        let mut body = claim("2024년 1월 지진 위로 전문을 보냄.", 1);
        body.sourcing = Sourcing::Direct;
        let mut outlook = claim("2024년 1월 지진 위로 전문으로 대화 여건이 조성됨.", 1);
        outlook.id = "C2".into();
        outlook.footnote_refs.clear();
        let mut other = claim("2024년 1월 무역이 늘어남.", 1);
        other.id = "C3".into();
        other.footnote_refs.clear();
        let words = |list: &[&'static str]| ClaimWords {
            all: list
                .iter()
                .map(|w| std::borrow::Cow::Borrowed(*w))
                .collect(),
            sentences: vec![],
        };
        let claim_words = [
            words(&["지진", "위로", "전문"]),
            words(&["지진", "위로", "전문", "대화"]),
            words(&["무역"]),
        ];
        let found: Vec<Option<String>> =
            unsourced_findings(&[body, outlook, other], &[false; 3], &claim_words)
                .into_iter()
                .map(|f| f.claim)
                .collect();
        // the outlook restates the sourced event; the trade figure is new
        assert_eq!(found, [Some("C3".into())]);
    }

    #[test]
    fn what_is_missing_for_a_report_is_named() {
        let bullet = |text: &str| Claim {
            marker: Some("■".into()),
            ..claim(text, 1)
        };
        let plain = |text: &str| Claim {
            marker: None,
            ..claim(text, 1)
        };
        let message = |claims: &[Claim], footnotes: &[Footnote], mean: usize| {
            recognition_findings(claims, footnotes, mean)
                .into_iter()
                .map(|f| (f.kind, f.message))
                .next()
        };
        assert_eq!(message(&[bullet("주장임.")], &[], 45), None);
        let footnote = Footnote {
            n: 1,
            ..Footnote::default()
        };
        assert_eq!(message(&[plain("주장임.")], &[footnote], 45), None);
        let (kind, text) = message(&[plain("주장임.")], &[], 45).expect("finding");
        assert_eq!(kind, "layout_unrecognised");
        assert!(text.contains("no footnotes and no bullets"), "{text}");
        let long = "가".repeat(3001);
        let (_, text) = message(&[bullet(&long)], &[], 45).expect("finding");
        assert!(text.contains("claim C1 runs to 3001 characters"), "{text}");
        let (_, text) = message(&[bullet("주장임.")], &[], 201).expect("finding");
        assert!(text.contains("lines average 201 characters"), "{text}");
        assert!(message(&[], &[], 0).is_some_and(|(_, t)| t.contains("no claims")));
    }
}
