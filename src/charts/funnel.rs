//! The e-mail funnel of each incident campaign: recipients, delivered, opened, clicked, and
//! backup-link clicks, as horizontal bars.

use plotters::prelude::*;

use super::{err, inline, ACCENT, FONT, GOOD, INK, NORMAL, WIDTH};
use crate::error::Result;

/// One stage: label, count.
pub type Stage = (String, u64);

/// Renders one funnel under `title` ("campaign lien-secours"); `None` when its first stage is
/// empty.
pub fn render(title: &str, stages: &[Stage]) -> Result<Option<String>> {
    let max = stages.iter().map(|s| s.1).max().unwrap_or(0);
    if max == 0 {
        return Ok(None);
    }
    let e = err("e-mail funnel");
    let n = stages.len() as i32;
    let height = (50 + 34 * n) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .caption(title, (FONT, 14).into_font().color(&INK))
            .x_label_area_size(0)
            .y_label_area_size(0)
            .build_cartesian_2d(0f64..max as f64 * 1.35, 0f64..n as f64)
            .map_err(&e)?;
        chart
            .configure_mesh()
            .disable_mesh()
            .disable_axes()
            .draw()
            .map_err(&e)?;
        for (i, (label, count)) in stages.iter().enumerate() {
            let y = (n - 1 - i as i32) as f64;
            let colour = match i {
                0 => NORMAL,
                _ if i == stages.len() - 1 => GOOD,
                _ => ACCENT,
            };
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(0.0, y + 0.15), (*count as f64, y + 0.85)],
                    colour.mix(0.85).filled(),
                )))
                .map_err(&e)?;
            let pct = format!("{:.0}%", *count as f64 * 100.0 / max as f64);
            chart
                .draw_series(std::iter::once(Text::new(
                    format!("{label}: {count} ({pct})"),
                    (*count as f64 + max as f64 * 0.01, y + 0.7),
                    (FONT, 13).into_font().color(&INK),
                )))
                .map_err(&e)?;
        }
        root.present().map_err(&e)?;
    }
    Ok(Some(inline(svg)))
}
