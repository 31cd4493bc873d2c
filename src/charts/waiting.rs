//! The cost of waiting: affected participants not yet watching again, per minute, from the
//! onset to recovery. Its area is the participant-minutes lost; the first communication is
//! marked.

use super::frame::{self, LegendItem, Spec, Swatch};
use plotters::style::Color;

use super::{ALERT, PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::WaitingChart;
use crate::timeutil::MINUTE_MS;

/// Renders the chart.
pub fn render(c: &WaitingChart, lang: Lang) -> Result<String> {
    let y_max = c
        .rows
        .iter()
        .map(|r| r.participant_minutes)
        .fold(0.0, f64::max);
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &c.y_title,
        y_max,
        legend: vec![LegendItem::new(
            lang.t_args(
                "ch-legend-waiting-area",
                &[("total", c.total.clone().into())],
            ),
            ALERT,
            Swatch::Box,
        )],
        markers: &c.markers,
        shade: None,
        plot_height: PLOT_HEIGHT,
        whole: false,
        percent: false,
    };
    frame::draw(&spec, |plot| {
        let points: Vec<(i64, f64)> = c
            .rows
            .iter()
            .map(|r| (r.at, r.participant_minutes))
            .collect();
        let until = c
            .rows
            .last()
            .map(|r| r.at + MINUTE_MS)
            .unwrap_or(c.axis.end);
        plot.step_area(&points, until, ALERT.mix(0.35))?;
        plot.steps(&points, until, ALERT, 2)
    })
}
