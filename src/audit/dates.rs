//! Dates: when a cited item says it happened against when the claim says.
//!
//! In: the claims (their text, sentences and markers), the parsed footnotes
//! and the report's date. Out: findings — `future_source` (a source dated
//! after the report), `date_conflict` (a source dated well before the
//! earliest event its claim dates) and `source_before_event` (a headline
//! reporting as done an event the claim dates later).

mod headline;
mod spans;

use std::sync::LazyLock;

use crate::audit::finding;
use crate::citations::is_legal_title;
use headline::{announces, reports_done, states_time_since};
use spans::{Day, Span, stated_spans};

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
        let rest = caps.get(0).map_or("", |m| &text[m.end()..]).trim_start();
        if caps.get(4).is_some() || ["까지", "으로", "로"].iter().any(|t| rest.starts_with(t))
        {
            continue; // `2024년으로 연기`, `2026년 말까지`: a target, not an event
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

/// What marks the claim's day as an effective date or a deadline, which an
/// article may well announce before it comes: right after the date
/// (`부터`, `자로`, `에 시행`), or anywhere in the event's clause (`시행`,
/// `적용`).
static EFFECTIVE_AFTER_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:부터|까지|자로|에\s*(?:시행|발효))").expect("regex"));
static EFFECTIVE_IN_CLAUSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"시행|발효|효력|적용").expect("regex"));

/// The event a marker cites as the claim dates it: its span, whether the
/// claim gives it as a plan (announced in its clause, or after the report),
/// and whether as an effective date or a deadline.
struct CitedEvent {
    span: Span,
    planned: bool,
    effective: bool,
}

/// `source_before_event`: a headline reporting an event as done, dated
/// before the span its claim gives that event (within the margin
/// `date_conflict` leaves). A headline that announces is left alone; so is
/// an effective date unless the headline counts the time since it (`시행
/// 한 달`). A planned event (an announcement in the claim, or a day after
/// the report), or one dated by a month or a period, is reported early by
/// articles on the plan or the run-up, so it needs a headline saying in so
/// many words that it is done.
fn source_before_event(
    claims: &[Claim],
    contexts: &[Option<i32>],
    footnotes: &[Footnote],
    report_date: Option<&str>,
    already: &[Finding],
) -> Vec<Finding> {
    let report_day = report_date.and_then(Span::from_iso).map(|s| s.last);
    let mut out = Vec::new();
    for (claim, &context) in claims.iter().zip(contexts) {
        for marker in &claim.footnote_refs {
            let Some(event) = cited_event(claim, marker.offset, context, report_day) else {
                continue;
            };
            let Some(footnote) = footnotes.iter().find(|f| f.n == marker.n) else {
                continue;
            };
            for citation in &footnote.citations {
                let (Some(date), Some(title)) =
                    (citation.date.as_deref(), citation.title.as_deref())
                else {
                    continue;
                };
                let Some(source) = Span::from_iso(date) else {
                    continue;
                };
                let flagged = already.iter().any(|f| {
                    f.claim.as_deref() == Some(claim.id.as_str())
                        && f.citation.as_deref() == Some(citation.id.as_str())
                });
                if citation.kind != CitationKind::News
                    || source.last >= event.span.first
                    || announces(title)
                    || flagged
                    || (event.effective && !states_time_since(title))
                {
                    continue;
                }
                // a plan, or an event dated by a month or a period, has its
                // earlier articles on the plan or the run-up: only a headline
                // saying the event is done contradicts it
                if (event.planned || !event.span.is_day()) && !reports_done(title) {
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
                            "{} “{title}” is dated {date}, before {}, the {} the claim gives the event it reports as done",
                            citation.id,
                            event.span,
                            if event.span.is_day() { "day" } else { "period" }
                        ),
                    )
                });
            }
        }
    }
    out
}

/// The event a marker cites (see [`CitedEvent`]): the earliest span dated
/// in the clause that carries the marker, or, when that clause dates
/// nothing, the earliest one before the marker in its sentence. A sentence
/// that runs list items together (`…함 ‐다음 항목…`) is read item by item.
fn cited_event(
    claim: &Claim,
    marker: usize,
    context_year: Option<i32>,
    report_day: Option<Day>,
) -> Option<CitedEvent> {
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
    let (start, end) = item_around(&claim.text, start, marker, end);
    let before_marker = &claim.text[start..marker];
    if !before_marker.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // a bare `1월 6일` is read in the year stated before it
    let year_before = |at: usize| read_dates(&claim.text[..at], context_year).1;
    let clause_start = start + clause_start(before_marker);
    let earliest = |from: usize| {
        stated_spans(&claim.text[from..marker], || year_before(from), report_day)
            .into_iter()
            .min_by_key(|(span, _)| span.first)
            .map(|(span, span_end)| (span, from + span_end))
    };
    let (span, span_end, clause_start) = match earliest(clause_start) {
        Some((span, span_end)) => (span, span_end, clause_start),
        None => {
            let (span, span_end) = earliest(start)?;
            let from = start + clause_start_before(&claim.text[start..span_end]);
            (span, span_end, from)
        }
    };
    // the clause that tells what happened then, from its start to its first
    // ending after the span (`출범시키고`, `확정되었으며,`): a later clause's
    // plan (`…검토하기로 하였다`) does not make the event an announcement,
    // while an effective date may be told as late as the marker's clause
    let after = &claim.text[span_end..end];
    let clause_end = span_end + clause_ends(after).first().copied().unwrap_or(after.len());
    let clause = &claim.text[clause_start..clause_end];
    let effective = EFFECTIVE_AFTER_DATE.is_match(after) || EFFECTIVE_IN_CLAUSE.is_match(clause);
    let forecast = report_day.is_some_and(|r| span.first > r);
    Some(CitedEvent {
        span,
        planned: forecast || announces(clause),
        effective,
    })
}

/// A clause ending: a verb's connective (`-고`, `-며`, `-면서`, `-는데`,
/// `-지만`, `-으나`, `-므로`) before a space or comma, `-에 따라`, or a comma
/// or semicolon.
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[가-힣](?:고|며|면서|는데|지만|으나|므로)[\s,]|에\s*따라\s|[,;]\s").expect("regex")
});

/// The byte offsets in `text` where clauses end, outside parentheses (a
/// list of dates in parentheses is one clause), and not at the comma after
/// a fronted date (`9월, 대표단이 방문하였음`).
fn clause_ends(text: &str) -> Vec<usize> {
    CLAUSE_END
        .find_iter(text)
        .filter(|m| {
            let before = &text[..m.start()];
            let after_date = m.as_str().starts_with([',', ';'])
                && before.ends_with(['월', '일', '년', '순', '초', '말', '기']);
            if after_date {
                return false;
            }
            let depth = |open: char, close: char| {
                before.matches(open).count() as i64 - before.matches(close).count() as i64
            };
            depth('(', ')') <= 0 && depth('（', '）') <= 0
        })
        .map(|m| m.end())
        .collect()
}

/// Where the clause that ends `text` (the text before a marker) starts: after
/// the last clause ending that does not close `text` itself (a marker after
/// `확정되었으며,` belongs to the clause that comma closes).
fn clause_start(text: &str) -> usize {
    let closed = text.trim_end().len();
    clause_ends(text)
        .into_iter()
        .rfind(|&e| text[..e].trim_end().len() < closed)
        .unwrap_or(0)
}

/// Where the clause that holds the end of `text` starts.
fn clause_start_before(text: &str) -> usize {
    clause_ends(text).last().copied().unwrap_or(0)
}

/// The list item of a sentence that holds `marker`: a sentence that runs
/// items together marks each with a dash after the previous item's last
/// word (`…유예함 ‐다음 항목`).
fn item_around(text: &str, start: usize, marker: usize, end: usize) -> (usize, usize) {
    static ITEM_DASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[가-힣.]\s+[‐‑–−-]\s*[가-힣A-Za-z「『“‘(]").expect("regex"));
    let sentence = &text[start..end];
    let mut item = (start, end);
    for m in ITEM_DASH.find_iter(sentence) {
        // the dash's own position: after the word and its spaces
        let dash = start
            + m.start()
            + sentence[m.start()..m.end()]
                .char_indices()
                .find(|(_, c)| "‐‑–−-".contains(*c))
                .map_or(0, |(i, _)| i);
        if dash < marker {
            item.0 = dash;
        } else {
            item.1 = item.1.min(dash);
            break;
        }
    }
    item
}

#[cfg(test)]
mod tests;
