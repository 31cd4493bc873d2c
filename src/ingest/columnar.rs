//! Reading the exports that can hold millions of rows, on every core.
//!
//! - **CSV** (Mux views, the generic viewing CSV): each line is split where it lies in the
//!   file and goes through the adapter's one statement of its rules, on every core
//!   ([`super::csv_lines`], with the line checks and [`settled_rows`] here).
//! - **JSON events** (Mailjet, SendGrid, Brevo, Mailgun, Cloudflare; NDJSON or an array of
//!   objects): each record goes through the adapter's one row parser, on every core, from
//!   its wanted fields alone where they are plain, else whole ([`plain_records`],
//!   [`read_lines`]).
//!
//! Deduplication runs on the whole file's rows ([`finish_parts`]).
//!
//! A file whose shape the row reader could read otherwise than record by record here
//! (ragged rows, a quoted line break, an unterminated quote, another separator, invalid
//! JSON, blank lines in NDJSON) gets `None` here and goes the row-by-row way, which names
//! each bad line. Any other polars error is the adapter's `Err`, which ingest reports as the
//! file's problem: never a silent second reading.

use std::borrow::Cow;

use polars::prelude::*;

use super::reading::{Reading, Rules};
use super::Reason;

/// Name of the helper column holding the deduplication key.
pub const KEY: &str = "__key";
const ROW: &str = "__row";

/// The bytes without a UTF-8 BOM.
pub(super) fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)
}

/// The lines of `b` split at each line feed (as `b.split(|&c| c == b'\n')`), found with memchr.
pub(super) fn split_lines(b: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    let mut ends = memchr::memchr_iter(b'\n', b);
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let start = at;
        match ends.next() {
            Some(end) => {
                at = end + 1;
                Some(&b[start..end])
            }
            None => {
                done = true;
                Some(&b[start..])
            }
        }
    })
}

/// The default of [`part_records`]; below it, the large files are read in stretches of a few
/// records (see [`stretch_bytes`]).
pub const PART_RECORDS: usize = 1 << 19;

static PART: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(PART_RECORDS);

/// Records per part ([`PART_RECORDS`] unless a test set another).
pub fn part_records() -> usize {
    PART.load(std::sync::atomic::Ordering::Relaxed)
}

/// Sets the records per part for the rest of the process: for tests, which read small files
/// in many parts to show that the parts change nothing.
#[doc(hidden)]
pub fn set_part_records(n: usize) {
    PART.store(n.max(1), std::sync::atomic::Ordering::Relaxed);
}

/// Bytes each thread reads of a large CSV or NDJSON file at a time (about 110,000 Mux views
/// or 80,000 Mailjet events): the rows a thread holds before they are a frame, and the pages
/// of the file given back after each round.
const STRETCH: usize = 32 << 20;

/// Bytes each thread reads at a time: [`STRETCH`], or about 64 per record when a test set
/// fewer records per part ([`part_records`]), to show that parts change nothing.
fn stretch_bytes() -> usize {
    match part_records() {
        n if n < PART_RECORDS => n * 64,
        _ => STRETCH,
    }
}

/// `b[from..]` in rounds, the way the large CSV and NDJSON readers go over a file: each
/// round about [`stretch_bytes`] per core, ending just after a line feed (or at the end of
/// `b`), given as its range and its stretches (see [`stretches_after_line_feeds`]), one per
/// core, or one alone for a round under 4 MiB (read on the calling thread). There is always
/// a first round, empty when `from` is the end of `b`.
#[allow(clippy::type_complexity)]
pub(super) fn rounds(
    b: &[u8],
    from: usize,
) -> impl Iterator<Item = (std::ops::Range<usize>, Vec<(usize, usize)>)> + '_ {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut next = Some(from);
    std::iter::from_fn(move || {
        let at = next?;
        let end = after_line_feed(b, at + stretch_bytes() * threads);
        let n = if end - at < 1 << 22 { 1 } else { threads };
        next = (end < b.len()).then_some(end);
        Some((at..end, stretches_after_line_feeds(&b[..end], at, n)))
    })
}

/// The end of the line `b[at..]` is in (just after its line feed), or the end of `b`.
fn after_line_feed(b: &[u8], at: usize) -> usize {
    if at >= b.len() {
        return b.len();
    }
    memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i + 1)
}

/// `b[from..]` cut in about `n` stretches (start, end), each but the last ending just after
/// a line feed.
pub(super) fn stretches_after_line_feeds(b: &[u8], from: usize, n: usize) -> Vec<(usize, usize)> {
    let mut cuts = vec![from];
    for k in 1..n.max(1) {
        let aim = (from + (b.len() - from) * k / n).max(cuts[cuts.len() - 1]);
        match memchr::memchr(b'\n', &b[aim..]) {
            Some(i) if aim + i + 1 < b.len() => cuts.push(aim + i + 1),
            _ => break,
        }
    }
    cuts.dedup();
    cuts.push(b.len());
    cuts.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The lines of an NDJSON text (BOM aside) end to end, `None` unless there is one: the text
/// without its final line break, which ends the last line. The lines are this body split at
/// each line feed, every one of them an object (see [`stretch_lines`]): no blank line (line
/// numbers stay exact), no array.
fn ndjson_body(bytes: &[u8]) -> Option<&[u8]> {
    let b = without_bom(bytes);
    let body = b.strip_suffix(b"\n").unwrap_or(b);
    (!body.is_empty()).then_some(body)
}

/// The lines of a stretch of an [`ndjson_body`], `None` unless each is one object. A stretch
/// but the `last` ends just after a line feed, which ends its last line.
fn stretch_lines(s: &[u8], last: bool) -> Option<Vec<&[u8]>> {
    let s = match last {
        true => s,
        false => s.strip_suffix(b"\n")?,
    };
    let mut lines = Vec::with_capacity(s.len() / 256);
    for line in split_lines(s) {
        if !line.trim_ascii_start().starts_with(b"{") {
            return None;
        }
        lines.push(line);
    }
    Some(lines)
}

/// The lines of an NDJSON text, `None` unless each is one object.
#[cfg(test)]
fn ndjson_lines(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    stretch_lines(ndjson_body(bytes)?, true)
}

/// The wanted fields of a plain line (see [`plain_records`]), as a row parser reads them: a
/// cell holds a string's or a boolean's text, or a whole number, so that
/// [`super::reader::as_text`], [`super::reader::as_f64`] and [`super::reader::as_i64`] of
/// the whole value give what these give (a whole number's text is written only when asked
/// for, and is the number's as written; a whole number beyond `i64` makes the line not
/// plain).
pub struct PlainFields<'c, 'de> {
    names: &'c [&'c str],
    cells: &'c [Option<Plain<'de>>],
    /// Bit `i`: field `names[i]` is written in the line (null included).
    present: u64,
}

/// A wanted field's value in a plain line.
#[derive(Clone)]
enum Plain<'de> {
    /// A string's text, or a boolean's.
    Text(Cow<'de, str>),
    /// A whole number (Mailjet's `time` and campaign ids: formatted as text only when a
    /// parser asks for text, 3.85 million times less at a million participants).
    Int(i64),
}

impl super::reader::Fields for PlainFields<'_, '_> {
    fn text(&self, name: &str) -> Option<Cow<'_, str>> {
        match self.cell(name)? {
            Plain::Text(t) => {
                let t = t.trim();
                (!t.is_empty()).then_some(Cow::Borrowed(t))
            }
            Plain::Int(i) => Some(Cow::Owned(i.to_string())),
        }
    }
    fn number(&self, name: &str) -> Option<f64> {
        match self.cell(name)? {
            Plain::Text(t) => t.trim().parse().ok(),
            // As the number's text parses: the nearest float.
            Plain::Int(i) => Some(*i as f64),
        }
    }
    fn integer(&self, name: &str) -> Option<i64> {
        match self.cell(name)? {
            Plain::Text(t) => t.trim().parse().ok(),
            Plain::Int(i) => Some(*i),
        }
    }
    fn has(&self, name: &str) -> bool {
        self.index(name)
            .is_some_and(|i| self.present & (1 << i) != 0)
    }
}

impl PlainFields<'_, '_> {
    /// The index of field `name`: found first by address, as a parser names its fields with
    /// the same literals as its list of them (a dozen look-ups a line), else by text.
    fn index(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .position(|n| std::ptr::eq(*n, name))
            .or_else(|| self.names.iter().position(|n| *n == name))
    }
    fn cell(&self, name: &str) -> Option<&Plain<'_>> {
        self.cells.get(self.index(name)?)?.as_ref()
    }
}

/// How the records of a file read by [`plain_records`] are deduplicated.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dedup {
    /// On the whole record: lines with the same JSON text but for blank space (see
    /// [`FirstLines`]), for providers that give no event id.
    Lines,
    /// On the id the row parser returns, else on the whole record as
    /// [`super::events::record_key`] keys the row reader's records (its text as serde_json
    /// writes the parsed value again).
    Ids,
}

/// What a row parser makes of one record: the row and the provider's id for it, if it has one.
pub type Parsed<T> = Result<(T, Option<String>), Reason>;

/// Each of NDJSON `lines` (each one object, see [`stretch_lines`]) through an adapter's row
/// parser `read`, on this thread, with each line's fingerprint ([`line_print`]) under
/// [`Dedup::Lines`]; indices are the lines' in `lines`. A line is plain when each wanted field
/// is missing, null, a string, a whole number or a boolean, written once:
/// `read(reading, line, Some(fields))` then gets those `fields` alone, read as the row
/// parsers read a whole value (see [`PlainFields`]). Any other line (a fraction, an object or
/// an array in a wanted field, a field written twice), and every line when no field is
/// wanted, goes whole: `read(reading, line, None)`. The part has its own [`Reading`] under
/// `rules`: the DST notes of a row kept become its warnings, and its tally is counted. The
/// rows are made into a frame here. `None` when a line is not valid JSON as `serde_json`
/// parses a whole [`serde_json::Value`] (numbers in range, surrogates paired, nesting depth,
/// its raw-value marker), anywhere in the line: the file then goes the row-by-row way.
///
/// The parser is written once, against [`super::reader::Fields`], and reads both kinds of
/// line: no second statement of the vendor's rules. This replaced polars' NDJSON reader and
/// column expressions for Mailjet (polars wrote every number out as text again and parsed
/// whole objects: 4.5 s of 10 s for 3.85 million events), then for the other NDJSON
/// providers.
fn plain_part<T>(
    part: &[&[u8]],
    fields: &[&str],
    rules: &Rules,
    dedup: Dedup,
    read: &impl Fn(&Reading, &[u8], Option<&PlainFields>) -> Parsed<T>,
    frame: fn(&[T]) -> PolarsResult<DataFrame>,
) -> Option<PolarsResult<PlainRead>> {
    if fields.len() > 64 {
        return None;
    }
    let reading = rules.reading();
    let mut rows = Vec::with_capacity(part.len());
    let mut read_part = PlainRead {
        frames: Vec::new(),
        kept: Vec::with_capacity(part.len()),
        ids: Vec::new(),
        rejected: Vec::new(),
        warnings: Vec::new(),
        prints: Vec::new(),
        records: part.len(),
        tally: 0,
    };
    let mut cells: Vec<Option<Plain>> = vec![None; fields.len()];
    for (i, line) in part.iter().enumerate() {
        cells.iter_mut().for_each(|c| *c = None);
        if dedup == Dedup::Lines {
            read_part.prints.push(line_print(line));
        }
        let text = simdutf8::basic::from_utf8(line).ok()?;
        let mut de = serde_json::Deserializer::from_str(text);
        let visit = serde::Deserializer::deserialize_map(
            &mut de,
            PlainLine {
                fields,
                cells: &mut cells,
            },
        );
        let plain = match visit.and_then(|p| de.end().map(|_| p)) {
            Ok(p) => p,
            Err(e) if e.classify() == serde_json::error::Category::Data => None,
            Err(_) => return None,
        };
        let row = match plain {
            Some(present) if !fields.is_empty() => {
                let fields = PlainFields {
                    names: fields,
                    cells: &cells,
                    present,
                };
                read(&reading, line, Some(&fields))
            }
            _ => read(&reading, line, None),
        };
        let notes = reading.dst.take();
        match row {
            Ok((row, id)) => {
                rows.push(row);
                read_part.kept.push(i);
                read_part.warnings.extend(notes.into_iter().map(|n| (i, n)));
                if dedup == Dedup::Ids {
                    // A record without an id (rare) is parsed whole again for its key.
                    let id = id.unwrap_or_else(|| match serde_json::from_slice(line) {
                        Ok(v) => super::events::record_key(&v, None),
                        Err(_) => String::from_utf8_lossy(line).into_owned(),
                    });
                    read_part.ids.push(id);
                }
            }
            Err(reason) => read_part.rejected.push((i, reason)),
        }
    }
    read_part.tally = reading.tally.get();
    Some(frame(&rows).map(|f| {
        read_part.frames.push(f);
        read_part
    }))
}

/// [`plain_part`] over `lines` cut in parts, one per core, put together in order.
#[cfg(test)]
fn plain_records<T>(
    lines: &[&[u8]],
    fields: &[&str],
    rules: &Rules,
    dedup: Dedup,
    read: impl Fn(&Reading, &[u8], Option<&PlainFields>) -> Parsed<T> + Sync,
    frame: fn(&[T]) -> PolarsResult<DataFrame>,
) -> Option<PolarsResult<PlainRead>> {
    let parts = on_cores(lines, 20_000, |part, _| {
        plain_part(part, fields, rules, dedup, &read, frame)
    });
    let mut all: Option<PlainRead> = None;
    for part in parts {
        let part = match part? {
            Ok(part) => part,
            Err(e) => return Some(Err(e)),
        };
        match &mut all {
            None => all = Some(part),
            Some(all) => all.append(part),
        }
    }
    all.map(Ok)
}

/// The reader [`read_lines`] takes, for a vendor's one parser `$parse` written against
/// [`super::reader::Fields`]: each line from its plain fields where it has them, else parsed
/// whole. A macro, not a function: `$parse` is generic, and each kind of line gets its own
/// instance of it (through a `&dyn Fields` instead, Mailjet's 3.85 million lines took 0.5 s
/// more CPU).
macro_rules! fields_or_line {
    ($parse:path) => {
        |r: &super::reading::Reading, line: &[u8], plain: Option<&super::columnar::PlainFields>| {
            match plain {
                Some(fields) => $parse(fields, r),
                None => super::columnar::parse_line(line, |v| $parse(v, r)),
            }
        }
    };
}
pub(super) use fields_or_line;

/// Reads an NDJSON export, or a JSON array of records, a stretch at a time on each core,
/// each record by the adapter's one row parser `read` through [`plain_part`] (see there):
/// the columnar reader of the JSON event providers. Each thread finds the lines of its
/// stretch and parses them as it goes, so the file is gone over once, and its pages are
/// given back after each round. `Ok(None)` when the file's shape needs the row reader: not
/// records one per line (see [`json_lines`], [`stretch_lines`]), fewer than `least` lines,
/// or a line that is not valid JSON. Besides the frame, the sum of the threads' tallies.
/// Nothing is counted unless the read succeeds.
pub fn read_lines<T>(
    bytes: &[u8],
    ctx: &mut super::Ctx,
    fields: &[&str],
    dedup: Dedup,
    least: usize,
    read: impl Fn(&Reading, &[u8], Option<&PlainFields>) -> Parsed<T> + Sync,
    frame: fn(&[T]) -> PolarsResult<DataFrame>,
) -> PolarsResult<Option<(DataFrame, u64)>> {
    let mut steps = crate::timings::Steps::start(&ctx.report.path);
    let Some((text, place)) = json_lines(bytes) else {
        return Ok(None);
    };
    if matches!(text, Cow::Owned(_)) {
        // A JSON array's items, put one a line in a copy: the mapping's pages are done with.
        ctx.release(bytes);
    }
    let Some(body) = ndjson_body(&text) else {
        return Ok(None);
    };
    // Fewer lines than `least` (a document on one line): the row reader's, unread here.
    if least > 1 && memchr::memchr_iter(b'\n', body).take(least - 1).count() + 1 < least {
        return Ok(None);
    }
    let rules = ctx.reading.rules.clone();
    let mut settled = Vec::new();
    let mut first_lines = FirstLines::default();
    let (mut tally, mut first) = (0, 0);
    for (round, stretches) in rounds(body, 0) {
        let parts = on_cores(&stretches, 2, |mine, _| {
            mine.iter()
                .map(|&(from, to)| {
                    let lines = stretch_lines(&body[from..to], to == body.len())?;
                    plain_part(&lines, fields, &rules, dedup, &read, frame)
                })
                .collect::<Vec<_>>()
        });
        for part in parts.into_iter().flatten() {
            let Some(part) = part else {
                return Ok(None);
            };
            let part = part?;
            tally += part.tally;
            let keys = match dedup {
                Dedup::Lines => Some(first_lines.keys(&part.prints)),
                Dedup::Ids => None,
            };
            let records = part.records;
            settled.push(part.settled(keys.as_deref(), first, place)?);
            first += records;
        }
        ctx.release(&body[round]);
        steps.lap("read");
    }
    let outcome = finish_parts(settled)?;
    steps.lap("dedup");
    steps.done();
    Ok(Some((ctx.apply(outcome), tally)))
}

/// `work` on consecutive parts of `items`, one per core, each given its part and the index
/// of its first item; the results in order. One part, on this thread, for fewer than `least`
/// items or on one core.
pub(super) fn on_cores<T: Sync, R: Send>(
    items: &[T],
    least: usize,
    work: impl Fn(&[T], usize) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || items.len() < least {
        return vec![work(items, 0)];
    }
    let size = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|s| {
        let running: Vec<_> = items
            .chunks(size)
            .enumerate()
            .map(|(k, part)| s.spawn(move || work(part, k * size)))
            .collect();
        running
            .into_iter()
            .map(|t| match t.join() {
                Ok(result) => result,
                // A panic in a part is the reader's panic, as if it had run here.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// What [`plain_records`] read of a part of a file.
pub struct PlainRead {
    /// The rows kept, as frames in line order (one per thread).
    frames: Vec<DataFrame>,
    /// The line (index in the part) of each row kept.
    kept: Vec<usize>,
    /// The deduplication key of each row kept, under [`Dedup::Ids`].
    ids: Vec<String>,
    /// The lines rejected, with the reason.
    rejected: Vec<(usize, Reason)>,
    /// The DST notes of the rows kept, with their line.
    warnings: Vec<(usize, Reason)>,
    /// Each line's fingerprint ([`line_print`]), under [`Dedup::Lines`].
    pub prints: Vec<u128>,
    /// How many lines were read.
    records: usize,
    /// The sum of the threads' [`Reading::tally`].
    pub tally: u64,
}

impl PlainRead {
    /// The lines of `next`, which follow this part's, put after them.
    #[cfg(test)]
    fn append(&mut self, next: PlainRead) {
        let base = self.records;
        let shift = |(i, r): (usize, Reason)| (i + base, r);
        self.kept.extend(next.kept.iter().map(|i| i + base));
        self.rejected.extend(next.rejected.into_iter().map(shift));
        self.warnings.extend(next.warnings.into_iter().map(shift));
        self.frames.extend(next.frames);
        self.ids.extend(next.ids);
        self.prints.extend(next.prints);
        self.records += next.records;
        self.tally += next.tally;
    }

    /// The part, whose first record is record `first` of the file, settled for
    /// [`finish_parts`], deduplicated on its ids or, given `keys` (`keys[i]` of line `i`), on
    /// those.
    pub fn settled(
        self,
        keys: Option<&[u32]>,
        first: usize,
        place: Place,
    ) -> PolarsResult<Settled> {
        let mut all = stack_rows(self.frames)?;
        let key = match keys {
            Some(keys) => {
                let kept: Vec<u32> = self.kept.iter().map(|&i| keys[i]).collect();
                Column::new(KEY.into(), kept)
            }
            None => Column::new(KEY.into(), self.ids),
        };
        all.with_column(key)?;
        settled_rows(
            all,
            &self.kept,
            self.records,
            0,
            self.rejected,
            self.warnings,
            first,
            place,
        )
    }
}

/// One part of a file whose records a vendor's rules settled one by one, for
/// [`finish_parts`]: `frame` holds the rows kept, in order, with the canonical columns and
/// [`KEY`]; `kept[j]` is the index in the part of row `j`. The part, whose first record is
/// record `first` of the file, has `records` records, `blank` of them blank (not counted, as
/// the row reader skips them); `rejected` and `warnings` are by index in the part.
#[allow(clippy::too_many_arguments)]
pub fn settled_rows(
    mut frame: DataFrame,
    kept: &[usize],
    records: usize,
    blank: usize,
    rejected: Vec<(usize, Reason)>,
    warnings: Vec<(usize, Reason)>,
    first: usize,
    place: Place,
) -> PolarsResult<Settled> {
    let rows: Vec<IdxSize> = kept.iter().map(|&i| (first + i) as IdxSize).collect();
    frame.with_column(Column::new(ROW.into(), rows))?;
    let at = |(i, reason)| place.of(first + i, reason);
    Ok(Settled {
        frame,
        records,
        blank,
        rejected: rejected.into_iter().map(at).collect(),
        warnings: warnings.into_iter().map(at).collect(),
    })
}

/// `frame`'s columns cast to the types of the same columns of `canonical` (an empty frame of
/// the canonical table), in its order.
pub fn canonical_types(frame: DataFrame, canonical: DataFrame) -> PolarsResult<DataFrame> {
    let columns = canonical
        .columns()
        .iter()
        .map(|c| {
            frame
                .column(c.name())
                .and_then(|f| f.cast(c.dtype()))
                .map(|f| f.with_name(c.name().clone()))
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    DataFrame::new(frame.height(), columns)
}

/// Frames of the same table stacked, in order, without copying their chunks.
fn stack_rows(frames: Vec<DataFrame>) -> PolarsResult<DataFrame> {
    let mut frames = frames.into_iter();
    let Some(mut all) = frames.next() else {
        polars_bail!(NoData: "no frame to stack");
    };
    for f in frames {
        all.vstack_mut_owned(f)?;
    }
    Ok(all)
}

/// One NDJSON line's wanted fields (see [`plain_records`]); the value says which are written, if it is plain.
struct PlainLine<'f, 'c, 'de> {
    fields: &'f [&'f str],
    cells: &'c mut [Option<Plain<'de>>],
}

impl<'de> serde::de::Visitor<'de> for PlainLine<'_, '_, 'de> {
    /// The fields written (bit `i` for `fields[i]`), or `None` when the line is not plain.
    type Value = Option<u64>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Option<u64>, A::Error> {
        let mut plain = true;
        let mut seen = 0u64;
        while let Some(key) = map.next_key_seed(super::reader::FieldIndex(self.fields))? {
            match key {
                Some(i) => {
                    let cell = map.next_value_seed(PlainCell)?;
                    if seen & (1 << i) != 0 {
                        plain = false;
                    }
                    seen |= 1 << i;
                    match cell {
                        Some(Cell::Text(t)) => self.cells[i] = Some(Plain::Text(t)),
                        Some(Cell::Int(n)) => self.cells[i] = Some(Plain::Int(n)),
                        Some(Cell::Null) => self.cells[i] = None,
                        Some(Cell::Nested) | None => plain = false,
                    }
                }
                None => {
                    map.next_value::<super::reader::Checked>()?;
                }
            }
        }
        Ok(plain.then_some(seen))
    }
}

/// A wanted field's value: text as `as_text` reads it, a whole number, null, or nested (see
/// there); a fraction is `None`.
enum Cell<'de> {
    Text(Cow<'de, str>),
    Int(i64),
    Null,
    /// Read the line whole: an object, an array, or a number that is no `i64`.
    Nested,
}

struct PlainCell;

impl<'de> serde::de::DeserializeSeed<'de> for PlainCell {
    type Value = Option<Cell<'de>>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for PlainCell {
    type Value = Option<Cell<'de>>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Some(Cell::Text(Cow::Borrowed(v))))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Cell::Text(Cow::Owned(v.to_string()))))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cell::Text(Cow::Owned(v))))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(Cell::Text(Cow::Borrowed(if v {
            "true"
        } else {
            "false"
        }))))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(Cell::Int(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        // Beyond i64, `as_i64` of the whole value saturates where the text would not parse:
        // such a line is read whole.
        Ok(Some(match i64::try_from(v) {
            Ok(v) => Cell::Int(v),
            Err(_) => Cell::Nested,
        }))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Some(Cell::Null))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Some(Cell::Null))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<super::reader::Checked>()?.is_some() {}
        Ok(Some(Cell::Nested))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map
            .next_entry::<super::reader::CheckedKey, super::reader::Checked>()?
            .is_some()
        {}
        Ok(Some(Cell::Nested))
    }
}

/// Where the records of a columnar read are, for rejection messages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    /// Record `i` is on line `first + i`.
    Lines { first: u64 },
    /// Record `i` is item `i` of a JSON array (`record[i]` in messages, as the row reader
    /// says).
    Items,
    /// The one record is the whole document (`record 0`).
    Document,
}

impl Place {
    fn of(self, i: usize, reason: Reason) -> (Option<u64>, Reason) {
        match self {
            Place::Lines { first } => (Some(first + i as u64), reason),
            Place::Items => (None, Reason::at(Reason::item("record", i), reason)),
            Place::Document => (None, Reason::at(Reason::document(i), reason)),
        }
    }
}

/// A JSON export's records one per line, for [`read_lines`]: NDJSON as it is, or a JSON
/// array of objects with each item put on a line of its own (line breaks inside an item are
/// blank space: JSON strings cannot hold them). A one-line file is one document, as the row
/// reader takes it. `None` for any other shape: an empty array, an item that is not an
/// object, invalid JSON.
pub fn json_lines(bytes: &[u8]) -> Option<(Cow<'_, [u8]>, Place)> {
    let b = without_bom(bytes);
    if !b.trim_ascii_start().starts_with(b"[") {
        // More than one line: a line break inside the text (not a pass counting them all).
        let place = if memchr::memchr(b'\n', b.trim_ascii_end()).is_some() {
            Place::Lines { first: 1 }
        } else {
            Place::Document
        };
        return Some((Cow::Borrowed(b), place));
    }
    let items: Vec<&serde_json::value::RawValue> = serde_json::from_slice(b).ok()?;
    if items.is_empty() || items.iter().any(|v| !v.get().starts_with('{')) {
        return None;
    }
    let mut text = Vec::with_capacity(b.len());
    for item in items {
        text.extend(item.get().bytes().map(|c| match c {
            b'\n' | b'\r' => b' ',
            c => c,
        }));
        text.push(b'\n');
    }
    Some((Cow::Owned(text), Place::Items))
}

/// The deduplication key of each line of a provider with no event id, a part of the lines at
/// a time, the parts in file order: the number of the first line of the file so far with the
/// same JSON text once the blank space between tokens is taken out. The row reader compares records re-written by serde_json, which also takes out that
/// space; it also writes `\u00e9` as `é` and `1e3` as `1000.0`, which this does not.
///
/// Lines are compared by a 128-bit fingerprint of that text (XXH3), made on every core: two
/// different lines of a billion share one with a probability of about 1e-21. XXH3 is not a
/// cryptographic hash: an export crafted to collide could pass one event for another's
/// repeat (an export is the user's own data, not an adversary's). A table of the
/// lines themselves took 4.5 s for Mailjet's 3.85 million events, one core hashing and
/// comparing 400-byte keys.
#[derive(Default)]
pub struct FirstLines {
    first: PlHashMap<u128, u32>,
    lines: u32,
}

impl FirstLines {
    /// The keys of the next lines, given their fingerprints.
    pub fn keys(&mut self, prints: &[u128]) -> Vec<u32> {
        self.first.reserve(prints.len());
        let keys = (self.lines..)
            .zip(prints)
            .map(|(i, p)| *self.first.entry(*p).or_insert(i))
            .collect();
        self.lines += prints.len() as u32;
        keys
    }
}

/// The [`FirstLines`] keys of all the lines at once.
#[cfg(test)]
fn line_keys(lines: &[&[u8]]) -> Vec<u32> {
    FirstLines::default().keys(&fingerprints(lines))
}

/// A line's fingerprint for [`FirstLines`]: the XXH3-128 of its [`compact_json`] text.
pub fn line_print(line: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(&compact_json(line))
}

/// The XXH3-128 of each line's [`compact_json`] text, in order, the lines split among the
/// machine's cores.
#[cfg(test)]
fn fingerprints(lines: &[&[u8]]) -> Vec<u128> {
    on_cores(lines, 100_000, |part, _| {
        part.iter().map(|l| line_print(l)).collect::<Vec<u128>>()
    })
    .concat()
}

/// Whether JSON text has blank space outside its strings, 64 bytes at a time: bit masks of
/// the block's quotes, backslashes and bytes up to a space, the escaped quotes taken out,
/// then which bytes are inside a string (a prefix XOR of the quotes), as simdjson finds
/// them. About four times faster than skipping strings with memchr (3.85 million Mailjet
/// lines: 0.5 against 2 s of CPU). Every blank byte outside a string is found; so are other
/// control bytes there, which only text that is not JSON holds (serde_json refuses it, and
/// the file goes to the row reader): [`compact_json`] then takes out a form feed there too.
fn spaced_between_tokens(text: &[u8]) -> bool {
    const EVEN: u64 = 0x5555_5555_5555_5555;
    // Whether the block before ended on an unfinished escape, or inside a string (all ones).
    let (mut escaping, mut inside_before) = (0u64, 0u64);
    let mut spaced_block = |block: &[u8; 64]| {
        let (quotes, backslashes, low) = block_masks(block);
        // Escaped bytes: those after an odd run of backslashes.
        let backslashes = backslashes & !escaping;
        let follows = (backslashes << 1) | escaping;
        let odd_starts = backslashes & !EVEN & !follows;
        let (runs, carry) = odd_starts.overflowing_add(backslashes);
        escaping = u64::from(carry);
        let escaped = (EVEN ^ (runs << 1)) & follows;
        let mut inside = quotes & !escaped;
        for shift in [1, 2, 4, 8, 16, 32] {
            inside ^= inside << shift;
        }
        inside ^= inside_before;
        inside_before = 0u64.wrapping_sub(inside >> 63);
        low & !inside != 0
    };
    let (blocks, rest) = text.as_chunks::<64>();
    if blocks.iter().any(&mut spaced_block) {
        return true;
    }
    if rest.is_empty() {
        return false;
    }
    // The last block padded with a byte that is none of the three.
    let mut last = [b'a'; 64];
    last[..rest.len()].copy_from_slice(rest);
    spaced_block(&last)
}

/// Bit `i` set in each mask when byte `i` of the block is a quote, a backslash, or at most a
/// space (blank space and control bytes).
#[cfg(target_arch = "x86_64")]
fn block_masks(block: &[u8; 64]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of every x86_64 processor; the loads read 16 bytes at offsets 0,
    // 16, 32 and 48 of a 64-byte array.
    unsafe {
        let (quote, backslash, space) = (
            _mm_set1_epi8(b'"' as i8),
            _mm_set1_epi8(b'\\' as i8),
            _mm_set1_epi8(b' ' as i8),
        );
        let (mut quotes, mut backslashes, mut low) = (0u64, 0u64, 0u64);
        for k in 0..4 {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            let bits = |m: __m128i| u64::from(_mm_movemask_epi8(m) as u16) << (16 * k);
            quotes |= bits(_mm_cmpeq_epi8(v, quote));
            backslashes |= bits(_mm_cmpeq_epi8(v, backslash));
            low |= bits(_mm_cmpeq_epi8(_mm_min_epu8(v, space), v));
        }
        (quotes, backslashes, low)
    }
}

/// See the x86_64 version.
#[cfg(not(target_arch = "x86_64"))]
fn block_masks(block: &[u8; 64]) -> (u64, u64, u64) {
    let (mut quotes, mut backslashes, mut low) = (0u64, 0u64, 0u64);
    for (i, &c) in block.iter().enumerate() {
        quotes |= u64::from(c == b'"') << i;
        backslashes |= u64::from(c == b'\\') << i;
        low |= u64::from(c <= b' ') << i;
    }
    (quotes, backslashes, low)
}

/// JSON text without the blank space between its tokens (strings untouched).
fn compact_json(text: &[u8]) -> Cow<'_, [u8]> {
    let text = text.trim_ascii();
    if !spaced_between_tokens(text) {
        return Cow::Borrowed(text);
    }
    let (mut quoted, mut escaped) = (false, false);
    let mut out = Vec::with_capacity(text.len());
    for &c in text {
        if !quoted && c.is_ascii_whitespace() {
            continue;
        }
        match c {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' => quoted = !quoted,
            _ => {}
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// One NDJSON line parsed whole through a row parser. The reader has already checked that
/// every line is a JSON object; the errors are kept for safety.
pub fn parse_line<T>(
    line: &[u8],
    parse: impl FnOnce(&serde_json::Value) -> Result<T, Reason>,
) -> Result<T, Reason> {
    let v: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| Reason::new("in-invalid-json").arg("error", e))?;
    if v.is_object() {
        parse(&v)
    } else {
        Err(Reason::new("in-not-object"))
    }
}

/// What a columnar read settled: the canonical frame and the accounting.
pub struct Outcome {
    pub frame: DataFrame,
    pub read: u64,
    pub rejected: Vec<(Option<u64>, Reason)>,
    /// Local times the vendor's rules read on a DST change, in rows they did not reject.
    pub warnings: Vec<(Option<u64>, Reason)>,
    pub duplicates: u64,
}

/// One part of a columnar read settled: its canonical rows with [`KEY`] and [`ROW`] (the
/// record's index in the whole file), in file order, not yet deduplicated.
pub struct Settled {
    frame: DataFrame,
    records: usize,
    blank: usize,
    rejected: Vec<(Option<u64>, Reason)>,
    warnings: Vec<(Option<u64>, Reason)>,
}

/// Whether each key is the first of its value, on every core: thread `t` of `n` looks at the
/// keys whose `share` is `t` modulo `n` (every copy of a value has the same share), in
/// order, so each thread's set holds its share alone. At 1M, Mux's 4.35 million view ids took
/// 0.5-0.8 s in one set, the last step of ingest and on one core.
fn first_of_each<K: std::hash::Hash + Eq + Sync>(
    keys: &[K],
    share: impl Fn(&K) -> u64 + Sync,
) -> BooleanChunked {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    // The repeats among the keys of share `t` of `n`.
    let repeats_in = |t: u64, n: u64| -> Vec<usize> {
        let mut seen: PlHashSet<&K> = PlHashSet::with_capacity(keys.len() / n as usize);
        keys.iter()
            .enumerate()
            .filter(|(_, k)| n == 1 || share(k) % n == t)
            .filter(|(_, k)| !seen.insert(*k))
            .map(|(i, _)| i)
            .collect()
    };
    let repeats: Vec<usize> = if threads < 2 || keys.len() < 1 << 16 {
        repeats_in(0, 1)
    } else {
        let repeats_in = &repeats_in;
        std::thread::scope(|s| {
            let running: Vec<_> = (0..threads)
                .map(|t| s.spawn(move || repeats_in(t, threads)))
                .collect();
            running
                .into_iter()
                .flat_map(|r| match r.join() {
                    Ok(r) => r,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        })
    };
    let mut first = vec![true; keys.len()];
    for i in repeats {
        first[i] = false;
    }
    BooleanChunked::from_slice("".into(), &first)
}

/// The parts of a file, settled in file order, put together: the first record of each
/// [`KEY`] kept, the others counted as duplicates.
pub fn finish_parts(parts: Vec<Settled>) -> PolarsResult<Outcome> {
    let (mut read, mut rejected, mut warnings) = (0, Vec::new(), Vec::new());
    let mut frames = Vec::with_capacity(parts.len());
    for p in parts {
        read += (p.records - p.blank) as u64;
        rejected.extend(p.rejected);
        warnings.extend(p.warnings);
        frames.push(p.frame);
    }
    if frames.is_empty() {
        polars_bail!(NoData: "a columnar read with no part");
    }
    // The file's path, in every row of `source`, is kept once.
    let mut all = crate::tables::stack_frames(frames)?;
    let before = all.height();
    // Most files repeat nothing: then no row is moved.
    let keys = all.column(KEY)?;
    let first: BooleanChunked = match keys.dtype() {
        DataType::UInt32 => {
            let keys: Vec<Option<u32>> = keys.u32()?.iter().collect();
            first_of_each(&keys, |k| {
                k.map_or(0, |v| {
                    u64::from(v).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32
                })
            })
        }
        _ => {
            let keys: Vec<Option<&str>> = keys.str()?.iter().collect();
            first_of_each(&keys, |k| {
                k.map_or(0, |v| xxhash_rust::xxh3::xxh3_64(v.as_bytes()))
            })
        }
    };
    let kept_rows = first.sum().unwrap_or(0) as usize;
    if kept_rows < before {
        all = all.filter(&first)?;
    }
    let duplicates = (before - all.height()) as u64;
    // One chunk per part: put together they would be copied whole (the frame twice over
    // at the peak), and polars reads chunked columns as they are.
    let kept = all.drop(KEY)?.drop(ROW)?;
    Ok(Outcome {
        frame: kept,
        read,
        rejected,
        warnings,
        duplicates,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndjson_lines_are_checked_as_before_in_any_stretches() {
        // The rule before the check went line by line: split at each line feed, drop one
        // empty last line, then every line must be an object.
        let before = |b: &[u8]| -> Option<Vec<Vec<u8>>> {
            let b = without_bom(b);
            let mut lines: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
            if lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            if lines.is_empty()
                || lines
                    .iter()
                    .any(|l| !l.trim_ascii_start().starts_with(b"{"))
            {
                return None;
            }
            Some(lines.iter().map(|l| l.to_vec()).collect())
        };
        for text in [
            "",
            "\n",
            "\n\n",
            "{}",
            "{}\n",
            "{}\n\n",
            "{}\n\n{}",
            "\n{}",
            " {}\n {}\r\n",
            "{}\n[]\n",
            "{}\n \n",
            "\u{feff}{}\n{}",
            "{}\n{}\n\n\n",
            "x",
            "{}\nx",
        ] {
            let got = ndjson_lines(text.as_bytes()).map(|v| v.iter().map(|l| l.to_vec()).collect());
            assert_eq!(got, before(text.as_bytes()), "{text:?}");
        }
        // Cut in stretches after line feeds (as the threads take them), the lines are the
        // whole's, and a stretch is refused where the whole is.
        for text in [
            "{}\n{\"a\":1}\n {\"b\":2}\r\n{}\n{}\n",
            "{}\n{}\n\n{}\n{}",
            "{}\n{}\n{}\n\n",
            "{}\n{}\n[]\n{}\n",
            "{}\n{}\n{}\n{} ",
        ] {
            let whole = ndjson_lines(text.as_bytes());
            let body = ndjson_body(text.as_bytes()).unwrap();
            for n in 1..=6 {
                let cut: Option<Vec<&[u8]>> = stretches_after_line_feeds(body, 0, n)
                    .into_iter()
                    .map(|(from, to)| stretch_lines(&body[from..to], to == body.len()))
                    .collect::<Option<Vec<_>>>()
                    .map(|v| v.concat());
                assert_eq!(cut, whole, "{text:?} in {n}");
            }
        }
    }

    #[test]
    fn first_of_each_keeps_the_first_copy_of_each_key_on_every_core() {
        // 200,000 keys (read in shares on every core) with repeats near and far.
        let mut seed = 11u64;
        let keys: Vec<Option<String>> = (0..200_000)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                match (seed >> 40) % 100 {
                    0 => None,
                    v => Some(format!("k{}", (seed >> 20) % (150_000 + v))),
                }
            })
            .collect();
        let keys: Vec<Option<&str>> = keys.iter().map(|k| k.as_deref()).collect();
        let mut seen = std::collections::HashSet::new();
        let want: Vec<bool> = keys.iter().map(|k| seen.insert(*k)).collect();
        assert!(want.iter().filter(|f| !**f).count() > 20_000);
        let got = first_of_each(&keys, |k| {
            k.map_or(0, |v| xxhash_rust::xxh3::xxh3_64(v.as_bytes()))
        });
        let got: Vec<bool> = got.iter().map(|v| v == Some(true)).collect();
        assert_eq!(got, want);
        // A share that puts every key on one thread gives the same.
        let one = first_of_each(&keys, |_| 0);
        assert_eq!(
            one.iter().map(|v| v == Some(true)).collect::<Vec<_>>(),
            want
        );
    }

    #[test]
    fn lines_split_as_the_slice_splits_them() {
        for text in [
            &b""[..],
            b"\n",
            b"a",
            b"a\n",
            b"\n\nb",
            b"a\nb\n",
            b"a\r\nb\n\n",
            b"\xff\n\x00",
        ] {
            let want: Vec<&[u8]> = text.split(|&c| c == b'\n').collect();
            assert_eq!(split_lines(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn plain_fields_read_as_the_row_parsers_read_them() {
        use super::super::reader::Fields;
        let text: &[u8] = br#"{"a":"x","b":12,"c":true,"x":{"deep":[1,2.5,null]}}
{ "b" : -7 , "a" : "caf\u00e9 \"q\"" }
{"a":null,"b":18446744073709551615,"c":false}
{"a":" spaced ","c":"true","b":" 3.5 "}
{"a":"x","b":1.5}
{"a":"x","b":1e3}
{"a":{"o":1},"b":2}
{"a":[1],"b":2}
{"a":"x","a":"y"}
{"z":1,"a":"w"}
{"$serde_json::private::RawValue":"1","a":"x"}
{"a":"x","z":{"$serde_json::private::RawValue":"{"}}
{"a":"$serde_json::private::RawValue"}
{}"#;
        let lines: Vec<&[u8]> = split_lines(text).collect();
        type Got = (bool, [Option<String>; 3], Option<f64>);
        let names = ["a", "b", "c"];
        let read = |_: &Reading, line: &[u8], f: Option<&PlainFields>| -> Parsed<Got> {
            let row = match f {
                Some(f) => (
                    true,
                    names.map(|n| f.text(n).map(|t| t.into_owned())),
                    f.number("b"),
                ),
                None => {
                    let v: serde_json::Value = serde_json::from_slice(line)
                        .map_err(|e| Reason::new("in-invalid-json").arg("error", e))?;
                    (
                        false,
                        names.map(|n| v.text(n).map(|t| t.into_owned())),
                        v.number("b"),
                    )
                }
            };
            Ok((row, None))
        };
        let rules = test_rules();
        // The rows, in order, as a frame: plain, then a, b, c as text, b as a number.
        fn frame(rows: &[Got]) -> PolarsResult<DataFrame> {
            let text = |k: usize| {
                Column::new(
                    format!("t{k}").into(),
                    rows.iter().map(|r| r.1[k].clone()).collect::<Vec<_>>(),
                )
            };
            DataFrame::new(
                rows.len(),
                vec![
                    Column::new("plain".into(), rows.iter().map(|r| r.0).collect::<Vec<_>>()),
                    text(0),
                    text(1),
                    text(2),
                    Column::new("b".into(), rows.iter().map(|r| r.2).collect::<Vec<_>>()),
                ],
            )
        }
        let got = plain_records(&lines, &names, &rules, Dedup::Lines, read, frame)
            .unwrap()
            .unwrap();
        assert_eq!(got.prints, fingerprints(&lines));
        let df = stack_rows(got.frames.clone()).unwrap();
        let plain: Vec<Option<bool>> = df.column("plain").unwrap().bool().unwrap().iter().collect();
        // Of the rows kept: a whole number beyond i64, fractions, exponents, objects, arrays
        // and a field written twice are not plain; serde_json's raw-value marker as a value is
        // text.
        let yes = Some(true);
        let no = Some(false);
        assert_eq!(
            plain,
            [yes, yes, no, yes, no, no, no, no, no, yes, yes, yes]
        );
        // The lines Value refuses (the marker as a key, at the top or deeper) are not plain and
        // are rejected by the row parser.
        assert_eq!(got.kept, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13]);
        assert_eq!(
            got.rejected.iter().map(|(i, _)| *i).collect::<Vec<_>>(),
            [10, 11]
        );
        // Each plain line's fields read as the row parsers read the whole value.
        for (row, &i) in got.kept.iter().enumerate() {
            let v: serde_json::Value = serde_json::from_slice(lines[i]).unwrap();
            for (k, n) in names.iter().enumerate() {
                let have = df.column(&format!("t{k}")).unwrap().str().unwrap().get(row);
                assert_eq!(have, v.text(n).as_deref(), "line {i}, {n}");
            }
            let b = df.column("b").unwrap().f64().unwrap().get(row);
            assert_eq!(b, v.number("b"), "line {i}, b as a number");
        }
        // What a whole parse refuses anywhere in a line, an unwanted field too, sends the file
        // to the row reader, as invalid JSON did with polars' reader.
        for bad in [
            &br#"{"a":"x","z":1e400}"#[..],
            br#"{"a":"x","z":"\ud800"}"#,
            br#"{"a":"x"} trailing"#,
            br#"{"a":"x""#,
            br#"{"a":"x",}"#,
            b"{\"a\":\"\xff\"}",
        ] {
            let read = plain_records(&[bad], &["a"], &rules, Dedup::Lines, read, frame);
            assert!(read.is_none(), "{}", String::from_utf8_lossy(bad));
        }
        // The same read on several cores, in order; keys made a part at a time are the keys
        // of the whole.
        let many: Vec<&[u8]> = lines
            .iter()
            .cycle()
            .take(lines.len() * 3000)
            .copied()
            .collect();
        let all = plain_records(&many, &names, &rules, Dedup::Lines, read, frame)
            .unwrap()
            .unwrap();
        assert_eq!(all.prints, fingerprints(&many));
        assert_eq!(all.kept.len(), 12 * 3000);
        assert_eq!(all.frames.len(), 2);
        let whole = stack_rows(all.frames).unwrap();
        assert_eq!(whole.slice(12 * 1234, 12), df);
        let mut parts = FirstLines::default();
        let keys: Vec<u32> = all
            .prints
            .chunks(1000)
            .flat_map(|p| parts.keys(p))
            .collect();
        assert_eq!(keys, line_keys(&many));
        assert_eq!(
            &keys[..15],
            &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 0]
        );
    }

    fn test_rules() -> Rules {
        Rules {
            zone: chrono_tz::Europe::Paris,
            salt: "salt".into(),
            source: "events.ndjson".into(),
        }
    }

    #[test]
    fn ndjson_shapes_the_row_reader_must_take() {
        assert_eq!(
            ndjson_lines(b"{\"a\":1}\n{\"a\":\"x\"}\n").map(|l| l.len()),
            Some(2)
        );
        assert!(ndjson_lines(b"{\"a\":1}\n\n{\"a\":2}\n").is_none());
        assert!(ndjson_lines(b"{\"a\":1}\n[1]\n").is_none());
        let lines = ndjson_lines(b"{\"a\":1}\n{\"a\":\n").unwrap();
        let read =
            |_: &Reading, _: &[u8], _: Option<&PlainFields>| -> Parsed<()> { Ok(((), None)) };
        let frame = |rows: &[()]| DataFrame::new(rows.len(), vec![]);
        let rules = test_rules();
        assert!(plain_records(&lines, &["a"], &rules, Dedup::Lines, read, frame).is_none());
    }

    #[test]
    fn ids_tallies_and_dst_notes_of_lines_read_on_every_core() {
        use super::super::reader::Fields;
        // Hand-checked: Paris left summer time at 03:00 on 2020-10-25, so 02:30 came twice.
        let text: &[u8] = br#"{"id":"e1","t":"2020-11-27 15:00","n":7}
{"id":"e1","t":"2020-11-27 15:00","n":7}
{"t":"2020-10-25 02:30","n":null}
{ "t" : "2020-10-25 02:30" , "n" : null }
{"id":"e2","t":"2020-10-25 02:30","n":2.5}
{"id":"e3","t":"never"}
"#;
        let lines = ndjson_lines(text).unwrap();
        type Got = (i64, Option<i64>, bool);
        let read = |r: &Reading, line: &[u8], f: Option<&PlainFields>| -> Parsed<Got> {
            fn rules(v: &impl Fields, r: &Reading) -> Parsed<Got> {
                if v.has("n") {
                    r.count();
                }
                let at = r.instant("t", &v.text("t").unwrap_or_default())?;
                let id = v.text("id").map(|t| t.into_owned());
                Ok(((at, v.integer("n"), v.has("id")), id))
            }
            match f {
                Some(f) => rules(f, r),
                None => parse_line(line, |v| rules(v, r)),
            }
        };
        fn frame(rows: &[Got]) -> PolarsResult<DataFrame> {
            DataFrame::new(
                rows.len(),
                vec![
                    Column::new("at".into(), rows.iter().map(|r| r.0).collect::<Vec<_>>()),
                    Column::new("n".into(), rows.iter().map(|r| r.1).collect::<Vec<_>>()),
                ],
            )
        }
        let rules = test_rules();
        // Many copies, so that the lines are split among the cores.
        let many: Vec<&[u8]> = lines.iter().cycle().take(6 * 5000).copied().collect();
        let got = plain_records(&many, &["id", "t", "n"], &rules, Dedup::Ids, read, frame)
            .unwrap()
            .unwrap();
        // Line 5's time is no time; the others are kept, line 4 read whole (a fraction).
        assert_eq!(got.kept.len(), 5 * 5000);
        assert!(got.rejected.iter().all(|(i, _)| i % 6 == 5));
        // Lines 0-4 write `n` (null included).
        assert_eq!(got.tally, 5 * 5000);
        // The ambiguous local time of lines 2, 3 and 4 is each one's warning, at its line.
        let warned: Vec<usize> = got.warnings.iter().map(|(i, _)| i % 6).collect();
        assert_eq!(warned.len(), 3 * 5000);
        assert!(warned.iter().all(|i| (2..=4).contains(i)));
        assert!(got
            .warnings
            .iter()
            .all(|(_, w)| w.to_string().starts_with("t: ")));
        // Ids where written, else the line's text without blank space between tokens: lines 2
        // and 3 share it.
        let compact = r#"{"t":"2020-10-25 02:30","n":null}"#;
        assert_eq!(&got.ids[..5], ["e1", "e1", compact, compact, "e2"]);
        let settled = got.settled(None, 0, Place::Lines { first: 1 }).unwrap();
        let outcome = finish_parts(vec![settled]).unwrap();
        assert_eq!(outcome.frame.height(), 3);
        assert_eq!(outcome.duplicates, 5 * 5000 - 3);
        let n: Vec<Option<i64>> = outcome
            .frame
            .column("n")
            .unwrap()
            .i64()
            .unwrap()
            .iter()
            .collect();
        // A whole parse reads 2.5 as no integer, as `as_i64` does.
        assert_eq!(n, [Some(7), None, None]);
        assert_eq!(outcome.rejected[0].0, Some(6));
        assert_eq!(outcome.warnings[0].0, Some(3));
        // Without an id, records written differently but equal as values are one record, as
        // the row reader keys them.
        let twins: &[u8] = "{\"t\":\"2020-11-27 15:00\",\"x\":\"caf\\u00e9\\/\"}\n\
                            {\"t\": \"2020-11-27 15:00\", \"x\": \"café/\"}\n"
            .as_bytes();
        let twins = ndjson_lines(twins).unwrap();
        let got = plain_records(&twins, &["id", "t", "n"], &rules, Dedup::Ids, read, frame)
            .unwrap()
            .unwrap();
        assert_eq!(got.ids, [r#"{"t":"2020-11-27 15:00","x":"café/"}"#; 2]);
    }

    #[test]
    fn json_arrays_one_item_a_line() {
        let (text, place) = json_lines(b"[\n {\"a\":\n  1},\n {\"a\": \"x\\ny\"}\n]\n").unwrap();
        assert_eq!(&text[..], b"{\"a\":   1}\n{\"a\": \"x\\ny\"}\n");
        assert_eq!(place, Place::Items);
        let bad = || Reason::new("in-not-object");
        let (line, reason) = place.of(1, bad());
        assert_eq!(
            (line, reason.to_string()),
            (None, "record[1]: not a JSON object".into())
        );
        let (_, place) = json_lines(b"{\"a\":1}\n{\"a\":2}\n").unwrap();
        assert_eq!(place.of(1, bad()), (Some(2), bad()));
        let (_, place) = json_lines(b"{\"a\":1}\n").unwrap();
        assert_eq!(place, Place::Document);
        // Empty, not objects, truncated: the row reader's.
        assert!(json_lines(b"[]").is_none());
        assert!(json_lines(b"[{\"a\":1}, 2]").is_none());
        assert!(json_lines(b"[{\"a\":1}, {\"a\"").is_none());
    }

    #[test]
    fn repeats_are_the_same_text_but_for_blank_space_between_tokens() {
        assert_eq!(line_keys(&[b"a", b"b", b" a ", b"b"]), [0, 1, 0, 1]);
        let lines: [&[u8]; 4] = [
            br#"{"a":"x y","b":1}"#,
            br#"{ "a": "x y", "b": 1 }"#,
            br#"{"a":"x  y","b":1}"#,
            br#"{"a":"q\" ","b":1}"#,
        ];
        assert_eq!(line_keys(&lines), [0, 0, 2, 3]);
        // Enough lines to be split among threads: the first line of each text, as an exact
        // table of the compacted texts says, whichever part a repeat falls in.
        let texts: Vec<Vec<u8>> = (0..250_000u32)
            .map(|i| {
                let id = (i * 7919) % 90_001; // repeats, far apart
                let pad = if i % 3 == 0 { " " } else { "" };
                format!("{{{pad}\"id\":{pad}{id},\"s\":\"a b\"}}").into_bytes()
            })
            .collect();
        let lines: Vec<&[u8]> = texts.iter().map(Vec::as_slice).collect();
        let mut exact: PlHashMap<Vec<u8>, u32> = PlHashMap::new();
        let want: Vec<u32> = (0u32..)
            .zip(&lines)
            .map(|(i, l)| *exact.entry(compact_json(l).into_owned()).or_insert(i))
            .collect();
        assert_eq!(exact.len(), 90_001);
        assert_eq!(line_keys(&lines), want);
        assert_eq!(
            &compact_json(br#"{ "a" : "q\" x" }"#)[..],
            br#"{"a":"q\" x"}"#
        );
        assert!(!spaced_between_tokens(br#"{"a":"x y \\","b":"\" z"}"#));
        assert!(spaced_between_tokens(br#"{"a":"x y","b":1 }"#));
        assert!(spaced_between_tokens(b"{\"a\":1,\r\"b\":2}"));
        assert!(!spaced_between_tokens(br#"{"a":"x\"#)); // unclosed: no panic
    }

    /// Whether JSON text has blank space outside its strings, a byte at a time: the rule
    /// [`spaced_between_tokens`] computes 64 bytes at a time.
    fn spaced_byte_by_byte(text: &[u8]) -> bool {
        let (mut quoted, mut escaped) = (false, false);
        for &c in text {
            if quoted {
                match c {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => quoted = false,
                    _ => {}
                }
            } else if c == b'"' {
                quoted = true;
            } else if c.is_ascii_whitespace() {
                return true;
            }
        }
        false
    }

    #[test]
    fn blank_space_between_tokens_is_found_as_byte_by_byte() {
        // Texts of quotes, runs of backslashes, blank space and letters, across the 64-byte
        // blocks: escapes and strings that go on from one block into the next.
        let alphabet = br#""""\\\  ab{}:,"#;
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let (mut spaced, mut compact) = (0, 0);
        for _ in 0..20_000 {
            let len = next(300);
            let mut text: Vec<u8> = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            // A backslash only inside strings, as in JSON (the rule is JSON's: outside a
            // string, the byte-by-byte reading and the block one may differ); in half the
            // texts, no blank space outside strings either, like most lines.
            let unspaced = next(2) == 0;
            let (mut quoted, mut escaped) = (false, false);
            for c in text.iter_mut() {
                match *c {
                    _ if escaped => escaped = false,
                    b'\\' if quoted => escaped = true,
                    b'\\' => *c = b'a',
                    b'"' => quoted = !quoted,
                    b' ' if !quoted && unspaced => *c = b'a',
                    _ => {}
                }
            }
            let want = spaced_byte_by_byte(&text);
            assert_eq!(
                spaced_between_tokens(&text),
                want,
                "{}",
                String::from_utf8_lossy(&text)
            );
            if want {
                spaced += 1
            } else {
                compact += 1
            }
        }
        // Both answers were put to the test, many times.
        assert!(spaced > 1000 && compact > 1000, "{spaced} {compact}");
    }
}
