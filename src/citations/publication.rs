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
    WordRegex::new(r"(?i)\bno\.\s*(?P<v>[\w\-]+)|제\s*(?P<k>[\d\-]+)\s*호").expect("regex")
});

/// Container, volume, issue, pages and institution after an academic title.
pub(super) fn parse_publication(after: &str, had_title: bool, c: &mut Citation) {
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
    let is_locator = |p: &str| PAGES.is_match(p) || VOLUME.is_match(p) || ISSUE.is_match(p);
    let mut rest = parts
        .iter()
        .copied()
        .filter(|p| !is_locator(p) && english_month_year(p).is_none());
    if !had_title {
        c.title = rest.next().map(str::to_string);
    }
    if let Some(container) = rest.next() {
        if is_institution(container) && c.institution.is_none() {
            c.institution = Some(container.to_string());
        } else {
            split_series_number(container, c);
        }
    }
    if let Some(institution) = rest.next_back()
        && c.institution.is_none()
    {
        c.institution = Some(institution.to_string());
    }
    if c.date.is_none() {
        // `World Economic Outlook, October 2023`
        c.date = parts.iter().find_map(|p| english_month_year(p));
    }
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
