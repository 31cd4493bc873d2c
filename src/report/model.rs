//! The report model: every figure formatted and ready to print, every chart's data (drawn at
//! render time, [`super::charts_data`]), the timeline rebuilt. Templates only display this; exporters turn parts of it into bytes.

use chrono_tz::Tz;
use serde::Serialize;

use super::compare::ComparisonView;
use super::lessons::{self, Action};
use crate::analysis::kinds::{MilestoneKind, Provenance, Severity, SignalSource};
use crate::analysis::{Analysis, Milestone, WindowOrigin, WindowOrigins};
use crate::config::Config;
use crate::error::Result;
use crate::i18n::Lang;
use crate::ingest::SourceReport;
use crate::tables::LogRow;
use crate::timeutil::{fmt_duration, fmt_local, fmt_local_hm, fmt_local_offset, fmt_utc, Millis};

/// One entry of the rebuilt timeline (report table and timeline.csv).
#[derive(Debug, Clone, Serialize)]
pub struct TimelineEntry {
    #[serde(skip)]
    pub at: Millis,
    pub at_utc: String,
    /// Local time with its offset (timeline.csv: unambiguous on the night clocks go back).
    pub at_local: String,
    /// Local `HH:MM:SS` for the report's table.
    pub at_display: String,
    /// `ops log`, `debrief` (a milestone or an onset), `social`.
    pub source: String,
    pub kind: String,
    pub text: String,
    pub provenance: String,
}

#[derive(Debug, Serialize)]
pub struct DurationCard {
    pub metric: &'static str,
    pub label: &'static str,
    pub span: &'static str,
    pub value: Option<String>,
    pub target: Option<String>,
    pub met: Option<bool>,
    /// With `--compare`: last edition's value and whether this one is better.
    pub previous: Option<String>,
    pub verdict: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct MilestoneRow {
    pub name: &'static str,
    pub local: Option<String>,
    pub utc: Option<String>,
    pub provenance: Option<&'static str>,
    /// What the value rests on, in local time and plain words.
    pub evidence: String,
    /// The statistics and UTC instants behind it, for a details line.
    pub detail: Option<String>,
    /// Where the log won: what the data say, in words ("failures stopped at 15:58").
    pub observed: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SignalRow {
    pub channel: &'static str,
    pub local: String,
    pub lead: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct AttemptRow {
    pub text: String,
    pub owner: Option<String>,
    pub start: String,
    pub end: Option<String>,
    pub timebox: Option<String>,
    pub overrun: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct TicketView {
    pub total: u64,
    pub incident_related: u64,
    pub peak: Option<String>,
    pub baseline_per_hour: Option<String>,
    pub peak_multiple: Option<String>,
    pub first_reply_median: Option<String>,
    pub first_reply_p90: Option<String>,
    pub by_channel: Vec<(String, u64)>,
    pub before: Option<u64>,
    pub after: Option<u64>,
}

#[derive(Debug, Serialize)]
pub struct PostRow {
    pub local: String,
    pub author: String,
    pub text: String,
    pub engagements: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct SocialView {
    pub mentions: u64,
    pub incident_related: u64,
    pub peak: Option<String>,
    pub potential_reach: Option<i64>,
    pub unique_reach: Option<i64>,
    pub engagements: Option<i64>,
    pub own_posts: Vec<PostRow>,
    pub sentiment: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct SourceRow {
    pub path: String,
    pub kind: String,
    pub format: String,
    pub timezone: String,
    pub read: u64,
    pub kept: u64,
    pub rejected: u64,
    pub duplicates: u64,
    /// Local times read on a DST change.
    pub warned: u64,
    pub balanced: bool,
    pub problem: Option<String>,
    pub rejections: Vec<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub id: String,
    pub severity: Severity,
    pub text: String,
    pub recommendation: String,
}

#[derive(Debug, Serialize)]
pub struct ImpactView {
    pub segment: Option<String>,
    pub segment_note: Option<&'static str>,
    pub affected: u64,
    pub recovered: u64,
    pub recovered_share: Option<String>,
    pub minutes_lost: String,
    pub window_failed: u64,
    pub window_active: u64,
}

#[derive(Debug, Serialize)]
pub struct CampaignRow {
    pub campaign: String,
    pub first_event: Option<String>,
    pub recipients: u64,
    pub delivered: String,
    pub opened: String,
    pub clicked: String,
    pub backup_clicks: u64,
    pub bounced: u64,
    pub blocked: u64,
    pub complained: u64,
    pub unsubscribed: u64,
    pub to_90pct: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ReachView {
    /// Whether any e-mail delivery export was read.
    pub email_supplied: bool,
    pub rule: &'static str,
    pub campaigns: Vec<CampaignRow>,
    pub affected_reached: Option<String>,
    pub outcomes: Vec<(String, u64)>,
    pub registered: Option<String>,
}

/// A user query's result, as a table (first rows) or an error.
#[derive(Debug, Serialize)]
pub struct UserQueryView {
    pub name: String,
    pub description: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub total_rows: usize,
    pub error: Option<String>,
}

/// Rows of a user query shown in the report; the CSV beside it has them all.
const USER_ROWS_SHOWN: usize = 50;

fn user_view(u: &crate::queries::UserResult) -> UserQueryView {
    let (columns, rows, total_rows, error) = match &u.result {
        Ok(df) => {
            let columns: Vec<String> = df
                .get_column_names()
                .iter()
                .map(|c| c.to_string())
                .collect();
            let shown = df.height().min(USER_ROWS_SHOWN);
            let rows = (0..shown)
                .map(|i| {
                    df.columns()
                        .iter()
                        .map(|c| match c.get(i) {
                            Ok(polars::prelude::AnyValue::Null) => String::new(),
                            Ok(v) => v.str_value().into_owned(),
                            Err(_) => String::new(),
                        })
                        .collect()
                })
                .collect();
            (columns, rows, df.height(), None)
        }
        Err(e) => (Vec::new(), Vec::new(), 0, Some(e.clone())),
    };
    UserQueryView {
        name: u.query.name.clone(),
        description: u.query.description.clone(),
        columns,
        rows,
        total_rows,
        error,
    }
}

/// A milestone's evidence for the page: local times and plain words, with the statistics and
/// UTC instants of metrics.json's evidence kept for a details line.
fn plain_evidence(
    kind: MilestoneKind,
    m: &Milestone,
    a: &Analysis,
    z: Tz,
) -> (String, Option<String>) {
    let (Some(at), Some(Provenance::Observed)) = (m.at, m.provenance) else {
        return (local_instants(&m.evidence, z), None);
    };
    let onset = a
        .incident
        .first_signals
        .iter()
        .find(|s| s.at == at && s.source != SignalSource::Log);
    let plain = match (kind, onset.map(|s| s.source)) {
        (MilestoneKind::Started, Some(SignalSource::Viewing)) => {
            let minute = crate::timeutil::floor_to(at, 60_000);
            match a.series.minutes.iter().find(|x| x.minute == minute) {
                Some(x) => format!(
                    "{} of the {} views active in the minute from {} failed, far more than usual; the first at {}",
                    x.failed,
                    x.active,
                    fmt_local_hm(minute, z),
                    fmt_local(at, z).get(11..).unwrap_or_default()
                ),
                None => format!("views started failing far more than usual at {}", fmt_local_hm(at, z)),
            }
        }
        (MilestoneKind::Started, Some(SignalSource::Tickets)) => format!(
            "incident tickets started arriving far faster than usual with this one, at {}",
            fmt_local_hm(at, z)
        ),
        (MilestoneKind::Started, Some(SignalSource::Mentions)) => format!(
            "posts about the incident started appearing far faster than usual with this one, at {}",
            fmt_local_hm(at, z)
        ),
        (MilestoneKind::Recovered, _) => format!(
            "failed views back to their usual level: the last minute with too many failures ended at {}",
            fmt_local_hm(at, z)
        ),
        _ => local_instants(&m.evidence, z),
    };
    let detail = (plain != m.evidence).then(|| m.evidence.clone());
    (plain, detail)
}

/// Text with its RFC 3339 UTC instants written as local `HH:MM:SS`.
fn local_instants(text: &str, z: Tz) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("Z") {
        let (head, tail) = rest.split_at(i + 1);
        match head
            .len()
            .checked_sub(20)
            .and_then(|s| head.get(s..))
            .and_then(|cand| {
                chrono::DateTime::parse_from_rfc3339(cand)
                    .ok()
                    .map(|t| (cand, t))
            }) {
            Some((cand, t)) => {
                out.push_str(&head[..head.len() - cand.len()]);
                out.push_str(fmt_local(t.timestamp_millis(), z).get(11..).unwrap_or(cand));
            }
            None => out.push_str(head),
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// How the report names a ticket channel (the Zendesk API's name in metrics.json).
fn channel_display(api: &str) -> String {
    match api {
        "web" => "web form".into(),
        "email" => "e-mail".into(),
        "api" => "API".into(),
        "mobile" => "mobile app".into(),
        "voice" => "phone".into(),
        "twitter" => "X (Twitter)".into(),
        "facebook" => "Facebook".into(),
        "native_messaging" => "messaging".into(),
        other => other.replace('_', " "),
    }
}

/// The summary paragraph: who was affected and for how long, then how fast the team detected,
/// communicated, mitigated and recovered, against its targets.
fn summary(a: &Analysis, config: &Config) -> Option<String> {
    let z = config.zone;
    let i = &a.incident;
    let (start, end) = (i.started_at.at?, i.recovered_at.at);
    let who = match (&a.impact, a.failures_unknown) {
        (Some(im), _) => {
            let seg = im.segment.as_ref().map(|sg| match sg.viewer_share {
                Some(v) => format!(
                    " ({:.0}% of the viewers were on {} {}, where the failures were)",
                    v * 100.0,
                    sg.dimension,
                    sg.value
                ),
                None => format!(" (the failures were on {} {})", sg.dimension, sg.value),
            });
            format!(
                "{} participants could not watch{}",
                im.affected_participants,
                seg.unwrap_or_default()
            )
        }
        (None, true) => "An unknown number of participants were affected (no viewing export can say that a view failed)".into(),
        (None, false) => "Participants were affected".into(),
    };
    let when = match end {
        Some(e) => format!(
            " from {} to {} ({})",
            fmt_local_hm(start, z),
            fmt_local_hm(e, z),
            fmt_duration((e - start) / 1000)
        ),
        None => format!(" from {}; the recovery is unknown", fmt_local_hm(start, z)),
    };
    let step = |metric: &str, verb: &str, after: &str| -> Option<String> {
        let v = i.duration(metric)?;
        let target = a.targets.iter().find(|t| t.metric == metric);
        let verdict = match target.and_then(|t| t.met.map(|m| (m, t.target_s))) {
            Some((true, t)) => format!(" (target {}: met)", fmt_duration(t)),
            Some((false, t)) => format!(" (target {}: missed)", fmt_duration(t)),
            None => String::new(),
        };
        Some(format!("{verb} {}{after}{verdict}", fmt_duration(v)))
    };
    let steps: Vec<String> = [
        step("time_to_detect_s", "detected it after", ""),
        // Time to communicate is measured from the detection, the team's side.
        step(
            "time_to_communicate_s",
            "sent the first word",
            " after detecting it",
        ),
        step("time_to_mitigate_s", "mitigated it after", ""),
        step("time_to_recover_s", "recovered after", ""),
    ]
    .into_iter()
    .flatten()
    .collect();
    let team = match steps.as_slice() {
        [] => String::new(),
        [one] => format!(" The team {one}."),
        [rest @ .., last] => format!(" The team {}, and {last}.", rest.join(", ")),
    };
    Some(format!("{who}{when}.{team}"))
}

/// One campaign's row of a campaigns table (the incident campaigns, or every one).
pub(super) fn campaign_row(c: &crate::analysis::reach::Campaign, z: Tz) -> CampaignRow {
    CampaignRow {
        campaign: c.campaign.clone(),
        first_event: c.first_event_at.map(|t| fmt_local_hm(t, z)),
        recipients: c.recipients,
        delivered: format!(
            "{} ({})",
            c.delivered,
            pct(c.delivered, c.recipients).unwrap_or_default()
        ),
        opened: format!(
            "{} ({} of delivered)",
            c.opened,
            pct(c.opened, c.delivered).unwrap_or_default()
        ),
        clicked: format!(
            "{} ({} of delivered)",
            c.clicked,
            pct(c.clicked, c.delivered).unwrap_or_default()
        ),
        backup_clicks: c.backup_clicks,
        bounced: c.bounced,
        blocked: c.blocked,
        complained: c.complained,
        unsubscribed: c.unsubscribed,
        to_90pct: c.time_to_90pct_delivered_s.map(fmt_duration),
    }
}

pub(super) fn pct(part: u64, whole: u64) -> Option<String> {
    (whole > 0).then(|| format!("{:.1}%", part as f64 * 100.0 / whole as f64))
}

/// The report's language.
pub(super) fn lang(_config: &Config) -> Lang {
    Lang::En
}

/// The template context of report.html.
#[derive(Debug, Serialize)]
pub struct ReportModel {
    /// The report's language: its catalogue gives every text of the page.
    pub lang: Lang,
    pub event_name: String,
    pub timezone: String,
    pub window: Option<String>,
    /// Where each end of the window came from, read after "window ".
    pub window_note: Option<&'static str>,
    pub durations: Vec<DurationCard>,
    pub milestones: Vec<MilestoneRow>,
    pub signals: Vec<SignalRow>,
    /// The paragraph a director reads in 30 seconds: who, for how long, how fast the team was.
    pub summary: Option<String>,
    pub first_signal_sentence: Option<String>,
    pub attempts: Vec<AttemptRow>,
    pub impact: Option<ImpactView>,
    /// Why the impact figures are unknown, where viewing data cannot say that a view failed.
    pub impact_unknown: Option<&'static str>,
    pub reach: Option<ReachView>,
    /// "Did our communication work?"
    pub communication: Option<super::communication::CommunicationView>,
    /// "The event's audience", for marketing.
    pub marketing: Option<super::marketing::MarketingView>,
    pub tickets: Option<TicketView>,
    pub social: Option<SocialView>,
    /// Every finding, ranked by what is at stake (runbook.md lists them all).
    pub findings: Vec<FindingRow>,
    /// The three warnings to act on first, then the rest.
    pub change_first: Vec<FindingRow>,
    pub other_findings: Vec<FindingRow>,
    pub actions: Vec<Action>,
    pub lessons_html: Option<String>,
    pub sources: Vec<SourceRow>,
    /// Settings that match nothing, zones assumed or likely wrong (data quality section).
    pub config_warnings: Vec<String>,
    pub timeline: Vec<TimelineEntry>,
    /// Every chart's numbers; render.rs draws them.
    pub charts: super::charts_data::Charts,
    pub baseline_share: Option<String>,
    pub not_yet: Vec<&'static str>,
    pub user_queries: Vec<UserQueryView>,
    /// With `--compare`: this edition against the previous one.
    pub comparison: Option<ComparisonView>,
}

impl ReportModel {
    /// Adds the comparison with a previous edition: its section, and last edition's value on
    /// each duration card.
    pub fn set_comparison(&mut self, c: ComparisonView) {
        for card in &mut self.durations {
            if let Some(row) = c.row(&format!("incident.{}", card.metric)) {
                card.previous = Some(row.previous.clone());
                card.verdict = row.verdict;
            }
        }
        self.comparison = Some(c);
    }
}

fn channel_label(source: SignalSource) -> &'static str {
    match source {
        SignalSource::Mentions => "Social media",
        SignalSource::Tickets => "Support tickets",
        SignalSource::Viewing => "Player analytics",
        SignalSource::Log => "Ops log (declared start)",
    }
}

/// Says what of the event window came from the config and what from the data (read after
/// "window ").
fn window_note(o: WindowOrigins) -> &'static str {
    match (o.start, o.end) {
        (WindowOrigin::Config, WindowOrigin::Config) => "from the config ([event] start and end)",
        (WindowOrigin::Config, WindowOrigin::Viewing) => {
            "start from the config, end from the last viewing session (no [event] end in the config)"
        }
        (WindowOrigin::Viewing, WindowOrigin::Config) => {
            "start from the first viewing session (no [event] start in the config), end from the config"
        }
        (WindowOrigin::Viewing, WindowOrigin::Viewing) => {
            "from the first to the last viewing session (no [event] start or end in the config)"
        }
    }
}

/// Rebuilds the timeline: ops-log entries, milestones, signal onsets and own posts, by time.
pub fn timeline(a: &Analysis, log: &[LogRow], zone: Tz) -> Vec<TimelineEntry> {
    let entry =
        |at: Millis, source: &str, kind: &str, text: String, provenance: &str| TimelineEntry {
            at,
            at_utc: fmt_utc(at),
            at_local: fmt_local_offset(at, zone),
            at_display: fmt_local(at, zone).chars().skip(11).collect(),
            source: source.into(),
            kind: kind.into(),
            text,
            provenance: provenance.into(),
        };
    let mut out = Vec::new();
    for l in log {
        if let Some(at) = l.at {
            let mut text = l.text.clone().unwrap_or_default();
            if let Some(o) = &l.owner {
                text.push_str(&format!(" ({o})"));
            }
            out.push(entry(
                at,
                "ops log",
                l.kind.as_deref().unwrap_or(""),
                text,
                "log",
            ));
        }
    }
    for kind in MilestoneKind::ALL {
        let (name, label, m) = (kind.name(), kind.label(), a.incident.milestone(kind));
        if let (Some(at), Some(p)) = (m.at, m.provenance) {
            out.push(entry(
                at,
                "debrief",
                name,
                format!("{label}: {}", m.evidence),
                p.name(),
            ));
        }
    }
    for s in &a.incident.first_signals {
        if s.source != SignalSource::Log {
            out.push(entry(
                s.at,
                "debrief",
                &format!("onset:{}", s.source),
                format!("{} signal onset", channel_label(s.source)),
                "observed",
            ));
        }
    }
    for (at, campaign) in &a.incident.incident_deliveries {
        out.push(entry(
            *at,
            "email",
            "first delivery",
            format!("first delivery of incident e-mail campaign '{campaign}'"),
            "observed",
        ));
    }
    if let Some((at, platform)) = &a.incident.first_fallback_view {
        out.push(entry(
            *at,
            "viewing",
            "first fallback view",
            format!("first successful view on fallback platform '{platform}'"),
            "observed",
        ));
    }
    for p in &a.social.own_posts {
        out.push(entry(
            p.at,
            "social",
            "own post",
            format!(
                "post by @{}: {}",
                p.author.clone().unwrap_or_default(),
                p.text.clone().unwrap_or_default()
            ),
            "observed",
        ));
    }
    out.sort_by(|x, y| (x.at, &x.source, &x.kind).cmp(&(y.at, &y.source, &y.kind)));
    out
}

/// Builds the model.
/// The summary cards: each duration against its target.
fn durations(config: &Config, a: &Analysis) -> Vec<DurationCard> {
    let i = &a.incident;
    let target_of = |metric: &str| {
        config
            .targets
            .iter()
            .find(|(m, _)| m == metric)
            .map(|(_, t)| *t)
    };
    let card = |metric: &'static str, label: &'static str, span: &'static str| {
        let value = i.duration(metric);
        let target = target_of(metric);
        DurationCard {
            metric,
            label,
            span,
            value: value.map(fmt_duration),
            target: target.map(fmt_duration),
            met: value.zip(target).map(|(v, t)| v <= t),
            previous: None,
            verdict: None,
        }
    };
    let durations = vec![
        card(
            "time_to_detect_s",
            "Time to detect",
            "impact start → detection",
        ),
        card(
            "time_to_communicate_s",
            "Time to communicate",
            "detection → first communication",
        ),
        card(
            "time_to_mitigate_s",
            "Time to mitigate",
            "impact start → mitigation",
        ),
        card(
            "time_to_recover_s",
            "Time to recover",
            "impact start → recovery",
        ),
    ];
    durations
}

/// The milestone table, in time order.
fn milestone_rows(config: &Config, a: &Analysis) -> Vec<MilestoneRow> {
    let z = config.zone;
    // In time order; unknown milestones last, in the contract's order.
    let mut ordered: Vec<(MilestoneKind, &'static str, &Milestone)> = MilestoneKind::ALL
        .iter()
        .map(|k| (*k, k.label(), a.incident.milestone(*k)))
        .collect();
    ordered.sort_by_key(|(_, _, m)| (m.at.is_none(), m.at));
    let milestones = ordered
        .into_iter()
        .map(|(name, label, m)| {
            let (evidence, detail) = plain_evidence(name, m, a, z);
            MilestoneRow {
                name: label,
                local: m.at.map(|t| fmt_local(t, z)),
                utc: m.at.map(fmt_utc),
                provenance: m.provenance.map(Provenance::name),
                evidence,
                detail,
                observed: m.observed_alternative.map(|t| {
                    let what = match name {
                        MilestoneKind::Detected => {
                            "the first agent reply on an incident ticket came at"
                        }
                        MilestoneKind::Mitigated => {
                            "the first view on the fallback platform started at"
                        }
                        MilestoneKind::Recovered => "failures stopped at",
                        MilestoneKind::Started | MilestoneKind::FirstCommunication => {
                            "the data say"
                        }
                    };
                    format!("{what} {}", fmt_local_hm(t, z))
                }),
            }
        })
        .collect();
    milestones
}

/// Which channel saw it first: the onsets, and the sentence that says it.
fn signal_rows(config: &Config, a: &Analysis) -> (Vec<SignalRow>, Option<String>) {
    let z = config.zone;
    let i = &a.incident;
    let det = i.detected_at.at;
    let signals: Vec<SignalRow> = i
        .first_signals
        .iter()
        .map(|s| SignalRow {
            channel: channel_label(s.source),
            local: fmt_local(s.at, z),
            lead: det
                .map(|d| (d - s.at) / 1000)
                .filter(|l| *l > 0)
                .map(fmt_duration),
        })
        .collect();
    let first_signal_sentence = i
        .first_signals
        .iter()
        .find(|s| s.source != SignalSource::Log)
        .map(|s| {
            let lead = det.map(|d| (d - s.at) / 1000).filter(|l| *l > 0);
            match lead {
                Some(l) => format!(
                    "{} signalled first, at {}, {} before the team's detection.",
                    channel_label(s.source),
                    fmt_local_hm(s.at, z),
                    fmt_duration(l)
                ),
                None => format!(
                    "{} signalled first, at {}.",
                    channel_label(s.source),
                    fmt_local_hm(s.at, z)
                ),
            }
        });
    (signals, first_signal_sentence)
}

/// The fix attempts against their timeboxes.
fn attempt_rows(config: &Config, a: &Analysis) -> Vec<AttemptRow> {
    let z = config.zone;
    let attempts = a
        .attempts
        .iter()
        .map(|t| AttemptRow {
            text: t.text.clone(),
            owner: t.owner.clone(),
            start: fmt_local_hm(t.start, z),
            end: t.end.map(|e| fmt_local_hm(e, z)),
            timebox: t.timebox_s.map(fmt_duration),
            overrun: t.overrun_s.filter(|o| *o > 0).map(fmt_duration),
        })
        .collect();
    attempts
}

/// The support and social sections, where their exports were given.
fn load_views(
    config: &Config,
    sources: &[SourceReport],
    a: &Analysis,
) -> (Option<TicketView>, Option<SocialView>) {
    let z = config.zone;
    let has = |kind: &str| {
        sources
            .iter()
            .any(|s| s.kind == Some(kind) && s.rows_kept > 0)
    };
    let tickets = has("tickets").then(|| {
        let t = &a.tickets;
        TicketView {
            total: t.total,
            incident_related: t.incident_related,
            peak: t.peak.map(|(at, c)| {
                format!(
                    "{c} incident tickets in the {} min from {}",
                    t.bucket_s / 60,
                    fmt_local_hm(at, z)
                )
            }),
            baseline_per_hour: t
                .baseline_per_hour
                .map(|b| format!("{b:.1} tickets per hour")),
            peak_multiple: t.peak_multiple.map(|m| format!("{m:.1}×")),
            first_reply_median: t.first_reply_median_s.map(fmt_duration),
            first_reply_p90: t.first_reply_p90_s.map(fmt_duration),
            by_channel: t
                .by_channel
                .iter()
                .map(|(k, v)| (channel_display(k), *v))
                .collect(),
            before: t.before_after_communication.map(|b| b.0),
            after: t.before_after_communication.map(|b| b.1),
        }
    });
    let social = has("mentions").then(|| {
        let s = &a.social;
        SocialView {
            mentions: s.mentions,
            incident_related: s.incident_related,
            peak: s.peak.map(|(at, c)| {
                format!(
                    "{c} incident mentions in the {} min from {}",
                    config.bucket_s / 60,
                    fmt_local_hm(at, z)
                )
            }),
            potential_reach: s.potential_reach,
            unique_reach: s.unique_reach,
            engagements: s.engagements,
            sentiment: s.sentiment.as_ref().map(|x| {
                format!(
                    "{} negative, {} neutral, {} positive ({})",
                    x.negative,
                    x.neutral,
                    x.positive,
                    if x.source == "provided" {
                        "as given by the source"
                    } else {
                        "debrief's built-in French and English lexicon"
                    }
                )
            }),
            own_posts: s
                .own_posts
                .iter()
                .map(|p| PostRow {
                    local: fmt_local_hm(p.at, z),
                    author: p.author.clone().unwrap_or_default(),
                    text: p.text.clone().unwrap_or_default(),
                    engagements: p.engagements,
                })
                .collect(),
        }
    });
    (tickets, social)
}

/// The data-quality table: every file and what became of its rows.
fn source_rows(sources: &[SourceReport]) -> Vec<SourceRow> {
    let sources_rows = sources
        .iter()
        .map(|s| SourceRow {
            path: s.path.clone(),
            kind: s.kind.unwrap_or("—").into(),
            format: s.format.unwrap_or("not recognised").into(),
            timezone: match (&s.timezone, s.timezone_origin) {
                (Some(z), Some("file")) => format!("{z} (in the file)"),
                (Some(z), Some("sources")) => format!("{z} ([[sources]])"),
                (Some(z), _) => format!("{z} (event zone, assumed)"),
                _ => "—".into(),
            },
            read: s.rows_read,
            kept: s.rows_kept,
            rejected: s.rows_rejected,
            duplicates: s.duplicates_removed,
            warned: s.warning_count,
            balanced: s.balanced(),
            problem: match (s.problem.clone(), s.encoding.filter(|e| *e != "utf-8")) {
                (Some(p), _) => Some(p),
                (None, Some(e)) => Some(format!("read as {e}")),
                (None, None) => None,
            },
            rejections: s
                .rejections
                .iter()
                .take(5)
                .map(|r| match r.line {
                    Some(l) => format!("line {l}: {}", r.reason),
                    None => r.reason.clone(),
                })
                .collect(),
            warnings: s
                .warnings
                .iter()
                .take(5)
                .map(|w| match w.line {
                    Some(l) => format!("line {l}: {}", w.reason),
                    None => w.reason.clone(),
                })
                .collect(),
        })
        .collect();
    sources_rows
}

/// The findings, ranked: all of them, the three to change first, the rest.
fn finding_rows(a: &Analysis) -> (Vec<FindingRow>, Vec<FindingRow>, Vec<FindingRow>) {
    // Findings come ranked: the first three warnings are what to change first.
    let findings: Vec<FindingRow> = a
        .findings
        .iter()
        .map(|f| FindingRow {
            id: f.id.clone(),
            severity: f.severity,
            text: f.text.clone(),
            recommendation: f.recommendation.clone(),
        })
        .collect();
    let (mut change_first, mut other_findings) = (Vec::new(), Vec::new());
    for f in &findings {
        if change_first.len() < 3 && matches!(f.severity, Severity::Warning | Severity::Critical) {
            change_first.push(f.clone());
        } else {
            other_findings.push(f.clone());
        }
    }
    (findings, change_first, other_findings)
}

/// Who was affected.
fn impact_view(a: &Analysis) -> Option<ImpactView> {
    let impact = a.impact.as_ref().map(|im| ImpactView {
        segment: im.segment.as_ref().map(|sg| {
            // docs/definitions.md: lead with the share of viewers; retries inflate the share of
            // views.
            let lead = match sg.viewer_share {
                Some(v) => format!(
                    "{:.0}% of the viewers active during the incident were on {} = {}, and that is where the failures were: ",
                    v * 100.0,
                    sg.dimension,
                    sg.value
                ),
                None => format!("Failures were concentrated on {} = {}: ", sg.dimension, sg.value),
            };
            format!(
                "{lead}{:.1}% of its views failed during the incident against {:.1}% elsewhere ({:.1} times as often). It held {:.0}% of the failed views and {:.0}% of the views active during the incident (one-sided z-test, p {}).",
                sg.failure_rate * 100.0,
                sg.failure_rate_elsewhere * 100.0,
                sg.lift,
                sg.failure_share * 100.0,
                sg.audience_share * 100.0,
                if sg.p_value > 1e-300 { format!("= {:.1e}", sg.p_value) } else { "< 1e-300".into() }
            )
        }),
        segment_note: im.segment.is_none().then_some(
            "No audience segment explains the failures: none holds at least 20 failed views and half of them with a significantly higher failure rate.",
        ),
        affected: im.affected_participants,
        recovered: im.recovered_participants,
        recovered_share: pct(im.recovered_participants, im.affected_participants),
        minutes_lost: format!("{:.1}", im.participant_minutes_lost),
        window_failed: im.window_failed,
        window_active: im.window_active,
    });
    impact
}

/// How far the incident e-mail went.
fn reach_view(config: &Config, sources: &[SourceReport], a: &Analysis) -> Option<ReachView> {
    let z = config.zone;
    let i = &a.incident;
    let has = |kind: &str| {
        sources
            .iter()
            .any(|s| s.kind == Some(kind) && s.rows_kept > 0)
    };
    let reach = a.reach.as_ref().map(|r| {
        let affected = a.impact.as_ref().map(|im| im.affected_participants);
        ReachView {
            email_supplied: has("email"),
            rule: match i.campaign_rule {
                "config" => "the campaigns listed in [incident].email_campaigns",
                _ => "campaigns whose first event falls between the impact start and two hours after recovery (no [incident].email_campaigns in the config)",
            },
            campaigns: r
                .campaigns
                .iter()
                .map(|c| campaign_row(c, z))
                .collect(),
            affected_reached: r.affected_reached.zip(affected).map(|(x, n)| {
                format!("The incident e-mail was delivered to {x} of the {n} affected participants ({}).", pct(x, n).unwrap_or_else(|| "n.a.".into()))
            }),
            outcomes: r.affected_by_outcome.clone(),
            registered: r.registered.map(|n| {
                let x = r.registered_reached.unwrap_or(0);
                format!("It was delivered to {x} of the {n} registered participants ({}).", pct(x, n).unwrap_or_else(|| "n.a.".into()))
            }),
        }
    });
    reach
}

pub fn build(
    config: &Config,
    sources: &[SourceReport],
    a: &Analysis,
    log: &[LogRow],
    lessons_md: Option<&str>,
    user_queries: &[crate::queries::UserResult],
) -> Result<ReportModel> {
    let z = config.zone;
    let l = lang(config);
    let durations = durations(config, a);
    let milestones = milestone_rows(config, a);
    let (signals, first_signal_sentence) = signal_rows(config, a);
    let attempts = attempt_rows(config, a);
    let (tickets, social) = load_views(config, sources, a);
    let sources_rows = source_rows(sources);
    let (findings, change_first, other_findings) = finding_rows(a);
    let impact = impact_view(a);
    let reach = reach_view(config, sources, a);
    let charts = super::charts_data::build(config, a);

    Ok(ReportModel {
        lang: l,
        event_name: config.event_name.clone(),
        timezone: z.name().to_string(),
        window: a
            .event_window
            .map(|w| format!("{} – {}", fmt_local(w.start, z), fmt_local_hm(w.end, z))),
        window_note: a.event_window_origin.map(window_note),
        durations,
        milestones,
        signals,
        summary: summary(a, config).map(|s| match super::marketing::audience_cost(a) {
            Some(cost) => format!("{s} {cost}"),
            None => s,
        }),
        first_signal_sentence,
        attempts,
        impact,
        impact_unknown: a.failures_unknown.then_some(
            "None of the viewing exports can say that a view failed (a Zoom participants report records only who joined and left; a viewing CSV needs a failed or error column): affected participants, the affected segment, participant-minutes lost and the affected participants reached are unknown, not zero. The impact start comes from tickets, mentions and the ops log alone.",
        ),
        reach,
        communication: super::communication::view(a, config),
        marketing: super::marketing::view(a, config, sources),
        tickets,
        social,
        findings,
        change_first,
        other_findings,
        actions: lessons_md.map(lessons::actions).unwrap_or_default(),
        lessons_html: lessons_md.map(lessons::to_html),
        sources: sources_rows,
        config_warnings: a.config_warnings.iter().map(|w| w.text.clone()).collect(),
        timeline: timeline(a, log, z),
        charts,
        baseline_share: a.series.p0.map(|p| format!("{:.2}%", p * 100.0)),
        user_queries: user_queries.iter().map(user_view).collect(),
        comparison: None,
        not_yet: vec![
            "Sentiment comes from the source where it gives one, else from a small built-in French and English word list: read it as a trend, not a verdict.",
        ],
    })
}
