//! Zendesk Incremental Ticket Export pages (time- or cursor-based, `tickets` plus side-loaded
//! `users` from `include=users`) and Ticket Metrics (`ticket_metrics`). A user may save several
//! pages as several files, so tickets are collected across files and finished together:
//! a ticket seen on several pages keeps the copy with the latest `updated_at` (the other copies
//! count as duplicates of the file they came from), requesters are resolved through the
//! side-loaded users (e-mail hashed here, never passed on), and metrics give the first reply
//! (`reply_time_in_minutes.calendar` after creation) and the solve time.

use std::borrow::Cow;
use std::collections::BTreeMap;

use polars::prelude::{PlHashMap as HashMap, PlHashSet as HashSet};

use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_i64, as_text, Doc, Record, Records};
use super::{ClockPair, Ctx, Reason};
use crate::tables::TicketRow;
use crate::text;

/// Keys of an incremental export page.
pub const TICKETS_SIGNATURE: &[&str] = &[
    "tickets",
    "end_of_stream",
    "tickets.id",
    "tickets.created_at",
];
/// Keys of a line of the admin page's full JSON export (NDJSON, `{"ticket": {...}}`).
pub const FULL_EXPORT_SIGNATURE: &[&str] = &["ticket", "ticket.id", "ticket.created_at"];
/// Keys of a ticket metrics page.
pub const METRICS_SIGNATURE: &[&str] = &["ticket_metrics", "ticket_metrics.ticket_id"];

/// A ticket read from any Zendesk file, waiting for the cross-file deduplication.
#[derive(Debug)]
pub(super) struct PendingTicket {
    pub id: String,
    pub updated_at: i64,
    pub origin: usize,
    /// Requester id, resolved through side-loaded users.
    pub requester_id: Option<String>,
    /// Requester already hashed (exports that carry the e-mail, such as the admin CSV).
    pub requester: Option<u64>,
    /// First reply in seconds after creation, where the export itself gives it.
    pub reply_s: Option<i64>,
    pub row: TicketRow,
}

#[derive(Debug)]
struct Metric {
    updated_at: i64,
    reply_minutes: Option<i64>,
    solved_at: Option<i64>,
    /// The ticket's creation as the metrics record it, and the file: read only to cross-check
    /// the clocks of other exports ([`clock_pairs`]).
    created_at: Option<i64>,
    origin: usize,
}

impl Pending {
    /// Adds a ticket read by another Zendesk adapter.
    pub(super) fn push(&mut self, t: PendingTicket) {
        self.tickets.push(t);
    }

    /// Nothing read yet.
    pub(super) fn is_empty(&self) -> bool {
        self.tickets.is_empty() && self.users.is_empty() && self.metrics.is_empty()
    }
}

/// Tickets, users and metrics gathered from every Zendesk file of the run.
#[derive(Debug, Default)]
pub struct Pending {
    tickets: Vec<PendingTicket>,
    /// User id to hashed e-mail.
    users: HashMap<String, Option<u64>>,
    metrics: HashMap<String, Metric>,
}

/// A ticket's channel as the Zendesk API names it in `via.channel` (`web`, `email`, `chat`,
/// `api`, `mobile`, `voice`, `twitter`, `facebook`, `native_messaging`, ...), whatever the
/// export writes (docs/definitions.md, `tickets.by_channel`): the admin CSV's display names and the
/// via types (`Web form` and `web_form`, `Mail`, `Web service`) map onto it, case aside, so
/// that editions and export kinds compare. Anything else is lower-cased, blank space as `_`
/// (`Closed ticket`, a follow-up, is `closed_ticket`, its via type).
pub(super) fn api_channel(written: &str) -> String {
    let name = written
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase();
    let api = match name.as_str() {
        "web_form" | "web_widget" | "web" => "web",
        "mail" | "email" | "e-mail" => "email",
        "chat" => "chat",
        "voicemail" | "voice" => "voice",
        // Phone call (incoming), (inbound), (outgoing); the via types phone_call_inbound, ...
        n if n.starts_with("phone_call") => "voice",
        "mobile_sdk" | "mobile" => "mobile",
        "api" | "web_service" | "web_service_(api)" => "api",
        // Twitter DM, Twitter Like; Facebook Post, Facebook Private Message.
        n if n.starts_with("twitter") => "twitter",
        n if n.starts_with("facebook") => "facebook",
        "text" | "sms" => "sms",
        "messaging" | "native_messaging" => "native_messaging",
        _ => return name,
    };
    api.to_string()
}

fn instant(v: &Value, key: &str, ctx: &Ctx) -> Result<Option<i64>, Reason> {
    as_text(v.get(key))
        .map(|t| ctx.instant(key, &t))
        .transpose()
}

/// The keys of a ticket that [`read_tickets`] reads: a large page's other keys are not kept
/// (`reader::PRUNED`).
pub const TICKET_KEYS: &[&str] = &[
    "id",
    "created_at",
    "updated_at",
    "subject",
    "raw_subject",
    "description",
    "tags",
    "requester_id",
    "status",
    "via",
];

/// The keys of a ticket metric that [`read_metrics`] reads (see [`TICKET_KEYS`]).
pub const METRIC_KEYS: &[&str] = &[
    "ticket_id",
    "updated_at",
    "reply_time_in_minutes",
    "solved_at",
    "created_at",
];

/// Reads one incremental export page.
pub fn read_tickets(doc: &Doc, ctx: &mut Ctx, pending: &mut Pending) -> Result<(), Reason> {
    // Side-loaded users of a page (`include=users`), hashed here.
    let mut load_users = |page: &Value| {
        for u in page
            .get("users")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(id) = as_text(u.get("id")) {
                let email = as_text(u.get("email")).and_then(|e| ctx.hash(&e));
                pending.users.insert(id, email);
            }
        }
    };
    let records: Records = match doc {
        // Several lines or items: the full export (`{"ticket": ...}` each), or incremental
        // pages a user concatenated (`{"tickets": [...], "users": [...]}` each).
        Doc::Ndjson(_) | Doc::Json(Value::Array(_)) | Doc::Array(_) => {
            let mut out = Vec::new();
            for r in doc.records(None)? {
                let Record { line, place, value } = r;
                match value {
                    Ok(v) if v.get("tickets").is_some_and(Value::is_array) => {
                        load_users(&v);
                        let tickets: Vec<Cow<Value>> = match v {
                            Cow::Borrowed(page) => page["tickets"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(Cow::Borrowed)
                                .collect(),
                            Cow::Owned(mut page) => match page["tickets"].take() {
                                Value::Array(a) => a.into_iter().map(Cow::Owned).collect(),
                                _ => Vec::new(),
                            },
                        };
                        for (i, t) in tickets.into_iter().enumerate() {
                            out.push(Record {
                                line,
                                place: Reason::new("in-place-within")
                                    .with("outer", place.clone())
                                    .with("inner", Reason::item("tickets", i)),
                                value: Ok(t),
                            });
                        }
                    }
                    value => out.push(
                        Record { line, place, value }
                            .part(|v| v.get("ticket").ok_or_else(|| Reason::new("in-no-ticket"))),
                    ),
                }
            }
            Box::new(out.into_iter())
        }
        Doc::Json(root) => {
            load_users(root);
            doc.records(Some("tickets"))?
        }
        Doc::Csv(_) => return Err(Reason::new("in-expected-json")),
    };
    for rec in records {
        ctx.read();
        let Some(v) = ctx.value(&rec) else { continue };
        let parsed = (|| -> Result<PendingTicket, Reason> {
            let id = as_text(v.get("id")).ok_or_else(|| Reason::missing("id"))?;
            if id.contains(['e', 'E', '.']) {
                return Err(Reason::not_a("id", "in-not-ticket-id-notation", &id));
            }
            let created =
                instant(v, "created_at", ctx)?.ok_or_else(|| Reason::missing("created_at"))?;
            let updated = instant(v, "updated_at", ctx)?.unwrap_or(created);
            let subject = as_text(v.get("subject"))
                .or_else(|| as_text(v.get("raw_subject")))
                .unwrap_or_default();
            let description = as_text(v.get("description")).unwrap_or_default();
            let tags: Vec<String> = match v.get("tags") {
                Some(Value::Array(a)) => a.iter().filter_map(|t| as_text(Some(t))).collect(),
                Some(Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
                _ => Vec::new(),
            };
            let incident = text::ticket_is_incident(
                &subject,
                &description,
                &tags,
                &ctx.config.incident,
                ctx.folded_keywords,
            );
            Ok(PendingTicket {
                id: id.clone(),
                updated_at: updated,
                origin: ctx.origin,
                requester_id: as_text(v.get("requester_id")),
                requester: None,
                reply_s: None,
                row: TicketRow {
                    ticket_id: Some(id),
                    created_at: Some(created),
                    first_reply_at: None,
                    solved_at: None,
                    status: as_text(v.get("status")).map(|s| s.to_lowercase()),
                    channel: as_text(v.pointer("/via/channel")).map(|s| api_channel(&s)),
                    subject: Some(text::redact(&subject)),
                    tags,
                    requester: None,
                    incident,
                    source: ctx.source(),
                },
            })
        })();
        ctx.settle(parsed.is_ok(), |note| (rec.line, rec.reason(note)));
        match parsed {
            Ok(t) => {
                ctx.kept();
                pending.tickets.push(t);
            }
            Err(reason) => ctx.reject(rec.line, rec.reason(reason)),
        }
    }
    Ok(())
}

/// Reads one ticket metrics page.
pub fn read_metrics(doc: &Doc, ctx: &mut Ctx, pending: &mut Pending) -> Result<(), Reason> {
    for rec in doc.records(Some("ticket_metrics"))? {
        ctx.read();
        let Some(v) = ctx.value(&rec) else { continue };
        let parsed = (|| -> Result<(String, Metric), Reason> {
            let ticket = as_text(v.get("ticket_id")).ok_or_else(|| Reason::missing("ticket_id"))?;
            let updated = instant(v, "updated_at", ctx)?.unwrap_or(i64::MIN);
            let reply = match v.get("reply_time_in_minutes") {
                Some(Value::Object(m)) => as_i64(m.get("calendar")),
                Some(other) => as_i64(Some(other)),
                None => None,
            };
            Ok((
                ticket,
                Metric {
                    updated_at: updated,
                    reply_minutes: reply,
                    solved_at: instant(v, "solved_at", ctx)?,
                    // Never a reason to reject the row: it only serves the cross-check.
                    created_at: as_text(v.get("created_at")).and_then(|t| {
                        crate::timeutil::read_instant(&t, chrono_tz::UTC)
                            .ok()
                            .map(|(ms, _)| ms)
                    }),
                    origin: ctx.origin,
                },
            ))
        })();
        ctx.settle(parsed.is_ok(), |note| (rec.line, rec.reason(note)));
        match parsed {
            Ok((ticket, m)) => match pending.metrics.get(&ticket) {
                Some(old) if old.updated_at >= m.updated_at => ctx.duplicate(),
                Some(_) => {
                    ctx.duplicate();
                    pending.metrics.insert(ticket, m);
                }
                None => {
                    ctx.kept();
                    pending.metrics.insert(ticket, m);
                }
            },
            Err(reason) => ctx.reject(rec.line, rec.reason(reason)),
        }
    }
    Ok(())
}

/// Deduplicates tickets across pages, resolves requesters and joins metrics, adding the
/// tickets to `out`. Returns the instants two files read of the same tickets, and the file
/// (`origin`) of each copy of a ticket left out as a duplicate.
pub fn finish(pending: Pending, out: &mut Vec<TicketRow>) -> (Vec<ClockPair>, Vec<usize>) {
    let pairs = clock_pairs(&pending.tickets, &pending.metrics);
    let mut copies = Vec::new();
    let Pending {
        tickets,
        users,
        metrics,
    } = pending;
    // Latest updated_at per id; on a tie, the copy from the later file wins.
    // (Hash maps: these only look up a ticket, 113,000 of them at 1M participants, where
    // ordered maps compared ids as text 0.3 s long.)
    let mut best: HashMap<&str, usize> = HashMap::default();
    for (i, t) in tickets.iter().enumerate() {
        match best.get(t.id.as_str()) {
            Some(&j) if (tickets[j].updated_at, tickets[j].origin) > (t.updated_at, t.origin) => {}
            _ => {
                best.insert(t.id.as_str(), i);
            }
        }
    }
    let keep: HashSet<usize> = best.values().copied().collect();
    // A first reply known from any copy (a chat's response time, a CSV's reply column) still
    // applies when another copy of the ticket wins: the copy from the file first by name
    // (lowest `origin`), then first in that file, whatever order the files were read in.
    let mut reply_first: HashMap<&str, (usize, i64)> = HashMap::default();
    for t in &tickets {
        if let Some(r) = t.reply_s {
            let known = reply_first.entry(t.id.as_str()).or_insert((t.origin, r));
            if t.origin < known.0 {
                *known = (t.origin, r);
            }
        }
    }
    let mut rows = Vec::with_capacity(keep.len());
    for (i, t) in tickets.iter().enumerate() {
        if !keep.contains(&i) {
            copies.push(t.origin);
            continue;
        }
        let mut row = t.row.clone();
        row.requester = t.requester.or_else(|| {
            t.requester_id
                .as_ref()
                .and_then(|r| users.get(r).copied().flatten())
        });
        let metric = metrics.get(&t.id);
        let reply = metric
            .and_then(|m| m.reply_minutes)
            .map(|m| m * 60)
            .or(t.reply_s)
            .or_else(|| reply_first.get(t.id.as_str()).map(|&(_, r)| r));
        row.first_reply_at = reply.and_then(|r| row.created_at.map(|c| c + r * 1000));
        if let Some(solved) = metric.and_then(|m| m.solved_at) {
            row.solved_at = Some(solved);
        }
        rows.push(row);
    }
    rows.sort_by(|a, b| (a.created_at, &a.ticket_id).cmp(&(b.created_at, &b.ticket_id)));
    out.extend(rows);
    (pairs, copies)
}

/// The creation and solve times of each ticket as two different files read them: a ticket's
/// first copy in each file, and its metrics record.
fn clock_pairs(tickets: &[PendingTicket], metrics: &HashMap<String, Metric>) -> Vec<ClockPair> {
    /// A ticket's (created, solved) as one file reads them.
    type Reading = (Option<i64>, Option<i64>);
    // Per ticket id, per file: the reading of its first copy there.
    let mut readings: HashMap<&str, BTreeMap<usize, Reading>> = HashMap::default();
    for t in tickets {
        readings
            .entry(t.id.as_str())
            .or_default()
            .entry(t.origin)
            .or_insert((t.row.created_at, t.row.solved_at));
    }
    for (id, m) in metrics {
        readings
            .entry(id.as_str())
            .or_default()
            .entry(m.origin)
            .or_insert((m.created_at, m.solved_at));
    }
    // By ticket id, in order.
    let mut readings: Vec<(&str, BTreeMap<usize, Reading>)> = readings.into_iter().collect();
    readings.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut out = Vec::new();
    for (_, files) in &readings {
        let files: Vec<(&usize, &Reading)> = files.iter().collect();
        for (i, (a, ra)) in files.iter().enumerate() {
            for (b, rb) in &files[i + 1..] {
                for (x, y) in [(ra.0, rb.0), (ra.1, rb.1)] {
                    if let (Some(a_at), Some(b_at)) = (x, y) {
                        out.push(ClockPair {
                            a: **a,
                            a_at,
                            b: **b,
                            b_at,
                        });
                    }
                }
            }
        }
    }
    out
}

/// `zendesk-incremental-json`: the incremental tickets API export.
pub const INCREMENTAL: Adapter = Adapter {
    name: "zendesk-incremental-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[TICKETS_SIGNATURE],
    documented: &[
        "count",
        "end_of_stream",
        "end_time",
        "next_page",
        "after_cursor",
        "after_url",
        "before_cursor",
        "before_url",
        "tickets.id",
        "tickets.created_at",
        "tickets.updated_at",
        "tickets.subject",
        "tickets.status",
        "tickets.via",
        "tickets.tags",
        "tickets.requester_id",
        "tickets.url",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Tickets(read_tickets),
};

/// `zendesk-ticket-metrics-json`: the ticket metrics API export.
pub const TICKET_METRICS: Adapter = Adapter {
    name: "zendesk-ticket-metrics-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[METRICS_SIGNATURE],
    documented: &[
        "ticket_metrics.id",
        "ticket_metrics.ticket_id",
        "ticket_metrics.created_at",
        "ticket_metrics.solved_at",
        "ticket_metrics.reply_time_in_minutes",
        "ticket_metrics.full_resolution_time_in_minutes",
        "next_page",
        "count",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Tickets(read_metrics),
};

/// `zendesk-full-export-ndjson`: the admin's full NDJSON export.
pub const FULL_EXPORT: Adapter = Adapter {
    name: "zendesk-full-export-ndjson",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[FULL_EXPORT_SIGNATURE],
    documented: &[
        "ticket.id",
        "ticket.created_at",
        "ticket.updated_at",
        "ticket.subject",
        "ticket.status",
        "ticket.via",
        "ticket.tags",
        "ticket.requester_id",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Tickets(read_tickets),
};

#[cfg(test)]
mod tests {
    use super::api_channel;

    #[test]
    fn channels_named_as_the_api_names_them() {
        for (written, api) in [
            // docs/definitions.md's mapping, as the admin CSV writes it and in any case.
            ("Web form", "web"),
            ("Web Widget", "web"),
            ("Mail", "email"),
            ("Email", "email"),
            ("Chat", "chat"),
            ("Phone call (incoming)", "voice"),
            ("Voicemail", "voice"),
            ("Mobile SDK", "mobile"),
            ("API", "api"),
            ("WEB FORM", "web"),
            (" web  form ", "web"),
            // The API's own names stay; its via types map too.
            ("web", "web"),
            ("email", "email"),
            ("native_messaging", "native_messaging"),
            ("web_form", "web"),
            ("mail", "email"),
            ("web_service", "api"),
            ("mobile_sdk", "mobile"),
            ("phone_call_inbound", "voice"),
            // Other display names of the same channels.
            ("Web service", "api"),
            ("Phone call (outgoing)", "voice"),
            ("Twitter", "twitter"),
            ("Twitter DM", "twitter"),
            ("Facebook", "facebook"),
            ("Facebook Private Message", "facebook"),
            ("Text", "sms"),
            ("Messaging", "native_messaging"),
            // No other name known: lower case, `_` for blank space.
            ("Closed ticket", "closed_ticket"),
            ("Help Center", "help_center"),
        ] {
            assert_eq!(api_channel(written), api, "{written}");
        }
    }
}
