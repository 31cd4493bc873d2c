//! Mailjet Event API (webhook) payloads: one object, an array ("Version 2" grouping) or NDJSON
//! as saved logs often are. Event names map to the canonical ones of formats.md (Mailjet's
//! `sent` means accepted by the recipient's server: delivered). The campaign key is
//! `customcampaign` when set, else `mj_campaign_id` (a number in some events, a string in
//! others). Mailjet gives no event id: webhook retries repeat an event exactly, so exact
//! repeats are removed and counted.

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
pub const SIGNATURE: &[&str] = &["event", "time", "mj_contact_id"];

/// Mailjet event names and their canonical names.
const NAMES: &Names = &[
    ("sent", "delivered"),
    ("open", "opened"),
    ("click", "clicked"),
    ("bounce", "bounced"),
    ("blocked", "blocked"),
    ("spam", "complained"),
    ("unsub", "unsubscribed"),
];

/// Reads the events.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), Reason> {
    read_events(doc.records(None)?, ctx, out, parse);
    Ok(())
}

/// Fields read from each event by the columnar reader: those [`parse`] reads.
const FIELDS: &[&str] = &[
    "event",
    "time",
    "email",
    "customcampaign",
    "mj_campaign_id",
    "MessageID",
    "mj_message_id",
    "url",
    "error_related_to",
    "error",
];

/// Reads NDJSON events or an array of them a part at a time, each line by [`parse`], the
/// one statement of Mailjet's rules, on every core (see [`columnar::read_lines`]). Exact
/// repeats are lines or items with the same JSON text but for blank space (see
/// [`columnar::FirstLines`]), as webhook retries write them. `Ok(None)` when the file's shape
/// needs the row reader.
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

/// Mailjet's rules for one event, whether it was parsed whole or only its [`FIELDS`] were
/// read. Mailjet gives no event id.
fn parse(v: &impl Fields, r: &Reading) -> Parsed<EmailRow> {
    let written = v.text("event").ok_or_else(|| Reason::missing("event"))?;
    let raw_event = crate::text::lower(&written);
    let event = canonical_name(NAMES, &raw_event).ok_or_else(|| {
        let e = Reason::new("in-unknown-event")
            .arg("vendor", "Mailjet")
            .arg("value", &raw_event);
        Reason::field("event", e)
    })?;
    let time = unix_seconds(
        "time",
        v.number("time")
            .ok_or_else(|| Reason::field("time", Reason::new("in-missing-or-not-a-number")))?,
    )?;
    let email = v.text("email").ok_or_else(|| Reason::missing("email"))?;
    let owned = |t: Option<Cow<str>>| t.map(Cow::into_owned);
    let campaign = owned(
        v.text("customcampaign")
            .or_else(|| v.text("mj_campaign_id")),
    );
    let reason = match (v.text("error_related_to"), v.text("error")) {
        (Some(a), Some(b)) => Some(format!("{a}: {b}")),
        (a, b) => owned(a.or(b)),
    };
    let row = EmailRow {
        provider: Some("mailjet"),
        event: Some(event),
        at: Some(time),
        recipient: r.hash(&email),
        campaign,
        message_id: owned(v.text("MessageID").or_else(|| v.text("mj_message_id"))),
        url: v.text("url").map(|u| crate::text::redact(&u)),
        reason: reason.map(|r| crate::text::redact(&r)),
        source: r.source(),
    };
    Ok((row, None))
}

/// `mailjet-events`: the event API or webhook export.
pub const EVENTS: Adapter = Adapter {
    name: "mailjet-events",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[SIGNATURE],
    documented: &[
        "event",
        "time",
        "email",
        "mj_campaign_id",
        "mj_contact_id",
        "customcampaign",
        "MessageID",
        "CustomID",
        "Payload",
        "mj_message_id",
        "smtp_reply",
        "ip",
        "geo",
        "agent",
        "url",
        "blocked",
        "hard_bounce",
        "error_related_to",
        "error",
        "source",
        "mj_list_id",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Email(read, Some(read_columnar)),
};
