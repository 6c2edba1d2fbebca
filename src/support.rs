//! Support: how much a claim and what it cites share in content words.
//!
//! In: the claims, their content words (from [`crate::morphology`]), the cited
//! titles' content words and the links. Out: each link's `support` score,
//! `weak_support` findings, and for summary claims the body claims they
//! summarise (`aligned_with`) and the sources reachable that way
//! (`supported_by`).
//!
//! The score is deliberately simple so a researcher can recompute it by hand:
//! the share of the title's content words found in the claim (see
//! [`coverage`]), averaged over the sentence carrying the marker and the
//! whole claim, so a source cited for one sentence of a long claim is judged
//! mostly by that sentence.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use crate::hangul::is_syllable;
use crate::model::{Citation, CitationKind, Claim, ClaimTree, Finding, Footnote, Link, Severity};
use crate::morphology::ContentWord;

/// A set of normalised content words, borrowed from the text they were
/// read in where normalising left them as printed.
pub type Words<'a> = BTreeSet<Cow<'a, str>>;

/// A claim's content words, as a whole and per sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimWords<'a> {
    pub all: Words<'a>,
    /// Parallel to the claim's `sentences`.
    pub sentences: Vec<Words<'a>>,
}

/// Below this support a link gets a `weak_support` finding, unless the claim
/// shares at least two of the title's distinctive words (`ENOUGH_SHARED`).
pub const WEAK_SUPPORT: f64 = 0.25;
/// A long headline sharing two specific names with the claim is about the
/// same thing, however many other words it has.
const ENOUGH_SHARED: usize = 2;
/// Words found in more than 1/`COMMON_SHARE` of the document's claims (the
/// country a report is about) are not distinctive.
const COMMON_SHARE: usize = 3;
/// A title needs this many content words for its support to be judged:
/// one-word titles match or miss by chance.
const MIN_TITLE_WORDS: usize = 2;

/// Buckets a claim's content words (byte offsets from the analyzer) into its
/// sentences (character spans).
pub fn claim_words<'a>(
    text: &str,
    sentences: &[[usize; 2]],
    words: &[ContentWord<'a>],
) -> ClaimWords<'a> {
    let mut out = ClaimWords {
        all: Words::new(),
        sentences: vec![Words::new(); sentences.len()],
    };
    // words come in text order: one walk over the characters converts their
    // byte offsets to character offsets
    let mut chars = text.char_indices().enumerate().peekable();
    for w in words {
        out.all.insert(w.word.clone());
        while chars.next_if(|(_, (byte, _))| *byte < w.start).is_some() {}
        let Some(&(at, (byte, _))) = chars.peek() else {
            continue;
        };
        if byte != w.start {
            continue;
        }
        if let Some(i) = sentences.iter().position(|[s, e]| (*s..*e).contains(&at)) {
            out.sentences[i].insert(w.word.clone());
        }
    }
    out
}

/// The content words of every cited title, by citation id. A back reference
/// takes the words of the citation it resolves to; a citation without a
/// title, or whose title is not written in Hangul at all, has none.
pub fn title_words<'a>(
    footnotes: &'a [Footnote],
    analyse: impl Fn(&[&'a str]) -> Vec<Vec<ContentWord<'a>>>,
) -> BTreeMap<String, Words<'a>> {
    let citations: Vec<&Citation> = footnotes.iter().flat_map(|f| &f.citations).collect();
    fn borrows(c: &Citation) -> bool {
        c.kind == CitationKind::BackReference && c.resolved.is_some()
    }
    // a title in another script (an English, Chinese or Japanese headline)
    // is not analysed at all: the headline abbreviations (`中` → 중국) would
    // make Hangul words of a title that holds none
    fn analysed_title(c: &Citation) -> Option<&str> {
        c.title
            .as_deref()
            .filter(|t| !borrows(c) && is_written_in_hangul(t))
    }
    let titled: Vec<&str> = citations.iter().filter_map(|c| analysed_title(c)).collect();
    let mut analysed = analyse(&titled).into_iter();
    let mut out: BTreeMap<String, Words<'a>> = BTreeMap::new();
    for citation in citations {
        let words: Words<'a> = if borrows(citation) {
            // resolved ids point backwards, so the target is already in `out`
            citation
                .resolved
                .as_ref()
                .and_then(|r| out.get(r))
                .cloned()
                .unwrap_or_default()
        } else if analysed_title(citation).is_some() {
            let words = analysed.next().unwrap_or_default();
            words.into_iter().map(|w| w.word).collect()
        } else {
            Words::new()
        };
        if words.iter().any(|w| w.chars().any(is_syllable)) {
            out.insert(citation.id.clone(), words);
        }
    }
    out
}

/// Whether a title is (at least partly) Korean: it spells a Hangul
/// syllable. `北 외무성 담화` is; `中秋国庆假期` and `北朝鮮、党総会を開催`
/// are not, though their `中` and `北` are Korean headline abbreviations too.
fn is_written_in_hangul(title: &str) -> bool {
    title.chars().any(is_syllable)
}

/// The share of `title` words found in `words`. A title word is found when
/// the claim has it, or has a word of two or more characters that contains
/// it or that it contains (`대북제재` ~ `제재`), since headlines and prose
/// compound nouns differently.
pub fn coverage(title: &Words, words: &Words) -> f64 {
    coverage_by(title, |t| is_found(t, words))
}

/// The share of `title` words `finds` finds.
fn coverage_by(title: &Words, finds: impl Fn(&str) -> bool) -> f64 {
    if title.is_empty() {
        return 0.0;
    }
    let found = title.iter().filter(|t| finds(t)).count();
    found as f64 / title.len() as f64
}

fn is_found(word: &str, words: &Words) -> bool {
    if words.contains(word) {
        return true;
    }
    let long = |w: &str| w.chars().nth(1).is_some();
    // the words differ (an equal one was found above): the longer may
    // contain the shorter
    long(word)
        && words.iter().any(|w| {
            let w = w.as_ref();
            long(w)
                && match w.len().cmp(&word.len()) {
                    std::cmp::Ordering::Greater => w.contains(word),
                    std::cmp::Ordering::Less => word.contains(w),
                    std::cmp::Ordering::Equal => false,
                }
        })
}

/// Fills each link's `support`: for every marker of the footnote in the
/// claim, the mean of the title's coverage by the marker's sentence and by
/// the whole claim read with its parent; the best marker counts.
pub fn score_links(
    links: &mut [Link],
    claims: &[Claim],
    claim_words: &[ClaimWords],
    titles: &BTreeMap<String, Words>,
) {
    let tree = ClaimTree::new(claims);
    for link in links {
        let (Some(ci), Some(title)) = (tree.position(&link.claim), titles.get(&link.citation))
        else {
            continue;
        };
        let claim = &claims[ci];
        let words = &claim_words[ci];
        let context = Context::of(&tree, claim_words, ci);
        let whole = coverage_by(title, |t| context.finds(t));
        let best = claim
            .footnote_refs
            .iter()
            .filter(|r| r.n == link.footnote)
            .map(|r| {
                let sentence = marker_sentence(&claim.sentences, r.offset)
                    .and_then(|i| words.sentences.get(i))
                    .map_or(whole, |s| coverage(title, s));
                (sentence + whole) / 2.0
            })
            .fold(0.0, f64::max);
        link.support = Some(round2(best));
    }
}

/// A claim's words read with its parent's: a sub-bullet is read under its
/// parent, which often names its subject. A word is found in the two
/// sets as in their union, without building it.
struct Context<'s, 'a> {
    own: &'s Words<'a>,
    parent: Option<&'s Words<'a>>,
}

impl<'s, 'a> Context<'s, 'a> {
    fn of(tree: &ClaimTree, claim_words: &'s [ClaimWords<'a>], ci: usize) -> Self {
        Context {
            own: &claim_words[ci].all,
            parent: tree.parent(ci).map(|p| &claim_words[p].all),
        }
    }

    fn finds(&self, word: &str) -> bool {
        is_found(word, self.own) || self.parent.is_some_and(|p| is_found(word, p))
    }
}

/// The sentence a marker at `offset` belongs to: markers stand after the
/// sentence's last character (`않았음.3)`) or inside it (`이상1)을`).
fn marker_sentence(sentences: &[[usize; 2]], offset: usize) -> Option<usize> {
    sentences
        .iter()
        .position(|[s, e]| *s < offset && offset <= *e)
        .or_else(|| sentences.iter().position(|[s, _]| *s >= offset))
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The citations whose title is a headline: news items, and back references
/// that resolve to one. Reports, papers, notices and web pages are titled by
/// their whole subject, not by the event a claim cites them for.
pub fn headline_ids(footnotes: &[Footnote]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in footnotes.iter().flat_map(|f| &f.citations) {
        let news = match c.kind {
            CitationKind::News => true,
            CitationKind::BackReference => c.resolved.as_ref().is_some_and(|r| out.contains(r)),
            _ => false,
        };
        if news {
            out.insert(c.id.clone());
        }
    }
    out
}

/// `weak_support`: a link whose cited headline shares little with the claim
/// (read with its parent).
pub fn weak_support_findings(
    links: &[Link],
    claims: &[Claim],
    claim_words: &[ClaimWords],
    titles: &BTreeMap<String, Words>,
    headlines: &BTreeSet<String>,
) -> Vec<Finding> {
    let tree = ClaimTree::new(claims);
    let mut claims_with: BTreeMap<&str, usize> = BTreeMap::new();
    for words in claim_words {
        for w in &words.all {
            *claims_with.entry(w.as_ref()).or_default() += 1;
        }
    }
    let distinctive =
        |w: &str| claims_with.get(w).copied().unwrap_or(0) * COMMON_SHARE <= claims.len();
    links
        .iter()
        .filter_map(|link| {
            let support = link.support?;
            let title = titles.get(&link.citation)?;
            if support >= WEAK_SUPPORT
                || title.len() < MIN_TITLE_WORDS
                || !headlines.contains(&link.citation)
            {
                return None;
            }
            let ci = tree.position(&link.claim)?;
            let context = Context::of(&tree, claim_words, ci);
            let shared = title
                .iter()
                .filter(|t| distinctive(t) && context.finds(t))
                .count();
            if shared >= ENOUGH_SHARED {
                return None;
            }
            Some(Finding {
                kind: "weak_support".to_string(),
                severity: Severity::Info,
                claim: Some(link.claim.clone()),
                footnote: Some(link.footnote),
                citation: Some(link.citation.clone()),
                message: format!(
                    "{} shares little with the claim (support {support:.2}; title words: {})",
                    link.citation,
                    title.iter().cloned().collect::<Vec<_>>().join(" ")
                ),
            })
        })
        .collect()
}

/// A body claim aligned with a summary claim must reach this share of the
/// summary claim's weighted content words, and this share of the best
/// match's score.
const MIN_ALIGNMENT: f64 = 0.2;
const NEAR_BEST: f64 = 0.6;
const MAX_ALIGNED: usize = 3;

/// Aligns each summary claim with the body claims that carry the same
/// content and lists the citations reachable through them.
///
/// Words are weighted by rarity among the claims (`ln(1 + N / df)`), so the
/// country every claim names counts for little and the event only two claims
/// name counts for much. A body claim's score is the weighted share of the
/// summary claim's words it contains. The best body claim is always aligned
/// when it shares anything; others when near the best; and when none of
/// those reaches a source, the best-scoring body claim that does.
pub fn align_summary(
    claims: &[Claim],
    summary: &[bool],
    claim_words: &[ClaimWords],
    links: &[Link],
) -> Vec<Alignment> {
    let mut out = Vec::new();
    let weights = rarity_weights(claim_words);
    let body: Vec<usize> = (0..claims.len()).filter(|&i| !summary[i]).collect();
    let subtree_citations = subtree_citations(claims, links);
    // the body claims holding each word: a summary claim's words are looked
    // up instead of every body claim being compared with it
    let mut holders: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for &b in &body {
        for w in &claim_words[b].all {
            holders.entry(w.as_ref()).or_default().push(b);
        }
    }
    let mut shared = vec![0.0; claims.len()];
    for s in (0..claims.len()).filter(|&i| summary[i]) {
        // the summary claim's words with their weights, in the sets' order
        let wanted: Vec<(&str, f64)> = claim_words[s]
            .all
            .iter()
            .map(|w| (w.as_ref(), weights[w.as_ref()]))
            .collect();
        let total: f64 = wanted.iter().map(|(_, weight)| weight).sum();
        if total == 0.0 {
            continue;
        }
        // each body claim's shared weight, added in the order of `wanted`
        shared.fill(0.0);
        for (word, weight) in &wanted {
            for &b in holders.get(word).into_iter().flatten() {
                shared[b] += weight;
            }
        }
        let mut scored: Vec<(f64, usize)> = body
            .iter()
            .map(|&b| (shared[b] / total, b))
            .filter(|(score, _)| *score > 0.0)
            .collect();
        // best first; ties in reading order
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let Some(&(best, _)) = scored.first() else {
            continue;
        };
        let mut aligned: Vec<usize> = scored
            .iter()
            .enumerate()
            .filter(|(rank, (score, _))| {
                *rank == 0 || (*score >= MIN_ALIGNMENT && *score >= best * NEAR_BEST)
            })
            .map(|(_, (_, b))| *b)
            .take(MAX_ALIGNED)
            .collect();
        // Overview paragraphs restate the summary without sources; when the
        // best matches are such, follow the best match that has sources.
        if aligned.iter().all(|&b| subtree_citations[b].is_empty())
            && let Some(&(_, b)) = scored
                .iter()
                .find(|(score, b)| *score >= MIN_ALIGNMENT && !subtree_citations[*b].is_empty())
        {
            aligned.push(b);
        }
        let mut reachable: Vec<&String> = aligned
            .iter()
            .flat_map(|&b| subtree_citations[b].iter())
            .collect();
        reachable.sort_by_key(|id| citation_order(id));
        reachable.dedup();
        out.push(Alignment {
            claim: s,
            aligned_with: aligned.iter().map(|&b| claims[b].id.clone()).collect(),
            supported_by: reachable.into_iter().cloned().collect(),
        });
    }
    out
}

/// What [`align_summary`] found for one summary claim.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The summary claim's index.
    pub claim: usize,
    pub aligned_with: Vec<String>,
    pub supported_by: Vec<String>,
}

impl Alignment {
    pub fn apply(self, claims: &mut [Claim]) {
        if let Some(claim) = claims.get_mut(self.claim) {
            claim.aligned_with = self.aligned_with;
            claim.supported_by = self.supported_by;
        }
    }
}

fn rarity_weights<'w>(claim_words: &'w [ClaimWords]) -> BTreeMap<&'w str, f64> {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for words in claim_words {
        for w in &words.all {
            *df.entry(w.as_ref()).or_default() += 1;
        }
    }
    let n = claim_words.len() as f64;
    df.into_iter()
        .map(|(w, d)| (w, (1.0 + n / d as f64).ln()))
        .collect()
}

/// For each claim, the citations linked to it or to any claim nested under it.
fn subtree_citations(claims: &[Claim], links: &[Link]) -> Vec<BTreeSet<String>> {
    let tree = ClaimTree::new(claims);
    let mut out = vec![BTreeSet::new(); claims.len()];
    for link in links {
        let Some(i) = tree.position(&link.claim) else {
            continue;
        };
        for at in std::iter::once(i).chain(tree.ancestors(i)) {
            out[at].insert(link.citation.clone());
        }
    }
    out
}

/// `F12.3` → (12, 3), for ordering citation ids as they are printed.
fn citation_order(id: &str) -> (u32, u32) {
    let mut parts = id.trim_start_matches('F').split('.');
    let mut next = || parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
    (next(), next())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FootnoteRef;

    fn words(list: &[&'static str]) -> Words<'static> {
        list.iter().map(|w| Cow::Borrowed(*w)).collect()
    }

    fn claim(id: &str, parent: Option<&str>) -> Claim {
        Claim {
            id: id.into(),
            parent: parent.map(String::from),
            ..Claim::default()
        }
    }

    #[test]
    fn titles_that_can_give_no_hangul_word_are_not_analysed() {
        let citation = |id: &str, title: &str| crate::model::Citation {
            id: id.into(),
            kind: CitationKind::News,
            title: Some(title.into()),
            ..crate::model::Citation::default()
        };
        let footnotes = [Footnote {
            n: 1,
            citations: vec![
                citation("F1.1", "N. Korea to hold party plenum"),
                citation("F1.2", "北 외무성 담화"),
                citation("F1.3", "北朝鮮、党総会を開催"),
                citation("F1.4", "習近平訪問"),
                citation("F1.5", "中秋国庆假期国内旅游出游人次"),
                citation("F1.6", "中 경기부양책 발표"),
                citation("F1.7", "韓美 정상회담"),
            ],
            ..Footnote::default()
        }];
        let asked = std::cell::RefCell::new(Vec::new());
        let titles = title_words(&footnotes, |texts| {
            asked
                .borrow_mut()
                .extend(texts.iter().map(|t| t.to_string()));
            texts
                .iter()
                .map(|t| {
                    // the analyzer expands headline abbreviations
                    let word = t.split_whitespace().next().unwrap_or_default();
                    let expanded = match word {
                        "北" => "북한",
                        "中" => "중국",
                        "韓美" => "한국",
                        other => other,
                    };
                    vec![ContentWord {
                        word: Cow::Borrowed(expanded),
                        start: 0,
                    }]
                })
                .collect()
        });
        // English, Chinese and Japanese titles, with a Korean headline
        // abbreviation (中, 北) or without: never given to the analyzer
        assert_eq!(
            *asked.borrow(),
            ["北 외무성 담화", "中 경기부양책 발표", "韓美 정상회담"]
        );
        assert_eq!(titles.keys().collect::<Vec<_>>(), ["F1.2", "F1.6", "F1.7"]);
    }

    #[test]
    fn coverage_counts_title_words_found_in_the_claim() {
        let title = words(&["북한", "러시아", "정상회담", "개최"]);
        assert_eq!(coverage(&title, &words(&["북한", "러시아", "회담"])), 0.75);
        assert_eq!(coverage(&title, &words(&["중국"])), 0.0);
        // compounds meet their parts
        assert_eq!(coverage(&words(&["대북제재"]), &words(&["제재"])), 1.0);
    }

    #[test]
    fn claim_words_fall_into_their_sentences() {
        let text = "북한이 발표함. 중국이 반대함.";
        let sentences = [[0, 8], [9, 17]];
        let at = |w: &'static str, byte: usize| ContentWord {
            word: w.into(),
            start: byte,
        };
        let found = claim_words(
            text,
            &sentences,
            &[at("북한", 0), at("발표", 10), at("중국", 21)],
        );
        assert_eq!(found.sentences[0], words(&["북한", "발표"]));
        assert_eq!(found.sentences[1], words(&["중국"]));
        assert_eq!(found.all.len(), 3);
    }

    #[test]
    fn support_weighs_the_marker_sentence_and_weak_links_are_found() {
        let mut c = claim("C1", None);
        c.sentences = vec![[0, 10], [11, 20]];
        c.footnote_refs = vec![FootnoteRef {
            n: 1,
            offset: 20,
            ..FootnoteRef::default()
        }];
        let cw = ClaimWords {
            all: words(&["북한", "러시아", "회담", "관광"]),
            sentences: vec![words(&["북한", "러시아", "회담"]), words(&["관광"])],
        };
        let titles = BTreeMap::from([
            ("F1.1".to_string(), words(&["러시아", "관광"])),
            ("F1.2".to_string(), words(&["일본", "지진", "위로"])),
        ]);
        let mut links: Vec<Link> = ["F1.1", "F1.2"]
            .iter()
            .map(|id| Link {
                claim: "C1".into(),
                footnote: 1,
                citation: id.to_string(),
                support: None,
            })
            .collect();
        score_links(
            &mut links,
            std::slice::from_ref(&c),
            std::slice::from_ref(&cw),
            &titles,
        );
        // sentence 2 covers 1/2, the claim 2/2: (0.5 + 1) / 2
        assert_eq!(links[0].support, Some(0.75));
        assert_eq!(links[1].support, Some(0.0));
        let headlines: BTreeSet<String> = ["F1.1", "F1.2"].map(String::from).into();
        let weak = weak_support_findings(&links, &[c], &[cw], &titles, &headlines);
        assert_eq!(weak.len(), 1);
        assert_eq!(weak[0].citation.as_deref(), Some("F1.2"));
    }

    #[test]
    fn summary_claims_align_with_the_body_claims_that_share_rare_words() {
        let mut claims = vec![
            claim("C1", None),
            claim("C2", None),
            claim("C3", None),
            claim("C4", Some("C3")),
        ];
        let summary = [true, false, false, false];
        let cw: Vec<ClaimWords> = [
            &["북한", "관광", "재개"][..],
            &["북한", "무역", "증가"][..],
            &["북한", "관광", "재개", "중국"][..],
            &["관광", "러시아"][..],
        ]
        .iter()
        .map(|w| ClaimWords {
            all: words(w),
            sentences: vec![],
        })
        .collect();
        let link = |claim: &str, citation: &str| Link {
            claim: claim.into(),
            footnote: 1,
            citation: citation.into(),
            support: None,
        };
        let links = [link("C4", "F3.1"), link("C2", "F1.1")];
        for alignment in align_summary(&claims, &summary, &cw, &links) {
            alignment.apply(&mut claims);
        }
        assert_eq!(claims[0].aligned_with, ["C3"]);
        // reachable through C3's sub-bullet C4
        assert_eq!(claims[0].supported_by, ["F3.1"]);

        // an unsourced restatement is followed by the best sourced match
        let mut claims: Vec<Claim> = ["C1", "C2", "C3", "C4"]
            .iter()
            .map(|id| claim(id, None))
            .collect();
        let cw: Vec<ClaimWords> = [
            &["북한", "무역", "증가"][..],
            &["북한"][..],
            &["북한", "무역", "증가"][..],
            &["관광"][..],
        ]
        .iter()
        .map(|w| ClaimWords {
            all: words(w),
            sentences: vec![],
        })
        .collect();
        for alignment in align_summary(&claims, &summary, &cw, &[link("C2", "F1.1")]) {
            alignment.apply(&mut claims);
        }
        assert_eq!(claims[0].aligned_with, ["C3", "C2"]);
        assert_eq!(claims[0].supported_by, ["F1.1"]);
    }
}
