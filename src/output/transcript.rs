//! Transcript: a layout → what `kcite text` prints.
//!
//! In: a [`Layout`]. Out: the document in reading order, one printed line per
//! row with its line number, page and role, markers shown where they stood
//! (`[^3]`) and each footnote's number before its first line (`[3]`). This is
//! what the layout saw: for a user whose extraction looks wrong, and for
//! tests.

use std::fmt::Write as _;

use crate::layout::{Layout, Line};

/// The transcript as text.
pub fn render(layout: &Layout) -> String {
    let labels = Labels::of(layout);
    let mut out = String::new();
    for line in layout.transcript() {
        let label = labels
            .of_line(line.number)
            .map(|n| format!("[{n}] "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{:>5} {:>4} {:<9} {label}{}",
            line.number,
            format!("p{}", line.page),
            line.role.as_str(),
            with_markers(line)
        );
    }
    out
}

/// The transcript as JSON lines: number, page, role, the text as printed
/// (trailing space kept), the footnote a footnote's first line opens, the
/// markers (byte offset and number) and the box.
pub fn render_json(layout: &Layout) -> String {
    let labels = Labels::of(layout);
    let mut out = String::new();
    for line in layout.transcript() {
        let markers: Vec<serde_json::Value> = line
            .markers
            .iter()
            .map(|m| serde_json::json!({"at": m.at, "n": m.n}))
            .collect();
        let row = serde_json::json!({
            "number": line.number,
            "page": line.page,
            "role": line.role.as_str(),
            "text": line.text,
            "footnote": labels.of_line(line.number),
            "markers": markers,
            "bbox": line.bbox.map(|b| b.rounded()),
        });
        let _ = writeln!(out, "{row}");
    }
    out
}

/// The footnote number each footnote's first line opens, by line number.
struct Labels(Vec<(usize, u32)>);

impl Labels {
    fn of(layout: &Layout) -> Labels {
        let mut firsts: Vec<(usize, u32)> = layout
            .footnotes
            .iter()
            .filter_map(|f| f.lines.first().map(|l| (l.number, f.n)))
            .collect();
        firsts.sort_unstable();
        Labels(firsts)
    }

    fn of_line(&self, number: usize) -> Option<u32> {
        self.0
            .binary_search_by_key(&number, |&(line, _)| line)
            .ok()
            .map(|i| self.0[i].1)
    }
}

/// The line's text with its placed markers written back as `[^n]`.
fn with_markers(line: &Line) -> String {
    let mut text = line.text.trim_end().to_string();
    for marker in line.markers.iter().rev() {
        let at = marker.at.min(text.len());
        if text.is_char_boundary(at) {
            text.insert_str(at, &format!("[^{}]", marker.n));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{FootnoteLines, Marker, Role};

    #[test]
    fn lines_in_reading_order_with_roles_markers_and_labels() {
        let layout = Layout {
            body: vec![Line {
                number: 2,
                text: "주장이다.".into(),
                page: 1,
                markers: vec![Marker {
                    at: "주장이다.".len(),
                    n: 1,
                    bbox: None,
                }],
                ..Line::default()
            }],
            footnotes: vec![FootnoteLines {
                n: 1,
                page: 1,
                lines: vec![Line {
                    number: 3,
                    text: "출처.".into(),
                    page: 1,
                    role: Role::Footnote,
                    ..Line::default()
                }],
            }],
            other: vec![Line {
                number: 1,
                text: "머리말".into(),
                page: 1,
                role: Role::Furniture,
                ..Line::default()
            }],
            ..Layout::default()
        };
        let text = render(&layout);
        let rows: Vec<&str> = text.lines().map(str::trim_start).collect();
        assert_eq!(
            rows,
            [
                "1   p1 furniture 머리말",
                "2   p1 body      주장이다.[^1]",
                "3   p1 footnote  [1] 출처."
            ]
        );
    }
}
