//! Markers printed as bare digits: a superscript a text extractor flattened
//! into the line (`10.1%2 감소`, `차지하였다.3 중국`, `“보교루”6로`).
//!
//! Digits glued to text are everywhere (`코로나19`, `G20`, `2024.3`), so a
//! bare run is only a candidate where nothing else reads it: right after
//! closing punctuation or a percent sign (clear), or right after a word and
//! before a space (doubtful: in the chain only where it fills a gap). Never
//! after a digit, a space, `-` or `~`, nor before `%`, `)`, a Latin letter or
//! a decimal part. Off the chain a bare candidate is never a marker.

use std::collections::BTreeSet;

use super::{Candidate, Reading, consecutive_parts};
use crate::hangul::is_syllable;

/// The bare-digit candidates of one text, read as existing footnotes.
pub(super) fn candidates_in(claim: usize, text: &str, footnotes: &BTreeSet<u32>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if let Some(candidate) = candidate(claim, text, start, i, footnotes) {
            i = i.max(candidate.end);
            out.push(candidate);
        }
    }
    out
}

/// How the text around a digit run reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glue {
    /// After closing punctuation, `%`, or a sentence's `.`/`,` after a word.
    Clear,
    /// After a word's last letter, before a space or the end.
    Doubtful,
}

fn candidate(
    claim: usize,
    text: &str,
    start: usize,
    end: usize,
    footnotes: &BTreeSet<u32>,
) -> Option<Candidate> {
    let digits = &text[start..end];
    if digits.len() > 4 || digits.starts_with('0') {
        return None;
    }
    let mut before = text[..start].chars().rev();
    let mut glue = glue(before.next()?, before.next())?;
    let list = listed(text, start, end, footnotes);
    if text[list.map_or(end, |(list_end, _, _)| list_end)..]
        .trim()
        .is_empty()
    {
        // digits glued to the last word of an item (`…추산됨1`): no number
        // ends a sentence so
        glue = Glue::Clear;
    }
    if let Some((list_end, n, last)) = list {
        return Some(Candidate {
            claim,
            digits_start: start,
            end: list_end,
            readings: vec![Reading { n, last, start }],
            clear: glue == Glue::Clear,
            spaced: glue == Glue::Doubtful,
            bare: true,
        });
    }
    let mut after = text[end..].chars();
    if !fits_after(glue, after.next(), after.next()) {
        return None;
    }
    let mut readings = Vec::new();
    if let Ok(n) = digits.parse::<u32>()
        && footnotes.contains(&n)
    {
        readings.push(Reading { n, last: n, start });
    }
    // markers set in a row print as one run (`1011`): read so only where
    // the run is no footnote itself
    if let Some(parts) = consecutive_parts(digits, footnotes).filter(|_| readings.is_empty()) {
        let (n, last) = (parts[0], parts[parts.len() - 1]);
        readings.push(Reading { n, last, start });
    }
    if readings.is_empty() {
        return None;
    }
    Some(Candidate {
        claim,
        digits_start: start,
        end,
        readings,
        clear: glue == Glue::Clear,
        spaced: glue == Glue::Doubtful,
        bare: true,
    })
}

/// Markers in a row with commas (`있음7,8`): consecutive footnotes, each
/// digit run after a comma, ending before a space or the end. Returns
/// where the list ends and its first and last numbers.
fn listed(
    text: &str,
    start: usize,
    end: usize,
    footnotes: &BTreeSet<u32>,
) -> Option<(usize, u32, u32)> {
    let first: u32 = text[start..end].parse().ok()?;
    let (mut last, mut at) = (first, end);
    while let Some(rest) = text[at..].strip_prefix(',') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let next: u32 = rest.get(..digits)?.parse().ok()?;
        if digits > 3 || next != last + 1 {
            return None;
        }
        (last, at) = (next, at + 1 + digits);
    }
    let ends = text[at..].chars().next().is_none_or(char::is_whitespace);
    let exist = (first..=last).all(|n| footnotes.contains(&n));
    (last > first && ends && exist).then_some((at, first, last))
}

/// What the character before the digits (and the one before it) says.
fn glue(previous: char, before_previous: Option<char>) -> Option<Glue> {
    match previous {
        '”' | '’' | '"' | '」' | '』' | '｣' | ')' | ']' | '〉' | '》' | '%' => {
            Some(Glue::Clear)
        }
        // `있다.3`, `추정되는데,4`: not a number's `2024.3` or `1,248`
        '.' | ',' => before_previous
            .filter(|c| is_syllable(*c) || c.is_alphabetic())
            .map(|_| Glue::Clear),
        c if is_syllable(c) => Some(Glue::Doubtful),
        _ => None,
    }
}

/// Whether the character after the digits lets them be a marker: a space,
/// the end, closing or sentence punctuation, or (after clear glue) the
/// particle that follows the marked word (`”6로`).
fn fits_after(glue: Glue, next: Option<char>, after_next: Option<char>) -> bool {
    let Some(next) = next else {
        return true;
    };
    match next {
        c if c.is_whitespace() => true,
        // not a decimal part or a date's next field
        '.' | ',' => !after_next.is_some_and(|c| c.is_ascii_digit()),
        ')' | '%' | '~' | '-' | '–' | '/' | ':' | '(' => false,
        c if is_syllable(c) => glue == Glue::Clear,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(u32, u32, bool)> {
        let footnotes: BTreeSet<u32> = (1..=40).collect();
        candidates_in(0, text, &footnotes)
            .iter()
            .flat_map(|c| c.readings.iter().map(move |r| (r.n, r.last, c.clear)))
            .collect()
    }

    #[test]
    fn digits_after_closing_punctuation_or_a_sentence_end_are_clear() {
        assert_eq!(numbers("전년동기대비 10.1%2 감소"), [(2, 2, true)]);
        assert_eq!(
            numbers("“3대 레드라인(three red lines)”1 규제"),
            [(1, 1, true)]
        );
        assert_eq!(numbers("차지하였다.3 중국"), [(3, 3, true)]);
        assert_eq!(numbers("추정되는데,4 이 부문"), [(4, 4, true)]);
        assert_eq!(numbers("“보교루(保交楼)”6로 불리는"), [(6, 6, true)]);
        assert_eq!(numbers("「CHIPS Act」3는"), [(3, 3, true)]);
    }

    #[test]
    fn digits_after_a_word_are_doubtful_and_run_together_ones_split() {
        assert_eq!(numbers("추산됨1 이후"), [(1, 1, false)]);
        assert_eq!(numbers("추산됨1"), [(1, 1, true)]);
        assert_eq!(numbers("평가가 우세하다.1011 토지"), [(10, 11, true)]);
        assert_eq!(numbers("우세하다.12 토지"), [(12, 12, true)]);
        assert_eq!(numbers("늦춰지고 있음7,8"), [(7, 8, true)]);
        assert_eq!(numbers("있음7,8 그리고"), [(7, 8, false)]);
        assert_eq!(numbers("있다.”7,8,9 그러나"), [(7, 9, true)]);
        // a number with a thousands separator is no list
        assert!(numbers("규모는 약1,248 달러").is_empty());
    }

    #[test]
    fn numbers_are_not_candidates() {
        for text in [
            "2024.3 발표",
            "1,248억 달러",
            "19.7%를",
            "코로나19로 인한",
            "제2021-07호",
            "(2021~2025)",
            "25~39세",
            "통화량(M2)",
            "G20 정상회의",
            "2분의 1에",
            "Vol. 138, No. 2",
            "1.3% 하락",
            "“제목”, 2023. 1. 2.",
            "표본 300개",
        ] {
            assert!(numbers(text).is_empty(), "{text}: {:?}", numbers(text));
        }
    }
}
