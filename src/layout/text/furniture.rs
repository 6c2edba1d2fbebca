//! Pages of extracted text: where each page begins, and the running heads
//! and feet that repeat at the pages' edges.
//!
//! pdftotext writes a form feed before every page but the first. With the
//! pages known, a running head or foot is a short line at the top or the
//! bottom of a page that recurs at the edge of other pages (its page number,
//! glued or apart, set aside), or a bare page number that follows the page
//! count; nothing in the middle of a page is furniture unless it repeats such
//! a line word for word.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::super::conventions::{bullet_of, ends_sentence, heading_of};
use super::super::tables;
use super::{FOOTNOTE_START, ISSUE_DATE, PAGE_NUMBER as BARE_PAGE};

/// How many lines at each edge of a page a running head or foot may take.
const EDGE_LINES: usize = 3;
/// Longest line that can be a running head (series, date and title).
const RUNNING_MAX_CHARS: usize = 60;
/// Longest line that can be furniture in text without pages.
const FURNITURE_MAX_CHARS: usize = 40;

static FOOTNOTE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}\d{1,3}\)").expect("regex"));

/// The 1-based page of every line when the text marks its pages with form
/// feeds (a line opening with one starts a page); None for text without.
pub fn page_of_lines(raw: &[&str]) -> Option<Vec<u32>> {
    if !raw.iter().any(|l| l.starts_with('\u{0c}')) {
        return None;
    }
    let mut page = 1;
    let mut out = Vec::with_capacity(raw.len());
    for line in raw {
        if line.starts_with('\u{0c}') {
            page += 1;
        }
        out.push(page);
    }
    plausible_pages(raw, &out).then_some(out)
}

/// A printed page holds more than a few lines: form feeds that cut
/// the text into pages of one or two lines (a form feed at every paragraph
/// break, say) do not mark pages, and the text is read as unpaged.
fn plausible_pages(raw: &[&str], page_of: &[u32]) -> bool {
    const FEWEST_LINES_OF_A_PAGE: usize = 3;
    let pages = page_of.last().copied().unwrap_or(1) as usize;
    let mut filled = vec![0usize; pages + 1];
    for (line, &page) in raw.iter().zip(page_of) {
        if !line
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{0c}')
            .is_empty()
        {
            filled[page as usize] += 1;
        }
    }
    let mut counts: Vec<usize> = filled.into_iter().skip(1).collect();
    counts.sort_unstable();
    counts[counts.len() / 2] >= FEWEST_LINES_OF_A_PAGE
}

/// Marks the running heads and feet of paged text.
pub fn running_furniture(lines: &[&str], page_of: &[u32]) -> Vec<bool> {
    let pages = content_by_page(lines, page_of);
    let edges: Vec<Vec<usize>> = pages.iter().map(|p| edge_lines(p)).collect();
    let offset = page_number_offset(lines, page_of, &edges);
    let mut seen: HashMap<String, HashSet<u32>> = HashMap::new();
    for &i in edges.iter().flatten() {
        if could_run(lines[i]) {
            seen.entry(squash(lines[i])).or_default().insert(page_of[i]);
        }
    }
    let repeated: HashSet<String> = seen
        .into_iter()
        .filter(|(key, pages)| pages.len() >= 2 && key.chars().count() >= 2)
        .map(|(key, _)| key)
        .collect();
    let runs = |i: usize| {
        let t = lines[i].trim();
        is_page_number(t, page_of[i], offset) || (could_run(t) && repeated.contains(&squash(t)))
    };
    let mut furniture = vec![false; lines.len()];
    let mut confirmed: HashSet<String> = HashSet::new();
    for page in &pages {
        let from_top = page.iter().take(EDGE_LINES).take_while(|&&i| runs(i));
        let from_bottom = page.iter().rev().take(EDGE_LINES).take_while(|&&i| runs(i));
        for &i in from_top.chain(from_bottom) {
            furniture[i] = true;
            confirmed.insert(squash(lines[i]));
        }
    }
    // a running line the reading order put inside the page (two columns
    // read block by block) is furniture there too
    for (i, line) in lines.iter().enumerate() {
        if could_run(line) && confirmed.contains(&squash(line)) && squash(line).chars().count() >= 4
        {
            furniture[i] = true;
        }
    }
    furniture
}

/// The indices of each page's non-empty lines, page by page.
fn content_by_page(lines: &[&str], page_of: &[u32]) -> Vec<Vec<usize>> {
    let count = page_of.iter().copied().max().unwrap_or(1) as usize;
    let mut pages = vec![Vec::new(); count];
    for (i, line) in lines.iter().enumerate() {
        if !line.trim().is_empty() {
            pages[page_of[i] as usize - 1].push(i);
        }
    }
    pages
}

/// The first and last lines of a page, where heads and feet stand.
fn edge_lines(page: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = page.iter().take(EDGE_LINES).copied().collect();
    let tail = page.len().saturating_sub(EDGE_LINES).max(out.len());
    out.extend(&page[tail..]);
    out
}

/// What a printed page number adds to the page count: the difference seen
/// on most pages' edges (at least two, or the only one of a short text).
fn page_number_offset(lines: &[&str], page_of: &[u32], edges: &[Vec<usize>]) -> Option<i64> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for &i in edges.iter().flatten() {
        if let Some(n) = bare_number(lines[i].trim()) {
            *counts.entry(n - i64::from(page_of[i])).or_default() += 1;
        }
    }
    let (offset, count) = counts
        .into_iter()
        .max_by_key(|&(offset, count)| (count, -offset.abs()))?;
    (count >= 2 || edges.len() <= 2).then_some(offset)
}

fn bare_number(text: &str) -> Option<i64> {
    BARE_PAGE.captures(text)?[1].parse().ok()
}

fn is_page_number(text: &str, page: u32, offset: Option<i64>) -> bool {
    offset.is_some_and(|o| bare_number(text) == Some(i64::from(page) + o))
}

/// A line that can be a running head or foot: short, not a footnote, a
/// bullet or a table's note.
fn could_run(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= RUNNING_MAX_CHARS
        && !FOOTNOTE_LABEL.is_match(t)
        && bullet_of(t).is_none()
        && !tables::is_note_or_source(t)
}

/// The line without whitespace and without a leading or trailing page number.
pub fn squash(line: &str) -> String {
    let page_number = |c: char| c.is_ascii_digit() || c.is_whitespace();
    let core = line.trim_matches(page_number);
    core.chars().filter(|c| !c.is_whitespace()).collect()
}

// Text without page breaks: furniture is found from anchors (a bare issue
// date, a bare page number, a short line that repeats) and the short lines
// clustered with them.

/// Marks the furniture lines of text without pages: anchors, then short lines clustered with them.
pub fn unpaged_furniture(lines: &[&str]) -> Vec<bool> {
    let mut furniture: Vec<bool> = lines.iter().map(|l| is_anchor(l)).collect();
    let repeated = repeated_lines(lines);
    for (index, line) in lines.iter().enumerate() {
        if repeated.contains_key(&squash(line)) {
            furniture[index] = true;
        }
    }
    // Grow clusters: a short non-sentence line next to furniture (blank lines
    // between are allowed) is furniture, unless it continues a wrapped line.
    loop {
        let mut changed = false;
        for index in 0..lines.len() {
            if furniture[index] || !could_be_furniture(lines[index]) {
                continue;
            }
            let prev = neighbour(lines, index, -1);
            let next = neighbour(lines, index, 1);
            let next_to_furniture =
                prev.is_some_and(|p| furniture[p]) || next.is_some_and(|n| furniture[n]);
            // a short line after a long unfinished one is the end of a wrapped
            // sentence (`…인력의 국경` + `이동도 불가`), not furniture
            let continues_previous = prev.is_some_and(|p| {
                !furniture[p] && !could_be_furniture(lines[p]) && !ends_sentence(lines[p])
            });
            if next_to_furniture && !continues_previous {
                furniture[index] = true;
                changed = true;
            }
        }
        if !changed {
            return furniture;
        }
    }
}

fn neighbour(lines: &[&str], index: usize, step: isize) -> Option<usize> {
    let mut i = index as isize + step;
    while i >= 0 && (i as usize) < lines.len() {
        if !lines[i as usize].trim().is_empty() {
            return Some(i as usize);
        }
        i += step;
    }
    None
}

fn is_anchor(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && (ISSUE_DATE.is_match(t) || BARE_PAGE.is_match(t))
}

fn could_be_furniture(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= FURNITURE_MAX_CHARS
        && !ends_sentence(t)
        && !t.ends_with(',')
        && bullet_of(t).is_none()
        && heading_of(line).is_none()
        && !FOOTNOTE_START.is_match(t)
}

/// Short lines that occur more than once (page numbers stripped): running
/// headers and footers.
fn repeated_lines(lines: &[&str]) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines.iter().filter(|l| could_be_furniture(l)) {
        let key = squash(line);
        if key.chars().count() >= 3 {
            *counts.entry(key).or_default() += 1;
        }
    }
    counts.retain(|_, count| *count >= 2);
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture_of(text: &str) -> Vec<String> {
        let raw: Vec<&str> = text.split('\n').collect();
        let pages = page_of_lines(&raw).expect("paged");
        let lines: Vec<&str> = raw.iter().map(|l| l.trim_start_matches('\u{0c}')).collect();
        let marks = running_furniture(&lines, &pages);
        lines
            .iter()
            .zip(marks)
            .filter(|(_, m)| *m)
            .map(|(l, _)| l.to_string())
            .collect()
    }

    #[test]
    fn form_feeds_between_every_few_lines_are_no_pages() {
        let text = "첫째 줄\n\u{0c}둘째 줄\n\u{0c}셋째 줄\n\u{0c}넷째 줄";
        let raw: Vec<&str> = text.split('\n').collect();
        assert_eq!(page_of_lines(&raw), None);
    }

    #[test]
    fn pages_open_at_form_feeds() {
        assert_eq!(
            page_of_lines(&["가", "나", "다", "\u{0c}라", "마", "바"]),
            Some(vec![1, 1, 1, 2, 2, 2])
        );
        assert_eq!(page_of_lines(&["가", "나"]), None);
    }

    #[test]
    fn heads_and_feet_repeat_at_the_edges_page_numbers_follow_the_count() {
        let text = "시리즈 이름\n제목 줄\n본문이 시작된다.\n1) 각주 하나.\n\
            \u{0c}시리즈 이름 | 2024. 1. 2.\n본문이 이어지고\n3\n-2-\n\
            \u{0c}시리즈 이름 | 2024. 1. 2.\n1. 제목\n본문.\n-3-\n";
        assert_eq!(
            furniture_of(text),
            [
                "시리즈 이름 | 2024. 1. 2.",
                "-2-",
                "시리즈 이름 | 2024. 1. 2.",
                "-3-"
            ]
        );
    }

    #[test]
    fn a_glued_page_number_and_a_head_inside_the_page() {
        let text = "머리\n본문 하나.\n본문 더.\n\u{0c}보고서 제목 2\n본문 둘.\n보고서 제목 2\n\
            \u{0c}3보고서 제목\n본문 셋.\n본문 끝.\n";
        let found = furniture_of(text);
        assert_eq!(found, ["보고서 제목 2", "보고서 제목 2", "3보고서 제목"]);
    }

    #[test]
    fn footnote_labels_and_body_numbers_are_not_page_numbers() {
        // `5` at the foot of page 2 is a label, not the page's number
        let text = "가\n본문 하나.\n1\n\u{0c}나\n본문 둘.\n5\n2\n\u{0c}다\n본문 셋.\n3\n";
        assert_eq!(furniture_of(text), ["1", "2", "3"]);
    }
}
