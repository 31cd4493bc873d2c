//! Cloudflare Logpush `http_requests`: NDJSON by default, or CSV with a header line (the
//! job's `output_type: csv` with the field names as `batch_prefix`, as Cloudflare's docs
//! show). A job holds only the fields its owner picked: a log is recognised by its
//! `EdgeStartTimestamp`, and one without a request path is read with a note saying the web
//! figures need it. `EdgeStartTimestamp` is unix nanoseconds, seconds or RFC 3339 depending on
//! the job's `timestamp_format`, which the file does not say: a number is read by its
//! magnitude (>= 1e17 ns, >= 1e14 us, >= 1e11 ms, else s). The client's IP address is never
//! kept. Requests are deduplicated on `RayID`. Rows go to the `web` table.

use std::borrow::Cow;

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::columnar::{fields_or_line, Dedup, Parsed};
use super::events::{record_key, unix_seconds};
use super::reader::{Doc, Fields};
use super::reading::Reading;
use super::rows;
use super::{Ctx, Reason};
use crate::tables::WebRow;

/// Key of a request (Cloudflare's field names are case-sensitive in JSON).
pub const SIGNATURE: &[&str] = &["EdgeStartTimestamp"];
/// Header of a CSV log (lower-cased, as headers are compared).
pub const CSV_SIGNATURE: &[&str] = &["edgestarttimestamp"];

/// Said of a log whose requests have no path (its catalogue key).
const NO_PATH: &str = "in-cloudflare-no-path";

/// An epoch number by its magnitude, to milliseconds.
pub fn epoch_by_magnitude(n: f64) -> Result<i64, Reason> {
    let secs = if n >= 1e17 {
        n / 1e9
    } else if n >= 1e14 {
        n / 1e6
    } else if n >= 1e11 {
        n / 1e3
    } else {
        n
    };
    unix_seconds("EdgeStartTimestamp", secs)
}

/// Reads the log.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<WebRow>) -> Result<(), Reason> {
    let start = out.len();
    match doc {
        // Each record as the object NDJSON would hold, its headers matched to the field
        // names case-insensitively.
        Doc::Csv(t) => {
            let names: Vec<Option<&str>> = t
                .headers
                .iter()
                .map(|h| FIELDS.iter().copied().find(|f| f.eq_ignore_ascii_case(h)))
                .collect();
            rows::csv(t, ctx, out, |_line, fields, ctx| {
                let record: serde_json::Map<String, Value> = names
                    .iter()
                    .zip(fields)
                    .filter_map(|(name, v)| Some(((*name)?.to_string(), Value::from(v.trim()))))
                    .collect();
                let v = Value::Object(record);
                let (row, id) = parse(&v, ctx)?;
                Ok((record_key(&v, id), row))
            });
        }
        _ => rows::json(doc.records(None)?, ctx, out, |v, ctx| {
            let (row, id) = parse(v, ctx)?;
            Ok((record_key(v, id), row))
        }),
    }
    let kept = &out[start..];
    if !kept.is_empty() && kept.iter().all(|r| r.path.is_none()) {
        ctx.warn(None, Reason::new(NO_PATH));
    }
    Ok(())
}

/// Fields read from each request by the columnar reader.
const FIELDS: &[&str] = &[
    "EdgeStartTimestamp",
    "ClientRequestPath",
    "ClientRequestURI",
    "EdgeResponseStatus",
    "ClientCountry",
    "ClientASN",
    "CacheCacheStatus",
    "RayID",
];

/// Reads an NDJSON log, or an array of requests, a part at a time, each by [`parse`], the
/// one statement of Cloudflare's rules, on every core (see [`columnar::read_lines`]).
/// `Ok(None)` when the file's shape needs the row reader.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some((frame, _)) = columnar::read_lines(
        bytes,
        ctx,
        FIELDS,
        Dedup::Ids,
        0,
        fields_or_line!(parse),
        WebRow::frame,
    )?
    else {
        return Ok(None);
    };
    if frame.height() > 0 && frame.column("path")?.null_count() == frame.height() {
        ctx.warn(None, Reason::new(NO_PATH));
    }
    Ok(Some(frame))
}

/// Cloudflare's rules for one request, whether it was parsed whole or only its [`FIELDS`]
/// were read; its id is the `RayID`.
fn parse(v: &impl Fields, r: &Reading) -> Parsed<WebRow> {
    const AT: &str = "EdgeStartTimestamp";
    let Some(ts) = v.text(AT) else {
        return Err(if v.has(AT) {
            Reason::empty(AT)
        } else {
            Reason::missing(AT)
        });
    };
    // A number (or a number's text) by its magnitude, anything else as a written time.
    let at = match ts.parse::<f64>() {
        Ok(n) => epoch_by_magnitude(n)?,
        Err(_) => r.instant(AT, &ts)?,
    };
    let owned = |t: Option<Cow<str>>| t.map(Cow::into_owned);
    let row = WebRow {
        at: Some(at),
        path: v
            .text("ClientRequestPath")
            .or_else(|| v.text("ClientRequestURI"))
            .map(|p| crate::text::redact(&p)),
        status: v.integer("EdgeResponseStatus"),
        country: v.text("ClientCountry").map(|c| c.to_uppercase()),
        asn: owned(v.text("ClientASN")),
        cache: owned(v.text("CacheCacheStatus")),
        source: r.source(),
    };
    Ok((row, owned(v.text("RayID"))))
}

/// `cloudflare-http-requests`: hTTP request logs.
pub const REQUESTS: Adapter = Adapter {
    name: "cloudflare-http-requests",
    zone: Zone::InFile,
    csv_signatures: &[CSV_SIGNATURE],
    json_signatures: &[SIGNATURE],
    documented: &[
        "EdgeStartTimestamp",
        "EdgeEndTimestamp",
        "EdgeResponseStatus",
        "EdgeResponseBytes",
        "ClientIP",
        "ClientCountry",
        "ClientASN",
        "ClientRequestHost",
        "ClientRequestMethod",
        "ClientRequestPath",
        "ClientRequestURI",
        "ClientRequestUserAgent",
        "CacheCacheStatus",
        "OriginResponseStatus",
        "RayID",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Web(read, Some(read_columnar)),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_by_magnitude() {
        // 2020-11-27T14:48:00Z in s, ms, us and ns.
        let ms = 1_606_488_480_000;
        assert_eq!(epoch_by_magnitude(1_606_488_480.0), Ok(ms));
        assert_eq!(epoch_by_magnitude(1_606_488_480_000.0), Ok(ms));
        assert_eq!(epoch_by_magnitude(1_606_488_480_000_000.0), Ok(ms));
        assert_eq!(epoch_by_magnitude(1_606_488_480_000_000_000.0), Ok(ms));
        assert!(epoch_by_magnitude(12.0).is_err());
    }
}
