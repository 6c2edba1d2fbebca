//! Nothing silently dropped: every printed line of a PDF ends in one place
//! (a claim, a heading, a footnote, a table or figure, the masthead or the
//! furniture). Run over every PDF fixture (the repository's own and the real
//! engines' in `tests/fixtures/engines`) and over the dev set when it is here
//! (`$KCITE_DEVSET`, `../shared/devset` or `/work/shared/devset`).
mod common;

use std::path::{Path, PathBuf};

use kcite::audit::accounting::{self, Unplaced};
use kcite::pipeline::{self, Naming};
use kcite::{Document, Limits};

/// The layout of the PDF and the document made from it.
fn read(path: &Path) -> (kcite::layout::Layout, Document) {
    let bytes = std::fs::read(path).expect("read");
    let layout = pipeline::read_layout(&bytes, Limits::default()).expect("layout");
    let name = Naming {
        id: "doc",
        source: "doc",
        sha256: String::new(),
    };
    let document = pipeline::from_layout(layout.clone(), &name, common::analyzer());
    (layout, document)
}

/// The PDFs under `dir`, recursively, except the deliberately broken ones.
fn pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bad") {
                out.extend(pdfs(&path));
            }
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Every file's unplaced lines, one message per file that has any.
fn lost_in(files: &[PathBuf]) -> Vec<String> {
    let mut lost = Vec::new();
    for path in files {
        let (layout, document) = read(path);
        let unplaced: Vec<Unplaced> = accounting::unplaced(&layout, &document);
        if !unplaced.is_empty() {
            let lines: Vec<String> = unplaced
                .iter()
                .map(|u| {
                    format!(
                        "  line {} (p. {}, {:?}): {}",
                        u.line, u.page, u.role, u.text
                    )
                })
                .collect();
            lost.push(format!("{}:\n{}", path.display(), lines.join("\n")));
        }
        // and the document says so wherever it cannot place text
        let pages_found = document
            .findings
            .iter()
            .filter(|f| f.kind == "unplaced_text")
            .count();
        let mut pages: Vec<u32> = unplaced.iter().map(|u| u.page).collect();
        pages.dedup();
        assert_eq!(pages_found, pages.len(), "{}", path.display());
    }
    lost
}

#[test]
fn every_line_of_the_pdf_fixtures_is_placed() {
    let files = pdfs(Path::new("tests/fixtures"));
    assert!(files.len() >= 10, "PDF fixtures: {files:?}");
    let lost = lost_in(&files);
    assert!(lost.is_empty(), "text placed nowhere:\n{}", lost.join("\n"));
}

#[test]
fn every_line_of_the_dev_set_is_placed() {
    let dir = [
        std::env::var_os("KCITE_DEVSET").map(PathBuf::from),
        Some(PathBuf::from("../shared/devset")),
        Some(PathBuf::from("/work/shared/devset")),
    ]
    .into_iter()
    .flatten()
    .find(|d| d.is_dir());
    let Some(dir) = dir else {
        println!(
            "dev-set accounting skipped: no dev set at $KCITE_DEVSET, ../shared/devset or /work/shared/devset"
        );
        return;
    };
    let files = pdfs(&dir);
    assert!(!files.is_empty(), "no PDF in {}", dir.display());
    let lost = lost_in(&files);
    assert!(lost.is_empty(), "text placed nowhere:\n{}", lost.join("\n"));
}

#[test]
fn a_claim_taken_away_is_found_unplaced() {
    // the check is no formality: drop a claim and its lines show up
    let (layout, mut document) = read(Path::new("tests/fixtures/engines/lo-offshore-wind.pdf"));
    let longest = document
        .claims
        .iter()
        .enumerate()
        .max_by_key(|(_, c)| c.text.len())
        .map(|(i, _)| i)
        .expect("claims");
    let taken = document.claims.remove(longest);
    let unplaced = accounting::unplaced(&layout, &document);
    assert!(!unplaced.is_empty(), "nothing missed without {}", taken.id);
    assert!(
        unplaced
            .iter()
            .all(|u| u.page == taken.page || u.page == taken.page + 1)
    );
}
