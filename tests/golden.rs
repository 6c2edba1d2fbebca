//! The outputs byte for byte: every report under corpus/ and tests/fixtures/
//! (text and PDF, the files `kcite extract` would read) against its JSON in
//! tests/golden/. A change to any output fails here and names the first line
//! that differs. When the change is meant, rewrite the files with
//!
//!     KCITE_BLESS=1 cargo test --release --test golden
//!
//! and let the diff of tests/golden/ show what changed in the commit. A
//! refactoring or an optimisation must leave them as they are.
mod common;

use std::path::{Path, PathBuf};

/// The inputs: reports directly in these directories, in name order.
const DIRS: &[&str] = &[
    "corpus",
    "tests/fixtures",
    "tests/fixtures/masthead",
    "tests/fixtures/pdf",
    "tests/fixtures/engines",
];

fn inputs() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = DIRS
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).expect("input directory"))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "pdf"))
        .collect();
    out.sort();
    out
}

/// `tests/fixtures/pdf/brief-two-column.pdf` → `tests/golden/tests-fixtures-pdf-brief-two-column.json`.
fn golden_path(input: &Path) -> PathBuf {
    let name = input
        .with_extension("")
        .to_string_lossy()
        .replace(['/', '\\'], "-");
    Path::new("tests/golden").join(format!("{name}.json"))
}

#[test]
fn every_output_is_as_committed() {
    let bless = std::env::var_os("KCITE_BLESS").is_some();
    let inputs = inputs();
    assert!(inputs.len() >= 10, "inputs: {inputs:?}");
    let mut changed = Vec::new();
    for input in &inputs {
        let source = input.to_string_lossy();
        let bytes = std::fs::read(input).expect("read");
        let id = input
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let doc = kcite::extract(
            &bytes,
            &id,
            &source,
            common::analyzer(),
            kcite::Limits::default(),
        )
        .expect("extract");
        let json = kcite::output::to_json(&doc);
        let golden = golden_path(input);
        if bless {
            std::fs::create_dir_all("tests/golden").expect("golden directory");
            std::fs::write(&golden, &json).expect("write golden");
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&golden) else {
            changed.push(format!("{}: no {}", source, golden.display()));
            continue;
        };
        if expected != json {
            let (line, (want, got)) = expected
                .lines()
                .zip(json.lines())
                .enumerate()
                .find(|(_, (a, b))| a != b)
                .unwrap_or((
                    expected.lines().count().min(json.lines().count()),
                    ("(end)", "(end)"),
                ));
            changed.push(format!(
                "{source}, line {}:\n  committed: {want}\n  now:       {got}",
                line + 1
            ));
        }
    }
    assert!(
        changed.is_empty(),
        "outputs differ from tests/golden/ (KCITE_BLESS=1 rewrites them when meant):\n{}",
        changed.join("\n")
    );
}
