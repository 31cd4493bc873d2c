//! The report model: every figure formatted and ready to print, every chart's data (drawn at
//! render time, [`super::charts_data`]), the timeline rebuilt. Templates only display this; exporters turn parts of it into bytes.

use serde::Serialize;

use super::compare::ComparisonView;
use super::lessons::{self, Action};
use super::words::Words;
use crate::analysis::kinds::{MilestoneKind, Provenance, Severity, SignalSource};
use crate::analysis::{Analysis, Milestone, WindowOrigin, WindowOrigins};
use crate::config::Config;
use crate::error::Result;
use crate::i18n::Lang;
use crate::ingest::{has_rows, SourceReport, Table, CP1252_ASSUMED};
use crate::tables::LogRow;
use crate::timeutil::{fmt_local, fmt_local_offset, fmt_utc, Millis};

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
    pub label: String,
    pub span: String,
    pub value: Option<String>,
    pub target: Option<String>,
    pub met: Option<bool>,
    /// With `--compare`: last edition's value and whether this one is better.
    pub previous: Option<String>,
    pub verdict: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct MilestoneRow {
    pub name: String,
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
    pub channel: String,
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
    pub segment_note: Option<String>,
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
    pub rule: String,
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
    w: &Words,
    kind: MilestoneKind,
    m: &Milestone,
    a: &Analysis,
) -> (String, Option<String>) {
    // On the page the evidence's instants are local clock times; the details line keeps
    // metrics.json's UTC instants, in the report's language.
    let local = m.evidence.words(w.l, |t| w.hms(t));
    let (Some(at), Some(Provenance::Observed)) = (m.at, m.provenance) else {
        return (local, None);
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
                Some(x) => w.ta(
                    "md-ev-views-failed",
                    &[
                        ("failed", (x.failed as i64).into()),
                        ("active", (x.active as i64).into()),
                        ("minute", w.hm(minute).into()),
                        ("first", w.hms(at).into()),
                    ],
                ),
                None => w.ta("md-ev-views-failing", &[("at", w.hm(at).into())]),
            }
        }
        (MilestoneKind::Started, Some(SignalSource::Tickets)) => {
            w.ta("md-ev-tickets", &[("at", w.hm(at).into())])
        }
        (MilestoneKind::Started, Some(SignalSource::Mentions)) => {
            w.ta("md-ev-mentions", &[("at", w.hm(at).into())])
        }
        (MilestoneKind::Recovered, _) => w.ta("md-ev-recovered", &[("at", w.hm(at).into())]),
        _ => local,
    };
    let utc = m.evidence.words(w.l, fmt_utc);
    let detail = (plain != utc).then_some(utc);
    (plain, detail)
}

/// How the report names a ticket channel (the Zendesk API's name in metrics.json).
fn channel_display(w: &Words, api: &str) -> String {
    match api {
        "web" | "email" | "api" | "mobile" | "voice" | "twitter" | "facebook"
        | "native_messaging" => w.t(&format!("md-ticket-channel-{}", api.replace('_', "-"))),
        other => other.replace('_', " "),
    }
}

/// The summary paragraph: who was affected and for how long, then how fast the team detected,
/// communicated, mitigated and recovered, against its targets.
fn summary(a: &Analysis, w: &Words) -> Option<String> {
    let i = &a.incident;
    let (start, end) = (i.started_at.at?, i.recovered_at.at);
    let who = match (&a.impact, a.failures_unknown) {
        (Some(im), _) => {
            let seg = im.segment.as_ref().map(|sg| match sg.viewer_share {
                Some(v) => w.ta(
                    "md-sum-segment-share",
                    &[
                        ("share", w.share(v, 0).into()),
                        ("dimension", sg.dimension.clone().into()),
                        ("value", sg.value.clone().into()),
                    ],
                ),
                None => w.ta(
                    "md-sum-segment",
                    &[
                        ("dimension", sg.dimension.clone().into()),
                        ("value", sg.value.clone().into()),
                    ],
                ),
            });
            w.ta(
                "md-sum-who",
                &[
                    ("n", (im.affected_participants as i64).into()),
                    (
                        "segment",
                        seg.map(|s| format!(" {s}")).unwrap_or_default().into(),
                    ),
                ],
            )
        }
        (None, true) => w.t("md-sum-who-unknown"),
        (None, false) => w.t("md-sum-who-some"),
    };
    let when = match end {
        Some(e) => w.ta(
            "md-sum-when",
            &[
                ("start", w.hm(start).into()),
                ("end", w.hm(e).into()),
                ("duration", w.dur((e - start) / 1000).into()),
            ],
        ),
        None => w.ta("md-sum-when-open", &[("start", w.hm(start).into())]),
    };
    let step = |metric: &str, key: &str| -> Option<String> {
        let v = i.duration(metric)?;
        let target = a.targets.iter().find(|t| t.metric == metric);
        let verdict = match target.and_then(|t| t.met.map(|m| (m, t.target_s))) {
            Some((met, t)) => format!(
                " {}",
                w.ta(
                    if met {
                        "md-sum-target-met"
                    } else {
                        "md-sum-target-missed"
                    },
                    &[("target", w.dur(t).into())],
                )
            ),
            None => String::new(),
        };
        Some(format!(
            "{}{verdict}",
            w.ta(key, &[("duration", w.dur(v).into())])
        ))
    };
    let steps: Vec<String> = [
        step("time_to_detect_s", "md-sum-detected"),
        // Time to communicate is measured from the detection, the team's side.
        step("time_to_communicate_s", "md-sum-communicated"),
        step("time_to_mitigate_s", "md-sum-mitigated"),
        step("time_to_recover_s", "md-sum-recovered"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let team = match steps.as_slice() {
        [] => String::new(),
        [one] => format!(
            " {}",
            w.ta("md-sum-team-one", &[("step", one.clone().into())])
        ),
        [rest @ .., last] => format!(
            " {}",
            w.ta(
                "md-sum-team",
                &[
                    ("steps", rest.join(", ").into()),
                    ("last", last.clone().into()),
                ],
            )
        ),
    };
    Some(format!("{who} {when}.{team}"))
}

/// One campaign's row of a campaigns table (the incident campaigns, or every one).
pub(super) fn campaign_row(c: &crate::analysis::reach::Campaign, w: &Words) -> CampaignRow {
    let of_delivered = |n: u64| {
        w.ta(
            "md-of-delivered",
            &[
                ("n", w.int(n).into()),
                ("share", w.pct(n, c.delivered).unwrap_or_default().into()),
            ],
        )
    };
    CampaignRow {
        campaign: c.campaign.clone(),
        first_event: c.first_event_at.map(|t| w.hm(t)),
        recipients: c.recipients,
        delivered: format!(
            "{} ({})",
            w.int(c.delivered),
            w.pct(c.delivered, c.recipients).unwrap_or_default()
        ),
        opened: of_delivered(c.opened),
        clicked: of_delivered(c.clicked),
        backup_clicks: c.backup_clicks,
        bounced: c.bounced,
        blocked: c.blocked,
        complained: c.complained,
        unsubscribed: c.unsubscribed,
        to_90pct: c.time_to_90pct_delivered_s.map(|s| w.dur(s)),
    }
}

/// The report's language.
pub(crate) fn lang(config: &Config) -> Lang {
    config.language
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
    pub window_note: Option<String>,
    pub durations: Vec<DurationCard>,
    pub milestones: Vec<MilestoneRow>,
    pub signals: Vec<SignalRow>,
    /// The paragraph a director reads in 30 seconds: who, for how long, how fast the team was.
    pub summary: Option<String>,
    pub first_signal_sentence: Option<String>,
    pub attempts: Vec<AttemptRow>,
    pub impact: Option<ImpactView>,
    /// Why the impact figures are unknown, where viewing data cannot say that a view failed.
    pub impact_unknown: Option<String>,
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
    pub not_yet: Vec<String>,
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

fn channel_label(w: &Words, source: SignalSource) -> String {
    w.t(&format!("md-signal-{}", source.name()))
}

/// Says what of the event window came from the config and what from the data (read after
/// "window ").
fn window_note(w: &Words, o: WindowOrigins) -> String {
    w.t(match (o.start, o.end) {
        (WindowOrigin::Config, WindowOrigin::Config) => "md-window-config",
        (WindowOrigin::Config, WindowOrigin::Viewing) => "md-window-config-viewing",
        (WindowOrigin::Viewing, WindowOrigin::Config) => "md-window-viewing-config",
        (WindowOrigin::Viewing, WindowOrigin::Viewing) => "md-window-viewing",
    })
}

/// Rebuilds the timeline: ops-log entries, milestones, signal onsets and own posts, by time.
pub fn timeline(a: &Analysis, log: &[LogRow], w: &Words) -> Vec<TimelineEntry> {
    let zone = w.z;
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
        let (name, label, m) = (
            kind.name(),
            milestone_label(w, kind),
            a.incident.milestone(kind),
        );
        if let (Some(at), Some(p)) = (m.at, m.provenance) {
            out.push(entry(
                at,
                "debrief",
                name,
                w.ta(
                    "md-timeline-milestone",
                    &[
                        ("label", label.into()),
                        ("evidence", m.evidence.words(w.l, fmt_utc).into()),
                    ],
                ),
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
                w.ta(
                    "md-timeline-onset",
                    &[("channel", channel_label(w, s.source).into())],
                ),
                "observed",
            ));
        }
    }
    for (at, campaign) in &a.incident.incident_deliveries {
        out.push(entry(
            *at,
            "email",
            "first delivery",
            w.ta("md-ev-campaign", &[("campaign", campaign.clone().into())]),
            "observed",
        ));
    }
    if let Some((at, platform)) = &a.incident.first_fallback_view {
        out.push(entry(
            *at,
            "viewing",
            "first fallback view",
            w.ta(
                "md-timeline-fallback-view",
                &[("platform", platform.clone().into())],
            ),
            "observed",
        ));
    }
    for p in &a.social.own_posts {
        out.push(entry(
            p.at,
            "social",
            "own post",
            w.ta(
                "md-timeline-own-post",
                &[
                    ("author", p.author.clone().unwrap_or_default().into()),
                    ("text", p.text.clone().unwrap_or_default().into()),
                ],
            ),
            "observed",
        ));
    }
    out.sort_by(|x, y| (x.at, &x.source, &x.kind).cmp(&(y.at, &y.source, &y.kind)));
    out
}

/// Builds the model.
/// The summary cards: each duration against its target.
fn durations(config: &Config, a: &Analysis, w: &Words) -> Vec<DurationCard> {
    let i = &a.incident;
    let target_of = |metric: &str| {
        config
            .targets
            .iter()
            .find(|(m, _)| m == metric)
            .map(|(_, t)| *t)
    };
    let card = |metric: &'static str, label: &str, span: &str| {
        let value = i.duration(metric);
        let target = target_of(metric);
        DurationCard {
            metric,
            label: w.t(label),
            span: w.t(span),
            value: value.map(|v| w.dur(v)),
            target: target.map(|t| w.dur(t)),
            met: value.zip(target).map(|(v, t)| v <= t),
            previous: None,
            verdict: None,
        }
    };
    let durations = vec![
        card("time_to_detect_s", "md-card-detect", "md-card-detect-span"),
        card(
            "time_to_communicate_s",
            "md-card-communicate",
            "md-card-communicate-span",
        ),
        card(
            "time_to_mitigate_s",
            "md-card-mitigate",
            "md-card-mitigate-span",
        ),
        card(
            "time_to_recover_s",
            "md-card-recover",
            "md-card-recover-span",
        ),
    ];
    durations
}

/// A milestone's name in the report: `Impact started`.
fn milestone_label(w: &Words, kind: MilestoneKind) -> String {
    w.t(&format!("md-milestone-{}", kind.name().replace('_', "-")))
}

/// The milestone table, in time order.
fn milestone_rows(a: &Analysis, w: &Words) -> Vec<MilestoneRow> {
    let z = w.z;
    // In time order; unknown milestones last, in the contract's order.
    let mut ordered: Vec<(MilestoneKind, String, &Milestone)> = MilestoneKind::ALL
        .iter()
        .map(|k| (*k, milestone_label(w, *k), a.incident.milestone(*k)))
        .collect();
    ordered.sort_by_key(|(_, _, m)| (m.at.is_none(), m.at));
    ordered
        .into_iter()
        .map(|(name, label, m)| {
            let (evidence, detail) = plain_evidence(w, name, m, a);
            MilestoneRow {
                name: label,
                local: m.at.map(|t| fmt_local(t, z)),
                utc: m.at.map(fmt_utc),
                provenance: m.provenance.map(Provenance::name),
                evidence,
                detail,
                observed: m.observed_alternative.map(|t| {
                    let key = match name {
                        MilestoneKind::Detected => "md-observed-detected",
                        MilestoneKind::Mitigated => "md-observed-mitigated",
                        MilestoneKind::Recovered => "md-observed-recovered",
                        MilestoneKind::Started | MilestoneKind::FirstCommunication => {
                            "md-observed-other"
                        }
                    };
                    w.ta(key, &[("at", w.hm(t).into())])
                }),
            }
        })
        .collect()
}

/// Which channel saw it first: the onsets, and the sentence that says it.
fn signal_rows(a: &Analysis, w: &Words) -> (Vec<SignalRow>, Option<String>) {
    let z = w.z;
    let i = &a.incident;
    let det = i.detected_at.at;
    let signals: Vec<SignalRow> = i
        .first_signals
        .iter()
        .map(|s| SignalRow {
            channel: channel_label(w, s.source),
            local: fmt_local(s.at, z),
            lead: det
                .map(|d| (d - s.at) / 1000)
                .filter(|l| *l > 0)
                .map(|l| w.dur(l)),
        })
        .collect();
    let first_signal_sentence = i
        .first_signals
        .iter()
        .find(|s| s.source != SignalSource::Log)
        .map(|s| {
            let lead = det.map(|d| (d - s.at) / 1000).filter(|l| *l > 0);
            let (channel, at) = (channel_label(w, s.source), w.hm(s.at));
            match lead {
                Some(l) => w.ta(
                    "md-first-signal-lead",
                    &[
                        ("channel", channel.into()),
                        ("at", at.into()),
                        ("lead", w.dur(l).into()),
                    ],
                ),
                None => w.ta(
                    "md-first-signal",
                    &[("channel", channel.into()), ("at", at.into())],
                ),
            }
        });
    (signals, first_signal_sentence)
}

/// The fix attempts against their timeboxes.
fn attempt_rows(a: &Analysis, w: &Words) -> Vec<AttemptRow> {
    let attempts = a
        .attempts
        .iter()
        .map(|t| AttemptRow {
            text: t.text.clone(),
            owner: t.owner.clone(),
            start: w.hm(t.start),
            end: t.end.map(|e| w.hm(e)),
            timebox: t.timebox_s.map(|s| w.dur(s)),
            overrun: t.overrun_s.filter(|o| *o > 0).map(|s| w.dur(s)),
        })
        .collect();
    attempts
}

/// The support and social sections, where their exports were given.
fn load_views(
    config: &Config,
    sources: &[SourceReport],
    a: &Analysis,
    w: &Words,
) -> (Option<TicketView>, Option<SocialView>) {
    let tickets = has_rows(sources, Table::Tickets).then(|| {
        let t = &a.tickets;
        TicketView {
            total: t.total,
            incident_related: t.incident_related,
            peak: t.peak.map(|(at, c)| {
                w.ta(
                    "md-tickets-peak",
                    &[
                        ("n", (c as i64).into()),
                        ("minutes", (t.bucket_s / 60).into()),
                        ("at", w.hm(at).into()),
                    ],
                )
            }),
            baseline_per_hour: t
                .baseline_per_hour
                .map(|b| w.ta("md-tickets-per-hour", &[("rate", w.dec(b, 1).into())])),
            peak_multiple: t.peak_multiple.map(|m| format!("{}×", w.dec(m, 1))),
            first_reply_median: t.first_reply_median_s.map(|s| w.dur(s)),
            first_reply_p90: t.first_reply_p90_s.map(|s| w.dur(s)),
            by_channel: t
                .by_channel
                .iter()
                .map(|(k, v)| (channel_display(w, k), *v))
                .collect(),
            before: t.before_after_communication.map(|b| b.0),
            after: t.before_after_communication.map(|b| b.1),
        }
    });
    let social = has_rows(sources, Table::Mentions).then(|| {
        let s = &a.social;
        SocialView {
            mentions: s.mentions,
            incident_related: s.incident_related,
            peak: s.peak.map(|(at, c)| {
                w.ta(
                    "md-mentions-peak",
                    &[
                        ("n", (c as i64).into()),
                        ("minutes", (config.bucket_s / 60).into()),
                        ("at", w.hm(at).into()),
                    ],
                )
            }),
            potential_reach: s.potential_reach,
            unique_reach: s.unique_reach,
            engagements: s.engagements,
            sentiment: s.sentiment.as_ref().map(|x| {
                w.ta(
                    "md-sentiment",
                    &[
                        ("negative", (x.negative as i64).into()),
                        ("neutral", (x.neutral as i64).into()),
                        ("positive", (x.positive as i64).into()),
                        (
                            "source",
                            w.t(if x.source == "provided" {
                                "md-sentiment-provided"
                            } else {
                                "md-sentiment-lexicon"
                            })
                            .into(),
                        ),
                    ],
                )
            }),
            own_posts: s
                .own_posts
                .iter()
                .map(|p| PostRow {
                    local: w.hm(p.at),
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
fn source_rows(sources: &[SourceReport], w: &Words) -> Vec<SourceRow> {
    let sources_rows = sources
        .iter()
        .map(|s| SourceRow {
            path: s.path.clone(),
            kind: s.kind().unwrap_or("—").into(),
            format: s
                .format
                .map(str::to_string)
                .unwrap_or_else(|| w.t("md-source-not-recognised")),
            timezone: match (&s.timezone, s.timezone_origin) {
                (Some(z), Some("file")) => w.ta("md-zone-file", &[("zone", z.clone().into())]),
                (Some(z), Some("sources")) => format!("{z} ([[sources]])"),
                (Some(z), _) => w.ta("md-zone-assumed", &[("zone", z.clone().into())]),
                _ => "—".into(),
            },
            read: s.rows_read,
            kept: s.rows_kept,
            rejected: s.rows_rejected,
            duplicates: s.duplicates_removed,
            warned: s.warning_count,
            balanced: s.balanced(),
            problem: match (s.problem(w.l), s.encoding.filter(|e| *e != "utf-8")) {
                (Some(p), _) => Some(p),
                (None, Some(CP1252_ASSUMED)) => Some(w.t("md-read-as-cp1252-assumed")),
                (None, Some(e)) => Some(w.ta("md-read-as", &[("encoding", e.into())])),
                (None, None) => None,
            },
            rejections: s
                .rejections
                .iter()
                .take(5)
                .map(|r| match r.line {
                    Some(l) => w.ta(
                        "md-line",
                        &[
                            ("line", l.to_string().into()),
                            ("text", r.reason.words(w.l).into()),
                        ],
                    ),
                    None => r.reason.words(w.l),
                })
                .collect(),
            warnings: s
                .warnings
                .iter()
                .take(5)
                .map(|x| match x.line {
                    Some(l) => w.ta(
                        "md-line",
                        &[
                            ("line", l.to_string().into()),
                            ("text", x.reason.words(w.l).into()),
                        ],
                    ),
                    None => x.reason.words(w.l),
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
fn impact_view(a: &Analysis, w: &Words) -> Option<ImpactView> {
    let impact = a.impact.as_ref().map(|im| ImpactView {
        segment: im.segment.as_ref().map(|sg| {
            // docs/definitions.md: lead with the share of viewers; retries inflate the share of
            // views.
            let (dimension, value) = (sg.dimension.clone(), sg.value.clone());
            let lead = match sg.viewer_share {
                Some(v) => w.ta(
                    "md-segment-lead-share",
                    &[
                        ("share", w.share(v, 0).into()),
                        ("dimension", dimension.into()),
                        ("value", value.into()),
                    ],
                ),
                None => w.ta(
                    "md-segment-lead",
                    &[("dimension", dimension.into()), ("value", value.into())],
                ),
            };
            let p = if sg.p_value > 1e-300 {
                format!(
                    "= {}",
                    format!("{:.1e}", sg.p_value).replace('.', &w.dec(0.5, 1)[1..2])
                )
            } else {
                "< 1e-300".into()
            };
            let body = w.ta(
                "md-segment-body",
                &[
                    ("rate", w.share(sg.failure_rate, 1).into()),
                    ("elsewhere", w.share(sg.failure_rate_elsewhere, 1).into()),
                    ("lift", w.dec(sg.lift, 1).into()),
                    ("failed", w.share(sg.failure_share, 0).into()),
                    ("active", w.share(sg.audience_share, 0).into()),
                    ("p", p.into()),
                ],
            );
            format!("{lead} {body}")
        }),
        segment_note: im.segment.is_none().then(|| w.t("md-no-segment")),
        affected: im.affected_participants,
        recovered: im.recovered_participants,
        recovered_share: w.pct(im.recovered_participants, im.affected_participants),
        minutes_lost: w.dec(im.participant_minutes_lost, 1),
        window_failed: im.window_failed,
        window_active: im.window_active,
    });
    impact
}

/// What became of the incident e-mail for affected participants (the reasons of
/// queries/affected_not_reached.sql), in words.
fn outcome_label(w: &Words, reason: &str) -> String {
    let key = match reason {
        "reached" => "md-outcome-reached",
        "bounced" => "md-outcome-bounced",
        "blocked" => "md-outcome-blocked",
        "not sent the incident e-mail" => "md-outcome-not-sent",
        "no e-mail known" => "md-outcome-no-email",
        "other" => "md-outcome-other",
        other => return other.to_string(),
    };
    w.t(key)
}

/// How far the incident e-mail went.
fn reach_view(sources: &[SourceReport], a: &Analysis, w: &Words) -> Option<ReachView> {
    let i = &a.incident;
    let reach = a.reach.as_ref().map(|r| {
        let affected = a.impact.as_ref().map(|im| im.affected_participants);
        ReachView {
            email_supplied: has_rows(sources, Table::Email),
            rule: w.t(match i.campaign_rule {
                "config" => "md-rule-config",
                _ => "md-rule-automatic",
            }),
            campaigns: r.campaigns.iter().map(|c| campaign_row(c, w)).collect(),
            affected_reached: r.affected_reached.zip(affected).map(|(x, n)| {
                w.ta(
                    "md-reached-affected",
                    &[
                        ("reached", (x as i64).into()),
                        ("n", (n as i64).into()),
                        ("share", w.pct(x, n).unwrap_or_else(|| w.t("md-na")).into()),
                    ],
                )
            }),
            outcomes: r
                .affected_by_outcome
                .iter()
                .map(|(k, n)| (outcome_label(w, k), *n))
                .collect(),
            registered: r.registered.map(|n| {
                let x = r.registered_reached.unwrap_or(0);
                w.ta(
                    "md-reached-registered",
                    &[
                        ("reached", (x as i64).into()),
                        ("n", (n as i64).into()),
                        ("share", w.pct(x, n).unwrap_or_else(|| w.t("md-na")).into()),
                    ],
                )
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
    let w = Words::new(config);
    let durations = durations(config, a, &w);
    let milestones = milestone_rows(a, &w);
    let (signals, first_signal_sentence) = signal_rows(a, &w);
    let attempts = attempt_rows(a, &w);
    let (tickets, social) = load_views(config, sources, a, &w);
    let sources_rows = source_rows(sources, &w);
    let (findings, change_first, other_findings) = finding_rows(a);
    let impact = impact_view(a, &w);
    let reach = reach_view(sources, a, &w);
    let charts = super::charts_data::build(config, a);

    Ok(ReportModel {
        lang: w.l,
        event_name: config.event_name.clone(),
        timezone: z.name().to_string(),
        window: a.event_window.map(|x| {
            let date = |t| crate::i18n::format::fmt_long_date_at(w.l, t, z);
            let (from, to) = (date(x.start), date(x.end));
            if from == to {
                w.ta(
                    "md-window",
                    &[
                        ("date", from.into()),
                        ("start", w.hm(x.start).into()),
                        ("end", w.hm(x.end).into()),
                    ],
                )
            } else {
                w.ta(
                    "md-window-days",
                    &[
                        ("date", from.into()),
                        ("start", w.hm(x.start).into()),
                        ("end_date", to.into()),
                        ("end", w.hm(x.end).into()),
                    ],
                )
            }
        }),
        window_note: a.event_window_origin.map(|o| window_note(&w, o)),
        durations,
        milestones,
        signals,
        summary: summary(a, &w).map(|s| match super::marketing::audience_cost(a, &w) {
            Some(cost) => format!("{s} {cost}"),
            None => s,
        }),
        first_signal_sentence,
        attempts,
        impact,
        impact_unknown: a.failures_unknown.then(|| w.t("md-impact-unknown")),
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
        timeline: timeline(a, log, &w),
        charts,
        baseline_share: a.series.p0.map(|p| w.share(p, 2)),
        user_queries: user_queries.iter().map(user_view).collect(),
        comparison: None,
        not_yet: vec![w.t("md-not-yet-sentiment")],
    })
}
