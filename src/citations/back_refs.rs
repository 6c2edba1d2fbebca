//! Back references: pointers to an earlier citation, and their resolution.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Citation, CitationKind};

use super::AUTHOR_YEAR;
use super::creators::{canonical_outlet, split_authors};
use super::dates::parse_date;
use super::publication::PAGES;

pub(super) static BACK_POINTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<author>[^,(]{1,30})(?:\(\s*(?P<year>\d{4})[^)]*\))?,\s*)?(?P<kind>앞의|위의|상게|전게|같은|Ibid|ibid|op\.\s*cit)\.?\s*(?P<rest>.*)$").expect("regex")
});

/// `앞의 연합뉴스(2023. 5. 29.)`, `김한권(2023), p. 18.`, `앞의 글, p. 5.`,
/// `위의 글.`, `Ibid.`: a pointer to an earlier citation, not a work.
pub(super) fn parse_back_reference(raw: &str, c: &mut Citation) -> Option<Citation> {
    if let Some(caps) = BACK_POINTER.captures(raw) {
        let mut back = c.clone();
        back.kind = CitationKind::BackReference;
        if let Some(author) = caps.name("author") {
            back.authors = split_authors(author.as_str());
        }
        back.year = caps.name("year").and_then(|y| y.as_str().parse().ok());
        let rest = caps["rest"].trim();
        if let Some(p) = PAGES.captures(rest) {
            back.pages = Some(p["p"].split_whitespace().collect());
        }
        // `앞의 연합뉴스(2023. 5. 29.)`: an outlet and a date
        let generic = ["글", "책", "논문", "자료", "보고서", "기사", "문헌", "곳"];
        let head = rest
            .split(['(', ','])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.');
        if !head.is_empty() && !generic.contains(&head) && !PAGES.is_match(head) {
            back.outlet = canonical_outlet(head);
        }
        if let Some(open) = rest.find('(') {
            back.date = parse_date(&rest[open..]);
            back.year = back.date.as_deref().and_then(|d| d[..4].parse().ok());
        }
        return Some(back);
    }
    // `김한권(2023), p. 18.`: author and year with only a locator
    let caps = AUTHOR_YEAR.captures(raw)?;
    // `한국은행 보도자료(2024. 1. 25.)` is dated to the day: a release
    if !caps["rest"].trim().is_empty() {
        return None;
    }
    let after = raw[caps.get(0)?.end()..].trim().trim_end_matches('.');
    let only_locator = after.is_empty()
        || PAGES
            .find(after)
            .is_some_and(|m| m.start() == 0 && m.end() == after.len());
    if !only_locator || raw.contains(['｢', '「', '『', '“']) {
        return None;
    }
    let mut back = c.clone();
    back.kind = CitationKind::BackReference;
    back.authors = split_authors(&caps["authors"]);
    back.year = caps["year"].parse().ok();
    back.pages = PAGES
        .captures(after)
        .map(|p| p["p"].split_whitespace().collect());
    Some(back)
}

/// Resolves every back reference to the latest earlier citation it names:
/// same outlet and date, same first author and year, or (for `위의 글`,
/// `Ibid.`, a bare `앞의 글`) the citation just before. Returns the ids of
/// back references that name nothing earlier.
pub fn resolve_back_references(footnotes: &mut [(u32, Vec<Citation>)]) -> Vec<(u32, String)> {
    let mut earlier: Vec<(u32, Citation)> = Vec::new();
    // the work the latest citation stands for: `같은 글` and `Ibid.` repeat
    // it, even when the latest citation was itself a back reference
    let mut latest: Option<(u32, String)> = None;
    let mut unresolved = Vec::new();
    for (n, citations) in footnotes.iter_mut() {
        for citation in citations.iter_mut() {
            if citation.kind == CitationKind::BackReference {
                match find_target(citation, &earlier, latest.as_ref()) {
                    Some((target_n, target_id)) => {
                        citation.refers_to = Some(target_n);
                        citation.resolved = Some(target_id.clone());
                        latest = Some((target_n, target_id));
                    }
                    None => unresolved.push((*n, citation.id.clone())),
                }
            } else {
                if citation.kind != CitationKind::Note {
                    latest = Some((*n, citation.id.clone()));
                }
                earlier.push((*n, citation.clone()));
            }
        }
    }
    unresolved
}

pub(super) fn find_target(
    back: &Citation,
    earlier: &[(u32, Citation)],
    latest: Option<&(u32, String)>,
) -> Option<(u32, String)> {
    let found = match (&back.outlet, back.authors.first()) {
        (Some(outlet), _) => earlier.iter().rev().find(|(_, c)| {
            c.outlet.as_deref() == Some(outlet.as_str())
                && back
                    .date
                    .as_ref()
                    .is_none_or(|d| c.date.as_ref() == Some(d))
        }),
        (None, Some(first)) => earlier.iter().rev().find(|(_, c)| {
            let same_source = c.authors.first() == Some(first)
                || c.institution.as_deref() == Some(first.as_str());
            same_source && back.year.is_none_or(|y| c.year == Some(y))
        }),
        (None, None) => return latest.cloned(),
    };
    found.map(|(n, c)| (*n, c.id.clone()))
}
