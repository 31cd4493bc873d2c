//! Did the communication work? (metrics.md, "Did the communication work?"): how long
//! participants waited for a first word, every update and the longest silence between them,
//! what the affected participants did with the incident e-mail, and how fast it brought them
//! back. These figures go under `reach` in metrics.json.

use super::channels::Channel;
use super::load::{nearest_rank, OwnPost};
use super::milestones::Incident;
use super::table_err;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, LogRow};
use crate::timeutil::Millis;

/// Clicks count as bringing a participant back when their view starts this soon after.
pub const RETURN_AFTER_CLICK_MS: i64 = 15 * 60_000;

/// One outbound communication.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub at: Millis,
    pub channel: Channel,
    /// What it was, for the report.
    pub what: What,
}

/// What an update was: the report puts it into words in its language.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// An incident e-mail campaign's first delivery.
    Campaign(String),
    /// An own post, on the network its export names (None when it names none).
    Post(Option<String>),
    /// An ops-log `communication` entry, in the team's words.
    Log(String),
}

impl What {
    /// In English words: the order of updates at one instant and channel.
    fn english(&self) -> String {
        match self {
            What::Campaign(c) => format!("e-mail campaign {c}"),
            What::Post(n) => format!("post on {}", n.as_deref().unwrap_or("social media")),
            What::Log(text) => text.clone(),
        }
    }
}

/// The figures of "Did the communication work?".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Communication {
    /// first_communication_at - started_at: the participants' wait for a first word.
    pub time_without_news_s: Option<i64>,
    /// Every update, sorted by time (then channel, then text).
    pub updates: Vec<Update>,
    /// The longest time without a new update from the first communication to the recovery
    /// (the last update to the recovery counts too); `None` with no update.
    pub longest_gap_s: Option<i64>,
    /// Where the longest silence began (the update before it).
    pub longest_gap_from: Option<Millis>,
    /// Affected participants who opened / clicked an incident e-mail; `None` where the
    /// affected or the e-mail are unknown.
    pub affected_opened: Option<u64>,
    pub affected_clicked: Option<u64>,
    /// Median (nearest rank) time from an affected participant's first delivery to the start
    /// of their next successful view; the quartiles are for the report's small chart.
    pub return_after_delivery_median_s: Option<i64>,
    pub return_after_delivery_quartiles_s: Option<(i64, i64)>,
    /// How many affected participants the median is over.
    pub returned_after_delivery: u64,
    /// Affected participants back within 15 minutes after their first backup-link click.
    pub returned_after_click: Option<u64>,
}

/// The updates: the first delivery of each incident campaign, each own incident post, each
/// ops-log `communication` entry (its channel read from its text).
pub fn updates(incident: &Incident, own_posts: &[OwnPost], log: &[LogRow]) -> Vec<Update> {
    let mut out: Vec<Update> = incident
        .incident_deliveries
        .iter()
        .map(|(at, campaign)| Update {
            at: *at,
            channel: Channel::Email,
            what: What::Campaign(campaign.clone()),
        })
        .collect();
    out.extend(own_posts.iter().map(|p| Update {
        at: p.at,
        channel: Channel::Social,
        what: What::Post(p.network.clone()),
    }));
    out.extend(
        log.iter()
            .filter(|l| l.kind.as_deref() == Some("communication"))
            .filter_map(|l| {
                let text = l.text.clone().unwrap_or_default();
                Some(Update {
                    at: l.at?,
                    channel: Channel::of_text(&text),
                    what: What::Log(text),
                })
            }),
    );
    out.sort_by_cached_key(|u| (u.at, u.channel, u.what.english()));
    out
}

/// The longest gap between `first` and `end` without a new update, and where it began. Updates
/// before `first` or at/after `end` do not count; with no `end`, only gaps between updates.
pub fn longest_gap(
    updates: &[Update],
    first: Option<Millis>,
    end: Option<Millis>,
) -> Option<(i64, Millis)> {
    let first = first?;
    let mut times: Vec<Millis> = updates
        .iter()
        .map(|u| u.at)
        .filter(|&t| t >= first && end.is_none_or(|e| t < e))
        .collect();
    if times.is_empty() {
        return None;
    }
    times.dedup();
    if let Some(e) = end {
        times.push(e);
    }
    let gap = times
        .windows(2)
        .map(|w| (w[1] - w[0], w[0]))
        // The longest; on a tie the earliest.
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .unwrap_or((0, times[0]));
    Some((gap.0 / 1000, gap.1))
}

/// Computes the figures. `affected_known`: the `affected` table is registered (viewing can
/// say a view failed, and there is an incident window); `has_email`: e-mail events exist (and
/// `incident_email` is registered).
pub fn compute(
    runner: &mut Runner,
    incident: &Incident,
    own_posts: &[OwnPost],
    log: &[LogRow],
    affected_known: bool,
    has_email: bool,
) -> Result<Communication> {
    let updates = updates(incident, own_posts, log);
    let gap = longest_gap(
        &updates,
        incident.first_communication_at.at,
        incident.recovered_at.at,
    );
    let mut c = Communication {
        time_without_news_s: incident
            .first_communication_at
            .at
            .zip(incident.started_at.at)
            .map(|(f, s)| (f - s) / 1000),
        longest_gap_s: gap.map(|g| g.0),
        longest_gap_from: gap.map(|g| g.1),
        updates,
        ..Communication::default()
    };
    if !(affected_known && has_email) {
        return Ok(c);
    }
    let e = runner.builtin("affected_email_engagement")?;
    let events = str_values(&e, "event").map_err(table_err)?;
    let counts = i64_values(&e, "participants").map_err(table_err)?;
    let count = |name: &str| {
        events
            .iter()
            .zip(&counts)
            .find(|(ev, _)| ev.as_deref() == Some(name))
            .and_then(|(_, n)| *n)
            .unwrap_or(0) as u64
    };
    c.affected_opened = Some(count("opened"));
    c.affected_clicked = Some(count("clicked"));

    let r = runner.builtin("return_after_delivery")?;
    let mut waits: Vec<i64> = i64_values(&r, "wait_ms")
        .map_err(table_err)?
        .into_iter()
        .flatten()
        .map(|ms| ms / 1000)
        .collect();
    waits.sort_unstable();
    c.returned_after_delivery = waits.len() as u64;
    c.return_after_delivery_median_s = nearest_rank(&waits, 0.5);
    c.return_after_delivery_quartiles_s =
        nearest_rank(&waits, 0.25).zip(nearest_rank(&waits, 0.75));

    let back = runner.builtin("returned_after_click")?;
    c.returned_after_click = super::first_i64(&back, "returned")?.map(|n| n as u64);
    Ok(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: i64 = 60_000;

    fn u(min: i64, channel: Channel) -> Update {
        Update {
            at: min * M,
            channel,
            what: What::Log(String::new()),
        }
    }

    #[test]
    fn the_longest_silence_runs_to_the_recovery() {
        // First word at 10, updates at 10 (e-mail), 14 (social), 39 (website); recovery at 50.
        // Gaps: 4, 25, 11 (to the recovery): 25 minutes from 14.
        let ups = [
            u(10, Channel::Email),
            u(14, Channel::Social),
            u(39, Channel::Website),
        ];
        assert_eq!(
            longest_gap(&ups, Some(10 * M), Some(50 * M)),
            Some((1500, 14 * M))
        );
        // The tail counts: recovery at 80 makes the last silence (41 min) the longest.
        assert_eq!(
            longest_gap(&ups, Some(10 * M), Some(80 * M)),
            Some((2460, 39 * M))
        );
        // An update after the recovery does not count; nor does one before the first word.
        let late = [
            u(5, Channel::Other),
            u(10, Channel::Email),
            u(60, Channel::Social),
        ];
        assert_eq!(
            longest_gap(&late, Some(10 * M), Some(50 * M)),
            Some((2400, 10 * M))
        );
        // No update, no gap; no recovery, gaps between updates only.
        assert_eq!(longest_gap(&[], Some(0), Some(M)), None);
        assert_eq!(longest_gap(&ups, Some(10 * M), None), Some((1500, 14 * M)));
    }
}
