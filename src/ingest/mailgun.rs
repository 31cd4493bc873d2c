//! Mailgun events: the Events API's pages (`items`), saved webhooks
//! (`{"signature": ..., "event-data": ...}`, one per file or one per line), or bare events
//! (the `event-data` object on its own, as Mailgun's docs now show payloads). `timestamp` is
//! fractional unix seconds; `failed` splits by `severity` into bounced (permanent) and deferred
//! (temporary). Mailgun's `id` is unique within a day only, so duplicates are keyed on the id
//! with the event and its instant. Campaign key: the first of `campaigns` (name, else id), else
//! the first tag, else `user-variables.campaign`.

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::columnar::{Dedup, Parsed, PlainFields};
use super::events::{canonical_name, read_events, unix_seconds, Names};
use super::reader::{as_f64, as_text, Doc, Records};
use super::reading::Reading;
use super::{Ctx, Reason};
use crate::tables::EmailRow;

/// The three shapes: an API page, a webhook payload, a bare event.
pub const SIGNATURES: &[&[&str]] = &[
    &["items", "items.event", "items.timestamp"],
    &["signature", "event-data"],
    &["event", "timestamp", "id", "recipient"],
];

/// The event a record holds: a webhook's `event-data`, or the record itself when it is a bare
/// event.
fn event_data(v: &Value) -> Result<&Value, Reason> {
    match v.get("event-data") {
        Some(data) if data.is_object() => Ok(data),
        Some(_) => Err(Reason::new("in-not-object")),
        None if v.get("event").is_some() => Ok(v),
        None => Err(Reason::new("in-no-event-data")),
    }
}

/// Mailgun events and their canonical names, apart from `failed` (see [`canonical`]).
const NAMES: &Names = &[
    ("accepted", "queued"),
    ("rejected", "blocked"),
    ("delivered", "delivered"),
    ("opened", "opened"),
    ("clicked", "clicked"),
    ("unsubscribed", "unsubscribed"),
    ("complained", "complained"),
];

/// Mailgun event (and `failed`'s severity) to canonical name.
fn canonical(event: &str, severity: Option<&str>) -> Option<&'static str> {
    match (event, severity) {
        ("failed", Some("temporary")) => Some("deferred"),
        ("failed", _) => Some("bounced"),
        _ => canonical_name(NAMES, event),
    }
}

/// Reads a page, a webhook, or NDJSON of webhooks.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), Reason> {
    let records: Records = match doc {
        Doc::Json(root) if root.get("items").is_some() => doc.records(Some("items"))?,
        _ => Box::new(doc.records(None)?.map(|r| r.part(event_data))),
    };
    read_events(records, ctx, out, parse);
    Ok(())
}

/// Reads NDJSON webhooks or bare events, or an array of them, a part at a time, each by
/// [`parse`], the one statement of Mailgun's rules, parsed whole on every core (its fields
/// are nested: see [`columnar::read_lines`]). `Ok(None)` when the file's shape needs the row
/// reader (a one-line file is a document: an API page or a single webhook).
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    // No field is wanted: every line is parsed whole.
    let read = |r: &Reading, line: &[u8], _: Option<&PlainFields>| {
        columnar::parse_line(line, |v| parse(event_data(v)?, r))
    };
    let lines = columnar::read_lines(bytes, ctx, &[], Dedup::Ids, 2, read, EmailRow::frame)?;
    Ok(lines.map(|(frame, _)| frame))
}

/// Mailgun's rules for one event; its id, with the event and its instant (Mailgun's `id` is
/// unique within a day only).
fn parse(v: &Value, r: &Reading) -> Parsed<EmailRow> {
    let raw = as_text(v.get("event"))
        .ok_or_else(|| Reason::missing("event"))?
        .to_lowercase();
    let severity = as_text(v.get("severity")).map(|s| s.to_lowercase());
    let event = canonical(&raw, severity.as_deref()).ok_or_else(|| {
        let e = Reason::new("in-unknown-event")
            .arg("vendor", "Mailgun")
            .arg("value", &raw);
        Reason::field("event", e)
    })?;
    let ts = as_f64(v.get("timestamp"))
        .ok_or_else(|| Reason::field("timestamp", Reason::new("in-missing-or-not-a-number")))?;
    let at = unix_seconds("timestamp", ts)?;
    let email = as_text(v.get("recipient")).ok_or_else(|| Reason::missing("recipient"))?;
    let first = |k: &str| {
        v.get(k)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .cloned()
    };
    let campaign = first("campaigns")
        .and_then(|c| as_text(c.get("name")).or_else(|| as_text(c.get("id"))))
        .or_else(|| first("tags").and_then(|t| as_text(Some(&t))))
        .or_else(|| as_text(v.pointer("/user-variables/campaign")));
    let id = as_text(v.get("id")).unwrap_or_default();
    let reason = as_text(v.pointer("/delivery-status/message"))
        .or_else(|| as_text(v.pointer("/delivery-status/description")))
        .or_else(|| as_text(v.get("reason")));
    Ok((
        EmailRow {
            provider: Some("mailgun"),
            event: Some(event),
            at: Some(at),
            recipient: r.hash(&email),
            campaign,
            message_id: as_text(v.pointer("/message/headers/message-id")),
            url: as_text(v.get("url")).map(|u| crate::text::redact(&u)),
            reason: reason.map(|t| crate::text::redact(&t)),
            source: r.source(),
        },
        Some(format!("{id}|{raw}|{ts}")),
    ))
}

/// `mailgun-events`: the events API or webhook export.
pub const EVENTS: Adapter = Adapter {
    name: "mailgun-events",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: SIGNATURES,
    documented: &[
        "event",
        "timestamp",
        "id",
        "recipient",
        "recipient-domain",
        "severity",
        "reason",
        "delivery-status",
        "message",
        "message.headers",
        "tags",
        "campaigns",
        "user-variables",
        "log-level",
        "envelope",
        "flags",
        "storage",
        "event-data.event",
        "event-data.timestamp",
        "event-data.id",
        "event-data.recipient",
        "signature.timestamp",
        "signature.token",
        "signature.signature",
        "items.id",
        "items.recipient",
        "paging",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Email(read, Some(read_columnar)),
};
