//! `citations.csl.json`: the cited works as CSL-JSON items for reference
//! managers, kcite's own fields under `custom`.

use serde_json::{Value, json};

use crate::model::{Citation, CitationKind, Document};

/// The CSL-JSON items of a document's cited works, in footnote order, each
/// as one line of JSON.
pub fn items(doc: &Document) -> Vec<String> {
    let id = &doc.document.id;
    doc.footnotes
        .iter()
        .flat_map(|footnote| {
            footnote
                .citations
                .iter()
                .filter_map(move |c| csl_item(id, footnote.n, c))
        })
        .map(|item| item.to_string())
        .collect()
}

/// A CSL-JSON item for a cited work (not for notes or back references).
pub fn csl_item(document: &str, footnote: u32, c: &Citation) -> Option<Value> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_releases_are_reports_published_by_their_issuer() {
        let release = Citation {
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
