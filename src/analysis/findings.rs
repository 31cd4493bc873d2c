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
use crate::tables::LogRow;
use crate::timeutil::{fmt_duration, fmt_local_hm};

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
    let z = x.config.zone;
    let mins = |s: i64| fmt_duration(s.max(0));
    match metric {
        "time_to_detect_s" => {
            let first = i
                .first_signals
                .iter()
                .filter(|s| matches!(s.source, SignalSource::Mentions | SignalSource::Tickets))
                .min_by_key(|s| s.at);
            match (first, i.detected_at.at) {
                (Some(s), Some(d)) if s.at < d => format!(
                    "{} showed the incident at {}, {} before the detection: have one person watch mentions and the support queue live during every session, with the incident keywords ready.",
                    capitalise(channel_name(s.source)),
                    fmt_local_hm(s.at, z),
                    mins((d - s.at) / 1000)
                ),
                _ => "Alert on the player's failure rate per minute and route incident-like tickets to the ops channel, so that detection does not wait for a report.".into(),
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
                (Some(a), Some(b)) if b > a => format!(
                    "The longest step was delivery: 90% of the incident e-mail was delivered {} after its first send (detection to first send: {}). Agree the send rate you need with the e-mail provider, and give the first word on social media and the website while the e-mail goes out.",
                    mins(b),
                    mins(a)
                ),
                (Some(a), b) => format!(
                    "The longest step was from detection to the first send ({}{}): keep the incident message pre-written and approved, and let the person on duty send a first word without waiting for a fix or an ETA.",
                    mins(a),
                    b.map(|b| format!("; first send to 90% delivered: {}", mins(b)))
                        .unwrap_or_default()
                ),
                _ => "Keep a pre-written incident message ready on every channel, and send a first word without waiting for a fix or an ETA.".into(),
            }
        }
        "time_to_mitigate_s" => {
            let overrun: i64 = x.attempts.iter().filter_map(|a| a.overrun_s).sum();
            if overrun > 0 {
                format!(
                    "Fix attempts ran {} past their timeboxes in all: when a timebox runs out, switch to the next plan (B, C, D) without waiting.",
                    mins(overrun)
                )
            } else {
                "Decide the switch to the fallback platform earlier: prepare it before the event so that it is one decision, not a project.".into()
            }
        }
        "time_to_recover_s" => match (i.mitigated_at.at, i.recovered_at.at) {
            (Some(m), Some(r)) if r > m => format!(
                "Recovery came {} after mitigation: push the backup link on every channel at once (e-mail, social media, website, support macros) as soon as the fallback is live.",
                mins((r - m) / 1000)
            ),
            _ => "Review what delayed the recovery; rehearse the switch before the next edition.".into(),
        },
        _ => "Review what delayed this step; rehearse it before the next edition.".into(),
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

fn channel_name(source: SignalSource) -> &'static str {
    match source {
        SignalSource::Mentions => "social media",
        SignalSource::Tickets => "support tickets",
        SignalSource::Viewing => "player analytics",
        SignalSource::Log => "the ops log",
    }
}

fn metric_label(metric: &str) -> &'static str {
    match metric {
        "time_to_detect_s" => "time to detect",
        "time_to_communicate_s" => "time to communicate",
        "time_to_mitigate_s" => "time to mitigate",
        "time_to_recover_s" => "time to recover",
        _ => "duration",
    }
}

/// Derives the findings, ranked ([`rank`]).
pub fn derive(x: &Inputs) -> Vec<Finding> {
    let (incident, impact, tickets, reach, config) =
        (x.incident, x.impact, x.tickets, x.reach, x.config);
    let z = config.zone;
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
            text: "No [incident].keywords or ticket_tags are configured: no ticket or mention can count as incident-related, so the support and social figures and their onsets cannot show the incident.".into(),
            recommendation: "List in debrief.toml the words participants used (for example \"black screen\", \"écran noir\") and the tags agents put on incident tickets.".into(),
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
                SignalSource::Mentions => ("social-signalled-first", "Watch social mentions (keywords and the affected ISPs) live during every session, with one person named to do it."),
                SignalSource::Tickets => ("support-signalled-first", "Route support tickets matching incident keywords to the ops channel as they arrive."),
                SignalSource::Viewing | SignalSource::Log => ("viewing-signalled-first", "Alert on the player's failure rate per minute during live sessions."),
            };
            let text = if i == 0 {
                format!(
                    "{} signalled the incident first, at {}, {} before the team's detection at {}.",
                    capitalise(channel_name(sig.source)),
                    fmt_local_hm(sig.at, z),
                    fmt_duration(lead),
                    fmt_local_hm(det, z)
                )
            } else {
                format!(
                    "Of the channels a person watches, {} signalled first, at {}, {} before the team's detection at {}.",
                    channel_name(sig.source),
                    fmt_local_hm(sig.at, z),
                    fmt_duration(lead),
                    fmt_local_hm(det, z)
                )
            };
            out.push(Finding {
                stake: Some(lead as f64 / 60.0 * affected),
                id: id.into(),
                severity: Severity::Warning,
                text,
                recommendation: rec.into(),
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
                text: format!(
                    "Impact started at {}, {} before the start the team logged ({}).",
                    fmt_local_hm(start, z),
                    fmt_duration((log.at - start) / 1000),
                    fmt_local_hm(log.at, z)
                ),
                recommendation: "Log the start of an incident from the first customer signal, not from the team's awareness.".into(),
            });
        }
    }

    for t in x.targets {
        let (Some(actual), Some(met)) = (t.actual_s, t.met) else {
            continue;
        };
        let label = metric_label(&t.metric);
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
                format!(
                    "Target met: {label} was {} against a target of {}.",
                    fmt_duration(actual),
                    fmt_duration(t.target_s)
                )
            } else {
                format!(
                    "Target missed: {label} was {} against a target of {}, {} over.",
                    fmt_duration(actual),
                    fmt_duration(t.target_s),
                    fmt_duration(actual - t.target_s)
                )
            },
            recommendation: if met {
                "Keep the practice that made this target.".into()
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
                text: format!(
                    "Fix attempt \"{}\" ({}) ran {} past its timebox of {}.",
                    a.text,
                    fmt_local_hm(a.start, z),
                    fmt_duration(over),
                    fmt_duration(tb)
                ),
                recommendation:
                    "When a timebox runs out, move to the next plan (B, C, D) without waiting."
                        .into(),
            });
        }
    }

    for n in &incident.negative_durations {
        let entry = |kind: MilestoneKind| {
            let m = incident.milestone(kind);
            format!(
                "{} at {} ({})",
                kind.in_words(),
                m.at.map(|t| fmt_local_hm(t, z)).unwrap_or_default(),
                m.evidence
            )
        };
        out.push(Finding {
                stake: None,
            id: format!("negative-{}", n.metric.trim_end_matches("_s").replace('_', "-")),
            severity: Severity::Data,
            text: format!(
                "{} would be negative ({} s): {} comes after {}. A clock, a time zone or a typed timestamp is wrong; the duration is not shown.",
                capitalise(metric_label(n.metric)),
                n.seconds,
                entry(n.from),
                entry(n.to)
            ),
            recommendation: "Check these two entries and the time zones of their sources; fix the ops log's time or write it with an offset.".into(),
        });
    }

    for kind in [
        MilestoneKind::Detected,
        MilestoneKind::Mitigated,
        MilestoneKind::Recovered,
    ] {
        let (m, name, label) = (incident.milestone(kind), kind.name(), kind.in_words());
        if let (Some(log), Some(obs)) = (m.at, m.observed_alternative) {
            out.push(Finding {
                stake: None,
                id: format!("log-vs-data-{}", name.trim_end_matches("_at")),
                severity: Severity::Info,
                text: format!(
                    "The ops log puts {label} at {}, the data at {} ({} apart); the log's time is used.",
                    fmt_local_hm(log, z),
                    fmt_local_hm(obs, z),
                    fmt_duration((obs - log).abs() / 1000)
                ),
                recommendation: "Note in the log what each entry refers to, so next year's comparison is like for like.".into(),
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
            let parts: Vec<String> = by.iter().map(|(k, n)| format!("{n} {k}")).collect();
            // Advise only the channels the team did not use.
            let missing: Vec<&str> = [
                (Channel::Website, "on the website"),
                (Channel::Social, "on social media"),
                (Channel::Support, "in the support macros"),
            ]
            .iter()
            .filter(|(c, _)| !used.contains(c))
            .map(|(_, name)| *name)
            .collect();
            let recommendation = if missing.is_empty() {
                "Clean bounced and blocked addresses before the event; the other channels were used, so check that the backup link was prominent on each.".to_string()
            } else {
                format!(
                    "Clean bounced and blocked addresses before the event, and publish the backup link {} too.",
                    join_and(&missing)
                )
            };
            out.push(Finding {
                stake: Some(missed as f64 * per_person),
                id: "affected-not-reached".into(),
                severity: Severity::Warning,
                text: format!(
                    "{missed} affected participants were not reached by the incident e-mail: {}.",
                    parts.join(", ")
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
            text: format!(
                "After the recovery at {}, views of {} = {} on the main platforms kept failing: {} of their {} views there failed ({:.0}%), the last at {}. The recovery was a workaround: the main platform never recovered for them.",
                fmt_local_hm(rec, z),
                sg.dimension,
                sg.value,
                still.failed,
                still.active,
                still.failed as f64 * 100.0 / still.active.max(1) as f64,
                fmt_local_hm(still.last_failure, z)
            ),
            recommendation: format!(
                "Keep {} = {} on the fallback platform until the main platform is confirmed fixed for them, and get a fix from the supplier before the next edition.",
                sg.dimension, sg.value
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
                text: format!(
                    "Participants waited {} for a first word: the impact started at {}, the first communication came at {}.",
                    fmt_duration(wait),
                    fmt_local_hm(s, z),
                    fmt_local_hm(f, z)
                ),
                recommendation: format!(
                    "Send a holding message within {} of the impact, with no fix and no ETA needed: say that you know, and when the next update comes.",
                    fmt_duration(target_ttc)
                ),
            });
        }
    }
    if let (Some(gap), Some(from)) = (c.longest_gap_s, c.longest_gap_from) {
        if gap > LONG_SILENCE_S {
            out.push(Finding {
                stake: Some((gap - LONG_SILENCE_S) as f64 / 60.0 * affected),
                id: "long-silence".into(),
                severity: Severity::Warning,
                text: format!(
                    "Participants went {} without news, from the update at {} until {}.",
                    fmt_duration(gap),
                    fmt_local_hm(from, z),
                    fmt_local_hm(from + gap * 1000, z)
                ),
                recommendation: format!(
                    "Give an update at least every {} until the recovery, even to say that nothing has changed yet.",
                    fmt_duration(LONG_SILENCE_S)
                ),
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
            text: format!(
                "All {} updates went out on one channel ({only}).",
                c.updates.len()
            ),
            recommendation: "Inform on several channels at once: e-mail, social media, the website and the support macros reach different people.".into(),
        });
    }
    if let (Some(reached), Some(opened)) =
        (reach.and_then(|r| r.affected_reached), c.affected_opened)
    {
        let unopened = reached.saturating_sub(opened);
        if reached > 0 && unopened as f64 >= UNOPENED_SHARE * reached as f64 {
            let others: Vec<&str> = [
                (Channel::Social, "social media"),
                (Channel::Website, "the website"),
                (Channel::Support, "the support macros"),
            ]
            .iter()
            .filter(|(ch, _)| !used.contains(ch))
            .map(|(_, name)| *name)
            .collect();
            out.push(Finding {
                stake: Some(unopened as f64 * per_person),
                id: "affected-did-not-open".into(),
                severity: Severity::Warning,
                text: format!(
                    "{:.0}% of the affected participants the incident e-mail reached never opened it ({unopened} of {reached}).",
                    unopened as f64 * 100.0 / reached as f64
                ),
                recommendation: if others.is_empty() {
                    "Do not count on e-mail alone during a live: keep the backup link prominent where people look (the player page, social media, the website, support).".into()
                } else {
                    format!(
                        "Do not count on e-mail alone during a live: put the backup link on {} too.",
                        join_and(&others)
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
            let mut text = format!(
                "{lead} {who} participants were not sent the incident e-mail, although an e-mail of another campaign reached them: they were left off the send."
            );
            if who == "registered" && affected_not_sent > 0 {
                text.push_str(&format!(
                    " {affected_not_sent} of the affected participants were among those not sent it."
                ));
            }
            out.push(Finding {
                stake: Some(affected_not_sent.max(1) as f64 * per_person),
                id: "not-sent-incident-email".into(),
                severity: Severity::Warning,
                text,
                recommendation: "Send the incident e-mail to the same list as the reminders (every registered participant), and check its recipient count against the registrations before sending.".into(),
            });
        }
    }

    if let Some((before, after)) = tickets.before_after_communication {
        if before > 0 {
            let eased = after < before;
            let counts = format!(
                "Incident tickets in the 30 minutes before the first communication: {before}; in the 30 minutes after: {after}."
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
                        "{counts} The fix ({}) came within 10 minutes of the first communication ({}): the data cannot tell the message's effect on support from the fix's.",
                        fmt_local_hm(m, z),
                        fmt_local_hm(c, z)
                    ),
                    "To learn what a message does for support, send a holding message as soon as the incident is detected, before any fix lands.".to_string(),
                ),
                None if eased => (
                    counts,
                    "Send the pre-written incident message as early as possible: it takes load off support.".into(),
                ),
                None => (
                    counts,
                    "The message did not ease support: check its reach and wording, and publish it on every channel.".into(),
                ),
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

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
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
