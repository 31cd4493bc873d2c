//! The loop every JSON e-mail adapter shares: each record is parsed into a canonical e-mail
//! row with a deduplication key (the provider's event id, or the record's whole canonical
//! text where the provider has none), counted as kept, rejected or duplicate.

use std::collections::HashSet;

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::reader::Record;
use super::Ctx;
use crate::tables::EmailRow;

/// The deduplication key of a record with no event id: its canonical JSON text (serde_json's
/// map is ordered by key).
pub fn whole_record_key(v: &Value) -> String {
    v.to_string()
}

/// Runs `parse` over the records, deduplicating on the key it returns.
pub fn read_events(
    records: Vec<Record<'_>>,
    ctx: &mut Ctx,
    out: &mut Vec<EmailRow>,
    parse: impl Fn(&Value, &Ctx) -> Result<(EmailRow, String), String>,
) {
    let mut seen: HashSet<[u8; 32]> = HashSet::new();
    for rec in records {
        ctx.read();
        let Some(v) = ctx.value(&rec) else { continue };
        if !v.is_object() {
            ctx.reject(rec.line, rec.reason("not a JSON object"));
            continue;
        }
        match parse(v, ctx) {
            Ok((row, key)) => {
                if seen.insert(Sha256::digest(key.as_bytes()).into()) {
                    ctx.kept();
                    out.push(row);
                } else {
                    ctx.duplicate();
                }
            }
            Err(reason) => ctx.reject(rec.line, rec.reason(&reason)),
        }
    }
}

/// Unix seconds, checked to lie between 2000 and 2100 (a milliseconds or nanoseconds value in
/// a seconds field is an error, not a date in the far future).
pub fn unix_seconds(field: &str, secs: f64) -> Result<i64, String> {
    if !(946_684_800.0..4_102_444_800.0).contains(&secs) {
        return Err(format!(
            "{field}: {secs} is not unix seconds between 2000 and 2100"
        ));
    }
    Ok(crate::timeutil::from_unix_seconds(secs))
}
