//! The bundled KIEP report, checked field by field.
mod common;

use kcite::model::{CitationKind, Document};

fn report() -> &'static Document {
    static DOC: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    DOC.get_or_init(|| common::extract_file(common::REPORT))
}

fn footnote(n: u32) -> &'static kcite::model::Footnote {
    report()
        .footnotes
        .iter()
        .find(|f| f.n == n)
        .expect("footnote")
}

fn claim_citing(n: u32) -> &'static kcite::model::Claim {
    report()
        .claims
        .iter()
        .find(|c| c.footnote_refs.iter().any(|r| r.n == n))
        .expect("claim")
}

#[test]
fn document_metadata_from_the_furniture() {
    let d = &report().document;
    assert_eq!(d.series.as_deref(), Some("KIEP 세계경제 포커스"));
    assert_eq!(d.date.as_deref(), Some("2024-02-01"));
    assert_eq!(
        d.title.as_deref(),
        Some("2023년 북한의 대외관계 평가와 2024년 전망")
    );
    assert_eq!(d.pages, 14);
    assert_eq!(d.sha256.len(), 64);
}

#[test]
fn sections_summary_and_numbered() {
    let s = &report().sections;
    assert_eq!(s.len(), 7);
    assert_eq!(
        (s[0].id.as_str(), s[0].title.as_deref(), s[0].summary),
        ("S0", Some("주요 내용"), true)
    );
    assert_eq!(
        (s[2].number, s[2].title.as_deref()),
        (Some(2), Some("북중 관계 분석"))
    );
    assert_eq!(s[6].title.as_deref(), Some("2024년 전망 및 시사점"));
}

#[test]
fn every_footnote_recovered_and_every_marker_linked_once_in_order() {
    let doc = report();
    let numbers: Vec<u32> = doc.footnotes.iter().map(|f| f.n).collect();
    assert_eq!(numbers, (1..=65).collect::<Vec<_>>());
    let refs: Vec<u32> = doc
        .claims
        .iter()
        .flat_map(|c| c.footnote_refs.iter().map(|r| r.n))
        .collect();
    assert_eq!(refs, (1..=65).collect::<Vec<_>>());
    assert!(
        doc.footnotes.iter().all(|f| f.cited_by.len() == 1),
        "each footnote is cited by one claim"
    );
    assert!(
        !doc.findings
            .iter()
            .any(|f| f.kind.contains("footnote") || f.kind.contains("marker"))
    );
}

#[test]
fn no_page_furniture_or_marker_left_in_claim_text() {
    for c in &report().claims {
        for artifact in ["KIEP", "포커스", "2024.2.1", "122023", "세계경제 "] {
            assert!(!c.text.contains(artifact), "{}: {}", c.id, c.text);
        }
        assert!(
            !c.text.contains("  ") && c.text == c.text.trim(),
            "{}: whitespace",
            c.id
        );
    }
}

#[test]
fn markers_are_linked_to_the_right_claim_with_offsets() {
    let c = claim_citing(1);
    assert!(
        c.text.starts_with(
            "중국인의 북한 관광 규모는 2018년과 2019년 각각 20만 명 이상을 기록했는데"
        )
    );
    let offset = c.footnote_refs[0].offset;
    let before: String = c.text.chars().take(offset).collect();
    assert!(before.ends_with("20만 명 이상"), "{before}");
    let c = claim_citing(2);
    let before: String = c.text.chars().take(c.footnote_refs[0].offset).collect();
    assert!(before.ends_with("연출되는 것을 지양"), "{before}");
    assert!(c.text.contains("지양하였고,"));
    // `(’23. 5. 29.)50)하였고`: a marker right after a closing parenthesis
    let c = claim_citing(50);
    assert!(c.text.contains("답(’23. 5. 29.)하였고"), "{}", c.text);
    // two markers in one claim keep their order
    let c = claim_citing(61);
    assert_eq!(c.marker.as_deref(), Some("◦"));
}

#[test]
fn claims_have_bullets_depth_parent_topics_and_items() {
    let doc = report();
    let first = &doc.claims[0];
    assert_eq!(
        (first.marker.as_deref(), first.depth, first.section.as_str()),
        (Some("▶"), 0, "S0")
    );
    assert_eq!(
        first.items,
        [
            "국경통제 완화",
            "외국인 관광 재개",
            "여객항공기 운행 재개",
            "해외노동자 재파견",
            "접경지역 인프라 건설"
        ]
    );
    let topic = doc
        .claims
        .iter()
        .find(|c| c.topic.as_deref() == Some("핵심 쟁점"))
        .expect("topic");
    assert!(
        topic
            .text
            .starts_with("2023년 상반기에 북중 대외관계 개선의 핵심 쟁점인")
    );
    assert_eq!(topic.marker.as_deref(), Some("■"));
    let child = claim_citing(3);
    assert_eq!((child.marker.as_deref(), child.depth), (Some("◦"), 2));
    let parent = doc
        .claims
        .iter()
        .find(|c| Some(&c.id) == child.parent.as_ref())
        .expect("parent");
    assert_eq!((parent.marker.as_deref(), parent.depth), (Some("-"), 1));
    let topics: Vec<&str> = doc
        .claims
        .iter()
        .filter_map(|c| c.topic.as_deref())
        .collect();
    assert!(
        topics.contains(&"북→러") && topics.contains(&"UN 안보리 추가 대북제재 저지"),
        "{topics:?}"
    );
}

#[test]
fn reflow_joins_split_words_and_keeps_word_spaces() {
    let doc = report();
    let all: String = doc
        .claims
        .iter()
        .map(|c| c.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for joined in [
        "외국인 관광 재개",
        "국경통제를 소폭 완화하는",
        "UN 안보리 대북제재 준수",
        "인력의 국경 이동도 불가",
        "보완하는 것이 핵심 사안임",
    ] {
        assert!(all.contains(joined), "{joined}");
    }
    // a paragraph interrupted by footnotes and a page break reads on
    let c = doc
        .claims
        .iter()
        .find(|c| {
            c.text.starts_with("[UN") || c.topic.as_deref() == Some("UN 안보리 추가 대북제재 저지")
        })
        .expect("claim");
    assert!(
        c.text.contains("악순환을 반복할 뿐이라고 주장하면서"),
        "{}",
        c.text
    );
}

#[test]
fn footnotes_keep_full_text_across_pages() {
    let f = footnote(19);
    assert_eq!(f.citations.len(), 3);
    assert!(
        f.text
            .contains("귀국…\"환자 등 200여명 운송“｣(2023. 8. 29.)"),
        "{}",
        f.text
    );
    assert!(
        f.text
            .ends_with("'2차 송환' 재개｣(2023. 10. 25.), 『연합뉴스』.")
    );
    assert_eq!(f.page, 5);
    assert!(
        footnote(2)
            .text
            .ends_with("p. 18, 국립외교원 외교안보연구소.")
    );
    assert_eq!(footnote(28).citations.len(), 9);
    assert_eq!(footnote(20).citations.len(), 6);
}

#[test]
fn news_citations_typed_with_dates_and_outlets() {
    let c = &footnote(4).citations[0];
    assert_eq!(c.kind, CitationKind::News);
    assert_eq!(
        (c.date.as_deref(), c.outlet.as_deref()),
        (Some("2023-09-07"), Some("연합뉴스"))
    );
    // the outlet as printed; one canonical name to count it by
    for n in [3, 43] {
        let c = &footnote(n).citations[0];
        assert!(c.outlet.as_deref().is_some_and(|o| o.contains("RFA")));
        assert_eq!(c.outlet_canonical.as_deref(), Some("RFA"));
    }
    assert_eq!(footnote(7).citations[0].outlet.as_deref(), Some("KBS 뉴스"));
    assert_eq!(
        footnote(38).citations[0].outlet.as_deref(),
        Some("BBC 뉴스")
    );
    assert_eq!(
        footnote(53).citations[0].outlet.as_deref(),
        Some("동아일보")
    );
    assert_eq!(
        footnote(49).citations[0].date.as_deref(),
        Some("2023-06-09")
    );
    assert_eq!(
        footnote(36).citations[1].date.as_deref(),
        Some("2023-09-17")
    );
    let notice = &footnote(18).citations[0];
    assert_eq!(
        (
            notice.kind,
            notice.date.as_deref(),
            notice.outlet.as_deref()
        ),
        (CitationKind::Official, Some("2023-08-27"), Some("로동신문"))
    );
}

#[test]
fn academic_report_note_and_back_reference_fields() {
    let a = &footnote(1).citations[0];
    assert_eq!(a.kind, CitationKind::Academic);
    assert_eq!(a.authors, ["최장호", "이정균", "민지영"]);
    assert_eq!(
        (a.volume.as_deref(), a.issue.as_deref(), a.pages.as_deref()),
        (Some("20"), Some("7"), Some("6"))
    );
    let a = &footnote(34).citations[0];
    assert_eq!(
        (a.authors.len(), a.date.as_deref()),
        (2, Some("2023-09-27"))
    );
    let r = &footnote(47).citations[0];
    assert_eq!(
        (r.kind, r.institution.as_deref(), r.pages.as_deref()),
        (CitationKind::Report, Some("KOTRA"), Some("19"))
    );
    assert_eq!(footnote(8).citations[0].kind, CitationKind::Note);
    assert_eq!(footnote(39).citations[0].kind, CitationKind::Note);
    let kinds: Vec<CitationKind> = footnote(36).citations.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [CitationKind::Note, CitationKind::News]);
    let b = &footnote(12).citations[0];
    assert_eq!(
        (b.kind, b.refers_to, b.resolved.as_deref()),
        (CitationKind::BackReference, Some(11), Some("F11.1"))
    );
    let b = &footnote(5).citations[0];
    assert_eq!(
        (b.refers_to, b.resolved.as_deref(), b.pages.as_deref()),
        (Some(2), Some("F2.1"), Some("18"))
    );
}

#[test]
fn typos_are_findings_not_crashes() {
    let doc = report();
    let has = |n: u32, text: &str| {
        doc.findings.iter().any(|f| {
            f.kind == "malformed_citation" && f.footnote == Some(n) && f.message.contains(text)
        })
    };
    assert!(has(47, "never closed"));
    assert!(has(42, "opening parenthesis"));
    assert!(has(20, "closes with"));
    assert_eq!(
        footnote(42).citations[2].date.as_deref(),
        Some("2023-08-28")
    );
}

#[test]
fn links_join_claims_and_every_citation() {
    let doc = report();
    let citations: usize = doc.footnotes.iter().map(|f| f.citations.len()).sum();
    assert_eq!(doc.links.len(), citations);
    let l = doc
        .links
        .iter()
        .find(|l| l.citation == "F15.2")
        .expect("link");
    assert_eq!(
        (l.footnote, l.claim.as_str()),
        (15, claim_citing(15).id.as_str())
    );
}

#[test]
fn output_is_deterministic() {
    let again = common::extract_file(common::REPORT);
    assert_eq!(&again, report());
}

#[test]
fn source_dates_that_contradict_the_claim_are_found() {
    let conflicts: Vec<(u32, &str)> = report()
        .findings
        .iter()
        .filter(|f| f.kind == "date_conflict")
        .filter_map(|f| Some((f.footnote?, f.citation.as_deref()?)))
        .collect();
    // the 2024 earthquake condolences cited with January 2023 articles, and a
    // January 2023 article for withdrawals of the second half of 2023
    assert_eq!(conflicts, [(55, "F55.1"), (55, "F55.2"), (58, "F58.3")]);
    assert!(!report().findings.iter().any(|f| f.kind == "future_source"));
}

#[test]
fn every_summary_claim_is_aligned_and_traced_to_sources() {
    let doc = report();
    let summary = common::summary_claims(doc);
    assert_eq!(summary.len(), 9);
    for claim in &summary {
        assert!(!claim.aligned_with.is_empty(), "{} not aligned", claim.id);
        assert!(
            !claim.supported_by.is_empty(),
            "{} reaches no source",
            claim.id
        );
        for id in &claim.aligned_with {
            let body = doc.claims.iter().find(|c| &c.id == id).expect("claim");
            assert_ne!(body.section, "S0");
        }
    }
    // the opening summary claim restates the first body claim of section 1
    let first = &doc
        .claims
        .iter()
        .find(|c| c.id == summary[0].aligned_with[0])
        .expect("claim");
    assert!(first.text.starts_with("북한이 코로나19 종식을 공식 선언"));
}

#[test]
fn links_carry_support_and_weak_links_are_few() {
    let doc = report();
    let scored = doc.links.iter().filter(|l| l.support.is_some()).count();
    assert!(
        scored * 10 >= doc.links.len() * 9,
        "{scored} of {}",
        doc.links.len()
    );
    for link in &doc.links {
        if let Some(s) = link.support {
            assert!((0.0..=1.0).contains(&s));
        }
    }
    let weak = common::cited_in_findings(doc, "weak_support");
    // the China foreign ministry denial cited with an article on another
    // statement; a submarine missile test cited for cooperation with Russia
    assert!(
        weak.contains(&"F60.2") && weak.contains(&"F46.1"),
        "{weak:?}"
    );
    assert!(weak.len() <= 8, "{weak:?}");
}

#[test]
fn unsourced_claims_state_facts_and_are_few() {
    let doc = report();
    let unsourced: Vec<&kcite::model::Finding> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "unsourced_claim")
        .collect();
    assert!(unsourced.len() <= 12, "{}", unsourced.len());
    // "according to press reports, … about 6,000 returned" with no footnote
    let press = doc
        .claims
        .iter()
        .find(|c| c.text.starts_with("언론보도에 따르면") && c.text.contains("6,000"))
        .expect("claim");
    assert!(
        unsourced
            .iter()
            .any(|f| f.claim.as_ref() == Some(&press.id))
    );
    for f in &unsourced {
        let claim = doc
            .claims
            .iter()
            .find(|c| Some(&c.id) == f.claim.as_ref())
            .expect("claim");
        assert_eq!(claim.sourcing, kcite::model::Sourcing::None);
        assert_ne!(claim.section, "S0");
    }
}
