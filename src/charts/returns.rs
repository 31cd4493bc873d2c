//! How fast the incident e-mail brought affected participants back: the distribution of the
//! time from their first delivery to their next successful view, as a box (quartiles) with
//! the median marked.

use plotters::prelude::*;

use super::{err, inline, ACCENT, FONT, GRID, INK, WIDTH};
use crate::error::Result;
use crate::timeutil::fmt_duration;

/// The chart's data: quartiles and median in seconds, and how many participants they are over.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReturnsChart {
    pub q1_s: i64,
    pub median_s: i64,
    pub q3_s: i64,
    pub participants: u64,
}

/// Renders the box; `None` when nobody came back after a delivery.
pub fn render(data: &ReturnsChart) -> Result<Option<String>> {
    if data.participants == 0 {
        return Ok(None);
    }
    // Minutes on the axis, with room past the third quartile.
    let max = (data.q3_s as f64 / 60.0 * 1.25).max(5.0);
    let e = err("return after delivery");
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 140)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .caption(
                format!(
                    "Minutes from the e-mail's delivery to watching again ({} affected participants)",
                    data.participants
                ),
                (FONT, 14).into_font().color(&INK),
            )
            .x_label_area_size(26)
            .build_cartesian_2d(0.0..max, 0.0..1.0)
            .map_err(&e)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .light_line_style(GRID)
            .bold_line_style(GRID)
            .axis_style(INK)
            .label_style((FONT, 12).into_font().color(&INK))
            .x_desc("minutes")
            .draw()
            .map_err(&e)?;
        let m = |s: i64| s as f64 / 60.0;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(m(data.q1_s), 0.3), (m(data.q3_s), 0.7)],
                ACCENT.mix(0.35).filled(),
            )))
            .map_err(&e)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(m(data.median_s), 0.2), (m(data.median_s), 0.8)],
                ACCENT.stroke_width(3),
            )))
            .map_err(&e)?;
        let (px, py) = chart
            .plotting_area()
            .map_coordinate(&(m(data.median_s), 0.85));
        root.draw(&Text::new(
            format!("median {}", fmt_duration(data.median_s)),
            (px + 6, py - 14),
            (FONT, 12).into_font().color(&INK),
        ))
        .map_err(&e)?;
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(
        svg,
        "Minutes from the e-mail's delivery to watching again",
    )))
}
