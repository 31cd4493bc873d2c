//! Brevo (Sendinblue) transactional webhooks, one object, an array or NDJSON. The instant is
//! `ts_epoch` (UTC milliseconds), else `ts_event` (UTC seconds), else `date`, which Brevo
//! writes in local CET/CEST text (read in Europe/Paris, never in the event's zone). Campaign
//! key: the first tag, else `template_id`, else `X-Mailin-custom`. Brevo gives no event id
//! that is unique per event: exact repeats are removed.

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::events::{canonical_name, read_events, unix_seconds, whole_record_key, Names};
use super::reader::{as_f64, as_i64, as_text, Doc};
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
    read_events(doc.records(None)?, ctx, out, |v, ctx| {
        Ok((parse(v, ctx)?, whole_record_key(v)))
    });
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

/// The first tag of a `tags` value read as text: a JSON array's first non-empty element, or
/// the text itself.
fn first_tag(text: &str) -> Option<String> {
    if !text.starts_with('[') {
        return Some(text.to_string());
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(a)) => a.iter().find_map(|t| as_text(Some(t))),
        _ => Some(text.to_string()),
    }
}

/// Reads NDJSON events or an array of them as columns (see [`columnar`]); `Ok(None)` when
/// the file's shape needs the row reader. Exact repeats are lines or items with the same JSON
/// text but for blank space (see [`columnar::line_keys`]). Events that only carry the local
/// `date` go to the row parser. Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some((text, place)) = columnar::json_lines(bytes) else {
        return Ok(None);
    };
    let Some((mut raw, lines)) = columnar::read_ndjson(&text, FIELDS) else {
        return Ok(None);
    };
    let keys = columnar::line_keys(&lines);
    raw.with_column(Column::new(columnar::KEY.into(), &keys))?;
    let staged = columnar::texts(&raw, FIELDS)
        .with_columns([col("event").str().to_lowercase().alias("__event")]);
    let t = |name: &str| col(name);
    let event = col("__event");
    let canonical = columnar::canonical_names(event, NAMES, lit(NULL).cast(DataType::String));
    let int = |name: &str| t(name).cast(DataType::Int64);
    // The row parser's order: ts_epoch (ms), else ts_event, else ts (s). Fractions and the
    // local `date` are left to it.
    let at = when(t("ts_epoch").is_not_null())
        .then(columnar::in_range_ms(int("ts_epoch")))
        .when(t("ts_event").is_not_null())
        .then(columnar::secs_ms(int("ts_event")))
        .when(t("ts").is_not_null())
        .then(columnar::secs_ms(int("ts")))
        .otherwise(lit(NULL).cast(DataType::Int64));
    // `tag` counts only where the event has no `tags` key: the row parser decides those.
    let ok = canonical
        .clone()
        .is_not_null()
        .and(at.clone().is_not_null())
        .and(t("email").is_not_null())
        .and(t("tags").is_not_null().or(t("tag").is_null()))
        .and(
            t("tags")
                .str()
                .starts_with(lit("{"))
                .fill_null(lit(false))
                .not(),
        )
        .and(columnar::flat(&[
            "event",
            "email",
            "ts_epoch",
            "ts_event",
            "ts",
            "template_id",
            "X-Mailin-custom",
            "message-id",
            "link",
            "url",
            "reason",
        ]));
    let mut fast = staged
        .select([
            lit("brevo").alias("provider"),
            canonical.alias("event"),
            at.alias("at"),
            t("email").alias("recipient"),
            t("tags").alias("campaign"),
            t("template_id"),
            t("X-Mailin-custom"),
            t("message-id").alias("message_id"),
            coalesce(&[t("link"), t("url")]).alias("url"),
            t("reason"),
            lit(ctx.report.path.as_str()).alias("source"),
            ok.fill_null(lit(false)).alias(columnar::OK),
            col(columnar::KEY),
        ])
        .collect()?;
    // `tags` as polars wrote an array is read back: only where that is exact.
    let ok =
        fast.column(columnar::OK)?.bool()?.clone() & columnar::faithful_column(&fast, "campaign")?;
    fast.with_column(ok.with_name(columnar::OK.into()).into_column())?;
    columnar::map_text(&mut fast, "campaign", first_tag)?;
    fast = fast
        .lazy()
        .with_column(
            coalesce(&[t("campaign"), t("template_id"), t("X-Mailin-custom")]).alias("campaign"),
        )
        .collect()?;
    columnar::protect_email(&mut fast, ctx)?;
    let shared: &Ctx = ctx;
    let outcome = columnar::finish_noting(
        fast,
        place,
        &shared.dst,
        |i| {
            let row = columnar::parse_line(lines[i], |v| parse(v, shared));
            Some(row.map(|row| (keys[i].to_string(), row)))
        },
        EmailRow::frame,
    )?;
    Ok(Some(ctx.apply(outcome)))
}

fn parse(v: &Value, ctx: &Ctx) -> Result<EmailRow, Reason> {
    let raw = as_text(v.get("event"))
        .ok_or_else(|| Reason::missing("event"))?
        .to_lowercase();
    let event = canonical_name(NAMES, &raw).ok_or_else(|| {
        let e = Reason::new("in-unknown-event")
            .arg("vendor", "Brevo")
            .arg("value", &raw);
        Reason::field("event", e)
    })?;
    let at = if let Some(ms) = as_i64(v.get("ts_epoch")) {
        unix_seconds("ts_epoch", ms as f64 / 1000.0)?
    } else if let Some(s) = as_f64(v.get("ts_event")).or_else(|| as_f64(v.get("ts"))) {
        unix_seconds("ts_event", s)?
    } else {
        let d = as_text(v.get("date")).ok_or_else(|| Reason::new("in-brevo-no-time"))?;
        ctx.instant_in(chrono_tz::Europe::Paris, "date", &d)?
    };
    let email = as_text(v.get("email")).ok_or_else(|| Reason::missing("email"))?;
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
