//! Reflow: wrapped lines → paragraphs.
//!
//! In: body lines and footnote lines from layout. Out: [`Paragraph`]s (a bullet
//! item, a heading or an unmarked paragraph, with its text on one line) and
//! one text per footnote.
//!
//! At every line break the question is whether a space belongs there. The
//! extractor's trailing space says "between words", its absence "inside a
//! word"; both are usually right. Where the characters around the break decide
//! (punctuation, Latin words) they do; where the signal contradicts the
//! grammar the analyzer decides: a particle or ending after the break is glued
//! to the word before it, and a new content word after a finished word
//! (particle or ending before the break) is separated from it.

use std::collections::HashMap;

use crate::hangul::is_syllable;
use crate::layout::{Line, Rect};
use crate::morphology::{Analyzer, Morpheme, is_dependent_tag};

mod openings;
mod shapes;

use openings::openings;

/// How a paragraph opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// A bullet symbol with its nesting rank.
    Bullet { symbol: char, rank: u8 },
    /// A section heading: numbered `Ⅱ.` (level 0) or `2.` (level 1), or
    /// unnumbered; `certain` when the layout saw it set as a heading.
    Heading {
        number: Option<u32>,
        level: u8,
        certain: bool,
    },
    /// Text without a bullet.
    Plain,
}

/// One paragraph in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub start: Start,
    /// Joined text without the bullet symbol or heading number.
    pub text: String,
    pub page: u32,
    pub first_line: usize,
    pub last_line: usize,
    /// Markers the layout placed (PDF), anchored in `text`.
    pub anchors: Vec<Anchor>,
    /// The boxes of its printed lines (PDF).
    pub boxes: Vec<LineBox>,
}

/// A marker placed by the layout, carried through joins and space
/// collapsing by what stands before it: it follows the `visible`-th
/// non-space character of the text it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Anchor {
    pub visible: usize,
    pub n: u32,
    pub page: u32,
    pub bbox: Option<Rect>,
}

/// Where one printed line of a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineBox {
    pub page: u32,
    pub bbox: Rect,
}

/// Non-space characters in a text.
pub fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The character offset in `text` just after its `visible`-th non-space
/// character (0 for none).
pub fn char_offset_after(text: &str, visible: usize) -> usize {
    if visible == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, c) in text.chars().enumerate() {
        if !c.is_whitespace() {
            seen += 1;
            if seen == visible {
                return i + 1;
            }
        }
    }
    text.chars().count()
}

/// What a document's line breaks say about spaces.
#[derive(Debug, Clone, Copy)]
pub struct Breaks<'a> {
    /// A space printed at the end of a line marks a break between words
    /// (text extracted by a tool, most word processors' PDFs). When the
    /// document prints no spaces at all (Hancom's PDFs place words by their
    /// positions), a break says nothing and grammar decides.
    pub spaces_printed: bool,
    /// The document's own lines, one per row: how it writes a word pair
    /// elsewhere (`녹색성장` or `녹색 성장`) settles a break between them.
    pub usage: &'a str,
}

impl Breaks<'_> {
    /// Text extracted by a tool: the trailing space is the signal.
    pub const PRINTED: Breaks<'static> = Breaks {
        spaces_printed: true,
        usage: "",
    };
}

/// Groups body lines into paragraphs and joins each paragraph's lines.
pub fn paragraphs(lines: &[Line], analyzer: &Analyzer, breaks: Breaks) -> Vec<Paragraph> {
    let openings = openings(lines);
    // every break inside a paragraph, analysed in one call up front
    let pairs: Vec<(&str, &str)> = lines
        .windows(2)
        .zip(openings.iter().skip(1))
        .filter(|(_, opens)| opens.is_none())
        .map(|(pair, _)| (pair[0].text.as_str(), pair[1].text.as_str()))
        .collect();
    let mut junctions = Junctions::prepare(&pairs, analyzer, breaks);

    let mut out: Vec<Paragraph> = Vec::new();
    for (line, opens) in lines.iter().zip(openings) {
        match (opens, out.last_mut()) {
            (None, Some(paragraph)) => {
                // only a line with markers needs the count, and counting
                // every line would be quadratic in a paragraph's lines
                let before = if line.markers.is_empty() {
                    0
                } else {
                    visible_chars(&paragraph.text)
                };
                join_line(&mut paragraph.text, &line.text, &mut junctions);
                paragraph.last_line = line.number;
                place(paragraph, line, before, 0);
            }
            (opens, _) => {
                let (start, rest) = opens.unwrap_or((Start::Plain, line.text.trim_start()));
                // what the bullet or heading number took off the line's start
                let removed = visible_chars(&line.text[..offset_in(&line.text, rest)]);
                let mut paragraph = Paragraph {
                    start,
                    text: rest.to_string(),
                    page: line.page,
                    first_line: line.number,
                    last_line: line.number,
                    anchors: Vec::new(),
                    boxes: Vec::new(),
                };
                place(&mut paragraph, line, 0, removed);
                out.push(paragraph);
            }
        }
    }
    for paragraph in &mut out {
        paragraph.text = collapse_spaces(&paragraph.text);
    }
    out
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> usize {
    let offset = (part.as_ptr() as usize).wrapping_sub(whole.as_ptr() as usize);
    if offset <= whole.len() && whole.is_char_boundary(offset) {
        offset
    } else {
        0
    }
}

/// Carries a line's box and markers into its paragraph: the line's text
/// starts after `before` visible characters of the paragraph, less the
/// `removed` ones its bullet or number took.
fn place(paragraph: &mut Paragraph, line: &Line, before: usize, removed: usize) {
    if let Some(bbox) = line.bbox {
        paragraph.boxes.push(LineBox {
            page: line.page,
            bbox,
        });
    }
    for marker in &line.markers {
        let upto = line.text.get(..marker.at).unwrap_or(&line.text);
        paragraph.anchors.push(Anchor {
            visible: (before + visible_chars(upto)).saturating_sub(removed),
            n: marker.n,
            page: line.page,
            bbox: marker.bbox,
        });
    }
}

/// Joins the lines of each footnote into its text; the breaks of all the
/// footnotes are analysed in one call.
pub fn footnote_texts(footnotes: &[&[Line]], analyzer: &Analyzer, breaks: Breaks) -> Vec<String> {
    let pairs: Vec<(&str, &str)> = footnotes
        .iter()
        .flat_map(|lines| lines.windows(2))
        .map(|w| (w[0].text.as_str(), w[1].text.as_str()))
        .collect();
    let mut junctions = Junctions::prepare(&pairs, analyzer, breaks);
    footnotes
        .iter()
        .map(|lines| footnote_text(lines, &mut junctions))
        .collect()
}

fn footnote_text(lines: &[Line], junctions: &mut Junctions) -> String {
    let mut text = String::new();
    for line in lines {
        if text.is_empty() {
            text.push_str(line.text.trim_start());
        } else {
            join_line(&mut text, &line.text, junctions);
        }
    }
    collapse_spaces(&text)
}

/// Appends `next` (a raw line) to `text`, deciding the space at the break.
fn join_line(text: &mut String, next: &str, junctions: &mut Junctions) {
    // Only the trailing space is a signal: a line opening a new page starts
    // with a space whatever comes before it (`러시` + ` 아로` is `러시아로`).
    let had_space = junctions
        .breaks
        .spaces_printed
        .then(|| text.ends_with(char::is_whitespace));
    let trimmed_len = text.trim_end().len();
    text.truncate(trimmed_len);
    // keep the trailing space: it is the signal for the next break
    let next = next.trim_start();
    if next.trim_end().is_empty() {
        return;
    }
    if !text.is_empty() && needs_space(text, next, had_space, junctions) {
        text.push(' ');
    }
    text.push_str(next);
}

/// Whether a space belongs at a line break between `before` and `after`;
/// `had_space` is the printed signal, `None` when the document prints none.
fn needs_space(
    before: &str,
    after: &str,
    had_space: Option<bool>,
    junctions: &mut Junctions,
) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    if is_closing(first) {
        return false;
    }
    let Some(had_space) = had_space else {
        return space_by_grammar(before, after, last, first, junctions);
    };
    if matches!(last, ',' | ';' | ':' | '.' | '!' | '?' | '…') && !first.is_ascii_digit()
        || matches!(last, ',' | ';')
    {
        return true;
    }
    if is_opening(last) {
        return false;
    }
    if last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() {
        // Latin words wrap at spaces; digits split mid-number stay joined
        return had_space || !(last.is_ascii_digit() && first.is_ascii_digit());
    }
    if !(is_syllable(last) && is_syllable(first)) {
        return had_space;
    }
    // the analyzer overrides the signal only where grammar is clear
    match junctions.classify(before, after).0 {
        Junction::Dependent => false,
        Junction::AfterFinishedWord => true,
        Junction::InsideMorpheme | Junction::Other => had_space,
    }
}

/// A break in a document that prints no spaces. Word processors wrap Latin
/// words and numbers at spaces and punctuation is followed by one; a Korean
/// word may be cut at any syllable, so there the document's own usage of
/// the word pair decides, else grammar: no space inside a morpheme or before
/// a particle, ending or counter, a space between words.
fn space_by_grammar(
    before: &str,
    after: &str,
    last: char,
    first: char,
    junctions: &mut Junctions,
) -> bool {
    // `니켈·`+`천연흑연`; Chinese and Japanese write no spaces (`日本銀`+`行`)
    if is_opening(last) || last == '·' || (is_ideographic(last) && is_ideographic(first)) {
        return false;
    }
    if continues_number(before, after) {
        return false;
    }
    if matches!(last, ')' | '”' | '’') && is_syllable(first) {
        // a particle after a closing bracket is glued to it (`(2017)`+`로`)
        return !matches!(junctions.classify(before, after).0, Junction::Dependent);
    }
    if matches!(
        last,
        ',' | ';' | ':' | '.' | '!' | '?' | '…' | '”' | '’' | ')'
    ) {
        return true;
    }
    if !(is_syllable(last) || is_syllable(first)) {
        return last.is_alphanumeric() && first.is_alphanumeric();
    }
    // `부채` + `(debt)`: as the document writes a bracket after a word
    let bracket = (is_syllable(last) && is_opening(first))
        .then(|| shapes::bracket_after_word(junctions.breaks.usage, first));
    if let Some(Some(apart)) = bracket {
        return apart;
    }
    let (junction, grammar) = junctions.classify(before, after);
    match junction {
        Junction::Dependent => false,
        // read alone, the pair is one morpheme; only the document writing
        // the two apart elsewhere says otherwise (`각` + `호에`)
        Junction::InsideMorpheme => junctions.usage(before, after) == Some(true),
        Junction::AfterFinishedWord | Junction::Other => {
            junctions.usage(before, after).unwrap_or(grammar)
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Junction {
    /// Joining forms one morpheme (`관` + `광`).
    InsideMorpheme,
    /// A particle, ending or suffix follows the break (`국경통제` + `를`).
    Dependent,
    /// A content word follows a particle or ending (`…를` + `자체`).
    AfterFinishedWord,
    Other,
}

/// The words on either side of a break: the last word before it and the
/// first word after it.
fn words_at_break<'a>(before: &'a str, after: &'a str) -> (&'a str, &'a str) {
    let before = before.trim_end();
    let after = after.trim_start();
    let left = before.rsplit(char::is_whitespace).next().unwrap_or(before);
    let right = after.split(char::is_whitespace).next().unwrap_or(after);
    (left, right)
}

/// The analyzer's reading of line breaks, by the words around them: the
/// junction and whether grammar wants a space there. All the breaks of the
/// body, or of all the footnotes, are analysed in one call; a break not
/// foreseen (its left word grew by an earlier join) is analysed on demand.
struct Junctions<'a> {
    analyzer: &'a Analyzer,
    breaks: Breaks<'a>,
    known: HashMap<(String, String), (Junction, bool)>,
}

impl<'a> Junctions<'a> {
    fn prepare(pairs: &[(&str, &str)], analyzer: &'a Analyzer, breaks: Breaks<'a>) -> Self {
        // with the printed signal only breaks between Hangul are in doubt
        let either = !breaks.spaces_printed;
        let mut pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(before, after)| words_at_break(before, after))
            .filter(|(left, right)| {
                let (l, r) = (
                    left.chars().next_back().is_some_and(is_syllable),
                    right.chars().next().is_some_and(is_syllable),
                );
                (l && r) || (either && (l || r))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        let joined: Vec<String> = pairs.iter().map(|(l, r)| format!("{l}{r}")).collect();
        let texts: Vec<&str> = joined.iter().map(String::as_str).collect();
        let known = pairs
            .iter()
            .zip(analyzer.morphemes_of_each(&texts))
            .map(|(&(left, right), morphemes)| {
                let reading = (
                    junction(&morphemes, left.len()),
                    grammar_space(&morphemes, left.len()),
                );
                ((left.to_string(), right.to_string()), reading)
            })
            .collect();
        Junctions {
            analyzer,
            breaks,
            known,
        }
    }

    fn classify(&mut self, before: &str, after: &str) -> (Junction, bool) {
        let (left, right) = words_at_break(before, after);
        if let Some(&known) = self.known.get(&(left.to_string(), right.to_string())) {
            return known;
        }
        let joined = format!("{left}{right}");
        let morphemes = self.analyzer.morphemes(&joined);
        (
            junction(&morphemes, left.len()),
            grammar_space(&morphemes, left.len()),
        )
    }

    /// How the document writes the pair elsewhere: the left word and the
    /// right word's first syllables, together or apart. `None` when it does
    /// not, or as often one way as the other.
    fn usage(&self, before: &str, after: &str) -> Option<bool> {
        if self.breaks.usage.is_empty() {
            return None;
        }
        let (left, right) = words_at_break(before, after);
        let left = left.trim_start_matches(|c: char| !c.is_alphanumeric());
        let stem: String = right
            .chars()
            .take_while(|&c| is_syllable(c))
            .take(2)
            .collect();
        if left.is_empty() || stem.chars().count() < 2 {
            return None;
        }
        let usage = self.breaks.usage;
        let together = usage.matches(&format!("{left}{stem}")).count();
        let apart = usage.matches(&format!("{left} {stem}")).count();
        (together != apart)
            .then_some(apart > together)
            .or_else(|| shapes::word_after_numeral(usage, left, &stem))
    }
}

/// Whether grammar puts a space at the cut between two words: not inside a
/// morpheme, not before a particle, ending or suffix, not between a number
/// and its counter (`2023`+`년`); else yes.
fn grammar_space(morphemes: &[Morpheme], cut: usize) -> bool {
    let Some(right) = morphemes.iter().position(|m| m.start >= cut) else {
        return false;
    };
    if morphemes[right].start != cut || is_dependent_tag(morphemes[right].pos) {
        return false;
    }
    let left_tag = right.checked_sub(1).map(|i| morphemes[i].pos).unwrap_or("");
    !(left_tag == "SN" && morphemes[right].pos.starts_with("NNB"))
}

/// Reads the analysis of the two words around a break joined (`cut` is where
/// the right word starts).
fn junction(morphemes: &[Morpheme], cut: usize) -> Junction {
    let Some(right_index) = morphemes.iter().position(|m| m.start >= cut) else {
        return Junction::InsideMorpheme;
    };
    if morphemes[right_index].start != cut {
        return Junction::InsideMorpheme;
    }
    // only a word made of particles, endings and suffixes alone (`를`,
    // `하는`) is glued against a trailing space: `국경 ` + `이동도` is not `이`+…
    if morphemes[right_index..]
        .iter()
        .all(|m| is_dependent_tag(m.pos))
    {
        return Junction::Dependent;
    }
    if is_dependent_tag(morphemes[right_index].pos) {
        return Junction::Other;
    }
    let left_tag = right_index
        .checked_sub(1)
        .map(|i| morphemes[i].pos)
        .unwrap_or("");
    let finished = left_tag.starts_with('J')
        || left_tag.starts_with("EC")
        || left_tag.starts_with("EF")
        || left_tag.ends_with("+EC");
    if finished {
        Junction::AfterFinishedWord
    } else {
        Junction::Other
    }
}

/// A number cut after its separator: `3,` + `950만` (a thousands group:
/// three digits and no more), `2.` + `5%` (a decimal part, not a date's
/// next field `6.`).
fn continues_number(before: &str, after: &str) -> bool {
    let mut tail = before.chars().rev();
    let (Some(separator), Some(digit)) = (tail.next(), tail.next()) else {
        return false;
    };
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if !digit.is_ascii_digit() || digits == 0 {
        return false;
    }
    let next = after[digits..].chars().next();
    match separator {
        ',' => digits == 3 && next.is_none_or(|c| c != ','),
        '.' => next != Some('.'),
        _ => false,
    }
}

/// A CJK ideograph or a kana: scripts written without spaces.
fn is_ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '｣' | '」' | '』' | '”' | '’' | ',' | '.' | '·' | '…'
    )
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '｢' | '「' | '『' | '“' | '‘')
}

/// Collapses runs of whitespace into one space and trims.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_cut_at_its_separator_continues() {
        assert!(continues_number("9억 3,", "950만 달러)"));
        assert!(continues_number("상승률은 2.", "5%로"));
        assert!(!continues_number("2024.", "6. 20."));
        assert!(!continues_number("1,", "2월"));
        assert!(!continues_number("있다.", "3분기에"));
        assert!(!continues_number("3,", "9500"));
    }

    #[test]
    fn ideographs_and_kana_are_ideographic() {
        assert!(is_ideographic('銀') && is_ideographic('行') && is_ideographic('の'));
        assert!(!is_ideographic('은') && !is_ideographic('a') && !is_ideographic('·'));
    }
}
