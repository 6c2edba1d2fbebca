//! The corpus tables: `claims.jsonl`, `links.csv`, `citations.csl.json` and
//! `summary.json`, written in input order by one thread from the rows each
//! document contributes.

use std::collections::{BTreeMap, HashMap};
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result};
use serde_json::{Value, json};

use super::{Failure, Outcome, write_atomically};
use crate::model::{CitationKind, Document};

/// The rows one document contributes to the corpus tables.
pub(super) struct Rows {
    claims: Vec<String>,
    links: Vec<String>,
    csl: Vec<String>,
    summary: Value,
    outlets: BTreeMap<String, usize>,
    kinds: BTreeMap<String, usize>,
    findings: BTreeMap<String, usize>,
    pub(super) warnings: usize,
    unrecognised: Option<Failure>,
}

pub(super) fn rows(doc: &Document) -> Rows {
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
        // government releases and statistics: CSL has no press release,
        // and `legislation` is for laws
        CitationKind::Official => "report",
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
    let container = if c.kind == CitationKind::News {
        &c.outlet
    } else {
        &c.container
    };
    // an official release is published by the body that issues it
    let publisher = if c.kind == CitationKind::Official && c.institution.is_none() {
        &c.outlet
    } else {
        &c.institution
    };
    let fields = [
        ("container-title", container),
        ("volume", &c.volume),
        ("issue", &c.issue),
        ("page", &c.pages),
        ("publisher", publisher),
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

pub(super) struct Tables {
    dir: PathBuf,
    claims: BufWriter<File>,
    links: BufWriter<File>,
    csl: BufWriter<File>,
}

impl Tables {
    pub(super) fn create(dir: &Path) -> Result<Self> {
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
    pub(super) fn write_in_order(
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
    fn csv_quoting() {
        assert_eq!(
            csv_row(&["a", "b,c", "say \"hi\""]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
        );
    }

    #[test]
    fn official_releases_are_reports_published_by_their_issuer() {
        let release = crate::model::Citation {
            kind: CitationKind::Official,
            outlet: Some("国家统计局".to_string()),
            title: Some("统计公报".to_string()),
            ..Default::default()
        };
        let item = csl_item("doc", 1, &release).expect("an item");
        assert_eq!(item["type"], "report");
        assert_eq!(item["publisher"], "国家统计局");
        assert!(item.get("container-title").is_none());
    }
}
