//! E-mail reach over time: running totals of the recipients delivered, opened and clicked,
//! for one incident campaign or for the affected participants, the incident window shaded.

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ACCENT, ALERT, GOOD, PLOT_HEIGHT, SOCIAL};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::{EmailChart, EmailRow};

/// Renders the chart.
pub fn render(c: &EmailChart, lang: Lang) -> Result<String> {
    let y_max = c
        .rows
        .iter()
        .map(|r| r.delivered.max(r.opened).max(r.clicked))
        .max()
        .unwrap_or(0) as f64;
    let mut legend = vec![
        LegendItem::new(lang.t("ch-delivered"), ACCENT, Swatch::Line),
        LegendItem::new(lang.t("ch-opened"), GOOD, Swatch::Line),
        LegendItem::new(lang.t("ch-clicked"), SOCIAL, Swatch::Line),
    ];
    if c.shade.is_some() {
        legend.push(LegendItem::new(
            lang.t("ch-legend-incident-window"),
            ALERT,
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
        markers: &[],
        shade: c.shade.as_ref(),
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: false,
    };
    frame::draw(&spec, |plot| {
        // Running totals start from 0 at the axis's start, unless carried from before it.
        let start = c
            .rows
            .first()
            .filter(|r| r.at > c.axis.start)
            .map(|_| (c.axis.start, 0.0));
        let series = |f: fn(&EmailRow) -> u64| -> Vec<(i64, f64)> {
            start
                .into_iter()
                .chain(c.rows.iter().map(|r| (r.at, f(r) as f64)))
                .collect()
        };
        plot.steps(&series(|r| r.delivered), c.axis.end, ACCENT, 2)?;
        plot.steps(&series(|r| r.opened), c.axis.end, GOOD, 2)?;
        plot.steps(&series(|r| r.clicked), c.axis.end, SOCIAL, 2)
    })
}
