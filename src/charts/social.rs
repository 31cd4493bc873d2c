//! Social media: incident mentions per bucket, stacked by sentiment (negative at the bottom),
//! with the milestones.

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ALERT, GOOD, NORMAL, PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::SocialChart;
use crate::timeutil::MINUTE_MS;

/// Renders the chart.
pub fn render(c: &SocialChart, lang: Lang) -> Result<String> {
    let y_max = c
        .rows
        .iter()
        .map(|r| r.negative + r.neutral + r.positive)
        .max()
        .unwrap_or(0) as f64;
    let y_title = lang.t_args("ch-social-y", &[("minutes", c.bucket_minutes.into())]);
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &y_title,
        y_max,
        legend: vec![
            LegendItem::new(lang.t("ch-legend-negative"), ALERT, Swatch::Box),
            LegendItem::new(lang.t("ch-legend-neutral"), NORMAL, Swatch::Box),
            LegendItem::new(lang.t("ch-legend-positive"), GOOD, Swatch::Box),
        ],
        markers: &c.markers,
        shade: None,
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: false,
    };
    let width = c.bucket_minutes * MINUTE_MS;
    frame::draw(&spec, |plot| {
        for r in &c.rows {
            let (from, to) = (r.at + width / 10, r.at + width - width / 10);
            let (a, b, t) = (
                r.negative as f64,
                (r.negative + r.neutral) as f64,
                (r.negative + r.neutral + r.positive) as f64,
            );
            plot.bar(from, to, 0.0, a, ALERT)?;
            plot.bar(from, to, a, b, NORMAL)?;
            plot.bar(from, to, b, t, GOOD)?;
        }
        Ok(())
    })
}
