//! Document metadata from the mastheads of several publishers' series,
//! as text extracted from their PDFs (tests/fixtures/masthead/) and as PDF.
mod common;

struct Expected {
    series: &'static str,
    title: &'static str,
    date: &'static str,
    volume: Option<&'static str>,
    issue: Option<&'static str>,
    authors: &'static [&'static str],
    publisher: Option<&'static str>,
}

fn check(path: &str, want: Expected) {
    let doc = common::extract_file(path);
    let d = &doc.document;
    assert_eq!(d.series.as_deref(), Some(want.series), "{path} series");
    assert_eq!(d.title.as_deref(), Some(want.title), "{path} title");
    assert_eq!(d.date.as_deref(), Some(want.date), "{path} date");
    assert_eq!(d.volume.as_deref(), want.volume, "{path} volume");
    assert_eq!(d.issue.as_deref(), want.issue, "{path} issue");
    assert_eq!(d.authors, want.authors, "{path} authors");
    assert_eq!(d.publisher.as_deref(), want.publisher, "{path} publisher");
    // the masthead never runs into the claims
    for claim in &doc.claims {
        assert!(!claim.text.contains(want.title), "{path}: {}", claim.text);
        for author in want.authors {
            assert!(!claim.text.contains(author), "{path}: {}", claim.text);
        }
    }
}

#[test]
fn kiep_world_economy_today_volume_number_and_authors_with_titles() {
    check(
        "tests/fixtures/masthead/kiep-world-economy-today.txt",
        Expected {
            series: "KIEP 오늘의 세계경제",
            title: "미국 대선과 대중국 통상정책 전망",
            date: "2024-03-15",
            volume: Some("24"),
            issue: Some("5"),
            authors: &["김창호", "이영희"],
            publisher: None,
        },
    );
}

#[test]
fn nars_issue_brief_issue_number_date_and_marked_author() {
    check(
        "tests/fixtures/masthead/nars-issue-brief.txt",
        Expected {
            series: "이슈와 논점",
            title: "반도체 공급망 재편과 한국의 대응 과제",
            date: "2024-03-15",
            volume: None,
            issue: Some("2231"),
            authors: &["김창호"],
            publisher: Some("국회입법조사처"),
        },
    );
    // the author's note at the foot is neither a claim nor a footnote
    let doc = common::extract_file("tests/fixtures/masthead/nars-issue-brief.txt");
    assert!(doc.claims.iter().all(|c| !c.text.contains("입법조사관")));
    assert_eq!(doc.footnotes.len(), 2);
}

#[test]
fn kdi_review_monthly_issue() {
    check(
        "tests/fixtures/masthead/kdi-nk-review.txt",
        Expected {
            series: "북한경제리뷰",
            title: "북한의 대중 무역 회복과 그 한계",
            date: "2024-03",
            volume: None,
            issue: Some("2024-03"),
            authors: &["김창호"],
            publisher: None,
        },
    );
}

#[test]
fn kinu_online_series_code_and_spaced_name() {
    check(
        "tests/fixtures/masthead/kinu-online-series.txt",
        Expected {
            series: "Online Series",
            title: "북러 군사협력의 전개와 시사점",
            date: "2024-03-15",
            volume: None,
            issue: Some("CO24-05"),
            authors: &["박지성"],
            publisher: None,
        },
    );
}

#[test]
fn kiep_focus_running_title_and_series() {
    let d = common::extract_file(common::REPORT).document;
    assert_eq!(d.series.as_deref(), Some("KIEP 세계경제 포커스"));
    assert_eq!(
        d.title.as_deref(),
        Some("2023년 북한의 대외관계 평가와 2024년 전망")
    );
    assert_eq!(d.date.as_deref(), Some("2024-02-01"));
    assert_eq!((d.volume.as_deref(), d.issue.as_deref()), (None, None));
}

#[test]
fn pdf_brief_masthead_by_type_size() {
    check(
        "tests/fixtures/pdf/brief-two-column.pdf",
        Expected {
            series: "이슈와 논점",
            title: "반도체 공급망 재편과 한국의 대응 과제",
            date: "2024-03-15",
            volume: None,
            issue: Some("2231"),
            authors: &["김창호"],
            publisher: None,
        },
    );
}
