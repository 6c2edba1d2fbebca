//! Reflow of a document that prints no spaces (Hancom's PDFs place words by
//! their positions): at a line break the analyzer and the document's own
//! usage decide the space.
mod common;

use kcite::layout::{Line, Role};
use kcite::reflow::{Breaks, paragraphs};

fn lines(texts: &[&str]) -> Vec<Line> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Line {
            number: i + 1,
            text: text.to_string(),
            page: 1,
            role: Role::Body,
            bbox: None,
            markers: Vec::new(),
            opens_paragraph: false,
        })
        .collect()
}

/// The paragraph the two lines make, the document's lines being `usage`.
fn joined(first: &str, second: &str, usage: &str) -> String {
    let breaks = Breaks {
        spaces_printed: false,
        usage,
    };
    let found = paragraphs(&lines(&[first, second]), common::analyzer(), breaks);
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].text.clone()
}

#[test]
fn a_pair_read_as_one_morpheme_stays_joined_unless_the_document_writes_it_apart() {
    let (first, second) = ("추천을 받아 다음 각", "호에 해당하는 단체로 정함");
    // nothing elsewhere: the analyzer reads `각호` as one word
    assert_eq!(
        joined(first, second, ""),
        "추천을 받아 다음 각호에 해당하는 단체로 정함"
    );
    // the document writes `각 호` apart elsewhere, more often than together
    let usage = "제2항 각 호에 따른 사람\n다음 각 호에 해당하는 기관\n";
    assert_eq!(
        joined(first, second, usage),
        "추천을 받아 다음 각 호에 해당하는 단체로 정함"
    );
    // and together, more often than apart
    let usage = "각호에 따른 사람\n각호에 해당하는 기관\n각 호에\n";
    assert_eq!(
        joined(first, second, usage),
        "추천을 받아 다음 각호에 해당하는 단체로 정함"
    );
}

#[test]
fn a_word_cut_at_a_syllable_is_joined() {
    assert_eq!(
        joined("첨단 반", "도체 생산 능력을 확장함", "반도체 공장\n"),
        "첨단 반도체 생산 능력을 확장함"
    );
    // a particle after the break is glued to its word
    assert_eq!(
        joined("국내 투자 여건", "을 개선할 필요가 있음", ""),
        "국내 투자 여건을 개선할 필요가 있음"
    );
}
