//! The footnote parser alone, on arbitrary UTF-8: fast enough to cover the
//! bracket, date and author grammars far more deeply than the whole pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (citations, _) = kcite::citations::parse_footnote(1, text);
    for c in &citations {
        assert!(c.id.starts_with("F1."));
    }
});
