//! Audience: active viewers per minute on each platform (main ones first, then the fallback
//! platforms), with the incident window shaded: it shows the switch from one to the other.

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{PLATFORM_COLOURS, PLOT_HEIGHT};
use crate::error::Result;
use crate::report::charts_data::AudienceChart;

/// Renders the chart.
pub fn render(c: &AudienceChart) -> Result<String> {
    let y_max = c
        .rows
        .iter()
        .flat_map(|r| r.viewers.iter())
        .copied()
        .max()
        .unwrap_or(0) as f64;
    let colour = |i: usize| PLATFORM_COLOURS[i % PLATFORM_COLOURS.len()];
    let mut legend: Vec<LegendItem> = c
        .platforms
        .iter()
        .enumerate()
        .map(|(i, p)| LegendItem::new(p.clone(), colour(i), Swatch::Line))
        .collect();
    if c.shade.is_some() {
        legend.push(LegendItem::new(
            "incident window",
            super::ALERT,
            Swatch::Shade,
        ));
    }
    let spec = Spec {
        title: &c.title,
        axis: &c.axis,
        y_title: &c.y_title,
        y_max,
        legend,
        markers: &c.markers,
        shade: c.shade.as_ref(),
        plot_height: PLOT_HEIGHT,
        whole: true,
        y_unit: "",
    };
    frame::draw(&spec, |plot| {
        for i in 0..c.platforms.len() {
            let points: Vec<(i64, f64)> = c
                .rows
                .iter()
                .map(|r| (r.at, r.viewers.get(i).copied().unwrap_or(0) as f64))
                .collect();
            plot.steps(&points, c.axis.end, colour(i), 2)?;
        }
        Ok(())
    })
}
