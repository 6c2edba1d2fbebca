use super::*;

fn one(raw: &str) -> (Citation, Vec<String>) {
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
    let (c, _) = one("「북, 국영 양곡판매소 확대 운영」(2024. 2. 6.), 『자유아시아방송』.");
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

fn works(text: &str) -> Vec<Citation> {
    parse_works("F1", text).0
}

fn kinds(text: &str) -> Vec<CitationKind> {
    works(text).iter().map(|c| c.kind).collect()
}

#[test]
fn a_remark_then_a_citation_splits_in_every_language() {
    use CitationKind::*;
    // Korean remark, then an issuer before its title
    assert_eq!(
        kinds(
            "초고령사회는 65세 이상 인구가 20% 이상인 사회를 가리킨다. 통계청, 「장래인구추계」, 보도자료, 2023. 12. 14."
        ),
        [Note, Official]
    );
    // a remark in 음-style, then a Japanese issuer and a web page
    let w = works(
        "결과를 순차적으로 공개하고 있음. 日本銀行, 「金融政策の多角的レビュー」, https://www.boj.or.jp/x.htm (검색일: 2024. 9. 2).",
    );
    assert_eq!(
        (w[1].kind, w[1].institution.as_deref()),
        (Web, Some("日本銀行"))
    );
    // a remark, then an author with a year (English, inverted)
    assert_eq!(
        kinds(
            "회귀식은 아래 연구를 참고하였다. Wang, H. (2019), “Steel Pricing,” China Economic Journal, Vol. 12, No. 3, pp. 201-219."
        ),
        [Note, Academic]
    );
    // a Chinese remark ending in 。 then a back reference
    assert_eq!(
        kinds("数据为初步统计。前掲書, p. 3."),
        [Note, BackReference]
    );
    // a remark whose sentences hold no citation stays whole
    assert_eq!(
        kinds("사업체 규모가 클수록 격차가 커지는 경향이 있다. 호봉제 비중은 절반을 넘는다."),
        [Note]
    );
    // a quoted headline holding its own quotation marks
    assert_eq!(
        kinds("간접적으로 표명함. ｢외신 “북러 무기거래 위험” 조명｣(2023. 9. 17.), 『연합뉴스』."),
        [Note, News]
    );
}

#[test]
fn the_source_a_work_was_quoted_from_is_a_back_reference() {
    use CitationKind::*;
    let w = works(
        "Julia Schwarz(2021), “Hidden Costs,” European Foreign Affairs Review, Vol. 26, No. 2, p. 211, 김민지, 박도현(2024), p. 33에서 재인용.",
    );
    assert_eq!(
        w.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [Academic, BackReference]
    );
    assert_eq!(
        (w[1].authors.as_slice(), w[1].year),
        (
            &["김민지".to_string(), "박도현".to_string()][..],
            Some(2024)
        )
    );
    assert_eq!(w[1].pages.as_deref(), Some("33"));
    // after a `;`, with a pointer noun
    assert_eq!(
        kinds(
            "한국반도체산업협회(2022), 『실태조사 보고서』, p. 15, 이하늘·정재민(2023), 앞의 책, p. 37에서 재인용."
        ),
        [Report, BackReference]
    );
    // English: `cited in`
    assert_eq!(
        kinds(
            "Smith, J. (2019), “Title,” Journal of X, Vol. 2, pp. 1-9, cited in Kim and Lee (2021), p. 4."
        ),
        [Academic, BackReference]
    );
    // a lone creator before a pointer is not a work of its own
    assert_eq!(
        kinds("김성민(2024), 앞의 글, p. 12에서 재인용."),
        [BackReference]
    );
}

#[test]
fn pointers_need_a_work_noun_or_a_dated_outlet() {
    use CitationKind::*;
    for pointer in [
        "앞의 글, p. 5.",
        "위의 책.",
        "같은 글, pp. 25-27.",
        "앞의 보도자료.",
        "Ibid., p. 1047.",
        "op. cit., p. 3.",
        "前掲書, 12頁.",
        "同上.",
    ] {
        assert_eq!(one(pointer).0.kind, BackReference, "{pointer}");
    }
    // prose that opens with the same words
    assert_eq!(kinds("같은 날 토픽스(TOPIX)도 12.2% 떨어졌음."), [Note]);
    assert_eq!(
        kinds("같은 항 제1호의 요건을 흔히 ‘전속성’ 요건이라 한다."),
        [Note]
    );
    let (b, _) = one("통계청(2023. 7. 25.), 앞의 보도자료.");
    assert_eq!(
        (b.kind, b.institution.as_deref(), b.date.as_deref()),
        (BackReference, Some("통계청"), Some("2023-07-25"))
    );
    let (b, _) = one("Marsh and Chen, op. cit., p. 12.");
    assert_eq!(b.authors, ["Marsh", "Chen"]);
}

fn resolve(notes: &[&str]) -> Vec<(u32, Vec<Citation>)> {
    let mut parsed: Vec<(u32, Vec<Citation>)> = notes
        .iter()
        .zip(1..)
        .map(|(t, n)| (n, parse_footnote(n, t).0))
        .collect();
    resolve_back_references(&mut parsed);
    parsed
}

#[test]
fn back_references_match_every_creator() {
    // several authors by all their surnames, in either order of names
    let r = resolve(&[
        "Daniel Marsh and Laura Chen(2023), “Trade,” Journal of X, Vol. 1, pp. 1-9.",
        "Hartley, J. and M. Chen (2022), “Housing,” Journal of Y, Vol. 3, pp. 5-9.",
        "Marsh and Chen, op. cit., p. 12.",
        "Hartley and Chen(2022), p. 7.",
        "Hartley 외(2022), p. 8.",
    ]);
    assert_eq!(r[2].1[0].refers_to, Some(1));
    assert_eq!(r[3].1[0].refers_to, Some(2));
    assert_eq!(r[4].1[0].refers_to, Some(2));
    // an institution, an outlet and a person, each where the work has it
    let r = resolve(&[
        "KOTRA(2024), 『북한 대외무역 동향』, p. 3.",
        "中国汽车报(2024. 7. 15), “电池出口增长”.",
        "김도윤·서하은, 『플랫폼 종사자』, 연구보고서 2022-08, 한국노동연구원, 2022, pp. 64-67.",
        "KOTRA(2024), 앞의 책, p. 9.",
        "中国汽车报(2024. 7. 15), 앞의 글.",
        "김도윤·서하은(2022), p. 70.",
        "박소영(2021), 앞의 글, p. 8.",
    ]);
    assert_eq!(
        (r[3].1[0].refers_to, r[3].1[0].institution.as_deref()),
        (Some(1), Some("KOTRA"))
    );
    assert_eq!(
        (r[4].1[0].refers_to, r[4].1[0].outlet.as_deref()),
        (Some(2), Some("中国汽车报"))
    );
    assert!(r[4].1[0].authors.is_empty());
    assert_eq!(r[5].1[0].refers_to, Some(3));
    assert_eq!(r[6].1[0].refers_to, None);
}

#[test]
fn ibid_follows_the_work_the_previous_citation_stands_for() {
    let r = resolve(&[
        "이현우(2023), ｢반강압수단의 구조｣, 『국제통상연구』, 제28권 제3호, pp. 55-82.",
        "규정의 요건은 엄격함. 이현우(2023), 앞의 글, p. 60.",
        "위의 글, pp. 58-60.",
        "Ibid., p. 61.",
    ]);
    assert_eq!(r[1].1[1].refers_to, Some(1));
    assert_eq!(r[2].1[0].refers_to, Some(1));
    assert_eq!(r[3].1[0].refers_to, Some(1));
}

#[test]
fn creators_are_persons_or_organisations() {
    use CitationKind::*;
    // inverted first authors are one author each
    for (raw, first) in [
        (
            "Hartley, J. and M. Chen (2022), “T,” Journal of X, Vol. 1, pp. 1-2.",
            "Hartley, J.",
        ),
        (
            "Hayashi, Ken and Laura Whitfield(2021), “T,” Journal of X, Vol. 61, pp. 1-2.",
            "Hayashi, Ken",
        ),
        (
            "Castellanos, Maria, Jun-ho Bae and Peter Lindqvist(2024), “T,” Journal, Vol. 2, pp. 1-2.",
            "Castellanos, Maria",
        ),
        (
            "Thornton, Mark D.(2001), “T,” Journal, Vol. 2, pp. 1-2.",
            "Thornton, Mark D.",
        ),
    ] {
        assert_eq!(
            one(raw).0.authors.first().map(String::as_str),
            Some(first),
            "{raw}"
        );
    }
    assert_eq!(
        one("Chen, L., P. Mehta and Y. Zhou (2021), “T,” Review, Vol. 1, pp. 1-2.")
            .0
            .authors,
        ["Chen, L.", "P. Mehta", "Y. Zhou"]
    );
    // `·` joins persons; organisations go to institution
    let (c, _) = one(
        "김도윤·서하은, 『플랫폼 종사자』, 연구보고서 2022-08, 한국노동연구원, 2022, pp. 64-67.",
    );
    assert_eq!(
        (c.kind, c.authors.as_slice()),
        (Report, &["김도윤".to_string(), "서하은".to_string()][..])
    );
    assert_eq!(c.institution.as_deref(), Some("한국노동연구원"));
    for (raw, institution) in [
        (
            "SNE Research(2024. 8), 「배터리 사용량」, EV & Battery Monthly Tracker.",
            "SNE Research",
        ),
        (
            "日本銀行(2024. 7), 「経済・物価情勢の展望(2024年7月)」.",
            "日本銀行",
        ),
        (
            "Argonne National Laboratory(2022), BatPaC Technical Manual, p. 23.",
            "Argonne National Laboratory",
        ),
    ] {
        let (c, _) = one(raw);
        assert_eq!(
            (c.kind, c.institution.as_deref()),
            (Report, Some(institution)),
            "{raw}"
        );
        assert!(c.authors.is_empty());
    }
    // a publisher's place is not part of its name; a book's publisher
    for (raw, publisher) in [
        (
            "정상우(2022), 『제재 이후의 북한 경제』, 서울: 한울아카데미, pp. 142-150.",
            "한울아카데미",
        ),
        (
            "Markus Lindqvist(2022), The Geoeconomic Union, Oxford University Press, pp. 88-92.",
            "Oxford University Press",
        ),
        (
            "강민재, 『플랫폼 노동과 사회보험』, 박영사, 2021, p. 87.",
            "박영사",
        ),
        (
            "윤지훈·한미경(2023), 『북한 무역 추정』, 연구보고서 2023-11, 세종: 한국개발연구원.",
            "한국개발연구원",
        ),
    ] {
        let (c, _) = one(raw);
        assert_eq!(
            (
                c.institution.as_deref(),
                c.container.as_deref().filter(|c| c.contains(':'))
            ),
            (Some(publisher), None),
            "{raw}"
        );
    }
}

#[test]
fn laws_named_in_remarks_are_notes() {
    use CitationKind::*;
    for raw in [
        "「日本銀行法」(1997년 전면 개정, 1998년 4월 시행) 제2조는 물가의 안정을 규정하고 있음.",
        "구 「산업재해보상보험법」(2022. 6. 10. 법률 제18928호로 개정되기 전의 것) 제125조 제1항.",
        "「CHIPS and Science Act of 2022」(Public Law 117-167)는 2022년 8월 9일 발효되었다.",
        "「조세특례제한법」 제24조에 따른 세액공제율은 2023년 3월 상향되었다.",
        "「中华人民共和国对外贸易法」(2022年12月30日修正) 第15条.",
        "「조선민주주의인민공화국 무역법」은 1997년 12월 채택된 이후 수정되었다.",
    ] {
        let (c, _) = one(raw);
        assert_eq!((c.kind, c.date.as_deref()), (Note, None), "{raw}");
    }
    // a law's text published with a date and an outlet is cited as news
    let (c, _) = one("「반도체특별법」(2024. 1. 5.), 『관보』.");
    assert_ne!(c.kind, Note);
    // acts of the EU by their form, whatever they end with
    assert!(is_legal_title(
        "Regulation (EU) 2019/452 of the European Parliament establishing a framework for the screening of foreign direct investments into the Union"
    ));
    assert!(is_legal_title(
        "Commission Implementing Regulation (EU) 2023/1441 on detailed arrangements"
    ));
    assert!(!is_legal_title(
        "Commission proposes new initiatives to strengthen economic security"
    ));
    // a headline that ends in a law's name is news
    let (c, _) = one("｢국회, 반도체특별법｣(2024. 1. 5.), 연합뉴스.");
    assert_eq!((c.kind, c.outlet.as_deref()), (News, Some("연합뉴스")));
}

#[test]
fn official_journals_releases_and_statements_are_official() {
    use CitationKind::*;
    let (c, _) = one(
        "Regulation (EU) 2019/452 of the European Parliament establishing a framework for screening, Official Journal of the European Union, L 79I, 21.3.2019, pp. 1-14.",
    );
    assert_eq!((c.kind, c.date.as_deref()), (Official, Some("2019-03-21")));
    assert_eq!(
        (
            c.container.as_deref(),
            c.issue.as_deref(),
            c.pages.as_deref()
        ),
        (
            Some("Official Journal of the European Union"),
            Some("L 79I"),
            Some("1-14")
        )
    );
    let (c, _) =
        one("Regulation (EU) 2021/821 setting up a Union regime, OJ L 206, 11.6.2021, pp. 1-461.");
    assert_eq!(
        (
            c.container.as_deref(),
            c.issue.as_deref(),
            c.date.as_deref()
        ),
        (Some("OJ"), Some("L 206"), Some("2021-06-11"))
    );
    let (c, _) = one(
        "Internal Revenue Service(2023. 12. 4), “Section 30D Excluded Entities,” Federal Register, Vol. 88, No. 231, pp. 84098-84117.",
    );
    assert_eq!(
        (
            c.kind,
            c.container.as_deref(),
            c.volume.as_deref(),
            c.issue.as_deref()
        ),
        (Official, Some("Federal Register"), Some("88"), Some("231"))
    );
    for (raw, container) in [
        (
            "日本銀行(2024. 3. 19), 「金融政策の枠組みの見直しについて」, 公表文.",
            "公表文",
        ),
        (
            "Bank of Japan(2024. 7. 31), “Change in the Guideline,” Statement on Monetary Policy.",
            "Statement on Monetary Policy",
        ),
        (
            "経済産業省(2024. 2. 24.), 「認定を行いました」, ニュースリリース.",
            "ニュースリリース",
        ),
        (
            "U.S. Department of Commerce(2023. 4. 25.), “CHIPS for America Outlines Vision,” Press Release.",
            "Press Release",
        ),
        (
            "통계청, 「2023 고령자 통계」, 보도자료, 2023. 9. 26.",
            "보도자료",
        ),
    ] {
        let (c, _) = one(raw);
        assert_eq!(
            (c.kind, c.container.as_deref()),
            (Official, Some(container)),
            "{raw}"
        );
    }
    // a government's numbered document is official, its study a report
    assert_eq!(one("European Commission(2023), “Joint Communication on Economic Security,” COM(2023) 20 final.").0.container.as_deref(), Some("COM(2023) 20 final"));
    assert_eq!(one("European Commission(2023), “Joint Communication on Economic Security,” COM(2023) 20 final.").0.kind, Official);
    assert_eq!(one("European Commission(2024), “The Future of European Competitiveness,” September 2024, p. 40.").0.kind, Report);
}

#[test]
fn an_access_date_is_never_the_works_date() {
    use CitationKind::*;
    for raw in [
        "OECD, “Employment Rate by Age Group,” https://data.oecd.org/emp.htm (검색일: 2024. 4. 22.).",
        "통계청, 「경제활동인구조사」, https://kosis.kr/statHtml.do (검색일: 2024. 4. 15.).",
        "한국무역협회, K-stat 국가별 수출입 통계, https://stat.kita.net (검색일: 2024. 7. 12.).",
        "European Commission, “Economic security,” https://commission.europa.eu/priorities-2019-2024/economic-security_en (accessed: 30 October 2024).",
        "財務省, 「外国為替平衡操作の実施状況」, https://www.mof.go.jp/feio/index.html (검색일: 2024. 9. 5).",
    ] {
        let (c, _) = one(raw);
        assert_eq!(
            (c.kind, c.date.as_deref(), c.year),
            (Web, None, None),
            "{raw}"
        );
        assert!(c.institution.is_some() && c.title.is_some(), "{raw}");
    }
}

#[test]
fn series_numbers_and_containers() {
    use CitationKind::*;
    for (raw, container, issue) in [
        (
            "Alvarez, R. and T. Nakamura (2024), “Household Balance Sheets,” IMF Working Paper No. 24/52, p. 7.",
            "IMF Working Paper",
            "24/52",
        ),
        (
            "Kwon, H. and A. Mendes, “Unlocking the Labor Supply,” IMF Working Paper No. 23/204, 2023.",
            "IMF Working Paper",
            "23/204",
        ),
        (
            "IMF(2024), People’s Republic of China: Article IV Consultation, IMF Country Report No. 24/47, p. 12.",
            "IMF Country Report",
            "24/47",
        ),
        (
            "OECD, “Skills of Older Adults,” OECD Education Working Papers, No. 287, 2023, p. 31.",
            "OECD Education Working Papers",
            "287",
        ),
        (
            "日本銀行(2024. 8), 「自然利子率の計測」, 日銀レビュー・シリーズ No. 24-J-9.",
            "日銀レビュー・シリーズ",
            "24-J-9",
        ),
        (
            "Lena Hartmann and Claire Moreau(2024), “Measuring De-risking,” Policy Brief, Issue 08/2024, Bruegel, p. 5.",
            "Policy Brief",
            "08/2024",
        ),
    ] {
        let (c, _) = one(raw);
        assert_eq!(
            (c.container.as_deref(), c.issue.as_deref()),
            (Some(container), Some(issue)),
            "{raw}"
        );
    }
    // journals by volume are academic, a working paper too; an institute's series a report
    assert_eq!(
        one("권오현·정다은, 「잠재성장률」, 『한국개발연구』, 제46권 제1호, 2024, pp. 1-38.")
            .0
            .kind,
        Academic
    );
    assert_eq!(
        one("Brennan, T., M. Sato and D. Varga, “Aging,” NBER Working Paper No. 31872, 2023.")
            .0
            .kind,
        Academic
    );
    assert_eq!(
        one("정다은, 「재취업 일자리」, 『KDI FOCUS』, 통권 제128호, 한국개발연구원, 2023.")
            .0
            .kind,
        Report
    );
    assert_eq!(
        one("리명철(2024), 「무역사업」, 『대외무역』, 2024년 제1호, pp. 18-19.")
            .0
            .kind,
        Academic
    );
    let (c, _) = one(
        "김태윤·이수진(2023), 「구조 변화」, 『조사통계월보』 제77권 제8호, 한국은행, pp. 1-32.",
    );
    assert_eq!(
        (
            c.container.as_deref(),
            c.volume.as_deref(),
            c.issue.as_deref()
        ),
        (Some("조사통계월보"), Some("77"), Some("8"))
    );
}

#[test]
fn outlet_first_news_in_every_language() {
    use CitationKind::*;
    for (raw, outlet, title) in [
        (
            "『연합뉴스』(2024. 7. 3), ｢엔/달러 환율 161엔 돌파｣.",
            "연합뉴스",
            "엔/달러 환율 161엔 돌파",
        ),
        (
            "Le Monde(2024. 5. 3.), “Le Parlement européen adopte la réforme”.",
            "Le Monde",
            "Le Parlement européen adopte la réforme",
        ),
        (
            "The Wall Street Journal, “Labor Shortages Push Back Openings,” February 2, 2024.",
            "The Wall Street Journal",
            "Labor Shortages Push Back Openings",
        ),
        (
            "新华社(2023年10月24日), “中朝经贸合作”.",
            "新华社",
            "中朝经贸合作",
        ),
    ] {
        let (c, _) = one(raw);
        assert_eq!(
            (c.kind, c.outlet.as_deref(), c.title.as_deref()),
            (News, Some(outlet), Some(title)),
            "{raw}"
        );
    }
    // what follows the title makes an outlet-first work a body's report
    let (c, _) = one("BloombergNEF(2024. 6. 12), Electric Vehicle Outlook 2024, p. 41.");
    assert_eq!(
        (c.kind, c.title.as_deref(), c.institution.as_deref()),
        (
            Report,
            Some("Electric Vehicle Outlook 2024"),
            Some("BloombergNEF")
        )
    );
}

#[test]
fn text_cut_by_a_line_break_inside_a_citation() {
    // a day cut in two keeps its closing dot: the 20th, not the 2nd
    assert_eq!(parse_date("2024. 6. 2 0.").as_deref(), Some("2024-06-20"));
    assert_eq!(
        one("｢북러 조약 조인｣(2024. 6. 2 0.), 『연합뉴스』.")
            .0
            .date
            .as_deref(),
        Some("2024-06-20")
    );
    // but a day before a note is still the day
    assert_eq!(
        parse_date("2024. 6. 2 (검색일)").as_deref(),
        Some("2024-06-02")
    );
    // an address cut before its extension
    let (c, _) = one(
        "財務省, 「外国為替平衡操作」, https://www.mof.go.jp/feio/index. html (검색일: 2024. 9. 5).",
    );
    assert_eq!(
        c.url.as_deref(),
        Some("https://www.mof.go.jp/feio/index.html")
    );
    // an access note cut inside its word is still an access note
    let (c, _) = one(
        "European Commission, “Batteries,” https://environment.ec.europa.eu/batteries_en (검색 일: 2024. 9. 23).",
    );
    assert_eq!(
        (c.kind, c.date.as_deref(), c.accessed.as_deref()),
        (CitationKind::Web, None, Some("2024-09-23"))
    );
    // pages cut between their letters
    assert_eq!(
        one("리명철(2024), 「무역」, 『대외무역』, 2024년 제1호, p p. 18-19.")
            .0
            .pages
            .as_deref(),
        Some("18-19")
    );
}
