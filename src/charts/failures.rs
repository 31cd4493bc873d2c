//! Failed views per minute: the affected segment's failures stacked under the rest's, and a
//! strip above each minute the onset test found anomalous (without a segment, the anomalous
//! minutes' bars are red).

use super::frame::{self, LegendItem, Spec, Swatch};
use super::{ALERT, INK, NORMAL, PLOT_HEIGHT};
use crate::error::Result;
use crate::report::charts_data::FailuresChart;
use crate::timeutil::MINUTE_MS;

/// The strip marking an anomalous minute, in pixels above the plot's floor.
const STRIP: i32 = 5;

/// Renders the chart.
pub fn render(c: &FailuresChart) -> Result<String> {
    let y_max = c.rows.iter().map(|r| r.total).max().unwrap_or(0) as f64;
    let legend = match &c.segment {
        Some(s) => vec![
            LegendItem::new(s.clone(), ALERT, Swatch::Box),
            LegendItem::new("elsewhere", NORMAL, Swatch::Box),
            LegendItem::new("anomalous minute (strip above)", INK, Swatch::Box),
        ],
        None => vec![
            LegendItem::new("anomalous minute", ALERT, Swatch::Box),
            LegendItem::new("other minutes", NORMAL, Swatch::Box),
        ],
    };
    let spec = Spec {
        title: &c.title,
        axis: &c.axis,
        y_title: &c.y_title,
        y_max,
        legend,
        markers: &c.markers,
        shade: None,
        plot_height: PLOT_HEIGHT,
        whole: true,
        y_unit: "",
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
