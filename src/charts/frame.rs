//! The frame every time chart shares: its title, a legend, the y axis with round steps, the
//! shared time axis (round ticks in the event's zone, which the axis title names), the
//! milestone markers with their labels in rows that never overlap, and the incident shade.
//! Each chart draws its data inside the plot the frame lays out, in pixel coordinates.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::labels::{self, Want};
use super::{
    err, font, inline, ACCENT, AXIS_PX, GRID, INK, LEGEND_PX, MARKER_PX, MUTED, PAD, SHADE,
    TITLE_PX, WIDTH,
};
use crate::error::Result;
use crate::i18n::format::{fmt_decimal, fmt_percent};
use crate::i18n::Lang;
use crate::report::charts_data::{MarkerData, Shade, TimeAxis};
use crate::timeutil::Millis;

/// Height of one title line, legend row and marker-label row.
pub const TITLE_LINE: i32 = 24;
pub const LEGEND_ROW: i32 = 22;
pub const MARKER_ROW: i32 = 18;
/// Height of the y title line, the x tick labels and the x title line.
const Y_TITLE: i32 = 20;
const X_TICKS: i32 = 22;
const X_TITLE: i32 = 20;
/// Room for the y tick labels: five digits.
const Y_LABELS: i32 = 56;
/// Least space between two marker labels of a row.
const LABEL_GAP: f64 = 8.0;

/// How a legend entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    Box,
    Line,
    Shade,
    /// A thin line through dots: points measured now and then (snapshots).
    Dots,
}

/// One legend entry.
#[derive(Debug, Clone)]
pub struct LegendItem {
    pub label: String,
    pub colour: RGBColor,
    pub swatch: Swatch,
}

impl LegendItem {
    pub fn new(label: impl Into<String>, colour: RGBColor, swatch: Swatch) -> Self {
        LegendItem {
            label: label.into(),
            colour,
            swatch,
        }
    }
}

/// What the frame holds.
pub struct Spec<'a> {
    /// The language of the y tick values.
    pub lang: Lang,
    pub title: &'a str,
    pub axis: &'a TimeAxis,
    pub y_title: &'a str,
    /// The largest value drawn; the y axis runs from 0 to a round value at or above it.
    pub y_max: f64,
    pub legend: Vec<LegendItem>,
    pub markers: &'a [MarkerData],
    pub shade: Option<&'a Shade>,
    pub plot_height: i32,
    /// Whether the y values are whole numbers (counts): then y steps are whole too.
    pub whole: bool,
    /// Whether the y values are percentages (`100%`, `100 %` in French).
    pub percent: bool,
}

/// The plot a chart draws in: pixel bounds and the maps from time and value to pixels.
pub struct Plot<'a, 'b> {
    pub area: &'a DrawingArea<SVGBackend<'b>, Shift>,
    pub left: i32,
    pub right: i32,
    pub top: i32,
    pub bottom: i32,
    start: Millis,
    end: Millis,
    y_top: f64,
    what: &'a str,
}

impl Plot<'_, '_> {
    /// The x pixel of an instant, clamped to the plot.
    pub fn x(&self, at: Millis) -> i32 {
        let f = (at - self.start) as f64 / (self.end - self.start).max(1) as f64;
        let x = self.left as f64 + f * (self.right - self.left) as f64;
        (x.round() as i32).clamp(self.left, self.right)
    }

    /// The y pixel of a value, clamped to the plot.
    pub fn y(&self, v: f64) -> i32 {
        let f = if self.y_top > 0.0 {
            v / self.y_top
        } else {
            0.0
        };
        let y = self.bottom as f64 - f * (self.bottom - self.top) as f64;
        (y.round() as i32).clamp(self.top, self.bottom)
    }

    /// A filled box from `from` to `to` and from `lo` to `hi`, at least one pixel wide.
    pub fn bar(&self, from: Millis, to: Millis, lo: f64, hi: f64, colour: RGBColor) -> Result<()> {
        let (x0, x1) = (self.x(from), self.x(to));
        let (y0, y1) = (self.y(hi), self.y(lo));
        if y1 <= y0 {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new(
                [(x0, y0), (x1.max(x0 + 1), y1)],
                colour.filled(),
            ))
            .map_err(err(self.what))
    }

    /// A polyline through (instant, value) points.
    pub fn line(&self, points: &[(Millis, f64)], colour: RGBColor, width: u32) -> Result<()> {
        if points.len() < 2 {
            return Ok(());
        }
        let px: Vec<(i32, i32)> = points
            .iter()
            .map(|(t, v)| (self.x(*t), self.y(*v)))
            .collect();
        self.area
            .draw(&PathElement::new(px, colour.stroke_width(width)))
            .map_err(err(self.what))
    }

    /// A dot of `radius` pixels at each (instant, value) point.
    pub fn dots(&self, points: &[(Millis, f64)], colour: RGBColor, radius: i32) -> Result<()> {
        for (t, v) in points {
            self.area
                .draw(&Circle::new(
                    (self.x(*t), self.y(*v)),
                    radius,
                    colour.filled(),
                ))
                .map_err(err(self.what))?;
        }
        Ok(())
    }

    /// A step line: each value holds from its instant to the next one's, the last to `until`.
    pub fn steps(
        &self,
        points: &[(Millis, f64)],
        until: Millis,
        colour: RGBColor,
        width: u32,
    ) -> Result<()> {
        self.line(&step_points(points, until), colour, width)
    }

    /// The area under a step line, down to 0.
    pub fn step_area(
        &self,
        points: &[(Millis, f64)],
        until: Millis,
        colour: RGBAColor,
    ) -> Result<()> {
        let mut px: Vec<(i32, i32)> = step_points(points, until)
            .iter()
            .map(|(t, v)| (self.x(*t), self.y(*v)))
            .collect();
        let (Some(first), Some(last)) = (px.first().copied(), px.last().copied()) else {
            return Ok(());
        };
        px.push((last.0, self.bottom));
        px.push((first.0, self.bottom));
        self.area
            .draw(&Polygon::new(px, colour.filled()))
            .map_err(err(self.what))
    }
}

fn step_points(points: &[(Millis, f64)], until: Millis) -> Vec<(Millis, f64)> {
    let mut out = Vec::with_capacity(points.len() * 2 + 1);
    for (i, (t, v)) in points.iter().enumerate() {
        if i > 0 {
            out.push((*t, points[i - 1].1));
        }
        out.push((*t, *v));
    }
    if let Some((t, v)) = points.last() {
        if until > *t {
            out.push((until, *v));
        }
    }
    out
}

/// A round step for about four y intervals: 1, 2, 2.5 or 5 times a power of ten (whole
/// numbers only for counts).
pub fn y_step(max: f64, whole: bool) -> f64 {
    let raw = (max / 4.0).max(if whole { 1.0 } else { 1e-9 });
    let p = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= raw && (!whole || s.fract() == 0.0))
        .unwrap_or(10.0 * p);
    if whole {
        step.ceil().max(1.0)
    } else {
        step
    }
}

/// A y tick value: `1500`, `2.5`, `100%` in English; `1 500`, `2,5`, `100 %` in French.
fn fmt_y(lang: Lang, v: f64, whole: bool, percent: bool) -> String {
    let places = if whole || v.fract() == 0.0 { 0 } else { 1 };
    if percent {
        fmt_percent(lang, v, places)
    } else {
        fmt_decimal(lang, v, places)
    }
}

/// Title lines of at most `max` units, split at spaces.
pub fn wrap(text: &str, px: f64, max: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && labels::text_width(&candidate, px) > max {
            lines.push(std::mem::take(&mut line));
            line = word.to_string();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
        .into_iter()
        .map(|l| labels::fit(&l, px, max))
        .collect()
}

/// Legend entries laid out in rows: (row, x) per entry.
fn legend_layout(items: &[LegendItem], lo: f64, hi: f64) -> Vec<(i32, f64)> {
    let mut out = Vec::new();
    let (mut row, mut x) = (0, lo);
    for it in items {
        let w = 22.0 + labels::text_width(&it.label, LEGEND_PX);
        if x > lo && x + w > hi {
            row += 1;
            x = lo;
        }
        out.push((row, x));
        x += w + 16.0;
    }
    out
}

/// The root drawing area of a chart.
pub type Root<'b> = DrawingArea<SVGBackend<'b>, Shift>;

/// Draws `s` with its vertical centre at `y`.
pub fn text(
    root: &Root,
    s: &str,
    (x, y): (i32, i32),
    px: f64,
    colour: RGBColor,
    h: HPos,
    what: &str,
) -> Result<()> {
    root.draw(&Text::new(
        s.to_string(),
        (x, y),
        font(px).color(&colour).pos(Pos::new(h, VPos::Center)),
    ))
    .map_err(err(what))
}

/// The title, wrapped to the chart's width, from `PAD`; returns the lines' height.
pub fn title_lines(title: &str) -> Vec<String> {
    wrap(title, TITLE_PX, (WIDTH as i32 - 2 * PAD) as f64)
}

/// Draws the title lines; returns the y below them.
pub fn draw_title(root: &Root, lines: &[String], what: &str) -> Result<i32> {
    for (i, line) in lines.iter().enumerate() {
        root.draw(&Text::new(
            line.clone(),
            (PAD, PAD + TITLE_LINE * i as i32 + TITLE_LINE / 2),
            super::bold(TITLE_PX)
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err(what))?;
    }
    Ok(PAD + TITLE_LINE * lines.len() as i32)
}

/// The legend's rows and, per entry, (row, x).
pub struct Legend {
    pub rows: i32,
    at: Vec<(i32, f64)>,
}

pub fn legend(items: &[LegendItem]) -> Legend {
    let at = legend_layout(items, PAD as f64, (WIDTH as i32 - PAD) as f64);
    Legend {
        rows: at.iter().map(|l| l.0 + 1).max().unwrap_or(0),
        at,
    }
}

impl Legend {
    pub fn height(&self) -> i32 {
        LEGEND_ROW * self.rows
    }
}

/// Draws the legend from `top`.
pub fn draw_legend(
    root: &Root,
    items: &[LegendItem],
    layout: &Legend,
    top: i32,
    what: &str,
) -> Result<()> {
    for (it, (row, x)) in items.iter().zip(&layout.at) {
        let cy = top + LEGEND_ROW * row + LEGEND_ROW / 2;
        let x = *x as i32;
        match it.swatch {
            Swatch::Box => root.draw(&Rectangle::new(
                [(x, cy - 6), (x + 14, cy + 6)],
                it.colour.filled(),
            )),
            Swatch::Line => root.draw(&PathElement::new(
                vec![(x, cy), (x + 16, cy)],
                it.colour.stroke_width(3),
            )),
            Swatch::Shade => root.draw(&Rectangle::new(
                [(x, cy - 6), (x + 14, cy + 6)],
                SHADE.filled(),
            )),
            Swatch::Dots => root
                .draw(&PathElement::new(
                    vec![(x, cy), (x + 16, cy)],
                    it.colour.stroke_width(1),
                ))
                .and_then(|_| root.draw(&Circle::new((x + 8, cy), 3, it.colour.filled()))),
        }
        .map_err(err(what))?;
        text(
            root,
            &it.label,
            (x + 22, cy),
            LEGEND_PX,
            INK,
            HPos::Left,
            what,
        )?;
    }
    Ok(())
}

/// The right edge of a plot on `axis`: room for the last tick label, centred on the edge.
pub fn plot_right(axis: &TimeAxis) -> i32 {
    let last_tick = axis
        .ticks
        .last()
        .map(|t| labels::text_width(&t.label, AXIS_PX) / 2.0)
        .unwrap_or(0.0);
    WIDTH as i32 - PAD - (last_tick.ceil() as i32).max(6)
}

/// Marker labels placed in rows above a plot.
pub struct MarkerLayout {
    pub rows: i32,
    labels: Vec<String>,
    wants: Vec<Want>,
    placed: Vec<labels::Placed>,
}

impl MarkerLayout {
    pub fn height(&self) -> i32 {
        MARKER_ROW * self.rows
    }
}

/// Places the marker labels of a plot from `left` to `right`: beside their line, in rows.
pub fn layout_markers(
    markers: &[MarkerData],
    axis: &TimeAxis,
    left: i32,
    right: i32,
) -> MarkerLayout {
    let labels: Vec<String> = markers
        .iter()
        .map(|m| labels::fit(&m.label, MARKER_PX, (right - left) as f64))
        .collect();
    let wants: Vec<Want> = markers
        .iter()
        .zip(&labels)
        .map(|(m, l)| Want {
            anchor: map_x(axis, left, right, m.at) as f64,
            width: labels::text_width(l, MARKER_PX),
        })
        .collect();
    let placed = labels::place(&wants, left as f64, right as f64, LABEL_GAP);
    MarkerLayout {
        rows: labels::rows(&placed) as i32,
        labels,
        wants,
        placed,
    }
}

/// Draws the markers: lines from their label down to `bottom`, then the labels (rows above
/// `top`, the first row nearest) on white, so that a line crossing a lower row passes behind
/// its text.
#[allow(clippy::too_many_arguments)]
pub fn draw_markers(
    root: &Root,
    markers: &[MarkerData],
    layout: &MarkerLayout,
    axis: &TimeAxis,
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    what: &str,
) -> Result<()> {
    let e = err(what);
    let row_y = |row: usize| top - 4 - MARKER_ROW * row as i32 - MARKER_ROW / 2;
    for (m, p) in markers.iter().zip(&layout.placed) {
        let x = map_x(axis, left, right, m.at);
        root.draw(&PathElement::new(
            vec![(x, row_y(p.row) - MARKER_ROW / 2 + 3), (x, bottom)],
            ACCENT.mix(0.8).stroke_width(1),
        ))
        .map_err(&e)?;
    }
    for ((p, label), want) in layout.placed.iter().zip(&layout.labels).zip(&layout.wants) {
        let y = row_y(p.row);
        let x0 = p.left.floor() as i32;
        root.draw(&Rectangle::new(
            [
                (x0 - 1, y - MARKER_ROW / 2 + 2),
                (x0 + want.width.ceil() as i32 + 1, y + MARKER_ROW / 2 - 2),
            ],
            WHITE.filled(),
        ))
        .map_err(&e)?;
        if labels::ends_at_right(*want, p.left, right as f64) {
            let x1 = (p.left + want.width).floor() as i32;
            text(root, label, (x1, y), MARKER_PX, ACCENT, HPos::Right, what)?;
        } else {
            text(root, label, (x0, y), MARKER_PX, ACCENT, HPos::Left, what)?;
        }
    }
    Ok(())
}

/// Draws the time grid from `top` to `bottom`, the ticks and their labels below, and the
/// axis title naming the zone.
pub fn draw_time_axis(
    root: &Root,
    axis: &TimeAxis,
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    what: &str,
) -> Result<()> {
    let e = err(what);
    for t in &axis.ticks {
        let x = map_x(axis, left, right, t.at);
        // A label centred on its tick would start this far left of the chart's edge, where
        // it is cut (the timeline's plot starts near the edge, and `15 h 00` is wider than
        // `15:00`): it starts at the edge instead. The estimate errs wide, so a few units
        // over are left centred.
        let overhang = labels::text_width(&t.label, AXIS_PX) / 2.0 - x as f64;
        let (label_x, anchor) = if overhang > 3.0 {
            (1, HPos::Left)
        } else {
            (x, HPos::Center)
        };
        root.draw(&PathElement::new(
            vec![(x, top), (x, bottom)],
            GRID.stroke_width(1),
        ))
        .map_err(&e)?;
        root.draw(&PathElement::new(
            vec![(x, bottom), (x, bottom + 4)],
            INK.stroke_width(1),
        ))
        .map_err(&e)?;
        text(
            root,
            &t.label,
            (label_x, bottom + X_TICKS / 2 + 2),
            AXIS_PX,
            INK,
            anchor,
            what,
        )?;
    }
    text(
        root,
        &axis.title,
        ((left + right) / 2, bottom + X_TICKS + X_TITLE / 2),
        AXIS_PX,
        MUTED,
        HPos::Center,
        what,
    )
}

/// Height below a plot: tick labels, axis title, margin.
pub const BELOW_PLOT: i32 = X_TICKS + X_TITLE + PAD;

/// Draws a titled time chart: the frame, then `body` in its plot. Returns the inline SVG.
pub fn draw(spec: &Spec, body: impl FnOnce(&Plot) -> Result<()>) -> Result<String> {
    let what = spec.title;
    let e = err(what);
    let title = title_lines(spec.title);
    let step = y_step(spec.y_max, spec.whole);
    let y_top = (spec.y_max / step).ceil().max(1.0) * step;
    let y_ticks: Vec<f64> = (0..=((y_top / step).round() as i64))
        .map(|i| i as f64 * step)
        .collect();
    let y_label_w = y_ticks
        .iter()
        .map(|v| labels::text_width(&fmt_y(spec.lang, *v, spec.whole, spec.percent), AXIS_PX))
        .fold(0.0, f64::max);
    // One left edge for every time chart, so that their time axes line up, unless the y
    // labels need more.
    let left = PAD + (y_label_w.ceil() as i32 + 8).max(Y_LABELS);
    let right = plot_right(spec.axis);
    let legend_layout = legend(&spec.legend);
    let marks = layout_markers(spec.markers, spec.axis, left, right);
    let legend_top = PAD + TITLE_LINE * title.len() as i32;
    let y_title_y = legend_top + legend_layout.height() + Y_TITLE / 2;
    let top = legend_top + legend_layout.height() + Y_TITLE + marks.height() + 4;
    let bottom = top + spec.plot_height;
    let height = bottom + BELOW_PLOT;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height as u32)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        draw_title(&root, &title, what)?;
        draw_legend(&root, &spec.legend, &legend_layout, legend_top, what)?;
        text(
            &root,
            spec.y_title,
            (PAD, y_title_y),
            AXIS_PX,
            MUTED,
            HPos::Left,
            what,
        )?;
        let plot = Plot {
            area: &root,
            left,
            right,
            top,
            bottom,
            start: spec.axis.start,
            end: spec.axis.end,
            y_top,
            what,
        };
        if let Some(s) = spec.shade {
            let (x0, x1) = (plot.x(s.start), plot.x(s.end));
            if x1 > x0 {
                root.draw(&Rectangle::new([(x0, top), (x1, bottom)], SHADE.filled()))
                    .map_err(&e)?;
            }
        }
        for v in &y_ticks {
            let y = plot.y(*v);
            root.draw(&PathElement::new(
                vec![(left, y), (right, y)],
                GRID.stroke_width(1),
            ))
            .map_err(&e)?;
            text(
                &root,
                &fmt_y(spec.lang, *v, spec.whole, spec.percent),
                (left - 6, y),
                AXIS_PX,
                INK,
                HPos::Right,
                what,
            )?;
        }
        draw_time_axis(&root, spec.axis, left, right, top, bottom, what)?;
        body(&plot)?;
        // Axes over the data.
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            INK.stroke_width(1),
        ))
        .map_err(&e)?;
        root.draw(&PathElement::new(
            vec![(left, top), (left, bottom)],
            INK.stroke_width(1),
        ))
        .map_err(&e)?;
        draw_markers(
            &root,
            spec.markers,
            &marks,
            spec.axis,
            left,
            right,
            top,
            bottom,
            what,
        )?;
        root.present().map_err(&e)?;
    }
    Ok(inline(svg, spec.title))
}

/// The x pixel of an instant on an axis drawn from `left` to `right`.
pub fn map_x(axis: &TimeAxis, left: i32, right: i32, at: Millis) -> i32 {
    let f = (at - axis.start) as f64 / (axis.end - axis.start).max(1) as f64;
    ((left as f64 + f * (right - left) as f64).round() as i32).clamp(left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_steps_are_round() {
        assert_eq!(y_step(0.0, true), 1.0);
        assert_eq!(y_step(3.0, true), 1.0);
        assert_eq!(y_step(9.0, true), 5.0);
        assert_eq!(y_step(88.0, true), 25.0);
        assert_eq!(y_step(1700.0, true), 500.0);
        assert_eq!(y_step(1.2, false), 0.5);
    }

    #[test]
    fn titles_wrap_at_spaces() {
        let lines = wrap(
            "Failed views per minute: isp = Orange against the rest",
            17.0,
            300.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| labels::text_width(l, 17.0) <= 300.0));
        assert_eq!(wrap("Short", 17.0, 300.0), vec!["Short"]);
    }
}
