//! The series the report's charts draw beyond those the onset needs: active viewers per
//! platform, failed views inside and outside the affected segment, the cost of waiting,
//! e-mail reach over time, the incident support queue, and incident mentions by sentiment.
//! Every series comes from a query (queries/*.sql) as per-minute or per-bucket aggregates;
//! Rust only runs sums along minutes and buckets, and derives one table the SQL could only
//! get from three window functions over every (platform, participant): `audience_runs`.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::engagement::merged_runs;
use super::impact::Impact;
use super::milestones::Incident;
use super::sentiment::{self, Label};
use super::table_err;
use crate::config::Config;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, Tables};
use crate::timeutil::{Millis, MINUTE_MS};

/// One platform's active viewers: the minutes where the count changes, with the new count.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformAudience {
    pub platform: String,
    /// Listed in `[incident].fallback_platforms`.
    pub fallback: bool,
    pub changes: Vec<(Millis, u64)>,
}

/// The cost of waiting: per minute from the first affected participant's first failure to the
/// last wait's end, the participant-minutes lost in that minute (the mean number of affected
/// participants waiting during it). They sum to `participant_minutes_lost`.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    pub minutes: Vec<(Millis, f64)>,
    /// Affected participants still waiting at the first communication (`None` without one).
    pub at_communication: Option<u64>,
}

/// Recipients first delivered, opened and clicked in one minute.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct EmailStep {
    pub minute: Millis,
    pub delivered: u64,
    pub opened: u64,
    pub clicked: u64,
}

/// One incident campaign's reach over time.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignReach {
    pub campaign: String,
    pub steps: Vec<EmailStep>,
}

/// One report bucket of the incident support queue.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SupportBucket {
    pub bucket: Millis,
    /// Incident-related tickets created in the bucket, and those of them with a first reply.
    pub created: u64,
    pub replied: u64,
    /// Incident-related tickets solved in the bucket.
    pub solved: u64,
    /// Incident-related tickets open at the bucket's end: created so far minus solved so far.
    pub backlog: i64,
    /// Median first-reply wait (nearest rank) of the tickets created in the bucket.
    pub median_reply_s: Option<i64>,
}

/// Incident mentions per bucket by sentiment, and where the labels came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SentimentBuckets {
    /// `provided` or `lexicon` ([`sentiment::labels`]).
    pub source: &'static str,
    /// (bucket, negative, neutral, positive).
    pub buckets: Vec<(Millis, u64, u64, u64)>,
}

/// Every chart series.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartSeries {
    /// Per platform, by name.
    pub audience: Vec<PlatformAudience>,
    /// (minute, failed views inside the affected segment, elsewhere); empty without a segment.
    pub failures_by_segment: Vec<(Millis, u64, u64)>,
    /// `None` without impact figures.
    pub waiting: Option<Waiting>,
    /// Per incident campaign, by name.
    pub email: Vec<CampaignReach>,
    /// The affected participants' reach, any incident campaign; `None` without impact figures
    /// or e-mail events.
    pub email_affected: Option<Vec<EmailStep>>,
    pub support: Vec<SupportBucket>,
    /// `None` without incident mentions.
    pub sentiment: Option<SentimentBuckets>,
}

/// What the analysis registered before: the impact tables (`affected`, `incident_window`) and
/// the incident e-mail table (`incident_email`).
pub struct Registered<'a> {
    pub impact: Option<&'a Impact>,
    pub incident_email: bool,
    pub has_email: bool,
}

/// Computes the series.
pub fn compute(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
    incident: &Incident,
    registered: Registered,
) -> Result<ChartSeries> {
    let audience = audience(tables, runner, &config.incident.fallback_platforms)?;
    let failures_by_segment = match registered.impact.and_then(|i| i.segment.as_ref()) {
        Some(sg) => {
            let in_segment = col(sg.dimension.as_str())
                .eq(lit(sg.value.clone()))
                .fill_null(lit(false))
                .alias("in_segment");
            runner.register(
                "segment_viewing",
                tables.viewing.clone().with_column(in_segment),
            );
            let df = runner.builtin("failed_views_by_segment")?;
            let m = i64_values(&df, "minute").map_err(table_err)?;
            let s = i64_values(&df, "segment").map_err(table_err)?;
            let r = i64_values(&df, "rest").map_err(table_err)?;
            m.into_iter()
                .zip(s.into_iter().zip(r))
                .filter_map(|(m, (s, r))| Some((m?, s.unwrap_or(0) as u64, r.unwrap_or(0) as u64)))
                .collect()
        }
        None => Vec::new(),
    };
    let waiting = match registered.impact {
        Some(_) => Some(waiting(runner, incident.first_communication_at.at)?),
        None => None,
    };
    let email = if registered.incident_email {
        campaign_reach(runner)?
    } else {
        Vec::new()
    };
    let email_affected =
        if registered.incident_email && registered.has_email && registered.impact.is_some() {
            let df = runner.builtin("affected_email_reach_per_minute")?;
            Some(email_steps(&df, None)?)
        } else {
            None
        };
    Ok(ChartSeries {
        audience,
        failures_by_segment,
        waiting,
        email,
        email_affected,
        support: support(runner)?,
        sentiment: sentiment_buckets(runner)?,
    })
}

/// Each participant's successful views on a platform merged into runs of covered minutes
/// (`platform`, `s`, `e`), for `audience_per_minute`.
fn audience_runs(tables: &Tables) -> Result<LazyFrame> {
    let (s, e) = (col("start_minute"), col("end_minute"));
    let views = tables
        .viewing
        .clone()
        .filter(
            col("failed")
                .not()
                .and(col("participant").is_not_null())
                .and(col("platform").is_not_null())
                .and(e.clone().gt_eq(s.clone())),
        )
        .select([
            col("platform"),
            col("participant"),
            s.alias("from"),
            e.alias("to"),
        ]);
    Ok(merged_runs(views, &["platform"])?.select([
        col("platform"),
        col("from").alias("s"),
        col("to").alias("e"),
    ]))
}

fn audience(
    tables: &Tables,
    runner: &mut Runner,
    fallback: &[String],
) -> Result<Vec<PlatformAudience>> {
    runner.register("audience_runs", audience_runs(tables)?);
    let df = runner.builtin("audience_per_minute")?;
    let platforms = str_values(&df, "platform").map_err(table_err)?;
    let minutes = i64_values(&df, "minute").map_err(table_err)?;
    let deltas = i64_values(&df, "delta").map_err(table_err)?;
    let mut by: BTreeMap<String, Vec<(Millis, i64)>> = BTreeMap::new();
    for ((p, m), d) in platforms.into_iter().zip(minutes).zip(deltas) {
        if let (Some(p), Some(m), Some(d)) = (p, m, d) {
            by.entry(p).or_default().push((m, d));
        }
    }
    let fallback: Vec<String> = fallback.iter().map(|f| f.to_lowercase()).collect();
    Ok(by
        .into_iter()
        .map(|(platform, mut deltas)| {
            deltas.sort_unstable();
            let mut n = 0i64;
            let changes = deltas
                .into_iter()
                .map(|(m, d)| {
                    n += d;
                    (m, n.max(0) as u64)
                })
                .collect();
            PlatformAudience {
                fallback: fallback.contains(&platform.to_lowercase()),
                platform,
                changes,
            }
        })
        .collect())
}

/// Participant-minutes lost per minute from the per-minute boundaries of the waits: a minute
/// holds the waits open at its start for the whole minute, plus, for each wait beginning
/// (ending) in it, the time from that instant to the minute's end (minus it).
pub fn waiting_minutes(edges: &[(Millis, i64, i64)]) -> Vec<(Millis, f64)> {
    let (Some(first), Some(last)) = (edges.first(), edges.last()) else {
        return Vec::new();
    };
    let (first, last) = (first.0, last.0);
    let mut out = Vec::with_capacity(((last - first) / MINUTE_MS + 1) as usize);
    let mut open = 0i64;
    let mut next = edges.iter().peekable();
    let mut m = first;
    while m <= last {
        let mut ms = open * MINUTE_MS;
        while let Some(&&(at, delta, rest)) = next.peek() {
            if at != m {
                break;
            }
            ms += rest;
            open += delta;
            next.next();
        }
        out.push((m, ms as f64 / MINUTE_MS as f64));
        m += MINUTE_MS;
    }
    out
}

fn waiting(runner: &mut Runner, first_communication: Option<Millis>) -> Result<Waiting> {
    let df = runner.builtin("waiting_per_minute")?;
    let m = i64_values(&df, "minute").map_err(table_err)?;
    let d = i64_values(&df, "delta").map_err(table_err)?;
    let r = i64_values(&df, "rest_ms").map_err(table_err)?;
    let edges: Vec<(Millis, i64, i64)> = m
        .into_iter()
        .zip(d.into_iter().zip(r))
        .filter_map(|(m, (d, r))| Some((m?, d.unwrap_or(0), r.unwrap_or(0))))
        .collect();
    let at_communication = match first_communication {
        Some(at) => {
            let c = df!("at" => [at]).map_err(table_err)?;
            runner.register("first_communication", c.lazy());
            let w = runner.builtin("waiting_at_communication")?;
            Some(super::first_i64(&w, "waiting")?.unwrap_or(0) as u64)
        }
        None => None,
    };
    Ok(Waiting {
        minutes: waiting_minutes(&edges),
        at_communication,
    })
}

fn email_steps(df: &DataFrame, only: Option<&[Option<String>]>) -> Result<Vec<EmailStep>> {
    let m = i64_values(df, "minute").map_err(table_err)?;
    let d = i64_values(df, "delivered").map_err(table_err)?;
    let o = i64_values(df, "opened").map_err(table_err)?;
    let c = i64_values(df, "clicked").map_err(table_err)?;
    Ok((0..m.len())
        .filter(|i| only.is_none_or(|keep| keep[*i].is_some()))
        .filter_map(|i| {
            Some(EmailStep {
                minute: m[i]?,
                delivered: d[i].unwrap_or(0) as u64,
                opened: o[i].unwrap_or(0) as u64,
                clicked: c[i].unwrap_or(0) as u64,
            })
        })
        .collect())
}

fn campaign_reach(runner: &mut Runner) -> Result<Vec<CampaignReach>> {
    let df = runner.builtin("email_reach_per_minute")?;
    let names = str_values(&df, "campaign").map_err(table_err)?;
    let steps = email_steps(&df, Some(&names))?;
    let mut by: BTreeMap<String, Vec<EmailStep>> = BTreeMap::new();
    for (name, step) in names.into_iter().flatten().zip(steps) {
        by.entry(name).or_default().push(step);
    }
    Ok(by
        .into_iter()
        .map(|(campaign, steps)| CampaignReach { campaign, steps })
        .collect())
}

fn support(runner: &mut Runner) -> Result<Vec<SupportBucket>> {
    let created = runner.builtin("support_per_bucket")?;
    let solved = runner.builtin("solved_per_bucket")?;
    let mut by: BTreeMap<Millis, SupportBucket> = BTreeMap::new();
    let b = i64_values(&created, "bucket").map_err(table_err)?;
    let c = i64_values(&created, "created").map_err(table_err)?;
    let r = i64_values(&created, "replied").map_err(table_err)?;
    let med = i64_values(&created, "median_reply_s").map_err(table_err)?;
    for i in 0..b.len() {
        if let Some(bucket) = b[i] {
            let e = by.entry(bucket).or_default();
            e.created = c[i].unwrap_or(0) as u64;
            e.replied = r[i].unwrap_or(0) as u64;
            e.median_reply_s = med[i];
        }
    }
    let b = i64_values(&solved, "bucket").map_err(table_err)?;
    let s = i64_values(&solved, "solved").map_err(table_err)?;
    for (bucket, s) in b.into_iter().zip(s) {
        if let Some(bucket) = bucket {
            by.entry(bucket).or_default().solved = s.unwrap_or(0) as u64;
        }
    }
    let mut open = 0i64;
    Ok(by
        .into_iter()
        .map(|(bucket, mut e)| {
            e.bucket = bucket;
            open += e.created as i64 - e.solved as i64;
            e.backlog = open;
            e
        })
        .collect())
}

fn sentiment_buckets(runner: &mut Runner) -> Result<Option<SentimentBuckets>> {
    let df = runner.builtin("incident_mention_texts")?;
    let texts = str_values(&df, "text").map_err(table_err)?;
    let given = str_values(&df, "sentiment").map_err(table_err)?;
    let buckets = i64_values(&df, "bucket").map_err(table_err)?;
    if texts.is_empty() {
        return Ok(None);
    }
    let posts: Vec<(Option<String>, Option<String>)> = texts.into_iter().zip(given).collect();
    let (source, labels) = sentiment::labels(&posts);
    let mut by: BTreeMap<Millis, (u64, u64, u64)> = BTreeMap::new();
    for (bucket, label) in buckets.into_iter().zip(labels) {
        let Some(bucket) = bucket else { continue };
        let e = by.entry(bucket).or_default();
        match label {
            Label::Negative => e.0 += 1,
            Label::Neutral => e.1 += 1,
            Label::Positive => e.2 += 1,
        }
    }
    Ok(Some(SentimentBuckets {
        source,
        buckets: by.into_iter().map(|(b, (n, u, p))| (b, n, u, p)).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{Rows, ViewingRow};

    const T0: Millis = 1_606_485_600_000; // 2020-11-27T14:00:00Z

    fn view(p: &str, platform: &str, from_s: i64, to_s: i64, failed: bool) -> ViewingRow {
        ViewingRow {
            platform: Some(platform.into()),
            participant: crate::text::participant_hash(p, ""),
            started_at: Some(T0 + from_s * 1000),
            ended_at: Some(T0 + to_s * 1000),
            failed,
            ..ViewingRow::default()
        }
    }

    #[test]
    fn active_viewers_count_each_participant_once_a_minute() {
        // a: two overlapping vimeo views 14:00:10-14:02:30 and 14:01:00-14:04:00, then one
        // from 14:06:00 to 14:06:20 (a gap at 14:05): minutes 0-4 and 6.
        // b: vimeo 14:01:30-14:01:40 (minute 1), a failed view at minute 3 (not counted),
        // then youtube 14:03:00-14:04:59 (minutes 3-4).
        // c: vimeo 14:04:00-14:05:10, adjacent to nothing: minutes 4-5.
        let rows = Rows {
            viewing: vec![
                view("a", "vimeo", 10, 150, false),
                view("a", "vimeo", 60, 240, false),
                view("a", "vimeo", 360, 380, false),
                view("b", "vimeo", 90, 100, false),
                view("b", "vimeo", 180, 185, true),
                view("b", "youtube", 180, 299, false),
                view("c", "vimeo", 240, 310, false),
            ],
            ..Rows::default()
        };
        let tables = Tables::build(&rows, 300).unwrap();
        let mut runner = Runner::new(&tables);
        let got = audience(&tables, &mut runner, &["YouTube".to_string()]).unwrap();
        let m = |k: i64| T0 + k * MINUTE_MS;
        // vimeo per minute: 0:1, 1:2 (a, b), 2:1, 3:1, 4:2 (a, c), 5:1 (c), 6:1 (a), 7:0.
        assert_eq!(got[0].platform, "vimeo");
        assert!(!got[0].fallback);
        assert_eq!(
            got[0].changes,
            vec![
                (m(0), 1),
                (m(1), 2),
                (m(2), 1),
                (m(4), 2),
                (m(5), 1),
                (m(6), 1),
                (m(7), 0)
            ]
        );
        assert_eq!(got[1].platform, "youtube");
        assert!(got[1].fallback);
        assert_eq!(got[1].changes, vec![(m(3), 1), (m(5), 0)]);
    }

    #[test]
    fn waiting_minutes_integrate_the_waits() {
        // Wait 1 from 14:00:30 to 14:02:00 (90 s), wait 2 from 14:01:15 to 14:01:45 (30 s).
        // Minute 0: 30 s; minute 1: 60 s + 30 s = 90 s; minute 2: nothing left.
        let m = |k: i64| T0 + k * MINUTE_MS;
        let edges = vec![
            (m(0), 1, 30_000),
            (m(1), 0, 45_000 - 15_000),
            (m(2), -1, -60_000),
        ];
        assert_eq!(
            waiting_minutes(&edges),
            vec![(m(0), 0.5), (m(1), 1.5), (m(2), 0.0)]
        );
        assert_eq!(waiting_minutes(&[]), Vec::new());
    }
}
