//! What the commands share: the dictionary, limit and worker arguments,
//! loading the analyzer, reading an input, and the words of the messages.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use kcite::batch;
use kcite::dict::ensure_dictionary;
use kcite::morphology::Analyzer;

/// Where the Korean dictionary is.
#[derive(Args)]
pub struct DictArg {
    /// lindera ko-dic directory (default: $KCITE_DICT, else a per-user cache, built on first use)
    #[arg(long)]
    pub dict: Option<PathBuf>,
}

/// How much of an input is accepted.
#[derive(Args, Clone, Copy)]
pub struct LimitArgs {
    /// Largest input accepted, in MB
    #[arg(long, default_value_t = 64)]
    max_mb: usize,
    /// Longest PDF accepted, in pages
    #[arg(long, default_value_t = 2_000)]
    max_pages: usize,
}

impl LimitArgs {
    pub fn limits(self) -> kcite::Limits {
        kcite::Limits {
            max_bytes: self.max_mb.saturating_mul(1024 * 1024),
            max_pages: self.max_pages,
            ..kcite::Limits::default()
        }
    }
}

/// How PDFs of a batch run.
#[derive(Args, Clone, Copy)]
pub struct WorkerArgs {
    /// Seconds one PDF may take before its worker process is stopped (the
    /// file then fails; the batch goes on)
    #[arg(long, default_value_t = 300)]
    pub timeout: u64,
}

/// Exit status under `--strict` when findings of warning level or above exist.
const STRICT_FAILURE: u8 = 3;

/// Writes to stdout; a closed pipe comes back as an error for `main`.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The analyzer and the dictionary directory it was loaded from.
pub fn load_analyzer(dict: &DictArg) -> Result<(Analyzer, PathBuf)> {
    let dir = ensure_dictionary(dict.dict.as_deref())?;
    Ok((Analyzer::load(&dir)?, dir))
}

/// PDFs in worker processes: this very program, started again as
/// `pdf-worker` with the same dictionary. None when the program cannot
/// name itself (PDFs then run in this process).
pub fn pdf_workers(dict_dir: &Path, args: WorkerArgs) -> Option<batch::PdfWorkers> {
    let program = std::env::current_exe().ok()?;
    Some(batch::PdfWorkers {
        command: batch::WorkerCommand {
            program,
            args: vec!["pdf-worker".into(), "--dict".into(), dict_dir.into()],
        },
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
    })
}

/// `-` is stdin; at most `limit + 1` bytes are read, so the limit is checked after.
pub fn read_bytes(input: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    if input.as_os_str() == "-" {
        std::io::stdin().take(cap).read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(input)?
            .take(cap)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// `1 report`, `2 reports`.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

pub fn documents(n: usize) -> String {
    plural(n, "document")
}

pub fn usage_error(message: &str) -> Result<ExitCode> {
    eprintln!("kcite: error: {message}");
    Ok(ExitCode::from(2))
}

/// Exit 3 under `--strict` when any finding is a warning or an error, else 0.
pub fn strict_exit(strict: bool, documents: &[kcite::Document]) -> ExitCode {
    let warnings = warning_count(documents);
    if strict && warnings > 0 {
        strict_failure(warnings)
    } else {
        ExitCode::SUCCESS
    }
}

pub fn strict_failure(warnings: usize) -> ExitCode {
    eprintln!(
        "kcite: --strict: {} of warning level or above",
        plural(warnings, "finding")
    );
    ExitCode::from(STRICT_FAILURE)
}

fn warning_count(documents: &[kcite::Document]) -> usize {
    documents
        .iter()
        .flat_map(|d| &d.findings)
        .filter(|f| f.severity >= kcite::model::Severity::Warning)
        .count()
}

/// Says on stderr when a document did not read as a report: its JSON is
/// still written, but nobody should take it for one.
pub fn warn_if_unrecognised(document: &kcite::Document) {
    if let Some(finding) = document.unrecognised() {
        eprintln!("kcite: {}: {}", document.document.source, finding.message);
    }
}
