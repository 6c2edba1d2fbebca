//! Shapes of works without a year after their creators: persons before a
//! bracketed title, acts in an official journal, and laws named in remarks.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Citation, CitationKind};

use super::creators::{are_persons, split_authors};
use super::dates::{any_date, four_digit_year};
use super::issuers::{is_official_journal, official_journal_at};
use super::persons_work_kind;
use super::publication::{PAGES, parse_publication};
use super::title::find_title;

/// `변지우·한서준, 「제목」, 『고용정책논총』, 제43권 제2호, 2020, pp. 33-61.`,
/// `Brandt, S. and T. Okoro, “Title,” Harbour Economic Letters, Vol.
/// 27, No. 2, 2020.`: persons, the title, then where and when (the year
/// printed after the title, not in parentheses).
pub(super) fn parse_creators_first(
    text: &str,
    c: &mut Citation,
    problems: &mut Vec<String>,
) -> Option<Citation> {
    static CREATORS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(?P<creators>[^｢「『“"()]{2,120}?)\s*,\s*(?P<rest>[｢「『“"].*)$"#)
            .expect("regex")
    });
    let caps = CREATORS.captures(text)?;
    if !are_persons(&caps["creators"]) {
        return None;
    }
    let rest = caps.name("rest")?.as_str();
    let title = find_title(rest, problems)?;
    let after = &rest[title.end..];
    let mut out = c.clone();
    out.authors = split_authors(&caps["creators"]);
    out.title = Some(title.text);
    parse_publication(after, true, title.book, &mut out);
    out.year = standalone_year(after).or_else(|| four_digit_year(after));
    out.kind = persons_work_kind(&out);
    Some(out)
}

/// A year printed as its own item (`…, 2023, pp. 1-38`), not inside a
/// series number (`정책연구시리즈 2019-14`).
fn standalone_year(text: &str) -> Option<i32> {
    text.split(',')
        .map(|p| p.trim().trim_end_matches('.').trim())
        .find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()))
        .and_then(|p| p.parse().ok())
        .filter(|y| (1900..2100).contains(y))
}

/// `Regulation (EU) 2021/479 of …, Official Journal of the European Union,
/// L 79I, 21.3.2019, pp. 1-14.`, `…, OJ L 206, 11.6.2021, pp. 1-461.`: an
/// act named by its title and its place in the state's official journal.
pub(super) fn parse_gazette(
    text: &str,
    c: &mut Citation,
    problems: &mut Vec<String>,
) -> Option<Citation> {
    static ISSUE_CODE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?P<name>.+?)\s+)?(?P<num>[A-Z]{1,2}\s+\d+[A-Z]?)$").expect("regex")
    });
    let at_journal = official_journal_at(text)?;
    // `“Directive (EU) …,” Official Journal …`: a quoted act first
    let quoted = if text.starts_with(['｢', '「', '“', '"']) {
        let title = find_title(text, problems)?;
        if title.end > at_journal {
            return None;
        }
        Some(title)
    } else {
        None
    };
    let searched = quoted.as_ref().map_or(text, |t| &text[t.end..]);
    // an outlet or issuer with its date first is read by its own shape
    if quoted.is_none() && text[..at_journal].contains(['｢', '「', '『', '“', '"']) {
        return None;
    }
    let parts: Vec<&str> = searched.split(", ").collect();
    let at = parts.iter().position(|p| is_official_journal(p))?;
    let before = parts[..at].join(", ");
    let title = match quoted {
        Some(t) => t.text,
        None if at > 0 => before.trim().to_string(),
        None => return None,
    };
    let mut out = c.clone();
    out.title = Some(title);
    let journal = parts[at].trim().trim_end_matches('.');
    match ISSUE_CODE.captures(journal) {
        Some(caps) if caps.name("name").is_some() => {
            out.container = caps.name("name").map(|m| m.as_str().to_string());
            out.issue = Some(caps["num"].to_string());
        }
        _ => {
            out.container = Some(journal.to_string());
            out.issue = parts
                .get(at + 1)
                .map(|p| p.trim().trim_end_matches('.'))
                .filter(|p| {
                    ISSUE_CODE
                        .captures(p)
                        .is_some_and(|c| c.name("name").is_none())
                })
                .map(str::to_string);
        }
    }
    let after = parts[at + 1..].join(", ");
    out.date = any_date(&after);
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    out.pages = PAGES
        .captures(&after)
        .map(|p| p["p"].split_whitespace().collect());
    out.kind = CitationKind::Official;
    Some(out)
}

/// A law, bill, decree, treaty, plan or court decision by its name:
/// `고용상 연령차별금지 … 법률`, `근로기준법 일부개정법률안`,
/// `日本銀行法`, `Infrastructure Investment and Jobs Act of 2021`,
/// `유럽 반도체법`, `Regulation (EU) 2021/479 of …`. Public for the date audit: an act's date is its
/// enactment's or publication's, not an event's report.
pub fn is_legal_title(title: &str) -> bool {
    static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:법|법률|법률안|법안|시행령|시행규칙|조례|협정|조약|기본계획|판결|결정례|法|法案|条例|條例|判決|判决|\bAct(?:\s+of\s+\d{4})?|\bLaw|\bCode|\bDirective|\bTreaty)$")
            .expect("regex")
    });
    static EU_ACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Council\s+|Commission\s+)?(?:Implementing\s+|Delegated\s+)?(?:Regulation|Directive|Decision)\s*\((?:EU|EC|EEC|Euratom)\)")
            .expect("regex")
    });
    let t = title.trim().trim_end_matches(['.', ' ']);
    LEGAL.is_match(t) || EU_ACT.is_match(t)
}
