//! The output contract (`docs/SCHEMA.md`, `kcite/1`) as Rust types.
//!
//! Every stage's result ends up here; `kcite schema` prints the JSON Schema
//! generated from these types, so the schema and the output cannot drift.

use std::collections::{BTreeMap, BTreeSet};

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
    /// Tables, in reading order.
    #[serde(default)]
    pub tables: Vec<Exhibit>,
    /// Figures, in reading order.
    #[serde(default)]
    pub figures: Vec<Exhibit>,
    pub links: Vec<Link>,
    pub findings: Vec<Finding>,
}

impl Document {
    /// The `layout_unrecognised` finding: the input did not read as a report.
    pub fn unrecognised(&self) -> Option<&Finding> {
        self.findings
            .iter()
            .find(|f| f.kind == "layout_unrecognised")
    }

    /// Every citation of the document by its id (`F12.3`).
    pub fn citations_by_id(&self) -> BTreeMap<&str, &Citation> {
        self.footnotes
            .iter()
            .flat_map(|f| &f.citations)
            .map(|c| (c.id.as_str(), c))
            .collect()
    }

    /// Cited items per outlet; back references are left out, since they
    /// repeat an item already counted.
    pub fn outlet_counts(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for c in self.footnotes.iter().flat_map(|f| &f.citations) {
            if let Some(outlet) = c.outlet_canonical.as_ref().or(c.outlet.as_ref())
                && c.kind != CitationKind::BackReference
            {
                *out.entry(outlet.clone()).or_default() += 1;
            }
        }
        out
    }

    /// Citations per kind (`news`, `academic`, …).
    pub fn citation_kind_counts(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for c in self.footnotes.iter().flat_map(|f| &f.citations) {
            *out.entry(c.kind.as_str().to_string()).or_default() += 1;
        }
        out
    }

    /// Findings per kind.
    pub fn finding_counts(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for f in &self.findings {
            *out.entry(f.kind.clone()).or_default() += 1;
        }
        out
    }

    /// How many claims are sourced this way.
    pub fn sourcing_count(&self, sourcing: Sourcing) -> usize {
        self.claims
            .iter()
            .filter(|c| c.sourcing == sourcing)
            .count()
    }

    /// What the contract promises beyond the types, checked: marker offsets
    /// and sentence spans inside their claim's text, unique footnote numbers,
    /// every id a link, back reference or alignment names exists, supports
    /// within 0–1. Empty when all hold; used by the property tests and the
    /// fuzz targets.
    pub fn invariant_violations(&self) -> Vec<String> {
        let mut out = Vec::new();
        let claim_ids: BTreeSet<&str> = self.claims.iter().map(|c| c.id.as_str()).collect();
        let citation_ids: BTreeSet<&str> = self
            .footnotes
            .iter()
            .flat_map(|f| f.citations.iter().map(|c| c.id.as_str()))
            .collect();
        for claim in &self.claims {
            let chars = claim.text.chars().count();
            for r in &claim.footnote_refs {
                if r.offset > chars {
                    out.push(format!(
                        "{}: marker offset {} beyond the text",
                        claim.id, r.offset
                    ));
                }
            }
            for [start, end] in &claim.sentences {
                if start >= end || *end > chars {
                    out.push(format!(
                        "{}: sentence [{start}, {end}) outside the text",
                        claim.id
                    ));
                }
            }
            for id in &claim.aligned_with {
                if !claim_ids.contains(id.as_str()) {
                    out.push(format!("{}: aligned with missing {id}", claim.id));
                }
            }
            for id in &claim.supported_by {
                if !citation_ids.contains(id.as_str()) {
                    out.push(format!("{}: supported by missing {id}", claim.id));
                }
            }
        }
        let numbers: BTreeSet<u32> = self.footnotes.iter().map(|f| f.n).collect();
        if numbers.len() != self.footnotes.len() {
            out.push("footnote numbers repeat".to_string());
        }
        for citation in self.footnotes.iter().flat_map(|f| &f.citations) {
            if let Some(target) = &citation.resolved
                && !citation_ids.contains(target.as_str())
            {
                out.push(format!("{} resolves to missing {target}", citation.id));
            }
        }
        for link in &self.links {
            if !citation_ids.contains(link.citation.as_str())
                || !claim_ids.contains(link.claim.as_str())
            {
                out.push(format!(
                    "link {} → {} names a missing id",
                    link.claim, link.citation
                ));
            }
            if link.support.is_some_and(|s| !(0.0..=1.0).contains(&s)) {
                out.push(format!(
                    "link {} → {}: support outside 0–1",
                    link.claim, link.citation
                ));
            }
        }
        out
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// Title of the report (masthead or running title).
    pub title: Option<String>,
    /// Volume number as printed (`Vol. 24` → `24`, `제28권` → `28`).
    #[serde(default)]
    pub volume: Option<String>,
    /// Issue number as printed (`No. 5` → `5`, `제1695호` → `1695`,
    /// `2024-03호` → `2024-03`).
    #[serde(default)]
    pub issue: Option<String>,
    /// Authors named in the masthead, normalised (`김 창 호*` → `김창호`).
    #[serde(default)]
    pub authors: Vec<String>,
    /// The issuing institution, when the masthead prints it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Pages found (page breaks + 1), or the PDF's pages.
    pub pages: u32,
    /// What was read: `text` (text extracted from a PDF by another tool) or
    /// `pdf` (the PDF itself, laid out from its glyphs).
    #[serde(default = "text_format")]
    pub format: String,
}

fn text_format() -> String {
    "text".to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Section {
    /// `S0` for the summary block, then `S1`, `S2`, … in order.
    pub id: String,
    pub number: Option<u32>,
    pub title: Option<String>,
    pub summary: bool,
}

impl Section {
    /// The heading as printed: `2. 북중 관계 분석`, `주요 내용`, else the id.
    pub fn label(&self) -> String {
        match (self.number, &self.title) {
            (Some(n), Some(t)) => format!("{n}. {t}"),
            (None, Some(t)) => t.clone(),
            _ => self.id.clone(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    /// First and last input line (PDF input: lines of `kcite text`).
    pub lines: [usize; 2],
    /// PDF input: the boxes of its printed lines, in reading order.
    #[serde(default)]
    pub boxes: Vec<PageBox>,
    /// Where the claim's sources are: its own markers, its sub-bullets', none.
    pub sourcing: Sourcing,
    /// Summary claims: the body claims that carry the same content, best first.
    pub aligned_with: Vec<String>,
    /// Summary claims: the citations reachable through `aligned_with` (their
    /// links and their sub-bullets' links), in reading order.
    pub supported_by: Vec<String>,
}

impl Claim {
    /// The sentence holding character `offset` (a marker's, which may stand
    /// right after the sentence's period); the whole text when no sentence
    /// does.
    pub fn sentence_at(&self, offset: usize) -> &str {
        let Some([start, end]) = self
            .sentences
            .iter()
            .find(|[s, e]| (*s..=*e).contains(&offset))
        else {
            return &self.text;
        };
        let byte = |chars: usize| {
            self.text
                .char_indices()
                .nth(chars)
                .map_or(self.text.len(), |(b, _)| b)
        };
        &self.text[byte(*start)..byte(*end)]
    }
}

/// The claims' hierarchy by position: who is whose parent, found once.
#[derive(Debug, Clone)]
pub struct ClaimTree<'a> {
    index: BTreeMap<&'a str, usize>,
    parents: Vec<Option<usize>>,
}

impl<'a> ClaimTree<'a> {
    pub fn new(claims: &'a [Claim]) -> Self {
        let index: BTreeMap<&str, usize> = claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let parents = claims
            .iter()
            .map(|c| c.parent.as_deref().and_then(|p| index.get(p).copied()))
            .collect();
        ClaimTree { index, parents }
    }

    /// Position of the claim with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn parent(&self, i: usize) -> Option<usize> {
        self.parents.get(i).copied().flatten()
    }

    /// The enclosing claims of claim `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        // parents come before their children, so the walk ends
        std::iter::successors(self.parent(i), |&p| self.parent(p).filter(|&q| q < p))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sourcing {
    /// The claim carries a footnote marker.
    Direct,
    /// Only claims nested under it carry markers.
    SubBullets,
    /// Neither the claim nor anything under it cites a source.
    #[default]
    None,
}

impl Sourcing {
    pub fn as_str(self) -> &'static str {
        match self {
            Sourcing::Direct => "direct",
            Sourcing::SubBullets => "sub_bullets",
            Sourcing::None => "none",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FootnoteRef {
    pub n: u32,
    /// Character offset in the claim text where the marker stood.
    pub offset: usize,
    /// PDF input: the page the marker is printed on.
    #[serde(default)]
    pub page: Option<u32>,
    /// PDF input: the marker's box (see [`PageBox`]).
    #[serde(default)]
    pub bbox: Option<[f64; 4]>,
}

/// Where a printed line is (PDF input): its 1-based page and its box
/// `[x0, y0, x1, y1]` in PDF points (1/72 inch), origin at the top left
/// corner of the page, y growing downwards.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PageBox {
    pub page: u32,
    pub bbox: [f64; 4],
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Footnote {
    pub n: u32,
    pub text: String,
    pub page: u32,
    pub lines: [usize; 2],
    /// PDF input: the boxes of its printed lines.
    #[serde(default)]
    pub boxes: Vec<PageBox>,
    pub cited_by: Vec<String>,
    pub citations: Vec<Citation>,
}

/// A table or a figure, kept out of the claims: its caption, cells, its own
/// notes (with their own `1) 2)` numbering) and sources.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Exhibit {
    /// `T1`, `T2`, … for tables, `G1`, `G2`, … for figures (그림), in reading order.
    pub id: String,
    /// The caption as printed (`<표 1> 북한의 대중 교역 추이`); null when none.
    pub caption: Option<String>,
    pub page: u32,
    /// First and last line (PDF input: lines of `kcite text`).
    pub lines: [usize; 2],
    /// The unit line's unit (`(단위: 백만 달러)` → `백만 달러`).
    pub unit: Option<String>,
    /// The cells, a printed row per entry, whitespace collapsed.
    pub rows: Vec<String>,
    /// Its own notes, `주:` taken off.
    pub notes: Vec<String>,
    /// Its sources, `자료:`/`출처:` taken off.
    pub sources: Vec<String>,
    /// The works the sources cite, typed as footnote citations are; ids
    /// `T1.1`, `G2.1`.
    pub citations: Vec<Citation>,
    /// PDF input: the boxes of its printed lines.
    pub boxes: Vec<PageBox>,
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
    /// The outlet as printed, without brackets.
    pub outlet: Option<String>,
    /// One name per outlet (`RFA` for `자유아시아방송`, `Radio Free Asia`):
    /// counts per outlet group by it.
    pub outlet_canonical: Option<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    pub claim: String,
    pub footnote: u32,
    pub citation: String,
    /// Content-word overlap (0–1) of the cited title with the claim: the mean
    /// of the title's coverage by the marker's sentence and by the whole claim
    /// read with its parent claim. Null when the citation has no comparable
    /// title (notes, titles in another language).
    pub support: Option<f64>,
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

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
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
