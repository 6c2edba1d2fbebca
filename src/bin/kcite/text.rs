//! `kcite text`: what the layout saw, line by line.
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use kcite::batch;
use kcite::output::transcript;

use crate::common::{LimitArgs, emit, read_bytes};

#[derive(Args)]
pub struct TextArgs {
    /// A report (PDF or text), or - for stdin
    file: PathBuf,
    /// One JSON object per line (text as printed, markers, box)
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    limits: LimitArgs,
}

pub fn run(args: TextArgs) -> Result<ExitCode> {
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
                transcript::render_json(&layout)
            } else {
                transcript::render(&layout)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("kcite: {}: {err}", args.file.display());
            Ok(ExitCode::from(1))
        }
    }
}
