//! Works named by their issuer or outlet first, and what follows their title.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Citation, CitationKind};

use super::creators::{
    are_persons, institution_by_name, is_government, is_institution, is_official,
    looks_like_person, set_outlet,
};
use super::dates::{any_date, find_date, four_digit_year};
use super::publication::{PAGES, VOLUME, parse_locators};
use super::title::find_title;
use super::{ACCESSED, URL};

/// Words that make a document a government's, central bank's or statistics
/// office's release or statement.
pub(super) const RELEASE_WORDS: &[&str] = &[
    "보도자료",
    "보도참고자료",
    "설명자료",
    "통계표",
    "통계정보",
    "발표자료",
    "공고",
    "公告",
    "公报",
    "新闻稿",
    "報道発表",
    "公表文",
    "公表資料",
    "ニュースリリース",
    "プレスリリース",
    "press release",
    "news release",
    "statement",
    "readout",
];

pub(super) fn is_release(text: &str) -> bool {
    let lower = text.to_lowercase();
    RELEASE_WORDS
        .iter()
        .any(|w| lower.contains(&w.to_lowercase()))
}

/// What follows a title besides its dates, pages, address and year: the
/// container (`보도자료`, `Press Release`, `COM(2020) 102 final`, `OECD
/// Trade Policy Papers`) and its number.
pub(super) fn container_after(rest: &str) -> (Option<String>, Option<String>) {
    static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>.*?)\s*(?:\b(?:No|no|Issue)\.?\s*|통권\s*제?\s*|제\s*)(?P<num>\d[\dA-Za-z\-/]*)\s*호?$")
            .expect("regex")
    });
    static YEAR_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:19|20)\d{2}$").expect("regex"));
    let mut text = ACCESSED.replace_all(rest, "").to_string();
    text = URL.replace_all(&text, "").to_string();
    while let Some((range, _)) = find_date(&text) {
        text.replace_range(range, "");
    }
    if let Some(m) = PAGES.find(&text) {
        text.replace_range(m.range(), "");
    }
    let parts: Vec<&str> = text
        .split(',')
        .map(|p| {
            p.trim()
                .trim_matches(['.', ' ', '(', ')', '“', '”', '"'])
                .trim()
        })
        .filter(|p| !p.is_empty() && !YEAR_ONLY.is_match(p) && !VOLUME.is_match(p))
        .collect();
    static GAZETTE_ISSUE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[A-Z]{1,2}\s+\d+[A-Z]?$").expect("regex"));
    for (i, part) in parts.iter().enumerate() {
        // `Official Journal of the European Union, L 191`
        if GAZETTE_ISSUE.is_match(part) && i > 0 {
            return (Some(parts[..i].join(", ")), Some(part.to_string()));
        }
        if let Some(caps) = NUMBERED.captures(part) {
            let name = if caps["name"].trim().is_empty() {
                parts[..i].join(", ")
            } else {
                caps["name"].trim().to_string()
            };
            return (
                (!name.is_empty()).then_some(name),
                Some(caps["num"].to_string()),
            );
        }
    }
    (parts.first().map(|p| p.to_string()), None)
}

/// `통계청, ｢제목｣, 보도자료, 2024. 1. 31.`, `日本 経済産業省, ｢…｣, 2023年6月.`,
/// `KDI, ｢제목｣, 2023.`: the issuing body before a bracketed title fills
/// `institution`. A government's release is `official`, a page cited by its
/// address with no date `web`, anything else a `report`.
pub(super) fn parse_issuer_first(
    raw: &str,
    c: &mut Citation,
    problems: &mut Vec<String>,
) -> Option<Citation> {
    static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<issuer>[^,｢「『“\x22(]{2,40}?)\s*,\s*[｢「『“\x22]").expect("regex")
    });
    let Some(caps) = ISSUER.captures(raw) else {
        return parse_government_release(raw, c);
    };
    let issuer = caps["issuer"].trim();
    if looks_like_person(issuer) || are_persons(issuer) {
        return None;
    }
    let body = &raw[caps.name("issuer")?.end()..];
    let body = body.trim_start().trim_start_matches(',').trim_start();
    let title = find_title(body, problems)?;
    let rest = URL.replace_all(&body[title.end..], "");
    let rest = rest.as_ref();
    let mut out = c.clone();
    out.title = Some(title.text);
    out.institution = Some(issuer.to_string());
    out.date = any_date(rest);
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    if out.year.is_none() {
        out.year = four_digit_year(rest);
    }
    parse_locators(rest, &mut out);
    let (container, issue) = container_after(rest);
    out.container = container;
    out.issue = issue.or(out.issue);
    let release = is_release(rest);
    out.kind = if out.url.is_some() && out.date.is_none() {
        CitationKind::Web
    } else if (is_government(issuer) && !title.book)
        || release
        || is_official(out.title.as_deref()?, None)
    {
        CitationKind::Official
    } else {
        CitationKind::Report
    };
    Some(out)
}

/// `海关总署, 进出口商品统计, 2024年1月.`, `日本 財務省, 貿易統計, 2024年1月.`,
/// `대한무역투자진흥공사, 해외시장 뉴스`, `한국수입업협회, 수입통계, https://…`: a
/// government body's statistics (official), an institution's publication
/// (report) or page (web) named without brackets.
pub(super) fn parse_government_release(raw: &str, c: &mut Citation) -> Option<Citation> {
    let mut parts = raw.split([',', '，']).map(str::trim);
    let issuer = parts.next()?.trim_end_matches('.');
    let government = is_government(issuer);
    if !(government || is_institution(issuer)) || issuer.contains(['(', '｢', '「', '“']) {
        return None;
    }
    let mut out = c.clone();
    let cited_by_page = PAGES.is_match(raw);
    out.kind = if c.url.is_some() {
        CitationKind::Web
    } else if government && !cited_by_page {
        CitationKind::Official
    } else {
        CitationKind::Report
    };
    out.institution = Some(issuer.to_string());
    // the retrieval date is not the release's
    let published = ACCESSED.replace(raw, "");
    if c.url.is_none() {
        out.date = any_date(&published);
        out.year = out
            .date
            .as_deref()
            .and_then(|d| d.get(..4)?.parse().ok())
            .or_else(|| four_digit_year(&published));
    }
    if let Some(p) = PAGES.captures(&published) {
        out.pages = Some(p["p"].split_whitespace().collect());
    }
    out.title = parts
        // `무역통계(검색일: 2024. 1. 10.)`: the title without its dated note
        .map(|p| {
            p.split(['(', '（'])
                .next()
                .unwrap_or(p)
                .trim_end_matches('.')
                .trim()
        })
        .find(|p| {
            !p.is_empty()
                && !URL.is_match(p)
                && find_date(p).is_none()
                && four_digit_year(p).is_none()
        })
        .map(str::to_string);
    Some(out)
}

/// `Bloomberg(2024. 2. 2.), “제목”`, `新华社(2023年10月24日)`, `『뉴시스』(2021.
/// 2. 18), ｢제목｣`, `Reuters, “Title,” January 24, 2024.`: an outlet with its
/// full date before or after the quoted title is a news item. A release or
/// statement after the title makes it official; any other container, pages
/// or an untitled publication make it the named body's report. An author
/// with only a year is the academic shape, not this.
pub(super) fn parse_outlet_first(
    raw: &str,
    c: &mut Citation,
    problems: &mut Vec<String>,
) -> Option<Citation> {
    static DATED_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<outlet>『[^』]{1,40}』|[^,(｢「『“\x22]{2,40}?)\s*\((?P<date>[^)]{4,40})\)\s*(?:[,.]\s*(?P<rest>.*)|(?P<title>[“\x22｢「].*))?$")
            .expect("regex")
    });
    static OUTLET_THEN_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<outlet>[^,(｢「『“\x22]{2,40}?)\s*,\s*(?P<rest>[“\x22].*)$")
            .expect("regex")
    });
    let (outlet, date, rest) = if let Some(caps) = DATED_OUTLET.captures(raw) {
        let date = any_date(&caps["date"]).filter(|d| d.len() >= 7)?;
        let rest = caps
            .name("rest")
            .or(caps.name("title"))
            .map_or("", |m| m.as_str());
        (
            caps["outlet"].trim().to_string(),
            Some(date),
            rest.to_string(),
        )
    } else {
        let caps = OUTLET_THEN_QUOTE.captures(raw)?;
        let rest = caps["rest"].to_string();
        // the date after the title, in full
        any_date(&rest).filter(|d| d.len() >= 7)?;
        (caps["outlet"].trim().to_string(), None, rest)
    };
    // an outlet printed in 『』 is one, whatever its name looks like
    let bracketed = outlet.starts_with('『');
    let outlet = outlet.trim_matches(['『', '』']).trim().to_string();
    let gazette = is_official_journal(&rest);
    if (!bracketed && (looks_like_person(&outlet) || are_persons(&outlet)))
        || rest.contains('『')
        || (VOLUME.is_match(&rest) && !gazette)
    {
        return None;
    }
    let mut out = c.clone();
    let after_title = match find_title(&rest, problems) {
        Some(title) => {
            out.title = Some(title.text);
            out.date = date.or_else(|| any_date(&rest[title.end..]));
            rest[title.end..].to_string()
        }
        None => {
            out.date = date;
            rest.clone()
        }
    };
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    classify_outlet_first(&outlet, &after_title, &mut out);
    Some(out)
}

/// Kind and container of an outlet-first work from what follows its title.
fn classify_outlet_first(outlet: &str, after_title: &str, out: &mut Citation) {
    let release = RELEASE_WORDS.iter().find(|w| outlet.contains(*w));
    parse_locators(after_title, out);
    if let Some(v) = VOLUME.captures(after_title) {
        out.volume = v.name("v").or(v.name("k")).map(|m| m.as_str().to_string());
    }
    let (container, issue) = container_after(after_title);
    let untitled = out.title.is_none();
    let (container, title) = match (untitled, container) {
        // `Rystad Energy(2021. 3. 8), Offshore Wind Market Outlook 2021, p. 17.`
        (true, Some(name)) => (None, Some(name)),
        (_, container) => (container, out.title.take()),
    };
    out.title = title;
    out.container = container;
    out.issue = issue.or(out.issue.take());
    let official = release.is_some()
        || is_government(outlet)
        || out
            .container
            .as_deref()
            .is_some_and(|c| is_release(c) || is_official_journal(c))
        || out.title.as_deref().is_some_and(|t| is_official(t, None));
    let report = out.container.is_some()
        || out.pages.is_some()
        || (untitled && out.title.is_some())
        || institution_by_name(outlet);
    out.kind = if official || report {
        // `한국은행 보도자료(2024. 1. 25.)`: the body, not its release
        let body = release.map_or(outlet, |w| outlet.trim_end_matches(*w).trim());
        out.institution = Some(body.to_string());
        out.outlet = None;
        out.outlet_canonical = None;
        if official {
            CitationKind::Official
        } else {
            CitationKind::Report
        }
    } else {
        set_outlet(out, outlet);
        CitationKind::News
    };
}

/// A state's gazette of acts: `Official Journal of the European Union`,
/// `OJ L 206`, `Federal Register`, `官報`, `관보`.
pub(super) fn is_official_journal(text: &str) -> bool {
    official_journal_at(text).is_some()
}

/// Where a state's gazette is named in a text.
pub(super) fn official_journal_at(text: &str) -> Option<usize> {
    static GAZETTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"Official Journal|\bOJ\s+[LC]\b|Federal Register|Gazette|Journal officiel|Amtsblatt|官報|官报|관보")
            .expect("regex")
    });
    GAZETTE.find(text).map(|m| m.start())
}
