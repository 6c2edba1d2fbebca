//! `kcite extract`: one report to stdout, or many into a directory.
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use kcite::batch::{self, Options};
use kcite::morphology::Analyzer;

use crate::common::{
    DictArg, LimitArgs, WorkerArgs, documents, emit, load_analyzer, pdf_workers, plural,
    read_bytes, strict_exit, strict_failure, usage_error, warn_if_unrecognised,
};

#[derive(Args)]
pub struct ExtractArgs {
    /// Reports (text or PDF) or directories (searched recursively), or - for stdin
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory: <id>.json per report plus corpus tables; - for stdout (one input)
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// File names to take from directories, comma-separated (`*.txt`; a
    /// pattern with a `/` matches the path under the directory: `2024/**/*.pdf`)
    #[arg(long, default_value = batch::DEFAULT_GLOBS)]
    glob: String,
    /// Documents processed in parallel (default: all cores)
    #[arg(short, long)]
    jobs: Option<usize>,
    /// No progress bar and no closing summary line
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    limits: LimitArgs,
    /// Exit with status 3 when any finding is a warning or an error
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    workers: WorkerArgs,
    #[command(flatten)]
    dict: DictArg,
}

pub fn run(args: ExtractArgs) -> Result<ExitCode> {
    let limits = args.limits.limits();
    let Some(out_dir) = args.output.filter(|o| o.as_os_str() != "-") else {
        return without_output_dir(&args.inputs, &args.glob, &args.dict, limits, args.strict);
    };
    let collected = match collect(&args.inputs, &args.glob) {
        Ok(collected) => collected,
        Err(usage) => return usage,
    };
    let (analyzer, dict_dir) = load_analyzer(&args.dict)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let options = Options {
        jobs,
        progress: !args.quiet,
        limits,
        pdf_workers: pdf_workers(&dict_dir, args.workers),
    };
    let outcome = batch::run(&collected.inputs, &out_dir, &analyzer, &options)?;
    for unread in &outcome.unrecognised {
        eprintln!("kcite: {}: {}", unread.source, unread.error);
    }
    if !args.quiet {
        eprintln!("kcite: {}", closing_line(&collected, &outcome, &out_dir));
    }
    Ok(if !outcome.failures.is_empty() {
        ExitCode::from(1)
    } else if args.strict && outcome.warnings > 0 {
        strict_failure(outcome.warnings)
    } else {
        ExitCode::SUCCESS
    })
}

/// The inputs the paths and globs name, or the exit of a usage error (a
/// glob that does not parse, nothing found).
fn collect(inputs: &[PathBuf], glob: &str) -> Result<batch::Collected, Result<ExitCode>> {
    let collected = match batch::collect_inputs(inputs, glob) {
        Ok(collected) => collected,
        Err(err) => return Err(usage_error(&format!("--glob: {err}"))),
    };
    if collected.inputs.is_empty() {
        return Err(usage_error(&nothing_found(inputs, glob, &collected)));
    }
    Ok(collected)
}

/// `3 of 4 documents extracted into out/ (1 .bin file skipped); 10 warnings
/// (kcite audit out/ lists them)`.
fn closing_line(collected: &batch::Collected, outcome: &batch::Outcome, out_dir: &Path) -> String {
    let total = collected.inputs.len();
    let mut line = format!(
        "{} of {} extracted into {}",
        total - outcome.failures.len(),
        documents(total),
        out_dir.display()
    );
    let skipped = collected.skipped_summary();
    if !skipped.is_empty() {
        line.push_str(&format!(" ({skipped})"));
    }
    line.push_str("; ");
    line.push_str(&plural(outcome.warnings, "warning"));
    if outcome.warnings > 0 {
        line.push_str(&format!(" (kcite audit {} lists them)", out_dir.display()));
    }
    line
}

/// `kcite extract` without `-o`: one report to stdout, else a message that
/// names what is wrong.
fn without_output_dir(
    inputs: &[PathBuf],
    glob: &str,
    dict: &DictArg,
    limits: kcite::Limits,
    strict: bool,
) -> Result<ExitCode> {
    let [input] = inputs else {
        return usage_error("several inputs need an output directory (-o DIR)");
    };
    if !input.is_dir() {
        let (analyzer, _) = load_analyzer(dict)?;
        return to_stdout(input, &analyzer, limits, strict);
    }
    let collected = match collect(inputs, glob) {
        Ok(collected) => collected,
        Err(usage) => return usage,
    };
    usage_error(&format!(
        "{} holds {}: give an output directory (-o DIR) to write their JSON, or name one file to print it",
        input.display(),
        plural(collected.inputs.len(), "report")
    ))
}

/// `no report found in corpus/ (*.txt, *.pdf); 2 .docx files skipped`.
fn nothing_found(inputs: &[PathBuf], glob: &str, collected: &batch::Collected) -> String {
    let places: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let mut message = format!("no report found in {} ({glob})", places.join(", "));
    let skipped = collected.skipped_summary();
    if !skipped.is_empty() {
        message.push_str("; ");
        message.push_str(&skipped);
    }
    message
}

/// One document, from stdin or a file, as JSON on stdout.
fn to_stdout(
    input: &Path,
    analyzer: &Analyzer,
    limits: kcite::Limits,
    strict: bool,
) -> Result<ExitCode> {
    let name = input.to_string_lossy();
    let bytes = match read_bytes(input, limits.max_bytes) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("kcite: {name}: {}", batch::read_error(&err));
            return Ok(ExitCode::from(1));
        }
    };
    let id = match input.file_stem() {
        Some(stem) if name != "-" => stem.to_string_lossy().into_owned(),
        _ => batch::STDIN_ID.to_string(),
    };
    match kcite::extract(&bytes, &id, &name, analyzer, limits) {
        Ok(document) => {
            warn_if_unrecognised(&document);
            emit(&kcite::output::to_json(&document))?;
            Ok(strict_exit(strict, std::slice::from_ref(&document)))
        }
        Err(err) => {
            eprintln!("kcite: {name}: {err}");
            Ok(ExitCode::from(1))
        }
    }
}
