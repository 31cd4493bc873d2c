//! Retention: the share of the attendees watching in each bucket of the event window, the
//! incident window shaded. A dip inside the shade that does not come back up is the audience
//! the incident cost.

use serde::Serialize;

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ACCENT, ALERT, PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::{MarkerData, Shade, TimeAxis};
use crate::timeutil::{Millis, MINUTE_MS};

/// One bucket of the retention series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RetentionRow {
    pub at: Millis,
    pub local: String,
    /// Share of the attendees active in the bucket, 0 to 1.
    pub share: f64,
    /// `45.3%`.
    pub shown: String,
}

/// The retention series of metrics.json `engagement.retention`, drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RetentionChart {
    pub title: String,
    pub axis: TimeAxis,
    pub bucket_minutes: i64,
    pub shade: Option<Shade>,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<RetentionRow>,
}

/// Renders the chart: a step line from 0 to 100%, each bucket's share held over the bucket.
pub fn render(c: &RetentionChart, lang: Lang) -> Result<String> {
    let mut legend = vec![LegendItem::new(
        lang.t_args(
            "ch-legend-attendees-watching",
            &[("minutes", c.bucket_minutes.into())],
        ),
        ACCENT,
        Swatch::Line,
    )];
    if c.shade.is_some() {
        legend.push(LegendItem::new(
            lang.t("ch-legend-incident-window"),
            ALERT,
            Swatch::Shade,
        ));
    }
    let y_title = lang.t("ch-retention-y");
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &y_title,
        y_max: 100.0,
        legend,
        markers: &c.markers,
        shade: c.shade.as_ref(),
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: true,
    };
    let until = c
        .rows
        .last()
        .map(|r| r.at + c.bucket_minutes * MINUTE_MS)
        .unwrap_or(c.axis.end)
        .min(c.axis.end);
    frame::draw(&spec, |plot| {
        let points: Vec<(Millis, f64)> = c.rows.iter().map(|r| (r.at, r.share * 100.0)).collect();
        plot.steps(&points, until, ACCENT, 2)
    })
}
