//! Real public PDFs with footnotes (corpus/README.md). They are not in the
//! repository, so these tests are ignored by default: run them with
//! `cargo test --release --test real_pdfs -- --ignored` once the files are in
//! `corpus/real/` (or `$KCITE_REAL_PDFS`).
mod common;

use kcite::Document;

fn real(name: &str) -> Document {
    let dir = std::env::var("KCITE_REAL_PDFS").unwrap_or_else(|_| "corpus/real".to_string());
    let path = format!("{dir}/{name}");
    assert!(
        std::path::Path::new(&path).is_file(),
        "{path} is missing: see corpus/README.md for where to get it"
    );
    common::extract_file(&path)
}

/// Every marker with the claim's page and the word it follows, in order.
fn marked_words(doc: &Document) -> Vec<(u32, u32, String)> {
    doc.claims
        .iter()
        .flat_map(|c| {
            c.footnote_refs.iter().map(move |r| {
                let before: String = c.text.chars().take(r.offset).collect();
                let word = before.split_whitespace().last().unwrap_or_default();
                (r.n, c.page, word.to_string())
            })
        })
        .collect()
}

#[test]
#[ignore = "needs corpus/real/na-review-report.pdf (corpus/README.md)"]
fn national_assembly_review_report() {
    let doc = real("na-review-report.pdf");
    assert_eq!(doc.document.format, "pdf");
    assert_eq!(doc.document.pages, 14);
    assert_eq!(
        doc.document.title.as_deref(),
        Some("기후위기 대응을 위한 탄소중립ᆞ녹색성장 기본법 일부개정법률안 검토보고")
    );
    assert_eq!(doc.document.date.as_deref(), Some("2024-05"));
    assert_eq!(doc.document.authors, ["오창석"]);
    let footnotes: Vec<(u32, &str)> = doc
        .footnotes
        .iter()
        .map(|f| (f.n, f.text.as_str()))
        .collect();
    assert_eq!(footnotes.len(), 2);
    assert!(footnotes[0].1.starts_with(
        "｢기후위기 대응을 위한 탄소중립‧녹색성장 기본법｣ 제15조(2050 탄소중립녹색성장위원회의 설치) ① 정부의"
    ));
    assert!(
        footnotes[0]
            .1
            .ends_with("지방자치단체별로 2050 지방탄소중립녹색성장위원회를 둘 수 있다.")
    );
    assert!(footnotes[1].1.starts_with(
        "개정안 제15조제5항 각 호와 개정안 제22조제3항 각 호에 해당하는 단체를 살펴보면"
    ));
    assert!(
        footnotes[1]
            .1
            .ends_with("개정안에 따른 추천단체가 과도하게 많아 행정 비효율이 발생할 수 있음.")
    );
    // each marker once, raised after the word it follows
    let markers: Vec<(u32, String)> = marked_words(&doc)
        .into_iter()
        .map(|(n, _, word)| (n, word))
        .collect();
    assert_eq!(
        markers,
        [(1, "현행법".to_string()), (2, "문제".to_string())]
    );
    assert!(
        !doc.findings
            .iter()
            .any(|f| f.kind.contains("footnote") || f.kind.contains("marker"))
    );
    // the tables and the contents page stay out of the claims
    for claim in &doc.claims {
        for junk in ["·····", "현 행", "자료: 환경부", "- 3 -"] {
            assert!(!claim.text.contains(junk), "{}: {}", claim.id, claim.text);
        }
    }
}

#[test]
#[ignore = "needs corpus/real/na-bill.pdf (corpus/README.md)"]
fn national_assembly_bill_without_footnotes() {
    let doc = real("na-bill.pdf");
    assert_eq!(doc.document.pages, 10);
    assert!(doc.footnotes.is_empty());
    assert!(doc.claims.iter().all(|c| c.footnote_refs.is_empty()));
    assert!(doc.claims.len() > 5);
}

/// A public procurement notice (제안요청서) of 68 pages, most of them tables
/// in small type; its model contract stands in a frame of four edges on
/// pages 64–67, with two footnotes under a rule at the foot of page 67
/// whose raised markers are inside the frame. Elsewhere, notes numbered `1.`
/// under a table and a pledge's items are no footnotes.
#[test]
#[ignore = "needs corpus/real/rfp-contract-form.pdf (corpus/README.md)"]
fn procurement_notice_with_a_framed_contract() {
    let doc = real("rfp-contract-form.pdf");
    assert_eq!(doc.document.pages, 68);
    let footnotes: Vec<(u32, u32, &str)> = doc
        .footnotes
        .iter()
        .map(|f| (f.n, f.page, f.text.as_str()))
        .collect();
    assert_eq!(footnotes.len(), 2, "{footnotes:?}");
    assert_eq!((footnotes[0].0, footnotes[0].1), (1, 67));
    assert!(
        footnotes[0]
            .2
            .starts_with("각호의 업무 예시 : 고객만족도 조사 업무")
    );
    assert_eq!((footnotes[1].0, footnotes[1].1), (2, 67));
    assert!(
        footnotes[1]
            .2
            .ends_with("교육을 의무적으로 시행하여야 한다.")
    );
    // each marker once, in the framed contract, after the word it follows
    let markers = marked_words(&doc);
    assert_eq!(
        markers,
        [
            (1, 65, "수행한다.".to_string()),
            (2, 66, "한다.".to_string())
        ]
    );
    assert!(!doc.findings.iter().any(|f| f.kind.contains("footnote")));
}
