//! The kcite command line: parses arguments, calls the library, prints.
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
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
    /// Extract claims, footnotes, citations and findings as JSON (SCHEMA.md)
    Extract {
        /// Report files or directories (searched for *.txt), or - for stdin
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output directory (one <stem>.json per report); - or absent with stdin: stdout
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of the output, generated from the Rust types
    Schema,
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
        Command::Schema => {
            let schema = schemars::schema_for!(kcite::Document);
            println!("{}", serde_json::to_string_pretty(&schema)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { inputs, output } => {
            let analyzer = Analyzer::load(&ensure_dictionary(cli.dict.as_deref())?)?;
            extract(&inputs, output.as_deref(), &analyzer)
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
            let text = read_input(&file)?;
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

fn extract(
    inputs: &[PathBuf],
    output: Option<&std::path::Path>,
    analyzer: &Analyzer,
) -> Result<ExitCode> {
    let mut failed = false;
    for input in inputs {
        let bytes =
            std::fs::read(input).with_context(|| format!("cannot read {}", input.display()))?;
        let stem = input
            .file_stem()
            .map_or("stdin".into(), |s| s.to_string_lossy().into_owned());
        match kcite::extract(
            &bytes,
            &stem,
            &input.to_string_lossy(),
            analyzer,
            kcite::Limits::default(),
        ) {
            Ok(doc) => {
                let json = serde_json::to_string_pretty(&doc)? + "\n";
                match output {
                    Some(dir) => {
                        std::fs::create_dir_all(dir)?;
                        std::fs::write(dir.join(format!("{stem}.json")), json)?;
                    }
                    None => print!("{json}"),
                }
            }
            Err(err) => {
                eprintln!("kcite: {}: {err}", input.display());
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read_input(file: &str) -> Result<String> {
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
    } else {
        bytes = std::fs::read(file).with_context(|| format!("cannot read {file}"))?;
    }
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
