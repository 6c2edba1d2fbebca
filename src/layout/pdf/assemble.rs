//! Assemble: the analysed lines → the shared [`Layout`].
//!
//! In: the placed lines in reading order with their roles, the footnote
//! labels, the page count. Out: the [`Layout`]: every line numbered in
//! reading order; body and heading lines with their markers (raised numbers)
//! taken out of the text; footnotes grouped from their labels, continuations
//! joined across columns and pages; everything else kept with its role; the
//! furniture read for the document's series, title, date and page numbers.

use super::Placed;
use super::footnotes::Label;
use super::lines::{Superscript, TextLine};
use super::segments::dominant;
use crate::layout::masthead::{self, Cue, Masthead, Place};
use crate::layout::tables::{self, Kind};
use crate::layout::{FootnoteLines, Format, Layout, Line, Marker, Role, bullet_of};

/// Builds the layout from the analysed lines.
pub fn layout(placed: Vec<Placed>, labels: Vec<Label>, pages: usize) -> Layout {
    let masthead = read_masthead(&placed);
    let mut out = Layout {
        masthead,
        pages: u32::try_from(pages.max(1)).unwrap_or(u32::MAX),
        format: Format::Pdf,
        ..Layout::default()
    };
    let opens = paragraph_starts(&placed);
    out.spaces_printed = spaces_printed(&placed);
    let mut labels = labels.into_iter().peekable();
    let mut exhibits: Vec<(Kind, Vec<Line>)> = Vec::new();
    for (index, (p, opens_paragraph)) in placed.into_iter().zip(opens).enumerate() {
        let number = index + 1;
        let label = labels.next_if(|l| l.index == index);
        let bbox = Some(p.line.bbox);
        match p.role {
            Role::Body | Role::Heading => {
                let (text, markers) = take_markers(p.line);
                out.body.push(Line {
                    number,
                    text,
                    page: p.page,
                    role: p.role,
                    bbox,
                    markers,
                    opens_paragraph,
                });
            }
            Role::Footnote => {
                let start = label.map_or(0, |l| l.text_start);
                let text = with_superscripts(&p.line, start);
                let line = Line {
                    number,
                    text,
                    page: p.page,
                    role: Role::Footnote,
                    bbox,
                    ..Line::default()
                };
                match (label, out.footnotes.last_mut()) {
                    (Some(label), _) => out.footnotes.push(FootnoteLines {
                        n: label.n,
                        page: p.page,
                        lines: vec![line],
                    }),
                    (None, Some(footnote)) => footnote.lines.push(line),
                    (None, None) => out.other.push(line),
                }
            }
            role => {
                let line = Line {
                    number,
                    text: with_superscripts(&p.line, 0),
                    page: p.page,
                    role,
                    bbox,
                    ..Line::default()
                };
                match block_kind(role) {
                    Some(kind) => exhibit_lines(&mut exhibits, kind, line),
                    None => out.other.push(line),
                }
            }
        }
    }
    out.blocks = exhibits
        .into_iter()
        .map(|(kind, lines)| tables::build(kind, lines))
        .collect();
    out
}

/// Whether the PDF prints a space at the end of a line where a word ends:
/// some of its body lines end with one.
fn spaces_printed(placed: &[Placed]) -> bool {
    let body: Vec<&Placed> = placed.iter().filter(|p| p.role == Role::Body).collect();
    let ending = body.iter().filter(|p| p.line.text.ends_with(' ')).count();
    ending * 20 >= body.len().max(1)
}

fn block_kind(role: Role) -> Option<Kind> {
    match role {
        Role::Table => Some(Kind::Table),
        Role::Figure => Some(Kind::Figure),
        _ => None,
    }
}

/// Adds a table's or figure's line to the block the line before it is in
/// (the same kind, the same page, the next line), or opens a block; a
/// caption always opens one.
fn exhibit_lines(exhibits: &mut Vec<(Kind, Vec<Line>)>, kind: Kind, line: Line) {
    let opens = tables::caption_kind(line.text.trim()).is_some();
    match exhibits.last_mut() {
        Some((k, lines))
            if *k == kind
                && !opens
                && lines
                    .last()
                    .is_some_and(|l| l.page == line.page && l.number + 1 == line.number) =>
        {
            lines.push(line);
        }
        _ => exhibits.push((kind, vec![line])),
    }
}

/// Room between two lines, in type sizes, that sets a paragraph apart.
const BLANK_LINE: f32 = 1.5;

/// Body lines that open a paragraph: by a first-line indent (set in from
/// the left edge most lines of their region start at, right after a line
/// that starts at that edge and opens no bullet item), or by room for a
/// blank line after a finished sentence.
fn paragraph_starts(placed: &[Placed]) -> Vec<bool> {
    let body = |p: &Placed| p.role == Role::Body;
    let mut out = vec![false; placed.len()];
    for run in super::region_runs(placed) {
        let members: Vec<usize> = run.filter(|&i| body(&placed[i])).collect();
        if let Some(edge) = dominant(members.iter().map(|&i| (placed[i].line.bbox.x0, 1))) {
            for pair in members.windows(2) {
                let (prev, line) = (&placed[pair[0]].line, &placed[pair[1]].line);
                let at_edge = |l: &TextLine| l.bbox.x0 <= edge + 0.3 * l.size;
                let indented = at_edge(prev)
                    && !at_edge(line)
                    && line.bbox.x0 <= edge + 4.0 * line.size
                    && bullet_of(&prev.text).is_none();
                // a finished sentence, then a blank line's worth of room
                let set_apart = line.bbox.y0 - prev.bbox.y1 > BLANK_LINE * line.size
                    && crate::layout::ends_sentence(&prev.text);
                out[pair[1]] = indented || set_apart;
            }
        }
    }
    out
}

/// The line's text without its raised numbers, which become markers; other
/// raised glyphs (`*`, letters) go back into the text where they stood.
fn take_markers(line: TextLine) -> (String, Vec<Marker>) {
    let mut text = line.text;
    let mut markers = Vec::new();
    // right to left, so earlier offsets stay valid as text is inserted
    for sup in line.superscripts.iter().rev() {
        let numbers = marker_numbers(&sup.text);
        if numbers.is_empty() {
            insert_at(&mut text, sup.at, &sup.text);
            for m in &mut markers {
                shift(m, sup.at, sup.text.len());
            }
        } else {
            for n in numbers.into_iter().rev() {
                markers.push(Marker {
                    at: sup.at,
                    n,
                    bbox: Some(sup.bbox),
                });
            }
        }
    }
    markers.reverse();
    (text, markers)
}

fn shift(marker: &mut Marker, at: usize, by: usize) {
    if marker.at > at {
        marker.at += by;
    }
}

fn insert_at(text: &mut String, at: usize, what: &str) {
    let at = at.min(text.len());
    if text.is_char_boundary(at) {
        text.insert_str(at, what);
    } else {
        text.push_str(what);
    }
}

/// The footnote numbers a raised run prints: `3`, `3)`, `(3)`, `3,4`,
/// `3-5`, and markers set in a row (`4)5)`, `4),5)`).
pub fn marker_numbers(raised: &str) -> Vec<u32> {
    let t = raised.trim();
    if !t.chars().any(|c| c.is_ascii_digit())
        || !t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' ' | '(' | ')' | '（' | '）')
        })
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    let parts = t.split([',', '(', ')', '（', '）']);
    for part in parts.filter(|p| !p.trim().is_empty()) {
        let bounds: Vec<u32> = part
            .split(['-', '–'])
            .filter_map(|n| n.trim().parse().ok())
            .collect();
        match bounds.as_slice() {
            [n] => out.push(*n),
            [a, b] if a < b && b - a <= 20 => out.extend(*a..=*b),
            _ => return Vec::new(),
        }
    }
    out
}

/// The text from `start` with every raised run put back where it stood.
fn with_superscripts(line: &TextLine, start: usize) -> String {
    let mut text = line.text.clone();
    let kept: Vec<&Superscript> = line
        .superscripts
        .iter()
        .filter(|s| !(s.at == 0 && (start > 0 || is_label(s))))
        .collect();
    for sup in kept.iter().rev() {
        insert_at(&mut text, sup.at, &sup.text);
    }
    let start = start.min(text.len());
    if text.is_char_boundary(start) {
        text[start..].to_string()
    } else {
        text
    }
}

/// A raised number at the very start of a footnote line is its label.
fn is_label(sup: &Superscript) -> bool {
    !marker_numbers(&sup.text).is_empty()
}

/// What names the document: the masthead's lines (with their type size)
/// and the running furniture, cell by cell.
fn read_masthead(placed: &[Placed]) -> Masthead {
    let mut cues = Vec::new();
    for p in placed {
        let (place, size) = match p.role {
            Role::Masthead => (Place::Top, Some(p.line.size)),
            Role::Furniture => (Place::Running, None),
            _ => continue,
        };
        for cell in p.line.cells() {
            cues.push(Cue {
                text: cell.to_string(),
                size,
                place,
            });
        }
    }
    masthead::read(&cues)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Rect;

    fn line(text: &str, sups: &[(usize, &str)]) -> TextLine {
        TextLine {
            text: text.to_string(),
            superscripts: sups
                .iter()
                .map(|&(at, t)| Superscript {
                    at,
                    text: t.to_string(),
                    bbox: Rect::default(),
                })
                .collect(),
            bbox: Rect::default(),
            baseline: 0.0,
            size: 10.0,
            bold: false,
            gaps: Vec::new(),
            cell_starts: Vec::new(),
        }
    }

    #[test]
    fn raised_numbers_become_markers_and_the_rest_goes_back() {
        let (text, markers) = take_markers(line(
            "김철수 교수는 말했다",
            &[(9, "*"), (16, "3)"), (26, "4,5")],
        ));
        assert_eq!(text, "김철수* 교수는 말했다");
        let got: Vec<(usize, u32)> = markers.iter().map(|m| (m.at, m.n)).collect();
        assert_eq!(got, [(17, 3), (27, 4), (27, 5)]);
    }

    #[test]
    fn marker_forms() {
        assert_eq!(marker_numbers("12)"), [12]);
        assert_eq!(marker_numbers("3-5"), [3, 4, 5]);
        assert_eq!(marker_numbers("1, 2"), [1, 2]);
        assert_eq!(marker_numbers("(7)"), [7]);
        assert_eq!(marker_numbers("4)5)"), [4, 5]);
        assert_eq!(marker_numbers("11),12)"), [11, 12]);
        assert!(marker_numbers(")").is_empty());
        assert!(marker_numbers("a").is_empty());
        assert!(marker_numbers("*").is_empty());
    }
}
