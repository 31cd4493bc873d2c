//! Mux Data views export (CSV): one row per view. Columns are matched by name (Mux sorts them
//! alphabetically from export version 2 on). A view has failed when it carries a fatal error
//! (`player_error_code` or `error_type_id`) or exited before the video started, excluding
//! exits under one second as Mux does. The platform is `player_name`, lower-cased.

use super::reader::Doc;
use super::Ctx;
use crate::tables::ViewingRow;
use crate::timeutil::parse_instant;

/// Header columns that identify the format.
pub const SIGNATURE: &[&str] = &["view_id", "view_start", "view_end"];

/// Reads the file into viewing rows.
pub fn read(
    doc: &Doc,
    ctx: &mut Ctx,
    out: &mut Vec<ViewingRow>,
) -> std::result::Result<(), String> {
    let Doc::Csv(t) = doc else {
        return Err("expected a CSV file".into());
    };
    t.require(SIGNATURE)?;
    let col = |name: &str| t.index(name);
    let (c_id, c_start, c_end) = (col("view_id"), col("view_start"), col("view_end"));
    let c = |name: &str| col(name);
    let cols = [
        c("player_name"),
        c("viewer_user_id"),
        c("watch_time"),
        c("player_error_code"),
        c("player_error_message"),
        c("error_type_id"),
        c("exit_before_video_start"),
        c("isp"),
        c("asn"),
        c("country_code"),
        c("viewer_device_category"),
        c("viewer_os_family"),
        c("viewer_application_name"),
        c("cdn"),
    ];
    let mut seen = std::collections::HashSet::new();
    for (line, rec) in &t.records {
        ctx.read();
        let fields = match rec {
            Ok(f) => f,
            Err(e) => {
                ctx.reject(Some(*line), e.clone());
                continue;
            }
        };
        let get = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        match parse_row(&get, c_id, c_start, c_end, &cols, ctx) {
            Ok(row) => {
                let id = row.session_id.clone().unwrap_or_default();
                if !seen.insert(id) {
                    ctx.duplicate();
                    continue;
                }
                ctx.kept();
                out.push(row);
            }
            Err(reason) => ctx.reject(Some(*line), reason),
        }
    }
    Ok(())
}

fn parse_row<'a>(
    get: &impl Fn(Option<usize>) -> Option<&'a str>,
    c_id: Option<usize>,
    c_start: Option<usize>,
    c_end: Option<usize>,
    cols: &[Option<usize>; 14],
    ctx: &Ctx,
) -> std::result::Result<ViewingRow, String> {
    let [player, user, watch, err_code, err_msg, err_type, exit_before, isp, asn, country, device, os, browser, cdn] =
        *cols;
    let id = get(c_id).ok_or("view_id: empty")?;
    let started = parse_instant(get(c_start).ok_or("view_start: empty")?, ctx.zone)
        .map_err(|e| format!("view_start: {e}"))?;
    let ended = parse_instant(get(c_end).ok_or("view_end: empty")?, ctx.zone)
        .map_err(|e| format!("view_end: {e}"))?;
    if ended < started {
        return Err(format!(
            "view_end: before view_start ({} < {})",
            get(c_end).unwrap_or(""),
            get(c_start).unwrap_or("")
        ));
    }
    let watch_s = match get(watch) {
        Some(w) => Some(
            w.parse::<f64>()
                .map_err(|_| format!("watch_time: not a number: '{w}'"))?
                / 1000.0,
        ),
        None => None,
    };
    let exited_early = match get(exit_before).map(str::to_ascii_lowercase).as_deref() {
        None | Some("false") | Some("0") => false,
        Some("true") | Some("1") => true,
        Some(other) => return Err(format!("exit_before_video_start: not a boolean: '{other}'")),
    };
    let fatal = get(err_code).is_some() || get(err_type).is_some();
    // Mux ignores exits before start that lasted under one second.
    let failed = fatal || (exited_early && ended - started >= 1000);
    let error = match (get(err_code), get(err_msg)) {
        (Some(c), Some(m)) => Some(format!("{c} {m}")),
        (Some(c), None) => Some(c.to_string()),
        (None, Some(m)) if fatal => Some(m.to_string()),
        _ if failed => Some("exit before video start".to_string()),
        _ => None,
    };
    let s = |v: Option<&str>| v.map(str::to_string);
    Ok(ViewingRow {
        platform: get(player).map(str::to_lowercase),
        session_id: Some(id.to_string()),
        participant: get(user).and_then(|u| ctx.hash(u)),
        started_at: Some(started),
        ended_at: Some(ended),
        watch_s,
        failed,
        error,
        isp: s(get(isp)),
        asn: s(get(asn)),
        country: s(get(country)),
        device: s(get(device)),
        os: s(get(os)),
        browser: s(get(browser)),
        cdn: s(get(cdn)),
        source: ctx.source(),
    })
}
