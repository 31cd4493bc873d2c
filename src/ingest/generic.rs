//! The generic CSV formats: how a user feeds any export whose vendor is not built in. Each
//! column is named after a canonical field (docs/formats.md lists them); a file with other
//! headers is mapped with `[[sources]]` in debrief.toml, e.g.
//! `columns = { at = "Date", author = "Author", followers = "Followers", text = "Snippet" }`.
//! Times without an offset are in the source's zone (`[[sources]] timezone`, else the event
//! zone).

use std::borrow::Cow;
use std::collections::BTreeMap;

use polars::prelude::*;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::reader::{CsvTable, Doc};
use super::reading::Reading;
use super::rows;
use super::{Ctx, Reason};
use crate::tables::{MentionRow, ViewingRow};
use crate::text;

/// Fields of `viewing-csv`; `started_at` and `ended_at` are required.
pub const VIEWING_FIELDS: &[&str] = &[
    "platform",
    "session_id",
    "participant",
    "started_at",
    "ended_at",
    "watch_s",
    "failed",
    "error",
    "isp",
    "asn",
    "country",
    "device",
    "os",
    "browser",
    "cdn",
];
/// Header columns that identify `viewing-csv` without a mapping.
pub const VIEWING_SIGNATURE: &[&str] = &["started_at", "ended_at", "failed"];

/// Fields of `mentions-csv`; `at` and `text` are required.
pub const MENTION_FIELDS: &[&str] = &[
    "at",
    "text",
    "network",
    "post_id",
    "author",
    "followers",
    "url",
    "likes",
    "shares",
    "comments",
    "quotes",
    "impressions",
    "sentiment",
];
/// Header columns that identify `mentions-csv` without a mapping.
pub const MENTION_SIGNATURE: &[&str] = &["at", "author", "text"];

/// Column indices by canonical field, through the mapping.
struct Columns(BTreeMap<&'static str, usize>);

impl Columns {
    fn new(
        t: &CsvTable,
        fields: &[&'static str],
        required: &[&str],
        mapping: Option<&BTreeMap<String, String>>,
    ) -> Result<Self, Reason> {
        let empty = BTreeMap::new();
        let mapping = mapping.unwrap_or(&empty);
        if let Some(unknown) = mapping.keys().find(|k| !fields.contains(&k.as_str())) {
            return Err(Reason::new("in-mapping-unknown-field")
                .arg("field", unknown)
                .arg("fields", fields.join(", ")));
        }
        let mut idx = BTreeMap::new();
        for f in fields {
            let header = mapping
                .get(*f)
                .map(|h| h.trim().to_lowercase())
                .unwrap_or_else(|| f.to_string());
            match t.index(&header) {
                Some(i) => {
                    idx.insert(*f, i);
                }
                None if mapping.contains_key(*f) => {
                    return Err(Reason::new("in-mapping-no-column")
                        .arg("field", f)
                        .arg("header", &mapping[*f])
                        .arg("headers", t.raw_headers.join(", ")))
                }
                None => {}
            }
        }
        let missing: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| !idx.contains_key(r))
            .collect();
        if !missing.is_empty() {
            return Err(Reason::new("in-missing-fields")
                .arg("missing", missing.join(", "))
                .arg("headers", t.raw_headers.join(", ")));
        }
        Ok(Columns(idx))
    }

    fn get<'a>(&self, fields: &'a [String], name: &str) -> Option<&'a str> {
        self.0
            .get(name)
            .and_then(|i| fields.get(*i))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }
}

/// A count as listening tools write it: `1234`, `1,234`, `1 234`, `1.2K`, `3M`.
pub fn count(field: &str, v: &str) -> Result<i64, Reason> {
    let t: String = v
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    let (num, mult) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1_000.0),
        Some('m' | 'M') => (&t[..t.len() - 1], 1_000_000.0),
        _ => (t.as_str(), 1.0),
    };
    num.parse::<f64>()
        .ok()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| (n * mult).round() as i64)
        .ok_or_else(|| Reason::not_a(field, "in-not-a-count", v))
}

fn boolean(field: &str, v: &str) -> Result<bool, Reason> {
    let lower = v.to_lowercase();
    BOOLEANS
        .iter()
        .find(|(spelling, _)| *spelling == lower)
        .map(|(_, value)| *value)
        .ok_or_else(|| Reason::not_a(field, "in-not-a-boolean", v))
}

/// Reads a `viewing-csv` file.
pub fn read_viewing(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<ViewingRow>) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    let cols = Columns::new(t, VIEWING_FIELDS, &["started_at", "ended_at"], ctx.columns)?;
    ctx.report.tells_failures = cols.0.contains_key("failed") || cols.0.contains_key("error");
    rows::csv(t, ctx, out, |line, f, ctx| {
        let g = |n: &str| cols.get(f, n);
        let row = viewing_row(g, line, ctx)?;
        // A session id identifies a view; without one, an exact repeat is a duplicate.
        let key = match g("session_id") {
            Some(id) => id.to_string(),
            None => f.join(RECORD_SEPARATOR),
        };
        Ok((key, row))
    });
    Ok(())
}

/// Joins a record's fields into its deduplication key when it has no id.
const RECORD_SEPARATOR: &str = "\u{1f}";

/// Canonical fields of `viewing-csv` that are the file's field as written (trimmed, empty as
/// absent): the field in a row, and its name.
type Copied = (fn(&mut ViewingRow) -> &mut Option<String>, &'static str);
const COPIED: [Copied; 8] = [
    (|r| &mut r.error, "error"),
    (|r| &mut r.isp, "isp"),
    (|r| &mut r.asn, "asn"),
    (|r| &mut r.country, "country"),
    (|r| &mut r.device, "device"),
    (|r| &mut r.os, "os"),
    (|r| &mut r.browser, "browser"),
    (|r| &mut r.cdn, "cdn"),
];

/// What the format's rules make of a view, besides the fields it copies.
struct View<'a> {
    started: i64,
    ended: i64,
    watch_s: Option<f64>,
    failed: bool,
    platform: Option<Cow<'a, str>>,
}

/// The rules of `viewing-csv` for one record, the one statement of them: `g` gives a
/// canonical field's value, trimmed, `None` when empty or not mapped. A view has failed when
/// `failed` says so, or, without that column's value, when it has an `error`.
fn view<'a>(g: impl Fn(&str) -> Option<&'a str>, r: &Reading) -> Result<View<'a>, Reason> {
    let at = |n: &str| r.instant(n, g(n).ok_or_else(|| Reason::empty(n))?);
    let (started, ended) = (at("started_at")?, at("ended_at")?);
    if ended < started {
        let e = Reason::new("in-before").arg("other", "started_at");
        return Err(Reason::field("ended_at", e));
    }
    let failed = match g("failed") {
        Some(v) => boolean("failed", v)?,
        None => g("error").is_some(),
    };
    let watch_s = g("watch_s")
        .map(|w| {
            w.parse::<f64>()
                .map_err(|_| Reason::not_a("watch_s", "in-not-a-number", w))
        })
        .transpose()?;
    Ok(View {
        started,
        ended,
        watch_s,
        failed,
        platform: g("platform").map(text::lower),
    })
}

/// A record's session id: its own, else its file and line.
fn session_id(own: Option<&str>, r: &Reading, line: u64) -> String {
    match own {
        Some(id) => id.to_string(),
        None => format!("{}:{line}", r.rules.source),
    }
}

/// One `viewing-csv` record on `line` as a row (see [`view`]).
fn viewing_row<'a>(
    g: impl Fn(&str) -> Option<&'a str>,
    line: u64,
    r: &Reading,
) -> Result<ViewingRow, Reason> {
    let v = view(&g, r)?;
    let mut row = ViewingRow {
        platform: v.platform.map(Cow::into_owned),
        session_id: Some(session_id(g("session_id"), r, line)),
        participant: g("participant").and_then(|p| r.hash(p)),
        started_at: Some(v.started),
        ended_at: Some(v.ended),
        watch_s: v.watch_s,
        failed: v.failed,
        source: r.source(),
        ..ViewingRow::default()
    };
    for (field, name) in COPIED {
        *field(&mut row) = g(name).map(str::to_string);
    }
    Ok(row)
}

/// Spellings of a boolean, lower-cased, and their values.
const BOOLEANS: &[(&str, bool)] = &[
    ("true", true),
    ("1", true),
    ("yes", true),
    ("y", true),
    ("oui", true),
    ("false", false),
    ("0", false),
    ("no", false),
    ("n", false),
    ("non", false),
];

/// What [`view`] made of some of the records, in order.
#[derive(Default)]
struct Views {
    kept: Vec<usize>,
    blank: usize,
    started: Vec<i64>,
    ended: Vec<i64>,
    watch_s: Vec<Option<f64>>,
    failed: Vec<bool>,
    platform: Vec<Option<String>>,
    session_id: Vec<String>,
    keys: Vec<String>,
    rejected: Vec<(usize, Reason)>,
    warnings: Vec<(usize, Reason)>,
}

/// Reads a `viewing-csv` file as columns, through the `[[sources]]` mapping if any: polars
/// reads the text columns, then each record goes through [`view`] on every core, and the
/// copied fields are the columns trimmed. `Ok(None)` when the file's shape needs the row
/// reader, or when the mapping or the columns are wrong (the row reader says how). Nothing is
/// counted unless the read succeeds.
pub fn read_viewing_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    // Every column: a record without a session id is keyed on all its fields.
    let Some((raw, blank)) = columnar::read_csv(bytes, None) else {
        return Ok(None);
    };
    let empty = BTreeMap::new();
    let mapping = ctx.columns.unwrap_or(&empty);
    if mapping
        .keys()
        .any(|k| !VIEWING_FIELDS.contains(&k.as_str()))
    {
        return Ok(None);
    }
    // The file's column of each field, in VIEWING_FIELDS order.
    let mut columns: Vec<Option<&StringChunked>> = Vec::with_capacity(VIEWING_FIELDS.len());
    for f in VIEWING_FIELDS {
        let header = mapping
            .get(*f)
            .map(|h| h.trim().to_lowercase())
            .unwrap_or_else(|| f.to_string());
        match raw.column(&header) {
            Ok(c) => columns.push(Some(c.str()?)),
            Err(_) if mapping.contains_key(*f) => return Ok(None),
            Err(_) => columns.push(None),
        }
    }
    let field = |name: &str| VIEWING_FIELDS.iter().position(|f| *f == name);
    let has = |name: &str| field(name).is_some_and(|i| columns[i].is_some());
    if !has("started_at") || !has("ended_at") {
        return Ok(None);
    }
    ctx.report.tells_failures = has("failed") || has("error");
    let record: Vec<&StringChunked> = raw
        .columns()
        .iter()
        .map(|c| c.str())
        .collect::<PolarsResult<_>>()?;
    let n = raw.height();
    let rules = ctx.reading.rules.clone();
    let parts = columnar::on_cores_range(n, 20_000, |from, to| {
        let reading = rules.reading();
        let slices: Vec<Option<StringChunked>> = columns
            .iter()
            .map(|c| c.map(|c| c.slice(from as i64, to - from)))
            .collect();
        let mut values: Vec<_> = slices
            .iter()
            .map(|s| s.as_ref().map(|s| s.iter()))
            .collect();
        let mut cells = [None; VIEWING_FIELDS.len()];
        let mut views = Views::default();
        for i in from..to {
            for (cell, v) in cells.iter_mut().zip(values.iter_mut()) {
                *cell = v
                    .as_mut()
                    .and_then(|v| v.next().flatten())
                    .map(str::trim)
                    .filter(|t| !t.is_empty());
            }
            if blank.binary_search(&i).is_ok() {
                views.blank += 1; // a blank line, skipped as the row reader does
                continue;
            }
            let g = |name: &str| field(name).and_then(|k| cells[k]);
            let read = view(g, &reading);
            let notes = reading.dst.take();
            match read {
                Ok(v) => {
                    views.kept.push(i);
                    views.started.push(v.started);
                    views.ended.push(v.ended);
                    views.watch_s.push(v.watch_s);
                    views.failed.push(v.failed);
                    views.platform.push(v.platform.map(Cow::into_owned));
                    let own = g("session_id");
                    views
                        .session_id
                        .push(session_id(own, &reading, i as u64 + 2));
                    // A session id identifies a view; without one, an exact repeat is a
                    // duplicate.
                    views.keys.push(match own {
                        Some(id) => id.to_string(),
                        None => record
                            .iter()
                            .map(|c| c.get(i).unwrap_or_default())
                            .collect::<Vec<_>>()
                            .join(RECORD_SEPARATOR),
                    });
                    views.warnings.extend(notes.into_iter().map(|w| (i, w)));
                }
                Err(reason) => views.rejected.push((i, reason)),
            }
        }
        views
    });
    let mut all = Views::default();
    for p in parts {
        all.kept.extend(p.kept);
        all.blank += p.blank;
        all.started.extend(p.started);
        all.ended.extend(p.ended);
        all.watch_s.extend(p.watch_s);
        all.failed.extend(p.failed);
        all.platform.extend(p.platform);
        all.session_id.extend(p.session_id);
        all.keys.extend(p.keys);
        all.rejected.extend(p.rejected);
        all.warnings.extend(p.warnings);
    }
    // The copied fields, trimmed, of the rows kept.
    let every = all.kept.len() == n;
    let mut keep = vec![false; n];
    all.kept.iter().for_each(|&i| keep[i] = true);
    let mask = BooleanChunked::from_slice("".into(), &keep);
    let copied = |name: &str| -> PolarsResult<Column> {
        let c = match field(name).and_then(|k| columns[k]) {
            Some(c) => columnar::trimmed_text(c),
            None => StringChunked::full_null("".into(), n),
        };
        // One chunk, as the columns the rules made: polars' parse leaves a part's columns in
        // many, and a frame whose columns are chunked differently costs the queries that
        // align them (segment_failures: +0.25 s and +0.25 GB at 1M).
        let c = c.rechunk().into_owned();
        let c = if every { c } else { c.filter(&mask)? };
        Ok(c.with_name(name.into()).into_column())
    };
    let height = all.kept.len();
    let path = Scalar::new(
        DataType::String,
        AnyValue::StringOwned(ctx.report.path.as_str().into()),
    );
    let mut frame = DataFrame::new(
        height,
        vec![
            Column::new("platform".into(), all.platform),
            Column::new("session_id".into(), all.session_id),
            copied("participant")?,
            Column::new("started_at".into(), all.started),
            Column::new("ended_at".into(), all.ended),
            Column::new("watch_s".into(), all.watch_s),
            Column::new("failed".into(), all.failed),
            Column::new_scalar("source".into(), path, height),
            Column::new(columnar::KEY.into(), all.keys),
        ],
    )?;
    for (_, name) in COPIED {
        frame.with_column(copied(name)?)?;
    }
    columnar::hash_column(&mut frame, "participant", ctx)?;
    let key = frame.column(columnar::KEY)?.clone();
    let mut frame = columnar::canonical_types(frame, ViewingRow::frame(&[])?)?;
    frame.with_column(key)?;
    let settled = columnar::settled_rows(
        frame,
        &all.kept,
        n,
        all.blank,
        all.rejected,
        all.warnings,
        0,
        columnar::Place::Lines { first: 2 },
    )?;
    Ok(Some(ctx.apply(columnar::finish_parts(vec![settled])?)))
}

/// Reads a `mentions-csv` file (a social-listening export, mapped).
pub fn read_mentions(doc: &Doc, ctx: &mut Ctx, out: &mut Vec<MentionRow>) -> Result<(), Reason> {
    let Doc::Csv(t) = doc else {
        return Err(Reason::new("in-expected-csv"));
    };
    let cols = Columns::new(t, MENTION_FIELDS, &["at", "text"], ctx.columns)?;
    let handles = ctx.config.own_handles();
    rows::csv(t, ctx, out, |_line, f, ctx| {
        let g = |n: &str| cols.get(f, n);
        let row = (|| -> Result<MentionRow, Reason> {
            let at = ctx.instant("at", g("at").ok_or_else(|| Reason::empty("at"))?)?;
            let body = g("text").unwrap_or_default();
            let n = |name: &str| g(name).map(|v| count(name, v)).transpose();
            let author = g("author").map(|a| a.trim_start_matches('@').to_string());
            Ok(MentionRow {
                network: g("network").map(str::to_lowercase),
                post_id: g("post_id").or(g("url")).map(str::to_string),
                at: Some(at),
                own: author
                    .as_ref()
                    .is_some_and(|a| handles.contains(&a.to_lowercase())),
                author,
                followers: n("followers")?,
                incident: text::contains_keyword(&text::fold(body), ctx.folded_keywords),
                text: Some(text::redact(body)),
                likes: n("likes")?,
                reposts: n("shares")?,
                replies: n("comments")?,
                quotes: n("quotes")?,
                impressions: n("impressions")?,
                sentiment: g("sentiment").map(str::to_lowercase),
                source: ctx.source(),
            })
        })();
        let r = row?;
        let key = match &r.post_id {
            Some(id) => id.clone(),
            None => format!("{:?}|{:?}|{:?}", r.at, r.author, r.text),
        };
        Ok((key, r))
    });
    Ok(())
}

/// `viewing-csv`: the generic viewing CSV.
pub const VIEWING_CSV: Adapter = Adapter {
    name: "viewing-csv",
    zone: Zone::Local,
    csv_signatures: &[VIEWING_SIGNATURE],
    json_signatures: &[],
    documented: VIEWING_FIELDS,
    advice: None,
    mappable: true,
    reader: Reader::Viewing(read_viewing, Some(read_viewing_columnar)),
};

/// `mentions-csv`: the generic mentions CSV.
pub const MENTIONS_CSV: Adapter = Adapter {
    name: "mentions-csv",
    zone: Zone::Local,
    csv_signatures: &[MENTION_SIGNATURE],
    json_signatures: &[],
    documented: MENTION_FIELDS,
    advice: None,
    mappable: true,
    reader: Reader::Mentions(read_mentions),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_listening_tools_write_them() {
        assert_eq!(count("followers", "12,345"), Ok(12_345));
        assert_eq!(count("followers", "12\u{a0}345"), Ok(12_345));
        assert_eq!(count("followers", "1.2K"), Ok(1_200));
        assert_eq!(count("followers", "3M"), Ok(3_000_000));
        assert!(count("followers", "many")
            .unwrap_err()
            .to_string()
            .contains("not a count: 'many'"));
    }
}
