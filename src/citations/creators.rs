//! Creators and outlets: persons, institutions, government bodies, and the
//! outlets' canonical names.

use std::sync::LazyLock;

use regex::Regex;

use crate::hangul;
use crate::model::Citation;

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
    "지침",
    "고시",
    "훈령",
    "예규",
    "Guidelines",
    "Guidance",
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
    let t = printed_outlet(text)?;
    let alias = OUTLET_ALIASES
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(&t));
    Some(alias.map_or(t, |(_, canonical)| canonical.to_string()))
}

/// `『자유아시아방송』.` → `자유아시아방송`: the outlet's name as printed.
pub fn printed_outlet(text: &str) -> Option<String> {
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
    Some(t.to_string())
}

/// Fills `outlet` with the printed name and `outlet_canonical` with its one
/// name; clears both when the text names no outlet.
pub(super) fn set_outlet(c: &mut Citation, text: &str) {
    c.outlet = printed_outlet(text);
    c.outlet_canonical = canonical_outlet(text);
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
    static ET_AL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:\s+외|\s+등|,?\s+et\s+al\.?)\s*$").expect("regex"));
    let text = ET_AL.replace(text.trim(), "");
    // each name, and whether a comma printed before it
    let mut names: Vec<(String, bool)> = Vec::new();
    for (k, segment) in text.split([',', '，']).enumerate() {
        for (j, name) in segment
            .split(['·', '&', '、', '・'])
            .flat_map(|a| a.split(" and "))
            .enumerate()
        {
            let name = name.trim().trim_end_matches(" 외").trim();
            if !name.is_empty() {
                names.push((name.to_string(), k > 0 && j == 0));
            }
        }
    }
    // `Prescott, D. and K. Lowe`, `Okada, Yuki and Sarah Brennick`: the first
    // author printed surname first is one author
    let inverted = names.len() >= 2
        && is_latin_word(&names[0].0)
        && names[1].1
        && given_names(&names[1].0)
        && (has_initial(&names[1].0)
            || names
                .get(2)
                .is_some_and(|n| n.0.split_whitespace().count() >= 2));
    if inverted {
        let given = names.remove(1).0;
        names[0].0 = format!("{}, {given}", names[0].0);
    }
    names.into_iter().map(|(n, _)| n).collect()
}

fn is_latin_word(text: &str) -> bool {
    !text.contains(' ')
        && text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && text.chars().all(|c| !('가'..='힣').contains(&c))
}

/// `J.`, `Ken`, `Mark D.`, `Jun-ho`: given names or initials.
fn given_names(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    (1..=3).contains(&tokens.len())
        && tokens
            .iter()
            .all(|t| is_initials(t) || is_latin_word(t.trim_end_matches('.')))
}

fn is_initials(token: &str) -> bool {
    token.ends_with('.')
        && token.split('.').filter(|p| !p.is_empty()).all(|p| {
            p.chars().count() <= 2 && p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        })
}

fn has_initial(text: &str) -> bool {
    text.split_whitespace().any(is_initials)
}

/// The name a back reference cites a person by: `Prescott, D.` → `Prescott`,
/// `Tomas Avery` → `Avery`, `남궁진` → `남궁진`.
pub(crate) fn surname(name: &str) -> &str {
    let name = name.trim();
    if let Some((family, _)) = name.split_once(',') {
        return family.trim();
    }
    let latin = name
        .chars()
        .all(|c| c.is_ascii() || c.is_alphabetic() && !('가'..='힣').contains(&c));
    if latin && !is_institution(name) && !is_government(name) {
        return name
            .split_whitespace()
            .rev()
            .find(|t| !matches!(*t, "Jr." | "Jr" | "Sr." | "III" | "II"))
            .unwrap_or(name);
    }
    name
}

/// Creators that are all persons (`남궁진·오세린`, `Brandt, S. and T.
/// Okoro`), not an organisation.
pub(super) fn are_persons(text: &str) -> bool {
    let names = split_authors(text);
    !names.is_empty()
        && !is_institution(text.trim())
        && !is_government(text.trim())
        && names
            .iter()
            .all(|n| looks_like_person(n) || latin_person(n))
}

/// `Brandt, S.`, `T. Okoro`, `Okada, Yuki`, `Paul J. Renner`: a
/// person's name shows initials or is printed surname first. Two plain
/// words (`Asia Times`, `Le Figaro`) may be an outlet's.
fn latin_person(name: &str) -> bool {
    let tokens: Vec<&str> = name.split([' ', ',']).filter(|t| !t.is_empty()).collect();
    !is_institution(name)
        && !is_government(name)
        && (2..=4).contains(&tokens.len())
        && tokens
            .iter()
            .all(|t| is_initials(t) || is_latin_word(t.trim_end_matches('.')))
        && (name.contains(',') || tokens.iter().any(|t| is_initials(t)))
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
        "Union",
        "Research",
        "Laboratory",
        "University",
        "Centre",
        "Center",
        "Foundation",
        "Intelligence",
        "평가원",
        "개발원",
        "진흥원",
        "銀行",
        "银行",
        "研究所",
        "研究院",
        "協会",
        "协会",
        "機構",
        "机构",
    ];
    acronym || suffix.iter().any(|s| a.ends_with(s))
}

/// An organisation by the ending of its name (`연구원`, `Research`,
/// `日本銀行`), not by an acronym, which outlets have too (`KBS`).
pub(super) fn institution_by_name(name: &str) -> bool {
    let a = name.trim();
    let acronym = a
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&');
    is_institution(a) && !acronym
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
/// A central bank is not one: its statements are official by their form
/// (`보도자료`, `公表文`, `Statement`), its outlooks and studies are reports.
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
