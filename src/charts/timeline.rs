//! The incident timeline: one lane per phase (impact to detection, detection to first
//! communication, start to mitigation, start to recovery) and one per fix attempt with its
//! timebox, plus the signal onsets as dots.

use chrono_tz::Tz;
use plotters::prelude::*;

use super::{
    err, inline, x_label, x_label_count, xm, ACCENT, ALERT, FONT, GOOD, GRID, INK, NORMAL, SOCIAL,
    WIDTH,
};
use crate::error::Result;

/// One lane: label, start, end, and whether it is a warning (overrun, long phase).
#[derive(Debug, Clone)]
pub struct Lane {
    pub label: String,
    pub start: i64,
    pub end: i64,
    /// `phase`, `attempt`, `overrun` or `signal` (a dot at `start`).
    pub kind: &'static str,
}

/// Renders the lanes; `None` when there are none.
pub fn render(lanes: &[Lane], zone: Tz) -> Result<Option<String>> {
    if lanes.is_empty() {
        return Ok(None);
    }
    let x0 = lanes.iter().map(|l| l.start).min().unwrap_or(0) - 5 * 60_000;
    let x1 = lanes.iter().map(|l| l.end).max().unwrap_or(0) + 5 * 60_000;
    let n = lanes.len() as i32;
    let height = (60 + 26 * n) as u32;
    let e = err("timeline");
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(0)
            .build_cartesian_2d(xm(x0)..xm(x1), 0i32..n)
            .map_err(&e)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(GRID)
            .bold_line_style(GRID)
            .axis_style(INK)
            .label_style((FONT, 12).into_font().color(&INK))
            .x_labels(x_label_count(x0, x1))
            .x_label_formatter(&|x| x_label(*x, zone))
            .draw()
            .map_err(&e)?;
        for (i, lane) in lanes.iter().enumerate() {
            let y = n - 1 - i as i32;
            let colour = match lane.kind {
                "overrun" => ALERT,
                "attempt" => NORMAL,
                "signal" => SOCIAL,
                "good" => GOOD,
                _ => ACCENT,
            };
            if lane.kind == "signal" {
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (xm(lane.start), y),
                        5,
                        colour.filled(),
                    )))
                    .map_err(&e)?;
            } else {
                let area = chart.plotting_area();
                let (px0, py) = area.map_coordinate(&(xm(lane.start), y));
                let (px1, _) = area.map_coordinate(&(xm(lane.end.max(lane.start)), y));
                let (_, py_top) = area.map_coordinate(&(xm(lane.start), y + 1));
                let mid = (py + py_top) / 2;
                root.draw(&Rectangle::new(
                    [(px0, mid - 7), (px1.max(px0 + 2), mid + 7)],
                    colour.mix(0.8).filled(),
                ))
                .map_err(&e)?;
            }
            let area = chart.plotting_area();
            let (px, py) = area.map_coordinate(&(xm(lane.end.max(lane.start)), y));
            let (_, py_top) = area.map_coordinate(&(xm(lane.start), y + 1));
            root.draw(&Text::new(
                lane.label.clone(),
                (px + 8, (py + py_top) / 2 - 6),
                (FONT, 12).into_font().color(&INK),
            ))
            .map_err(&e)?;
        }
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(svg)))
}
