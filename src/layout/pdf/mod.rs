//! The PDF front end: a PDF → the same [`Layout`] the text front end makes.
//!
//! In: the bytes of a PDF. Out: a [`Layout`] whose lines carry their page,
//! box and role, with the footnote markers placed from the glyphs, or a
//! [`PdfError`] saying why the file cannot be read.
//!
//! Roles come from geometry, never from a publisher's strings:
//! [`glyphs`] reads every glyph's box, baseline, size and weight;
//! [`segments`] cuts them into runs on one baseline; [`columns`] finds each
//! page's columns and reading order; [`lines`] builds the printed lines and
//! takes superscripts out of the text; [`furniture`] marks what repeats at
//! the same place across pages (running headers, footers, page numbers);
//! [`footnotes`] finds the small-type numbered blocks at the foot of each
//! column or page; [`blocks`] finds tables and figures, headings and the
//! first page's masthead; [`assemble`] numbers the lines in reading order
//! and fills the [`Layout`].

pub mod assemble;
pub mod blocks;
pub mod columns;
pub mod footnotes;
pub mod furniture;
pub mod glyphs;
pub mod lines;
pub mod raised;
pub mod segments;

use std::fmt;

use std::ops::Range;

use super::{Layout, Role, geometry};
use columns::Placement;
use geometry::Ruling;
use glyphs::Page;
use lines::TextLine;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// PDFium could not be found, fetched or loaded.
    Library(String),
    Encrypted,
    Corrupt(String),
    TooManyPages {
        pages: usize,
        limit: usize,
    },
    /// Pages but no text: a scan.
    NoText {
        pages: usize,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Library(err) => write!(f, "cannot read PDFs here: {err}"),
            PdfError::Encrypted => write!(f, "the PDF is encrypted (password protected)"),
            PdfError::Corrupt(why) => write!(f, "the PDF cannot be read: {why}"),
            PdfError::TooManyPages { pages, limit } => write!(
                f,
                "the PDF has {pages} pages, more than the limit of {limit} (--max-pages)"
            ),
            PdfError::NoText { pages } => write!(
                f,
                "no text layer in {pages} page{}: scanned? run OCR first",
                if *pages == 1 { "" } else { "s" }
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Whether the bytes are a PDF: `%PDF-` within the first kilobyte, as
/// readers accept it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Reads a PDF into a layout.
pub fn read(bytes: &[u8], max_pages: usize) -> Result<Layout, PdfError> {
    let pdfium = crate::pdfium::pdfium().map_err(PdfError::Library)?;
    let pages = glyphs::read(pdfium, bytes, max_pages).map_err(|err| match err {
        glyphs::ReadError::Encrypted => PdfError::Encrypted,
        glyphs::ReadError::Corrupt(why) => PdfError::Corrupt(why),
        glyphs::ReadError::TooManyPages { pages, limit } => PdfError::TooManyPages { pages, limit },
    })?;
    if pages.iter().all(|p| p.glyphs.iter().all(|g| g.is_space())) {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    Ok(layout_pages(&pages))
}

/// One printed line placed on its page, with the role the analysis gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// 1-based page.
    pub page: u32,
    /// The region of the page it was read in (index in reading order).
    pub region: usize,
    pub placement: Placement,
    pub line: TextLine,
    pub role: Role,
}

/// What the analysis knows of the whole document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// The size most characters of the document are set in.
    pub body_size: f32,
}

/// The pages' glyphs → a layout. Pure geometry: no PDFium here, so it runs
/// on any glyphs (tests, fuzzing).
pub fn layout_pages(pages: &[Page]) -> Layout {
    let rulings: Vec<Ruling> = pages.iter().map(|p| geometry::ruling(&p.rules)).collect();
    let mut placed = place_lines(pages, &rulings);
    // the body size is the prose's: in a document of many tables, the
    // tables' type would otherwise pass for the body's
    let prose = placed
        .iter()
        .filter(|p| !blocks::is_tabular(p, pages, &rulings))
        .map(|p| (p.line.size, p.line.chars()));
    let everything = placed.iter().map(|p| (p.line.size, p.line.chars()));
    let Some(body_size) = segments::dominant(prose).or_else(|| segments::dominant(everything))
    else {
        return assemble::layout(Vec::new(), Vec::new(), pages.len());
    };
    let metrics = Metrics { body_size };
    furniture::mark(&mut placed, pages);
    blocks::mark_masthead(&mut placed, &metrics);
    blocks::mark_contents(&mut placed);
    // tables by their structure first, so their small type is no footnote
    blocks::mark_tabular(&mut placed, pages, &rulings);
    let labels = footnotes::mark(&mut placed, pages, &rulings, &metrics);
    blocks::mark_captions_and_notes(&mut placed, &metrics);
    blocks::mark_loose_notes(&mut placed);
    blocks::mark_headings(&mut placed, &metrics);
    assemble::layout(placed, labels, pages.len())
}

/// The runs of `placed` read in one region of one page: the lines come in
/// reading order, region after region.
pub fn region_runs(placed: &[Placed]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    while let Some(first) = placed.get(start) {
        let key = (first.page, first.region);
        let end = placed[start..]
            .iter()
            .position(|p| (p.page, p.region) != key)
            .map_or(placed.len(), |k| start + k);
        runs.push(start..end);
        start = end;
    }
    runs
}

/// Every page's lines in reading order, all body until the analysis says
/// otherwise.
fn place_lines(pages: &[Page], rulings: &[Ruling]) -> Vec<Placed> {
    let mut placed = Vec::new();
    for (index, (page, ruling)) in pages.iter().zip(rulings).enumerate() {
        let segs = segments::segments(&page.glyphs);
        let regions = columns::regions(&segs, page.width, page.height, &ruling.tables);
        for (region_index, region) in regions.iter().enumerate() {
            for line in lines::lines(&segs, &region.segments) {
                placed.push(Placed {
                    page: u32::try_from(index + 1).unwrap_or(u32::MAX),
                    region: region_index,
                    placement: region.placement,
                    line,
                    role: Role::Body,
                });
            }
        }
    }
    placed
}

/// A body line for the stages' tests: `text` on `page` in `bbox`, set in
/// `size`, on the baseline such type has.
#[cfg(test)]
pub(crate) fn test_line(page: u32, text: &str, bbox: super::Rect, size: f32) -> Placed {
    Placed {
        page,
        region: 0,
        placement: Placement::Full,
        line: TextLine {
            text: text.to_string(),
            superscripts: Vec::new(),
            bbox,
            baseline: bbox.y0 + 0.88 * size,
            size,
            bold: false,
            gaps: Vec::new(),
            cell_starts: Vec::new(),
        },
        role: Role::Body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_magic_within_the_first_kilobyte() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xef\xbb\xbf  %PDF-1.4"));
        assert!(!is_pdf(b"PDF-1.7 is a format"));
        assert!(!is_pdf(b""));
    }

    #[test]
    fn no_glyphs_make_an_empty_layout() {
        let layout = layout_pages(&[Page::default()]);
        assert!(layout.body.is_empty() && layout.footnotes.is_empty());
        assert_eq!(layout.pages, 1);
    }
}
