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
use crate::layout::geometry::Rect;

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

/// A segment wider than this share of the page spans columns.
const WIDE: f32 = 0.55;
/// A gutter lies within this middle part of the page width.
const MIDDLE: (f32, f32) = (0.25, 0.75);
/// Narrowest gutter, in points.
const MIN_GUTTER: f32 = 4.0;
/// Each column holds at least this share of the page's characters.
const MIN_SHARE: f32 = 0.15;
/// Lines starting at a column's left edge, at least.
const MIN_ALIGNED: usize = 3;
/// A column's segments hold this many characters or more (median): running
/// text, not the cells of a table.
const MIN_TEXT_CHARS: usize = 6;

/// Splits a page into regions in reading order.
pub fn regions(segments: &[Segment], page_width: f32) -> Vec<Region> {
    let all: Vec<usize> = (0..segments.len()).collect();
    match find_gutter(segments, page_width) {
        Some(gutter) => split_at(segments, &gutter),
        None => vec![Region {
            placement: Placement::Full,
            segments: all,
        }],
    }
}

/// The widest strip in the middle of the page that no narrow segment
/// crosses, when it separates two real columns.
pub fn find_gutter(segments: &[Segment], page_width: f32) -> Option<Gutter> {
    if page_width <= 0.0 || !page_width.is_finite() {
        return None;
    }
    let bins = page_width.ceil() as usize + 1;
    let mut covered = vec![false; bins];
    for seg in segments
        .iter()
        .filter(|s| s.bbox.width() <= WIDE * page_width)
    {
        let from = seg.bbox.x0.max(0.0).floor() as usize;
        let to = (seg.bbox.x1.max(0.0).ceil() as usize).min(bins - 1);
        for bin in covered.iter_mut().take(to + 1).skip(from) {
            *bin = true;
        }
    }
    let lo = (MIDDLE.0 * page_width) as usize;
    let hi = ((MIDDLE.1 * page_width) as usize).min(bins - 1);
    let mut best: Option<Gutter> = None;
    let mut start = None;
    for (x, &cov) in covered.iter().enumerate().take(hi + 1).skip(lo) {
        match (cov, start) {
            (false, None) => start = Some(x),
            (true, Some(s)) => {
                consider(&mut best, s, x);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        consider(&mut best, s, hi + 1);
    }
    best.filter(|g| g.x1 - g.x0 >= MIN_GUTTER)
        .filter(|g| separates_columns(segments, g))
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

/// Full-width zones are the vertical extents of the segments that cross the
/// gutter (and whatever shares their rows); between them, left then right.
fn split_at(segments: &[Segment], gutter: &Gutter) -> Vec<Region> {
    let crosses = |r: &Rect| r.x0 < gutter.x1 - 0.5 && r.x1 > gutter.x0 + 0.5;
    let mut zones: Vec<(f32, f32)> = segments
        .iter()
        .filter(|s| crosses(&s.bbox))
        .map(|s| (s.bbox.y0, s.bbox.y1))
        .collect();
    zones.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (y0, y1) in zones {
        match merged.last_mut() {
            Some(last) if y0 <= last.1 => last.1 = last.1.max(y1),
            _ => merged.push((y0, y1)),
        }
    }
    // every segment goes to the zone it sits in, or to a side of the band
    // between two zones
    let zone_of = |s: &Segment| {
        let cy = s.bbox.center_y();
        merged.iter().position(|&(y0, y1)| cy >= y0 && cy <= y1)
    };
    // band k lies above zone k (band merged.len() below the last zone)
    let band_of = |s: &Segment| {
        let cy = s.bbox.center_y();
        merged
            .iter()
            .position(|&(y0, _)| cy < y0)
            .unwrap_or(merged.len())
    };
    let mut regions: Vec<Region> = Vec::new();
    for band in 0..=merged.len() {
        for placement in [Placement::Left, Placement::Right] {
            let members: Vec<usize> = segments
                .iter()
                .enumerate()
                .filter(|(_, s)| zone_of(s).is_none() && band_of(s) == band)
                .filter(|(_, s)| (s.bbox.center_x() < gutter.x0) == (placement == Placement::Left))
                .map(|(i, _)| i)
                .collect();
            if !members.is_empty() {
                regions.push(Region {
                    placement,
                    segments: members,
                });
            }
        }
        if band < merged.len() {
            let members: Vec<usize> = segments
                .iter()
                .enumerate()
                .filter(|(_, s)| zone_of(s) == Some(band))
                .map(|(i, _)| i)
                .collect();
            if !members.is_empty() {
                regions.push(Region {
                    placement: Placement::Full,
                    segments: members,
                });
            }
        }
    }
    regions
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
        let gutter = find_gutter(&segs, 595.0).expect("gutter");
        assert!(gutter.x0 >= 255.0 && gutter.x1 <= 320.0, "{gutter:?}");
        let regions = regions(&segs, 595.0);
        let placements: Vec<Placement> = regions.iter().map(|r| r.placement).collect();
        assert_eq!(
            placements,
            [Placement::Full, Placement::Left, Placement::Right]
        );
        assert_eq!(regions[1].segments.len(), 6);
    }

    #[test]
    fn one_column_page_has_no_gutter() {
        let mut rows = Vec::new();
        for i in 0..10 {
            rows.push(("한단으로짜인본문의줄입니다한단으로짜인본문의줄입니다한단으로짜인본문의줄입니다한단으로짜인", 40.0, 100.0 + 14.0 * i as f32));
        }
        rows.push(("짧은줄", 40.0, 260.0));
        rows.push(("- 3 -", 290.0, 800.0));
        assert_eq!(find_gutter(&page(&rows), 595.0), None);
    }
}
