//! Hangul: which characters are syllables (U+AC00–U+D7A3), for every stage
//! that tells Korean text from the rest. In: characters. Out: yes or no.

/// A precomposed Hangul syllable (`가` … `힣`).
pub fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether every character of `text` is a Hangul syllable (true for "").
pub fn is_all_syllables(text: &str) -> bool {
    text.chars().all(is_syllable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_and_not() {
        assert!(is_syllable('가') && is_syllable('힣'));
        assert!(!is_syllable('ㄱ') && !is_syllable('北') && !is_syllable('a'));
        assert!(is_all_syllables("북한") && !is_all_syllables("北韓") && !is_all_syllables("북a"));
    }
}
