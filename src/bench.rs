//! Bench: throughput of the pipeline against bare tokenization.
//!
//! In: report files (text and PDF), a target size. Out: a [`BenchReport`]
//! with MB/s and documents/s for bare lindera tokenization of the text
//! reports, the full pipeline on one thread and on two, and for the PDFs the
//! layout alone and the full pipeline in pages/s; and the peak resident
//! memory. The corpora are replicated in memory up to the target size (PDFs:
//! up to a number of pages), so the figures do not depend on disk speed, and
//! each figure is the best of a few rounds, so a busy neighbour on a shared
//! machine does not pass for a slow stage.

use std::time::Instant;

use rayon::prelude::*;

use crate::batch::{Extractor, PdfWorkers};
use crate::layout::pdf::is_pdf;
use crate::morphology::Analyzer;
use crate::pipeline::{self, Limits, StageTimes};

/// PDFs are replicated up to this many pages.
const PDF_PAGES: usize = 300;

/// One measured run.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Measure {
    pub name: String,
    pub seconds: f64,
    pub mb_per_s: f64,
    pub docs_per_s: f64,
    /// PDF runs: pages read per second.
    pub pages_per_s: Option<f64>,
    /// Pipeline runs on one thread: seconds per stage.
    pub stages: Option<StageTimes>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct BenchReport {
    /// Each figure is the fastest of this many rounds.
    pub rounds: usize,
    pub documents: usize,
    pub megabytes: f64,
    pub runs: Vec<Measure>,
    /// The PDF corpus, when PDFs were given.
    pub pdf: Option<PdfCorpus>,
    pub peak_rss_mb: Option<f64>,
}

/// What the PDF runs read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PdfCorpus {
    pub documents: usize,
    pub pages: usize,
    pub megabytes: f64,
}

/// Replicates the reports to at least `target_bytes` (PDFs: to
/// `PDF_PAGES` pages) and measures. The pipeline runs go through the
/// batch's own [`Extractor`], PDFs in `workers` as `kcite extract` runs them.
pub fn run(
    reports: &[Vec<u8>],
    target_bytes: usize,
    rounds: usize,
    analyzer: &Analyzer,
    workers: Option<&PdfWorkers>,
) -> BenchReport {
    let rounds = rounds.max(1);
    let (pdfs, texts): (Vec<&Vec<u8>>, Vec<&Vec<u8>>) = reports.iter().partition(|r| is_pdf(r));
    let corpus: Vec<&[u8]> = replicate(&texts, |r| r.len(), target_bytes)
        .into_iter()
        .map(Vec::as_slice)
        .collect();
    let megabytes = corpus.iter().map(|r| r.len()).sum::<usize>() as f64 / 1e6;
    let decoded: Vec<String> = corpus
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    let mut runs = Vec::new();
    if !corpus.is_empty() {
        let tokenization = measure(
            "lindera tokenization (1 thread)",
            (megabytes, corpus.len(), None),
            rounds,
            || {
                decoded
                    .iter()
                    .map(|t| t.lines().map(|l| analyzer.token_count(l)).sum::<usize>())
                    .sum::<usize>()
            },
        );
        runs.push(tokenization.0);
        let size = (megabytes, corpus.len(), None);
        let engine = (analyzer, None);
        runs.extend(pipeline_runs(
            "kcite pipeline",
            &corpus,
            size,
            rounds,
            engine,
        ));
    }
    let engine = (analyzer, workers);
    let pdf = (!pdfs.is_empty()).then(|| bench_pdfs(&pdfs, engine, rounds, &mut runs));
    BenchReport {
        rounds,
        documents: corpus.len(),
        megabytes,
        runs,
        pdf: pdf.flatten(),
        peak_rss_mb: peak_rss_mb(),
    }
}

/// The layout alone and the whole pipeline on the PDFs, in pages/s.
fn bench_pdfs(
    pdfs: &[&Vec<u8>],
    engine: Engine,
    rounds: usize,
    runs: &mut Vec<Measure>,
) -> Option<PdfCorpus> {
    let page_counts: Vec<usize> = pdfs
        .iter()
        .map(|b| pipeline::read_layout(b, Limits::default()).map_or(0, |l| l.pages as usize))
        .collect();
    let sized: Vec<(&Vec<u8>, usize)> = pdfs
        .iter()
        .copied()
        .zip(page_counts)
        .filter(|(_, p)| *p > 0)
        .collect();
    if sized.is_empty() {
        return None;
    }
    let corpus = replicate(&sized, |(_, pages)| *pages, PDF_PAGES);
    let pages: usize = corpus.iter().map(|(_, p)| p).sum();
    let bytes: Vec<&[u8]> = corpus.iter().map(|(b, _)| b.as_slice()).collect();
    let megabytes = bytes.iter().map(|b| b.len()).sum::<usize>() as f64 / 1e6;
    let size = (megabytes, bytes.len(), Some(pages));
    let layout = measure("PDF layout (1 thread)", size, rounds, || {
        bytes
            .iter()
            .map(|b| pipeline::read_layout(b, Limits::default()).map_or(0, |l| l.body.len()))
            .sum::<usize>()
    });
    runs.push(layout.0);
    runs.extend(pipeline_runs(
        "kcite pipeline on PDF",
        &bytes,
        size,
        rounds,
        engine,
    ));
    Some(PdfCorpus {
        documents: bytes.len(),
        pages,
        megabytes,
    })
}

/// The items repeated in order until their sizes reach `target`.
fn replicate<T: Copy>(items: &[T], size: impl Fn(&T) -> usize, target: usize) -> Vec<T> {
    let mut out = Vec::new();
    let mut total = 0;
    while total < target && items.iter().any(|i| size(i) > 0) {
        for item in items {
            out.push(*item);
            total += size(item);
        }
    }
    out
}

/// What runs the pipeline: the analyzer, and the PDF workers if any.
type Engine<'a> = (&'a Analyzer, Option<&'a PdfWorkers>);

/// The whole pipeline over the corpus on one thread, then on two.
fn pipeline_runs(
    name: &str,
    corpus: &[&[u8]],
    size: Size,
    rounds: usize,
    engine: Engine,
) -> Vec<Measure> {
    [1, 2]
        .into_iter()
        .filter_map(|jobs| pipeline_run(name, jobs, corpus, size, rounds, engine))
        .collect()
}

/// The whole pipeline (JSON and its parse back, as a batch has them) over
/// the corpus on `jobs` threads. PDF workers, like a batch's, are started
/// by the first documents and kept: the first round pays their start.
fn pipeline_run(
    name: &str,
    jobs: usize,
    corpus: &[&[u8]],
    size: Size,
    rounds: usize,
    (analyzer, workers): Engine,
) -> Option<Measure> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .ok()?;
    let extractor = Extractor::new(analyzer, Limits::default(), workers);
    let (mut run, (_, stages)) = measure(&format!("{name} (--jobs {jobs})"), size, rounds, || {
        pool.install(|| {
            corpus
                .par_iter()
                .enumerate()
                .map(|(i, bytes)| {
                    let id = format!("doc{i}");
                    extractor
                        .extract_bytes(bytes, &id, &id)
                        .map_or((0, StageTimes::default()), |e| (e.json.len(), e.stages))
                })
                .reduce(
                    || (0, StageTimes::default()),
                    |(a, ta), (b, tb)| (a + b, ta + tb),
                )
        })
    });
    run.stages = (jobs == 1).then_some(stages);
    Some(run)
}

/// What a run reads: megabytes, documents and (PDFs) pages.
type Size = (f64, usize, Option<usize>);

/// Runs `work` `rounds` times (at least once) and keeps the fastest round,
/// with what it returned (a pipeline run's stage times).
fn measure<T>(name: &str, size: Size, rounds: usize, mut work: impl FnMut() -> T) -> (Measure, T) {
    let (megabytes, documents, pages) = size;
    let mut timed = || {
        let started = Instant::now();
        let out = std::hint::black_box(work());
        (started.elapsed().as_secs_f64().max(1e-9), out)
    };
    let mut best = timed();
    for _ in 1..rounds {
        let next = timed();
        if next.0 < best.0 {
            best = next;
        }
    }
    let (seconds, out) = best;
    let measure = Measure {
        name: name.to_string(),
        seconds,
        mb_per_s: megabytes / seconds,
        docs_per_s: documents as f64 / seconds,
        pages_per_s: pages.map(|p| p as f64 / seconds),
        stages: None,
    };
    (measure, out)
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
        if self.documents > 0 {
            writeln!(
                f,
                "corpus: {} documents, {:.1} MB (replicated in memory; best of {} rounds)",
                self.documents, self.megabytes, self.rounds
            )?;
        }
        for run in self.runs.iter().filter(|r| r.pages_per_s.is_none()) {
            writeln!(
                f,
                "{:<34} {:>7.2} s {:>8.2} MB/s {:>9.1} docs/s",
                run.name, run.seconds, run.mb_per_s, run.docs_per_s
            )?;
            write_stages(f, run)?;
        }
        if let Some(pdf) = &self.pdf {
            writeln!(
                f,
                "PDF corpus: {} documents, {} pages, {:.1} MB (replicated in memory)",
                pdf.documents, pdf.pages, pdf.megabytes
            )?;
        }
        for run in &self.runs {
            if let Some(pages) = run.pages_per_s {
                writeln!(
                    f,
                    "{:<34} {:>7.2} s {:>8.2} MB/s {:>9.1} pages/s",
                    run.name, run.seconds, run.mb_per_s, pages
                )?;
                write_stages(f, run)?;
            }
        }
        if let Some(rss) = self.peak_rss_mb {
            writeln!(f, "peak RSS: {rss:.0} MB")?;
        }
        Ok(())
    }
}

/// `  stages: layout 0.05 s · reflow 0.31 s · …` under a one-thread run.
fn write_stages(f: &mut std::fmt::Formatter<'_>, run: &Measure) -> std::fmt::Result {
    let Some(t) = run.stages else { return Ok(()) };
    writeln!(
        f,
        "  stages: layout {:.2} s · reflow {:.2} s · citations {:.2} s · outline+markers {:.2} s · morphology {:.2} s · audit {:.2} s",
        t.layout, t.reflow, t.citations, t.outline_markers, t.morphology, t.audit
    )
}
