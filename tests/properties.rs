//! Property tests: any input, no panic, and the output invariants hold.
mod common;

use kcite::Document;
use proptest::prelude::*;

/// Text made of the characters the parsers care about.
fn report_like() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([가-힣]{1,6}|[0-9]{1,4}|[ ().,;:’\\n]|\\n[0-9]{1,2}\\) |▶ |■ |- |◦ |△ |｢|｣|『|』|“|”|\\[|\\]|2023\\. 8\\. 4\\.|앞의 |위의 글|KIEP){0,120}",
    )
    .expect("strategy")
}

/// The bundled report with lines dropped, doubled and swapped.
fn mutated_report() -> impl Strategy<Value = String> {
    let lines: Vec<String> = std::fs::read_to_string(common::REPORT)
        .expect("report")
        .lines()
        .map(str::to_string)
        .collect();
    let n = lines.len();
    proptest::collection::vec((0..n, 0..3u8), 1..40).prop_map(move |edits| {
        let mut out = lines.clone();
        for (at, op) in edits {
            let at = at % out.len().max(1);
            match op {
                0 if !out.is_empty() => {
                    out.remove(at);
                }
                1 => {
                    let line = out.get(at).cloned().unwrap_or_default();
                    out.insert(at, line);
                }
                _ if !out.is_empty() => {
                    let other = (at * 7 + 3) % out.len();
                    out.swap(at, other);
                }
                _ => {}
            }
        }
        out.join("\n")
    })
}

fn check_invariants(doc: &Document) {
    let violations = doc.invariant_violations();
    assert!(violations.is_empty(), "{violations:?}");
    let json = serde_json::to_string(doc).expect("serialise");
    let back: Document = serde_json::from_str(&json).expect("round trip");
    assert_eq!(&back, doc);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    #[test]
    fn any_text_extracts_without_panic(text in report_like()) {
        match kcite::extract(text.as_bytes(), "p", "p", common::analyzer(), kcite::Limits::default()) {
            Ok(doc) => {
                check_invariants(&doc);
                let again = kcite::extract(text.as_bytes(), "p", "p", common::analyzer(), kcite::Limits::default());
                prop_assert_eq!(Some(&doc), again.as_ref().ok());
            }
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }

    #[test]
    fn any_footnote_parses_without_panic(text in report_like()) {
        let (citations, _) = kcite::citations::parse_footnote(1, &text);
        prop_assert!(!citations.is_empty());
        let texts = vec![text.clone()];
        let marked = kcite::markers::extract(&texts, &(1..20).collect());
        for r in &marked.claims[0].refs {
            prop_assert!(r.offset <= marked.claims[0].text.chars().count());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = kcite::extract(&bytes, "b", "b", common::analyzer(), kcite::Limits::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    #[test]
    fn mutated_reports_keep_the_invariants(text in mutated_report()) {
        let doc = kcite::extract(text.as_bytes(), "m", "m", common::analyzer(), kcite::Limits::default())
            .expect("a mutated report is still text");
        check_invariants(&doc);
    }
}
