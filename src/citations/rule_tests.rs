//! Tests of the rules for other institutes' citation forms: remarks before a
//! citation, quoted-from sources, back references by every creator, laws,
//! official journals, access dates, series numbers, outlet-first news and
//! text cut by a line break. Every example is invented.
use super::tests::one;
use super::*;

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
            "청년층은 15세에서 29세까지의 인구를 말한다. 행정안전부, 「주민등록 인구현황」, 보도자료, 2020. 11. 9."
        ),
        [Note, Official]
    );
    // a remark in 음-style, then a Japanese issuer and a web page
    let w = works(
        "해당 자료를 매 분기 갱신하고 있음. 中国人民银行, 「货币政策执行报告」, https://pbc.gov.cn/x/ (검색일: 2021. 5. 17).",
    );
    assert_eq!(
        (w[1].kind, w[1].institution.as_deref()),
        (Web, Some("中国人民银行"))
    );
    // a remark, then an author with a year (English, inverted)
    assert_eq!(
        kinds(
            "추정 방법은 다음 논문을 따랐다. Novak, P. (2017), “Port Congestion,” Review of Port Logistics, Vol. 9, No. 4, pp. 311-334."
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
        kinds("지역 간 편차가 점차 줄어드는 추세를 보인다. 정규직 비율은 3분의 2에 이른다."),
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
        "Tobias Engel(2018), “Quiet Leverage,” Journal of Border Trade, Vol. 41, No. 5, p. 97, 류지현, 설민호(2020), p. 58에서 재인용.",
    );
    assert_eq!(
        w.iter().map(|c| c.kind).collect::<Vec<_>>(),
        [Academic, BackReference]
    );
    assert_eq!(
        (w[1].authors.as_slice(), w[1].year),
        (
            &["류지현".to_string(), "설민호".to_string()][..],
            Some(2020)
        )
    );
    assert_eq!(w[1].pages.as_deref(), Some("58"));
    // after a `;`, with a pointer noun
    assert_eq!(
        kinds(
            "한국조선해양플랜트협회(2019), 『업계 현황 조사』, p. 22, 문가영·탁승호(2021), 앞의 책, p. 64에서 재인용."
        ),
        [Report, BackReference]
    );
    // English: `cited in`
    assert_eq!(
        kinds(
            "Smith, J. (2019), “Title,” Journal of X, Vol. 2, pp. 1-9, cited in Baek and Noh (2021), p. 4."
        ),
        [Academic, BackReference]
    );
    // a lone creator before a pointer is not a work of its own
    assert_eq!(
        kinds("표은서(2020), 앞의 글, p. 29에서 재인용."),
        [BackReference]
    );
}

#[test]
fn pointers_need_a_work_noun_or_a_dated_outlet() {
    use CitationKind::*;
    for pointer in [
        "앞의 글, p. 5.",
        "위의 책.",
        "같은 글, pp. 31-33.",
        "앞의 보도자료.",
        "Ibid., p. 1047.",
        "op. cit., p. 3.",
        "前掲書, 12頁.",
        "同上.",
    ] {
        assert_eq!(one(pointer).0.kind, BackReference, "{pointer}");
    }
    // prose that opens with the same words
    assert_eq!(kinds("같은 날 항셍지수(HSI)도 3.4% 올랐음."), [Note]);
    assert_eq!(
        kinds("같은 조 제2호의 기준을 보통 ‘종속성’ 기준이라 부른다."),
        [Note]
    );
    let (b, _) = one("관세청(2021. 3. 16.), 앞의 보도자료.");
    assert_eq!(
        (b.kind, b.institution.as_deref(), b.date.as_deref()),
        (BackReference, Some("관세청"), Some("2021-03-16"))
    );
    let (b, _) = one("Avery and Lowe, op. cit., p. 12.");
    assert_eq!(b.authors, ["Avery", "Lowe"]);
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
        "Tomas Avery and Nina Lowe(2018), “Tariff Policy,” Journal of X, Vol. 1, pp. 1-9.",
        "Prescott, D. and K. Lowe (2019), “Rent Control,” Journal of Y, Vol. 3, pp. 5-9.",
        "Avery and Lowe, op. cit., p. 12.",
        "Prescott and Lowe(2019), p. 7.",
        "Prescott 외(2019), p. 8.",
    ]);
    assert_eq!(r[2].1[0].refers_to, Some(1));
    assert_eq!(r[3].1[0].refers_to, Some(2));
    assert_eq!(r[4].1[0].refers_to, Some(2));
    // an institution, an outlet and a person, each where the work has it
    let r = resolve(&[
        "KITA(2020), 『중국 수입시장 동향』, p. 3.",
        "中国证券报(2021. 3. 9), “光伏组件价格回落”.",
        "남궁진·오세린, 『돌봄 노동자』, 연구보고서 2019-11, 한국보건사회연구원, 2019, pp. 102-105.",
        "KITA(2020), 앞의 책, p. 9.",
        "中国证券报(2021. 3. 9), 앞의 글.",
        "남궁진·오세린(2019), p. 110.",
        "방채윤(2018), 앞의 글, p. 8.",
    ]);
    assert_eq!(
        (r[3].1[0].refers_to, r[3].1[0].institution.as_deref()),
        (Some(1), Some("KITA"))
    );
    assert_eq!(
        (r[4].1[0].refers_to, r[4].1[0].outlet.as_deref()),
        (Some(2), Some("中国证券报"))
    );
    assert!(r[4].1[0].authors.is_empty());
    assert_eq!(r[5].1[0].refers_to, Some(3));
    assert_eq!(r[6].1[0].refers_to, None);
}

#[test]
fn ibid_follows_the_work_the_previous_citation_stands_for() {
    let r = resolve(&[
        "도경민(2020), ｢수출통제 체제의 변화｣, 『통상법률』, 제31권 제2호, pp. 71-98.",
        "심사의 기준은 모호함. 도경민(2020), 앞의 글, p. 80.",
        "위의 글, pp. 84-86.",
        "Ibid., p. 90.",
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
            "Prescott, D. and K. Lowe (2019), “T,” Journal of X, Vol. 1, pp. 1-2.",
            "Prescott, D.",
        ),
        (
            "Okada, Yuki and Sarah Brennick(2018), “T,” Journal of X, Vol. 44, pp. 1-2.",
            "Okada, Yuki",
        ),
        (
            "Villanueva, Sofia, Min-seo Park and Henrik Dahl(2020), “T,” Quarterly, Vol. 2, pp. 1-2.",
            "Villanueva, Sofia",
        ),
        (
            "Renner, Paul J.(1998), “T,” Quarterly, Vol. 2, pp. 1-2.",
            "Renner, Paul J.",
        ),
    ] {
        assert_eq!(
            one(raw).0.authors.first().map(String::as_str),
            Some(first),
            "{raw}"
        );
    }
    assert_eq!(
        one("Ostrova, L., P. Quinlan and Y. Haddad (2017), “T,” Review, Vol. 1, pp. 1-2.")
            .0
            .authors,
        ["Ostrova, L.", "P. Quinlan", "Y. Haddad"]
    );
    // `·` joins persons; organisations go to institution
    let (c, _) = one(
        "남궁진·오세린, 『돌봄 노동자』, 연구보고서 2019-11, 한국보건사회연구원, 2019, pp. 102-105.",
    );
    assert_eq!(
        (c.kind, c.authors.as_slice()),
        (Report, &["남궁진".to_string(), "오세린".to_string()][..])
    );
    assert_eq!(c.institution.as_deref(), Some("한국보건사회연구원"));
    for (raw, institution) in [
        (
            "Counterpoint Research(2020. 5), 「스마트폰 출하량」, Global Handset Quarterly Tracker.",
            "Counterpoint Research",
        ),
        (
            "中国人民银行(2021. 2), 「中国货币政策执行报告(2020年第四季度)」.",
            "中国人民银行",
        ),
        (
            "Fraunhofer Institute(2019), Hydrogen Cost Data Book, p. 56.",
            "Fraunhofer Institute",
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
            "여태민(2017), 『국경 무역의 경제학』, 서울: 나남출판, pp. 203-211.",
            "나남출판",
        ),
        (
            "Anders Holm(2016), The Tariff State, Edward Elgar Publishing, pp. 131-137.",
            "Edward Elgar Publishing",
        ),
        (
            "채수빈, 『비정규 고용과 노동법』, 법문사, 2018, p. 143.",
            "법문사",
        ),
        (
            "석동훈·마은지(2019), 『지역 고용 전망』, 연구보고서 2019-07, 세종: 한국물류정책연구원.",
            "한국물류정책연구원",
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
        "「中国人民银行法」(2003년 개정, 2004년 2월 시행) 제3조는 통화가치의 안정을 규정하고 있음.",
        "구 「고용보험법」(2019. 8. 27. 법률 제16557호로 일부개정되기 전의 것) 제40조 제2항.",
        "「Infrastructure Investment and Jobs Act of 2021」(Pub. L. 117-58)는 2021년 11월 15일 서명되었다.",
        "「지방세특례제한법」 제31조에 따른 감면율은 2020년 1월 축소되었다.",
        "「中华人民共和国对外贸易法」(2022年12月30日修正) 第15条.",
        "「지방세특례제한법」(2018. 11. 26. 개정)은 2019년 1월 1일부터 시행되었다.",
        "「Port Safety Act」(Pub. L. 101-12)는 1989년 4월 3일 서명되었다.",
        "「조선민주주의인민공화국 외국인투자법」은 1992년 10월 채택된 이후 수정되었다.",
    ] {
        let (c, _) = one(raw);
        assert_eq!((c.kind, c.date.as_deref()), (Note, None), "{raw}");
    }
    // a law's text published with a date and an outlet is cited as news
    let (c, _) = one("「반도체특별법」(2024. 1. 5.), 『관보』.");
    assert_ne!(c.kind, Note);
    // acts of the EU by their form, whatever they end with
    assert!(is_legal_title(
        "Regulation (EU) 2020/1503 of the European Parliament laying down rules for the monitoring of tariff quotas within the Union"
    ));
    assert!(is_legal_title(
        "Commission Implementing Regulation (EU) 2020/1207 on detailed procedures"
    ));
    assert!(!is_legal_title(
        "Commission unveils new measures to support raw material supply"
    ));
    // a headline that ends in a law's name is news
    let (c, _) = one("｢국회, 반도체특별법｣(2024. 1. 5.), 연합뉴스.");
    assert_eq!((c.kind, c.outlet.as_deref()), (News, Some("연합뉴스")));
}

#[test]
fn official_journals_releases_and_statements_are_official() {
    use CitationKind::*;
    let (c, _) = one(
        "Regulation (EU) 2021/479 of the European Parliament on a programme for monitoring, Official Journal of the European Union, L 86I, 19.3.2021, pp. 2-9.",
    );
    assert_eq!((c.kind, c.date.as_deref()), (Official, Some("2021-03-19")));
    assert_eq!(
        (
            c.container.as_deref(),
            c.issue.as_deref(),
            c.pages.as_deref()
        ),
        (
            Some("Official Journal of the European Union"),
            Some("L 86I"),
            Some("2-9")
        )
    );
    let (c, _) = one(
        "Regulation (EU) 2019/1020 on market surveillance of products, OJ L 169, 25.6.2019, pp. 1-44.",
    );
    assert_eq!(
        (
            c.container.as_deref(),
            c.issue.as_deref(),
            c.date.as_deref()
        ),
        (Some("OJ"), Some("L 169"), Some("2019-06-25"))
    );
    let (c, _) = one(
        "Environmental Protection Agency(2021. 8. 10), “Vehicle Emission Standard,” Federal Register, Vol. 86, No. 151, pp. 43726-43799.",
    );
    assert_eq!(
        (
            c.kind,
            c.container.as_deref(),
            c.volume.as_deref(),
            c.issue.as_deref()
        ),
        (Official, Some("Federal Register"), Some("86"), Some("151"))
    );
    for (raw, container) in [
        (
            "日本銀行(2020. 10. 30), 「貸出支援資金供給の延長について」, 公表文.",
            "公表文",
        ),
        (
            "Bank of England(2021. 11. 4), “Bank Rate Held Unchanged,” Rate Setting Statement.",
            "Rate Setting Statement",
        ),
        (
            "国土交通省(2020. 9. 15.), 「整備計画の公表」, ニュースリリース.",
            "ニュースリリース",
        ),
        (
            "U.S. Department of Energy(2021. 6. 8.), “Grid Storage Program Announced,” Press Release.",
            "Press Release",
        ),
        (
            "통계청, 「2020 청소년 현황」, 보도자료, 2020. 5. 26.",
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
    assert_eq!(
        one("European Commission(2020), “Plan for Renewing Industry,” COM(2020) 102 final.")
            .0
            .container
            .as_deref(),
        Some("COM(2020) 102 final")
    );
    assert_eq!(
        one("European Commission(2020), “Plan for Renewing Industry,” COM(2020) 102 final.")
            .0
            .kind,
        Official
    );
    assert_eq!(one("European Commission(2019), “The Outlook for Single Market Integration,” November 2019, p. 17.").0.kind, Report);
}

#[test]
fn an_access_date_is_never_the_works_date() {
    use CitationKind::*;
    for raw in [
        "OECD, “Household Savings by Country,” https://stats.oecd.org/savings (검색일: 2021. 6. 14.).",
        "한국은행, 「국민계정」, https://ecos.bok.or.kr/idx.do (검색일: 2020. 10. 6.).",
        "대한무역투자진흥공사, 해외시장 뉴스, https://news.kotra.or.kr/main (검색일: 2021. 2. 3.).",
        "European Commission, “Digital single market,” https://europa.eu/growth/single-market/digital_en (accessed: 12 March 2021).",
        "総務省, 「家計調査の結果」, https://e-stat.go.jp/kakei/list (검색일: 2021. 1. 19).",
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
            "Ferrante, L. and K. Ito (2019), “Corporate Debt Overhang,” IMF Working Paper No. 19/88, p. 11.",
            "IMF Working Paper",
            "19/88",
        ),
        (
            "Seo, J. and P. Duarte, “Raising Female Participation,” IMF Working Paper No. 20/117, 2020.",
            "IMF Working Paper",
            "20/117",
        ),
        (
            "IMF(2019), Republic of Poland: Selected Issues, IMF Country Report No. 19/38, p. 9.",
            "IMF Country Report",
            "19/38",
        ),
        (
            "OECD, “Tariff Pass-through in Small Economies,” OECD Trade Policy Papers, No. 241, 2020, p. 14.",
            "OECD Trade Policy Papers",
            "241",
        ),
        (
            "日本銀行(2020. 3), 「企業の価格設定行動」, 日本銀行ワーキングペーパーシリーズ No. 20-J-4.",
            "日本銀行ワーキングペーパーシリーズ",
            "20-J-4",
        ),
        (
            "Jonas Vogt and Ines Laurent(2020), “Tracking Supplier Shifts,” Policy Contribution, Issue 14/2020, Centre for European Reform, p. 8.",
            "Policy Contribution",
            "14/2020",
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
        one("변지우·한서준, 「생산성 둔화」, 『고용정책논총』, 제43권 제2호, 2020, pp. 33-61.")
            .0
            .kind,
        Academic
    );
    assert_eq!(
        one(
            "Adebayo, C., R. Ishii and B. Novak, “Automation,” NBER Working Paper No. 27415, 2020."
        )
        .0
        .kind,
        Academic
    );
    assert_eq!(
        one(
            "한서준, 「청년 창업 지원」, 『KIET 산업경제』, 통권 제97호, 한국물류정책연구원, 2019."
        )
        .0
        .kind,
        Report
    );
    assert_eq!(
        one("조경수(2019), 「수출입 관리」, 『경제연구』, 2019년 제3호, pp. 41-43.")
            .0
            .kind,
        Academic
    );
    let (c, _) = one(
        "모지환·국하림(2020), 「소비 패턴」, 『국토연구』 제104권 제2호, 국토연구원, pp. 5-27.",
    );
    assert_eq!(
        (
            c.container.as_deref(),
            c.volume.as_deref(),
            c.issue.as_deref()
        ),
        (Some("국토연구"), Some("104"), Some("2"))
    );
}

#[test]
fn outlet_first_news_in_every_language() {
    use CitationKind::*;
    for (raw, outlet, title) in [
        (
            "『뉴시스』(2021. 2. 18), ｢원/달러 환율 1,100원 회복｣.",
            "뉴시스",
            "원/달러 환율 1,100원 회복",
        ),
        (
            "Le Figaro(2020. 11. 6.), “Le Sénat vote le budget rectificatif”.",
            "Le Figaro",
            "Le Sénat vote le budget rectificatif",
        ),
        (
            "The New York Times, “Port Delays Ripple Through Retail,” October 14, 2021.",
            "The New York Times",
            "Port Delays Ripple Through Retail",
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
    let (c, _) = one("Rystad Energy(2021. 3. 8), Offshore Wind Market Outlook 2021, p. 17.");
    assert_eq!(
        (c.kind, c.title.as_deref(), c.institution.as_deref()),
        (
            Report,
            Some("Offshore Wind Market Outlook 2021"),
            Some("Rystad Energy")
        )
    );
}

#[test]
fn text_cut_by_a_line_break_inside_a_citation() {
    // a day cut in two keeps its closing dot: the 20th, not the 2nd
    assert_eq!(parse_date("2021. 3. 1 7.").as_deref(), Some("2021-03-17"));
    assert_eq!(
        one("｢한중 협정 서명｣(2021. 3. 1 7.), 『뉴시스』.")
            .0
            .date
            .as_deref(),
        Some("2021-03-17")
    );
    // but a day before a note is still the day
    assert_eq!(
        parse_date("2021. 3. 1 (검색일)").as_deref(),
        Some("2021-03-01")
    );
    // an address cut before its extension
    let (c, _) =
        one("総務省, 「家計調査」, https://e-stat.go.jp/kakei/list. php (검색일: 2021. 1. 19).");
    assert_eq!(
        c.url.as_deref(),
        Some("https://e-stat.go.jp/kakei/list.php")
    );
    // an access note cut inside its word is still an access note
    let (c, _) = one(
        "European Commission, “Hydrogen,” https://energy.europa.eu/hydrogen_en (검색 일: 2021. 4. 27).",
    );
    assert_eq!(
        (c.kind, c.date.as_deref(), c.accessed.as_deref()),
        (CitationKind::Web, None, Some("2021-04-27"))
    );
    // pages cut between their letters
    assert_eq!(
        one("조경수(2019), 「무역」, 『경제연구』, 2019년 제3호, p p. 41-43.")
            .0
            .pages
            .as_deref(),
        Some("41-43")
    );
    // a page label whose number went missing names no publisher
    for cut in ["pp.", "p."] {
        let (c, _) = one(&format!(
            "한서윤, 「지역 고용의 변화」, 『지역경제연구』, 제12권 제1호, 2020, {cut}"
        ));
        assert_eq!(
            (
                c.container.as_deref(),
                c.institution.as_deref(),
                c.pages.as_deref()
            ),
            (Some("지역경제연구"), None, None),
            "{cut}"
        );
    }
}
