//! Support-ticket load and social-media figures of docs/definitions.md ("Support tickets", "Social
//! media"), from the per-bucket and total queries.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::milestones::Incident;
use super::table_err;
use super::{Series, Window};
use crate::config::Config;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, str_values};
use crate::timeutil::Millis;

/// Ticket load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TicketLoad {
    pub total: u64,
    pub incident_related: u64,
    pub bucket_s: i64,
    /// (bucket start, incident-related tickets created in it).
    pub peak: Option<(Millis, u64)>,
    pub baseline_per_hour: Option<f64>,
    pub peak_multiple: Option<f64>,
    pub first_reply_median_s: Option<i64>,
    pub first_reply_p90_s: Option<i64>,
    pub by_channel: BTreeMap<String, u64>,
    /// Incident-related tickets in the 30 minutes before and after the first communication.
    pub before_after_communication: Option<(u64, u64)>,
}

/// Social figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Social {
    pub mentions: u64,
    pub incident_related: u64,
    pub peak: Option<(Millis, u64)>,
    pub potential_reach: Option<i64>,
    pub unique_reach: Option<i64>,
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
    /// Incident-related posts of the organisation: (at, author, text, impressions, engagements).
    pub own_posts: Vec<OwnPost>,
    pub sentiment: Option<super::sentiment::Sentiment>,
}

/// One incident-related post of an organisation account.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnPost {
    pub at: Millis,
    pub network: Option<String>,
    pub author: Option<String>,
    pub text: Option<String>,
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
}

/// Nearest-rank percentile: the value at rank ceil(q * n) of the sorted values.
pub fn nearest_rank(sorted: &[i64], q: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

fn per_bucket(df: &DataFrame, count: &str) -> Result<Vec<(Millis, u64, u64)>> {
    let b = i64_values(df, "bucket").map_err(table_err)?;
    let c = i64_values(df, count).map_err(table_err)?;
    let i = i64_values(df, "incident").map_err(table_err)?;
    Ok(b.into_iter()
        .zip(c)
        .zip(i)
        .filter_map(|((b, c), i)| Some((b?, c? as u64, i.unwrap_or(0) as u64)))
        .collect())
}

/// The bucket with the most incident-related records, the earliest on a tie.
fn peak(buckets: &[(Millis, u64, u64)]) -> Option<(Millis, u64)> {
    let max = buckets.iter().map(|b| b.2).max().filter(|m| *m > 0)?;
    buckets.iter().find(|b| b.2 == max).map(|b| (b.0, b.2))
}

/// The organisation's incident-related posts, by time (the `own_posts` query).
pub fn own_posts(runner: &mut Runner) -> Result<Vec<OwnPost>> {
    let posts = runner.builtin("own_posts")?;
    let at = i64_values(&posts, "at").map_err(table_err)?;
    let network = str_values(&posts, "network").map_err(table_err)?;
    let author = str_values(&posts, "author").map_err(table_err)?;
    let text = str_values(&posts, "text").map_err(table_err)?;
    let imp = i64_values(&posts, "impressions").map_err(table_err)?;
    let eng = i64_values(&posts, "engagements").map_err(table_err)?;
    Ok((0..at.len())
        .filter_map(|i| {
            Some(OwnPost {
                at: at[i]?,
                network: network[i].clone(),
                author: author[i].clone(),
                text: text[i].clone(),
                impressions: imp[i],
                engagements: eng[i],
            })
        })
        .collect())
}

/// Computes ticket load and social figures; fills the per-bucket series.
pub fn compute(
    runner: &mut Runner,
    config: &Config,
    event_window: Option<Window>,
    incident: &Incident,
    series: &mut Series,
    totals: &DataFrame,
    own_posts: Vec<OwnPost>,
) -> Result<(TicketLoad, Social)> {
    series.tickets = per_bucket(&runner.builtin("tickets_per_bucket")?, "tickets")?;
    series.mentions = per_bucket(&runner.builtin("mentions_per_bucket")?, "mentions")?;

    let total = super::first_i64(totals, "total")?.unwrap_or(0) as u64;
    let incident_related = super::first_i64(totals, "incident_related")?.unwrap_or(0) as u64;
    let ticket_peak = peak(&series.tickets);

    // Baseline: all tickets per hour from the event start to the incident start, when that
    // window is at least 10 minutes long.
    let baseline_per_hour = match (event_window, incident.started_at.at) {
        (Some(w), Some(s)) if s - w.start >= 10 * 60_000 => {
            let created = runner.run_sql(
                "baseline tickets",
                &format!(
                    "SELECT COUNT(*) AS n FROM tickets WHERE CAST(created_at AS BIGINT) >= {} AND CAST(created_at AS BIGINT) < {s}",
                    w.start
                ),
            )?;
            let n = super::first_i64(&created, "n")?.unwrap_or(0);
            Some(n as f64 * 3_600_000.0 / (s - w.start) as f64)
        }
        _ => None,
    };
    let peak_multiple = match (ticket_peak, baseline_per_hour) {
        (Some((_, count)), Some(b)) if b > 0.0 => {
            Some(count as f64 * (3600.0 / config.bucket_s as f64) / b)
        }
        _ => None,
    };

    let replies = runner.builtin("incident_ticket_replies")?;
    let created = i64_values(&replies, "created_at").map_err(table_err)?;
    let replied = i64_values(&replies, "first_reply_at").map_err(table_err)?;
    let mut waits: Vec<i64> = created
        .into_iter()
        .zip(replied)
        .filter_map(|(c, r)| Some((r? - c?) / 1000))
        .collect();
    waits.sort_unstable();

    let channels = runner.builtin("tickets_by_channel")?;
    let by_channel = str_values(&channels, "channel")
        .map_err(table_err)?
        .into_iter()
        .zip(i64_values(&channels, "tickets").map_err(table_err)?)
        .filter_map(|(c, n)| Some((c?, n? as u64)))
        .collect();

    let before_after_communication = match incident.first_communication_at.at {
        Some(fc) => {
            let half = 30 * 60_000;
            let (mut before, mut after) = (0, 0);
            for &a in &series.incident_ticket_times {
                if a >= fc - half && a < fc {
                    before += 1;
                } else if a >= fc && a < fc + half {
                    after += 1;
                }
            }
            Some((before, after))
        }
        None => None,
    };

    let tickets = TicketLoad {
        total,
        incident_related,
        bucket_s: config.bucket_s,
        peak: ticket_peak,
        baseline_per_hour,
        peak_multiple,
        first_reply_median_s: nearest_rank(&waits, 0.5),
        first_reply_p90_s: nearest_rank(&waits, 0.9),
        by_channel,
        before_after_communication,
    };

    let s = runner.builtin("social_totals")?;
    let unique = runner.builtin("social_unique_reach")?;
    let texts = runner.builtin("incident_mention_texts")?;
    let posts: Vec<(Option<String>, Option<String>)> = str_values(&texts, "text")
        .map_err(table_err)?
        .into_iter()
        .zip(str_values(&texts, "sentiment").map_err(table_err)?)
        .collect();
    let social = Social {
        sentiment: super::sentiment::count(&posts),
        mentions: super::first_i64(&s, "mentions")?.unwrap_or(0) as u64,
        incident_related: super::first_i64(&s, "incident_related")?.unwrap_or(0) as u64,
        peak: peak(&series.mentions),
        potential_reach: super::first_i64(&s, "potential_reach")?,
        unique_reach: super::first_i64(&unique, "unique_reach")?,
        impressions: super::first_i64(&s, "impressions")?,
        engagements: super::first_i64(&s, "engagements")?,
        own_posts,
    };
    Ok((tickets, social))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_on_odd_and_even_counts() {
        // n = 5: median rank ceil(2.5) = 3 -> 30; p90 rank ceil(4.5) = 5 -> 50.
        let odd = [10, 20, 30, 40, 50];
        assert_eq!(nearest_rank(&odd, 0.5), Some(30));
        assert_eq!(nearest_rank(&odd, 0.9), Some(50));
        // n = 4: median rank ceil(2.0) = 2 -> 20 (no averaging); p90 rank ceil(3.6) = 4 -> 40.
        let even = [10, 20, 30, 40];
        assert_eq!(nearest_rank(&even, 0.5), Some(20));
        assert_eq!(nearest_rank(&even, 0.9), Some(40));
        assert_eq!(nearest_rank(&[], 0.5), None);
    }

    #[test]
    fn peak_is_the_earliest_on_a_tie() {
        assert_eq!(peak(&[(0, 5, 1), (300, 9, 4), (600, 9, 4)]), Some((300, 4)));
        assert_eq!(peak(&[(0, 5, 0)]), None);
    }
}
