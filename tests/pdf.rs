//! The PDF front end on PDFs made to look like the real thing
//! (tests/fixtures/pdf/generate.py) and on broken ones.
mod common;

use std::collections::BTreeMap;

use kcite::Document;

fn typeset() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| common::extract_file("tests/fixtures/pdf/kiep-focus-typeset.pdf"))
}

fn text_route() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| common::extract_file(common::REPORT))
}

#[test]
fn typeset_report_gives_the_text_routes_footnotes() {
    let (pdf, text) = (typeset(), text_route());
    assert_eq!(pdf.document.format, "pdf");
    let texts = |d: &Document| -> BTreeMap<u32, String> {
        d.footnotes.iter().map(|f| (f.n, f.text.clone())).collect()
    };
    assert_eq!(pdf.footnotes.len(), 65);
    assert_eq!(texts(pdf), texts(text));
}

#[test]
fn typeset_report_gives_the_text_routes_claims_and_markers() {
    let (pdf, text) = (typeset(), text_route());
    let claims = |d: &Document| -> Vec<(String, Vec<(u32, usize)>)> {
        d.claims
            .iter()
            .map(|c| {
                let refs = c.footnote_refs.iter().map(|r| (r.n, r.offset)).collect();
                (c.text.clone(), refs)
            })
            .collect()
    };
    assert_eq!(claims(pdf), claims(text));
    let markers: Vec<u32> = pdf
        .claims
        .iter()
        .flat_map(|c| c.footnote_refs.iter().map(|r| r.n))
        .collect();
    assert_eq!(markers, (1..=65).collect::<Vec<_>>());
    assert!(
        !pdf.findings
            .iter()
            .any(|f| f.kind.contains("marker") || f.kind.contains("footnote")),
        "no marker or footnote finding"
    );
}

#[test]
fn typeset_report_reads_the_masthead_and_furniture() {
    let (pdf, text) = (&typeset().document, &text_route().document);
    assert_eq!(pdf.series, text.series);
    assert_eq!(pdf.date, text.date);
    assert_eq!(pdf.title, text.title);
    assert_eq!(pdf.pages, 14);
    for claim in &typeset().claims {
        for junk in ["KIEP", "- 3 -", "포커스 "] {
            assert!(!claim.text.contains(junk), "{}: {}", claim.id, claim.text);
        }
    }
    let sections = |d: &Document| -> Vec<Option<String>> {
        d.sections.iter().map(|s| s.title.clone()).collect()
    };
    assert_eq!(sections(typeset()), sections(text_route()));
}

#[test]
fn positions_of_claims_footnotes_and_markers() {
    let doc = typeset();
    for claim in &doc.claims {
        assert!(!claim.boxes.is_empty(), "{} has no box", claim.id);
        assert_eq!(claim.boxes[0].page, claim.page, "{}", claim.id);
        for b in &claim.boxes {
            let [x0, y0, x1, y1] = b.bbox;
            assert!(x0 < x1 && y0 < y1 && x1 <= 595.0 && y1 <= 842.0, "{b:?}");
        }
        for r in &claim.footnote_refs {
            let [x0, y0, _, _] = r.bbox.expect("marker box");
            let page = r.page.expect("marker page");
            // the marker sits on one of its claim's lines, raised
            assert!(
                claim.boxes.iter().any(|b| b.page == page
                    && b.bbox[0] <= x0
                    && y0 >= b.bbox[1] - 2.0
                    && y0 <= b.bbox[3]),
                "{} marker {} at {:?} off its lines",
                claim.id,
                r.n,
                r.bbox
            );
        }
    }
    for footnote in &doc.footnotes {
        assert!(!footnote.boxes.is_empty(), "footnote {}", footnote.n);
        // footnotes sit in the lower part of their page
        assert!(footnote.boxes[0].bbox[1] > 400.0, "footnote {}", footnote.n);
    }
}
