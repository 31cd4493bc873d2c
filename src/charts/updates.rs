//! Every update to participants on a time axis, one row per channel, with the longest silence
//! between the first word and the recovery shaded: the rhythm of the crisis communication.

use chrono_tz::Tz;
use plotters::prelude::*;

use super::{err, inline, x_label, x_label_count, xm, ACCENT, ALERT, FONT, GRID, INK, WIDTH};
use crate::error::Result;

/// The chart's data: one row per channel used, the longest silence, and the span to draw
/// (from the impact start to the recovery, widened to hold every update).
#[derive(Debug, Clone, serde::Serialize)]
pub struct UpdatesChart {
    /// (channel label, instants of its updates).
    pub rows: Vec<(String, Vec<i64>)>,
    /// The longest silence: (from, to).
    pub silence: Option<(i64, i64)>,
    pub span: (i64, i64),
}

/// Renders the strip; `None` without updates.
pub fn render(data: &UpdatesChart, zone: Tz) -> Result<Option<String>> {
    if data.rows.iter().all(|r| r.1.is_empty()) {
        return Ok(None);
    }
    let (x0, x1) = (data.span.0 - 5 * 60_000, data.span.1 + 5 * 60_000);
    let n = data.rows.len() as i32;
    let height = (70 + 30 * n) as u32;
    let e = err("updates");
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        let nf = f64::from(n);
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .caption(
                format!(
                    "Updates to participants, by channel (local time, {})",
                    zone.name()
                ),
                (FONT, 14).into_font().color(&INK),
            )
            .x_label_area_size(26)
            .y_label_area_size(90)
            .build_cartesian_2d(xm(x0)..xm(x1), 0.0..nf)
            .map_err(&e)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(0)
            .light_line_style(GRID)
            .bold_line_style(GRID)
            .axis_style(INK)
            .label_style((FONT, 12).into_font().color(&INK))
            .x_labels(x_label_count(x0, x1))
            .x_label_formatter(&|x| x_label(*x, zone))
            .draw()
            .map_err(&e)?;
        if let Some((from, to)) = data.silence {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(xm(from), 0.0), (xm(to), nf)],
                    ALERT.mix(0.15).filled(),
                )))
                .map_err(&e)?;
        }
        for (i, (label, times)) in data.rows.iter().enumerate() {
            // Row i (from the top) is centred on y = n - i - 0.5.
            let y = nf - i as f64 - 0.5;
            chart
                .draw_series(
                    times
                        .iter()
                        .map(|t| Circle::new((xm(*t), y), 6, ACCENT.filled())),
                )
                .map_err(&e)?;
            let (_, py) = chart.plotting_area().map_coordinate(&(xm(x0), y));
            let px = chart.plotting_area().get_pixel_range().0.start;
            root.draw(&Text::new(
                label.clone(),
                ((px - 86).max(4), py - 6),
                (FONT, 12).into_font().color(&INK),
            ))
            .map_err(&e)?;
        }
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(svg)))
}
