//! The per-document pipeline: bytes in, [`Document`] out.
//!
//! decode → layout → reflow → outline → markers → citations → morphology
//! (content words) → link/audit (support, alignment, findings).
//! A pure function of the input and the analyzer: same bytes, same output.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::audit;
use crate::citations;
use crate::decode::{self, DecodeError};
use crate::layout::pdf::PdfError;
use crate::layout::tables::{Block, Kind};
use crate::layout::{self, Layout};
use crate::markers;
use crate::model::*;
use crate::morphology::Analyzer;
use crate::outline;
use crate::reflow;
use crate::sentences;
use crate::support::{self, ClaimWords};

/// Input limits: beyond them a document is refused with a clear error
/// instead of using unbounded memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: usize,
    pub max_line_chars: usize,
    /// Longest PDF accepted, in pages.
    pub max_pages: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 64 * 1024 * 1024,
            max_line_chars: 100_000,
            max_pages: 2_000,
        }
    }
}

/// Why a document could not be extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    Decode(DecodeError),
    Pdf(PdfError),
    LineTooLong {
        line: usize,
        chars: usize,
        limit: usize,
    },
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::Decode(err) => err.fmt(f),
            ExtractError::Pdf(err) => err.fmt(f),
            ExtractError::LineTooLong { line, chars, limit } => write!(
                f,
                "line {line} has {chars} characters, more than the limit of {limit}; is this a report?"
            ),
        }
    }
}

impl std::error::Error for ExtractError {}

/// Extracts one document. `id` is the document id (file stem), `source` the
/// path as given.
pub fn extract(
    bytes: &[u8],
    id: &str,
    source: &str,
    analyzer: &Analyzer,
    limits: Limits,
) -> Result<Document, ExtractError> {
    if bytes.len() > limits.max_bytes {
        return Err(ExtractError::Decode(DecodeError::TooLarge {
            bytes: bytes.len(),
            limit: limits.max_bytes,
        }));
    }
    extract_timed(bytes, id, source, analyzer, limits, &mut Stopwatch::start())
}

/// [`extract`], adding the time of each stage to `watch` (for `kcite bench`).
pub fn extract_timed(
    bytes: &[u8],
    id: &str,
    source: &str,
    analyzer: &Analyzer,
    limits: Limits,
    watch: &mut Stopwatch,
) -> Result<Document, ExtractError> {
    watch.restart();
    let layout = read_layout(bytes, limits)?;
    watch.lap(|t| &mut t.layout);
    let name = Naming {
        id,
        source,
        sha256: sha256_hex(bytes),
    };
    Ok(document_from_layout(layout, &name, analyzer, watch))
}

/// Seconds spent in each stage, summed over the documents measured.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct StageTimes {
    /// Decoding and the layout (PDF: PDFium and the geometry).
    pub layout: f64,
    /// Joining printed lines into paragraphs (the analyzer at line breaks).
    pub reflow: f64,
    /// Footnote text (reflowed) parsed into citations, back references.
    pub citations: f64,
    /// Bullet hierarchy, sections, claims and their markers.
    pub outline_markers: f64,
    /// Content words of claims and cited titles (the analyzer).
    pub morphology: f64,
    /// Links, support, alignment and findings.
    pub audit: f64,
}

impl StageTimes {
    /// The stages in pipeline order (as a PDF worker sends them).
    pub fn to_array(self) -> [f64; 6] {
        [
            self.layout,
            self.reflow,
            self.citations,
            self.outline_markers,
            self.morphology,
            self.audit,
        ]
    }

    /// The stages from [`StageTimes::to_array`]'s order.
    pub fn from_array(times: [f64; 6]) -> StageTimes {
        let [
            layout,
            reflow,
            citations,
            outline_markers,
            morphology,
            audit,
        ] = times;
        StageTimes {
            layout,
            reflow,
            citations,
            outline_markers,
            morphology,
            audit,
        }
    }
}

impl std::ops::Add for StageTimes {
    type Output = StageTimes;

    fn add(self, other: StageTimes) -> StageTimes {
        StageTimes {
            layout: self.layout + other.layout,
            reflow: self.reflow + other.reflow,
            citations: self.citations + other.citations,
            outline_markers: self.outline_markers + other.outline_markers,
            morphology: self.morphology + other.morphology,
            audit: self.audit + other.audit,
        }
    }
}

/// Laps of the pipeline's stages, accumulated into [`StageTimes`].
#[derive(Debug, Clone, Copy)]
pub struct Stopwatch {
    last: std::time::Instant,
    pub times: StageTimes,
}

impl Stopwatch {
    pub fn start() -> Self {
        Stopwatch {
            last: std::time::Instant::now(),
            times: StageTimes::default(),
        }
    }

    fn restart(&mut self) {
        self.last = std::time::Instant::now();
    }

    /// Adds the time since the last lap to the stage `field` picks.
    fn lap(&mut self, field: impl FnOnce(&mut StageTimes) -> &mut f64) {
        let now = std::time::Instant::now();
        *field(&mut self.times) += (now - self.last).as_secs_f64();
        self.last = now;
    }
}

/// The mean length in characters of the printed lines the layout read
/// (blank lines aside).
fn mean_line_chars(layout: &Layout) -> usize {
    let (count, chars) = layout
        .body
        .iter()
        .chain(&layout.other)
        .map(|l| l.text.trim().chars().count())
        .filter(|&n| n > 0)
        .fold((0, 0), |(count, chars), n| (count + 1, chars + n));
    chars.checked_div(count).unwrap_or(0)
}

/// What names a document in its output.
#[derive(Debug, Clone)]
pub struct Naming<'a> {
    pub id: &'a str,
    pub source: &'a str,
    /// SHA-256 of the input bytes, hex.
    pub sha256: String,
}

/// Everything after layout, one path for both front ends: reflow, outline,
/// footnotes and citations, markers, links, support and findings.
pub fn from_layout(layout: Layout, name: &Naming, analyzer: &Analyzer) -> Document {
    document_from_layout(layout, name, analyzer, &mut Stopwatch::start())
}

fn document_from_layout(
    layout: Layout,
    name: &Naming,
    analyzer: &Analyzer,
    watch: &mut Stopwatch,
) -> Document {
    let spaces_printed = layout.spaces_printed
        && (layout.format == layout::Format::Pdf || ends_with_spaces(&layout.body));
    let usage = if spaces_printed {
        String::new()
    } else {
        usage_text(&layout)
    };
    let breaks = reflow::Breaks {
        spaces_printed,
        usage: &usage,
    };
    let mean_line_chars = mean_line_chars(&layout);
    let paragraphs = reflow::paragraphs(&layout.body, analyzer, breaks);
    watch.lap(|t| &mut t.reflow);
    let (mut footnotes, mut findings) = read_footnotes(&layout, analyzer, breaks);
    watch.lap(|t| &mut t.citations);
    let outline = outline::build(&paragraphs);
    let marked = place_markers(&outline, &footnotes, layout.format, &mut findings);
    let sections: Vec<Section> = section_ids(&outline.sections);
    let mut claims = claims(&outline, marked, &sections);
    watch.lap(|t| &mut t.outline_markers);
    let links = audit::link(&claims, &mut footnotes);
    let sourcing = audit::sourcing(&claims);
    for (claim, sourcing) in claims.iter_mut().zip(sourcing) {
        claim.sourcing = sourcing;
    }
    let (links, audited) = audit_attribution(
        &mut claims,
        &footnotes,
        links,
        &sections,
        layout.masthead.date.as_deref(),
        analyzer,
        watch,
    );
    findings.extend(audited);
    findings.extend(audit::recognition_findings(
        &claims,
        &footnotes,
        mean_line_chars,
    ));
    findings.extend(audit::accounting::findings(
        &layout, &claims, &sections, &footnotes,
    ));
    audit::sort_findings(&mut findings);
    watch.lap(|t| &mut t.audit);
    let masthead = layout.masthead;
    Document {
        schema: SCHEMA_VERSION.to_string(),
        document: DocumentInfo {
            id: name.id.to_string(),
            source: name.source.to_string(),
            sha256: name.sha256.clone(),
            series: masthead.series,
            date: masthead.date,
            title: masthead.title,
            volume: masthead.volume,
            issue: masthead.issue,
            authors: masthead.authors,
            publisher: masthead.publisher,
            pages: layout.pages,
            format: layout.format.as_str().to_string(),
        },
        sections,
        claims,
        footnotes,
        tables: exhibits(&layout.blocks, Kind::Table, "T"),
        figures: exhibits(&layout.blocks, Kind::Figure, "G"),
        links,
        findings,
    }
}

/// The tables (or figures) with their sources' citations.
fn exhibits(blocks: &[Block], kind: Kind, prefix: &str) -> Vec<Exhibit> {
    blocks
        .iter()
        .filter(|b| b.kind == kind)
        .enumerate()
        .map(|(i, block)| {
            let id = format!("{prefix}{}", i + 1);
            let (citations, _) = citations::parse_works(&id, &block.sources.join("; "));
            let first = block.lines.first().map_or(0, |l| l.number);
            let last = block.lines.last().map_or(0, |l| l.number);
            Exhibit {
                caption: block.caption.clone(),
                page: block.page(),
                lines: [first, last],
                unit: block.unit.clone(),
                rows: block.rows.clone(),
                notes: block.notes.clone(),
                sources: block.sources.clone(),
                citations: if block.sources.is_empty() {
                    Vec::new()
                } else {
                    citations
                },
                boxes: page_boxes(block.lines.iter().filter_map(|l| Some((l.page, l.bbox?)))),
                id,
            }
        })
        .collect()
}

/// The footnotes with their typed citations (back references resolved), and
/// the findings about them: malformed citations, repeats, unresolved back
/// references.
fn read_footnotes(
    layout: &Layout,
    analyzer: &Analyzer,
    breaks: reflow::Breaks,
) -> (Vec<Footnote>, Vec<Finding>) {
    let mut findings = Vec::new();
    let mut parsed: Vec<(u32, Vec<Citation>)> = Vec::new();
    let mut footnotes: Vec<Footnote> = Vec::new();
    let notes: Vec<&[layout::Line]> = layout
        .footnotes
        .iter()
        .map(|f| f.lines.as_slice())
        .collect();
    let texts = reflow::footnote_texts(&notes, analyzer, breaks);
    for (lines, text) in layout.footnotes.iter().zip(texts) {
        let (citations, problems) = citations::parse_footnote(lines.n, &text);
        for problem in problems {
            findings.push(Finding {
                footnote: Some(lines.n),
                citation: Some(problem.citation),
                ..audit::finding("malformed_citation", Severity::Warning, problem.message)
            });
        }
        parsed.push((lines.n, citations));
        let first = lines.lines.first().map_or(0, |l| l.number);
        let last = lines.lines.last().map_or(0, |l| l.number);
        footnotes.push(Footnote {
            n: lines.n,
            text,
            page: lines.page,
            lines: [first, last],
            boxes: page_boxes(lines.lines.iter().filter_map(|l| Some((l.page, l.bbox?)))),
            cited_by: Vec::new(),
            citations: Vec::new(),
        });
    }
    for &(n, line) in &layout.repeated_footnotes {
        findings.push(Finding {
            footnote: Some(n),
            ..audit::finding(
                "duplicate_footnote",
                Severity::Warning,
                format!(
                    "footnote {n} is printed twice (again at line {line}); the repeat was dropped"
                ),
            )
        });
    }
    for (footnote_n, citation) in citations::resolve_back_references(&mut parsed) {
        findings.push(Finding {
            footnote: Some(footnote_n),
            citation: Some(citation.clone()),
            ..audit::finding(
                "unresolved_back_reference",
                Severity::Warning,
                format!("back reference {citation} names no earlier citation"),
            )
        });
    }
    for (footnote, (_, citations)) in footnotes.iter_mut().zip(parsed) {
        footnote.citations = citations;
    }
    (footnotes, findings)
}

/// The claims' markers: placed by a PDF's layout, or found in the text;
/// markers that break the numbering become findings.
fn place_markers(
    outline: &outline::Outline,
    footnotes: &[Footnote],
    format: layout::Format,
    findings: &mut Vec<Finding>,
) -> markers::Markers {
    let numbers: BTreeSet<u32> = footnotes.iter().map(|f| f.n).collect();
    let marked = if format == layout::Format::Pdf {
        let placed: Vec<(&str, &[reflow::Anchor])> = outline
            .claims
            .iter()
            .map(|c| (c.text.as_str(), c.anchors.as_slice()))
            .collect();
        markers::from_anchors(&placed, &numbers)
    } else {
        let texts: Vec<String> = outline.claims.iter().map(|c| c.text.clone()).collect();
        markers::extract(&texts, &numbers)
    };
    for problem in &marked.out_of_order {
        let (kind, what) = if problem.duplicate {
            ("duplicate_marker", "appears more than once")
        } else {
            (
                "out_of_order_marker",
                "breaks the increasing order of the markers",
            )
        };
        findings.push(Finding {
            claim: Some(format!("C{}", problem.claim + 1)),
            footnote: Some(problem.n),
            ..audit::finding(
                kind,
                Severity::Warning,
                format!("marker {}) {what}", problem.n),
            )
        });
    }
    marked
}

/// The output claims from the outline's drafts and their markers.
fn claims(
    outline: &outline::Outline,
    marked: markers::Markers,
    sections: &[Section],
) -> Vec<Claim> {
    outline
        .claims
        .iter()
        .zip(marked.claims)
        .enumerate()
        .map(|(i, (draft, marked))| Claim {
            id: format!("C{}", i + 1),
            section: sections[draft.section].id.clone(),
            parent: draft.parent.map(|p| format!("C{}", p + 1)),
            marker: draft.marker.map(String::from),
            depth: draft.depth,
            topic: draft.topic.clone(),
            items: outline::items_of(&marked.text),
            sentences: sentences::split(&marked.text),
            footnote_refs: marked
                .refs
                .iter()
                .map(|r| FootnoteRef {
                    n: r.n,
                    offset: r.offset,
                    page: r.page,
                    bbox: r.bbox.map(|b| b.rounded()),
                })
                .collect(),
            boxes: page_boxes(draft.boxes.iter().map(|b| (b.page, b.bbox))),
            text: marked.text,
            page: draft.page,
            lines: draft.lines,
            ..Claim::default()
        })
        .collect()
}

/// Support scores, summary alignment and the audit's findings. The content
/// words of every claim and cited title are read once. Returns the scored
/// links and the findings.
fn audit_attribution(
    claims: &mut [Claim],
    footnotes: &[Footnote],
    mut links: Vec<Link>,
    sections: &[Section],
    report_date: Option<&str>,
    analyzer: &Analyzer,
    watch: &mut Stopwatch,
) -> (Vec<Link>, Vec<Finding>) {
    let mut findings = Vec::new();
    let summary: Vec<bool> = claims
        .iter()
        .map(|c| sections.iter().any(|s| s.summary && s.id == c.section))
        .collect();
    watch.lap(|t| &mut t.audit);
    let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
    let claim_words: Vec<ClaimWords> = claims
        .iter()
        .zip(analyzer.content_words_of_each(&texts))
        .map(|(c, words)| support::claim_words(&c.text, &c.sentences, &words))
        .collect();
    let titles = support::title_words(footnotes, |titles| analyzer.content_words_of_each(titles));
    watch.lap(|t| &mut t.morphology);
    support::score_links(&mut links, claims, &claim_words, &titles);
    let alignments = support::align_summary(claims, &summary, &claim_words, &links);
    findings.extend(support::weak_support_findings(
        &links,
        claims,
        &claim_words,
        &titles,
        &support::headline_ids(footnotes),
    ));
    findings.extend(audit::unsourced_findings(claims, &summary, &claim_words));
    findings.extend(audit::numbering_findings(footnotes));
    findings.extend(audit::date_findings(claims, footnotes, report_date));
    // the words borrow the claims' text: the claims change only now
    drop(claim_words);
    for alignment in alignments {
        alignment.apply(claims);
    }
    (links, findings)
}

/// The layout of a PDF, or of text: the one place the two front ends part.
pub fn read_layout(bytes: &[u8], limits: Limits) -> Result<Layout, ExtractError> {
    if layout::pdf::is_pdf(bytes) {
        return layout::pdf::read(bytes, limits.max_pages).map_err(ExtractError::Pdf);
    }
    let (text, _) = decode::decode(bytes).map_err(ExtractError::Decode)?;
    check_line_lengths(&text, limits)?;
    Ok(layout::text::analyse(&text))
}

fn check_line_lengths(text: &str, limits: Limits) -> Result<(), ExtractError> {
    for (i, line) in text.split('\n').enumerate() {
        if line.len() > limits.max_line_chars {
            let chars = line.chars().count();
            if chars > limits.max_line_chars {
                return Err(ExtractError::LineTooLong {
                    line: i + 1,
                    chars,
                    limit: limits.max_line_chars,
                });
            }
        }
    }
    Ok(())
}

/// `S0` for a summary block, then `S1`, `S2`, … in order.
fn section_ids(sections: &[outline::SectionDraft]) -> Vec<Section> {
    let offset = usize::from(!sections.first().is_some_and(|s| s.summary));
    sections
        .iter()
        .enumerate()
        .map(|(i, s)| Section {
            id: format!("S{}", i + offset),
            number: s.number,
            title: s.title.clone(),
            summary: s.summary,
        })
        .collect()
}

/// Whether the text's lines keep the space printed where a line breaks
/// between words (one line in twenty or more ends with one). Some tools
/// keep it; `pdftotext` trims every line, and then a break says nothing.
fn ends_with_spaces(lines: &[layout::Line]) -> bool {
    let ending = lines.iter().filter(|l| l.text.ends_with(' ')).count();
    ending * 20 >= lines.len().max(1)
}

/// Every body and footnote line, one per row: how the document writes its
/// words, for the breaks it prints no space at.
fn usage_text(layout: &Layout) -> String {
    let mut text = String::new();
    for line in layout
        .body
        .iter()
        .chain(layout.footnotes.iter().flat_map(|f| &f.lines))
    {
        text.push_str(line.text.trim());
        text.push('\n');
    }
    text
}

fn page_boxes(boxes: impl Iterator<Item = (u32, layout::Rect)>) -> Vec<PageBox> {
    boxes
        .map(|(page, bbox)| PageBox {
            page,
            bbox: bbox.rounded(),
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<layout::Line> {
        texts
            .iter()
            .map(|t| layout::Line {
                text: t.to_string(),
                ..layout::Line::default()
            })
            .collect()
    }

    #[test]
    fn a_text_whose_lines_keep_no_trailing_space_says_nothing_at_its_breaks() {
        // pdftotext trims every line
        assert!(!ends_with_spaces(&lines(&[
            "첨단 반",
            "도체 생산",
            "능력을"
        ])));
        // a tool that keeps the printed space
        assert!(ends_with_spaces(&lines(&[
            "첨단 ",
            "반도체 생산 ",
            "능력을"
        ])));
        assert!(!ends_with_spaces(&[]));
    }
}
