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
mod forms;
mod issuers;
mod publication;
#[cfg(test)]
mod rule_tests;
mod split;
#[cfg(test)]
mod tests;
mod title;

pub use back_refs::resolve_back_references;
pub use creators::{canonical_outlet, printed_outlet};
pub use dates::{any_date, parse_date};
pub use forms::is_legal_title;
pub use split::split_works;

use back_refs::parse_back_reference;
use creators::{is_government, is_institution, is_official, set_outlet, split_authors};
use dates::{date_and_rest, find_date};
use forms::{parse_creators_first, parse_gazette};
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
pub(super) static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:https?://|www\.)[^\s<>｣」』“”()]+[^\s<>｣」』“”().,;]").expect("regex")
});
pub(super) static ACCESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\(?\s*(?:검\s?색\s?일|접\s?속\s?일|최종\s*접\s?속\s?일|(?i:accessed|retrieved)(?:\s+on)?|閲覧日|访问日期|訪問日期)\s*[:：]?\s*(?P<date>[^)]*)\)?",
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
        c.url = Some(url_across_break(raw, url.end()).unwrap_or_else(|| url.as_str().to_string()));
    }
    // statistics portals are cited with a retrieval date and no address too
    if let Some(caps) = ACCESSED.captures(raw) {
        c.accessed = parse_date(&caps["date"]);
    }
    // the retrieval date is the reader's, never the work's
    let text = ACCESSED.replace_all(raw, "");
    let text = text.trim();
    let parsers: [Parser; 5] = [
        |t, c, _| parse_back_reference(t, c),
        parse_gazette,
        parse_outlet_first,
        parse_issuer_first,
        parse_creators_first,
    ];
    for parse in parsers {
        if let Some(found) = parse(text, &mut c, &mut problems) {
            return (found, problems);
        }
    }
    if let Some(found) = parse_author_year(text, &mut c, &mut problems) {
        return (found, problems);
    }
    let title = find_title(text, &mut problems);
    let after_title = match &title {
        Some(t) => {
            c.title = Some(t.text.clone());
            &text[t.end..]
        }
        None => text,
    };
    if let Some(t) = &title
        && titled_work(t, after_title, &mut c, &mut problems)
    {
        return (c, problems);
    }
    if c.url.is_some() {
        c.kind = CitationKind::Web;
        if c.title.is_none() {
            let before = text[..text.find(c.url.as_deref().unwrap_or("")).unwrap_or(0)].trim();
            let before = before.trim_end_matches([',', ':']).trim();
            c.title = (!before.is_empty()).then(|| before.to_string());
        }
        return (c, problems);
    }
    c = Citation {
        kind: CitationKind::Note,
        ..Citation {
            id: c.id,
            raw: c.raw,
            ..Citation::default()
        }
    };
    (c, problems)
}

/// What follows a dated title names its outlet: a bracketed name, or a short
/// one ending the citation (`연합뉴스.`), not an article of a law (`제125조
/// 제1항`) or the rest of a remark.
fn names_an_outlet(text: &str) -> bool {
    static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"제\s*\d+\s*[조항호]|第\s*\d+\s*[条條]|\bArt(?:icle|\.)\s*\d").expect("regex")
    });
    let t = text
        .trim_start_matches([',', ' '])
        .trim_end_matches(['.', ' ']);
    if t.starts_with(['『', '《']) {
        return true;
    }
    !t.is_empty()
        && t.chars().count() <= 20
        && t.split_whitespace().count() <= 3
        && !ARTICLE.is_match(t)
}

/// An address cut by a line break before its extension (`…/index.` `html`):
/// the whole address, when the text after the cut is one.
fn url_across_break(text: &str, end: usize) -> Option<String> {
    static CUT_EXTENSION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\.\s+(?P<ext>html?|php|jsp|aspx?|do|pdf|shtml)\b").expect("regex")
    });
    let start = URL.find(text)?.start();
    let caps = CUT_EXTENSION.captures(&text[end..])?;
    Some(format!("{}.{}", &text[start..end], &caps["ext"]))
}

type Parser = fn(&str, &mut Citation, &mut Vec<String>) -> Option<Citation>;

/// `김철수(2022), ｢제목｣, 『학술지』, 제28권 제2호, pp. 1-30.`: creators and
/// the year in parentheses first. Persons write academic work, or an
/// institute's numbered report; organisations write reports, governments
/// official documents.
fn parse_author_year(text: &str, c: &mut Citation, problems: &mut Vec<String>) -> Option<Citation> {
    let caps = AUTHOR_YEAR.captures(text)?;
    if caps["authors"].trim().is_empty() {
        return None;
    }
    let mut c = c.clone();
    c.authors = split_authors(&caps["authors"]);
    c.year = caps["year"].parse().ok();
    let rest = caps.name("rest").map_or("", |m| m.as_str());
    if !rest.trim().is_empty() {
        c.date = parse_date(&format!("{}{rest}", &caps["year"]));
    }
    let body = &text[caps.get(0).map_or(0, |m| m.end())..];
    let title = find_title(body, problems);
    let after_title = match &title {
        Some(t) => {
            c.title = Some(t.text.clone());
            &body[t.end..]
        }
        None => body,
    };
    let book = title.as_ref().is_none_or(|t| t.book);
    parse_publication(after_title, title.is_some(), book, &mut c);
    let institutional = c
        .authors
        .iter()
        .all(|a| is_institution(a) || is_government(a));
    c.kind = if institutional {
        let government = c.authors.iter().all(|a| is_government(a));
        c.institution = Some(c.authors.join(", "));
        c.authors.clear();
        // a government's numbered document (`COM(2020) 102 final`) or notice is
        // official; its studies (`The Outlook for …, November 2019`) reports
        let numbered = issuers::container_after(after_title)
            .0
            .is_some_and(|s| s.chars().any(|c| c.is_ascii_digit()) || issuers::is_release(&s));
        let notice = c.title.as_deref().is_some_and(|t| is_official(t, None));
        if government && (numbered || notice) {
            CitationKind::Official
        } else {
            CitationKind::Report
        }
    } else {
        persons_work_kind(&c)
    };
    Some(c)
}

/// A person's work numbered in an institute's series and no journal volume
/// (`연구보고서 2018-05`, `『KIET 산업경제』, 통권 제97호`, `Policy Contribution, Issue
/// 14/2020`) is a report; a journal article, a book or a working paper
/// (`NBER Working Paper No. 27415`) is academic.
fn persons_work_kind(c: &Citation) -> CitationKind {
    let working_paper = c.container.as_deref().is_some_and(|s| {
        let s = s.to_lowercase();
        s.contains("working paper") || s.contains("discussion paper") || s.contains("워킹페이퍼")
    });
    // `『경제연구』, 2019년 제3호`: a journal numbers its issues within a year
    let yearly = c.raw.contains("년 제");
    if c.issue.is_some() && c.volume.is_none() && !working_paper && !yearly {
        CitationKind::Report
    } else {
        CitationKind::Academic
    }
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
    // a law, bill or plan named in a remark: no outlet of its own, and the
    // date beside it is its enactment's, not a publication's
    // `「…외국인투자법」은 1992년 10월 채택된…`: a particle right after the bracket
    // makes the title a word of a sentence
    // (`「…Act」(Public Law …)는 …`: likewise after the act's own parenthesis)
    static PARTICLE_AFTER_NOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\([^()]*\)\s*(?:은|는|이|가|을|를|의|에|에서|으로|로|과|와|도)(?:\s|$)")
            .expect("regex")
    });
    let in_sentence = after_title.starts_with(|c: char| ('가'..='힣').contains(&c))
        || PARTICLE_AFTER_NOTE.is_match(after_title);
    if is_legal_title(&t.text)
        && (in_sentence || !(date.is_some() && names_an_outlet(&outlet_text)))
    {
        return false;
    }
    c.date = date;
    c.year = c.date.as_deref().and_then(|d| d[..4].parse().ok());
    set_outlet(c, &outlet_text);
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
