//! Where a work was published: container, volume, issue, pages.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Citation;
use crate::word_regex::WordRegex;

use super::creators::is_institution;
use super::dates::english_month_year;

pub(super) static PAGES: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"\bpp?\.\s*(?P<p>\d+(?:\s*[-–~]\s*\d+)?)").expect("regex"));
pub(super) static VOLUME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\bvol\.\s*(?P<v>[\w\-]+)|제\s*(?P<k>\d+)\s*권").expect("regex")
});
pub(super) static ISSUE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:no\.|issue)\s*(?P<v>\d[\w\-/]*)|제\s*(?P<k>[\d\-]+)\s*호")
        .expect("regex")
});

/// Container, volume, issue, pages and institution after an academic title.
/// `book`: the title is a book's (in 『』 or unbracketed), so a plain name
/// after it is its publisher, not a journal.
pub(super) fn parse_publication(after: &str, had_title: bool, book: bool, c: &mut Citation) {
    if let Some(caps) = PAGES.captures(after) {
        c.pages = Some(caps["p"].split_whitespace().collect());
    }
    if let Some(caps) = VOLUME.captures(after) {
        c.volume = caps
            .name("v")
            .or(caps.name("k"))
            .map(|m| m.as_str().to_string());
    }
    if let Some(caps) = ISSUE.captures(after) {
        c.issue = caps
            .name("v")
            .or(caps.name("k"))
            .map(|m| m.as_str().to_string());
    }
    let parts: Vec<&str> = after
        .split(',')
        .map(|p| p.trim().trim_end_matches('.').trim())
        .filter(|p| !p.is_empty())
        .collect();
    let mut rest: Vec<&str> = Vec::new();
    for part in parts.iter().copied() {
        if let Some(name) = periodical_with_locators(part) {
            // `『국토연구』 제104권 제2호`: the periodical, then its numbers
            c.container.get_or_insert_with(|| name.to_string());
        } else if let Some((name, number)) = numbered_series(part) {
            // `NBER Working Paper No. 27415`, `日本銀行ワーキングペーパーシリーズ No. 20-J-4`
            c.container.get_or_insert_with(|| strip_brackets(name));
            c.issue = Some(number.to_string());
        } else if !is_locator(part) && english_month_year(part).is_none() && !is_editors(part) {
            rest.push(part);
        }
    }
    let mut rest = rest.into_iter();
    if !had_title {
        c.title = rest.next().map(str::to_string);
    }
    if let Some(next) = rest.next() {
        match publisher(next) {
            Some(name) if c.institution.is_none() => c.institution = Some(name.to_string()),
            _ if (is_institution(next) || book && is_plain_name(next))
                && c.institution.is_none() =>
            {
                c.institution = Some(next.to_string());
            }
            _ if c.container.is_none() => split_series_number(next, c),
            _ => {}
        }
    }
    if let Some(last) = rest.next_back()
        && c.institution.is_none()
    {
        c.institution = Some(publisher(last).unwrap_or(last).to_string());
    }
    if c.date.is_none() {
        // `World Economic Outlook, October 2023`
        c.date = parts.iter().find_map(|p| english_month_year(p));
    }
}

/// A volume, issue, pages or year; also a page label whose number a line
/// break or a lost line took away (`…, 2021, pp.`), which names nothing.
fn is_locator(part: &str) -> bool {
    static YEAR_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:19|20)\d{2}$").expect("regex"));
    static PAGE_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:pp?|p\s?p|S|쪽)\.?$").expect("regex"));
    PAGE_LABEL.is_match(part)
        || PAGES.is_match(part)
        || VOLUME.is_match(part)
        || ISSUE.is_match(part)
        || YEAR_ONLY.is_match(part)
}

/// `in Oliver Pratt ed.`: the editors of the volume a chapter is in.
fn is_editors(part: &str) -> bool {
    let p = part.trim_end_matches('.');
    part.starts_with("in ") && (p.ends_with(" ed") || p.ends_with(" eds")) || p.ends_with(" 편")
}

/// A name with no number and no bracket: a publisher after a book's title.
fn is_plain_name(part: &str) -> bool {
    !part.chars().any(|c| c.is_ascii_digit())
        && !part.contains(['『', '「', '｢', '“', '"'])
        && part.split_whitespace().count() <= 5
}

/// `서울: 나남출판` → `나남출판`; `Edward Elgar Publishing`.
fn publisher(part: &str) -> Option<&str> {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<place>[^\d:：,]{1,20})[:：]\s*(?P<name>[^:：]{2,60})$").expect("regex")
    });
    if let Some(caps) = PLACE.captures(part)
        && caps["place"].split_whitespace().count() <= 3
    {
        return caps.name("name").map(|m| m.as_str().trim());
    }
    let publishing = [
        "Press",
        "Publishing",
        "Publishers",
        "출판사",
        "출판부",
        "出版社",
    ];
    publishing.iter().any(|w| part.ends_with(w)).then_some(part)
}

/// `『국토연구』 제104권 제2호` → `국토연구`.
fn periodical_with_locators(part: &str) -> Option<&str> {
    let inner = part.strip_prefix('『')?;
    let (name, after) = inner.split_once('』')?;
    (!after.trim().is_empty() && is_locator_run(after)).then_some(name.trim())
}

/// `제77권 제8호`, `Vol. 23 No. 18`, `2024년 제1호`: only numbers of a periodical.
fn is_locator_run(text: &str) -> bool {
    static RUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\s*(?:(?i:vol\.|no\.|issue)\s*\d[\w\-/]*|제\s*\d[\d\-]*\s*[권호]|\d{4}\s*년|통권)\s*,?)+\s*$")
            .expect("regex")
    });
    RUN.is_match(text)
}

/// `IMF Working Paper No. 19/88` → (`IMF Working Paper`, `19/88`).
pub(super) fn numbered_series(part: &str) -> Option<(&str, &str)> {
    static SERIES_NO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>\S.*?)\s*,?\s+(?:No\.|no\.|Issue|Nr\.)\s*(?P<num>\d[\w\-/]*)$")
            .expect("regex")
    });
    let caps = SERIES_NO.captures(part)?;
    let name = caps.name("name")?.as_str();
    // `Vol. 23 No. 18` names no series
    if VOLUME.is_match(name) {
        return None;
    }
    Some((name, caps.name("num")?.as_str()))
}

/// `주요국제문제분석 2023-29` → container `주요국제문제분석`, issue `2023-29`.
pub(super) fn split_series_number(container: &str, c: &mut Citation) {
    static SERIES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>.*\D)\s+(?P<num>\d{2,4}-\d{1,3})$").expect("regex")
    });
    match SERIES.captures(container) {
        Some(caps) if c.issue.is_none() => {
            c.container = Some(strip_brackets(&caps["name"]));
            c.issue = Some(caps["num"].to_string());
        }
        _ => c.container = Some(strip_brackets(container)),
    }
}

/// `『국제경제연구』` → `국제경제연구`.
pub(super) fn strip_brackets(text: &str) -> String {
    text.trim()
        .trim_matches(['『', '』', '「', '」', '｢', '｣', '《', '》', '〈', '〉'])
        .trim()
        .to_string()
}

/// Pages, volume and issue wherever they are.
pub(super) fn parse_locators(text: &str, c: &mut Citation) {
    if let Some(caps) = PAGES.captures(text) {
        c.pages = Some(caps["p"].split_whitespace().collect());
    }
    if let Some(caps) = ISSUE.captures(text) {
        c.issue = caps
            .name("v")
            .or(caps.name("k"))
            .map(|m| m.as_str().to_string());
    }
}
