//! SendGrid Event Webhook payloads (a JSON array per POST, or NDJSON as saved). Traps handled:
//! `timestamp` as a string, capitalised `event` values, `category` as a string or an array,
//! `sg_message_id` missing on asynchronous bounces, and `timestamp` in milliseconds (SendGrid
//! documents seconds, but its own single-send example writes `1591726752372`): the unit is
//! decided by magnitude, and the events so read are counted in a note. Deduplicated on
//! `sg_event_id`.
//! Campaign key: `marketing_campaign_name`, else `marketing_campaign_id`, else the first
//! `category`.

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::events::{canonical_name, read_events, unix_seconds, whole_record_key, Names};
use super::reader::{as_f64, as_text, Doc};
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
    // Two passes: a document read an item at a time is parsed twice, never held whole.
    let millis = doc
        .records(None)?
        .filter(|r| {
            r.value
                .as_ref()
                .is_ok_and(|v| as_f64(v.get("timestamp")).is_some_and(in_millis))
        })
        .count();
    read_events(doc.records(None)?, ctx, out, parse);
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
fn note_millis(ctx: &mut Ctx, count: usize) {
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

/// Reads NDJSON events as columns (see [`columnar`]); `Ok(None)` when the file's shape needs
/// the row reader. Events without an `sg_event_id`, with `category` as an array, or with a
/// fractional timestamp go through the row parser. Nothing is counted unless the read
/// succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some((text, place)) = columnar::json_lines(bytes) else {
        return Ok(None);
    };
    let Some((raw, lines)) = columnar::read_ndjson(&text, FIELDS) else {
        return Ok(None);
    };
    let staged = columnar::texts(&raw, FIELDS).with_columns([
        col("event").str().to_lowercase().alias("__event"),
        col("type").str().to_lowercase().alias("__type"),
    ]);
    let t = |name: &str| col(name);
    let event = col("__event");
    let bounce = when(col("__type").eq(lit("blocked")).fill_null(lit(false)))
        .then(lit("blocked"))
        .otherwise(lit("bounced"));
    let canonical = columnar::canonical_names(
        event.clone(),
        NAMES,
        when(event.eq(lit("bounce")))
            .then(bounce)
            .otherwise(lit(NULL).cast(DataType::String)),
    );
    // Whole seconds or whole milliseconds, by magnitude (see [`instant`]); anything else is
    // the row parser's.
    let whole = t("timestamp").cast(DataType::Int64);
    let at = when(columnar::in_years(whole.clone(), 1000))
        .then(whole.clone() * lit(1000i64))
        .when(columnar::in_years(whole.clone(), 1))
        .then(whole)
        .otherwise(lit(NULL).cast(DataType::Int64));
    let millis = columnar::in_years(t("timestamp").cast(DataType::Float64), 1);
    // A nested value (a `category` array, say) goes to the row parser.
    let ok = canonical
        .clone()
        .is_not_null()
        .and(at.clone().is_not_null())
        .and(t("email").is_not_null())
        .and(t("sg_event_id").is_not_null())
        .and(columnar::flat(FIELDS));
    let mut fast = staged
        .select([
            lit("sendgrid").alias("provider"),
            canonical.alias("event"),
            at.alias("at"),
            t("email").alias("recipient"),
            coalesce(&[
                t("marketing_campaign_name"),
                t("marketing_campaign_id"),
                t("category"),
            ])
            .alias("campaign"),
            coalesce(&[t("sg_message_id"), t("smtp-id")]).alias("message_id"),
            t("url").alias("url"),
            coalesce(&[t("reason"), t("response")]).alias("reason"),
            lit(ctx.report.path.as_str()).alias("source"),
            ok.fill_null(lit(false)).alias(columnar::OK),
            t("sg_event_id").alias(columnar::KEY),
            millis.fill_null(lit(false)).alias("__millis"),
        ])
        .collect()?;
    let millis = fast.column("__millis")?.bool()?.sum().unwrap_or(0) as usize;
    columnar::protect_email(&mut fast, ctx)?;
    let shared: &Ctx = ctx;
    let outcome = columnar::finish(
        fast,
        place,
        |i| {
            let row = columnar::parse_line(lines[i], |v| parse(v, shared));
            Some(row.map(|(row, key)| (key, row)))
        },
        EmailRow::frame,
    )?;
    let frame = ctx.apply(outcome);
    note_millis(ctx, millis);
    Ok(Some(frame))
}

fn parse(v: &Value, ctx: &Ctx) -> Result<(EmailRow, String), Reason> {
    let raw = as_text(v.get("event"))
        .ok_or_else(|| Reason::missing("event"))?
        .to_lowercase();
    let kind = as_text(v.get("type")).map(|t| t.to_lowercase());
    let event = canonical(&raw, kind.as_deref())
        .ok_or_else(|| Reason::not_a("event", "in-no-canonical-event", &raw))?;
    let timestamp = as_f64(v.get("timestamp"))
        .ok_or_else(|| Reason::field("timestamp", Reason::new("in-missing-or-not-a-number")))?;
    let at = instant(timestamp)?;
    let email = as_text(v.get("email")).ok_or_else(|| Reason::missing("email"))?;
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
