//! Mutations of the bundled report: what stays the same, what degrades, which
//! findings appear. None may crash.
mod common;

use kcite::Document;

fn report_text() -> String {
    std::fs::read_to_string(common::REPORT).expect("report")
}

fn extract(text: &str) -> Document {
    common::extract_text(text, "m")
}

/// Claims and footnotes without the input hash.
fn content(doc: &Document) -> (Vec<String>, Vec<String>, usize) {
    (
        doc.claims.iter().map(|c| c.text.clone()).collect(),
        doc.footnotes.iter().map(|f| f.text.clone()).collect(),
        doc.claims.iter().map(|c| c.footnote_refs.len()).sum(),
    )
}

#[test]
fn crlf_bom_form_feeds_nbsp_and_blank_lines_change_nothing() {
    let original = content(&extract(&report_text()));
    let text = report_text();
    let variants = [
        ("crlf", text.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{text}")),
        ("form feeds", text.replace("\n\n", "\n\u{c}\n")),
        ("nbsp", text.replace(" \n", "\u{a0}\n")),
        ("ideographic spaces", text.replace(" \n", "\u{3000}\n")),
        (
            "no blank lines",
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ];
    for (name, variant) in variants {
        assert_eq!(content(&extract(&variant)), original, "{name}");
    }
}

#[test]
fn without_trailing_spaces_markers_and_footnotes_survive() {
    // degrades: the analyzer alone decides spaces at line breaks
    let text: String = report_text()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    let doc = extract(&text);
    let (_, footnotes, markers) = content(&doc);
    assert_eq!((footnotes.len(), markers), (65, 65));
    let all: String = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert!(all.contains("외국인 관광 재개"));
}

#[test]
fn removed_footnote_block_gives_missing_footnotes() {
    let text: String = report_text()
        .lines()
        .filter(|l| {
            !["6) ", "7) ", "8) ", "9) "]
                .iter()
                .any(|p| l.starts_with(p))
        })
        .collect::<Vec<_>>()
        .join("\n");
    let doc = extract(&text);
    let missing: Vec<u32> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "missing_footnote")
        .filter_map(|f| f.footnote)
        .collect();
    assert_eq!(missing, [6, 7, 8, 9]);
    assert_eq!(doc.footnotes.len(), 61);
}

#[test]
fn doubled_footnote_line_keeps_the_numbering() {
    let text = report_text().replace(
        "5) 김한권(2023), p. 18.\n",
        "5) 김한권(2023), p. 18.\n5) 김한권(2023), p. 18.\n",
    );
    let doc = extract(&text);
    assert_eq!(doc.footnotes.len(), 65);
    assert!(!doc.findings.iter().any(|f| f.kind == "missing_footnote"));
    // reported, and not folded into the footnote's text
    let repeated: Vec<Option<u32>> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "duplicate_footnote")
        .map(|f| f.footnote)
        .collect();
    assert_eq!(repeated, [Some(5)]);
    let five = doc.footnotes.iter().find(|f| f.n == 5).expect("fn 5");
    assert_eq!(five.text, "김한권(2023), p. 18.");
}

#[test]
fn shuffled_pages_give_out_of_order_markers() {
    let text = report_text();
    let lines: Vec<&str> = text.lines().collect();
    // move the page with footnotes 6–9 after the page with footnotes 10–19
    let start = lines
        .iter()
        .position(|l| l.starts_with("2) "))
        .expect("fn 2")
        + 4;
    let middle = lines
        .iter()
        .position(|l| l.starts_with("9) "))
        .expect("fn 9")
        + 1;
    let end = lines
        .iter()
        .position(|l| l.starts_with("19) "))
        .expect("fn 19")
        + 1;
    let mut shuffled: Vec<&str> = lines[..start].to_vec();
    shuffled.extend(&lines[middle..end]);
    shuffled.extend(&lines[start..middle]);
    shuffled.extend(&lines[end..]);
    let doc = extract(&shuffled.join("\n"));
    assert!(
        doc.findings.iter().any(|f| f.kind == "out_of_order_marker"),
        "{:?}",
        doc.findings
    );
    // nothing is lost: every footnote is found and every marker still linked
    let markers: usize = doc.claims.iter().map(|c| c.footnote_refs.len()).sum();
    assert_eq!((doc.footnotes.len(), markers), (65, 65));
}
