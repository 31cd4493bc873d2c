//! Mailgun events: the Events API's pages (`items`), saved webhooks
//! (`{"signature": ..., "event-data": ...}`, one per file or one per line), or bare events
//! (the `event-data` object on its own, as Mailgun's docs now show payloads). `timestamp` is
//! fractional unix seconds; `failed` splits by `severity` into bounced (permanent) and deferred
//! (temporary). Mailgun's `id` is unique within a day only, so duplicates are keyed on the id
//! with the event and its instant. Campaign key: the first of `campaigns` (name, else id), else
//! the first tag, else `user-variables.campaign`.

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::events::{canonical_name, read_events, unix_seconds, Names};
use super::reader::{as_f64, as_text, Doc, Records};
use super::{Ctx, Reason};
use crate::tables::EmailRow;

/// The three shapes: an API page, a webhook payload, a bare event.
pub const SIGNATURES: &[&[&str]] = &[
    &["items", "items.event", "items.timestamp"],
    &["signature", "event-data"],
    &["event", "timestamp", "id", "recipient"],
];

/// The event a record holds: a webhook's `event-data`, or the record itself when it is a bare
/// event.
fn event_data(v: &Value) -> Result<&Value, Reason> {
    match v.get("event-data") {
        Some(data) if data.is_object() => Ok(data),
        Some(_) => Err(Reason::new("in-not-object")),
        None if v.get("event").is_some() => Ok(v),
        None => Err(Reason::new("in-no-event-data")),
    }
}

/// Mailgun events and their canonical names, apart from `failed` (see [`canonical`]).
const NAMES: &Names = &[
    ("accepted", "queued"),
    ("rejected", "blocked"),
    ("delivered", "delivered"),
    ("opened", "opened"),
    ("clicked", "clicked"),
    ("unsubscribed", "unsubscribed"),
    ("complained", "complained"),
];

/// Mailgun event (and `failed`'s severity) to canonical name.
fn canonical(event: &str, severity: Option<&str>) -> Option<&'static str> {
    match (event, severity) {
        ("failed", Some("temporary")) => Some("deferred"),
        ("failed", _) => Some("bounced"),
        _ => canonical_name(NAMES, event),
    }
}

/// Reads a page, a webhook, or NDJSON of webhooks.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<EmailRow>) -> Result<(), Reason> {
    let records: Records = match doc {
        Doc::Json(root) if root.get("items").is_some() => doc.records(Some("items"))?,
        _ => Box::new(doc.records(None)?.map(|r| r.part(event_data))),
    };
    read_events(records, ctx, out, parse);
    Ok(())
}

/// Fields of `event-data` read by the columnar reader; nested objects are read as text, then
/// their fields.
const FIELDS: &[&str] = &[
    "event",
    "severity",
    "timestamp",
    "recipient",
    "id",
    "url",
    "reason",
    "campaigns",
    "tags",
    "user-variables",
    "delivery-status",
    "message",
];

/// The first element of a JSON array read as text, if it is one.
fn first_of(text: &str) -> Option<Value> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(a)) => a.into_iter().next(),
        _ => None,
    }
}

/// Reads NDJSON webhooks as columns (see [`columnar`]); `Ok(None)` when the file's shape
/// needs the row reader (a one-line file is a document: an API page or a single webhook).
/// Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    // `event-data` as text, then its fields, and so on down: polars reads nested schemas
    // several times slower than flat ones.
    let Some((text, place)) = columnar::json_lines(bytes) else {
        return Ok(None);
    };
    let Some((raw, lines)) = columnar::read_ndjson(&text, &["event-data"]) else {
        return Ok(None);
    };
    if lines.len() < 2 {
        return Ok(None);
    }
    // Bare events: each line is the event itself.
    let wrapped = raw.column("event-data")?;
    let bare = wrapped.null_count() == wrapped.len();
    let events = if bare {
        let texts: Vec<Option<&str>> = lines
            .iter()
            .map(|l| std::str::from_utf8(l).ok().map(str::trim_end))
            .collect();
        Column::new("event-data".into(), texts)
    } else {
        wrapped.clone()
    };
    let Some(mut flat) = columnar::fields_of(&events, FIELDS)? else {
        return Ok(None);
    };
    // polars gives an object and a string holding the same text alike: only a line whose
    // `event-data` key is followed by an object is settled here; of bare events, only a line
    // without that key (`"event-data": null` is no bare event).
    let object = memchr::memmem::Finder::new(b"\"event-data\"");
    let is_object: BooleanChunked = lines
        .iter()
        .map(|l| {
            let at = object.find(l);
            Some(match at {
                None => bare,
                Some(at) => {
                    let rest = l[at + 12..].trim_ascii_start();
                    !bare
                        && rest
                            .strip_prefix(b":")
                            .is_some_and(|r| r.trim_ascii_start().starts_with(b"{"))
                }
            })
        })
        .collect();
    let mut exact = columnar::faithful_column(&flat, "campaigns")?
        & columnar::faithful_column(&flat, "tags")?
        & flat.column(columnar::FAITHFUL)?.bool()?.clone()
        & is_object;
    // The nested objects, a level at a time: (object, its fields, their names here).
    let nested: [(&str, &[&str], &[&str]); 4] = [
        ("user-variables", &["campaign"], &["uv_campaign"]),
        (
            "delivery-status",
            &["message", "description"],
            &["ds_message", "ds_description"],
        ),
        ("message", &["headers"], &["headers"]),
        ("headers", &["message-id"], &["message_id"]),
    ];
    for (object, fields, names) in nested {
        let Some(inner) = columnar::fields_of(flat.column(object)?, fields)? else {
            return Ok(None);
        };
        for (field, name) in fields.iter().zip(names) {
            flat.with_column(inner.column(field)?.clone().with_name((*name).into()))?;
        }
        exact = exact & inner.column(columnar::FAITHFUL)?.bool()?.clone();
    }
    flat.with_column(exact.with_name(columnar::FAITHFUL.into()).into_column())?;
    let names = [
        "event",
        "severity",
        "timestamp",
        "recipient",
        "id",
        "url",
        "reason",
        "campaigns",
        "tags",
        "uv_campaign",
        "ds_message",
        "ds_description",
        "message_id",
    ];
    let t = |name: &str| col(name);
    let event = t("event").str().to_lowercase();
    let severity = t("severity").str().to_lowercase();
    let failed = when(severity.eq(lit("temporary")))
        .then(lit("deferred"))
        .otherwise(lit("bounced"));
    let canonical = columnar::canonical_names(
        event.clone(),
        NAMES,
        when(event.clone().eq(lit("failed")))
            .then(failed)
            .otherwise(lit(NULL).cast(DataType::String)),
    );
    let plain: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !matches!(*n, "campaigns" | "tags"))
        .collect();
    // `campaigns` and `tags` are arrays: text that does not start like one goes to the row
    // parser (text that does is read as the array it looks like).
    let array_or_null = |name: &str| t(name).is_null().or(t(name).str().starts_with(lit("[")));
    let ok = canonical
        .clone()
        .is_not_null()
        .and(t("recipient").is_not_null())
        .and(columnar::flat(&plain))
        .and(array_or_null("campaigns"))
        .and(array_or_null("tags"))
        .and(col(columnar::FAITHFUL));
    let mut fast = columnar::texts(&flat, &names)
        .select([
            lit("mailgun").alias("provider"),
            canonical.alias("event"),
            t("timestamp").cast(DataType::Float64).alias("__secs"),
            // Mailgun's id is unique within a day only: with the event and its instant.
            concat_str(
                [t("id").fill_null(lit("")), event, t("timestamp")],
                "|",
                false,
            )
            .alias(columnar::KEY),
            t("recipient"),
            t("campaigns"),
            t("tags"),
            t("uv_campaign"),
            t("message_id"),
            t("url"),
            coalesce(&[t("ds_message"), t("ds_description"), t("reason")]).alias("reason"),
            lit(ctx.report.path.as_str()).alias("source"),
            ok.fill_null(lit(false)).alias(columnar::OK),
        ])
        .collect()?;
    // Milliseconds from the fractional seconds, in floating point as the row parser does.
    let ms = fast
        .column("__secs")?
        .f64()?
        .apply_values(|s| crate::timeutil::from_unix_seconds(s) as f64);
    fast.with_column(ms.with_name("at".into()).into_column())?;
    let in_range = columnar::in_years(t("__secs"), 1000);
    columnar::map_text(&mut fast, "campaigns", |c| {
        first_of(c).and_then(|c| as_text(c.get("name")).or_else(|| as_text(c.get("id"))))
    })?;
    columnar::map_text(&mut fast, "tags", |t| {
        first_of(t).and_then(|t| as_text(Some(&t)))
    })?;
    fast = fast
        .lazy()
        .with_columns([
            coalesce(&[t("campaigns"), t("tags"), t("uv_campaign")]).alias("campaign"),
            when(in_range.clone())
                .then(t("at").cast(DataType::Int64))
                .otherwise(lit(NULL).cast(DataType::Int64)),
            t(columnar::OK).and(in_range.fill_null(lit(false))),
        ])
        .collect()?;
    // The row parser's rows keep the key built here, so that a repeat is found whichever
    // path its copies took.
    let keys = fast.column(columnar::KEY)?.str()?.clone();
    columnar::protect_email(&mut fast, ctx)?;
    let shared: &Ctx = ctx;
    let outcome = columnar::finish(
        fast,
        place,
        |i| {
            let row = columnar::parse_line(lines[i], |v| parse(event_data(v)?, shared));
            Some(row.map(|(row, key)| (keys.get(i).map_or(key, str::to_string), row)))
        },
        EmailRow::frame,
    )?;
    Ok(Some(ctx.apply(outcome)))
}

fn parse(v: &Value, ctx: &Ctx) -> Result<(EmailRow, String), Reason> {
    let raw = as_text(v.get("event"))
        .ok_or_else(|| Reason::missing("event"))?
        .to_lowercase();
    let severity = as_text(v.get("severity")).map(|s| s.to_lowercase());
    let event = canonical(&raw, severity.as_deref()).ok_or_else(|| {
        let e = Reason::new("in-unknown-event")
            .arg("vendor", "Mailgun")
            .arg("value", &raw);
        Reason::field("event", e)
    })?;
    let ts = as_f64(v.get("timestamp"))
        .ok_or_else(|| Reason::field("timestamp", Reason::new("in-missing-or-not-a-number")))?;
    let at = unix_seconds("timestamp", ts)?;
    let email = as_text(v.get("recipient")).ok_or_else(|| Reason::missing("recipient"))?;
    let first = |k: &str| {
        v.get(k)
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .cloned()
    };
    let campaign = first("campaigns")
        .and_then(|c| as_text(c.get("name")).or_else(|| as_text(c.get("id"))))
        .or_else(|| first("tags").and_then(|t| as_text(Some(&t))))
        .or_else(|| as_text(v.pointer("/user-variables/campaign")));
    let id = as_text(v.get("id")).unwrap_or_default();
    let reason = as_text(v.pointer("/delivery-status/message"))
        .or_else(|| as_text(v.pointer("/delivery-status/description")))
        .or_else(|| as_text(v.get("reason")));
    Ok((
        EmailRow {
            provider: Some("mailgun".into()),
            event: Some(event.into()),
            at: Some(at),
            recipient: ctx.hash(&email),
            campaign,
            message_id: as_text(v.pointer("/message/headers/message-id")),
            url: as_text(v.get("url")).map(|u| crate::text::redact(&u)),
            reason: reason.map(|r| crate::text::redact(&r)),
            source: ctx.source(),
        },
        format!("{id}|{raw}|{ts}"),
    ))
}

/// `mailgun-events`: the events API or webhook export.
pub const EVENTS: Adapter = Adapter {
    name: "mailgun-events",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: SIGNATURES,
    documented: &[
        "event",
        "timestamp",
        "id",
        "recipient",
        "recipient-domain",
        "severity",
        "reason",
        "delivery-status",
        "message",
        "message.headers",
        "tags",
        "campaigns",
        "user-variables",
        "log-level",
        "envelope",
        "flags",
        "storage",
        "event-data.event",
        "event-data.timestamp",
        "event-data.id",
        "event-data.recipient",
        "signature.timestamp",
        "signature.token",
        "signature.signature",
        "items.id",
        "items.recipient",
        "paging",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Email(read, Some(read_columnar)),
};
