//! Raised runs: the text of a superscript → the footnote numbers it calls.
//!
//! In: a raised run's text (`3`, `3)`, `(3)`, `3,4`, `3-5`, `14)15)`,
//! `1011`) and the last footnote number called before it in reading order.
//! Out: the numbers it calls, or none when it is no marker (`*`, `a`, `²`).
//!
//! Two markers set one after the other with nothing between them (`10`
//! then `11`, raised) extract as one run of digits. Such a run is read as
//! one number when that number continues the sequence so far, else as
//! consecutive numbers when they continue it (`1011` after 9 is 10 and 11).

/// A called number may skip this many (a lost marker) and still be next.
const MAX_SKIP: u32 = 3;

/// The footnote numbers a raised run calls, `last` being the highest
/// number called before it (0 at the start).
pub fn numbers(raised: &str, last: u32) -> Vec<u32> {
    let t = raised.trim();
    if t.is_empty()
        || !t.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | ' ' | '(' | ')' | '（' | '）')
        })
        || !t.chars().any(|c| c.is_ascii_digit())
    {
        return Vec::new();
    }
    // `14)15)`, `(3)(4)`, `3,4`: each closed or separated part alone
    let parts: Vec<&str> = t
        .split([',', ')', '）'])
        .map(|p| p.trim().trim_start_matches(['(', '（']).trim())
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut last = last;
    for part in parts {
        if part.contains(['(', '（', ')', '）']) {
            return Vec::new();
        }
        let found = range_or_run(part, last);
        if found.is_empty() {
            return Vec::new();
        }
        last = last.max(found.iter().copied().max().unwrap_or(last));
        out.extend(found);
    }
    out
}

/// `3-5` → 3, 4, 5; a run of digits → one number or consecutive ones.
fn range_or_run(part: &str, last: u32) -> Vec<u32> {
    let bounds: Vec<&str> = part.split(['-', '–']).map(str::trim).collect();
    let parse = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match bounds.as_slice() {
        [run] if run.contains(' ') => {
            // `3 4`: numbers set apart by a space
            run.split(' ')
                .filter(|s| !s.is_empty())
                .map(parse)
                .collect::<Option<Vec<u32>>>()
                .unwrap_or_default()
        }
        [run] => digit_run(run, last),
        [a, b] => match (parse(a), parse(b)) {
            (Some(a), Some(b)) if a < b && b - a <= 20 => (a..=b).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A run of digits: the number it spells when that is next in sequence (or
/// no split continues the sequence), else the consecutive numbers it
/// spells from the next one on.
fn digit_run(run: &str, last: u32) -> Vec<u32> {
    let Ok(whole) = run.parse::<u32>() else {
        return Vec::new();
    };
    let next = |n: u32| n > last && n <= last + MAX_SKIP;
    if run.len() > 4 {
        return consecutive(run)
            .filter(|ns| next(ns[0]))
            .unwrap_or_default();
    }
    if next(whole) || run.len() < 2 {
        return vec![whole];
    }
    match consecutive(run) {
        Some(ns) if next(ns[0]) => ns,
        _ => vec![whole],
    }
}

/// The digits read as two or more consecutive numbers (`1011` → 10, 11;
/// `45` → 4, 5; `91011` → 9, 10, 11), when some reading fits.
fn consecutive(run: &str) -> Option<Vec<u32>> {
    if run.starts_with('0') {
        return None;
    }
    // each reading has two numbers at least, so the first is shorter than
    // the run
    (1..run.len().min(4)).find_map(|width| {
        let first: u32 = run.get(..width)?.parse().ok()?;
        let mut out = vec![first];
        let mut rest = &run[width..];
        while !rest.is_empty() {
            let want = (out[out.len() - 1] + 1).to_string();
            rest = rest.strip_prefix(want.as_str())?;
            out.push(want.parse().ok()?);
        }
        (out.len() >= 2).then_some(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_forms() {
        assert_eq!(numbers("12)", 11), [12]);
        assert_eq!(numbers("(3)", 2), [3]);
        assert_eq!(numbers("3-5", 2), [3, 4, 5]);
        assert_eq!(numbers("1, 2", 0), [1, 2]);
        assert!(numbers("a", 0).is_empty());
        assert!(numbers("*", 0).is_empty());
        assert!(numbers(")", 0).is_empty());
    }

    #[test]
    fn markers_in_a_row_with_their_parentheses() {
        assert_eq!(numbers("14)15)", 13), [14, 15]);
        assert_eq!(numbers("(4)(5)", 3), [4, 5]);
        assert_eq!(numbers("7,8", 6), [7, 8]);
    }

    #[test]
    fn bare_digits_in_a_row_split_by_the_sequence() {
        assert_eq!(numbers("1011", 9), [10, 11]);
        assert_eq!(numbers("45", 3), [4, 5]);
        assert_eq!(numbers("91011", 8), [9, 10, 11]);
        // the number itself continues the sequence: no split
        assert_eq!(numbers("12", 11), [12]);
        assert_eq!(numbers("1011", 1010), [1011]);
        // nothing continues it: the number as printed
        assert_eq!(numbers("57", 30), [57]);
        assert_eq!(numbers("7", 30), [7]);
    }

    #[test]
    fn consecutive_readings() {
        assert_eq!(consecutive("1011"), Some(vec![10, 11]));
        assert_eq!(consecutive("123"), Some(vec![1, 2, 3]));
        assert_eq!(consecutive("99100"), Some(vec![99, 100]));
        assert_eq!(consecutive("13"), None);
        assert_eq!(consecutive("0102"), None);
    }
}
