//! SendGrid Event Webhook payloads (a JSON array per POST, or NDJSON as saved). Traps handled:
//! `timestamp` as a string, capitalised `event` values, `category` as a string or an array,
//! `sg_message_id` missing on asynchronous bounces. Deduplicated on `sg_event_id`.
//! Campaign key: `marketing_campaign_name`, else `marketing_campaign_id`, else the first
//! `category`.

use serde_json::Value;

use super::events::{read_events, unix_seconds, whole_record_key};
use super::reader::{as_f64, as_text, Doc};
use super::Ctx;
use crate::tables::EmailRow;

/// Keys of an event that identify the format.
pub const SIGNATURE: &[&str] = &["event", "timestamp", "sg_event_id"];

/// SendGrid event (and bounce `type`) to canonical name.
fn canonical(event: &str, kind: Option<&str>) -> Option<&'static str> {
    Some(match (event, kind) {
        ("processed", _) => "queued",
        ("delivered", _) => "delivered",
        ("deferred", _) => "deferred",
        ("bounce", Some("blocked")) => "blocked",
        ("bounce", _) => "bounced",
        ("dropped", _) => "blocked",
        ("open", _) => "opened",
        ("click", _) => "clicked",
        ("spamreport", _) => "complained",
        ("unsubscribe" | "group_unsubscribe", _) => "unsubscribed",
        _ => return None,
    })
}

/// Reads the events.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), String> {
    read_events(doc.records(None)?, ctx, out, parse);
    Ok(())
}

fn parse(v: &Value, ctx: &Ctx) -> Result<(EmailRow, String), String> {
    let raw = as_text(v.get("event"))
        .ok_or("event: missing")?
        .to_lowercase();
    let kind = as_text(v.get("type")).map(|t| t.to_lowercase());
    let event = canonical(&raw, kind.as_deref())
        .ok_or_else(|| format!("event: '{raw}' has no canonical e-mail event (formats.md)"))?;
    let at = unix_seconds(
        "timestamp",
        as_f64(v.get("timestamp")).ok_or("timestamp: missing or not a number")?,
    )?;
    let email = as_text(v.get("email")).ok_or("email: missing")?;
    let category = match v.get("category") {
        Some(Value::Array(a)) => a.iter().find_map(|c| as_text(Some(c))),
        other => as_text(other),
    };
    let campaign = as_text(v.get("marketing_campaign_name"))
        .or_else(|| as_text(v.get("marketing_campaign_id")))
        .or(category);
    let key = as_text(v.get("sg_event_id")).unwrap_or_else(|| whole_record_key(v));
    let reason = as_text(v.get("reason")).or_else(|| as_text(v.get("response")));
    Ok((
        EmailRow {
            provider: Some("sendgrid".into()),
            event: Some(event.into()),
            at: Some(at),
            recipient: ctx.hash(&email),
            campaign,
            message_id: as_text(v.get("sg_message_id")).or_else(|| as_text(v.get("smtp-id"))),
            url: as_text(v.get("url")).map(|u| crate::text::redact(&u)),
            reason: reason.map(|r| crate::text::redact(&r)),
            source: ctx.source(),
        },
        key,
    ))
}
