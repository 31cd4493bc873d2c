//! Mailjet Event API (webhook) payloads: one object, an array ("Version 2" grouping) or NDJSON
//! as saved logs often are. Event names map to the canonical ones of formats.md (Mailjet's
//! `sent` means accepted by the recipient's server: delivered). The campaign key is
//! `customcampaign` when set, else `mj_campaign_id` (a number in some events, a string in
//! others). Mailjet gives no event id: webhook retries repeat an event exactly, so exact
//! repeats are removed and counted.

use serde_json::Value;

use super::events::{read_events, unix_seconds, whole_record_key};
use super::reader::{as_f64, as_text, Doc};
use super::Ctx;
use crate::tables::EmailRow;

/// Keys of an event that identify the format.
pub const SIGNATURE: &[&str] = &["event", "time", "mj_contact_id"];

/// Mailjet event name to canonical name.
fn canonical(event: &str) -> Option<&'static str> {
    Some(match event {
        "sent" => "delivered",
        "open" => "opened",
        "click" => "clicked",
        "bounce" => "bounced",
        "blocked" => "blocked",
        "spam" => "complained",
        "unsub" => "unsubscribed",
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
    let raw_event = as_text(v.get("event"))
        .ok_or("event: missing")?
        .to_lowercase();
    let event = canonical(&raw_event)
        .ok_or_else(|| format!("event: unknown Mailjet event '{raw_event}'"))?;
    let time = unix_seconds(
        "time",
        as_f64(v.get("time")).ok_or("time: missing or not a number")?,
    )?;
    let email = as_text(v.get("email")).ok_or("email: missing")?;
    let campaign = as_text(v.get("customcampaign")).or_else(|| as_text(v.get("mj_campaign_id")));
    let reason = match (as_text(v.get("error_related_to")), as_text(v.get("error"))) {
        (Some(a), Some(b)) => Some(format!("{a}: {b}")),
        (a, b) => a.or(b),
    };
    Ok(EmailRow {
        provider: Some("mailjet".into()),
        event: Some(event.into()),
        at: Some(time),
        recipient: ctx.hash(&email),
        campaign,
        message_id: as_text(v.get("MessageID")).or_else(|| as_text(v.get("mj_message_id"))),
        url: as_text(v.get("url")).map(|u| crate::text::redact(&u)),
        reason: reason.map(|r| crate::text::redact(&r)),
        source: ctx.source(),
    })
}
