//! Zendesk Chat conversations (the Chat API's `chats`, or an array / NDJSON of chats). Each
//! chat is a support request on channel `chat` (`offline_message` for offline messages):
//! created at its `timestamp`, first reply `response_time.first` seconds later, requester the
//! visitor's e-mail (hashed), text for keyword matching from its messages and tags. A chat
//! that became a ticket (`zendesk_ticket_id`) joins the ticket pool under that ticket's id, so
//! the conversation is counted once whether the ticket export holds it or not.

use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_f64, as_text, Doc, Records};
use super::zendesk::{Pending, PendingTicket};
use super::{Ctx, Reason};
use crate::tables::TicketRow;
use crate::text;

/// The API page, and a bare chat.
pub const SIGNATURES: &[&[&str]] = &[
    &["chats", "chats.visitor", "chats.session"],
    &["visitor", "session", "history"],
];

/// Characters of the first message kept as the chat's subject.
const SUBJECT_CHARS: usize = 120;

/// Reads the chats into the Zendesk ticket pool.
pub fn read(doc: &Doc, ctx: &mut Ctx, pending: &mut Pending) -> Result<(), Reason> {
    let records: Records = match doc {
        Doc::Json(root) if root.get("chats").is_some() => doc.records(Some("chats"))?,
        _ => doc.records(None)?,
    };
    for rec in records {
        ctx.read();
        let Some(v) = ctx.value(&rec) else { continue };
        let parsed = parse(v, ctx);
        ctx.settle(parsed.is_ok(), |note| (rec.line, rec.reason(note)));
        match parsed {
            Ok(t) => {
                ctx.kept();
                pending.push(t);
            }
            Err(reason) => ctx.reject(rec.line, rec.reason(reason)),
        }
    }
    Ok(())
}

fn parse(v: &Value, ctx: &Ctx) -> Result<PendingTicket, Reason> {
    let chat_id = as_text(v.get("id")).ok_or_else(|| Reason::missing("id"))?;
    let at = |key: &str| as_text(v.pointer(key)).map(|t| ctx.instant(&key[1..], &t));
    let created = at("/timestamp")
        .or_else(|| at("/session/start_date"))
        .ok_or_else(|| Reason::missing("timestamp"))??;
    let updated = at("/session/end_date").transpose()?.unwrap_or(created);
    let messages: Vec<String> = v
        .get("history")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|h| as_text(h.get("type")).is_none_or(|t| t == "chat.msg"))
        .filter_map(|h| as_text(h.get("msg")))
        .collect();
    let tags: Vec<String> = match v.get("tags") {
        Some(Value::Array(a)) => a.iter().filter_map(|t| as_text(Some(t))).collect(),
        Some(Value::String(s)) => s.split_whitespace().map(str::to_string).collect(),
        _ => Vec::new(),
    };
    let incident = text::ticket_is_incident(
        "",
        &messages.join("\n"),
        &tags,
        &ctx.config.incident,
        ctx.folded_keywords,
    );
    // Redact the whole message before cutting it, so no address is cut out of recognition.
    let subject: String = messages
        .first()
        .map(|m| text::redact(m).chars().take(SUBJECT_CHARS).collect())
        .unwrap_or_default();
    let id = as_text(v.get("zendesk_ticket_id")).unwrap_or_else(|| format!("chat-{chat_id}"));
    let missed = v.get("missed").and_then(Value::as_bool).unwrap_or(false);
    let channel = match as_text(v.get("type")).as_deref() {
        Some("offline_msg") => "offline_message",
        _ => "chat",
    };
    Ok(PendingTicket {
        id: id.clone(),
        updated_at: updated,
        origin: ctx.origin,
        requester_id: None,
        requester: as_text(v.pointer("/visitor/email")).and_then(|e| ctx.hash(&e)),
        reply_s: as_f64(v.pointer("/response_time/first")).map(|s| s.round() as i64),
        row: TicketRow {
            ticket_id: Some(id),
            created_at: Some(created),
            first_reply_at: None,
            solved_at: None,
            status: Some(if missed { "missed" } else { "served" }.into()),
            channel: Some(channel.into()),
            subject: Some(subject),
            tags,
            requester: None,
            incident,
            source: ctx.source(),
        },
    })
}

/// `zendesk-chat-json`: the chats export.
pub const CHAT: Adapter = Adapter {
    name: "zendesk-chat-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: SIGNATURES,
    documented: &[
        "id",
        "type",
        "visitor",
        "started_by",
        "session",
        "timestamp",
        "duration",
        "department_name",
        "response_time",
        "agent_names",
        "missed",
        "history",
        "tags",
        "rating",
        "zendesk_ticket_id",
        "chats.id",
        "chats.timestamp",
        "chats.history",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Tickets(read),
};
