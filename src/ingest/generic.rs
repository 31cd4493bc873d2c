//! The generic CSV formats: how a user feeds any export whose vendor is not built in. Each
//! column is named after a canonical field (docs/formats.md lists them); a file with other
//! headers is mapped with `[[sources]]` in debrief.toml, e.g.
//! `columns = { at = "Date", author = "Author", followers = "Followers", text = "Snippet" }`.
//! Times without an offset are in the source's zone (`[[sources]] timezone`, else the event
//! zone).

use std::collections::BTreeMap;

use polars::prelude::*;

use super::adapter::{Adapter, Reader, Zone};
use super::columnar;
use super::reader::{CsvTable, Doc};
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

/// One `viewing-csv` record on `line`: `g` gives a canonical field's value, trimmed, `None`
/// when empty or not mapped.
fn viewing_row<'a>(
    g: impl Fn(&str) -> Option<&'a str>,
    line: u64,
    ctx: &Ctx,
) -> Result<ViewingRow, Reason> {
    let at = |n: &str| ctx.instant(n, g(n).ok_or_else(|| Reason::empty(n))?);
    let (started, ended) = (at("started_at")?, at("ended_at")?);
    if ended < started {
        let e = Reason::new("in-before").arg("other", "started_at");
        return Err(Reason::field("ended_at", e));
    }
    let error = g("error").map(str::to_string);
    let failed = match g("failed") {
        Some(v) => boolean("failed", v)?,
        None => error.is_some(),
    };
    let watch_s = g("watch_s")
        .map(|w| {
            w.parse::<f64>()
                .map_err(|_| Reason::not_a("watch_s", "in-not-a-number", w))
        })
        .transpose()?;
    let s = |n: &str| g(n).map(str::to_string);
    Ok(ViewingRow {
        platform: g("platform").map(str::to_lowercase),
        session_id: s("session_id").or_else(|| Some(format!("{}:{line}", ctx.report.path))),
        participant: g("participant").and_then(|p| ctx.hash(p)),
        started_at: Some(started),
        ended_at: Some(ended),
        watch_s,
        failed,
        error,
        isp: s("isp"),
        asn: s("asn"),
        country: s("country"),
        device: s("device"),
        os: s("os"),
        browser: s("browser"),
        cdn: s("cdn"),
        source: ctx.source(),
    })
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

/// Reads a `viewing-csv` file as columns (see [`columnar`]), through the `[[sources]]`
/// mapping if any; `Ok(None)` when the file's shape needs the row reader, or when the mapping
/// or the columns are wrong (the row reader says how). Nothing is counted unless the read
/// succeeds.
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
    // The file's column of each field.
    let mut source: Vec<(&str, String)> = Vec::new();
    for f in VIEWING_FIELDS {
        let header = mapping
            .get(*f)
            .map(|h| h.trim().to_lowercase())
            .unwrap_or_else(|| f.to_string());
        if raw.schema().contains(&header) {
            source.push((f, header));
        } else if mapping.contains_key(*f) {
            return Ok(None);
        }
    }
    let has = |f: &str| source.iter().any(|(s, _)| *s == f);
    if !has("started_at") || !has("ended_at") {
        return Ok(None);
    }
    ctx.report.tells_failures = has("failed") || has("error");
    let n = raw.height();
    let all: Vec<Expr> = raw
        .get_column_names()
        .into_iter()
        .map(|c| col(c.clone()).fill_null(lit("")))
        .collect();
    let mut fields: Vec<Expr> = VIEWING_FIELDS
        .iter()
        .map(|f| match source.iter().find(|(s, _)| s == f) {
            Some((_, header)) => columnar::text(&raw, header).alias(*f),
            None => lit(NULL).cast(DataType::String).alias(*f),
        })
        .collect();
    // Only a file with records lacking a session id needs the key of whole records.
    let anonymous = match source.iter().find(|(f, _)| *f == "session_id") {
        Some((_, header)) => raw
            .clone()
            .lazy()
            .select([columnar::text(&raw, header).is_null().any(true)])
            .collect()?
            .columns()[0]
            .bool()?
            .get(0)
            .unwrap_or(false),
        None => true,
    };
    fields.push(if anonymous {
        concat_str(all, RECORD_SEPARATOR, false).alias("__record")
    } else {
        lit(NULL).cast(DataType::String).alias("__record")
    });
    let lines: Vec<u64> = (2..n as u64 + 2).collect();
    let mut staged = raw.clone();
    staged.with_column(Column::new("__line".into(), lines))?;
    let t = |name: &str| col(name);
    // Stage by stage, so that each instant is parsed once.
    let staged = staged
        .lazy()
        .select(
            fields
                .into_iter()
                .chain([col("__line")])
                .collect::<Vec<_>>(),
        )
        .with_columns([
            columnar::instant_ms(t("started_at"), ctx.zone()).alias("__started"),
            columnar::instant_ms(t("ended_at"), ctx.zone()).alias("__ended"),
        ]);
    let started = t("__started");
    let ended = t("__ended");
    let failed_text = t("failed").str().to_lowercase();
    let failed = BOOLEANS.iter().rev().fold(
        when(t("failed").is_null())
            .then(t("error").is_not_null())
            .otherwise(lit(NULL).cast(DataType::Boolean)),
        |rest, (spelling, value)| {
            when(failed_text.clone().eq(lit(*spelling)))
                .then(lit(*value))
                .otherwise(rest)
        },
    );
    // Plain decimals only: other spellings are the row parser's.
    let watch = t("watch_s");
    let plain = watch
        .clone()
        .str()
        .strip_chars(lit("0123456789."))
        .str()
        .len_bytes()
        .eq(lit(0u32));
    let watch_s = watch.clone().cast(DataType::Float64);
    let ok = started
        .clone()
        .is_not_null()
        .and(ended.clone().is_not_null())
        .and(ended.clone().gt_eq(started.clone()))
        .and(failed.clone().is_not_null())
        .and(watch.is_null().or(plain.and(watch_s.clone().is_not_null())));
    let path = ctx.report.path.as_str();
    let mut fast = staged
        .select([
            t("platform").str().to_lowercase().alias("platform"),
            coalesce(&[
                t("session_id"),
                concat_str(
                    [lit(path), lit(":"), t("__line").cast(DataType::String)],
                    "",
                    false,
                ),
            ])
            .alias("session_id"),
            t("participant"),
            started.alias("started_at"),
            ended.alias("ended_at"),
            watch_s.alias("watch_s"),
            failed.fill_null(lit(false)).alias("failed"),
            t("error"),
            t("isp"),
            t("asn"),
            t("country"),
            t("device"),
            t("os"),
            t("browser"),
            t("cdn"),
            lit(path).alias("source"),
            ok.fill_null(lit(false)).alias(columnar::OK),
            coalesce(&[t("session_id"), t("__record")]).alias(columnar::KEY),
        ])
        .collect()?;
    columnar::hash_column(&mut fast, "participant", ctx)?;
    let columns: Vec<(&str, &StringChunked)> = source
        .iter()
        .map(|(f, header)| Ok((*f, raw.column(header)?.str()?)))
        .collect::<PolarsResult<_>>()?;
    let record: Vec<&StringChunked> = raw
        .columns()
        .iter()
        .map(|c| c.str())
        .collect::<PolarsResult<_>>()?;
    let shared: &Ctx = ctx;
    let outcome = columnar::finish_noting(
        fast,
        columnar::Place::Lines { first: 2 },
        &shared.dst,
        |i| {
            if blank.binary_search(&i).is_ok() {
                return None; // a blank line, skipped as the row reader does
            }
            let g = |name: &str| {
                columns
                    .iter()
                    .find(|(f, _)| *f == name)
                    .and_then(|(_, c)| c.get(i))
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
            };
            let row = viewing_row(g, i as u64 + 2, shared);
            Some(row.map(|row| {
                let key = match g("session_id") {
                    Some(id) => id.to_string(),
                    None => record
                        .iter()
                        .map(|c| c.get(i).unwrap_or_default())
                        .collect::<Vec<_>>()
                        .join(RECORD_SEPARATOR),
                };
                (key, row)
            }))
        },
        ViewingRow::frame,
    )?;
    Ok(Some(ctx.apply(outcome)))
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
