//! The report page's charts, drawn as inline SVG: sources per outlet,
//! footnotes per section, and the cited dates against the report's date.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{CitationKind, Document};

use super::{esc, plural};

/// Horizontal bars: cited items per outlet (back references left out).
pub(super) fn outlet_chart(doc: &Document) -> String {
    let counts = doc.outlet_counts();
    let mut rows: Vec<(&str, usize)> = counts.iter().map(|(o, n)| (o.as_str(), *n)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    rows.truncate(10);
    bar_chart("Sources per outlet", &rows)
}

/// Horizontal bars: footnotes whose marker stands in each section.
pub(super) fn section_chart(doc: &Document) -> String {
    let mut rows: Vec<(String, usize)> = doc
        .sections
        .iter()
        .map(|s| {
            let label = s.label();
            let n = doc
                .claims
                .iter()
                .filter(|c| c.section == s.id)
                .map(|c| c.footnote_refs.len())
                .sum();
            (label, n)
        })
        .collect();
    rows.retain(|(label, _)| !label.is_empty());
    let rows: Vec<(&str, usize)> = rows.iter().map(|(l, n)| (l.as_str(), *n)).collect();
    bar_chart("Footnotes per section", &rows)
}

/// Horizontal bars, each under its label: labels are never cut by the chart's
/// edge (a long one is shortened with `…` and given whole on hover).
fn bar_chart(title: &str, rows: &[(&str, usize)]) -> String {
    const W: f64 = 360.0;
    const ROW: f64 = 32.0;
    const FONT: f64 = 11.0;
    let height = 16.0 + ROW * rows.len().max(1) as f64;
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
    let mut svg = format!(
        "<figure class=\"chart\"><figcaption>{}</figcaption><svg viewBox=\"0 0 {W} {height}\" width=\"{W}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">",
        esc(title),
        esc(title)
    );
    if rows.is_empty() {
        svg.push_str("<text x=\"10\" y=\"24\" class=\"none\">none</text>");
    }
    for (i, (label, n)) in rows.iter().enumerate() {
        let y = 6.0 + ROW * i as f64;
        let w = (W - 48.0) * *n as f64 / max;
        let _ = write!(
            svg,
            "<g><title>{}: {n}</title><text x=\"4\" y=\"{:.0}\" class=\"label\">{}</text><rect x=\"4\" y=\"{:.0}\" width=\"{w:.1}\" height=\"10\" class=\"bar\"/><text x=\"{:.1}\" y=\"{:.0}\">{n}</text></g>",
            esc(label),
            y + 11.0,
            esc(&fit_label(label, W - 8.0, FONT)),
            y + 15.0,
            8.0 + w,
            y + 24.0
        );
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// `label` shortened with `…` to fit `width` pixels at `font` pixels: a
/// Hangul or CJK character takes about an em, others about 0.6 of one.
fn fit_label(label: &str, width: f64, font: f64) -> String {
    let em = |c: char| if c.is_ascii() { 0.6 } else { 1.0 };
    if label.chars().map(em).sum::<f64>() * font <= width {
        return label.to_string();
    }
    let mut used = 1.0; // room for the ellipsis
    let mut out = String::new();
    for c in label.chars() {
        used += em(c);
        if used * font > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A date as a fractional year (`2023-07` → 2023.5).
fn fractional_year(date: &str) -> Option<f64> {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let year = f64::from(parts.next()??);
    let month = f64::from(parts.next().flatten().unwrap_or(1).clamp(1, 12));
    let day = f64::from(parts.next().flatten().unwrap_or(1).clamp(1, 31));
    Some(year + (month - 1.0) / 12.0 + (day - 1.0) / 365.0)
}

/// The citation kinds the cited-dates chart has a row for, top to bottom.
const TIMELINE_KINDS: [CitationKind; 5] = [
    CitationKind::News,
    CitationKind::Official,
    CitationKind::Report,
    CitationKind::Academic,
    CitationKind::Web,
];
const TIMELINE_WIDTH: f64 = 420.0;
/// Room for the rows' labels.
const TIMELINE_LEFT: f64 = 70.0;
/// Height of a row.
const TIMELINE_BAND: f64 = 30.0;

/// Cited dates as a histogram on a time axis, one row per citation kind,
/// with the report's date as a line: each bar counts the items of one month
/// (a quarter or a year when the span is long), its count printed over the
/// peaks, so a pile of news of one month reads as a number, not a smudge.
pub(super) fn timeline_chart(doc: &Document) -> String {
    let dated = cited_dates(doc);
    let report = doc.document.date.as_deref().and_then(fractional_year);
    let height = 30.0 + TIMELINE_BAND * TIMELINE_KINDS.len() as f64;
    let width = TIMELINE_WIDTH;
    let mut svg = format!(
        "<figure class=\"chart\"><figcaption>Cited dates and the report date</figcaption><svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"cited dates\">"
    );
    let Some(scale) = TimeScale::over(dated.iter().map(|d| d.1).chain(report)) else {
        svg.push_str(
            "<text x=\"10\" y=\"24\" class=\"none\">no dated sources</text></svg></figure>\n",
        );
        return svg;
    };
    let axis = height - 14.0;
    draw_time_axis(&mut svg, &scale, axis, height);
    draw_month_bars(&mut svg, &scale, &dated);
    if let Some(r) = report {
        let _ = write!(
            svg,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"4\" y2=\"{axis:.0}\" class=\"report\"><title>report date</title></line>",
            scale.x(r)
        );
    }
    svg.push_str("</svg></figure>\n");
    svg
}

/// Every dated citation: its row (kind), fractional year and id.
fn cited_dates(doc: &Document) -> Vec<(usize, f64, &str)> {
    doc.footnotes
        .iter()
        .flat_map(|f| &f.citations)
        .filter_map(|c| {
            let row = TIMELINE_KINDS.iter().position(|k| *k == c.kind)?;
            let when = c
                .date
                .as_deref()
                .and_then(fractional_year)
                .or(c.year.map(f64::from))?;
            Some((row, when, c.id.as_str()))
        })
        .collect()
}

/// The years the chart shows: the last three, in months, to two months
/// past the latest date; anything older is counted at the row's start.
struct TimeScale {
    lo: f64,
    hi: f64,
}

impl TimeScale {
    const WINDOW_YEARS: f64 = 3.0;

    fn over(times: impl Iterator<Item = f64> + Clone) -> Option<Self> {
        let lo = times.clone().fold(f64::INFINITY, f64::min);
        let hi = times.fold(f64::NEG_INFINITY, f64::max);
        if !lo.is_finite() || !hi.is_finite() {
            return None;
        }
        let hi = (hi * 12.0).floor() / 12.0 + 2.0 / 12.0;
        let lo = lo.floor().max(hi.floor() - Self::WINDOW_YEARS);
        Some(TimeScale {
            lo,
            hi: hi.max(lo + 1.0),
        })
    }

    fn x(&self, t: f64) -> f64 {
        TIMELINE_LEFT
            + (TIMELINE_WIDTH - TIMELINE_LEFT - 20.0) * (t - self.lo) / (self.hi - self.lo)
    }
}

/// The rows' labels and a year grid.
fn draw_time_axis(svg: &mut String, scale: &TimeScale, axis: f64, height: f64) {
    for (row, kind) in TIMELINE_KINDS.iter().enumerate() {
        let _ = write!(
            svg,
            "<text x=\"{:.0}\" y=\"{:.0}\" text-anchor=\"end\">{}</text>",
            TIMELINE_LEFT - 6.0,
            8.0 + TIMELINE_BAND * (row as f64 + 1.0),
            kind.as_str()
        );
    }
    let step = ((scale.hi - scale.lo) / 6.0).ceil().max(1.0);
    let mut year = scale.lo.ceil();
    while year <= scale.hi {
        let _ = write!(
            svg,
            "<line x1=\"{0:.1}\" x2=\"{0:.1}\" y1=\"8\" y2=\"{axis:.0}\" class=\"grid\"/><text x=\"{0:.1}\" y=\"{1:.0}\" text-anchor=\"middle\">{2}</text>",
            scale.x(year),
            height - 2.0,
            year as i32
        );
        year += step;
    }
}

/// One bar per kind and month (quarter, year: a bar stays 3 px wide or
/// more), the items before the scale counted at the row's start.
fn draw_month_bars(svg: &mut String, scale: &TimeScale, dated: &[(usize, f64, &str)]) {
    let bucket = [1.0, 3.0, 12.0]
        .into_iter()
        .find(|months| (scale.x(scale.lo + months / 12.0) - scale.x(scale.lo)) >= 3.0)
        .unwrap_or(12.0);
    let mut bars: BTreeMap<(usize, i64), Vec<&str>> = BTreeMap::new();
    let mut earlier: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for &(row, when, id) in dated {
        if when < scale.lo {
            earlier.entry(row).or_default().push(id);
            continue;
        }
        let slot = ((when - scale.lo) * 12.0 / bucket + 1e-6).floor() as i64;
        bars.entry((row, slot)).or_default().push(id);
    }
    for (row, ids) in &earlier {
        let _ = write!(
            svg,
            "<text x=\"{:.0}\" y=\"{:.0}\" class=\"count\"><title>before {}: {}</title>◂{}</text>",
            TIMELINE_LEFT + 1.0,
            8.0 + TIMELINE_BAND * (*row as f64 + 1.0) - 12.0,
            scale.lo as i32,
            ids.join(", "),
            ids.len()
        );
    }
    let tallest = bars.values().map(Vec::len).max().unwrap_or(1) as f64;
    for ((row, slot), ids) in &bars {
        let start = scale.lo + *slot as f64 * bucket / 12.0;
        let (x0, x1) = (scale.x(start), scale.x(start + bucket / 12.0));
        let base = 10.0 + TIMELINE_BAND * (*row as f64 + 1.0);
        let h = 4.0 + (TIMELINE_BAND - 16.0) * ids.len() as f64 / tallest;
        let month = (start.fract() * 12.0).round() as u32 + 1;
        let _ = write!(
            svg,
            "<g class=\"bin\"><title>{} {}-{month:02}: {} ({})</title><rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" class=\"dot\"/>",
            TIMELINE_KINDS[*row].as_str(),
            start.floor() as i32,
            plural(ids.len(), "item"),
            ids.join(", "),
            base - h,
            (x1 - x0 - 0.5).max(1.5)
        );
        // a count over the peaks only: neighbouring labels would overlap
        let count = |slot: i64| bars.get(&(*row, slot)).map_or(0, Vec::len);
        if ids.len() > 1 && ids.len() > count(slot - 1) && ids.len() >= count(slot + 1) {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"count\">{}</text>",
                (x0 + x1) / 2.0,
                base - h - 1.5,
                ids.len()
            );
        }
        svg.push_str("</g>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_fractional_years() {
        assert_eq!(fractional_year("2023-07"), Some(2023.5));
        assert_eq!(fractional_year("2024-01-01"), Some(2024.0));
        assert_eq!(fractional_year("soon"), None);
    }
}
