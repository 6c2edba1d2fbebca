use super::*;

pub(super) fn one(raw: &str) -> (Citation, Vec<String>) {
    parse_citation("F1.1", raw)
}

#[test]
fn news_with_brackets_and_outlets() {
    let (c, p) = one(
        "｢中, '김정은-푸틴 회담설' 러시아에 부총리 파견…시진핑 안간다｣(2023. 9. 7.), 『연합뉴스』.",
    );
    assert_eq!(c.kind, CitationKind::News);
    assert_eq!(
        c.title.as_deref(),
        Some("中, '김정은-푸틴 회담설' 러시아에 부총리 파견…시진핑 안간다")
    );
    assert_eq!(
        (c.date.as_deref(), c.outlet.as_deref(), c.year),
        (Some("2023-09-07"), Some("연합뉴스"), Some(2023))
    );
    assert!(p.is_empty(), "{p:?}");
    let (c, _) =
        one("「태양절 북한 근로자 쇼핑 모습 포착…“국경 곧 열린대요”」(2023. 4. 15.),  KBS 뉴스.");
    assert_eq!(
        (c.outlet.as_deref(), c.date.as_deref()),
        (Some("KBS 뉴스"), Some("2023-04-15"))
    );
    let (c, _) = one(
        "「북, 우크라 참전 러시아 군복 임가공 대량 주문받아」(2022. 11. 7.), RFA자유아시아방송.",
    );
    // printed as it is, with one name to count it by
    assert_eq!(
        (c.outlet.as_deref(), c.outlet_canonical.as_deref()),
        (Some("RFA자유아시아방송"), Some("RFA"))
    );
    let (c, _) = one("「북, 지방 협동농장 비료 공급 차질」(2021. 10. 18.), 『자유아시아방송』.");
    assert_eq!(
        (c.outlet.as_deref(), c.outlet_canonical.as_deref()),
        (Some("자유아시아방송"), Some("RFA"))
    );
    let (c, _) = one("“Exports fall,” Yonhap, January 24, 2024.");
    assert_eq!(c.outlet_canonical.as_deref(), Some("연합뉴스"));
}

#[test]
fn tolerates_missing_parenthesis_and_day_dot() {
    let (c, p) = one("｢北, 군사작전 하듯 러 거주 주민 귀환｣2023. 8. 28.), 『연합뉴스』");
    assert_eq!(
        (c.kind, c.date.as_deref()),
        (CitationKind::News, Some("2023-08-28"))
    );
    assert_eq!(c.outlet.as_deref(), Some("연합뉴스"));
    assert!(p.iter().any(|m| m.contains("opening parenthesis")));
    let (c, _) = one("｢국가비상방역사령부 통보｣(2023. 8. 27), 『로동신문』.");
    assert_eq!(
        (c.kind, c.date.as_deref()),
        (CitationKind::Official, Some("2023-08-27"))
    );
}

#[test]
fn academic_with_volume_issue_pages() {
    let (c, _) = one(
        "최장호, 이정균, 민지영(2020), ｢북한의 대외관계 평가와 2020년 전망: 북중·북러를 중심으로｣, 오늘의 세계경제, Vol. 20, No. 7, p. 6.",
    );
    assert_eq!(c.kind, CitationKind::Academic);
    assert_eq!(c.authors, ["최장호", "이정균", "민지영"]);
    assert_eq!(
        (c.year, c.container.as_deref()),
        (Some(2020), Some("오늘의 세계경제"))
    );
    assert_eq!(
        (c.volume.as_deref(), c.issue.as_deref(), c.pages.as_deref()),
        (Some("20"), Some("7"), Some("6"))
    );
    let (c, _) = one(
        "김한권(2023), ｢2023 북·러 정상회담에 대한 중국의 대응 및 전망｣, 주요국제문제분석 2023-29, p. 18, 국립외교원 외교안보연구소.",
    );
    assert_eq!(
        (c.container.as_deref(), c.issue.as_deref()),
        (Some("주요국제문제분석"), Some("2023-29"))
    );
    assert_eq!(c.institution.as_deref(), Some("국립외교원 외교안보연구소"));
    let (c, _) =
        one("두진호, 손효종(2023.9. 27), ｢러북 정상회담 분석 및 평가｣, 동북아안보정세분석(NASA).");
    assert_eq!(
        (c.kind, c.date.as_deref(), c.year),
        (CitationKind::Academic, Some("2023-09-27"), Some(2023))
    );
}

#[test]
fn reports_of_institutions_and_unclosed_brackets() {
    let (c, p) = one("KOTRA(2019), 『2019 북한 대외무역 동향, p. 19.");
    assert_eq!(c.kind, CitationKind::Report);
    assert_eq!(
        (c.title.as_deref(), c.pages.as_deref()),
        (Some("2019 북한 대외무역 동향"), Some("19"))
    );
    assert_eq!(c.institution.as_deref(), Some("KOTRA"));
    assert!(p.iter().any(|m| m.contains("never closed")));
    let (c, _) = one("IMF(2023), World Economic Outlook, October 2023.");
    assert_eq!(
        (c.kind, c.title.as_deref(), c.date.as_deref()),
        (
            CitationKind::Report,
            Some("World Economic Outlook"),
            Some("2023-10")
        )
    );
}

#[test]
fn web_notes_and_splitting() {
    let (c, _) =
        one("통일부, 북한정보포털, https://nkinfo.unikorea.go.kr/nkp/main (검색일: 2024. 1. 10.)");
    assert_eq!(
        (c.kind, c.url.as_deref()),
        (
            CitationKind::Web,
            Some("https://nkinfo.unikorea.go.kr/nkp/main")
        )
    );
    assert_eq!(c.accessed.as_deref(), Some("2024-01-10"));
    let (c, _) = one("필자가 접경지역 현지조사(2023. 9.)와 면담한 내용에 근거하여 판단한 것임.");
    assert_eq!(c.kind, CitationKind::Note);
    let works = split_works(
        "푸틴 대통령은 답하며 표명함. ｢김정은 방러 마무리｣(2023. 9. 17.), 『연합뉴스』; ｢둘째(종합)｣(2023. 9. 18.), 『연합뉴스』.",
    );
    assert_eq!(works.len(), 3, "{works:?}");
}

#[test]
fn government_and_statistical_releases_are_official() {
    let cases = [
        (
            "통계청, ｢2023년 12월 산업활동동향｣, 보도자료, 2024. 1. 31.",
            "통계청",
            Some("2023년 12월 산업활동동향"),
            Some("2024-01-31"),
        ),
        (
            "한국은행, ｢2023년 4/4분기 실질 국내총생산｣, 보도자료, 2024. 1. 25.",
            "한국은행",
            Some("2023년 4/4분기 실질 국내총생산"),
            Some("2024-01-25"),
        ),
        (
            "한국은행 보도자료(2024. 1. 25.)",
            "한국은행",
            None,
            Some("2024-01-25"),
        ),
        (
            "中国 国家统计局(2024年1月17日), “2023年国民经济回升向好”",
            "中国 国家统计局",
            Some("2023年国民经济回升向好"),
            Some("2024-01-17"),
        ),
        (
            "国家统计局, 统计公报, 2024年2月29日.",
            "国家统计局",
            Some("统计公报"),
            Some("2024-02-29"),
        ),
        (
            "海关总署, 进出口商品统计, 2024年1月.",
            "海关总署",
            Some("进出口商品统计"),
            Some("2024-01"),
        ),
        (
            "财政部, ｢2023年财政收支情况｣, 2024年2月1日.",
            "财政部",
            Some("2023年财政收支情况"),
            Some("2024-02-01"),
        ),
        (
            "U.S. Department of Commerce, “U.S. International Trade in Goods and Services,” February 7, 2024.",
            "U.S. Department of Commerce",
            Some("U.S. International Trade in Goods and Services"),
            Some("2024-02-07"),
        ),
        (
            "日本 財務省, 貿易統計, 2024年1月.",
            "日本 財務省",
            Some("貿易統計"),
            Some("2024-01"),
        ),
    ];
    for (raw, institution, title, date) in cases {
        let (c, _) = one(raw);
        assert_eq!(c.kind, CitationKind::Official, "{raw}");
        assert_eq!(c.institution.as_deref(), Some(institution), "{raw}");
        assert_eq!(c.title.as_deref(), title, "{raw}");
        assert_eq!(c.date.as_deref(), date, "{raw}");
        assert!(c.authors.is_empty(), "{raw}");
    }
}

#[test]
fn sources_named_without_brackets() {
    let (c, _) = one("한국무역협회, 무역통계(검색일: 2024. 1. 10.).");
    assert_eq!(
        (c.kind, c.institution.as_deref()),
        (CitationKind::Report, Some("한국무역협회"))
    );
    assert_eq!(c.title.as_deref(), Some("무역통계"));
    assert_eq!(c.accessed.as_deref(), Some("2024-01-10"));
    let (c, _) = one("中國海關總署.");
    assert_eq!(
        (c.kind, c.institution.as_deref()),
        (CitationKind::Official, Some("中國海關總署"))
    );
}

#[test]
fn an_institution_before_a_bracketed_title() {
    let (c, _) =
        one("한국개발연구원, ｢반도체 산업의 공급망 위험과 정책 과제｣, KDI 정책포럼 제301호, 2023.");
    assert_eq!(c.kind, CitationKind::Report);
    assert_eq!(c.institution.as_deref(), Some("한국개발연구원"));
    assert_eq!(
        c.title.as_deref(),
        Some("반도체 산업의 공급망 위험과 정책 과제")
    );
    assert_eq!((c.year, c.issue.as_deref()), (Some(2023), Some("301")));
}

#[test]
fn outlets_and_dates_in_english_chinese_and_japanese() {
    let (c, _) =
        one("Reuters, “U.S. finalizes chip subsidy rules; Korea seeks clarity,” January 24, 2024.");
    assert_eq!(c.kind, CitationKind::News);
    assert_eq!(c.outlet.as_deref(), Some("Reuters"));
    assert_eq!(
        c.title.as_deref(),
        Some("U.S. finalizes chip subsidy rules; Korea seeks clarity")
    );
    assert_eq!(c.date.as_deref(), Some("2024-01-24"));
    let (c, _) = one("“U.S. finalizes chip subsidy rules,” Reuters, 24 Jan 2024.");
    assert_eq!(
        (c.outlet.as_deref(), c.date.as_deref()),
        (Some("Reuters"), Some("2024-01-24"))
    );
    let (c, _) = one("Bloomberg(2024. 2. 2.), “Chip War Escalates as Subsidies Grow.”");
    assert_eq!(c.kind, CitationKind::News);
    assert_eq!(
        (c.outlet.as_deref(), c.date.as_deref()),
        (Some("Bloomberg"), Some("2024-02-02"))
    );
    assert_eq!(
        c.title.as_deref(),
        Some("Chip War Escalates as Subsidies Grow")
    );
    assert!(c.authors.is_empty());
    let (c, _) = one("新华社(2023年10月24日), “中朝友好合作关系”");
    assert_eq!(
        (c.kind, c.outlet.as_deref(), c.date.as_deref()),
        (CitationKind::News, Some("新华社"), Some("2023-10-24"))
    );
    let (c, _) = one("｢北 대중 교역 회복세｣(2024年1月24日), 『聯合ニュース』.");
    assert_eq!(
        (c.date.as_deref(), c.outlet.as_deref()),
        (Some("2024-01-24"), Some("聯合ニュース"))
    );
    assert_eq!(any_date("Jan. 24, 2024").as_deref(), Some("2024-01-24"));
    assert_eq!(any_date("2024년 1월 24일").as_deref(), Some("2024-01-24"));
    assert_eq!(any_date("January 2024").as_deref(), Some("2024-01"));
}

#[test]
fn semicolons_inside_titles_and_brackets_around_journals() {
    let works = split_works(
        "Reuters, \"Rules set; Korea waits,\" January 24, 2024; ｢제목｣(2024. 1. 2.), 『연합뉴스』.",
    );
    assert_eq!(works.len(), 2, "{works:?}");
    let works = split_works("“Talks stall; both sides blame,” AP, March 1, 2024.");
    assert_eq!(works.len(), 1, "{works:?}");
    let (c, _) = one(
        "김철수·이영희(2022), ｢글로벌 반도체 공급망 재편과 시사점｣, 『국제경제연구』, 제28권 제2호, pp. 45-67.",
    );
    assert_eq!(c.container.as_deref(), Some("국제경제연구"));
    assert_eq!(
        (c.volume.as_deref(), c.issue.as_deref(), c.pages.as_deref()),
        (Some("28"), Some("2"), Some("45-67"))
    );
}

#[test]
fn back_references_with_authors_resolve_to_that_author() {
    let mut all: Vec<(u32, Vec<Citation>)> = [
        "김철수(2022), ｢공급망 재편｣, 『국제경제연구』, 제28권 제2호.",
        "이영희(2021), ｢수출 통제｣, 『통상법연구』, 제5권.",
        "｢기사｣(2024. 2. 2.), 『연합뉴스』.",
        "김철수, 앞의 글, p. 50.",
        "김철수(2022), 앞의 책.",
        "같은 글.",
        "Ibid., p. 3.",
        "이영희, op. cit., p. 7.",
    ]
    .iter()
    .enumerate()
    .map(|(i, raw)| {
        let n = u32::try_from(i + 1).unwrap_or(0);
        (n, parse_footnote(n, raw).0)
    })
    .collect();
    let unresolved = resolve_back_references(&mut all);
    assert!(unresolved.is_empty(), "{unresolved:?}");
    let resolved: Vec<Option<&str>> = all[3..]
        .iter()
        .map(|(_, c)| c[0].resolved.as_deref())
        .collect();
    assert_eq!(
        resolved,
        [
            Some("F1.1"),
            Some("F1.1"),
            Some("F1.1"),
            Some("F1.1"),
            Some("F2.1")
        ]
    );
    assert!(
        all[3..]
            .iter()
            .all(|(_, c)| c[0].kind == CitationKind::BackReference)
    );
}

#[test]
fn back_references_resolve() {
    let (a, _) = parse_footnote(11, "｢코로나로 끊긴 북중 국경｣(2023. 5. 29.), 『연합뉴스』.");
    let (b, _) = parse_footnote(12, "앞의 연합뉴스(2023. 5. 29.).");
    let (c, _) = parse_footnote(
        2,
        "김한권(2023), ｢중국의 대응｣, 주요국제문제분석 2023-29, p. 18.",
    );
    let (d, _) = parse_footnote(13, "김한권(2023), p. 18.");
    let (e, _) = parse_footnote(14, "위의 글, p. 3.");
    let (f, _) = parse_footnote(15, "앞의 조선일보(2020. 1. 1.).");
    assert_eq!(b[0].kind, CitationKind::BackReference);
    assert_eq!(d[0].kind, CitationKind::BackReference);
    let mut all = vec![(2, c), (11, a), (12, b), (13, d), (14, e), (15, f)];
    let unresolved = resolve_back_references(&mut all);
    assert_eq!(
        (all[2].1[0].refers_to, all[2].1[0].resolved.as_deref()),
        (Some(11), Some("F11.1"))
    );
    assert_eq!(all[3].1[0].resolved.as_deref(), Some("F2.1"));
    // `위의 글` repeats the work the footnote above stands for
    assert_eq!(all[4].1[0].resolved.as_deref(), Some("F2.1"));
    assert_eq!(unresolved, [(15, "F15.1".to_string())]);
}
