//! Layout: text → body lines, footnote lines and page furniture.
//!
//! In: decoded report text. Out: a [`Layout`]: the body lines in reading order,
//! the footnotes as line groups (also when a footnote continues at the bottom
//! of the next page), the page furniture read out (series, issue date, running
//! title, printed page numbers) and the page count, every line with its
//! 1-based source line number and page.
//!
//! The rules follow the conventions of PDF-extracted reports: a footnote
//! starts a line with `N)` and follows the numbering; a footnote block ends
//! where the next page's body begins (a line opening with a space, a bullet, a
//! heading, furniture, or text that neither continues an unfinished footnote
//! nor looks like a citation). Furniture is found from anchors (a bare issue
//! date, a bare page number, a short line that repeats) and the short lines
//! clustered with them; no header text is known in advance.

mod blocks;
mod furniture;
mod title;

use blocks::{caption_of, find_blocks};
use title::{cues, title_block};

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::conventions::*;
use super::masthead;
use super::tables::{self, Kind};
use super::{FootnoteLines, Format, Layout, Line, Role};

static FOOTNOTE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(\d{1,3})\)\s*(\S.*)$").expect("regex"));
static ISSUE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?$").expect("regex")
});
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–—\s]*(\d{1,3})[-–—\s]*$").expect("regex"));

/// An author's or editor's note: `* 국회입법조사처 …`.
static NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[*†‡]+\s+\S").expect("regex"));

/// Unicode superscript digits, as some PDF converters write markers and
/// footnote labels (`개방하였음.¹`, `¹ 「제목」…`), rewritten the way the
/// rest of the route reads them (`1)`). A superscript after a Latin letter
/// or a digit is an exponent (`km²`, `10³`) and stays.
fn superscript_markers(line: &str) -> Cow<'_, str> {
    const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digit = |c: char| SUPERSCRIPTS.iter().position(|&s| s == c);
    if !line.chars().any(|c| digit(c).is_some()) {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 4);
    let mut prev: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(d) = digit(c) else {
            out.push(c);
            prev = Some(c);
            continue;
        };
        let exponent = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '⁾');
        if exponent {
            out.push(c);
            prev = Some(c);
            continue;
        }
        out.push(char::from(b'0' + d as u8));
        while let Some(d) = chars.peek().copied().and_then(digit) {
            out.push(char::from(b'0' + d as u8));
            chars.next();
        }
        // `¹⁾` already closes with its parenthesis
        if chars.peek() == Some(&'⁾') {
            chars.next();
        }
        out.push(')');
        prev = Some(')');
    }
    Cow::Owned(out)
}

/// Runs the layout stage.
pub fn analyse(text: &str) -> Layout {
    let raw_lines: Vec<&str> = text.split('\n').collect();
    let page_of = furniture::page_of_lines(&raw_lines);
    let normalised: Vec<Cow<str>> = raw_lines
        .iter()
        .map(|l| superscript_markers(l.trim_start_matches('\u{0c}')))
        .collect();
    let lines: Vec<&str> = normalised.iter().map(AsRef::as_ref).collect();
    let furniture_lines = match &page_of {
        Some(pages) => furniture::running_furniture(&lines, pages),
        None => furniture::unpaged_furniture(&lines),
    };
    let top = title_block(&lines, &furniture_lines);
    let exhibits = find_blocks(&lines, &furniture_lines);
    let masthead = masthead::read(&cues(&lines, &furniture_lines, &top, page_of.as_deref()));
    let mut builder = Builder {
        paged: page_of.is_some(),
        foot_labels: foot_labels(&lines, &furniture_lines, page_of.as_deref()),
        ..Builder::default()
    };
    for (index, raw) in lines.iter().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        if let Some(pages) = &page_of {
            builder.turn_to(pages[index]);
        }
        if furniture_lines[index] {
            builder.furniture(index + 1, raw);
        } else if let Some(kind) = exhibits[index] {
            builder.exhibit(index + 1, raw, kind);
        } else if top.lines.contains(&index) {
            builder.aside(index + 1, raw, Role::Masthead);
        } else if NOTE.is_match(raw) || tables::is_note_or_source(raw) {
            // an author's note, or a note or source whose table or figure
            // the text does not show
            builder.aside(index + 1, raw, Role::Note);
        } else {
            builder.line(index + 1, raw);
        }
    }
    if page_of.is_some() {
        // pages printed by an extractor: lines as the PDF set them
        mark_paragraph_starts(&mut builder.body);
    }
    // footnotes in number order, whatever order the pages came in
    builder.footnotes.sort_by_key(|f| f.n);
    // a break after the last content opens no page
    let pages = if let Some(pages) = &page_of {
        (0..lines.len())
            .filter(|&i| !lines[i].trim().is_empty())
            .map(|i| pages[i])
            .max()
            .unwrap_or(1)
    } else if builder.content_since_break {
        builder.page
    } else {
        builder.page.saturating_sub(1)
    };
    Layout {
        body: builder.body,
        footnotes: builder.footnotes,
        repeated_footnotes: builder.repeated_footnotes,
        blocks: builder
            .blocks
            .into_iter()
            .map(|(kind, lines)| tables::build(kind, lines))
            .collect(),
        other: builder.other,
        masthead,
        pages: pages.max(1),
        spaces_printed: true,
        format: Format::Text,
    }
}

#[derive(Default)]
struct Builder {
    body: Vec<Line>,
    footnotes: Vec<FootnoteLines>,
    page: u32,
    content_since_break: bool,
    in_footnotes: bool,
    /// Footnote numbers whose marker `N)` was seen glued to body text.
    markers_seen: Vec<u32>,
    repeated_footnotes: Vec<(u32, usize)>,
    /// Furniture lines and dropped repeats.
    other: Vec<Line>,
    /// The lines of each table and figure.
    blocks: Vec<(Kind, Vec<Line>)>,
    /// The last line went to the last block (a block continues).
    in_block: bool,
    /// The text marks its pages (form feeds): pages are not counted from
    /// the furniture.
    paged: bool,
    /// The number of the last heading printed without its point (`2 제목`).
    undotted_headings: u32,
    /// Per line: a label `N)` that opens a run of labelled lines at the foot
    /// of its page, `N+1)` among them (see [`foot_labels`]).
    foot_labels: Vec<bool>,
}

impl Builder {
    fn furniture(&mut self, number: usize, raw: &str) {
        self.in_block = false;
        self.page_break();
        self.in_footnotes = false;
        self.other.push(Line {
            number,
            text: raw.to_string(),
            page: self.page,
            role: Role::Furniture,
            ..Line::default()
        });
    }

    /// A line of a table or figure: the block the line before opened, or a
    /// new one.
    fn exhibit(&mut self, number: usize, raw: &str, kind: Kind) {
        self.page = self.page.max(1);
        let role = match kind {
            Kind::Table => Role::Table,
            Kind::Figure => Role::Figure,
        };
        let line = Line {
            number,
            text: raw.to_string(),
            page: self.page,
            role,
            ..Line::default()
        };
        let opens = tables::caption_kind(raw.trim()).is_some();
        match self.blocks.last_mut() {
            Some((k, lines)) if self.in_block && *k == kind && !opens => lines.push(line),
            _ => self.blocks.push((kind, vec![line])),
        }
        self.in_block = true;
    }

    /// A line that is neither body nor footnote nor a page's furniture.
    fn aside(&mut self, number: usize, raw: &str, role: Role) {
        self.in_block = false;
        self.page = self.page.max(1);
        self.other.push(Line {
            number,
            text: raw.to_string(),
            page: self.page,
            role,
            ..Line::default()
        });
    }

    /// A page the text marks begins: a footnote block ends with the page.
    fn turn_to(&mut self, page: u32) {
        if page != self.page {
            self.page = page;
            self.in_footnotes = false;
            self.in_block = false;
        }
    }

    fn page_break(&mut self) {
        if self.paged {
            return;
        }
        if self.page == 0 {
            self.page = 1;
        }
        if self.content_since_break {
            self.page += 1;
            self.content_since_break = false;
        }
    }

    fn line(&mut self, number: usize, raw: &str) {
        self.in_block = false;
        if self.page == 0 {
            self.page = 1;
        }
        if let Some((n, rest)) = self.footnote_start(number, raw) {
            if !self.in_footnotes {
                self.take_continuation_before_block();
            }
            self.in_footnotes = true;
            self.content_since_break = true;
            let line = Line {
                number,
                text: rest.to_string(),
                page: self.page,
                role: Role::Footnote,
                ..Line::default()
            };
            self.footnotes.push(FootnoteLines {
                n,
                page: self.page,
                lines: vec![line],
            });
            return;
        }
        if self.in_footnotes {
            if let Some(n) = self.repeated_footnote(raw) {
                self.repeated_footnotes.push((n, number));
                self.other.push(Line {
                    number,
                    text: raw.to_string(),
                    page: self.page,
                    role: Role::Footnote,
                    ..Line::default()
                });
                return;
            }
            if self.continues_footnote(raw) {
                let page = self.page;
                if let Some(last) = self.footnotes.last_mut() {
                    last.lines.push(Line {
                        number,
                        text: raw.to_string(),
                        page,
                        role: Role::Footnote,
                        ..Line::default()
                    });
                }
                return;
            }
            self.in_footnotes = false;
            self.page_break();
        }
        self.note_markers(raw);
        self.content_since_break = true;
        let apart = self.stands_apart(number);
        let mut text = raw.to_string();
        let role = if apart && is_numbered_heading(raw) {
            Role::Heading
        } else if let Some((n, title)) = undotted_heading(raw).filter(|_| apart) {
            // `1 들어가며`, its number printed in a box: read as `1. 들어가며`
            // when it follows the last such heading
            if n != self.undotted_headings + 1 {
                Role::Body
            } else {
                self.undotted_headings = n;
                text = format!("{n}. {title}");
                Role::Heading
            }
        } else {
            Role::Body
        };
        self.body.push(Line {
            number,
            text,
            page: self.page,
            role,
            ..Line::default()
        });
    }

    /// Whether the line at `number` is set apart from the body line before
    /// it (a blank line, or lines read elsewhere: a note, a figure, a head).
    fn stands_apart(&self, number: usize) -> bool {
        self.body
            .last()
            .is_none_or(|last| last.number + 1 != number)
    }

    /// `N) text` where N continues the numbering and either a marker `N)` was
    /// seen in the body or N is the very next number and the text reads like a
    /// footnote.
    ///
    /// Inside a footnote block, or at the head of a run of labels at the
    /// page's foot ([`foot_labels`]), the next number needs no more.
    ///
    /// A number off the sequence (pages out of order, a lost footnote block)
    /// is accepted when its marker was seen and it is not defined yet.
    fn footnote_start<'a>(&self, number: usize, raw: &'a str) -> Option<(u32, &'a str)> {
        let caps = FOOTNOTE_START.captures(raw)?;
        let n: u32 = caps[1].parse().ok()?;
        if self.footnotes.iter().any(|f| f.n == n) {
            return None;
        }
        let last = self.footnotes.last().map_or(0, |f| f.n);
        let seen = self.markers_seen.contains(&n);
        let in_sequence = n > last && n <= last + 3;
        let rest = caps.get(2)?.as_str();
        let at_foot = self.foot_labels.get(number - 1).copied().unwrap_or(false);
        let plausible = seen
            || (in_sequence
                && n == last + 1
                && (at_foot || self.in_footnotes || is_citation_like(rest) || ends_sentence(rest)));
        plausible.then_some((n, rest))
    }

    /// `N) text` repeating the first line of footnote N word for word: a
    /// line the PDF extractor printed twice.
    fn repeated_footnote(&self, raw: &str) -> Option<u32> {
        let caps = FOOTNOTE_START.captures(raw)?;
        let n: u32 = caps[1].parse().ok()?;
        let rest = caps.get(2)?.as_str();
        let visible = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        self.footnotes
            .iter()
            .find(|f| f.n == n)
            .and_then(|f| f.lines.first())
            .filter(|first| visible(&first.text) == visible(rest))
            .map(|_| n)
    }

    fn current_footnote_is_open(&self) -> bool {
        self.footnotes
            .last()
            .and_then(|f| f.lines.last())
            .is_some_and(|line| !ends_sentence(&line.text))
    }

    /// Inside a footnote block, whether `raw` still belongs to the footnote.
    fn continues_footnote(&self, raw: &str) -> bool {
        let open = self.current_footnote_is_open();
        let starts_page = raw.starts_with(char::is_whitespace)
            || bullet_of(raw).is_some()
            || heading_of(raw).is_some();
        if starts_page {
            return open && is_citation_like(raw);
        }
        open || is_citation_like(raw)
    }

    /// A footnote cut at the bottom of a page continues at the bottom of the
    /// next, just before that page's own footnotes: move those lines back.
    fn take_continuation_before_block(&mut self) {
        if !self.current_footnote_is_open() {
            return;
        }
        let Some(last_footnote_line) = self.footnotes.last().and_then(|f| f.lines.last()) else {
            return;
        };
        let floor = last_footnote_line.number;
        let mut take = 0;
        for line in self.body.iter().rev() {
            if line.number < floor || line.page != self.page || !is_citation_like(&line.text) {
                break;
            }
            take += 1;
        }
        if take == 0 {
            return;
        }
        let moved = self.body.split_off(self.body.len() - take);
        if let Some(last) = self.footnotes.last_mut() {
            last.lines.extend(moved.into_iter().map(|line| Line {
                role: Role::Footnote,
                ..line
            }));
        }
    }

    fn note_markers(&mut self, raw: &str) {
        static MARKER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"[^\s(\d](\d{1,3})\)").expect("regex"));
        static GLUED_DIGITS_MARKER: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\d(\d{1,2})\)").expect("regex"));
        for caps in MARKER
            .captures_iter(raw)
            .chain(GLUED_DIGITS_MARKER.captures_iter(raw))
        {
            if let Ok(n) = caps[1].parse() {
                self.markers_seen.push(n);
            }
        }
    }
}

/// Per line, whether it is a label `N)` that opens a footnote area: the
/// next label `N+1)` follows it, and nothing up to the page's end (or its
/// furniture, in text without pages) starts anew as the body does (a
/// bullet, a heading). Where markers print as bare digits (`10.1%2`), no
/// marker names the footnote; its place at the foot does.
fn foot_labels(lines: &[&str], furniture: &[bool], page_of: Option<&[u32]>) -> Vec<bool> {
    let label = |i: usize| {
        FOOTNOTE_START
            .captures(lines[i])
            .and_then(|c| c[1].parse::<u32>().ok())
    };
    let same_page = |i: usize, j: usize| page_of.is_none_or(|p| p[i] == p[j]);
    (0..lines.len())
        .map(|i| {
            let Some(n) = label(i) else { return false };
            let mut next_found = false;
            for j in i + 1..lines.len() {
                let t = lines[j].trim();
                if t.is_empty() {
                    continue;
                }
                if furniture[j] || !same_page(i, j) {
                    break;
                }
                if bullet_of(t).is_some() || is_numbered_heading(t) || caption_of(t).is_some() {
                    return false;
                }
                next_found |= label(j) == Some(n + 1);
            }
            next_found
        })
        .collect()
}

/// A justified column's lines run to its width but a paragraph's last:
/// a line that ends a sentence well short of the usual length closes its
/// paragraph, and the body line after it opens one (prose without bullets
/// or indents, as pdftotext prints it). Only for text with its pages: text
/// typed or wrapped otherwise says nothing by its line lengths.
fn mark_paragraph_starts(body: &mut [Line]) {
    let mut lengths: Vec<usize> = body
        .iter()
        .filter(|l| l.role == Role::Body)
        .map(|l| l.text.trim().chars().count())
        .collect();
    if lengths.len() < 8 {
        return;
    }
    lengths.sort_unstable();
    let usual = lengths[lengths.len() / 2];
    for i in 1..body.len() {
        let before = body[i - 1].text.trim();
        let short = before.chars().count() * 5 < usual * 4;
        if body[i - 1].role == Role::Body && short && ends_sentence(before) {
            body[i].opens_paragraph = true;
        }
    }
}

/// `2 제목`: a heading whose number stands in a box without its point
/// (short, ends no sentence, words after the number). Its number.
fn undotted_heading(text: &str) -> Option<(u32, &str)> {
    static UNDOTTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(\d{1,2})\s+([가-힣]\S*(?:\s\S+){0,8})\s*$").expect("regex")
    });
    let caps = UNDOTTED.captures(text)?;
    let title = caps.get(2)?.as_str();
    let fits = title.chars().count() <= 40 && !ends_sentence(title) && !title.ends_with(',');
    fits.then(|| Some((caps[1].parse().ok()?, title)))?
}

/// `2. 제목`, `Ⅱ. 제목`: set apart from the body before it, a heading
/// whatever that body's last sentence did (an unfinished summary item).
fn is_numbered_heading(text: &str) -> bool {
    heading_of(text).is_some() || roman_heading_of(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::title::split_page_number;
    use super::*;

    #[test]
    fn superscript_digits_are_markers_and_labels_unless_exponents() {
        let cases = [
            ("개방하였음.¹ 교역도", "개방하였음.1) 교역도"),
            ("“전략 항로”³로", "“전략 항로”3)로"),
            ("늘었음.⁴⁾", "늘었음.4)"),
            ("있음.⁶ ⁷", "있음.6) 7)"),
            ("제약하고 있음.¹⁰", "제약하고 있음.10)"),
            ("¹ 「제목」(2023. 9. 26.)", "1) 「제목」(2023. 9. 26.)"),
            ("423만 km²로", "423만 km²로"),
            ("약 10³ km", "약 10³ km"),
            ("표준 본문", "표준 본문"),
        ];
        for (line, want) in cases {
            assert_eq!(superscript_markers(line), want, "{line}");
        }
        assert!(matches!(superscript_markers("표준 본문"), Cow::Borrowed(_)));
    }

    #[test]
    fn markers_in_a_row_end_a_sentence() {
        use crate::layout::ends_sentence;
        assert!(ends_sentence("부담으로 남아 있음.2) 3)"));
        assert!(ends_sentence("남아 있음.2)"));
        assert!(!ends_sentence("다음과 같음: 1) 국경 개방, 2)"));
        assert!(!ends_sentence("항목 (3)"));
    }

    const PAGES: &str = "요약\n▶ 주장이 있음.\n연구원 리뷰\n2023.5.1.\n 1. 서론\n■ 첫 주장은 여기서1) 시작되어 \n\n다음 줄로 이어짐.\n1) ｢제목 하나｣(2023. 1. 2.), 『연합뉴스』; ｢제목 \n무역 동향 3\n■ 다음 쪽 본문임.2)\n둘｣(2023. 1. 3.), 『연합뉴스』.\n2) 김철수(2020), ｢논문｣, 학술지, p. 3.\n무역 동향 4\n";

    #[test]
    fn furniture_is_read_and_removed() {
        let layout = analyse(PAGES);
        assert_eq!(layout.masthead.series.as_deref(), Some("연구원 리뷰"));
        assert_eq!(layout.masthead.date.as_deref(), Some("2023-05-01"));
        assert_eq!(layout.masthead.title.as_deref(), Some("무역 동향"));
        assert_eq!(layout.masthead.printed_pages, [3, 4]);
        assert!(
            layout
                .body
                .iter()
                .all(|l| !l.text.contains("리뷰") && !l.text.contains("2023.5.1"))
        );
        assert_eq!(layout.pages, 3);
    }

    #[test]
    fn footnotes_continue_across_the_page_break() {
        let layout = analyse(PAGES);
        let numbers: Vec<u32> = layout.footnotes.iter().map(|f| f.n).collect();
        assert_eq!(numbers, [1, 2]);
        let first: Vec<&str> = layout.footnotes[0]
            .lines
            .iter()
            .map(|l| l.text.trim())
            .collect();
        assert_eq!(
            first,
            [
                "｢제목 하나｣(2023. 1. 2.), 『연합뉴스』; ｢제목",
                "둘｣(2023. 1. 3.), 『연합뉴스』."
            ]
        );
        assert_eq!(layout.footnotes[1].page, 3);
        let body: Vec<&str> = layout.body.iter().map(|l| l.text.trim()).collect();
        assert!(body.contains(&"■ 다음 쪽 본문임.2)"));
    }

    #[test]
    fn a_footnote_printed_twice_is_dropped_once_and_reported() {
        let text = "■ 주장임.1) 또 주장임.2)\n1) ｢제목｣(2023. 1. 2.), 『연합뉴스』.\n1) ｢제목｣(2023. 1. 2.),  『연합뉴스』.\n2) ｢다른 제목｣(2023. 1. 3.), 『연합뉴스』, p. 18.\n2) ｢다른 제목｣(2023. 1. 3.), 『연합뉴스』, p. 19.\n";
        let layout = analyse(text);
        assert_eq!(layout.repeated_footnotes, [(1, 3)]);
        assert_eq!(layout.footnotes[0].lines.len(), 1);
        // a line that differs is not a repeat
        assert_eq!(layout.footnotes[1].lines.len(), 2);
    }

    #[test]
    fn headings_bullets_and_page_number_splits() {
        assert_eq!(
            heading_of(" 2. 북중 관계 분석"),
            Some((2, "북중 관계 분석"))
        );
        assert_eq!(heading_of("2. 이것은 문장이다."), None);
        assert_eq!(
            bullet_of("  - 하위").map(|(c, r, _)| (c, r)),
            Some(('-', 1))
        );
        assert_eq!(bullet_of("-하이픈"), None);
        assert_eq!(bullet_of("③ 셋째").map(|(_, r, _)| r), Some(3));
        assert_eq!(
            split_page_number("72023년 북한 전망"),
            Some((7, "2023년 북한 전망".into()))
        );
        assert_eq!(
            split_page_number("무역 동향 12"),
            Some((12, "무역 동향".into()))
        );
        assert_eq!(split_page_number("2023년"), None);
    }

    #[test]
    fn a_captioned_block_takes_its_cells_one_to_a_line_and_its_source() {
        let text = "■ 본문 주장임.\n\n<표 1> 지표 현황\n(전년대비, %)\n\n구 분\n\n2023\n\n4.4\n\n\
            개발업체 자금조달 지원을 위한 금융 조치 발표와 후속 대책의 시행\n\n\
            자료: 통계청\n\n2. 다음 절\n■ 다음 주장임.\n";
        let layout = analyse(text);
        let body: Vec<&str> = layout.body.iter().map(|l| l.text.trim()).collect();
        assert_eq!(body, ["■ 본문 주장임.", "2. 다음 절", "■ 다음 주장임."]);
        assert_eq!(layout.blocks.len(), 1);
        // a heading after the block's open source line stands apart
        assert_eq!(layout.body[1].role, Role::Heading);
    }

    #[test]
    fn a_sentence_that_names_a_figure_is_no_caption() {
        assert_eq!(caption_of("[그림 1] 연령대별 고용률"), Some(Kind::Figure));
        assert_eq!(caption_of("[그림 1]에서 보듯이 고용률은"), None);
        assert_eq!(caption_of("〈표 2〉 주요 조치"), Some(Kind::Table));
    }

    #[test]
    fn a_byline_of_any_length_and_a_dated_line_stay_in_the_title_block() {
        let text = "시리즈\n\n2024. 7. 30.\n\n보고서의 제목\n\
            홍길동 아시아태평양실 일본팀 부연구위원 (hong@example.org, Tel: 000-000-0000)\n\n\
            ▶ 요약 주장임.\n\u{0c}시리즈 2\n\u{0c}시리즈 3\n";
        let layout = analyse(text);
        assert_eq!(layout.masthead.title.as_deref(), Some("보고서의 제목"));
        assert_eq!(layout.masthead.date.as_deref(), Some("2024-07-30"));
        assert_eq!(layout.masthead.authors, ["홍길동"]);
        assert_eq!(layout.body.len(), 1);
    }

    #[test]
    fn labels_at_the_foot_open_footnotes_when_markers_print_as_bare_digits() {
        let text = "■ 주장이 있다.1 다른 주장도 있다.2\n\n\
            1) 기준을 1) 첫째, 2) 둘째로 평가하는 규제이며 그 수가\n늘면 상한이 낮아진다.\n\
            2) Okafor, N. (2019), “Freight Rates,” Journal.\n\u{0c}-2-\n";
        let layout = analyse(text);
        let numbers: Vec<u32> = layout.footnotes.iter().map(|f| f.n).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(layout.footnotes[0].lines.len(), 2);
        // a body list at line starts followed by more body is no footnote area
        let list = "■ 방향은 다음과 같다.\n1) 첫째 방향\n2) 둘째 방향\n■ 다음 주장임.\n";
        assert!(analyse(list).footnotes.is_empty());
    }

    #[test]
    fn an_undotted_numbered_heading_set_apart_follows_its_sequence() {
        assert_eq!(undotted_heading("1 들어가며"), Some((1, "들어가며")));
        assert_eq!(
            undotted_heading("9 이전인 2019년 상반기의 수준까지 회복하였다."),
            None
        );
        let text = "■ 요약 주장임.\n\n1 들어가며\n본문이 시작된다.\n\n2 쟁점\n본문이 이어진다.\n3 이어지는 줄이 아니고\n";
        let layout = analyse(text);
        let headings: Vec<&str> = layout
            .body
            .iter()
            .filter(|l| l.role == Role::Heading)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(headings, ["1. 들어가며", "2. 쟁점"]);
    }

    #[test]
    fn a_short_line_ending_a_sentence_closes_its_paragraph_in_paged_text() {
        let long = "이 줄은 단 너비까지 채워진 본문의 한 줄로서 길이가 충분히 길다";
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str(&format!("{long}\n{long}\n끝나는 짧은 줄이다.\n"));
        }
        text.push_str("\u{0c}다음 쪽\n");
        let layout = analyse(&text);
        let opens: Vec<usize> = (0..layout.body.len())
            .filter(|&i| layout.body[i].opens_paragraph)
            .collect();
        assert!(opens.len() >= 3, "{opens:?}");
        for i in opens {
            assert!(layout.body[i - 1].text.ends_with("짧은 줄이다."));
        }
        // the same lines without pages say nothing by their lengths
        let unpaged = analyse(&text.replace('\u{0c}', ""));
        assert!(unpaged.body.iter().all(|l| !l.opens_paragraph));
    }
}
