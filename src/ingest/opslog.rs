//! The team's ops log: a CSV with header `time,kind,text` and optional `owner,timebox`
//! (metrics.md, "The ops log"). Times are local to the source's zone unless they carry an
//! offset; `kind` is one of the documented kinds; `timebox` is a duration like `10m`.

use super::reader::Doc;
use super::Ctx;
use crate::tables::LogRow;
use crate::timeutil::{parse_duration_s, parse_instant};

/// Header columns that identify the format.
pub const SIGNATURE: &[&str] = &["time", "kind", "text"];

/// The kinds an entry may have.
pub const KINDS: &[&str] = &[
    "start",
    "detection",
    "decision",
    "attempt",
    "mitigation",
    "communication",
    "recovery",
    "note",
];

/// Reads the log.
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<LogRow>) -> Result<(), String> {
    let Doc::Csv(t) = doc else {
        return Err("expected a CSV file".into());
    };
    let idx = t.require(SIGNATURE)?;
    let (c_time, c_kind, c_text) = (idx[0], idx[1], idx[2]);
    let (c_owner, c_timebox) = (t.index("owner"), t.index("timebox"));
    let mut seen = std::collections::HashSet::new();
    for (line, rec) in &t.records {
        ctx.read();
        let f = match rec {
            Ok(f) => f,
            Err(e) => {
                ctx.reject(Some(*line), e.clone());
                continue;
            }
        };
        let get = |i: Option<usize>| {
            i.and_then(|i| f.get(i))
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
        };
        let row = (|| -> Result<LogRow, String> {
            let at = parse_instant(get(Some(c_time)).ok_or("time: empty")?, ctx.zone)
                .map_err(|e| format!("time: {e}"))?;
            let kind = get(Some(c_kind)).ok_or("kind: empty")?.to_lowercase();
            if !KINDS.contains(&kind.as_str()) {
                return Err(format!("kind: '{kind}' is not one of {}", KINDS.join(", ")));
            }
            let timebox_s = get(c_timebox)
                .map(|t| parse_duration_s(t).map_err(|e| format!("timebox: {e}")))
                .transpose()?;
            Ok(LogRow {
                at: Some(at),
                kind: Some(kind),
                text: get(Some(c_text)).map(crate::text::redact),
                owner: get(c_owner).map(crate::text::redact),
                timebox_s,
                source: ctx.source(),
            })
        })();
        match row {
            Ok(r) => {
                if seen.insert((r.at, r.kind.clone(), r.text.clone())) {
                    ctx.kept();
                    out.push(r);
                } else {
                    ctx.duplicate();
                }
            }
            Err(reason) => ctx.reject(Some(*line), reason),
        }
    }
    Ok(())
}
