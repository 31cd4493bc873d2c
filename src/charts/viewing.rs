//! Failed views per minute, anomalous minutes in the alert colour, with milestone markers.

use chrono_tz::Tz;
use plotters::prelude::*;

use super::{
    err, inline, x_label, x_label_count, xm, Marker, ACCENT, ALERT, FONT, GRID, HEIGHT, INK,
    NORMAL, WIDTH,
};
use crate::analysis::onset::Minute;
use crate::error::Result;
use crate::timeutil::MINUTE_MS;

/// Renders the chart; `None` when there is nothing to draw.
pub fn render(minutes: &[Minute], markers: &[Marker], zone: Tz) -> Result<Option<String>> {
    let (Some(first), Some(last)) = (minutes.first(), minutes.last()) else {
        return Ok(None);
    };
    let e = err("failed views");
    let x0 = first.minute;
    let x1 = last.minute + MINUTE_MS;
    let ymax = minutes.iter().map(|m| m.failed).max().unwrap_or(0).max(4) as f64 * 1.15;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(44)
            .build_cartesian_2d(xm(x0)..xm(x1), 0f64..ymax)
            .map_err(&e)?;
        chart
            .configure_mesh()
            .light_line_style(GRID)
            .bold_line_style(GRID)
            .axis_style(INK)
            .label_style((FONT, 12).into_font().color(&INK))
            .x_labels(x_label_count(x0, x1))
            .y_labels(6)
            .x_label_formatter(&|x| x_label(*x, zone))
            .y_label_formatter(&|y| format!("{y:.0}"))
            .y_desc("failed views / min")
            .draw()
            .map_err(&e)?;
        chart
            .draw_series(minutes.iter().filter(|m| m.failed > 0).map(|m| {
                let colour = if m.anomalous { ALERT } else { NORMAL };
                Rectangle::new(
                    [
                        (xm(m.minute + 5_000), 0.0),
                        (xm(m.minute + MINUTE_MS - 5_000), m.failed as f64),
                    ],
                    colour.filled(),
                )
            }))
            .map_err(&e)?;
        for mk in markers.iter().filter(|m| m.at >= x0 && m.at <= x1) {
            chart
                .draw_series(LineSeries::new(
                    [(xm(mk.at), 0.0), (xm(mk.at), ymax)],
                    ACCENT.stroke_width(1),
                ))
                .map_err(&e)?;
            chart
                .draw_series(std::iter::once(Text::new(
                    mk.label.clone(),
                    (xm(mk.at + 20_000), ymax * 0.97),
                    (FONT, 11).into_font().color(&ACCENT),
                )))
                .map_err(&e)?;
        }
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(svg)))
}
