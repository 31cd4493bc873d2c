//! Analysis: what SQL cannot say well. Onsets and baselines (statrs), milestones and their
//! provenance, durations, ticket and social load, targets, attempts and findings. It returns
//! typed numbers; formatting belongs to the report model.

pub mod channels;
pub mod chart_series;
pub mod communication;
pub mod engagement;
pub mod findings;
pub mod guards;
pub mod impact;
pub mod kinds;
pub mod load;
pub mod milestones;
pub mod onset;
pub mod reach;
pub mod sentiment;

use crate::config::Config;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, LogRow, Tables};
use crate::timeutil::Millis;

pub use findings::Finding;
pub use impact::{Impact, Segment};
pub use load::{Social, TicketLoad};
pub use milestones::{Incident, Milestone};
pub use reach::{Campaign, Reach};

/// A time window [start, end).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: Millis,
    pub end: Millis,
}

/// Where one end of the event window came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WindowOrigin {
    /// `[event].start` or `[event].end`.
    Config,
    /// The first viewing session's start, or the last one's end.
    Viewing,
}

/// Where each end of the event window came from: the config may give one end and leave the
/// other to the data.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowOrigins {
    pub start: WindowOrigin,
    pub end: WindowOrigin,
}

/// A target of `[targets]` against its actual value.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub metric: String,
    pub target_s: i64,
    pub actual_s: Option<i64>,
    pub met: Option<bool>,
}

/// A timeboxed fix attempt from the ops log.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub text: String,
    pub owner: Option<String>,
    pub start: Millis,
    pub end: Option<Millis>,
    pub timebox_s: Option<i64>,
    pub overrun_s: Option<i64>,
}

/// Per-minute and per-bucket series for the charts.
#[derive(Debug, Clone, Default)]
pub struct Series {
    pub minutes: Vec<onset::Minute>,
    pub p0: Option<f64>,
    /// (bucket start, all tickets, incident-related tickets).
    pub tickets: Vec<(Millis, u64, u64)>,
    /// (bucket start, all mentions, incident-related mentions).
    pub mentions: Vec<(Millis, u64, u64)>,
    /// Creation instants of the incident-related tickets, sorted.
    pub incident_ticket_times: Vec<Millis>,
}

/// Everything the analysis found.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub event_window: Option<Window>,
    pub event_window_origin: Option<WindowOrigins>,
    pub incident: Incident,
    /// None without viewing data, without an incident window, or where no viewing export can
    /// say that a view failed ([`Analysis::failures_unknown`]).
    pub impact: Option<Impact>,
    /// Viewing data were supplied, but no export of them can say that a view failed (Zoom
    /// participants reports): the impact figures are unknown, not zero.
    pub failures_unknown: bool,
    /// None without e-mail events, registrations, own posts or a logged communication.
    pub reach: Option<Reach>,
    /// "Did the communication work?": written under `reach` in metrics.json.
    pub communication: communication::Communication,
    pub tickets: TicketLoad,
    pub social: Social,
    /// The whole event, for marketing; None when no viewing session, e-mail event, post,
    /// concurrent-viewer snapshot or web request was read.
    pub engagement: Option<engagement::Engagement>,
    pub targets: Vec<Target>,
    pub attempts: Vec<Attempt>,
    pub findings: Vec<Finding>,
    pub series: Series,
    /// Settings that match nothing and zones assumed ([`guards`]); filled by the caller, which
    /// has the sources, after [`analyse`].
    pub config_warnings: Vec<guards::ConfigWarning>,
    /// The series only the report's charts draw.
    pub charts: chart_series::ChartSeries,
}

/// Runs the analysis over the tables. `failures_known`: whether some viewing export can say
/// that a view failed ([`crate::ingest::Ingested::failures_known`]).
pub fn analyse(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
    log: &[LogRow],
    failures_known: bool,
) -> Result<Analysis> {
    let (event_window, event_window_origin) = event_window(runner, config)?;
    let mut series = milestones::viewing_series(runner)?;
    // Queries both the milestones and the load figures read, run once.
    let totals = runner.builtin("ticket_totals")?;
    let own_posts = load::own_posts(runner)?;
    let seen = milestones::Seen {
        first_incident_reply: first_i64(&totals, "first_incident_reply_at")?,
        first_own_post: own_posts.first().map(|p| p.at),
    };
    let incident =
        milestones::compute(tables, runner, config, log, event_window, &mut series, seen)?;
    let (tickets, social) = load::compute(
        runner,
        config,
        event_window,
        &incident,
        &mut series,
        &totals,
        own_posts,
    )?;
    let rows = |lf: &polars::prelude::LazyFrame| -> Result<i64> {
        let df = lf
            .clone()
            .select([polars::prelude::len()
                .cast(polars::prelude::DataType::Int64)
                .alias("n")])
            .collect()
            .map_err(|source| crate::error::Error::Table {
                table: "row count",
                source,
            })?;
        Ok(first_i64(&df, "n")?.unwrap_or(0))
    };
    let has_viewing = rows(&tables.viewing)? > 0;
    let timing = crate::timings::Stage::start("analysis");
    let impact = match (incident.window(), has_viewing && failures_known) {
        (Some(w), true) => {
            let end = event_window.map(|e| e.end).unwrap_or(i64::MAX);
            Some(impact::compute(
                tables,
                runner,
                w,
                end,
                &config.incident.fallback_platforms,
            )?)
        }
        _ => None,
    };
    timing.done("impact (queries above)", "");
    let timing = crate::timings::Stage::start("analysis");
    // Reach exists as soon as there is something to reach with or to count: e-mail events,
    // registrations, the organisation's own incident posts, or a logged communication.
    let registrations = rows(&tables.registrations)? > 0;
    let has_email = rows(&tables.email)? > 0;
    let logged_communication = log
        .iter()
        .any(|l| l.kind.as_deref() == Some("communication"));
    let reaches =
        has_email || registrations || !social.own_posts.is_empty() || logged_communication;
    if reaches {
        reach::register(
            tables,
            runner,
            &incident.incident_campaigns,
            &config.incident.backup_urls,
        )?;
    }
    // The chart series, then engagement (but for the two figures it takes from reach), need
    // none of reach's and communication's figures: they run beside them, on a copy of the
    // query context (the tables they derive are registered here afterwards). Each stream's
    // queries leave a core idle at times; two streams fill it (BENCHMARKS.md, ninth and
    // tenth sessions).
    let mut charts_runner = runner.clone();
    let present = engagement::Present::of(tables)?;
    let (reached, charts) = std::thread::scope(|s| {
        let charts = s.spawn(|| {
            let charts = chart_series::compute(
                tables,
                &mut charts_runner,
                config,
                &incident,
                chart_series::Registered {
                    impact: impact.as_ref(),
                    incident_email: reaches,
                    has_email,
                },
            )?;
            // Engagement but for what it takes from reach (given below), on this thread too:
            // it needs nothing else of reach's, and reach's stream is the longer one.
            let timing = crate::timings::Stage::start("analysis");
            let engagement = engagement::compute(
                tables,
                &mut charts_runner,
                &engagement::Inputs {
                    config,
                    event_window,
                    impact: impact.as_ref(),
                    first_communication_at: incident.first_communication_at.at,
                    present,
                },
            )?;
            timing.done("engagement (queries above, beside reach)", "");
            Ok::<_, crate::error::Error>((charts, engagement))
        });
        let reached = (|| -> Result<_> {
            // Every campaign's funnel, once: reach takes the incident campaigns' from it
            // (the same query, grouped by campaign), engagement all of them.
            let every_campaign = if has_email {
                Some(reach::every_campaign(tables, &config.incident.backup_urls)?)
            } else {
                None
            };
            let (reach, communication) = if reaches {
                let campaigns = every_campaign
                    .iter()
                    .flatten()
                    .filter(|c| incident.incident_campaigns.contains(&c.campaign))
                    .cloned()
                    .collect();
                let reach = reach::compute(
                    runner,
                    campaigns,
                    impact.is_some(),
                    registrations,
                    has_email,
                )?;
                let communication = communication::compute(
                    runner,
                    &incident,
                    &social.own_posts,
                    log,
                    impact.is_some(),
                    has_email,
                )?;
                (Some(reach), communication)
            } else {
                (None, communication::Communication::default())
            };
            Ok((every_campaign, reach, communication))
        })();
        let charts = match charts.join() {
            Ok(charts) => charts,
            // A panic in the chart series is this thread's, as if they had run here.
            Err(panic) => std::panic::resume_unwind(panic),
        };
        (reached, charts)
    });
    let (every_campaign, reach, communication) = reached?;
    let (charts, engagement) = charts?;
    let engagement =
        engagement.map(|e| e.with_reach(reach.as_ref().and_then(|r| r.registered), every_campaign));
    runner.take_tables(&mut charts_runner)?;
    timing.done(
        "reach, communication, chart series, engagement (queries above)",
        "",
    );
    let targets = targets(config, &incident);
    let attempts = attempts(log);
    let findings = findings::derive(&findings::Inputs {
        incident: &incident,
        impact: impact.as_ref(),
        tickets: &tickets,
        social: &social,
        reach: reach.as_ref(),
        targets: &targets,
        attempts: &attempts,
        communication: &communication,
        log,
        config,
    });
    Ok(Analysis {
        event_window,
        event_window_origin,
        incident,
        impact,
        failures_unknown: has_viewing && !failures_known,
        reach,
        communication,
        tickets,
        social,
        engagement,
        targets,
        attempts,
        findings,
        series,
        config_warnings: Vec::new(),
        charts,
    })
}

/// The event window (metrics.md, "Windows"): `[event].start` to `[event].end`, each end the
/// data's where the config leaves it out (the first viewing session's start, the last one's
/// end), with where each end came from. None where an end is unknown.
pub fn event_window(
    runner: &mut Runner,
    config: &Config,
) -> Result<(Option<Window>, Option<WindowOrigins>)> {
    let span = runner.builtin("viewing_span")?;
    let span_first = first_i64(&span, "first_at")?;
    let span_last = first_i64(&span, "last_at")?;
    let origin = |given: Option<Millis>| match given {
        Some(_) => WindowOrigin::Config,
        None => WindowOrigin::Viewing,
    };
    let origins = WindowOrigins {
        start: origin(config.event_start),
        end: origin(config.event_end),
    };
    let (event_window, event_window_origin) =
        match (config.event_start, config.event_end, span_first, span_last) {
            (Some(s), Some(e), _, _) => (Some(Window { start: s, end: e }), Some(origins)),
            (s, e, Some(f), Some(l)) => (
                Some(Window {
                    start: s.unwrap_or(f),
                    end: e.unwrap_or(l),
                }),
                Some(origins),
            ),
            _ => (None, None),
        };
    Ok((event_window, event_window_origin))
}

/// A failure reading a query's result frame.
pub(crate) fn table_err(source: polars::prelude::PolarsError) -> crate::error::Error {
    crate::error::Error::Table {
        table: "query result",
        source,
    }
}

/// The first value of an integer or datetime column, if any.
pub(crate) fn first_i64(df: &polars::prelude::DataFrame, name: &str) -> Result<Option<i64>> {
    Ok(i64_values(df, name)
        .map_err(table_err)?
        .into_iter()
        .flatten()
        .next())
}

fn targets(config: &Config, incident: &Incident) -> Vec<Target> {
    config
        .targets
        .iter()
        .map(|(metric, target_s)| {
            let actual_s = incident.duration(metric);
            Target {
                metric: metric.clone(),
                target_s: *target_s,
                actual_s,
                met: actual_s.map(|a| a <= *target_s),
            }
        })
        .collect()
}

/// docs/definitions.md: an `attempt` with a timebox ends at the next attempt (with or without a
/// timebox), decision, mitigation or recovery entry: a decision to switch ends the attempt it
/// replaces.
fn attempts(log: &[LogRow]) -> Vec<Attempt> {
    let mut entries: Vec<&LogRow> = log.iter().filter(|l| l.at.is_some()).collect();
    entries.sort_by_key(|l| l.at);
    let kind = |l: &LogRow| l.kind.clone().unwrap_or_default();
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        // docs/definitions.md: attempts are the `attempt` entries with a timebox.
        if kind(e) != "attempt" || e.timebox_s.is_none() {
            continue;
        }
        let start = e.at.unwrap_or_default();
        let end = entries[i + 1..]
            .iter()
            .find(|n| {
                matches!(
                    kind(n).as_str(),
                    "attempt" | "decision" | "mitigation" | "recovery"
                )
            })
            .and_then(|n| n.at);
        let overrun_s = match (end, e.timebox_s) {
            (Some(end), Some(tb)) => Some(((end - start) / 1000 - tb).max(0)),
            _ => None,
        };
        out.push(Attempt {
            text: e.text.clone().unwrap_or_default(),
            owner: e.owner.clone(),
            start,
            end,
            timebox_s: e.timebox_s,
            overrun_s,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(min: i64, kind: &str, timebox_s: Option<i64>) -> LogRow {
        LogRow {
            at: Some(1_606_485_600_000 + min * 60_000),
            kind: Some(kind.into()),
            text: Some(format!("{kind} at +{min}")),
            timebox_s,
            ..LogRow::default()
        }
    }

    #[test]
    fn a_decision_ends_the_attempt_it_replaces() {
        // 15-minute timebox from +0; the team decides to switch at +9 and mitigates at +20:
        // the attempt ran 9 minutes, inside its timebox. Before the ruling it ran to +20 and
        // was told it overran by 5 minutes.
        let log = vec![
            entry(20, "mitigation", None),
            entry(0, "attempt", Some(900)),
            entry(9, "decision", None),
        ];
        let a = attempts(&log);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].end, Some(1_606_485_600_000 + 9 * 60_000));
        assert_eq!(a[0].overrun_s, Some(0));
    }

    #[test]
    fn an_attempt_without_timebox_ends_the_previous_one_and_is_not_listed() {
        // +0 attempt (10 min), +14 attempt without timebox, +30 recovery: the first overran by 4.
        let log = vec![
            entry(0, "attempt", Some(600)),
            entry(14, "attempt", None),
            entry(30, "recovery", None),
        ];
        let a = attempts(&log);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].overrun_s, Some(240));
    }
}
