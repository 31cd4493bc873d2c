//! Findings: the sentences a debrief needs, each with an id, a severity and a recommendation
//! that goes to runbook.md. Derived from figures only; nothing here reads data.

use super::impact::Impact;
use super::load::{Social, TicketLoad};
use super::milestones::Incident;
use super::reach::Reach;
use super::{Attempt, Target};
use crate::config::Config;
use crate::timeutil::{fmt_duration, fmt_local_hm};

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub id: String,
    /// `info`, `warning`, `critical` or `data` (a data-quality problem).
    pub severity: &'static str,
    pub text: String,
    pub recommendation: String,
}

fn channel_name(source: &str) -> &'static str {
    match source {
        "mentions" => "social media",
        "tickets" => "support tickets",
        "viewing" => "player analytics",
        _ => "the ops log",
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

/// Derives the findings.
#[allow(clippy::too_many_arguments)]
pub fn derive(
    incident: &mut Incident,
    impact: Option<&Impact>,
    tickets: &TicketLoad,
    _social: &Social,
    reach: Option<&Reach>,
    targets: &[Target],
    attempts: &[Attempt],
    config: &Config,
) -> Vec<Finding> {
    let z = config.zone;
    let mut out = Vec::new();

    // docs/definitions.md: with no keywords and no tags, nothing is incident-related by content.
    if config.incident.keywords.is_empty() && config.incident.ticket_tags.is_empty() {
        out.push(Finding {
            id: "no-incident-criteria".into(),
            severity: "data",
            text: "No [incident].keywords or ticket_tags are configured: no ticket or mention can count as incident-related, so the support and social figures and their onsets cannot show the incident.".into(),
            recommendation: "List in debrief.toml the words participants used (for example \"black screen\", \"écran noir\") and the tags agents put on incident tickets.".into(),
        });
    }

    // Which channel signalled first, and its lead over detection. Player analytics are rarely
    // watched live, so when they come first the first channel a person could have seen
    // (social media or support) gets its own finding too.
    if let Some(det) = incident.detected_at.at {
        let leading = |s: &&super::milestones::Signal| s.source != "log" && s.at < det;
        let first = incident.first_signals.iter().find(leading);
        let first_human = incident
            .first_signals
            .iter()
            .filter(|s| s.source == "mentions" || s.source == "tickets")
            .find(leading);
        for (i, sig) in first.into_iter().chain(first_human).enumerate() {
            if i == 1 && first.is_some_and(|f| f.source == sig.source) {
                break;
            }
            let lead = (det - sig.at) / 1000;
            let (id, rec) = match sig.source {
                "mentions" => ("social-signalled-first", "Watch social mentions (keywords and the affected ISPs) live during every session, with one person named to do it."),
                "tickets" => ("support-signalled-first", "Route support tickets matching incident keywords to the ops channel as they arrive."),
                _ => ("viewing-signalled-first", "Alert on the player's failure rate per minute during live sessions."),
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
                id: id.into(),
                severity: "warning",
                text,
                recommendation: rec.into(),
            });
        }
    }

    // The data show impact before the log's declared start.
    if let (Some("observed"), Some(start)) =
        (incident.started_at.provenance, incident.started_at.at)
    {
        if let Some(log) = incident.first_signals.iter().find(|s| s.source == "log") {
            out.push(Finding {
                id: "start-earlier-than-logged".into(),
                severity: "warning",
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

    for t in targets {
        let (Some(actual), Some(met)) = (t.actual_s, t.met) else {
            continue;
        };
        let label = metric_label(&t.metric);
        out.push(Finding {
            id: format!(
                "target-{}",
                t.metric.trim_end_matches("_s").replace('_', "-")
            ),
            severity: if met { "info" } else { "warning" },
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
                format!(
                    "Review what delayed the {label}; rehearse that step before the next edition."
                )
            },
        });
    }

    for (i, a) in attempts.iter().enumerate() {
        let (Some(over), Some(tb)) = (a.overrun_s, a.timebox_s) else {
            continue;
        };
        if over > 0 {
            out.push(Finding {
                id: format!("attempt-overran-{}", i + 1),
                severity: "warning",
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
        let entry = |name: &str| {
            let m = match name {
                "started_at" => &incident.started_at,
                "detected_at" => &incident.detected_at,
                "first_communication_at" => &incident.first_communication_at,
                "mitigated_at" => &incident.mitigated_at,
                _ => &incident.recovered_at,
            };
            format!(
                "{name} at {} ({})",
                m.at.map(|t| fmt_local_hm(t, z)).unwrap_or_default(),
                m.evidence
            )
        };
        out.push(Finding {
            id: format!("negative-{}", n.metric.trim_end_matches("_s").replace('_', "-")),
            severity: "data",
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

    let disagreements = [
        ("detected_at", &incident.detected_at),
        ("mitigated_at", &incident.mitigated_at),
        ("recovered_at", &incident.recovered_at),
    ];
    for (name, m) in disagreements {
        if let (Some(log), Some(obs)) = (m.at, m.observed_alternative) {
            out.push(Finding {
                id: format!("log-vs-data-{}", name.trim_end_matches("_at")),
                severity: "info",
                text: format!(
                    "The ops log puts {name} at {}, the data at {} ({} apart); the log's value is used.",
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
            out.push(Finding {
                id: "affected-not-reached".into(),
                severity: "warning",
                text: format!(
                    "{missed} affected participants were not reached by the incident e-mail: {}.",
                    parts.join(", ")
                ),
                recommendation: "Clean bounced and blocked addresses before the event, and publish the backup link on the website and social media too.".into(),
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
            id: "segment-still-failing".into(),
            severity: "warning",
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
                id: "not-sent-incident-email".into(),
                severity: "warning",
                text,
                recommendation: "Send the incident e-mail to the same list as the reminders (every registered participant), and check its recipient count against the registrations before sending.".into(),
            });
        }
    }

    if let Some((before, after)) = tickets.before_after_communication {
        if before > 0 {
            let eased = after < before;
            out.push(Finding {
                id: if eased { "tickets-eased-after-communication" } else { "tickets-did-not-ease" }.into(),
                severity: if eased { "info" } else { "warning" },
                text: format!(
                    "Incident tickets in the 30 minutes before the first communication: {before}; in the 30 minutes after: {after}."
                ),
                recommendation: if eased {
                    "Send the pre-written incident message as early as possible: it takes load off support.".into()
                } else {
                    "The message did not ease support: check its reach and wording, and publish it on every channel.".into()
                },
            });
        }
    }
    out
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
                provenance: Some("log"),
                ..Milestone::default()
            },
            first_signals: signals,
            ..Incident::default()
        }
    }

    fn ids_with(i: &mut Incident, config: &Config) -> Vec<String> {
        derive(
            i,
            None,
            &TicketLoad::default(),
            &Social::default(),
            None,
            &[],
            &[],
            config,
        )
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
                    source: "viewing",
                    at: 0,
                },
                Signal {
                    source: "mentions",
                    at: 2 * m,
                },
                Signal {
                    source: "tickets",
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
                    source: "mentions",
                    at: 0,
                },
                Signal {
                    source: "tickets",
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
                source: "mentions",
                at: 10,
            }],
            5,
        );
        assert!(ids(&mut i).is_empty());
    }
}
