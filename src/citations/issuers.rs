//! Works named by their issuer or outlet first.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Citation, CitationKind};

use super::ACCESSED;
use super::creators::{
    canonical_outlet, is_government, is_institution, is_official, looks_like_person,
};
use super::dates::{any_date, find_date, four_digit_year};
use super::publication::{VOLUME, parse_locators};
use super::title::find_title;

/// Words that make a document a government's or statistics office's release.
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
    "press release",
    "news release",
];

/// `통계청, ｢제목｣, 보도자료, 2024. 1. 31.`, `日本 経済産業省, ｢…｣, 2023年6月.`,
/// `KDI, ｢제목｣, 2023.`: the issuing body before a bracketed title fills
/// `institution`. A government's or statistics office's release is
/// `official`, anything else a `report`.
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
    if looks_like_person(issuer) {
        return None;
    }
    let body = &raw[caps.name("issuer")?.end()..];
    let body = body.trim_start().trim_start_matches(',').trim_start();
    let title = find_title(body, problems)?;
    let rest = &body[title.end..];
    let mut out = c.clone();
    out.title = Some(title.text);
    out.institution = Some(issuer.to_string());
    out.date = any_date(rest);
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    if out.year.is_none() {
        out.year = four_digit_year(rest);
    }
    parse_locators(rest, &mut out);
    let release = RELEASE_WORDS
        .iter()
        .any(|w| rest.to_lowercase().contains(&w.to_lowercase()));
    out.kind = if is_government(issuer) || release || is_official(out.title.as_deref()?, None) {
        CitationKind::Official
    } else {
        CitationKind::Report
    };
    Some(out)
}

/// `海关总署, 进出口商品统计, 2024年1月.`, `日本 財務省, 貿易統計, 2024年1月.`,
/// `한국무역협회, 무역통계`: a government body's statistics (official) or an
/// institution's publication (report) named without brackets.
pub(super) fn parse_government_release(raw: &str, c: &mut Citation) -> Option<Citation> {
    let mut parts = raw.split([',', '，']).map(str::trim);
    let issuer = parts.next()?.trim_end_matches('.');
    // a web page is cited as one (`통일부, 북한정보포털, https://…`)
    let government = is_government(issuer);
    if c.url.is_some()
        || !(government || is_institution(issuer))
        || issuer.contains(['(', '｢', '「', '“'])
    {
        return None;
    }
    let mut out = c.clone();
    out.kind = if government {
        CitationKind::Official
    } else {
        CitationKind::Report
    };
    out.institution = Some(issuer.to_string());
    // the retrieval date is not the release's
    let published = ACCESSED.replace(raw, "");
    out.date = any_date(&published);
    out.year = out
        .date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
        .or_else(|| four_digit_year(&published));
    out.title = parts
        // `무역통계(검색일: 2024. 1. 10.)`: the title without its dated note
        .map(|p| {
            p.split(['(', '（'])
                .next()
                .unwrap_or(p)
                .trim_end_matches('.')
                .trim()
        })
        .find(|p| !p.is_empty() && find_date(p).is_none() && four_digit_year(p).is_none())
        .map(str::to_string);
    Some(out)
}

/// `Bloomberg(2024. 2. 2.), “제목”`, `新华社(2023年10月24日)`,
/// `Reuters, “Title,” January 24, 2024.`: an outlet with its full date
/// before or after the quoted title is a news item (a government's, an
/// official one). An author with only a year is the academic shape, not this.
pub(super) fn parse_outlet_first(
    raw: &str,
    c: &mut Citation,
    problems: &mut Vec<String>,
) -> Option<Citation> {
    static DATED_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<outlet>[^,(｢「『“\x22]{2,40}?)\s*\((?P<date>[^)]{4,40})\)\s*(?:[,.]\s*(?P<rest>.*)|(?P<title>[“\x22｢「].*))?$")
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
    if looks_like_person(&outlet) || rest.contains('『') || VOLUME.is_match(&rest) {
        return None;
    }
    let mut out = c.clone();
    if let Some(title) = find_title(&rest, problems) {
        out.title = Some(title.text);
        out.date = date.or_else(|| any_date(&rest[title.end..]));
    } else {
        out.date = date;
    }
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    out.outlet = canonical_outlet(&outlet);
    let release = RELEASE_WORDS.iter().find(|w| outlet.contains(*w));
    let official = release.is_some()
        || is_government(&outlet)
        || out.title.as_deref().is_some_and(|t| is_official(t, None));
    out.kind = if official {
        // `한국은행 보도자료(2024. 1. 25.)`: the body, not its release
        let body = release.map_or(outlet.as_str(), |w| outlet.trim_end_matches(*w).trim());
        out.institution = Some(body.to_string());
        out.outlet = None;
        CitationKind::Official
    } else {
        CitationKind::News
    };
    Some(out)
}
