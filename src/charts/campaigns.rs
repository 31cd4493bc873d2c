//! Every e-mail campaign side by side: for each, the share delivered (of its recipients), and
//! opened and clicked (of those delivered), as horizontal bars on one 0-100% scale, so that
//! the reminders and the incident e-mail read against each other.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;

use super::frame;
use super::labels;
use super::{bold, err, inline, ACCENT, GOOD, INK, LABEL_PX, NORMAL, PAD, WIDTH};
use crate::error::Result;
use crate::i18n::format::fmt_percent;
use crate::i18n::Lang;

/// Height of a campaign's name line and of one of its bars.
const NAME: i32 = 24;
const BAR: i32 = 22;
/// Room between two campaigns.
const GAP: i32 = 10;
/// Room on the left for the bars' labels.
const LABELS: i32 = 86;

/// One campaign's rates, in percent; None where the denominator is 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignBars {
    /// `rappel-j0: 1962 recipients, first sent 13:02`.
    pub heading: String,
    pub delivered_pct: Option<f64>,
    pub opened_pct: Option<f64>,
    pub clicked_pct: Option<f64>,
}

/// Every campaign of metrics.json `engagement.campaigns`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CampaignsChart {
    pub title: String,
    pub campaigns: Vec<CampaignBars>,
}

/// Renders the bars.
pub fn render(c: &CampaignsChart, lang: Lang) -> Result<String> {
    let title = c.title.clone();
    let what = title.as_str();
    let e = err(what);
    let lines = frame::title_lines(&title);
    let top = PAD + frame::TITLE_LINE * lines.len() as i32 + 6;
    let block = NAME + 3 * BAR + GAP;
    let height = top + block * c.campaigns.len() as i32 + PAD;
    let (left, right) = (PAD + LABELS, WIDTH as i32 - PAD);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height as u32)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        frame::draw_title(&root, &lines, what)?;
        // Room on the right for the widest value label ("100.0%").
        let widest = fmt_percent(lang, 100.0, 1);
        let room = (right - left) as f64 - labels::text_width(&widest, LABEL_PX) - 8.0;
        for (k, camp) in c.campaigns.iter().enumerate() {
            let y0 = top + block * k as i32;
            // A long campaign name is cut with an ellipsis, never past the chart's edge.
            let heading = labels::fit(&camp.heading, LABEL_PX * 1.08, (right - PAD) as f64);
            root.draw(&Text::new(
                heading,
                (PAD, y0 + NAME / 2),
                bold(LABEL_PX)
                    .color(&INK)
                    .pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(&e)?;
            let bars = [
                (lang.t("ch-delivered"), camp.delivered_pct, NORMAL),
                (lang.t("ch-opened"), camp.opened_pct, ACCENT),
                (lang.t("ch-clicked"), camp.clicked_pct, GOOD),
            ];
            for (i, (label, pct, colour)) in bars.iter().enumerate() {
                let y = y0 + NAME + BAR * i as i32;
                frame::text(
                    &root,
                    label,
                    (PAD, y + BAR / 2),
                    LABEL_PX,
                    INK,
                    HPos::Left,
                    what,
                )?;
                let value = match pct {
                    Some(p) => fmt_percent(lang, *p, 1),
                    None => lang.t("ch-not-available"),
                };
                let bw = (pct.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0 * room).round() as i32;
                if bw > 0 {
                    root.draw(&Rectangle::new(
                        [(left, y + 4), (left + bw, y + BAR - 4)],
                        colour.mix(0.85).filled(),
                    ))
                    .map_err(&e)?;
                }
                frame::text(
                    &root,
                    &value,
                    (left + bw + 6, y + BAR / 2),
                    LABEL_PX,
                    INK,
                    HPos::Left,
                    what,
                )?;
            }
        }
        root.present().map_err(&e)?;
    }
    Ok(inline(svg, &title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_name_is_text_and_every_rate_is_written() {
        let c = CampaignsChart {
            title: "Every e-mail campaign".into(),
            campaigns: vec![CampaignBars {
                heading: "<b>promo</b> & co: 10 recipients".into(),
                delivered_pct: Some(90.0),
                opened_pct: Some(55.6),
                clicked_pct: None,
            }],
        };
        let svg = render(&c, Lang::En).unwrap();
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;b&gt;promo&lt;/b&gt; &amp; co"), "{svg}");
        for v in ["90.0%", "55.6%", "n/a", "delivered", "opened", "clicked"] {
            assert!(svg.contains(v), "{v} missing: {svg}");
        }
        let fr = render(&c, Lang::Fr).unwrap();
        for v in [
            "90,0\u{202F}%",
            "55,6\u{202F}%",
            "n. d.",
            "délivrés",
            "ouverts",
            "cliqués",
        ] {
            assert!(fr.contains(v), "{v} missing: {fr}");
        }
    }
}
