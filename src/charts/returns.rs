//! How fast the incident e-mail brought affected participants back: the distribution of the
//! time from their first delivery to their next successful view, as a box (quartiles) with
//! the median marked.

use plotters::prelude::*;

use super::{err, inline, ACCENT, FONT, GRID, INK, WIDTH};
use crate::error::Result;
use crate::i18n::format::{fmt_decimal, fmt_duration};
use crate::i18n::Lang;

/// The chart's data: quartiles and median in seconds, and how many participants they are over.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ReturnsChart {
    pub q1_s: i64,
    pub median_s: i64,
    pub q3_s: i64,
    pub participants: u64,
}

/// Renders the box; `None` when nobody came back after a delivery.
pub fn render(data: &ReturnsChart, lang: Lang) -> Result<Option<String>> {
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
                lang.t_args("ch-returns-caption", &[("n", data.participants.into())]),
                (FONT, 14).into_font().color(&INK),
            )
            .x_label_area_size(26)
            .build_cartesian_2d(0.0..max, 0.0..1.0)
            .map_err(&e)?;
        // The minutes as plotters writes them, with the language's decimal separator.
        let minutes = |v: &f64| {
            let written = format!("{}", (v * 1000.0).round() / 1000.0);
            let places = written.split_once('.').map_or(0, |(_, f)| f.len());
            fmt_decimal(lang, *v, places)
        };
        let mut mesh = chart.configure_mesh();
        mesh.disable_y_mesh()
            .y_labels(0)
            .light_line_style(GRID)
            .bold_line_style(GRID)
            .axis_style(INK)
            .label_style((FONT, 12).into_font().color(&INK))
            .x_desc(lang.t("ch-returns-x"));
        if lang != Lang::En {
            mesh.x_label_formatter(&minutes);
        }
        mesh.draw().map_err(&e)?;
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
            lang.t_args(
                "ch-returns-median",
                &[("duration", fmt_duration(lang, data.median_s).into())],
            ),
            (px + 6, py - 14),
            (FONT, 12).into_font().color(&INK),
        ))
        .map_err(&e)?;
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(svg, &lang.t("ch-returns-title"))))
}
