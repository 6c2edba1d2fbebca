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

/// Each footnote of citation-forms.txt is one form: government releases of
/// three countries, an institution before its title, an academic article,
/// English, Chinese and Japanese outlets and dates, back references by author
/// and by `Ibid.`, a `;` inside a headline.
#[test]
fn citation_forms_of_other_publishers_and_languages() {
    let doc = common::extract_file("tests/fixtures/citation-forms.txt");
    assert_eq!(doc.footnotes.len(), 12);
    let cite = |n: u32| {
        let f = doc.footnotes.iter().find(|f| f.n == n).expect("footnote");
        assert_eq!(f.citations.len(), 1, "footnote {n} is one work");
        f.citations[0].clone()
    };
    use CitationKind::*;
    let expected = [
        (
            1,
            Official,
            Some("통계청"),
            Some("2023년 12월 산업활동동향"),
            Some("2024-01-31"),
        ),
        (
            2,
            Official,
            Some("国家统计局"),
            Some("统计公报"),
            Some("2024-02-29"),
        ),
        (
            3,
            Official,
            Some("U.S. Department of Commerce"),
            Some("U.S. International Trade in Goods and Services"),
            Some("2024-02-07"),
        ),
        (
            4,
            Report,
            Some("대외경제정책연구원"),
            Some("공급망 재편과 한국 제조업의 대응"),
            None,
        ),
        (
            11,
            Official,
            Some("日本 財務省"),
            Some("貿易統計"),
            Some("2024-01"),
        ),
    ];
    for (n, kind, institution, title, date) in expected {
        let c = cite(n);
        assert_eq!(
            (
                c.kind,
                c.institution.as_deref(),
                c.title.as_deref(),
                c.date.as_deref()
            ),
            (kind, institution, title, date),
            "footnote {n}"
        );
        assert!(
            c.authors.is_empty(),
            "footnote {n}: the issuer is no author"
        );
    }
    let article = cite(5);
    assert_eq!(article.container.as_deref(), Some("국제경제연구"));
    assert_eq!(
        (article.volume.as_deref(), article.issue.as_deref()),
        (Some("28"), Some("2"))
    );
    let news = [
        (6, "Reuters", "2024-01-24"),
        (7, "新华社", "2023-10-24"),
        (10, "Bloomberg", "2024-02-02"),
        (12, "니혼게이자이신문", "2024-01-24"),
    ];
    for (n, outlet, date) in news {
        let c = cite(n);
        assert_eq!(
            (c.kind, c.outlet.as_deref(), c.date.as_deref()),
            (News, Some(outlet), Some(date)),
            "footnote {n}"
        );
    }
    assert!(cite(6).title.is_some_and(|t| t.contains("fall; imports")));
    for n in [8, 9] {
        let back = cite(n);
        assert_eq!(
            (back.kind, back.resolved.as_deref()),
            (BackReference, Some("F5.1")),
            "footnote {n}"
        );
    }
    // an apostrophe in a headline is no unbalanced quotation mark
    assert!(doc.findings.is_empty(), "{:?}", doc.findings);
}

/// A headline reporting a launch two days before the day the claim gives it
/// is flagged; a headline announcing one (`to test`, 예정), an effective date
/// (`부터 시행`) and a source of the same day are not.
#[test]
fn sources_dated_before_the_event_they_report() {
    let doc = common::extract_file("tests/fixtures/event-dates.txt");
    let found: Vec<(Option<&str>, Option<&str>)> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "source_before_event")
        .map(|f| (f.claim.as_deref(), f.citation.as_deref()))
        .collect();
    assert_eq!(found, [(Some("C1"), Some("F1.1"))]);
    assert!(
        doc.findings.iter().all(|f| f.kind == "source_before_event"),
        "{:?}",
        doc.findings
    );
}

/// Markers and labels written as Unicode superscript digits (`¹`, `¹⁰`,
/// `⁴⁾`, two in a row), beside exponents that are no markers (`km²`, `10³`).
#[test]
fn superscript_digit_markers_and_labels() {
    let doc = common::extract_file("tests/fixtures/superscript-markers.txt");
    let numbers: Vec<u32> = doc.footnotes.iter().map(|f| f.n).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    let refs: Vec<Vec<u32>> = doc
        .claims
        .iter()
        .map(|c| c.footnote_refs.iter().map(|r| r.n).collect())
        .collect();
    assert_eq!(
        refs,
        [
            vec![1],
            vec![2],
            vec![3],
            vec![4],
            vec![5],
            vec![6, 7],
            vec![8],
            vec![9],
            vec![10]
        ]
    );
    assert!(
        doc.claims[0].text.contains("423만 km²로"),
        "{}",
        doc.claims[0].text
    );
    assert!(
        doc.claims[4].text.contains("약 10³ km"),
        "{}",
        doc.claims[4].text
    );
    assert_eq!(
        doc.footnotes[6].citations[0].resolved.as_deref(),
        Some("F6.1")
    );
    assert!(doc.findings.is_empty(), "{:?}", doc.findings);
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

fn audit_fixture() -> kcite::Document {
    let text = std::fs::read_to_string("tests/fixtures/audit.txt").expect("fixture");
    common::extract_text(&text, "audit")
}

#[test]
fn support_scores_every_titled_link_and_flags_the_unrelated_one() {
    let doc = audit_fixture();
    let support = |citation: &str| {
        doc.links
            .iter()
            .find(|l| l.citation == citation)
            .and_then(|l| l.support)
            .expect("scored link")
    };
    assert!(support("F1.1") >= 0.5, "{}", support("F1.1"));
    assert!(support("F2.1") >= 0.5, "{}", support("F2.1"));
    // a baseball headline cited for rice export taxes
    assert!(support("F4.1") < 0.25, "{}", support("F4.1"));
    let weak = common::cited_in_findings(&doc, "weak_support");
    assert_eq!(weak, ["F4.1"]);
}

#[test]
fn sourcing_and_unsourced_facts() {
    let doc = audit_fixture();
    let claim = |start: &str| {
        doc.claims
            .iter()
            .find(|c| c.text.starts_with(start))
            .expect("claim")
    };
    use kcite::model::Sourcing;
    assert_eq!(claim("베트남의 2023년").sourcing, Sourcing::Direct);
    // the Cambodia claim states a date and a figure; only its sub-bullet cites
    assert_eq!(claim("캄보디아와의").sourcing, Sourcing::SubBullets);
    assert_eq!(claim("이러한 흐름은").sourcing, Sourcing::None);
    let unsourced: Vec<&str> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "unsourced_claim")
        .filter_map(|f| f.claim.as_deref())
        .collect();
    // an opinion with no fact is not flagged, nor are summary claims
    assert!(unsourced.is_empty(), "{unsourced:?}");
}

#[test]
fn summary_claims_align_with_their_body_claims() {
    let doc = audit_fixture();
    let summary = common::summary_claims(&doc);
    assert_eq!(summary.len(), 2);
    let body_text = |id: &str| {
        doc.claims
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.text.as_str())
            .unwrap_or("")
    };
    // the rice summary restates both rice claims; either carries its content
    let rice = summary[0];
    assert!(
        body_text(&rice.aligned_with[0]).contains("베트남"),
        "{:?}",
        rice.aligned_with
    );
    assert!(
        !rice.supported_by.is_empty()
            && rice.supported_by.iter().all(|c| c == "F1.1" || c == "F2.1"),
        "{:?}",
        rice.supported_by
    );
    let border = summary[1];
    assert!(
        body_text(&border.aligned_with[0]).starts_with("캄보디아와의"),
        "{:?}",
        border.aligned_with
    );
    // reached through the sub-bullet that carries the source
    assert_eq!(border.supported_by, ["F3.1"]);
}

#[test]
fn unsourced_fact_is_flagged_when_nothing_under_it_cites() {
    let text = "1. 개요\n\n■ 수출은 2023년 5월 15% 증가함.\n\n■ 수입은 줄어든 것으로 보임.1)\n\n1) ｢수입 감소｣(2023. 6. 1.), 『연합뉴스』.\n";
    let doc = common::extract_text(text, "unsourced");
    let flagged: Vec<(&str, &str)> = doc
        .findings
        .iter()
        .filter(|f| f.kind == "unsourced_claim")
        .map(|f| (f.claim.as_deref().unwrap_or(""), f.message.as_str()))
        .collect();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert_eq!(flagged[0].0, "C1");
    assert!(flagged[0].1.contains("2023년 5월"), "{}", flagged[0].1);
}

#[test]
fn a_leading_space_on_the_next_line_is_not_a_word_break() {
    // new pages start with a space whatever precedes them; only the trailing
    // space of the line before signals a break between words
    let text = "1. 개요\n\n■ 예를 들어 러시\n\n 아로 노동자를 파견하며, 북한은 \n 중국과 협력함.\n";
    let doc = common::extract_text(text, "page-start");
    assert_eq!(
        doc.claims[0].text,
        "예를 들어 러시아로 노동자를 파견하며, 북한은 중국과 협력함."
    );
}

#[test]
fn a_bare_month_is_read_in_the_year_of_the_enclosing_claim() {
    let text = "1. 개요\n\n■ 2023년 국경 개방이 이어짐.\n\n- 8월 하순 여객기 운항이 재개됨.1)\n\n- 9월 화물 운송이 늘어남.2)\n\n1) ｢여객기 운항 재개 검토｣(2022. 3. 2.), 『연합뉴스』.\n2) ｢화물 운송 증가｣(2023. 9. 20.), 『연합뉴스』.\n";
    let doc = common::extract_text(text, "bare-month");
    assert_eq!(common::cited_in_findings(&doc, "date_conflict"), ["F1.1"]);
}
