//! YouTube live concurrent viewers, as a team saves them: snapshots of `time` and
//! `concurrentViewers`, either a CSV `time,viewers` or a JSON array of objects holding a time
//! (`time`, `at`, `fetched_at` or `timestamp`) and `concurrentViewers` directly or inside the
//! `liveStreamingDetails` the Data API returns. `concurrentViewers` is a string, and only
//! exists while the stream is live: a snapshot without it is rejected with that reason.
//! Rows go to the `audience` table, platform `youtube`.

use serde_json::Value;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{as_i64, as_text, Doc};
use super::rows;
use super::{Ctx, Reason};
use crate::tables::AudienceRow;

/// CSV header that identifies the format.
pub const CSV_SIGNATURE: &[&str] = &["time", "viewers"];
/// JSON snapshot shapes.
pub const JSON_SIGNATURES: &[&[&str]] = &[
    &["time", "concurrentViewers"],
    &["time", "liveStreamingDetails"],
    &["fetched_at", "liveStreamingDetails"],
    &["fetched_at", "items", "items.liveStreamingDetails"],
];

fn snapshot(at: i64, viewers: i64, ctx: &Ctx) -> AudienceRow {
    AudienceRow {
        platform: Some("youtube".into()),
        at: Some(at),
        viewers: Some(viewers),
        source: ctx.source(),
    }
}

fn viewers(field: &str, v: &str) -> Result<i64, Reason> {
    v.trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| Reason::not_a(field, "in-not-a-viewer-count", v))
}

/// Reads the CSV form.
pub fn read_csv(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<AudienceRow>) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    let idx = t.require(CSV_SIGNATURE)?;
    // One snapshot per instant: a repeated time is a duplicate.
    rows::csv(t, ctx, out, |_line, f, ctx| {
        let at = ctx.instant("time", &f[idx[0]])?;
        Ok((at, snapshot(at, viewers("viewers", &f[idx[1]])?, ctx)))
    });
    Ok(())
}

/// Reads the JSON form.
pub fn read_json(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<AudienceRow>) -> Result<(), Reason> {
    rows::json(doc.records(None)?, ctx, out, |v, ctx| {
        let time = ["time", "at", "fetched_at", "timestamp"]
            .iter()
            .find_map(|k| v.get(*k))
            .ok_or_else(|| Reason::missing("time"))?;
        let at = match as_i64(Some(time)) {
            Some(s) if matches!(time, Value::Number(_)) => {
                crate::ingest::events::unix_seconds("time", s as f64)?
            }
            _ => {
                let text = as_text(Some(time)).ok_or_else(|| Reason::empty("time"))?;
                ctx.instant("time", &text)?
            }
        };
        let count = v
            .get("concurrentViewers")
            .or_else(|| v.pointer("/liveStreamingDetails/concurrentViewers"))
            .or_else(|| v.pointer("/items/0/liveStreamingDetails/concurrentViewers"))
            .and_then(|c| as_text(Some(c)))
            .ok_or_else(|| Reason::field("concurrentViewers", Reason::new("in-not-live")))?;
        Ok((at, snapshot(at, viewers("concurrentViewers", &count)?, ctx)))
    });
    Ok(())
}

/// `youtube-viewers-csv`: concurrent viewers as CSV.
pub const VIEWERS_CSV: Adapter = Adapter {
    name: "youtube-viewers-csv",
    zone: Zone::Local,
    csv_signatures: &[CSV_SIGNATURE],
    json_signatures: &[],
    documented: &["time", "viewers"],
    advice: None,
    mappable: false,
    reader: Reader::Audience(read_csv),
};

/// `youtube-viewers-json`: concurrent viewers as JSON.
pub const VIEWERS_JSON: Adapter = Adapter {
    name: "youtube-viewers-json",
    zone: Zone::InFile,
    csv_signatures: &[],
    json_signatures: JSON_SIGNATURES,
    documented: &[
        "time",
        "fetched_at",
        "concurrentViewers",
        "liveStreamingDetails",
        "liveStreamingDetails.concurrentViewers",
        "liveStreamingDetails.actualStartTime",
        "items",
        "items.id",
        "items.liveStreamingDetails",
    ],
    advice: None,
    mappable: false,
    reader: Reader::Audience(read_json),
};
