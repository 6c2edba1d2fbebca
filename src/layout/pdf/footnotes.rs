//! Footnotes: the numbered notes in small type at the foot of a column or page.
//!
//! In: the placed lines (furniture already marked), the pages' rules, the
//! body size. Out: the footnote lines marked [`Role::Footnote`] and the
//! [`Label`] of each footnote's first line.
//!
//! A footnote area is the run of lines at the bottom of a region (column or
//! page) set smaller than the body text, under a short rule when there is
//! one. In it, a footnote starts at a line that opens with the next number
//! of the sequence (`3)`, `3.`, a raised `3`) at the area's left edge; any
//! other line continues the footnote before it, also when that one began at
//! the foot of the previous column or page. So `1)`, `2)` items inside a
//! footnote's text (indented, or off the sequence) never start a footnote.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::glyphs::Page;
use super::lines::TextLine;
use super::{Metrics, Placed};
use crate::layout::geometry::{self, Ruling};
use crate::layout::tables;
use crate::layout::{Rect, Role};

/// A footnote's first line and its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// Index of the line in the placed lines.
    pub index: usize,
    pub n: u32,
    /// Byte offset where the footnote's text starts after its label.
    pub text_start: usize,
}

/// Footnote type is at most this share of the body size.
const SMALL: f32 = 0.92;
/// A footnote rule is at most this share of its region's width.
const SHORT_RULE: f32 = 0.6;
/// A blank wider than this (× size) between two lines of a footnote area
/// sets them in separate blocks.
const BLOCK_GAP: f32 = 2.0;
/// The bottom margin of a page, as a share of its height.
const FOOT: f32 = 0.12;
/// A number may skip this many (a lost footnote) and still start one.
const MAX_SKIP: u32 = 3;

static NUMBER_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\s*[)）.．]\s*").expect("regex"));
static SPACED_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,3})\s+").expect("regex"));
/// An unnumbered note: `*`, `**`, `†` before its text.
static NOTE_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[*†‡]+\s*\S").expect("regex"));

/// Whether a line is a table's or figure's own note, source or caption:
/// never a footnote's continuation.
pub fn is_block_note(text: &str) -> bool {
    tables::is_note_or_source(text) || tables::caption_kind(text).is_some()
}

/// Marks footnote lines and returns the footnotes' labels in reading order.
pub fn mark(
    placed: &mut [Placed],
    pages: &[Page],
    rulings: &[Ruling],
    metrics: &Metrics,
) -> Vec<Label> {
    let called = raised_numbers(placed, metrics);
    let mut labels: Vec<Label> = Vec::new();
    for run in super::region_runs(placed) {
        let page = placed[run.start].page as usize - 1;
        let rules = pages.get(page).map_or(&[][..], |p| p.rules.as_slice());
        // the page's footnotes stand outside every frame
        let frames = rulings.get(page).map_or(&[][..], |r| r.frames.as_slice());
        let members: Vec<usize> = run
            .filter(|&i| placed[i].role == Role::Body)
            .filter(|&i| !frames.iter().any(|f| f.contains(&placed[i].line.bbox)))
            .collect();
        let context = Context {
            rules,
            metrics,
            called: &called,
            last_page: page + 1 == pages.len(),
            foot: pages
                .get(page)
                .filter(|p| p.height > 0.0)
                .map_or(f32::INFINITY, |p| (1.0 - FOOT) * p.height),
        };
        mark_region(placed, &members, &context, &mut labels);
    }
    labels
}

/// What a region's footnote area is judged against.
struct Context<'a> {
    /// The page's rules.
    rules: &'a [Rect],
    metrics: &'a Metrics,
    /// The numbers the text calls with raised markers, sorted.
    called: &'a [u32],
    /// Whether the page is the document's last.
    last_page: bool,
    /// Where the page's bottom margin begins.
    foot: f32,
}

/// The numbers raised as markers in the text: after a word in any line, or
/// anywhere in a line set at body size (a footnote's own raised label opens
/// a small line).
fn raised_numbers(placed: &[Placed], metrics: &Metrics) -> Vec<u32> {
    let mut last = 0;
    let mut numbers: Vec<u32> = Vec::new();
    for p in placed {
        let body_size = p.line.size > SMALL * metrics.body_size;
        for sup in p.line.superscripts.iter().filter(|s| s.at > 0 || body_size) {
            // `3`, `3)`, `(3)`, `14)15)`: markers, not a raised `M+1` or `m²`
            let called = super::raised::numbers(&sup.text, last);
            last = called.iter().copied().fold(last, u32::max);
            numbers.extend(called);
        }
    }
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Marks one region's footnote area. A numbered line opens a footnote when
/// a raised marker in the text calls that number, or when it stands under a
/// footnote rule with a footnote's label (`3)`, a raised `3`): the numbered
/// items of a form at a page's foot (`1.`, `2.`) are no footnotes.
fn mark_region(placed: &mut [Placed], members: &[usize], cx: &Context, labels: &mut Vec<Label>) {
    let small = |i: usize| placed[i].line.size <= SMALL * cx.metrics.body_size;
    let mut from = members.len();
    while from > 0 && small(members[from - 1]) {
        from -= 1;
    }
    let area = &members[from..];
    if area.is_empty() {
        return;
    }
    let under_rule = rule_above(placed, members, from, cx.rules);
    let left = area
        .iter()
        .map(|&i| placed[i].line.bbox.x0)
        .fold(f32::INFINITY, f32::min);
    let label_at = |placed: &[Placed], i: usize, last: u32| {
        let line = &placed[i].line;
        label_of(line, last, left).filter(|(n, text_start)| {
            cx.called.binary_search(n).is_ok()
                || under_rule.is_some() && is_footnote_label(&line.text[..*text_start])
        })
    };
    let lines = &members[under_rule.unwrap_or(from)..];
    let blocks = blocks_of(placed, lines);
    let labelled = labelled_blocks(placed, lines, &blocks, labels, label_at);
    let mut loose = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        // a block without a number of its own continues the footnote open
        // before it only where footnotes stand: right above numbered ones,
        // or at the very foot, never under them (a footer, a colophon)
        let may_continue = labelled[b]
            || (!labelled[..b].contains(&true) && labelled.get(b + 1).is_none_or(|&l| l));
        // lines before the block's first number continue the previous
        // footnote only while that one is unfinished
        let mut started = false;
        for &i in &lines[block.clone()] {
            let last = labels.last().map_or(0, |l| l.n);
            if let Some((n, text_start)) = label_at(placed, i, last) {
                placed[i].role = Role::Footnote;
                labels.push(Label {
                    index: i,
                    n,
                    text_start,
                });
                started = true;
            } else if NOTE_MARK.is_match(&placed[i].line.text) {
                placed[i].role = Role::Note;
                started = false;
            } else if is_block_note(&placed[i].line.text) || tables::is_unit(&placed[i].line.text) {
                // a table's or figure's own note or unit line: theirs
            } else if may_continue && (started || continues_open_footnote(placed, labels)) {
                placed[i].role = Role::Footnote;
                started = true;
            } else {
                loose.push(i);
            }
        }
    }
    // small type at the foot that no footnote claims: a footer of one page,
    // or on the last page a colophon (publisher, address, ISSN)
    // (a list's numbered or bulleted items are the text's own)
    for i in loose {
        let text = &placed[i].line.text;
        let item = NUMBER_LABEL.is_match(text) || crate::layout::bullet_of(text).is_some();
        if !item && (cx.last_page || placed[i].line.bbox.y0 >= cx.foot) {
            placed[i].role = Role::Furniture;
        }
    }
}

/// The area's lines in blocks: runs with no wide blank between lines.
fn blocks_of(placed: &[Placed], lines: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=lines.len() {
        let apart = lines.get(k).is_some_and(|&i| {
            let prev = &placed[lines[k - 1]].line;
            placed[i].line.bbox.y0 - prev.bbox.y1 > BLOCK_GAP * prev.size
        });
        if k == lines.len() || apart {
            out.push(start..k);
            start = k;
        }
    }
    out
}

/// Which blocks hold a footnote's number, read in sequence from the last
/// number so far.
fn labelled_blocks(
    placed: &[Placed],
    lines: &[usize],
    blocks: &[Range<usize>],
    labels: &[Label],
    label_at: impl Fn(&[Placed], usize, u32) -> Option<(u32, usize)>,
) -> Vec<bool> {
    let mut last = labels.last().map_or(0, |l| l.n);
    blocks
        .iter()
        .map(|block| {
            let mut found = false;
            for &i in &lines[block.clone()] {
                if let Some((n, _)) = label_at(placed, i, last) {
                    last = n;
                    found = true;
                }
            }
            found
        })
        .collect()
}

/// The position (in `members`) of the first line under a short rule drawn
/// between the body and the small type at the foot of the region.
fn rule_above(placed: &[Placed], members: &[usize], from: usize, rules: &[Rect]) -> Option<usize> {
    let boxes: Vec<Rect> = members.iter().map(|&i| placed[i].line.bbox).collect();
    let region = geometry::union_all(boxes.iter())?;
    (from..members.len()).find(|&k| {
        let top = boxes[k].y0;
        let floor = if k == 0 {
            region.y0 - 50.0
        } else {
            boxes[k - 1].y1
        };
        rules.iter().any(|r| {
            r.height() <= 2.5
                && r.width() >= 10.0
                && r.width() <= SHORT_RULE * region.width().max(1.0)
                && r.y0 >= floor - 2.0
                && r.y1 <= top + 2.0
                && r.horizontal_overlap(&region) > 0.0
                && stands_alone(r, rules)
        })
    })
}

/// A footnote rule touches no other rule (a table's borders do).
fn stands_alone(rule: &Rect, rules: &[Rect]) -> bool {
    !rules.iter().any(|o| {
        o != rule
            && o.x0 <= rule.x1 + 2.0
            && o.x1 >= rule.x0 - 2.0
            && o.y0 <= rule.y1 + 2.0
            && o.y1 >= rule.y0 - 2.0
    })
}

/// The label of a footnote rather than of a list item: `3)` or a raised
/// number (empty before the text), not `3.`.
fn is_footnote_label(label: &str) -> bool {
    let label = label.trim();
    label.is_empty() || label.ends_with([')', '）'])
}

/// A footnote continued from the previous region: the last footnote so far
/// has no sentence end yet.
fn continues_open_footnote(placed: &[Placed], labels: &[Label]) -> bool {
    let Some(label) = labels.last() else {
        return false;
    };
    let last_line = placed[label.index..]
        .iter()
        .rev()
        .find(|p| p.role == Role::Footnote);
    last_line.is_some_and(|p| !crate::layout::ends_sentence(&p.line.text))
}

/// The footnote number a line opens with, when it is the next in sequence
/// and stands at the area's left edge: a raised number, `N)`, `N.`, or `N `.
/// Returns the number and where the footnote's text begins.
pub fn label_of(line: &TextLine, last: u32, left: f32) -> Option<(u32, usize)> {
    if line.bbox.x0 > left + 0.6 * line.size {
        return None;
    }
    let in_sequence = |n: u32| n > last && n <= last + MAX_SKIP;
    if let Some(sup) = line.superscripts.first().filter(|s| s.at == 0) {
        let digits: String = sup.text.chars().filter(char::is_ascii_digit).collect();
        if let Ok(n) = digits.parse::<u32>()
            && in_sequence(n)
        {
            let start = line.text.len() - line.text.trim_start().len();
            return Some((n, start));
        }
    }
    let caps = NUMBER_LABEL
        .captures(&line.text)
        .or_else(|| SPACED_LABEL.captures(&line.text))?;
    let n: u32 = caps[1].parse().ok()?;
    in_sequence(n).then(|| (n, caps[0].len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::pdf::lines::Superscript;

    fn line(text: &str, x: f32, y: f32, size: f32) -> Placed {
        let bbox = Rect {
            x0: x,
            y0: y,
            x1: 500.0,
            y1: y + size,
        };
        crate::layout::pdf::test_line(1, text, bbox, size)
    }

    fn roles(placed: &[Placed]) -> Vec<Role> {
        placed.iter().map(|p| p.role).collect()
    }

    /// [`mark`] with each page's rules worked out, in 10-point body type.
    fn mark_on(placed: &mut [Placed], pages: &[Page]) -> Vec<Label> {
        let rulings: Vec<Ruling> = pages.iter().map(|p| geometry::ruling(&p.rules)).collect();
        mark(placed, pages, &rulings, &Metrics { body_size: 10.0 })
    }

    #[test]
    fn the_small_block_under_a_short_rule_holds_the_footnotes() {
        let mut placed = vec![
            line("본문 첫 줄입니다 본문 첫 줄입니다", 50.0, 100.0, 10.0),
            line("본문 둘째 줄입니다.", 50.0, 114.0, 10.0),
            line(
                "1) 김철수(2020), ｢논문｣, 학술지. 이 글은 다음을 다룸:",
                50.0,
                700.0,
                8.0,
            ),
            line("   1) 첫째 항목, 2) 둘째 항목", 58.0, 710.0, 8.0),
            line("2) ｢기사｣(2023. 1. 2.), 『연합뉴스』.", 50.0, 720.0, 8.0),
        ];
        let page = Page {
            rules: vec![Rect {
                x0: 50.0,
                y0: 690.0,
                x1: 190.0,
                y1: 690.5,
            }],
            ..Page::default()
        };
        let labels = mark_on(&mut placed, &[page]);
        use Role::*;
        assert_eq!(roles(&placed), [Body, Body, Footnote, Footnote, Footnote]);
        let numbers: Vec<u32> = labels.iter().map(|l| l.n).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(
            &placed[2].line.text[labels[0].text_start..],
            "김철수(2020), ｢논문｣, 학술지. 이 글은 다음을 다룸:"
        );
    }

    #[test]
    fn a_raised_number_opens_a_footnote_and_table_notes_stay_out() {
        let mut raised = line("｢제목｣(2023. 1. 2.), 『연합뉴스』.", 50.0, 720.0, 8.0);
        raised.line.superscripts.push(Superscript {
            at: 0,
            text: "1".to_string(),
            bbox: Rect::default(),
        });
        // the body calls it with a raised marker
        let mut body = line("본문입니다.", 50.0, 100.0, 10.0);
        body.line.superscripts.push(Superscript {
            at: 9,
            text: "1".to_string(),
            bbox: Rect::default(),
        });
        let mut placed = vec![body, line("자료: 통계청", 50.0, 700.0, 8.0), raised];
        let labels = mark_on(&mut placed, &[Page::default()]);
        use Role::*;
        assert_eq!(roles(&placed), [Body, Body, Footnote]);
        assert_eq!(labels[0].n, 1);
        assert_eq!(labels[0].text_start, 0);
    }

    #[test]
    fn numbered_items_no_marker_calls_are_no_footnotes() {
        let rule = Rect {
            x0: 50.0,
            y0: 690.0,
            x1: 190.0,
            y1: 690.5,
        };
        let page = Page {
            rules: vec![rule],
            ..Page::default()
        };
        let roles_of = |first: &str, second: &str| {
            let mut placed = vec![
                line("본문입니다.", 50.0, 100.0, 10.0),
                line(first, 50.0, 700.0, 8.0),
                line(second, 50.0, 712.0, 8.0),
            ];
            mark_on(&mut placed, std::slice::from_ref(&page));
            roles(&placed)
        };
        use Role::*;
        // a form's list under a rule: `1.` that nothing calls
        assert_eq!(
            roles_of("1. 본인은 기밀을 지킨다.", "2. 본인은 책임을 진다."),
            [Body, Body, Body]
        );
        // footnotes' own labels under a rule stand even uncalled (orphans)
        assert_eq!(
            roles_of("1) 통계청(2024).", "2) 한국은행(2024)."),
            [Body, Footnote, Footnote]
        );
    }

    #[test]
    fn labels_follow_the_sequence() {
        let l = line("3) 본문", 50.0, 0.0, 8.0).line;
        assert_eq!(label_of(&l, 2, 50.0).map(|(n, _)| n), Some(3));
        assert_eq!(label_of(&l, 5, 50.0), None);
        assert_eq!(label_of(&l, 2, 40.0), None, "indented");
    }

    #[test]
    fn small_type_set_apart_from_the_footnotes_is_furniture() {
        // page 1 of 2: footnote 1, then a first-page footer set apart in
        // the bottom margin; page 2 (the last): a colophon block under the
        // body, set apart from the continued footnote at the foot
        let page = Page {
            height: 842.0,
            ..Page::default()
        };
        let mut body = line("본문입니다 본문입니다.", 50.0, 100.0, 10.0);
        body.line.superscripts.push(Superscript {
            at: 9,
            text: "1".to_string(),
            bbox: Rect::default(),
        });
        let on = |page: u32, p: Placed| Placed { page, ..p };
        let mut placed = vec![
            body,
            line("1) 김철수(2020), ｢논문｣, 학술지에 실린", 50.0, 740.0, 8.0),
            line("연구원 Research Institute", 200.0, 800.0, 8.0),
            on(2, line("본문의 마지막 줄입니다.", 50.0, 100.0, 10.0)),
            on(2, line("발행처 연구원 | ISSN 1234-5678", 50.0, 300.0, 8.0)),
            on(2, line("글을 다시 인용함.", 50.0, 780.0, 8.0)),
        ];
        let labels = mark_on(&mut placed, &[page.clone(), page]);
        use Role::*;
        assert_eq!(
            roles(&placed),
            [Body, Footnote, Furniture, Body, Furniture, Footnote]
        );
        assert_eq!(labels.len(), 1);
    }

    #[test]
    fn blocks_split_at_wide_blanks() {
        let placed = vec![
            line("가", 50.0, 700.0, 8.0),
            line("나", 50.0, 710.0, 8.0),
            line("다", 50.0, 740.0, 8.0),
        ];
        assert_eq!(blocks_of(&placed, &[0, 1, 2]), [0..2, 2..3]);
    }
}
