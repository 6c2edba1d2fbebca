//! Glyphs: a PDF → every page's glyphs, rules and images as plain geometry.
//!
//! In: the PDF's bytes and the bound PDFium. Out: one [`Page`] per page: its
//! size, the glyphs PDFium extracted (character, box, baseline, size, weight),
//! the thin lines drawn on it (footnote rules, table borders) and the boxes of
//! its images. Coordinates are PDF points with the origin at the top left of
//! the page and y growing downwards, the way a reader scans a page.
//!
//! This is the only part of the PDF front end that talks to PDFium; the rest
//! works on these structs, so it can be tested and fuzzed without the library.

use pdfium_render::prelude::*;

use crate::layout::geometry::Rect;

/// One glyph as printed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub c: char,
    /// The glyph's box: the font's ascent to descent over its advance.
    pub bbox: Rect,
    /// The baseline (y of the glyph's origin).
    pub baseline: f32,
    /// The font size as rendered, in points.
    pub size: f32,
    pub bold: bool,
}

impl Glyph {
    pub fn is_space(&self) -> bool {
        self.c.is_whitespace()
    }
}

/// One page's content.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
    /// Thin lines and hairline boxes: footnote rules, table borders.
    pub rules: Vec<Rect>,
    pub images: Vec<Rect>,
}

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Encrypted,
    Corrupt(String),
    TooManyPages { pages: usize, limit: usize },
}

/// A rule is a path at most this thick (points).
const RULE_THICKNESS: f32 = 2.5;

/// Reads every page of the document, refusing more than `max_pages`.
///
/// PDFium is single-threaded: `pdfium-render` takes a lock around every
/// call. Reading a whole document under one lock of ours keeps threads from
/// taking turns call by call (the layout after it runs in parallel).
pub fn read(pdfium: &Pdfium, bytes: &[u8], max_pages: usize) -> Result<Vec<Page>, ReadError> {
    static ONE_DOCUMENT_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_DOCUMENT_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let document = pdfium
        .load_pdf_from_byte_slice(bytes, None)
        .map_err(load_error)?;
    let pages = document.pages();
    let count = usize::try_from(pages.len()).unwrap_or(0);
    if count > max_pages {
        return Err(ReadError::TooManyPages {
            pages: count,
            limit: max_pages,
        });
    }
    pages
        .iter()
        .map(|page| read_page(&page).map_err(|e| ReadError::Corrupt(format!("{e:?}"))))
        .collect()
}

fn load_error(err: PdfiumError) -> ReadError {
    match err {
        PdfiumError::PdfiumLibraryInternalError(
            PdfiumInternalError::PasswordError | PdfiumInternalError::SecurityError,
        ) => ReadError::Encrypted,
        PdfiumError::PdfiumLibraryInternalError(PdfiumInternalError::FormatError) => {
            ReadError::Corrupt("not a readable PDF (damaged or truncated?)".to_string())
        }
        other => ReadError::Corrupt(format!("{other:?}")),
    }
}

fn read_page(page: &PdfPage) -> Result<Page, PdfiumError> {
    let height = page.height().value;
    let mut out = Page {
        width: page.width().value,
        height,
        ..Page::default()
    };
    let text = page.text()?;
    let mut style = StyleCache::default();
    for ch in text.chars().iter() {
        if ch.is_generated().unwrap_or(true) {
            continue;
        }
        let Some(c) = ch.unicode_char() else { continue };
        let (Ok(bounds), Ok((_, origin_y))) = (ch.loose_bounds(), ch.origin()) else {
            continue;
        };
        let bbox = flip(
            bounds.left().value,
            bounds.top().value,
            bounds.right().value,
            bounds.bottom().value,
            height,
        );
        if !bbox.is_finite() {
            continue;
        }
        let size = ch.scaled_font_size().value;
        out.glyphs.push(Glyph {
            c,
            bbox,
            baseline: height - origin_y.value,
            size: if size.is_finite() { size.abs() } else { 0.0 },
            bold: style.bold(&ch),
        });
    }
    for object in page.objects().iter() {
        // the kind first: the bounds of a text object cost PDFium its glyph
        // outlines, and only rules and images are wanted here
        let kind = object.object_type();
        if !matches!(kind, PdfPageObjectType::Path | PdfPageObjectType::Image) {
            continue;
        }
        let Ok(quad) = object.bounds() else { continue };
        let rect = flip(
            quad.left().value,
            quad.top().value,
            quad.right().value,
            quad.bottom().value,
            height,
        );
        if !rect.is_finite() {
            continue;
        }
        match kind {
            PdfPageObjectType::Path
                if rect.width() <= RULE_THICKNESS || rect.height() <= RULE_THICKNESS =>
            {
                out.rules.push(rect)
            }
            PdfPageObjectType::Image => out.images.push(rect),
            _ => {}
        }
    }
    Ok(out)
}

/// PDF user space (origin bottom left) → top-left origin.
fn flip(left: f32, top: f32, right: f32, bottom: f32, height: f32) -> Rect {
    Rect {
        x0: left.min(right),
        y0: height - top.max(bottom),
        x1: left.max(right),
        y1: height - top.min(bottom),
    }
}

/// Whether glyphs are bold, asked of PDFium once per run of glyphs in the
/// same style rather than once per glyph (the font name is a string).
#[derive(Default)]
struct StyleCache {
    key: Option<(u32, i32, bool)>,
    bold: bool,
}

impl StyleCache {
    fn bold(&mut self, ch: &PdfPageTextChar) -> bool {
        let weight = ch.font_weight().map_or(0, weight_value);
        let stroked = matches!(
            ch.render_mode(),
            Ok(PdfPageTextRenderMode::FilledThenStroked)
        );
        let key = (ch.unscaled_font_size().value.to_bits(), weight, stroked);
        if self.key != Some(key) {
            self.key = Some(key);
            // faked bold (filled and stroked) and a heavy weight are bold;
            // else the font's style name says so (`…-Bold`, `…Bd`, `…-B`)
            self.bold = stroked || weight >= 600 || is_bold_name(&ch.font_name());
        }
        self.bold
    }
}

fn weight_value(weight: PdfFontWeight) -> i32 {
    match weight {
        PdfFontWeight::Weight100 => 100,
        PdfFontWeight::Weight200 => 200,
        PdfFontWeight::Weight300 => 300,
        PdfFontWeight::Weight400Normal => 400,
        PdfFontWeight::Weight500 => 500,
        PdfFontWeight::Weight600 => 600,
        PdfFontWeight::Weight700Bold => 700,
        PdfFontWeight::Weight800 => 800,
        PdfFontWeight::Weight900 => 900,
        PdfFontWeight::Custom(w) => i32::try_from(w).unwrap_or(0),
    }
}

/// The style part of a font name (after the `ABCDEF+` subset prefix) names a
/// bold or heavier face.
fn is_bold_name(name: &str) -> bool {
    let name = name.split_once('+').map_or(name, |(_, rest)| rest);
    let lower = name.to_ascii_lowercase();
    ["bold", "heavy", "black", "bd"]
        .iter()
        .any(|s| lower.contains(s))
        || lower.ends_with("-b")
        || lower.ends_with(",b")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_font_names() {
        for bold in [
            "ABCDEF+NotoSansKR-Bold",
            "X+SomeGothic-B",
            "Serif,Bold",
            "HeiBd",
        ] {
            assert!(is_bold_name(bold), "{bold}");
        }
        for plain in ["ABCDEF+NotoSansKR-Regular", "Batang", "X+Light-Bb"] {
            assert!(!is_bold_name(plain), "{plain}");
        }
    }

    #[test]
    fn flipped_boxes_grow_downwards() {
        let r = flip(10.0, 800.0, 20.0, 790.0, 842.0);
        assert_eq!((r.x0, r.y0, r.x1, r.y1), (10.0, 42.0, 20.0, 52.0));
    }
}
