//! The report's "Did our communication work?" section (issue 13): the participants' wait
//! beside the team's time to communicate, every update on a strip, the affected participants'
//! funnel from the e-mail to watching again, and how fast the e-mail brought them back.

use serde::Serialize;

use crate::analysis::Analysis;
use crate::charts::{self, returns::ReturnsChart, updates::UpdatesChart};
use crate::config::Config;
use crate::error::Result;
use crate::timeutil::{fmt_duration, fmt_local_hm};

/// One update, for the table under the strip.
#[derive(Debug, Serialize)]
pub struct UpdateRow {
    pub local: String,
    pub channel: &'static str,
    pub what: String,
}

/// The section's model.
#[derive(Debug, Serialize)]
pub struct CommunicationView {
    /// How long participants waited for a first word, from the impact start.
    pub wait: Option<String>,
    /// The team's time to communicate, from the detection.
    pub time_to_communicate: Option<String>,
    pub updates: Vec<UpdateRow>,
    /// "The longest silence: 11 min 30 s, from 15:50 to the recovery at 16:02."
    pub longest_gap: Option<String>,
    /// (stage, participants, share of the affected) from affected to back after a click.
    pub funnel: Vec<(String, u64, String)>,
    /// "Half of them were watching again 3 min 12 s after the delivery (quartiles ...)".
    pub return_sentence: Option<String>,
    pub updates_chart: Option<String>,
    pub funnel_chart: Option<String>,
    pub returns_chart: Option<String>,
}

fn channel_label(name: &str) -> &'static str {
    match name {
        "email" => "e-mail",
        "social" => "social media",
        "website" => "website",
        "support" => "support",
        _ => "other",
    }
}

/// Builds the section; `None` when there was no communication to speak of and nothing to
/// wait for.
pub fn view(a: &Analysis, config: &Config) -> Result<Option<CommunicationView>> {
    let z = config.zone;
    let c = &a.communication;
    let i = &a.incident;
    if c.updates.is_empty() && c.time_without_news_s.is_none() {
        return Ok(None);
    }
    // The strip: one row per channel used, in the contract's order.
    let mut rows: Vec<(String, Vec<i64>)> = Vec::new();
    for u in &c.updates {
        let label = channel_label(u.channel.name()).to_string();
        match rows.iter_mut().find(|r| r.0 == label) {
            Some(r) => r.1.push(u.at),
            None => rows.push((label, vec![u.at])),
        }
    }
    rows.sort_by_key(|r| {
        c.updates
            .iter()
            .find(|u| channel_label(u.channel.name()) == r.0)
            .map(|u| u.channel)
    });
    let first = c.updates.first().map(|u| u.at);
    let last = c.updates.last().map(|u| u.at);
    let span_start = i.started_at.at.or(first).unwrap_or_default();
    let span_end = i
        .recovered_at
        .at
        .into_iter()
        .chain(last)
        .max()
        .unwrap_or(span_start);
    let silence = c
        .longest_gap_from
        .zip(c.longest_gap_s)
        .map(|(from, s)| (from, from + s * 1000));
    let updates_chart = charts::updates::render(
        &UpdatesChart {
            rows,
            silence,
            span: (span_start, span_end),
        },
        z,
    )?;
    let longest_gap = silence.map(|(from, to)| {
        let end = match i.recovered_at.at {
            Some(r) if r == to => format!("the recovery at {}", fmt_local_hm(r, z)),
            _ => fmt_local_hm(to, z),
        };
        format!(
            "The longest silence: {}, from the update at {} to {end}.",
            fmt_duration((to - from) / 1000),
            fmt_local_hm(from, z)
        )
    });

    // The affected participants' funnel, where they are known.
    let affected = a.impact.as_ref().map(|im| im.affected_participants);
    let reached = a.reach.as_ref().and_then(|r| r.affected_reached);
    let mut funnel = Vec::new();
    if let (Some(n), Some(reached)) = (affected, reached) {
        let share = |x: u64| {
            if n == 0 {
                "n/a".to_string()
            } else {
                format!("{:.0}%", x as f64 * 100.0 / n as f64)
            }
        };
        let mut push = |stage: &str, x: Option<u64>| {
            if let Some(x) = x {
                funnel.push((stage.to_string(), x, share(x)));
            }
        };
        push("affected", Some(n));
        push("delivered the incident e-mail", Some(reached));
        push("opened it", c.affected_opened);
        push("clicked it", c.affected_clicked);
        push(
            "watching again within 15 minutes of their click",
            c.returned_after_click,
        );
    }
    let funnel_chart = if funnel.is_empty() {
        None
    } else {
        let stages: Vec<charts::funnel::Stage> =
            funnel.iter().map(|(s, x, _)| (s.clone(), *x)).collect();
        charts::funnel::render(
            "The affected participants, from the e-mail to watching again",
            &stages,
        )?
    };
    let (return_sentence, returns_chart) = match (
        c.return_after_delivery_median_s,
        c.return_after_delivery_quartiles_s,
    ) {
        (Some(median), Some((q1, q3))) => (
            Some(format!(
                "Of the {} affected participants who watched again after the incident e-mail reached them, half did so within {} of the delivery (a quarter within {}, three quarters within {}).",
                c.returned_after_delivery,
                fmt_duration(median),
                fmt_duration(q1),
                fmt_duration(q3)
            )),
            charts::returns::render(&ReturnsChart {
                q1_s: q1,
                median_s: median,
                q3_s: q3,
                participants: c.returned_after_delivery,
            })?,
        ),
        _ => (None, None),
    };
    Ok(Some(CommunicationView {
        wait: c.time_without_news_s.map(fmt_duration),
        time_to_communicate: i.time_to_communicate_s.map(fmt_duration),
        updates: c
            .updates
            .iter()
            .map(|u| UpdateRow {
                local: fmt_local_hm(u.at, z),
                channel: channel_label(u.channel.name()),
                what: u.what.clone(),
            })
            .collect(),
        longest_gap,
        funnel,
        return_sentence,
        updates_chart,
        funnel_chart,
        returns_chart,
    }))
}
