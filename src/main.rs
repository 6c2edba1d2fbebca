//! The kcite command line: parses arguments, calls the library, prints.
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
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
    /// lindera ko-dic directory (default: $KCITE_DICT, else a per-user cache, built on first use)
    #[arg(long, global = true)]
    dict: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract claims, footnotes, citations and findings as JSON (docs/SCHEMA.md)
    Extract {
        /// Report files or directories (searched recursively), or - for stdin
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output directory: <id>.json per report plus corpus tables; - for stdout (one input)
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// File names to take from directories
        #[arg(long, default_value = "*.txt")]
        glob: String,
        /// Documents processed in parallel (default: all cores)
        #[arg(short, long)]
        jobs: Option<usize>,
        /// No progress bar and no closing summary line
        #[arg(short, long)]
        quiet: bool,
        /// Largest input accepted, in MB
        #[arg(long, default_value_t = 64)]
        max_mb: usize,
        /// Exit with status 3 when any finding is a warning or an error
        #[arg(long)]
        strict: bool,
    },
    /// Audit source attribution: counts, findings with their claims and
    /// citations, outlets, the weakest links, the summary alignment
    Audit {
        /// Reports (*.txt), extracted documents (<id>.json) or directories of either
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Exit with status 3 when any finding is a warning or an error
        #[arg(long)]
        strict: bool,
    },
    /// Write the audit as one self-contained HTML page (claims, markers,
    /// sources, findings, charts)
    Report {
        /// Reports (*.txt), extracted documents (<id>.json) or directories of either
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The HTML file to write
        #[arg(short, long, default_value = "report.html")]
        output: PathBuf,
    },
    /// Print what the layout saw: every line in reading order with its page
    /// and role (body, heading, footnote, furniture, masthead, table, figure),
    /// markers shown as [^n], footnote numbers as [n]
    Text {
        /// A report (PDF or text), or - for stdin
        file: PathBuf,
        /// Largest input accepted, in MB
        #[arg(long, default_value_t = 64)]
        max_mb: usize,
        /// One JSON object per line (text as printed, markers, box)
        #[arg(long)]
        json: bool,
    },
    /// Print the JSON Schema of the output, generated from the Rust types
    Schema,
    /// Measure throughput: bare tokenization vs the pipeline on 1 and 2 threads
    Bench {
        /// Report files or directories to replicate
        #[arg(default_value = "corpus")]
        inputs: Vec<PathBuf>,
        /// Replicate the reports up to this many MB
        #[arg(long, default_value_t = 5.0)]
        size_mb: f64,
        /// Print the figures as JSON
        #[arg(long)]
        json: bool,
    },
    /// Print each morpheme's surface and part-of-speech tag (a debugging aid)
    Tokenize {
        /// Input text file, or - for stdin
        #[arg(default_value = "-")]
        file: String,
        /// One JSON object per line instead of tab-separated text
        #[arg(long)]
        json: bool,
        /// Leave out the project's user dictionary (to see what it changes)
        #[arg(long)]
        no_user_dict: bool,
    },
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
        Err(err) => {
            eprintln!("kcite: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Text { file, max_mb, json } => {
            let limits = kcite::Limits {
                max_bytes: max_mb.saturating_mul(1024 * 1024),
                ..kcite::Limits::default()
            };
            let bytes = read_bytes(&file, limits.max_bytes)?;
            match kcite::pipeline::read_layout(&bytes, limits) {
                Ok(layout) => {
                    let text = if json {
                        kcite::transcript::render_json(&layout)
                    } else {
                        kcite::transcript::render(&layout)
                    };
                    print!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) => {
                    eprintln!("kcite: {}: {err}", file.display());
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Schema => {
            let schema = schemars::schema_for!(kcite::Document);
            println!("{}", serde_json::to_string_pretty(&schema)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            inputs,
            output,
            glob,
            jobs,
            quiet,
            max_mb,
            strict,
        } => {
            let limits = kcite::Limits {
                max_bytes: max_mb.saturating_mul(1024 * 1024),
                ..kcite::Limits::default()
            };
            let out_dir = output.filter(|o| o.as_os_str() != "-");
            let single = inputs.len() == 1 && (inputs[0].as_os_str() == "-" || inputs[0].is_file());
            if single && out_dir.is_none() {
                let analyzer = load_analyzer(cli.dict.as_deref())?;
                return extract_to_stdout(&inputs[0], &analyzer, limits, strict);
            }
            let Some(out_dir) = out_dir else {
                return usage_error("several inputs need an output directory (-o DIR)");
            };
            let inputs = match batch::collect_inputs(&inputs, &glob) {
                Ok(inputs) if inputs.is_empty() => {
                    return usage_error(&format!("no input matches {glob}"));
                }
                Ok(inputs) => inputs,
                Err(err) => return usage_error(&format!("{err:#}")),
            };
            let analyzer = load_analyzer(cli.dict.as_deref())?;
            let jobs =
                jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let options = Options {
                jobs,
                progress: !quiet,
                limits,
            };
            let outcome = batch::run(&inputs, &out_dir, &analyzer, &options)?;
            if !quiet {
                let done = inputs.len() - outcome.failures.len();
                eprintln!(
                    "kcite: {done} of {} documents extracted into {}; {} warnings",
                    inputs.len(),
                    out_dir.display(),
                    outcome.warnings
                );
            }
            Ok(if !outcome.failures.is_empty() {
                ExitCode::from(1)
            } else if strict && outcome.warnings > 0 {
                strict_failure(outcome.warnings)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Report { inputs, output } => {
            let (documents, failed) = match documents_for(&inputs, cli.dict.as_deref())? {
                Ok(loaded) => loaded,
                Err(usage) => return Ok(usage),
            };
            let page = kcite::html::render(&documents);
            batch::write_atomically(&output, page.as_bytes())
                .with_context(|| format!("cannot write {}", output.display()))?;
            eprintln!(
                "kcite: {} documents in {} ({:.1} MB)",
                documents.len(),
                output.display(),
                page.len() as f64 / 1e6
            );
            Ok(if failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Audit {
            inputs,
            format,
            strict,
        } => {
            let (documents, failed) = match documents_for(&inputs, cli.dict.as_deref())? {
                Ok(loaded) => loaded,
                Err(usage) => return Ok(usage),
            };
            let report = kcite::audit_report::build(&documents);
            match format {
                Format::Text => print!("{}", kcite::audit_report::render_text(&report)),
                Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
            }
            let warnings = warning_count(&documents);
            Ok(if failed > 0 {
                ExitCode::from(1)
            } else if strict && warnings > 0 {
                strict_failure(warnings)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Bench {
            inputs,
            size_mb,
            json,
        } => {
            let inputs = batch::collect_inputs(&inputs, "*.txt")?;
            let reports = inputs
                .iter()
                .map(|i| {
                    std::fs::read(&i.path)
                        .with_context(|| format!("cannot read {}", i.path.display()))
                })
                .collect::<Result<Vec<_>>>()?;
            let analyzer = load_analyzer(cli.dict.as_deref())?;
            let report = kcite::bench::run(&reports, (size_mb * 1e6) as usize, &analyzer);
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{report}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Tokenize {
            file,
            json,
            no_user_dict,
        } => {
            let dir = ensure_dictionary(cli.dict.as_deref())?;
            let analyzer = if no_user_dict {
                Analyzer::load_with_user_dictionary(&dir, None)?
            } else {
                Analyzer::load(&dir)?
            };
            let text =
                String::from_utf8_lossy(&read_bytes(Path::new(&file), usize::MAX)?).into_owned();
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for line in text.lines() {
                for m in analyzer.morphemes(line) {
                    if json {
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
    }
}

fn strict_failure(warnings: usize) -> ExitCode {
    eprintln!("kcite: --strict: {warnings} findings of warning level or above");
    ExitCode::from(STRICT_FAILURE)
}

fn warning_count(documents: &[kcite::Document]) -> usize {
    documents
        .iter()
        .flat_map(|d| &d.findings)
        .filter(|f| f.severity >= kcite::model::Severity::Warning)
        .count()
}

/// The documents `audit` and `report` work on, or the exit code of a usage
/// error (no such input, nothing to read).
fn documents_for(
    inputs: &[PathBuf],
    dict: Option<&Path>,
) -> Result<Result<(Vec<kcite::Document>, usize), ExitCode>> {
    let sources = match batch::collect_sources(inputs) {
        Ok(sources) if sources.is_empty() => {
            return usage_error("no report (*.txt) or kcite document (*.json) found").map(Err);
        }
        Ok(sources) => sources,
        Err(err) => return usage_error(&format!("{err:#}")).map(Err),
    };
    documents_of(sources, dict).map(Ok)
}

/// Loaded documents as they are, reports extracted (in parallel); the
/// analyzer is loaded only when there is a report to extract. Returns the
/// documents in input order and how many reports failed.
fn documents_of(
    sources: Vec<batch::Source>,
    dict: Option<&Path>,
) -> Result<(Vec<kcite::Document>, usize)> {
    use rayon::prelude::*;
    let needs_analyzer = sources.iter().any(|s| matches!(s, batch::Source::Text(_)));
    let analyzer = if needs_analyzer {
        Some(load_analyzer(dict)?)
    } else {
        None
    };
    let results: Vec<Result<kcite::Document, String>> = sources
        .into_par_iter()
        .map(|source| match (source, &analyzer) {
            (batch::Source::Extracted(doc), _) => Ok(*doc),
            (batch::Source::Text(input), Some(analyzer)) => {
                batch::extract_input(&input, analyzer, kcite::Limits::default())
                    .map_err(|e| format!("{}: {e}", input.path.display()))
            }
            (batch::Source::Text(input), None) => {
                Err(format!("{}: no analyzer", input.path.display()))
            }
        })
        .collect();
    let mut documents = Vec::new();
    let mut failed = 0;
    for result in results {
        match result {
            Ok(doc) => documents.push(doc),
            Err(err) => {
                eprintln!("kcite: {err}");
                failed += 1;
            }
        }
    }
    Ok((documents, failed))
}

fn usage_error(message: &str) -> Result<ExitCode> {
    eprintln!("kcite: error: {message}");
    Ok(ExitCode::from(2))
}

fn load_analyzer(dict: Option<&Path>) -> Result<Analyzer> {
    Analyzer::load(&ensure_dictionary(dict)?)
}

/// `-` is stdin; at most `limit + 1` bytes are read, so the limit is checked after.
fn read_bytes(input: &Path, limit: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    if input.as_os_str() == "-" {
        std::io::stdin()
            .take(cap)
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
    } else {
        let file = std::fs::File::open(input)
            .with_context(|| format!("cannot read {}", input.display()))?;
        file.take(cap)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {}", input.display()))?;
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
    let bytes = read_bytes(input, limits.max_bytes)?;
    let id = match input.file_stem() {
        Some(stem) if name != "-" => stem.to_string_lossy().into_owned(),
        _ => "stdin".to_string(),
    };
    match kcite::extract(&bytes, &id, &name, analyzer, limits) {
        Ok(document) => {
            std::io::stdout()
                .lock()
                .write_all(batch::to_json(&document).as_bytes())?;
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
