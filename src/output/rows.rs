//! The typed rows of the corpus tables: a line of `claims.jsonl`
//! ([`ClaimRow`]), a document of `summary.json` ([`DocumentRow`]) and
//! `summary.json` itself ([`Summary`]); docs/SCHEMA.md, "Corpus tables",
//! describes each field.
//!
//! Each struct declares its fields in alphabetical order because that is
//! the order of the keys in the files: the rows were first written as
//! `serde_json` maps, which sort their keys, and a downstream reader may
//! have come to rely on the bytes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Claim, Document, SCHEMA_VERSION, Sourcing};

/// One line of `claims.jsonl`: a claim with the document it belongs to.
///
/// ```
/// use kcite::output::rows::ClaimRow;
/// let line = r#"{"depth":0,"document":"brief","footnotes":[1],"id":"C1","marker":"□","page":1,"parent":null,"section":"S1","sourcing":"direct","supported_by":["F1.1"],"text":"수출이 늘었음.","topic":null}"#;
/// let row: ClaimRow = serde_json::from_str(line)?;
/// assert_eq!(row.footnotes, [1]);
/// assert_eq!(serde_json::to_string(&row)?, line);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    /// Nesting level inside its section (0 = top).
    pub depth: u32,
    /// The document's id.
    pub document: String,
    /// The numbers of the footnotes whose markers the claim carries, in order.
    pub footnotes: Vec<u32>,
    /// The claim's id (`C12`).
    pub id: String,
    /// The bullet the claim opens with (`□`, `-`, `▶` …), if any.
    pub marker: Option<String>,
    /// The page the claim starts on.
    pub page: u32,
    /// The id of the claim it is nested under.
    pub parent: Option<String>,
    /// The id of its section.
    pub section: String,
    /// Whether it carries a marker itself, through the claims under it, or not at all.
    pub sourcing: Sourcing,
    /// The citation ids that support it (summary claims: through the body
    /// claims they align with).
    pub supported_by: Vec<String>,
    /// The claim's text, markers left out.
    pub text: String,
    /// Its bracketed lead tag, if any.
    pub topic: Option<String>,
}

impl ClaimRow {
    /// The row of `claim` in the document `document`.
    pub fn new(document: &str, claim: &Claim) -> ClaimRow {
        ClaimRow {
            depth: claim.depth,
            document: document.to_string(),
            footnotes: claim.footnote_refs.iter().map(|r| r.n).collect(),
            id: claim.id.clone(),
            marker: claim.marker.clone(),
            page: claim.page,
            parent: claim.parent.clone(),
            section: claim.section.clone(),
            sourcing: claim.sourcing,
            supported_by: claim.supported_by.clone(),
            text: claim.text.clone(),
            topic: claim.topic.clone(),
        }
    }
}

/// One document in `summary.json`: its identity and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRow {
    /// Distinct citation ids in its footnotes.
    pub citations: usize,
    pub claims: usize,
    /// The report's date as printed in its masthead (ISO).
    pub date: Option<String>,
    pub figures: usize,
    /// Findings per kind.
    pub findings: BTreeMap<String, usize>,
    pub footnotes: usize,
    /// The document's id (its `<id>.json`).
    pub id: String,
    /// Citations per kind (`news`, `report` …).
    pub kinds: BTreeMap<String, usize>,
    /// Claim–citation links.
    pub links: usize,
    /// Cited items per outlet (its canonical name where known).
    pub outlets: BTreeMap<String, usize>,
    pub pages: u32,
    /// The input's path as given.
    pub source: String,
    pub tables: usize,
    pub title: Option<String>,
}

impl DocumentRow {
    /// The summary row of `doc`.
    pub fn new(doc: &Document) -> DocumentRow {
        DocumentRow {
            citations: doc.citations_by_id().len(),
            claims: doc.claims.len(),
            date: doc.document.date.clone(),
            figures: doc.figures.len(),
            findings: doc.finding_counts(),
            footnotes: doc.footnotes.len(),
            id: doc.document.id.clone(),
            kinds: doc.citation_kind_counts(),
            links: doc.links.len(),
            outlets: doc.outlet_counts(),
            pages: doc.document.pages,
            source: doc.document.source.clone(),
            tables: doc.tables.len(),
            title: doc.document.title.clone(),
        }
    }
}

/// A file of the batch that could not be read, in `summary.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedRow {
    /// Why, in the words printed on stderr.
    pub error: String,
    /// The input's path as given.
    pub source: String,
}

/// `summary.json`: every document's row, the failures, and the counts over
/// the whole batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// One row per document extracted, in input order.
    pub documents: Vec<DocumentRow>,
    /// The inputs that failed, in input order.
    pub failed: Vec<FailedRow>,
    /// Findings per kind over all documents.
    pub findings: BTreeMap<String, usize>,
    /// Citations per kind over all documents.
    pub kinds: BTreeMap<String, usize>,
    /// Cited items per outlet over all documents.
    pub outlets: BTreeMap<String, usize>,
    /// The schema version of the documents (`kcite/1`).
    pub schema: String,
}

impl Default for Summary {
    fn default() -> Self {
        Summary {
            documents: Vec::new(),
            failed: Vec::new(),
            findings: BTreeMap::new(),
            kinds: BTreeMap::new(),
            outlets: BTreeMap::new(),
            schema: SCHEMA_VERSION.to_string(),
        }
    }
}

impl Summary {
    /// Adds a document's row and its counts to the batch's.
    pub fn add(&mut self, row: DocumentRow) {
        merge(&mut self.outlets, &row.outlets);
        merge(&mut self.kinds, &row.kinds);
        merge(&mut self.findings, &row.findings);
        self.documents.push(row);
    }
}

fn merge(into: &mut BTreeMap<String, usize>, from: &BTreeMap<String, usize>) {
    for (key, count) in from {
        *into.entry(key.clone()).or_default() += count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, DocumentInfo, FootnoteRef};

    fn empty_document() -> Document {
        Document {
            schema: SCHEMA_VERSION.into(),
            document: DocumentInfo::default(),
            sections: Vec::new(),
            claims: Vec::new(),
            footnotes: Vec::new(),
            tables: Vec::new(),
            figures: Vec::new(),
            links: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// The keys in the order a `serde_json` map writes them: sorted.
    fn keys_are_sorted(value: &impl Serialize) {
        let text = serde_json::to_string(value).expect("serializes");
        let map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&text).expect("an object");
        assert_eq!(
            serde_json::Value::Object(map).to_string(),
            text,
            "fields out of alphabetical order"
        );
    }

    #[test]
    fn rows_write_their_keys_in_alphabetical_order() {
        let claim = Claim {
            id: "C3".into(),
            section: "S1".into(),
            text: "수출이 늘었음.".into(),
            footnote_refs: vec![FootnoteRef {
                n: 4,
                ..Default::default()
            }],
            ..Claim::default()
        };
        keys_are_sorted(&ClaimRow::new("brief", &claim));
        let doc = empty_document();
        keys_are_sorted(&DocumentRow::new(&doc));
        keys_are_sorted(&FailedRow {
            error: "no such file or directory".into(),
            source: "gone.pdf".into(),
        });
        let mut summary = Summary::default();
        summary.add(DocumentRow::new(&doc));
        keys_are_sorted(&summary);
    }

    #[test]
    fn a_claim_row_reads_back() {
        let claim = Claim {
            id: "C1".into(),
            marker: Some("□".into()),
            supported_by: vec!["F1.1".into()],
            ..Claim::default()
        };
        let row = ClaimRow::new("brief", &claim);
        let text = serde_json::to_string(&row).expect("serializes");
        assert_eq!(serde_json::from_str::<ClaimRow>(&text).ok(), Some(row));
    }

    #[test]
    fn the_batch_counts_add_up() {
        let mut row = DocumentRow::new(&empty_document());
        row.kinds.insert("news".into(), 2);
        let mut summary = Summary::default();
        summary.add(row.clone());
        summary.add(row);
        assert_eq!(summary.kinds["news"], 4);
        assert_eq!(summary.documents.len(), 2);
    }
}
