//! Days and the periods a sentence dates: a day is a one-day span, a month,
//! a half-year (`상반기`), a quarter (`2분기`) or a part of a month or year
//! (`초`, `중순`, `말`, `연말`) a span of days, so that an event dated only
//! by a period compares with a source's day.

use std::sync::LazyLock;

use regex::Regex;

/// A calendar day; the day of a month's end is 31 whatever the month, which
/// orders days rightly and is all a comparison needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    fn new(year: i32, month: u32, day: u32) -> Self {
        Day { year, month, day }
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// The days from `first` to `last`, both in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: Day,
    pub last: Day,
}

impl Span {
    fn months(year: i32, first: u32, last: u32) -> Self {
        Span {
            first: Day::new(year, first, 1),
            last: Day::new(year, last, 31),
        }
    }

    fn day(year: i32, month: u32, day: u32) -> Self {
        let d = Day::new(year, month, day);
        Span { first: d, last: d }
    }

    /// Whether the span is one day.
    pub fn is_day(&self) -> bool {
        self.first == self.last
    }

    /// An ISO date as a citation gives it: `2024-05-03` a day, `2024-05` its
    /// month, `2024` its year.
    pub fn from_iso(date: &str) -> Option<Self> {
        let mut parts = date.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let Some(month) = parts.next() else {
            return Some(Span::months(year, 1, 12));
        };
        let month: u32 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
        match parts.next() {
            None => Some(Span::months(year, month, month)),
            Some(day) => {
                let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
                Some(Span::day(year, month, day))
            }
        }
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.is_day() {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{} – {}", self.first, self.last)
        }
    }
}

/// The months a period of a year covers: `상반기` 1–6, `하반기` 7–12, a
/// quarter (`2분기`, `2/4분기`, `제2분기`) its three, `초`/`연초` 1–3,
/// `중반` 4–9, `말`/`연말` 10–12.
fn year_period(word: &str) -> Option<(u32, u32)> {
    let quarter = word
        .chars()
        .find(|c| c.is_ascii_digit())
        .and_then(|c| c.to_digit(10))
        .filter(|q| (1..=4).contains(q));
    match word {
        "상반기" => Some((1, 6)),
        "하반기" => Some((7, 12)),
        "초" | "연초" => Some((1, 3)),
        "중반" => Some((4, 9)),
        "말" | "연말" => Some((10, 12)),
        _ if word.ends_with("분기") => quarter.map(|q| (3 * q - 2, 3 * q)),
        _ => None,
    }
}

/// The days a part of a month covers: `초`/`초순`/`상순` 1–10, `중순` 11–20,
/// `하순`/`말` 21–31.
fn month_period(word: &str) -> Option<(u32, u32)> {
    match word {
        "초" | "초순" | "상순" => Some((1, 10)),
        "중순" => Some((11, 20)),
        "하순" | "말" => Some((21, 31)),
        _ => None,
    }
}

const YEAR_PERIODS: &str = r"상반기|하반기|(?:제\s*)?[1-4](?:/4)?\s*분기|연초|연말|중반|초|말";
const MONTH_PERIODS: &str = r"초순|상순|중순|하순|초|말";

/// The dates of [`stated_spans`]: a year with its month, day or period, a
/// dotted day (`’24. 1. 6.`, `2024. 1. 6.`) when `dotted`, a month without
/// its year; each may be followed by a target's particle.
fn span_regex(dotted: bool) -> Regex {
    let full = format!(
        concat!(
            r"(?P<y1>(?:19|20)\d{{2}})년\s*(?:(?P<m1>\d{{1,2}})월",
            r"(?:\s*(?P<d1>\d{{1,2}})일|\s*(?P<mp1>{mp}))?|(?P<yp>{yp}))?",
        ),
        mp = MONTH_PERIODS,
        yp = YEAR_PERIODS
    );
    let dotted_day = if dotted {
        r"|(?:[’‘']|\b(?:19|20))(?P<y2>\d{2})\.\s*(?P<m2>\d{1,2})\.\s*(?P<d2>\d{1,2})\b"
    } else {
        ""
    };
    let bare =
        format!(r"(?P<m3>\d{{1,2}})월(?:\s*(?P<d3>\d{{1,2}})일|\s*(?P<mp3>{MONTH_PERIODS}))?");
    let target = r"(?P<target>\s*(?:까지|으로|로(?:[^가-힣]|$)))?";
    Regex::new(&format!("(?:{full}{dotted_day}|{bare}){target}")).expect("regex")
}

/// The spans `text` dates, with the byte offset where each ends: full days
/// (`2024년 1월 6일`, `(’24. 1. 6.)`, `2024. 1. 6.`), months (`2024년 1월`),
/// periods (`2024년 상반기`, `2024년 3분기`, `2024년 1월 하순`, `2024년
/// 말`), and a month or day without its year (`1월 6일`, `3월 초`) in the
/// year last stated before it or, before the first, `year_before`'s. A bare
/// year is too coarse to date an event and is left out, as is a span
/// followed by `까지`, `으로`, `로` (a target, not an event).
pub fn stated_spans(
    text: &str,
    year_before: impl FnOnce() -> Option<i32>,
    report: Option<Day>,
) -> Vec<(Span, usize)> {
    static SPAN: LazyLock<Regex> = LazyLock::new(|| span_regex(true));
    // the dotted form's `\b` makes the regex slow: without a dotted date in
    // the text (the form with its boundaries dropped), leave it out
    static SPAN_UNDOTTED: LazyLock<Regex> = LazyLock::new(|| span_regex(false));
    static DOTTED_ANYWHERE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d{2}\.\s*\d{1,2}\.\s*\d{1,2}").expect("regex"));
    let span_regex = if DOTTED_ANYWHERE.is_match(text) {
        &SPAN
    } else {
        &SPAN_UNDOTTED
    };
    let mut out = Vec::new();
    let mut year: Option<i32> = None;
    let mut year_before = Some(year_before);
    for caps in span_regex.captures_iter(text) {
        let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
        let word = |name: &str| caps.name(name).map(|m| m.as_str());
        let target = caps.name("target").is_some();
        let (y, month, day, period) = if let Some(full) = number("y1") {
            if !target {
                year = Some(full);
            }
            let period = word("mp1").or(word("yp"));
            (Some(full), number("m1"), number("d1"), period)
        } else if let Some(short) = number("y2") {
            year = Some(2000 + short);
            (year, number("m2"), number("d2"), None)
        } else {
            if year.is_none() {
                year = year_before.take().and_then(|f| f());
            }
            // a month alone in no year is too loose to place (`7월`)
            let near_report = || {
                number("d3")?;
                Some(nearest_year(number("m3")?, report?))
            };
            (
                year.or_else(near_report),
                number("m3"),
                number("d3"),
                word("mp3"),
            )
        };
        let period_is_a_word = caps
            .name("mp1")
            .or(caps.name("yp"))
            .or(caps.name("mp3"))
            .is_none_or(|p| ends_word(&text[p.end()..]));
        if target || !period_is_a_word {
            continue;
        }
        let Some(y) = y else { continue };
        let month = month.and_then(|m| u32::try_from(m).ok());
        let day = day.and_then(|d| u32::try_from(d).ok());
        let span = match (month, day, period) {
            (Some(m @ 1..=12), Some(d @ 1..=31), _) => Span::day(y, m, d),
            (Some(m @ 1..=12), None, Some(p)) => match month_period(p) {
                Some((first, last)) => Span {
                    first: Day::new(y, m, first),
                    last: Day::new(y, m, last),
                },
                None => continue,
            },
            (Some(m @ 1..=12), None, None) => Span::months(y, m, m),
            (None, None, Some(p)) => match year_period(p.trim()) {
                Some((first, last)) => Span::months(y, first, last),
                None => continue,
            },
            _ => continue,
        };
        out.push((span, caps.get(0).map_or(0, |g| g.end())));
    }
    out
}

/// The year that puts `month` nearest `report`: a report of January means
/// last December by `12월`, one of December next January by `1월`.
fn nearest_year(month: i32, report: Day) -> i32 {
    let report_month = report.month as i32;
    match month - report_month {
        d if d > 6 => report.year - 1,
        d if d < -6 => report.year + 1,
        _ => report.year,
    }
}

/// Whether a period word (`초`, `말`) ends where `rest` begins: at no
/// Hangul, or at a particle (`말에`, `초부터`, `말경`), not inside a longer
/// word (`초청`, `말레이시아`).
fn ends_word(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| !('가'..='힣').contains(&c) || "에부까경께의이을로엔쯤중과와".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, year_before: Option<i32>) -> Vec<String> {
        stated_spans(text, || year_before, None)
            .into_iter()
            .map(|(s, _)| s.to_string())
            .collect()
    }

    #[test]
    fn days_months_and_periods_are_spans() {
        assert_eq!(spans("2023년 8월 7일 발표", None), ["2023-08-07"]);
        assert_eq!(spans("위로 전문(’24. 1. 6.)을", None), ["2024-01-06"]);
        assert_eq!(spans("회의(2021. 3. 9.)에서", None), ["2021-03-09"]);
        assert_eq!(spans("2023년 8월 발표", None), ["2023-08-01 – 2023-08-31"]);
        assert_eq!(spans("2026년 상반기 중", None), ["2026-01-01 – 2026-06-31"]);
        assert_eq!(spans("2026년 하반기에", None), ["2026-07-01 – 2026-12-31"]);
        assert_eq!(spans("2022년 3분기", None), ["2022-07-01 – 2022-09-31"]);
        assert_eq!(spans("2022년 2/4분기", None), ["2022-04-01 – 2022-06-31"]);
        assert_eq!(spans("2022년 제4 분기", None), ["2022-10-01 – 2022-12-31"]);
        assert_eq!(spans("2021년 연말", None), ["2021-10-01 – 2021-12-31"]);
        assert_eq!(spans("2021년 초", None), ["2021-01-01 – 2021-03-31"]);
        assert_eq!(spans("2021년 5월 하순", None), ["2021-05-21 – 2021-05-31"]);
        assert_eq!(spans("2021년 5월 초", None), ["2021-05-01 – 2021-05-10"]);
    }

    #[test]
    fn a_date_without_its_year_is_read_in_the_year_before_it() {
        assert_eq!(
            spans("2023년 3월 부임, 12월 11일 귀환", None),
            ["2023-03-01 – 2023-03-31", "2023-12-11"]
        );
        assert_eq!(
            spans("8월 하순 재개", Some(2022)),
            ["2022-08-21 – 2022-08-31"]
        );
        assert!(spans("8월 하순 재개", None).is_empty());
        // no year stated anywhere: the year nearest the report's day
        let report = |year, month| Some(Day::new(year, month, 15));
        let near = |text: &str, at: Option<Day>| -> Vec<String> {
            stated_spans(text, || None, at)
                .into_iter()
                .map(|(s, _)| s.to_string())
                .collect()
        };
        assert_eq!(near("9월 27일 선거", report(2022, 9)), ["2022-09-27"]);
        assert_eq!(near("12월 20일 발사", report(2023, 1)), ["2022-12-20"]);
        assert_eq!(near("1월 5일 회담", report(2022, 12)), ["2023-01-05"]);
        assert!(near("7월 회담", report(2022, 12)).is_empty());
        // a year the text states wins
        assert_eq!(
            near("2019년 3월, 12월 20일", report(2023, 1))
                .last()
                .map(String::as_str),
            Some("2019-12-20")
        );
        assert!(spans("3개월 만에 재개", Some(2022)).is_empty());
    }

    #[test]
    fn a_bare_year_and_a_target_date_no_event() {
        assert!(spans("2026년 이후가 될 가능성", None).is_empty());
        assert!(spans("2027년 말까지 유예", None).is_empty());
        assert!(spans("2027년 3월로 연기", None).is_empty());
        assert!(spans("5월 3일까지 제출", Some(2022)).is_empty());
        // a target year puts no year in force
        assert!(spans("2027년까지 5월 3일 발표", None).is_empty());
        assert_eq!(spans("2027년까지 5월 3일 발표", Some(2022)), ["2022-05-03"]);
    }

    #[test]
    fn a_period_word_is_a_whole_word() {
        assert_eq!(spans("2021년 말에 발표", None), ["2021-10-01 – 2021-12-31"]);
        assert_eq!(spans("2021년 초부터", None), ["2021-01-01 – 2021-03-31"]);
        assert!(spans("2021년 말레이시아 방문", None).is_empty());
        assert!(spans("2021년 초청 강연", None).is_empty());
    }

    #[test]
    fn iso_dates_of_citations_are_spans() {
        let span = |iso: &str| Span::from_iso(iso).map(|s| s.to_string());
        assert_eq!(span("2024-05-03").as_deref(), Some("2024-05-03"));
        assert_eq!(span("2024-05").as_deref(), Some("2024-05-01 – 2024-05-31"));
        assert_eq!(span("2024").as_deref(), Some("2024-01-01 – 2024-12-31"));
        assert_eq!(span("2024-13"), None);
        assert_eq!(span("n.d."), None);
    }
}
