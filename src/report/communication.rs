//! The report's "Did our communication work?" section (issue 13): the participants' wait
//! beside the team's time to communicate, every update on a strip, the affected participants'
//! funnel from the e-mail to watching again, and how fast the e-mail brought them back.

use serde::Serialize;

use chrono_tz::Tz;

use super::charts_data::{FunnelChart, Shade, TimeAxis};
use crate::analysis::channels::Channel;
use crate::analysis::Analysis;
use crate::charts::{returns::ReturnsChart, updates::UpdatesChart};
use crate::config::Config;
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

/// The strip of updates: one row per channel used, on an axis from the impact start to the
/// recovery (or the last update), the longest silence shaded.
pub fn updates_chart(a: &Analysis, zone: Tz) -> Option<UpdatesChart> {
    let c = &a.communication;
    let i = &a.incident;
    let first = c.updates.first()?.at;
    let last = c.updates.last().map(|u| u.at).unwrap_or(first);
    let start = i.started_at.at.unwrap_or(first).min(first);
    let end = i.recovered_at.at.unwrap_or(last).max(last);
    let mut rows: Vec<(Channel, Vec<i64>)> = Vec::new();
    for u in &c.updates {
        match rows.iter_mut().find(|r| r.0 == u.channel) {
            Some(r) => r.1.push(u.at),
            None => rows.push((u.channel, vec![u.at])),
        }
    }
    rows.sort_by_key(|r| r.0);
    Some(UpdatesChart {
        title: format!("Updates to participants, by channel ({})", zone.name()),
        axis: TimeAxis::spanning(start, end, zone),
        rows: rows
            .into_iter()
            .map(|(ch, t)| (channel_label(ch.name()).to_string(), t))
            .collect(),
        silence: silence(a).map(|(from, to)| Shade {
            start: from,
            end: to,
            label: "longest silence".into(),
        }),
    })
}

/// The longest silence as (from, to).
fn silence(a: &Analysis) -> Option<(i64, i64)> {
    let c = &a.communication;
    c.longest_gap_from
        .zip(c.longest_gap_s)
        .map(|(from, s)| (from, from + s * 1000))
}

/// The affected participants' funnel: affected, delivered, opened, clicked, back within 15
/// minutes of their click; `None` where the affected or the e-mail are unknown.
fn funnel_stages(a: &Analysis) -> Vec<(String, u64)> {
    let c = &a.communication;
    let affected = a.impact.as_ref().map(|im| im.affected_participants);
    let reached = a.reach.as_ref().and_then(|r| r.affected_reached);
    let (Some(n), Some(reached)) = (affected, reached) else {
        return Vec::new();
    };
    [
        ("affected", Some(n)),
        ("delivered the incident e-mail", Some(reached)),
        ("opened it", c.affected_opened),
        ("clicked it", c.affected_clicked),
        (
            "watching again within 15 minutes of their click",
            c.returned_after_click,
        ),
    ]
    .into_iter()
    .filter_map(|(stage, x)| Some((stage.to_string(), x?)))
    .collect()
}

/// The funnel's chart data.
pub fn affected_funnel(a: &Analysis) -> Option<FunnelChart> {
    let stages = funnel_stages(a);
    (!stages.is_empty()).then(|| FunnelChart {
        title: "The affected participants, from the e-mail to watching again".into(),
        stages,
    })
}

/// The time from delivery to watching again, as quartiles.
pub fn returns_chart(a: &Analysis) -> Option<ReturnsChart> {
    let c = &a.communication;
    let median = c.return_after_delivery_median_s?;
    let (q1, q3) = c.return_after_delivery_quartiles_s?;
    Some(ReturnsChart {
        q1_s: q1,
        median_s: median,
        q3_s: q3,
        participants: c.returned_after_delivery,
    })
}

/// Builds the section; `None` when there was no communication to speak of and nothing to
/// wait for.
pub fn view(a: &Analysis, config: &Config) -> Option<CommunicationView> {
    let z = config.zone;
    let c = &a.communication;
    let i = &a.incident;
    if c.updates.is_empty() && c.time_without_news_s.is_none() {
        return None;
    }
    let longest_gap = silence(a).map(|(from, to)| {
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
    let affected = a
        .impact
        .as_ref()
        .map(|im| im.affected_participants)
        .unwrap_or(0);
    let funnel = funnel_stages(a)
        .into_iter()
        .map(|(stage, x)| {
            let share = if affected == 0 {
                "n/a".to_string()
            } else {
                format!("{:.0}%", x as f64 * 100.0 / affected as f64)
            };
            (stage, x, share)
        })
        .collect();
    let return_sentence = c
        .return_after_delivery_median_s
        .zip(c.return_after_delivery_quartiles_s)
        .map(|(median, (q1, q3))| {
            format!(
                "Of the {} affected participants who watched again after the incident e-mail reached them, half did so within {} of the delivery (a quarter within {}, three quarters within {}).",
                c.returned_after_delivery,
                fmt_duration(median),
                fmt_duration(q1),
                fmt_duration(q3)
            )
        });
    Some(CommunicationView {
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
    })
}
