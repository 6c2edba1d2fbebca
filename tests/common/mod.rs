//! Shared by the integration tests: one analyzer per test binary.
#![allow(dead_code)]
use std::sync::OnceLock;

use kcite::Document;
use kcite::morphology::Analyzer;

pub fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let dir = kcite::dict::ensure_dictionary(None).expect("dictionary");
        Analyzer::load(&dir).expect("analyzer")
    })
}

pub fn extract_text(text: &str, id: &str) -> Document {
    kcite::extract(
        text.as_bytes(),
        id,
        id,
        analyzer(),
        kcite::Limits::default(),
    )
    .expect("extract")
}

pub fn extract_file(path: &str) -> Document {
    let bytes = std::fs::read(path).expect("read");
    kcite::extract(&bytes, "doc", path, analyzer(), kcite::Limits::default()).expect("extract")
}

pub const REPORT: &str = "corpus/kiep-focus-2024-02-01-nk-external-relations.txt";

/// The claims of the document's summary sections, in order.
pub fn summary_claims(doc: &Document) -> Vec<&kcite::model::Claim> {
    doc.claims
        .iter()
        .filter(|c| doc.sections.iter().any(|s| s.summary && s.id == c.section))
        .collect()
}

/// The citation ids of the findings of one kind, in order.
pub fn cited_in_findings<'a>(doc: &'a Document, kind: &str) -> Vec<&'a str> {
    doc.findings
        .iter()
        .filter(|f| f.kind == kind)
        .filter_map(|f| f.citation.as_deref())
        .collect()
}

/// Fails with the command's stderr unless it succeeded.
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
