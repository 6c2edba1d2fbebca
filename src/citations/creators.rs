//! Creators and outlets: persons, institutions, government bodies, and the
//! outlets' canonical names.

use crate::hangul;

/// Words that end the title of a notice or statement of a state body.
pub(super) const NOTICE_WORDS: &[&str] = &[
    "통보",
    "보도",
    "담화",
    "성명",
    "공보",
    "결정서",
    "포고",
    "명령",
    "정령",
    "보도문",
    "발표문",
    "보도자료",
    "브리핑",
    "연설",
    "Statement",
    "Press Release",
    "Readout",
];

/// Outlet aliases → canonical name. Only spellings of the same outlet.
pub(super) const OUTLET_ALIASES: &[(&str, &str)] = &[
    ("RFA자유아시아방송", "RFA"),
    ("RFA 자유아시아방송", "RFA"),
    ("자유아시아방송", "RFA"),
    ("Radio Free Asia", "RFA"),
    ("미국의소리", "VOA"),
    ("Voice of America", "VOA"),
    ("노동신문", "로동신문"),
    ("Yonhap", "연합뉴스"),
    ("Yonhap News Agency", "연합뉴스"),
    ("연합", "연합뉴스"),
    ("FT", "Financial Times"),
    ("NYT", "The New York Times"),
    ("New York Times", "The New York Times"),
    ("WSJ", "The Wall Street Journal"),
    ("Wall Street Journal", "The Wall Street Journal"),
];

/// `『연합뉴스』.` → `연합뉴스`; aliases to one name.
pub fn canonical_outlet(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_start_matches([',', ' '])
        .trim_end_matches(['.', ',', ' ', ';'])
        .trim_matches([
            '『', '』', '「', '」', '｢', '｣', '《', '》', '〈', '〉', ' ',
        ]);
    let t = t.trim_end_matches('.').trim();
    if t.is_empty() || t.chars().count() > 40 {
        return None;
    }
    let alias = OUTLET_ALIASES
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(t));
    Some(alias.map_or(t, |(_, canonical)| canonical).to_string())
}

pub(super) fn is_official(title: &str, outlet: Option<&str>) -> bool {
    let t = title
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '호' || c == '제');
    let notice = NOTICE_WORDS.iter().any(|w| t.ends_with(w));
    let government = outlet.is_some_and(|o| {
        ["부", "처", "청", "위원회", "정부", "대통령실", "청와대"]
            .iter()
            .any(|s| o.ends_with(s))
            || ["Ministry", "Department", "Government", "White House"]
                .iter()
                .any(|s| o.contains(s))
    });
    notice || government
}

pub(super) fn split_authors(text: &str) -> Vec<String> {
    text.split([',', '·', '&'])
        .flat_map(|a| a.split(" and "))
        .map(|a| a.trim().trim_end_matches(" 외").trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

/// An author that is an institution rather than a person.
pub(super) fn is_institution(author: &str) -> bool {
    let a = author.trim();
    let acronym = a.len() >= 2
        && a.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&');
    let suffix = [
        "은행",
        "연구원",
        "연구소",
        "청",
        "부",
        "처",
        "위원회",
        "공사",
        "협회",
        "센터",
        "기구",
        "공단",
        "재단",
        "정부",
        "Bank",
        "Fund",
        "Organization",
        "Institute",
        "Agency",
        "Office",
        "Ministry",
        "Council",
        "Commission",
        "Department",
        "Forum",
        "Programme",
        "Nations",
    ];
    acronym || suffix.iter().any(|s| a.ends_with(s))
}

/// A name of two to four Hangul syllables: a person, not an institution.
pub(super) fn looks_like_person(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (2..=4).contains(&n) && hangul::is_all_syllables(t) && !is_government(t) && !is_institution(t)
}

/// A government body or statistics office of any country, by what its name
/// ends or begins with: `통계청`, `기획재정부`, `国家统计局`, `海关总署`,
/// `日本 財務省`, `U.S. Department of Commerce`, `Bureau of Labor Statistics`.
pub(super) fn is_government(name: &str) -> bool {
    let n = name.trim().trim_end_matches(['.', ',']);
    let last = n.split_whitespace().last().unwrap_or(n);
    const KOREAN: &[&str] = &[
        "부",
        "처",
        "청",
        "실",
        "위원회",
        "정부",
        "대통령실",
        "청와대",
        "한국은행",
    ];
    const CJK: &[&str] = &[
        "局",
        "部",
        "署",
        "省",
        "庁",
        "厅",
        "委员会",
        "委員会",
        "国务院",
        "國務院",
        "内閣府",
        "府",
        "办公室",
        "銀行",
        "银行",
    ];
    const ENGLISH: &[&str] = &[
        "Department",
        "Ministry",
        "Bureau",
        "Office",
        "Administration",
        "Census",
        "Treasury",
        "Customs",
        "Government",
        "Cabinet",
        "Federal Reserve",
        "White House",
        "Statistics",
        "Commission",
    ];
    KOREAN
        .iter()
        .any(|s| last.ends_with(s) && last.chars().count() >= 2)
        || CJK.iter().any(|s| last.ends_with(s))
        || ENGLISH.iter().any(|s| n.contains(s))
}
