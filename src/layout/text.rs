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

mod furniture;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::conventions::*;
use super::masthead::{self, Cue, Place};
use super::tables::{self, Kind};
use super::{FootnoteLines, Format, Layout, Line, Role};

static FOOTNOTE_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(\d{1,3})\)\s*(\S.*)$").expect("regex"));
static ISSUE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?$").expect("regex")
});
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–—\s]*(\d{1,3})[-–—\s]*$").expect("regex"));
static GLUED_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,7})(\D.*)$").expect("regex"));
static TRAILING_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\D.*?)\s*(\d{1,3})$").expect("regex"));

/// An author's or editor's note: `* 국회입법조사처 …`.
static NOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*[*†‡]+\s+\S").expect("regex"));

/// A title block line is at most this long, and the block this many lines.
const TITLE_BLOCK_CHARS: usize = 60;
const TITLE_BLOCK_LINES: usize = 8;

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
    mark_paragraph_starts(&mut builder.body);
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

/// Marks the lines of tables and figures: from a caption (or a unit line, or
/// two rows of figures) down through unit lines, rows of figures, short cell
/// lines and header rows that lead to them, and the block's own notes and
/// sources, with the lines that continue them (a note's own `2)` after its
/// `1)` included).
fn find_blocks(lines: &[&str], furniture: &[bool]) -> Vec<Option<Kind>> {
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
fn caption_of(text: &str) -> Option<Kind> {
    let kind = tables::caption_kind(text)?;
    let after = text
        .find([']', '>', '〉', '】', '》', '〕'])
        .map(|at| text[at..].chars().nth(1));
    let reference = after.flatten().is_some_and(crate::hangul::is_syllable);
    (!reference && !ends_sentence(text)).then_some(kind)
}

/// A justified column's lines run to its width but a paragraph's last:
/// a line that ends a sentence well short of the usual length closes its
/// paragraph, and the body line after it opens one (prose without bullets
/// or indents, as pdftotext prints it).
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

/// A line that opens something of its own: a bullet, a heading, a footnote.
fn starts_anew(t: &str) -> bool {
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

/// The first page's title block: its lines, and among them the title's.
#[derive(Debug, Default)]
struct TitleBlock {
    lines: Vec<usize>,
    /// The lines right above the first authors' line, in the same run of
    /// lines (no blank between), less those that carry a date or a number.
    title: Vec<usize>,
}

/// The first page's title block: the short lines that open the document
/// before its running text (a bullet, a heading, a long or finished line;
/// an authors' line of any length belongs to it), less the one right above
/// the first bullet, which names the block it opens (`주요 내용`). Empty
/// when the opening runs long: that is text, not a masthead.
fn title_block(lines: &[&str], furniture: &[bool]) -> TitleBlock {
    let mut block = Vec::new();
    let mut next = None;
    for (index, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() || furniture[index] {
            continue;
        }
        // a byline may run long; a date's final point ends no sentence
        let byline = masthead::is_authors_line(t);
        let body = bullet_of(t).is_some()
            || heading_of(line).is_some()
            || FOOTNOTE_START.is_match(t)
            || (t.chars().count() > TITLE_BLOCK_CHARS && !byline)
            || (ends_sentence(t) && !byline && !masthead::names_an_issue(t));
        if body {
            next = Some(t);
            break;
        }
        block.push(index);
        if block.len() > TITLE_BLOCK_LINES {
            return TitleBlock::default();
        }
    }
    let names_a_block = |&i: &usize| !masthead::is_authors_line(lines[i].trim());
    if next.is_some_and(|t| bullet_of(t).is_some()) && block.last().is_some_and(names_a_block) {
        block.pop();
    }
    let title = title_lines(lines, &block);
    TitleBlock {
        lines: block,
        title,
    }
}

/// The title's lines: those right above the first authors' line, up the
/// run of lines it stands in (a blank line or a furniture line ends it).
fn title_lines(lines: &[&str], block: &[usize]) -> Vec<usize> {
    let Some(authors) = block
        .iter()
        .position(|&i| masthead::is_authors_line(lines[i].trim()))
    else {
        return Vec::new();
    };
    let mut title = Vec::new();
    let mut below = block[authors];
    for &i in block[..authors].iter().rev() {
        let t = lines[i].trim();
        if i + 1 != below || masthead::names_an_issue(t) || title.len() == MAX_TITLE_LINES {
            break;
        }
        title.push(i);
        below = i;
    }
    title.reverse();
    title
}

/// Whether a number glued to a running line can be its page's number
/// (printed numbers may count a cover or two less or more than the text's
/// pages); `Vol. 321` in a head is not.
fn near_page(number: u32, page: u32) -> bool {
    number.abs_diff(page) <= 2
}

/// A printed title takes at most this many lines.
const MAX_TITLE_LINES: usize = 3;

/// What names the document: the title block's lines and the furniture the
/// document opens with, then the running furniture (a running title with
/// its glued page number told apart). In text without pages, short
/// furniture lines in a row are joined into one; with pages each line of a
/// head stands alone.
fn cues(lines: &[&str], furniture: &[bool], top: &TitleBlock, page_of: Option<&[u32]>) -> Vec<Cue> {
    let cue = |text: String, place: Place| Cue {
        text,
        size: None,
        place,
    };
    let opening = (0..lines.len())
        .find(|&i| !lines[i].trim().is_empty() && !furniture[i] && !top.lines.contains(&i))
        .unwrap_or(lines.len());
    let mut out = Vec::new();
    let mut cluster: Vec<&str> = Vec::new();
    let flush = |cluster: &mut Vec<&str>, out: &mut Vec<Cue>| {
        if !cluster.is_empty() {
            out.push(cue(cluster.join(" "), Place::Running));
            cluster.clear();
        }
    };
    for (index, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if top.title.contains(&index) {
            out.push(cue(t.to_string(), Place::TopTitle));
        } else if top.lines.contains(&index) || (furniture[index] && index < opening) {
            out.push(cue(t.to_string(), Place::Top));
        } else if !furniture[index] {
            flush(&mut cluster, &mut out);
        } else if ISSUE_DATE.is_match(t) || PAGE_NUMBER.is_match(t) {
            flush(&mut cluster, &mut out);
            out.push(cue(t.to_string(), Place::Running));
        } else if let Some((page, title)) = split_page_number(t)
            .filter(|&(n, _)| page_of.is_none_or(|pages| near_page(n, pages[index])))
        {
            out.push(cue(page.to_string(), Place::Running));
            out.push(cue(title, Place::RunningTitle));
        } else if page_of.is_none() {
            cluster.extend(t.split_whitespace());
        } else {
            out.push(cue(t.to_string(), Place::Running));
        }
    }
    flush(&mut cluster, &mut out);
    out
}

/// `72023년 제목` → (7, `2023년 제목`); `제목 12` → (12, `제목`). A digit run
/// longer than a page number ends in a year when the title starts with one.
fn split_page_number(text: &str) -> Option<(u32, String)> {
    if let Some(caps) = GLUED_PAGE.captures(text) {
        let digits = &caps[1];
        let rest = &caps[2];
        let (page, title) = if digits.len() > 4 && rest.starts_with('년') {
            let cut = digits.len() - 4;
            (&digits[..cut], format!("{}{}", &digits[cut..], rest))
        } else if digits.len() <= 3 && !rest.starts_with(['.', ')', ' ', '년', '월', '일']) {
            (digits, rest.to_string())
        } else {
            return None;
        };
        if page.len() > 3 || title.trim().chars().count() < 4 {
            return None;
        }
        return Some((page.parse().ok()?, title.trim().to_string()));
    }
    let caps = TRAILING_PAGE.captures(text)?;
    let title = caps[1].trim();
    (title.chars().count() >= 4).then(|| Some((caps[2].parse().ok()?, title.to_string())))?
}

#[cfg(test)]
mod tests {
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
            2) Hartley, J. (2022), “Housing Cycles,” Journal.\n\u{0c}-2-\n";
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
}
