//! Conventions exercised on reports written for these tests: other series,
//! page headers, outlets, citation shapes and marker look-alikes.
mod common;

use kcite::model::CitationKind;

#[test]
fn other_series_with_trailing_page_numbers() {
    let doc = common::extract_file("tests/fixtures/other-series.txt");
    let d = &doc.document;
    assert_eq!(d.series.as_deref(), Some("KDI 북한경제리뷰"));
    assert_eq!(d.date.as_deref(), Some("2023-03-15"));
    assert_eq!(d.title.as_deref(), Some("무역 동향"));
    assert_eq!(d.pages, 3);
    for c in &doc.claims {
        assert!(
            !c.text.contains("무역 동향") && !c.text.contains("북한경제리뷰"),
            "{}",
            c.text
        );
    }
    assert_eq!(doc.sections[0].title.as_deref(), Some("요약"));
    assert_eq!(
        doc.claims[0].items,
        ["수출 품목 다변화", "노동자 파견 문제"]
    );
}

#[test]
fn marker_lookalikes_and_markers_after_quotes_and_parentheses() {
    let doc = common::extract_file("tests/fixtures/other-series.txt");
    let refs: Vec<u32> = doc
        .claims
        .iter()
        .flat_map(|c| c.footnote_refs.iter().map(|r| r.n))
        .collect();
    assert_eq!(refs, [1, 2, 3, 4, 5, 6, 7]);
    let list = doc
        .claims
        .iter()
        .find(|c| c.text.contains("다음과 같은 요인"))
        .expect("claim");
    assert!(
        list.text.contains("1) 국경 개방, 2) 수요 회복"),
        "list numbers stay: {}",
        list.text
    );
    assert!(list.text.contains("“무역 정상화의 신호”로"));
    let customs = doc
        .claims
        .iter()
        .find(|c| c.text.contains("통관 재개(5월)를"))
        .expect("claim");
    assert_eq!(customs.footnote_refs[0].n, 4);
}

#[test]
fn footnote_continued_on_the_next_page_and_body_reading_on() {
    let doc = common::extract_file("tests/fixtures/other-series.txt");
    let f3 = doc.footnotes.iter().find(|f| f.n == 3).expect("footnote 3");
    assert!(f3.text.ends_with("『Financial Times』."), "{}", f3.text);
    assert_eq!(f3.citations[1].outlet.as_deref(), Some("Financial Times"));
    let c = doc
        .claims
        .iter()
        .find(|c| c.text.contains("블룸버그"))
        .expect("claim");
    assert!(
        c.text.contains("전하였음. 세관 개방 이후 화물 열차"),
        "{}",
        c.text
    );
}

#[test]
fn english_outlets_reports_web_and_back_references() {
    let doc = common::extract_file("tests/fixtures/other-series.txt");
    let cite = |n: u32, k: usize| {
        doc.footnotes
            .iter()
            .find(|f| f.n == n)
            .expect("footnote")
            .citations[k]
            .clone()
    };
    let imf = cite(1, 0);
    assert_eq!(
        (imf.kind, imf.institution.as_deref(), imf.date.as_deref()),
        (CitationKind::Report, Some("IMF"), Some("2023-10"))
    );
    assert_eq!(imf.container, None);
    let web = cite(2, 0);
    assert_eq!(
        (web.kind, web.accessed.as_deref()),
        (CitationKind::Web, Some("2024-01-10"))
    );
    let reuters = cite(3, 0);
    assert_eq!(
        (reuters.kind, reuters.outlet.as_deref()),
        (CitationKind::News, Some("Reuters"))
    );
    assert_eq!(
        reuters.title.as_deref(),
        Some("China’s trade with North Korea rebounds")
    );
    assert_eq!(cite(5, 0).outlet.as_deref(), Some("Bloomberg"));
    assert_eq!(cite(6, 0).kind, CitationKind::Official);
    let ibid = cite(4, 0);
    assert_eq!(
        (ibid.kind, ibid.resolved.as_deref()),
        (CitationKind::BackReference, Some("F3.2"))
    );
    assert_eq!(cite(7, 0).resolved.as_deref(), Some("F6.1"));
}

#[test]
fn report_without_footnotes() {
    let doc = common::extract_text("1. 개요\n■ 첫째 주장임.\n- 둘째 주장(3월)임.\n", "plain");
    assert_eq!(doc.claims.len(), 2);
    assert!(doc.footnotes.is_empty() && doc.links.is_empty());
    assert_eq!(doc.claims[1].text, "둘째 주장(3월)임.");
}

#[test]
fn missing_and_orphan_footnotes_are_found() {
    let text = "1. 개요\n■ 첫째 주장임.1)\n■ 둘째 주장임.3)\n1) ｢제목 하나｣(2023. 1. 2.), 『연합뉴스』.\n3) ｢제목 셋｣(2023. 1. 3.), 『연합뉴스』.\n4) ｢제목 넷｣(2023. 1. 4.), 『연합뉴스』.\n";
    let doc = common::extract_text(text, "gaps");
    let kinds: Vec<(&str, Option<u32>)> = doc
        .findings
        .iter()
        .map(|f| (f.kind.as_str(), f.footnote))
        .collect();
    assert!(kinds.contains(&("missing_footnote", Some(2))), "{kinds:?}");
    assert!(kinds.contains(&("orphan_footnote", Some(4))), "{kinds:?}");
}

#[test]
fn unresolved_back_reference_is_reported() {
    let text = "1. 개요\n■ 주장임.1)\n1) 앞의 조선일보(2020. 1. 1.).\n";
    let doc = common::extract_text(text, "back");
    assert!(
        doc.findings
            .iter()
            .any(|f| f.kind == "unresolved_back_reference")
    );
}
