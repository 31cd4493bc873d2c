//! SendGrid Event Webhook payloads (a JSON array per POST, or NDJSON as saved). Traps handled:
//! `timestamp` as a string, capitalised `event` values, `category` as a string or an array,
//! `sg_message_id` missing on asynchronous bounces, and `timestamp` in milliseconds (SendGrid
//! documents seconds, but its own single-send example writes `1591726752372`): the unit is
//! decided by magnitude, and the events so read are counted in a note. Deduplicated on
//! `sg_event_id`.
//! Campaign key: `marketing_campaign_name`, else `marketing_campaign_id`, else the first
//! `category`.

use std::borrow::Cow;

use polars::prelude::*;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::columnar::{fields_or_line, Dedup, Parsed};
use super::events::{canonical_name, read_events, unix_seconds, Names};
use super::reader::{Doc, Fields};
use super::reading::Reading;
use super::{Ctx, Reason};
use crate::tables::EmailRow;

/// Keys of an event that identify the format.
pub const SIGNATURE: &[&str] = &["event", "timestamp", "sg_event_id"];

/// SendGrid event (and bounce `type`) to canonical name.
fn canonical(event: &str, kind: Option<&str>) -> Option<&'static str> {
    match (event, kind) {
        ("bounce", Some("blocked")) => Some("blocked"),
        ("bounce", _) => Some("bounced"),
        _ => canonical_name(NAMES, event),
    }
}

/// Reads the events.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), Reason> {
    read_events(doc.records(None)?, ctx, out, parse);
    let millis = ctx.tally.get();
    note_millis(ctx, millis);
    Ok(())
}

/// Whether a `timestamp` is unix milliseconds between 2000 and 2100 (never unix seconds in
/// those years: those are a thousand times smaller).
fn in_millis(n: f64) -> bool {
    use crate::timeutil::{EARLIEST, LATEST};
    (EARLIEST as f64..LATEST as f64).contains(&n)
}

/// A `timestamp` to milliseconds: unix seconds as documented, or milliseconds by magnitude.
fn instant(n: f64) -> Result<i64, Reason> {
    if in_millis(n) {
        return Ok(n.round() as i64);
    }
    unix_seconds("timestamp", n)
        .map_err(|_| Reason::field("timestamp", Reason::new("in-not-epoch").arg("value", n)))
}

/// Says how many events had their `timestamp` in milliseconds.
fn note_millis(ctx: &mut Ctx, count: u64) {
    if count > 0 {
        let reason = Reason::new("in-sendgrid-millis").count("n", count as i64);
        ctx.warn(None, reason);
    }
}

/// Fields read from each event by the columnar reader.
const FIELDS: &[&str] = &[
    "event",
    "type",
    "timestamp",
    "email",
    "marketing_campaign_name",
    "marketing_campaign_id",
    "category",
    "sg_event_id",
    "sg_message_id",
    "smtp-id",
    "url",
    "reason",
    "response",
];

/// SendGrid events and their canonical names, apart from `bounce` (see [`canonical`]).
const NAMES: &Names = &[
    ("processed", "queued"),
    ("delivered", "delivered"),
    ("deferred", "deferred"),
    ("dropped", "blocked"),
    ("open", "opened"),
    ("click", "clicked"),
    ("spamreport", "complained"),
    ("unsubscribe", "unsubscribed"),
    ("group_unsubscribe", "unsubscribed"),
];

/// Reads NDJSON events or an array of them a part at a time, each by [`parse`], the one
/// statement of SendGrid's rules, on every core (see [`columnar::read_lines`]). `Ok(None)`
/// when the file's shape needs the row reader.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some((frame, millis)) = columnar::read_lines(
        bytes,
        ctx,
        FIELDS,
        Dedup::Ids,
        0,
        fields_or_line!(parse),
        EmailRow::frame,
    )?
    else {
        return Ok(None);
    };
    note_millis(ctx, millis);
    Ok(Some(frame))
}

/// SendGrid's rules for one event, whether it was parsed whole or only its [`FIELDS`] were
/// read; its id is `sg_event_id`. An event whose `timestamp` is in milliseconds is counted
/// in the reading's tally, whatever becomes of it.
fn parse(v: &impl Fields, r: &Reading) -> Parsed<EmailRow> {
    let timestamp = v.number("timestamp");
    if timestamp.is_some_and(in_millis) {
        r.count();
    }
    let written = v.text("event").ok_or_else(|| Reason::missing("event"))?;
    let raw = crate::text::lower(&written);
    let kind = v.text("type").map(|t| t.to_lowercase());
    let event = canonical(&raw, kind.as_deref())
        .ok_or_else(|| Reason::not_a("event", "in-no-canonical-event", &raw))?;
    let timestamp = timestamp
        .ok_or_else(|| Reason::field("timestamp", Reason::new("in-missing-or-not-a-number")))?;
    let at = instant(timestamp)?;
    let email = v.text("email").ok_or_else(|| Reason::missing("email"))?;
    let owned = |t: Option<Cow<str>>| t.map(Cow::into_owned);
    let campaign = owned(
        v.text("marketing_campaign_name")
            .or_else(|| v.text("marketing_campaign_id"))
            .or_else(|| v.first("category")),
    );
    let reason = v.text("reason").or_else(|| v.text("response"));
    let row = EmailRow {
        provider: Some("sendgrid"),
        event: Some(event),
        at: Some(at),
        recipient: r.hash(&email),
        campaign,
        message_id: owned(v.text("sg_message_id").or_else(|| v.text("smtp-id"))),
        url: v.text("url").map(|u| crate::text::redact(&u)),
        reason: reason.map(|r| crate::text::redact(&r)),
        source: r.source(),
    };
    Ok((row, owned(v.text("sg_event_id"))))
}

/// `sendgrid-events`: the Event Webhook export.
pub const EVENTS: Adapter = Adapter {
    name: "sendgrid-events",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[SIGNATURE],
    documented: &[
        "email",
        "timestamp",
        "smtp-id",
        "event",
        "category",
        "sg_event_id",
        "sg_message_id",
        "useragent",
        "ip",
        "url",
        "reason",
        "status",
        "response",
        "attempt",
        "type",
        "tls",
        "asm_group_id",
        "marketing_campaign_id",
        "marketing_campaign_name",
        "singlesend_id",
        "singlesend_name",
        "mc_stats",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Email(read, Some(read_columnar)),
};
