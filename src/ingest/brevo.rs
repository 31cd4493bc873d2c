//! Brevo (Sendinblue) transactional webhooks, one object, an array or NDJSON. The instant is
//! `ts_epoch` (UTC milliseconds), else `ts_event` (UTC seconds), else `date`, which Brevo
//! writes in local CET/CEST text (read in Europe/Paris, never in the event's zone). Campaign
//! key: the first tag, else `template_id`, else `X-Mailin-custom`. Brevo gives no event id
//! that is unique per event: exact repeats are removed.

use serde_json::Value;

use super::events::{read_events, unix_seconds, whole_record_key};
use super::reader::{as_f64, as_i64, as_text, Doc};
use super::Ctx;
use crate::tables::EmailRow;
use crate::timeutil::parse_instant;

/// Keys of an event that identify the format.
pub const SIGNATURE: &[&str] = &["event", "email", "message-id"];

fn canonical(event: &str) -> Option<&'static str> {
    Some(match event {
        "request" | "requests" => "queued",
        "delivered" => "delivered",
        "deferred" | "soft_bounce" | "soft_bounces" => "deferred",
        "hard_bounce" | "hard_bounces" => "bounced",
        "blocked" | "invalid_email" | "invalid" => "blocked",
        "opened" | "unique_opened" | "opens" | "unique_opens" => "opened",
        "click" | "clicks" => "clicked",
        "spam" => "complained",
        "unsubscribed" | "unsubscribe" => "unsubscribed",
        _ => return None,
    })
}

/// Reads the events.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), String> {
    read_events(doc.records(None)?, ctx, out, |v, ctx| {
        Ok((parse(v, ctx)?, whole_record_key(v)))
    });
    Ok(())
}

fn parse(v: &Value, ctx: &Ctx) -> Result<EmailRow, String> {
    let raw = as_text(v.get("event"))
        .ok_or("event: missing")?
        .to_lowercase();
    let event = canonical(&raw).ok_or_else(|| format!("event: unknown Brevo event '{raw}'"))?;
    let at = if let Some(ms) = as_i64(v.get("ts_epoch")) {
        unix_seconds("ts_epoch", ms as f64 / 1000.0)?
    } else if let Some(s) = as_f64(v.get("ts_event")).or_else(|| as_f64(v.get("ts"))) {
        unix_seconds("ts_event", s)?
    } else {
        let d = as_text(v.get("date")).ok_or("ts_epoch, ts_event, ts and date: all missing")?;
        parse_instant(&d, chrono_tz::Europe::Paris).map_err(|e| format!("date: {e}"))?
    };
    let email = as_text(v.get("email")).ok_or("email: missing")?;
    let tag = match v.get("tags").or_else(|| v.get("tag")) {
        Some(Value::Array(a)) => a.iter().find_map(|t| as_text(Some(t))),
        other => as_text(other),
    };
    let campaign = tag
        .or_else(|| as_text(v.get("template_id")))
        .or_else(|| as_text(v.get("X-Mailin-custom")));
    Ok(EmailRow {
        provider: Some("brevo".into()),
        event: Some(event.into()),
        at: Some(at),
        recipient: ctx.hash(&email),
        campaign,
        message_id: as_text(v.get("message-id")),
        url: as_text(v.get("link"))
            .or_else(|| as_text(v.get("url")))
            .map(|u| crate::text::redact(&u)),
        reason: as_text(v.get("reason")).map(|r| crate::text::redact(&r)),
        source: ctx.source(),
    })
}
