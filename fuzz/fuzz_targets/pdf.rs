//! The PDF front end on arbitrary bytes (read as a PDF whatever they are):
//! PDFium, the layout from geometry and the rest of the pipeline must give a
//! document or an error, never panic, and the document keeps the contract's
//! invariants. Seed it with the PDFs of tests/fixtures/pdf/.
#![no_main]

use std::sync::LazyLock;

use kcite::morphology::Analyzer;
use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| {
    let dir = kcite::dict::ensure_dictionary(None).expect("ko-dic dictionary");
    Analyzer::load(&dir).expect("analyzer")
});

fuzz_target!(|bytes: &[u8]| {
    let mut input;
    let bytes = if kcite::layout::pdf::is_pdf(bytes) {
        bytes
    } else {
        input = b"%PDF-1.7\n".to_vec();
        input.extend_from_slice(bytes);
        &input
    };
    let limits = kcite::Limits {
        max_pages: 50,
        ..kcite::Limits::default()
    };
    let Ok(doc) = kcite::extract(bytes, "fuzz", "fuzz", &ANALYZER, limits) else {
        return;
    };
    let violations = doc.invariant_violations();
    assert!(violations.is_empty(), "{violations:?}");
    serde_json::to_string(&doc).expect("serialisable");
});
