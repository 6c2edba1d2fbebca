//! The first page's title block and what names the document: the cues the
//! masthead reader weighs (title block, running heads and feet).

use std::sync::LazyLock;

use regex::Regex;

use super::super::conventions::*;
use super::super::masthead::{self, Cue, Place};
use super::{FOOTNOTE_START, ISSUE_DATE, PAGE_NUMBER};

static GLUED_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,7})(\D.*)$").expect("regex"));

static TRAILING_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\D.*?)\s*(\d{1,3})$").expect("regex"));

/// A title block line is at most this long, and the block this many lines.
const TITLE_BLOCK_CHARS: usize = 60;

const TITLE_BLOCK_LINES: usize = 8;

/// The first page's title block: its lines, and among them the title's.
#[derive(Debug, Default)]
pub(super) struct TitleBlock {
    pub(super) lines: Vec<usize>,
    /// The lines right above the first authors' line, in the same run of
    /// lines (no blank between), less those that carry a date or a number.
    pub(super) title: Vec<usize>,
}

/// The first page's title block: the short lines that open the document
/// before its running text (a bullet, a heading, a long or finished line;
/// an authors' line of any length belongs to it), less the one right above
/// the first bullet, which names the block it opens (`주요 내용`). Empty
/// when the opening runs long: that is text, not a masthead.
pub(super) fn title_block(lines: &[&str], furniture: &[bool]) -> TitleBlock {
    let mut block = Vec::new();
    let mut next = None;
    for (index, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() || furniture[index] {
            continue;
        }
        // a byline may run long; a date's final point ends no sentence
        let byline = masthead::is_authors_line(t);
        let body = bullet_of(t).is_some()
            || heading_of(line).is_some()
            || FOOTNOTE_START.is_match(t)
            || (t.chars().count() > TITLE_BLOCK_CHARS && !byline)
            || (ends_sentence(t) && !byline && !masthead::names_an_issue(t));
        if body {
            next = Some(t);
            break;
        }
        block.push(index);
        if block.len() > TITLE_BLOCK_LINES {
            return TitleBlock::default();
        }
    }
    let names_a_block = |&i: &usize| !masthead::is_authors_line(lines[i].trim());
    if next.is_some_and(|t| bullet_of(t).is_some()) && block.last().is_some_and(names_a_block) {
        block.pop();
    }
    let title = title_lines(lines, &block);
    TitleBlock {
        lines: block,
        title,
    }
}

/// The title's lines: those right above the first authors' line, up the
/// run of lines it stands in (a blank line or a furniture line ends it).
fn title_lines(lines: &[&str], block: &[usize]) -> Vec<usize> {
    let Some(authors) = block
        .iter()
        .position(|&i| masthead::is_authors_line(lines[i].trim()))
    else {
        return Vec::new();
    };
    let mut title = Vec::new();
    let mut below = block[authors];
    for &i in block[..authors].iter().rev() {
        let t = lines[i].trim();
        if i + 1 != below || masthead::names_an_issue(t) || title.len() == MAX_TITLE_LINES {
            break;
        }
        title.push(i);
        below = i;
    }
    title.reverse();
    title
}

/// Whether a number glued to a running line can be its page's number
/// (printed numbers may count a cover or two less or more than the text's
/// pages); `Vol. 321` in a head is not.
fn near_page(number: u32, page: u32) -> bool {
    number.abs_diff(page) <= 2
}

/// A printed title takes at most this many lines.
const MAX_TITLE_LINES: usize = 3;

/// What names the document: the title block's lines and the furniture the
/// document opens with, then the running furniture (a running title with
/// its glued page number told apart). In text without pages, short
/// furniture lines in a row are joined into one; with pages each line of a
/// head stands alone.
pub(super) fn cues(
    lines: &[&str],
    furniture: &[bool],
    top: &TitleBlock,
    page_of: Option<&[u32]>,
) -> Vec<Cue> {
    let cue = |text: String, place: Place| Cue {
        text,
        size: None,
        place,
    };
    let opening = (0..lines.len())
        .find(|&i| !lines[i].trim().is_empty() && !furniture[i] && !top.lines.contains(&i))
        .unwrap_or(lines.len());
    let mut out = Vec::new();
    let mut cluster: Vec<&str> = Vec::new();
    let flush = |cluster: &mut Vec<&str>, out: &mut Vec<Cue>| {
        if !cluster.is_empty() {
            out.push(cue(cluster.join(" "), Place::Running));
            cluster.clear();
        }
    };
    for (index, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if top.title.contains(&index) {
            out.push(cue(t.to_string(), Place::TopTitle));
        } else if top.lines.contains(&index) || (furniture[index] && index < opening) {
            out.push(cue(t.to_string(), Place::Top));
        } else if !furniture[index] {
            flush(&mut cluster, &mut out);
        } else if ISSUE_DATE.is_match(t) || PAGE_NUMBER.is_match(t) {
            flush(&mut cluster, &mut out);
            out.push(cue(t.to_string(), Place::Running));
        } else if let Some((page, title)) = split_page_number(t)
            .filter(|&(n, _)| page_of.is_none_or(|pages| near_page(n, pages[index])))
        {
            out.push(cue(page.to_string(), Place::Running));
            out.push(cue(title, Place::RunningTitle));
        } else if page_of.is_none() {
            cluster.extend(t.split_whitespace());
        } else {
            out.push(cue(t.to_string(), Place::Running));
        }
    }
    flush(&mut cluster, &mut out);
    out
}

/// `72023년 제목` → (7, `2023년 제목`); `제목 12` → (12, `제목`). A digit run
/// longer than a page number ends in a year when the title starts with one.
pub(super) fn split_page_number(text: &str) -> Option<(u32, String)> {
    if let Some(caps) = GLUED_PAGE.captures(text) {
        let digits = &caps[1];
        let rest = &caps[2];
        let (page, title) = if digits.len() > 4 && rest.starts_with('년') {
            let cut = digits.len() - 4;
            (&digits[..cut], format!("{}{}", &digits[cut..], rest))
        } else if digits.len() <= 3 && !rest.starts_with(['.', ')', ' ', '년', '월', '일']) {
            (digits, rest.to_string())
        } else {
            return None;
        };
        if page.len() > 3 || title.trim().chars().count() < 4 {
            return None;
        }
        return Some((page.parse().ok()?, title.trim().to_string()));
    }
    let caps = TRAILING_PAGE.captures(text)?;
    let title = caps[1].trim();
    (title.chars().count() >= 4).then(|| Some((caps[2].parse().ok()?, title.to_string())))?
}
