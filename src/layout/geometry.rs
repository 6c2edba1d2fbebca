//! Rectangles in page space (points, origin top left, y down) and the few
//! measures the PDF layout needs of them.

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    pub fn center_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    pub fn center_y(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }

    pub fn is_finite(&self) -> bool {
        self.x0.is_finite() && self.y0.is_finite() && self.x1.is_finite() && self.y1.is_finite()
    }

    /// The smallest box holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// Length of the overlap of the two boxes' vertical extents (0 when apart).
    /// Whether `other` lies within this box (a point of slack each side).
    pub fn contains(&self, other: &Rect) -> bool {
        other.x0 >= self.x0 - 1.0
            && other.x1 <= self.x1 + 1.0
            && other.y0 >= self.y0 - 1.0
            && other.y1 <= self.y1 + 1.0
    }

    pub fn vertical_overlap(&self, other: &Rect) -> f32 {
        (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0)
    }

    /// Length of the overlap of the two boxes' horizontal extents.
    pub fn horizontal_overlap(&self, other: &Rect) -> f32 {
        (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0)
    }

    /// The box rounded to 0.1 pt, as written in the output.
    pub fn rounded(&self) -> [f64; 4] {
        let r = |v: f32| (f64::from(v) * 10.0).round() / 10.0;
        [r(self.x0), r(self.y0), r(self.x1), r(self.y1)]
    }
}

/// The union of boxes, or `None` for none.
pub fn union_all<'a>(boxes: impl IntoIterator<Item = &'a Rect>) -> Option<Rect> {
    boxes.into_iter().fold(None, |acc, r| {
        Some(match acc {
            Some(a) => a.union(r),
            None => *r,
        })
    })
}

/// More rules than this on a page are a drawing.
const MAX_RULES: usize = 2_000;

/// What a page's rules draw, worked out once per page: rules that touch
/// one another, grouped, with at least two horizontal ones. (A page of
/// thousands of strokes is a drawing, not a table: it is not grouped.)
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ruling {
    /// Boxes enclosed by ruled tables: a rule divides the box.
    pub tables: Vec<Rect>,
    /// Boxes of four edges alone, with no rule inside. What they hold is
    /// prose (a summary box, a contract form), read as text, and never the
    /// page's footnotes, which stand outside every frame.
    pub frames: Vec<Rect>,
}

pub fn ruling(rules: &[Rect]) -> Ruling {
    let mut out = Ruling::default();
    for group in ruled_groups(rules) {
        if group.divided {
            out.tables.push(group.bounds);
        } else {
            out.frames.push(group.bounds);
        }
    }
    out
}

/// Rules that touch one another, as one box.
struct RuledGroup {
    bounds: Rect,
    /// Whether a rule divides the box (a table) rather than only edging it.
    divided: bool,
}

fn ruled_groups(rules: &[Rect]) -> Vec<RuledGroup> {
    if rules.len() > MAX_RULES {
        return Vec::new();
    }
    let touches = |a: &Rect, b: &Rect| {
        a.x0 <= b.x1 + 2.0 && a.x1 >= b.x0 - 2.0 && a.y0 <= b.y1 + 2.0 && a.y1 >= b.y0 - 2.0
    };
    // connected groups, by repeated merging of a group into one it touches
    let mut group: Vec<usize> = (0..rules.len()).collect();
    let root = |group: &[usize], mut i: usize| {
        while group[i] != i {
            i = group[i];
        }
        i
    };
    for i in 0..rules.len() {
        for j in 0..i {
            if touches(&rules[i], &rules[j]) {
                let (a, b) = (root(&group, i), root(&group, j));
                group[a] = b;
            }
        }
    }
    // each rule's group, found once
    let roots: Vec<usize> = (0..rules.len()).map(|i| root(&group, i)).collect();
    let mut boxes: Vec<(usize, Rect, usize)> = Vec::new();
    for (rule, &r) in rules.iter().zip(&roots) {
        let horizontal = usize::from(rule.height() <= 2.5 && rule.width() > 10.0);
        match boxes.iter_mut().find(|(k, _, _)| *k == r) {
            Some((_, b, count)) => {
                *b = b.union(rule);
                *count += horizontal;
            }
            None => boxes.push((r, *rule, horizontal)),
        }
    }
    boxes
        .into_iter()
        .filter(|(_, g, horizontal)| *horizontal >= 2 && g.height() > 8.0 && g.width() > 30.0)
        .map(|(k, bounds, _)| RuledGroup {
            bounds,
            divided: rules
                .iter()
                .zip(&roots)
                .any(|(rule, &r)| r == k && is_inside_rule(rule, &bounds)),
        })
        .collect()
}

/// A rule that divides `frame` rather than edges it: a horizontal one away
/// from its top and bottom, a vertical one away from its sides.
fn is_inside_rule(rule: &Rect, frame: &Rect) -> bool {
    const EDGE: f32 = 3.0;
    let (x, y) = ((rule.x0 + rule.x1) / 2.0, (rule.y0 + rule.y1) / 2.0);
    if rule.width() >= rule.height() {
        y - frame.y0 > EDGE && frame.y1 - y > EDGE
    } else {
        x - frame.x0 > EDGE && frame.x1 - x > EDGE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    #[test]
    fn a_frame_of_four_edges_is_no_table_but_a_grid_is() {
        let frame = [
            rect(50.0, 70.0, 540.0, 70.7),
            rect(50.0, 500.0, 540.0, 500.7),
            rect(50.0, 70.0, 50.7, 500.7),
            rect(539.3, 70.0, 540.0, 500.7),
        ];
        assert!(ruling(&frame).tables.is_empty(), "a box of prose");
        assert_eq!(ruling(&frame).frames, [rect(50.0, 70.0, 540.0, 500.7)]);
        // the same frame with a header rule, or with a column rule
        let mut header = frame.to_vec();
        header.push(rect(50.0, 90.0, 540.0, 90.7));
        assert_eq!(ruling(&header).tables.len(), 1);
        assert!(ruling(&header).frames.is_empty());
        let mut column = frame.to_vec();
        column.push(rect(300.0, 70.0, 300.7, 500.7));
        assert_eq!(ruling(&column).tables.len(), 1);
        // edges drawn twice are still edges
        let doubled: Vec<Rect> = frame.iter().chain(&frame).copied().collect();
        assert!(ruling(&doubled).tables.is_empty());
    }

    #[test]
    fn overlaps_and_unions() {
        let a = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        let b = Rect {
            x0: 5.0,
            y0: 8.0,
            x1: 20.0,
            y1: 30.0,
        };
        assert_eq!(a.vertical_overlap(&b), 2.0);
        assert_eq!(a.horizontal_overlap(&b), 5.0);
        assert_eq!(
            union_all([&a, &b]).map(|u| u.rounded()),
            Some([0.0, 0.0, 20.0, 30.0])
        );
        assert_eq!(union_all([]), None);
    }
}
