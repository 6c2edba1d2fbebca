//! The kcite command line: parses arguments, calls the library, prints.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use kcite::batch::{self, Options};
use kcite::dict::ensure_dictionary;
use kcite::morphology::Analyzer;

#[derive(Parser)]
#[command(
    name = "kcite",
    version,
    about = "Claim–citation extraction and attribution audit for Korean policy reports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the Korean dictionary is.
#[derive(Args)]
struct DictArg {
    /// lindera ko-dic directory (default: $KCITE_DICT, else a per-user cache, built on first use)
    #[arg(long)]
    dict: Option<PathBuf>,
}

/// How much of an input is accepted.
#[derive(Args, Clone, Copy)]
struct LimitArgs {
    /// Largest input accepted, in MB
    #[arg(long, default_value_t = 64)]
    max_mb: usize,
    /// Longest PDF accepted, in pages
    #[arg(long, default_value_t = 2_000)]
    max_pages: usize,
}

impl LimitArgs {
    fn limits(self) -> kcite::Limits {
        kcite::Limits {
            max_bytes: self.max_mb.saturating_mul(1024 * 1024),
            max_pages: self.max_pages,
            ..kcite::Limits::default()
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims, footnotes, citations and findings as JSON (docs/SCHEMA.md)
    Extract(ExtractArgs),
    /// Audit source attribution: counts, findings with their claims and
    /// citations, outlets, the weakest links, the summary alignment
    Audit(AuditArgs),
    /// Write the audit as one self-contained HTML page (claims, markers,
    /// sources, findings, charts)
    Report(ReportArgs),
    /// Print what the layout saw: every line in reading order with its page
    /// and role (body, heading, footnote, furniture, masthead, table, figure,
    /// contents, note), markers shown as [^n], footnote numbers as [n]
    Text(TextArgs),
    /// Print the JSON Schema of the output, generated from the Rust types
    Schema,
    /// Measure throughput: bare tokenization vs the pipeline on 1 and 2 threads
    Bench(BenchArgs),
    /// Print each morpheme's surface and part-of-speech tag (a debugging aid)
    Tokenize(TokenizeArgs),
    /// Extract the PDFs a parent kcite sends on stdin (PDFium runs one
    /// document at a time per process, so batches start one worker per job)
    #[command(name = "pdf-worker", hide = true)]
    PdfWorker(DictArg),
}

#[derive(Args)]
struct ExtractArgs {
    /// Reports (text or PDF) or directories (searched recursively), or - for stdin
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output directory: <id>.json per report plus corpus tables; - for stdout (one input)
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// File names to take from directories, comma-separated
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

/// How PDFs of a batch run.
#[derive(Args, Clone, Copy)]
struct WorkerArgs {
    /// Seconds one PDF may take before its worker process is stopped (the
    /// file then fails; the batch goes on)
    #[arg(long, default_value_t = 300)]
    timeout: u64,
}

#[derive(Args)]
struct AuditArgs {
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
struct ReportArgs {
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

#[derive(Args)]
struct TextArgs {
    /// A report (PDF or text), or - for stdin
    file: PathBuf,
    /// One JSON object per line (text as printed, markers, box)
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(Args)]
struct BenchArgs {
    /// Report files (text and PDF) or directories to replicate
    #[arg(default_values = ["corpus", "tests/fixtures/pdf"])]
    inputs: Vec<PathBuf>,
    /// Replicate the reports up to this many MB
    #[arg(long, default_value_t = 5.0)]
    size_mb: f64,
    /// Print the figures as JSON
    #[arg(long)]
    json: bool,
    /// Run each measurement this many times and keep the fastest
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    #[command(flatten)]
    dict: DictArg,
}

#[derive(Args)]
struct TokenizeArgs {
    /// Input text file, or - for stdin
    #[arg(default_value = "-")]
    file: String,
    /// One JSON object per line instead of tab-separated text
    #[arg(long)]
    json: bool,
    /// Leave out the project's user dictionary (to see what it changes)
    #[arg(long)]
    no_user_dict: bool,
    #[command(flatten)]
    dict: DictArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Exit status under `--strict` when findings of warning level or above exist.
const STRICT_FAILURE: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // a reader that stops early (`| head`) ends the output normally
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("kcite: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes to stdout; a closed pipe comes back as an error for `main`.
fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Schema => {
            let schema = schemars::schema_for!(kcite::Document);
            emit(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Text(args) => text(args),
        Command::Extract(args) => extract(args),
        Command::Report(args) => report(args),
        Command::Audit(args) => audit(args),
        Command::Bench(args) => bench(args),
        Command::Tokenize(args) => tokenize(args),
        Command::PdfWorker(dict) => pdf_worker(&dict),
    }
}

/// `kcite text`: what the layout saw, line by line.
fn text(args: TextArgs) -> Result<ExitCode> {
    let limits = args.limits.limits();
    let bytes = match read_bytes(&args.file, limits.max_bytes) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!(
                "kcite: {}: {}",
                args.file.display(),
                batch::read_error(&err)
            );
            return Ok(ExitCode::from(1));
        }
    };
    match kcite::pipeline::read_layout(&bytes, limits) {
        Ok(layout) => {
            emit(&if args.json {
                kcite::transcript::render_json(&layout)
            } else {
                kcite::transcript::render(&layout)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("kcite: {}: {err}", args.file.display());
            Ok(ExitCode::from(1))
        }
    }
}

/// `kcite extract`: one report to stdout, or many into a directory.
fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let limits = args.limits.limits();
    let Some(out_dir) = args.output.filter(|o| o.as_os_str() != "-") else {
        return extract_without_output_dir(
            &args.inputs,
            &args.glob,
            &args.dict,
            limits,
            args.strict,
        );
    };
    let collected = batch::collect_inputs(&args.inputs, &args.glob);
    if collected.inputs.is_empty() {
        return usage_error(&nothing_found(&args.inputs, &args.glob, &collected));
    }
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
    let inputs = &collected.inputs;
    let outcome = batch::run(inputs, &out_dir, &analyzer, &options)?;
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

/// PDFs in worker processes: this very program, started again as
/// `pdf-worker` with the same dictionary. None when the program cannot
/// name itself (PDFs then run in this process).
fn pdf_workers(dict_dir: &Path, args: WorkerArgs) -> Option<batch::PdfWorkers> {
    let program = std::env::current_exe().ok()?;
    Some(batch::PdfWorkers {
        command: batch::WorkerCommand {
            program,
            args: vec!["pdf-worker".into(), "--dict".into(), dict_dir.into()],
        },
        timeout: std::time::Duration::from_secs(args.timeout.max(1)),
    })
}

/// `kcite pdf-worker`: answers a parent kcite's requests until its stdin closes.
fn pdf_worker(dict: &DictArg) -> Result<ExitCode> {
    let (analyzer, _) = load_analyzer(dict)?;
    batch::worker::serve(&analyzer, std::io::stdin().lock(), std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}

/// `kcite report`: the audit as one HTML page.
fn report(args: ReportArgs) -> Result<ExitCode> {
    let loaded = documents_for(&args.inputs, &args.dict, args.workers)?;
    let (documents_read, failed) = match loaded {
        Ok(loaded) => loaded,
        Err(usage) => return Ok(usage),
    };
    let page = kcite::html::render(&documents_read, &failed);
    batch::write_atomically(&args.output, page.as_bytes())
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

/// `kcite audit`: the attribution audit as text or JSON.
fn audit(args: AuditArgs) -> Result<ExitCode> {
    let loaded = documents_for(&args.inputs, &args.dict, args.workers)?;
    let (documents_read, failed) = match loaded {
        Ok(loaded) => loaded,
        Err(usage) => return Ok(usage),
    };
    let report = kcite::audit_report::build(&documents_read);
    match args.format {
        Format::Text => emit(&kcite::audit_report::render_text(&report))?,
        Format::Json => emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?,
    }
    let warnings = warning_count(&documents_read);
    Ok(if !failed.is_empty() {
        ExitCode::from(1)
    } else if args.strict && warnings > 0 {
        strict_failure(warnings)
    } else {
        ExitCode::SUCCESS
    })
}

/// `kcite bench`: throughput of tokenization, the pipeline and PDFs.
fn bench(args: BenchArgs) -> Result<ExitCode> {
    let collected = batch::collect_inputs(&args.inputs, batch::DEFAULT_GLOBS);
    let reports = collected
        .inputs
        .iter()
        .map(|i| {
            std::fs::read(&i.path)
                .map_err(|e| anyhow::anyhow!("{}: {}", i.path.display(), batch::read_error(&e)))
        })
        .collect::<Result<Vec<_>>>()?;
    let (analyzer, dict_dir) = load_analyzer(&args.dict)?;
    let workers = pdf_workers(&dict_dir, WorkerArgs { timeout: 300 });
    let report = kcite::bench::run(
        &reports,
        (args.size_mb * 1e6) as usize,
        args.rounds,
        &analyzer,
        workers.as_ref(),
    );
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        emit(&report.to_string())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `kcite tokenize`: each morpheme with its tag.
fn tokenize(args: TokenizeArgs) -> Result<ExitCode> {
    let dir = ensure_dictionary(args.dict.dict.as_deref())?;
    let analyzer = if args.no_user_dict {
        Analyzer::load_with_user_dictionary(&dir, None)?
    } else {
        Analyzer::load(&dir)?
    };
    let bytes = read_bytes(Path::new(&args.file), usize::MAX)
        .map_err(|e| anyhow::anyhow!("{}: {}", args.file, batch::read_error(&e)))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in text.lines() {
        for m in analyzer.morphemes(line) {
            if args.json {
                serde_json::to_writer(&mut out, &m)?;
                writeln!(out)?;
            } else {
                writeln!(out, "{}\t{}", m.surface, m.pos)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `kcite extract` without `-o`: one report to stdout, else a message that
/// names what is wrong.
fn extract_without_output_dir(
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
        return extract_to_stdout(input, &analyzer, limits, strict);
    }
    let collected = batch::collect_inputs(inputs, glob);
    if collected.inputs.is_empty() {
        return usage_error(&nothing_found(inputs, glob, &collected));
    }
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

/// `1 report`, `2 reports`.
fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

fn documents(n: usize) -> String {
    plural(n, "document")
}

fn strict_failure(warnings: usize) -> ExitCode {
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

/// Documents read, and the reports that failed (path and why).
type Loaded = (Vec<kcite::Document>, Vec<batch::Failure>);

/// The documents `audit` and `report` work on, or the exit code of a usage
/// error (no such input, nothing to read).
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
    documents_of(sources, dict, workers).map(Ok)
}

/// Loaded documents as they are, reports extracted (in parallel); the
/// analyzer is loaded only when there is a report to extract. Returns the
/// documents in input order and the reports that failed.
fn documents_of(
    sources: Vec<batch::Source>,
    dict: &DictArg,
    workers: WorkerArgs,
) -> Result<Loaded> {
    use rayon::prelude::*;
    let needs_analyzer = sources
        .iter()
        .any(|s| matches!(s, batch::Source::Report(_)));
    let analyzer = if needs_analyzer {
        Some(load_analyzer(dict)?)
    } else {
        None
    };
    let extractor = analyzer.as_ref().map(|(analyzer, dir)| {
        let workers = pdf_workers(dir, workers);
        batch::Extractor::new(analyzer, kcite::Limits::default(), workers.as_ref())
    });
    let results: Vec<Result<kcite::Document, batch::Failure>> = sources
        .into_par_iter()
        .map(|source| match (source, &extractor) {
            (batch::Source::Extracted(doc), _) => Ok(*doc),
            (batch::Source::Report(input), Some(extractor)) => extractor
                .extract_input(&input)
                .map(|extracted| extracted.document)
                .map_err(|error| batch::Failure {
                    source: input.path.display().to_string(),
                    error,
                }),
            (batch::Source::Report(input), None) => Err(batch::Failure {
                source: input.path.display().to_string(),
                error: "no analyzer".to_string(),
            }),
        })
        .collect();
    let mut documents = Vec::new();
    let mut failed = Vec::new();
    for result in results {
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
    Ok((documents, failed))
}

/// Says on stderr when a document did not read as a report: its JSON is
/// still written, but nobody should take it for one.
fn warn_if_unrecognised(document: &kcite::Document) {
    if let Some(finding) = document.unrecognised() {
        eprintln!("kcite: {}: {}", document.document.source, finding.message);
    }
}

fn usage_error(message: &str) -> Result<ExitCode> {
    eprintln!("kcite: error: {message}");
    Ok(ExitCode::from(2))
}

/// The analyzer and the dictionary directory it was loaded from.
fn load_analyzer(dict: &DictArg) -> Result<(Analyzer, PathBuf)> {
    let dir = ensure_dictionary(dict.dict.as_deref())?;
    Ok((Analyzer::load(&dir)?, dir))
}

/// `-` is stdin; at most `limit + 1` bytes are read, so the limit is checked after.
fn read_bytes(input: &Path, limit: usize) -> std::io::Result<Vec<u8>> {
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

/// One document, from stdin or a file, as JSON on stdout.
fn extract_to_stdout(
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
            emit(&batch::to_json(&document))?;
            let warnings = warning_count(std::slice::from_ref(&document));
            Ok(if strict && warnings > 0 {
                strict_failure(warnings)
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(err) => {
            eprintln!("kcite: {name}: {err}");
            Ok(ExitCode::from(1))
        }
    }
}
