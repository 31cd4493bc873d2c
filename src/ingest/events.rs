//! What the JSON e-mail adapters share: the deduplication key (the provider's event id, or the
//! record's whole canonical text where the provider has none, kept as a digest) and the range
//! check of unix-second fields.

use serde_json::Value;
use sha2::{Digest, Sha256};

use super::columnar::Parsed;
use super::reader::Records;
use super::reading::Reading;
use super::{Ctx, Reason};
use crate::tables::EmailRow;

/// The deduplication key of a record: the provider's `id` for it, else its JSON text as
/// serde_json writes it again (compact, keys in the order written: `preserve_order` is on
/// through polars). The columnar reader keys a record without an id on its line's compact
/// text (see [`super::columnar::Dedup`]).
pub fn record_key(v: &Value, id: Option<String>) -> String {
    id.unwrap_or_else(|| v.to_string())
}

/// A provider's event names and their canonical names (formats.md).
pub type Names = [(&'static str, &'static str)];

/// The canonical name of a provider's (lower-cased) event name.
pub fn canonical_name(names: &Names, event: &str) -> Option<&'static str> {
    names
        .iter()
        .find(|(from, _)| *from == event)
        .map(|(_, to)| *to)
}

/// Runs `parse` over the records, deduplicating on (a digest of) each one's [`record_key`].
pub fn read_events(
    records: Records<'_>,
    ctx: &mut Ctx,
    out: &mut Vec<EmailRow>,
    parse: impl Fn(&Value, &Reading) -> Parsed<EmailRow>,
) {
    super::rows::json(records, ctx, out, |v, ctx| {
        let (row, id) = parse(v, ctx)?;
        let key = record_key(v, id);
        let digest: [u8; 32] = Sha256::digest(key.as_bytes()).into();
        Ok((digest, row))
    });
}

/// Unix seconds, checked to lie between 2000 and 2100 (a milliseconds or nanoseconds value in
/// a seconds field is an error, not a date in the far future).
pub fn unix_seconds(field: &str, secs: f64) -> Result<i64, Reason> {
    use crate::timeutil::{EARLIEST, LATEST};
    if !(EARLIEST as f64 / 1000.0..LATEST as f64 / 1000.0).contains(&secs) {
        let e = Reason::new("in-not-unix-seconds").arg("value", secs);
        return Err(Reason::field(field, e));
    }
    Ok(crate::timeutil::from_unix_seconds(secs))
}
