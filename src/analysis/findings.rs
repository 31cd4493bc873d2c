//! Findings: the sentences a debrief needs, each with an id, a severity and a recommendation
//! that goes to runbook.md. Derived from figures only; nothing here reads data.
//!
//! Findings are ranked by what is at stake, in participant-minutes (an estimate, to order them,
//! never shown as a figure): a missed target or a late detection costs its minutes times the
//! affected participants; people not reached cost the average minutes an affected participant
//! lost. Warnings with a stake come first, largest first; then warnings without one, data
//! problems, and what went well.

use std::collections::BTreeSet;

use super::channels::Channel;
use super::impact::Impact;
use super::kinds::{MilestoneKind, Provenance, Severity, SignalSource};
use super::load::{Social, TicketLoad};
use super::milestones::Incident;
use super::reach::Reach;
use super::{Attempt, Target};
use crate::config::Config;
use crate::i18n::format::{fmt_clock, fmt_duration, fmt_percent};
use crate::i18n::{Arg, Lang};
use crate::tables::LogRow;
use crate::timeutil::fmt_utc;

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: String,
    pub severity: Severity,
    pub text: String,
    pub recommendation: String,
    /// Participant-minutes at stake, for the ranking; `None` where the finding has no cost in
    /// those terms.
    pub stake: Option<f64>,
}

/// Without a `time_to_communicate` target, a first word later than this is late.
pub const DEFAULT_FIRST_WORD_S: i64 = 15 * 60;
/// A silence between updates longer than this is a finding.
pub const LONG_SILENCE_S: i64 = 15 * 60;
/// The share of reached affected participants who never opened the e-mail that is a finding.
pub const UNOPENED_SHARE: f64 = 0.2;

/// What the findings are derived from.
pub struct Inputs<'a> {
    pub incident: &'a Incident,
    pub impact: Option<&'a Impact>,
    pub tickets: &'a TicketLoad,
    pub social: &'a Social,
    pub reach: Option<&'a Reach>,
    pub targets: &'a [Target],
    pub attempts: &'a [Attempt],
    pub communication: &'a super::communication::Communication,
    pub log: &'a [LogRow],
    pub config: &'a Config,
}

/// The channels the team used to inform participants: its own posts, the ops log's
/// communication entries, and e-mail when an incident campaign was delivered.
fn channels_used(x: &Inputs) -> BTreeSet<Channel> {
    let mut used: BTreeSet<Channel> = x
        .log
        .iter()
        .filter(|l| l.kind.as_deref() == Some("communication"))
        .flat_map(|l| Channel::mentioned(l.text.as_deref().unwrap_or("")))
        .collect();
    if !x.social.own_posts.is_empty() {
        used.insert(Channel::Social);
    }
    if x.reach
        .is_some_and(|r| r.campaigns.iter().any(|c| c.delivered > 0))
    {
        used.insert(Channel::Email);
    }
    used
}

/// The advice for a missed target, specific to what took the time.
fn target_advice(metric: &str, x: &Inputs) -> String {
    let i = x.incident;
    let (z, l) = (x.config.zone, x.config.language);
    let mins = |s: i64| -> Arg { fmt_duration(l, s.max(0)).into() };
    match metric {
        "time_to_detect_s" => {
            let first = i
                .first_signals
                .iter()
                .filter(|s| matches!(s.source, SignalSource::Mentions | SignalSource::Tickets))
                .min_by_key(|s| s.at);
            match (first, i.detected_at.at) {
                (Some(s), Some(d)) if s.at < d => l.t_args(
                    "advice-detect-watch",
                    &[
                        ("source", s.source.name().into()),
                        ("at", fmt_clock(l, s.at, z).into()),
                        ("lead", mins((d - s.at) / 1000)),
                    ],
                ),
                _ => l.t("advice-detect-alert"),
            }
        }
        "time_to_communicate_s" => {
            // The steps of an e-mail communication: detection to the first send, then the
            // first send to 90% delivered.
            let campaign = x.reach.and_then(|r| {
                r.campaigns
                    .iter()
                    .filter(|c| c.first_event_at.is_some())
                    .min_by_key(|c| c.first_event_at)
            });
            let to_send = campaign
                .and_then(|c| c.first_event_at)
                .zip(i.detected_at.at)
                .map(|(s, d)| (s - d) / 1000);
            let to_90 = campaign.and_then(|c| c.time_to_90pct_delivered_s);
            match (to_send, to_90) {
                (Some(a), Some(b)) if b > a => l.t_args(
                    "advice-communicate-delivery",
                    &[("to_90", mins(b)), ("to_send", mins(a))],
                ),
                (Some(a), Some(b)) => l.t_args(
                    "advice-communicate-send-and-delivery",
                    &[("to_send", mins(a)), ("to_90", mins(b))],
                ),
                (Some(a), None) => l.t_args("advice-communicate-send", &[("to_send", mins(a))]),
                _ => l.t("advice-communicate-ready"),
            }
        }
        "time_to_mitigate_s" => {
            let overrun: i64 = x.attempts.iter().filter_map(|a| a.overrun_s).sum();
            if overrun > 0 {
                l.t_args("advice-mitigate-overrun", &[("overrun", mins(overrun))])
            } else {
                l.t("advice-mitigate-fallback")
            }
        }
        "time_to_recover_s" => match (i.mitigated_at.at, i.recovered_at.at) {
            (Some(m), Some(r)) if r > m => {
                l.t_args("advice-recover-after", &[("after", mins((r - m) / 1000))])
            }
            _ => l.t("advice-recover-review"),
        },
        _ => l.t("advice-step-review"),
    }
}

/// Ranks findings: warnings (and critical ones) with a stake, largest first; then the other
/// warnings; then data problems; then what went well. Stable within a tier.
pub fn rank(findings: &mut [Finding]) {
    let tier = |f: &Finding| match (f.severity, f.stake) {
        (Severity::Critical | Severity::Warning, Some(_)) => 0,
        (Severity::Critical | Severity::Warning, None) => 1,
        (Severity::Data, _) => 2,
        (Severity::Info, _) => 3,
    };
    findings.sort_by(|a, b| {
        tier(a)
            .cmp(&tier(b))
            .then(b.stake.unwrap_or(0.0).total_cmp(&a.stake.unwrap_or(0.0)))
    });
}

/// How a sentence names a duration of metrics.md ("time to detect"), in `lang`.
fn metric_label(lang: Lang, metric: &str) -> String {
    lang.t_args("metric-label", &[("metric", metric.into())])
}

/// How a sentence names a milestone ("the mitigation"), in `lang`.
fn milestone_words(lang: Lang, kind: MilestoneKind) -> String {
    lang.t_args("milestone-in-words", &[("milestone", kind.name().into())])
}

/// Derives the findings, ranked ([`rank`]).
pub fn derive(x: &Inputs) -> Vec<Finding> {
    let (incident, impact, tickets, reach, config) =
        (x.incident, x.impact, x.tickets, x.reach, x.config);
    let (z, l) = (config.zone, config.language);
    let hm = |at: i64| -> Arg { fmt_clock(l, at, z).into() };
    let dur = |s: i64| -> Arg { fmt_duration(l, s).into() };
    let mut out = Vec::new();
    // The participants a minute of delay costs: the affected ones where known, else one.
    let affected = impact
        .map(|i| i.affected_participants)
        .filter(|&n| n > 0)
        .unwrap_or(1) as f64;
    // What a participant not reached stands to lose: the average an affected one lost.
    let per_person = impact
        .filter(|i| i.affected_participants > 0)
        .map(|i| i.participant_minutes_lost / i.affected_participants as f64)
        .unwrap_or(1.0)
        .max(1.0);
    let used = channels_used(x);

    // docs/definitions.md: with no keywords and no tags, nothing is incident-related by content.
    if config.incident.keywords.is_empty() && config.incident.ticket_tags.is_empty() {
        out.push(Finding {
            stake: None,
            id: "no-incident-criteria".into(),
            severity: Severity::Data,
            text: l.t("finding-no-incident-criteria"),
            recommendation: l.t("advice-no-incident-criteria"),
        });
    }

    // Which channel signalled first, and its lead over detection. Player analytics are rarely
    // watched live, so when they come first the first channel a person could have seen
    // (social media or support) gets its own finding too.
    if let Some(det) = incident.detected_at.at {
        let leading = |s: &&super::milestones::Signal| s.source != SignalSource::Log && s.at < det;
        let first = incident.first_signals.iter().find(leading);
        let first_human = incident
            .first_signals
            .iter()
            .filter(|s| matches!(s.source, SignalSource::Mentions | SignalSource::Tickets))
            .find(leading);
        for (i, sig) in first.into_iter().chain(first_human).enumerate() {
            if i == 1 && first.is_some_and(|f| f.source == sig.source) {
                break;
            }
            let lead = (det - sig.at) / 1000;
            let (id, rec) = match sig.source {
                SignalSource::Mentions => ("social-signalled-first", "advice-watch-social"),
                SignalSource::Tickets => ("support-signalled-first", "advice-route-tickets"),
                SignalSource::Viewing | SignalSource::Log => {
                    ("viewing-signalled-first", "advice-alert-failure-rate")
                }
            };
            let key = if i == 0 {
                "finding-signalled-first"
            } else {
                "finding-watched-channel-signalled-first"
            };
            let text = l.t_args(
                key,
                &[
                    ("source", sig.source.name().into()),
                    ("at", hm(sig.at)),
                    ("lead", dur(lead)),
                    ("detected", hm(det)),
                ],
            );
            out.push(Finding {
                stake: Some(lead as f64 / 60.0 * affected),
                id: id.into(),
                severity: Severity::Warning,
                text,
                recommendation: l.t(rec),
            });
        }
    }

    // The data show impact before the log's declared start.
    if let (Some(Provenance::Observed), Some(start)) =
        (incident.started_at.provenance, incident.started_at.at)
    {
        if let Some(log) = incident
            .first_signals
            .iter()
            .find(|s| s.source == SignalSource::Log)
        {
            out.push(Finding {
                stake: None,
                id: "start-earlier-than-logged".into(),
                severity: Severity::Warning,
                text: l.t_args(
                    "finding-start-earlier-than-logged",
                    &[
                        ("start", hm(start)),
                        ("before", dur((log.at - start) / 1000)),
                        ("logged", hm(log.at)),
                    ],
                ),
                recommendation: l.t("advice-log-start-from-first-signal"),
            });
        }
    }

    for t in x.targets {
        let (Some(actual), Some(met)) = (t.actual_s, t.met) else {
            continue;
        };
        let label = metric_label(l, &t.metric);
        out.push(Finding {
            stake: (!met).then(|| (actual - t.target_s) as f64 / 60.0 * affected),
            id: format!(
                "target-{}",
                t.metric.trim_end_matches("_s").replace('_', "-")
            ),
            severity: if met {
                Severity::Info
            } else {
                Severity::Warning
            },
            text: if met {
                l.t_args(
                    "finding-target-met",
                    &[
                        ("label", label.into()),
                        ("actual", dur(actual)),
                        ("target", dur(t.target_s)),
                    ],
                )
            } else {
                l.t_args(
                    "finding-target-missed",
                    &[
                        ("label", label.into()),
                        ("actual", dur(actual)),
                        ("target", dur(t.target_s)),
                        ("over", dur(actual - t.target_s)),
                    ],
                )
            },
            recommendation: if met {
                l.t("advice-keep-practice")
            } else {
                target_advice(&t.metric, x)
            },
        });
    }

    for (i, a) in x.attempts.iter().enumerate() {
        let (Some(over), Some(tb)) = (a.overrun_s, a.timebox_s) else {
            continue;
        };
        if over > 0 {
            out.push(Finding {
                stake: Some(over as f64 / 60.0 * affected),
                id: format!("attempt-overran-{}", i + 1),
                severity: Severity::Warning,
                text: l.t_args(
                    "finding-attempt-overran",
                    &[
                        ("attempt", a.text.as_str().into()),
                        ("at", hm(a.start)),
                        ("over", dur(over)),
                        ("timebox", dur(tb)),
                    ],
                ),
                recommendation: l.t("advice-move-to-next-plan"),
            });
        }
    }

    for n in &incident.negative_durations {
        let entry = |kind: MilestoneKind| -> Arg {
            let m = incident.milestone(kind);
            l.t_args(
                "finding-milestone-entry",
                &[
                    ("milestone", milestone_words(l, kind).into()),
                    (
                        "at",
                        m.at.map(|t| fmt_clock(l, t, z)).unwrap_or_default().into(),
                    ),
                    ("evidence", m.evidence.words(l, fmt_utc).into()),
                ],
            )
            .into()
        };
        out.push(Finding {
            stake: None,
            id: format!(
                "negative-{}",
                n.metric.trim_end_matches("_s").replace('_', "-")
            ),
            severity: Severity::Data,
            text: l.t_args(
                "finding-negative-duration",
                &[
                    ("label", capitalise(&metric_label(l, n.metric)).into()),
                    ("seconds", n.seconds.into()),
                    ("later", entry(n.from)),
                    ("earlier", entry(n.to)),
                ],
            ),
            recommendation: l.t("advice-check-negative-duration"),
        });
    }

    for kind in [
        MilestoneKind::Detected,
        MilestoneKind::Mitigated,
        MilestoneKind::Recovered,
    ] {
        let (m, name, label) = (
            incident.milestone(kind),
            kind.name(),
            milestone_words(l, kind),
        );
        if let (Some(log), Some(obs)) = (m.at, m.observed_alternative) {
            out.push(Finding {
                stake: None,
                id: format!("log-vs-data-{}", name.trim_end_matches("_at")),
                severity: Severity::Info,
                text: l.t_args(
                    "finding-log-vs-data",
                    &[
                        ("milestone", label.as_str().into()),
                        ("logged", hm(log)),
                        ("observed", hm(obs)),
                        ("apart", dur((obs - log).abs() / 1000)),
                    ],
                ),
                recommendation: l.t("advice-note-what-entries-refer-to"),
            });
        }
    }

    // Affected participants the incident e-mail did not reach, by why.
    if let Some(r) = reach {
        let by: Vec<&(String, u64)> = r
            .affected_by_outcome
            .iter()
            .filter(|(k, n)| k != "reached" && *n > 0)
            .collect();
        let missed: u64 = by.iter().map(|(_, n)| n).sum();
        if missed > 0 {
            let parts: Vec<String> = by.iter().map(|(k, n)| outcome(l, k, *n)).collect();
            // Advise only the channels the team did not use.
            let missing: Vec<String> = [
                (Channel::Website, "place-on-website"),
                (Channel::Social, "place-on-social"),
                (Channel::Support, "place-in-support-macros"),
            ]
            .iter()
            .filter(|(c, _)| !used.contains(c))
            .map(|(_, key)| l.t(key))
            .collect();
            let recommendation = if missing.is_empty() {
                l.t("advice-clean-addresses")
            } else {
                l.t_args(
                    "advice-clean-addresses-and-publish",
                    &[("places", join_and(l, &missing).into())],
                )
            };
            out.push(Finding {
                stake: Some(missed as f64 * per_person),
                id: "affected-not-reached".into(),
                severity: Severity::Warning,
                text: l.t_args(
                    "finding-affected-not-reached",
                    &[
                        ("missed", missed.into()),
                        ("outcomes", parts.join(", ").into()),
                    ],
                ),
                recommendation,
            });
        }
    }

    // docs/definitions.md `segment-still-failing`: the recovery was a workaround for the segment.
    if let (Some(still), Some(sg), Some(rec)) = (
        impact.and_then(|i| i.still_failing.as_ref()),
        impact.and_then(|i| i.segment.as_ref()),
        incident.recovered_at.at,
    ) {
        out.push(Finding {
            stake: Some(still.failed as f64 * per_person),
            id: "segment-still-failing".into(),
            severity: Severity::Warning,
            text: l.t_args(
                "finding-segment-still-failing",
                &[
                    ("recovered", hm(rec)),
                    ("dimension", sg.dimension.as_str().into()),
                    ("value", sg.value.as_str().into()),
                    ("failed", still.failed.into()),
                    ("active", still.active.into()),
                    (
                        "share",
                        fmt_percent(
                            l,
                            still.failed as f64 * 100.0 / still.active.max(1) as f64,
                            0,
                        )
                        .into(),
                    ),
                    ("last", hm(still.last_failure)),
                ],
            ),
            recommendation: l.t_args(
                "advice-keep-segment-on-fallback",
                &[
                    ("dimension", sg.dimension.as_str().into()),
                    ("value", sg.value.as_str().into()),
                ],
            ),
        });
    }

    // Did the communication work? The participants' wait, the silences, the unopened e-mail.
    let c = x.communication;
    let target_ttc = x
        .targets
        .iter()
        .find(|t| t.metric == "time_to_communicate_s")
        .map(|t| t.target_s)
        .unwrap_or(DEFAULT_FIRST_WORD_S);
    if let (Some(wait), Some(s), Some(f)) = (
        c.time_without_news_s,
        incident.started_at.at,
        incident.first_communication_at.at,
    ) {
        if wait > target_ttc {
            out.push(Finding {
                stake: Some((wait - target_ttc) as f64 / 60.0 * affected),
                id: "first-word-late".into(),
                severity: Severity::Warning,
                text: l.t_args(
                    "finding-first-word-late",
                    &[("wait", dur(wait)), ("started", hm(s)), ("first", hm(f))],
                ),
                recommendation: l.t_args("advice-holding-message", &[("within", dur(target_ttc))]),
            });
        }
    }
    if let (Some(gap), Some(from)) = (c.longest_gap_s, c.longest_gap_from) {
        if gap > LONG_SILENCE_S {
            out.push(Finding {
                stake: Some((gap - LONG_SILENCE_S) as f64 / 60.0 * affected),
                id: "long-silence".into(),
                severity: Severity::Warning,
                text: l.t_args(
                    "finding-long-silence",
                    &[
                        ("gap", dur(gap)),
                        ("from", hm(from)),
                        ("until", hm(from + gap * 1000)),
                    ],
                ),
                recommendation: l
                    .t_args("advice-update-regularly", &[("every", dur(LONG_SILENCE_S))]),
            });
        }
    }
    let channels: BTreeSet<Channel> = c.updates.iter().map(|u| u.channel).collect();
    if c.updates.len() > 1 && channels.len() == 1 {
        let only = channels
            .iter()
            .next()
            .map(|ch| ch.name())
            .unwrap_or("other");
        out.push(Finding {
            stake: None,
            id: "single-channel".into(),
            severity: Severity::Warning,
            text: l.t_args(
                "finding-single-channel",
                &[
                    ("updates", c.updates.len().into()),
                    (
                        "channel",
                        l.t_args("channel-name", &[("channel", only.into())]).into(),
                    ),
                ],
            ),
            recommendation: l.t("advice-several-channels"),
        });
    }
    if let (Some(reached), Some(opened)) =
        (reach.and_then(|r| r.affected_reached), c.affected_opened)
    {
        let unopened = reached.saturating_sub(opened);
        if reached > 0 && unopened as f64 >= UNOPENED_SHARE * reached as f64 {
            let others: Vec<String> = [
                (Channel::Social, "place-also-social"),
                (Channel::Website, "place-also-website"),
                (Channel::Support, "place-also-support-macros"),
            ]
            .iter()
            .filter(|(ch, _)| !used.contains(ch))
            .map(|(_, key)| l.t(key))
            .collect();
            out.push(Finding {
                stake: Some(unopened as f64 * per_person),
                id: "affected-did-not-open".into(),
                severity: Severity::Warning,
                text: l.t_args(
                    "finding-affected-did-not-open",
                    &[
                        (
                            "share",
                            fmt_percent(l, unopened as f64 * 100.0 / reached as f64, 0).into(),
                        ),
                        ("unopened", unopened.into()),
                        ("reached", reached.into()),
                    ],
                ),
                recommendation: if others.is_empty() {
                    l.t("advice-not-email-alone")
                } else {
                    l.t_args(
                        "advice-not-email-alone-also",
                        &[("places", join_and(l, &others).into())],
                    )
                },
            });
        }
    }

    // docs/definitions.md `not-sent-incident-email`: left off the send, not "no e-mail known".
    if let Some(r) = reach {
        let affected_not_sent = r
            .affected_by_outcome
            .iter()
            .find(|(k, _)| k == "not sent the incident e-mail")
            .map(|(_, n)| *n)
            .unwrap_or(0);
        let registered_not_sent = r.registered_not_sent.unwrap_or(0);
        let (lead, who) = if registered_not_sent > 0 {
            (registered_not_sent, "registered")
        } else {
            (affected_not_sent, "affected")
        };
        if lead > 0 {
            let mut text = l.t_args(
                "finding-not-sent-incident-email",
                &[("participants", lead.into()), ("who", who.into())],
            );
            if who == "registered" && affected_not_sent > 0 {
                text.push(' ');
                text.push_str(&l.t_args(
                    "finding-not-sent-incident-email-affected",
                    &[("affected", affected_not_sent.into())],
                ));
            }
            out.push(Finding {
                stake: Some(affected_not_sent.max(1) as f64 * per_person),
                id: "not-sent-incident-email".into(),
                severity: Severity::Warning,
                text,
                recommendation: l.t("advice-send-to-every-registered"),
            });
        }
    }

    if let Some((before, after)) = tickets.before_after_communication {
        if before > 0 {
            let eased = after < before;
            let counts = l.t_args(
                "finding-tickets-around-communication",
                &[("before", before.into()), ("after", after.into())],
            );
            // metrics.md: a fix less than 10 minutes from the message makes their effects
            // inseparable; the message is not credited.
            let fix_nearby = incident
                .mitigated_at
                .at
                .zip(incident.first_communication_at.at)
                .filter(|(m, c)| (m - c).abs() < 10 * 60_000);
            let (text, recommendation) = match fix_nearby {
                Some((m, c)) => (
                    format!(
                        "{counts} {}",
                        l.t_args(
                            "finding-fix-near-communication",
                            &[("fixed", hm(m)), ("first", hm(c))],
                        )
                    ),
                    l.t("advice-holding-message-before-fix"),
                ),
                None if eased => (counts, l.t("advice-send-message-early")),
                None => (counts, l.t("advice-message-did-not-ease")),
            };
            out.push(Finding {
                stake: None,
                id: if eased {
                    "tickets-eased-after-communication"
                } else {
                    "tickets-did-not-ease"
                }
                .into(),
                severity: if eased || fix_nearby.is_some() {
                    Severity::Info
                } else {
                    Severity::Warning
                },
                text,
                recommendation,
            });
        }
    }
    rank(&mut out);
    out
}

/// "a", "a and b", "a, b and c", in `lang`.
fn join_and(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => lang.t_args(
            "list-and",
            &[
                ("rest", rest.join(", ").into()),
                ("last", last.as_str().into()),
            ],
        ),
    }
}

/// "8 blocked": a count of affected participants not reached, by why (reach.rs's reasons).
fn outcome(lang: Lang, reason: &str, n: u64) -> String {
    let key = match reason {
        "bounced" => "outcome-bounced",
        "blocked" => "outcome-blocked",
        "other" => "outcome-other",
        "not sent the incident e-mail" => "outcome-not-sent",
        "no e-mail known" => "outcome-no-email",
        _ => return format!("{} {reason}", crate::i18n::format::fmt_int(lang, n as i64)),
    };
    lang.t_args(key, &[("n", n.into())])
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::milestones::{Milestone, Signal};

    fn incident(signals: Vec<Signal>, detected: i64) -> Incident {
        Incident {
            detected_at: Milestone {
                at: Some(detected),
                provenance: Some(Provenance::Log),
                ..Milestone::default()
            },
            first_signals: signals,
            ..Incident::default()
        }
    }

    fn ids_with(i: &mut Incident, config: &Config) -> Vec<String> {
        derive(&Inputs {
            incident: i,
            impact: None,
            tickets: &TicketLoad::default(),
            social: &Social::default(),
            reach: None,
            targets: &[],
            attempts: &[],
            communication: &Default::default(),
            log: &[],
            config,
        })
        .into_iter()
        .map(|f| f.id)
        .collect()
    }

    fn ids(i: &mut Incident) -> Vec<String> {
        let mut config = Config::default();
        config.incident.keywords = vec!["black screen".into()];
        ids_with(i, &config)
    }

    #[test]
    fn no_keywords_and_no_tags_is_said() {
        let mut i = incident(Vec::new(), 0);
        assert_eq!(
            ids_with(&mut i, &Config::default()),
            vec!["no-incident-criteria"]
        );
    }

    #[test]
    fn viewing_first_also_names_the_first_human_channel() {
        // Viewing at 0, mentions at 2 min, tickets at 4 min, detection at 12 min.
        let m = 60_000;
        let mut i = incident(
            vec![
                Signal {
                    source: SignalSource::Viewing,
                    at: 0,
                },
                Signal {
                    source: SignalSource::Mentions,
                    at: 2 * m,
                },
                Signal {
                    source: SignalSource::Tickets,
                    at: 4 * m,
                },
            ],
            12 * m,
        );
        assert_eq!(
            ids(&mut i),
            vec!["viewing-signalled-first", "social-signalled-first"]
        );
    }

    #[test]
    fn social_first_is_named_once() {
        let m = 60_000;
        let mut i = incident(
            vec![
                Signal {
                    source: SignalSource::Mentions,
                    at: 0,
                },
                Signal {
                    source: SignalSource::Tickets,
                    at: m,
                },
            ],
            5 * m,
        );
        assert_eq!(ids(&mut i), vec!["social-signalled-first"]);
    }

    #[test]
    fn no_lead_when_detection_came_first() {
        let mut i = incident(
            vec![Signal {
                source: SignalSource::Mentions,
                at: 10,
            }],
            5,
        );
        assert!(ids(&mut i).is_empty());
    }
}
