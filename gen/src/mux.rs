//! Mux Data's daily views export (CSV, v2 layout: columns in alphabetical order, UTC instants
//! with milliseconds, empty cells for absent values). One row per view, sorted by view_start
//! then view_id.

use crate::out::{push_csv, Out};
use crate::people::{person, ISPS};
use crate::rng::Rng;
use crate::sim::{Kind, Platform, Sim, View};
use crate::time::{push_utc_ms, DAY0};
use std::fmt::Write as _;
use std::path::Path;

const TAG_MUX_ROW: u64 = 0x4D55_5852;

/// The export's columns, alphabetical as Mux v2 writes them.
pub const COLUMNS: [&str; 25] = [
    "asn",
    "asn_name",
    "cdn",
    "city",
    "country_code",
    "country_name",
    "error_type_id",
    "exit_before_video_start",
    "isp",
    "player_error_code",
    "player_error_context",
    "player_error_message",
    "player_name",
    "rebuffer_percentage",
    "video_startup_time",
    "video_title",
    "view_end",
    "view_id",
    "view_start",
    "viewer_application_name",
    "viewer_device_category",
    "viewer_os_family",
    "viewer_user_id",
    "watch_time",
    "watched",
];

/// (player_error_code, player_error_message, player_error_context, error_type_id) of the
/// broken route.
/// (player_error_code, player_error_message, player_error_context, error_type_id).
type PlayerError = (&'static str, &'static str, &'static str, &'static str);

/// What a view's row says about it: (error, exit_before_video_start, video_startup_time ms,
/// rebuffer_percentage as a fraction, watch_time ms).
type Outcome = (Option<PlayerError>, bool, Option<i64>, Option<f64>, i64);

const INCIDENT_ERRORS: [PlayerError; 2] = [
    (
        "2",
        "MEDIA_ERR_NETWORK",
        "hls.js: fragLoadError, network timeout",
        "1346",
    ),
    (
        "4",
        "MEDIA_ERR_SRC_NOT_SUPPORTED",
        "manifestLoadError: HTTP 0, no response",
        "1347",
    ),
];

/// Everyday errors.
const BASELINE_ERRORS: [PlayerError; 2] = [
    (
        "3",
        "MEDIA_ERR_DECODE",
        "PIPELINE_ERROR_DECODE: video decoder reinitialization failed",
        "1031",
    ),
    (
        "2",
        "MEDIA_ERR_NETWORK",
        "Segment request failed: HTTP 503",
        "1028",
    ),
];

fn uuid(id: u128) -> String {
    let h = format!("{id:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Writes the CSV; returns the number of data rows.
pub fn write(path: &Path, sim: &Sim) -> Result<u64, String> {
    let mut out = Out::create(path)?;
    let mut line = COLUMNS.join(",");
    line.push('\n');
    out.put(&line)?;
    for v in &sim.views {
        line.clear();
        row(&mut line, sim.seed, v);
        out.put(&line)?;
    }
    out.finish()?;
    Ok(sim.views.len() as u64)
}

/// Appends one view's row.
fn row(line: &mut String, seed: u64, v: &View) {
    let p = person(seed, v.person);
    let isp = &ISPS[p.isp];
    let mut r = Rng::stream(
        seed,
        TAG_MUX_ROW,
        (u64::from(v.person) << 16) | u64::from(v.seq),
    );
    let len = i64::from(v.end) - i64::from(v.start);
    let (cdn, title) = match v.platform {
        Platform::Vimeo => (
            *r.pick(&["akamai", "akamai", "fastly"]),
            "Plénière d'ouverture - SSF 2020",
        ),
        Platform::Youtube => ("google", "SSF 2020 - Plénière d'ouverture (direct)"),
    };
    let player = match v.platform {
        Platform::Vimeo => "vimeo",
        Platform::Youtube => "youtube",
    };
    let (err, exit, startup_ms, rebuffer, watch): Outcome = match v.kind {
        Kind::Ok => {
            let st = match v.platform {
                Platform::Vimeo => r.between(350, 2500),
                Platform::Youtube => r.between(250, 1500),
            };
            let rb = if r.chance(0.05) {
                0.02 + r.unit() * 0.06
            } else {
                r.unit() * 0.015
            };
            (
                None,
                false,
                Some(st),
                Some(rb),
                (len - r.between(0, 1500)).max(0),
            )
        }
        Kind::Short => (None, true, None, None, 0),
        Kind::BaseExit => (None, true, None, None, r.between(0, len.min(9_900))),
        Kind::BaseFatal => {
            let e = *r.pick(&BASELINE_ERRORS);
            (
                Some(e),
                false,
                Some(r.between(400, 2500)),
                Some(0.01 + r.unit() * 0.1),
                len,
            )
        }
        Kind::IncFatal => {
            let e = *r.pick(&INCIDENT_ERRORS);
            (
                Some(e),
                false,
                Some(r.between(350, 2500)),
                Some(0.02 + r.unit() * 0.25),
                len,
            )
        }
        Kind::RetryFatal => (Some(*r.pick(&INCIDENT_ERRORS)), false, None, None, len),
        Kind::RetryExit => (None, true, None, None, 0),
    };
    // Writing to a String cannot fail.
    let _ = write!(line, "{},", isp.asn);
    push_csv(line, isp.asn_name);
    line.push(',');
    line.push_str(cdn);
    line.push(',');
    push_csv(line, p.city);
    line.push(',');
    line.push_str(isp.country_code);
    line.push(',');
    line.push_str(isp.country_name);
    line.push(',');
    if let Some(e) = err {
        line.push_str(e.3);
    }
    line.push(',');
    line.push_str(if exit { "true" } else { "false" });
    line.push(',');
    push_csv(line, isp.isp);
    line.push(',');
    if let Some(e) = err {
        line.push_str(e.0);
        line.push(',');
        push_csv(line, e.2);
        line.push(',');
        line.push_str(e.1);
    } else {
        line.push_str(",,");
    }
    line.push(',');
    line.push_str(player);
    line.push(',');
    if let Some(rb) = rebuffer {
        let _ = write!(line, "{rb:.4}");
    }
    line.push(',');
    if let Some(st) = startup_ms {
        let _ = write!(line, "{st}");
    }
    line.push(',');
    push_csv(line, title);
    line.push(',');
    push_utc_ms(line, DAY0 * 1000 + i64::from(v.end));
    line.push(',');
    line.push_str(&uuid(v.id));
    line.push(',');
    push_utc_ms(line, DAY0 * 1000 + i64::from(v.start));
    line.push(',');
    push_csv(line, p.browser);
    line.push(',');
    line.push_str(p.device.name());
    line.push(',');
    push_csv(line, p.os);
    line.push(',');
    push_csv(line, &p.mux_user_id);
    let _ = writeln!(line, ",{watch},true");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_alphabetical() {
        let mut sorted = COLUMNS;
        sorted.sort_unstable();
        assert_eq!(sorted, COLUMNS);
    }

    #[test]
    fn uuid_text_sorts_like_the_number() {
        assert_eq!(uuid(1), "00000000-0000-0000-0000-000000000001");
        assert!(uuid(1 << 100) > uuid((1 << 99) + 12345));
    }
}
