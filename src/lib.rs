//! kcite: claim–citation extraction and attribution audit for Korean policy reports.
pub mod dict;
pub mod morphology;
