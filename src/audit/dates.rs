//! Dates: when a cited item says it happened against when the claim says.
//!
//! In: the claims (their text, sentences and markers), the parsed footnotes
//! and the report's date. Out: findings — `future_source` (a source dated
//! after the report), `date_conflict` (a source dated well before the
//! earliest event its claim dates) and `source_before_event` (a headline
//! reporting as done an event the claim dates later).

use crate::audit::finding;
use crate::citations::is_legal_title;
use crate::word_regex::WordRegex;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{CitationKind, Claim, ClaimTree, Finding, Footnote, Severity};

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
    // each claim's own last year, read once, not once per descendant
    let own: Vec<Option<i32>> = claims.iter().map(|c| read_dates(&c.text, None).1).collect();
    (0..claims.len())
        .map(|i| tree.ancestors(i).find_map(|p| own[p]))
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
    let contexts = context_years(claims);
    // the earliest event each claim dates, computed once
    let earliest_event: Vec<Option<i32>> = claims
        .iter()
        .zip(contexts.iter().copied())
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
            // an act's date is its enactment's or publication's: the claim may
            // well date its application or its effects years later
            let is_act = citation.title.as_deref().is_some_and(is_legal_title);
            for (claim, earliest) in claims.iter().zip(&earliest_event) {
                let Some(earliest) = *earliest else { continue };
                if is_act {
                    continue;
                }
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
    let before_event = source_before_event(claims, &contexts, footnotes, report_date, &out);
    out.extend(before_event);
    out
}

/// Whether a headline (or a claim) announces what is to come rather than
/// reporting what happened: an announcement form of its language. Korean
/// 예정, 계획, 방침, 추진 …; Chinese 将, 拟, 计划; Japanese 予定, 方針 and a
/// clause ending in `へ` (`利下げへ`); English `will`, `plans`, `set to`,
/// `expected to` … and `to` + verb as the headline's main verb (`North
/// Korea to launch satellite`), not any `to` (`China Makes Record Cut to
/// Five-Year Loan Prime Rate` reports a cut made).
fn announces(text: &str) -> bool {
    static EAST_ASIAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            // Korean
            r"예정|계획|방침|전망|추진|검토|예고|통보|임박|앞두고|키로|하기로|할 것|될 것",
            // Chinese
            r"|将|拟|计划|預計|预计|准备",
            // Japanese: `へ` closing a clause, not `へ` inside a word
            r"|予定|方針|計画|見通し|検討|へ(?:$|[、，,。…」』\s])",
        ))
        .expect("regex")
    });
    static ENGLISH: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(concat!(
            r"(?i)\b(?:will|plans?|planning|mulls?|weighs|considers|eyes",
            r"|(?:set|expected|scheduled|poised|aims?|seeks?|due|likely|ready) to)\b",
        ))
        .expect("regex")
    });
    EAST_ASIAN.is_match(text) || ENGLISH.is_match(text) || to_is_main_verb(text)
}

/// Words after `to` that make it a preposition: numbers, determiners and
/// possessives, and the superlatives of a level reached (`to Record`).
const NOMINAL_AFTER_TO: &[&str] = &[
    "a", "an", "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "trillion",
    "half", "record", "new", "lowest", "highest", "near", "zero",
];

/// `to` + verb as the headline's main verb: the first `to` of a clause,
/// after a subject that holds no verb, before a word that is no number,
/// determiner or level. The subject holds a verb when a word before its
/// head (its last word) reads as a finite verb, `-s` or `-ed` (`China
/// Makes Record Cut to …`); the head itself may end in `-s` (`Banks to
/// cut rates`), which a verb right before `to` (`Kim Returns to
/// Pyongyang`) also does, so that one reads as an announcement: the
/// finding is then not given, the safe side.
fn to_is_main_verb(headline: &str) -> bool {
    headline
        .split([':', ';', ',', '|', '—', '–'])
        .flat_map(|clause| clause.split(" - "))
        .any(|clause| {
            let words: Vec<&str> = clause
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '$'))
                .filter(|w| !w.is_empty())
                .collect();
            let Some(at) = words.iter().position(|w| w.eq_ignore_ascii_case("to")) else {
                return false;
            };
            let (subject, next) = (&words[..at], words.get(at + 1));
            let Some(next) = next else { return false };
            let first = next.split('-').next().unwrap_or(next).to_lowercase();
            let nominal = next.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c))
                || NOMINAL_AFTER_TO.contains(&first.as_str());
            let verb_in_subject = subject
                .split_last()
                .is_some_and(|(_, before_head)| before_head.iter().any(|w| reads_as_verb(w)));
            !subject.is_empty() && !nominal && !verb_in_subject
        })
}

/// A headline word in a finite verb's form: `Makes`, `cuts`, `Raised`; not
/// a possessive (`Korea's`), an acronym (`US`), `-ss`/`-us`/`-is` words, or
/// a short word (`Fed`).
fn reads_as_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    let acronym = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    let finite_s = lower.chars().count() >= 4
        && lower.ends_with('s')
        && !["ss", "us", "is", "'s", "’s"]
            .iter()
            .any(|e| lower.ends_with(e));
    let past = lower.chars().count() >= 5 && lower.ends_with("ed");
    !acronym && word.chars().all(|c| c.is_ascii_alphabetic()) && (finite_s || past)
}

/// What marks the claim's day as an effective date or a deadline, which an
/// article may well announce before it comes.
static EFFECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:부터|까지|자로|에\s*(?:시행|발효))|시행|발효|효력|적용").expect("regex")
});

/// `source_before_event`: a headline reporting an event as done, dated
/// before the day its claim gives that event (within the margin
/// `date_conflict` leaves). Announcements, effective dates and forecasts
/// (days after the report) are left alone.
fn source_before_event(
    claims: &[Claim],
    contexts: &[Option<i32>],
    footnotes: &[Footnote],
    report_date: Option<&str>,
    already: &[Finding],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (claim, &context) in claims.iter().zip(contexts) {
        for marker in &claim.footnote_refs {
            let Some(event) = event_day(claim, marker.offset, context) else {
                continue;
            };
            if report_date.is_some_and(|r| event.as_str() > r) {
                continue;
            }
            let Some(footnote) = footnotes.iter().find(|f| f.n == marker.n) else {
                continue;
            };
            for citation in &footnote.citations {
                let (Some(date), Some(title)) =
                    (citation.date.as_deref(), citation.title.as_deref())
                else {
                    continue;
                };
                let flagged = already.iter().any(|f| {
                    f.claim.as_deref() == Some(claim.id.as_str())
                        && f.citation.as_deref() == Some(citation.id.as_str())
                });
                if citation.kind != CitationKind::News
                    || date.len() != event.len()
                    || date >= event.as_str()
                    || announces(title)
                    || flagged
                {
                    continue;
                }
                out.push(Finding {
                    claim: Some(claim.id.clone()),
                    footnote: Some(footnote.n),
                    citation: Some(citation.id.clone()),
                    ..finding(
                        "source_before_event",
                        Severity::Warning,
                        format!(
                            "{} “{title}” is dated {date}, before {event}, the day the claim gives the event it reports as done",
                            citation.id
                        ),
                    )
                });
            }
        }
    }
    out
}

/// The day (ISO) the claim gives the event a marker cites: the earliest full
/// date stated in the marker's sentence before it, unless the sentence
/// makes it an announced or effective date.
fn event_day(claim: &Claim, marker: usize, context_year: Option<i32>) -> Option<String> {
    let [start, end] = *claim
        .sentences
        .iter()
        .find(|[s, e]| (*s..=*e).contains(&marker))?;
    let byte = |chars: usize| {
        claim
            .text
            .char_indices()
            .nth(chars)
            .map_or(claim.text.len(), |(b, _)| b)
    };
    let (start, marker, end) = (byte(start), byte(marker), byte(end));
    let before_marker = &claim.text[start..marker];
    if !before_marker.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // a bare `1월 6일` is read in the year stated before the sentence
    let year_before = || read_dates(&claim.text[..start], context_year).1;
    // several days before the marker: the source may report any of them
    let (day, day_end) = stated_days(before_marker, year_before).into_iter().min()?;
    let after = &claim.text[start + day_end..end];
    // the clause that tells what happened on that day: from the sentence's
    // start to the first clause ending after the date (`출범시키고`,
    // `확정되었으며,`), so that a later clause's plan (`…검토하기로 하였다`)
    // does not make the dated event an announcement
    let clause_end = CLAUSE_END.find(after).map_or(after.len(), |m| m.end());
    let clause = &claim.text[start..start + day_end + clause_end];
    (!EFFECTIVE.is_match(after) && !EFFECTIVE.is_match(clause) && !announces(clause)).then_some(day)
}

/// A clause ending: a verb's connective (`-고`, `-며`, `-는데`, `-지만`)
/// before a space or comma, or a comma or semicolon.
static CLAUSE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[가-힣](?:고|며|는데|지만)[\s,]|[,;]\s").expect("regex"));

/// The full days `text` states, as ISO dates with the byte offset where each
/// ends: `2024년 1월 6일`, `(’24. 1. 6.)`, `2024. 1. 6.`, and `1월 6일` in the
/// year last stated before it (or `year_before`'s).
fn stated_days(text: &str, year_before: impl FnOnce() -> Option<i32>) -> Vec<(String, usize)> {
    const FULL: &str =
        r"(?P<y1>(?:19|20)\d{2})년(?:\s*(?P<m1>\d{1,2})월(?:\s*(?P<d1>\d{1,2})일)?)?";
    const DOTTED: &str =
        r"(?:[’‘']|\b(?:19|20))(?P<y2>\d{2})\.\s*(?P<m2>\d{1,2})\.\s*(?P<d2>\d{1,2})\b";
    const BARE: &str = r"(?P<m3>\d{1,2})월\s*(?P<d3>\d{1,2})일";
    static DAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("{FULL}|{DOTTED}|{BARE}")).expect("regex"));
    // the dotted form's `\b` makes the regex slow: without a dotted date
    // in the text (the form with its boundaries dropped), leave it out
    static DOTTED_ANYWHERE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d{2}\.\s*\d{1,2}\.\s*\d{1,2}").expect("regex"));
    static DAY_UNDOTTED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("{FULL}|{BARE}")).expect("regex"));
    let day = if DOTTED_ANYWHERE.is_match(text) {
        &DAY
    } else {
        &DAY_UNDOTTED
    };
    let mut out = Vec::new();
    // the year last stated in `text`; before the first, `year_before`'s,
    // asked for only when a bare day needs it
    let mut year: Option<i32> = None;
    let mut year_before = Some(year_before);
    for caps in day.captures_iter(text) {
        let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let (y, m, d) = if let Some(full) = number("y1") {
            year = Some(full);
            (Some(full), number("m1"), number("d1"))
        } else if let Some(short) = number("y2") {
            year = Some(2000 + short);
            (year, number("m2"), number("d2"))
        } else {
            if year.is_none() {
                year = year_before.take().and_then(|f| f());
            }
            (year, number("m3"), number("d3"))
        };
        if let (Some(y), Some(m @ 1..=12), Some(d @ 1..=31)) = (y, m, d) {
            out.push((
                format!("{y}-{m:02}-{d:02}"),
                caps.get(0).map_or(0, |g| g.end()),
            ));
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
            text: text.into(),
            sentences: vec![[0, text.chars().count()]],
            footnote_refs: vec![FootnoteRef {
                n,
                offset: text.chars().count(),
                ..FootnoteRef::default()
            }],
            ..Claim::default()
        }
    }

    fn footnote(n: u32, date: &str) -> Footnote {
        Footnote {
            n,
            citations: vec![Citation {
                id: format!("F{n}.1"),
                date: Some(date.into()),
                ..Citation::default()
            }],
            ..Footnote::default()
        }
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

    fn news(n: u32, title: &str, date: &str) -> Footnote {
        let mut f = footnote(n, date);
        f.citations[0].kind = crate::model::CitationKind::News;
        f.citations[0].title = Some(title.into());
        f
    }

    fn kinds_for(claim_text: &str, title: &str, date: &str) -> Vec<String> {
        date_findings(
            &[claim(claim_text, 1)],
            &[news(1, title, date)],
            Some("2024-02-01"),
        )
        .into_iter()
        .map(|f| f.kind)
        .collect()
    }

    #[test]
    fn a_headline_reporting_as_done_an_event_dated_later_is_flagged() {
        let launch = "북한은 2024년 1월 10일 동해상으로 탄도미사일을 발사하였음";
        assert_eq!(
            kinds_for(launch, "북한, 동해상으로 탄도미사일 발사", "2024-01-08"),
            ["source_before_event"]
        );
        assert_eq!(
            kinds_for(launch, "North Korea fires ballistic missile", "2024-01-09"),
            ["source_before_event"]
        );
        // the short and dotted forms, and a bare day in the year stated before it
        let short = "북한은 미사일을 발사(’24. 1. 10.)하였음";
        assert_eq!(
            kinds_for(short, "북한, 미사일 발사", "2024-01-08"),
            ["source_before_event"]
        );
        let list = "북한은 위성을 발사(’24. 1. 10., ’24. 1. 20.)하였음";
        assert_eq!(
            kinds_for(list, "북한, 위성 발사", "2024-01-08"),
            ["source_before_event"]
        );
        assert!(
            kinds_for(list, "북한, 위성 발사", "2024-01-12").is_empty(),
            "any of the days listed"
        );
        let bare = "2024년 들어 북한은 1월 10일 미사일을 발사하였음";
        assert_eq!(
            kinds_for(bare, "북한, 미사일 발사", "2024-01-08"),
            ["source_before_event"]
        );
    }

    #[test]
    fn an_acts_publication_date_is_no_date_conflict() {
        let claim = claim(
            "심사 제도는 2022년 10월부터 적용되어 2023년 5월 첫 심사가 이루어졌음",
            1,
        );
        let act = |title: &str| {
            let mut f = footnote(1, "2019-03-21");
            f.citations[0].title = Some(title.into());
            f
        };
        for title in [
            "Regulation (EU) 2019/300 of the European Parliament and of the Council",
            "외국인투자 촉진법",
            "Critical Minerals Security Act of 2019",
        ] {
            let found = date_findings(
                std::slice::from_ref(&claim),
                &[act(title)],
                Some("2024-01-01"),
            );
            assert!(found.iter().all(|f| f.kind != "date_conflict"), "{title}");
        }
        // a report of the same date still conflicts
        let found = date_findings(
            &[claim],
            &[act("심사 제도의 도입 배경")],
            Some("2024-01-01"),
        );
        assert!(found.iter().any(|f| f.kind == "date_conflict"));
    }

    #[test]
    fn only_the_dated_clause_decides_whether_the_event_is_announced() {
        // done on the day, a plan in a later clause
        let done_then_plan =
            "위원회는 2023년 3월 8일 협의체를 발족시키고 여러 방안을 검토하기로 하였음";
        assert_eq!(
            kinds_for(done_then_plan, "협의체 발족…논의 시작", "2023-03-02"),
            ["source_before_event"]
        );
        // planned on the day: still an announcement
        let planned = "위원회는 2023년 3월 8일 협의체를 발족시킬 예정이며 방안을 검토함";
        assert!(kinds_for(planned, "협의체 발족…논의 시작", "2023-03-02").is_empty());
        // in force from the day, whatever follows
        let effective = "개정법은 2023년 3월 8일부터 시행되었고 가입자가 늘었음";
        assert!(kinds_for(effective, "개정법 시행…가입자 증가", "2023-03-02").is_empty());
    }

    #[test]
    fn announcement_forms_in_four_languages() {
        for headline in [
            "북한, 위성 발사 예정",
            "정부, 반도체 지원 확대 방침",
            "한미, 연합훈련 재개 추진",
            "中国将下调贷款市场报价利率",
            "央行拟降准",
            "北朝鮮、衛星発射へ",
            "日銀、追加利上げへ 7月会合で",
            "政府、補正予算を編成する方針",
            "North Korea will launch a missile, Seoul says",
            "North Korea plans missile test",
            "China set to cut loan prime rate",
            "Fed expected to hold rates",
            "North Korea to launch satellite",
            "US Banks to Cut Rates",
            "North Korea's Kim to visit Russia",
            "Japan, South Korea to hold talks",
        ] {
            assert!(announces(headline), "{headline}");
        }
    }

    #[test]
    fn a_to_that_is_no_main_verb_is_no_announcement() {
        for headline in [
            "China Makes Record Cut to Five-Year Loan Prime Rate",
            "Fed Cuts Rates to Lowest Since 2008",
            "Biden Sends Envoy to Seoul",
            "Exports Rise to Record in March",
            "China raised its tariff to 25% on US goods",
            "Won falls to the weakest level",
            "북한, 동해상으로 탄도미사일 발사",
            "中国下调贷款市场报价利率",
            "日銀、マイナス金利を解除",
            "Trade deal signed",
        ] {
            assert!(!announces(headline), "{headline}");
        }
        assert!(reads_as_verb("Makes") && reads_as_verb("Slashed"));
        for word in ["Korea's", "US", "Fed", "Congress", "Banks1"] {
            assert!(!reads_as_verb(word), "{word}");
        }
    }

    #[test]
    fn a_cut_reported_as_made_before_the_day_the_claim_gives_is_flagged() {
        let cut = "중국은 2024년 1월 20일 5년 만기 대출우대금리를 인하하였음";
        assert_eq!(
            kinds_for(
                cut,
                "China Makes Record Cut to Five-Year Loan Prime Rate",
                "2024-01-12"
            ),
            ["source_before_event"]
        );
        assert!(kinds_for(cut, "China to cut loan prime rate", "2024-01-12").is_empty());
    }

    #[test]
    fn announcements_effective_dates_and_later_sources_are_not_flagged() {
        let launch = "북한은 2024년 1월 10일 동해상으로 탄도미사일을 발사하였음";
        // dated the same day or after
        assert!(kinds_for(launch, "북한, 탄도미사일 발사", "2024-01-10").is_empty());
        assert!(kinds_for(launch, "북한, 탄도미사일 발사", "2024-01-11").is_empty());
        // the headline announces: 예정, 계획, to, will, plans
        for headline in [
            "북한, 위성 발사 예정",
            "북한, 탄도미사일 발사 계획 통보",
            "North Korea to launch satellite",
            "North Korea will launch a missile, Seoul says",
            "North Korea plans missile test",
            "日 \"北, 위성 발사 통보\"…발사 임박했나",
            "朝鲜计划发射卫星",
        ] {
            assert!(
                kinds_for(launch, headline, "2024-01-08").is_empty(),
                "{headline}"
            );
        }
        // an effective date announced by an earlier article
        let tariff = "미국의 새 관세는 2024년 1월 1일부터 시행되었음";
        assert!(kinds_for(tariff, "미국, 중국산 전기차에 새 관세 부과", "2023-12-15").is_empty());
        let agreement = "협정은 2024년 1월 1일 발효되었음";
        assert!(kinds_for(agreement, "한-캄보디아 FTA 서명", "2023-12-20").is_empty());
        // a day after the report is a forecast
        let forecast = "회담은 2024년 3월 10일 열림";
        assert!(kinds_for(forecast, "정상회담 개최", "2024-01-20").is_empty());
        // a month, not a day: nothing to compare at day level
        assert!(
            kinds_for(
                "북한은 2024년 1월 미사일을 발사함",
                "북한, 미사일 발사",
                "2024-01-02"
            )
            .is_empty()
        );
        // far earlier: date_conflict, not both
        assert_eq!(
            kinds_for(launch, "북한, 탄도미사일 발사", "2023-06-01"),
            ["date_conflict"]
        );
    }
}
