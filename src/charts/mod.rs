//! Charts: one file per chart kind, chart data in, SVG text out (plotters' SVG backend, no
//! system fonts: the browser renders the text). Colours and sizes are named here.

pub mod funnel;
pub mod labels;
pub mod load;
pub mod timeline;
pub mod viewing;

use plotters::style::RGBColor;

use crate::error::Error;

/// Chart width and height in SVG units.
pub const WIDTH: u32 = 880;
pub const HEIGHT: u32 = 300;
pub const FONT: &str = "sans-serif";

pub const INK: RGBColor = RGBColor(0x22, 0x2b, 0x36);
pub const GRID: RGBColor = RGBColor(0xdd, 0xe1, 0xe6);
pub const NORMAL: RGBColor = RGBColor(0x7a, 0x8a, 0x9c);
pub const ALERT: RGBColor = RGBColor(0xc0, 0x39, 0x2b);
pub const ACCENT: RGBColor = RGBColor(0x1f, 0x6f, 0xb2);
pub const SOCIAL: RGBColor = RGBColor(0x8e, 0x44, 0xad);
pub const GOOD: RGBColor = RGBColor(0x27, 0x8a, 0x4c);

/// An instant (epoch ms) as a chart x coordinate in minutes: plotters then picks round
/// steps (5, 10, 20 minutes), aligned to the hour in whole-hour zones.
pub(crate) fn xm(ms: i64) -> f64 {
    ms as f64 / 60_000.0
}

/// The local `HH:MM` label of a chart x coordinate in minutes.
pub(crate) fn x_label(x: f64, zone: chrono_tz::Tz) -> String {
    crate::timeutil::fmt_local_hm((x * 60_000.0).round() as i64, zone)
}

/// How many x labels to ask plotters for, so that its round steps come out at 10 or 20 minutes
/// rather than 50.
pub(crate) fn x_label_count(x0: i64, x1: i64) -> usize {
    (((x1 - x0) / 60_000 / 20) as usize).clamp(6, 16)
}

/// A vertical marker on a time axis: instant and label.
#[derive(Debug, Clone)]
pub struct Marker {
    pub at: i64,
    pub label: String,
}

/// Maps a plotters error into a render error naming the chart.
pub(crate) fn err<E: std::fmt::Debug>(chart: &str) -> impl Fn(E) -> Error + '_ {
    move |e| Error::Render {
        what: format!("chart '{chart}'"),
        message: format!("{e:?}"),
    }
}

/// Strips the XML declaration plotters writes, so the SVG can sit inline in HTML, and makes it
/// scale with the page.
pub(crate) fn inline(svg: String) -> String {
    let svg = match svg.find("<svg") {
        Some(i) => svg[i..].to_string(),
        None => svg,
    };
    svg.replacen(
        "<svg ",
        "<svg class=\"chart\" preserveAspectRatio=\"xMidYMid meet\" ",
        1,
    )
}
