//! `kcite audit` and `kcite report`: the attribution audit of extracted
//! documents or of reports extracted on the way, as text, JSON or one HTML page.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Args;
use kcite::batch::{self, Failure};
use kcite::output::{audit_report, html, write_atomically};

use crate::common::{
    DictArg, WorkerArgs, documents, emit, load_analyzer, pdf_workers, strict_exit, usage_error,
    warn_if_unrecognised,
};

#[derive(Args)]
pub struct AuditArgs {
    /// Reports (text or PDF), extracted documents (<id>.json) or directories of either
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with status 3 when any finding is a warning or an error
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    workers: WorkerArgs,
    #[command(flatten)]
    dict: DictArg,
}

#[derive(Args)]
pub struct ReportArgs {
    /// Reports (text or PDF), extracted documents (<id>.json) or directories of either
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The HTML file to write
    #[arg(short, long, default_value = "report.html")]
    output: PathBuf,
    #[command(flatten)]
    workers: WorkerArgs,
    #[command(flatten)]
    dict: DictArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// `kcite audit`: the attribution audit as text or JSON.
pub fn audit(args: AuditArgs) -> Result<ExitCode> {
    let (documents_read, failed) = match documents_for(&args.inputs, &args.dict, args.workers)? {
        Ok(loaded) => loaded,
        Err(usage) => return Ok(usage),
    };
    let report = audit_report::build(&documents_read);
    match args.format {
        Format::Text => emit(&audit_report::render_text(&report))?,
        Format::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?,
    }
    Ok(if !failed.is_empty() {
        ExitCode::from(1)
    } else {
        strict_exit(args.strict, &documents_read)
    })
}

/// `kcite report`: the audit as one HTML page.
pub fn report(args: ReportArgs) -> Result<ExitCode> {
    let (documents_read, failed) = match documents_for(&args.inputs, &args.dict, args.workers)? {
        Ok(loaded) => loaded,
        Err(usage) => return Ok(usage),
    };
    let page = html::render(&documents_read, &failed);
    write_atomically(&args.output, page.as_bytes())
        .with_context(|| format!("cannot write {}", args.output.display()))?;
    eprintln!(
        "kcite: {} in {} ({:.1} MB)",
        documents(documents_read.len()),
        args.output.display(),
        page.len() as f64 / 1e6
    );
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Documents read, and the reports that failed (path and why).
type Loaded = (Vec<kcite::Document>, Vec<Failure>);

/// The documents `audit` and `report` work on, in input order, or the exit
/// code of a usage error (no such input, nothing to read). The analyzer is
/// loaded only when there is a report to extract.
fn documents_for(
    inputs: &[PathBuf],
    dict: &DictArg,
    workers: WorkerArgs,
) -> Result<Result<Loaded, ExitCode>> {
    let sources = match batch::collect_sources(inputs) {
        Ok(sources) if sources.is_empty() => {
            return usage_error("no report (*.txt, *.pdf) or kcite document (*.json) found")
                .map(Err);
        }
        Ok(sources) => sources,
        Err(err) => return usage_error(&format!("{err:#}")).map(Err),
    };
    let needs_analyzer = sources
        .iter()
        .any(|s| matches!(s, batch::Source::Report(_)));
    let analyzer = needs_analyzer.then(|| load_analyzer(dict)).transpose()?;
    let workers = analyzer
        .as_ref()
        .and_then(|(_, dir)| pdf_workers(dir, workers));
    let extractor = analyzer.as_ref().map(|(analyzer, _)| {
        batch::Extractor::new(analyzer, kcite::Limits::default(), workers.as_ref())
    });
    let mut documents = Vec::new();
    let mut failed = Vec::new();
    for result in batch::extract_sources(sources, extractor.as_ref()) {
        match result {
            Ok(doc) => {
                warn_if_unrecognised(&doc);
                documents.push(doc);
            }
            Err(failure) => {
                eprintln!("kcite: {}: {}", failure.source, failure.error);
                failed.push(failure);
            }
        }
    }
    Ok(Ok((documents, failed)))
}
