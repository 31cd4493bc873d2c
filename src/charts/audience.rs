//! Audience: active viewers per minute on each platform (main ones first, then the fallback
//! platforms), with the incident window shaded: it shows the switch from one to the other.
//! A platform's own concurrent-viewer count (YouTube's snapshots) is drawn beside, as dots.

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{PLATFORM_COLOURS, PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::AudienceChart;

/// Renders the chart.
pub fn render(c: &AudienceChart, lang: Lang) -> Result<String> {
    let y_max = c
        .rows
        .iter()
        .flat_map(|r| r.viewers.iter())
        .copied()
        .max()
        .unwrap_or(0)
        .max(
            c.snapshots
                .iter()
                .flat_map(|l| l.points.iter().map(|p| p.2.max(0) as u64))
                .max()
                .unwrap_or(0),
        ) as f64;
    let colour = |i: usize| PLATFORM_COLOURS[i % PLATFORM_COLOURS.len()];
    let mut legend: Vec<LegendItem> = c
        .platforms
        .iter()
        .enumerate()
        .map(|(i, p)| LegendItem::new(p.clone(), colour(i), Swatch::Line))
        .collect();
    for l in &c.snapshots {
        legend.push(LegendItem::new(
            l.label.clone(),
            colour(l.colour),
            Swatch::Dots,
        ));
    }
    if c.shade.is_some() {
        legend.push(LegendItem::new(
            lang.t("ch-legend-incident-window"),
            super::ALERT,
            Swatch::Shade,
        ));
    }
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &c.y_title,
        y_max,
        legend,
        markers: &c.markers,
        shade: c.shade.as_ref(),
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: false,
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
        for l in &c.snapshots {
            let points: Vec<(i64, f64)> = l.points.iter().map(|p| (p.0, p.2 as f64)).collect();
            plot.line(&points, colour(l.colour), 1)?;
            plot.dots(&points, colour(l.colour), 3)?;
        }
        Ok(())
    })
}
