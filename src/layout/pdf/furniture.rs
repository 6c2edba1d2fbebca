//! Furniture: the lines a page prints for every page, not for the reader of
//! this one — running headers and footers and page numbers.
//!
//! In: the placed lines of the whole document. Out: those lines marked
//! [`Role::Furniture`]. A line is furniture when the same text (digits aside,
//! so page numbers may change) is printed at the same height on two pages or
//! more in a page margin, or on most pages anywhere; or when it is a bare
//! page number (`7`, `- 7 -`, `7 / 14`) in a page margin.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Placed;
use super::glyphs::Page;
use crate::layout::Role;

/// The top and bottom margins: this share of the page height.
const MARGIN: f32 = 0.12;
/// Longest running head or foot, in characters.
const MAX_CHARS: usize = 80;
/// Same place: within this many points vertically.
const SAME_HEIGHT: f32 = 4.0;

static FOOTNOTE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\d{1,3}\s*[)）]").expect("regex"));
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–—\s]*\d{1,4}[-–—\s]*$|^\d{1,4}\s*/\s*\d{1,4}$|^(?i:page|p\.)\s*\d{1,4}$")
        .expect("regex")
});

/// Marks running headers, footers and page numbers.
pub fn mark(placed: &mut [Placed], pages: &[Page]) {
    let height_of = |p: &Placed| {
        pages
            .get(p.page as usize - 1)
            .map_or(f32::INFINITY, |page| page.height)
    };
    let in_margin: Vec<bool> = placed
        .iter()
        .map(|p| {
            let h = height_of(p);
            p.line.bbox.y1 <= MARGIN * h || p.line.bbox.y0 >= (1.0 - MARGIN) * h
        })
        .collect();
    let keys: Vec<String> = placed.iter().map(|p| squash(&p.line.text)).collect();
    // pages on which each (text, height) is printed
    let mut seen: HashMap<(&str, i32), Vec<u32>> = HashMap::new();
    for (p, key) in placed.iter().zip(&keys) {
        if key.chars().count() >= 2 {
            let pages = seen.entry((key, band(p.line.bbox.y0))).or_default();
            if !pages.contains(&p.page) {
                pages.push(p.page);
            }
        }
    }
    let page_count = pages.len();
    // what the first page prints at its top, a running head echoes later
    let masthead: Vec<&str> = placed
        .iter()
        .zip(&keys)
        .zip(&in_margin)
        .filter(|((p, key), margin)| p.page == 1 && **margin && key.chars().count() >= 3)
        .filter(|((p, _), _)| p.line.bbox.y1 <= MARGIN * height_of(p))
        .map(|((_, key), _)| key.as_str())
        .collect();
    let is_furniture: Vec<bool> = placed
        .iter()
        .zip(&keys)
        .zip(&in_margin)
        .map(|((p, key), &margin)| {
            let (repeats, echoes) = if could_repeat(&p.line.text) {
                let echoes = p.page > 1 && masthead.iter().any(|m| key.contains(m));
                (repeated_on(&seen, key, p.line.bbox.y0), echoes)
            } else {
                (0, false)
            };
            let page_number = PAGE_NUMBER.is_match(p.line.text.trim());
            (margin && (repeats >= 2 || page_number || echoes))
                || (page_count >= 3 && repeats * 2 > page_count)
        })
        .collect();
    for (p, furniture) in placed.iter_mut().zip(is_furniture) {
        if furniture {
            p.role = Role::Furniture;
        }
    }
}

/// Running heads are short and never open with a footnote's number: the
/// same citation may well stand at the foot of two pages.
fn could_repeat(text: &str) -> bool {
    text.chars().count() <= MAX_CHARS && !FOOTNOTE_LABEL.is_match(text)
}

/// On how many pages the text is printed at this height (or a band next to
/// it, so a height on a band border still matches).
fn repeated_on(seen: &HashMap<(&str, i32), Vec<u32>>, key: &str, y: f32) -> usize {
    if key.chars().count() < 2 {
        return 0;
    }
    let b = band(y);
    let mut pages: Vec<u32> = Vec::new();
    for b in [b - 1, b, b + 1] {
        if let Some(found) = seen.get(&(key, b)) {
            for page in found {
                if !pages.contains(page) {
                    pages.push(*page);
                }
            }
        }
    }
    pages.len()
}

fn band(y: f32) -> i32 {
    (y / SAME_HEIGHT).round() as i32
}

/// The text without spaces and digits: page numbers change, the rest repeats.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !c.is_ascii_digit())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Rect;

    fn line(page: u32, text: &str, y: f32) -> Placed {
        let bbox = Rect {
            x0: 50.0,
            y0: y,
            x1: 300.0,
            y1: y + 10.0,
        };
        crate::layout::pdf::test_line(page, text, bbox, 10.0)
    }

    #[test]
    fn running_headers_and_page_numbers_are_furniture() {
        let pages = vec![
            Page {
                width: 595.0,
                height: 842.0,
                ..Page::default()
            };
            3
        ];
        let mut placed = vec![
            line(1, "첫 쪽 본문의 줄", 100.0),
            line(2, "2 보고서 제목", 30.0),
            line(2, "둘째 쪽 본문", 100.0),
            line(2, "- 2 -", 800.0),
            line(3, "3 보고서 제목", 31.0),
            line(3, "셋째 쪽 본문", 100.0),
            line(3, "- 3 -", 801.0),
            line(3, "본문 속 숫자 42", 400.0),
        ];
        mark(&mut placed, &pages);
        let roles: Vec<Role> = placed.iter().map(|p| p.role).collect();
        use Role::*;
        assert_eq!(
            roles,
            [
                Body, Furniture, Body, Furniture, Furniture, Body, Furniture, Body
            ]
        );
    }
}
