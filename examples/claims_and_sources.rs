//! Prints each claim of a report with the sources it cites.
//!
//!     cargo run --release --example claims_and_sources -- corpus/kiep-focus-2024-02-01-nk-external-relations.txt
//!
//! The dictionary is built on first use (`kcite::dict`), as the binary does.
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: claims_and_sources REPORT.txt|REPORT.pdf");
        return ExitCode::from(2);
    };
    match run(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{path}: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(path: &str) -> anyhow::Result<()> {
    let bytes = std::fs::read(path)?;
    let dictionary = kcite::dict::ensure_dictionary(None)?;
    let analyzer = kcite::morphology::Analyzer::load(&dictionary)?;
    let doc = kcite::extract(&bytes, "report", path, &analyzer, kcite::Limits::default())?;
    println!("{}", doc.document.title.as_deref().unwrap_or("(untitled)"));
    for claim in &doc.claims {
        println!("{} {}", claim.id, claim.text);
        for marker in &claim.footnote_refs {
            let Some(footnote) = doc.footnotes.iter().find(|f| f.n == marker.n) else {
                continue;
            };
            for citation in &footnote.citations {
                let title = citation.title.as_deref().unwrap_or(&citation.raw);
                let date = citation.date.as_deref().unwrap_or("undated");
                println!("    [{}] {:?} {title} ({date})", marker.n, citation.kind);
            }
        }
    }
    Ok(())
}
