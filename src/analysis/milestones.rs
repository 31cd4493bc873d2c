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
use crate::i18n::format::fmt_decimal;
use crate::i18n::{Arg, Lang};
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, LogRow, Tables};
use crate::timeutil::{fmt_utc, Millis};

/// What a milestone's value rests on, or, when it is null, how to supply it: as data, put
/// into words in a language by [`Evidence::words`]; its English words (instants in UTC) are
/// metrics.json's `evidence`.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    pub basis: Basis,
    /// The team's own log entry for it, where the data placed it elsewhere.
    pub note: Option<Note>,
}

/// The record a milestone rests on.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// An ops-log entry, in the team's words.
    Log(String),
    /// The failed-view onset: its first anomalous minute, that minute's failed and active
    /// views, the baseline failure share.
    FailedViews {
        minute: Millis,
        failed: u64,
        active: u64,
        baseline: f64,
    },
    /// The ticket (or mention) onset, over its baseline per 5 minutes.
    Tickets {
        baseline: f64,
    },
    Mentions {
        baseline: f64,
    },
    FirstReply,
    EpisodeEnd,
    /// The first successful view on this fallback platform.
    FallbackView(String),
    /// The first delivery of this incident campaign.
    Campaign(String),
    OrgPost,
    /// Nothing to rest on: how to supply this milestone.
    Missing(MilestoneKind),
}

/// A later entry of the team's log about the same moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Note {
    /// The observed impact start is earlier than the log's start entry, at this instant.
    StartLater(Millis),
    /// The log's communication entry is more than 5 minutes from the first communication.
    CommunicationAt(Millis),
}

impl Evidence {
    fn of(basis: Basis) -> Evidence {
        Evidence { basis, note: None }
    }

    /// In `lang`, its instants written by `instant` (UTC for metrics.json and the timeline,
    /// local clock times on the page).
    pub fn words(&self, lang: Lang, instant: impl Fn(Millis) -> String) -> String {
        let t = |key: &str, args: &[(&str, Arg)]| lang.t_args(key, args);
        let mut out = match &self.basis {
            Basis::Log(text) => t("md-ev-log", &[("text", text.clone().into())]),
            Basis::FailedViews {
                minute,
                failed,
                active,
                baseline,
            } => t(
                "md-ev-onset-views",
                &[
                    ("minute", instant(*minute).into()),
                    ("failed", (*failed as i64).into()),
                    ("active", (*active as i64).into()),
                    ("share", fmt_decimal(lang, *baseline, 4).into()),
                ],
            ),
            Basis::Tickets { baseline } => t(
                "md-ev-onset-tickets",
                &[("baseline", fmt_decimal(lang, *baseline, 3).into())],
            ),
            Basis::Mentions { baseline } => t(
                "md-ev-onset-mentions",
                &[("baseline", fmt_decimal(lang, *baseline, 3).into())],
            ),
            Basis::FirstReply => t("md-ev-first-reply", &[]),
            Basis::EpisodeEnd => t("md-ev-episode-end", &[]),
            Basis::FallbackView(p) => t("md-ev-fallback-view", &[("platform", p.clone().into())]),
            Basis::Campaign(c) => t("md-ev-campaign", &[("campaign", c.clone().into())]),
            Basis::OrgPost => t("md-ev-org-post", &[]),
            Basis::Missing(kind) => t(
                match kind {
                    MilestoneKind::Started => "md-ev-no-start",
                    MilestoneKind::Detected => "md-ev-no-detection",
                    MilestoneKind::FirstCommunication => "md-ev-no-communication",
                    MilestoneKind::Mitigated => "md-ev-no-mitigation",
                    MilestoneKind::Recovered => "md-ev-no-recovery",
                },
                &[],
            ),
        };
        match self.note {
            Some(Note::StartLater(at)) => {
                out.push_str(&t("md-ev-note-start-later", &[("at", instant(at).into())]))
            }
            Some(Note::CommunicationAt(at)) => out.push_str(&t(
                "md-ev-note-communication-at",
                &[("at", instant(at).into())],
            )),
            None => {}
        }
        out
    }

    /// metrics.json's `evidence`: English, instants in UTC.
    pub fn english(&self) -> String {
        self.words(Lang::En, fmt_utc)
    }
}

/// Every milestone the analysis computes sets its own evidence; the default (for an empty
/// [`Incident`], whose milestones are then all filled in) says nothing supplied the impact
/// start.
impl Default for Evidence {
    fn default() -> Self {
        Evidence::of(Basis::Missing(MilestoneKind::Started))
    }
}

/// One milestone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Milestone {
    pub at: Option<Millis>,
    pub provenance: Option<Provenance>,
    /// What the value rests on, or, when null, how to supply it.
    pub evidence: Evidence,
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
        evidence: Evidence::of(Basis::Log(text.to_string())),
        observed_alternative: None,
    }
}

impl Milestone {
    /// A milestone nothing supplies.
    fn missing(kind: MilestoneKind) -> Milestone {
        Milestone {
            at: None,
            provenance: None,
            evidence: Evidence::of(Basis::Missing(kind)),
            observed_alternative: None,
        }
    }
}

/// Log value if present, else the observed one; keeps the observed one aside when they differ
/// by more than 5 minutes.
fn log_or_observed(
    log: Option<(Millis, String)>,
    observed: Option<(Millis, Basis)>,
    kind: MilestoneKind,
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
        (None, Some((at, basis))) => Milestone {
            at: Some(at),
            provenance: Some(Provenance::Observed),
            evidence: Evidence::of(basis),
            observed_alternative: None,
        },
        (None, None) => Milestone::missing(kind),
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
    let mut candidates: Vec<(Millis, Provenance, Basis)> = Vec::new();
    if let Some(e) = episode {
        let m = minute_of(&series.minutes, e.first_minute);
        let (k, n) = m.map(|m| (m.failed, m.active)).unwrap_or_default();
        candidates.push((
            e.onset,
            Provenance::Observed,
            Basis::FailedViews {
                minute: e.first_minute,
                failed: k,
                active: n,
                baseline: series.p0.unwrap_or_default(),
            },
        ));
        signals.push(Signal {
            source: SignalSource::Viewing,
            at: e.onset,
        });
    }
    if let Some((t, base)) = ticket_onset {
        candidates.push((t, Provenance::Observed, Basis::Tickets { baseline: base }));
        signals.push(Signal {
            source: SignalSource::Tickets,
            at: t,
        });
    }
    if let Some((t, base)) = mention_onset {
        candidates.push((t, Provenance::Observed, Basis::Mentions { baseline: base }));
        signals.push(Signal {
            source: SignalSource::Mentions,
            at: t,
        });
    }
    if let Some((t, text)) = &log_start {
        candidates.push((*t, Provenance::Log, Basis::Log(text.clone())));
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
            let mut m = Milestone {
                at: Some(*t),
                provenance: Some(*p),
                evidence: Evidence::of(ev.clone()),
                observed_alternative: None,
            };
            if let (Some((ls, _)), true) = (&log_start, *p == Provenance::Observed) {
                m.evidence.note = Some(Note::StartLater(*ls));
            }
            m
        }
        None => Milestone::missing(MilestoneKind::Started),
    };
    let started = started_at.at;

    // Detection: the log, else the first agent reply on an incident-related ticket.
    let first_reply = seen.first_incident_reply;
    let detected_at = log_or_observed(
        first_log(log, "detection"),
        first_reply.map(|r| (r, Basis::FirstReply)),
        MilestoneKind::Detected,
    );

    // Recovery: the log, else the end of the failed-view episode.
    let recovered_at = log_or_observed(
        first_log(log, "recovery"),
        episode.map(|e| (e.end, Basis::EpisodeEnd)),
        MilestoneKind::Recovered,
    );

    // Mitigation: the log, else the first successful view on a fallback platform after the start.
    let observed_mitigation = match (started, config.incident.fallback_platforms.is_empty()) {
        (Some(s), false) => first_fallback_view(tables, &config.incident.fallback_platforms, s)?,
        _ => None,
    };
    let mitigated_at = log_or_observed(
        first_log(log, "mitigation"),
        observed_mitigation
            .clone()
            .map(|(t, p)| (t, Basis::FallbackView(p))),
        MilestoneKind::Mitigated,
    );

    // Communication: the earliest of incident e-mail delivery, own incident post, log entry.
    let (incident_campaigns, campaign_rule, incident_deliveries) =
        incident_campaigns(runner, config, started, recovered_at.at)?;
    let mut comms: Vec<(Millis, Provenance, Basis)> = Vec::new();
    if let Some((t, c)) = incident_deliveries.first().cloned() {
        comms.push((t, Provenance::Observed, Basis::Campaign(c)));
    }
    if let Some(t) = seen.first_own_post {
        comms.push((t, Provenance::Observed, Basis::OrgPost));
    }
    if let Some((t, text)) = first_log(log, "communication") {
        comms.push((t, Provenance::Log, Basis::Log(text)));
    }
    comms.sort_by_key(|(t, p, _)| (*t, *p != Provenance::Log));
    let first_communication_at = match comms.first() {
        Some((t, p, ev)) => {
            // docs/definitions.md takes the earliest of the three; where the team logged its own
            // communication more than 5 minutes away, the evidence says so.
            let mut evidence = Evidence::of(ev.clone());
            if let Some((l, _, _)) = comms
                .iter()
                .find(|(l, p, _)| *p == Provenance::Log && (*l - *t).abs() > 5 * 60_000)
            {
                evidence.note = Some(Note::CommunicationAt(*l));
            }
            Milestone {
                at: Some(*t),
                provenance: Some(*p),
                evidence,
                observed_alternative: None,
            }
        }
        None => Milestone::missing(MilestoneKind::FirstCommunication),
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
