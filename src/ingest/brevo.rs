//! Brevo (Sendinblue) transactional webhooks, one object, an array or NDJSON. The instant is
//! `ts_epoch` (UTC milliseconds), else `ts_event` (UTC seconds), else `date`, which Brevo
//! writes in local CET/CEST text (read in Europe/Paris, never in the event's zone). Campaign
//! key: the first tag, else `template_id`, else `X-Mailin-custom`. Brevo gives no event id
//! that is unique per event: exact repeats are removed.

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
pub const SIGNATURE: &[&str] = &["event", "email", "message-id"];

/// Brevo event names and their canonical names.
const NAMES: &Names = &[
    ("request", "queued"),
    ("requests", "queued"),
    ("delivered", "delivered"),
    ("deferred", "deferred"),
    ("soft_bounce", "deferred"),
    ("soft_bounces", "deferred"),
    ("hard_bounce", "bounced"),
    ("hard_bounces", "bounced"),
    ("blocked", "blocked"),
    ("invalid_email", "blocked"),
    ("invalid", "blocked"),
    ("opened", "opened"),
    ("unique_opened", "opened"),
    ("opens", "opened"),
    ("unique_opens", "opened"),
    ("click", "clicked"),
    ("clicks", "clicked"),
    ("spam", "complained"),
    ("unsubscribed", "unsubscribed"),
    ("unsubscribe", "unsubscribed"),
];

/// Reads the events.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), Reason> {
    read_events(doc.records(None)?, ctx, out, parse);
    Ok(())
}

/// Fields read from each event by the columnar reader.
const FIELDS: &[&str] = &[
    "event",
    "email",
    "ts_epoch",
    "ts_event",
    "ts",
    "date",
    "tags",
    "tag",
    "template_id",
    "X-Mailin-custom",
    "message-id",
    "link",
    "url",
    "reason",
];

/// Reads NDJSON events or an array of them a part at a time, each by [`parse`], the one
/// statement of Brevo's rules, on every core (see [`columnar::read_lines`]). Exact repeats
/// are lines or items with the same JSON text but for blank space (see
/// [`columnar::FirstLines`]). `Ok(None)` when the file's shape needs the row reader.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let lines = columnar::read_lines(
        bytes,
        ctx,
        FIELDS,
        Dedup::Lines,
        0,
        fields_or_line!(parse),
        EmailRow::frame,
    )?;
    Ok(lines.map(|(frame, _)| frame))
}

/// Brevo's rules for one event, whether it was parsed whole or only its [`FIELDS`] were
/// read. Brevo gives no id that is unique per event.
fn parse(v: &impl Fields, r: &Reading) -> Parsed<EmailRow> {
    let written = v.text("event").ok_or_else(|| Reason::missing("event"))?;
    let raw = crate::text::lower(&written);
    let event = canonical_name(NAMES, &raw).ok_or_else(|| {
        let e = Reason::new("in-unknown-event")
            .arg("vendor", "Brevo")
            .arg("value", &raw);
        Reason::field("event", e)
    })?;
    let at = if let Some(ms) = v.integer("ts_epoch") {
        unix_seconds("ts_epoch", ms as f64 / 1000.0)?
    } else if let Some(s) = v.number("ts_event").or_else(|| v.number("ts")) {
        unix_seconds("ts_event", s)?
    } else {
        let d = v
            .text("date")
            .ok_or_else(|| Reason::new("in-brevo-no-time"))?;
        r.instant_in(chrono_tz::Europe::Paris, "date", &d)?
    };
    let email = v.text("email").ok_or_else(|| Reason::missing("email"))?;
    // `tags` where the event writes it (even as null), else `tag`.
    let tag = if v.has("tags") {
        v.first("tags")
    } else {
        v.first("tag")
    };
    let owned = |t: Option<Cow<str>>| t.map(Cow::into_owned);
    let campaign = owned(
        tag.or_else(|| v.text("template_id"))
            .or_else(|| v.text("X-Mailin-custom")),
    );
    let row = EmailRow {
        provider: Some("brevo"),
        event: Some(event),
        at: Some(at),
        recipient: r.hash(&email),
        campaign,
        message_id: owned(v.text("message-id")),
        url: v
            .text("link")
            .or_else(|| v.text("url"))
            .map(|u| crate::text::redact(&u)),
        reason: v.text("reason").map(|t| crate::text::redact(&t)),
        source: r.source(),
    };
    Ok((row, None))
}

/// `brevo-events`: the webhook export.
pub const EVENTS: Adapter = Adapter {
    name: "brevo-events",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[SIGNATURE],
    documented: &[
        "event",
        "email",
        "id",
        "date",
        "ts",
        "ts_event",
        "ts_epoch",
        "message-id",
        "subject",
        "tag",
        "tags",
        "template_id",
        "X-Mailin-custom",
        "sending_ip",
        "link",
        "reason",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Email(read, Some(read_columnar)),
};
