//! Failed views per minute: the affected segment's failures stacked under the rest's, and a
//! strip above each minute the onset test found anomalous (without a segment, the anomalous
//! minutes' bars are red).

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ALERT, INK, NORMAL, PLOT_HEIGHT};
use crate::error::Result;
use crate::i18n::Lang;
use crate::report::charts_data::FailuresChart;
use crate::timeutil::MINUTE_MS;

/// The strip marking an anomalous minute, in pixels above the plot's floor.
const STRIP: i32 = 5;

/// Renders the chart.
pub fn render(c: &FailuresChart, lang: Lang) -> Result<String> {
    let y_max = c.rows.iter().map(|r| r.total).max().unwrap_or(0) as f64;
    let legend = match &c.segment {
        Some(s) => vec![
            LegendItem::new(s.clone(), ALERT, Swatch::Box),
            LegendItem::new(lang.t("ch-legend-elsewhere"), NORMAL, Swatch::Box),
            LegendItem::new(lang.t("ch-legend-anomalous-strip"), INK, Swatch::Box),
        ],
        None => vec![
            LegendItem::new(lang.t("ch-legend-anomalous"), ALERT, Swatch::Box),
            LegendItem::new(lang.t("ch-legend-other-minutes"), NORMAL, Swatch::Box),
        ],
    };
    let spec = Spec {
        lang,
        title: &c.title,
        axis: &c.axis,
        y_title: &c.y_title,
        y_max,
        legend,
        markers: &c.markers,
        shade: None,
        plot_height: PLOT_HEIGHT,
        whole: true,
        percent: false,
    };
    frame::draw(&spec, |plot| {
        for r in &c.rows {
            let (from, to) = (r.at + 6_000, r.at + MINUTE_MS - 6_000);
            match &c.segment {
                Some(_) => {
                    plot.bar(from, to, 0.0, r.inside as f64, ALERT)?;
                    plot.bar(from, to, r.inside as f64, r.total as f64, NORMAL)?;
                    if r.anomalous {
                        let y = plot.y(r.total as f64) - 3;
                        plot.area
                            .draw(&plotters::element::Rectangle::new(
                                [
                                    (plot.x(from), y - STRIP),
                                    (plot.x(to).max(plot.x(from) + 1), y),
                                ],
                                plotters::style::Color::filled(&INK),
                            ))
                            .map_err(super::err(&c.title))?;
                    }
                }
                None => {
                    let colour = if r.anomalous { ALERT } else { NORMAL };
                    plot.bar(from, to, 0.0, r.total as f64, colour)?;
                }
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::format::fmt_clock;
    use crate::report::charts_data::{FailureRow, MarkerData, TimeAxis};

    const PARIS: chrono_tz::Tz = chrono_tz::Europe::Paris;
    /// 2020-11-27T13:30:00Z, 14:30 in Paris.
    const T: i64 = 1_606_483_800_000;

    fn chart(lang: Lang) -> FailuresChart {
        let detected = T + 12 * MINUTE_MS;
        FailuresChart {
            title: lang.t("ch-failures-title"),
            axis: TimeAxis::spanning_in(lang, T, T + 60 * MINUTE_MS, PARIS),
            y_title: lang.t("ch-failures-y"),
            segment: None,
            markers: vec![MarkerData {
                at: detected,
                label: lang.t_args(
                    "ch-marker-detected",
                    &[("time", fmt_clock(lang, detected, PARIS).into())],
                ),
            }],
            rows: vec![FailureRow {
                at: T + 10 * MINUTE_MS,
                local: fmt_clock(lang, T + 10 * MINUTE_MS, PARIS),
                inside: 0,
                outside: 1500,
                total: 1500,
                anomalous: true,
            }],
        }
    }

    #[test]
    fn a_french_chart_is_drawn_in_french() {
        let svg = render(&chart(Lang::Fr), Lang::Fr).unwrap();
        for s in [
            "Vues en échec par minute",
            "vues en échec par minute",
            "minute anormale",
            "autres minutes",
            "heure locale (Europe/Paris)",
            "14\u{a0}h\u{a0}30",
            "détection 14\u{a0}h\u{a0}42",
            // The y ticks: 0, 500, 1000, 1500.
            "1\u{202F}500",
        ] {
            assert!(svg.contains(s), "{s} missing: {svg}");
        }
        assert!(!svg.contains("14:30"), "{svg}");
        let en = render(&chart(Lang::En), Lang::En).unwrap();
        for s in ["anomalous minute", "14:30", "detected 14:42", "\n1500\n"] {
            assert!(en.contains(s), "{s} missing: {en}");
        }
    }
}
