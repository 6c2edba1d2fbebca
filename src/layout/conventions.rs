//! The printed conventions of Korean policy reports that both layout front
//! ends and the later stages share: bullets, numbered headings, sentence ends,
//! citation-like text.

use std::sync::LazyLock;

use regex::Regex;

use crate::word_regex::WordRegex;

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})\.\s+(\S.{0,60})$").expect("regex"));
static ROMAN_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([Ⅰ-Ⅻ]|X?(?:IX|IV|V?I{0,3}))\.\s+(\S.{0,60})$").expect("regex")
});
static CITATION_LIKE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"[｣」』『]|\(\s*\d{4}\s*\.|\d{4}\.\s*\d{1,2}\.?\s*\d{0,2}\.?\)|https?://|www\.|\bpp?\.\s*\d|\bVol\.|\bIbid")
        .expect("regex")
});

/// Bullet symbols that open a claim, in the order of their nesting rank.
const BULLETS: &[(char, u8)] = &[
    ('▶', 0),
    ('►', 0),
    ('■', 0),
    ('□', 0),
    ('◆', 0),
    ('◇', 0),
    ('-', 1),
    ('–', 1),
    ('ㅇ', 1),
    ('◦', 2),
    ('○', 2),
    ('•', 2),
    ('●', 2),
    ('·', 2),
];

/// The bullet that opens `line`, with its nesting rank and the rest of the line.
/// Circled numbers (①…⑳) rank below all symbols. A dash needs a space after it.
pub fn bullet_of(line: &str) -> Option<(char, u8, &str)> {
    let trimmed = line.trim_start();
    let first = trimmed.chars().next()?;
    let rest = &trimmed[first.len_utf8()..];
    if ('\u{2460}'..='\u{2473}').contains(&first) {
        return Some((first, 3, rest.trim_start()));
    }
    let &(symbol, rank) = BULLETS.iter().find(|(c, _)| *c == first)?;
    let needs_space = matches!(symbol, '-' | '–' | 'ㅇ' | '·');
    if needs_space && !rest.starts_with(' ') {
        return None;
    }
    Some((symbol, rank, rest.trim_start()))
}

/// A numbered section heading `1. 제목`: its number and title.
pub fn heading_of(line: &str) -> Option<(u32, &str)> {
    let caps = HEADING.captures(line.trim_end())?;
    let title = heading_title(caps.get(2)?.as_str())?;
    Some((caps[1].parse().ok()?, title))
}

/// A section heading numbered in Roman numerals, one level above `1.`:
/// `Ⅱ. 제목`, `II. 제목`. Its number and title.
pub fn roman_heading_of(line: &str) -> Option<(u32, &str)> {
    let caps = ROMAN_HEADING.captures(line.trim_end())?;
    let title = heading_title(caps.get(2)?.as_str())?;
    Some((roman_value(&caps[1])?, title))
}

fn heading_title(title: &str) -> Option<&str> {
    let title = title.trim();
    let ends_sentence = title.ends_with(['.', '。', ',']) || title.ends_with(')');
    (!ends_sentence && title.chars().count() <= 50).then_some(title)
}

/// `Ⅳ` or `IV` → 4 (up to 12).
fn roman_value(numeral: &str) -> Option<u32> {
    const LETTERS: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    if let Some(c) = numeral.chars().next().filter(|c| ('Ⅰ'..='Ⅻ').contains(c)) {
        return Some(c as u32 - 'Ⅰ' as u32 + 1);
    }
    LETTERS
        .iter()
        .position(|l| *l == numeral)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Text that reads like a citation: a bracketed title, a dated parenthesis,
/// a URL or a page reference.
pub fn is_citation_like(text: &str) -> bool {
    CITATION_LIKE.is_match(text)
}

/// Whether a text ends a sentence or an item (so what follows starts anew).
pub fn ends_sentence(text: &str) -> bool {
    let t = text
        .trim_end()
        .trim_end_matches(['”', '’', '"', '\'', '」', '｣', '』']);
    t.ends_with(['.', '。', '!', '?']) || ends_with_marker(t)
}

fn ends_with_marker(text: &str) -> bool {
    let Some(body) = text.strip_suffix(')') else {
        return false;
    };
    let digits = body.chars().rev().take_while(char::is_ascii_digit).count();
    let before = &body[..body.len() - digits];
    if !(1..=3).contains(&digits) || before.ends_with('(') {
        return false;
    }
    match before.strip_suffix(' ') {
        // `있음.2) 3)`: markers in a row, the last after a space
        Some(rest) => ends_with_marker(rest.trim_end()),
        None => true,
    }
}
