//! Charts: one file per chart kind, chart data from the report model in, SVG text out
//! (plotters' SVG backend, no system fonts: the browser renders the text). They run at render
//! time ([`render`]), so that the model holds numbers only. Colours and sizes are named here;
//! [`frame`] draws what every time chart shares and [`labels`] keeps labels apart.

pub mod audience;
pub mod campaigns;
pub mod email;
pub mod failures;
pub mod frame;
pub mod funnel;
pub mod labels;
pub mod retention;
pub mod returns;
pub mod social;
pub mod support;
pub mod timeline;
pub mod updates;
pub mod waiting;
pub mod web;

use plotters::style::{FontDesc, FontStyle, IntoFont, RGBAColor, RGBColor};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::report::charts_data::Charts;

/// Chart width in SVG units; heights follow from the content.
pub const WIDTH: u32 = 640;
/// Height of a time chart's plot, and of a small one (first replies).
pub const PLOT_HEIGHT: i32 = 220;
pub const SMALL_PLOT_HEIGHT: i32 = 120;
/// Outer margin.
pub const PAD: i32 = 14;
pub const FONT: &str = "sans-serif";
/// Font sizes in SVG units. The charts are drawn [`WIDTH`] units wide and never shown narrower
/// than [`MIN_SHOWN_WIDTH`] pixels, so 14 units are never under 11 pixels on a phone; nor
/// wider than [`MAX_SHOWN_WIDTH`], so they stay under 18 pixels on a desktop.
pub const TITLE_PX: f64 = 16.0;
pub const AXIS_PX: f64 = 14.0;
pub const LEGEND_PX: f64 = 14.0;
pub const MARKER_PX: f64 = 13.0;
pub const LABEL_PX: f64 = 13.0;
/// The narrowest a chart is shown (a phone scrolls it sideways) and the widest.
pub const MIN_SHOWN_WIDTH: u32 = 520;
pub const MAX_SHOWN_WIDTH: u32 = 820;

pub const INK: RGBColor = RGBColor(0x22, 0x2b, 0x36);
pub const MUTED: RGBColor = RGBColor(0x5b, 0x67, 0x75);
pub const GRID: RGBColor = RGBColor(0xe3, 0xe6, 0xea);
pub const NORMAL: RGBColor = RGBColor(0x9a, 0xa6, 0xb4);
pub const ALERT: RGBColor = RGBColor(0xc0, 0x39, 0x2b);
pub const ACCENT: RGBColor = RGBColor(0x1f, 0x6f, 0xb2);
pub const SOCIAL: RGBColor = RGBColor(0x8e, 0x44, 0xad);
pub const GOOD: RGBColor = RGBColor(0x27, 0x8a, 0x4c);
pub const WARN: RGBColor = RGBColor(0xd4, 0x8a, 0x0c);
/// The incident window's shade.
pub const SHADE: RGBAColor = RGBAColor(0xc0, 0x39, 0x2b, 0.09);
/// Line colours of platforms, main ones first.
pub const PLATFORM_COLOURS: [RGBColor; 5] = [ACCENT, GOOD, SOCIAL, WARN, INK];

/// A font at `px` SVG units (plotters writes sizes divided by 1.24).
pub(crate) fn font(px: f64) -> plotters::style::TextStyle<'static> {
    (FONT, px * 1.24).into_font().into()
}

/// The bold font at `px` SVG units.
pub(crate) fn bold(px: f64) -> plotters::style::TextStyle<'static> {
    let f: FontDesc<'static> = (FONT, px * 1.24, FontStyle::Bold).into_font();
    f.into()
}

/// Maps a plotters error into a render error naming the chart.
pub(crate) fn err<E: std::fmt::Debug>(chart: &str) -> impl Fn(E) -> Error + '_ {
    move |e| Error::Render {
        what: format!("chart '{chart}'"),
        message: format!("{e:?}"),
    }
}

/// Escapes text for an XML attribute or element.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Strips the XML declaration plotters writes, so the SVG can sit inline in HTML; makes it
/// scale with the page between [`MIN_SHOWN_WIDTH`] and [`MAX_SHOWN_WIDTH`]; names it for
/// screen readers; and rounds the font sizes plotters writes (`13.000000000000002`).
pub(crate) fn inline(svg: String, title: &str) -> String {
    let svg = match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg.as_str(),
    };
    let t = xml_escape(title);
    let svg = svg.replacen(
        "<svg ",
        &format!(
            "<svg class=\"chart\" role=\"img\" aria-label=\"{t}\" style=\"min-width:{MIN_SHOWN_WIDTH}px;max-width:{MAX_SHOWN_WIDTH}px\" preserveAspectRatio=\"xMidYMid meet\" "
        ),
        1,
    );
    let svg = match svg.find('>') {
        Some(i) => format!("{}<title>{t}</title>{}", &svg[..=i], &svg[i + 1..]),
        None => svg,
    };
    round_font_sizes(&svg)
}

fn round_font_sizes(svg: &str) -> String {
    let key = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(key) {
        out.push_str(&rest[..i + key.len()]);
        rest = &rest[i + key.len()..];
        let end = rest.find('"').unwrap_or(rest.len());
        match rest[..end].parse::<f64>() {
            Ok(v) => out.push_str(&format!("{}", (v * 10.0).round() / 10.0)),
            Err(_) => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Every chart's SVG, by the field names of [`Charts`].
#[derive(Debug, Default, Serialize)]
pub struct Rendered {
    pub timeline: Option<String>,
    pub audience: Option<String>,
    pub failures: Option<String>,
    pub waiting: Option<String>,
    pub email: Vec<String>,
    pub email_affected: Option<String>,
    pub funnels: Vec<String>,
    pub support: Option<String>,
    pub social: Option<String>,
    pub updates: Option<String>,
    pub affected_funnel: Option<String>,
    pub returns: Option<String>,
    pub retention: Option<String>,
    pub campaigns: Option<String>,
    pub web: Option<String>,
}

/// Draws every chart of the model, in its language ([`Charts::lang`]).
pub fn render(c: &Charts) -> Result<Rendered> {
    let lang = c.lang;
    Ok(Rendered {
        timeline: c
            .timeline
            .as_ref()
            .map(|d| timeline::render(d, lang))
            .transpose()?,
        audience: c
            .audience
            .as_ref()
            .map(|d| audience::render(d, lang))
            .transpose()?,
        failures: c
            .failures
            .as_ref()
            .map(|d| failures::render(d, lang))
            .transpose()?,
        waiting: c
            .waiting
            .as_ref()
            .map(|d| waiting::render(d, lang))
            .transpose()?,
        email: c
            .email
            .iter()
            .map(|d| email::render(d, lang))
            .collect::<Result<_>>()?,
        email_affected: c
            .email_affected
            .as_ref()
            .map(|d| email::render(d, lang))
            .transpose()?,
        funnels: c
            .funnels
            .iter()
            .map(|d| funnel::render(d, lang))
            .collect::<Result<_>>()?,
        support: c
            .support
            .as_ref()
            .map(|d| support::render(d, lang))
            .transpose()?,
        social: c
            .social
            .as_ref()
            .map(|d| social::render(d, lang))
            .transpose()?,
        updates: c
            .updates
            .as_ref()
            .map(|d| updates::render(d, lang))
            .transpose()?,
        affected_funnel: c
            .affected_funnel
            .as_ref()
            .map(|d| funnel::render(d, lang))
            .transpose()?,
        returns: match &c.returns {
            Some(r) => returns::render(r, lang)?,
            None => None,
        },
        retention: c
            .retention
            .as_ref()
            .map(|d| retention::render(d, lang))
            .transpose()?,
        campaigns: c
            .campaigns
            .as_ref()
            .map(|d| campaigns::render(d, lang))
            .transpose()?,
        web: c.web.as_ref().map(|d| web::render(d, lang)).transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_svg_is_titled_escaped_and_rounded() {
        let svg = "<?xml version=\"1.0\"?>\n<svg width=\"720\" height=\"10\" viewBox=\"0 0 720 10\"><text font-size=\"13.000000000000002\">a</text></svg>".to_string();
        let out = inline(svg, "campaign <b>&\"x\"");
        assert!(out.starts_with(
            "<svg class=\"chart\" role=\"img\" aria-label=\"campaign &lt;b&gt;&amp;&quot;x&quot;\""
        ));
        assert!(
            out.contains(
                "<title>campaign &lt;b&gt;&amp;&quot;x&quot;</title><text font-size=\"13\">"
            ),
            "{out}"
        );
    }
}
