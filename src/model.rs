//! The output contract (`docs/SCHEMA.md`, `kcite/1`) as Rust types.
//!
//! Every stage's result ends up here; `kcite schema` prints the JSON Schema
//! generated from these types, so the schema and the output cannot drift.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: &str = "kcite/1";

/// One extracted report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Always `kcite/1` for this contract.
    pub schema: String,
    pub document: DocumentInfo,
    pub sections: Vec<Section>,
    pub claims: Vec<Claim>,
    pub footnotes: Vec<Footnote>,
    pub links: Vec<Link>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentInfo {
    /// File stem of the input.
    pub id: String,
    /// The input path as given.
    pub source: String,
    /// SHA-256 of the input bytes, hex.
    pub sha256: String,
    /// Series name read from the page furniture.
    pub series: Option<String>,
    /// Issue date, ISO.
    pub date: Option<String>,
    /// Running title of the report.
    pub title: Option<String>,
    /// Pages found (page breaks + 1).
    pub pages: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// `S0` for the summary block, then `S1`, `S2`, … in order.
    pub id: String,
    pub number: Option<u32>,
    pub title: Option<String>,
    pub summary: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// `C<n>` in reading order.
    pub id: String,
    pub section: String,
    pub parent: Option<String>,
    /// Bullet symbol as printed; null for an unmarked paragraph.
    pub marker: Option<String>,
    pub depth: u32,
    pub topic: Option<String>,
    pub text: String,
    pub items: Vec<String>,
    /// `[start, end)` character offsets of the sentences in `text`.
    pub sentences: Vec<[usize; 2]>,
    pub footnote_refs: Vec<FootnoteRef>,
    pub page: u32,
    /// First and last input line.
    pub lines: [usize; 2],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteRef {
    pub n: u32,
    /// Character offset in the claim text where the marker stood.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    pub n: u32,
    pub text: String,
    pub page: u32,
    pub lines: [usize; 2],
    pub cited_by: Vec<String>,
    pub citations: Vec<Citation>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CitationKind {
    News,
    Academic,
    Report,
    Official,
    Web,
    BackReference,
    #[default]
    Note,
}

impl CitationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CitationKind::News => "news",
            CitationKind::Academic => "academic",
            CitationKind::Report => "report",
            CitationKind::Official => "official",
            CitationKind::Web => "web",
            CitationKind::BackReference => "back_reference",
            CitationKind::Note => "note",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Citation {
    /// `F<n>.<k>`: k-th citation of footnote n.
    pub id: String,
    pub kind: CitationKind,
    pub raw: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub year: Option<i32>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub container: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub pages: Option<String>,
    pub institution: Option<String>,
    pub url: Option<String>,
    pub accessed: Option<String>,
    /// Back references: the footnote pointed at.
    pub refers_to: Option<u32>,
    /// Back references: the citation id resolved to.
    pub resolved: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    pub claim: String,
    pub footnote: u32,
    pub citation: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// `missing_footnote`, `orphan_footnote`, `out_of_order_marker`,
    /// `duplicate_marker`, `unresolved_back_reference`, `malformed_citation`, …
    pub kind: String,
    pub severity: Severity,
    pub claim: Option<String>,
    pub footnote: Option<u32>,
    pub citation: Option<String>,
    pub message: String,
}
