//! Back references: pointers to an earlier citation, and their resolution
//! through a table of the works cited so far, keyed by every creator.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Citation, CitationKind};

use super::AUTHOR_YEAR;
use super::creators::{
    canonical_outlet, is_government, is_institution, set_outlet, split_authors, surname,
};
use super::dates::parse_date;
use super::publication::PAGES;

static BACK_POINTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<creator>[^,(]{1,40}?)\s*(?:\((?P<when>[^)]*\d{4}[^)]*)\))?\s*,\s*)?(?P<kind>앞의|위의|상게|전게|같은|前掲|前揭|上揭|上掲|同上|同前|(?i:ibid)|(?i:op\.\s*cit))\.?\s*(?P<rest>.*)$").expect("regex")
});

/// Nouns a Korean pointer names its work by (`앞의 글`, `위의 책`).
const POINTED_NOUNS: &[&str] = &[
    "글",
    "책",
    "논문",
    "자료",
    "보고서",
    "보도자료",
    "기사",
    "문헌",
    "곳",
    "서",
    "책자",
    "주",
];

/// `앞의|위의|같은` point only when a work's noun or an outlet with its date
/// follows (`앞의 글`, `앞의 연합뉴스(2023. 5. 29.)`): `같은 날 …` is prose.
fn pointer_captures(text: &str) -> Option<regex::Captures<'_>> {
    static OUTLET_DATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^\s(,]{1,30}\s*\(\s*\d{4}").expect("regex"));
    let caps = BACK_POINTER.captures(text)?;
    let kind = &caps["kind"];
    let rest = caps["rest"].trim();
    let korean = ["앞의", "위의", "같은", "상게", "전게"].contains(&kind);
    let names_work = || {
        POINTED_NOUNS.iter().any(|n| {
            rest.strip_prefix(n)
                .is_some_and(|after| !after.starts_with(|c: char| ('가'..='힣').contains(&c)))
        })
    };
    let valid = !korean
        || rest.is_empty()
        || rest == "."
        || names_work()
        || (kind == "앞의" && OUTLET_DATED.is_match(rest));
    valid.then_some(caps)
}

/// Whether a text opens as a pointer to an earlier work.
pub(super) fn is_back_pointer(text: &str) -> bool {
    pointer_captures(text).is_some() || author_year_pointer(text).is_some()
}

/// The `에서 재인용` that follows the source a work was quoted from.
fn strip_quoted_in(text: &str) -> &str {
    static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:에서|から|より)\s*(?:재인용|再引用)\S*\s*\.?\s*$").expect("regex")
    });
    QUOTED.find(text).map_or(text, |m| &text[..m.start()])
}

/// `김한권(2023), p. 18.`, `Park and Olsen(2021), p. 907.`: creators and a
/// year with at most a page locator.
fn author_year_pointer(text: &str) -> Option<regex::Captures<'_>> {
    let caps = AUTHOR_YEAR.captures(text)?;
    // `한국은행 보도자료(2024. 1. 25.)` is dated to the day: a release
    let named = &caps["authors"];
    if !caps["rest"].trim().is_empty()
        || text.contains(['｢', '「', '『', '“', '”'])
        || named.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    let after = strip_quoted_in(text[caps.get(0)?.end()..].trim()).trim_end_matches('.');
    let only_locator = after.is_empty()
        || PAGES
            .find(after)
            .is_some_and(|m| m.start() == 0 && m.end() == after.len());
    only_locator.then_some(caps)
}

/// Puts a pointer's creator where an unresolved one most likely belongs: an
/// organisation in `institution`, persons in `authors`. Resolution moves it
/// to the field the cited work has it in.
fn set_creator(back: &mut Citation, creator: &str) {
    let creator = creator.trim();
    if is_institution(creator) || is_government(creator) {
        back.institution = Some(creator.to_string());
    } else {
        back.authors = split_authors(creator);
    }
}

/// `앞의 연합뉴스(2023. 5. 29.)`, `김한권(2023), p. 18.`, `앞의 글, p. 5.`,
/// `위의 글.`, `Ibid.`, `KITA(2020), 앞의 책`, `Avery and Lowe, op. cit.`:
/// a pointer to an earlier citation, not a work.
pub(super) fn parse_back_reference(raw: &str, c: &mut Citation) -> Option<Citation> {
    if let Some(caps) = pointer_captures(raw) {
        let mut back = c.clone();
        back.kind = CitationKind::BackReference;
        if let Some(creator) = caps.name("creator") {
            set_creator(&mut back, creator.as_str());
        }
        if let Some(when) = caps.name("when") {
            back.date = parse_date(when.as_str()).filter(|d| d.len() > 4);
            back.year = when.as_str().get(..4).and_then(|y| y.parse().ok());
        }
        let rest = caps["rest"].trim();
        if let Some(p) = PAGES.captures(rest) {
            back.pages = Some(p["p"].split_whitespace().collect());
        }
        // `앞의 연합뉴스(2023. 5. 29.)`: an outlet and a date
        let head = rest
            .split(['(', ','])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.');
        let generic = POINTED_NOUNS.contains(&head);
        if !head.is_empty() && !generic && !PAGES.is_match(head) {
            set_outlet(&mut back, head);
            if let Some(open) = rest.find('(') {
                back.date = parse_date(&rest[open..]);
                back.year = back.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
            }
        }
        return Some(back);
    }
    let caps = author_year_pointer(raw)?;
    let mut back = c.clone();
    back.kind = CitationKind::BackReference;
    set_creator(&mut back, &caps["authors"]);
    back.year = caps["year"].parse().ok();
    let after = raw[caps.get(0)?.end()..].trim();
    back.pages = PAGES
        .captures(strip_quoted_in(after))
        .map(|p| p["p"].split_whitespace().collect());
    Some(back)
}

/// Where a pointer's creator was found in the work it resolved to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CreatorRole {
    Authors,
    Institution,
    Outlet,
}

/// Resolves every back reference to the latest earlier citation it names:
/// same outlet and date, the same creators (every surname, or the
/// institution or outlet) and year, or (for `위의 글`, `Ibid.`, a bare
/// `앞의 글`) the work the citation just before stands for. Returns the ids
/// of back references that name nothing earlier.
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
                    Some((target_n, target_id, role)) => {
                        citation.refers_to = Some(target_n);
                        citation.resolved = Some(target_id.clone());
                        if let Some(role) = role {
                            move_creator(citation, role);
                        }
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

/// The creator a pointer names, as one list of names.
fn pointer_creators(back: &Citation) -> Vec<String> {
    match &back.institution {
        Some(i) => vec![i.clone()],
        None => back.authors.clone(),
    }
}

fn move_creator(back: &mut Citation, role: CreatorRole) {
    let names = pointer_creators(back);
    back.authors.clear();
    back.institution = None;
    match role {
        CreatorRole::Authors => back.authors = names,
        CreatorRole::Institution => back.institution = Some(names.join(", ")),
        CreatorRole::Outlet => set_outlet(back, &names.join(", ")),
    }
}

/// Names compared without spacing or case.
fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// How a pointer's creators name a work: all its surnames, or its
/// institution or outlet.
fn creator_role(names: &[String], work: &Citation) -> Option<CreatorRole> {
    let wanted: Vec<String> = names.iter().map(|n| key(surname(n))).collect();
    let surnames: Vec<String> = work.authors.iter().map(|a| key(surname(a))).collect();
    if !surnames.is_empty() && wanted == surnames {
        return Some(CreatorRole::Authors);
    }
    let one = key(&names.join(","));
    if work.institution.as_deref().is_some_and(|i| key(i) == one) {
        return Some(CreatorRole::Institution);
    }
    let outlet_key = |o: &str| canonical_outlet(o).map(|o| key(&o));
    if work
        .outlet
        .as_deref()
        .is_some_and(|o| outlet_key(o).is_some() && outlet_key(o) == outlet_key(&names.join(",")))
    {
        return Some(CreatorRole::Outlet);
    }
    None
}

fn same_time(back: &Citation, work: &Citation) -> bool {
    let year_ok = back.year.is_none_or(|y| {
        work.year == Some(y)
            || work
                .date
                .as_deref()
                .is_some_and(|d| d.starts_with(&y.to_string()))
    });
    let date_ok = back
        .date
        .as_deref()
        .is_none_or(|d| work.date.as_deref().is_some_and(|w| w.starts_with(d)));
    year_ok && date_ok
}

fn find_target(
    back: &Citation,
    earlier: &[(u32, Citation)],
    latest: Option<&(u32, String)>,
) -> Option<(u32, String, Option<CreatorRole>)> {
    let names = pointer_creators(back);
    if let Some(outlet) = back.outlet.as_deref().filter(|_| names.is_empty()) {
        let wanted = canonical_outlet(outlet);
        return earlier
            .iter()
            .rev()
            .find(|(_, c)| {
                c.outlet.as_deref().and_then(canonical_outlet) == wanted && same_time(back, c)
            })
            .map(|(n, c)| (*n, c.id.clone(), None));
    }
    if names.is_empty() {
        return latest.map(|(n, id)| (*n, id.clone(), None));
    }
    // all surnames first, a work dated as precisely as the pointer before
    // others (`IMF(2024)` is the work printed `IMF(2024)`, not `IMF(2024. 7)`);
    // then the first author alone (`한서준 외`)
    let precision = |c: &Citation| c.date.as_deref().map(str::len);
    let by_all: Vec<(u32, &Citation, CreatorRole)> = earlier
        .iter()
        .rev()
        .filter(|(_, c)| same_time(back, c))
        .filter_map(|(n, c)| Some((*n, c, creator_role(&names, c)?)))
        .collect();
    let best = by_all
        .iter()
        .find(|(_, c, _)| precision(c) == back.date.as_deref().map(str::len))
        .or(by_all.first())
        .map(|(n, c, role)| (*n, c.id.clone(), Some(*role)));
    best.or_else(|| {
        let first = key(surname(names.first()?));
        earlier.iter().rev().find_map(|(n, c)| {
            let lead = c.authors.first().map(|a| key(surname(a)));
            (lead.as_deref() == Some(first.as_str()) && same_time(back, c))
                .then(|| (*n, c.id.clone(), Some(CreatorRole::Authors)))
        })
    })
}
