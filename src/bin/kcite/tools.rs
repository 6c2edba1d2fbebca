//! The developer's commands: `kcite bench` (throughput), `kcite tokenize`
//! (the analyzer's morphemes) and the hidden `kcite pdf-worker`.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use kcite::batch;
use kcite::dict::ensure_dictionary;
use kcite::morphology::Analyzer;

use crate::common::{DictArg, WorkerArgs, emit, load_analyzer, pdf_workers, read_bytes};

#[derive(Args)]
pub struct BenchArgs {
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
pub struct TokenizeArgs {
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

/// `kcite bench`: throughput of tokenization, the pipeline and PDFs.
pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    let collected = batch::collect_inputs(&args.inputs, batch::DEFAULT_GLOBS)?;
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
pub fn tokenize(args: TokenizeArgs) -> Result<ExitCode> {
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

/// `kcite pdf-worker`: answers a parent kcite's requests until its stdin closes.
pub fn pdf_worker(dict: &DictArg) -> Result<ExitCode> {
    let (analyzer, _) = load_analyzer(dict)?;
    batch::worker::serve(&analyzer, std::io::stdin().lock(), std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
