//! Markers: inline footnote markers in claim text.
//!
//! In: claim texts in reading order and the footnote numbers that exist.
//! Out: per claim the text without its markers and the markers' numbers and
//! character offsets, plus markers that break the numbering.
//!
//! A marker is a number and `)` glued to the text before it (`이상1)을`,
//! `않았음.3)`, `발표함.”12)`). Numbers and parentheses are everywhere, so a
//! candidate is a `)` that closes no `(`, after a digit run; a run glued to
//! other digits (`코로나191)`) may hold several readings. The readings are
//! resolved together: the chosen markers form the longest increasing run of
//! existing footnote numbers, clear candidates (glued to a word or closing
//! punctuation) weighing more than doubtful ones. A clear candidate off that
//! run is still a marker, reported as out of order.

use std::collections::BTreeSet;

use crate::layout::Rect;
use crate::reflow::{Anchor, char_offset_after};

mod bare;

/// A marker found in one claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerRef {
    pub n: u32,
    /// Offset in characters into the cleaned text.
    pub offset: usize,
    /// Where it is printed, when the layout placed it (PDF).
    pub page: Option<u32>,
    pub bbox: Option<Rect>,
}

/// A claim text with its markers taken out.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedText {
    pub text: String,
    pub refs: Vec<MarkerRef>,
}

/// A marker that does not follow the numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfOrder {
    pub claim: usize,
    pub n: u32,
    pub duplicate: bool,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Markers {
    pub claims: Vec<MarkedText>,
    pub out_of_order: Vec<OutOfOrder>,
}

#[derive(Debug, Clone)]
struct Candidate {
    claim: usize,
    /// Byte range of the whole marker: its digit run and `)`.
    digits_start: usize,
    end: usize,
    /// The footnotes it may call, longest reading first.
    readings: Vec<Reading>,
    /// Glued to a word or closing punctuation: the marker convention.
    clear: bool,
    /// After a space or at the start: more likely a list number (`1) 첫째`);
    /// in the chain only where it fills a gap.
    spaced: bool,
    /// Bare digits, without `)`: a marker only inside the chain.
    bare: bool,
}

/// One reading of a candidate: the footnotes `n..=last` (several when
/// markers run together, `1011`), its digits from byte `start`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    n: u32,
    last: u32,
    start: usize,
}

/// Finds and removes the markers of all claims.
pub fn extract(texts: &[String], footnotes: &BTreeSet<u32>) -> Markers {
    let mut candidates: Vec<Candidate> = texts
        .iter()
        .enumerate()
        .flat_map(|(claim, text)| candidates_in(claim, text, footnotes))
        .collect();
    let mut chosen = fill_gaps_only(choose(&candidates), &candidates);
    // superscripts a text extractor flattened into bare digits (`10.1%2`):
    // read only where the `N)` markers leave most footnotes unlinked
    if linked(&chosen, &candidates) * 2 < footnotes.len() {
        let mut with_bare = candidates.clone();
        with_bare.extend(
            texts
                .iter()
                .enumerate()
                .flat_map(|(claim, text)| bare::candidates_in(claim, text, footnotes)),
        );
        with_bare.sort_by_key(|c| (c.claim, c.digits_start));
        let chain = fill_gaps_only(choose(&with_bare), &with_bare);
        if linked(&chain, &with_bare) > linked(&chosen, &candidates) {
            (candidates, chosen) = (with_bare, chain);
        }
    }
    let (picks, out_of_order) = picks(&candidates, &chosen);
    let claims = texts
        .iter()
        .enumerate()
        .map(|(claim, text)| {
            let mut cuts: Vec<Cut> = picks
                .iter()
                .filter(|(i, _)| candidates[*i].claim == claim)
                .map(|&(i, r)| Cut {
                    start: r.start,
                    end: candidates[i].end,
                    n: r.n,
                    last: r.last,
                })
                .collect();
            take_separators(text, &mut cuts);
            remove_markers(text, &cuts)
        })
        .collect();
    Markers {
        claims,
        out_of_order,
    }
}

/// How many footnotes a chain links.
fn linked(chain: &[(usize, usize)], candidates: &[Candidate]) -> usize {
    chain
        .iter()
        .map(|&(c, r)| {
            let reading = candidates[c].readings[r];
            (reading.last - reading.n + 1) as usize
        })
        .sum()
}

/// The markers taken: the chain's, and clear `N)` candidates off it (out of
/// order), each with the reading taken; and the markers off the order.
fn picks(
    candidates: &[Candidate],
    chosen: &[(usize, usize)],
) -> (Vec<(usize, Reading)>, Vec<OutOfOrder>) {
    let mut picks = Vec::new();
    let mut used = BTreeSet::new();
    let mut linked_by_chain = BTreeSet::new();
    let mut out_of_order = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let in_chain = chosen.iter().find(|(i, _)| *i == index);
        let pick = match in_chain {
            Some(&(_, reading)) => Some(candidate.readings[reading]),
            None if candidate.clear && !candidate.bare => candidate
                .readings
                .first()
                .copied()
                .filter(|r| r.start == candidate.digits_start),
            None => None,
        };
        let Some(reading) = pick else { continue };
        if in_chain.is_some() {
            linked_by_chain.extend(reading.n..=reading.last);
        } else if linked_by_chain.contains(&reading.n) {
            // the numbering started again after the markers had passed it:
            // a table's note calls or a list (`1) … 2)`), not footnotes
            continue;
        }
        for n in reading.n..=reading.last {
            let duplicate = !used.insert(n);
            if in_chain.is_none() || duplicate {
                out_of_order.push(OutOfOrder {
                    claim: candidate.claim,
                    n,
                    duplicate,
                });
            }
        }
        picks.push((index, reading));
    }
    (picks, out_of_order)
}

/// The markers the layout placed (PDF): certain, so only their order is
/// checked; the texts hold no marker to take out. Two markers set in a row
/// without a separator print as one number (`1011` for 10 and 11); a number
/// that is no footnote but splits into consecutive footnotes is read so.
pub fn from_anchors(claims: &[(&str, &[Anchor])], footnotes: &BTreeSet<u32>) -> Markers {
    let mut out = Markers::default();
    let mut sequence: Vec<(usize, u32)> = Vec::new();
    for (claim, (text, anchors)) in claims.iter().enumerate() {
        let mut refs = Vec::with_capacity(anchors.len());
        for anchor in anchors.iter() {
            let offset = char_offset_after(text, anchor.visible);
            for n in run_together(anchor.n, footnotes) {
                refs.push(MarkerRef {
                    n,
                    offset,
                    page: Some(anchor.page),
                    bbox: anchor.bbox,
                });
                sequence.push((claim, n));
            }
        }
        out.claims.push(MarkedText {
            text: text.to_string(),
            refs,
        });
    }
    let in_order = longest_increasing(&sequence);
    let mut used = BTreeSet::new();
    for (index, &(claim, n)) in sequence.iter().enumerate() {
        let duplicate = !used.insert(n);
        if duplicate || !in_order.contains(&index) {
            out.out_of_order.push(OutOfOrder {
                claim,
                n,
                duplicate,
            });
        }
    }
    out
}

/// The footnotes a raised number calls: itself when it is one (or when no
/// footnote is known), else the consecutive footnotes its digits spell
/// (`1011` → 10, 11; `789` → 7, 8, 9), else the number as printed.
fn run_together(n: u32, footnotes: &BTreeSet<u32>) -> Vec<u32> {
    if footnotes.is_empty() || footnotes.contains(&n) {
        return vec![n];
    }
    consecutive_parts(&n.to_string(), footnotes).unwrap_or_else(|| vec![n])
}

/// The fewest consecutive existing footnotes, two or more, whose numbers
/// written one after another make `digits`.
fn consecutive_parts(digits: &str, footnotes: &BTreeSet<u32>) -> Option<Vec<u32>> {
    if digits.len() < 2 || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut best: Option<Vec<u32>> = None;
    // every way to cut the digits in two or more parts: one bit per gap
    let gaps = digits.len() - 1;
    for cuts in 1u32..(1 << gaps) {
        let mut parts = Vec::new();
        let mut from = 0;
        for gap in 0..=gaps {
            if gap == gaps || cuts & (1 << gap) != 0 {
                let part = &digits[from..=gap];
                if part.starts_with('0') {
                    parts.clear();
                    break;
                }
                parts.extend(part.parse::<u32>().ok());
                from = gap + 1;
            }
        }
        let consecutive = parts.len() >= 2 && parts.windows(2).all(|w| w[0] + 1 == w[1]);
        if consecutive
            && parts.iter().all(|p| footnotes.contains(p))
            && best.as_ref().is_none_or(|b| parts.len() < b.len())
        {
            best = Some(parts);
        }
    }
    best
}

/// Positions of a longest strictly increasing run of the numbers.
fn longest_increasing(sequence: &[(usize, u32)]) -> BTreeSet<usize> {
    let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(sequence.len());
    for (j, &(_, nj)) in sequence.iter().enumerate() {
        let mut entry = (1, None);
        for (i, &(_, ni)) in sequence[..j].iter().enumerate() {
            if ni < nj && best[i].0 + 1 > entry.0 {
                entry = (best[i].0 + 1, Some(i));
            }
        }
        best.push(entry);
    }
    let mut chain = BTreeSet::new();
    let mut at = (0..best.len()).max_by_key(|&j| (best[j].0, std::cmp::Reverse(j)));
    while let Some(j) = at {
        chain.insert(j);
        at = best[j].1;
    }
    chain
}

/// Candidates of one text, with their readings restricted to existing footnotes.
fn candidates_in(claim: usize, text: &str, footnotes: &BTreeSet<u32>) -> Vec<Candidate> {
    let bytes = text.as_bytes();
    let mut open_parens = 0usize;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        match c {
            '(' => open_parens += 1,
            ')' if open_parens > 0 => open_parens -= 1,
            ')' => {
                let digits_start = bytes[..i]
                    .iter()
                    .rposition(|b| !b.is_ascii_digit())
                    .map_or(0, |p| p + 1);
                if digits_start == i || i - digits_start > 6 {
                    continue;
                }
                let before = text[..digits_start].chars().next_back();
                let readings: Vec<Reading> = (digits_start..i)
                    .filter(|&s| i - s <= 3)
                    .filter_map(|start| {
                        let n = text[start..i].parse::<u32>().ok()?;
                        Some(Reading { n, last: n, start })
                    })
                    .filter(|r| footnotes.contains(&r.n) && !text[r.start..i].starts_with('0'))
                    .collect();
                if readings.is_empty() {
                    continue;
                }
                // `4), 5)`: the next of markers in a row, as glued as the first
                let in_a_row = out.last().is_some_and(|prev: &Candidate| {
                    prev.clear
                        && text
                            .get(prev.end..digits_start)
                            .is_some_and(|between| matches!(between, "," | ", "))
                });
                let spaced = !in_a_row && before.is_none_or(char::is_whitespace);
                let clear = (in_a_row
                    || !spaced && before.is_some_and(|b| b != '(' && b != '~' && b != '-'))
                    && i - digits_start <= 3;
                out.push(Candidate {
                    claim,
                    digits_start,
                    end: i + 1,
                    readings,
                    clear,
                    spaced,
                    bare: false,
                });
            }
            _ => {}
        }
    }
    out
}

/// A spaced candidate stays in the chain only where it fills an exact gap
/// (the markers around it are n−1 and n+1); a bare one after a word, where
/// it fills a gap of at most one missing marker on either side.
fn fill_gaps_only(chain: Vec<(usize, usize)>, candidates: &[Candidate]) -> Vec<(usize, usize)> {
    let reading = |&(c, r): &(usize, usize)| candidates[c].readings[r];
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(chain.len());
    for (i, pick) in chain.iter().enumerate() {
        let candidate = &candidates[pick.0];
        if candidate.spaced {
            let slack = u32::from(candidate.bare);
            let Reading { n, last, .. } = reading(pick);
            let prev_ok = kept.last().map_or(n <= 1 + slack, |p| {
                (n - reading(p).last).saturating_sub(1) <= slack
            });
            let next_ok = chain
                .get(i + 1)
                .is_some_and(|p| (reading(p).n - last).saturating_sub(1) <= slack);
            if !(prev_ok && next_ok) {
                continue;
            }
        }
        kept.push(*pick);
    }
    kept
}

/// The heaviest strictly increasing chain of (candidate, reading) pairs.
/// Returns (candidate index, reading index) pairs of the chain.
fn choose(candidates: &[Candidate]) -> Vec<(usize, usize)> {
    let pairs: Vec<(usize, usize, Reading, u32)> = candidates
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| {
            c.readings.iter().enumerate().map(move |(ri, &reading)| {
                let whole = reading.start == c.digits_start;
                let weight = if c.clear && whole {
                    3
                } else if whole {
                    2
                } else {
                    1
                };
                (ci, ri, reading, weight)
            })
        })
        .collect();
    let mut best: Vec<(u32, Option<usize>)> = Vec::with_capacity(pairs.len());
    for (j, &(cj, _, rj, wj)) in pairs.iter().enumerate() {
        let mut entry = (wj, None);
        for (i, &(ci, _, ri, _)) in pairs[..j].iter().enumerate() {
            if ci < cj && ri.last < rj.n && best[i].0 + wj > entry.0 {
                entry = (best[i].0 + wj, Some(i));
            }
        }
        best.push(entry);
    }
    let Some(mut at) = (0..best.len()).max_by_key(|&j| (best[j].0, std::cmp::Reverse(j))) else {
        return Vec::new();
    };
    let mut chain = vec![(pairs[at].0, pairs[at].1)];
    while let Some(prev) = best[at].1 {
        chain.push((pairs[prev].0, pairs[prev].1));
        at = prev;
    }
    chain.reverse();
    chain
}

/// A marker to take out of a text: bytes `[start, end)`, calling the
/// footnotes `n..=last`.
#[derive(Debug, Clone, Copy)]
struct Cut {
    start: usize,
    end: usize,
    n: u32,
    last: u32,
}

/// Markers in a row separated by a comma (`4),5)`, `4), 5)`): the comma
/// separates the markers and goes with them.
fn take_separators(text: &str, cuts: &mut [Cut]) {
    for i in 1..cuts.len() {
        let (end, next_start) = (cuts[i - 1].end, cuts[i].start);
        let between = text.get(end..next_start).unwrap_or("");
        if !between.is_empty() && between.trim_start_matches([',', ' ']).is_empty() {
            cuts[i - 1].end = next_start;
        }
    }
}

/// Removes byte ranges `[start, end)` from `text`, recording each marker's
/// character offset in the result; a marker between two spaces takes one along.
fn remove_markers(text: &str, cuts: &[Cut]) -> MarkedText {
    let mut out = String::with_capacity(text.len());
    let mut refs = Vec::new();
    let mut at = 0;
    let mut chars_out = 0;
    for cut in cuts {
        let Some(kept) = text.get(at..cut.start) else {
            continue;
        };
        out.push_str(kept);
        chars_out += kept.chars().count();
        let mut end = cut.end;
        if out.ends_with(' ') && text[end..].starts_with(' ') {
            end += 1;
        }
        refs.extend((cut.n..=cut.last).map(|n| MarkerRef {
            n,
            offset: chars_out,
            page: None,
            bbox: None,
        }));
        at = end;
    }
    out.push_str(&text[at..]);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    for r in &mut refs {
        r.offset = r.offset.min(out.chars().count());
    }
    MarkedText { text: out, refs }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ns: &[u32]) -> BTreeSet<u32> {
        ns.iter().copied().collect()
    }

    fn run(texts: &[&str], ns: &[u32]) -> Markers {
        let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
        extract(&texts, &set(ns))
    }

    #[test]
    fn finds_glued_markers_and_offsets() {
        let m = run(
            &["각각 20만 명 이상1)을 기록", "않았음.2) 그리고 “발표함.”3)"],
            &[1, 2, 3],
        );
        assert_eq!(m.claims[0].text, "각각 20만 명 이상을 기록");
        assert_eq!(
            m.claims[0]
                .refs
                .iter()
                .map(|r| (r.n, r.offset))
                .collect::<Vec<_>>(),
            [(1, 11)]
        );
        assert_eq!(m.claims[1].text, "않았음. 그리고 “발표함.”");
        assert_eq!(
            m.claims[1].refs.iter().map(|r| r.n).collect::<Vec<_>>(),
            [2, 3]
        );
        assert_eq!(m.claims[1].refs[1].offset, m.claims[1].text.chars().count());
        assert!(m.out_of_order.is_empty());
    }

    #[test]
    fn parentheses_dates_and_lists_are_not_markers() {
        let m = run(
            &["부임(3월)을 계기로 선언(’22. 8. 10.)하면서 (코로나19) 목록 1) 첫째"],
            &[1, 19],
        );
        assert!(m.claims[0].refs.is_empty(), "{:?}", m.claims[0]);
    }

    #[test]
    fn digit_glued_markers_follow_the_sequence() {
        // `코로나191)`: footnotes 1 and 19 both exist; the sequence says 2 → `2)`? no: it says 1
        let m = run(&["코로나191)을 보면", "그 뒤2)에"], &[1, 2, 19, 91]);
        assert_eq!(m.claims[0].text, "코로나19을 보면");
        assert_eq!(m.claims[0].refs[0].n, 1);
        assert_eq!(m.claims[1].refs[0].n, 2);
    }

    #[test]
    fn placed_markers_keep_their_places_and_their_order_is_checked() {
        let anchor = |visible, n| Anchor {
            visible,
            n,
            page: 3,
            bbox: None,
        };
        let first = [anchor(2, 1), anchor(5, 3)];
        let second = [anchor(1, 2), anchor(1, 3)];
        let m = from_anchors(
            &[("가나 다라마", &first), ("바 사", &second)],
            &set(&[1, 2, 3]),
        );
        let refs: Vec<(u32, usize, Option<u32>)> = m
            .claims
            .iter()
            .flat_map(|c| c.refs.iter().map(|r| (r.n, r.offset, r.page)))
            .collect();
        assert_eq!(
            refs,
            [
                (1, 2, Some(3)),
                (3, 6, Some(3)),
                (2, 1, Some(3)),
                (3, 1, Some(3))
            ]
        );
        let problems: Vec<(u32, bool)> =
            m.out_of_order.iter().map(|o| (o.n, o.duplicate)).collect();
        assert_eq!(problems, [(3, false), (3, true)]);
    }

    #[test]
    fn markers_printed_run_together_are_read_as_the_footnotes_they_spell() {
        let footnotes = set(&(1..=40).collect::<Vec<_>>());
        assert_eq!(run_together(1011, &footnotes), [10, 11]);
        assert_eq!(run_together(789, &footnotes), [7, 8, 9]);
        assert_eq!(run_together(3334, &footnotes), [33, 34]);
        // an existing footnote is itself; no consecutive reading keeps it whole
        assert_eq!(run_together(12, &footnotes), [12]);
        assert_eq!(run_together(1030, &footnotes), [1030]);
        assert_eq!(run_together(405, &footnotes), [405]);
        // without known footnotes nothing is guessed
        assert_eq!(run_together(1011, &BTreeSet::new()), [1011]);
        let anchor = Anchor {
            visible: 2,
            n: 1011,
            page: 1,
            bbox: None,
        };
        let m = from_anchors(&[("가나 다", std::slice::from_ref(&anchor))], &footnotes);
        let refs: Vec<(u32, usize)> = m.claims[0].refs.iter().map(|r| (r.n, r.offset)).collect();
        assert_eq!(refs, [(10, 2), (11, 2)]);
        assert!(m.out_of_order.is_empty());
    }

    #[test]
    fn markers_in_a_row_take_their_separating_comma_along() {
        let m = run(
            &["평가가 많다.4),5) 이처럼", "아니다.6), 7)"],
            &[4, 5, 6, 7],
        );
        assert_eq!(m.claims[0].text, "평가가 많다. 이처럼");
        assert_eq!(m.claims[1].text, "아니다.");
        let refs: Vec<(u32, usize)> = m
            .claims
            .iter()
            .flat_map(|c| c.refs.iter().map(|r| (r.n, r.offset)))
            .collect();
        assert_eq!(refs, [(4, 7), (5, 7), (6, 4), (7, 4)]);
        // a comma in the text after a single marker stays
        let m = run(&["가격1), 물량2)"], &[1, 2]);
        assert_eq!(m.claims[0].text, "가격, 물량");
    }

    #[test]
    fn a_numbering_that_starts_again_is_no_marker() {
        // a table's cells call their own notes 1) and 2) after the markers
        // of the text have passed those numbers
        let m = run(
            &[
                "가1) 나2) 다3)",
                "정책금리1) 감액 방침2) 주: 1) 기준 2) 누적",
                "라4)",
            ],
            &[1, 2, 3, 4],
        );
        assert!(m.claims[1].refs.is_empty(), "{:?}", m.claims[1]);
        assert_eq!(
            m.claims[1].text,
            "정책금리1) 감액 방침2) 주: 1) 기준 2) 누적"
        );
        assert_eq!(m.claims[2].refs[0].n, 4);
        assert!(m.out_of_order.is_empty());
    }

    #[test]
    fn out_of_order_and_duplicate_markers_are_reported() {
        let m = run(&["가1) 나3) 다2) 라3)"], &[1, 2, 3]);
        assert_eq!(m.claims[0].refs.len(), 4);
        assert_eq!(m.out_of_order.len(), 2);
        assert!(m.out_of_order.iter().any(|o| o.duplicate && o.n == 3));
    }
}
