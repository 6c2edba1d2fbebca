//! The bracketed or quoted title of a work.

use std::sync::LazyLock;

use crate::word_regex::WordRegex;

pub(super) struct Title {
    pub(super) text: String,
    /// Byte offset in the searched text just after the title.
    pub(super) end: usize,
    /// Title in 『』: a book, report or periodical.
    pub(super) book: bool,
}

/// The first bracketed title: ｢…｣, 「…」 (mixed pairs tolerated), 『…』 or “…”.
/// An unclosed bracket runs to the date or the page reference.
pub(super) fn find_title(text: &str, problems: &mut Vec<String>) -> Option<Title> {
    let (open_at, open) = text
        .char_indices()
        .find(|(_, c)| matches!(c, '｢' | '「' | '『' | '“' | '"'))?;
    // a title is at the head of the work, not inside a remark
    if text[..open_at]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        > 2
    {
        return None;
    }
    let inner_start = open_at + open.len_utf8();
    let closers: &[char] = match open {
        '｢' | '「' => &['｣', '」'],
        '『' => &['』'],
        '“' => &['”'],
        _ => &['"'],
    };
    match text[inner_start..].find(closers) {
        Some(rel) => {
            let close_at = inner_start + rel;
            let close = text[close_at..].chars().next().unwrap_or(' ');
            if matches!((open, close), ('｢', '」') | ('「', '｣')) {
                problems.push(format!("title opens with {open} but closes with {close}"));
            }
            let inner = &text[inner_start..close_at];
            if !quotes_balanced(inner) {
                problems.push(format!("unbalanced quotation marks in the title “{inner}”"));
            }
            let inner = if matches!(open, '“' | '"') {
                inner.trim().trim_end_matches([',', '.'])
            } else {
                inner
            };
            Some(Title {
                text: strip_unmapped(inner.trim()),
                end: close_at + close.len_utf8(),
                book: open == '『',
            })
        }
        None => {
            static STOP: LazyLock<WordRegex> = LazyLock::new(|| {
                WordRegex::new(r",?\s*(?:\(\s*\d{4}\s*\.|\bpp?\.\s*\d)").expect("regex")
            });
            let end = STOP
                .find(&text[inner_start..])
                .map_or(text.len(), |m| inner_start + m.start());
            let inner = strip_unmapped(text[inner_start..end].trim().trim_end_matches(['.', ',']));
            problems.push(format!("the title bracket {open} is never closed"));
            Some(Title {
                text: inner.to_string(),
                end,
                book: open == '『',
            })
        }
    }
}

/// Removes private-use code points: glyphs the PDF extractor could not map
/// (often a lost closing bracket). They stay in the footnote text.
pub(super) fn strip_unmapped(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
        .collect::<String>()
        .trim()
        .to_string()
}

pub(super) fn quotes_balanced(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    let straight_double = count('"') % 2 == 0;
    // `China's`: an apostrophe inside an English word is not a quotation mark
    let chars: Vec<char> = text.chars().collect();
    let single_quotes = (0..chars.len())
        .filter(|&i| chars[i] == '\'')
        .filter(|&i| {
            let letter = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_alphabetic)
            };
            !(letter(i.checked_sub(1)) && letter(Some(i + 1)))
        })
        .count();
    let straight_single = single_quotes % 2 == 0 || text.contains('’');
    count('“') == count('”') && straight_double && straight_single
}
