//! The team's ops log: a CSV with header `time,kind,text` and optional `owner,timebox`
//! (docs/formats.md, "The ops log"). Times are local to the source's zone unless they carry an
//! offset; `kind` is one of the documented kinds; `timebox` is a duration like `10m`.

use super::adapter::{Adapter, Reader, Zone};
use super::reader::Doc;
use super::rows;
use super::{Ctx, Reason};
use crate::tables::LogRow;
use crate::timeutil::parse_duration_s;

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
pub fn read(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<LogRow>) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    let idx = t.require(SIGNATURE)?;
    let (c_time, c_kind, c_text) = (idx[0], idx[1], idx[2]);
    let (c_owner, c_timebox) = (t.index("owner"), t.index("timebox"));
    rows::csv(t, ctx, out, |_line, f, ctx| {
        let get = |i: Option<usize>| rows::field(f, i);
        let time = get(Some(c_time)).ok_or_else(|| Reason::empty("time"))?;
        let at = ctx.instant("time", time)?;
        let kind = get(Some(c_kind))
            .ok_or_else(|| Reason::empty("kind"))?
            .to_lowercase();
        if !KINDS.contains(&kind.as_str()) {
            let e = Reason::new("in-not-one-of")
                .arg("value", &kind)
                .arg("list", KINDS.join(", "));
            return Err(Reason::field("kind", e));
        }
        let timebox_s = get(c_timebox)
            .map(|t| parse_duration_s(t).map_err(|e| Reason::field("timebox", e)))
            .transpose()?;
        let text = get(Some(c_text)).map(crate::text::redact);
        // An entry written twice (same time, kind and text) is a duplicate.
        let key = (at, kind.clone(), text.clone());
        Ok((
            key,
            LogRow {
                at: Some(at),
                kind: Some(kind),
                text,
                owner: get(c_owner).map(crate::text::redact),
                timebox_s,
                source: ctx.source(),
            },
        ))
    });
    Ok(())
}

/// `ops-log-csv`: the team's ops log.
pub const OPS_LOG: Adapter = Adapter {
    name: "ops-log-csv",
    zone: Zone::Local,
    csv_signatures: &[SIGNATURE],
    json_signatures: &[],
    documented: &["time", "kind", "text", "owner", "timebox"],
    advice: None,
    mappable: false,
    reader: Reader::Log(read),
};
