//! `links.csv`: one row per claim–citation link with the citation's
//! fields, the support score, the claim's text and the sentence that
//! carries the marker.

use std::collections::HashMap;

use crate::model::{Claim, Document};

/// The rows of a document's links, each a CSV line.
pub fn rows(doc: &Document) -> Vec<String> {
    let id = &doc.document.id;
    let citations = doc.citations_by_id();
    let claims_by_id: HashMap<&str, &Claim> =
        doc.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    doc.links
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
        .collect()
}

/// One CSV row (RFC 4180 quoting), newline-terminated.
pub fn csv_row(fields: &[&str]) -> String {
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

pub const LINKS_HEADER: &[&str] = &[
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
}
