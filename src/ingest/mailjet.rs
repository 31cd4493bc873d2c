//! Mailjet Event API (webhook) payloads: one object, an array ("Version 2" grouping) or NDJSON
//! as saved logs often are. Event names map to the canonical ones of formats.md (Mailjet's
//! `sent` means accepted by the recipient's server: delivered). The campaign key is
//! `customcampaign` when set, else `mj_campaign_id` (a number in some events, a string in
//! others). Mailjet gives no event id: webhook retries repeat an event exactly, so exact
//! repeats are removed and counted.

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::events::{canonical_name, read_events, unix_seconds, whole_record_key, Names};
use super::reader::{as_f64, as_text, Doc};
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
    read_events(doc.records(None)?, ctx, out, |v, ctx| {
        Ok((parse(v, ctx)?, whole_record_key(v)))
    });
    Ok(())
}

/// Fields read from each event by the columnar reader.
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

/// Reads NDJSON events or an array of them as columns (see [`columnar`]); `Ok(None)` when
/// the file's shape needs the row reader. Exact repeats are lines or items with the same
/// JSON text but for blank space (see [`columnar::line_keys`]), as webhook retries write them.
/// Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let mut steps = crate::timings::Steps::start(&ctx.report.path);
    let Some((text, place)) = columnar::json_lines(bytes) else {
        return Ok(None);
    };
    let Some(lines) = columnar::ndjson_lines(&text) else {
        return Ok(None);
    };
    steps.lap("lines");
    // A part at a time: its text columns are dropped before the next is read, and the pages
    // of the file it came from (the checks above went over all of them) are given back.
    // (`bytes`: the mapping itself, also when a JSON array's lines are a copy of it.)
    ctx.release(bytes);
    let part = columnar::part_records();
    let mut settled = Vec::new();
    let mut first_lines = columnar::FirstLines::default();
    for first in (0..lines.len()).step_by(part) {
        let to = (first + part).min(lines.len());
        let chunk = columnar::lines_text(&text, &lines, first, to);
        let Some(read) = columnar::plain_part(&lines[first..to], FIELDS) else {
            return Ok(None);
        };
        let keys = first_lines.keys(&read.prints);
        steps.lap("parse, line keys");
        settled.push(read_part(
            read.frame,
            &keys,
            &lines[first..to],
            first,
            place,
            ctx,
            &mut steps,
        )?);
        ctx.release(chunk);
    }
    let outcome = columnar::finish_parts(settled)?;
    steps.lap("dedup");
    steps.done();
    Ok(Some(ctx.apply(outcome)))
}

/// One part of the events (see [`read_columnar`]): `lines[i]` is record `first + i`, with
/// the deduplication key `keys[i]`.
fn read_part(
    mut raw: DataFrame,
    keys: &[u32],
    lines: &[&[u8]],
    first: usize,
    place: columnar::Place,
    ctx: &Ctx,
    steps: &mut crate::timings::Steps,
) -> PolarsResult<columnar::Settled> {
    raw.with_column(Column::new(columnar::KEY.into(), keys))?;
    // Stage by stage, so that each field is trimmed once.
    let staged = columnar::texts(&raw, FIELDS)
        .with_columns([col("event").str().to_lowercase().alias("__event")]);
    let t = |name: &str| col(name);
    let event = col("__event");
    let canonical = columnar::canonical_names(event, NAMES, lit(NULL).cast(DataType::String));
    let secs = t("time").cast(DataType::Int64);
    let at = columnar::secs_ms(secs);
    let (related, error) = (t("error_related_to"), t("error"));
    let reason = when(
        related
            .clone()
            .is_not_null()
            .and(error.clone().is_not_null()),
    )
    .then(concat_str(
        [related.clone(), lit(": "), error.clone()],
        "",
        false,
    ))
    .otherwise(coalesce(&[related, error]));
    let ok = canonical
        .clone()
        .is_not_null()
        .and(at.clone().is_not_null())
        .and(t("email").is_not_null())
        .and(col(columnar::PLAIN));
    let mut fast = staged
        .select([
            lit("mailjet").alias("provider"),
            canonical.alias("event"),
            at.alias("at"),
            t("email").alias("recipient"),
            coalesce(&[t("customcampaign"), t("mj_campaign_id")]).alias("campaign"),
            coalesce(&[t("MessageID"), t("mj_message_id")]).alias("message_id"),
            t("url").alias("url"),
            reason.alias("reason"),
            lit(ctx.report.path.as_str()).alias("source"),
            ok.fill_null(lit(false)).alias(columnar::OK),
            col(columnar::KEY),
        ])
        .collect()?;
    steps.lap("expressions");
    columnar::protect_email(&mut fast, ctx)?;
    steps.lap("hash, redact");
    let shared: &Ctx = ctx;
    let settled = columnar::settle(
        fast,
        first,
        place,
        &Default::default(),
        |i| {
            let row = columnar::parse_line(lines[i], |v| parse(v, shared));
            Some(row.map(|row| (keys[i].to_string(), row)))
        },
        EmailRow::frame,
    );
    steps.lap("settle");
    settled
}

fn parse(v: &Value, ctx: &Ctx) -> Result<EmailRow, Reason> {
    let raw_event = as_text(v.get("event"))
        .ok_or_else(|| Reason::missing("event"))?
        .to_lowercase();
    let event = canonical_name(NAMES, &raw_event).ok_or_else(|| {
        let e = Reason::new("in-unknown-event")
            .arg("vendor", "Mailjet")
            .arg("value", &raw_event);
        Reason::field("event", e)
    })?;
    let time = unix_seconds(
        "time",
        as_f64(v.get("time"))
            .ok_or_else(|| Reason::field("time", Reason::new("in-missing-or-not-a-number")))?,
    )?;
    let email = as_text(v.get("email")).ok_or_else(|| Reason::missing("email"))?;
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
