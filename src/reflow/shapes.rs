//! How a document writes a kind of pair, not one pair: the evidence for a
//! line break at which the exact words never meet elsewhere in the document.
//!
//! A document that prints no spaces says nothing at its breaks, and a pair
//! such as `재정` + `(fiscal)` or `Ⅳ` + `장에서` may occur only once, at the
//! break. Its shape occurs often: a Korean word followed by an opening
//! bracket (`부채(debt)`, `계획 (2020~2024)`), a numeral followed by a
//! word (`Ⅱ장에서는`, `3장에서는`). How the document writes that shape
//! elsewhere, in its own lines, settles the break.

use crate::hangul::is_syllable;

/// How the document writes an opening bracket after a Korean word: `Some(true)`
/// when mostly apart (`계획 (`), `Some(false)` when mostly together
/// (`계획(`), `None` when it does neither more often.
pub fn bracket_after_word(usage: &str, bracket: char) -> Option<bool> {
    let (mut together, mut apart) = (0usize, 0usize);
    for line in usage.lines() {
        let chars: Vec<char> = line.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c != bracket || i == 0 {
                continue;
            }
            if is_syllable(chars[i - 1]) {
                together += 1;
            } else if chars[i - 1] == ' ' && i >= 2 && is_syllable(chars[i - 2]) {
                apart += 1;
            }
        }
    }
    majority(together, apart)
}

/// How the document writes a word after a numeral of the same kind as
/// `numeral` (Roman numerals, or Arabic digits): the word's first syllables
/// `stem` right after such a numeral (`Ⅲ장에`) or a space after it (`Ⅲ 장에`).
/// `None` when `numeral` is no numeral, or the document does neither more
/// often.
pub fn word_after_numeral(usage: &str, numeral: &str, stem: &str) -> Option<bool> {
    let kind = numeral_kind(numeral)?;
    if stem.is_empty() {
        return None;
    }
    let (mut together, mut apart) = (0usize, 0usize);
    for (at, _) in usage.match_indices(stem) {
        let mut before = usage[..at].chars().rev();
        match before.next() {
            Some(c) if numeral_kind_of(c) == Some(kind) => together += 1,
            Some(' ') if before.next().and_then(numeral_kind_of) == Some(kind) => apart += 1,
            _ => {}
        }
    }
    majority(together, apart)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumeralKind {
    Roman,
    Arabic,
}

/// The kind of a word made of numerals alone.
fn numeral_kind(word: &str) -> Option<NumeralKind> {
    let mut chars = word.chars();
    let kind = numeral_kind_of(chars.next()?)?;
    chars
        .all(|c| numeral_kind_of(c) == Some(kind))
        .then_some(kind)
}

fn numeral_kind_of(c: char) -> Option<NumeralKind> {
    match c {
        // the Roman numerals of the Number Forms block, upper and lower case
        '\u{2160}'..='\u{217F}' => Some(NumeralKind::Roman),
        '0'..='9' => Some(NumeralKind::Arabic),
        _ => None,
    }
}

/// Apart (`true`) or together (`false`), whichever the document does more.
fn majority(together: usize, apart: usize) -> Option<bool> {
    (together != apart).then_some(apart > together)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracket_after_a_word_as_the_document_writes_it() {
        let glued = "부채(debt)가 늘었다\n계획(2020~2024)에서 정한\n금리 (연 3%)";
        assert_eq!(bracket_after_word(glued, '('), Some(false));
        let spaced = "부채 (debt)가 늘었다\n계획 (2020~2024)에서\n";
        assert_eq!(bracket_after_word(spaced, '('), Some(true));
        // a bracket after a digit or at a line's start says nothing
        assert_eq!(bracket_after_word("2024 (잠정)\n(단위: %)\n", '('), None);
        assert_eq!(bracket_after_word("", '('), None);
        // only the bracket asked about
        assert_eq!(bracket_after_word("법 「시행령」 개정\n", '('), None);
    }

    #[test]
    fn a_word_after_a_numeral_of_the_same_kind() {
        let usage = "Ⅱ장에서는 현황을, Ⅲ장에서는 경로를 살펴본다\n";
        assert_eq!(word_after_numeral(usage, "Ⅵ", "장에"), Some(false));
        assert_eq!(
            word_after_numeral("Ⅱ 장에서는\nⅢ 장에서\n", "Ⅵ", "장에"),
            Some(true)
        );
        // Arabic numerals are another kind
        assert_eq!(word_after_numeral(usage, "4", "장에"), None);
        assert_eq!(
            word_after_numeral("3장에서 본 바와 같이\n", "12", "장에"),
            Some(false)
        );
        // a word is no numeral
        assert_eq!(word_after_numeral(usage, "다음", "장에"), None);
        assert_eq!(word_after_numeral(usage, "Ⅵ", ""), None);
    }
}
