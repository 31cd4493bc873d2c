//! Mux Data views: the daily CSV export and the Views API's JSON (`data` array), one view per
//! row with the same field names. CSV columns are matched by name (Mux sorts them
//! alphabetically from export version 2 on). A view has failed when it carries a fatal error
//! (`player_error_code` or `error_type_id`) or exited before the video started, excluding
//! exits under one second as Mux does. The platform is `player_name`, lower-cased. Repeats of
//! a `view_id` are duplicates.

use polars::prelude::*;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_text, Doc};
use super::rows;
use super::{columnar, Ctx, Reason};
use crate::tables::ViewingRow;

/// Header columns that identify the CSV.
pub const SIGNATURE: &[&str] = &["view_id", "view_start", "view_end"];
/// Keys that identify the Views API's JSON.
pub const JSON_SIGNATURE: &[&str] = &["data", "data.view_id", "data.view_start", "data.view_end"];

/// Reads the CSV export.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    t.require(SIGNATURE)?;
    // Header positions, looked up once rather than per field per row.
    let index: std::collections::HashMap<&str, usize> = t
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.as_str(), i))
        .collect();
    rows::csv(t, ctx, out, |_line, fields, ctx| {
        let get = |name: &str| {
            index
                .get(name)
                .and_then(|i| fields.get(*i))
                .map(|s| s.trim().to_string())
        };
        let row = parse_row(get, ctx)?;
        Ok((row.session_id.clone().unwrap_or_default(), row))
    });
    Ok(())
}

/// The fields a view is made of.
const FIELDS: &[&str] = &[
    "view_id",
    "view_start",
    "view_end",
    "watch_time",
    "exit_before_video_start",
    "player_error_code",
    "player_error_message",
    "error_type_id",
    "player_name",
    "viewer_user_id",
    "isp",
    "asn",
    "country_code",
    "viewer_device_category",
    "viewer_os_family",
    "viewer_application_name",
    "cdn",
];

/// Reads the CSV export as columns (see [`columnar`]); `Ok(None)` when the file's shape needs
/// the row reader. Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let mut steps = crate::timings::Steps::start(&ctx.report.path);
    let Some(parts) = columnar::csv_parts(bytes, Some(FIELDS), columnar::part_records()) else {
        return Ok(None);
    };
    steps.lap("shape check");
    if SIGNATURE
        .iter()
        .any(|c| !parts.names.iter().any(|n| n == c))
    {
        return Ok(None);
    }
    // A part at a time: its text columns are dropped before the next is read, and the pages
    // of the file it came from (the check above went over all of them) are given back.
    ctx.release(bytes);
    let mut settled = Vec::with_capacity(parts.count());
    for k in 0..parts.count() {
        let Some((raw, first)) = parts.part(k) else {
            return Ok(None);
        };
        steps.lap("polars parse");
        settled.push(read_part(&raw, first, &parts.blank, ctx, &mut steps)?);
        ctx.release(parts.text(k));
    }
    let outcome = columnar::finish_parts(settled)?;
    steps.lap("dedup");
    steps.done();
    Ok(Some(ctx.apply(outcome)))
}

/// One part of the CSV export (see [`read_columnar`]), whose first record is record `first`.
fn read_part(
    raw: &DataFrame,
    first: usize,
    blank: &[usize],
    ctx: &Ctx,
    steps: &mut crate::timings::Steps,
) -> PolarsResult<columnar::Settled> {
    // Stage by stage, so that each field is trimmed and parsed once; the instants in Rust.
    let mut timed = raw.clone();
    for (from, to) in [("view_start", "__started"), ("view_end", "__ended")] {
        let ms = columnar::utc_ms_column(raw.column(from)?.str()?).with_name(to.into());
        timed.with_column(ms.into_column())?;
    }
    for (from, to) in [
        ("exit_before_video_start", "__exit"),
        ("player_name", "__platform"),
    ] {
        if let Ok(text) = raw.column(from) {
            let lower = columnar::lower_column(text.str()?).with_name(to.into());
            timed.with_column(lower.into_column())?;
        }
    }
    let names: Vec<&str> = FIELDS
        .iter()
        .copied()
        .chain(["__exit", "__platform"])
        .collect();
    let staged = columnar::texts(&timed, &names);
    let t = |name: &str| col(name);
    let started = col("__started");
    let ended = col("__ended");
    let watch = t("watch_time");
    // Milliseconds here; divided below, exactly as the row parser does (polars multiplies by
    // the reciprocal, which can differ in the last bit).
    let watch_s = watch.clone().cast(DataType::Float64);
    let exit = col("__exit");
    let exited = exit.clone().eq(lit("true")).or(exit.clone().eq(lit("1")));
    let exit_known = exit
        .clone()
        .is_null()
        .or(exited.clone())
        .or(exit.clone().eq(lit("false")))
        .or(exit.eq(lit("0")));
    let (code, message) = (t("player_error_code"), t("player_error_message"));
    let fatal = code
        .clone()
        .is_not_null()
        .or(t("error_type_id").is_not_null());
    // Mux ignores exits before start that lasted under one second.
    let failed = fatal.clone().or(exited
        .fill_null(lit(false))
        .and((ended.clone() - started.clone()).gt_eq(lit(1000i64))));
    let error = when(
        code.clone()
            .is_not_null()
            .and(message.clone().is_not_null()),
    )
    .then(concat_str(
        [code.clone(), lit(" "), message.clone()],
        "",
        false,
    ))
    .otherwise(
        when(code.clone().is_not_null()).then(code).otherwise(
            when(message.clone().is_not_null().and(fatal))
                .then(message)
                .otherwise(
                    when(failed.clone())
                        .then(lit("exit before video start"))
                        .otherwise(lit(NULL).cast(DataType::String)),
                ),
        ),
    );
    let ok = t("view_id")
        .is_not_null()
        .and(started.clone().is_not_null())
        .and(ended.clone().is_not_null())
        .and(ended.clone().gt_eq(started.clone()))
        .and(watch.is_null().or(watch_s.clone().is_not_null()))
        .and(exit_known);
    let mut fast = staged
        .select([
            col("__platform").alias("platform"),
            t("view_id").alias("session_id"),
            t("viewer_user_id").alias("participant"),
            started.alias("started_at"),
            ended.alias("ended_at"),
            watch_s.alias("watch_s"),
            failed.fill_null(lit(false)).alias("failed"),
            error.alias("error"),
            t("isp").alias("isp"),
            t("asn").alias("asn"),
            t("country_code").alias("country"),
            t("viewer_device_category").alias("device"),
            t("viewer_os_family").alias("os"),
            t("viewer_application_name").alias("browser"),
            t("cdn").alias("cdn"),
            lit(ctx.report.path.as_str()).alias("source"),
            ok.fill_null(lit(false)).alias(columnar::OK),
            t("view_id").alias(columnar::KEY),
        ])
        .collect()?;
    steps.lap("expressions");
    columnar::hash_column(&mut fast, "participant", ctx)?;
    steps.lap("hash");
    let seconds = fast
        .column("watch_s")?
        .f64()?
        .apply_values(|ms| ms / 1000.0);
    fast.with_column(seconds.into_column())?;
    let columns: Vec<&StringChunked> = raw
        .columns()
        .iter()
        .map(|c| c.str())
        .collect::<PolarsResult<_>>()?;
    let index: std::collections::HashMap<&str, usize> = raw
        .get_column_names()
        .into_iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let shared: &Ctx = ctx;
    let settled = columnar::settle(
        fast,
        first,
        columnar::Place::Lines { first: 2 },
        &shared.dst,
        |i| {
            if blank.binary_search(&(first + i)).is_ok() {
                return None; // a blank line, skipped as the row reader does
            }
            let get = |name: &str| {
                index
                    .get(name)
                    .and_then(|c| columns[*c].get(i))
                    .map(|v| v.trim().to_string())
            };
            Some(parse_row(get, shared).map(|r| (r.session_id.clone().unwrap_or_default(), r)))
        },
        ViewingRow::frame,
    );
    steps.lap("settle");
    settled
}

/// Reads a Views API response.
pub fn read_json(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    rows::json(doc.records(Some("data"))?, ctx, out, |v, ctx| {
        let row = parse_row(|name: &str| as_text(v.get(name)), ctx)?;
        Ok((row.session_id.clone().unwrap_or_default(), row))
    });
    Ok(())
}

/// One view from a field lookup by name (empty values are absent).
fn parse_row(raw: impl Fn(&str) -> Option<String>, ctx: &Ctx) -> Result<ViewingRow, Reason> {
    let get = |name: &str| raw(name).filter(|s| !s.is_empty());
    let id = get("view_id").ok_or_else(|| Reason::empty("view_id"))?;
    let start_text = get("view_start").ok_or_else(|| Reason::empty("view_start"))?;
    let end_text = get("view_end").ok_or_else(|| Reason::empty("view_end"))?;
    let started = ctx.instant("view_start", &start_text)?;
    let ended = ctx.instant("view_end", &end_text)?;
    if ended < started {
        let e = Reason::new("in-before-as-written")
            .arg("other", "view_start")
            .arg("end", &end_text)
            .arg("start", &start_text);
        return Err(Reason::field("view_end", e));
    }
    let watch_s = match get("watch_time") {
        Some(w) => Some(
            w.parse::<f64>()
                .map_err(|_| Reason::not_a("watch_time", "in-not-a-number", &w))?
                / 1000.0,
        ),
        None => None,
    };
    let exited_early = match get("exit_before_video_start")
        .map(|s| s.to_ascii_lowercase())
        .as_deref()
    {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(other) => {
            return Err(Reason::not_a(
                "exit_before_video_start",
                "in-not-a-boolean",
                other,
            ))
        }
    };
    let (code, message) = (get("player_error_code"), get("player_error_message"));
    let fatal = code.is_some() || get("error_type_id").is_some();
    // Mux ignores exits before start that lasted under one second.
    let failed = fatal || (exited_early && ended - started >= 1000);
    let error = match (code, message) {
        (Some(c), Some(m)) => Some(format!("{c} {m}")),
        (Some(c), None) => Some(c),
        (None, Some(m)) if fatal => Some(m),
        _ if failed => Some("exit before video start".to_string()),
        _ => None,
    };
    Ok(ViewingRow {
        platform: get("player_name").map(|p| p.to_lowercase()),
        session_id: Some(id),
        participant: get("viewer_user_id").and_then(|u| ctx.hash(&u)),
        started_at: Some(started),
        ended_at: Some(ended),
        watch_s,
        failed,
        error,
        isp: get("isp"),
        asn: get("asn"),
        country: get("country_code"),
        device: get("viewer_device_category"),
        os: get("viewer_os_family"),
        browser: get("viewer_application_name"),
        cdn: get("cdn"),
        source: ctx.source(),
    })
}

/// `mux-views-csv`: the views CSV export.
pub const VIEWS_CSV: Adapter = Adapter {
    name: "mux-views-csv",
    zone: Zone::InFile,
    csv_signatures: &[SIGNATURE],
    json_signatures: &[],
    documented: &[
        "view_id",
        "view_start",
        "view_end",
        "watch_time",
        "watched",
        "viewer_user_id",
        "player_error_code",
        "player_error_message",
        "player_error_context",
        "error_type_id",
        "view_error_id",
        "exit_before_video_start",
        "asn",
        "asn_name",
        "isp",
        "country_code",
        "country_name",
        "region",
        "city",
        "viewer_os_family",
        "viewer_device_category",
        "viewer_application_name",
        "cdn",
        "rebuffer_percentage",
        "buffering_count",
        "video_startup_time",
        "time_to_first_frame",
        "video_title",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Viewing(read, Some(read_columnar)),
};

/// `mux-views-json`: the views API export.
pub const VIEWS_JSON: Adapter = Adapter {
    name: "mux-views-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: &[JSON_SIGNATURE],
    documented: &[
        "data.id",
        "data.watch_time",
        "data.viewer_user_id",
        "data.player_error_code",
        "data.exit_before_video_start",
        "data.isp",
        "data.country_code",
        "data.video_title",
        "total_row_count",
        "timeframe",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Viewing(read_json, None),
};
