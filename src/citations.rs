//! Citations: footnote text → typed citations.
//!
//! In: the text of each footnote. Out: its [`Citation`]s (split on `;`
//! between works, never inside a title), typed as news, academic, report,
//! official, web, back reference or note, with dates in ISO form, outlets
//! canonicalised, back references resolved to the earlier citation they name,
//! and a [`Problem`] for every citation that had to be read past a typo.

use std::sync::LazyLock;

use regex::Regex;

use crate::hangul;

use crate::word_regex::WordRegex;

use crate::model::{Citation, CitationKind};

/// A citation that parsed only with tolerance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub citation: String,
    pub message: String,
}

/// Parses one footnote into citations with ids `F<n>.<k>`.
pub fn parse_footnote(n: u32, text: &str) -> (Vec<Citation>, Vec<Problem>) {
    parse_works(&format!("F{n}"), text)
}

/// Parses a text that cites works (a footnote, a table's sources) into
/// citations with ids `<prefix>.1`, `<prefix>.2`, ….
pub fn parse_works(prefix: &str, text: &str) -> (Vec<Citation>, Vec<Problem>) {
    let mut citations = Vec::new();
    let mut problems = Vec::new();
    for (k, work) in split_works(text).into_iter().enumerate() {
        let id = format!("{prefix}.{}", k + 1);
        let (citation, issues) = parse_citation(&id, work);
        problems.extend(issues.into_iter().map(|message| Problem {
            citation: id.clone(),
            message,
        }));
        citations.push(citation);
    }
    (citations, problems)
}

// ---------------------------------------------------------------- splitting

/// Splits a footnote into works: at `;` outside brackets and quotes, and
/// where an author's remark ends and a cited title begins (`…표명함. ｢제목｣…`).
pub fn split_works(text: &str) -> Vec<&str> {
    let mut works = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut straight = false;
    for (i, c) in text.char_indices() {
        match c {
            '｢' | '「' | '『' | '(' | '“' | '[' => depth += 1,
            '｣' | '」' | '』' | ')' | '”' | ']' => depth = (depth - 1).max(0),
            // a straight quote inside a bracket (`｢…"인용“｣`) quotes nothing
            '"' if depth == 0 => straight = !straight,
            ';' if depth == 0 && !straight => {
                works.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    works.push(&text[start..]);
    // A `;` inside an unclosed bracket is missed above; fall back to a plain
    // split when one work clearly holds several dated titles.
    let works: Vec<&str> = works
        .into_iter()
        .flat_map(|w| {
            if dated_titles(w) > 1 {
                split_before_titles(w)
            } else {
                vec![w]
            }
        })
        .flat_map(split_note_from_citation)
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    if works.is_empty() {
        vec![text.trim()]
    } else {
        works
    }
}

/// Splits at each `;` that a bracketed title follows (`…『연합뉴스』; ｢제목｣`),
/// not at one inside a headline (`rules; Korea seeks clarity`).
fn split_before_titles(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(';') {
        if text[i + 1..].trim_start().starts_with(['｢', '「', '『']) {
            parts.push(&text[start..i]);
            start = i + 1;
        }
    }
    parts.push(&text[start..]);
    parts
}

fn dated_titles(text: &str) -> usize {
    static DATED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[｣」]\s*,?\s*\(?\s*\d{4}\s*\.").expect("regex"));
    DATED.find_iter(text).count()
}

/// `필자의 설명임. ｢제목｣(2023. 9. 17.), 『연합뉴스』.` → note, citation.
fn split_note_from_citation(work: &str) -> Vec<&str> {
    static NOTE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[가-힣]\.\s+[｢「]").expect("regex"));
    match NOTE_END.find(work) {
        Some(m) if !starts_like_citation(work) => {
            let cut = m.start() + work[m.start()..].find('.').map_or(0, |p| p + 1);
            vec![&work[..cut], &work[cut..]]
        }
        _ => vec![work],
    }
}

fn starts_like_citation(work: &str) -> bool {
    let t = work.trim_start();
    t.starts_with(['｢', '「', '『', '“', '"']) || AUTHOR_YEAR.is_match(t)
}

// ---------------------------------------------------------------- patterns

static AUTHOR_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<authors>[^()｢「『“\x22,]{1,60}(?:,\s*[^()｢「『“\x22,]{1,40}){0,6}?)\s*\(\s*(?P<year>\d{4})(?P<rest>[^)]*)\)\s*(?:,\s*|$|[｢「『“]|\.$)")
        .expect("regex")
});
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<y>(?:19|20)\d{2})\s*\.\s*(?P<m>\d{1,2})(?:\s*\.\s*(?P<d>\d{1,2}))?\s*\.?")
        .expect("regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:https?://|www\.)[^\s<>｣」』“”()]+[^\s<>｣」』“”().,;]").expect("regex")
});
static ACCESSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\(?\s*(?:검색일|접속일|최종\s*접속일|accessed|retrieved)\s*[:：]?\s*(?P<date>[^)]*)\)?",
    )
    .expect("regex")
});
static PAGES: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"\bpp?\.\s*(?P<p>\d+(?:\s*[-–~]\s*\d+)?)").expect("regex"));
static VOLUME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\bvol\.\s*(?P<v>[\w\-]+)|제\s*(?P<k>\d+)\s*권").expect("regex")
});
static ISSUE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\bno\.\s*(?P<v>[\w\-]+)|제\s*(?P<k>[\d\-]+)\s*호").expect("regex")
});
static BACK_POINTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?P<author>[^,(]{1,30})(?:\(\s*(?P<year>\d{4})[^)]*\))?,\s*)?(?P<kind>앞의|위의|상게|전게|같은|Ibid|ibid|op\.\s*cit)\.?\s*(?P<rest>.*)$").expect("regex")
});

/// Words that end the title of a notice or statement of a state body.
const NOTICE_WORDS: &[&str] = &[
    "통보",
    "보도",
    "담화",
    "성명",
    "공보",
    "결정서",
    "포고",
    "명령",
    "정령",
    "보도문",
    "발표문",
    "보도자료",
    "브리핑",
    "연설",
    "Statement",
    "Press Release",
    "Readout",
];

/// Outlet aliases → canonical name. Only spellings of the same outlet.
const OUTLET_ALIASES: &[(&str, &str)] = &[
    ("RFA자유아시아방송", "RFA"),
    ("RFA 자유아시아방송", "RFA"),
    ("자유아시아방송", "RFA"),
    ("Radio Free Asia", "RFA"),
    ("미국의소리", "VOA"),
    ("Voice of America", "VOA"),
    ("노동신문", "로동신문"),
    ("Yonhap", "연합뉴스"),
    ("Yonhap News Agency", "연합뉴스"),
    ("연합", "연합뉴스"),
    ("FT", "Financial Times"),
    ("NYT", "The New York Times"),
    ("New York Times", "The New York Times"),
    ("WSJ", "The Wall Street Journal"),
    ("Wall Street Journal", "The Wall Street Journal"),
];

// ---------------------------------------------------------------- parsing

/// Parses one work. Returns the citation and the problems met.
pub fn parse_citation(id: &str, raw: &str) -> (Citation, Vec<String>) {
    let raw = raw.trim().trim_end_matches(';').trim();
    let mut c = Citation {
        id: id.to_string(),
        raw: raw.to_string(),
        ..Citation::default()
    };
    let mut problems = Vec::new();

    if let Some(url) = URL.find(raw) {
        c.url = Some(url.as_str().to_string());
    }
    // statistics portals are cited with a retrieval date and no address too
    if let Some(caps) = ACCESSED.captures(raw) {
        c.accessed = parse_date(&caps["date"]);
    }
    if let Some(back) = parse_back_reference(raw, &mut c) {
        return (back, problems);
    }
    if let Some(dated) = parse_outlet_first(raw, &mut c, &mut problems) {
        return (dated, problems);
    }
    if let Some(issued) = parse_issuer_first(raw, &mut c, &mut problems) {
        return (issued, problems);
    }

    let (prefix_end, has_author_year) = match AUTHOR_YEAR.captures(raw) {
        Some(caps) if !caps["authors"].trim().is_empty() => {
            c.authors = split_authors(&caps["authors"]);
            c.year = caps["year"].parse().ok();
            let rest = caps.name("rest").map_or("", |m| m.as_str());
            if !rest.trim().is_empty() {
                c.date = parse_date(&format!("{}{rest}", &caps["year"]));
            }
            (caps.get(0).map_or(0, |m| m.end()), true)
        }
        _ => (0, false),
    };
    let body = &raw[prefix_end..];
    let title = find_title(body, &mut problems);
    let after_title = match &title {
        Some(t) => {
            c.title = Some(t.text.clone());
            &body[t.end..]
        }
        None => body,
    };

    if has_author_year {
        parse_publication(after_title, title.is_some(), &mut c);
        let institutional = c.authors.iter().all(|a| is_institution(a));
        c.kind = if institutional {
            CitationKind::Report
        } else {
            CitationKind::Academic
        };
        if institutional {
            c.institution = Some(c.authors.join(", "));
            c.authors.clear();
        }
        return (c, problems);
    }

    if let Some(t) = &title
        && titled_work(t, after_title, &mut c, &mut problems)
    {
        return (c, problems);
    }
    if c.url.is_some() {
        c.kind = CitationKind::Web;
        if c.title.is_none() {
            let before = raw[..raw.find(c.url.as_deref().unwrap_or("")).unwrap_or(0)].trim();
            let before = before.trim_end_matches([',', ':']).trim();
            c.title = (!before.is_empty()).then(|| before.to_string());
        }
        return (c, problems);
    }
    c.kind = CitationKind::Note;
    c.title = None;
    (c, problems)
}

/// A titled work without author and year: news (`｢제목｣(2023. 8. 4.),
/// 『연합뉴스』`, `“Title,” Reuters, January 24, 2024.`), an official
/// notice, a web page or a book. Fills `c` and returns whether the title's
/// shape decided the kind.
fn titled_work(t: &Title, after_title: &str, c: &mut Citation, problems: &mut Vec<String>) -> bool {
    let (date, outlet_text) = date_and_rest(after_title, problems);
    let (date, outlet_text) = match (date, find_date(after_title)) {
        (Some(date), _) => (Some(date), outlet_text.to_string()),
        // `“Title,” Reuters, January 24, 2024.`
        (None, Some((at, date))) => {
            let before = after_title[..at.start].trim();
            let after = after_title[at.end..].trim();
            let outlet = if before.trim_matches([',', ' ']).is_empty() {
                after
            } else {
                before
            };
            (Some(date), outlet.to_string())
        }
        (None, None) => (None, outlet_text.to_string()),
    };
    c.date = date;
    c.year = c.date.as_deref().and_then(|d| d[..4].parse().ok());
    c.outlet = canonical_outlet(&outlet_text);
    if c.date.is_some() || c.outlet.is_some() {
        c.kind = if is_official(&t.text, c.outlet.as_deref()) {
            CitationKind::Official
        } else if c.date.is_none() && c.url.is_some() {
            CitationKind::Web
        } else {
            CitationKind::News
        };
        if c.date.is_none() {
            problems.push("news citation without a date".to_string());
        }
        return true;
    }
    if c.url.is_some() {
        c.kind = CitationKind::Web;
        return true;
    }
    if t.book {
        c.kind = CitationKind::Report;
        return true;
    }
    false
}

struct Title {
    text: String,
    /// Byte offset in the searched text just after the title.
    end: usize,
    /// Title in 『』: a book, report or periodical.
    book: bool,
}

/// The first bracketed title: ｢…｣, 「…」 (mixed pairs tolerated), 『…』 or “…”.
/// An unclosed bracket runs to the date or the page reference.
fn find_title(text: &str, problems: &mut Vec<String>) -> Option<Title> {
    let (open_at, open) = text
        .char_indices()
        .find(|(_, c)| matches!(c, '｢' | '「' | '『' | '“' | '"'))?;
    // a title is at the head of the work, not inside a remark
    if text[..open_at]
        .chars()
        .filter(|c| !c.is_whitespace())
        .count()
        > 2
    {
        return None;
    }
    let inner_start = open_at + open.len_utf8();
    let closers: &[char] = match open {
        '｢' | '「' => &['｣', '」'],
        '『' => &['』'],
        '“' => &['”'],
        _ => &['"'],
    };
    match text[inner_start..].find(closers) {
        Some(rel) => {
            let close_at = inner_start + rel;
            let close = text[close_at..].chars().next().unwrap_or(' ');
            if matches!((open, close), ('｢', '」') | ('「', '｣')) {
                problems.push(format!("title opens with {open} but closes with {close}"));
            }
            let inner = &text[inner_start..close_at];
            if !quotes_balanced(inner) {
                problems.push(format!("unbalanced quotation marks in the title “{inner}”"));
            }
            let inner = if matches!(open, '“' | '"') {
                inner.trim().trim_end_matches([',', '.'])
            } else {
                inner
            };
            Some(Title {
                text: strip_unmapped(inner.trim()),
                end: close_at + close.len_utf8(),
                book: open == '『',
            })
        }
        None => {
            static STOP: LazyLock<WordRegex> = LazyLock::new(|| {
                WordRegex::new(r",?\s*(?:\(\s*\d{4}\s*\.|\bpp?\.\s*\d)").expect("regex")
            });
            let end = STOP
                .find(&text[inner_start..])
                .map_or(text.len(), |m| inner_start + m.start());
            let inner = strip_unmapped(text[inner_start..end].trim().trim_end_matches(['.', ',']));
            problems.push(format!("the title bracket {open} is never closed"));
            Some(Title {
                text: inner.to_string(),
                end,
                book: open == '『',
            })
        }
    }
}

/// Removes private-use code points: glyphs the PDF extractor could not map
/// (often a lost closing bracket). They stay in the footnote text.
fn strip_unmapped(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c))
        .collect::<String>()
        .trim()
        .to_string()
}

fn quotes_balanced(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    let straight_double = count('"') % 2 == 0;
    // `China's`: an apostrophe inside an English word is not a quotation mark
    let chars: Vec<char> = text.chars().collect();
    let single_quotes = (0..chars.len())
        .filter(|&i| chars[i] == '\'')
        .filter(|&i| {
            let letter = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_alphabetic)
            };
            !(letter(i.checked_sub(1)) && letter(Some(i + 1)))
        })
        .count();
    let straight_single = single_quotes % 2 == 0 || text.contains('’');
    count('“') == count('”') && straight_double && straight_single
}

/// After a news title: the date (in parentheses, or with the `(` missing) and
/// what follows it, the outlet.
fn date_and_rest<'a>(after: &'a str, problems: &mut Vec<String>) -> (Option<String>, &'a str) {
    let t = after.trim_start().trim_start_matches(',').trim_start();
    if let Some(inner_start) = t.strip_prefix('(') {
        let close = inner_start.find(')').unwrap_or(inner_start.len());
        let date = any_date(&inner_start[..close]);
        let rest = inner_start.get(close + 1..).unwrap_or("");
        if date.is_some() {
            return (date, rest);
        }
    }
    if let Some(m) = DATE.find(t)
        && m.start() == 0
    {
        let rest = &t[m.end()..];
        if let Some(rest) = rest.trim_start().strip_prefix(')') {
            problems.push("the date lacks its opening parenthesis".to_string());
            return (parse_date(m.as_str()), rest);
        }
        return (parse_date(m.as_str()), rest);
    }
    (None, t)
}

/// `2023. 8. 4.` → `2023-08-04`; `2023. 9.` → `2023-09`; `’22. 8. 10.` → `2022-08-10`.
pub fn parse_date(text: &str) -> Option<String> {
    static SHORT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[’'‘](?P<y>\d{2})\s*\.\s*(?P<m>\d{1,2})(?:\s*\.\s*(?P<d>\d{1,2}))?")
            .expect("regex")
    });
    let (year, caps) = if let Some(caps) = DATE.captures(text) {
        (caps["y"].parse::<i32>().ok()?, caps)
    } else {
        let caps = SHORT.captures(text)?;
        (2000 + caps["y"].parse::<i32>().ok()?, caps)
    };
    let month: u32 = caps["m"].parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    match caps.name("d").and_then(|d| d.as_str().parse::<u32>().ok()) {
        Some(day) if (1..=31).contains(&day) => Some(format!("{year:04}-{month:02}-{day:02}")),
        _ => Some(format!("{year:04}-{month:02}")),
    }
}

/// `『연합뉴스』.` → `연합뉴스`; aliases to one name.
pub fn canonical_outlet(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_start_matches([',', ' '])
        .trim_end_matches(['.', ',', ' ', ';'])
        .trim_matches([
            '『', '』', '「', '」', '｢', '｣', '《', '》', '〈', '〉', ' ',
        ]);
    let t = t.trim_end_matches('.').trim();
    if t.is_empty() || t.chars().count() > 40 {
        return None;
    }
    let alias = OUTLET_ALIASES
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(t));
    Some(alias.map_or(t, |(_, canonical)| canonical).to_string())
}

fn is_official(title: &str, outlet: Option<&str>) -> bool {
    let t = title
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '호' || c == '제');
    let notice = NOTICE_WORDS.iter().any(|w| t.ends_with(w));
    let government = outlet.is_some_and(|o| {
        ["부", "처", "청", "위원회", "정부", "대통령실", "청와대"]
            .iter()
            .any(|s| o.ends_with(s))
            || ["Ministry", "Department", "Government", "White House"]
                .iter()
                .any(|s| o.contains(s))
    });
    notice || government
}

fn split_authors(text: &str) -> Vec<String> {
    text.split([',', '·', '&'])
        .flat_map(|a| a.split(" and "))
        .map(|a| a.trim().trim_end_matches(" 외").trim().to_string())
        .filter(|a| !a.is_empty())
        .collect()
}

/// An author that is an institution rather than a person.
fn is_institution(author: &str) -> bool {
    let a = author.trim();
    let acronym = a.len() >= 2
        && a.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&');
    let suffix = [
        "은행",
        "연구원",
        "연구소",
        "청",
        "부",
        "처",
        "위원회",
        "공사",
        "협회",
        "센터",
        "기구",
        "공단",
        "재단",
        "정부",
        "Bank",
        "Fund",
        "Organization",
        "Institute",
        "Agency",
        "Office",
        "Ministry",
        "Council",
        "Commission",
        "Department",
        "Forum",
        "Programme",
        "Nations",
    ];
    acronym || suffix.iter().any(|s| a.ends_with(s))
}

/// Container, volume, issue, pages and institution after an academic title.
fn parse_publication(after: &str, had_title: bool, c: &mut Citation) {
    if let Some(caps) = PAGES.captures(after) {
        c.pages = Some(caps["p"].split_whitespace().collect());
    }
    if let Some(caps) = VOLUME.captures(after) {
        c.volume = caps
            .name("v")
            .or(caps.name("k"))
            .map(|m| m.as_str().to_string());
    }
    if let Some(caps) = ISSUE.captures(after) {
        c.issue = caps
            .name("v")
            .or(caps.name("k"))
            .map(|m| m.as_str().to_string());
    }
    let parts: Vec<&str> = after
        .split(',')
        .map(|p| p.trim().trim_end_matches('.').trim())
        .filter(|p| !p.is_empty())
        .collect();
    let is_locator = |p: &str| PAGES.is_match(p) || VOLUME.is_match(p) || ISSUE.is_match(p);
    let mut rest = parts
        .iter()
        .copied()
        .filter(|p| !is_locator(p) && english_month_year(p).is_none());
    if !had_title {
        c.title = rest.next().map(str::to_string);
    }
    if let Some(container) = rest.next() {
        if is_institution(container) && c.institution.is_none() {
            c.institution = Some(container.to_string());
        } else {
            split_series_number(container, c);
        }
    }
    if let Some(institution) = rest.next_back()
        && c.institution.is_none()
    {
        c.institution = Some(institution.to_string());
    }
    if c.date.is_none() {
        // `World Economic Outlook, October 2023`
        c.date = parts.iter().find_map(|p| english_month_year(p));
    }
}

/// `주요국제문제분석 2023-29` → container `주요국제문제분석`, issue `2023-29`.
fn split_series_number(container: &str, c: &mut Citation) {
    static SERIES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>.*\D)\s+(?P<num>\d{2,4}-\d{1,3})$").expect("regex")
    });
    match SERIES.captures(container) {
        Some(caps) if c.issue.is_none() => {
            c.container = Some(strip_brackets(&caps["name"]));
            c.issue = Some(caps["num"].to_string());
        }
        _ => c.container = Some(strip_brackets(container)),
    }
}

/// `『국제경제연구』` → `국제경제연구`.
fn strip_brackets(text: &str) -> String {
    text.trim()
        .trim_matches(['『', '』', '「', '」', '｢', '｣', '《', '》', '〈', '〉'])
        .trim()
        .to_string()
}

fn english_month_year(text: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut words = text.split_whitespace();
    let month = words.next()?;
    let year: i32 = words.next()?.trim_end_matches('.').parse().ok()?;
    let m = MONTHS
        .iter()
        .position(|name| name.eq_ignore_ascii_case(month))?
        + 1;
    Some(format!("{year:04}-{m:02}"))
}

// ---------------------------------------------------------------- issuer and outlet first

/// Words that make a document a government's or statistics office's release.
const RELEASE_WORDS: &[&str] = &[
    "보도자료",
    "보도참고자료",
    "설명자료",
    "통계표",
    "통계정보",
    "발표자료",
    "공고",
    "公告",
    "公报",
    "新闻稿",
    "報道発表",
    "press release",
    "news release",
];

/// `통계청, ｢제목｣, 보도자료, 2024. 1. 31.`, `日本 経済産業省, ｢…｣, 2023年6月.`,
/// `KDI, ｢제목｣, 2023.`: the issuing body before a bracketed title fills
/// `institution`. A government's or statistics office's release is
/// `official`, anything else a `report`.
fn parse_issuer_first(raw: &str, c: &mut Citation, problems: &mut Vec<String>) -> Option<Citation> {
    static ISSUER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<issuer>[^,｢「『“\x22(]{2,40}?)\s*,\s*[｢「『“\x22]").expect("regex")
    });
    let Some(caps) = ISSUER.captures(raw) else {
        return parse_government_release(raw, c);
    };
    let issuer = caps["issuer"].trim();
    if looks_like_person(issuer) {
        return None;
    }
    let body = &raw[caps.name("issuer")?.end()..];
    let body = body.trim_start().trim_start_matches(',').trim_start();
    let title = find_title(body, problems)?;
    let rest = &body[title.end..];
    let mut out = c.clone();
    out.title = Some(title.text);
    out.institution = Some(issuer.to_string());
    out.date = any_date(rest);
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    if out.year.is_none() {
        out.year = four_digit_year(rest);
    }
    parse_locators(rest, &mut out);
    let release = RELEASE_WORDS
        .iter()
        .any(|w| rest.to_lowercase().contains(&w.to_lowercase()));
    out.kind = if is_government(issuer) || release || is_official(out.title.as_deref()?, None) {
        CitationKind::Official
    } else {
        CitationKind::Report
    };
    Some(out)
}

/// `海关总署, 进出口商品统计, 2024年1月.`, `日本 財務省, 貿易統計, 2024年1月.`,
/// `한국무역협회, 무역통계`: a government body's statistics (official) or an
/// institution's publication (report) named without brackets.
fn parse_government_release(raw: &str, c: &mut Citation) -> Option<Citation> {
    let mut parts = raw.split([',', '，']).map(str::trim);
    let issuer = parts.next()?.trim_end_matches('.');
    // a web page is cited as one (`통일부, 북한정보포털, https://…`)
    let government = is_government(issuer);
    if c.url.is_some()
        || !(government || is_institution(issuer))
        || issuer.contains(['(', '｢', '「', '“'])
    {
        return None;
    }
    let mut out = c.clone();
    out.kind = if government {
        CitationKind::Official
    } else {
        CitationKind::Report
    };
    out.institution = Some(issuer.to_string());
    // the retrieval date is not the release's
    let published = ACCESSED.replace(raw, "");
    out.date = any_date(&published);
    out.year = out
        .date
        .as_deref()
        .and_then(|d| d.get(..4)?.parse().ok())
        .or_else(|| four_digit_year(&published));
    out.title = parts
        // `무역통계(검색일: 2024. 1. 10.)`: the title without its dated note
        .map(|p| {
            p.split(['(', '（'])
                .next()
                .unwrap_or(p)
                .trim_end_matches('.')
                .trim()
        })
        .find(|p| !p.is_empty() && find_date(p).is_none() && four_digit_year(p).is_none())
        .map(str::to_string);
    Some(out)
}

/// `Bloomberg(2024. 2. 2.), “제목”`, `新华社(2023年10月24日)`,
/// `Reuters, “Title,” January 24, 2024.`: an outlet with its full date
/// before or after the quoted title is a news item (a government's, an
/// official one). An author with only a year is the academic shape, not this.
fn parse_outlet_first(raw: &str, c: &mut Citation, problems: &mut Vec<String>) -> Option<Citation> {
    static DATED_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<outlet>[^,(｢「『“\x22]{2,40}?)\s*\((?P<date>[^)]{4,40})\)\s*(?:[,.]\s*(?P<rest>.*)|(?P<title>[“\x22｢「].*))?$")
            .expect("regex")
    });
    static OUTLET_THEN_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<outlet>[^,(｢「『“\x22]{2,40}?)\s*,\s*(?P<rest>[“\x22].*)$")
            .expect("regex")
    });
    let (outlet, date, rest) = if let Some(caps) = DATED_OUTLET.captures(raw) {
        let date = any_date(&caps["date"]).filter(|d| d.len() >= 7)?;
        let rest = caps
            .name("rest")
            .or(caps.name("title"))
            .map_or("", |m| m.as_str());
        (
            caps["outlet"].trim().to_string(),
            Some(date),
            rest.to_string(),
        )
    } else {
        let caps = OUTLET_THEN_QUOTE.captures(raw)?;
        let rest = caps["rest"].to_string();
        // the date after the title, in full
        any_date(&rest).filter(|d| d.len() >= 7)?;
        (caps["outlet"].trim().to_string(), None, rest)
    };
    if looks_like_person(&outlet) || rest.contains('『') || VOLUME.is_match(&rest) {
        return None;
    }
    let mut out = c.clone();
    if let Some(title) = find_title(&rest, problems) {
        out.title = Some(title.text);
        out.date = date.or_else(|| any_date(&rest[title.end..]));
    } else {
        out.date = date;
    }
    out.year = out.date.as_deref().and_then(|d| d.get(..4)?.parse().ok());
    out.outlet = canonical_outlet(&outlet);
    let release = RELEASE_WORDS.iter().find(|w| outlet.contains(*w));
    let official = release.is_some()
        || is_government(&outlet)
        || out.title.as_deref().is_some_and(|t| is_official(t, None));
    out.kind = if official {
        // `한국은행 보도자료(2024. 1. 25.)`: the body, not its release
        let body = release.map_or(outlet.as_str(), |w| outlet.trim_end_matches(*w).trim());
        out.institution = Some(body.to_string());
        out.outlet = None;
        CitationKind::Official
    } else {
        CitationKind::News
    };
    Some(out)
}

/// Pages, volume and issue wherever they are.
fn parse_locators(text: &str, c: &mut Citation) {
    if let Some(caps) = PAGES.captures(text) {
        c.pages = Some(caps["p"].split_whitespace().collect());
    }
    if let Some(caps) = ISSUE.captures(text) {
        c.issue = caps
            .name("v")
            .or(caps.name("k"))
            .map(|m| m.as_str().to_string());
    }
}

fn four_digit_year(text: &str) -> Option<i32> {
    static YEAR: LazyLock<WordRegex> =
        LazyLock::new(|| WordRegex::new(r"\b((?:19|20)\d{2})\b").expect("regex"));
    YEAR.captures(text)?[1].parse().ok()
}

/// A name of two to four Hangul syllables: a person, not an institution.
fn looks_like_person(text: &str) -> bool {
    let t = text.trim();
    let n = t.chars().count();
    (2..=4).contains(&n) && hangul::is_all_syllables(t) && !is_government(t) && !is_institution(t)
}

/// A government body or statistics office of any country, by what its name
/// ends or begins with: `통계청`, `기획재정부`, `国家统计局`, `海关总署`,
/// `日本 財務省`, `U.S. Department of Commerce`, `Bureau of Labor Statistics`.
fn is_government(name: &str) -> bool {
    let n = name.trim().trim_end_matches(['.', ',']);
    let last = n.split_whitespace().last().unwrap_or(n);
    const KOREAN: &[&str] = &[
        "부",
        "처",
        "청",
        "실",
        "위원회",
        "정부",
        "대통령실",
        "청와대",
        "한국은행",
    ];
    const CJK: &[&str] = &[
        "局",
        "部",
        "署",
        "省",
        "庁",
        "厅",
        "委员会",
        "委員会",
        "国务院",
        "國務院",
        "内閣府",
        "府",
        "办公室",
        "銀行",
        "银行",
    ];
    const ENGLISH: &[&str] = &[
        "Department",
        "Ministry",
        "Bureau",
        "Office",
        "Administration",
        "Census",
        "Treasury",
        "Customs",
        "Government",
        "Cabinet",
        "Federal Reserve",
        "White House",
        "Statistics",
        "Commission",
    ];
    KOREAN
        .iter()
        .any(|s| last.ends_with(s) && last.chars().count() >= 2)
        || CJK.iter().any(|s| last.ends_with(s))
        || ENGLISH.iter().any(|s| n.contains(s))
}

/// Any date a citation prints: numeric (`2024. 1. 24.`, `’22. 8. 10.`),
/// Korean, Chinese or Japanese (`2024년 1월 24일`, `2023年10月24日`, `2023年6月`),
/// English (`January 24, 2024`, `Jan. 24, 2024`, `24 Jan 2024`, `January 2024`).
pub fn any_date(text: &str) -> Option<String> {
    parse_date(text).or_else(|| find_date(text).map(|(_, date)| date))
}

/// The first date in a text, numeric, CJK or English, with where it stands.
fn find_date(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    static CJK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<y>(?:19|20)\d{2})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월](?:\s*(?P<d>\d{1,2})\s*[日일])?")
            .expect("regex")
    });
    static ENGLISH: LazyLock<WordRegex> = LazyLock::new(|| {
        WordRegex::new(r"(?i)\b(?:(?P<d>\d{1,2})\s+)?(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:(?P<d2>\d{1,2}),?\s+)?(?P<y>(?:19|20)\d{2})\b")
            .expect("regex")
    });
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let ymd = |y: &str, m: u32, d: Option<u32>| -> Option<String> {
        let y: i32 = y.parse().ok()?;
        if !(1..=12).contains(&m) {
            return None;
        }
        Some(match d.filter(|d| (1..=31).contains(d)) {
            Some(d) => format!("{y:04}-{m:02}-{d:02}"),
            None => format!("{y:04}-{m:02}"),
        })
    };
    let day = |caps: &regex::Captures| {
        caps.name("d")
            .or(caps.name("d2"))
            .and_then(|d| d.as_str().parse::<u32>().ok())
    };
    let numeric = DATE.captures(text).and_then(|caps| {
        let m: u32 = caps["m"].parse().ok()?;
        Some((caps.get(0)?.range(), ymd(&caps["y"], m, day(&caps))?))
    });
    let cjk = CJK.captures(text).and_then(|caps| {
        let m: u32 = caps["m"].parse().ok()?;
        Some((caps.get(0)?.range(), ymd(&caps["y"], m, day(&caps))?))
    });
    let english = ENGLISH.captures(text).and_then(|caps| {
        let mon = caps["mon"].to_lowercase();
        let m = MONTHS.iter().position(|x| mon.starts_with(x))? + 1;
        Some((
            caps.get(0)?.range(),
            ymd(&caps["y"], u32::try_from(m).ok()?, day(&caps))?,
        ))
    });
    [numeric, cjk, english]
        .into_iter()
        .flatten()
        .min_by_key(|(range, _)| range.start)
}

// ---------------------------------------------------------------- back references

/// `앞의 연합뉴스(2023. 5. 29.)`, `김한권(2023), p. 18.`, `앞의 글, p. 5.`,
/// `위의 글.`, `Ibid.`: a pointer to an earlier citation, not a work.
fn parse_back_reference(raw: &str, c: &mut Citation) -> Option<Citation> {
    if let Some(caps) = BACK_POINTER.captures(raw) {
        let mut back = c.clone();
        back.kind = CitationKind::BackReference;
        if let Some(author) = caps.name("author") {
            back.authors = split_authors(author.as_str());
        }
        back.year = caps.name("year").and_then(|y| y.as_str().parse().ok());
        let rest = caps["rest"].trim();
        if let Some(p) = PAGES.captures(rest) {
            back.pages = Some(p["p"].split_whitespace().collect());
        }
        // `앞의 연합뉴스(2023. 5. 29.)`: an outlet and a date
        let generic = ["글", "책", "논문", "자료", "보고서", "기사", "문헌", "곳"];
        let head = rest
            .split(['(', ','])
            .next()
            .unwrap_or("")
            .trim()
            .trim_end_matches('.');
        if !head.is_empty() && !generic.contains(&head) && !PAGES.is_match(head) {
            back.outlet = canonical_outlet(head);
        }
        if let Some(open) = rest.find('(') {
            back.date = parse_date(&rest[open..]);
            back.year = back.date.as_deref().and_then(|d| d[..4].parse().ok());
        }
        return Some(back);
    }
    // `김한권(2023), p. 18.`: author and year with only a locator
    let caps = AUTHOR_YEAR.captures(raw)?;
    // `한국은행 보도자료(2024. 1. 25.)` is dated to the day: a release
    if !caps["rest"].trim().is_empty() {
        return None;
    }
    let after = raw[caps.get(0)?.end()..].trim().trim_end_matches('.');
    let only_locator = after.is_empty()
        || PAGES
            .find(after)
            .is_some_and(|m| m.start() == 0 && m.end() == after.len());
    if !only_locator || raw.contains(['｢', '「', '『', '“']) {
        return None;
    }
    let mut back = c.clone();
    back.kind = CitationKind::BackReference;
    back.authors = split_authors(&caps["authors"]);
    back.year = caps["year"].parse().ok();
    back.pages = PAGES
        .captures(after)
        .map(|p| p["p"].split_whitespace().collect());
    Some(back)
}

/// Resolves every back reference to the latest earlier citation it names:
/// same outlet and date, same first author and year, or (for `위의 글`,
/// `Ibid.`, a bare `앞의 글`) the citation just before. Returns the ids of
/// back references that name nothing earlier.
pub fn resolve_back_references(footnotes: &mut [(u32, Vec<Citation>)]) -> Vec<(u32, String)> {
    let mut earlier: Vec<(u32, Citation)> = Vec::new();
    // the work the latest citation stands for: `같은 글` and `Ibid.` repeat
    // it, even when the latest citation was itself a back reference
    let mut latest: Option<(u32, String)> = None;
    let mut unresolved = Vec::new();
    for (n, citations) in footnotes.iter_mut() {
        for citation in citations.iter_mut() {
            if citation.kind == CitationKind::BackReference {
                match find_target(citation, &earlier, latest.as_ref()) {
                    Some((target_n, target_id)) => {
                        citation.refers_to = Some(target_n);
                        citation.resolved = Some(target_id.clone());
                        latest = Some((target_n, target_id));
                    }
                    None => unresolved.push((*n, citation.id.clone())),
                }
            } else {
                if citation.kind != CitationKind::Note {
                    latest = Some((*n, citation.id.clone()));
                }
                earlier.push((*n, citation.clone()));
            }
        }
    }
    unresolved
}

fn find_target(
    back: &Citation,
    earlier: &[(u32, Citation)],
    latest: Option<&(u32, String)>,
) -> Option<(u32, String)> {
    let found = match (&back.outlet, back.authors.first()) {
        (Some(outlet), _) => earlier.iter().rev().find(|(_, c)| {
            c.outlet.as_deref() == Some(outlet.as_str())
                && back
                    .date
                    .as_ref()
                    .is_none_or(|d| c.date.as_ref() == Some(d))
        }),
        (None, Some(first)) => earlier.iter().rev().find(|(_, c)| {
            let same_source = c.authors.first() == Some(first)
                || c.institution.as_deref() == Some(first.as_str());
            same_source && back.year.is_none_or(|y| c.year == Some(y))
        }),
        (None, None) => return latest.cloned(),
    };
    found.map(|(n, c)| (*n, c.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str) -> (Citation, Vec<String>) {
        parse_citation("F1.1", raw)
    }

    #[test]
    fn news_with_brackets_and_outlets() {
        let (c, p) = one(
            "｢中, '김정은-푸틴 회담설' 러시아에 부총리 파견…시진핑 안간다｣(2023. 9. 7.), 『연합뉴스』.",
        );
        assert_eq!(c.kind, CitationKind::News);
        assert_eq!(
            c.title.as_deref(),
            Some("中, '김정은-푸틴 회담설' 러시아에 부총리 파견…시진핑 안간다")
        );
        assert_eq!(
            (c.date.as_deref(), c.outlet.as_deref(), c.year),
            (Some("2023-09-07"), Some("연합뉴스"), Some(2023))
        );
        assert!(p.is_empty(), "{p:?}");
        let (c, _) = one(
            "「태양절 북한 근로자 쇼핑 모습 포착…“국경 곧 열린대요”」(2023. 4. 15.),  KBS 뉴스.",
        );
        assert_eq!(
            (c.outlet.as_deref(), c.date.as_deref()),
            (Some("KBS 뉴스"), Some("2023-04-15"))
        );
        let (c, _) = one(
            "「북, 우크라 참전 러시아 군복 임가공 대량 주문받아」(2022. 11. 7.), RFA자유아시아방송.",
        );
        assert_eq!(c.outlet.as_deref(), Some("RFA"));
    }

    #[test]
    fn tolerates_missing_parenthesis_and_day_dot() {
        let (c, p) = one("｢北, 군사작전 하듯 러 거주 주민 귀환｣2023. 8. 28.), 『연합뉴스』");
        assert_eq!(
            (c.kind, c.date.as_deref()),
            (CitationKind::News, Some("2023-08-28"))
        );
        assert_eq!(c.outlet.as_deref(), Some("연합뉴스"));
        assert!(p.iter().any(|m| m.contains("opening parenthesis")));
        let (c, _) = one("｢국가비상방역사령부 통보｣(2023. 8. 27), 『로동신문』.");
        assert_eq!(
            (c.kind, c.date.as_deref()),
            (CitationKind::Official, Some("2023-08-27"))
        );
    }

    #[test]
    fn academic_with_volume_issue_pages() {
        let (c, _) = one(
            "최장호, 이정균, 민지영(2020), ｢북한의 대외관계 평가와 2020년 전망: 북중·북러를 중심으로｣, 오늘의 세계경제, Vol. 20, No. 7, p. 6.",
        );
        assert_eq!(c.kind, CitationKind::Academic);
        assert_eq!(c.authors, ["최장호", "이정균", "민지영"]);
        assert_eq!(
            (c.year, c.container.as_deref()),
            (Some(2020), Some("오늘의 세계경제"))
        );
        assert_eq!(
            (c.volume.as_deref(), c.issue.as_deref(), c.pages.as_deref()),
            (Some("20"), Some("7"), Some("6"))
        );
        let (c, _) = one(
            "김한권(2023), ｢2023 북·러 정상회담에 대한 중국의 대응 및 전망｣, 주요국제문제분석 2023-29, p. 18, 국립외교원 외교안보연구소.",
        );
        assert_eq!(
            (c.container.as_deref(), c.issue.as_deref()),
            (Some("주요국제문제분석"), Some("2023-29"))
        );
        assert_eq!(c.institution.as_deref(), Some("국립외교원 외교안보연구소"));
        let (c, _) = one(
            "두진호, 손효종(2023.9. 27), ｢러북 정상회담 분석 및 평가｣, 동북아안보정세분석(NASA).",
        );
        assert_eq!(
            (c.kind, c.date.as_deref(), c.year),
            (CitationKind::Academic, Some("2023-09-27"), Some(2023))
        );
    }

    #[test]
    fn reports_of_institutions_and_unclosed_brackets() {
        let (c, p) = one("KOTRA(2019), 『2019 북한 대외무역 동향, p. 19.");
        assert_eq!(c.kind, CitationKind::Report);
        assert_eq!(
            (c.title.as_deref(), c.pages.as_deref()),
            (Some("2019 북한 대외무역 동향"), Some("19"))
        );
        assert_eq!(c.institution.as_deref(), Some("KOTRA"));
        assert!(p.iter().any(|m| m.contains("never closed")));
        let (c, _) = one("IMF(2023), World Economic Outlook, October 2023.");
        assert_eq!(
            (c.kind, c.title.as_deref(), c.date.as_deref()),
            (
                CitationKind::Report,
                Some("World Economic Outlook"),
                Some("2023-10")
            )
        );
    }

    #[test]
    fn web_notes_and_splitting() {
        let (c, _) = one(
            "통일부, 북한정보포털, https://nkinfo.unikorea.go.kr/nkp/main (검색일: 2024. 1. 10.)",
        );
        assert_eq!(
            (c.kind, c.url.as_deref()),
            (
                CitationKind::Web,
                Some("https://nkinfo.unikorea.go.kr/nkp/main")
            )
        );
        assert_eq!(c.accessed.as_deref(), Some("2024-01-10"));
        let (c, _) =
            one("필자가 접경지역 현지조사(2023. 9.)와 면담한 내용에 근거하여 판단한 것임.");
        assert_eq!(c.kind, CitationKind::Note);
        let works = split_works(
            "푸틴 대통령은 답하며 표명함. ｢김정은 방러 마무리｣(2023. 9. 17.), 『연합뉴스』; ｢둘째(종합)｣(2023. 9. 18.), 『연합뉴스』.",
        );
        assert_eq!(works.len(), 3, "{works:?}");
    }

    #[test]
    fn government_and_statistical_releases_are_official() {
        let cases = [
            (
                "통계청, ｢2023년 12월 산업활동동향｣, 보도자료, 2024. 1. 31.",
                "통계청",
                Some("2023년 12월 산업활동동향"),
                Some("2024-01-31"),
            ),
            (
                "한국은행, ｢2023년 4/4분기 실질 국내총생산｣, 보도자료, 2024. 1. 25.",
                "한국은행",
                Some("2023년 4/4분기 실질 국내총생산"),
                Some("2024-01-25"),
            ),
            (
                "한국은행 보도자료(2024. 1. 25.)",
                "한국은행",
                None,
                Some("2024-01-25"),
            ),
            (
                "中国 国家统计局(2024年1月17日), “2023年国民经济回升向好”",
                "中国 国家统计局",
                Some("2023年国民经济回升向好"),
                Some("2024-01-17"),
            ),
            (
                "国家统计局, 统计公报, 2024年2月29日.",
                "国家统计局",
                Some("统计公报"),
                Some("2024-02-29"),
            ),
            (
                "海关总署, 进出口商品统计, 2024年1月.",
                "海关总署",
                Some("进出口商品统计"),
                Some("2024-01"),
            ),
            (
                "财政部, ｢2023年财政收支情况｣, 2024年2月1日.",
                "财政部",
                Some("2023年财政收支情况"),
                Some("2024-02-01"),
            ),
            (
                "U.S. Department of Commerce, “U.S. International Trade in Goods and Services,” February 7, 2024.",
                "U.S. Department of Commerce",
                Some("U.S. International Trade in Goods and Services"),
                Some("2024-02-07"),
            ),
            (
                "日本 財務省, 貿易統計, 2024年1月.",
                "日本 財務省",
                Some("貿易統計"),
                Some("2024-01"),
            ),
        ];
        for (raw, institution, title, date) in cases {
            let (c, _) = one(raw);
            assert_eq!(c.kind, CitationKind::Official, "{raw}");
            assert_eq!(c.institution.as_deref(), Some(institution), "{raw}");
            assert_eq!(c.title.as_deref(), title, "{raw}");
            assert_eq!(c.date.as_deref(), date, "{raw}");
            assert!(c.authors.is_empty(), "{raw}");
        }
    }

    #[test]
    fn sources_named_without_brackets() {
        let (c, _) = one("한국무역협회, 무역통계(검색일: 2024. 1. 10.).");
        assert_eq!(
            (c.kind, c.institution.as_deref()),
            (CitationKind::Report, Some("한국무역협회"))
        );
        assert_eq!(c.title.as_deref(), Some("무역통계"));
        assert_eq!(c.accessed.as_deref(), Some("2024-01-10"));
        let (c, _) = one("中國海關總署.");
        assert_eq!(
            (c.kind, c.institution.as_deref()),
            (CitationKind::Official, Some("中國海關總署"))
        );
    }

    #[test]
    fn an_institution_before_a_bracketed_title() {
        let (c, _) = one(
            "한국개발연구원, ｢반도체 산업의 공급망 위험과 정책 과제｣, KDI 정책포럼 제301호, 2023.",
        );
        assert_eq!(c.kind, CitationKind::Report);
        assert_eq!(c.institution.as_deref(), Some("한국개발연구원"));
        assert_eq!(
            c.title.as_deref(),
            Some("반도체 산업의 공급망 위험과 정책 과제")
        );
        assert_eq!((c.year, c.issue.as_deref()), (Some(2023), Some("301")));
    }

    #[test]
    fn outlets_and_dates_in_english_chinese_and_japanese() {
        let (c, _) = one(
            "Reuters, “U.S. finalizes chip subsidy rules; Korea seeks clarity,” January 24, 2024.",
        );
        assert_eq!(c.kind, CitationKind::News);
        assert_eq!(c.outlet.as_deref(), Some("Reuters"));
        assert_eq!(
            c.title.as_deref(),
            Some("U.S. finalizes chip subsidy rules; Korea seeks clarity")
        );
        assert_eq!(c.date.as_deref(), Some("2024-01-24"));
        let (c, _) = one("“U.S. finalizes chip subsidy rules,” Reuters, 24 Jan 2024.");
        assert_eq!(
            (c.outlet.as_deref(), c.date.as_deref()),
            (Some("Reuters"), Some("2024-01-24"))
        );
        let (c, _) = one("Bloomberg(2024. 2. 2.), “Chip War Escalates as Subsidies Grow.”");
        assert_eq!(c.kind, CitationKind::News);
        assert_eq!(
            (c.outlet.as_deref(), c.date.as_deref()),
            (Some("Bloomberg"), Some("2024-02-02"))
        );
        assert_eq!(
            c.title.as_deref(),
            Some("Chip War Escalates as Subsidies Grow")
        );
        assert!(c.authors.is_empty());
        let (c, _) = one("新华社(2023年10月24日), “中朝友好合作关系”");
        assert_eq!(
            (c.kind, c.outlet.as_deref(), c.date.as_deref()),
            (CitationKind::News, Some("新华社"), Some("2023-10-24"))
        );
        let (c, _) = one("｢北 대중 교역 회복세｣(2024年1月24日), 『聯合ニュース』.");
        assert_eq!(
            (c.date.as_deref(), c.outlet.as_deref()),
            (Some("2024-01-24"), Some("聯合ニュース"))
        );
        assert_eq!(any_date("Jan. 24, 2024").as_deref(), Some("2024-01-24"));
        assert_eq!(any_date("2024년 1월 24일").as_deref(), Some("2024-01-24"));
        assert_eq!(any_date("January 2024").as_deref(), Some("2024-01"));
    }

    #[test]
    fn semicolons_inside_titles_and_brackets_around_journals() {
        let works = split_works(
            "Reuters, \"Rules set; Korea waits,\" January 24, 2024; ｢제목｣(2024. 1. 2.), 『연합뉴스』.",
        );
        assert_eq!(works.len(), 2, "{works:?}");
        let works = split_works("“Talks stall; both sides blame,” AP, March 1, 2024.");
        assert_eq!(works.len(), 1, "{works:?}");
        let (c, _) = one(
            "김철수·이영희(2022), ｢글로벌 반도체 공급망 재편과 시사점｣, 『국제경제연구』, 제28권 제2호, pp. 45-67.",
        );
        assert_eq!(c.container.as_deref(), Some("국제경제연구"));
        assert_eq!(
            (c.volume.as_deref(), c.issue.as_deref(), c.pages.as_deref()),
            (Some("28"), Some("2"), Some("45-67"))
        );
    }

    #[test]
    fn back_references_with_authors_resolve_to_that_author() {
        let mut all: Vec<(u32, Vec<Citation>)> = [
            "김철수(2022), ｢공급망 재편｣, 『국제경제연구』, 제28권 제2호.",
            "이영희(2021), ｢수출 통제｣, 『통상법연구』, 제5권.",
            "｢기사｣(2024. 2. 2.), 『연합뉴스』.",
            "김철수, 앞의 글, p. 50.",
            "김철수(2022), 앞의 책.",
            "같은 글.",
            "Ibid., p. 3.",
            "이영희, op. cit., p. 7.",
        ]
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            let n = u32::try_from(i + 1).unwrap_or(0);
            (n, parse_footnote(n, raw).0)
        })
        .collect();
        let unresolved = resolve_back_references(&mut all);
        assert!(unresolved.is_empty(), "{unresolved:?}");
        let resolved: Vec<Option<&str>> = all[3..]
            .iter()
            .map(|(_, c)| c[0].resolved.as_deref())
            .collect();
        assert_eq!(
            resolved,
            [
                Some("F1.1"),
                Some("F1.1"),
                Some("F1.1"),
                Some("F1.1"),
                Some("F2.1")
            ]
        );
        assert!(
            all[3..]
                .iter()
                .all(|(_, c)| c[0].kind == CitationKind::BackReference)
        );
    }

    #[test]
    fn back_references_resolve() {
        let (a, _) = parse_footnote(11, "｢코로나로 끊긴 북중 국경｣(2023. 5. 29.), 『연합뉴스』.");
        let (b, _) = parse_footnote(12, "앞의 연합뉴스(2023. 5. 29.).");
        let (c, _) = parse_footnote(
            2,
            "김한권(2023), ｢중국의 대응｣, 주요국제문제분석 2023-29, p. 18.",
        );
        let (d, _) = parse_footnote(13, "김한권(2023), p. 18.");
        let (e, _) = parse_footnote(14, "위의 글, p. 3.");
        let (f, _) = parse_footnote(15, "앞의 조선일보(2020. 1. 1.).");
        assert_eq!(b[0].kind, CitationKind::BackReference);
        assert_eq!(d[0].kind, CitationKind::BackReference);
        let mut all = vec![(2, c), (11, a), (12, b), (13, d), (14, e), (15, f)];
        let unresolved = resolve_back_references(&mut all);
        assert_eq!(
            (all[2].1[0].refers_to, all[2].1[0].resolved.as_deref()),
            (Some(11), Some("F11.1"))
        );
        assert_eq!(all[3].1[0].resolved.as_deref(), Some("F2.1"));
        // `위의 글` repeats the work the footnote above stands for
        assert_eq!(all[4].1[0].resolved.as_deref(), Some("F2.1"));
        assert_eq!(unresolved, [(15, "F15.1".to_string())]);
    }
}
