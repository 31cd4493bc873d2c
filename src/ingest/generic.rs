//! The generic CSV formats: how a user feeds any export whose vendor is not built in. Each
//! column is named after a canonical field (docs/formats.md lists them); a file with other
//! headers is mapped with `[[sources]]` in debrief.toml, e.g.
//! `columns = { at = "Date", author = "Author", followers = "Followers", text = "Snippet" }`.
//! Times without an offset are in the source's zone (`[[sources]] timezone`, else the event
//! zone).

use std::collections::BTreeMap;

use polars::prelude::*;

use super::adapter::{Adapter, Reader, Zone};
use super::reader::{CsvTable, Doc};
use super::reading::Reading;
use super::rows;
use super::{columnar, csv_lines};
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
struct View {
    started: i64,
    ended: i64,
    watch_s: Option<f64>,
    failed: bool,
    platform: Option<String>,
}

/// The rules of `viewing-csv` for one record, the one statement of them: `g` gives a
/// canonical field's value, trimmed, `None` when empty or not mapped. A view has failed when
/// `failed` says so, or, without that column's value, when it has an `error`.
fn view<'a>(g: impl Fn(&str) -> Option<&'a str>, r: &Reading) -> Result<View, Reason> {
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
        platform: g("platform").map(|p| text::lower(p).into_owned()),
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
        platform: v.platform,
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

/// Reads a `viewing-csv` file on every core, line by line where it lies in the file
/// ([`csv_lines`]), through the `[[sources]]` mapping if any: each record goes through
/// [`view`], the copied fields are its cells, and each thread makes its views a frame.
/// `Ok(None)` when the file's shape needs the row reader, or when the mapping or the columns
/// are wrong (the row reader says how). Nothing is counted unless the read succeeds.
pub fn read_viewing_columnar(bytes: &[u8], ctx: &mut Ctx) -> PolarsResult<Option<DataFrame>> {
    let Some(csv) = csv_lines::open(bytes) else {
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
    let mut cells: Vec<Option<usize>> = Vec::with_capacity(VIEWING_FIELDS.len());
    for f in VIEWING_FIELDS {
        let header = mapping
            .get(*f)
            .map(|h| h.trim().to_lowercase())
            .unwrap_or_else(|| f.to_string());
        match csv.column(&header) {
            Some(c) => cells.push(Some(c)),
            None if mapping.contains_key(*f) => return Ok(None),
            None => cells.push(None),
        }
    }
    let field = |name: &str| VIEWING_FIELDS.iter().position(|f| *f == name);
    let has = |name: &str| field(name).is_some_and(|i| cells[i].is_some());
    if !has("started_at") || !has("ended_at") {
        return Ok(None);
    }
    ctx.report.tells_failures = has("failed") || has("error");
    let copied: Vec<(Option<usize>, &str)> = COPIED
        .iter()
        .map(|(_, name)| (field(name).and_then(|k| cells[k]), *name))
        .collect();
    let source = ctx.report.path.clone();
    csv.read(
        ctx,
        &cells,
        &copied,
        |record, reading| {
            let g = |name: &str| field(name).and_then(|k| record.cell(k));
            let v = view(g, reading)?;
            let own = g("session_id");
            // A session id identifies a view; without one, an exact repeat is a duplicate.
            let key = match own {
                Some(id) => id.to_string(),
                None => record.fields().collect::<Vec<_>>().join(RECORD_SEPARATOR),
            };
            let participant = g("participant").and_then(|p| reading.hash(p));
            let id = session_id(own, reading, record.index as u64 + 2);
            Ok((v, id, key, participant))
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
                    "session_id".into(),
                    views.iter().map(|v| v.1.as_str()).collect::<Vec<_>>(),
                ),
                Column::new(
                    "participant".into(),
                    views.iter().map(|v| v.3).collect::<Vec<_>>(),
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
                crate::tables::source_column(&source, height),
            ];
            let key = Column::new(
                columnar::KEY.into(),
                views.iter().map(|v| v.2.as_str()).collect::<Vec<_>>(),
            );
            drop(views);
            columns.extend(copied);
            let frame = DataFrame::new(height, columns)?;
            let mut frame = columnar::canonical_types(frame, ViewingRow::frame(&[])?)?;
            frame.with_column(key)?;
            Ok(frame)
        },
    )
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
