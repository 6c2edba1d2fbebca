//! Segments: a page's glyphs → runs of glyphs that sit on one baseline side by
//! side.
//!
//! In: a page's glyphs in any order. Out: [`Segment`]s, each a run of glyphs
//! (sorted left to right) on one baseline with no gap wider than a word space
//! or two between them. A segment never spans a column gutter or the gap
//! between table cells; a superscript, raised off the baseline of its text,
//! is a segment of its own. Lines are later made of segments.

use super::glyphs::Glyph;
use crate::layout::geometry::{self, Rect};

/// A run of glyphs on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// The glyphs, left to right; spaces included where printed.
    pub glyphs: Vec<Glyph>,
    pub bbox: Rect,
    pub baseline: f32,
    /// The size most of its glyphs are set in.
    pub size: f32,
}

impl Segment {
    fn new(glyphs: Vec<Glyph>) -> Option<Segment> {
        let visible: Vec<&Glyph> = glyphs.iter().filter(|g| !g.is_space()).collect();
        let bbox = geometry::union_all(visible.iter().map(|g| &g.bbox))?;
        let size = dominant(visible.iter().map(|g| (g.size, 1)))?;
        let baseline = median(visible.iter().map(|g| g.baseline))?;
        Some(Segment {
            glyphs,
            bbox,
            baseline,
            size,
        })
    }

    /// Visible characters.
    pub fn chars(&self) -> usize {
        self.glyphs.iter().filter(|g| !g.is_space()).count()
    }

    pub fn is_bold(&self) -> bool {
        self.glyphs.iter().filter(|g| !g.is_space()).all(|g| g.bold)
    }

    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.c).collect()
    }
}

/// Two glyphs on baselines closer than this share a baseline (× size).
const BASELINE_TOLERANCE: f32 = 0.12;
/// A gap wider than this (× size) ends a segment.
const MAX_GAP: f32 = 1.2;

/// Cuts a page's glyphs into segments.
pub fn segments(glyphs: &[Glyph]) -> Vec<Segment> {
    let mut order: Vec<&Glyph> = glyphs.iter().filter(|g| g.size > 0.0).collect();
    order.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut out = Vec::new();
    for band in baseline_bands(&order) {
        let mut band: Vec<Glyph> = band.iter().map(|g| **g).collect();
        band.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let mut run: Vec<Glyph> = Vec::new();
        for glyph in band {
            if let Some(last) = run.iter().rev().find(|g| !g.is_space())
                && !continues(last, &glyph)
            {
                out.extend(Segment::new(std::mem::take(&mut run)));
            }
            run.push(glyph);
        }
        out.extend(Segment::new(run));
    }
    out
}

/// Glyphs sorted by baseline, cut where the baseline jumps. Spaces join the
/// band of the glyphs around them.
fn baseline_bands<'a>(sorted: &[&'a Glyph]) -> Vec<Vec<&'a Glyph>> {
    let mut bands: Vec<Vec<&Glyph>> = Vec::new();
    let mut last_baseline = f32::NEG_INFINITY;
    let mut last_size = 0.0f32;
    for glyph in sorted {
        let tolerance = BASELINE_TOLERANCE * last_size.min(glyph.size).max(1.0);
        if bands.is_empty() || glyph.baseline - last_baseline > tolerance {
            bands.push(Vec::new());
        }
        if let Some(band) = bands.last_mut() {
            band.push(glyph);
        }
        last_baseline = glyph.baseline;
        last_size = glyph.size;
    }
    bands
}

/// Whether `next` continues the run that ends with `last`: about the same
/// size and no gap wider than [`MAX_GAP`] sizes.
fn continues(last: &Glyph, next: &Glyph) -> bool {
    let size = last.size.max(next.size);
    let gap = next.bbox.x0 - last.bbox.x1;
    let similar = last.size.min(next.size) >= 0.8 * size;
    similar && gap <= MAX_GAP * size && gap >= -size
}

/// The value with the largest total weight (sizes rounded to 0.1 pt).
pub fn dominant(values: impl Iterator<Item = (f32, usize)>) -> Option<f32> {
    let mut tally: Vec<(i32, usize)> = Vec::new();
    for (value, weight) in values {
        let key = (value * 10.0).round() as i32;
        match tally.iter_mut().find(|(k, _)| *k == key) {
            Some((_, w)) => *w += weight,
            None => tally.push((key, weight)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(key, weight)| (weight, key))
        .map(|(key, _)| key as f32 / 10.0)
}

/// The median of the values (the lower one for an even count).
pub fn median(values: impl Iterator<Item = f32>) -> Option<f32> {
    let mut values: Vec<f32> = values.filter(|v| v.is_finite()).collect();
    values.sort_by(f32::total_cmp);
    values.get(values.len().saturating_sub(1) / 2).copied()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Glyphs of `text` from `x` on `baseline`, each `size` wide.
    pub fn glyphs(text: &str, x: f32, baseline: f32, size: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| {
                let x0 = x + i as f32 * size;
                Glyph {
                    c,
                    bbox: Rect {
                        x0,
                        y0: baseline - 0.88 * size,
                        x1: x0 + size,
                        y1: baseline + 0.12 * size,
                    },
                    baseline,
                    size,
                    bold: false,
                }
            })
            .collect()
    }

    #[test]
    fn columns_and_superscripts_are_separate_segments() {
        let mut page = glyphs("왼쪽단락", 50.0, 100.0, 10.0);
        page.extend(glyphs("오른쪽", 300.0, 100.2, 10.0));
        page.extend(glyphs("1)", 90.0, 97.0, 7.0));
        let segs = segments(&page);
        let texts: Vec<String> = segs.iter().map(Segment::text).collect();
        assert_eq!(texts, ["1)", "왼쪽단락", "오른쪽"]);
        assert_eq!(segs[1].size, 10.0);
    }

    #[test]
    fn dominant_and_median() {
        assert_eq!(
            dominant([(10.0, 3), (8.0, 5), (10.0, 4)].into_iter()),
            Some(10.0)
        );
        assert_eq!(median([3.0, 1.0, 2.0].into_iter()), Some(2.0));
        assert_eq!(median([].into_iter()), None);
    }
}
