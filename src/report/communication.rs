//! The report's "Did our communication work?" section (issue 13): the participants' wait
//! beside the team's time to communicate, every update on a strip, the affected participants'
//! funnel from the e-mail to watching again, and how fast the e-mail brought them back.

use serde::Serialize;

use super::charts_data::{FunnelChart, Shade, TimeAxis};
use super::words::Words;
use crate::analysis::channels::Channel;
use crate::analysis::communication::What;
use crate::analysis::Analysis;
use crate::charts::{returns::ReturnsChart, updates::UpdatesChart};
use crate::config::Config;

/// One update, for the table under the strip.
#[derive(Debug, Serialize)]
pub struct UpdateRow {
    pub local: String,
    pub channel: String,
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

fn channel_label(w: &Words, name: &str) -> String {
    w.t(match name {
        "email" => "cm-channel-email",
        "social" => "cm-channel-social",
        "website" => "cm-channel-website",
        "support" => "cm-channel-support",
        _ => "cm-channel-other",
    })
}

/// What an update was, in the report's language (a log entry in the team's own words).
fn what_words(w: &Words, what: &What) -> String {
    match what {
        What::Campaign(c) => w.ta("cm-what-campaign", &[("campaign", c.clone().into())]),
        What::Post(Some(n)) => w.ta("cm-what-post", &[("network", n.clone().into())]),
        What::Post(None) => w.t("cm-what-post-any"),
        What::Log(text) => text.clone(),
    }
}

/// The strip of updates: one row per channel used, on an axis from the impact start to the
/// recovery (or the last update), the longest silence shaded.
pub fn updates_chart(a: &Analysis, config: &Config) -> Option<UpdatesChart> {
    let w = Words::new(config);
    let zone = w.z;
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
        title: w.ta("cm-updates-title", &[("zone", zone.name().into())]),
        axis: TimeAxis::spanning_in(w.l, start, end, zone),
        rows: rows
            .into_iter()
            .map(|(ch, t)| (channel_label(&w, ch.name()), t))
            .collect(),
        silence: silence(a).map(|(from, to)| Shade {
            start: from,
            end: to,
            label: w.t("cm-longest-silence-label"),
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
fn funnel_stages(a: &Analysis, w: &Words) -> Vec<(String, u64)> {
    let c = &a.communication;
    let affected = a.impact.as_ref().map(|im| im.affected_participants);
    let reached = a.reach.as_ref().and_then(|r| r.affected_reached);
    let (Some(n), Some(reached)) = (affected, reached) else {
        return Vec::new();
    };
    [
        ("cm-stage-affected", Some(n)),
        ("cm-stage-delivered", Some(reached)),
        ("cm-stage-opened", c.affected_opened),
        ("cm-stage-clicked", c.affected_clicked),
        ("cm-stage-back", c.returned_after_click),
    ]
    .into_iter()
    .filter_map(|(stage, x)| Some((w.t(stage), x?)))
    .collect()
}

/// The funnel's chart data.
pub fn affected_funnel(a: &Analysis, config: &Config) -> Option<FunnelChart> {
    let w = Words::new(config);
    let stages = funnel_stages(a, &w);
    (!stages.is_empty()).then(|| FunnelChart {
        title: w.t("cm-funnel-title"),
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
    let w = Words::new(config);
    let c = &a.communication;
    let i = &a.incident;
    if c.updates.is_empty() && c.time_without_news_s.is_none() {
        return None;
    }
    let longest_gap = silence(a).map(|(from, to)| {
        let end = match i.recovered_at.at {
            Some(r) if r == to => w.ta("cm-the-recovery-at", &[("at", w.hm(r).into())]),
            _ => w.hm(to),
        };
        w.ta(
            "cm-longest-silence",
            &[
                ("duration", w.dur((to - from) / 1000).into()),
                ("from", w.hm(from).into()),
                ("to", end.into()),
            ],
        )
    });
    let affected = a
        .impact
        .as_ref()
        .map(|im| im.affected_participants)
        .unwrap_or(0);
    let funnel = funnel_stages(a, &w)
        .into_iter()
        .map(|(stage, x)| {
            let share = if affected == 0 {
                w.t("rt-na")
            } else {
                w.share(x as f64 / affected as f64, 0)
            };
            (stage, x, share)
        })
        .collect();
    let return_sentence = c
        .return_after_delivery_median_s
        .zip(c.return_after_delivery_quartiles_s)
        .map(|(median, (q1, q3))| {
            w.ta(
                "cm-return-sentence",
                &[
                    ("n", (c.returned_after_delivery as i64).into()),
                    ("median", w.dur(median).into()),
                    ("q1", w.dur(q1).into()),
                    ("q3", w.dur(q3).into()),
                ],
            )
        });
    Some(CommunicationView {
        wait: c.time_without_news_s.map(|s| w.dur(s)),
        time_to_communicate: i.time_to_communicate_s.map(|s| w.dur(s)),
        updates: c
            .updates
            .iter()
            .map(|u| UpdateRow {
                local: w.hm(u.at),
                channel: channel_label(&w, u.channel.name()),
                what: what_words(&w, &u.what),
            })
            .collect(),
        longest_gap,
        funnel,
        return_sentence,
    })
}
