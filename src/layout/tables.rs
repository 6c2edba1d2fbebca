//! Tables and figures: their printed lines → caption, unit, rows, notes and
//! sources.
//!
//! In: the lines of one table or figure in reading order (either front end
//! tells which lines they are). Out: a [`Block`]. The conventions are those
//! of Korean reports: a caption `<표 1>`, `[표 2]`, `표 3.`, `[그림 1]`,
//! `<그림 2>` (or a title wholly in brackets), a unit line `(단위: %)`, the
//! cells, and under them the block's own notes (`주: 1) …`, `※ …`) and
//! sources (`자료: …`, `출처: …`). A note or source runs on over the lines
//! that continue it.

use std::sync::LazyLock;

use regex::Regex;

use crate::hangul;

use super::Line;

/// What kind of exhibit a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Table,
    Figure,
}

/// One table or figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: Kind,
    pub caption: Option<String>,
    /// `(단위: 억 달러)` → `억 달러`.
    pub unit: Option<String>,
    pub rows: Vec<String>,
    /// Its own notes, `주:` taken off (their `1) 2)` numbering kept).
    pub notes: Vec<String>,
    /// Where its figures come from, `자료:`/`출처:` taken off.
    pub sources: Vec<String>,
    /// Every line of the block, in order.
    pub lines: Vec<Line>,
}

impl Block {
    pub fn page(&self) -> u32 {
        self.lines.first().map_or(1, |l| l.page)
    }
}

static TABLE_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[<\[〈【《〔［]\s*(?:표|Table|참고)\s*[\d\-–.]+\s*[>\]〉】》〕］]|표\s*\d+[\-–.\d]*[.:]?\s|(?i:table)\s+\d+[.:])")
        .expect("regex")
});
static FIGURE_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[<\[〈【《〔［]\s*(?:그림|Figure|도표)\s*[\d\-–.]+\s*[>\]〉】》〕］]|그림\s*\d+[\-–.\d]*[.:]?\s|(?i:figure)\s+\d+[.:])")
        .expect("regex")
});
static UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[(（]\s*단위\s*[:：]\s*([^)）]*)[)）]").expect("regex"));
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:주\s*[:：]|※\s*(?:주\s*[:：])?|(?i:notes?\s*:))\s*").expect("regex")
});
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*※?\s*(?:자료|출처)\s*[:：]\s*|^\s*(?i:sources?\s*:)\s*").expect("regex")
});
static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-+△▲▽]?\(?\d[\d,]*(?:\.\d+)?\)?%?$").expect("regex"));

/// The kind a caption line announces.
/// A label the prose refers to (`<표 1>은`, `[그림 1]에서 보듯이`) opens a
/// sentence, not a caption.
pub fn caption_kind(text: &str) -> Option<Kind> {
    let (kind, label) = if let Some(m) = TABLE_CAPTION.find(text) {
        (Kind::Table, m)
    } else {
        (Kind::Figure, FIGURE_CAPTION.find(text)?)
    };
    let next_word = text[label.end()..].split_whitespace().next().unwrap_or("");
    let referred = text[..label.end()]
        .trim_end()
        .ends_with(['>', ']', '〉', '】', '》', '〕', '］'])
        && PARTICLES.contains(&next_word.trim_end_matches([',', '.']));
    (!referred).then_some(kind)
}

/// Particles and endings that attach to a label the text refers to.
const PARTICLES: [&str; 17] = [
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "과",
    "와",
    "에",
    "에서",
    "에서는",
    "에서도",
    "의",
    "로",
    "으로",
    "도",
    "만",
];

/// A short title wholly in brackets: `[ 개정안 조문대비표 ]`, `< 주요 지표 >`.
pub fn is_bracketed_title(text: &str) -> bool {
    let t = text.trim();
    let pairs = [
        ('[', ']'),
        ('<', '>'),
        ('〈', '〉'),
        ('【', '】'),
        ('《', '》'),
    ];
    t.chars().count() <= 60
        && pairs
            .iter()
            .any(|&(open, close)| t.starts_with(open) && t.ends_with(close))
}

pub fn is_unit(text: &str) -> bool {
    UNIT.is_match(text)
}

/// A block's own note or source line (`주:`, `※`, `자료:`, `출처:`).
pub fn is_note_or_source(text: &str) -> bool {
    NOTE.is_match(text) || SOURCE.is_match(text)
}

/// A block's source line (`자료:`, `출처:`).
pub fn is_source(text: &str) -> bool {
    SOURCE.is_match(text)
}

/// A row of figures: two numbers or more, and numbers at least two in five
/// of its cells.
pub fn is_tabular(text: &str) -> bool {
    // a number holds a digit: the regex runs on the cells that have one
    let has_digit = |cell: &str| cell.chars().any(is_digit);
    if !has_digit(text) {
        return false;
    }
    let (mut cells, mut numbers) = (0, 0);
    for cell in text.split_whitespace() {
        cells += 1;
        numbers += usize::from(has_digit(cell) && NUMBER.is_match(cell));
    }
    numbers >= 2 && numbers * 5 >= cells * 2
}

/// A character `\d` may match: Hangul syllables, the bulk of the text,
/// are answered without the Unicode tables.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && !hangul::is_syllable(c) && c.is_numeric())
}

/// Sorts a block's lines into caption, unit, rows, notes and sources.
pub fn build(kind: Kind, lines: Vec<Line>) -> Block {
    let mut block = Block {
        kind,
        caption: None,
        unit: None,
        rows: Vec::new(),
        notes: Vec::new(),
        sources: Vec::new(),
        lines: Vec::new(),
    };
    // which list a line that continues the one before goes to
    let mut open: Option<Part> = None;
    for line in &lines {
        let text = line.text.trim();
        if block.caption.is_none()
            && block.rows.is_empty()
            && (caption_kind(text).is_some() || is_bracketed_title(text))
        {
            let (caption, unit) = split_unit(text);
            block.caption = Some(caption);
            block.unit = block.unit.take().or(unit);
            open = None;
        } else if let Some(caps) = UNIT.captures(text) {
            block.unit = Some(caps[1].trim().to_string());
        } else if let Some(m) = SOURCE.find(text) {
            block.sources.push(text[m.end()..].trim().to_string());
            // a note printed above the cells runs on over nothing
            open = (!block.rows.is_empty()).then_some(Part::Source);
        } else if let Some(m) = NOTE.find(text) {
            block.notes.push(text[m.end()..].trim().to_string());
            open = (!block.rows.is_empty()).then_some(Part::Note);
        } else if let Some(part) = open.filter(|_| !text.is_empty() && !is_tabular(text)) {
            let list = match part {
                Part::Note => &mut block.notes,
                Part::Source => &mut block.sources,
            };
            if let Some(last) = list.last_mut() {
                last.push(' ');
                last.push_str(text);
            }
        } else if !text.is_empty() {
            block.rows.push(crate::reflow::collapse_spaces(text));
        }
    }
    block.lines = lines;
    block
}

#[derive(Debug, Clone, Copy)]
enum Part {
    Note,
    Source,
}

/// A caption with its unit on the same line: `<표 1> 교역 (단위: %)`.
fn split_unit(caption: &str) -> (String, Option<String>) {
    match caption.find(['(', '（']) {
        Some(at) if UNIT.is_match(&caption[at..]) => {
            let unit = UNIT
                .captures(&caption[at..])
                .map(|c| c[1].trim().to_string());
            (caption[..at].trim().to_string(), unit)
        }
        _ => (crate::reflow::collapse_spaces(caption), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                number: i + 1,
                text: t.to_string(),
                page: 3,
                ..Line::default()
            })
            .collect()
    }

    #[test]
    fn caption_unit_rows_notes_and_sources() {
        let block = build(
            Kind::Table,
            lines(&[
                "<표 1> 북한의 대중 교역 추이",
                "(단위: 백만 달러, %)",
                "구분 2021 2022 2023",
                "증가율1) -76.3 212.3 64.0",
                "주: 1) 전년 대비 증가율. 2) 추정치를",
                "바탕으로 계산함.",
                "자료: 한국무역협회, 무역통계(검색일: 2024. 1. 10.).",
            ]),
        );
        assert_eq!(
            block.caption.as_deref(),
            Some("<표 1> 북한의 대중 교역 추이")
        );
        assert_eq!(block.unit.as_deref(), Some("백만 달러, %"));
        assert_eq!(
            block.rows,
            ["구분 2021 2022 2023", "증가율1) -76.3 212.3 64.0"]
        );
        assert_eq!(
            block.notes,
            ["1) 전년 대비 증가율. 2) 추정치를 바탕으로 계산함."]
        );
        assert_eq!(
            block.sources,
            ["한국무역협회, 무역통계(검색일: 2024. 1. 10.)."]
        );
        assert_eq!(block.page(), 3);
    }

    #[test]
    fn caption_forms() {
        for (text, kind) in [
            ("<표 1> 무역 동향", Some(Kind::Table)),
            ("[표 2] 교역액", Some(Kind::Table)),
            ("표 3. 수출", Some(Kind::Table)),
            ("[그림 1] 추이", Some(Kind::Figure)),
            ("<그림 2> 비중", Some(Kind::Figure)),
            ("그림 3. 지도", Some(Kind::Figure)),
            ("표준 문서에 따르면", None),
            ("그림자 금융", None),
            ("<표 1>은 시나리오별 전망을 보여준다.", None),
            ("[그림 1]에서 보듯이 고용률은", None),
            ("<표 2>와 같이 늘었다", None),
            ("<표 1>이차전지 생산", Some(Kind::Table)),
            // tortoise-shell and full-width brackets
            ("〔그림 4〕 연도별 지출 추이", Some(Kind::Figure)),
            ("［표 5］ 부문별 고용", Some(Kind::Table)),
            ("〔그림 4〕에서 보듯이 지출은", None),
        ] {
            assert_eq!(caption_kind(text), kind, "{text}");
        }
        assert!(is_tabular("수출 57 178 292"));
        assert!(is_tabular("증가율1) -76.3 212.3 64.0"));
        assert!(!is_tabular("2023년 8월 10일 발표함"));
        assert_eq!(
            split_unit("<표 2> 교역 (단위: %)"),
            ("<표 2> 교역".to_string(), Some("%".to_string()))
        );
    }
}
