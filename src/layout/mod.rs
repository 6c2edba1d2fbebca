//! Layout: a report → its body lines, footnotes and page furniture.
//!
//! Two front ends produce the same [`Layout`]: [`text`] reads text that another
//! tool extracted from a PDF (wrapped lines, with the page furniture and the
//! footnote blocks inline), [`pdf`] reads a PDF's glyphs and places them by
//! their geometry. Everything after layout is one path, whichever front end
//! produced it.

mod conventions;
pub mod geometry;
pub mod masthead;
pub mod pdf;
pub mod tables;
pub mod text;

pub use conventions::{bullet_of, ends_sentence, heading_of, is_citation_like, roman_heading_of};
pub use geometry::Rect;
pub use masthead::Masthead;

/// What a line is, as the layout saw it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Role {
    /// Running text: claims are made of these.
    #[default]
    Body,
    /// A heading told by its size or weight (PDF); the text front end tells
    /// headings by their `N.` later, so its lines stay [`Role::Body`].
    Heading,
    /// A footnote's line.
    Footnote,
    /// Repeated page furniture: running headers and footers, page numbers.
    Furniture,
    /// The first page's title block: series, title, date, authors.
    Masthead,
    /// A table's caption, cells or notes.
    Table,
    /// A figure's caption, labels or notes.
    Figure,
    /// A table of contents entry (`제목 ······ 3`).
    Contents,
    /// An unnumbered note at the foot of a page (`* 국회입법조사처 …`, the
    /// author's affiliation): not a footnote, no marker points at it.
    Note,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Body => "body",
            Role::Heading => "heading",
            Role::Footnote => "footnote",
            Role::Furniture => "furniture",
            Role::Masthead => "masthead",
            Role::Table => "table",
            Role::Figure => "figure",
            Role::Contents => "contents",
            Role::Note => "note",
        }
    }
}

/// A footnote marker whose place the layout knows for certain: in a PDF, a
/// number set smaller and raised above the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Byte offset in the line's text where the marker stood.
    pub at: usize,
    pub n: u32,
    pub bbox: Option<Rect>,
}

/// One line as it reaches a later stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// 1-based line number: of the input file for text, of the document in
    /// reading order (as `kcite text` prints it) for a PDF.
    pub number: usize,
    /// The line as printed, without its markers; trailing spaces kept (they
    /// are a reflow signal).
    pub text: String,
    /// 1-based page.
    pub page: u32,
    pub role: Role,
    /// Where the line is printed (PDF only).
    pub bbox: Option<Rect>,
    /// Markers taken out of the text (PDF only; the text front end leaves
    /// `N)` in the text for the markers stage to find).
    pub markers: Vec<Marker>,
    /// The layout saw a paragraph start here (PDF: a first-line indent).
    pub opens_paragraph: bool,
}

/// The lines of one footnote; the first has its `N)` label removed.
#[derive(Debug, Clone, PartialEq)]
pub struct FootnoteLines {
    pub n: u32,
    pub page: u32,
    pub lines: Vec<Line>,
}

/// The output of the layout stage.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Body and heading lines in reading order.
    pub body: Vec<Line>,
    pub footnotes: Vec<FootnoteLines>,
    /// Footnotes printed twice word for word: (number, line of the repeat).
    /// The repeat is dropped, not folded into the footnote's text.
    pub repeated_footnotes: Vec<(u32, usize)>,
    /// Tables and figures, each with its caption, cells, notes and sources.
    pub blocks: Vec<tables::Block>,
    /// Every other line (furniture, masthead, notes), with its role.
    pub other: Vec<Line>,
    /// What the masthead and the running furniture say of the document.
    pub masthead: Masthead,
    pub pages: u32,
    /// Whether a space printed at the end of a line marks a break between
    /// words (see [`crate::reflow::Breaks`]).
    pub spaces_printed: bool,
    /// Which front end read the document. A PDF's markers are placed by the
    /// layout ([`Line::markers`]); text leaves them for the markers stage.
    pub format: Format,
}

/// What a document was read from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    /// Text extracted from a PDF by another tool.
    #[default]
    Text,
    /// The PDF itself.
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Pdf => "pdf",
        }
    }
}

impl Layout {
    /// Every line in reading order with its role: what the layout saw.
    pub fn transcript(&self) -> Vec<&Line> {
        let mut all: Vec<&Line> = self
            .body
            .iter()
            .chain(self.footnotes.iter().flat_map(|f| &f.lines))
            .chain(self.blocks.iter().flat_map(|b| &b.lines))
            .chain(&self.other)
            .collect();
        all.sort_by_key(|l| l.number);
        all
    }
}
