//! Citations: footnote text → typed citations.
//!
//! In: the text of each footnote. Out: its [`Citation`]s (split on `;`
//! between works, never inside a title), typed as news, academic, report,
//! official, web, back reference or note, with dates in ISO form, outlets
//! canonicalised, back references resolved to the earlier citation they name,
//! and a [`Problem`] for every citation that had to be read past a typo.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Citation, CitationKind};

mod back_refs;
mod creators;
mod dates;
mod issuers;
mod publication;
mod split;
#[cfg(test)]
mod tests;
mod title;

pub use back_refs::resolve_back_references;
pub use creators::canonical_outlet;
pub use dates::{any_date, parse_date};
pub use split::split_works;

use back_refs::parse_back_reference;
use creators::{is_institution, is_official, split_authors};
use dates::{date_and_rest, find_date};
use issuers::{parse_issuer_first, parse_outlet_first};
use publication::parse_publication;
use title::{Title, find_title};

/// A citation that parsed only with tolerance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub citation: String,
    pub message: String,
}

/// Parses one footnote into citations with ids `F<n>.<k>`.
pub fn parse_footnote(n: u32, text: &str) -> (Vec<Citation>, Vec<Problem>) {
    parse_works(&format!("F{n}"), text)
}

/// Parses a text that cites works (a footnote, a table's sources) into
/// citations with ids `<prefix>.1`, `<prefix>.2`, ….
pub fn parse_works(prefix: &str, text: &str) -> (Vec<Citation>, Vec<Problem>) {
    let mut citations = Vec::new();
    let mut problems = Vec::new();
    for (k, work) in split_works(text).into_iter().enumerate() {
        let id = format!("{prefix}.{}", k + 1);
        let (citation, issues) = parse_citation(&id, work);
        problems.extend(issues.into_iter().map(|message| Problem {
            citation: id.clone(),
            message,
        }));
        citations.push(citation);
    }
    (citations, problems)
}

static AUTHOR_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<authors>[^()｢「『“\x22,]{1,60}(?:,\s*[^()｢「『“\x22,]{1,40}){0,6}?)\s*\(\s*(?P<year>\d{4})(?P<rest>[^)]*)\)\s*(?:,\s*|$|[｢「『“]|\.$)")
        .expect("regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:https?://|www\.)[^\s<>｣」』“”()]+[^\s<>｣」』“”().,;]").expect("regex")
});
static ACCESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\(?\s*(?:검색일|접속일|최종\s*접속일|accessed|retrieved)\s*[:：]?\s*(?P<date>[^)]*)\)?",
    )
    .expect("regex")
});

// ---------------------------------------------------------------- parsing

/// Parses one work. Returns the citation and the problems met.
pub fn parse_citation(id: &str, raw: &str) -> (Citation, Vec<String>) {
    let raw = raw.trim().trim_end_matches(';').trim();
    let mut c = Citation {
        id: id.to_string(),
        raw: raw.to_string(),
        ..Citation::default()
    };
    let mut problems = Vec::new();

    if let Some(url) = URL.find(raw) {
        c.url = Some(url.as_str().to_string());
    }
    // statistics portals are cited with a retrieval date and no address too
    if let Some(caps) = ACCESSED.captures(raw) {
        c.accessed = parse_date(&caps["date"]);
    }
    if let Some(back) = parse_back_reference(raw, &mut c) {
        return (back, problems);
    }
    if let Some(dated) = parse_outlet_first(raw, &mut c, &mut problems) {
        return (dated, problems);
    }
    if let Some(issued) = parse_issuer_first(raw, &mut c, &mut problems) {
        return (issued, problems);
    }

    let (prefix_end, has_author_year) = match AUTHOR_YEAR.captures(raw) {
        Some(caps) if !caps["authors"].trim().is_empty() => {
            c.authors = split_authors(&caps["authors"]);
            c.year = caps["year"].parse().ok();
            let rest = caps.name("rest").map_or("", |m| m.as_str());
            if !rest.trim().is_empty() {
                c.date = parse_date(&format!("{}{rest}", &caps["year"]));
            }
            (caps.get(0).map_or(0, |m| m.end()), true)
        }
        _ => (0, false),
    };
    let body = &raw[prefix_end..];
    let title = find_title(body, &mut problems);
    let after_title = match &title {
        Some(t) => {
            c.title = Some(t.text.clone());
            &body[t.end..]
        }
        None => body,
    };

    if has_author_year {
        parse_publication(after_title, title.is_some(), &mut c);
        let institutional = c.authors.iter().all(|a| is_institution(a));
        c.kind = if institutional {
            CitationKind::Report
        } else {
            CitationKind::Academic
        };
        if institutional {
            c.institution = Some(c.authors.join(", "));
            c.authors.clear();
        }
        return (c, problems);
    }

    if let Some(t) = &title
        && titled_work(t, after_title, &mut c, &mut problems)
    {
        return (c, problems);
    }
    if c.url.is_some() {
        c.kind = CitationKind::Web;
        if c.title.is_none() {
            let before = raw[..raw.find(c.url.as_deref().unwrap_or("")).unwrap_or(0)].trim();
            let before = before.trim_end_matches([',', ':']).trim();
            c.title = (!before.is_empty()).then(|| before.to_string());
        }
        return (c, problems);
    }
    c.kind = CitationKind::Note;
    c.title = None;
    (c, problems)
}

/// A titled work without author and year: news (`｢제목｣(2023. 8. 4.),
/// 『연합뉴스』`, `“Title,” Reuters, January 24, 2024.`), an official
/// notice, a web page or a book. Fills `c` and returns whether the title's
/// shape decided the kind.
fn titled_work(t: &Title, after_title: &str, c: &mut Citation, problems: &mut Vec<String>) -> bool {
    let (date, outlet_text) = date_and_rest(after_title, problems);
    let (date, outlet_text) = match (date, find_date(after_title)) {
        (Some(date), _) => (Some(date), outlet_text.to_string()),
        // `“Title,” Reuters, January 24, 2024.`
        (None, Some((at, date))) => {
            let before = after_title[..at.start].trim();
            let after = after_title[at.end..].trim();
            let outlet = if before.trim_matches([',', ' ']).is_empty() {
                after
            } else {
                before
            };
            (Some(date), outlet.to_string())
        }
        (None, None) => (None, outlet_text.to_string()),
    };
    c.date = date;
    c.year = c.date.as_deref().and_then(|d| d[..4].parse().ok());
    c.outlet = canonical_outlet(&outlet_text);
    if c.date.is_some() || c.outlet.is_some() {
        c.kind = if is_official(&t.text, c.outlet.as_deref()) {
            CitationKind::Official
        } else if c.date.is_none() && c.url.is_some() {
            CitationKind::Web
        } else {
            CitationKind::News
        };
        if c.date.is_none() {
            problems.push("news citation without a date".to_string());
        }
        return true;
    }
    if c.url.is_some() {
        c.kind = CitationKind::Web;
        return true;
    }
    if t.book {
        c.kind = CitationKind::Report;
        return true;
    }
    false
}
