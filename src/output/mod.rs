//! Output: extracted documents in, what kcite writes out.
//!
//! - [`to_json`]: a document as the JSON of docs/SCHEMA.md (`<id>.json`, and
//!   what `kcite extract` prints);
//! - [`tables`]: the corpus tables of a batch, from the typed rows of
//!   [`rows`] (`claims.jsonl`, `summary.json`), [`links`] (`links.csv`) and
//!   [`csl`] (`citations.csl.json`);
//! - [`audit_report`]: `kcite audit`, as terminal text or JSON;
//! - [`html`]: `kcite report`, one self-contained page;
//! - [`transcript`]: `kcite text`, what the layout saw line by line.
//!
//! Nothing here runs the pipeline: every writer takes a finished
//! [`Document`] (or, for the transcript, a [`crate::layout::Layout`]).

pub mod audit_report;
pub mod csl;
pub mod html;
pub mod links;
pub mod rows;
pub mod tables;
pub mod transcript;

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use crate::model::Document;

/// An input that could not be extracted: its path as given and why, in the
/// one line a user reads after the path (`no such file or directory`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub source: String,
    pub error: String,
}

/// The document as pretty JSON with a final newline.
pub fn to_json(document: &Document) -> String {
    let mut json = serde_json::to_string_pretty(document).unwrap_or_default();
    json.push('\n');
    json
}

/// Writes `bytes` to `path` through a temporary file and a rename, so an
/// interrupted run never leaves a truncated file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)
}
