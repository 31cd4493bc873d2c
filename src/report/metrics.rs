//! The metrics.json contract (metrics.md): plain Serialize structs whose field order is the
//! contract's key order. Instants are RFC 3339 UTC with `Z`; durations whole seconds; absent
//! data is `null`, never a made-up zero. Figures another issue has not computed yet
//! (`impact`, `reach`, `social.sentiment`) are `null`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::{Analysis, Milestone};
use crate::config::Config;
use crate::ingest::{Rejection, SourceReport};
use crate::timeutil::fmt_utc;

/// The schema identifier.
pub const SCHEMA: &str = "debrief.metrics/1";

#[derive(Debug, Serialize)]
pub struct Metrics {
    pub schema: &'static str,
    pub event: EventJson,
    pub sources: Vec<SourceJson>,
    pub incident: IncidentJson,
    pub impact: Option<serde_json::Value>,
    pub reach: Option<serde_json::Value>,
    pub tickets: Option<TicketsJson>,
    pub social: Option<SocialJson>,
    pub targets: Vec<TargetJson>,
    pub attempts: Vec<AttemptJson>,
    pub findings: Vec<FindingJson>,
}

#[derive(Debug, Serialize)]
pub struct EventJson {
    pub name: String,
    pub timezone: String,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SourceJson {
    pub path: String,
    pub kind: Option<&'static str>,
    pub format: Option<&'static str>,
    pub timezone: Option<String>,
    /// Where the zone came from: `file`, `sources` or `event`.
    pub timezone_origin: Option<&'static str>,
    pub rows_read: u64,
    pub rows_kept: u64,
    pub rows_rejected: u64,
    pub duplicates_removed: u64,
    pub rejections: Vec<Rejection>,
    /// Why the file was not used, where it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MilestoneJson {
    pub at: String,
    pub provenance: &'static str,
    pub evidence: String,
    /// The observed value where the log's won and they differ by more than 5 minutes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub observed_at: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SignalJson {
    pub source: &'static str,
    pub at: String,
}

#[derive(Debug, Serialize)]
pub struct IncidentJson {
    pub started_at: Option<MilestoneJson>,
    pub detected_at: Option<MilestoneJson>,
    pub first_communication_at: Option<MilestoneJson>,
    pub mitigated_at: Option<MilestoneJson>,
    pub recovered_at: Option<MilestoneJson>,
    pub time_to_detect_s: Option<i64>,
    pub time_to_communicate_s: Option<i64>,
    pub time_to_mitigate_s: Option<i64>,
    pub time_to_recover_s: Option<i64>,
    pub first_signals: Vec<SignalJson>,
}

#[derive(Debug, Serialize)]
pub struct PeakJson {
    pub at: String,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct BeforeAfterJson {
    pub before: u64,
    pub after: u64,
}

#[derive(Debug, Serialize)]
pub struct TicketsJson {
    pub total: u64,
    pub incident_related: u64,
    pub bucket_s: i64,
    pub peak: Option<PeakJson>,
    pub baseline_per_hour: Option<f64>,
    pub peak_multiple: Option<f64>,
    pub first_reply_median_s: Option<i64>,
    pub first_reply_p90_s: Option<i64>,
    pub by_channel: BTreeMap<String, u64>,
    pub before_after_communication: Option<BeforeAfterJson>,
}

#[derive(Debug, Serialize)]
pub struct SocialJson {
    pub mentions: u64,
    pub incident_related: u64,
    pub peak: Option<PeakJson>,
    pub potential_reach: Option<i64>,
    pub unique_reach: Option<i64>,
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
    pub sentiment: Option<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct TargetJson {
    pub metric: String,
    pub target: i64,
    pub actual: Option<i64>,
    pub met: Option<bool>,
}

#[derive(Debug, Serialize)]
pub struct AttemptJson {
    pub text: String,
    pub start: String,
    pub end: Option<String>,
    pub timebox_s: Option<i64>,
    pub overrun_s: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct FindingJson {
    pub id: String,
    pub severity: &'static str,
    pub text: String,
    pub recommendation: String,
}

fn milestone(m: &Milestone) -> Option<MilestoneJson> {
    Some(MilestoneJson {
        at: fmt_utc(m.at?),
        provenance: m.provenance?,
        evidence: m.evidence.clone(),
        observed_at: m.observed_alternative.map(fmt_utc),
    })
}

fn peak(p: Option<(i64, u64)>) -> Option<PeakJson> {
    p.map(|(at, count)| PeakJson {
        at: fmt_utc(at),
        count,
    })
}

/// Rounds a rate or ratio for stable, readable output.
fn round(v: Option<f64>, places: i32) -> Option<f64> {
    let f = 10f64.powi(places);
    v.map(|x| (x * f).round() / f)
}

impl Metrics {
    /// Builds the contract from the analysis.
    pub fn build(config: &Config, sources: &[SourceReport], a: &Analysis) -> Metrics {
        let has = |kind: &str| {
            sources
                .iter()
                .any(|s| s.kind == Some(kind) && s.rows_kept > 0)
        };
        let i = &a.incident;
        Metrics {
            schema: SCHEMA,
            event: EventJson {
                name: config.event_name.clone(),
                timezone: config.zone.name().to_string(),
                start: a.event_window.map(|w| fmt_utc(w.start)),
                end: a.event_window.map(|w| fmt_utc(w.end)),
            },
            sources: sources
                .iter()
                .map(|s| SourceJson {
                    path: s.path.clone(),
                    kind: s.kind,
                    format: s.format,
                    timezone: s.timezone.clone(),
                    timezone_origin: s.timezone_origin,
                    rows_read: s.rows_read,
                    rows_kept: s.rows_kept,
                    rows_rejected: s.rows_rejected,
                    duplicates_removed: s.duplicates_removed,
                    rejections: s.rejections.clone(),
                    problem: s.problem.clone(),
                })
                .collect(),
            incident: IncidentJson {
                started_at: milestone(&i.started_at),
                detected_at: milestone(&i.detected_at),
                first_communication_at: milestone(&i.first_communication_at),
                mitigated_at: milestone(&i.mitigated_at),
                recovered_at: milestone(&i.recovered_at),
                time_to_detect_s: i.time_to_detect_s,
                time_to_communicate_s: i.time_to_communicate_s,
                time_to_mitigate_s: i.time_to_mitigate_s,
                time_to_recover_s: i.time_to_recover_s,
                first_signals: i
                    .first_signals
                    .iter()
                    .map(|s| SignalJson {
                        source: s.source,
                        at: fmt_utc(s.at),
                    })
                    .collect(),
            },
            impact: None,
            reach: None,
            tickets: has("tickets").then(|| {
                let t = &a.tickets;
                TicketsJson {
                    total: t.total,
                    incident_related: t.incident_related,
                    bucket_s: t.bucket_s,
                    peak: peak(t.peak),
                    baseline_per_hour: round(t.baseline_per_hour, 3),
                    peak_multiple: round(t.peak_multiple, 2),
                    first_reply_median_s: t.first_reply_median_s,
                    first_reply_p90_s: t.first_reply_p90_s,
                    by_channel: t.by_channel.clone(),
                    before_after_communication: t
                        .before_after_communication
                        .map(|(before, after)| BeforeAfterJson { before, after }),
                }
            }),
            social: has("mentions").then(|| {
                let s = &a.social;
                SocialJson {
                    mentions: s.mentions,
                    incident_related: s.incident_related,
                    peak: peak(s.peak),
                    potential_reach: s.potential_reach,
                    unique_reach: s.unique_reach,
                    impressions: s.impressions,
                    engagements: s.engagements,
                    sentiment: None,
                }
            }),
            targets: a
                .targets
                .iter()
                .map(|t| TargetJson {
                    metric: t.metric.clone(),
                    target: t.target_s,
                    actual: t.actual_s,
                    met: t.met,
                })
                .collect(),
            attempts: a
                .attempts
                .iter()
                .map(|t| AttemptJson {
                    text: t.text.clone(),
                    start: fmt_utc(t.start),
                    end: t.end.map(fmt_utc),
                    timebox_s: t.timebox_s,
                    overrun_s: t.overrun_s,
                })
                .collect(),
            findings: a
                .findings
                .iter()
                .map(|f| FindingJson {
                    id: f.id.clone(),
                    severity: f.severity,
                    text: f.text.clone(),
                    recommendation: f.recommendation.clone(),
                })
                .collect(),
        }
    }
}
