//! Sentences: claim text → sentence spans.
//!
//! In: a claim's text. Out: `[start, end)` character offsets of its sentences.
//! Korean report style ends sentences in nominal forms (-음, -임, -됨, -함)
//! or -다 before a period; a period inside a date (`2023. 8.`), a number or
//! an abbreviation does not end one, nor does one inside quotes or parentheses.

/// Splits `text` into sentence spans (character offsets).
pub fn split(text: &str) -> Vec<[usize; 2]> {
    let chars: Vec<char> = text.chars().collect();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '(' | '“' | '‘' | '｢' | '「' | '『' | '[' => depth += 1,
            ')' | '”' | '’' | '｣' | '」' | '』' | ']' => depth = (depth - 1).max(0),
            '.' | '!' | '?' if depth == 0 && ends_here(&chars, i) => {
                let mut end = i + 1;
                // closing quotes that belong to the sentence
                while end < chars.len() && matches!(chars[end], '”' | '’' | '"' | ')') {
                    end += 1;
                }
                spans.push([start, end]);
                while end < chars.len() && chars[end] == ' ' {
                    end += 1;
                }
                start = end;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if start < chars.len() {
        let trimmed_end = chars.len()
            - chars[start..]
                .iter()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count();
        if trimmed_end > start {
            spans.push([start, trimmed_end]);
        }
    }
    spans
}

fn ends_here(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).map(|j| chars[j]);
    let after = chars.get(i + 1).copied();
    if before.is_some_and(|c| c.is_ascii_digit()) {
        return false; // 2023. 8. 4.
    }
    if before.is_some_and(|c| c.is_ascii_alphabetic()) && after.is_some_and(|c| c != ' ') {
        return false; // U.S.
    }
    after.is_none_or(|c| c == ' ' || matches!(c, '”' | '’' | '"' | ')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nominal_endings_and_dates() {
        let text = "북한이 선언(’22. 8. 10.)하면서 예상되었음. 그러나 2023. 8. 4. 이후 정체됨.";
        let spans = split(text);
        assert_eq!(spans.len(), 2, "{spans:?}");
        let second: String = text
            .chars()
            .skip(spans[1][0])
            .take(spans[1][1] - spans[1][0])
            .collect();
        assert_eq!(second, "그러나 2023. 8. 4. 이후 정체됨.");
    }

    #[test]
    fn quotes_keep_their_periods() {
        assert_eq!(split("그는 “끝났다. 이제 시작이다.”라고 말함.").len(), 1);
        assert_eq!(split("끝나지 않은 문장"), [[0, 9]]);
    }
}
