//! Zendesk: the incremental ticket export (time-based, two saved pages with side-loaded users)
//! and the ticket metrics list. Baseline requests arrive all afternoon; incident requests start
//! at 14:15 UTC, peak between 14:30 and 14:45 and fade after the backup e-mail. Ten or so
//! tickets were updated again after page 1 was fetched: they appear on both pages, the later
//! copy (page 2) holding the final status and, for some, the `incident_live` tag the agent
//! added when solving.

use crate::out::{object, Out};
use crate::people::{is_disabled, person};
use crate::rng::{choose_sorted, Rng};
use crate::sim::{unix_of, Sim};
use crate::text::{
    has_keyword, AGENT_BASELINE, AGENT_LINK, AGENT_WAIT, BASELINE_TICKETS, INCIDENT_TAG,
    INCIDENT_TICKETS, MARKUP_TICKET, PHONE_TICKET, VAGUE_TICKETS,
};
use crate::time::{at, paris, paris_to_unix, utc_s};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const TAG_TICKETS: u64 = 0x5449_434B;
const TAG_REPEATS: u64 = 0x5245_5045;
const HOST: &str = "https://ssf-support.zendesk.com";
const FIRST_ID: u64 = 48_213;
const GROUP_ID: u64 = 360_004_512_201;
const BRAND_ID: u64 = 360_002_118_512;
const CATEGORY_FIELD: u64 = 360_011_873_052;
/// Page 1 holds the tickets created before this instant.
const PAGE_CUT: i64 = at(14, 40, 0);
/// The backup link existed from then on (agents could paste it).
const LINK_READY: i64 = at(14, 49, 0);

/// (id, name, email) of the support agents.
const AGENTS: [(u64, &str, &str); 5] = [
    (
        360_012_345_601,
        "Claire Martin",
        "claire.martin@example.net",
    ),
    (
        360_012_345_602,
        "Sophie Bernard",
        "sophie.bernard@example.net",
    ),
    (360_012_345_603, "Lucas Petit", "lucas.petit@example.net"),
    (360_012_345_604, "Inès Moreau", "ines.moreau@example.net"),
    (360_012_345_605, "Thomas Roux", "thomas.roux@example.net"),
];

/// via.channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Chat,
    Email,
    Web,
}

impl Channel {
    fn name(self) -> &'static str {
        match self {
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Web => "web",
        }
    }
}

/// One ticket in its final state.
#[derive(Debug, Clone)]
pub struct Ticket {
    pub id: u64,
    pub created: i64,
    pub requester: u32,
    pub channel: Channel,
    pub incident: bool,
    pub subject: String,
    pub description: String,
    pub tags: Vec<String>,
    pub kind: Option<&'static str>,
    pub priority: Option<&'static str>,
    pub status: &'static str,
    /// Seconds from creation to the first public agent reply.
    pub reply_s: Option<i64>,
    pub solved: Option<i64>,
    pub updated: i64,
    pub assignee: usize,
    pub satisfaction: &'static str,
    pub repeat: bool,
}

/// What was planted in the ticket exports.
#[derive(Debug, Default)]
pub struct TicketStats {
    pub total: u64,
    pub incident: u64,
    pub rows: u64,
    pub repeats: u64,
}

/// Incident tickets per minute (at 2,000 participants) at UTC knots, linear in between.
const INCIDENT_RATE: [(i64, f64); 10] = [
    (at(14, 15, 0), 0.6),
    (at(14, 20, 0), 2.0),
    (at(14, 27, 0), 5.5),
    (at(14, 32, 0), 6.5),
    (at(14, 45, 0), 6.5),
    (at(14, 50, 0), 3.0),
    (at(14, 55, 0), 1.2),
    (at(15, 0, 0), 0.5),
    (at(15, 10, 0), 0.15),
    (at(15, 20, 0), 0.0),
];

fn incident_rate(t: i64) -> f64 {
    for w in INCIDENT_RATE.windows(2) {
        let ((t0, r0), (t1, r1)) = (w[0], w[1]);
        if t >= t0 && t < t1 {
            return r0 + (r1 - r0) * (t - t0) as f64 / (t1 - t0) as f64;
        }
    }
    0.0
}

/// How busy support was (0..1) when a ticket arrived: grows until the backup e-mail, then eases.
fn queue_load(t: i64) -> f64 {
    let x = if t < at(14, 48, 0) {
        (t - at(14, 15, 0)) as f64 / 1800.0
    } else {
        1.0 - (t - at(14, 48, 0)) as f64 / 900.0
    };
    x.clamp(0.0, 1.0)
}

fn channel(r: &mut Rng) -> Channel {
    match r.weighted(&[65, 20, 15]) {
        0 => Channel::Chat,
        1 => Channel::Email,
        _ => Channel::Web,
    }
}

/// Builds all tickets, in id order.
pub fn tickets(sim: &Sim) -> Result<Vec<Ticket>, String> {
    let seed = sim.seed;
    let n = sim.participants;
    let scale = f64::from(n) / 2000.0;
    let mut r = Rng::stream(seed, TAG_TICKETS, 0);
    // (created, requester, incident)
    let mut arrivals: Vec<(i64, u32, bool)> = Vec::new();
    let base_rate = 6.0 * scale / 3600.0;
    if base_rate > 0.0 {
        let mut t = at(13, 30, 0) as f64;
        loop {
            t += r.exp(1.0 / base_rate);
            if t >= at(18, 0, 0) as f64 {
                break;
            }
            let mut who = r.below(u64::from(n)) as u32;
            for _ in 0..64 {
                if !is_disabled(seed, who) {
                    break;
                }
                who = r.below(u64::from(n)) as u32;
            }
            arrivals.push((t as i64, who, false));
        }
    }
    if !sim.affected.is_empty() {
        // Thinning of a Poisson process whose rate follows INCIDENT_RATE.
        let max_per_s = 6.5 * scale / 60.0;
        let mut t = INCIDENT_RATE[0].0 as f64;
        let end = INCIDENT_RATE[INCIDENT_RATE.len() - 1].0 as f64;
        loop {
            t += r.exp(1.0 / max_per_s);
            if t >= end {
                break;
            }
            let ts = t as i64;
            if r.unit() * 6.5 >= incident_rate(ts) {
                continue;
            }
            // Someone who is staring at a black screen right now, if we find one.
            let mut who = sim.affected[0];
            for _ in 0..30 {
                who = sim.affected[r.below(sim.affected.len() as u64) as usize];
                let failing = unix_of(who.first_fail_ms) + 30 < ts
                    && who.back_ms.is_none_or(|b| ts < unix_of(b));
                if failing {
                    break;
                }
            }
            arrivals.push((ts, who.person, true));
        }
    }
    arrivals.sort_by_key(|a| a.0);

    let mut out = Vec::with_capacity(arrivals.len());
    let mut incident_seen = 0usize;
    for (k, &(created, who, incident)) in arrivals.iter().enumerate() {
        let p = person(seed, who);
        let full_name = format!("{} {}", p.first, p.last);
        let mut ch = channel(&mut r);
        let mut tags: Vec<String> = Vec::new();
        let (subject, body, kind, priority);
        if incident {
            let tagged = r.chance(0.70);
            let (s, b) = match incident_seen {
                2 => {
                    ch = Channel::Email;
                    PHONE_TICKET
                }
                6 => {
                    ch = Channel::Web;
                    MARKUP_TICKET
                }
                _ if tagged && r.chance(0.35) => {
                    let v = r.pick(&VAGUE_TICKETS);
                    (v.0, v.1)
                }
                _ => {
                    let v = r.pick(&INCIDENT_TICKETS);
                    (v.0, v.1)
                }
            };
            incident_seen += 1;
            subject = s;
            body = b;
            if tagged {
                tags.push(INCIDENT_TAG.to_string());
            }
            kind = *r.pick(&[Some("incident"), Some("incident"), Some("problem"), None]);
            priority = *r.pick(&[
                Some("high"),
                Some("high"),
                Some("urgent"),
                Some("normal"),
                None,
            ]);
        } else {
            let b = r.pick(&BASELINE_TICKETS);
            subject = b.0;
            body = b.1;
            tags.extend(b.2.iter().map(|t| t.to_string()));
            kind = if r.chance(0.3) { None } else { Some(b.3) };
            priority = *r.pick(&[Some("normal"), Some("normal"), Some("low"), None]);
        }
        if ch == Channel::Chat {
            tags.push("zopim_chat".to_string());
        }
        tags.sort();

        // First reply, resolution.
        let late = !incident && created > at(17, 40, 0);
        let reply_s = if late && r.chance(0.5) {
            None
        } else if incident {
            let m = (2 + (20.0 * queue_load(created)).round() as i64 + r.between(0, 4)).min(25);
            Some(m * 60 + r.between(0, 60))
        } else {
            Some(r.between(1, 9) * 60 + r.between(0, 60))
        };
        let (status, solved) = match reply_s {
            None => ("new", None),
            Some(rs) => {
                let first = created + rs;
                let w = if incident { [88, 7, 5] } else { [70, 20, 10] };
                match r.weighted(&w) {
                    0 => {
                        let s = if incident && first < LINK_READY {
                            (first + r.between(60, 300)).max(at(14, 50, 0) + r.between(0, 1500))
                        } else if incident {
                            first + r.between(60, 600)
                        } else {
                            first + r.between(300, 3600)
                        };
                        ("solved", Some(s))
                    }
                    1 => ("pending", None),
                    _ => ("open", None),
                }
            }
        };
        let updated = solved.unwrap_or(created + reply_s.unwrap_or(0));
        let description = match ch {
            Channel::Chat => {
                let mut d = format!(
                    "Chat started: {}\n\n({}) {}: {}",
                    paris(created, "%Y-%m-%d %H:%M CET")?,
                    paris(created, "%H:%M:%S")?,
                    full_name,
                    body
                );
                if let Some(rs) = reply_s {
                    let reply = if !incident {
                        AGENT_BASELINE
                    } else if created + rs >= LINK_READY {
                        AGENT_LINK
                    } else {
                        AGENT_WAIT
                    };
                    d.push_str(&format!(
                        "\n({}) {}: {}",
                        paris(created + rs, "%H:%M:%S")?,
                        AGENTS[k % AGENTS.len()]
                            .1
                            .split(' ')
                            .next()
                            .unwrap_or("Support"),
                        reply
                    ));
                }
                d
            }
            Channel::Email => format!("{body}\n\nCordialement,\n{full_name}"),
            Channel::Web => body.to_string(),
        };
        let subject = match ch {
            Channel::Chat => format!("Chat with {full_name}"),
            _ => subject.to_string(),
        };
        out.push(Ticket {
            id: FIRST_ID + k as u64,
            created,
            requester: who,
            channel: ch,
            incident,
            subject,
            description,
            tags,
            kind,
            priority,
            status,
            reply_s,
            solved,
            updated,
            assignee: k % AGENTS.len(),
            satisfaction: if status == "solved" && !incident && r.chance(0.3) {
                "offered"
            } else {
                "unoffered"
            },
            repeat: false,
        });
    }
    // Tickets updated again after page 1 was saved.
    let eligible: Vec<usize> = (0..out.len())
        .filter(|&i| out[i].created < PAGE_CUT && out[i].status == "solved")
        .collect();
    let wanted = ((10.0 * scale).round() as usize).max(1);
    for pos in choose_sorted(
        &mut Rng::stream(seed, TAG_REPEATS, 0),
        eligible.len(),
        wanted,
    ) {
        out[eligible[pos]].repeat = true;
    }
    Ok(out)
}

/// Checks the keyword rules on the built tickets.
pub fn check_rules(tickets: &[Ticket]) -> Result<(), String> {
    for t in tickets {
        let text = format!("{} {} {}", t.subject, t.description, t.tags.join(" "));
        let matched = has_keyword(&text) || t.tags.iter().any(|g| g == INCIDENT_TAG);
        if matched != t.incident {
            return Err(format!(
                "ticket {} breaks the keyword rule (incident = {}): {text}",
                t.id, t.incident
            ));
        }
    }
    Ok(())
}

/// One ticket object; `early` writes the state page 1 saw for a repeated ticket.
fn ticket_json(seed: u64, t: &Ticket, early: bool) -> String {
    let p = person(seed, t.requester);
    let uid = user_id(t.requester);
    let (status, updated, tags): (&str, i64, Vec<&str>) = if early {
        (
            "open",
            t.created + t.reply_s.unwrap_or(0),
            t.tags
                .iter()
                .map(String::as_str)
                .filter(|g| *g != INCIDENT_TAG)
                .collect(),
        )
    } else {
        (
            t.status,
            t.updated,
            t.tags.iter().map(String::as_str).collect(),
        )
    };
    let category = if t.incident { Some("direct") } else { None };
    let fields = format!(
        "[{}]",
        object(|o| {
            o.n("id", CATEGORY_FIELD).opt_s("value", category);
        })
    );
    object(|o| {
        o.s("url", &format!("{HOST}/api/v2/tickets/{}.json", t.id))
            .n("id", t.id)
            .null("external_id")
            .obj("via", |v| {
                v.s("channel", t.channel.name()).obj("source", |s| {
                    if t.channel == Channel::Email {
                        s.obj("from", |f| {
                            f.s("address", &p.email)
                                .s("name", &format!("{} {}", p.first, p.last));
                        })
                        .obj("to", |f| {
                            f.s("name", "Support SSF")
                                .s("address", "support@example.net");
                        });
                    } else {
                        s.obj("from", |_| {}).obj("to", |_| {});
                    }
                    s.null("rel");
                });
            })
            .s("created_at", &utc_s(t.created))
            .s("updated_at", &utc_s(updated))
            .opt_s("type", t.kind)
            .s("subject", &t.subject)
            .s("raw_subject", &t.subject)
            .s("description", &t.description)
            .opt_s("priority", t.priority)
            .s("status", status)
            .opt_s(
                "recipient",
                (t.channel == Channel::Email).then_some("support@example.net"),
            )
            .n("requester_id", uid)
            .n("submitter_id", uid)
            .opt_n("assignee_id", t.reply_s.map(|_| AGENTS[t.assignee].0))
            .null("organization_id")
            .n("group_id", GROUP_ID)
            .raw("collaborator_ids", "[]")
            .raw("follower_ids", "[]")
            .raw("email_cc_ids", "[]")
            .null("forum_topic_id")
            .null("problem_id")
            .n("has_incidents", false)
            .n("is_public", true)
            .null("due_at")
            .strs("tags", &tags)
            .raw("custom_fields", &fields)
            .obj("satisfaction_rating", |s| {
                s.s("score", t.satisfaction);
            })
            .raw("sharing_agreement_ids", "[]")
            .raw("fields", &fields)
            .raw("followup_ids", "[]")
            .n("brand_id", BRAND_ID)
            .n("allow_channelback", false)
            .n("allow_attachments", true)
            .n("generated_timestamp", updated);
    })
}

fn user_id(person: u32) -> u64 {
    361_200_000_000 + u64::from(person) * 7
}

fn user_json(id: u64, name: &str, email: &str, role: &str, created: i64) -> String {
    object(|o| {
        o.n("id", id)
            .s("url", &format!("{HOST}/api/v2/users/{id}.json"))
            .s("name", name)
            .s("email", email)
            .s("created_at", &utc_s(created))
            .s("updated_at", &utc_s(created))
            .s("time_zone", "Paris")
            .s("iana_time_zone", "Europe/Paris")
            .null("phone")
            .s("locale", "fr")
            .n("locale_id", 16)
            .null("organization_id")
            .s("role", role)
            .n("verified", true)
            .n("active", true)
            .n("suspended", false)
            .null("external_id")
            .raw("tags", "[]")
            .raw("user_fields", "{}");
    })
}

/// A page row: (updated_at, ticket id, index in the ticket list, written as page 1 saw it).
type PageRow = (i64, u64, usize, bool);

/// Writes one page: tickets sorted by updated_at, then side-loaded users.
fn write_page(
    path: &Path,
    seed: u64,
    tickets: &[Ticket],
    rows: &mut [PageRow],
    first_contact: &BTreeMap<u32, i64>,
    more: bool,
) -> Result<(), String> {
    rows.sort_by_key(|r| (r.0, r.1));
    let mut out = Out::create(path)?;
    out.put("{\"tickets\":[\n")?;
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.put(",\n")?;
        }
        out.put(&ticket_json(seed, &tickets[row.2], row.3))?;
    }
    out.put("\n],\"users\":[\n")?;
    let mut users: Vec<String> = AGENTS
        .iter()
        .map(|a| user_json(a.0, a.1, a.2, "agent", at(0, 0, 0) - 86_400 * 400))
        .collect();
    let requesters: BTreeSet<u32> = rows.iter().map(|r| tickets[r.2].requester).collect();
    for who in requesters {
        let p = person(seed, who);
        let created = first_contact.get(&who).copied().unwrap_or(at(13, 0, 0));
        users.push(user_json(
            user_id(who),
            &format!("{} {}", p.first, p.last),
            &p.email,
            "end-user",
            created,
        ));
    }
    out.put(&users.join(",\n"))?;
    let end_time = rows.iter().map(|r| r.0).max().unwrap_or(at(18, 0, 0));
    let next = if more {
        let mut q = String::new();
        crate::out::push_json_str(
            &mut q,
            &format!("{HOST}/api/v2/incremental/tickets.json?include=users&start_time={end_time}"),
        );
        q
    } else {
        "null".to_string()
    };
    let tail = format!(
        "\n],\"count\":{},\"end_of_stream\":{},\"end_time\":{end_time},\"next_page\":{next}}}\n",
        rows.len(),
        !more
    );
    out.put(&tail)?;
    out.finish()
}

/// Writes both pages and the metrics file.
pub fn write(dir: &Path, sim: &Sim, tickets: &[Ticket]) -> Result<TicketStats, String> {
    let seed = sim.seed;
    let mut first_contact: BTreeMap<u32, i64> = BTreeMap::new();
    for t in tickets {
        let e = first_contact.entry(t.requester).or_insert(t.created);
        *e = (*e).min(t.created);
    }
    let mut p1: Vec<PageRow> = Vec::new();
    let mut p2: Vec<PageRow> = Vec::new();
    let mut stats = TicketStats::default();
    for (i, t) in tickets.iter().enumerate() {
        stats.total += 1;
        if t.incident {
            stats.incident += 1;
        }
        if t.created < PAGE_CUT {
            if t.repeat {
                let early = t.created + t.reply_s.unwrap_or(0);
                p1.push((early, t.id, i, true));
                p2.push((t.updated, t.id, i, false));
                stats.repeats += 1;
            } else {
                p1.push((t.updated, t.id, i, false));
            }
        } else {
            p2.push((t.updated, t.id, i, false));
        }
    }
    stats.rows = (p1.len() + p2.len()) as u64;
    write_page(
        &dir.join("zendesk_tickets_p1.json"),
        seed,
        tickets,
        &mut p1,
        &first_contact,
        true,
    )?;
    write_page(
        &dir.join("zendesk_tickets_p2.json"),
        seed,
        tickets,
        &mut p2,
        &first_contact,
        false,
    )?;
    write_metrics(&dir.join("zendesk_ticket_metrics.json"), tickets)?;
    Ok(stats)
}

/// `{"calendar": c, "business": b}` minutes over [from, to], business hours being
/// 09:00-18:00 Paris time on that Friday.
fn minutes(from: i64, to: Option<i64>, biz: (i64, i64)) -> String {
    match to {
        Some(to) => {
            let cal = (to - from) / 60;
            let b = ((to.min(biz.1) - from.max(biz.0)).max(0)) / 60;
            object(|o| {
                o.n("calendar", cal).n("business", b);
            })
        }
        None => "{\"calendar\":null,\"business\":null}".to_string(),
    }
}

fn write_metrics(path: &Path, tickets: &[Ticket]) -> Result<(), String> {
    let biz = (
        paris_to_unix(2020, 11, 27, 9, 0)?,
        paris_to_unix(2020, 11, 27, 18, 0)?,
    );
    let zero = "{\"calendar\":0,\"business\":0}";
    let mut out = Out::create(path)?;
    out.put("{\"ticket_metrics\":[\n")?;
    for (i, t) in tickets.iter().enumerate() {
        if i > 0 {
            out.put(",\n")?;
        }
        let mid = 398_000_000_000 + t.id;
        let replied = t.reply_s.map(|r| t.created + r);
        let assigned = replied.map(|r| (t.created + 30).min(r));
        let replies = match (t.reply_s, t.solved) {
            (None, _) => 0,
            (Some(_), None) => 1,
            (Some(_), Some(_)) => 2,
        };
        let waited = replied.or(Some(t.updated)).filter(|_| t.reply_s.is_some());
        let m = object(|o| {
            o.s("url", &format!("{HOST}/api/v2/ticket_metrics/{mid}.json"))
                .n("id", mid)
                .n("ticket_id", t.id)
                .s("created_at", &utc_s(t.created))
                .s("updated_at", &utc_s(t.updated))
                .n("group_stations", 1)
                .n("assignee_stations", u32::from(t.reply_s.is_some()))
                .n("reopens", 0)
                .n("replies", replies)
                .opt_s("assignee_updated_at", replied.map(utc_s).as_deref())
                .s("requester_updated_at", &utc_s(t.created))
                .s("status_updated_at", &utc_s(t.updated))
                .opt_s("initially_assigned_at", assigned.map(utc_s).as_deref())
                .opt_s("assigned_at", assigned.map(utc_s).as_deref())
                .opt_s("solved_at", t.solved.map(utc_s).as_deref())
                .s("latest_comment_added_at", &utc_s(t.updated))
                .s("custom_status_updated_at", &utc_s(t.updated))
                .raw("reply_time_in_minutes", &minutes(t.created, replied, biz))
                .raw(
                    "first_resolution_time_in_minutes",
                    &minutes(t.created, t.solved, biz),
                )
                .raw(
                    "full_resolution_time_in_minutes",
                    &minutes(t.created, t.solved, biz),
                )
                .raw("agent_wait_time_in_minutes", zero)
                .raw(
                    "requester_wait_time_in_minutes",
                    &minutes(t.created, waited, biz),
                )
                .raw("on_hold_time_in_minutes", zero);
        });
        out.put(&m)?;
    }
    out.put(&format!(
        "\n],\"next_page\":null,\"previous_page\":null,\"count\":{}}}\n",
        tickets.len()
    ))?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::simulate;

    #[test]
    fn keyword_rules_hold_and_the_peak_is_where_planned() {
        let sim = simulate(2020, 2000);
        let ts = tickets(&sim).unwrap_or_default();
        assert!(check_rules(&ts).is_ok(), "{:?}", check_rules(&ts));
        for t in ts.iter().filter(|t| !t.incident) {
            assert!(
                !has_keyword(&t.subject) && !has_keyword(&t.description),
                "{}",
                t.id
            );
        }
        let mut per5: BTreeMap<i64, u32> = BTreeMap::new();
        for t in ts.iter().filter(|t| t.incident) {
            *per5.entry(t.created / 300 * 300).or_default() += 1;
        }
        let (peak_at, peak) = per5
            .iter()
            .max_by_key(|(k, v)| (**v, -**k))
            .map(|(k, v)| (*k, *v))
            .unwrap_or((0, 0));
        assert!((20..=45).contains(&peak), "peak {peak}");
        assert!(
            (at(14, 25, 0)..at(14, 50, 0)).contains(&peak_at),
            "{}",
            utc_s(peak_at)
        );
        let first = ts
            .iter()
            .filter(|t| t.incident)
            .map(|t| t.created)
            .min()
            .unwrap_or(0);
        assert!(first > at(14, 14, 0), "tickets must follow the first tweet");
        let repeats = ts.iter().filter(|t| t.repeat).count();
        assert_eq!(repeats, 10);
    }
}
