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
use super::events::{canonical_name, read_events, unix_seconds, whole_record_key, Names};
use super::reader::{Doc, Fields};
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
    let who = Who::of(ctx);
    read_events(doc.records(None)?, ctx, out, |v, _| {
        Ok((parse(v, &who)?, whole_record_key(v)))
    });
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
/// one statement of Mailjet's rules: a line whose fields are all plain (see
/// [`columnar::plain_records`]) is parsed from them alone, on every core, any other whole.
/// `Ok(None)` when the file's shape needs the row reader. Exact repeats are lines or items
/// with the same JSON text but for blank space (see [`columnar::line_keys`]), as webhook
/// retries write them. Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let mut steps = crate::timings::Steps::start(&ctx.report.path);
    let Some((text, place)) = columnar::json_lines(bytes) else {
        return Ok(None);
    };
    let Some(lines) = columnar::ndjson_lines_passing(&text, |passed| ctx.release(passed)) else {
        return Ok(None);
    };
    steps.lap("lines");
    // A part at a time: its rows are dropped once they are a frame, and the pages of the
    // file it came from (the check above went over all of them) are given back. (`bytes`:
    // the mapping itself, also when a JSON array's lines are a copy of it.)
    ctx.release(bytes);
    let (salt, source) = (ctx.config.salt.clone(), ctx.report.path.clone());
    let part = columnar::part_records();
    let mut settled = Vec::new();
    let mut first_lines = columnar::FirstLines::default();
    for first in (0..lines.len()).step_by(part) {
        let to = (first + part).min(lines.len());
        let chunk = columnar::lines_text(&text, &lines, first, to);
        let read = columnar::plain_records(
            &lines[first..to],
            FIELDS,
            || Who::new(&salt, &source),
            |who, fields| match fields {
                Ok(fields) => parse(fields, who),
                Err(line) => columnar::parse_line(line, |v| parse(v, who)),
            },
            EmailRow::frame,
        );
        let Some(read) = read else {
            return Ok(None);
        };
        let read = read?;
        let keys = first_lines.keys(&read.prints);
        steps.lap("read");
        settled.push(read.settled(&keys, first, place)?);
        ctx.release(chunk);
    }
    let outcome = columnar::finish_parts(settled)?;
    steps.lap("dedup");
    steps.done();
    Ok(Some(ctx.apply(outcome)))
}

/// What a row takes from the run rather than the record: the salt its recipient is hashed
/// with and the file it came from.
struct Who {
    salt: String,
    source: String,
}

impl Who {
    fn of(ctx: &Ctx) -> Who {
        Who::new(&ctx.config.salt, &ctx.report.path)
    }

    fn new(salt: &str, source: &str) -> Who {
        Who {
            salt: salt.to_string(),
            source: source.to_string(),
        }
    }

    /// The participant key of an address (docs/definitions.md). Hashed each time: SHA-256
    /// of an address is about as fast as looking it up in a table of those hashed so far
    /// (with the hardware's SHA instructions), and needs no table.
    fn hash(&self, email: &str) -> Option<u64> {
        crate::text::participant_hash(email, &self.salt)
    }
}

/// Mailjet's rules for one event, whether it was parsed whole or only its [`FIELDS`] were read.
fn parse(v: &impl Fields, who: &Who) -> Result<EmailRow, Reason> {
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
    Ok(EmailRow {
        provider: Some("mailjet".into()),
        event: Some(event.into()),
        at: Some(time),
        recipient: who.hash(&email),
        campaign,
        message_id: owned(v.text("MessageID").or_else(|| v.text("mj_message_id"))),
        url: v.text("url").map(|u| crate::text::redact(&u)),
        reason: reason.map(|r| crate::text::redact(&r)),
        source: Some(who.source.clone()),
    })
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
