//! The metrics.json contract (docs/definitions.md): plain Serialize structs whose field order is
//! the contract's key order. Instants are RFC 3339 UTC with `Z`; durations whole seconds; absent
//! data is `null`, never a made-up zero. Figures not computed yet have no key at all:
//! docs/definitions.md lists them under "Not computed yet".

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analysis::engagement::Engagement;
use crate::analysis::{Analysis, Campaign, Milestone};
use crate::config::Config;
use crate::i18n::Lang;
use crate::ingest::{has_rows, Rejection, SourceReport, Table, Warning};
use crate::timeutil::fmt_utc;

/// The schema identifier.
pub const SCHEMA: &str = "debrief.metrics/1";

#[derive(Debug, Serialize)]
pub struct Metrics {
    pub schema: &'static str,
    pub event: EventJson,
    pub sources: Vec<SourceJson>,
    /// Settings that match nothing in the data and zones assumed or likely wrong: a likely
    /// mistake said, with what does exist (empty when there is none).
    pub config_warnings: Vec<ConfigWarningJson>,
    pub incident: IncidentJson,
    pub impact: Option<ImpactJson>,
    pub reach: Option<ReachJson>,
    pub tickets: Option<TicketsJson>,
    pub social: Option<SocialJson>,
    /// The whole event, for marketing; null when no viewing session, e-mail event, post,
    /// snapshot or web request was read.
    pub engagement: Option<EngagementJson>,
    pub targets: Vec<TargetJson>,
    pub attempts: Vec<AttemptJson>,
    pub findings: Vec<FindingJson>,
    /// This edition against a previous one (`--compare`); null without.
    pub comparison: Option<super::compare::ComparisonJson>,
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
    /// Local times read on a DST change (all of them; `warnings` lists the first 50).
    pub warning_count: u64,
    pub rejections: Vec<Rejection>,
    pub warnings: Vec<Warning>,
    /// Why the file was not used, where it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The text encoding read, where it was not plain UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct ConfigWarningJson {
    /// The config key, `section.key` (`incident.email_campaigns`, `event.timezone`).
    pub key: &'static str,
    /// The entry of that key it is about, or the zone.
    pub value: String,
    pub text: String,
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
pub struct SegmentJson {
    pub dimension: String,
    pub value: String,
    pub failure_rate: f64,
    pub failure_rate_elsewhere: f64,
    pub lift: f64,
    pub failure_share: f64,
    pub audience_share: f64,
    pub viewer_share: Option<f64>,
    pub p_value: f64,
}

#[derive(Debug, Serialize)]
pub struct ImpactJson {
    pub affected_segment: Option<SegmentJson>,
    /// `None` (with the other figures) where no viewing export can say that a view failed.
    pub affected_participants: Option<u64>,
    pub recovered_participants: Option<u64>,
    pub participant_minutes_lost: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct CampaignJson {
    pub campaign: String,
    pub first_event_at: Option<String>,
    pub recipients: u64,
    pub delivered: u64,
    pub bounced: u64,
    pub blocked: u64,
    pub deferred: u64,
    pub opened: u64,
    pub clicked: u64,
    pub complained: u64,
    pub unsubscribed: u64,
    pub delivery_rate: Option<f64>,
    pub open_rate: Option<f64>,
    pub click_rate: Option<f64>,
    pub time_to_90pct_delivered_s: Option<i64>,
    pub backup_clicks: u64,
}

#[derive(Debug, Serialize)]
pub struct OwnPostJson {
    pub at: String,
    pub network: Option<String>,
    pub author: Option<String>,
    pub text: Option<String>,
    pub impressions: Option<i64>,
    pub engagements: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct ReachJson {
    /// How the incident campaigns were chosen: `config` ([incident].email_campaigns) or
    /// `automatic` (first event inside [started_at, recovered_at + 2 h]).
    pub campaign_rule: &'static str,
    pub time_without_news_s: Option<i64>,
    pub updates: Vec<UpdateJson>,
    pub longest_gap_s: Option<i64>,
    pub affected_opened: Option<u64>,
    pub affected_clicked: Option<u64>,
    pub return_after_delivery_median_s: Option<i64>,
    pub returned_after_click: Option<u64>,
    pub campaigns: Vec<CampaignJson>,
    pub affected_reached: Option<u64>,
    pub affected_reached_share: Option<f64>,
    pub registered: Option<u64>,
    pub reached_share_of_registered: Option<f64>,
    pub own_posts: Vec<OwnPostJson>,
}

/// One outbound communication: when, and on which channel.
#[derive(Debug, Serialize)]
pub struct UpdateJson {
    pub at: String,
    pub channel: &'static str,
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
    pub sentiment: Option<SentimentJson>,
}

#[derive(Debug, Serialize)]
pub struct SentimentJson {
    /// `provided` (by the source) or `lexicon` (debrief's built-in French and English lexicon).
    pub source: &'static str,
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
}

#[derive(Debug, Serialize)]
pub struct EngagementJson {
    pub attended: Option<u64>,
    pub attendance_rate: Option<f64>,
    pub platforms: Option<Vec<PlatformJson>>,
    pub peak_concurrent: Option<PeakJson>,
    pub peak_concurrent_snapshots: Vec<SnapshotJson>,
    pub minutes_watched: Option<f64>,
    pub average_minutes_per_attendee: Option<f64>,
    pub retention: Option<Vec<ShareJson>>,
    pub lost_to_incident: Option<u64>,
    pub campaigns: Option<Vec<CampaignJson>>,
    pub social_all: Option<SocialAllJson>,
    pub web: Option<WebJson>,
}

#[derive(Debug, Serialize)]
pub struct PlatformJson {
    pub platform: String,
    pub viewers: u64,
    pub minutes_watched: f64,
}

#[derive(Debug, Serialize)]
pub struct SnapshotJson {
    pub platform: String,
    pub at: String,
    pub viewers: i64,
}

#[derive(Debug, Serialize)]
pub struct ShareJson {
    pub at: String,
    pub share: f64,
}

#[derive(Debug, Serialize)]
pub struct SocialAllJson {
    pub mentions: u64,
    pub potential_reach: Option<i64>,
    pub unique_reach: Option<i64>,
    pub engagements: Option<i64>,
    pub top_posts: Vec<TopPostJson>,
}

#[derive(Debug, Serialize)]
pub struct TopPostJson {
    pub at: String,
    pub network: Option<String>,
    pub author: Option<String>,
    pub engagements: i64,
    pub text: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct WebJson {
    pub requests: Vec<RequestsJson>,
    pub backup_page_requests: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct RequestsJson {
    pub at: String,
    pub requests: u64,
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
        provenance: m.provenance?.name(),
        evidence: m.evidence.english(),
        observed_at: m.observed_alternative.map(fmt_utc),
    })
}

fn peak(p: Option<(i64, u64)>) -> Option<PeakJson> {
    p.map(|(at, count)| PeakJson {
        at: fmt_utc(at),
        count,
    })
}

fn campaign(c: &Campaign) -> CampaignJson {
    CampaignJson {
        campaign: c.campaign.clone(),
        first_event_at: c.first_event_at.map(fmt_utc),
        recipients: c.recipients,
        delivered: c.delivered,
        bounced: c.bounced,
        blocked: c.blocked,
        deferred: c.deferred,
        opened: c.opened,
        clicked: c.clicked,
        complained: c.complained,
        unsubscribed: c.unsubscribed,
        delivery_rate: round(c.delivery_rate(), 4),
        open_rate: round(c.open_rate(), 4),
        click_rate: round(c.click_rate(), 4),
        time_to_90pct_delivered_s: c.time_to_90pct_delivered_s,
        backup_clicks: c.backup_clicks,
    }
}

fn engagement(e: &Engagement) -> EngagementJson {
    let v = e.viewing.as_ref();
    EngagementJson {
        attended: v.map(|v| v.attended),
        attendance_rate: round(e.attendance_rate(), 4),
        platforms: v.map(|v| {
            v.platforms
                .iter()
                .map(|p| PlatformJson {
                    platform: p.platform.clone(),
                    viewers: p.viewers,
                    minutes_watched: p.minutes_watched,
                })
                .collect()
        }),
        peak_concurrent: peak(v.and_then(|v| v.peak)),
        peak_concurrent_snapshots: e
            .snapshots
            .iter()
            .map(|s| SnapshotJson {
                platform: s.platform.clone(),
                at: fmt_utc(s.at),
                viewers: s.viewers,
            })
            .collect(),
        minutes_watched: v.map(|v| v.minutes_watched),
        average_minutes_per_attendee: e.average_minutes_per_attendee(),
        // Shares of nobody are not shares: null when no one attended.
        retention: v.filter(|v| v.attended > 0).map(|v| {
            v.retention
                .iter()
                .map(|(at, share)| ShareJson {
                    at: fmt_utc(*at),
                    share: *share,
                })
                .collect()
        }),
        lost_to_incident: e.lost_to_incident,
        campaigns: e
            .campaigns
            .as_ref()
            .map(|cs| cs.iter().map(campaign).collect()),
        social_all: e.social_all.as_ref().map(|s| SocialAllJson {
            mentions: s.mentions,
            potential_reach: s.potential_reach,
            unique_reach: s.unique_reach,
            engagements: s.engagements,
            top_posts: s
                .top_posts
                .iter()
                .map(|p| TopPostJson {
                    at: fmt_utc(p.at),
                    network: p.network.clone(),
                    author: p.author.clone(),
                    engagements: p.engagements,
                    text: p.text.clone(),
                })
                .collect(),
        }),
        web: e.web.as_ref().map(|w| WebJson {
            requests: w
                .requests
                .iter()
                .map(|(at, requests)| RequestsJson {
                    at: fmt_utc(*at),
                    requests: *requests,
                })
                .collect(),
            backup_page_requests: w.backup_page_requests,
        }),
    }
}

/// A p-value to 3 significant digits (they span hundreds of orders of magnitude).
fn significant(p: f64) -> f64 {
    format!("{p:.2e}").parse::<f64>().unwrap_or(p)
}

/// Rounds a rate or ratio for stable, readable output.
fn round(v: Option<f64>, places: i32) -> Option<f64> {
    let f = 10f64.powi(places);
    v.map(|x| (x * f).round() / f)
}

impl Metrics {
    /// Builds the contract from the analysis.
    pub fn build(config: &Config, sources: &[SourceReport], a: &Analysis) -> Metrics {
        let has = |table: Table| has_rows(sources, table);
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
                    kind: s.kind(),
                    format: s.format,
                    timezone: s.timezone.clone(),
                    timezone_origin: s.timezone_origin,
                    rows_read: s.rows_read,
                    rows_kept: s.rows_kept,
                    rows_rejected: s.rows_rejected,
                    duplicates_removed: s.duplicates_removed,
                    warning_count: s.warning_count,
                    rejections: s.rejections.clone(),
                    warnings: s.warnings.clone(),
                    problem: s.problem(Lang::En),
                    encoding: s.encoding.filter(|e| *e != "utf-8"),
                })
                .collect(),
            config_warnings: a
                .config_warnings
                .iter()
                .map(|w| ConfigWarningJson {
                    key: w.key,
                    value: w.value.clone(),
                    text: w.text.clone(),
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
                        source: s.source.name(),
                        at: fmt_utc(s.at),
                    })
                    .collect(),
            },
            impact: match &a.impact {
                // Viewing data that cannot say a view failed: unknown, not zero.
                None if a.failures_unknown => Some(ImpactJson {
                    affected_segment: None,
                    affected_participants: None,
                    recovered_participants: None,
                    participant_minutes_lost: None,
                }),
                None => None,
                Some(im) => Some(ImpactJson {
                    affected_segment: im.segment.as_ref().map(|sg| SegmentJson {
                        dimension: sg.dimension.clone(),
                        value: sg.value.clone(),
                        failure_rate: round(Some(sg.failure_rate), 4).unwrap_or_default(),
                        failure_rate_elsewhere: round(Some(sg.failure_rate_elsewhere), 4)
                            .unwrap_or_default(),
                        lift: round(Some(sg.lift), 2).unwrap_or_default(),
                        failure_share: round(Some(sg.failure_share), 4).unwrap_or_default(),
                        audience_share: round(Some(sg.audience_share), 4).unwrap_or_default(),
                        viewer_share: round(sg.viewer_share, 4),
                        p_value: significant(sg.p_value),
                    }),
                    affected_participants: Some(im.affected_participants),
                    recovered_participants: Some(im.recovered_participants),
                    participant_minutes_lost: Some(im.participant_minutes_lost),
                }),
            },
            reach: a.reach.as_ref().map(|r| {
                let affected = a.impact.as_ref().map(|im| im.affected_participants);
                let c = &a.communication;
                ReachJson {
                    campaign_rule: i.campaign_rule,
                    time_without_news_s: c.time_without_news_s,
                    updates: c
                        .updates
                        .iter()
                        .map(|u| UpdateJson {
                            at: fmt_utc(u.at),
                            channel: u.channel.name(),
                        })
                        .collect(),
                    longest_gap_s: c.longest_gap_s,
                    affected_opened: c.affected_opened,
                    affected_clicked: c.affected_clicked,
                    return_after_delivery_median_s: c.return_after_delivery_median_s,
                    returned_after_click: c.returned_after_click,
                    campaigns: r.campaigns.iter().map(campaign).collect(),
                    affected_reached: r.affected_reached,
                    affected_reached_share: round(
                        r.affected_reached
                            .zip(affected)
                            .filter(|(_, n)| *n > 0)
                            .map(|(x, n)| x as f64 / n as f64),
                        4,
                    ),
                    registered: r.registered,
                    reached_share_of_registered: round(
                        r.registered_reached
                            .zip(r.registered)
                            .filter(|(_, n)| *n > 0)
                            .map(|(x, n)| x as f64 / n as f64),
                        4,
                    ),
                    own_posts: a
                        .social
                        .own_posts
                        .iter()
                        .map(|p| OwnPostJson {
                            at: fmt_utc(p.at),
                            network: p.network.clone(),
                            author: p.author.clone(),
                            text: p.text.clone(),
                            impressions: p.impressions,
                            engagements: p.engagements,
                        })
                        .collect(),
                }
            }),
            tickets: has(Table::Tickets).then(|| {
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
            social: has(Table::Mentions).then(|| {
                let s = &a.social;
                SocialJson {
                    mentions: s.mentions,
                    incident_related: s.incident_related,
                    peak: peak(s.peak),
                    potential_reach: s.potential_reach,
                    unique_reach: s.unique_reach,
                    impressions: s.impressions,
                    engagements: s.engagements,
                    sentiment: s.sentiment.as_ref().map(|x| SentimentJson {
                        source: x.source,
                        negative: x.negative,
                        neutral: x.neutral,
                        positive: x.positive,
                    }),
                }
            }),
            engagement: a.engagement.as_ref().map(engagement),
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
                    severity: f.severity.name(),
                    text: f.text.clone(),
                    recommendation: f.recommendation.clone(),
                })
                .collect(),
            comparison: None,
        }
    }
}
