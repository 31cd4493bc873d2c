//! The five milestones of docs/definitions.md with their provenance (`log` or `observed`), the
//! evidence behind each, and the four durations. Apart from `started_at`, an ops-log entry wins
//! over an observed value; where both exist and differ by more than 5 minutes both are kept so the
//! report can show them. `first_communication_at` is the earliest of its three sources, as
//! docs/definitions.md defines it.

use polars::prelude::*;

use super::kinds::{MilestoneKind, Provenance, SignalSource};
use super::onset::{self, Minute};
use super::table_err;
use super::{Series, Window};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, LogRow, Tables};
use crate::timeutil::{fmt_utc, Millis};

/// One milestone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Milestone {
    pub at: Option<Millis>,
    pub provenance: Option<Provenance>,
    /// What the value rests on, or, when null, how to supply it.
    pub evidence: String,
    /// The observed value when the log's won and they differ by more than 5 minutes.
    pub observed_alternative: Option<Millis>,
}

/// An onset of one signal.
#[derive(Debug, Clone, PartialEq)]
pub struct Signal {
    pub source: SignalSource,
    pub at: Millis,
}

/// A duration that came out negative: a data-quality problem, never a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct NegativeDuration {
    pub metric: &'static str,
    pub from: MilestoneKind,
    pub to: MilestoneKind,
    pub seconds: i64,
}

/// The incident: milestones, durations, first signals and the campaigns counted as incident
/// communication.
#[derive(Debug, Clone, Default)]
pub struct Incident {
    pub started_at: Milestone,
    pub detected_at: Milestone,
    pub first_communication_at: Milestone,
    pub mitigated_at: Milestone,
    pub recovered_at: Milestone,
    pub time_to_detect_s: Option<i64>,
    pub time_to_communicate_s: Option<i64>,
    pub time_to_mitigate_s: Option<i64>,
    pub time_to_recover_s: Option<i64>,
    pub first_signals: Vec<Signal>,
    pub negative_durations: Vec<NegativeDuration>,
    pub incident_campaigns: Vec<String>,
    /// The first successful view on a fallback platform after the start: (instant, platform).
    pub first_fallback_view: Option<(Millis, String)>,
    /// The first delivery of each incident campaign that was delivered: (instant, campaign),
    /// sorted.
    pub incident_deliveries: Vec<(Millis, String)>,
    /// How the campaigns were chosen: `config` or `automatic`.
    pub campaign_rule: &'static str,
}

impl Incident {
    /// A duration by its metrics.json name.
    pub fn duration(&self, metric: &str) -> Option<i64> {
        match metric {
            "time_to_detect_s" => self.time_to_detect_s,
            "time_to_communicate_s" => self.time_to_communicate_s,
            "time_to_mitigate_s" => self.time_to_mitigate_s,
            "time_to_recover_s" => self.time_to_recover_s,
            _ => None,
        }
    }

    /// One milestone.
    pub fn milestone(&self, kind: MilestoneKind) -> &Milestone {
        match kind {
            MilestoneKind::Started => &self.started_at,
            MilestoneKind::Detected => &self.detected_at,
            MilestoneKind::FirstCommunication => &self.first_communication_at,
            MilestoneKind::Mitigated => &self.mitigated_at,
            MilestoneKind::Recovered => &self.recovered_at,
        }
    }

    /// The incident window, when both ends are known.
    pub fn window(&self) -> Option<Window> {
        match (self.started_at.at, self.recovered_at.at) {
            (Some(start), Some(end)) if end > start => Some(Window { start, end }),
            _ => None,
        }
    }
}

fn pairs(df: &DataFrame, key: &str, value: &str) -> Result<Vec<(Millis, u64)>> {
    let k = i64_values(df, key).map_err(table_err)?;
    let v = i64_values(df, value).map_err(table_err)?;
    Ok(k.into_iter()
        .zip(v)
        .filter_map(|(k, v)| Some((k?, v? as u64)))
        .collect())
}

/// The per-minute failed-view series with its baseline and anomalous minutes.
pub fn viewing_series(runner: &mut Runner) -> Result<Series> {
    let starts = pairs(
        &runner.builtin("view_starts_per_minute")?,
        "minute",
        "views",
    )?;
    let ends = pairs(&runner.builtin("view_ends_per_minute")?, "minute", "views")?;
    let fdf = runner.builtin("failed_views_per_minute")?;
    let fm = i64_values(&fdf, "minute").map_err(table_err)?;
    let fc = i64_values(&fdf, "failed").map_err(table_err)?;
    let ff = i64_values(&fdf, "first_failure").map_err(table_err)?;
    let failures: Vec<(Millis, u64, Option<Millis>)> = fm
        .into_iter()
        .zip(fc)
        .zip(ff)
        .filter_map(|((m, c), f)| Some((m?, c? as u64, f)))
        .collect();
    let mut minutes = onset::minutes_from_counts(&starts, &ends, &failures);
    let median = onset::median_share(&minutes);
    if let Some(m) = median {
        onset::mark_anomalous(&mut minutes, m);
    }
    Ok(Series {
        minutes,
        p0: median.map(|m| m.max(onset::P0_FLOOR)),
        ..Series::default()
    })
}

fn first_log(log: &[LogRow], kind: &str) -> Option<(Millis, String)> {
    log.iter()
        .filter(|l| l.kind.as_deref() == Some(kind))
        .filter_map(|l| Some((l.at?, l.text.clone().unwrap_or_default())))
        .min_by_key(|(at, _)| *at)
}

fn from_log(at: Millis, text: &str) -> Milestone {
    Milestone {
        at: Some(at),
        provenance: Some(Provenance::Log),
        evidence: format!("ops log: \"{text}\""),
        observed_alternative: None,
    }
}

/// Log value if present, else the observed one; keeps the observed one aside when they differ
/// by more than 5 minutes.
fn log_or_observed(
    log: Option<(Millis, String)>,
    observed: Option<(Millis, String)>,
    missing: &str,
) -> Milestone {
    match (log, observed) {
        (Some((at, text)), obs) => {
            let mut m = from_log(at, &text);
            if let Some((o, _)) = obs {
                if (o - at).abs() > 5 * 60_000 {
                    m.observed_alternative = Some(o);
                }
            }
            m
        }
        (None, Some((at, evidence))) => Milestone {
            at: Some(at),
            provenance: Some(Provenance::Observed),
            evidence,
            observed_alternative: None,
        },
        (None, None) => Milestone {
            evidence: missing.to_string(),
            ..Milestone::default()
        },
    }
}

fn minute_of(minutes: &[Minute], at: Millis) -> Option<&Minute> {
    minutes
        .iter()
        .find(|m| m.minute <= at && at < m.minute + 60_000)
}

/// Instants other queries found that the milestones fall back on.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seen {
    /// The first agent reply on an incident-related ticket.
    pub first_incident_reply: Option<Millis>,
    /// The organisation's first incident-related post.
    pub first_own_post: Option<Millis>,
}

/// Computes the milestones, durations and first signals.
pub fn compute(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
    log: &[LogRow],
    event_window: Option<Window>,
    series: &mut Series,
    seen: Seen,
) -> Result<Incident> {
    // Onsets of the three impact signals.
    let episode = onset::first_episode(&series.minutes);
    let records = runner.builtin("incident_record_times")?;
    let signal = str_values(&records, "signal").map_err(table_err)?;
    let at = i64_values(&records, "at").map_err(table_err)?;
    let times_of = |name: &str| -> Vec<Millis> {
        let mut v: Vec<Millis> = signal
            .iter()
            .zip(&at)
            .filter(|(s, _)| s.as_deref() == Some(name))
            .filter_map(|(_, a)| *a)
            .collect();
        v.sort_unstable();
        v
    };
    let (ticket_times, mention_times) = (times_of("tickets"), times_of("mentions"));
    series.incident_ticket_times = ticket_times.clone();
    let record_onset = |times: &[Millis]| -> Option<(Millis, f64)> {
        let (start, end) = match event_window {
            Some(w) => (w.start, w.end),
            None => (*times.first()?, *times.last()? + 1),
        };
        let base = onset::record_baseline(times, start, end);
        onset::record_onset(times, base).map(|o| (o, base))
    };
    let ticket_onset = record_onset(&ticket_times);
    let mention_onset = record_onset(&mention_times);
    let log_start = first_log(log, "start");

    let mut signals = Vec::new();
    let mut candidates: Vec<(Millis, Provenance, String)> = Vec::new();
    if let Some(e) = episode {
        let m = minute_of(&series.minutes, e.first_minute);
        let (k, n) = m.map(|m| (m.failed, m.active)).unwrap_or_default();
        candidates.push((
            e.onset,
            Provenance::Observed,
            format!(
                "failed views: first anomalous minute {} ({k} failures among {n} active views against a baseline share of {:.4}); onset at its earliest failure",
                fmt_utc(e.first_minute),
                series.p0.unwrap_or_default()
            ),
        ));
        signals.push(Signal {
            source: SignalSource::Viewing,
            at: e.onset,
        });
    }
    if let Some((t, base)) = ticket_onset {
        candidates.push((t, Provenance::Observed, format!("incident-related tickets: first 5-minute window above the baseline of {base:.3} per 5 minutes opens at this ticket")));
        signals.push(Signal {
            source: SignalSource::Tickets,
            at: t,
        });
    }
    if let Some((t, base)) = mention_onset {
        candidates.push((t, Provenance::Observed, format!("incident-related mentions: first 5-minute window above the baseline of {base:.3} per 5 minutes opens at this post")));
        signals.push(Signal {
            source: SignalSource::Mentions,
            at: t,
        });
    }
    if let Some((t, text)) = &log_start {
        candidates.push((*t, Provenance::Log, format!("ops log: \"{text}\"")));
        signals.push(Signal {
            source: SignalSource::Log,
            at: *t,
        });
    }
    signals.sort_by_key(|s| (s.at, s.source));
    // On a tie the log entry is preferred: it is the team's own record.
    candidates.sort_by_key(|(t, p, _)| (*t, *p != Provenance::Log));
    let started_at = match candidates.first() {
        Some((t, p, ev)) => {
            let mut m = Milestone { at: Some(*t), provenance: Some(*p), evidence: ev.clone(), observed_alternative: None };
            if let (Some((ls, _)), true) = (&log_start, *p == Provenance::Observed) {
                m.evidence.push_str(&format!("; the ops log's start entry ({}) is later", fmt_utc(*ls)));
            }
            m
        }
        None => Milestone {
            evidence: "no impact signal was found and the ops log has no 'start' entry: add one, or supply viewing, ticket or mention exports".into(),
            ..Milestone::default()
        },
    };
    let started = started_at.at;

    // Detection: the log, else the first agent reply on an incident-related ticket.
    let first_reply = seen.first_incident_reply;
    let detected_at = log_or_observed(
        first_log(log, "detection"),
        first_reply.map(|r| (r, "first agent reply on an incident-related ticket (Zendesk ticket metrics)".to_string())),
        "no 'detection' entry in the ops log and no agent reply on an incident-related ticket: add a detection entry to ops_log.csv",
    );

    // Recovery: the log, else the end of the failed-view episode.
    let recovered_at = log_or_observed(
        first_log(log, "recovery"),
        episode.map(|e| (e.end, "end of the last elevated minute of the failed-view episode".to_string())),
        "no 'recovery' entry in the ops log and no failed-view episode to end: add a recovery entry to ops_log.csv",
    );

    // Mitigation: the log, else the first successful view on a fallback platform after the start.
    let observed_mitigation = match (started, config.incident.fallback_platforms.is_empty()) {
        (Some(s), false) => first_fallback_view(tables, &config.incident.fallback_platforms, s)?,
        _ => None,
    };
    let mitigated_at = log_or_observed(
        first_log(log, "mitigation"),
        observed_mitigation.clone().map(|(t, p)| (t, format!("first successful view on fallback platform '{p}' after the start"))),
        "no 'mitigation' entry in the ops log and no successful view on a platform of [incident].fallback_platforms: add either",
    );

    // Communication: the earliest of incident e-mail delivery, own incident post, log entry.
    let (incident_campaigns, campaign_rule, incident_deliveries) =
        incident_campaigns(runner, config, started, recovered_at.at)?;
    let mut comms: Vec<(Millis, Provenance, String)> = Vec::new();
    if let Some((t, c)) = incident_deliveries.first().cloned() {
        comms.push((
            t,
            Provenance::Observed,
            format!("first delivery of incident e-mail campaign '{c}'"),
        ));
    }
    if let Some(t) = seen.first_own_post {
        comms.push((
            t,
            Provenance::Observed,
            "first incident-related post by an organisation account".into(),
        ));
    }
    if let Some((t, text)) = first_log(log, "communication") {
        comms.push((t, Provenance::Log, format!("ops log: \"{text}\"")));
    }
    comms.sort_by_key(|(t, p, _)| (*t, *p != Provenance::Log));
    let first_communication_at = match comms.first() {
        Some((t, p, ev)) => {
            // docs/definitions.md takes the earliest of the three; where the team logged its own
            // communication more than 5 minutes away, the evidence says so.
            let mut evidence = ev.clone();
            if let Some((l, _, _)) = comms.iter().find(|(l, p, _)| *p == Provenance::Log && (*l - *t).abs() > 5 * 60_000) {
                evidence.push_str(&format!("; the ops log's communication entry is at {}", fmt_utc(*l)));
            }
            Milestone { at: Some(*t), provenance: Some(*p), evidence, observed_alternative: None }
        }
        None => Milestone {
            evidence: "no incident e-mail campaign, organisation post or 'communication' log entry: list the campaign in [incident].email_campaigns or add a log entry".into(),
            ..Milestone::default()
        },
    };

    let mut incident = Incident {
        started_at,
        detected_at,
        first_communication_at,
        mitigated_at,
        recovered_at,
        first_signals: signals,
        incident_campaigns,
        first_fallback_view: observed_mitigation,
        incident_deliveries,
        campaign_rule,
        ..Incident::default()
    };
    durations(&mut incident);
    Ok(incident)
}

/// docs/definitions.md durations; a negative one is recorded as a data problem instead.
fn durations(i: &mut Incident) {
    let d = |a: Option<Millis>, b: Option<Millis>| Some((b? - a?) / 1000);
    let specs: [(&'static str, MilestoneKind, MilestoneKind, Option<i64>); 4] = [
        (
            "time_to_detect_s",
            MilestoneKind::Started,
            MilestoneKind::Detected,
            d(i.started_at.at, i.detected_at.at),
        ),
        (
            "time_to_communicate_s",
            MilestoneKind::Detected,
            MilestoneKind::FirstCommunication,
            d(i.detected_at.at, i.first_communication_at.at),
        ),
        (
            "time_to_mitigate_s",
            MilestoneKind::Started,
            MilestoneKind::Mitigated,
            d(i.started_at.at, i.mitigated_at.at),
        ),
        (
            "time_to_recover_s",
            MilestoneKind::Started,
            MilestoneKind::Recovered,
            d(i.started_at.at, i.recovered_at.at),
        ),
    ];
    for (metric, from, to, value) in specs {
        let kept = match value {
            Some(s) if s < 0 => {
                i.negative_durations.push(NegativeDuration {
                    metric,
                    from,
                    to,
                    seconds: s,
                });
                None
            }
            v => v,
        };
        match metric {
            "time_to_detect_s" => i.time_to_detect_s = kept,
            "time_to_communicate_s" => i.time_to_communicate_s = kept,
            "time_to_mitigate_s" => i.time_to_mitigate_s = kept,
            _ => i.time_to_recover_s = kept,
        }
    }
}

/// The first successful view starting after `after` on one of `platforms` (case-insensitive).
fn first_fallback_view(
    tables: &Tables,
    platforms: &[String],
    after: Millis,
) -> Result<Option<(Millis, String)>> {
    let wanted: Vec<String> = platforms.iter().map(|p| p.to_lowercase()).collect();
    let names = polars::prelude::Series::new("p".into(), wanted);
    let df = tables
        .viewing
        .clone()
        .filter(
            col("failed")
                .not()
                .and(col("platform").is_in(lit(names).implode(false), false))
                .and(col("started_at").cast(DataType::Int64).gt(lit(after))),
        )
        .sort(["started_at", "platform"], SortMultipleOptions::default())
        .select([col("started_at"), col("platform")])
        .limit(1)
        .collect()
        .map_err(|source| Error::Table {
            table: "viewing",
            source,
        })?;
    let at = i64_values(&df, "started_at")
        .map_err(table_err)?
        .into_iter()
        .flatten()
        .next();
    let platform = str_values(&df, "platform")
        .map_err(table_err)?
        .into_iter()
        .flatten()
        .next();
    Ok(at.zip(platform))
}

/// The incident campaigns (configured, or by the automatic rule: first event inside
/// [started_at, recovered_at + 2 h]) and the first delivery of each, sorted by time.
#[allow(clippy::type_complexity)]
fn incident_campaigns(
    runner: &mut Runner,
    config: &Config,
    started: Option<Millis>,
    recovered: Option<Millis>,
) -> Result<(Vec<String>, &'static str, Vec<(Millis, String)>)> {
    let df = runner.builtin("email_campaigns")?;
    let names = str_values(&df, "campaign").map_err(table_err)?;
    let first_event = i64_values(&df, "first_event_at").map_err(table_err)?;
    let delivered = i64_values(&df, "first_delivered_at").map_err(table_err)?;
    // The contract counts a `queued` event only for a provider that reports no deliveries; every
    // supported provider (Mailjet, SendGrid, Mailgun, Brevo) reports them, so only deliveries
    // count: a campaign nobody received has not communicated (docs/definitions.md).
    let (rule, chosen): (&'static str, Vec<usize>) = match &config.incident.email_campaigns {
        Some(list) => (
            "config",
            (0..names.len())
                .filter(|&i| names[i].as_ref().is_some_and(|n| list.contains(n)))
                .collect(),
        ),
        None => {
            let ok = |i: usize| match (first_event[i], started, recovered) {
                (Some(f), Some(s), Some(r)) => f >= s && f <= r + 2 * 3_600_000,
                _ => false,
            };
            ("automatic", (0..names.len()).filter(|&i| ok(i)).collect())
        }
    };
    let mut deliveries: Vec<(Millis, String)> = chosen
        .iter()
        .filter_map(|&i| Some((delivered[i]?, names[i].clone()?)))
        .collect();
    deliveries.sort();
    Ok((
        chosen.iter().filter_map(|&i| names[i].clone()).collect(),
        rule,
        deliveries,
    ))
}
