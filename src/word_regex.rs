//! Regexes with Unicode word boundaries (`\b`), kept on the fast engine.
//!
//! In: a pattern. Out: the matches `Regex::new(pattern)` would give.
//!
//! In Unicode mode the regex crate answers `\b` only with its slow engines,
//! over the whole text: a Korean line with no Latin word in it pays for
//! every character. A [`WordRegex`] first asks the pattern with its
//! boundaries dropped, which the fast engine answers and which matches
//! wherever the exact pattern does (an assertion dropped can only widen
//! what matches); the exact pattern runs only where that matched.

use regex::{Captures, Match, Regex};

pub struct WordRegex {
    loose: Regex,
    exact: Regex,
}

impl WordRegex {
    pub fn new(pattern: &str) -> Result<Self, regex::Error> {
        Ok(WordRegex {
            loose: Regex::new(&without_word_boundaries(pattern))?,
            exact: Regex::new(pattern)?,
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.loose.is_match(text) && self.exact.is_match(text)
    }

    pub fn find<'t>(&self, text: &'t str) -> Option<Match<'t>> {
        self.loose.is_match(text).then(|| self.exact.find(text))?
    }

    pub fn captures<'t>(&self, text: &'t str) -> Option<Captures<'t>> {
        self.loose
            .is_match(text)
            .then(|| self.exact.captures(text))?
    }
}

/// The pattern without its `\b` assertions; other escapes (`\\b` is a
/// backslash and a `b`) stay as written.
fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => {}
            Some(escaped) => {
                out.push(c);
                out.push(escaped);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_are_dropped_and_other_escapes_kept() {
        assert_eq!(without_word_boundaries(r"\bpp?\.\s*\d"), r"pp?\.\s*\d");
        assert_eq!(without_word_boundaries(r"a\\b\b"), r"a\\b");
    }

    #[test]
    fn matches_are_those_of_the_exact_pattern() {
        let word = WordRegex::new(r"(?i)\b(?:will|to)\b").expect("regex");
        // a Hangul letter is a word character: no boundary before `to`
        assert!(!word.is_match("북한to 회담"));
        assert!(word.is_match("North Korea to hold talks"));
        assert!(word.find("세계 plans").is_none());
        let pages = WordRegex::new(r"\bpp?\.\s*(?P<p>\d+)").expect("regex");
        assert_eq!(
            &pages.captures("김한권(2023), p. 18.").expect("pages")["p"],
            "18"
        );
        // `p.` inside a word is no page
        assert!(pages.captures("Group. 18").is_none());
    }
}
