//! Mux Data views: the daily CSV export and the Views API's JSON (`data` array), one view per
//! row with the same field names. CSV columns are matched by name (Mux sorts them
//! alphabetically from export version 2 on). A view has failed when it carries a fatal error
//! (`player_error_code` or `error_type_id`) or exited before the video started, excluding
//! exits under one second as Mux does. The platform is `player_name`, lower-cased. Repeats of
//! a `view_id` are duplicates.

use super::reader::{as_text, Doc};
use super::rows;
use super::Ctx;
use crate::tables::ViewingRow;
use crate::timeutil::parse_instant;

/// Header columns that identify the CSV.
pub const SIGNATURE: &[&str] = &["view_id", "view_start", "view_end"];
/// Keys that identify the Views API's JSON.
pub const JSON_SIGNATURE: &[&str] = &["data", "data.view_id", "data.view_start", "data.view_end"];

/// Reads the CSV export.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), String> {
    let Doc::Csv(t) = doc else {
        return Err("expected a CSV file".into());
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

/// Reads a Views API response.
pub fn read_json(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), String> {
    rows::json(doc.records(Some("data"))?, ctx, out, |v, ctx| {
        let row = parse_row(|name: &str| as_text(v.get(name)), ctx)?;
        Ok((row.session_id.clone().unwrap_or_default(), row))
    });
    Ok(())
}

/// One view from a field lookup by name (empty values are absent).
fn parse_row(raw: impl Fn(&str) -> Option<String>, ctx: &Ctx) -> Result<ViewingRow, String> {
    let get = |name: &str| raw(name).filter(|s| !s.is_empty());
    let id = get("view_id").ok_or("view_id: empty")?;
    let start_text = get("view_start").ok_or("view_start: empty")?;
    let end_text = get("view_end").ok_or("view_end: empty")?;
    let started = parse_instant(&start_text, ctx.zone).map_err(|e| format!("view_start: {e}"))?;
    let ended = parse_instant(&end_text, ctx.zone).map_err(|e| format!("view_end: {e}"))?;
    if ended < started {
        return Err(format!(
            "view_end: before view_start ({end_text} < {start_text})"
        ));
    }
    let watch_s = match get("watch_time") {
        Some(w) => Some(
            w.parse::<f64>()
                .map_err(|_| format!("watch_time: not a number: '{w}'"))?
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
        Some(other) => return Err(format!("exit_before_video_start: not a boolean: '{other}'")),
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
