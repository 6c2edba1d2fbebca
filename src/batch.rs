//! Batch: a corpus of reports → per-document JSON and corpus tables.
//!
//! In: files and directories, options. Out: `<id>.json` per document, written
//! atomically as soon as it is done, and the corpus tables `claims.jsonl`,
//! `links.csv`, `citations.csl.json` and `summary.json`, plus one
//! [`Failure`] per document that could not be read.
//!
//! Documents run in parallel (rayon); the tables are written by one thread in
//! input order from a small reorder buffer, so the output is byte-identical
//! whatever the thread count, and only table rows (never whole documents)
//! wait in memory.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::model::{CitationKind, Document};
use crate::morphology::Analyzer;
use crate::pipeline::{self, Limits};

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    /// Document id: the file stem, or the relative path where stems collide.
    pub id: String,
}

/// What a batch run produced besides its files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    pub failures: Vec<Failure>,
    /// Findings of severity warning or error, over all documents.
    pub warnings: usize,
    /// Documents that did not read as reports (`layout_unrecognised`):
    /// written all the same, with the finding's message.
    pub unrecognised: Vec<Failure>,
}

/// A document that could not be extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub source: String,
    pub error: String,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub jobs: usize,
    pub progress: bool,
    pub limits: Limits,
}

/// The file names `kcite` takes from directories by default: reports as text
/// and as PDF.
pub const DEFAULT_GLOBS: &str = "*.txt,*.pdf";

/// What was found in the inputs given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Collected {
    pub inputs: Vec<Input>,
    /// Files in the directories that no glob matched, by extension
    /// (`.docx`, or `(none)`), for the message when nothing was found.
    pub skipped: BTreeMap<String, usize>,
}

impl Collected {
    /// `2 .docx files skipped, 1 .hwp file skipped`.
    pub fn skipped_summary(&self) -> String {
        self.skipped
            .iter()
            .map(|(ext, n)| format!("{n} {ext} file{} skipped", if *n == 1 { "" } else { "s" }))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Expands files and directories (recursively, files whose name matches one
/// of the comma-separated `globs`) into inputs in a stable order with unique
/// ids. A file named explicitly is taken whatever its name.
pub fn collect_inputs(paths: &[PathBuf], globs: &str) -> Result<Collected> {
    let patterns: Vec<&str> = globs
        .split(',')
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .collect();
    let mut files = Vec::new();
    let mut skipped = BTreeMap::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &patterns, &mut files, &mut skipped)
                .with_context(|| format!("cannot list {}", path.display()))?;
        } else if path.exists() {
            files.push(path.clone());
        } else {
            anyhow::bail!("{}: no such file or directory", path.display());
        }
    }
    let mut stems: HashMap<String, usize> = HashMap::new();
    for file in &files {
        *stems.entry(stem(file)).or_default() += 1;
    }
    let inputs = files
        .into_iter()
        .map(|path| {
            let id = if stems[&stem(&path)] > 1 {
                path.with_extension("")
                    .to_string_lossy()
                    .replace(['/', '\\'], "__")
                    .trim_start_matches("__")
                    .to_string()
            } else {
                stem(&path)
            };
            Input { path, id }
        })
        .collect();
    Ok(Collected { inputs, skipped })
}

fn stem(path: &Path) -> String {
    path.file_stem().map_or_else(
        || "document".to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

fn walk(
    dir: &Path,
    globs: &[&str],
    out: &mut Vec<PathBuf>,
    skipped: &mut BTreeMap<String, usize>,
) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, globs, out, skipped)?;
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if globs.iter().any(|g| glob_match(g, &name)) {
            out.push(path);
        } else if !name.starts_with('.') {
            let ext = path.extension().map_or_else(
                || "(no extension)".to_string(),
                |e| format!(".{}", e.to_string_lossy()),
            );
            *skipped.entry(ext).or_default() += 1;
        }
    }
    Ok(())
}

/// `*` matches any run of characters, `?` one character.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni, mut star, mut mark) = (0, 0, None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// What `kcite audit` and `kcite report` read: documents already extracted
/// (`<id>.json`) and reports still to extract.
#[derive(Debug)]
pub enum Source {
    Extracted(Box<Document>),
    Report(Input),
}

/// Expands files and directories into sources. In directories, `*.json`
/// files that are kcite documents are loaded (the corpus tables are not) and
/// `*.txt` and `*.pdf` files are to be extracted; a file named explicitly is
/// loaded if it ends in `.json`, else extracted.
pub fn collect_sources(paths: &[PathBuf]) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &["*"], &mut files, &mut BTreeMap::new())
                .with_context(|| format!("cannot list {}", path.display()))?;
            for file in files {
                match file.extension().and_then(|e| e.to_str()) {
                    Some("json") => {
                        if let Ok(doc) = load_document(&file) {
                            sources.push(Source::Extracted(Box::new(doc)));
                        }
                    }
                    Some("txt" | "pdf") => sources.push(Source::Report(text_input(file))),
                    _ => {}
                }
            }
        } else if !path.exists() {
            anyhow::bail!("{}: no such file or directory", path.display());
        } else if path.extension().is_some_and(|e| e == "json") {
            sources.push(Source::Extracted(Box::new(load_document(path)?)));
        } else {
            sources.push(Source::Report(text_input(path.clone())));
        }
    }
    Ok(sources)
}

fn text_input(path: PathBuf) -> Input {
    let id = stem(&path);
    Input { path, id }
}

/// Loads one `<id>.json` written by `kcite extract`.
pub fn load_document(path: &Path) -> Result<Document> {
    let text =
        fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc: Document = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a kcite document", path.display()))?;
    anyhow::ensure!(
        doc.schema == crate::model::SCHEMA_VERSION,
        "{} has schema {}, this kcite reads {}",
        path.display(),
        doc.schema,
        crate::model::SCHEMA_VERSION
    );
    Ok(doc)
}

/// Reads and extracts one input, refusing oversized files before reading them.
pub fn extract_input(
    input: &Input,
    analyzer: &Analyzer,
    limits: Limits,
) -> Result<Document, String> {
    let size = fs::metadata(&input.path).map_err(|e| e.to_string())?.len();
    if size > limits.max_bytes as u64 {
        return Err(format!(
            "the file has {size} bytes, more than the limit of {}",
            limits.max_bytes
        ));
    }
    let bytes = fs::read(&input.path).map_err(|e| e.to_string())?;
    pipeline::extract(
        &bytes,
        &input.id,
        &input.path.to_string_lossy(),
        analyzer,
        limits,
    )
    .map_err(|e| e.to_string())
}

/// Writes `bytes` to `path` through a temporary file and a rename, so an
/// interrupted run never leaves a truncated file behind.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, path)
}

/// The document as pretty JSON with a final newline.
pub fn to_json(document: &Document) -> String {
    let mut json = serde_json::to_string_pretty(document).unwrap_or_default();
    json.push('\n');
    json
}

/// The rows one document contributes to the corpus tables.
struct Rows {
    claims: Vec<String>,
    links: Vec<String>,
    csl: Vec<String>,
    summary: Value,
    outlets: BTreeMap<String, usize>,
    kinds: BTreeMap<String, usize>,
    findings: BTreeMap<String, usize>,
    warnings: usize,
    unrecognised: Option<Failure>,
}

/// Runs the batch into `out_dir`. Returns the failures (empty: all good) and
/// the number of warnings found.
pub fn run(
    inputs: &[Input],
    out_dir: &Path,
    analyzer: &Analyzer,
    options: &Options,
) -> Result<Outcome> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    // one stat per input, for the bar's total and for each document's share
    let sizes: Vec<u64> = inputs
        .iter()
        .map(|i| fs::metadata(&i.path).map_or(0, |m| m.len()))
        .collect();
    let total_bytes: u64 = sizes.iter().sum();
    let bar = progress_bar(inputs.len() as u64, total_bytes, options.progress);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.max(1))
        .build()?;
    let (sender, receiver) =
        mpsc::sync_channel::<(usize, Result<Rows, Failure>)>(options.jobs.max(1) * 4);

    let tables = Tables::create(out_dir)?;
    let writer = std::thread::spawn(move || tables.write_in_order(receiver));
    let done_bytes = std::sync::atomic::AtomicU64::new(0);
    pool.install(|| {
        inputs
            .par_iter()
            .enumerate()
            .for_each_with(sender, |sender, (index, input)| {
                let result = process(input, out_dir, analyzer, options.limits);
                if let Err(failure) = &result {
                    bar.suspend(|| eprintln!("kcite: {}: {}", failure.source, failure.error));
                }
                let bytes = sizes[index];
                let done =
                    done_bytes.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed) + bytes;
                bar.set_message(format!(
                    "{:.1}/{:.1} MB",
                    done as f64 / 1e6,
                    total_bytes as f64 / 1e6
                ));
                bar.inc(1);
                let _ = sender.send((index, result));
            });
    });
    bar.finish_and_clear();
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("the table writer panicked"))?
}

fn progress_bar(documents: u64, total_bytes: u64, visible: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if !visible || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(documents);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} documents, {msg}, ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.set_message(format!("0.0/{:.1} MB", total_bytes as f64 / 1e6));
    bar
}

fn process(
    input: &Input,
    out_dir: &Path,
    analyzer: &Analyzer,
    limits: Limits,
) -> Result<Rows, Failure> {
    let source = input.path.to_string_lossy().into_owned();
    let fail = |error: String| Failure {
        source: source.clone(),
        error,
    };
    let document = extract_input(input, analyzer, limits).map_err(fail)?;
    let path = out_dir.join(format!("{}.json", input.id));
    write_atomically(&path, to_json(&document).as_bytes())
        .map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
    Ok(rows(&document))
}

fn rows(doc: &Document) -> Rows {
    let id = &doc.document.id;
    let claims = doc
        .claims
        .iter()
        .map(|c| {
            let footnotes: Vec<u32> = c.footnote_refs.iter().map(|r| r.n).collect();
            json!({
                "document": id, "id": c.id, "section": c.section, "parent": c.parent,
                "marker": c.marker, "depth": c.depth, "topic": c.topic, "text": c.text,
                "footnotes": footnotes, "page": c.page, "sourcing": c.sourcing.as_str(),
                "supported_by": c.supported_by,
            })
            .to_string()
        })
        .collect();
    let citations: HashMap<&str, &crate::model::Citation> = doc
        .footnotes
        .iter()
        .flat_map(|f| f.citations.iter())
        .map(|c| (c.id.as_str(), c))
        .collect();
    let claims_by_id: HashMap<&str, &crate::model::Claim> =
        doc.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let links = doc
        .links
        .iter()
        .filter_map(|l| {
            let c = citations.get(l.citation.as_str())?;
            let claim = claims_by_id.get(l.claim.as_str())?;
            // the sentence that carries this footnote's marker
            let sentence = claim
                .footnote_refs
                .iter()
                .find(|r| r.n == l.footnote)
                .map_or(claim.text.as_str(), |r| claim.sentence_at(r.offset));
            Some(csv_row(&[
                id,
                &l.claim,
                &l.footnote.to_string(),
                &c.id,
                c.kind.as_str(),
                c.title.as_deref().unwrap_or(""),
                &c.authors.join("; "),
                &c.year.map(|y| y.to_string()).unwrap_or_default(),
                c.date.as_deref().unwrap_or(""),
                c.outlet.as_deref().unwrap_or(""),
                c.container.as_deref().unwrap_or(""),
                c.url.as_deref().unwrap_or(""),
                c.resolved.as_deref().unwrap_or(""),
                &l.support.map(|s| format!("{s:.2}")).unwrap_or_default(),
                &claim.text,
                sentence,
            ]))
        })
        .collect();
    let outlets = doc.outlet_counts();
    let kinds = doc.citation_kind_counts();
    let findings = doc.finding_counts();
    let mut csl = Vec::new();
    for footnote in &doc.footnotes {
        for c in &footnote.citations {
            if let Some(item) = csl_item(id, footnote.n, c) {
                csl.push(item.to_string());
            }
        }
    }
    let summary = json!({
        "id": id,
        "source": doc.document.source,
        "date": doc.document.date,
        "title": doc.document.title,
        "pages": doc.document.pages,
        "claims": doc.claims.len(),
        "footnotes": doc.footnotes.len(),
        "tables": doc.tables.len(),
        "figures": doc.figures.len(),
        "citations": citations.len(),
        "links": doc.links.len(),
        "kinds": kinds,
        "outlets": outlets,
        "findings": findings,
    });
    Rows {
        claims,
        links,
        csl,
        summary,
        outlets,
        kinds,
        findings,
        warnings: doc
            .findings
            .iter()
            .filter(|f| f.severity >= crate::model::Severity::Warning)
            .count(),
        unrecognised: doc.unrecognised().map(|f| Failure {
            source: doc.document.source.clone(),
            error: f.message.clone(),
        }),
    }
}

/// A CSL-JSON item for a cited work (not for notes or back references).
fn csl_item(document: &str, footnote: u32, c: &crate::model::Citation) -> Option<Value> {
    let kind = match c.kind {
        CitationKind::News => "article-newspaper",
        CitationKind::Academic if c.container.is_some() => "article-journal",
        CitationKind::Academic => "book",
        CitationKind::Report => "report",
        CitationKind::Official => "legislation",
        CitationKind::Web => "webpage",
        CitationKind::BackReference | CitationKind::Note => return None,
    };
    let mut item = json!({
        "id": format!("{document}#{}", c.id),
        "type": kind,
        "title": c.title,
        "custom": {
            "kind": c.kind.as_str(), "raw": c.raw, "document": document, "footnote": footnote,
        },
    });
    let container = if c.kind == CitationKind::News || c.kind == CitationKind::Official {
        &c.outlet
    } else {
        &c.container
    };
    let fields = [
        ("container-title", container),
        ("volume", &c.volume),
        ("issue", &c.issue),
        ("page", &c.pages),
        ("publisher", &c.institution),
        ("URL", &c.url),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            item[key] = json!(value);
        }
    }
    if !c.authors.is_empty() {
        item["author"] = json!(
            c.authors
                .iter()
                .map(|a| json!({ "literal": a }))
                .collect::<Vec<_>>()
        );
    }
    if let Some(parts) = date_parts(c.date.as_deref(), c.year) {
        item["issued"] = json!({ "date-parts": [parts] });
    }
    if let Some(parts) = date_parts(c.accessed.as_deref(), None) {
        item["accessed"] = json!({ "date-parts": [parts] });
    }
    Some(item)
}

fn date_parts(date: Option<&str>, year: Option<i32>) -> Option<Vec<i32>> {
    match date {
        Some(d) => Some(d.split('-').filter_map(|p| p.parse().ok()).collect()),
        None => year.map(|y| vec![y]),
    }
}

/// One CSV row (RFC 4180 quoting), newline-terminated.
fn csv_row(fields: &[&str]) -> String {
    let mut row = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            row.push('"');
            row.push_str(&field.replace('"', "\"\""));
            row.push('"');
        } else {
            row.push_str(field);
        }
    }
    row.push_str("\r\n");
    row
}

const LINKS_HEADER: &[&str] = &[
    "document",
    "claim",
    "footnote",
    "citation",
    "kind",
    "title",
    "authors",
    "year",
    "date",
    "outlet",
    "container",
    "url",
    "resolved",
    "support",
    "claim_text",
    "sentence",
];

struct Tables {
    dir: PathBuf,
    claims: BufWriter<File>,
    links: BufWriter<File>,
    csl: BufWriter<File>,
}

impl Tables {
    fn create(dir: &Path) -> Result<Self> {
        let open = |name: &str| -> Result<BufWriter<File>> {
            let path = dir.join(format!(".{name}.partial"));
            Ok(BufWriter::new(File::create(&path).with_context(|| {
                format!("cannot create {}", path.display())
            })?))
        };
        let mut links = open("links.csv")?;
        // a BOM so spreadsheet programs read the Korean text as UTF-8
        links.write_all("\u{feff}".as_bytes())?;
        links.write_all(csv_row(LINKS_HEADER).as_bytes())?;
        let mut csl = open("citations.csl.json")?;
        csl.write_all(b"[")?;
        Ok(Tables {
            dir: dir.to_path_buf(),
            claims: open("claims.jsonl")?,
            links,
            csl,
        })
    }

    /// Receives results in any order, writes them in input order.
    fn write_in_order(
        mut self,
        receiver: mpsc::Receiver<(usize, Result<Rows, Failure>)>,
    ) -> Result<Outcome> {
        let mut pending: BTreeMap<usize, Result<Rows, Failure>> = BTreeMap::new();
        let mut next = 0;
        let mut failures = Vec::new();
        let mut warnings = 0;
        let mut unrecognised = Vec::new();
        let mut documents = Vec::new();
        let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
        let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
        let mut findings: BTreeMap<String, usize> = BTreeMap::new();
        let mut first_csl = true;
        for (index, result) in receiver {
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                match result {
                    Ok(rows) => {
                        for line in &rows.claims {
                            writeln!(self.claims, "{line}")?;
                        }
                        for row in &rows.links {
                            self.links.write_all(row.as_bytes())?;
                        }
                        for item in &rows.csl {
                            self.csl.write_all(if first_csl { b"\n" } else { b",\n" })?;
                            self.csl.write_all(item.as_bytes())?;
                            first_csl = false;
                        }
                        merge(&mut outlets, rows.outlets);
                        merge(&mut kinds, rows.kinds);
                        merge(&mut findings, rows.findings);
                        warnings += rows.warnings;
                        unrecognised.extend(rows.unrecognised);
                        documents.push(rows.summary);
                    }
                    Err(failure) => failures.push(failure),
                }
            }
        }
        self.csl.write_all(b"\n]\n")?;
        let failed: Vec<Value> = failures
            .iter()
            .map(|f| json!({"source": f.source, "error": f.error}))
            .collect();
        let summary = json!({
            "schema": crate::model::SCHEMA_VERSION,
            "documents": documents,
            "failed": failed,
            "outlets": outlets,
            "kinds": kinds,
            "findings": findings,
        });
        for mut writer in [self.claims, self.links, self.csl] {
            writer.flush()?;
        }
        for name in ["claims.jsonl", "links.csv", "citations.csl.json"] {
            fs::rename(
                self.dir.join(format!(".{name}.partial")),
                self.dir.join(name),
            )?;
        }
        let mut text = serde_json::to_string_pretty(&summary)?;
        text.push('\n');
        write_atomically(&self.dir.join("summary.json"), text.as_bytes())?;
        Ok(Outcome {
            failures,
            warnings,
            unrecognised,
        })
    }
}

fn merge(into: &mut BTreeMap<String, usize>, from: BTreeMap<String, usize>) {
    for (key, count) in from {
        *into.entry(key).or_default() += count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("*.txt", "report.txt"));
        assert!(!glob_match("*.txt", "report.json"));
        assert!(glob_match("kiep-*-??.txt", "kiep-focus-01.txt"));
        assert!(glob_match("*", "x"));
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(
            csv_row(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
    }
}
