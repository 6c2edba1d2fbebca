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
pub mod audit;
pub mod audit_report;
pub mod batch;
pub mod bench;
pub mod citations;
pub mod decode;
pub mod dict;
pub mod hangul;
pub mod html;
pub mod layout;
pub mod markers;
pub mod model;
pub mod morphology;
pub mod outline;
pub mod pdfium;
pub mod pipeline;
pub mod provision;
pub mod reflow;
pub mod sentences;
pub mod support;
pub mod transcript;
pub mod word_regex;

pub use model::Document;
pub use pipeline::{ExtractError, Limits, extract};
