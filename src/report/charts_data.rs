//! The data of the report's charts: per chart, plain numbers ready to draw and to print as the
//! table under it, every time chart on one shared time axis with round ticks in the event's
//! zone. charts/ turns them into SVG at render time; `--debug-context` shows them. A chart
//! without data is absent, and [`Charts::missing`] says why in one line.

use std::collections::BTreeMap;

use chrono::{LocalResult, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::analysis::chart_series::EmailStep;
use crate::analysis::kinds::SignalSource;
use crate::analysis::{Analysis, Milestone};
use crate::config::Config;
use crate::i18n::format::{fmt_clock, fmt_decimal, fmt_duration};
use crate::i18n::{Arg, Lang};
use crate::timeutil::{floor_to, fmt_local, Millis, MINUTE_MS};

/// At most this many ticks on a time axis.
pub const MAX_TICKS: i64 = 10;
/// Tick steps a time axis may take, in minutes.
const TICK_STEPS_MIN: [i64; 13] = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 360, 720, 1440];
/// The longest axis a chart drawn minute by minute (or bucket by bucket, every bucket a row)
/// may span: beyond it a milestone or an event window is surely mistyped, and the report
/// would carry a table of hundreds of thousands of rows.
pub const MAX_DENSE_SPAN_MS: i64 = 3 * 24 * 60 * MINUTE_MS;
/// Room left on each side of the timeline's items.
const TIMELINE_PAD_MS: i64 = 5 * MINUTE_MS;

/// One tick of a time axis: instant and local label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    pub at: Millis,
    pub label: String,
}

/// A time axis: [start, end] with round ticks in the event's zone, which it names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeAxis {
    pub start: Millis,
    pub end: Millis,
    /// `local time (Europe/Paris)`.
    pub title: String,
    pub ticks: Vec<Tick>,
}

impl TimeAxis {
    /// The smallest axis holding [`from`, `to`] whose ends and ticks fall on a round step of
    /// local time (1, 2, 5, 10, 15, 20, 30 minutes, 1, 2, 3, 6, 12 hours, a day), with at most
    /// [`MAX_TICKS`] ticks. Ticks are aligned with the zone's offset at `from`. Its labels
    /// in English; [`TimeAxis::spanning_in`] for the report's language.
    pub fn spanning(from: Millis, to: Millis, zone: Tz) -> TimeAxis {
        TimeAxis::spanning_in(Lang::En, from, to, zone)
    }

    /// [`TimeAxis::spanning`], its title and tick labels in `lang`.
    pub fn spanning_in(lang: Lang, from: Millis, to: Millis, zone: Tz) -> TimeAxis {
        let to = to.max(from + MINUTE_MS);
        let off = offset_ms(from, zone);
        let floor = |t: Millis, step: i64| floor_to(t + off, step) - off;
        let ceil = |t: Millis, step: i64| {
            let f = floor(t, step);
            if f == t {
                t
            } else {
                f + step
            }
        };
        let day = 24 * 60 * MINUTE_MS;
        let fits = |s: &i64| (ceil(to, *s) - floor(from, *s)) / s < MAX_TICKS;
        // Past the listed steps, whole days: as many as keep the ticks under the limit.
        let step = TICK_STEPS_MIN
            .iter()
            .map(|m| m * MINUTE_MS)
            .find(fits)
            .unwrap_or_else(|| {
                let days = ((to - from) / day / (MAX_TICKS - 2)).max(1);
                (days..).map(|d| d * day).find(fits).unwrap_or(days * day)
            });
        let (start, end) = (floor(from, step), ceil(to, step));
        let long = end - start > 20 * 60 * MINUTE_MS;
        let ticks = (0..=(end - start) / step)
            .map(|i| {
                let at = start + i * step;
                let label = if long {
                    // `11-27 15:00`: the axis spans more than a day.
                    day_and_time(lang, at, zone)
                } else {
                    fmt_clock(lang, at, zone)
                };
                Tick { at, label }
            })
            .collect();
        TimeAxis {
            start,
            end,
            title: lang.t_args("ch-axis-local-time", &[("zone", zone.name().into())]),
            ticks,
        }
    }

    /// Whether an instant is on the axis.
    pub fn holds(&self, at: Millis) -> bool {
        at >= self.start && at <= self.end
    }
}

/// A tick of an axis spanning days: the local month and day in digits and the clock time,
/// `11-27 15:00` (`27/11 15 h 00`).
fn day_and_time(lang: Lang, at: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(at) {
        LocalResult::Single(dt) => {
            let local = dt.with_timezone(&zone);
            lang.t_args(
                "ch-tick-day",
                &[
                    ("month", local.format("%m").to_string().into()),
                    ("day", local.format("%d").to_string().into()),
                    ("time", fmt_clock(lang, at, zone).into()),
                ],
            )
        }
        _ => String::new(),
    }
}

/// The zone's UTC offset at an instant, in milliseconds.
fn offset_ms(at: Millis, zone: Tz) -> i64 {
    match Utc.timestamp_millis_opt(at) {
        LocalResult::Single(dt) => {
            zone.offset_from_utc_datetime(&dt.naive_utc())
                .fix()
                .local_minus_utc() as i64
                * 1000
        }
        _ => 0,
    }
}

/// A milestone drawn across a time chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarkerData {
    pub at: Millis,
    /// `mitigated 15:46`.
    pub label: String,
}

/// A shaded span of a time chart (the incident window).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shade {
    pub start: Millis,
    pub end: Millis,
    pub label: String,
}

/// One item of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineLane {
    /// `signal` (a dot at `start`), `phase`, `recovery`, `attempt` or `overrun`.
    pub kind: &'static str,
    pub label: String,
    pub start: Millis,
    pub end: Millis,
    /// Attempts: where the timebox ended.
    pub timebox_end: Option<Millis>,
    pub start_local: String,
    pub end_local: Option<String>,
    pub duration: Option<String>,
}

/// The incident timeline: signal onsets, the team's phases and the fix attempts as lanes,
/// the milestones across them. Its axis is zoomed to the incident.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineChart {
    pub title: String,
    pub axis: TimeAxis,
    pub markers: Vec<MarkerData>,
    pub lanes: Vec<TimelineLane>,
}

/// One minute of active viewers, one count per platform (in [`AudienceChart::platforms`]'s
/// order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AudienceRow {
    pub at: Millis,
    pub local: String,
    pub viewers: Vec<u64>,
}

/// Active viewers per minute per platform.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AudienceChart {
    pub title: String,
    pub axis: TimeAxis,
    pub y_title: String,
    /// `vimeo`, `youtube (fallback)`: main platforms first.
    pub platforms: Vec<String>,
    pub fallback: Vec<bool>,
    pub shade: Option<Shade>,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<AudienceRow>,
    /// The platforms' own concurrent-viewer counts (YouTube's snapshots), where given.
    pub snapshots: Vec<SnapshotLine>,
}

/// One platform's own concurrent-viewer snapshots, drawn beside the active viewers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SnapshotLine {
    /// `youtube: its own count`.
    pub label: String,
    /// Colour: that of the platform's active viewers where they are drawn too.
    pub colour: usize,
    /// (instant, local time, viewers).
    pub points: Vec<(Millis, String, i64)>,
}

/// One minute with failed views.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FailureRow {
    pub at: Millis,
    pub local: String,
    /// Failed views inside the affected segment (0 without a segment).
    pub inside: u64,
    /// Failed views elsewhere (all of them without a segment).
    pub outside: u64,
    pub total: u64,
    pub anomalous: bool,
}

/// Failed views per minute, the affected segment against the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FailuresChart {
    pub title: String,
    pub axis: TimeAxis,
    pub y_title: String,
    /// `isp = Orange`; `None` without an affected segment.
    pub segment: Option<String>,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<FailureRow>,
}

/// One minute of the cost of waiting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaitingRow {
    pub at: Millis,
    pub local: String,
    /// Participant-minutes lost in the minute: the mean number of affected participants
    /// waiting during it.
    pub participant_minutes: f64,
    /// The same, to one decimal.
    pub shown: String,
}

/// Affected participants not yet watching again, per minute, from the onset to recovery.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaitingChart {
    pub title: String,
    pub axis: TimeAxis,
    pub y_title: String,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<WaitingRow>,
    /// The area: participant-minutes lost, to one decimal.
    pub total: String,
    /// Affected participants still waiting at the first communication.
    pub at_communication: Option<u64>,
    /// What each minute of delay cost.
    pub sentence: Option<String>,
}

/// One minute where e-mail reach grew: running totals of distinct recipients.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmailRow {
    pub at: Millis,
    pub local: String,
    pub delivered: u64,
    pub opened: u64,
    pub clicked: u64,
}

/// Cumulative delivered, opened and clicked recipients over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmailChart {
    pub title: String,
    pub axis: TimeAxis,
    pub y_title: String,
    pub shade: Option<Shade>,
    pub rows: Vec<EmailRow>,
    /// What happened after the axis's end and is not drawn.
    pub beyond: Option<String>,
}

/// One bucket of the incident support queue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportRow {
    pub at: Millis,
    pub local: String,
    pub created: u64,
    pub solved: u64,
    /// Open at the bucket's end.
    pub backlog: i64,
    pub replied: u64,
    pub median_reply_s: Option<i64>,
    pub median_reply: Option<String>,
}

/// Incident tickets per bucket, the open backlog and the first-reply times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportChart {
    pub title: String,
    pub reply_title: String,
    pub axis: TimeAxis,
    pub bucket_minutes: i64,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<SupportRow>,
}

/// One bucket of incident mentions by sentiment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SocialRow {
    pub at: Millis,
    pub local: String,
    pub negative: u64,
    pub neutral: u64,
    pub positive: u64,
}

/// Incident mentions per bucket by sentiment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SocialChart {
    pub title: String,
    pub axis: TimeAxis,
    pub bucket_minutes: i64,
    /// Where the sentiment labels come from.
    pub source: String,
    pub markers: Vec<MarkerData>,
    pub rows: Vec<SocialRow>,
}

/// One incident campaign's funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelChart {
    pub title: String,
    pub stages: Vec<(String, u64)>,
}

/// Every chart of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Charts {
    /// The report's language: every text of the charts is in it, and charts/ draws in it.
    pub lang: Lang,
    /// Local time of day in the event's zone, for the tables' headers.
    pub zone: String,
    pub timeline: Option<TimelineChart>,
    pub audience: Option<AudienceChart>,
    pub failures: Option<FailuresChart>,
    pub waiting: Option<WaitingChart>,
    /// One per incident campaign.
    pub email: Vec<EmailChart>,
    pub email_affected: Option<EmailChart>,
    pub funnels: Vec<FunnelChart>,
    pub support: Option<SupportChart>,
    pub social: Option<SocialChart>,
    /// "Did our communication work?": the updates strip, the affected participants' funnel
    /// and the time from delivery to watching again.
    pub updates: Option<crate::charts::updates::UpdatesChart>,
    pub affected_funnel: Option<FunnelChart>,
    pub returns: Option<crate::charts::returns::ReturnsChart>,
    /// The event's audience, for marketing: retention, every campaign, the website.
    pub retention: Option<crate::charts::retention::RetentionChart>,
    pub campaigns: Option<crate::charts::campaigns::CampaignsChart>,
    pub web: Option<crate::charts::web::WebChart>,
    /// Per absent chart (by field name): why it is absent.
    pub missing: BTreeMap<&'static str, String>,
}

/// The milestones as markers, those on `axis`, labelled in `lang`: `mitigated 15:46`.
pub(super) fn markers_in(
    lang: Lang,
    a: &Analysis,
    zone: Tz,
    axis: &TimeAxis,
    which: &[&str],
) -> Vec<MarkerData> {
    let i = &a.incident;
    let all: [(&str, &Milestone); 5] = [
        ("impact", &i.started_at),
        ("detected", &i.detected_at),
        ("communicated", &i.first_communication_at),
        ("mitigated", &i.mitigated_at),
        ("recovered", &i.recovered_at),
    ];
    all.iter()
        .filter(|(name, _)| which.contains(name))
        .filter_map(|(name, m)| {
            let at = m.at.filter(|t| axis.holds(*t))?;
            Some(MarkerData {
                at,
                label: lang.t_args(
                    &format!("ch-marker-{name}"),
                    &[("time", fmt_clock(lang, at, zone).into())],
                ),
            })
        })
        .collect()
}

const ALL_MARKERS: [&str; 5] = [
    "impact",
    "detected",
    "communicated",
    "mitigated",
    "recovered",
];

/// The incident window as a shade, labelled in `lang`.
pub(super) fn incident_shade_in(lang: Lang, a: &Analysis) -> Option<Shade> {
    a.incident.window().map(|w| Shade {
        start: w.start,
        end: w.end,
        label: lang.t("ch-shade-incident"),
    })
}

/// The span every time chart shares: the event window, else the data's extent; widened to
/// hold the incident window.
fn event_span(a: &Analysis) -> Option<(Millis, Millis)> {
    let mut span = a.event_window.map(|w| (w.start, w.end));
    let mut widen = |t: Millis| {
        span = Some(match span {
            Some((s, e)) => (s.min(t), e.max(t)),
            None => (t, t),
        });
    };
    if a.event_window.is_none() {
        let c = &a.charts;
        let instants = a
            .series
            .tickets
            .iter()
            .map(|b| b.0)
            .chain(a.series.mentions.iter().map(|b| b.0))
            .chain(
                c.email
                    .iter()
                    .flat_map(|e| e.steps.iter().map(|s| s.minute)),
            )
            .chain(c.support.iter().map(|b| b.bucket));
        let (lo, hi) = instants.fold(
            (None, None),
            |(lo, hi): (Option<Millis>, Option<Millis>), t| {
                (
                    Some(lo.map_or(t, |l| l.min(t))),
                    Some(hi.map_or(t, |h| h.max(t))),
                )
            },
        );
        if let (Some(lo), Some(hi)) = (lo, hi) {
            widen(lo);
            widen(hi + a.tickets.bucket_s.max(60) * 1000);
        }
    }
    if let Some(w) = a.incident.window() {
        widen(w.start);
        widen(w.end);
    }
    span
}

/// Builds every chart's data.
pub fn build(config: &Config, a: &Analysis) -> Charts {
    let zone = config.zone;
    let lang = super::model::lang(config);
    let mut missing = BTreeMap::new();
    let axis = event_span(a).map(|(s, e)| TimeAxis::spanning_in(lang, s, e, zone));
    let timeline = timeline(lang, a, zone);
    if timeline.is_none() {
        missing.insert("timeline", lang.t("ch-missing-timeline"));
    }
    let mut charts = Charts {
        lang,
        zone: zone.name().to_string(),
        timeline,
        audience: None,
        failures: None,
        waiting: None,
        email: Vec::new(),
        email_affected: None,
        funnels: funnels(lang, a),
        support: None,
        social: None,
        updates: super::communication::updates_chart(a, config),
        affected_funnel: super::communication::affected_funnel(a, config),
        returns: super::communication::returns_chart(a),
        retention: None,
        campaigns: super::marketing::campaigns_chart(a, config),
        web: None,
        missing,
    };
    // Without an axis there is no viewing, ticket, mention or e-mail record to draw: the
    // template's notes on the missing exports say so.
    let Some(axis) = axis else {
        return charts;
    };
    let dense = axis.end - axis.start <= MAX_DENSE_SPAN_MS;
    if dense {
        charts.audience = audience(lang, a, zone, &axis);
        charts.waiting = waiting(lang, a, zone, &axis);
    }
    charts.failures = failures(lang, a, zone, &axis);
    charts.email = email(lang, a, zone, &axis);
    charts.email_affected = a
        .charts
        .email_affected
        .as_ref()
        .filter(|s| !s.is_empty())
        .map(|steps| {
            email_chart(
                lang,
                lang.t("ch-email-affected-title"),
                steps,
                a,
                zone,
                &axis,
            )
        });
    if dense {
        charts.support = support(lang, config, a, zone, &axis);
    }
    charts.social = social(lang, config, a, zone, &axis);
    charts.retention = super::marketing::retention_chart(a, config, &axis);
    charts.web = super::marketing::web_chart(a, config, &axis);
    let why = |k: &'static str| -> Option<String> {
        let impact_why = lang.t(if a.failures_unknown {
            "ch-why-failures-unknown"
        } else if a.series.minutes.is_empty() {
            "ch-why-no-viewing"
        } else {
            "ch-why-window-ends"
        });
        let too_long = lang.t_args(
            "ch-missing-too-long",
            &[
                ("from", fmt_local(axis.start, zone).into()),
                ("to", fmt_local(axis.end, zone).into()),
                ("days", (MAX_DENSE_SPAN_MS / (24 * 60 * MINUTE_MS)).into()),
            ],
        );
        // Without viewing data at all, the template's own note says so, once.
        let no_viewing = a.series.minutes.is_empty();
        Some(match k {
            "audience" | "waiting" | "support" if !dense => too_long,
            "audience" if no_viewing => return None,
            "audience" => lang.t("ch-missing-audience"),
            "failures" if a.failures_unknown => lang.t("ch-missing-failures-unknown"),
            "failures" if no_viewing => return None,
            "failures" => lang.t("ch-missing-failures"),
            "waiting" => match &a.charts.waiting {
                Some(_) => lang.t("ch-missing-waiting-nobody"),
                None => lang.t_args("ch-missing-waiting", &[("why", impact_why.into())]),
            },
            "email" if a.reach.as_ref().is_none_or(|r| r.campaigns.is_empty()) => return None,
            "email" => lang.t("ch-missing-email"),
            "support" if a.tickets.total == 0 => return None,
            "support" => lang.t("ch-missing-support"),
            "social" if a.social.mentions == 0 => return None,
            "social" => lang.t("ch-missing-social"),
            _ => return None,
        })
    };
    let absent = [
        ("audience", charts.audience.is_none()),
        ("failures", charts.failures.is_none()),
        ("waiting", charts.waiting.is_none()),
        ("email", charts.email.is_empty()),
        ("support", charts.support.is_none()),
        ("social", charts.social.is_none()),
    ];
    for (k, gone) in absent {
        if let Some(w) = gone.then(|| why(k)).flatten() {
            charts.missing.insert(k, w);
        }
    }
    charts
}

/// The catalogue key of a signal's channel.
fn channel(source: SignalSource) -> &'static str {
    match source {
        SignalSource::Mentions => "ch-channel-mentions",
        SignalSource::Tickets => "ch-channel-tickets",
        SignalSource::Viewing => "ch-channel-viewing",
        SignalSource::Log => "ch-channel-log",
    }
}

fn timeline(lang: Lang, a: &Analysis, zone: Tz) -> Option<TimelineChart> {
    let i = &a.incident;
    let hm = |t: Millis| fmt_clock(lang, t, zone);
    let duration = |s: i64| fmt_duration(lang, s);
    let mut lanes = Vec::new();
    for s in &i.first_signals {
        lanes.push(TimelineLane {
            kind: "signal",
            label: lang.t_args(
                "ch-signal",
                &[
                    ("channel", lang.t(channel(s.source)).into()),
                    ("time", hm(s.at).into()),
                ],
            ),
            start: s.at,
            end: s.at,
            timebox_end: None,
            start_local: hm(s.at),
            end_local: None,
            duration: None,
        });
    }
    let phase = |kind: &'static str,
                 key: &str,
                 from: Option<Millis>,
                 to: Option<Millis>,
                 d: Option<i64>| {
        let (from, to, d) = (from?, to?, d?);
        Some(TimelineLane {
            kind,
            label: lang.t_args(key, &[("duration", duration(d).into())]),
            start: from,
            end: to,
            timebox_end: None,
            start_local: hm(from),
            end_local: Some(hm(to)),
            duration: Some(duration(d)),
        })
    };
    lanes.extend(phase(
        "phase",
        "ch-lane-detect",
        i.started_at.at,
        i.detected_at.at,
        i.time_to_detect_s,
    ));
    lanes.extend(phase(
        "phase",
        "ch-lane-communicate",
        i.detected_at.at,
        i.first_communication_at.at,
        i.time_to_communicate_s,
    ));
    lanes.extend(phase(
        "phase",
        "ch-lane-mitigate",
        i.started_at.at,
        i.mitigated_at.at,
        i.time_to_mitigate_s,
    ));
    lanes.extend(phase(
        "recovery",
        "ch-lane-recover",
        i.started_at.at,
        i.recovered_at.at,
        i.time_to_recover_s,
    ));
    for t in &a.attempts {
        let Some(end) = t.end else { continue };
        let over = t.overrun_s.unwrap_or(0) > 0;
        lanes.push(TimelineLane {
            kind: if over { "overrun" } else { "attempt" },
            label: match t.overrun_s.filter(|o| *o > 0) {
                Some(o) => lang.t_args(
                    "ch-lane-attempt-over",
                    &[
                        ("text", t.text.clone().into()),
                        ("over", duration(o).into()),
                    ],
                ),
                None => lang.t_args("ch-lane-attempt", &[("text", t.text.clone().into())]),
            },
            start: t.start,
            end: end.max(t.start),
            timebox_end: t.timebox_s.map(|s| t.start + s * 1000),
            start_local: hm(t.start),
            end_local: Some(hm(end)),
            duration: Some(duration((end - t.start) / 1000)),
        });
    }
    let milestone_times: Vec<Millis> = [
        i.started_at.at,
        i.detected_at.at,
        i.first_communication_at.at,
        i.mitigated_at.at,
        i.recovered_at.at,
    ]
    .into_iter()
    .flatten()
    .collect();
    let instants = lanes
        .iter()
        .flat_map(|l| [Some(l.start), Some(l.end), l.timebox_end])
        .flatten()
        .chain(milestone_times.iter().copied());
    let lo = instants.clone().min()?;
    let hi = instants.max()?;
    let axis = TimeAxis::spanning_in(lang, lo - TIMELINE_PAD_MS, hi + TIMELINE_PAD_MS, zone);
    let markers = markers_in(lang, a, zone, &axis, &ALL_MARKERS);
    Some(TimelineChart {
        title: lang.t("ch-timeline-title"),
        axis,
        markers,
        lanes,
    })
}

fn audience(lang: Lang, a: &Analysis, zone: Tz, axis: &TimeAxis) -> Option<AudienceChart> {
    let mut platforms: Vec<&crate::analysis::chart_series::PlatformAudience> =
        a.charts.audience.iter().collect();
    let series: &[crate::analysis::engagement::SnapshotSeries] = a
        .engagement
        .as_ref()
        .map_or(&[], |e| e.snapshot_series.as_slice());
    if platforms.is_empty() && series.is_empty() {
        return None;
    }
    // Main platforms first, then the fallbacks, each by name.
    platforms.sort_by(|x, y| (x.fallback, &x.platform).cmp(&(y.fallback, &y.platform)));
    let first = floor_to(axis.start, MINUTE_MS);
    let minutes: Vec<Millis> = (0..)
        .map(|i| first + i * MINUTE_MS)
        .take_while(|m| *m < axis.end)
        .collect();
    let mut columns = Vec::new();
    for p in &platforms {
        let mut k = 0;
        let mut now = 0u64;
        let col: Vec<u64> = minutes
            .iter()
            .map(|m| {
                while k < p.changes.len() && p.changes[k].0 <= *m {
                    now = p.changes[k].1;
                    k += 1;
                }
                now
            })
            .collect();
        columns.push(col);
    }
    let rows = minutes
        .iter()
        .enumerate()
        .map(|(i, m)| AudienceRow {
            at: *m,
            local: fmt_clock(lang, *m, zone),
            viewers: columns.iter().map(|c| c[i]).collect(),
        })
        .collect();
    let snapshots = series
        .iter()
        .enumerate()
        .map(|(k, (name, points))| SnapshotLine {
            label: lang.t_args("ch-snapshot-label", &[("platform", name.clone().into())]),
            colour: platforms
                .iter()
                .position(|p| p.platform.eq_ignore_ascii_case(name))
                .unwrap_or(platforms.len() + k),
            points: points
                .iter()
                .filter(|(t, _)| axis.holds(*t))
                .map(|(t, v)| (*t, fmt_clock(lang, *t, zone), *v))
                .collect(),
        })
        .filter(|l| !l.points.is_empty())
        .collect::<Vec<_>>();
    if platforms.is_empty() && snapshots.is_empty() {
        return None;
    }
    Some(AudienceChart {
        title: lang.t(if snapshots.is_empty() {
            "ch-audience-title"
        } else if platforms.is_empty() {
            "ch-audience-title-snapshots"
        } else {
            "ch-audience-title-both"
        }),
        axis: axis.clone(),
        y_title: lang.t("ch-audience-y"),
        platforms: platforms
            .iter()
            .map(|p| {
                if p.fallback {
                    lang.t_args(
                        "ch-platform-fallback",
                        &[("platform", p.platform.clone().into())],
                    )
                } else {
                    p.platform.clone()
                }
            })
            .collect(),
        fallback: platforms.iter().map(|p| p.fallback).collect(),
        shade: incident_shade_in(lang, a),
        markers: markers_in(lang, a, zone, axis, &["mitigated"]),
        rows: if platforms.is_empty() {
            Vec::new()
        } else {
            rows
        },
        snapshots,
    })
}

fn failures(lang: Lang, a: &Analysis, zone: Tz, axis: &TimeAxis) -> Option<FailuresChart> {
    if a.failures_unknown || a.series.minutes.is_empty() {
        return None;
    }
    let anomalous: BTreeMap<Millis, bool> = a
        .series
        .minutes
        .iter()
        .map(|m| (m.minute, m.anomalous))
        .collect();
    let segment = a
        .impact
        .as_ref()
        .and_then(|i| i.segment.as_ref())
        .filter(|_| !a.charts.failures_by_segment.is_empty());
    let counts: Vec<(Millis, u64, u64)> = match segment {
        Some(_) => a.charts.failures_by_segment.clone(),
        None => a
            .series
            .minutes
            .iter()
            .map(|m| (m.minute, 0, m.failed))
            .collect(),
    };
    let rows: Vec<FailureRow> = counts
        .into_iter()
        .filter(|(m, i, o)| i + o > 0 && *m >= axis.start && *m < axis.end)
        .map(|(m, inside, outside)| FailureRow {
            at: m,
            local: fmt_clock(lang, m, zone),
            inside,
            outside,
            total: inside + outside,
            anomalous: anomalous.get(&m).copied().unwrap_or(false),
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let segment = segment.map(|s| format!("{} = {}", s.dimension, s.value));
    Some(FailuresChart {
        title: match &segment {
            Some(s) => lang.t_args(
                "ch-failures-title-segment",
                &[("segment", s.clone().into())],
            ),
            None => lang.t("ch-failures-title"),
        },
        axis: axis.clone(),
        y_title: lang.t("ch-failures-y"),
        segment,
        markers: markers_in(lang, a, zone, axis, &ALL_MARKERS),
        rows,
    })
}

fn waiting(lang: Lang, a: &Analysis, zone: Tz, axis: &TimeAxis) -> Option<WaitingChart> {
    let w = a.charts.waiting.as_ref()?;
    if w.minutes.is_empty() {
        return None;
    }
    let total: f64 = w.minutes.iter().map(|m| m.1).sum();
    let rows = w
        .minutes
        .iter()
        .map(|(m, v)| WaitingRow {
            at: *m,
            local: fmt_clock(lang, *m, zone),
            participant_minutes: *v,
            shown: fmt_decimal(lang, *v, 1),
        })
        .collect();
    let fc = a.incident.first_communication_at.at;
    let sentence = match (fc, w.at_communication, a.incident.window()) {
        (Some(at), Some(n), Some(win)) => {
            let time: Arg = fmt_clock(lang, at, zone).into();
            Some(if at >= win.end {
                lang.t_args("ch-waiting-after-recovery", &[("time", time)])
            } else if n == 0 {
                lang.t_args("ch-waiting-nobody", &[("time", time)])
            } else {
                lang.t_args("ch-waiting-sentence", &[("time", time), ("n", n.into())])
            })
        }
        _ => None,
    };
    Some(WaitingChart {
        title: lang.t("ch-waiting-title"),
        axis: axis.clone(),
        y_title: lang.t("ch-waiting-y"),
        markers: markers_in(
            lang,
            a,
            zone,
            axis,
            &["impact", "communicated", "recovered"],
        ),
        rows,
        total: fmt_decimal(lang, total, 1),
        at_communication: w.at_communication,
        sentence,
    })
}

fn email_chart(
    lang: Lang,
    title: String,
    steps: &[EmailStep],
    a: &Analysis,
    zone: Tz,
    axis: &TimeAxis,
) -> EmailChart {
    let mut rows: Vec<EmailRow> = Vec::new();
    let (mut d, mut o, mut c) = (0u64, 0u64, 0u64);
    let mut carried = false;
    let mut after = (0u64, 0u64, 0u64);
    for s in steps {
        if s.minute >= axis.end {
            after = (
                after.0 + s.delivered,
                after.1 + s.opened,
                after.2 + s.clicked,
            );
            continue;
        }
        d += s.delivered;
        o += s.opened;
        c += s.clicked;
        if s.minute < axis.start {
            carried = true;
            continue;
        }
        if carried {
            // What came before the axis, as its first point.
            if s.minute > axis.start {
                rows.push(EmailRow {
                    at: axis.start,
                    local: fmt_clock(lang, axis.start, zone),
                    delivered: d - s.delivered,
                    opened: o - s.opened,
                    clicked: c - s.clicked,
                });
            }
            carried = false;
        }
        rows.push(EmailRow {
            at: s.minute,
            local: fmt_clock(lang, s.minute, zone),
            delivered: d,
            opened: o,
            clicked: c,
        });
    }
    if carried {
        rows.push(EmailRow {
            at: axis.start,
            local: fmt_clock(lang, axis.start, zone),
            delivered: d,
            opened: o,
            clicked: c,
        });
    }
    let beyond = (after != (0, 0, 0)).then(|| {
        lang.t_args(
            "ch-email-beyond",
            &[
                ("delivered", after.0.into()),
                ("opened", after.1.into()),
                ("clicked", after.2.into()),
            ],
        )
    });
    EmailChart {
        title,
        axis: axis.clone(),
        y_title: lang.t("ch-email-y"),
        shade: incident_shade_in(lang, a),
        rows,
        beyond,
    }
}

fn email(lang: Lang, a: &Analysis, zone: Tz, axis: &TimeAxis) -> Vec<EmailChart> {
    a.charts
        .email
        .iter()
        .filter(|c| !c.steps.is_empty())
        .map(|c| {
            email_chart(
                lang,
                lang.t_args("ch-email-title", &[("campaign", c.campaign.clone().into())]),
                &c.steps,
                a,
                zone,
                axis,
            )
        })
        .collect()
}

fn funnels(lang: Lang, a: &Analysis) -> Vec<FunnelChart> {
    a.reach
        .iter()
        .flat_map(|r| &r.campaigns)
        .filter(|c| c.recipients > 0)
        .map(|c| FunnelChart {
            title: lang.t_args(
                "ch-funnel-title",
                &[("campaign", c.campaign.clone().into())],
            ),
            stages: vec![
                (lang.t("ch-recipients"), c.recipients),
                (lang.t("ch-delivered"), c.delivered),
                (lang.t("ch-opened"), c.opened),
                (lang.t("ch-clicked"), c.clicked),
                (lang.t("ch-clicked-backup"), c.backup_clicks),
            ],
        })
        .collect()
}

fn support(
    lang: Lang,
    config: &Config,
    a: &Analysis,
    zone: Tz,
    axis: &TimeAxis,
) -> Option<SupportChart> {
    let buckets = &a.charts.support;
    if buckets.iter().all(|b| b.created == 0) {
        return None;
    }
    let width = config.bucket_s.max(60) * 1000;
    let first = floor_to(axis.start, width);
    let mut k = 0;
    let mut backlog = 0i64;
    let mut rows = Vec::new();
    let mut at = first;
    while at < axis.end {
        while k < buckets.len() && buckets[k].bucket < at {
            backlog = buckets[k].backlog;
            k += 1;
        }
        let here = buckets.get(k).filter(|b| b.bucket == at);
        if let Some(b) = here {
            backlog = b.backlog;
        }
        let b = here.copied().unwrap_or_default();
        rows.push(SupportRow {
            at,
            local: fmt_clock(lang, at, zone),
            created: b.created,
            solved: b.solved,
            backlog,
            replied: b.replied,
            median_reply_s: b.median_reply_s,
            median_reply: b.median_reply_s.map(|s| fmt_duration(lang, s)),
        });
        at += width;
    }
    if rows.iter().all(|r| r.created == 0 && r.backlog == 0) {
        return None;
    }
    let minutes = width / MINUTE_MS;
    Some(SupportChart {
        title: lang.t_args("ch-support-title", &[("minutes", minutes.into())]),
        reply_title: lang.t_args("ch-support-reply-title", &[("minutes", minutes.into())]),
        axis: axis.clone(),
        bucket_minutes: minutes,
        markers: markers_in(lang, a, zone, axis, &ALL_MARKERS),
        rows,
    })
}

fn social(
    lang: Lang,
    config: &Config,
    a: &Analysis,
    zone: Tz,
    axis: &TimeAxis,
) -> Option<SocialChart> {
    let s = a.charts.sentiment.as_ref()?;
    let rows: Vec<SocialRow> = s
        .buckets
        .iter()
        .filter(|b| b.0 >= axis.start && b.0 < axis.end)
        .map(|&(at, negative, neutral, positive)| SocialRow {
            at,
            local: fmt_clock(lang, at, zone),
            negative,
            neutral,
            positive,
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let minutes = config.bucket_s.max(60) / 60;
    Some(SocialChart {
        title: lang.t_args("ch-social-title", &[("minutes", minutes.into())]),
        axis: axis.clone(),
        bucket_minutes: minutes,
        source: lang.t(if s.source == "provided" {
            "ch-sentiment-provided"
        } else {
            "ch-sentiment-word-list"
        }),
        markers: markers_in(lang, a, zone, axis, &ALL_MARKERS),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;
    /// 2020-11-27T13:30:00Z, 14:30 in Paris.
    const T: Millis = 1_606_483_800_000;

    #[test]
    fn the_samples_event_window_gets_half_hour_ticks() {
        // 14:30-19:00 Paris: 270 minutes, 30-minute steps, 10 ticks.
        let axis = TimeAxis::spanning(T, T + 270 * MINUTE_MS, PARIS);
        assert_eq!((axis.start, axis.end), (T, T + 270 * MINUTE_MS));
        let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30", "18:00", "18:30",
                "19:00"
            ]
        );
        assert_eq!(axis.title, "local time (Europe/Paris)");
    }

    #[test]
    fn ends_are_rounded_out_in_local_time() {
        // 15:07:30-16:02 Paris (50 min): 10-minute steps, 15:00 to 16:10.
        let from = T + 37 * MINUTE_MS + 30_000;
        let axis = TimeAxis::spanning(from, T + 92 * MINUTE_MS, PARIS);
        assert_eq!(axis.ticks.first().map(|t| t.label.as_str()), Some("15:00"));
        assert_eq!(axis.ticks.last().map(|t| t.label.as_str()), Some("16:10"));
        assert_eq!(axis.ticks.len(), 8);
        // In a zone half an hour off UTC the ticks still fall on local round hours.
        let kolkata: Tz = chrono_tz::Asia::Kolkata;
        let axis = TimeAxis::spanning(T, T + 5 * 60 * MINUTE_MS, kolkata);
        assert!(
            axis.ticks.iter().all(|t| t.label.ends_with(":00")),
            "{:?}",
            axis.ticks
        );
        assert!(axis.ticks.len() as i64 <= MAX_TICKS);
    }

    #[test]
    fn the_axis_speaks_the_reports_language() {
        let axis = TimeAxis::spanning_in(Lang::Fr, T, T + 270 * MINUTE_MS, PARIS);
        assert_eq!(axis.title, "heure locale (Europe/Paris)");
        assert_eq!(axis.ticks[0].label, "14\u{a0}h\u{a0}30");
        assert_eq!(axis.ticks[1].label, "15\u{a0}h\u{a0}00");
        let long = TimeAxis::spanning_in(Lang::Fr, T, T + 3 * 24 * 60 * MINUTE_MS, PARIS);
        assert_eq!(long.ticks[0].label, "27/11 12\u{a0}h\u{a0}00");
        // English as before.
        assert_eq!(
            TimeAxis::spanning_in(Lang::En, T, T + 3 * 24 * 60 * MINUTE_MS, PARIS),
            TimeAxis::spanning(T, T + 3 * 24 * 60 * MINUTE_MS, PARIS)
        );
    }

    #[test]
    fn the_catalogue_words_the_english_charts_as_before() {
        let en = Lang::En;
        let waiting = |n: u64| {
            en.t_args(
                "ch-waiting-sentence",
                &[("time", "15:27".into()), ("n", n.into())],
            )
        };
        assert_eq!(
            waiting(1),
            "At the first communication (15:27), 1 affected participant was still waiting to watch again: each minute earlier would have saved about 1 participant-minute."
        );
        assert_eq!(
            waiting(1962),
            "At the first communication (15:27), 1962 affected participants were still waiting to watch again: each minute earlier would have saved about 1962 participant-minutes."
        );
        assert_eq!(
            en.t_args(
                "ch-missing-too-long",
                &[
                    ("from", "2020-11-27 14:30".into()),
                    ("to", "2021-11-27 14:30".into()),
                    ("days", 3.into()),
                ],
            ),
            "The charts' window (2020-11-27 14:30 to 2021-11-27 14:30) spans more than 3 days: check the event window and the milestones; charts drawn minute by minute are left out."
        );
        assert_eq!(
            en.t_args(
                "ch-lane-attempt-over",
                &[
                    ("text", "restart the encoder".into()),
                    ("over", "2 min".into())
                ],
            ),
            "attempt: restart the encoder (2 min over its timebox)"
        );
        // French: plurals, numbers and typography.
        let fr = Lang::Fr;
        assert_eq!(
            fr.t_args(
                "ch-waiting-sentence",
                &[("time", "15\u{a0}h\u{a0}27".into()), ("n", 1962.into())],
            ),
            "Lors de la première communication (15\u{a0}h\u{a0}27), 1\u{202F}962 participants touchés attendaient encore de pouvoir regarder\u{A0}: chaque minute gagnée aurait épargné environ 1\u{202F}962 minutes-participants."
        );
        assert!(fr
            .t_args(
                "ch-waiting-sentence",
                &[("time", "9\u{a0}h\u{a0}05".into()), ("n", 1.into())]
            )
            .contains("1 participant touché attendait"));
        let beyond = |lang: Lang, opened: u64| {
            lang.t_args(
                "ch-email-beyond",
                &[
                    ("delivered", 1200.into()),
                    ("opened", opened.into()),
                    ("clicked", 0.into()),
                ],
            )
        };
        assert_eq!(
            beyond(Lang::En, 1),
            "After the end of the chart: 1200 more delivered, 1 opened, 0 clicked (not drawn)."
        );
        assert_eq!(
            beyond(fr, 1),
            "Après la fin du graphique\u{A0}: 1\u{202F}200 délivrés, 1 ouvert et 0 cliqué de plus (non tracés)."
        );
        assert!(beyond(fr, 2).contains(", 2 ouverts et"));
    }

    #[test]
    fn a_long_axis_names_the_day() {
        let axis = TimeAxis::spanning(T, T + 3 * 24 * 60 * MINUTE_MS, PARIS);
        assert_eq!(axis.ticks[0].label, "11-27 12:00");
        assert!(axis.ticks.len() as i64 <= MAX_TICKS);
        // A mistyped year: whole days, still at most MAX_TICKS ticks (aligned on the offset
        // at the start: after the clocks change they fall at 01:00).
        let axis = TimeAxis::spanning(T, T + 365 * 24 * 60 * MINUTE_MS, PARIS);
        assert!(axis.ticks.len() as i64 <= MAX_TICKS, "{}", axis.ticks.len());
        assert!(
            axis.ticks.iter().all(|t| t.label.ends_with(":00")),
            "{:?}",
            axis.ticks
        );
    }
}
