//! Mailjet Event API (webhook) payloads: one object, an array ("Version 2" grouping) or NDJSON
//! as saved logs often are. Event names map to the canonical ones of formats.md (Mailjet's
//! `sent` means accepted by the recipient's server: delivered). The campaign key is
//! `customcampaign` when set, else `mj_campaign_id` (a number in some events, a string in
//! others). Webhook retries repeat an event exactly: such repeats are removed and counted.

use std::collections::HashSet;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::reader::{as_f64, as_text, Doc};
use super::Ctx;
use crate::tables::EmailRow;
use crate::timeutil::from_unix_seconds;

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
    let records = doc.records(None)?;
    let mut seen: HashSet<[u8; 32]> = HashSet::new();
    for rec in records {
        ctx.read();
        let v = match &rec.value {
            Ok(v) => *v,
            Err(e) => {
                ctx.reject(rec.line, rec.reason(e));
                continue;
            }
        };
        match parse(v, ctx) {
            Ok(row) => {
                // serde_json's map is ordered by key, so the text is canonical.
                let digest: [u8; 32] = Sha256::digest(v.to_string().as_bytes()).into();
                if seen.insert(digest) {
                    ctx.kept();
                    out.push(row);
                } else {
                    ctx.duplicate();
                }
            }
            Err(reason) => ctx.reject(rec.line, rec.reason(&reason)),
        }
    }
    Ok(())
}

fn parse(v: &Value, ctx: &Ctx) -> Result<EmailRow, String> {
    if !v.is_object() {
        return Err("not a JSON object".into());
    }
    let raw_event = as_text(v.get("event"))
        .ok_or("event: missing")?
        .to_lowercase();
    let event = canonical(&raw_event)
        .ok_or_else(|| format!("event: unknown Mailjet event '{raw_event}'"))?;
    let time = as_f64(v.get("time")).ok_or("time: missing or not a number")?;
    if !(946_684_800.0..4_102_444_800.0).contains(&time) {
        return Err(format!(
            "time: {time} is not unix seconds between 2000 and 2100"
        ));
    }
    let email = as_text(v.get("email")).ok_or("email: missing")?;
    let campaign = as_text(v.get("customcampaign")).or_else(|| as_text(v.get("mj_campaign_id")));
    let reason = match (as_text(v.get("error_related_to")), as_text(v.get("error"))) {
        (Some(a), Some(b)) => Some(format!("{a}: {b}")),
        (a, b) => a.or(b),
    };
    Ok(EmailRow {
        provider: Some("mailjet".into()),
        event: Some(event.into()),
        at: Some(from_unix_seconds(time)),
        recipient: ctx.hash(&email),
        campaign,
        message_id: as_text(v.get("MessageID")).or_else(|| as_text(v.get("mj_message_id"))),
        url: as_text(v.get("url")),
        reason: reason.map(|r| crate::text::redact(&r)),
        source: ctx.source(),
    })
}
