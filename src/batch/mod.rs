//! Batch: a corpus of reports → per-document JSON and corpus tables.
//!
//! In: files and directories, options. Out: `<id>.json` per document, written
//! atomically as soon as it is done, and the corpus tables `claims.jsonl`,
//! `links.csv`, `citations.csl.json` and `summary.json`, plus one
//! [`Failure`] per document that could not be read.
//!
//! Documents run in parallel (rayon, [`Extractor::extract_each`], the one
//! parallel loop that `kcite extract`, `audit` and `report` share); PDFs,
//! when the options name a worker program, in worker processes ([`worker`]),
//! since PDFium runs one document at a time inside a process. The tables are
//! written by one thread in input order from a small reorder buffer
//! ([`crate::output::tables`]), so the output is byte-identical whatever the
//! job count, and only table rows (never whole documents) wait in memory.

pub mod inputs;
pub mod worker;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

pub use inputs::{
    Collected, DEFAULT_GLOBS, Globs, STDIN_ID, Source, collect_inputs, collect_sources,
};
pub use worker::{WorkerCommand, WorkerPool};
// the batch's results are the output's types
pub use crate::output::Failure;
pub use crate::output::tables::Outcome;

use crate::layout::pdf::is_pdf;
use crate::model::Document;
use crate::morphology::Analyzer;
use crate::output::tables::{Rows, Tables};
use crate::output::{to_json, write_atomically};
use crate::pipeline::{self, Limits, StageTimes, Stopwatch};

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Document id, unique in its batch: the file stem where no other input
    /// has it (see [`inputs::with_unique_ids`]).
    pub id: String,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub jobs: usize,
    pub progress: bool,
    pub limits: Limits,
    /// Where PDFs run: worker processes, or (None) this process.
    pub pdf_workers: Option<PdfWorkers>,
}

/// How PDFs run outside the process: the worker program and the time one
/// file may take.
#[derive(Debug, Clone)]
pub struct PdfWorkers {
    pub command: WorkerCommand,
    pub timeout: Duration,
}

/// One document extracted, with its JSON as written and its stage times.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub document: Document,
    /// [`to_json`] of the document.
    pub json: String,
    pub stages: StageTimes,
}

/// Extracts documents: text in this process, PDFs in worker processes when
/// it has a pool, else here too. Shared by the threads of a batch.
pub struct Extractor<'a> {
    analyzer: &'a Analyzer,
    limits: Limits,
    pool: Option<WorkerPool>,
}

impl<'a> Extractor<'a> {
    pub fn new(analyzer: &'a Analyzer, limits: Limits, workers: Option<&PdfWorkers>) -> Self {
        Extractor {
            analyzer,
            limits,
            pool: workers.map(|w| WorkerPool::new(w.command.clone(), w.timeout)),
        }
    }

    /// Reads and extracts one input, refusing oversized files before
    /// reading them. The error is the one line a user reads after the path.
    pub fn extract_input(&self, input: &Input) -> Result<Extracted, String> {
        if input.path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            let cap = (self.limits.max_bytes as u64).saturating_add(1);
            std::io::stdin()
                .take(cap)
                .read_to_end(&mut bytes)
                .map_err(|e| read_error(&e))?;
            return self.extract_bytes(&bytes, &input.id, "-");
        }
        let metadata = fs::metadata(&input.path).map_err(|e| read_error(&e))?;
        if metadata.is_dir() {
            return Err(match fs::read_dir(&input.path) {
                Err(err) => format!(
                    "cannot list the directory: {}",
                    read_error(&err).trim_start_matches("cannot read: ")
                ),
                Ok(_) => "is a directory".to_string(),
            });
        }
        let size = metadata.len();
        if size > self.limits.max_bytes as u64 {
            return Err(format!(
                "the file has {size} bytes, more than the limit of {} (--max-mb)",
                self.limits.max_bytes
            ));
        }
        let bytes = fs::read(&input.path).map_err(|e| read_error(&e))?;
        self.extract_bytes(&bytes, &input.id, &input.path.to_string_lossy())
    }

    /// Extracts one document from its bytes.
    pub fn extract_bytes(&self, bytes: &[u8], id: &str, source: &str) -> Result<Extracted, String> {
        if let Some(pool) = self.pool.as_ref().filter(|_| is_pdf(bytes)) {
            let reply = pool.extract(bytes, id, source, self.limits)?;
            let document = serde_json::from_str(&reply.json)
                .map_err(|e| format!("the PDF worker's answer does not read: {e}"))?;
            return Ok(Extracted {
                document,
                json: reply.json,
                stages: reply.stages,
            });
        }
        if bytes.len() > self.limits.max_bytes {
            return pipeline::extract(bytes, id, source, self.analyzer, self.limits)
                .map(|document| self.finish(document, StageTimes::default()))
                .map_err(|e| e.to_string());
        }
        let mut watch = Stopwatch::start();
        pipeline::extract_timed(bytes, id, source, self.analyzer, self.limits, &mut watch)
            .map(|document| self.finish(document, watch.times))
            .map_err(|e| e.to_string())
    }

    /// Reads and extracts one input; a failure names the input.
    pub fn extract_or_fail(&self, input: &Input) -> Result<Extracted, Failure> {
        self.extract_input(input).map_err(|error| Failure {
            source: input.path.to_string_lossy().into_owned(),
            error,
        })
    }

    /// Extracts `inputs` in parallel on the current rayon pool and hands each
    /// result, with the input's index, to `done` as soon as it is ready (in
    /// any order). Each thread has its own clone of `state` (a channel's
    /// sender, say).
    pub fn extract_each<T: Clone + Send>(
        &self,
        inputs: &[Input],
        state: T,
        done: impl Fn(&mut T, usize, Result<Extracted, Failure>) + Sync + Send,
    ) {
        inputs
            .par_iter()
            .enumerate()
            .for_each_with(state, |state, (index, input)| {
                done(state, index, self.extract_or_fail(input));
            });
    }

    fn finish(&self, document: Document, stages: StageTimes) -> Extracted {
        Extracted {
            json: to_json(&document),
            document,
            stages,
        }
    }
}

/// Why a path could not be read, in the same words in every command:
/// `no such file or directory`, `permission denied`, ….
pub fn read_error(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "cannot read: permission denied".to_string(),
        ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let text = err.to_string();
            // `Input/output error (os error 5)` → `cannot read: input/output error`
            let text = text.split(" (os error").next().unwrap_or(&text);
            format!("cannot read: {}", text.to_lowercase())
        }
    }
}

/// Loads one `<id>.json` written by `kcite extract`.
pub fn load_document(path: &Path) -> Result<Document> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc: Document = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a kcite document", path.display()))?;
    anyhow::ensure!(
        doc.schema == crate::model::SCHEMA_VERSION,
        "{} has schema {}, this kcite reads {}",
        path.display(),
        doc.schema,
        crate::model::SCHEMA_VERSION
    );
    Ok(doc)
}

/// Reads and extracts one input in this process.
pub fn extract_input(
    input: &Input,
    analyzer: &Analyzer,
    limits: Limits,
) -> Result<Document, String> {
    Extractor::new(analyzer, limits, None)
        .extract_input(input)
        .map(|e| e.document)
}

/// Runs the batch into `out_dir`. Returns the failures (empty: all good) and
/// the number of warnings found.
pub fn run(
    inputs: &[Input],
    out_dir: &Path,
    analyzer: &Analyzer,
    options: &Options,
) -> Result<Outcome> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    // one stat per input, for the bar's total and for each document's share
    let sizes: Vec<u64> = inputs
        .iter()
        .map(|i| fs::metadata(&i.path).map_or(0, |m| m.len()))
        .collect();
    let total_bytes: u64 = sizes.iter().sum();
    let bar = progress_bar(inputs.len() as u64, total_bytes, options.progress);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .build()?;
    let (sender, receiver) =
        mpsc::sync_channel::<(usize, Result<Rows, Failure>)>(options.jobs.max(1) * 4);
    let extractor = Extractor::new(analyzer, options.limits, options.pdf_workers.as_ref());

    let tables = Tables::create(out_dir)?;
    let writer = std::thread::spawn(move || tables.write_in_order(receiver));
    let done_bytes = std::sync::atomic::AtomicU64::new(0);
    pool.install(|| {
        extractor.extract_each(inputs, sender, |sender, index, result| {
            let result =
                result.and_then(|extracted| write_document(&inputs[index], out_dir, extracted));
            if let Err(failure) = &result {
                bar.suspend(|| eprintln!("kcite: {}: {}", failure.source, failure.error));
            }
            let bytes = sizes[index];
            let done = done_bytes.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed) + bytes;
            bar.set_message(format!(
                "{:.1}/{:.1} MB",
                done as f64 / 1e6,
                total_bytes as f64 / 1e6
            ));
            bar.inc(1);
            let _ = sender.send((index, result));
        });
    });
    bar.finish_and_clear();
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("the table writer panicked"))?
}

fn progress_bar(documents: u64, total_bytes: u64, visible: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if !visible || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(documents);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} documents, {msg}, ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(format!("0.0/{:.1} MB", total_bytes as f64 / 1e6));
    bar
}

/// Writes one document's `<id>.json` and returns its table rows.
fn write_document(input: &Input, out_dir: &Path, extracted: Extracted) -> Result<Rows, Failure> {
    let path = out_dir.join(format!("{}.json", input.id));
    write_atomically(&path, extracted.json.as_bytes()).map_err(|e| Failure {
        source: input.path.to_string_lossy().into_owned(),
        error: format!("cannot write {}: {e}", path.display()),
    })?;
    Ok(Rows::new(&extracted.document))
}

/// The documents of `kcite audit` and `kcite report`: those loaded as they
/// are, the reports extracted (in parallel, by `extractor`), each result in
/// the order of `sources`. Without an extractor every report fails.
pub fn extract_sources(
    sources: Vec<Source>,
    extractor: Option<&Extractor>,
) -> Vec<Result<Document, Failure>> {
    let mut results: Vec<Option<Result<Document, Failure>>> = Vec::with_capacity(sources.len());
    let mut reports = Vec::new();
    let mut slots = Vec::new();
    for source in sources {
        match source {
            Source::Extracted(doc) => results.push(Some(Ok(*doc))),
            Source::Report(input) => {
                slots.push(results.len());
                results.push(None);
                reports.push(input);
            }
        }
    }
    match extractor {
        Some(extractor) => {
            let (sender, receiver) = mpsc::channel();
            extractor.extract_each(&reports, sender, |sender, index, result| {
                let _ = sender.send((index, result.map(|e| e.document)));
            });
            for (index, result) in receiver {
                results[slots[index]] = Some(result);
            }
        }
        None => {
            for (slot, input) in slots.iter().zip(&reports) {
                results[*slot] = Some(Err(Failure {
                    source: input.path.display().to_string(),
                    error: "no analyzer".to_string(),
                }));
            }
        }
    }
    results.into_iter().flatten().collect()
}
