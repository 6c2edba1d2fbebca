//! How each printed line opens a paragraph: a bullet, a numbered or set
//! heading, a paragraph start the layout saw, or none (it continues the
//! paragraph before).

use std::sync::LazyLock;

use regex::Regex;

use super::Start;
use crate::layout::{self, Line, Role};

/// `2 제목`: a number and a title starting with a letter.
static BARE_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(\d{1,2})\s+(\p{L}.*)$").expect("regex"));
/// The label a sub-heading prints before its title.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[가-하]\.|\(\d{1,2}\)|\d{1,2}[.)]|[Ⅰ-Ⅻ]\.|[①-⑳])\s*\S").expect("regex")
});

/// How each line opens a paragraph, or `None` where it continues the one
/// before. Running text after a heading opens a paragraph of its own.
pub(super) fn openings(lines: &[Line]) -> Vec<Option<(Start, &str)>> {
    let mut out: Vec<Option<(Start, &str)>> = Vec::with_capacity(lines.len());
    let mut in_heading = false;
    let mut previous: Option<&Line> = None;
    for line in lines {
        let opens = opening_of(line, previous).or_else(|| {
            ((in_heading && line.role != Role::Heading) || line.opens_paragraph)
                .then(|| (Start::Plain, line.text.trim_start()))
        });
        if let Some((start, _)) = &opens {
            in_heading = matches!(start, Start::Heading { .. });
        }
        out.push(opens);
        previous = Some(line);
    }
    out
}

/// Whether `line` opens a new paragraph, and how. A dash bullet must follow a
/// finished sentence: a wrapped line may begin with `- ` (`中 단둥\n- 北 신의주`).
fn opening_of<'a>(line: &'a Line, previous: Option<&Line>) -> Option<(Start, &'a str)> {
    if line.role == Role::Heading {
        return heading_opening(line, previous);
    }
    let after_sentence = previous.is_none_or(|p| ends_item(p) || is_short_title(&p.text));
    if after_sentence && let Some((start, title)) = numbered_heading(&line.text, false) {
        return Some((start, title));
    }
    let (symbol, rank, rest) = layout::bullet_of(&line.text)?;
    if matches!(symbol, '-' | '–' | '·') && !after_sentence {
        return None;
    }
    Some((Start::Bullet { symbol, rank }, rest))
}

/// Whether a line ends a sentence or an item: its text does, or a marker
/// the layout placed stands at its end (`…추정¹¹⁾`), or it ends in the
/// nominal ending `-(으)ㅁ` report items close with and no period (`…있음`,
/// `…함`, `…다룸`).
fn ends_item(line: &Line) -> bool {
    layout::ends_sentence(&line.text)
        || line
            .text
            .trim_end()
            .chars()
            .next_back()
            .is_some_and(ends_in_mieum)
        || line
            .markers
            .iter()
            .any(|m| m.at >= line.text.trim_end().len())
}

/// A Hangul syllable closed by ㅁ, the nominal ending's consonant.
fn ends_in_mieum(c: char) -> bool {
    const MIEUM: u32 = 16;
    crate::hangul::is_syllable(c) && (c as u32 - 0xAC00) % 28 == MIEUM
}

/// A line the layout saw set as a heading: a section of its own, unless it
/// continues the heading line before it (a title wrapped over two lines).
fn heading_opening<'a>(line: &'a Line, previous: Option<&Line>) -> Option<(Start, &'a str)> {
    if let Some(opening) = numbered_heading(&line.text, true) {
        return Some(opening);
    }
    // a title wrapped over two lines, unless the line prints a label of its
    // own (`가.`, `(1)`): a sub-heading right under its heading
    if previous.is_some_and(|p| p.role == Role::Heading && p.page == line.page)
        && !opens_with_label(&line.text)
    {
        return None;
    }
    let start = Start::Heading {
        number: None,
        level: 0,
        certain: true,
    };
    Some((start, line.text.trim()))
}

/// `Ⅱ. 제목` (level 0) or `2. 제목` (level 1); `2 제목`, the number
/// printed without its dot (set in a box beside the title), as `2.`.
fn numbered_heading(text: &str, certain: bool) -> Option<(Start, &str)> {
    let (number, level, title) = match layout::roman_heading_of(text) {
        Some((n, title)) => (n, 0, title),
        None => {
            let (n, title) = layout::heading_of(text).or_else(|| bare_heading(text, certain))?;
            (n, 1, title)
        }
    };
    let start = Start::Heading {
        number: Some(number),
        level,
        certain,
    };
    Some((start, title))
}

/// `2 제목`: a section number without its dot. Where the layout did not see
/// the line set as a heading, only a short title reads so (the outline
/// still wants its number to follow the numbering).
fn bare_heading(text: &str, certain: bool) -> Option<(u32, &str)> {
    let caps = BARE_HEADING.captures(text.trim_end())?;
    let title = caps.get(2)?.as_str().trim();
    let longest = if certain { 50 } else { 30 };
    let sentence_like = title.ends_with(['.', '。', ',', ')', '%']) || layout::ends_sentence(title);
    if sentence_like || title.chars().count() > longest {
        return None;
    }
    Some((caps[1].parse().ok()?, title))
}

/// A heading line that prints a label of its own: `가.`, `(1)`, `1)`, `2.`,
/// `Ⅱ.`, a circled number.
fn opens_with_label(text: &str) -> bool {
    LABEL.is_match(text)
}

/// A short line without sentence punctuation, such as a heading or `주요 내용`.
fn is_short_title(text: &str) -> bool {
    let t = text.trim();
    layout::heading_of(t).is_some() || (t.chars().count() <= 20 && !t.ends_with([',', '，']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, role: Role) -> Line {
        Line {
            text: text.to_string(),
            role,
            page: 1,
            ..Line::default()
        }
    }

    fn starts(lines: &[Line]) -> Vec<Option<Start>> {
        openings(lines)
            .into_iter()
            .map(|o| o.map(|(start, _)| start))
            .collect()
    }

    fn heading(number: Option<u32>, certain: bool) -> Option<Start> {
        Some(Start::Heading {
            number,
            level: 1,
            certain,
        })
    }

    #[test]
    fn a_number_without_its_dot_heads_a_section() {
        // set as a heading by the layout: any title
        assert_eq!(
            numbered_heading("2 산재보험 적용 제도의 변천과 현황", true),
            Some((
                heading(Some(2), true).unwrap(),
                "산재보험 적용 제도의 변천과 현황"
            ))
        );
        // in text: a short title after a finished sentence
        let lines = [
            line("검토하고자 한다.", Role::Body),
            line("1 들어가며", Role::Body),
            line("디지털 플랫폼을 매개로 일감을 얻는 이른바 플", Role::Body),
        ];
        let found = starts(&lines);
        assert_eq!(found[1], heading(Some(1), false));
        assert_eq!(found[2], Some(Start::Plain));
    }

    #[test]
    fn numbers_opening_prose_are_no_headings() {
        for text in [
            "3 개국이 참여한 협정은 2023년 발효되었으며, 이후 추가 가입이 논의되고 있다.",
            "2 배 이상 늘었다.",
            "10 (2021~2025)",
            "12 18.5%",
        ] {
            assert!(bare_heading(text, false).is_none(), "{text}");
        }
        // mid-paragraph, after an unfinished line, nothing opens
        let lines = [
            line("이 부문이 위축되면 철강·화학 등 중간재와", Role::Body),
            line("2 들어가며", Role::Body),
        ];
        assert_eq!(starts(&lines)[1], None);
    }

    #[test]
    fn a_labelled_sub_heading_under_a_heading_is_a_heading_of_its_own() {
        let lines = [
            line("3. 정책 전환의 배경과 금융시장 영향", Role::Heading),
            line("가. 물가와 임금의 선순환 조짐", Role::Heading),
            line("(1) 미국: 보조금과 공동연구 거점의 결합", Role::Heading),
            line("공동연구 거점의 결합", Role::Heading),
        ];
        let found = starts(&lines);
        assert_eq!(found[0], heading(Some(3), true));
        assert!(matches!(
            found[1],
            Some(Start::Heading { number: None, .. })
        ));
        assert!(matches!(
            found[2],
            Some(Start::Heading { number: None, .. })
        ));
        // a title wrapped over two lines stays one heading
        assert_eq!(found[3], None);
    }

    #[test]
    fn nominal_endings_finish_an_item_before_a_dash_or_a_heading() {
        let lines = [
            line("○ 주요국은 보조금 정책을 잇달아 내놓았음", Role::Body),
            line("- 미국의 CHIPS 법은 반도체를 전략 물자로 다룸", Role::Body),
            line("2. 주요국의 공급망 재편 정책", Role::Body),
        ];
        let found = starts(&lines);
        assert_eq!(
            found[1],
            Some(Start::Bullet {
                symbol: '-',
                rank: 1
            })
        );
        assert_eq!(found[2], heading(Some(2), false));
        // a dash after an unfinished line is a wrapped line's start
        let lines = [
            line(
                "○ 주요 교역 거점은 랴오닝성의 접경 도시인 中 단둥",
                Role::Body,
            ),
            line("- 北 신의주를 잇는 축", Role::Body),
        ];
        assert_eq!(starts(&lines)[1], None);
    }
}
