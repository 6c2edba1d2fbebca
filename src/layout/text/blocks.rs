//! Tables and figures in extracted text: a caption (or a unit line, or rows
//! of figures) and what belongs to it, its cells one to a line, its unit,
//! notes and source.

use std::sync::LazyLock;

use regex::Regex;

use super::super::conventions::*;
use super::super::tables::{self, Kind};
use super::FOOTNOTE_START;

/// Marks the lines of tables and figures: from a caption (or a unit line, or
/// two rows of figures) down through unit lines, rows of figures, short cell
/// lines and header rows that lead to them, and the block's own notes and
/// sources, with the lines that continue them (a note's own `2)` after its
/// `1)` included).
pub(super) fn find_blocks(lines: &[&str], furniture: &[bool]) -> Vec<Option<Kind>> {
    let mut out = vec![None; lines.len()];
    let content = |from: usize| (from..lines.len()).find(|&j| !lines[j].trim().is_empty());
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        let next_tabular = || content(i + 1).is_some_and(|j| tables::is_tabular(lines[j]));
        let kind = if furniture[i] || t.is_empty() {
            None
        } else if let Some(kind) = caption_of(t) {
            Some((kind, true))
        } else if tables::is_unit(t) || (tables::is_tabular(t) && next_tabular()) {
            Some((Kind::Table, false))
        } else {
            None
        };
        let Some((kind, captioned)) = kind else {
            i += 1;
            continue;
        };
        out[i] = Some(kind);
        i = extend_block(lines, furniture, i + 1, (kind, captioned), &mut out);
    }
    out
}

/// Marks the block's lines from `from` on; returns where the block ends.
fn extend_block(
    lines: &[&str],
    furniture: &[bool],
    from: usize,
    (kind, captioned): (Kind, bool),
    out: &mut [Option<Kind>],
) -> usize {
    let mut j = from;
    let mut notes = false;
    let mut open_note = false;
    // the next of a note's own numbered items, after a `주: 1) …` line
    let mut next_item = None;
    while j < lines.len() {
        let t = lines[j].trim();
        if t.is_empty() {
            j += 1;
            continue;
        }
        if furniture[j] {
            break;
        }
        let item = FOOTNOTE_START
            .captures(t)
            .and_then(|c| c[1].parse::<u32>().ok());
        let part = if tables::is_note_or_source(t) {
            notes = true;
            true
        } else if notes {
            let numbered_next = item.is_some() && item == next_item;
            numbered_next || (open_note && !starts_anew(t))
        } else {
            tables::is_unit(t)
                || tables::is_tabular(t)
                || leads_to_rows(lines, j)
                || (captioned && is_cell(lines, j))
        };
        if !part {
            break;
        }
        if notes {
            open_note = !ends_sentence(t);
            next_item = if tables::is_source(t) {
                None
            } else {
                last_item(t).map(|n| n + 1).or(next_item)
            };
        }
        out[j] = Some(kind);
        j += 1;
    }
    j
}

/// A caption that opens a table or a figure: `[그림 1] 제목`, not a
/// sentence that refers to one (`[그림 1]에서 보듯이 …`).
pub(super) fn caption_of(text: &str) -> Option<Kind> {
    let kind = tables::caption_kind(text)?;
    let after = text
        .find([']', '>', '〉', '】', '》', '〕'])
        .map(|at| text[at..].chars().nth(1));
    let reference = after.flatten().is_some_and(crate::hangul::is_syllable);
    (!reference && !ends_sentence(text)).then_some(kind)
}

/// A line that opens something of its own: a bullet, a heading, a footnote.
pub(super) fn starts_anew(t: &str) -> bool {
    bullet_of(t).is_some()
        || heading_of(t).is_some()
        || roman_heading_of(t).is_some()
        || FOOTNOTE_START.is_match(t)
}

/// Longest line read as one cell of a captioned table or a figure's label.
const CELL_MAX_CHARS: usize = 40;

/// Below a caption, a cell or a label as the extractor prints them, one to
/// a line: a short line, or one standing between blank lines that ends no
/// sentence; never a bullet, a heading or a footnote.
fn is_cell(lines: &[&str], at: usize) -> bool {
    let t = lines[at].trim();
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    let isolated = blank(at.checked_sub(1)) && blank(Some(at + 1));
    !starts_anew(t) && (t.chars().count() <= CELL_MAX_CHARS || (isolated && !ends_sentence(t)))
}

/// A short line (a header row, a label) followed by rows of figures.
fn leads_to_rows(lines: &[&str], at: usize) -> bool {
    let t = lines[at].trim();
    let short = t.chars().count() <= 40 && !ends_sentence(t) && bullet_of(t).is_none();
    short
        && (at + 1..lines.len())
            .find(|&j| !lines[j].trim().is_empty())
            .is_some_and(|j| tables::is_tabular(lines[j]) || tables::is_unit(lines[j]))
}

/// The number of the last `N)` item a note line holds.
fn last_item(text: &str) -> Option<u32> {
    static ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\s)(\d{1,2})\)").expect("regex"));
    ITEM.captures_iter(text)
        .last()
        .and_then(|c| c[1].parse().ok())
}
