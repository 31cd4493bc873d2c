//! The e-mail funnel of an incident campaign: recipients, delivered, opened, clicked, and
//! backup-link clicks, as horizontal bars.

use plotters::prelude::*;
use plotters::style::text_anchor::HPos;

use super::frame;
use super::labels;
use super::{err, inline, ACCENT, GOOD, INK, LABEL_PX, NORMAL, PAD, WIDTH};
use crate::error::Result;
use crate::i18n::format::fmt_percent;
use crate::i18n::Lang;
use crate::report::charts_data::FunnelChart;

/// Height of one stage.
const STAGE: i32 = 34;

/// Renders one campaign's funnel.
pub fn render(c: &FunnelChart, lang: Lang) -> Result<String> {
    let title = c.title.clone();
    let what = title.as_str();
    let e = err(what);
    let max = c.stages.iter().map(|s| s.1).max().unwrap_or(0).max(1) as f64;
    let lines = frame::title_lines(&title);
    let top = PAD + frame::TITLE_LINE * lines.len() as i32 + 6;
    let height = top + STAGE * c.stages.len() as i32 + PAD;
    let (left, right) = (PAD, WIDTH as i32 - PAD);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height as u32)).into_drawing_area();
        root.fill(&WHITE).map_err(&e)?;
        frame::draw_title(&root, &lines, what)?;
        let texts: Vec<String> = c
            .stages
            .iter()
            .map(|(label, count)| {
                lang.t_args(
                    "ch-funnel-stage",
                    &[
                        ("label", label.clone().into()),
                        ("count", (*count).into()),
                        (
                            "share",
                            fmt_percent(lang, *count as f64 * 100.0 / max, 0).into(),
                        ),
                    ],
                )
            })
            .collect();
        // One scale for every bar, leaving room for the widest label on the right; a label
        // that still does not fit beside its bar goes inside it, in white.
        let room = (right - left) as f64;
        let widest = texts
            .iter()
            .map(|t| labels::text_width(t, LABEL_PX))
            .fold(0.0, f64::max);
        let scale = (room - widest - 8.0).max(room * 0.5) / max;
        for (i, ((_, count), text)) in c.stages.iter().zip(&texts).enumerate() {
            let y = top + STAGE * i as i32;
            let colour = match i {
                0 => NORMAL,
                _ if i == c.stages.len() - 1 => GOOD,
                _ => ACCENT,
            };
            let bw = (*count as f64 * scale).round() as i32;
            root.draw(&Rectangle::new(
                [(left, y + 5), (left + bw.max(1), y + STAGE - 5)],
                colour.mix(0.85).filled(),
            ))
            .map_err(&e)?;
            let tw = labels::text_width(text, LABEL_PX);
            let beside = left + bw + 6;
            // Beside the bar where it fits, else inside it in white where it fits there, else
            // beside it cut with an ellipsis: never white text past the bar's end.
            let (tx, ink, text) = if beside as f64 + tw <= right as f64 {
                (beside, INK, text.clone())
            } else if tw + 12.0 <= bw as f64 {
                (left + 6, WHITE, text.clone())
            } else {
                let room = (right - beside) as f64;
                (beside, INK, labels::fit(text, LABEL_PX, room))
            };
            frame::text(
                &root,
                &text,
                (tx, y + STAGE / 2),
                LABEL_PX,
                ink,
                HPos::Left,
                what,
            )?;
        }
        root.present().map_err(&e)?;
    }
    Ok(inline(svg, &title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_name_is_text_not_markup() {
        let c = FunnelChart {
            title: "E-mail funnel: campaign <script>alert(1)</script> & co".into(),
            stages: vec![("recipients".into(), 10), ("delivered".into(), 9)],
        };
        let svg = render(&c, Lang::En).unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    }

    #[test]
    fn a_label_too_long_for_either_side_is_cut_not_hidden() {
        let c = FunnelChart {
            title: "Funnel".into(),
            stages: vec![
                ("the affected participants".into(), 543),
                (
                    "watching again within fifteen minutes of their click on the backup link, at last".into(),
                    352,
                ),
            ],
        };
        let svg = render(&c, Lang::Fr).unwrap();
        // No white label (one inside its bar) wider than its bar: the second goes beside it, cut.
        let white_text = svg
            .split("<text")
            .skip(1)
            .filter(|t| t.contains("fill=\"#FFFFFF\""))
            .count();
        assert_eq!(white_text, 0, "{svg}");
        assert!(svg.contains("watching again within"), "{svg}");
        assert!(svg.contains('…'), "{svg}");
        // French numbers and percentages.
        assert!(
            svg.contains("the affected participants\u{A0}: 543 (100\u{202F}%)"),
            "{svg}"
        );
    }
}
