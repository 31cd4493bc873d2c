//! Support: incident tickets created per bucket (bars) and the open backlog (created minus
//! solved so far, a line), with the milestones; under it, the median first-reply wait of the
//! tickets created in each bucket.

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ACCENT, ALERT, INK, PLOT_HEIGHT, SMALL_PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::SupportChart;
use crate::timeutil::MINUTE_MS;

/// Renders the two charts, one under the other.
pub fn render(c: &SupportChart, lang: Lang) -> Result<String> {
    let width = c.bucket_minutes * MINUTE_MS;
    let y_max = c
        .rows
        .iter()
        .map(|r| (r.created as i64).max(r.backlog))
        .max()
        .unwrap_or(0)
        .max(0) as f64;
    let y_title = lang.t("ch-support-y");
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &y_title,
        y_max,
        legend: vec![
            LegendItem::new(
                lang.t_args(
                    "ch-legend-created-per",
                    &[("minutes", c.bucket_minutes.into())],
                ),
                ALERT,
                Swatch::Box,
            ),
            LegendItem::new(lang.t("ch-legend-open"), INK, Swatch::Line),
        ],
        markers: &c.markers,
        shade: None,
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: false,
    };
    let load = frame::draw(&spec, |plot| {
        for r in &c.rows {
            plot.bar(
                r.at + width / 10,
                r.at + width - width / 10,
                0.0,
                r.created as f64,
                ALERT,
            )?;
        }
        // The backlog at each bucket's end.
        let points: Vec<(i64, f64)> = c
            .rows
            .iter()
            .map(|r| (r.at + width, r.backlog.max(0) as f64))
            .collect();
        plot.line(&points, INK, 2)
    })?;
    let replies: Vec<(i64, f64)> = c
        .rows
        .iter()
        .filter_map(|r| Some((r.at, r.median_reply_s? as f64 / 60.0)))
        .collect();
    if replies.is_empty() {
        return Ok(load);
    }
    let reply_y_title = lang.t("ch-support-reply-y");
    let spec = Spec {
        lang,
        title: &c.reply_title,
        axis: &c.axis,
        y_title: &reply_y_title,
        y_max: replies.iter().map(|r| r.1).fold(0.0, f64::max),
        legend: Vec::new(),
        markers: &[],
        shade: None,
        plot_height: SMALL_PLOT_HEIGHT,
        whole: false,
        percent: false,
    };
    let reply = frame::draw(&spec, |plot| {
        for (at, m) in &replies {
            plot.bar(at + width / 4, at + width - width / 4, 0.0, *m, ACCENT)?;
        }
        Ok(())
    })?;
    Ok(format!("{load}\n{reply}"))
}
