//! The loop every adapter shares: each record is counted as read, then kept, rejected with
//! its reason, or counted as a duplicate of an earlier one with the same key; the local times
//! it read on a DST change become its warnings unless it is rejected. Adapters only
//! say how a record becomes a (key, row) pair; the accounting
//! `rows_read = rows_kept + rows_rejected + duplicates_removed` is kept here, once.

use polars::prelude::PlHashSet as HashSet;
use std::hash::Hash;

use serde_json::Value;

use super::reader::{CsvTable, Records};
use super::{Ctx, Reason};

/// Keeps `row` unless `key` was seen, counting either way.
fn keep<K: Hash + Eq, T>(ctx: &mut Ctx, seen: &mut HashSet<K>, key: K, row: T, out: &mut Vec<T>) {
    if seen.insert(key) {
        ctx.kept();
        out.push(row);
    } else {
        ctx.duplicate();
    }
}

/// Runs `parse` over a CSV table's records: `parse(line, fields, ctx)`.
pub fn csv<K: Hash + Eq, T>(
    t: &CsvTable,
    ctx: &mut Ctx,
    out: &mut Vec<T>,
    mut parse: impl FnMut(u64, &[String], &Ctx) -> Result<(K, T), Reason>,
) {
    let mut seen = HashSet::default();
    for (line, rec) in &t.records {
        ctx.read();
        let fields = match rec {
            Ok(f) => f,
            Err(e) => {
                ctx.reject(Some(*line), e.clone());
                continue;
            }
        };
        let parsed = parse(*line, fields, ctx);
        ctx.settle(parsed.is_ok(), |note| (Some(*line), note));
        match parsed {
            Ok((key, row)) => keep(ctx, &mut seen, key, row, out),
            Err(reason) => ctx.reject(Some(*line), reason),
        }
    }
}

/// Runs `parse` over JSON records (array items, NDJSON lines, or a page's array).
pub fn json<K: Hash + Eq, T>(
    records: Records<'_>,
    ctx: &mut Ctx,
    out: &mut Vec<T>,
    mut parse: impl FnMut(&Value, &Ctx) -> Result<(K, T), Reason>,
) {
    let mut seen = HashSet::default();
    for rec in records {
        ctx.read();
        let Some(v) = ctx.value(&rec) else { continue };
        if !v.is_object() {
            ctx.reject(rec.line, rec.reason(Reason::new("in-not-object")));
            continue;
        }
        let parsed = parse(v, ctx);
        ctx.settle(parsed.is_ok(), |note| (rec.line, rec.reason(note)));
        match parsed {
            Ok((key, row)) => keep(ctx, &mut seen, key, row, out),
            Err(reason) => ctx.reject(rec.line, rec.reason(reason)),
        }
    }
}

/// A field of a CSV record by column index, trimmed, `None` when absent or empty.
pub fn field(fields: &[String], i: Option<usize>) -> Option<&str> {
    i.and_then(|i| fields.get(i))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}
