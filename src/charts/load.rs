//! Incident-related tickets and mentions per bucket, with milestone markers.

use chrono_tz::Tz;
use plotters::prelude::*;

use super::{
    err, inline, x_label, x_label_count, xm, Marker, ACCENT, ALERT, FONT, GRID, HEIGHT, INK,
    SOCIAL, WIDTH,
};
use crate::error::Result;

/// Renders the chart from (bucket start, all, incident-related) rows; `None` when both are
/// empty.
pub fn render(
    tickets: &[(i64, u64, u64)],
    mentions: &[(i64, u64, u64)],
    bucket_ms: i64,
    span: Option<(i64, i64)>,
    markers: &[Marker],
    zone: Tz,
) -> Result<Option<String>> {
    let all = tickets.iter().chain(mentions);
    let (Some(x0), Some(x1)) = (
        all.clone().map(|b| b.0).min(),
        all.clone().map(|b| b.0 + bucket_ms).max(),
    ) else {
        return Ok(None);
    };
    // The event window, widened to hold every bucket, keeps this chart aligned with the others.
    let (x0, x1) = match span {
        Some((s, e)) => (x0.min(s), x1.max(e)),
        None => (x0, x1),
    };
    let ymax = all.map(|b| b.2).max().unwrap_or(0).max(4) as f64 * 1.15;
    let e = err("support and social load");
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
            .y_desc(format!("per {} min", bucket_ms / 60_000))
            .draw()
            .map_err(&e)?;
        let half = bucket_ms / 2;
        let w = bucket_ms / 2 - bucket_ms / 10;
        chart
            .draw_series(tickets.iter().filter(|b| b.2 > 0).map(|b| {
                Rectangle::new(
                    [
                        (xm(b.0 + bucket_ms / 20), 0.0),
                        (xm(b.0 + bucket_ms / 20 + w), b.2 as f64),
                    ],
                    ALERT.mix(0.85).filled(),
                )
            }))
            .map_err(&e)?
            .label("incident tickets")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], ALERT.filled()));
        chart
            .draw_series(mentions.iter().filter(|b| b.2 > 0).map(|b| {
                Rectangle::new(
                    [(xm(b.0 + half), 0.0), (xm(b.0 + half + w), b.2 as f64)],
                    SOCIAL.mix(0.85).filled(),
                )
            }))
            .map_err(&e)?
            .label("incident mentions")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], SOCIAL.filled()));
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
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.9))
            .border_style(GRID)
            .label_font((FONT, 12).into_font().color(&INK))
            .draw()
            .map_err(&e)?;
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(svg)))
}
