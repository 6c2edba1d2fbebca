//! The kcite command line: parses arguments, calls the library, prints.
//!
//! One module per command: [`extract`], [`audit`] (`audit` and `report`),
//! [`text`], [`tools`] (`bench`, `tokenize`, the hidden `pdf-worker`);
//! [`common`] holds the arguments and messages they share. The work itself
//! is the library's (`kcite::batch`, `kcite::output`).
mod audit;
mod common;
mod extract;
mod text;
mod tools;

use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use common::{DictArg, emit};

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

#[derive(Subcommand)]
enum Command {
    /// Extract claims, footnotes, citations and findings as JSON (docs/SCHEMA.md)
    Extract(extract::ExtractArgs),
    /// Audit source attribution: counts, findings with their claims and
    /// citations, outlets, the weakest links, the summary alignment
    Audit(audit::AuditArgs),
    /// Write the audit as one self-contained HTML page (claims, markers,
    /// sources, findings, charts)
    Report(audit::ReportArgs),
    /// Print what the layout saw: every line in reading order with its page
    /// and role (body, heading, footnote, furniture, masthead, table, figure,
    /// contents, note), markers shown as [^n], footnote numbers as [n]
    Text(text::TextArgs),
    /// Print the JSON Schema of the output, generated from the Rust types
    Schema,
    /// Measure throughput: bare tokenization vs the pipeline on 1 and 2 threads
    Bench(tools::BenchArgs),
    /// Print each morpheme's surface and part-of-speech tag (a debugging aid)
    Tokenize(tools::TokenizeArgs),
    /// Extract the PDFs a parent kcite sends on stdin (PDFium runs one
    /// document at a time per process, so batches start one worker per job)
    #[command(name = "pdf-worker", hide = true)]
    PdfWorker(DictArg),
}

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

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Schema => {
            let schema = schemars::schema_for!(kcite::Document);
            emit(&format!("{}\n", serde_json::to_string_pretty(&schema)?))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Text(args) => text::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Report(args) => audit::report(args),
        Command::Audit(args) => audit::audit(args),
        Command::Bench(args) => tools::bench(args),
        Command::Tokenize(args) => tools::tokenize(args),
        Command::PdfWorker(dict) => tools::pdf_worker(&dict),
    }
}
