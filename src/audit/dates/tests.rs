//! Rules of the date audit, each on invented claims and headlines.

use super::*;
use crate::model::{Citation, FootnoteRef};

fn claim(text: &str, n: u32) -> Claim {
    Claim {
        id: "C1".into(),
        text: text.into(),
        sentences: vec![[0, text.chars().count()]],
        footnote_refs: vec![FootnoteRef {
            n,
            offset: text.chars().count(),
            ..FootnoteRef::default()
        }],
        ..Claim::default()
    }
}

fn footnote(n: u32, date: &str) -> Footnote {
    Footnote {
        n,
        citations: vec![Citation {
            id: format!("F{n}.1"),
            date: Some(date.into()),
            ..Citation::default()
        }],
        ..Footnote::default()
    }
}

#[test]
fn stated_months_read_korean_date_forms() {
    assert_eq!(stated_months("2023년 8월 하순", None), [2023 * 12 + 7]);
    assert_eq!(stated_months("2023년 하반기부터", None), [2023 * 12 + 6]);
    assert_eq!(stated_months("위로 전문(’24. 1. 6.)을", None), [2024 * 12]);
    assert!(stated_months("2024년으로 연기됨, 12월 11일", None).is_empty());
    assert!(stated_months("2026년 말까지 유예, 5월 3일 발표", None).is_empty());
    // bare months in the year stated before them, or the enclosing claim's
    assert_eq!(
        stated_months("2023년 3월 부임, 12월 11일 귀환", None),
        [2023 * 12 + 2, 2023 * 12 + 11]
    );
    assert_eq!(stated_months("8월 하순 재개", Some(2023)), [2023 * 12 + 7]);
    assert!(stated_months("3개월 만에 재개", Some(2023)).is_empty());
    // the year a parent leaves in force for its sub-bullets: not a target
    assert_eq!(
        read_dates("2023년 3월 합의, 2024년으로 연기", None).1,
        Some(2023)
    );
    assert_eq!(read_dates("위로 전문(’24. 1. 6.)", None).1, Some(2024));
}

#[test]
fn source_a_year_before_the_event_conflicts() {
    let claims = [claim(
        "2024년 1월에 발생한 지진에 위로 전문(’24. 1. 6.)을 보냄.",
        1,
    )];
    let kinds = |date: &str| -> Vec<String> {
        date_findings(&claims, &[footnote(1, date)], Some("2024-02-01"))
            .into_iter()
            .map(|f| f.kind)
            .collect()
    };
    assert_eq!(kinds("2023-01-06"), ["date_conflict"]);
    assert!(kinds("2024-01-07").is_empty());
    assert_eq!(kinds("2024-03-01"), ["future_source"]);
}

fn news(n: u32, title: &str, date: &str) -> Footnote {
    let mut f = footnote(n, date);
    f.citations[0].kind = crate::model::CitationKind::News;
    f.citations[0].title = Some(title.into());
    f
}

fn kinds_for(claim_text: &str, title: &str, date: &str) -> Vec<String> {
    date_findings(
        &[claim(claim_text, 1)],
        &[news(1, title, date)],
        Some("2024-02-01"),
    )
    .into_iter()
    .map(|f| f.kind)
    .collect()
}

#[test]
fn a_headline_reporting_as_done_an_event_dated_later_is_flagged() {
    let launch = "북한은 2024년 1월 10일 동해상으로 탄도미사일을 발사하였음";
    assert_eq!(
        kinds_for(launch, "북한, 동해상으로 탄도미사일 발사", "2024-01-08"),
        ["source_before_event"]
    );
    assert_eq!(
        kinds_for(launch, "North Korea fires ballistic missile", "2024-01-09"),
        ["source_before_event"]
    );
    // the short and dotted forms, and a bare day in the year stated before it
    let short = "북한은 미사일을 발사(’24. 1. 10.)하였음";
    assert_eq!(
        kinds_for(short, "북한, 미사일 발사", "2024-01-08"),
        ["source_before_event"]
    );
    let list = "북한은 위성을 발사(’24. 1. 10., ’24. 1. 20.)하였음";
    assert_eq!(
        kinds_for(list, "북한, 위성 발사", "2024-01-08"),
        ["source_before_event"]
    );
    assert!(
        kinds_for(list, "북한, 위성 발사", "2024-01-12").is_empty(),
        "any of the days listed"
    );
    let bare = "2024년 들어 북한은 1월 10일 미사일을 발사하였음";
    assert_eq!(
        kinds_for(bare, "북한, 미사일 발사", "2024-01-08"),
        ["source_before_event"]
    );
}

#[test]
fn an_acts_publication_date_is_no_date_conflict() {
    let claim = claim(
        "심사 제도는 2022년 10월부터 적용되어 2023년 5월 첫 심사가 이루어졌음",
        1,
    );
    let act = |title: &str| {
        let mut f = footnote(1, "2019-03-21");
        f.citations[0].title = Some(title.into());
        f
    };
    for title in [
        "Regulation (EU) 2019/300 of the European Parliament and of the Council",
        "외국인투자 촉진법",
        "Critical Minerals Security Act of 2019",
    ] {
        let found = date_findings(
            std::slice::from_ref(&claim),
            &[act(title)],
            Some("2024-01-01"),
        );
        assert!(found.iter().all(|f| f.kind != "date_conflict"), "{title}");
    }
    // a report of the same date still conflicts
    let found = date_findings(
        &[claim],
        &[act("심사 제도의 도입 배경")],
        Some("2024-01-01"),
    );
    assert!(found.iter().any(|f| f.kind == "date_conflict"));
}

#[test]
fn only_the_dated_clause_decides_whether_the_event_is_announced() {
    // done on the day, a plan in a later clause
    let done_then_plan =
        "위원회는 2023년 3월 8일 협의체를 발족시키고 여러 방안을 검토하기로 하였음";
    assert_eq!(
        kinds_for(done_then_plan, "협의체 발족…논의 시작", "2023-03-02"),
        ["source_before_event"]
    );
    // planned on the day: still an announcement
    let planned = "위원회는 2023년 3월 8일 협의체를 발족시킬 예정이며 방안을 검토함";
    assert!(kinds_for(planned, "협의체 발족…논의 시작", "2023-03-02").is_empty());
    // in force from the day, whatever follows
    let effective = "개정법은 2023년 3월 8일부터 시행되었고 가입자가 늘었음";
    assert!(kinds_for(effective, "개정법 시행…가입자 증가", "2023-03-02").is_empty());
}

#[test]
fn a_cut_reported_as_made_before_the_day_the_claim_gives_is_flagged() {
    let cut = "중국은 2024년 1월 20일 5년 만기 대출우대금리를 인하하였음";
    assert_eq!(
        kinds_for(
            cut,
            "China Makes Record Cut to Five-Year Loan Prime Rate",
            "2024-01-12"
        ),
        ["source_before_event"]
    );
    assert!(kinds_for(cut, "China to cut loan prime rate", "2024-01-12").is_empty());
}

#[test]
fn announcements_effective_dates_and_later_sources_are_not_flagged() {
    let launch = "북한은 2024년 1월 10일 동해상으로 탄도미사일을 발사하였음";
    // dated the same day or after
    assert!(kinds_for(launch, "북한, 탄도미사일 발사", "2024-01-10").is_empty());
    assert!(kinds_for(launch, "북한, 탄도미사일 발사", "2024-01-11").is_empty());
    // the headline announces: 예정, 계획, to, will, plans
    for headline in [
        "북한, 위성 발사 예정",
        "북한, 탄도미사일 발사 계획 통보",
        "North Korea to launch satellite",
        "North Korea will launch a missile, Seoul says",
        "North Korea plans missile test",
        "日 \"北, 위성 발사 통보\"…발사 임박했나",
        "朝鲜计划发射卫星",
    ] {
        assert!(
            kinds_for(launch, headline, "2024-01-08").is_empty(),
            "{headline}"
        );
    }
    // an effective date announced by an earlier article
    let tariff = "미국의 새 관세는 2024년 1월 1일부터 시행되었음";
    assert!(kinds_for(tariff, "미국, 중국산 전기차에 새 관세 부과", "2023-12-15").is_empty());
    let agreement = "협정은 2024년 1월 1일 발효되었음";
    assert!(kinds_for(agreement, "한-캄보디아 FTA 서명", "2023-12-20").is_empty());
    // a day after the report is a forecast
    let forecast = "회담은 2024년 3월 10일 열림";
    assert!(kinds_for(forecast, "정상회담 개최", "2024-01-20").is_empty());
    // a month, not a day: nothing to compare at day level
    assert!(
        kinds_for(
            "북한은 2024년 1월 미사일을 발사함",
            "북한, 미사일 발사",
            "2024-01-02"
        )
        .is_empty()
    );
    // far earlier: date_conflict, not both
    assert_eq!(
        kinds_for(launch, "북한, 탄도미사일 발사", "2023-06-01"),
        ["date_conflict"]
    );
}

fn kinds_with_report(claim_text: &str, title: &str, date: &str, report: &str) -> Vec<String> {
    date_findings(
        &[claim(claim_text, 1)],
        &[news(1, title, date)],
        Some(report),
    )
    .into_iter()
    .map(|f| f.kind)
    .collect()
}

#[test]
fn a_plan_dated_by_a_period_against_a_headline_that_reports_it_done() {
    let plan = "상원은 2027년 상반기 중 법안에 대한 입장을 정할 예정이며, 실제 발효는 2028년 이후가 될 가능성이 큼";
    let report = "2026-10-01";
    assert_eq!(
        kinds_with_report(
            plan,
            "Le Sénat approuve le texte sur les retraites",
            "2026-04-02",
            report
        ),
        ["source_before_event"]
    );
    assert_eq!(
        kinds_with_report(plan, "상원, 법안 의결했다", "2026-04-02", report),
        ["source_before_event"]
    );
    // an article on the plan, or one that does not say the act is done
    for headline in [
        "Le Sénat devrait adopter la réforme",
        "Senate to vote on pension reform",
        "상원, 내년 상반기 입장 정리",
        "상원, 연금 개혁안 논의",
    ] {
        assert!(
            kinds_with_report(plan, headline, "2026-04-02", report).is_empty(),
            "{headline}"
        );
    }
    // dated within the period: not before it (a future source, then)
    assert_eq!(
        kinds_with_report(plan, "상원, 법안 의결했다", "2027-02-02", report),
        ["future_source"]
    );
    // a past event dated by a month: a headline in the noun style is
    // no report of it as done, one with a past tense is
    let month = "공단은 2025년 9월 새 공장을 가동하였음";
    assert!(kinds_with_report(month, "공단, 새 공장 가동 준비", "2025-08-20", report).is_empty());
    assert_eq!(
        kinds_with_report(month, "공단, 새 공장 가동했다", "2025-08-20", report),
        ["source_before_event"]
    );
}

#[test]
fn the_clause_that_carries_the_marker_dates_the_event() {
    // the first day is another event; the marker's clause dates the
    // election, a plan after the report, reported done by a headline
    // naming its winner
    let claim = "대표가 3월 2일 사임 의사를 밝힘에 따라 3월 20일 예정된 경선에서 선출되는 새 대표가 당을 이끌게 됨";
    assert_eq!(
        kinds_with_report(
            claim,
            "여당 새 대표에 최○○…\"개혁 우선\"",
            "2025-03-15",
            "2025-03-17"
        ),
        ["source_before_event"]
    );
    assert!(
        kinds_with_report(
            claim,
            "여당, 20일 경선…후보 3명 등록",
            "2025-03-15",
            "2025-03-17"
        )
        .is_empty()
    );
    // a source of a day between the two events: the marker's clause decides
    let done = "대표가 2025년 3월 2일 사임하였고, 3월 20일 경선에서 새 대표를 선출하였음";
    assert_eq!(
        kinds_with_report(
            done,
            "여당, 경선서 새 대표 선출",
            "2025-03-15",
            "2025-04-01"
        ),
        ["source_before_event"]
    );
    // a comma after a fronted date ends no clause
    let fronted = "2025년 3월 20일, 여당은 경선을 열어 새 대표를 선출하였음";
    assert_eq!(
        kinds_with_report(
            fronted,
            "여당, 경선서 새 대표 선출",
            "2025-03-15",
            "2025-04-01"
        ),
        ["source_before_event"]
    );
}

#[test]
fn items_run_together_in_one_sentence_are_read_one_by_one() {
    // the marker sits in the third item: its own day, not the first
    // item's effective date, decides
    let claim = "당국은 2025년 6월 2일 세부 규정을 발표하면서, 일부 품목은 2027년 말까지 적용을 유예함 ‐업계는 대응책을 마련하고 있음 ‐유예 범위는 6월 2일 발표된 규정에서 확정되었으며, 업계는 조달처 확보를 서두르고 있음";
    let marker = claim.chars().count() - "업계는 조달처 확보를 서두르고 있음".chars().count() - 1;
    let mut c = self::claim(claim, 1);
    c.footnote_refs[0].offset = marker;
    let found = date_findings(
        &[c],
        &[news(1, "당국, 세부 규정 확정…일부 품목 유예", "2025-05-20")],
        Some("2025-07-01"),
    );
    assert_eq!(
        found.iter().map(|f| f.kind.as_str()).collect::<Vec<_>>(),
        ["source_before_event"]
    );
}

#[test]
fn an_effective_date_against_a_headline_counting_the_time_since() {
    let claim = "국회는 2024년 3월 개정안을 의결하였고, 개정법은 2024년 9월 1일부터 시행되었다";
    let report = "2024-12-01";
    assert_eq!(
        kinds_with_report(
            claim,
            "개정 보험법 시행 한 달…가입자 5만 명",
            "2024-08-20",
            report
        ),
        ["source_before_event"]
    );
    // an article announcing the effective date
    for headline in ["개정 보험법 9월 시행", "개정 보험법 시행 한 달 앞두고 혼선"]
    {
        assert!(
            kinds_with_report(claim, headline, "2024-08-20", report).is_empty(),
            "{headline}"
        );
    }
}

#[test]
fn a_day_without_a_year_is_read_in_the_year_nearest_the_report() {
    let claim = "협의체는 12월 18일 첫 회의를 열었음";
    assert_eq!(
        kinds_with_report(claim, "협의체 첫 회의 열었다", "2024-12-10", "2025-01-20"),
        ["source_before_event"]
    );
    assert!(
        kinds_with_report(claim, "협의체 첫 회의 열었다", "2024-12-20", "2025-01-20").is_empty()
    );
}
