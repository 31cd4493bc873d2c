//! Mux Data views: the daily CSV export and the Views API's JSON (`data` array), one view per
//! row with the same field names. CSV columns are matched by name (Mux sorts them
//! alphabetically from export version 2 on). A view has failed when it carries a fatal error
//! (`player_error_code` or `error_type_id`) or exited before the video started, excluding
//! exits under one second as Mux does. The platform is `player_name`, lower-cased. Repeats of
//! a `view_id` are duplicates.

use std::borrow::Cow;

use polars::prelude::*;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_text, Doc};
use super::reading::Reading;
use super::rows;
use super::{columnar, csv_lines, Ctx, Reason};
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
    // Header positions, looked up once rather than per field per row; a name written twice
    // is its first column, as the line-by-line reader (csv_lines) and the other CSV readers take it.
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, h) in t.headers.iter().enumerate() {
        index.entry(h.as_str()).or_insert(i);
    }
    rows::csv(t, ctx, out, |_line, fields, ctx| {
        let get = |name: &str| {
            index
                .get(name)
                .and_then(|i| fields.get(*i))
                .map(|s| Cow::Borrowed(s.as_str()))
        };
        let row = parse_row(get, ctx)?;
        Ok((row.session_id.clone().unwrap_or_default(), row))
    });
    Ok(())
}

/// The fields Mux's rules read ([`view`]), in [`RULE_FIELDS`] order.
#[derive(Clone, Copy)]
enum F {
    ViewId,
    Start,
    End,
    Watch,
    Exit,
    Code,
    Message,
    ErrorType,
    Player,
}

/// The export's names of the fields of [`F`].
const RULE_FIELDS: [&str; 9] = [
    "view_id",
    "view_start",
    "view_end",
    "watch_time",
    "exit_before_video_start",
    "player_error_code",
    "player_error_message",
    "error_type_id",
    "player_name",
];

/// The field whose value, hashed, is the participant key.
const PARTICIPANT: &str = "viewer_user_id";

/// Canonical fields that are a field of the export as written (trimmed, empty as absent):
/// the field in a row, its canonical name, and the export's name.
type Copied = (
    fn(&mut ViewingRow) -> &mut Option<String>,
    &'static str,
    &'static str,
);
const COPIED: [Copied; 7] = [
    (|r| &mut r.isp, "isp", "isp"),
    (|r| &mut r.asn, "asn", "asn"),
    (|r| &mut r.country, "country", "country_code"),
    (|r| &mut r.device, "device", "viewer_device_category"),
    (|r| &mut r.os, "os", "viewer_os_family"),
    (|r| &mut r.browser, "browser", "viewer_application_name"),
    (|r| &mut r.cdn, "cdn", "cdn"),
];

/// What Mux's rules make of a view, besides the fields it copies.
struct View {
    started: i64,
    ended: i64,
    watch_s: Option<f64>,
    failed: bool,
    error: Option<String>,
    platform: Option<String>,
}

/// Mux's rules for one view, the one statement of them: `get` gives a field's value trimmed,
/// `None` when absent or empty. A view has failed when it carries a fatal error
/// (`player_error_code` or `error_type_id`) or exited before the video started, excluding
/// exits under one second as Mux does.
fn view<'a>(get: impl Fn(F) -> Option<Cow<'a, str>>, r: &Reading) -> Result<View, Reason> {
    get(F::ViewId).ok_or_else(|| Reason::empty("view_id"))?;
    let start_text = get(F::Start).ok_or_else(|| Reason::empty("view_start"))?;
    let end_text = get(F::End).ok_or_else(|| Reason::empty("view_end"))?;
    let started = r.instant("view_start", &start_text)?;
    let ended = r.instant("view_end", &end_text)?;
    if ended < started {
        let e = Reason::new("in-before-as-written")
            .arg("other", "view_start")
            .arg("end", &end_text)
            .arg("start", &start_text);
        return Err(Reason::field("view_end", e));
    }
    let watch_s = match get(F::Watch) {
        Some(w) => Some(
            w.parse::<f64>()
                .map_err(|_| Reason::not_a("watch_time", "in-not-a-number", &w))?
                / 1000.0,
        ),
        None => None,
    };
    let exited_early = match get(F::Exit) {
        None => false,
        Some(e) if e.eq_ignore_ascii_case("false") || &*e == "0" => false,
        Some(e) if e.eq_ignore_ascii_case("true") || &*e == "1" => true,
        Some(other) => {
            return Err(Reason::not_a(
                "exit_before_video_start",
                "in-not-a-boolean",
                &other.to_ascii_lowercase(),
            ))
        }
    };
    let (code, message) = (get(F::Code), get(F::Message));
    let fatal = code.is_some() || get(F::ErrorType).is_some();
    // Mux ignores exits before start that lasted under one second.
    let failed = fatal || (exited_early && ended - started >= 1000);
    let error = match (code, message) {
        (Some(c), Some(m)) => Some(format!("{c} {m}")),
        (Some(c), None) => Some(c.into_owned()),
        (None, Some(m)) if fatal => Some(m.into_owned()),
        _ if failed => Some("exit before video start".to_string()),
        _ => None,
    };
    let platform = get(F::Player).map(|p| crate::text::lower(&p).into_owned());
    Ok(View {
        started,
        ended,
        watch_s,
        failed,
        error,
        platform,
    })
}

/// One view as a row, from a field lookup by name (values trimmed here; empty ones are
/// absent), by [`view`] and the fields it copies.
fn parse_row<'a>(
    raw: impl Fn(&str) -> Option<Cow<'a, str>>,
    r: &Reading,
) -> Result<ViewingRow, Reason> {
    let get = |name: &str| {
        raw(name)
            .map(|v| match v {
                Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
                Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
            })
            .filter(|v| !v.is_empty())
    };
    let v = view(|f| get(RULE_FIELDS[f as usize]), r)?;
    let mut row = ViewingRow {
        platform: v.platform,
        session_id: get(RULE_FIELDS[F::ViewId as usize]).map(Cow::into_owned),
        participant: get(PARTICIPANT).and_then(|u| r.hash(&u)),
        started_at: Some(v.started),
        ended_at: Some(v.ended),
        watch_s: v.watch_s,
        failed: v.failed,
        error: v.error,
        source: r.source(),
        ..ViewingRow::default()
    };
    for (field, _, name) in COPIED {
        *field(&mut row) = get(name).map(Cow::into_owned);
    }
    Ok(row)
}

/// Reads the CSV export on every core, line by line where it lies in the file
/// ([`csv_lines`]): each view goes through [`view`], the copied fields are its cells, and
/// each thread makes its views a frame. `Ok(None)` when the file's shape needs the row
/// reader. Nothing is counted unless the read succeeds.
pub fn read_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some(csv) = csv_lines::open(bytes) else {
        return Ok(None);
    };
    if SIGNATURE.iter().any(|c| csv.column(c).is_none()) {
        return Ok(None);
    }
    // The rules' cells in F order, then the participant's.
    let cells: Vec<Option<usize>> = RULE_FIELDS
        .iter()
        .chain([&PARTICIPANT])
        .map(|f| csv.column(f))
        .collect();
    let copied: Vec<(Option<usize>, &str)> =
        std::iter::once((cells[F::ViewId as usize], "session_id"))
            .chain(
                COPIED
                    .iter()
                    .map(|(_, canonical, name)| (csv.column(name), *canonical)),
            )
            .collect();
    let source = ctx.report.path.clone();
    csv.read(
        ctx,
        &cells,
        &copied,
        |record, reading| {
            let v = view(|f| record.cell(f as usize).map(Cow::Borrowed), reading)?;
            let participant = record.cell(RULE_FIELDS.len()).and_then(|u| reading.hash(u));
            Ok((v, participant))
        },
        |views, copied, _| {
            let height = views.len();
            let mut columns = vec![
                Column::new(
                    "platform".into(),
                    views
                        .iter()
                        .map(|v| v.0.platform.as_deref())
                        .collect::<Vec<_>>(),
                ),
                Column::new(
                    "participant".into(),
                    views.iter().map(|v| v.1).collect::<Vec<_>>(),
                ),
                Column::new(
                    "started_at".into(),
                    views.iter().map(|v| v.0.started).collect::<Vec<_>>(),
                ),
                Column::new(
                    "ended_at".into(),
                    views.iter().map(|v| v.0.ended).collect::<Vec<_>>(),
                ),
                Column::new(
                    "watch_s".into(),
                    views.iter().map(|v| v.0.watch_s).collect::<Vec<_>>(),
                ),
                Column::new(
                    "failed".into(),
                    views.iter().map(|v| v.0.failed).collect::<Vec<_>>(),
                ),
                Column::new(
                    "error".into(),
                    views
                        .iter()
                        .map(|v| v.0.error.as_deref())
                        .collect::<Vec<_>>(),
                ),
                crate::tables::source_column(&source, height),
            ];
            drop(views);
            columns.extend(copied);
            let frame = DataFrame::new(height, columns)?;
            // The canonical types (instants), then the deduplication key: the view id.
            let mut frame = columnar::canonical_types(frame, ViewingRow::frame(&[])?)?;
            let key = frame
                .column("session_id")?
                .clone()
                .with_name(columnar::KEY.into());
            frame.with_column(key)?;
            Ok(frame)
        },
    )
}

/// Reads a Views API response.
pub fn read_json(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    rows::json(doc.records(Some("data"))?, ctx, out, |v, ctx| {
        let row = parse_row(|name: &str| as_text(v.get(name)).map(Cow::Owned), ctx)?;
        Ok((row.session_id.clone().unwrap_or_default(), row))
    });
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn read(fields: &[(&str, &str)]) -> Result<ViewingRow, Reason> {
        let rules = super::super::reading::Rules {
            zone: chrono_tz::Europe::Paris,
            salt: "s".into(),
            source: "mux.csv".into(),
        };
        let get = |name: &str| {
            fields
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| Cow::Borrowed(*v))
        };
        parse_row(get, &rules.reading())
    }

    #[test]
    fn views_read_by_muxs_rules() {
        let base = [
            ("view_id", " v1 "),
            ("view_start", "2020-11-27T14:00:00Z"),
            ("view_end", "2020-11-27T14:00:00.999Z"),
            ("player_name", "ABCDEFGHIJKLMNOPΣ"),
            ("isp", " Orange "),
            ("watch_time", "1500"),
        ];
        let row = read(&base).unwrap();
        // Hand-checked: 2020-11-27T14:00:00Z is 1606485600 s.
        assert_eq!(row.started_at, Some(1_606_485_600_000));
        assert_eq!(row.ended_at, Some(1_606_485_600_999));
        assert_eq!(row.session_id.as_deref(), Some("v1"));
        assert_eq!(row.isp.as_deref(), Some("Orange"));
        assert_eq!(row.watch_s, Some(1.5));
        // Lower-cased as the standard library does (a word-final sigma is `ς`).
        assert_eq!(row.platform.as_deref(), Some("abcdefghijklmnopς"));
        assert!(!row.failed && row.error.is_none());
        // An exit before the video started fails the view only from one second on.
        let mut exit = base.to_vec();
        exit.push(("exit_before_video_start", "TRUE"));
        assert!(!read(&exit).unwrap().failed);
        exit[2] = ("view_end", "2020-11-27T14:00:01Z");
        let row = read(&exit).unwrap();
        assert!(row.failed);
        assert_eq!(row.error.as_deref(), Some("exit before video start"));
        // A fatal error, with its code and message.
        let mut fatal = base.to_vec();
        fatal.push(("player_error_code", "2"));
        fatal.push(("player_error_message", "network"));
        assert_eq!(read(&fatal).unwrap().error.as_deref(), Some("2 network"));
        // A message alone is no fatal error.
        let mut message = base.to_vec();
        message.push(("player_error_message", "network"));
        assert_eq!(read(&message).unwrap().error, None);
        // Rejections name their field.
        let mut bad = base.to_vec();
        bad.push(("exit_before_video_start", "Maybe"));
        let reason = read(&bad).unwrap_err().to_string();
        assert!(reason.starts_with("exit_before_video_start"), "{reason}");
        assert!(reason.contains("maybe"), "{reason}");
        let mut before = base.to_vec();
        before[2] = ("view_end", "2020-11-27T13:59:59Z");
        assert!(read(&before)
            .unwrap_err()
            .to_string()
            .starts_with("view_end"));
        let mut no_id = base.to_vec();
        no_id[0] = ("view_id", "  ");
        assert!(read(&no_id).unwrap_err().to_string().starts_with("view_id"));
    }
}
