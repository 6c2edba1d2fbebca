//! Masthead: the lines that name a document → its series, title, date,
//! volume and issue, authors and publisher.
//!
//! In: [`Cue`]s from either front end: the first page's title block (with
//! the type size when a PDF tells it), the running heads and feet, and what
//! the front end knows of a line's part (a running title glued to its page
//! number). Out: a [`Masthead`].
//!
//! Each line is read cell by cell: dates, volume and issue numbers, page
//! numbers, authors (a name of two to four syllables, spaced or not, with an
//! affiliation mark `*` or a job title) and the issuing body (a name ending
//! in an institution's word) are taken out; what is left names the document.
//! The title is the largest type of the title block (without sizes: a
//! running title, else the block's longest line), less a line the running
//! furniture repeats above a longer one set near its size: that is the
//! series, set like a logo. Otherwise the series is the running text that is
//! not the title (never a sentence), else the title block's first line. A
//! title is never the series name or a page label.

use std::sync::LazyLock;

use regex::Regex;

use crate::hangul;

use crate::word_regex::WordRegex;

/// Where a line naming the document was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The first page's title block.
    Top,
    /// A title block line that the front end placed as the title by its
    /// position (text: the lines right above the authors).
    TopTitle,
    /// A running head or foot.
    Running,
    /// A running head that prints the title with its page number (`12 제목`).
    RunningTitle,
}

impl Place {
    /// Printed in the first page's title block.
    pub fn is_top(self) -> bool {
        matches!(self, Place::Top | Place::TopTitle)
    }
}

/// One line that may name the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub text: String,
    /// Type size in points (PDF).
    pub size: Option<f32>,
    pub place: Place,
}

/// What the masthead and running furniture say about the document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Masthead {
    /// Series name, e.g. `KIEP 세계경제 포커스`.
    pub series: Option<String>,
    pub title: Option<String>,
    /// Issue date, ISO (`YYYY-MM-DD`, or `YYYY-MM` when printed without a day).
    pub date: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    /// Names, normalised (`김 창 호*` → `김창호`).
    pub authors: Vec<String>,
    /// The issuing institution, when printed.
    pub publisher: Option<String>,
    /// Page numbers printed in the furniture, in order.
    pub printed_pages: Vec<u32>,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*(?:[.\-/월]\s*(?:(\d{1,2})\s*[.일]?)?)?")
        .expect("regex")
});
static VOLUME_ISSUE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\bvol\.?\s*(\d+)(?:\s*,?\s*no\.?\s*(\d+))?|제\s*(\d+)\s*권\s*(?:제\s*)?(\d+)\s*호",
    )
    .expect("regex")
});
static ISSUE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"통권\s*제?\s*(\d+)\s*호|제\s*(\d+)\s*호|(?:제\s*)?(\d{4}\s*-\s*\d{1,3})\s*호|(\d{4})\s*년\s*(\d{1,2})\s*월\s*호|\b([A-Z]{2,4}\s?\d{2}-\d{2})\b")
        .expect("regex")
});
static PAGE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-–—\s]*\d{1,4}[-–—\s]*$|^\d{1,4}\s*/\s*\d{1,4}$|^(?i:page|p\.)\s*\d{1,4}$")
        .expect("regex")
});
/// Job titles printed beside an author's name.
static JOB_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:선임|책임|수석|부|전문|초빙|객원)?(?:연구위원|연구원|전문위원|입법조사관|조사관|교수|박사|팀장|실장|소장|원장|위원|연구관|과장|차장|부장|국장|조사역|사무관|서기관)")
        .expect("regex")
});
/// A name: two to four syllables, run together or one by one.
static NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[가-힣]{2,4}|[가-힣](?: [가-힣]){1,3})$").expect("regex"));
/// An institution's name ends with what it is.
static INSTITUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:연구원|연구소|조사처|정책처|위원회|재단|협회|은행|공사|(?i:institute|center|centre|foundation))$")
        .expect("regex")
});
static EMAIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+").expect("regex"));

/// Reads the masthead from its cues.
pub fn read(cues: &[Cue]) -> Masthead {
    let mut out = Masthead::default();
    let mut dates: Vec<(Place, String)> = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    for cue in cues {
        for cell in cells(&cue.text) {
            let issues_before = (out.volume.clone(), out.issue.clone());
            let rest = take_numbers(&cell, cue.place, &mut out, &mut dates);
            // a name printed with the volume or issue number is the series'
            let numbered = issues_before != (out.volume.clone(), out.issue.clone());
            if rest.is_empty() || !rest.chars().any(char::is_alphabetic) {
                continue;
            }
            if cue.place == Place::Top
                && let Some(authors) = authors_of(&rest)
            {
                out.authors.extend(authors);
                continue;
            }
            let joined = join_spaced_syllables(&rest);
            if INSTITUTION.is_match(&joined)
                && joined.chars().count() <= 20
                && !joined.contains(' ')
            {
                out.publisher.get_or_insert(joined);
                continue;
            }
            names.push(Name {
                text: joined,
                size: cue.size,
                place: cue.place,
                numbered,
            });
        }
    }
    // the title block's date, a day's before a month's (`2024년 8월호` and
    // `발행일 2024. 8. 25.`)
    let day_first = |(p, d): &&(Place, String)| (!p.is_top(), d.len() < "YYYY-MM-DD".len());
    out.date = dates.iter().min_by_key(day_first).map(|(_, d)| d.clone());
    out.title = title(&names);
    out.series = series(&names, out.title.as_deref());
    out.authors.dedup();
    out
}

/// What is left of a cell once numbers, authors and institutions are out.
#[derive(Debug, Clone)]
struct Name {
    text: String,
    size: Option<f32>,
    place: Place,
    /// Printed with the volume or issue number.
    numbered: bool,
}

/// The parts of a line that wide gaps or a bar separate.
fn cells(text: &str) -> Vec<String> {
    text.split(['|', '│', '\u{2502}'])
        .flat_map(|part| part.split("   "))
        .map(|c| collapse(c.trim()))
        .filter(|c| !c.is_empty())
        .collect()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Takes volume and issue, dates and page labels out of a cell, noting them;
/// returns what is left.
fn take_numbers(
    cell: &str,
    place: Place,
    out: &mut Masthead,
    dates: &mut Vec<(Place, String)>,
) -> String {
    if PAGE_LABEL.is_match(cell) {
        if !place.is_top() {
            out.printed_pages.extend(first_number(cell));
        }
        return String::new();
    }
    let mut rest = cell.to_string();
    if let Some(caps) = VOLUME_ISSUE.captures(&rest) {
        let volume = caps.get(1).or(caps.get(3)).map(|m| m.as_str().to_string());
        let issue = caps.get(2).or(caps.get(4)).map(|m| m.as_str().to_string());
        out.volume = out.volume.take().or(volume);
        out.issue = out.issue.take().or(issue);
        rest = rest.replace(&caps[0], " ");
    }
    if let Some(caps) = ISSUE
        .captures(&rest)
        .filter(|c| !inside_parentheses(&rest, c.get(0)))
    {
        let issue = if let (Some(y), Some(m)) = (caps.get(4), caps.get(5)) {
            dates.push((place, format!("{}-{:0>2}", y.as_str(), m.as_str())));
            format!("{}-{:0>2}", y.as_str(), m.as_str())
        } else {
            [1, 2, 3, 6]
                .iter()
                .find_map(|&i| caps.get(i))
                .map(|m| m.as_str().replace(' ', ""))
                .unwrap_or_default()
        };
        out.issue.get_or_insert(issue);
        rest = rest.replace(&caps[0], " ");
    }
    while let Some(m) = DATE.find(&rest) {
        if let Some(date) = iso_date(m.as_str()) {
            dates.push((place, date));
        }
        rest = rest.replace(m.as_str(), " ");
    }
    if place == Place::RunningTitle || place == Place::Running {
        // a running head's own page number, at either end
        let trimmed = rest.trim();
        let lead: String = trimmed.chars().take_while(char::is_ascii_digit).collect();
        if (1..=3).contains(&lead.len()) {
            out.printed_pages.extend(lead.parse::<u32>().ok());
            rest = trimmed[lead.len()..].to_string();
        }
    }
    let rest = EMAIL.replace_all(&rest, " ");
    collapse(rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '·' | ',')))
}

/// A number in parentheses (`(의안번호 제2125318호)`) numbers something
/// else than the issue.
fn inside_parentheses(text: &str, found: Option<regex::Match>) -> bool {
    let Some(found) = found else { return false };
    let before = &text[..found.start()];
    before
        .rfind(['(', '（'])
        .is_some_and(|open| !before[open..].contains([')', '）']))
}

fn first_number(text: &str) -> Option<u32> {
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// `2024.2.1.`, `2024년 2월 1일` → `2024-02-01`; `2024. 5.` → `2024-05`.
pub fn iso_date(text: &str) -> Option<String> {
    let caps = DATE.captures(text)?;
    let year: u32 = caps[1].parse().ok()?;
    let month: u32 = caps[2].parse().ok()?;
    if !(1900..=2100).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    match caps.get(3).and_then(|d| d.as_str().parse::<u32>().ok()) {
        Some(day) if (1..=31).contains(&day) => Some(format!("{year}-{month:02}-{day:02}")),
        _ => Some(format!("{year}-{month:02}")),
    }
}

/// Whether a line names the authors (any of its cells).
pub fn is_authors_line(text: &str) -> bool {
    cells(text).iter().any(|cell| authors_of(cell).is_some())
}

/// Whether a line carries a date, a volume or an issue number.
pub fn names_an_issue(text: &str) -> bool {
    DATE.is_match(text) || VOLUME_ISSUE.is_match(text) || ISSUE.is_match(text)
}

/// The names in an author cell: each two to four syllables (spaced or not),
/// with an affiliation mark or beside a job title, among the units the
/// authors work in (`조사국 국제무역팀 과장 최민준`, `정하린 유럽팀 부연구위원`,
/// `윤태경 (북한경제연구팀 연구위원)`); none when the cell says anything else.
fn authors_of(cell: &str) -> Option<Vec<String>> {
    let marked = cell.contains(['*', '†', '‡']);
    let mut names = Vec::new();
    // a `·` between spaces parts two authors; inside a word it joins units
    // (`이차전지·신소재팀`) or names (`최민준·윤다은`)
    for part in split_outside_parentheses(cell).flat_map(|p| p.split(" · ")) {
        // a title may stand in parentheses
        let titled = part
            .split(|c: char| c.is_whitespace() || "()（）".contains(c))
            .any(is_job_title);
        let part = strip_parentheses(part);
        let part = part
            .trim()
            .trim_end_matches(|c: char| matches!(c, '*' | '†' | '‡') || c.is_ascii_digit());
        if !part.is_empty() {
            names.extend(byline_names(part, marked || titled)?);
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The parts of a byline between `,` `、` `/` `;` outside parentheses (an
/// author's contact in parentheses holds commas).
fn split_outside_parentheses(cell: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0usize;
    let mut start = 0;
    let mut parts = Vec::new();
    for (at, c) in cell.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            ',' | '、' | '/' | ';' if depth == 0 => {
                parts.push(&cell[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&cell[start..]);
    parts.into_iter()
}

/// A job title printed beside a name, as a whole word.
fn is_job_title(word: &str) -> bool {
    JOB_TITLE
        .find(word)
        .is_some_and(|m| m.start() == 0 && m.end() == word.len())
}

/// The names in one part of a byline; its other words are job titles and
/// units. Without a job title or a mark, only a name spaced out as the
/// common three syllables counts (`요 약` and `검 토 보 고` are labels).
fn byline_names(part: &str, titled_or_marked: bool) -> Option<Vec<String>> {
    let words: Vec<&str> = part
        .split_whitespace()
        .map(|w| w.trim_end_matches(['*', '†', '‡']))
        .filter(|w| !is_job_title(w))
        .collect();
    let spaced = words.len() >= 2 && words.iter().all(|w| w.chars().count() == 1);
    if spaced {
        let joined = words.concat();
        let name = NAME.is_match(&joined) && (titled_or_marked || words.len() == 3);
        return name.then(|| vec![joined]);
    }
    if !titled_or_marked {
        return None;
    }
    let mut names = Vec::new();
    for word in words {
        let pieces: Vec<&str> = word.split('·').collect();
        if pieces.iter().any(|p| is_unit(p)) {
            continue;
        }
        if !pieces.iter().all(|p| NAME.is_match(p)) {
            return None;
        }
        names.extend(pieces.iter().map(|p| p.to_string()));
    }
    // units alone (`성장동력산업연구본부`) name no one but spoil nothing
    Some(names)
}

/// A unit of an institution (`유럽팀`, `조사국`, `산업혁신정책연구단`), or a
/// word too long to be a name (an institution, a topic of a team).
fn is_unit(word: &str) -> bool {
    static UNIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:팀|실|국|부|과|단|처|원|소|센터|본부|연구소|위원회|대학교?)$")
            .expect("regex")
    });
    let syllables = word.chars().count();
    hangul::is_all_syllables(word) && (syllables > 4 || (syllables > 2 && UNIT.is_match(word)))
}

fn strip_parentheses(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '（' | '[' => depth += 1,
            ')' | '）' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `환 경 노 동 위 원 회` → `환경노동위원회`: letters spaced out for display.
fn join_spaced_syllables(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    for word in words {
        let single = word.chars().count() == 1 && hangul::is_all_syllables(word);
        if single {
            run.push_str(word);
            continue;
        }
        if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        out.push(word.to_string());
    }
    if !run.is_empty() {
        out.push(run);
    }
    out.join(" ")
}

/// The title: the lines the front end placed as the title; else a running
/// title; else the title block's largest type, less its series (lines
/// within 15% of it, in order); else its longest line that is not printed
/// with the issue number.
fn title(names: &[Name]) -> Option<String> {
    let placed: Vec<&str> = names
        .iter()
        .filter(|n| n.place == Place::TopTitle)
        .map(|n| n.text.as_str())
        .collect();
    if !placed.is_empty() {
        return Some(placed.join(" "));
    }
    let logo = series_in_title_block(names);
    let top: Vec<&Name> = names
        .iter()
        .enumerate()
        .filter(|&(i, n)| n.place == Place::Top && Some(i) != logo)
        .map(|(_, n)| n)
        .collect();
    // a running head that repeats a title block line other than the title
    // (the series, in a head) is not the title
    if let Some(running) = most_common(
        names
            .iter()
            .filter(|n| n.place == Place::RunningTitle)
            .filter(|n| !top.iter().any(|t| t.text == n.text))
            .map(|n| &n.text),
    ) {
        return Some(running);
    }
    // a table's row read as one line, or its unit line, is no title
    let fits = |n: &&&Name| {
        n.text.chars().count() <= LONGEST_TITLE && !crate::layout::tables::is_unit(&n.text)
    };
    let largest = top
        .iter()
        .filter(fits)
        .filter_map(|n| n.size)
        .fold(0.0f32, f32::max);
    if largest > 0.0 {
        let lines: Vec<&str> = top
            .iter()
            .filter(fits)
            .filter(|n| n.size.is_some_and(|s| s >= 0.85 * largest))
            .map(|n| n.text.as_str())
            .collect();
        let joined = lines.join(" ");
        return Some(if joined.chars().count() <= LONGEST_TITLE {
            joined
        } else {
            lines[0].to_string()
        });
    }
    top.iter()
        .filter(fits)
        .filter(|n| !n.numbered && n.text.chars().count() >= 6)
        .max_by_key(|n| n.text.chars().count())
        .map(|n| n.text.clone())
}

/// A title block line set near the size of a longer line below it is that
/// line's lead, not the title, when the running heads or feet repeat it.
const LEAD_SHARE: f32 = 0.7;

/// The series printed in the title block: its first line (with a type size)
/// that the running heads or feet repeat, above a longer line set near its
/// size. Series names are often set as large as the title, or larger, like
/// a logo; the title is the longer phrase under them, and the series is
/// what recurs on every page.
fn series_in_title_block(names: &[Name]) -> Option<usize> {
    let running = |text: &str| names.iter().any(|n| !n.place.is_top() && n.text == text);
    (0..names.len()).find(|&i| {
        let n = &names[i];
        let Some(size) = n.size.filter(|_| n.place == Place::Top) else {
            return false;
        };
        let longer_below = names[i + 1..].iter().any(|m| {
            m.place == Place::Top
                && m.size.is_some_and(|s| s >= LEAD_SHARE * size)
                && m.text.chars().count() > n.text.chars().count()
                && m.text.chars().count() <= LONGEST_TITLE
        });
        longer_below && running(&n.text)
    })
}

/// Characters beyond which a line is not a report's title (two printed lines
/// of a title hold about sixty).
const LONGEST_TITLE: usize = 100;

/// `MSDS번호 : AA0 00034000`: a label and its value, a form's field, never
/// a series' name.
fn is_label_and_value(text: &str) -> bool {
    static FIELD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^:：]{1,20}\s[:：]\s*\S").expect("regex"));
    FIELD.is_match(text)
}

/// The series: the running text seen most (never the title), else the title
/// block's line printed with the issue number, else its first line that is
/// not the title.
fn series(names: &[Name], title: Option<&str>) -> Option<String> {
    let not_title = |n: &&Name| {
        title.is_none_or(|t| !t.contains(n.text.as_str()) && !n.text.contains(t))
            && n.text.chars().count() <= 40
            && !is_label_and_value(&n.text)
    };
    let top = || names.iter().filter(|n| n.place.is_top()).filter(not_title);
    // a sentence (a footnote's or a notice's, run into the foot) names no series
    let named = |n: &&Name| not_title(n) && !crate::layout::ends_sentence(&n.text);
    series_in_title_block(names)
        .map(|i| names[i].text.clone())
        .filter(|s| title.is_none_or(|t| t != s))
        .or_else(|| {
            most_common(
                names
                    .iter()
                    .filter(|n| matches!(n.place, Place::Running | Place::RunningTitle))
                    .filter(named)
                    .map(|n| &n.text),
            )
        })
        .or_else(|| top().find(|n| n.numbered).map(|n| n.text.clone()))
        .or_else(|| top().next().map(|n| n.text.clone()))
}

/// The value seen most often (the first of equals).
fn most_common<'a>(values: impl Iterator<Item = &'a String>) -> Option<String> {
    let values: Vec<&String> = values.collect();
    let mut best: Option<(usize, &String)> = None;
    for value in &values {
        let count = values.iter().filter(|v| *v == value).count();
        if best.is_none_or(|(c, _)| count > c) {
            best = Some((count, value));
        }
    }
    best.map(|(_, v)| v.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(text: &str, size: Option<f32>, place: Place) -> Cue {
        Cue {
            text: text.to_string(),
            size,
            place,
        }
    }

    #[test]
    fn kiep_focus_series_date_and_running_title() {
        let m = read(&[
            cue("KIEP 세계경제 포커스", None, Place::Running),
            cue("2024.2.1.", None, Place::Running),
            cue(
                "2023년 북한의 대외관계 평가와 2024년 전망",
                None,
                Place::RunningTitle,
            ),
        ]);
        assert_eq!(m.series.as_deref(), Some("KIEP 세계경제 포커스"));
        assert_eq!(m.date.as_deref(), Some("2024-02-01"));
        assert_eq!(
            m.title.as_deref(),
            Some("2023년 북한의 대외관계 평가와 2024년 전망")
        );
    }

    #[test]
    fn volume_issue_authors_and_publisher_forms() {
        let m = read(&[
            cue(
                "KIEP 오늘의 세계경제 | Vol. 24 No. 5 | 2024년 3월 15일",
                Some(9.0),
                Place::Top,
            ),
            cue("미국 대선과 통상정책 전망", Some(18.0), Place::Top),
            cue("김창호 연구위원, 이 영 희*", Some(10.0), Place::Top),
            cue("대외경제정책연구원", Some(9.0), Place::Top),
        ]);
        assert_eq!(
            (m.volume.as_deref(), m.issue.as_deref()),
            (Some("24"), Some("5"))
        );
        assert_eq!(m.date.as_deref(), Some("2024-03-15"));
        assert_eq!(m.title.as_deref(), Some("미국 대선과 통상정책 전망"));
        assert_eq!(m.series.as_deref(), Some("KIEP 오늘의 세계경제"));
        assert_eq!(m.authors, ["김창호", "이영희"]);
        assert_eq!(m.publisher.as_deref(), Some("대외경제정책연구원"));
        for (printed, issue) in [
            ("제1695호", "1695"),
            ("2024-03호", "2024-03"),
            ("통권 제301호", "301"),
            ("Online Series CO 24-05", "CO24-05"),
        ] {
            let m = read(&[cue(printed, None, Place::Top)]);
            assert_eq!(m.issue.as_deref(), Some(issue), "{printed}");
        }
        let monthly = read(&[cue("북한경제리뷰 2024년 3월호", None, Place::Top)]);
        assert_eq!(
            (monthly.issue.as_deref(), monthly.date.as_deref()),
            (Some("2024-03"), Some("2024-03"))
        );
        assert_eq!(monthly.series.as_deref(), Some("북한경제리뷰"));
    }

    #[test]
    fn a_title_is_never_a_page_label_or_the_series() {
        let m = read(&[
            cue("- 3 -", None, Place::Running),
            cue("이슈와 논점 제2231호", None, Place::Running),
            cue("반도체 공급망 재편", Some(19.0), Place::Top),
            cue("이슈와 논점", Some(13.0), Place::Top),
        ]);
        assert_eq!(m.series.as_deref(), Some("이슈와 논점"));
        assert_eq!(m.issue.as_deref(), Some("2231"));
        assert_eq!(m.title.as_deref(), Some("반도체 공급망 재편"));
        assert_eq!(m.printed_pages, [3]);
    }

    #[test]
    fn a_table_row_is_no_title_and_a_form_field_no_series() {
        let row = "클래스 1개월 3개월 6개월 1년 연초후 설정후 설정일 설정액 96 억원 위험등급 2등급 운용역 투자대상 주식60% 이상, 채권40% 이하 벤치마크 환매수수료 해당사항없음 선취수수료";
        let m = read(&[
            cue("MSDS번호 : AA0 00034000", None, Place::Running),
            cue(row, Some(9.0), Place::Top),
            cue("(단위 : %)", Some(9.0), Place::Top),
            cue("월간 운용보고서", Some(9.0), Place::Top),
        ]);
        assert_eq!(m.title.as_deref(), Some("월간 운용보고서"));
        assert_ne!(m.series.as_deref(), Some("MSDS번호 : AA0 00034000"));
        // a title of two long lines stays whole
        let m = read(&[
            cue(
                "기후위기 대응을 위한 탄소중립·녹색성장 기본법",
                Some(18.0),
                Place::Top,
            ),
            cue("일부개정법률안 검토보고", Some(18.0), Place::Top),
        ]);
        assert_eq!(
            m.title.as_deref(),
            Some("기후위기 대응을 위한 탄소중립·녹색성장 기본법 일부개정법률안 검토보고")
        );
    }

    #[test]
    fn names_need_a_mark_a_title_or_spacing() {
        assert_eq!(authors_of("김 창 호*"), Some(vec!["김창호".into()]));
        assert_eq!(
            authors_of("수석전문위원 오창석"),
            Some(vec!["오창석".into()])
        );
        assert_eq!(
            authors_of("박지성(KIEP 연구위원)*"),
            Some(vec!["박지성".into()])
        );
        assert_eq!(authors_of("요약"), None);
        assert_eq!(authors_of("요 약"), None);
        assert_eq!(authors_of("검 토 보 고"), None);
        assert_eq!(authors_of("주요 내용"), None);
        assert_eq!(authors_of("이수진 의원 대표발의"), None);
        assert_eq!(
            join_spaced_syllables("환 경 노 동 위 원 회"),
            "환경노동위원회"
        );
    }

    #[test]
    fn bylines_with_units_and_titles_on_either_side() {
        let cases: [(&str, &[&str]); 6] = [
            (
                "조사국 국제무역팀 과장 최민준, 조사역 윤다은*",
                &["최민준", "윤다은"],
            ),
            ("정하린 유럽팀 부연구위원", &["정하린"]),
            (
                "윤태경 (한국개발연구원 북한경제연구팀 연구위원)",
                &["윤태경"],
            ),
            (
                "미래산업연구본부 수소·신소재팀 한승우 연구위원",
                &["한승우"],
            ),
            ("백지훈 연구위원 · 오수빈 전문연구원", &["백지훈", "오수빈"]),
            (
                "오세진 유라시아실 중국팀 부연구위원 (sjoh@example.kr, Tel: 000-123-4567)",
                &["오세진"],
            ),
        ];
        for (line, want) in cases {
            let got = authors_of(line).unwrap_or_default();
            assert_eq!(got, want, "{line}");
        }
        // an institution holds a job title's letters but names no one
        assert_eq!(authors_of("한국개발연구원"), None);
        assert_eq!(authors_of("청년층 고용 확대의 지역경제적 효과"), None);
        assert!(is_authors_line("한예린*"));
    }

    #[test]
    fn a_volume_alone_an_issue_with_its_year_and_the_day_before_the_month() {
        let m = read(&[
            cue("XYZ Insight Vol. 412", None, Place::Running),
            cue("ABC 이슈노트 제2023-07호", None, Place::Top),
        ]);
        assert_eq!(m.volume.as_deref(), Some("412"));
        assert_eq!(m.issue.as_deref(), Some("2023-07"));
        assert_eq!(m.series.as_deref(), Some("XYZ Insight"));
        let m = read(&[
            cue("2024년 8월호 · 제26권 제8호", None, Place::Top),
            cue("발행일 2024. 8. 25.", None, Place::Top),
        ]);
        assert_eq!(m.date.as_deref(), Some("2024-08-25"));
    }

    #[test]
    fn a_series_set_like_a_logo_that_recurs_on_every_page_is_no_title() {
        let top = |t: &str, s: f32| cue(t, Some(s), Place::Top);
        let run = |t: &str| cue(t, None, Place::Running);
        // larger than the title, repeated by the running head with a number
        let m = read(&[
            top("정책 노트", 24.0),
            top("해운 운임 상승과 물가", 18.0),
            run("끝맺는 인사의 한 문장이 머리로 읽혔다."),
            run("정책 노트 제12호"),
            run("정책 노트 제12호"),
        ]);
        assert_eq!(m.title.as_deref(), Some("해운 운임 상승과 물가"));
        assert_eq!(m.series.as_deref(), Some("정책 노트"));
        // as large as a title of two lines, with a notice in the foot
        let m = read(&[
            top("발행처 어느연구처", 8.0),
            top("월간 동향", 26.0),
            top("농촌 인구 감소의", 20.0),
            top("원인과 대응", 20.0),
            run("월간 동향"),
            run("발행 어느연구처 | 편집 조사실"),
            run("월간 동향"),
        ]);
        assert_eq!(m.title.as_deref(), Some("농촌 인구 감소의 원인과 대응"));
        assert_eq!(m.series.as_deref(), Some("월간 동향"));
        // a running head that repeats the series and the title
        let m = read(&[
            top("Brief", 28.0),
            top("도시 재생 사업의 성과", 21.0),
            run("Brief"),
            run("도시 재생 사업의 성과"),
        ]);
        assert_eq!(m.title.as_deref(), Some("도시 재생 사업의 성과"));
        assert_eq!(m.series.as_deref(), Some("Brief"));
        // without type sizes (text) a sentence run into the foot is no series
        let m = read(&[
            cue("해운 운임 상승과 물가", None, Place::TopTitle),
            run("끝맺는 인사의 한 문장이 머리로 읽혔다."),
        ]);
        assert_eq!(m.series, None);
    }

    #[test]
    fn a_placed_title_comes_before_a_running_title() {
        let m = read(&[
            cue("보고서 제목의", None, Place::TopTitle),
            cue("둘째 줄", None, Place::TopTitle),
            cue("시리즈 이름", None, Place::Top),
            cue("다른 머리", None, Place::RunningTitle),
        ]);
        assert_eq!(m.title.as_deref(), Some("보고서 제목의 둘째 줄"));
    }
}
