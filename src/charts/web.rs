//! The website as a channel: requests to the pages that carried the backup link, per bucket,
//! with the first communication marked: whether people went looking for the link, and when.

use serde::Serialize;

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ACCENT, PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::{MarkerData, TimeAxis};
use crate::timeutil::{Millis, MINUTE_MS};

/// One bucket of backup-page requests.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WebRow {
    pub at: Millis,
    pub local: String,
    pub requests: u64,
}

/// metrics.json `engagement.web.requests`, drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WebChart {
    pub title: String,
    pub axis: TimeAxis,
    pub bucket_minutes: i64,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<WebRow>,
}

/// Renders the bars, one per bucket.
pub fn render(c: &WebChart, lang: Lang) -> Result<String> {
    let width = c.bucket_minutes * MINUTE_MS;
    let y_title = lang.t("ch-web-y");
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &y_title,
        y_max: c.rows.iter().map(|r| r.requests).max().unwrap_or(0) as f64,
        legend: vec![LegendItem::new(
            lang.t_args(
                "ch-legend-requests-per",
                &[("minutes", c.bucket_minutes.into())],
            ),
            ACCENT,
            Swatch::Box,
        )],
        markers: &c.markers,
        shade: None,
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: false,
    };
    frame::draw(&spec, |plot| {
        for r in c.rows.iter().filter(|r| r.requests > 0) {
            plot.bar(
                r.at + width / 10,
                r.at + width - width / 10,
                0.0,
                r.requests as f64,
                ACCENT,
            )?;
        }
        Ok(())
    })
}
