//! Link and audit: claims ↔ citations through markers, and the findings.
//!
//! In: the claims with their markers, the parsed footnotes and the problems
//! earlier stages met. Out: `links`, each footnote's `cited_by`, and the
//! [`Finding`]s: missing and orphan footnotes, out-of-order and duplicate
//! markers, unresolved back references, malformed citations.

use std::collections::BTreeMap;

use crate::model::{Claim, ClaimTree, Finding, Footnote, Link, Severity, Sourcing};
use crate::support::ClaimWords;

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

/// Months since year 0 of an ISO date (`YYYY-MM` or `YYYY-MM-DD`).
fn month_index(date: &str) -> Option<i32> {
    let mut parts = date.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: i32 = parts.next()?.parse().ok()?;
    Some(year * 12 + month - 1)
}

/// The months a claim states for its events (`2023년 8월`, `2023년 하반기`,
/// `(’22. 8. 10.)`, and `8월 하순`, `12월 11일` read in the year last stated
/// before them, or else in `context_year`, the year the enclosing claims
/// state). A month with no year to read it in is left out as ambiguous; a
/// year followed by 으로/로/까지 is a target, not an event.
pub fn stated_months(text: &str, context_year: Option<i32>) -> Vec<i32> {
    read_dates(text, context_year).0
}

/// The months `text` states (see [`stated_months`]) and the year in force
/// at its end: the last year it states, else `context_year`.
fn read_dates(text: &str, context_year: Option<i32>) -> (Vec<i32>, Option<i32>) {
    use std::sync::LazyLock;
    static YEAR_MONTH: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"((?:19|20)\d{2})년\s*(?:(\d{1,2})월|(상반기|하반기|초|말|연말|1/4분기|2/4분기|3/4분기|4/4분기)|(으로|로|까지))?",
            r"|[’‘'](\d{2})\.\s*(\d{1,2})\.",
            r"|(\d{1,2})월",
        ))
        .expect("regex")
    });
    let mut year_in_force = context_year;
    let mut out = Vec::new();
    for caps in YEAR_MONTH.captures_iter(text) {
        let number = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        let valid = |m: i32| (1..=12).contains(&m).then_some(m);
        if let Some(month) = number(7) {
            // a bare month: only in a known year, and not a count (`3개월`)
            if let (Some(year), Some(month)) = (year_in_force, valid(month)) {
                out.push(year * 12 + month - 1);
            }
            continue;
        }
        if let Some(short) = number(5) {
            let year = 2000 + short;
            year_in_force = Some(year);
            if let Some(month) = number(6).and_then(valid) {
                out.push(year * 12 + month - 1);
            }
            continue;
        }
        let Some(year) = number(1) else { continue };
        if caps.get(4).is_some() {
            continue; // `2024년으로 연기`: a target, not an event
        }
        year_in_force = Some(year);
        let month = match (number(2), caps.get(3).map(|m| m.as_str())) {
            (Some(m), _) => match valid(m) {
                Some(m) => m,
                None => continue,
            },
            (None, Some("하반기" | "3/4분기")) => 7,
            (None, Some("4/4분기" | "말" | "연말")) => 10,
            (None, Some("2/4분기")) => 4,
            _ => 1,
        };
        out.push(year * 12 + month - 1);
    }
    (out, year_in_force)
}

/// The year a claim's enclosing claims last state, nearest first: a bare
/// `8월` in a sub-bullet is read in it.
fn context_years(claims: &[Claim]) -> Vec<Option<i32>> {
    let tree = ClaimTree::new(claims);
    (0..claims.len())
        .map(|i| {
            tree.ancestors(i)
                .find_map(|p| read_dates(&claims[p].text, None).1)
        })
        .collect()
}

/// How long before an event a source may plausibly report on it (months).
const EARLY_MARGIN_MONTHS: i32 = 3;

/// `future_source`: a cited item dated after the report. `date_conflict`: a
/// cited item dated well before the earliest event the claim itself dates
/// (events after the report date are forecasts and are left out).
pub fn date_findings(
    claims: &[Claim],
    footnotes: &[Footnote],
    report_date: Option<&str>,
) -> Vec<Finding> {
    let report_month = report_date.and_then(month_index);
    // the earliest event each claim dates, computed once
    let earliest_event: Vec<Option<i32>> = claims
        .iter()
        .zip(context_years(claims))
        .map(|(c, context)| {
            stated_months(&c.text, context)
                .into_iter()
                .filter(|m| report_month.is_none_or(|r| *m <= r))
                .min()
        })
        .collect();
    let mut out = Vec::new();
    for footnote in footnotes {
        for citation in &footnote.citations {
            let Some(cited) = citation.date.as_deref().and_then(month_index) else {
                continue;
            };
            if citation
                .date
                .as_deref()
                .zip(report_date)
                .is_some_and(|(c, r)| c > r && c.len() == r.len())
                || report_month.is_some_and(|r| cited > r)
            {
                out.push(Finding {
                    footnote: Some(footnote.n),
                    citation: Some(citation.id.clone()),
                    ..finding(
                        "future_source",
                        Severity::Warning,
                        format!(
                            "{} is dated {}, after the report ({})",
                            citation.id,
                            citation.date.as_deref().unwrap_or(""),
                            report_date.unwrap_or("")
                        ),
                    )
                });
            }
            for (claim, earliest) in claims.iter().zip(&earliest_event) {
                let Some(earliest) = *earliest else { continue };
                if !claim.footnote_refs.iter().any(|r| r.n == footnote.n) {
                    continue;
                }
                if cited < earliest - EARLY_MARGIN_MONTHS {
                    out.push(Finding {
                        claim: Some(claim.id.clone()),
                        footnote: Some(footnote.n),
                        citation: Some(citation.id.clone()),
                        ..finding(
                            "date_conflict",
                            Severity::Warning,
                            format!(
                                "{} is dated {}, {} months before the earliest event the claim dates ({}-{:02})",
                                citation.id,
                                citation.date.as_deref().unwrap_or(""),
                                earliest - cited,
                                earliest / 12,
                                earliest % 12 + 1
                            ),
                        )
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, FootnoteRef};

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

    fn footnote(n: u32, date: &str) -> Footnote {
        let citation = Citation {
            id: format!("F{n}.1"),
            date: Some(date.into()),
            ..Citation::default()
        };
        Footnote {
            n,
            text: String::new(),
            page: 1,
            lines: [1, 1],
            boxes: vec![],
            cited_by: vec![],
            citations: vec![citation],
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
        let words = |list: &[&str]| ClaimWords {
            all: list.iter().map(|w| w.to_string()).collect(),
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
    fn stated_months_read_korean_date_forms() {
        assert_eq!(stated_months("2023년 8월 하순", None), [2023 * 12 + 7]);
        assert_eq!(stated_months("2023년 하반기부터", None), [2023 * 12 + 6]);
        assert_eq!(stated_months("위로 전문(’24. 1. 6.)을", None), [2024 * 12]);
        assert!(stated_months("2024년으로 연기됨, 12월 11일", None).is_empty());
        // bare months in the year stated before them, or the enclosing claim's
        assert_eq!(
            stated_months("2023년 3월 부임, 12월 11일 귀환", None),
            [2023 * 12 + 2, 2023 * 12 + 11]
        );
        assert_eq!(stated_months("8월 하순 재개", Some(2023)), [2023 * 12 + 7]);
        assert!(stated_months("3개월 만에 재개", Some(2023)).is_empty());
        // the year a parent leaves in force for its sub-bullets: not a target
        assert_eq!(
            read_dates("2023년 3월 합의, 2024년으로 연기", None).1,
            Some(2023)
        );
        assert_eq!(read_dates("위로 전문(’24. 1. 6.)", None).1, Some(2024));
    }

    #[test]
    fn source_a_year_before_the_event_conflicts() {
        let claims = [claim(
            "2024년 1월에 발생한 지진에 위로 전문(’24. 1. 6.)을 보냄.",
            1,
        )];
        let kinds = |date: &str| -> Vec<String> {
            date_findings(&claims, &[footnote(1, date)], Some("2024-02-01"))
                .into_iter()
                .map(|f| f.kind)
                .collect()
        };
        assert_eq!(kinds("2023-01-06"), ["date_conflict"]);
        assert!(kinds("2024-01-07").is_empty());
        assert_eq!(kinds("2024-03-01"), ["future_source"]);
    }
}
