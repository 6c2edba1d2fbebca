//! Morphology: lindera with ko-dic and the project's user dictionary.
//!
//! In: text. Out: morphemes (surface, part-of-speech tag, byte span), and the
//! content words (nouns, proper nouns) the audit matches on.
//!
//! One `Analyzer` is built per process and shared by reference across threads;
//! the dictionary is memory-mapped, so loading costs tens of milliseconds.

use std::borrow::Cow;
use std::path::Path;

use anyhow::{Context, Result};
use lindera::dictionary::{DictionaryBuilder, load_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use lindera::token::Token;

/// The project's user dictionary (lindera simple CSV: surface, POS, reading):
/// domain terms ko-dic splits wrongly. Compiled into the binary.
pub const USER_DICTIONARY_CSV: &str = include_str!("../dictionaries/user.csv");

/// One morpheme of the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Morpheme {
    pub surface: String,
    pub pos: String,
    pub start: usize,
    pub end: usize,
}

/// A content word of a text and the byte offset where its morpheme starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentWord {
    pub word: String,
    pub start: usize,
}

/// Texts joined one per line for a single segmenter call; a newline never
/// joins two morphemes.
struct Batch {
    joined: String,
    starts: Vec<usize>,
}

impl Batch {
    fn new(texts: &[&str]) -> Self {
        let mut joined = String::with_capacity(texts.iter().map(|t| t.len() + 1).sum());
        let mut starts = Vec::with_capacity(texts.len());
        for text in texts {
            starts.push(joined.len());
            joined.push_str(text);
            joined.push('\n');
        }
        Batch { joined, starts }
    }

    /// Which text a byte offset of `joined` falls in, and the offset in it.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let i = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        (i, offset - self.starts.get(i).copied().unwrap_or(0))
    }
}

/// The shared morphological analyzer.
pub struct Analyzer {
    segmenter: Segmenter,
}

impl Analyzer {
    /// Loads the ko-dic directory and the bundled user dictionary.
    pub fn load(dictionary_dir: &Path) -> Result<Self> {
        Self::load_with_user_dictionary(dictionary_dir, Some(USER_DICTIONARY_CSV))
    }

    /// Loads with an explicit user dictionary CSV (or none, for comparisons).
    pub fn load_with_user_dictionary(
        dictionary_dir: &Path,
        user_csv: Option<&str>,
    ) -> Result<Self> {
        let path = dictionary_dir.to_string_lossy();
        let dictionary = load_dictionary(&path)
            .with_context(|| format!("cannot load the ko-dic dictionary from {path}"))?;
        let user = match user_csv {
            Some(csv) => Some(
                DictionaryBuilder::new((*dictionary.metadata).clone())
                    .build_user_dict_from_reader(expand_user_dictionary(csv).as_bytes())
                    .context("cannot build the user dictionary")?,
            ),
            None => None,
        };
        Ok(Self {
            segmenter: Segmenter::new(Mode::Normal, dictionary, user),
        })
    }

    /// Morphemes of `text` in order, with byte spans into `text`.
    pub fn morphemes(&self, text: &str) -> Vec<Morpheme> {
        let Ok(tokens) = self.segmenter.segment(Cow::Borrowed(text)) else {
            return Vec::new();
        };
        tokens
            .into_iter()
            .map(|token| {
                let pos = pos_tag(&token).to_string();
                Morpheme {
                    surface: token.surface.to_string(),
                    pos,
                    start: token.byte_start,
                    end: token.byte_end,
                }
            })
            .collect()
    }

    /// The content words of `text` (nouns, proper nouns, foreign words and
    /// Hanja) in order, normalised for matching (see [`normalise_content_word`]),
    /// each with the byte offset of its morpheme.
    pub fn content_words(&self, text: &str) -> Vec<ContentWord> {
        let Ok(tokens) = self.segmenter.segment(Cow::Borrowed(text)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // straight from the tokens: only content words allocate
        for token in tokens {
            // spaces, digits and punctuation are never content words: skip
            // them before their dictionary details are looked up
            if !token.surface.chars().any(char::is_alphabetic) {
                continue;
            }
            let start = token.byte_start;
            for word in normalise_content_word(&token.surface, pos_tag(&token)) {
                out.push(ContentWord { word, start });
            }
        }
        out
    }

    /// [`Analyzer::content_words`] of many texts in one segmenter call (a
    /// call has a fixed cost that dominates for short texts such as titles).
    /// Offsets are relative to each text.
    pub fn content_words_of_each(&self, texts: &[&str]) -> Vec<Vec<ContentWord>> {
        let batch = Batch::new(texts);
        let mut out: Vec<Vec<ContentWord>> = vec![Vec::new(); texts.len()];
        for word in self.content_words(&batch.joined) {
            let (i, start) = batch.locate(word.start);
            out[i].push(ContentWord { start, ..word });
        }
        out
    }

    /// [`Analyzer::morphemes`] of many texts in one segmenter call; spans are
    /// relative to each text.
    pub fn morphemes_of_each(&self, texts: &[&str]) -> Vec<Vec<Morpheme>> {
        let batch = Batch::new(texts);
        let mut out: Vec<Vec<Morpheme>> = vec![Vec::new(); texts.len()];
        for m in self.morphemes(&batch.joined) {
            let (i, start) = batch.locate(m.start);
            if m.surface.trim().is_empty() {
                continue; // the separator
            }
            let end = start + (m.end - m.start);
            out[i].push(Morpheme { start, end, ..m });
        }
        out
    }

    /// Number of morphemes in `text`, without building them: what bare
    /// tokenization costs (the benchmark's baseline).
    pub fn token_count(&self, text: &str) -> usize {
        self.segmenter
            .segment(Cow::Borrowed(text))
            .map_or(0, |tokens| tokens.len())
    }
}

/// A token's part-of-speech tag, the first of its dictionary fields, read in
/// place: `Token::get` would copy every field into a fresh vector first.
fn pos_tag<'a>(token: &Token<'a>) -> &'a str {
    let id = token.word_id.id() as usize;
    let mut fields = if token.word_id.is_unknown() {
        token.dictionary.unknown_word_details_iter(id)
    } else if token.word_id.is_system() {
        token.dictionary.word_details_iter(id)
    } else {
        match token.user_dictionary {
            Some(user) => user.word_details_iter(id),
            None => return "UNK",
        }
    };
    fields.next().unwrap_or("UNK")
}

/// ko-dic context ids of common nouns and of proper nouns, for a last syllable
/// without (`F`) and with (`T`) a final consonant: (left, right F, right T).
const NNG_IDS: (u16, u16, u16) = (1780, 3533, 3534);
const NNP_IDS: (u16, u16, u16) = (1786, 3545, 3546);
/// Word cost of user entries: below ko-dic's usual 2400–5000, so a listed term
/// wins over its split into known parts.
const USER_WORD_COST: i32 = 1000;

/// Expands the simple rows (surface, POS, reading) into full ko-dic rows.
///
/// lindera gives simple rows context id 0, which ko-dic's matrix treats as a
/// sentence boundary, so the particle after a user word is mis-tagged
/// (`고려투어가` → `가/VV`). A full row carries the noun's real context ids,
/// chosen by whether the last syllable has a final consonant, as in ko-dic.
pub fn expand_user_dictionary(csv: &str) -> String {
    let mut out = String::with_capacity(csv.len() * 2);
    for line in csv
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        let [surface, pos, rest @ ..] = fields.as_slice() else {
            continue;
        };
        let reading = rest.first().copied().unwrap_or(surface);
        let (left, right_open, right_closed) = if *pos == "NNP" { NNP_IDS } else { NNG_IDS };
        let closed = surface.chars().last().is_some_and(has_final_consonant);
        let (right, final_flag) = if closed {
            (right_closed, 'T')
        } else {
            (right_open, 'F')
        };
        out.push_str(&format!(
            "{surface},{left},{right},{USER_WORD_COST},{pos},*,{final_flag},{reading},*,*,*,*\n"
        ));
    }
    out
}

/// Whether a Hangul syllable ends in a final consonant (받침); other characters
/// (digits, Latin letters) are read as open syllables.
fn has_final_consonant(c: char) -> bool {
    let code = c as u32;
    (0xAC00..=0xD7A3).contains(&code) && !(code - 0xAC00).is_multiple_of(28)
}

/// A ko-dic tag that starts a dependent morpheme: a particle, an ending, a
/// suffix or the copula. Such a morpheme is glued to the word before it.
pub fn is_dependent_tag(pos: &str) -> bool {
    let head = pos.split('+').next().unwrap_or(pos);
    head.starts_with('J') || head.starts_with('E') || head.starts_with("XS") || head == "VCP"
}

/// One-character abbreviations of headlines and their full forms: Hanja
/// (`北 美 軍`) and the Hangul syllables that stand for countries in
/// compounds (`북중`, `한미`, `북러`).
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("北", "북한"),
    ("南", "한국"),
    ("中", "중국"),
    ("日", "일본"),
    ("美", "미국"),
    ("韓", "한국"),
    ("露", "러시아"),
    ("軍", "군"),
    ("北韓", "북한"),
    ("북", "북한"),
    ("남", "한국"),
    ("한", "한국"),
    ("중", "중국"),
    ("러", "러시아"),
    ("미", "미국"),
    ("일", "일본"),
];

fn expand_abbreviation(syllable: &str) -> Option<&'static str> {
    ABBREVIATIONS
        .iter()
        .find(|(short, _)| *short == syllable)
        .map(|(_, full)| *full)
}

/// Frequent nouns of report prose that carry no topic of their own.
const STOP_NOUNS: &[&str] = &[
    "가운데",
    "경우",
    "관련",
    "대비",
    "동안",
    "당시",
    "이후",
    "이전",
    "이상",
    "이하",
    "최근",
    "현재",
    "전망",
    "상황",
    "측면",
    "부분",
    "정도",
    "대상",
    "내용",
    "결과",
    "사실",
    "사이",
];

/// The content words one morpheme contributes: none for particles, endings,
/// numbers and stop nouns; the full forms for headline abbreviations (`北` →
/// `북한`, `북중` → `북한`, `중국`); the surface otherwise. Latin words are
/// lower-cased. One-syllable common nouns are dropped as too ambiguous.
pub fn normalise_content_word(surface: &str, pos: &str) -> Vec<String> {
    let head = pos.split('+').next().unwrap_or(pos);
    match head {
        "SH" | "NNG" | "NNP" => {
            if let Some(full) =
                expand_abbreviation(surface).filter(|_| head != "NNG" || !is_hangul(surface))
            {
                return vec![full.to_string()];
            }
            if let Some(parts) = country_compound(surface, head) {
                return parts;
            }
            let chars = surface.chars().count();
            if (head == "NNG" && chars < 2) || STOP_NOUNS.contains(&surface) {
                return Vec::new();
            }
            vec![surface.to_string()]
        }
        "SL" if surface.chars().count() >= 2 => vec![surface.to_lowercase()],
        _ => Vec::new(),
    }
}

fn is_hangul(text: &str) -> bool {
    text.chars().all(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

/// A compound of country abbreviations as its countries: a proper noun of
/// two or three Hangul syllables (`북중`, `한미`, `북중러`) or a run of Hanja
/// (`韓美`, `北中`); None for any other word.
fn country_compound(surface: &str, head: &str) -> Option<Vec<String>> {
    let syllables: Vec<String> = surface.chars().map(String::from).collect();
    let hanja = !is_hangul(surface);
    let fits = if hanja {
        syllables.len() >= 2
    } else {
        head == "NNP" && (2..=3).contains(&syllables.len())
    };
    if !fits {
        return None;
    }
    let mut out = Vec::new();
    for s in &syllables {
        let full = expand_abbreviation(s).filter(|_| hanja != is_hangul(s))?;
        if !out.iter().any(|o: &String| o == full) {
            out.push(full.to_string());
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(surface: &str, pos: &str) -> Vec<String> {
        normalise_content_word(surface, pos)
    }

    #[test]
    fn headline_abbreviations_become_full_names() {
        assert_eq!(words("北", "NNG"), ["북한"]);
        assert_eq!(words("美", "SH"), ["미국"]);
        assert_eq!(words("韓美", "NNG"), ["한국", "미국"]);
        assert_eq!(words("북중러", "NNP"), ["북한", "중국", "러시아"]);
        assert_eq!(words("러", "NNP"), ["러시아"]);
    }

    #[test]
    fn ordinary_words_stay_and_function_words_go() {
        assert_eq!(words("정상회담", "NNG"), ["정상회담"]);
        assert_eq!(words("IMF", "SL"), ["imf"]);
        // a one-syllable common noun is too ambiguous (일 = work, day, Japan)
        assert!(words("일", "NNG").is_empty());
        assert!(words("을", "JKO").is_empty());
        assert!(words("최근", "NNG").is_empty());
        // a proper noun that only looks like a compound of abbreviations
        assert_eq!(words("한미연", "NNG"), ["한미연"]);
    }
}
