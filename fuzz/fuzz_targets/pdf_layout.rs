//! The layout from geometry on arbitrary glyphs, rules and images (no
//! PDFium): pages built from the bytes go through layout_pages and the rest
//! of the pipeline, which must not panic and must keep the invariants.
//! Each 8-byte record is a glyph (kinds 0–5), a rule (6) or an image (7).
#![no_main]

use std::sync::LazyLock;

use kcite::layout::Rect;
use kcite::layout::pdf::glyphs::{Glyph, Page};
use kcite::morphology::Analyzer;
use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| {
    let dir = kcite::dict::ensure_dictionary(None).expect("ko-dic dictionary");
    Analyzer::load(&dir).expect("analyzer")
});

/// Characters reports print, with the ones the layout reacts to.
const ALPHABET: &[char] = &[
    '가', '나', '다', '북', '한', '의', '을', '이', '다', '.', ',', ' ', ' ', '1', '2', '3', '0',
    ')', '(', '*', '※', '▶', '■', '-', '○', '◦', '｢', '｣', '『', '』', '년', '월', '주', ':', '자',
    '료', '표', '<', '>', '[', ']', 'Ⅰ', 'Ⅱ', '·', '“', '”', 'A', 'b', '%', '~', '①',
];

fn pages(bytes: &[u8]) -> Vec<Page> {
    let count = 1 + usize::from(bytes.first().copied().unwrap_or(0) % 3);
    let mut pages = vec![
        Page {
            width: 595.0,
            height: 842.0,
            ..Page::default()
        };
        count
    ];
    for r in bytes.get(1..).unwrap_or(&[]).chunks_exact(8) {
        let page = &mut pages[usize::from(r[5]) % count];
        let x = f32::from(r[2]) * 2.4;
        let y = f32::from(r[3]) * 3.3;
        let size = 3.0 + f32::from(r[4] % 20);
        match r[0] % 8 {
            6 => {
                let long = 5.0 + f32::from(r[6]) * 2.0;
                let (w, h) = if r[7] % 2 == 0 { (long, 0.5) } else { (0.5, long) };
                page.rules.push(Rect { x0: x, y0: y, x1: x + w, y1: y + h });
            }
            7 => page.images.push(Rect { x0: x, y0: y, x1: x + f32::from(r[6]), y1: y + f32::from(r[7]) }),
            _ => {
                let width = size * (0.3 + f32::from(r[7] % 10) / 10.0);
                page.glyphs.push(Glyph {
                    c: ALPHABET[usize::from(r[1]) % ALPHABET.len()],
                    bbox: Rect { x0: x, y0: y - 0.88 * size, x1: x + width, y1: y + 0.12 * size },
                    baseline: y,
                    size,
                    bold: r[6] & 1 == 1,
                });
            }
        }
    }
    pages
}

fuzz_target!(|bytes: &[u8]| {
    let layout = kcite::layout::pdf::layout_pages(&pages(bytes));
    let name = kcite::pipeline::Naming {
        id: "fuzz",
        source: "fuzz",
        sha256: String::new(),
    };
    let doc = kcite::pipeline::from_layout(layout, &name, &ANALYZER);
    let violations = doc.invariant_violations();
    assert!(violations.is_empty(), "{violations:?}");
});
