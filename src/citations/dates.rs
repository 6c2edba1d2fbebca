//! Dates as citations print them: numeric, CJK and English.

use std::sync::LazyLock;

use regex::Regex;

use crate::word_regex::WordRegex;

pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // a day cut by a line break keeps its closing dot (`2024. 6. 2 0.` is the 20th)
    Regex::new(
        r"(?P<y>(?:19|20)\d{2})\s*\.\s*(?P<m>\d{1,2})(?:\s*\.\s*(?P<d>\d \d\s*\.|\d{1,2}))?\s*\.?",
    )
    .expect("regex")
});

/// After a news title: the date (in parentheses, or with the `(` missing) and
/// what follows it, the outlet.
pub(super) fn date_and_rest<'a>(
    after: &'a str,
    problems: &mut Vec<String>,
) -> (Option<String>, &'a str) {
    let t = after.trim_start().trim_start_matches(',').trim_start();
    if let Some(inner_start) = t.strip_prefix('(') {
        let close = inner_start.find(')').unwrap_or(inner_start.len());
        let date = any_date(&inner_start[..close]);
        let rest = inner_start.get(close + 1..).unwrap_or("");
        if date.is_some() {
            return (date, rest);
        }
    }
    if let Some(m) = DATE.find(t)
        && m.start() == 0
    {
        let rest = &t[m.end()..];
        if let Some(rest) = rest.trim_start().strip_prefix(')') {
            problems.push("the date lacks its opening parenthesis".to_string());
            return (parse_date(m.as_str()), rest);
        }
        return (parse_date(m.as_str()), rest);
    }
    (None, t)
}

/// `2023. 8. 4.` → `2023-08-04`; `2023. 9.` → `2023-09`; `’22. 8. 10.` → `2022-08-10`.
pub fn parse_date(text: &str) -> Option<String> {
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[’'‘](?P<y>\d{2})\s*\.\s*(?P<m>\d{1,2})(?:\s*\.\s*(?P<d>\d{1,2}))?")
            .expect("regex")
    });
    let (year, caps) = if let Some(caps) = DATE.captures(text) {
        (caps["y"].parse::<i32>().ok()?, caps)
    } else {
        let caps = SHORT.captures(text)?;
        (2000 + caps["y"].parse::<i32>().ok()?, caps)
    };
    let month: u32 = caps["m"].parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match caps.name("d").and_then(|d| day_number(d.as_str())) {
        Some(day) if (1..=31).contains(&day) => Some(format!("{year:04}-{month:02}-{day:02}")),
        _ => Some(format!("{year:04}-{month:02}")),
    }
}

pub(super) fn english_month_year(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut words = text.split_whitespace();
    let month = words.next()?;
    let year = words.next()?.trim_end_matches('.');
    if year.len() != 4 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let m = MONTHS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(month))?
        + 1;
    Some(format!("{year:04}-{m:02}"))
}

pub(super) fn four_digit_year(text: &str) -> Option<i32> {
    static YEAR: LazyLock<WordRegex> =
        LazyLock::new(|| WordRegex::new(r"\b((?:19|20)\d{2})\b").expect("regex"));
    YEAR.captures(text)?[1].parse().ok()
}

/// Any date a citation prints: numeric (`2024. 1. 24.`, `’22. 8. 10.`),
/// Korean, Chinese or Japanese (`2024년 1월 24일`, `2023年10月24日`, `2023年6月`),
/// English (`January 24, 2024`, `Jan. 24, 2024`, `24 Jan 2024`, `January 2024`).
pub fn any_date(text: &str) -> Option<String> {
    parse_date(text).or_else(|| find_date(text).map(|(_, date)| date))
}

/// The first date in a text, numeric, CJK or English, with where it stands.
pub(super) fn find_date(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    static CJK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월](?:\s*(?P<d>\d{1,2})\s*[日일])?")
            .expect("regex")
    });
    static ENGLISH: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:(?P<d>\d{1,2})\s+)?(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:(?P<d2>\d{1,2}),?\s+)?(?P<y>(?:19|20)\d{2})\b")
            .expect("regex")
    });
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let ymd = |y: &str, m: u32, d: Option<u32>| -> Option<String> {
        let y: i32 = y.parse().ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
        Some(match d.filter(|d| (1..=31).contains(d)) {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        })
    };
    let day = |caps: &regex::Captures| {
        caps.name("d")
            .or(caps.name("d2"))
            .and_then(|d| day_number(d.as_str()))
    };
    let numeric = DATE.captures(text).and_then(|caps| {
        let m: u32 = caps["m"].parse().ok()?;
        Some((caps.get(0)?.range(), ymd(&caps["y"], m, day(&caps))?))
    });
    let cjk = CJK.captures(text).and_then(|caps| {
        let m: u32 = caps["m"].parse().ok()?;
        Some((caps.get(0)?.range(), ymd(&caps["y"], m, day(&caps))?))
    });
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})\b")
            .expect("regex")
    });
    let english = ENGLISH.captures(text).and_then(|caps| {
        let mon = caps["mon"].to_lowercase();
        let m = MONTHS.iter().position(|x| mon.starts_with(x))? + 1;
        Some((
            caps.get(0)?.range(),
            ymd(&caps["y"], u32::try_from(m).ok()?, day(&caps))?,
        ))
    });
    // `21.3.2019`: day, month and year as European official journals print them
    let day_first = DAY_FIRST.captures(text).and_then(|caps| {
        let m: u32 = caps["m"].parse().ok()?;
        let d: u32 = caps["d"].parse().ok()?;
        Some((caps.get(0)?.range(), ymd(&caps["y"], m, Some(d))?))
    });
    [numeric, cjk, english, day_first]
        .into_iter()
        .flatten()
        .min_by_key(|(range, _)| range.start)
}

/// `20`, `2 0.` (cut by a line break) → 20.
fn day_number(text: &str) -> Option<u32> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}
