//! Inputs found by fuzzing (`fuzz/`), kept as tests: each must extract or fail
//! with an error, never panic, and a document must keep the contract's
//! invariants. A crash the fuzzer finds goes into `tests/regressions/`.
mod common;

#[test]
fn every_kept_fuzz_input_extracts_or_fails_cleanly() {
    let mut inputs: Vec<std::path::PathBuf> = std::fs::read_dir("tests/regressions")
        .expect("tests/regressions")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    for path in inputs {
        let bytes = std::fs::read(&path).expect("read");
        match kcite::extract(
            &bytes,
            "regression",
            "regression",
            common::analyzer(),
            kcite::Limits::default(),
        ) {
            Ok(doc) => {
                let violations = doc.invariant_violations();
                assert!(violations.is_empty(), "{}: {violations:?}", path.display());
            }
            Err(err) => assert!(!err.to_string().is_empty(), "{}", path.display()),
        }
    }
}
