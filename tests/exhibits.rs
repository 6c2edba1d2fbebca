//! Tables and figures as objects of their own (tests/fixtures/exhibits.txt,
//! the PDF brief): captions, units, rows, their own notes and sources, never
//! in a claim's text, their note numbers never footnote markers.
mod common;

use kcite::Document;

fn exhibits() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| common::extract_file("tests/fixtures/exhibits.txt"))
}

#[test]
fn a_table_with_its_own_notes_between_two_claims() {
    let doc = exhibits();
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.id, "T1");
    assert_eq!(t.caption.as_deref(), Some("<표 1> 북한의 대중 교역 추이"));
    assert_eq!(t.unit.as_deref(), Some("백만 달러, %"));
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[2], "증가율1) -76.3 212.3 64.0");
    assert_eq!(t.notes, ["1) 전년 대비 증가율. 2) 2023년은 잠정치."]);
    assert_eq!(t.sources, ["한국무역협회, 무역통계(검색일: 2024. 1. 10.)."]);
    assert_eq!(t.citations.len(), 1);
    assert_eq!(t.citations[0].id, "T1.1");
    assert_eq!(t.page, 2);
    // the claims around it are whole, and hold no cell
    let texts: Vec<&str> = doc.claims.iter().map(|c| c.text.as_str()).collect();
    assert!(
        texts.contains(&"북한의 대중 수출은 2023년 2억 9,200만 달러로 전년 대비 64.0% 증가하였음.")
    );
    assert!(texts.contains(
        &"수입은 곡물과 섬유 원료를 중심으로 회복되었으며, 비료 수입도 재개된 것으로 파악됨."
    ));
    for claim in &doc.claims {
        for cell in ["212.3", "단위", "잠정치", "무역통계"] {
            assert!(!claim.text.contains(cell), "{}: {}", claim.id, claim.text);
        }
    }
}

#[test]
fn table_note_numbers_are_no_markers_and_no_footnotes() {
    let doc = exhibits();
    let numbers: Vec<u32> = doc.footnotes.iter().map(|f| f.n).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let refs: Vec<u32> = doc
        .claims
        .iter()
        .flat_map(|c| c.footnote_refs.iter().map(|r| r.n))
        .collect();
    assert_eq!(refs, [1, 2, 3, 4]);
    assert!(
        !doc.findings
            .iter()
            .any(|f| f.kind.contains("marker") || f.kind.contains("footnote"))
    );
    assert_eq!(
        doc.footnotes[1].text,
        "한국무역협회, 무역통계, https://stat.kita.net (검색일: 2024. 1. 10.)"
    );
}

#[test]
fn a_figure_interrupting_a_sentence_at_a_page_break() {
    let doc = exhibits();
    assert_eq!(doc.figures.len(), 1);
    let g = &doc.figures[0];
    assert_eq!(g.id, "G1");
    assert_eq!(
        g.caption.as_deref(),
        Some("[그림 1] 북한의 대중 수출 품목 구성(2023년)")
    );
    assert_eq!(g.sources, ["中國海關總署."]);
    // the sentence runs on over the figure, the footnotes and the page break
    let claim = doc
        .claims
        .iter()
        .find(|c| c.text.contains("임가공"))
        .expect("claim");
    assert!(
        claim
            .text
            .ends_with("빠르게 회복되었으며, 하반기에도 증가세를 이어감."),
        "{}",
        claim.text
    );
    assert_eq!(
        claim.footnote_refs.iter().map(|r| r.n).collect::<Vec<_>>(),
        [4]
    );
}

#[test]
fn the_pdf_briefs_ruled_table_with_raised_notes() {
    let doc = common::extract_file("tests/fixtures/pdf/brief-two-column.pdf");
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(
        t.caption.as_deref(),
        Some("<표 1> 주요국의 반도체 지원 정책")
    );
    assert_eq!(t.unit.as_deref(), Some("억 달러"));
    assert_eq!(
        t.rows,
        [
            "국가 지원 규모 주요 내용 시행 시기",
            "미국 5271) 보조금과 세액공제 2022. 8.",
            "일본 252 첨단 공정 지원 2023. 4.",
            "중국 1,4302) 국가 투자기금 2024. 5.",
            "한국 190 세액공제 확대 2023. 3."
        ]
    );
    assert_eq!(t.notes, ["1) 보조금 기준. 2) 발표 예정액 기준."]);
    assert_eq!(t.sources, ["각국 정부 발표 자료를 바탕으로 저자 작성."]);
    assert!(!t.boxes.is_empty() && t.boxes.iter().all(|b| b.page == 2));
}
