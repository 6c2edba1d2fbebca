//! Blocks: the first page's masthead, tables and figures, and headings.
//!
//! In: the placed lines with furniture (and, for tables, footnotes) marked.
//! Out: those lines marked [`Role::Masthead`], [`Role::Table`],
//! [`Role::Figure`] or [`Role::Heading`].
//!
//! - The masthead is the top of the first page down to the title (its
//!   largest type) and the short lines set close under it (authors, date),
//!   or the whole first page when it holds no running text (a cover).
//! - A table is what its rules enclose, or lines cut into three cells or
//!   more by wide gaps (two, next to such a line), with its caption above
//!   (`<표 1>`, `[표 2]`, `표 3.`), its unit line and its own notes and
//!   sources below (`주:`, `자료:`, `출처:`). Superscripts in it are its own
//!   note marks. A figure is an image's area with its caption and notes.
//! - A heading is a short line of body text set larger, or all bold.

use std::sync::LazyLock;

use regex::Regex;

use super::footnotes::is_block_note;
use super::glyphs::Page;
use super::lines::TextLine;
use super::{Metrics, Placed};
use crate::layout::geometry::Ruling;
use crate::layout::tables::{self, Kind};
use crate::layout::{Rect, Role, bullet_of, ends_sentence};

/// A title is set at least this much larger than the body,
const TITLE: f32 = 1.25;
/// and near the largest type above the first paragraph (a series name may
/// be larger still).
const TITLE_SHARE: f32 = 0.7;
/// A heading is set at least this much larger than the body (or bold).
const HEADING: f32 = 1.12;
/// Longest heading, in characters.
const HEADING_CHARS: usize = 60;

static CONTENTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[·.…‥ㆍ]\s*){4,}\s*\d{1,3}\s*$").expect("regex"));

/// Marks the first page's masthead: from the top down to the title (the
/// last line set near the largest type, above the first paragraph of
/// prose), and the short lines set close under it (authors, affiliation,
/// date) down to the first heading. The series over the title, often the
/// largest type of all, is part of it. A first page without prose is a
/// cover: all masthead.
pub fn mark_masthead(placed: &mut [Placed], metrics: &Metrics) {
    let first: Vec<usize> = (0..placed.len())
        .filter(|&i| placed[i].page == 1 && placed[i].role == Role::Body)
        .collect();
    let prose = |k: usize| {
        let l = &placed[first[k]].line;
        (l.size - metrics.body_size).abs() <= 0.1 * metrics.body_size
            && !l.bold
            && (l.chars() >= 25 || bullet_of(&l.text).is_some())
    };
    let edges = body_edges(placed);
    let at_edge = |k: usize| shared_edge(&edges, placed[first[k]].line.bbox.x0);
    // the first paragraph: two prose lines in a row, one of them at a left
    // edge other lines of the document share (a lone line at body size, a
    // masthead's date, authors set flush right, is none)
    let paragraph = (0..first.len()).find(|&k| {
        prose(k)
            && (k + 1 == first.len() || prose(k + 1))
            && (at_edge(k) || (k + 1 < first.len() && at_edge(k + 1)))
    });
    let Some(cut) = paragraph.or_else(|| (0..first.len()).find(|&k| prose(k))) else {
        // a cover page: nothing on it is running text
        for &i in &first {
            placed[i].role = Role::Masthead;
        }
        return;
    };
    let before = &first[..cut];
    let largest = before
        .iter()
        .map(|&i| placed[i].line.size)
        .fold(0.0f32, f32::max);
    let title_size = (TITLE * metrics.body_size).max(TITLE_SHARE * largest);
    let Some(title_end) = before
        .iter()
        .rposition(|&i| placed[i].line.size >= title_size)
    else {
        return;
    };
    let mut end = title_end + 1;
    while end < before.len() {
        let (prev, next) = (&placed[before[end - 1]].line, &placed[before[end]].line);
        let close = next.bbox.y0 - prev.bbox.y1 <= 3.0 * next.size;
        let heading = next.size > metrics.body_size * HEADING
            || (next.bold && next.size >= metrics.body_size);
        let opens_paragraph = before
            .get(end + 1)
            .is_some_and(|&j| is_paragraph_pair(next, &placed[j].line));
        if !close || heading || opens_paragraph {
            break;
        }
        end += 1;
    }
    for &i in &before[..end] {
        placed[i].role = Role::Masthead;
    }
}

/// Where lines start: the left edge of every body line of the document.
fn body_edges(placed: &[Placed]) -> Vec<f32> {
    let mut edges: Vec<f32> = placed
        .iter()
        .filter(|p| p.role == Role::Body)
        .map(|p| p.line.bbox.x0)
        .collect();
    edges.sort_by(f32::total_cmp);
    edges
}

/// Lines that start at an edge of running text (the one asked about among
/// them): a column's edge or a paragraph's indent is shared by many lines; a
/// flush-right or centred line's start by almost none.
const SHARED_EDGE: usize = 3;

/// Whether a line starting at `x0` starts at an edge other lines share.
fn shared_edge(edges: &[f32], x0: f32) -> bool {
    let from = edges.partition_point(|&e| e < x0 - 1.0);
    let to = edges.partition_point(|&e| e <= x0 + 1.0);
    to - from >= SHARED_EDGE
}

/// Two lines of running text one under the other: the same size, the same
/// left edge, the first a full one (a summary under a title, not its
/// authors, which are short or set to one side).
fn is_paragraph_pair(line: &TextLine, next: &TextLine) -> bool {
    (line.size - next.size).abs() <= 0.1
        && (line.bbox.x0 - next.bbox.x0).abs() <= 1.0
        && line.chars() >= 25
        && next.bbox.y0 - line.bbox.y1 <= line.size
}

/// Marks headings: short lines of larger or all-bold type, without bullets.
pub fn mark_headings(placed: &mut [Placed], metrics: &Metrics) {
    for p in placed.iter_mut().filter(|p| p.role == Role::Body) {
        let l = &p.line;
        let larger = l.size >= HEADING * metrics.body_size;
        let bold = l.bold && l.size >= 0.95 * metrics.body_size;
        if (larger || bold)
            && l.chars() <= HEADING_CHARS
            && bullet_of(&l.text).is_none()
            && !ends_sentence(&l.text)
        {
            p.role = Role::Heading;
        }
    }
}

/// Marks what the page's structure shows to be a table or a figure: lines
/// in an image's area, in a ruled grid, or cut into three cells or more (two,
/// next to such a line).
/// `rulings`: each page's ruled tables and frames.
pub fn mark_tabular(placed: &mut [Placed], pages: &[Page], rulings: &[Ruling]) {
    for (index, page) in pages.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let members: Vec<usize> = (0..placed.len())
            .filter(|&i| placed[i].page == number && placed[i].role == Role::Body)
            .collect();
        let grids = rulings.get(index).map_or(&[][..], |r| r.tables.as_slice());
        for &i in &members {
            match tabular_kind(&placed[i], page, grids) {
                Some(Kind::Figure) => placed[i].role = Role::Figure,
                Some(Kind::Table) => placed[i].role = Role::Table,
                None => {}
            }
        }
        extend_rows(placed, &members);
    }
}

/// Whether the line's place shows it to be a table's or a figure's.
pub fn is_tabular(p: &Placed, pages: &[Page], rulings: &[Ruling]) -> bool {
    let index = p.page as usize - 1;
    let (Some(page), Some(ruling)) = (pages.get(index), rulings.get(index)) else {
        return false;
    };
    tabular_kind(p, page, &ruling.tables).is_some()
}

/// A line in an image's area is a figure's; in a ruled grid, or cut into
/// three cells or more, a table's.
fn tabular_kind(p: &Placed, page: &Page, grids: &[Rect]) -> Option<Kind> {
    let b = p.line.bbox;
    let (cx, cy) = (b.center_x(), b.center_y());
    let inside = |r: &Rect| cx >= r.x0 && cx <= r.x1 && cy >= r.y0 && cy <= r.y1;
    if page.images.iter().any(inside) {
        Some(Kind::Figure)
    } else if grids.iter().any(inside) || p.line.gaps.len() >= 2 {
        Some(Kind::Table)
    } else {
        None
    }
}

/// Marks captions, unit lines, notes and sources of tables and figures.
pub fn mark_captions_and_notes(placed: &mut [Placed], metrics: &Metrics) {
    let mut start = 0;
    while start < placed.len() {
        let page = placed[start].page;
        let end = placed[start..]
            .iter()
            .position(|p| p.page != page)
            .map_or(placed.len(), |k| start + k);
        let members: Vec<usize> = (start..end)
            .filter(|&i| matches!(placed[i].role, Role::Body | Role::Table | Role::Figure))
            .collect();
        attach_captions_and_notes(placed, &members, metrics);
        start = end;
    }
}

/// Marks table of contents entries: a title, leader dots, a page number.
pub fn mark_contents(placed: &mut [Placed]) {
    for p in placed.iter_mut().filter(|p| p.role == Role::Body) {
        if CONTENTS.is_match(&p.line.text) {
            p.role = Role::Contents;
        }
    }
}

/// Sources and remarks printed on their own (`※자료: 환경부`, `주: …`) away
/// from any table are notes, not claims.
pub fn mark_loose_notes(placed: &mut [Placed]) {
    for p in placed.iter_mut().filter(|p| p.role == Role::Body) {
        if is_block_note(&p.line.text) {
            p.role = Role::Note;
        }
    }
}

/// A line cut in two cells next to a table line is a row of that table.
fn extend_rows(placed: &mut [Placed], members: &[usize]) {
    for k in 0..members.len() {
        let i = members[k];
        if placed[i].role != Role::Body || placed[i].line.gaps.is_empty() {
            continue;
        }
        let next_to_table = [k.checked_sub(1), Some(k + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| members.get(j))
            .any(|&j| placed[j].role == Role::Table);
        if next_to_table {
            placed[i].role = Role::Table;
        }
    }
}

/// Captions above (or below) a table or figure, its unit line, and the notes
/// and sources under it belong to it; a caption with nothing tabular after
/// it still opens a block of the small lines that follow.
fn attach_captions_and_notes(placed: &mut [Placed], members: &[usize], metrics: &Metrics) {
    for k in 0..members.len() {
        let i = members[k];
        if placed[i].role != Role::Body {
            continue;
        }
        let text = &placed[i].line.text;
        let role = match tables::caption_kind(text) {
            Some(Kind::Table) => Role::Table,
            Some(Kind::Figure) => Role::Figure,
            None => continue,
        };
        placed[i].role = role;
        // the unit line and small lines under the caption, down to the block
        let mut j = k + 1;
        while let Some(&m) = members.get(j) {
            let l = &placed[m].line;
            let small = l.size <= 0.95 * metrics.body_size;
            if placed[m].role == Role::Body
                && (tables::is_unit(&l.text) || (small && !l.text.trim().is_empty()))
            {
                placed[m].role = role;
                j += 1;
            } else {
                break;
            }
        }
    }
    // a title in brackets or a source note right above a table or figure
    // is its own (a run of them: the nearest first)
    for k in (0..members.len().saturating_sub(1)).rev() {
        let (i, next) = (members[k], members[k + 1]);
        let block = placed[next].role;
        let text = &placed[i].line.text;
        if placed[i].role == Role::Body
            && matches!(block, Role::Table | Role::Figure)
            && (tables::is_bracketed_title(text) || is_block_note(text))
        {
            placed[i].role = block;
        }
    }
    // notes and sources directly under a table or figure
    for k in 1..members.len() {
        let (prev, i) = (members[k - 1], members[k]);
        let block = placed[prev].role;
        if placed[i].role == Role::Body
            && matches!(block, Role::Table | Role::Figure)
            && (is_block_note(&placed[i].line.text)
                || placed[i].line.size <= 0.95 * metrics.body_size)
        {
            placed[i].role = block;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruled_grids() {
        let h = |y: f32| Rect {
            x0: 50.0,
            y0: y,
            x1: 400.0,
            y1: y + 0.5,
        };
        let v = Rect {
            x0: 200.0,
            y0: 100.0,
            x1: 200.5,
            y1: 160.0,
        };
        let found =
            crate::layout::geometry::ruling(&[h(100.0), v, h(130.0), h(160.0), h(700.0)]).tables;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rounded(), [50.0, 100.0, 400.0, 160.5]);
    }

    fn at(text: &str, x: f32, y: f32, size: f32, bold: bool) -> Placed {
        let width = size * text.chars().count() as f32;
        let bbox = Rect {
            x0: x,
            y0: y,
            x1: x + width,
            y1: y + size,
        };
        let mut p = crate::layout::pdf::test_line(1, text, bbox, size);
        p.line.bold = bold;
        p
    }

    fn masthead_of(placed: &mut [Placed]) -> Vec<&str> {
        mark_masthead(placed, &Metrics { body_size: 10.0 });
        placed
            .iter()
            .filter(|p| p.role == Role::Masthead)
            .map(|p| p.line.text.as_str())
            .collect()
    }

    const PROSE: &str = "중국 부동산 경기는 대형 개발업체의 유동성 위기를 계기로 조정 국면에";

    #[test]
    fn the_series_over_the_title_and_the_authors_under_it() {
        // the series larger than the title, a date line at body size, the
        // title, an author line, a bold heading, then a summary
        let mut placed = vec![
            at("이슈노트", 60.0, 50.0, 22.0, true),
            at("제2023-07호 2023. 5. 12.", 60.0, 80.0, 10.0, false),
            at("중국 부동산 경기 둔화의 영향", 100.0, 120.0, 18.0, true),
            at("조사국 과장 최민준", 340.0, 160.0, 10.0, false),
            at("요 약", 280.0, 200.0, 12.0, true),
            at(PROSE, 70.0, 220.0, 10.0, false),
            at(PROSE, 70.0, 234.0, 10.0, false),
        ];
        assert_eq!(
            masthead_of(&mut placed),
            [
                "이슈노트",
                "제2023-07호 2023. 5. 12.",
                "중국 부동산 경기 둔화의 영향",
                "조사국 과장 최민준"
            ]
        );
    }

    #[test]
    fn a_long_masthead_line_at_body_size_is_no_paragraph() {
        let mut placed = vec![
            at(
                "Insight Vol. 321 | 2024. 4. 15. 과학기술정책",
                60.0,
                80.0,
                10.0,
                false,
            ),
            at(
                "반도체 공급망 재편과 연구개발 전략",
                60.0,
                130.0,
                20.0,
                true,
            ),
            at(PROSE, 70.0, 220.0, 10.0, false),
            at(PROSE, 70.0, 234.0, 10.0, false),
            at(PROSE, 70.0, 248.0, 10.0, false),
        ];
        assert_eq!(masthead_of(&mut placed).len(), 2);
    }

    #[test]
    fn authors_set_flush_right_are_no_paragraph() {
        // two long author lines under the title, right-aligned: their left
        // edges differ and no running text starts there
        let author = |text: &str, x: f32, y: f32| {
            let mut p = at(text, x, y, 10.0, false);
            p.line.bbox.x1 = 540.0;
            p
        };
        let mut placed = vec![
            at("월간 산업동향 제88호", 60.0, 50.0, 12.0, true),
            at("배터리 소재 공급망의 재편", 60.0, 100.0, 20.0, true),
            author(
                "미래산업연구본부 이차소재·부품팀 구본하 선임연구위원",
                290.0,
                130.0,
            ),
            author(
                "미래산업연구본부 이차소재·부품팀 나윤서 전문연구원",
                282.0,
                144.0,
            ),
            at(PROSE, 70.0, 200.0, 10.0, false),
            at(PROSE, 70.0, 214.0, 10.0, false),
            at(PROSE, 70.0, 228.0, 10.0, false),
        ];
        assert_eq!(masthead_of(&mut placed).len(), 4);
    }

    #[test]
    fn a_summary_under_the_title_stays_prose() {
        // the summary is set smaller than the body, right under the author
        let mut placed = vec![
            at("이슈와 논점", 60.0, 50.0, 12.0, true),
            at("플랫폼 노동자 산재보험의 쟁점", 60.0, 100.0, 21.0, true),
            at("한예린", 500.0, 130.0, 11.0, false),
            at(PROSE, 60.0, 150.0, 9.0, false),
            at(PROSE, 60.0, 160.0, 9.0, false),
            at(PROSE, 70.0, 300.0, 10.0, false),
            at(PROSE, 70.0, 314.0, 10.0, false),
        ];
        assert_eq!(
            masthead_of(&mut placed),
            ["이슈와 논점", "플랫폼 노동자 산재보험의 쟁점", "한예린"]
        );
    }
}
