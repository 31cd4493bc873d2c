//! Cloudflare Logpush `http_requests`: NDJSON by default, or CSV with a header line (the
//! job's `output_type: csv` with the field names as `batch_prefix`, as Cloudflare's docs
//! show). A job holds only the fields its owner picked: a log is recognised by its
//! `EdgeStartTimestamp`, and one without a request path is read with a note saying the web
//! figures need it. `EdgeStartTimestamp` is unix nanoseconds, seconds or RFC 3339 depending on
//! the job's `timestamp_format`, which the file does not say: a number is read by its
//! magnitude (>= 1e17 ns, >= 1e14 us, >= 1e11 ms, else s). The client's IP address is never
//! kept. Requests are deduplicated on `RayID`. Rows go to the `web` table.

use polars::prelude::*;
use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::events::unix_seconds;
use super::reader::{as_f64, as_i64, as_text, Doc};
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
                parse(&Value::Object(record), ctx)
            });
        }
        _ => rows::json(doc.records(None)?, ctx, out, parse),
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

/// Reads an NDJSON log as columns (see [`columnar`]); `Ok(None)` when the file's shape needs
/// the row reader. Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some((text, place)) = columnar::json_lines(bytes) else {
        return Ok(None);
    };
    let Some((raw, lines)) = columnar::read_ndjson(&text, FIELDS) else {
        return Ok(None);
    };
    let staged = columnar::texts(&raw, FIELDS);
    let t = |name: &str| col(name);
    let mut fast = staged
        .select([
            t("EdgeStartTimestamp").cast(DataType::Float64).alias("at"),
            coalesce(&[t("ClientRequestPath"), t("ClientRequestURI")]).alias("path"),
            t("EdgeResponseStatus")
                .cast(DataType::Int64)
                .alias("status"),
            t("ClientCountry").str().to_uppercase().alias("country"),
            t("ClientASN").alias("asn"),
            t("CacheCacheStatus").alias("cache"),
            lit(ctx.report.path.as_str()).alias("source"),
            columnar::flat(FIELDS).alias("__flat"),
            // A request without a RayID is keyed on its whole record by the row parser.
            t("RayID").alias(columnar::KEY),
        ])
        .collect()?;
    // The epoch's unit is read from its magnitude, in floating point exactly as the row
    // parser does.
    let at: Int64Chunked = fast
        .column("at")?
        .f64()?
        .iter()
        .map(|n| n.and_then(|n| epoch_by_magnitude(n).ok()))
        .collect();
    let ok = at.is_not_null()
        & fast.column(columnar::KEY)?.is_not_null()
        & fast
            .column("__flat")?
            .bool()?
            .fill_null_with_values(false)?;
    fast.with_column(at.with_name("at".into()).into_column())?;
    fast.with_column(ok.with_name(columnar::OK.into()).into_column())?;
    columnar::redact_column(&mut fast, "path")?;
    let shared: &Ctx = ctx;
    let outcome = columnar::finish_noting(
        fast,
        place,
        &shared.dst,
        |i| Some(columnar::parse_line(lines[i], |v| parse(v, shared))),
        WebRow::frame,
    )?;
    let frame = ctx.apply(outcome);
    if frame.height() > 0 && frame.column("path")?.null_count() == frame.height() {
        ctx.warn(None, Reason::new(NO_PATH));
    }
    Ok(Some(frame))
}

/// One request and its deduplication key (its RayID, else the whole record).
fn parse(v: &Value, ctx: &Ctx) -> Result<(String, WebRow), Reason> {
    let ts = v
        .get("EdgeStartTimestamp")
        .ok_or_else(|| Reason::missing("EdgeStartTimestamp"))?;
    let at = match ts {
        Value::Number(_) => epoch_by_magnitude(as_f64(Some(ts)).unwrap_or_default())?,
        _ => {
            let t = as_text(Some(ts)).ok_or_else(|| Reason::empty("EdgeStartTimestamp"))?;
            match t.parse::<f64>() {
                Ok(n) => epoch_by_magnitude(n)?,
                Err(_) => ctx.instant("EdgeStartTimestamp", &t)?,
            }
        }
    };
    let row = WebRow {
        at: Some(at),
        path: as_text(v.get("ClientRequestPath"))
            .or_else(|| as_text(v.get("ClientRequestURI")))
            .map(|p| crate::text::redact(&p)),
        status: as_i64(v.get("EdgeResponseStatus")),
        country: as_text(v.get("ClientCountry")).map(|c| c.to_uppercase()),
        asn: as_text(v.get("ClientASN")),
        cache: as_text(v.get("CacheCacheStatus")),
        source: ctx.source(),
    };
    let key = as_text(v.get("RayID")).unwrap_or_else(|| v.to_string());
    Ok((key, row))
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
