//! Lines: the segments of one region → printed lines with their text.
//!
//! In: the segments of a region (a column or a full-width zone). Out:
//! [`TextLine`]s top to bottom, each with its text (a space wherever the
//! PDF prints one or leaves a word gap, a trailing space when the line ends
//! with a printed one), its superscripts taken out of the text and kept at
//! their exact byte offset, its box, baseline, size and weight.
//!
//! Segments are grouped into lines by how much their boxes overlap
//! vertically, the larger type first, so a superscript (smaller, raised)
//! joins the line it is set in instead of making a line of its own.

use super::glyphs::Glyph;
use super::segments::{Segment, dominant, median};
use crate::layout::geometry::{self, Rect};

/// Glyphs set in a smaller size and raised above the line's baseline: a
/// footnote marker in the body, a footnote's number in the footnote area.
#[derive(Debug, Clone, PartialEq)]
pub struct Superscript {
    /// Byte offset in the line's text where it stood.
    pub at: usize,
    pub text: String,
    pub bbox: Rect,
}

/// One printed line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub text: String,
    pub superscripts: Vec<Superscript>,
    pub bbox: Rect,
    pub baseline: f32,
    /// The size most of its characters are set in.
    pub size: f32,
    /// Every character bold.
    pub bold: bool,
    /// The horizontal gaps wider than a word space between its parts, as
    /// `(x0, x1)`: the gaps between table cells.
    pub gaps: Vec<(f32, f32)>,
    /// Byte offsets in `text` where a part after such a gap begins.
    pub cell_starts: Vec<usize>,
}

impl TextLine {
    /// The parts of the line that wide gaps separate (a running foot's
    /// series and page number, a table's cells), trimmed.
    pub fn cells(&self) -> Vec<&str> {
        let mut bounds = vec![0];
        bounds.extend(
            self.cell_starts
                .iter()
                .copied()
                .filter(|&b| b <= self.text.len()),
        );
        bounds.push(self.text.len());
        bounds
            .windows(2)
            .filter_map(|w| self.text.get(w[0]..w[1]))
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    }

    /// The number of characters printed (spaces and superscripts excluded).
    pub fn chars(&self) -> usize {
        self.text.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// A word space is wider than this (× size) when the PDF prints no space
/// and the line gives no measure of its own spacing.
const WORD_GAP: f32 = 0.2;
/// A gap narrower than this (× size) is never a word space.
const MIN_WORD_GAP: f32 = 0.15;
/// Kerning and tracking never open a gap this wide (× size) inside a word.
const MAX_LETTER_GAP: f32 = 0.25;
/// An unprinted gap is a word space at this share of the line's word space;
/// between Korean or CJK and Latin letters or digits (where word
/// processors add a fixed spacing of their own, `2024년`), at the larger.
const SAME_SCRIPT_SHARE: f32 = 0.5;
const CROSS_SCRIPT_SHARE: f32 = 0.78;
/// A cell gap is wider than this many of the line's word spaces: the
/// stretched spaces of a justified line are all alike.
const CELL_SPACES: f32 = 1.6;
/// A gap wider than this (× size) separates cells or columns of a table.
const CELL_GAP: f32 = 1.2;
/// Smaller than this share of the line's size is a superscript candidate.
const SMALLER: f32 = 0.85;
/// Raised by more than this share of the line's size is a superscript.
const RAISED: f32 = 0.12;

struct Draft {
    core: Rect,
    baseline: f32,
    size: f32,
    members: Vec<usize>,
}

/// Groups a region's segments into lines, top to bottom.
pub fn lines(segments: &[Segment], members: &[usize]) -> Vec<TextLine> {
    let mut order: Vec<usize> = members.to_vec();
    order.sort_by(|&a, &b| {
        let (a, b) = (&segments[a], &segments[b]);
        b.size
            .total_cmp(&a.size)
            .then(a.bbox.y0.total_cmp(&b.bbox.y0))
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut drafts: Vec<Draft> = Vec::new();
    for index in order {
        let seg = &segments[index];
        match best_line(&drafts, seg) {
            Some(line) => {
                let draft = &mut drafts[line];
                if seg.size >= SMALLER * draft.size {
                    draft.core = draft.core.union(&seg.bbox);
                }
                draft.members.push(index);
            }
            None => drafts.push(Draft {
                core: seg.bbox,
                baseline: seg.baseline,
                size: seg.size,
                members: vec![index],
            }),
        }
    }
    let mut out: Vec<TextLine> = drafts
        .iter()
        .filter_map(|d| build_line(segments, d))
        .collect();
    out.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    out
}

/// The line a segment belongs to: one whose box it overlaps by half its
/// height or more, on the same baseline when set in the same size.
fn best_line(drafts: &[Draft], seg: &Segment) -> Option<usize> {
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            let overlap = seg.bbox.vertical_overlap(&d.core);
            let needed = 0.5 * seg.bbox.height().min(d.core.height());
            let same_size = seg.size >= SMALLER * d.size;
            overlap > 0.0
                && overlap >= needed
                && (!same_size || (seg.baseline - d.baseline).abs() <= 0.25 * d.size)
        })
        .max_by(|(_, a), (_, b)| {
            seg.bbox
                .vertical_overlap(&a.core)
                .total_cmp(&seg.bbox.vertical_overlap(&b.core))
        })
        .map(|(i, _)| i)
}

fn build_line(segments: &[Segment], draft: &Draft) -> Option<TextLine> {
    let parts: Vec<&Segment> = draft.members.iter().map(|&i| &segments[i]).collect();
    let body: Vec<&&Segment> = parts.iter().filter(|s| !is_raised(s, draft)).collect();
    let size = dominant(body.iter().map(|s| (s.size, s.chars())))?;
    let baseline = median(body.iter().map(|s| s.baseline))?;
    let mut glyphs: Vec<(Glyph, bool)> = parts
        .iter()
        .flat_map(|s| {
            let raised = is_raised(s, draft);
            s.glyphs.iter().map(move |g| (*g, raised))
        })
        .collect();
    glyphs.sort_by(|a, b| a.0.bbox.x0.total_cmp(&b.0.bbox.x0));
    let (text, superscripts, gaps, cell_starts) = compose(&glyphs, size);
    if text.trim().is_empty() && superscripts.is_empty() {
        return None;
    }
    let bbox = geometry::union_all(parts.iter().map(|s| &s.bbox))?;
    Some(TextLine {
        text,
        superscripts,
        bbox,
        baseline,
        size,
        bold: body.iter().all(|s| s.is_bold()),
        gaps,
        cell_starts,
    })
}

/// Smaller than the line's text and raised above its baseline.
fn is_raised(seg: &Segment, draft: &Draft) -> bool {
    seg.size < SMALLER * draft.size && seg.baseline < draft.baseline - RAISED * draft.size
}

/// The line's text from its glyphs (left to right, each flagged raised or
/// not), with its superscripts and its wide gaps.
fn compose(glyphs: &[(Glyph, bool)], size: f32) -> Composed {
    let mut text = String::new();
    let mut superscripts: Vec<Superscript> = Vec::new();
    let mut gaps = Vec::new();
    let mut cell_starts = Vec::new();
    let mut open: Option<Superscript> = None;
    let mut last_body: Option<Glyph> = None;
    let mut last_raised: Option<Glyph> = None;
    let mut printed_space = false;
    let mut raised_end = f32::NEG_INFINITY;
    let spacing = Spacing::of(glyphs, size);
    for &(glyph, raised) in glyphs {
        if glyph.is_space() {
            printed_space = last_body.is_some() || last_raised.is_some();
            continue;
        }
        if raised {
            if let Some(sup) = open.as_mut().filter(|_| {
                last_raised.is_some_and(|l| glyph.bbox.x0 - l.bbox.x1 <= WORD_GAP * size)
            }) {
                sup.text.push(glyph.c);
                sup.bbox = sup.bbox.union(&glyph.bbox);
            } else {
                superscripts.extend(open.take());
                open = Some(Superscript {
                    at: text.len(),
                    text: glyph.c.to_string(),
                    bbox: glyph.bbox,
                });
            }
            raised_end = raised_end.max(glyph.bbox.x1);
            last_raised = Some(glyph);
            continue;
        }
        superscripts.extend(open.take());
        if let Some(prev) = last_body {
            let gap = glyph.bbox.x0 - prev.bbox.x1.max(raised_end);
            let cell = spacing.is_cell_gap(gap);
            if cell {
                gaps.push((prev.bbox.x1, glyph.bbox.x0));
            }
            if printed_space || cell || spacing.is_word_gap(gap, prev.c, glyph.c) {
                text.push(' ');
            }
            if cell {
                cell_starts.push(text.len());
            }
        }
        text.push(glyph.c);
        last_body = Some(glyph);
        last_raised = None;
        printed_space = false;
        raised_end = f32::NEG_INFINITY;
    }
    superscripts.extend(open.take());
    if printed_space && !text.is_empty() {
        // the reflow signal: a printed space at the end of the line
        text.push(' ');
    }
    // a superscript after the last body glyph stands at the end of the text
    for sup in &mut superscripts {
        sup.at = sup.at.min(text.trim_end().len());
    }
    (text, superscripts, gaps, cell_starts)
}

/// A line's text, superscripts, wide gaps and where its cells start.
type Composed = (String, Vec<Superscript>, Vec<(f32, f32)>, Vec<usize>);

/// How a line spaces its words, measured on the line itself: a justified
/// line stretches its spaces, a word processor adds its own room between
/// Korean and digits, a PDF may print no space glyphs at all.
struct Spacing {
    size: f32,
    /// The line's word space: the median room a printed space takes, or,
    /// where none is printed, the median unprinted gap wide enough for one
    /// (of two such at least).
    word: Option<f32>,
}

impl Spacing {
    fn of(glyphs: &[(Glyph, bool)], size: f32) -> Spacing {
        let mut printed = Vec::new();
        let mut unprinted = Vec::new();
        let mut last: Option<Glyph> = None;
        let mut space_between = false;
        let mut raised_end = f32::NEG_INFINITY;
        for &(glyph, raised) in glyphs {
            if glyph.is_space() {
                space_between = true;
            } else if raised {
                raised_end = raised_end.max(glyph.bbox.x1);
            } else {
                if let Some(prev) = last {
                    let gap = glyph.bbox.x0 - prev.bbox.x1.max(raised_end);
                    if space_between {
                        printed.push(gap);
                    } else if gap >= MIN_WORD_GAP * size && gap <= CELL_GAP * size {
                        unprinted.push(gap);
                    }
                }
                last = Some(glyph);
                space_between = false;
                raised_end = f32::NEG_INFINITY;
            }
        }
        // one unprinted gap alone is no measure of the line's spacing
        let estimated = (unprinted.len() >= 2)
            .then(|| median(unprinted.into_iter()))
            .flatten();
        let word = median(printed.into_iter()).or(estimated);
        Spacing {
            size,
            word: word.filter(|w| *w > 0.0),
        }
    }

    /// Whether an unprinted gap between `before` and `after` is a word
    /// space: as wide as the line's word spaces nearly, never inside a
    /// number or a word.
    fn is_word_gap(&self, gap: f32, before: char, after: char) -> bool {
        let size = self.size;
        let Some(word) = self.word else {
            return gap > WORD_GAP * size;
        };
        let needed = if Script::of(before).crosses(Script::of(after)) {
            CROSS_SCRIPT_SHARE * word
        } else {
            (SAME_SCRIPT_SHARE * word).min(MAX_LETTER_GAP * size)
        };
        gap >= needed.max(MIN_WORD_GAP * size)
    }

    /// Whether a gap separates a table's cells: wide for the type and wider
    /// than the line's own word spaces.
    fn is_cell_gap(&self, gap: f32) -> bool {
        gap > CELL_GAP * self.size && self.word.is_none_or(|w| gap > CELL_SPACES * w)
    }
}

/// The writing system of a character, as far as spacing goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    /// Hangul, kana, Han: set without spaces to Latin in word processors'
    /// automatic spacing.
    Cjk,
    /// Latin letters and digits.
    Latin,
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        if c.is_ascii_alphanumeric() {
            Script::Latin
        } else if matches!(c as u32,
            0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF)
        {
            Script::Cjk
        } else {
            Script::Other
        }
    }

    fn crosses(self, other: Script) -> bool {
        matches!(
            (self, other),
            (Script::Cjk, Script::Latin) | (Script::Latin, Script::Cjk)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::segments::{segments, tests::glyphs};
    use super::*;

    fn region_lines(glyphs: Vec<Glyph>) -> Vec<TextLine> {
        let segs = segments(&glyphs);
        let all: Vec<usize> = (0..segs.len()).collect();
        lines(&segs, &all)
    }

    #[test]
    fn superscript_marker_is_kept_out_of_the_text_at_its_offset() {
        let mut g = glyphs("현행법", 50.0, 100.0, 10.0);
        g.extend(glyphs("1)", 81.0, 97.0, 7.0));
        g.extend(glyphs("은", 96.0, 100.0, 10.0));
        g.extend(glyphs("정부", 110.0, 100.0, 10.0));
        let lines = region_lines(g);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "현행법은 정부");
        assert_eq!(lines[0].superscripts.len(), 1);
        assert_eq!(lines[0].superscripts[0].text, "1)");
        assert_eq!(lines[0].superscripts[0].at, "현행법".len());
        assert_eq!(lines[0].size, 10.0);
    }

    #[test]
    fn printed_spaces_and_lines_top_to_bottom() {
        let mut g = glyphs("둘째 줄 ", 50.0, 120.0, 10.0);
        g.extend(glyphs("첫째", 50.0, 100.0, 10.0));
        let lines = region_lines(g);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["첫째", "둘째 줄 "]);
    }

    #[test]
    fn wide_gaps_are_recorded_as_cell_gaps() {
        let mut g = glyphs("항목", 50.0, 100.0, 10.0);
        g.extend(glyphs("12.5", 140.0, 100.0, 10.0));
        let lines = region_lines(g);
        assert_eq!(lines[0].text, "항목 12.5");
        assert_eq!(lines[0].gaps, [(70.0, 140.0)]);
        assert_eq!(lines[0].cells(), ["항목", "12.5"]);
    }

    /// Glyphs of the pieces, each piece set from its x, 10 pt, on one
    /// baseline; a piece may hold printed spaces.
    fn set(pieces: &[(&str, f32)]) -> Vec<Glyph> {
        pieces
            .iter()
            .flat_map(|&(text, x)| glyphs(text, x, 100.0, 10.0))
            .collect()
    }

    #[test]
    fn word_processors_room_between_korean_and_digits_is_no_space() {
        // printed spaces 3 pt wide (glyph 10 pt, a space glyph 3 pt set
        // in the 3 pt room), `2023` then `년` 2 pt apart, `5월` likewise, and
        // an unprinted word space as wide as the printed ones
        let mut g = set(&[("2023", 0.0), ("년", 42.0), ("5", 55.0), ("월", 67.0)]);
        g.extend(set(&[("발", 80.0), ("표", 90.0)]));
        g.push(Glyph {
            c: ' ',
            bbox: Rect {
                x0: 52.0,
                y0: 91.2,
                x1: 55.0,
                y1: 101.2,
            },
            ..g[0]
        });
        let lines = region_lines(g);
        assert_eq!(lines[0].text, "2023년 5월 발표");
    }

    #[test]
    fn justified_spaces_are_word_spaces_not_cells() {
        // printed spaces stretched to 14 pt (wider than 1.2 em), as a loose
        // justified line sets them, and the room after a digit
        let mut g = set(&[
            ("국내", 0.0),
            ("생산은", 34.0),
            ("2030", 78.0),
            ("년", 120.0),
        ]);
        for x in [20.0, 64.0] {
            g.push(Glyph {
                c: ' ',
                bbox: Rect {
                    x0: x,
                    y0: 91.2,
                    x1: x + 14.0,
                    y1: 101.2,
                },
                ..g[0]
            });
        }
        let lines = region_lines(g);
        assert_eq!(lines[0].text, "국내 생산은 2030년");
        assert!(lines[0].gaps.is_empty(), "{:?}", lines[0].gaps);
        // no spaces printed, word gaps of 11 pt
        let g = set(&[
            ("국내", 0.0),
            ("생산은", 31.0),
            ("2030", 72.0),
            ("년", 114.0),
        ]);
        assert_eq!(region_lines(g)[0].text, "국내 생산은 2030년");
    }

    #[test]
    fn a_table_rows_cells_stand_apart_from_its_word_spaces() {
        let g = set(&[
            ("대중", 0.0),
            ("수출", 23.0),
            ("27.9", 100.0),
            ("22.4", 160.0),
        ]);
        let lines = region_lines(g);
        assert_eq!(lines[0].text, "대중 수출 27.9 22.4");
        assert_eq!(lines[0].cells(), ["대중 수출", "27.9", "22.4"]);
    }

    #[test]
    fn scripts_meet() {
        assert!(Script::of('년').crosses(Script::of('3')));
        assert!(Script::of('A').crosses(Script::of('年')));
        assert!(!Script::of('(').crosses(Script::of('년')));
        assert!(!Script::of('a').crosses(Script::of('b')));
    }
}
