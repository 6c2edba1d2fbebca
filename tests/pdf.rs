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

fn brief() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| common::extract_file("tests/fixtures/pdf/brief-two-column.pdf"))
}

/// The same brief with its footnotes at the page's foot across both columns.
fn brief_page_notes() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| common::extract_file("tests/fixtures/pdf/brief-page-notes.pdf"))
}

/// Both layouts of the brief, named.
fn briefs() -> [(&'static str, &'static Document); 2] {
    [("column feet", brief()), ("page feet", brief_page_notes())]
}

/// What tests/fixtures/pdf/brief.py wrote into the brief (the same for both
/// layouts).
fn brief_expected() -> serde_json::Value {
    let text = std::fs::read_to_string("tests/fixtures/pdf/brief-two-column.json").expect("json");
    serde_json::from_str(&text).expect("json")
}

#[test]
fn two_column_brief_footnotes_are_read_exactly() {
    let expected = brief_expected();
    let footnotes = expected["footnotes"].as_object().expect("footnotes");
    for (layout, doc) in briefs() {
        assert_eq!(doc.footnotes.len(), footnotes.len(), "{layout}");
        for f in &doc.footnotes {
            let want = footnotes[&f.n.to_string()].as_str().expect("text").trim();
            assert_eq!(f.text, want, "{layout}: footnote {}", f.n);
        }
    }
    // footnote 4 runs on from the left column's foot into the right one's,
    // and its own items 1) 2) start no footnote
    let four = brief()
        .footnotes
        .iter()
        .find(|f| f.n == 4)
        .expect("footnote 4");
    let (first, last) = (four.boxes[0], four.boxes[four.boxes.len() - 1]);
    assert!(
        first.bbox[0] < 100.0 && last.bbox[0] > 300.0,
        "{:?}",
        four.boxes
    );
    // at the page's foot, a long footnote runs across the gutter
    let two = brief_page_notes()
        .footnotes
        .iter()
        .find(|f| f.n == 2)
        .expect("footnote 2");
    assert!(
        two.boxes[0].bbox[0] < 100.0 && two.boxes[0].bbox[2] > 320.0,
        "{:?}",
        two.boxes
    );
}

#[test]
fn two_column_brief_markers_once_each_in_order() {
    for (layout, doc) in briefs() {
        markers_once_each_in_order(layout, doc);
    }
}

fn markers_once_each_in_order(layout: &str, doc: &Document) {
    let refs: Vec<u32> = doc
        .claims
        .iter()
        .flat_map(|c| c.footnote_refs.iter().map(|r| r.n))
        .collect();
    assert_eq!(refs, (1..=11).collect::<Vec<_>>(), "{layout}");
    // each on the claim the brief puts it in
    let expected = brief_expected();
    for claim in expected["claims"].as_array().expect("claims") {
        let want: Vec<u64> = claim["footnotes"]
            .as_array()
            .expect("numbers")
            .iter()
            .filter_map(|n| n.as_u64())
            .collect();
        if want.is_empty() {
            continue;
        }
        let found = doc
            .claims
            .iter()
            .find(|c| {
                c.footnote_refs
                    .first()
                    .is_some_and(|r| u64::from(r.n) == want[0])
            })
            .expect("claim with the marker");
        let text = claim["text"].as_str().expect("text");
        let head: String = text.chars().take(12).collect();
        assert!(
            found.text.starts_with(&head),
            "{layout}: {} vs {}",
            found.text,
            text
        );
    }
    // the table's own notes 1) 2) are no markers and stay out of the claims
    assert!(
        doc.claims
            .iter()
            .all(|c| !c.text.contains("527") && !c.text.contains("주:"))
    );
}

#[test]
fn two_column_brief_claims_in_reading_order() {
    for (layout, doc) in briefs() {
        claims_in_reading_order(layout, doc);
    }
}

fn claims_in_reading_order(layout: &str, doc: &Document) {
    let expected = brief_expected();
    let want: Vec<&str> = expected["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    assert_eq!(doc.claims.len(), want.len(), "{layout}");
    // Words cut at a syllable with no space printed: all but two breaks
    // (after a one-syllable bound noun) are joined as written.
    let exact = doc
        .claims
        .iter()
        .zip(&want)
        .filter(|(c, w)| c.text == **w)
        .count();
    assert!(
        exact >= want.len() - 2,
        "{layout}: {exact} of {} exact",
        want.len()
    );
    for (claim, w) in doc.claims.iter().zip(&want) {
        let squash = |t: &str| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squash(&claim.text), squash(w), "{layout}: {}", claim.id);
    }
    let sections: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| s.title.as_deref())
        .collect();
    assert_eq!(
        sections,
        [
            "들어가며",
            "주요국의 지원 정책",
            "한국의 현황과 쟁점",
            "정책 과제"
        ],
        "{layout}"
    );
}

#[test]
fn two_column_brief_masthead() {
    for (layout, doc) in briefs() {
        let d = &doc.document;
        assert_eq!(d.date.as_deref(), Some("2024-03-15"), "{layout}");
        assert_eq!(
            d.title.as_deref(),
            Some("반도체 공급망 재편과 한국의 대응 과제"),
            "{layout}"
        );
        assert_eq!(d.pages, 2, "{layout}");
    }
}

#[test]
fn unreadable_pdfs_are_refused_with_a_reason() {
    let cases = [
        ("encrypted.pdf", "encrypted"),
        (
            "scanned.pdf",
            "no text layer in 1 page: scanned? run OCR first",
        ),
        ("truncated.pdf", "cannot be read"),
    ];
    for (file, why) in cases {
        let bytes = std::fs::read(format!("tests/fixtures/pdf/bad/{file}")).expect("read");
        let err = kcite::extract(
            &bytes,
            "x",
            file,
            common::analyzer(),
            kcite::Limits::default(),
        )
        .expect_err(file);
        assert!(err.to_string().contains(why), "{file}: {err}");
    }
    let bytes = std::fs::read("tests/fixtures/pdf/brief-two-column.pdf").expect("read");
    let limits = kcite::Limits {
        max_pages: 1,
        ..kcite::Limits::default()
    };
    let err = kcite::extract(&bytes, "x", "x", common::analyzer(), limits).expect_err("pages");
    assert!(
        err.to_string()
            .contains("2 pages, more than the limit of 1"),
        "{err}"
    );
}

#[test]
fn damaged_pdfs_never_panic() {
    // every prefix and a few corruptions of a real PDF: a document or an error
    let bytes = std::fs::read("tests/fixtures/pdf/brief-two-column.pdf").expect("read");
    for cut in (0..bytes.len()).step_by(bytes.len() / 23) {
        let _ = kcite::extract(
            &bytes[..cut],
            "x",
            "x",
            common::analyzer(),
            kcite::Limits::default(),
        );
    }
    let mut flipped = bytes.clone();
    for i in (400..flipped.len()).step_by(997) {
        flipped[i] ^= 0x5a;
    }
    let _ = kcite::extract(
        &flipped,
        "x",
        "x",
        common::analyzer(),
        kcite::Limits::default(),
    );
}

/// tests/fixtures/pdf/boxes.py: a summary in a frame of four edges is prose,
/// a ruled table stays a table, footnotes are read under their rule; on a
/// page where a table's small type outnumbers the prose, the prose is still
/// the body; a pledge's `1.`, `2.` under a rule that no marker calls are no
/// footnotes.
#[test]
fn frames_forms_and_tables_in_small_type() {
    let doc = common::extract_file("tests/fixtures/pdf/boxes-and-forms.pdf");
    let text = std::fs::read_to_string("tests/fixtures/pdf/boxes-and-forms.json").expect("json");
    let expected: serde_json::Value = serde_json::from_str(&text).expect("json");
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    let want: Vec<&str> = expected["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert_eq!(
        texts.get(..want.len()),
        Some(&want[..]),
        "the framed summary and page 2's prose are claims"
    );
    let footnotes: Vec<(u32, &str)> = doc
        .footnotes
        .iter()
        .map(|f| (f.n, f.text.as_str()))
        .collect();
    let want_notes = expected["footnotes"].as_array().expect("footnotes");
    assert_eq!(
        footnotes.len(),
        2,
        "the pledge's items are no footnotes: {footnotes:?}"
    );
    for ((n, text), want) in footnotes.iter().zip(want_notes) {
        assert_eq!(Some(*text), want.as_str(), "footnote {n}");
    }
    for (n, claim) in expected["markers"].as_object().expect("markers") {
        let n: u32 = n.parse().expect("number");
        let marked: Vec<&str> = doc
            .claims
            .iter()
            .filter(|c| c.footnote_refs.iter().any(|r| r.n == n))
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(marked, [claim.as_str().unwrap_or_default()], "marker {n}");
    }
    assert_eq!(doc.tables.len(), 2, "the ruled table and page 2's grid");
    assert_eq!(
        doc.tables[0].caption.as_deref(),
        Some("<표 1> 대중 수출 품목별 증감률")
    );
    assert!(
        doc.claims.iter().all(|c| !c.text.contains("증감률")),
        "no table in a claim"
    );
    assert_eq!(doc.document.title.as_deref(), Some("대중 수출 동향과 전망"));
    assert_eq!(doc.document.date.as_deref(), Some("2024-02-15"));
    assert!(doc.findings.is_empty(), "{:?}", doc.findings);
}
