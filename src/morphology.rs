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
            .map(|mut token| {
                let pos = token.get("part_of_speech_tag").unwrap_or("UNK").to_string();
                Morpheme {
                    surface: token.surface.to_string(),
                    pos,
                    start: token.byte_start,
                    end: token.byte_end,
                }
            })
            .collect()
    }

    /// Number of morphemes in `text`, without building them: what bare
    /// tokenization costs (the benchmark's baseline).
    pub fn token_count(&self, text: &str) -> usize {
        self.segmenter
            .segment(Cow::Borrowed(text))
            .map_or(0, |tokens| tokens.len())
    }
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
