//! Columns: a page's segments → regions in reading order.
//!
//! In: the segments of one page. Out: [`Region`]s in reading order, each a
//! set of segments read top to bottom: the whole page when it has one
//! column; else full-width zones (a masthead, a wide table, a footnote area
//! across the page) and, between them, the left column then the right one.
//!
//! The gutter of a two-column page is found from where the glyphs are: a
//! vertical strip in the middle of the page that no narrow segment crosses,
//! with text on both sides whose lines start at an aligned left edge. Decided
//! per page, since a report mixes one- and two-column pages.

use super::segments::Segment;
use crate::layout::Rect;

/// Where a region sits on its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The page's only column, or a zone across both columns.
    Full,
    Left,
    Right,
}

/// A part of a page read top to bottom.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub placement: Placement,
    /// Indices into the page's segments.
    pub segments: Vec<usize>,
}

/// The empty strip between two columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Gutter {
    pub x0: f32,
    pub x1: f32,
}

/// A gutter lies within this middle part of the page width.
const MIDDLE: (f32, f32) = (0.25, 0.75);
/// The outermost margins, top and bottom, as a share of the page height.
const OUTER: f32 = 0.06;
/// Narrowest gutter, in points.
const MIN_GUTTER: f32 = 4.0;
/// Each column holds at least this share of the page's characters.
const MIN_SHARE: f32 = 0.05;
/// Lines starting at a column's left edge, at least.
const MIN_ALIGNED: usize = 3;
/// A column's segments hold this many characters or more (median): running
/// text, not the cells of a table.
const MIN_TEXT_CHARS: usize = 6;

/// Splits a page into regions in reading order.
/// `tables` are the boxes of ruled tables: one across the gutter is read
/// whole, as a full-width zone.
pub fn regions(
    segments: &[Segment],
    page_width: f32,
    page_height: f32,
    tables: &[Rect],
) -> Vec<Region> {
    let all: Vec<usize> = (0..segments.len()).collect();
    match find_gutter(segments, page_width, page_height) {
        Some(gutter) => split_at(segments, &gutter, tables),
        None => vec![Region {
            placement: Placement::Full,
            segments: all,
        }],
    }
}

/// The widest strip in the middle of the page that few rows of text cross
/// (a title, a wide table above the columns), when it separates two real
/// columns. What is printed in the page's outermost margins (a centred page
/// number) does not count.
pub fn find_gutter(segments: &[Segment], page_width: f32, page_height: f32) -> Option<Gutter> {
    if page_width <= 0.0 || !page_width.is_finite() || page_width > 20_000.0 {
        return None;
    }
    let inside: Vec<&Segment> = segments
        .iter()
        .filter(|s| {
            let y = s.bbox.center_y();
            !page_height.is_finite() || (y > OUTER * page_height && y < (1.0 - OUTER) * page_height)
        })
        .collect();
    let rows = rows_of(&inside);
    let bins = page_width.ceil() as usize + 1;
    let mut crossing = vec![0usize; bins];
    for row in &rows {
        let mut covered = vec![false; bins];
        for seg in row {
            let from = seg.bbox.x0.max(0.0).floor() as usize;
            let to = (seg.bbox.x1.max(0.0).ceil() as usize).min(bins - 1);
            for bin in covered.iter_mut().take(to + 1).skip(from) {
                *bin = true;
            }
        }
        for (count, covered) in crossing.iter_mut().zip(covered) {
            *count += usize::from(covered);
        }
    }
    let lo = (MIDDLE.0 * page_width) as usize;
    let hi = ((MIDDLE.1 * page_width) as usize).min(bins - 1);
    // the strip the fewest rows cross (only full-width ones, at a gutter),
    // and no more than a quarter of them
    let fewest = crossing[lo..=hi].iter().copied().min().unwrap_or(0);
    let few = (fewest + 1).min(rows.len() / 4);
    let mut best: Option<Gutter> = None;
    let mut start = None;
    for (x, &count) in crossing.iter().enumerate().take(hi + 1).skip(lo) {
        match (count <= few, start) {
            (true, None) => start = Some(x),
            (false, Some(s)) => {
                consider(&mut best, s, x);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        consider(&mut best, s, hi + 1);
    }
    best.map(|g| tighten(&inside, g))
        .filter(|g| g.x1 - g.x0 >= MIN_GUTTER)
        .filter(|g| separates_columns(segments, g))
}

/// Narrows a strip few rows cross to the empty room between the columns:
/// text ending inside it belongs to the left column, text starting inside it
/// (a bullet set out) to the right one; text across it is full width. Only
/// rows with text on both sides count: a short footnote of a full-width
/// area, ending inside the strip, says nothing of the columns.
fn tighten(segments: &[&Segment], strip: Gutter) -> Gutter {
    let left = |s: &Segment| s.bbox.x0 < strip.x0 && s.bbox.x1 < strip.x1;
    let right = |s: &Segment| s.bbox.x0 > strip.x0 && s.bbox.x1 > strip.x1;
    let two_sided: Vec<&Segment> = rows_of(segments)
        .into_iter()
        .filter(|row| row.iter().any(|s| left(s)) && row.iter().any(|s| right(s)))
        .flatten()
        .collect();
    let mut out = strip;
    for s in two_sided {
        let (x0, x1) = (s.bbox.x0, s.bbox.x1);
        let across = x0 <= strip.x0 && x1 >= strip.x1;
        if across {
            continue;
        }
        if x1 > out.x0 && x1 < strip.x1 && x0 < strip.x0 {
            out.x0 = x1;
        }
        if x0 < out.x1 && x0 > strip.x0 && x1 > strip.x1 {
            out.x1 = x0;
        }
    }
    out
}

/// Segments grouped into rows: each joins the row above when it overlaps
/// that row's extent by a third of its height or more.
fn rows_of<'a>(segments: &[&'a Segment]) -> Vec<Vec<&'a Segment>> {
    let mut sorted: Vec<&Segment> = segments.to_vec();
    sorted.sort_by(|a, b| a.bbox.center_y().total_cmp(&b.bbox.center_y()));
    let mut rows: Vec<Vec<&Segment>> = Vec::new();
    let (mut top, mut bottom) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
    for seg in sorted {
        let overlap = seg.bbox.y1.min(bottom) - seg.bbox.y0.max(top);
        if rows.is_empty() || overlap < seg.bbox.height() / 3.0 {
            rows.push(Vec::new());
            (top, bottom) = (seg.bbox.y0, seg.bbox.y1);
        } else {
            bottom = bottom.max(seg.bbox.y1);
        }
        if let Some(row) = rows.last_mut() {
            row.push(seg);
        }
    }
    rows
}

fn consider(best: &mut Option<Gutter>, from: usize, to: usize) {
    let candidate = Gutter {
        x0: from as f32,
        x1: to as f32,
    };
    if best.is_none_or(|b| candidate.x1 - candidate.x0 > b.x1 - b.x0) {
        *best = Some(candidate);
    }
}

/// Text on both sides, each side a real column: a fair share of the page's
/// characters and several lines starting at one left edge.
fn separates_columns(segments: &[Segment], gutter: &Gutter) -> bool {
    let total: usize = segments.iter().map(Segment::chars).sum();
    let left: Vec<&Segment> = segments
        .iter()
        .filter(|s| s.bbox.x1 <= gutter.x0 + 0.5)
        .collect();
    let right: Vec<&Segment> = segments
        .iter()
        .filter(|s| s.bbox.x0 >= gutter.x1 - 0.5)
        .collect();
    let share = |side: &[&Segment]| {
        side.iter().map(|s| s.chars()).sum::<usize>() as f32 / total.max(1) as f32
    };
    let is_column = |side: &[&Segment]| {
        share(side) >= MIN_SHARE
            && aligned_starts(side) >= MIN_ALIGNED
            && median_chars(side) >= MIN_TEXT_CHARS
    };
    is_column(&left) && is_column(&right)
}

fn median_chars(side: &[&Segment]) -> usize {
    let mut chars: Vec<usize> = side.iter().map(|s| s.chars()).collect();
    chars.sort_unstable();
    chars
        .get(chars.len().saturating_sub(1) / 2)
        .copied()
        .unwrap_or(0)
}

/// How many segments start at the side's most common left edge (±2 pt).
fn aligned_starts(side: &[&Segment]) -> usize {
    side.iter()
        .map(|s| {
            side.iter()
                .filter(|t| (t.bbox.x0 - s.bbox.x0).abs() <= 2.0)
                .count()
        })
        .max()
        .unwrap_or(0)
}

/// Splits a two-column page at its gutter. Rows with text across the gutter
/// are full-width zones; between them, the left column then the right one.
/// Rows above the first row with text in both columns (an author line set
/// to one side under the title) belong to the zone above.
fn split_at(segments: &[Segment], gutter: &Gutter, tables: &[Rect]) -> Vec<Region> {
    let across: Vec<&Rect> = tables
        .iter()
        .filter(|t| t.x0 < gutter.x0 && t.x1 > gutter.x1)
        .collect();
    let in_table = |s: &Segment| {
        let (x, y) = (s.bbox.center_x(), s.bbox.center_y());
        across
            .iter()
            .any(|t| x >= t.x0 && x <= t.x1 && y >= t.y0 && y <= t.y1)
    };
    let all: Vec<&Segment> = segments.iter().collect();
    let index_of = |s: &Segment| segments.iter().position(|t| std::ptr::eq(t, s));
    let side = |s: &Segment| {
        if s.bbox.x0 < gutter.x1 - 0.5 && s.bbox.x1 > gutter.x0 + 0.5 {
            None
        } else {
            Some(s.bbox.center_x() < gutter.x0)
        }
    };
    let mut regions: Vec<Region> = Vec::new();
    let mut band: Vec<Vec<&Segment>> = Vec::new();
    let flush = |band: &mut Vec<Vec<&Segment>>, regions: &mut Vec<Region>| {
        let first_both = band
            .iter()
            .position(|row| {
                row.iter().any(|s| side(s) == Some(true))
                    && row.iter().any(|s| side(s) == Some(false))
            })
            .unwrap_or(band.len());
        let lead: Vec<usize> = band[..first_both]
            .iter()
            .flatten()
            .filter_map(|s| index_of(s))
            .collect();
        push(regions, Placement::Full, lead);
        for (placement, left) in [(Placement::Left, true), (Placement::Right, false)] {
            let members = band[first_both..]
                .iter()
                .flatten()
                .filter(|s| side(s) == Some(left))
                .filter_map(|s| index_of(s))
                .collect();
            push(regions, placement, members);
        }
        band.clear();
    };
    for row in rows_of(&all) {
        if row.iter().any(|s| side(s).is_none() || in_table(s)) {
            flush(&mut band, &mut regions);
            let members = row.iter().filter_map(|s| index_of(s)).collect();
            push(&mut regions, Placement::Full, members);
        } else {
            band.push(row);
        }
    }
    flush(&mut band, &mut regions);
    regions
}

/// Adds a region, or widens the full-width region just before it.
fn push(regions: &mut Vec<Region>, placement: Placement, members: Vec<usize>) {
    if members.is_empty() {
        return;
    }
    match regions.last_mut() {
        Some(last) if placement == Placement::Full && last.placement == Placement::Full => {
            last.segments.extend(members);
        }
        _ => regions.push(Region {
            placement,
            segments: members,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::super::segments::{segments, tests::glyphs};
    use super::*;

    fn page(rows: &[(&str, f32, f32)]) -> Vec<Segment> {
        let mut g = Vec::new();
        for &(text, x, y) in rows {
            g.extend(glyphs(text, x, y, 10.0));
        }
        segments(&g)
    }

    #[test]
    fn two_columns_under_a_full_width_title() {
        let mut rows = vec![(
            "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바",
            40.0,
            60.0,
        )];
        for i in 0..6 {
            let y = 100.0 + 14.0 * i as f32;
            rows.push(("왼쪽단의본문줄입니다왼쪽단의본문줄입니다왼쪽", 40.0, y));
            rows.push(("오른쪽단의본문줄입니다오른쪽단의본문줄입니다오", 320.0, y));
        }
        let segs = page(&rows);
        let gutter = find_gutter(&segs, 595.0, 842.0).expect("gutter");
        assert!(gutter.x0 >= 255.0 && gutter.x1 <= 320.0, "{gutter:?}");
        let regions = regions(&segs, 595.0, 842.0, &[]);
        let placements: Vec<Placement> = regions.iter().map(|r| r.placement).collect();
        assert_eq!(
            placements,
            [Placement::Full, Placement::Left, Placement::Right]
        );
        assert_eq!(regions[1].segments.len(), 6);
    }

    #[test]
    fn text_of_full_width_zones_inside_the_gutter_leaves_it_whole() {
        // columns 40–290 and 320–570 (10 pt a character)
        let mut rows = Vec::new();
        for i in 0..6 {
            let y = 100.0 + 14.0 * i as f32;
            rows.push(("왼쪽단의본문줄입니다왼쪽단의본문줄입니다왼쪽단의", 40.0, y));
            rows.push(("오른쪽단의본문줄입니다오른쪽단의본문줄입니다오른", 320.0, y));
        }
        // under them, a note ending inside the gutter and a cell starting
        // inside it, each alone in its row
        rows.push((
            "1) 가나다라마바사아자차카타파하가나다라마바사아자차카",
            40.0,
            700.0,
        ));
        rows.push(("가나다라마바사", 312.0, 728.0));
        let segs = page(&rows);
        let gutter = find_gutter(&segs, 595.0, 842.0).expect("gutter");
        assert!(gutter.x0 <= 291.0 && gutter.x1 >= 319.0, "{gutter:?}");
    }

    #[test]
    fn one_column_page_has_no_gutter() {
        let mut rows = Vec::new();
        for i in 0..10 {
            rows.push(("한단으로짜인본문의줄입니다한단으로짜인본문의줄입니다한단으로짜인본문의줄입니다한단으로짜인", 40.0, 100.0 + 14.0 * i as f32));
        }
        rows.push(("짧은줄", 40.0, 260.0));
        rows.push(("- 3 -", 290.0, 800.0));
        assert_eq!(find_gutter(&page(&rows), 595.0, 842.0), None);
    }
}
