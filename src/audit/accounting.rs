//! Accounting: every printed line of a PDF ends in exactly one place.
//!
//! In: the [`Layout`] the PDF front end made and what the later stages made
//! of it (the claims, the sections, the footnotes). Out: the lines whose text
//! landed nowhere, and one `unplaced_text` finding per page that has any.
//!
//! The layout gives every line a role, and the role names its place: body
//! lines (the document's body style) go into claims, heading lines into
//! section titles or claims, footnote lines into footnotes, table and figure
//! lines into the exhibits, masthead, furniture, contents and loose notes
//! stay where the layout put them. What this check catches is text the later
//! stages let fall: a body line no claim or heading holds, a footnote line
//! no footnote holds, a footnote-area line before any footnote's label. It
//! compares letters and digits only, since reflow decides the spaces and the
//! outline takes bullets and topics' brackets apart.

use std::collections::BTreeMap;

use crate::layout::{Format, Layout, Line, Role};
use crate::model::{Claim, Document, Finding, Footnote, Section, Severity};

/// A printed line whose text landed in no place of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unplaced {
    /// The line's number in reading order (`kcite text`).
    pub line: usize,
    pub page: u32,
    pub role: Role,
    pub text: String,
}

/// The lines of a PDF's layout that the document holds nowhere. A text
/// input has no layout of its own to account for: nothing.
pub fn unplaced(layout: &Layout, document: &Document) -> Vec<Unplaced> {
    unplaced_lines(
        layout,
        &document.claims,
        &document.sections,
        &document.footnotes,
    )
}

/// The `unplaced_text` findings: one per page with text placed nowhere,
/// naming the page, how many lines and the first of them.
pub fn findings(
    layout: &Layout,
    claims: &[Claim],
    sections: &[Section],
    footnotes: &[Footnote],
) -> Vec<Finding> {
    let mut by_page: BTreeMap<u32, Vec<Unplaced>> = BTreeMap::new();
    for line in unplaced_lines(layout, claims, sections, footnotes) {
        by_page.entry(line.page).or_default().push(line);
    }
    by_page
        .into_iter()
        .filter_map(|(page, lines)| {
            let first = lines.first()?;
            let more = match lines.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            Some(Finding {
                kind: "unplaced_text".to_string(),
                severity: Severity::Warning,
                claim: None,
                footnote: None,
                citation: None,
                message: format!(
                    "page {page}: text placed in no claim, heading or footnote \
                     (line {}: \u{201c}{}\u{201d}{more})",
                    first.line,
                    excerpt(&first.text)
                ),
            })
        })
        .collect()
}

fn unplaced_lines(
    layout: &Layout,
    claims: &[Claim],
    sections: &[Section],
    footnotes: &[Footnote],
) -> Vec<Unplaced> {
    if layout.format != Format::Pdf {
        return Vec::new();
    }
    let mut prose = Placed::of_prose(claims, sections);
    let mut notes = Placed::new(footnotes.iter().map(|f| f.text.as_str()));
    let mut out = Vec::new();
    for line in &layout.body {
        if !prose.holds(&line.text) {
            out.push(Unplaced::from(line));
        }
    }
    for footnote in &layout.footnotes {
        for line in &footnote.lines {
            if !notes.holds(&line.text) {
                out.push(Unplaced::from(line));
            }
        }
    }
    // footnote-area text before any footnote's label: no footnote took it
    out.extend(
        layout
            .other
            .iter()
            .filter(|l| l.role == Role::Footnote && !squeeze(&l.text).is_empty())
            .map(Unplaced::from),
    );
    out.sort_by_key(|u| u.line);
    out
}

impl From<&Line> for Unplaced {
    fn from(line: &Line) -> Self {
        Unplaced {
            line: line.number,
            page: line.page,
            role: line.role,
            text: line.text.clone(),
        }
    }
}

/// The text of one kind of place, spaces taken out, in reading order.
struct Placed {
    text: String,
    /// Where the last line found ends: lines come in reading order, so the
    /// next is looked for from there first (linear, not quadratic, in a
    /// long report).
    cursor: usize,
}

impl Placed {
    fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        let mut text = String::new();
        for t in texts {
            text.push_str(&squeeze(t));
            // a line never runs from one place into the next
            text.push('\u{1}');
        }
        Placed { text, cursor: 0 }
    }

    /// Claims and headings together: a heading may be a section's title or
    /// stay in the claims (a topic, an unnumbered heading in a paragraph).
    /// The claims run on into each other in reading order, each after its
    /// topic, as a line may close one paragraph and open the next.
    fn of_prose(claims: &[Claim], sections: &[Section]) -> Self {
        let running: String = claims
            .iter()
            .flat_map(|c| c.topic.iter().chain([&c.text]))
            .map(|t| squeeze(t))
            .collect();
        let titles = sections.iter().filter_map(|s| s.title.clone());
        let items = claims.iter().flat_map(|c| c.items.iter().cloned());
        let texts: Vec<String> = std::iter::once(running)
            .chain(items)
            .chain(titles)
            .collect();
        Placed::new(texts.iter().map(String::as_str))
    }

    /// Whether the line's text stands somewhere in the place, with or
    /// without its numbering (`Ⅱ.`, `3`, `가.`: a section keeps its number
    /// apart from its title); a line with no text is nowhere to be lost.
    fn holds(&mut self, line: &str) -> bool {
        let whole = squeeze(line);
        if whole.is_empty() || self.find(&whole) {
            return true;
        }
        let mut words = line.split_whitespace();
        let numbering = words.next().is_some_and(is_numbering);
        let rest = squeeze(&words.collect::<Vec<_>>().join(" "));
        numbering && !rest.is_empty() && self.find(&rest)
    }

    /// Finds `text` after the cursor, else anywhere, and moves the cursor
    /// past it.
    fn find(&mut self, text: &str) -> bool {
        let ahead = self.text[self.cursor..]
            .find(text)
            .map(|at| self.cursor + at);
        match ahead.or_else(|| self.text.find(text)) {
            Some(at) => {
                self.cursor = at + text.len();
                true
            }
            None => false,
        }
    }
}

/// A section's or item's number as printed before its title: a few
/// characters, digits or numerals or one Korean letter with a dot or
/// bracket.
fn is_numbering(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    let chars = core.chars().count();
    let numeric = core.chars().all(|c| c.is_numeric());
    let letter = chars == 1 && core != word;
    (1..=4).contains(&chars) && (numeric || letter)
}

/// The text's letters and digits: reflow decides the spaces, the outline
/// takes bullets into `marker` and a topic's brackets into `topic`.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The first characters of a line, for a message.
fn excerpt(text: &str) -> String {
    const CHARS: usize = 40;
    let text = text.trim();
    match text.char_indices().nth(CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::FootnoteLines;

    fn line(number: usize, page: u32, role: Role, text: &str) -> Line {
        Line {
            number,
            text: text.to_string(),
            page,
            role,
            ..Line::default()
        }
    }

    fn claim(text: &str) -> Claim {
        Claim {
            text: text.to_string(),
            ..Claim::default()
        }
    }

    fn pdf(body: Vec<Line>) -> Layout {
        Layout {
            body,
            format: Format::Pdf,
            ..Layout::default()
        }
    }

    #[test]
    fn body_lines_joined_into_claims_are_placed() {
        let layout = pdf(vec![
            line(1, 1, Role::Body, "□ 수도권 전세 가격은 올해 들어 하"),
            line(2, 1, Role::Body, "락세로 돌아섰다."),
        ]);
        let claims = [claim("수도권 전세 가격은 올해 들어 하락세로 돌아섰다.")];
        assert!(unplaced_lines(&layout, &claims, &[], &[]).is_empty());
    }

    #[test]
    fn a_body_line_no_claim_holds_is_unplaced_with_its_page() {
        let layout = pdf(vec![
            line(1, 2, Role::Body, "지방 주택 거래량은 석 달째 줄었다."),
            line(2, 3, Role::Body, "미분양 물량도 빠르게 쌓이고 있다."),
        ]);
        let claims = [claim("지방 주택 거래량은 석 달째 줄었다.")];
        let lost = unplaced_lines(&layout, &claims, &[], &[]);
        assert_eq!(lost.len(), 1);
        assert_eq!((lost[0].line, lost[0].page), (2, 3));
        let found = findings(&layout, &claims, &[], &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, "unplaced_text");
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.starts_with("page 3:"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_heading_is_placed_by_its_section_title() {
        let layout = pdf(vec![line(1, 1, Role::Heading, "2. 지역별 동향")]);
        let section = Section {
            id: "S2".to_string(),
            number: Some(2),
            title: Some("지역별 동향".to_string()),
            summary: false,
        };
        assert!(unplaced_lines(&layout, &[], &[section], &[]).is_empty());
        assert_eq!(unplaced_lines(&layout, &[], &[], &[]).len(), 1);
    }

    #[test]
    fn footnote_lines_are_placed_by_their_footnote_and_orphans_are_not() {
        let mut layout = pdf(Vec::new());
        layout.footnotes = vec![FootnoteLines {
            n: 1,
            page: 1,
            lines: vec![
                line(5, 1, Role::Footnote, "국토연구원(2021), 「주택시장 동"),
                line(6, 1, Role::Footnote, "향 분석」, p. 12."),
            ],
        }];
        layout.other = vec![
            line(4, 1, Role::Footnote, "앞 쪽에서 이어진 설명"),
            line(7, 1, Role::Furniture, "- 3 -"),
        ];
        let note = Footnote {
            n: 1,
            text: "국토연구원(2021), 「주택시장 동향 분석」, p. 12.".to_string(),
            ..Footnote::default()
        };
        let lost = unplaced_lines(&layout, &[], &[], &[note]);
        let numbers: Vec<usize> = lost.iter().map(|u| u.line).collect();
        assert_eq!(numbers, [4]);
    }

    #[test]
    fn a_line_may_close_one_claim_and_open_the_next() {
        let layout = pdf(vec![line(1, 1, Role::Body, "줄었다. 수출은")]);
        let claims = [claim("수입은 줄었다."), claim("수출은 늘었다.")];
        assert!(unplaced_lines(&layout, &claims, &[], &[]).is_empty());
        // but not two claims apart
        let claims = [
            claim("수입은 줄었다."),
            claim("물가는"),
            claim("수출은 늘었다."),
        ];
        assert_eq!(unplaced_lines(&layout, &claims, &[], &[]).len(), 1);
    }

    #[test]
    fn a_topic_in_brackets_and_a_roman_numbered_heading_are_placed() {
        let layout = pdf(vec![
            line(1, 1, Role::Heading, "Ⅳ. 지역별 동향"),
            line(2, 1, Role::Body, "■ [수도권] 전세 가격이 반등하였다."),
        ]);
        let mut topical = claim("전세 가격이 반등하였다.");
        topical.topic = Some("수도권".to_string());
        let section = Section {
            id: "S4".to_string(),
            number: Some(4),
            title: Some("지역별 동향".to_string()),
            summary: false,
        };
        assert!(unplaced_lines(&layout, &[topical], &[section], &[]).is_empty());
    }

    #[test]
    fn numbering_before_a_title() {
        for word in ["Ⅱ.", "3", "12.", "가.", "(나)", "1)"] {
            assert!(is_numbering(word), "{word}");
        }
        for word in ["2024년", "정책", "12345", "수출은"] {
            assert!(!is_numbering(word), "{word}");
        }
    }

    #[test]
    fn text_input_is_not_accounted() {
        let mut layout = pdf(vec![line(1, 1, Role::Body, "어디에도 없는 문장")]);
        layout.format = Format::Text;
        assert!(unplaced_lines(&layout, &[], &[], &[]).is_empty());
    }
}
