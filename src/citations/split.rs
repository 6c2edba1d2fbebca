//! Splitting a footnote into the works it cites.

use std::sync::LazyLock;

use regex::Regex;

use super::AUTHOR_YEAR;

/// Splits a footnote into works: at `;` outside brackets and quotes, and
/// where an author's remark ends and a cited title begins (`…표명함. ｢제목｣…`).
pub fn split_works(text: &str) -> Vec<&str> {
    let mut works = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut straight = false;
    for (i, c) in text.char_indices() {
        match c {
            '｢' | '「' | '『' | '(' | '“' | '[' => depth += 1,
            '｣' | '」' | '』' | ')' | '”' | ']' => depth = (depth - 1).max(0),
            // a straight quote inside a bracket (`｢…"인용“｣`) quotes nothing
            '"' if depth == 0 => straight = !straight,
            ';' if depth == 0 && !straight => {
                works.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    works.push(&text[start..]);
    // A `;` inside an unclosed bracket is missed above; fall back to a plain
    // split when one work clearly holds several dated titles.
    let works: Vec<&str> = works
        .into_iter()
        .flat_map(|w| {
            if dated_titles(w) > 1 {
                split_before_titles(w)
            } else {
                vec![w]
            }
        })
        .flat_map(split_note_from_citation)
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    if works.is_empty() {
        vec![text.trim()]
    } else {
        works
    }
}

/// Splits at each `;` that a bracketed title follows (`…『연합뉴스』; ｢제목｣`),
/// not at one inside a headline (`rules; Korea seeks clarity`).
pub(super) fn split_before_titles(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(';') {
        if text[i + 1..].trim_start().starts_with(['｢', '「', '『']) {
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

pub(super) fn dated_titles(text: &str) -> usize {
    static DATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[｣」]\s*,?\s*\(?\s*\d{4}\s*\.").expect("regex"));
    DATED.find_iter(text).count()
}

/// `필자의 설명임. ｢제목｣(2023. 9. 17.), 『연합뉴스』.` → note, citation.
pub(super) fn split_note_from_citation(work: &str) -> Vec<&str> {
    static NOTE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[가-힣]\.\s+[｢「]").expect("regex"));
    match NOTE_END.find(work) {
        Some(m) if !starts_like_citation(work) => {
            let cut = m.start() + work[m.start()..].find('.').map_or(0, |p| p + 1);
            vec![&work[..cut], &work[cut..]]
        }
        _ => vec![work],
    }
}

pub(super) fn starts_like_citation(work: &str) -> bool {
    let t = work.trim_start();
    t.starts_with(['｢', '「', '『', '“', '"']) || AUTHOR_YEAR.is_match(t)
}
