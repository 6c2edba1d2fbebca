//! The corpus tables: `claims.jsonl`, `links.csv`, `citations.csl.json` and
//! `summary.json`, written in input order by one thread from the rows each
//! document contributes, so the bytes are the same whatever the job count and
//! only rows (never whole documents) wait in memory.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result};

use super::links::{LINKS_HEADER, csv_row};
use super::rows::{ClaimRow, DocumentRow, FailedRow, Summary};
use super::{Failure, csl, links, write_atomically};
use crate::model::{Document, Severity};

/// What a batch produced besides its files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub failures: Vec<Failure>,
    /// Findings of severity warning or error, over all documents.
    pub warnings: usize,
    /// Documents that did not read as reports (`layout_unrecognised`):
    /// written all the same, with the finding's message.
    pub unrecognised: Vec<Failure>,
}

/// The rows one document contributes to the corpus tables.
pub struct Rows {
    claims: Vec<String>,
    links: Vec<String>,
    csl: Vec<String>,
    summary: DocumentRow,
    warnings: usize,
    unrecognised: Option<Failure>,
}

impl Rows {
    /// The rows of `doc`.
    pub fn new(doc: &Document) -> Rows {
        let id = &doc.document.id;
        Rows {
            claims: doc
                .claims
                .iter()
                .map(|c| serde_json::to_string(&ClaimRow::new(id, c)).unwrap_or_default())
                .collect(),
            links: links::rows(doc),
            csl: csl::items(doc),
            summary: DocumentRow::new(doc),
            warnings: doc
                .findings
                .iter()
                .filter(|f| f.severity >= Severity::Warning)
                .count(),
            unrecognised: doc.unrecognised().map(|f| Failure {
                source: doc.document.source.clone(),
                error: f.message.clone(),
            }),
        }
    }
}

/// The tables being written: the three streamed files, under a temporary
/// name until the batch is done.
pub struct Tables {
    dir: PathBuf,
    claims: BufWriter<File>,
    links: BufWriter<File>,
    csl: BufWriter<File>,
    /// Whether an item was written into the CSL array (the next needs a comma).
    csl_started: bool,
}

impl Tables {
    pub fn create(dir: &Path) -> Result<Self> {
        let open = |name: &str| -> Result<BufWriter<File>> {
            let path = dir.join(format!(".{name}.partial"));
            Ok(BufWriter::new(File::create(&path).with_context(|| {
                format!("cannot create {}", path.display())
            })?))
        };
        let mut links = open("links.csv")?;
        // a BOM so spreadsheet programs read the Korean text as UTF-8
        links.write_all("\u{feff}".as_bytes())?;
        links.write_all(csv_row(LINKS_HEADER).as_bytes())?;
        let mut csl = open("citations.csl.json")?;
        csl.write_all(b"[")?;
        Ok(Tables {
            dir: dir.to_path_buf(),
            claims: open("claims.jsonl")?,
            links,
            csl,
            csl_started: false,
        })
    }

    /// Receives results in any order, writes them in input order.
    pub fn write_in_order(
        mut self,
        receiver: mpsc::Receiver<(usize, Result<Rows, Failure>)>,
    ) -> Result<Outcome> {
        let mut pending: BTreeMap<usize, Result<Rows, Failure>> = BTreeMap::new();
        let mut next = 0;
        let mut outcome = Outcome::default();
        let mut summary = Summary::default();
        for (index, result) in receiver {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                match result {
                    Ok(rows) => {
                        self.write_rows(&rows)?;
                        outcome.warnings += rows.warnings;
                        outcome.unrecognised.extend(rows.unrecognised);
                        summary.add(rows.summary);
                    }
                    Err(failure) => outcome.failures.push(failure),
                }
            }
        }
        summary.failed = outcome
            .failures
            .iter()
            .map(|f| FailedRow {
                error: f.error.clone(),
                source: f.source.clone(),
            })
            .collect();
        self.finish(&summary)?;
        Ok(outcome)
    }

    fn write_rows(&mut self, rows: &Rows) -> Result<()> {
        for line in &rows.claims {
            writeln!(self.claims, "{line}")?;
        }
        for row in &rows.links {
            self.links.write_all(row.as_bytes())?;
        }
        for item in &rows.csl {
            let first = !self.csl_started;
            self.csl.write_all(if first { b"\n" } else { b",\n" })?;
            self.csl.write_all(item.as_bytes())?;
            self.csl_started = true;
        }
        Ok(())
    }

    /// Closes the streamed tables, gives them their names and writes `summary.json`.
    fn finish(mut self, summary: &Summary) -> Result<()> {
        self.csl.write_all(b"\n]\n")?;
        for mut writer in [self.claims, self.links, self.csl] {
            writer.flush()?;
        }
        for name in ["claims.jsonl", "links.csv", "citations.csl.json"] {
            fs::rename(
                self.dir.join(format!(".{name}.partial")),
                self.dir.join(name),
            )?;
        }
        let mut text = serde_json::to_string_pretty(summary)?;
        text.push('\n');
        write_atomically(&self.dir.join("summary.json"), text.as_bytes())?;
        Ok(())
    }
}
