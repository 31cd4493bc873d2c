//! The incident timeline, zoomed to the incident: swimlanes for the signal onsets (dots), the
//! team's response (phases measured from the impact start, communication from detection) and
//! the fix attempts (the timebox outlined, the overrun in red), with the milestones across
//! them. Every label is placed by [`super::labels`]: inside the chart, never over another.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::frame::{self, LegendItem, Swatch, BELOW_PLOT};
use super::labels::{self, Want};
use super::{
    err, inline, ACCENT, ALERT, GOOD, GRID, INK, LABEL_PX, MUTED, NORMAL, PAD, SOCIAL, WIDTH,
};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::{TimelineChart, TimelineLane};

/// Heights: a lane group's heading, a signal label row, a bar lane (label line and bar).
const HEADING: i32 = 24;
const SIGNAL_DOTS: i32 = 14;
const SIGNAL_ROW: i32 = 18;
const LABEL_LINE: i32 = 18;
const BAR: i32 = 12;
const LANE_GAP: i32 = 8;
/// Least space between two signal labels of a row.
const GAP: f64 = 8.0;

fn colour(kind: &str) -> RGBColor {
    match kind {
        "signal" => SOCIAL,
        "recovery" => GOOD,
        "attempt" | "overrun" => NORMAL,
        _ => ACCENT,
    }
}

/// Renders the timeline.
pub fn render(c: &TimelineChart, lang: Lang) -> Result<String> {
    let what = c.title.as_str();
    let e = err(what);
    let title = frame::title_lines(&c.title);
    let legend_items = vec![
        LegendItem::new(lang.t("ch-legend-signal-onset"), SOCIAL, Swatch::Box),
        LegendItem::new(lang.t("ch-legend-phase"), ACCENT, Swatch::Box),
        LegendItem::new(lang.t("ch-legend-recovery"), GOOD, Swatch::Box),
        LegendItem::new(lang.t("ch-legend-attempt"), NORMAL, Swatch::Box),
        LegendItem::new(lang.t("ch-legend-overrun"), ALERT, Swatch::Box),
    ];
    let legend = frame::legend(&legend_items);
    let left = PAD + 4;
    let right = frame::plot_right(&c.axis);
    let (lo, hi) = (left as f64, right as f64);
    let x = |at| frame::map_x(&c.axis, left, right, at);
    let marks = frame::layout_markers(&c.markers, &c.axis, left, right);

    let signals: Vec<&TimelineLane> = c.lanes.iter().filter(|l| l.kind == "signal").collect();
    let phases: Vec<&TimelineLane> = c
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, "phase" | "recovery"))
        .collect();
    let attempts: Vec<&TimelineLane> = c
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, "attempt" | "overrun"))
        .collect();
    let signal_labels: Vec<String> = signals
        .iter()
        .map(|s| labels::fit(&s.label, LABEL_PX, hi - lo))
        .collect();
    let signal_wants: Vec<Want> = signals
        .iter()
        .zip(&signal_labels)
        .map(|(s, l)| Want {
            anchor: x(s.start) as f64,
            width: labels::text_width(l, LABEL_PX),
        })
        .collect();
    let signal_placed = labels::place(&signal_wants, lo, hi, GAP);
    let signal_rows = labels::rows(&signal_placed) as i32;

    let legend_top = PAD + frame::TITLE_LINE * title.len() as i32;
    let top = legend_top + legend.height() + marks.height() + 8;
    let bar_lane = LABEL_LINE + BAR + LANE_GAP;
    let mut height = 0;
    if !signals.is_empty() {
        height += HEADING + SIGNAL_DOTS + SIGNAL_ROW * signal_rows + LANE_GAP;
    }
    if !phases.is_empty() {
        height += HEADING + bar_lane * phases.len() as i32;
    }
    if !attempts.is_empty() {
        height += HEADING + bar_lane * attempts.len() as i32;
    }
    let bottom = top + height.max(HEADING);
    let total = bottom + BELOW_PLOT;

    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, total as u32)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        frame::draw_title(&root, &title, what)?;
        frame::draw_legend(&root, &legend_items, &legend, legend_top, what)?;
        frame::draw_time_axis(&root, &c.axis, left, right, top, bottom, what)?;
        // Milestones first, so that lanes and their labels lie over the lines.
        frame::draw_markers(
            &root, &c.markers, &marks, &c.axis, left, right, top, bottom, what,
        )?;
        let heading = |y: i32, s: &str| -> Result<()> {
            root.draw(&PathElement::new(
                vec![(left, y), (right, y)],
                GRID.stroke_width(1),
            ))
            .map_err(&e)?;
            root.draw(&Text::new(
                s.to_string(),
                (left + 2, y + HEADING / 2),
                super::bold(LABEL_PX)
                    .color(&MUTED)
                    .pos(plotters::style::text_anchor::Pos::new(
                        HPos::Left,
                        plotters::style::text_anchor::VPos::Center,
                    )),
            ))
            .map_err(&e)
        };
        // A bar lane: its label on the line above the bar, from the bar's start where it fits.
        let bar_lane_at = |y: i32, lane: &TimelineLane| -> Result<()> {
            let label = labels::fit(&lane.label, LABEL_PX, hi - lo);
            let w = labels::text_width(&label, LABEL_PX);
            let lx = (x(lane.start) as f64).min(hi - w).max(lo);
            // A label pushed left to stay inside ends at the plot's edge (see
            // labels::ends_at_right).
            if lx < x(lane.start) as f64 {
                let x1 = (lx + w).floor() as i32;
                frame::text(
                    &root,
                    &label,
                    (x1, y + LABEL_LINE / 2),
                    LABEL_PX,
                    INK,
                    HPos::Right,
                    what,
                )?;
            } else {
                frame::text(
                    &root,
                    &label,
                    (lx as i32, y + LABEL_LINE / 2),
                    LABEL_PX,
                    INK,
                    HPos::Left,
                    what,
                )?;
            }
            let (by0, by1) = (y + LABEL_LINE, y + LABEL_LINE + BAR);
            let (x0, x1) = (x(lane.start), x(lane.end).max(x(lane.start) + 2));
            if let Some(tb) = lane.timebox_end {
                let xt = x(tb);
                root.draw(&Rectangle::new(
                    [(x0, by0), (xt.max(x0 + 2), by1)],
                    NORMAL.stroke_width(1),
                ))
                .map_err(&e)?;
                if lane.kind == "overrun" && xt < x1 {
                    root.draw(&Rectangle::new([(x0, by0), (xt, by1)], NORMAL.filled()))
                        .map_err(&e)?;
                    return root
                        .draw(&Rectangle::new([(xt, by0), (x1, by1)], ALERT.filled()))
                        .map_err(&e);
                }
            }
            root.draw(&Rectangle::new(
                [(x0, by0), (x1, by1)],
                colour(lane.kind).filled(),
            ))
            .map_err(&e)
        };
        let mut y = top;
        if !signals.is_empty() {
            heading(y, &lang.t("ch-timeline-signals"))?;
            y += HEADING;
            let dot_y = y + SIGNAL_DOTS / 2;
            for (s, p) in signals.iter().zip(&signal_placed) {
                let row_y = y + SIGNAL_DOTS + SIGNAL_ROW * p.row as i32 + SIGNAL_ROW / 2;
                root.draw(&PathElement::new(
                    vec![(x(s.start), dot_y), (x(s.start), row_y)],
                    SOCIAL.mix(0.5).stroke_width(1),
                ))
                .map_err(&e)?;
            }
            for ((s, p), (l, w)) in signals
                .iter()
                .zip(&signal_placed)
                .zip(signal_labels.iter().zip(&signal_wants))
            {
                root.draw(&Circle::new((x(s.start), dot_y), 5, SOCIAL.filled()))
                    .map_err(&e)?;
                let row_y = y + SIGNAL_DOTS + SIGNAL_ROW * p.row as i32 + SIGNAL_ROW / 2;
                let x0 = p.left.floor() as i32;
                root.draw(&Rectangle::new(
                    [
                        (x0 - 1, row_y - 7),
                        (x0 + w.width.ceil() as i32 + 1, row_y + 7),
                    ],
                    WHITE.filled(),
                ))
                .map_err(&e)?;
                if labels::ends_at_right(*w, p.left, hi) {
                    let x1 = (p.left + w.width).floor() as i32;
                    frame::text(&root, l, (x1, row_y), LABEL_PX, INK, HPos::Right, what)?;
                } else {
                    frame::text(&root, l, (x0, row_y), LABEL_PX, INK, HPos::Left, what)?;
                }
            }
            y += SIGNAL_DOTS + SIGNAL_ROW * signal_rows + LANE_GAP;
        }
        if !phases.is_empty() {
            heading(y, &lang.t("ch-timeline-response"))?;
            y += HEADING;
            for lane in &phases {
                bar_lane_at(y, lane)?;
                y += bar_lane;
            }
        }
        if !attempts.is_empty() {
            heading(y, &lang.t("ch-timeline-attempts"))?;
            y += HEADING;
            for lane in &attempts {
                bar_lane_at(y, lane)?;
                y += bar_lane;
            }
        }
        root.draw(&PathElement::new(
            vec![(left, bottom), (right, bottom)],
            INK.stroke_width(1),
        ))
        .map_err(&e)?;
        root.present().map_err(&e)?;
    }
    Ok(inline(svg, &c.title))
}
