//! The whole per-document pipeline on arbitrary bytes: it must return a
//! document or an error, never panic, and the document must keep the
//! contract's invariants (`Document::invariant_violations`).
#![no_main]

use std::sync::LazyLock;

use kcite::morphology::Analyzer;
use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<Analyzer> = LazyLock::new(|| {
    let dir = kcite::dict::ensure_dictionary(None).expect("ko-dic dictionary");
    Analyzer::load(&dir).expect("analyzer")
});

fuzz_target!(|bytes: &[u8]| {
    let Ok(doc) = kcite::extract(bytes, "fuzz", "fuzz", &ANALYZER, kcite::Limits::default())
    else {
        return;
    };
    let violations = doc.invariant_violations();
    assert!(violations.is_empty(), "{violations:?}");
    serde_json::to_string(&doc).expect("serialisable");
});
