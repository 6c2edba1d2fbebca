//! kcite: claim–citation extraction and attribution audit for Korean policy reports.
//!
//! The pipeline, one module per stage, data flowing one way:
//! [`decode`] → [`layout`] → [`reflow`] → [`outline`] → [`markers`] →
//! [`citations`] → [`morphology`] (content words) → [`audit`] and [`support`]
//! (links, support scores, summary alignment, findings) → [`model`] (the
//! output contract). [`morphology`] is the shared analyzer, [`dict`] provides
//! its dictionary, [`pipeline`] runs the stages for one document. Outputs:
//! [`batch`] (JSON and corpus tables), [`audit_report`] (`kcite audit`),
//! [`html`] (`kcite report`).
//!
//! One report from bytes to the output contract:
//!
//! ```
//! let dictionary = kcite::dict::ensure_dictionary(None)?;
//! let analyzer = kcite::morphology::Analyzer::load(&dictionary)?;
//! let report = "□ 북한은 2023년 대외관계를 정상화함1)\n\n1) 연합뉴스(2023. 3. 2), 「북중 교역 회복」.\n";
//! let doc = kcite::extract(report.as_bytes(), "r1", "r1.txt", &analyzer, kcite::Limits::default())?;
//! assert_eq!(doc.footnotes.len(), 1);
//! assert_eq!(doc.claims[0].footnote_refs[0].n, 1);
//! # Ok::<(), anyhow::Error>(())
//! ```
//!
//! `examples/claims_and_sources.rs` prints each claim of a report with what it cites.
pub mod audit;
pub mod batch;
pub mod bench;
pub mod citations;
pub mod decode;
pub mod dict;
pub mod hangul;
pub mod layout;
pub mod markers;
pub mod model;
pub mod morphology;
pub mod outline;
pub mod output;
pub mod pdfium;
pub mod pipeline;
pub mod provision;
pub mod reflow;
pub mod sentences;
pub mod support;
pub mod word_regex;

pub use model::Document;
// the renderers under their old paths
pub use output::{audit_report, html, transcript};
pub use pipeline::{ExtractError, Limits, extract};
