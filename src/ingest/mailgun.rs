//! Mailgun events: the Events API's pages (`items`) or saved webhooks
//! (`{"signature": ..., "event-data": ...}`, one per file or one per line). `timestamp` is
//! fractional unix seconds; `failed` splits by `severity` into bounced (permanent) and deferred
//! (temporary). Mailgun's `id` is unique within a day only, so duplicates are keyed on the id
//! with the event and its instant. Campaign key: the first of `campaigns` (name, else id), else
//! the first tag, else `user-variables.campaign`.

use serde_json::Value;

use super::events::{read_events, unix_seconds};
use super::reader::{as_f64, as_text, Doc, Record};
use super::Ctx;
use crate::tables::EmailRow;

/// The two shapes: an API page, and a webhook payload.
pub const SIGNATURES: &[&[&str]] = &[
    &["items", "items.event", "items.timestamp"],
    &["signature", "event-data"],
];

fn canonical(event: &str, severity: Option<&str>) -> Option<&'static str> {
    Some(match (event, severity) {
        ("accepted", _) => "queued",
        ("rejected", _) => "blocked",
        ("delivered", _) => "delivered",
        ("failed", Some("temporary")) => "deferred",
        ("failed", _) => "bounced",
        ("opened", _) => "opened",
        ("clicked", _) => "clicked",
        ("unsubscribed", _) => "unsubscribed",
        ("complained", _) => "complained",
        _ => return None,
    })
}

/// Reads a page, a webhook, or NDJSON of webhooks.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), String> {
    let records: Vec<Record> = match doc {
        Doc::Json(root) if root.get("items").is_some() => doc.records(Some("items"))?,
        _ => doc
            .records(None)?
            .into_iter()
            .map(|r| Record {
                value: r.value.and_then(|v| {
                    v.get("event-data")
                        .ok_or_else(|| "no 'event-data' in this webhook".to_string())
                }),
                ..r
            })
            .collect(),
    };
    read_events(records, ctx, out, parse);
    Ok(())
}

fn parse(v: &Value, ctx: &Ctx) -> Result<(EmailRow, String), String> {
    let raw = as_text(v.get("event"))
        .ok_or("event: missing")?
        .to_lowercase();
    let severity = as_text(v.get("severity")).map(|s| s.to_lowercase());
    let event = canonical(&raw, severity.as_deref())
        .ok_or_else(|| format!("event: unknown Mailgun event '{raw}'"))?;
    let ts = as_f64(v.get("timestamp")).ok_or("timestamp: missing or not a number")?;
    let at = unix_seconds("timestamp", ts)?;
    let email = as_text(v.get("recipient")).ok_or("recipient: missing")?;
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
            provider: Some("mailgun".into()),
            event: Some(event.into()),
            at: Some(at),
            recipient: ctx.hash(&email),
            campaign,
            message_id: as_text(v.pointer("/message/headers/message-id")),
            url: as_text(v.get("url")).map(|u| crate::text::redact(&u)),
            reason: reason.map(|r| crate::text::redact(&r)),
            source: ctx.source(),
        },
        format!("{id}|{raw}|{ts}"),
    ))
}
