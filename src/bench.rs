//! Bench: throughput of the pipeline against bare tokenization.
//!
//! In: report files, a target size. Out: a [`BenchReport`] with MB/s and
//! documents/s for bare lindera tokenization of the same text, the full
//! pipeline on one thread and on two, and the peak resident memory.
//! The corpus is replicated in memory up to the target size, so the figures
//! do not depend on disk speed.

use std::time::Instant;

use rayon::prelude::*;

use crate::morphology::Analyzer;
use crate::pipeline::{self, Limits};

/// One measured run.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Measure {
    pub name: String,
    pub seconds: f64,
    pub mb_per_s: f64,
    pub docs_per_s: f64,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct BenchReport {
    pub documents: usize,
    pub megabytes: f64,
    pub runs: Vec<Measure>,
    pub peak_rss_mb: Option<f64>,
}

/// Replicates `reports` to at least `target_bytes` and measures.
pub fn run(reports: &[Vec<u8>], target_bytes: usize, analyzer: &Analyzer) -> BenchReport {
    let mut corpus: Vec<&[u8]> = Vec::new();
    let mut bytes = 0;
    while bytes < target_bytes && !reports.is_empty() {
        for report in reports {
            corpus.push(report);
            bytes += report.len();
        }
    }
    let megabytes = bytes as f64 / 1e6;
    let texts: Vec<String> = corpus
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut runs = Vec::new();
    runs.push(measure(
        "lindera tokenization (1 thread)",
        megabytes,
        corpus.len(),
        || {
            texts
                .iter()
                .map(|t| t.lines().map(|l| analyzer.token_count(l)).sum::<usize>())
                .sum::<usize>()
        },
    ));
    for jobs in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build();
        let Ok(pool) = pool else { continue };
        runs.push(measure(
            &format!("kcite pipeline (--jobs {jobs})"),
            megabytes,
            corpus.len(),
            || {
                pool.install(|| {
                    corpus
                        .par_iter()
                        .enumerate()
                        .map(|(i, bytes)| {
                            let id = format!("doc{i}");
                            pipeline::extract(bytes, &id, &id, analyzer, Limits::default())
                                .map(|d| serde_json::to_string_pretty(&d).map_or(0, |s| s.len()))
                                .unwrap_or(0)
                        })
                        .sum::<usize>()
                })
            },
        ));
    }
    BenchReport {
        documents: corpus.len(),
        megabytes,
        runs,
        peak_rss_mb: peak_rss_mb(),
    }
}

fn measure<T>(name: &str, megabytes: f64, documents: usize, work: impl FnOnce() -> T) -> Measure {
    let started = Instant::now();
    std::hint::black_box(work());
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    Measure {
        name: name.to_string(),
        seconds,
        mb_per_s: megabytes / seconds,
        docs_per_s: documents as f64 / seconds,
    }
}

/// Peak resident set size of this process (Linux `VmHWM`).
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "corpus: {} documents, {:.1} MB (replicated in memory)",
            self.documents, self.megabytes
        )?;
        for run in &self.runs {
            writeln!(
                f,
                "{:<34} {:>7.2} s {:>8.2} MB/s {:>9.1} docs/s",
                run.name, run.seconds, run.mb_per_s, run.docs_per_s
            )?;
        }
        if let Some(rss) = self.peak_rss_mb {
            writeln!(f, "peak RSS: {rss:.0} MB")?;
        }
        Ok(())
    }
}
