//! Splitting a footnote into the works it cites.

use std::sync::LazyLock;

use regex::Regex;

use super::AUTHOR_YEAR;
use super::back_refs::is_back_pointer;

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
        .flat_map(split_quoted_in)
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

/// Where an author's remark ends and a citation begins: after a sentence
/// that ends in Hangul or CJK (`…가리킨다. 통계청, 「…」`, `…있음. Ibid.`,
/// `…参照。日本銀行(2024)…`), outside any bracket, when what follows opens
/// like a citation. A remark with no citation after it stays whole.
pub(super) fn split_note_from_citation(work: &str) -> Vec<&str> {
    for cut in sentence_ends(work) {
        let rest = &work[cut..];
        if opens_citation(rest) {
            return vec![&work[..cut], rest];
        }
    }
    vec![work]
}

/// Byte offsets just after each sentence end (`다.`, `음.`, `。`) that stands
/// outside brackets and quotes.
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut depth = 0i32;
    let mut before: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '｢' | '「' | '『' | '(' | '“' | '[' | '‘' | '（' => depth += 1,
            '｣' | '」' | '』' | ')' | '”' | ']' | '’' | '）' => depth = (depth - 1).max(0),
            '.' if depth == 0
                && before.is_some_and(is_hangul_or_cjk)
                && chars.peek().is_some_and(|(_, n)| n.is_whitespace()) =>
            {
                ends.push(i + 1);
            }
            '。' if depth == 0 => ends.push(i + c.len_utf8()),
            _ => {}
        }
        before = Some(c);
    }
    ends
}

fn is_hangul_or_cjk(c: char) -> bool {
    ('가'..='힣').contains(&c)
        || ('\u{3040}'..='\u{30FF}').contains(&c)
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// What a cited work opens with: a bracketed title with its date or outlet
/// after it, a back reference, a creator with a year, or creators before a
/// bracketed title (`통계청, 「`, `Brandt, S. and T. Okoro, “`).
pub(super) fn opens_citation(text: &str) -> bool {
    static TITLE_THEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(?:[｢「][^｣」]{1,200}[｣」]|『[^』]{1,200}』|“[^”]{1,200}”|"[^"]{1,200}")\s*(?:\(\s*[’']?\d|,)"#)
            .expect("regex")
    });
    static CREATORS_THEN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^(?P<creators>[^｢「『“"()]{1,120}?)\s*,\s*[｢「『“"]"#).expect("regex")
    });
    let t = text.trim_start();
    if TITLE_THEN_DATE.is_match(t) || is_back_pointer(t) {
        return true;
    }
    if let Some(caps) = AUTHOR_YEAR.captures(t) {
        return names_only(&caps["authors"], false);
    }
    CREATORS_THEN_TITLE
        .captures(t)
        .is_some_and(|caps| names_only(&caps["creators"], false))
}

/// Creators as a citation prints them: a few short names, not a clause
/// (`지역 간 편차가 점차 줄어드는 추세를 보이며` is prose).
fn names_only(creators: &str, digits_allowed: bool) -> bool {
    static SENTENCE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[가-힣]\.\s").expect("regex"));
    !creators.trim().is_empty()
        && !SENTENCE_END.is_match(creators)
        && (digits_allowed || !creators.chars().any(|c| c.is_ascii_digit()))
        && creators
            .split([',', '，'])
            .all(|s| s.split_whitespace().count() <= 6 && s.chars().count() <= 40)
}

/// `…, p. 97, 류지현, 설민호(2020), p. 58에서 재인용.` → the work, then the
/// work it was quoted from; `…, cited in Baek (2020), p. 3.` likewise.
pub(super) fn split_quoted_in(work: &str) -> Vec<&str> {
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:에서|から|より)\s*(?:재인용|再引用)\S*\s*\.?\s*$").expect("regex")
    });
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[,;]\s*(?:(?i:cited|quoted)\s+in|转引自|轉引自)\s+").expect("regex")
    });
    if let Some(m) = LEADING.find(work) {
        return vec![&work[..m.start()], &work[m.start() + 1..]];
    }
    if !TRAILING.is_match(work) {
        return vec![work];
    }
    // the secondary source opens at a comma, with names and a year or a pointer
    for (i, _) in work.match_indices(',') {
        let rest = work[i + 1..].trim_start();
        let opens = is_back_pointer(rest)
            || AUTHOR_YEAR
                .captures(rest)
                .is_some_and(|caps| names_only(&caps["authors"], false));
        // a whole work before it: more than a creator and its year
        if opens && work[..i].contains(',') {
            return vec![&work[..i], &work[i + 1..]];
        }
    }
    vec![work]
}
