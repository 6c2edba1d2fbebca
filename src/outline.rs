//! Outline: paragraphs → sections and a tree of claims.
//!
//! In: [`Paragraph`]s. Out: an [`Outline`]: the summary block (everything
//! before the first numbered heading) and the numbered sections, and one
//! [`ClaimDraft`] per bullet item or unmarked paragraph with its bullet,
//! depth, parent and topic tag. Claim text still carries its footnote markers;
//! the markers stage takes them out.

use std::sync::LazyLock;

use regex::Regex;

use crate::reflow::{Anchor, LineBox, Paragraph, Start, visible_chars};

/// A section before ids are assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDraft {
    pub number: Option<u32>,
    pub title: Option<String>,
    pub summary: bool,
}

/// A claim before markers are taken out.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimDraft {
    /// Index into [`Outline::sections`].
    pub section: usize,
    /// Index of the enclosing claim.
    pub parent: Option<usize>,
    pub marker: Option<char>,
    pub depth: u32,
    pub topic: Option<String>,
    pub text: String,
    pub page: u32,
    pub lines: [usize; 2],
    /// Markers the layout placed, anchored in `text`.
    pub anchors: Vec<Anchor>,
    pub boxes: Vec<LineBox>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    pub sections: Vec<SectionDraft>,
    pub claims: Vec<ClaimDraft>,
}

static TOPIC: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[([^\[\]]{1,40})\]\s*").expect("regex"));

/// Builds sections and the claim tree.
pub fn build(paragraphs: &[Paragraph]) -> Outline {
    let mut builder = Builder::default();
    for paragraph in paragraphs {
        builder.paragraph(paragraph);
    }
    builder.outline
}

#[derive(Default)]
struct Builder {
    outline: Outline,
    /// (claim index, bullet rank) of the open bullets, outermost first.
    open: Vec<(usize, u8)>,
    /// The last section number seen at each level (`Ⅱ.`, then `2.`).
    numbering: [u32; 2],
}

impl Builder {
    fn paragraph(&mut self, paragraph: &Paragraph) {
        if let Start::Heading {
            number,
            level,
            certain,
        } = paragraph.start
        {
            if self.accepts(number, level, certain) {
                self.section(number, paragraph);
                return;
            }
            // out of sequence: a wrapped line that began with `N. `
            if let Some(number) = number
                && self.continue_last_claim(number, paragraph)
            {
                return;
            }
        }
        if self.outline.sections.is_empty() {
            let title = is_block_title(paragraph).then(|| paragraph.text.clone());
            let titled = title.is_some();
            self.outline.sections.push(SectionDraft {
                number: None,
                title,
                summary: true,
            });
            if titled {
                return;
            }
        }
        self.claim(paragraph);
    }

    /// A heading opens a section when the layout saw it set as one, or when
    /// its number follows the numbering of its level.
    fn accepts(&mut self, number: Option<u32>, level: u8, certain: bool) -> bool {
        let Some(n) = number else {
            return certain;
        };
        let level = usize::from(level.min(1));
        let last = self.numbering[level];
        if !(certain || n == last + 1 || (last == 0 && n <= 3)) {
            return false;
        }
        self.numbering[level] = n;
        if level == 0 {
            self.numbering[1] = 0;
        }
        true
    }

    fn section(&mut self, number: Option<u32>, paragraph: &Paragraph) {
        // an unnumbered heading before any section names the summary block
        let summary = number.is_none() && self.outline.sections.is_empty();
        self.outline.sections.push(SectionDraft {
            number,
            title: Some(paragraph.text.clone()),
            summary,
        });
        self.open.clear();
    }

    fn continue_last_claim(&mut self, number: u32, paragraph: &Paragraph) -> bool {
        let Some(claim) = self.outline.claims.last_mut() else {
            return false;
        };
        let prefix = format!("{number}. ");
        let before = visible_chars(&claim.text) + visible_chars(&prefix);
        claim.text.push(' ');
        claim.text.push_str(&prefix);
        claim.text.push_str(&paragraph.text);
        claim.lines[1] = paragraph.last_line;
        claim
            .anchors
            .extend(paragraph.anchors.iter().map(|a| Anchor {
                visible: a.visible + before,
                ..a.clone()
            }));
        claim.boxes.extend(paragraph.boxes.iter().copied());
        true
    }

    fn claim(&mut self, paragraph: &Paragraph) {
        let (marker, rank) = match paragraph.start {
            Start::Bullet { symbol, rank } => (Some(symbol), rank),
            _ => (None, 0),
        };
        while self.open.last().is_some_and(|&(_, r)| r >= rank) {
            self.open.pop();
        }
        let parent = self.open.last().map(|&(index, _)| index);
        let (topic, text) = split_topic(&paragraph.text);
        let removed = visible_chars(&paragraph.text) - visible_chars(&text);
        self.outline.claims.push(ClaimDraft {
            section: self.outline.sections.len() - 1,
            parent,
            marker,
            depth: self.open.len() as u32,
            topic,
            text,
            page: paragraph.page,
            lines: [paragraph.first_line, paragraph.last_line],
            anchors: paragraph
                .anchors
                .iter()
                .map(|a| Anchor {
                    visible: a.visible.saturating_sub(removed),
                    ..a.clone()
                })
                .collect(),
            boxes: paragraph.boxes.clone(),
        });
        if marker.is_some() {
            self.open.push((self.outline.claims.len() - 1, rank));
        }
    }
}

/// The short unmarked line that names the summary block (`주요 내용`).
fn is_block_title(paragraph: &Paragraph) -> bool {
    paragraph.start == Start::Plain
        && paragraph.text.chars().count() <= 20
        && !crate::layout::ends_sentence(&paragraph.text)
}

/// `[국경개방] 2023년 …` → (`국경개방`, `2023년 …`).
pub fn split_topic(text: &str) -> (Option<String>, String) {
    match TOPIC.captures(text) {
        Some(caps) => (
            Some(caps[1].trim().to_string()),
            text[caps[0].len()..].to_string(),
        ),
        None => (None, text.to_string()),
    }
}

/// The `△` enumerations of a claim: each item runs to the next `△`; the last
/// one ends where the enumeration is closed (`… 등`, a comma, the sentence end).
pub fn items_of(text: &str) -> Vec<String> {
    let mut parts = text.split('△');
    parts.next();
    let parts: Vec<&str> = parts.collect();
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .filter_map(|(i, part)| {
            let item = if i + 1 == count {
                close_last_item(part)
            } else {
                part
            };
            let item = item
                .trim()
                .trim_end_matches([',', '，', ';', ' '])
                .trim_end_matches(" 및")
                .trim_end_matches(" 또는")
                .trim();
            (!item.is_empty()).then(|| item.to_string())
        })
        .collect()
}

fn close_last_item(part: &str) -> &str {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s등(?:[을의이은에과와으]|\s|$)|,|\.|\s(?:등으로|등이)").expect("regex")
    });
    match END.find(part) {
        Some(m) => &part[..m.start()],
        None => part,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(start: Start, text: &str, line: usize) -> Paragraph {
        Paragraph {
            start,
            text: text.into(),
            page: 1,
            first_line: line,
            last_line: line,
            anchors: Vec::new(),
            boxes: Vec::new(),
        }
    }

    #[test]
    fn builds_summary_sections_and_nesting() {
        let bullet = |symbol, rank| Start::Bullet { symbol, rank };
        let heading = |n| Start::Heading {
            number: Some(n),
            level: 1,
            certain: false,
        };
        let paragraphs = vec![
            para(Start::Plain, "요약", 1),
            para(bullet('▶', 0), "요약 주장.", 2),
            para(bullet('-', 1), "하위 주장.", 3),
            para(heading(1), "서론", 4),
            para(bullet('■', 0), "[쟁점] 본문 주장.", 5),
            para(bullet('-', 1), "둘째 단계.", 6),
            para(bullet('◦', 2), "셋째 단계.", 7),
            para(bullet('-', 1), "다시 둘째.", 8),
            para(heading(7), "잘못 나뉜 줄", 9),
        ];
        let outline = build(&paragraphs);
        assert_eq!(outline.sections.len(), 2);
        assert!(outline.sections[0].summary);
        assert_eq!(outline.sections[0].title.as_deref(), Some("요약"));
        let c = &outline.claims;
        assert_eq!(c.len(), 6);
        assert_eq!((c[1].parent, c[1].depth), (Some(0), 1));
        assert_eq!(c[2].topic.as_deref(), Some("쟁점"));
        assert_eq!(c[2].text, "본문 주장.");
        assert_eq!((c[4].parent, c[4].depth), (Some(3), 2));
        assert_eq!((c[5].parent, c[5].depth), (Some(2), 1));
        assert!(c[5].text.ends_with("7. 잘못 나뉜 줄"), "{}", c[5].text);
    }

    #[test]
    fn items_stop_at_the_end_of_the_enumeration() {
        let text = "2023년에는 △ 국경통제 완화, △ 외국인 관광 재개, △ 접경지역 인프라 건설 등을 추진하며 정상화";
        assert_eq!(
            items_of(text),
            ["국경통제 완화", "외국인 관광 재개", "접경지역 인프라 건설"]
        );
        assert_eq!(
            items_of("△ 여객용 열차 재개, △ 인력 이동 통제가 완화되어야 함."),
            ["여객용 열차 재개", "인력 이동 통제가 완화되어야 함"]
        );
        assert!(items_of("항목 없음").is_empty());
    }
}
