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
use lindera::dictionary::{DictionaryBuilder, Lattice, WordId, load_dictionary};
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use rustc_hash::FxHashMap;

use crate::hangul::{is_all_syllables, is_syllable};

/// The project's user dictionary (lindera simple CSV: surface, POS, reading):
/// domain terms ko-dic splits wrongly. Compiled into the binary.
pub const USER_DICTIONARY_CSV: &str = include_str!("../dictionaries/user.csv");

/// One morpheme of the analysed text: its surface, borrowed from the text,
/// its part-of-speech tag, borrowed from the dictionary, and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Morpheme<'a> {
    pub surface: &'a str,
    pub pos: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A content word of a text and the byte offset where its morpheme starts.
/// The word is the morpheme's surface, borrowed from the text, unless
/// normalising changed it (`北` → `북한`, `IMF` → `imf`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentWord<'a> {
    pub word: Cow<'a, str>,
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

    /// Calls `visit` with each token of `text` (word id, byte span), in
    /// order. One lattice serves the whole text.
    fn each_token(&self, text: &str, mut visit: impl FnMut(WordId, usize, usize)) {
        let mut lattice = Lattice::default();
        let Ok(tokens) = self
            .segmenter
            .segment_with_lattice(Cow::Borrowed(text), &mut lattice)
        else {
            return;
        };
        for token in &tokens {
            visit(token.word_id, token.byte_start, token.byte_end);
        }
    }

    /// Calls `visit` with each morpheme of `text`, in order, read in place:
    /// no allocation per morpheme.
    fn each_morpheme<'a>(&'a self, text: &'a str, mut visit: impl FnMut(Morpheme<'a>)) {
        let mut tags = Tags::new(self);
        self.each_token(text, |id, start, end| {
            visit(Morpheme {
                surface: text.get(start..end).unwrap_or_default(),
                pos: tags.of(id),
                start,
                end,
            })
        });
    }

    /// Morphemes of `text` in order, with byte spans into `text`.
    pub fn morphemes<'a>(&'a self, text: &'a str) -> Vec<Morpheme<'a>> {
        let mut out = Vec::new();
        self.each_morpheme(text, |m| out.push(m));
        out
    }

    /// Calls `visit` with each content word of `text` (nouns, proper nouns,
    /// foreign words and Hanja, normalised for matching: see
    /// [`normalise_content_word`]) and the byte offset of its morpheme.
    fn each_content_word<'t>(&self, text: &'t str, mut visit: impl FnMut(Normalised<'t>, usize)) {
        let mut tags = Tags::new(self);
        self.each_token(text, |id, start, end| {
            let surface = text.get(start..end).unwrap_or_default();
            // spaces, digits and punctuation are never content words: skip
            // them before their dictionary details are looked up
            if surface.chars().any(is_letter) {
                normalise_content_word(surface, tags.of(id), |word| visit(word, start));
            }
        });
    }

    /// The content words of many texts, in one segmenter call (a
    /// call has a fixed cost that dominates for short texts such as titles).
    /// Offsets are relative to each text, and the words borrow from them.
    pub fn content_words_of_each<'a>(&self, texts: &[&'a str]) -> Vec<Vec<ContentWord<'a>>> {
        let batch = Batch::new(texts);
        let mut out: Vec<Vec<ContentWord<'a>>> = vec![Vec::new(); texts.len()];
        self.each_content_word(&batch.joined, |word, at| {
            let (i, start) = batch.locate(at);
            let word = match word {
                // the same bytes in the caller's text (a morpheme never
                // spans the newline between two texts)
                Normalised::Surface(w) => texts[i]
                    .get(start..start + w.len())
                    .map_or_else(|| Cow::Owned(w.to_string()), Cow::Borrowed),
                Normalised::Full(w) => Cow::Borrowed(w),
                Normalised::Lower(w) => Cow::Owned(w),
            };
            out[i].push(ContentWord { word, start });
        });
        out
    }

    /// [`Analyzer::morphemes`] of many texts in one segmenter call; spans are
    /// relative to each text.
    pub fn morphemes_of_each<'a>(&'a self, texts: &[&'a str]) -> Vec<Vec<Morpheme<'a>>> {
        let batch = Batch::new(texts);
        let mut out: Vec<Vec<Morpheme<'a>>> = vec![Vec::new(); texts.len()];
        let mut tags = Tags::new(self);
        self.each_token(&batch.joined, |id, at, end| {
            let (i, start) = batch.locate(at);
            let end = start + (end - at);
            out[i].push(Morpheme {
                surface: texts[i].get(start..end).unwrap_or_default(),
                start,
                end,
                pos: tags.of(id),
            });
        });
        out
    }

    /// Number of morphemes in `text`, without building them: what bare
    /// tokenization costs (the benchmark's baseline).
    pub fn token_count(&self, text: &str) -> usize {
        self.segmenter
            .segment(Cow::Borrowed(text))
            .map_or(0, |tokens| tokens.len())
    }

    /// A word's part-of-speech tag, the first of its dictionary fields, read
    /// in place from the dictionary's bytes: the fields are NUL-separated
    /// after a four-byte length, and only the first is wanted.
    fn pos_tag(&self, word: WordId) -> &str {
        let id = word.id() as usize;
        let details = if word.is_unknown() {
            let unknown = &self.segmenter.dictionary.unknown_dictionary;
            let offset = unknown.words_idx_data.get(id).map(|&o| o as usize);
            offset.and_then(|o| unknown.words_data.get(o..))
        } else {
            let (index, data): (&[u8], &[u8]) = if word.is_system() {
                let system = &self.segmenter.dictionary.prefix_dictionary;
                (&system.words_idx_data, &system.words_data)
            } else {
                match &self.segmenter.user_dictionary {
                    Some(user) => (&user.dict.words_idx_data, &user.dict.words_data),
                    None => return "UNK",
                }
            };
            word_offset(index, id).and_then(|o| data.get(o..))
        };
        details.and_then(first_field).unwrap_or("UNK")
    }
}

/// A letter of any script; Hangul syllables, the bulk of the text, are
/// answered without the general Unicode table.
fn is_letter(c: char) -> bool {
    is_syllable(c) || c.is_alphabetic()
}

/// The tags of the words met in one analysis call. A text uses a few
/// thousand distinct words, and each dictionary record read is a cache miss
/// into a large memory-mapped file: reading each once pays.
struct Tags<'a> {
    analyzer: &'a Analyzer,
    known: FxHashMap<(u32, bool, bool), &'a str>,
}

impl<'a> Tags<'a> {
    fn new(analyzer: &'a Analyzer) -> Self {
        Tags {
            analyzer,
            known: FxHashMap::default(),
        }
    }

    fn of(&mut self, word: WordId) -> &'a str {
        let key = (word.id(), word.is_system(), word.is_unknown());
        let analyzer = self.analyzer;
        self.known
            .entry(key)
            .or_insert_with(|| analyzer.pos_tag(word))
    }
}

/// The byte offset of word `id`'s details: one little-endian u32 per word.
fn word_offset(index: &[u8], id: usize) -> Option<usize> {
    let bytes = index.get(id.checked_mul(4)?..)?.first_chunk::<4>()?;
    Some(u32::from_le_bytes(*bytes) as usize)
}

/// The first NUL-separated field of a details record (length, then fields).
fn first_field(record: &[u8]) -> Option<&str> {
    let len = u32::from_le_bytes(*record.first_chunk::<4>()?) as usize;
    let fields = record.get(4..4 + len)?;
    let first = fields.split(|&b| b == 0).next()?;
    std::str::from_utf8(first).ok()
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
    // syllables run in blocks of 28 final consonants, the first being none
    is_syllable(c) && !(c as u32 - 0xAC00).is_multiple_of(28)
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

/// Whether the content words of `text` may hold Hangul: it has a Hangul
/// syllable, or a Hanja that stands for a Korean name (`北`). Lower-cased
/// Latin words and other scripts never do.
pub fn may_give_hangul_words(text: &str) -> bool {
    text.chars().any(|c| {
        is_syllable(c)
            || ABBREVIATIONS
                .iter()
                .any(|(short, _)| short.starts_with(c) && !is_all_syllables(short))
    })
}

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
pub fn normalise_content_word<'a>(
    surface: &'a str,
    pos: &str,
    mut emit: impl FnMut(Normalised<'a>),
) {
    let head = pos.split('+').next().unwrap_or(pos);
    match head {
        "SH" | "NNG" | "NNP" => {
            if let Some(full) =
                expand_abbreviation(surface).filter(|_| head != "NNG" || !is_all_syllables(surface))
            {
                return emit(Normalised::Full(full));
            }
            if let Some(parts) = country_compound(surface, head) {
                return parts
                    .into_iter()
                    .for_each(|part| emit(Normalised::Full(part)));
            }
            let chars = surface.chars().count();
            if !((head == "NNG" && chars < 2) || STOP_NOUNS.contains(&surface)) {
                emit(Normalised::Surface(surface));
            }
        }
        "SL" if surface.chars().count() >= 2 => emit(Normalised::Lower(surface.to_lowercase())),
        _ => {}
    }
}

/// A content word as normalising gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Normalised<'a> {
    /// The morpheme's surface as it stands.
    Surface(&'a str),
    /// The full form of an abbreviation.
    Full(&'static str),
    /// A Latin word lower-cased.
    Lower(String),
}

impl<'a> Normalised<'a> {
    pub fn into_cow(self) -> Cow<'a, str> {
        match self {
            Normalised::Surface(word) => Cow::Borrowed(word),
            Normalised::Full(word) => Cow::Borrowed(word),
            Normalised::Lower(word) => Cow::Owned(word),
        }
    }
}

/// A compound of country abbreviations as its countries: a proper noun of
/// two or three Hangul syllables (`북중`, `한미`, `북중러`) or a run of Hanja
/// (`韓美`, `北中`); None for any other word.
fn country_compound(surface: &str, head: &str) -> Option<Vec<&'static str>> {
    let hanja = !is_all_syllables(surface);
    let syllables = surface.chars().count();
    let fits = if hanja {
        syllables >= 2
    } else {
        head == "NNP" && (2..=3).contains(&syllables)
    };
    if !fits {
        return None;
    }
    let mut out: Vec<&'static str> = Vec::new();
    for (at, c) in surface.char_indices() {
        let s = &surface[at..at + c.len_utf8()];
        let full = expand_abbreviation(s).filter(|_| hanja != is_all_syllables(s))?;
        if !out.contains(&full) {
            out.push(full);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(surface: &str, pos: &str) -> Vec<String> {
        let mut out = Vec::new();
        normalise_content_word(surface, pos, |w| out.push(w.into_cow().into_owned()));
        out
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
