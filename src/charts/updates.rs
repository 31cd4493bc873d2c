//! Every update to participants on a time axis, one row per channel, with the longest silence
//! between the first word and the recovery shaded: the rhythm of the crisis communication.

use plotters::prelude::*;

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ACCENT, ALERT, FONT, INK, LEGEND_PX, SMALL_PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::{Shade, TimeAxis};

/// The chart's data: one row per channel used (in the contract's order), the longest silence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UpdatesChart {
    pub title: String,
    pub axis: TimeAxis,
    /// (channel label, instants of its updates).
    pub rows: Vec<(String, Vec<i64>)>,
    /// The longest silence, shaded.
    pub silence: Option<Shade>,
}

/// Renders the strip.
pub fn render(c: &UpdatesChart, lang: Lang) -> Result<String> {
    let n = c.rows.len().max(1) as f64;
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: "",
        y_max: n,
        legend: vec![
            LegendItem::new(lang.t("ch-legend-update"), ACCENT, Swatch::Box),
            LegendItem::new(lang.t("ch-legend-longest-silence"), ALERT, Swatch::Shade),
        ],
        markers: &[],
        shade: c.silence.as_ref(),
        plot_height: SMALL_PLOT_HEIGHT.max(36 * c.rows.len() as i32),
        whole: true,
        percent: false,
    };
    frame::draw(&spec, |plot| {
        let e = super::err(c.title.as_str());
        for (i, (label, times)) in c.rows.iter().enumerate() {
            // Row i (from the top) is centred on n - i - 0.5.
            let y = plot.y(n - i as f64 - 0.5);
            plot.area
                .draw(&Text::new(
                    label.clone(),
                    (plot.left + 4, y - 22),
                    (FONT, LEGEND_PX).into_font().color(&INK),
                ))
                .map_err(&e)?;
            for t in times {
                plot.area
                    .draw(&Circle::new((plot.x(*t), y), 6, ACCENT.filled()))
                    .map_err(&e)?;
            }
        }
        Ok(())
    })
}
