//! Ingest: find the files of an input folder, recognise each one's format from its content
//! (header names, JSON keys; never the file name), hand it to its adapter, and account for
//! every row: `rows_read = rows_kept + rows_rejected + duplicates_removed` for every source.
//! A file that cannot be read or recognised is listed with the reason; it never stops the run.
//!
//! Adapters live one per vendor format in this folder, each declared once as an [`Adapter`]
//! in its vendor's file; adding one is that file and a line in [`ADAPTERS`].

mod adapter;
mod billetweb;
mod brevo;
mod cloudflare;
mod columnar;
mod csv_lines;
#[doc(hidden)]
pub use columnar::set_part_records;
mod eventbrite;
pub(crate) mod events;
mod generic;
mod mailgun;
mod mailjet;
mod mux;
mod opslog;
mod pseudonyms;
mod reader;
mod reading;
mod reason;
mod rows;
mod sendgrid;
mod social;
mod x;
mod youtube;
mod zendesk;
mod zendesk_chat;
mod zendesk_csv;
mod zoom;

use std::collections::{BTreeMap, BTreeSet, HashSet, VecDeque};
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Serialize;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::tables::Rows;
use crate::text;
use crate::timeutil::Millis;
use crate::timings;

use adapter::Reader;
pub use adapter::{Adapter, Table, Zone};
pub use reader::{Doc, Record, CP1252_ASSUMED};
use reading::{Reading, Rules};
pub use reason::Reason;

/// One rejected row and why.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Rejection {
    /// Line in the file (CSV, NDJSON); `None` for records inside one JSON document, whose
    /// position is in the reason.
    pub line: Option<u64>,
    pub reason: Reason,
}

/// Rows between two updates of the progress spinner of a file read row by row.
const PROGRESS_ROWS: u64 = 16 * 1024;

/// Rejections kept per source in full; beyond this only the count grows.
const MAX_REJECTIONS_KEPT: usize = 50;

/// A kept row with something to know about how it was read: a local time on a DST change
/// (docs/definitions.md, "Time zones"). Placed as a [`Rejection`] is.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Warning {
    pub line: Option<u64>,
    pub reason: Reason,
}

/// Warnings kept per source in full, as for rejections; beyond this only the count grows.
const MAX_WARNINGS_KEPT: usize = MAX_REJECTIONS_KEPT;

/// What happened to one file: the `sources` entries of metrics.json.
#[derive(Debug, Clone, Serialize)]
pub struct SourceReport {
    /// Path relative to the input folder, `/`-separated.
    pub path: String,
    /// Canonical table it feeds, `None` if unrecognised; written by name (`tickets`,
    /// `viewing`, ...) as `kind`.
    #[serde(rename = "kind", serialize_with = "table_name")]
    pub table: Option<Table>,
    pub format: Option<&'static str>,
    /// Zone used for zone-less timestamps.
    pub timezone: Option<String>,
    /// Where that zone came from: `file` (timestamps carry their zone), `sources` (config
    /// `[[sources]]`), `event` (the event zone).
    pub timezone_origin: Option<&'static str>,
    pub rows_read: u64,
    pub rows_kept: u64,
    pub rows_rejected: u64,
    pub duplicates_removed: u64,
    /// Warnings of the rows read (kept, or removed as duplicates): all counted in
    /// `warning_count`, the first 50 listed in `warnings`.
    pub warning_count: u64,
    pub rejections: Vec<Rejection>,
    pub warnings: Vec<Warning>,
    /// Why the file was not used, where it was not: written as one `problem`, the reasons
    /// in English one after the other, and left out when there is none.
    #[serde(
        rename = "problem",
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "problems_in_english"
    )]
    pub problems: Vec<Reason>,
    /// The text encoding read (`utf-8`, `utf-16le`, `windows-1252 (assumed: not UTF-8)`).
    pub encoding: Option<&'static str>,
    /// For a viewing export: whether it can say that a view failed (a Zoom participants report
    /// cannot; a `viewing-csv` without `failed` or `error` cannot). docs/definitions.md makes the
    /// impact figures null where no viewing export can.
    #[serde(skip)]
    pub tells_failures: bool,
}

/// Serialises a source's table by its name.
fn table_name<S: serde::Serializer>(
    table: &Option<Table>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    table.map(Table::name).serialize(s)
}

/// Serialises a source's problems as one English text.
fn problems_in_english<S: serde::Serializer>(
    problems: &[Reason],
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    Reason::joined(problems, crate::i18n::Lang::En).serialize(s)
}

/// Whether some file fed `table` with a row kept.
pub fn has_rows(sources: &[SourceReport], table: Table) -> bool {
    sources
        .iter()
        .any(|s| s.table == Some(table) && s.rows_kept > 0)
}

impl SourceReport {
    /// The canonical table it feeds, by name (metrics.json `sources[].kind`).
    pub fn kind(&self) -> Option<&'static str> {
        self.table.map(Table::name)
    }

    fn new(path: String) -> Self {
        SourceReport {
            path,
            table: None,
            format: None,
            timezone: None,
            timezone_origin: None,
            rows_read: 0,
            rows_kept: 0,
            rows_rejected: 0,
            duplicates_removed: 0,
            warning_count: 0,
            rejections: Vec::new(),
            warnings: Vec::new(),
            problems: Vec::new(),
            encoding: None,
            tells_failures: true,
        }
    }

    /// Whether the accounting identity holds.
    pub fn balanced(&self) -> bool {
        self.rows_read == self.rows_kept + self.rows_rejected + self.duplicates_removed
    }

    /// Adds a reason why the file (or part of it) was not used to its problems, after any
    /// already there. Notes on files that are read go to the warnings ([`Ctx::warn`]).
    pub fn note(&mut self, reason: Reason) {
        // Reasons quote what the file holds: redacted, as for rejections.
        self.problems.push(reason.redacted());
    }

    /// Why the file was not used, in `lang`, where it was not: its problems one after the
    /// other.
    pub fn problem(&self, lang: crate::i18n::Lang) -> Option<String> {
        Reason::joined(&self.problems, lang)
    }
}

/// Every format debrief recognises, in detection order (the first whose signature a file
/// holds is its format). Adding a vendor: its file, with its [`Adapter`], and a line here.
pub const ADAPTERS: &[&Adapter] = &[
    &mux::VIEWS_CSV,
    &mailjet::EVENTS,
    &sendgrid::EVENTS,
    &mailgun::EVENTS,
    &brevo::EVENTS,
    &zendesk::INCREMENTAL,
    &zendesk::TICKET_METRICS,
    &zendesk_csv::TICKETS_CSV,
    &x::API_V2,
    &billetweb::ATTENDEES,
    &opslog::OPS_LOG,
    &generic::VIEWING_CSV,
    &generic::MENTIONS_CSV,
    &zoom::PARTICIPANTS_CSV,
    &zoom::PARTICIPANTS_JSON,
    &social::X_ARCHIVE,
    &social::MASTODON,
    &social::BLUESKY,
    &eventbrite::ATTENDEES_CSV,
    &eventbrite::ATTENDEES_JSON,
    &zendesk::FULL_EXPORT,
    &mux::VIEWS_JSON,
    &zendesk_chat::CHAT,
    &youtube::VIEWERS_CSV,
    &youtube::VIEWERS_JSON,
    &cloudflare::REQUESTS,
    &zoom::WEBINAR_CSV,
];

/// A format by its name (`[[sources]] format`).
fn adapter_named(name: &str) -> Option<&'static Adapter> {
    ADAPTERS.iter().copied().find(|a| a.name == name)
}

/// The field names a format is known by, lower-cased: its signatures' and those documented in
/// formats.md. An unrecognised file is nearest to the format sharing the most of them.
fn known_fields(a: &Adapter) -> BTreeSet<String> {
    a.csv_signatures
        .iter()
        .chain(a.json_signatures)
        .flat_map(|sig| sig.iter())
        .chain(a.documented)
        .map(|k| k.to_lowercase())
        .collect()
}

/// What an adapter gets: where it is, its zone, the config, and the report to fill.
pub struct Ctx<'a> {
    /// The row parsers' part (zone, salt, file, DST notes): `ctx.hash(..)`, `ctx.instant(..)`
    /// and the like are [`Reading`]'s, through `Deref`.
    pub reading: Reading,
    pub config: &'a Config,
    pub folded_keywords: &'a [String],
    pub report: &'a mut SourceReport,
    /// Index of this source in the run's source list.
    pub origin: usize,
    /// The `[[sources]] columns` mapping (canonical field -> the file's header), if any.
    pub columns: Option<&'a BTreeMap<String, String>>,
    /// The file's bytes, when a reader may give back the pages of what it has read
    /// ([`Ctx::release`]).
    pub file: Option<&'a crate::memory::FileBytes>,
}

impl<'a> Ctx<'a> {
    /// The context of one file's read: nothing counted, noted or hashed yet.
    pub fn new(
        zone: Tz,
        config: &'a Config,
        folded_keywords: &'a [String],
        report: &'a mut SourceReport,
        origin: usize,
        columns: Option<&'a BTreeMap<String, String>>,
        file: Option<&'a crate::memory::FileBytes>,
    ) -> Ctx<'a> {
        let rules = Rules {
            zone,
            salt: config.salt.as_str().into(),
            source: report.path.as_str().into(),
        };
        Ctx {
            reading: rules.reading(),
            config,
            folded_keywords,
            report,
            origin,
            columns,
            file,
        }
    }

    /// Done with `part` of the file's bytes (a part read, or a pass over the whole file): a
    /// file mapped from disk gives back its pages; nothing changes for what reads it later.
    pub fn release(&self, part: &[u8]) {
        if let Some(file) = self.file {
            file.release(part);
        }
    }

    /// Counts a row read.
    pub fn read(&mut self) {
        self.report.rows_read += 1;
        if self.report.rows_read.is_multiple_of(PROGRESS_ROWS) {
            crate::progress::rows(PROGRESS_ROWS);
        }
    }

    /// Counts a row kept.
    pub fn kept(&mut self) {
        self.report.rows_kept += 1;
    }

    /// Counts a duplicate removed.
    pub fn duplicate(&mut self) {
        self.report.duplicates_removed += 1;
    }

    /// Counts a rejected row and keeps its reason.
    pub fn reject(&mut self, line: Option<u64>, reason: Reason) {
        self.report.rows_rejected += 1;
        if self.report.rejections.len() < MAX_REJECTIONS_KEPT {
            // Reasons quote the cell they are about; a misplaced address must not reach an
            // output, in any language.
            let reason = reason.redacted();
            self.report.rejections.push(Rejection { line, reason });
        }
    }

    /// Counts a warning and keeps its reason.
    pub fn warn(&mut self, line: Option<u64>, reason: Reason) {
        self.report.warning_count += 1;
        if self.report.warnings.len() < MAX_WARNINGS_KEPT {
            // As for rejections: the reason quotes a cell.
            let reason = reason.redacted();
            self.report.warnings.push(Warning { line, reason });
        }
    }

    /// Settles the DST notes of the record just parsed: if it was `read` (kept or a
    /// duplicate), each becomes a warning, placed by `place` (line and reason, as its
    /// rejection would have been); if it was rejected, they go with it.
    pub fn settle(&mut self, read: bool, place: impl Fn(Reason) -> (Option<u64>, Reason)) {
        let notes = self.dst.take();
        if read {
            for note in notes {
                let (line, reason) = place(note);
                self.warn(line, reason);
            }
        }
    }

    /// Counts what a columnar read settled and hands over its frame.
    pub fn apply(&mut self, outcome: columnar::Outcome) -> polars::prelude::DataFrame {
        self.report.rows_read += outcome.read;
        for (line, reason) in outcome.rejected {
            self.reject(line, reason);
        }
        for (line, reason) in outcome.warnings {
            self.warn(line, reason);
        }
        // Columnar readers place the DST notes of their rows themselves
        // (`columnar::settled_rows`); were one to leave notes here, they would still be counted, without
        // their line.
        debug_assert!(
            self.dst.borrow().is_empty(),
            "DST notes left by {}",
            self.report.path
        );
        for note in self.dst.take() {
            self.warn(None, note);
        }
        self.report.duplicates_removed += outcome.duplicates;
        self.report.rows_kept += outcome.frame.height() as u64;
        outcome.frame
    }

    /// The record's value, or `None` after rejecting it with the reader's reason.
    pub fn value<'v>(&mut self, rec: &'v Record<'_>) -> Option<&'v serde_json::Value> {
        match &rec.value {
            Ok(v) => Some(v.as_ref()),
            Err(e) => {
                self.reject(rec.line, rec.reason(e.clone()));
                None
            }
        }
    }
}

impl std::ops::Deref for Ctx<'_> {
    type Target = Reading;
    fn deref(&self) -> &Reading {
        &self.reading
    }
}

/// Everything the ingest stage produced.
#[derive(Debug, Default)]
pub struct Ingested {
    pub rows: Rows,
    pub sources: Vec<SourceReport>,
    /// The same instants as two files read them, for the time-zone cross-check.
    pub clock_pairs: Vec<ClockPair>,
}

/// One instant as two files read it (the same Zendesk ticket's creation or solve time in an
/// admin CSV and in an API export): their clocks should agree. `a` and `b` index `sources`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClockPair {
    pub a: usize,
    pub a_at: Millis,
    pub b: usize,
    pub b_at: Millis,
}

impl Ingested {
    /// Whether some viewing export with kept rows can say that a view failed: without one,
    /// failed views, the affected segment and participants are unknown, not zero.
    pub fn failures_known(&self) -> bool {
        self.sources
            .iter()
            .any(|s| s.table == Some(Table::Viewing) && s.rows_kept > 0 && s.tells_failures)
    }
}

/// Work that spans files (Zendesk pages, side-loaded users, ticket metrics), finished after
/// every file is read.
#[derive(Debug, Default)]
pub struct Pending {
    pub zendesk: zendesk::Pending,
}

/// Files of the input folder that are not exports: the config, notes and user templates.
fn is_export(relative: &Path) -> bool {
    let name = relative.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name == "debrief.toml" {
        return false;
    }
    let ext = relative
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(ext.as_str(), "md" | "toml" | "sql" | "html" | "txt") {
        return false;
    }
    !relative.components().any(|c| {
        matches!(
            c.as_os_str().to_str(),
            Some("queries" | "report_templates" | "debrief-out")
        )
    })
}

/// Lists export files under `dir`, sorted by relative path for a stable order. Symbolic links
/// are followed: a folder of links to the exports is a folder of exports. Each folder is
/// entered once, by its real path (a link to an ancestor cannot loop), and each real file is
/// listed once: under its own path where the folder holds it, else under the first link to it.
/// Folders reached through links are entered after every real one. A broken link is listed,
/// so that reading it names the problem.
fn list_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let real = |p: &Path| std::fs::canonicalize(p).map_err(|e| Error::io(p, e));
    let mut entered: HashSet<PathBuf> = HashSet::from([real(dir)?]);
    // (relative path, real path, reached through a link)
    let mut found: Vec<(PathBuf, Option<PathBuf>, bool)> = Vec::new();
    let mut queue: VecDeque<(PathBuf, bool)> = VecDeque::from([(dir.to_path_buf(), false)]);
    let mut linked_dirs: Vec<PathBuf> = Vec::new();
    loop {
        let Some((d, linked)) = queue.pop_front() else {
            if linked_dirs.is_empty() {
                break;
            }
            linked_dirs.sort();
            for p in linked_dirs.drain(..) {
                if entered.insert(real(&p)?) {
                    queue.push_back((p, true));
                }
            }
            continue;
        };
        let mut entries = std::fs::read_dir(&d)
            .map_err(|e| Error::io(&d, e))?
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(|e| Error::io(&d, e))?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let p = entry.path();
            let rel = p.strip_prefix(dir).unwrap_or(&p).to_path_buf();
            let is_link = entry
                .file_type()
                .map_err(|e| Error::io(&p, e))?
                .is_symlink();
            let Ok(meta) = std::fs::metadata(&p) else {
                // A broken link (or a link loop).
                if is_export(&rel) {
                    found.push((rel, None, true));
                }
                continue;
            };
            if meta.is_dir() {
                if !is_export(&rel.join("x")) {
                    continue;
                }
                if is_link {
                    linked_dirs.push(p);
                } else if entered.insert(real(&p)?) {
                    queue.push_back((p, linked));
                }
            } else if meta.is_file() && is_export(&rel) {
                let target = std::fs::canonicalize(&p).ok();
                found.push((rel, target, linked || is_link));
            }
        }
    }
    // One path per real file: its own before a link's, then the first in order.
    found.sort_by(|a, b| (a.2, &a.0).cmp(&(b.2, &b.0)));
    let mut seen = HashSet::new();
    found.retain(|(_, target, _)| target.as_ref().is_none_or(|t| seen.insert(t.clone())));
    let mut out: Vec<PathBuf> = found.into_iter().map(|(rel, _, _)| rel).collect();
    out.sort();
    Ok(out)
}

/// Whether `dir` itself (not its subfolders: a repository's `sample_data/` does not make the
/// repository an input) holds a file recognised as an export, by the rules of a run: how a
/// working folder is taken as the input when none is given. A file is judged by its first
/// 64 KiB, or whole where that is not enough and it is small (a JSON document up to 16 MiB).
pub fn holds_export(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .map(|e| PathBuf::from(e.file_name()))
        .filter(|name| is_export(name))
        .collect();
    names.sort();
    names.iter().any(|name| recognised(&dir.join(name)))
}

/// How a file is to be read, decided once before any is read (see [`ingest_dir_with`]).
struct Plan {
    /// The large format it is read as columns in, if any: its `[[sources]] format`, else the
    /// one its first 64 KiB show (as [`sniff`] looks at a file, cut at a line break); none for
    /// a column mapping on a format that takes none, or when columns are not wanted.
    columns: Option<&'static Adapter>,
    /// The text starts with `{` (blank space and a BOM aside): a JSON object, which the row
    /// reader parses whole, or NDJSON.
    object: bool,
}

impl Plan {
    fn of(path: &Path, forced: Option<&crate::config::SourceConfig>, columnar: bool) -> Plan {
        use std::io::Read;
        let mut head = Vec::new();
        let _ =
            std::fs::File::open(path).and_then(|f| f.take(64 * 1024 + 1).read_to_end(&mut head));
        let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head);
        let object = text.trim_ascii_start().starts_with(b"{");
        let format = match forced.and_then(|s| s.format.as_deref()) {
            Some(name) => adapter_named(name),
            None if columnar => sniff(&head),
            None => None,
        };
        let mapped = forced.is_some_and(|s| !s.columns.is_empty());
        let columns =
            format.filter(|f| columnar && f.reader.columnar().is_some() && (!mapped || f.mappable));
        Plan { columns, object }
    }
}

fn recognised(path: &Path) -> bool {
    use std::io::Read;
    const HEAD: u64 = 64 * 1024;
    const WHOLE: u64 = 16 * 1024 * 1024;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(HEAD).read_to_end(&mut head).is_err() || reader::refuse_binary(&head).is_err() {
        return false;
    }
    if sniff(&head).is_some() {
        return true;
    }
    let small = std::fs::metadata(path).is_ok_and(|m| m.len() <= WHOLE);
    if !small {
        return false;
    }
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    reader::Doc::parse_with_encoding(&bytes).is_ok_and(|(doc, _)| detect(&doc).is_ok())
}

/// Reads every export under `dir`.
pub fn ingest_dir(dir: &Path, config: &Config) -> Result<Ingested> {
    ingest_dir_with(dir, config, true)
}

/// Reads every export under `dir`, the large formats as columns or (for comparison in tests)
/// row by row like the others.
#[doc(hidden)]
pub fn ingest_dir_with(dir: &Path, config: &Config, columnar: bool) -> Result<Ingested> {
    if !dir.is_dir() {
        return Err(Error::input(
            dir,
            "not a folder (give the folder that holds the exports)",
        ));
    }
    let files = list_files(dir)?;
    let folded = text::fold_keywords(&config.incident.keywords);
    let mut ingested = Ingested::default();
    // Two groups: the files read as rows (JSON objects first, then the others, each in name
    // order) and those read as columns (the large formats, in name order). Each table's rows
    // keep their group's order (a table is its row-read files' rows, then its column-read
    // files' frames), except the rows of a file of a large format whose shape the columnar
    // reader declines (it is read by rows, after the row-read files: every built-in figure
    // is an aggregate or fully ordered, so only an unordered query of the user's can tell).
    // The sources are reported, and numbered, in name order.
    let plans: Vec<Plan> = files
        .iter()
        .map(|rel| Plan::of(&dir.join(rel), config.source_for(rel), columnar))
        .collect();
    let (by_columns, mut by_rows): (Vec<usize>, Vec<usize>) =
        (0..files.len()).partition(|&i| plans[i].columns.is_some());
    // A JSON object is parsed whole, about ten times its size while it is read (Zendesk's
    // 100 MB pages, 1 GB): first in its group, it is read while the columnar reads, which
    // only grow, hold least (the 3M event's peak: 9.7 GB with the row files in name order,
    // 8.0 GB this way).
    by_rows.sort_by_key(|&i| (!plans[i].object, i));
    // The two groups are read at the same time, on two threads: the row-read files are mostly
    // one core's work (parsing JSON), while the columnar reads leave a core idle for seconds
    // at a time (polars' parse of a part, building and deduplicating the frames). Each group reads into
    // rows of its own, joined below in the order above: results are the same as one after
    // the other. Only the columnar group's thread draws progress on a terminal.
    let read_group = |group: &[usize], rows: &mut Rows, pending: &mut Pending| {
        group
            .iter()
            .map(|&origin| {
                let rel = &files[origin];
                let shown = rel.to_string_lossy().replace('\\', "/");
                let timing = timings::Stage::start("ingest");
                let mut report = SourceReport::new(shown);
                if let Err(problem) = ingest_file(
                    dir,
                    rel,
                    config,
                    &folded,
                    &mut report,
                    origin,
                    rows,
                    pending,
                    plans[origin].columns,
                ) {
                    report.note(problem);
                }
                crate::progress::done();
                timing.done(
                    &report.path,
                    &format!("read {} kept {}", report.rows_read, report.rows_kept),
                );
                (origin, report)
            })
            .collect::<Vec<_>>()
    };
    // The row group, then what spans its files (see [`finish_rows`]).
    let read_rows = |rows: &mut Rows| {
        let mut pending = Pending::default();
        let mut reports = read_group(&by_rows, rows, &mut pending);
        let pairs = finish_rows(rows, pending, &mut reports, config);
        (reports, pairs)
    };
    let mut column_rows = Rows::default();
    let mut column_pending = Pending::default();
    let (row_reports, column_reports) = std::thread::scope(|scope| {
        let row_thread = (!by_rows.is_empty() && !by_columns.is_empty()).then(|| {
            std::thread::Builder::new()
                .name("ingest-rows".into())
                // The main thread's size: a JSON document nests as deep as serde_json allows.
                .stack_size(8 * 1024 * 1024)
                .spawn_scoped(scope, || {
                    crate::progress::quiet_here();
                    let mut rows = Rows::default();
                    let (reports, pairs) = read_rows(&mut rows);
                    (reports, rows, pairs)
                })
        });
        let (row_reports, column_reports) = match row_thread {
            Some(Ok(thread)) => {
                let column_reports = read_group(&by_columns, &mut column_rows, &mut column_pending);
                match thread.join() {
                    Ok((reports, rows, pairs)) => {
                        ingested.rows = rows;
                        ingested.clock_pairs = pairs;
                        (reports, column_reports)
                    }
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            // One group only, or no thread to be had: one after the other, on this one.
            _ => {
                let (row_reports, pairs) = read_rows(&mut ingested.rows);
                ingested.clock_pairs = pairs;
                let column_reports = read_group(&by_columns, &mut column_rows, &mut column_pending);
                (row_reports, column_reports)
            }
        };
        (row_reports, column_reports)
    });
    ingested.rows.append(column_rows);
    // A file read as columns, or by rows when its columnar reader declines it, is read in the
    // format its plan chose: viewing, e-mail or web rows, never tickets.
    debug_assert!(column_pending.zendesk.is_empty());
    let mut reports: Vec<Option<SourceReport>> = files.iter().map(|_| None).collect();
    for (origin, report) in row_reports.into_iter().chain(column_reports) {
        reports[origin] = Some(report);
    }
    ingested.sources = reports.into_iter().flatten().collect();
    Ok(ingested)
}

/// What is done once every row-read file is read, on the row group's thread (beside the
/// columnar reads): tickets put together across files (Zendesk pages, users, metrics), the
/// copies of a ticket counted as duplicates of the file they came from, then the mentions'
/// authors pseudonymised. Tickets and mentions only ever come from row-read files. Returns
/// the instants two files read of the same tickets.
fn finish_rows(
    rows: &mut Rows,
    pending: Pending,
    reports: &mut [(usize, SourceReport)],
    config: &Config,
) -> Vec<ClockPair> {
    let timing = timings::Stage::start("ingest");
    let (pairs, copies) = zendesk::finish(pending.zendesk, &mut rows.tickets);
    for origin in copies {
        if let Some((_, report)) = reports.iter_mut().find(|(o, _)| *o == origin) {
            report.rows_kept -= 1;
            report.duplicates_removed += 1;
        }
    }
    if !config.show_authors {
        pseudonyms::apply(&mut rows.mentions, &config.own_handles());
    }
    timing.done("(tickets across files, pseudonyms)", "");
    pairs
}

/// Reads one file. An `Err` is a whole-file problem, shown in the data-quality table.
#[allow(clippy::too_many_arguments)]
fn ingest_file(
    dir: &Path,
    rel: &Path,
    config: &Config,
    folded: &[String],
    report: &mut SourceReport,
    origin: usize,
    rows: &mut Rows,
    pending: &mut Pending,
    as_columns: Option<&'static Adapter>,
) -> std::result::Result<(), Reason> {
    let full = dir.join(rel);
    let shown = rel.to_string_lossy().replace('\\', "/");
    let bytes = crate::progress::read_file(&full, &shown)
        .map_err(|e| Reason::new("in-cannot-read").arg("error", e))?;
    reader::refuse_binary(&bytes)?;
    let forced = config.source_for(rel);
    let forced_format = match forced.and_then(|s| s.format.as_deref()) {
        Some(name) => Some(adapter_named(name).ok_or_else(|| {
            let known: Vec<&str> = ADAPTERS.iter().map(|a| a.name).collect();
            Reason::new("in-unknown-format")
                .arg("name", name)
                .arg("known", known.join(", "))
        })?),
        None => None,
    };
    // The large formats are read as columns, in the format the file's [`Plan`] chose (only
    // the generic ones take a column mapping).
    let mapping = forced.map(|s| &s.columns).filter(|c| !c.is_empty());
    if let Some((format, columns)) = as_columns.and_then(|f| Some((f, f.reader.columnar()?))) {
        let zone = describe(report, format, forced, config, "utf-8");
        let mut ctx = Ctx::new(zone, config, folded, report, origin, mapping, Some(&bytes));
        if read_as_columns(format, columns, &bytes, &mut ctx, &mut rows.frames)? {
            return Ok(());
        }
    }
    // Pruned unless a `[[sources]]` entry names the file: its format may read other keys.
    let (doc, encoding) = reader::Doc::parse_pruning(&bytes, forced.is_none())?;
    // A file its plan took for a large format and whose columnar reader declined it is read by
    // rows in that same format.
    let format = match forced_format.or(as_columns) {
        Some(f) => f,
        None => detect(&doc)?,
    };
    // A report whose table sits after a summary block (Zoom): read that section.
    let doc = match doc {
        Doc::Csv(t)
            if forced.and_then(|s| s.format.as_deref()).is_none() && detect_table(&t).is_none() =>
        {
            // Among several (Zoom webinars: host, panelists, attendees), the attendees' table.
            let mut matching: Vec<reader::CsvTable> = t
                .sections
                .into_iter()
                .filter(|s| detect_table(s) == Some(format))
                .collect();
            let pick = matching
                .iter()
                .position(|s| {
                    s.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains("attendee"))
                })
                .unwrap_or(0);
            match (!matching.is_empty()).then(|| matching.swap_remove(pick)) {
                Some(section) => Doc::Csv(section),
                None => return Err(Reason::new("in-no-table")),
            }
        }
        other => other,
    };
    let zone = describe(report, format, forced, config, encoding);
    let mut ctx = Ctx::new(zone, config, folded, report, origin, mapping, Some(&bytes));
    match format.reader {
        Reader::Registrations(read) => read(&doc, &mut ctx, &mut rows.registrations),
        Reader::Viewing(read, _) => read(&doc, &mut ctx, &mut rows.viewing),
        Reader::Email(read, _) => read(&doc, &mut ctx, &mut rows.email),
        Reader::Tickets(read) => read(&doc, &mut ctx, &mut pending.zendesk),
        Reader::Mentions(read) => read(&doc, &mut ctx, &mut rows.mentions),
        Reader::Log(read) => read(&doc, &mut ctx, &mut rows.log),
        Reader::Audience(read) => read(&doc, &mut ctx, &mut rows.audience),
        Reader::Web(read, _) => read(&doc, &mut ctx, &mut rows.web),
    }
}

/// Reads a file as columns into its table's frames: `Ok(true)` when read, `Ok(false)` when the
/// columnar reader declines it up front (a shape the row reader takes, naming its bad lines).
/// A polars failure is the file's problem (`Err`), with nothing counted: the file is not read
/// another way behind the user's back.
fn read_as_columns(
    format: &Adapter,
    columns: adapter::Columnar,
    bytes: &[u8],
    ctx: &mut Ctx,
    frames: &mut crate::tables::Frames,
) -> std::result::Result<bool, Reason> {
    let described = ctx.report.clone();
    match (columns.read)(bytes, ctx) {
        Ok(Some(frame)) => {
            (columns.frames)(frames).push(frame);
            Ok(true)
        }
        Ok(None) => Ok(false),
        Err(e) => {
            *ctx.report = described;
            ctx.dst.take();
            Err(Reason::new("in-columnar-failed")
                .arg("format", format.name)
                .arg("error", e))
        }
    }
}

/// Fills in what a file is: format, table, encoding, and the zone for its zone-less
/// timestamps with where that zone came from. Returns that zone.
fn describe(
    report: &mut SourceReport,
    format: &Adapter,
    forced: Option<&crate::config::SourceConfig>,
    config: &Config,
    encoding: &'static str,
) -> Tz {
    report.format = Some(format.name);
    report.table = Some(format.table());
    report.encoding = Some(encoding);
    let (zone, origin_label) = match forced.and_then(|s| s.timezone.as_deref()) {
        // Validated when the config was loaded.
        Some(z) => (z.parse::<Tz>().unwrap_or(config.zone), "sources"),
        None => match format.zone {
            Zone::InFile => (chrono_tz::UTC, "file"),
            Zone::Local => (config.zone, "event"),
        },
    };
    report.timezone = Some(zone.name().to_string());
    report.timezone_origin = Some(origin_label);
    zone
}

/// The format of a file judged from its first 64 KiB, for UTF-8 CSV and NDJSON files whose
/// main table is recognised directly.
fn sniff(bytes: &[u8]) -> Option<&'static Adapter> {
    const HEAD: usize = 64 * 1024;
    let head = if bytes.len() > HEAD {
        let cut = bytes[..HEAD].iter().rposition(|&b| b == b'\n')?;
        &bytes[..=cut]
    } else {
        bytes
    };
    // A JSON array: by its first item (the head may end inside the array).
    let text = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    if let Some(items) = text.trim_ascii_start().strip_prefix(b"[") {
        let first = serde_json::Deserializer::from_slice(items)
            .into_iter::<serde_json::Value>()
            .next()?
            .ok()?;
        return detect(&Doc::Json(serde_json::Value::Array(vec![first]))).ok();
    }
    let (doc, encoding) = reader::Doc::parse_with_encoding(head).ok()?;
    if encoding != "utf-8" {
        return None;
    }
    match &doc {
        Doc::Csv(t) => detect_table(t),
        Doc::Ndjson(_) => detect(&doc).ok(),
        Doc::Json(_) | Doc::Array(_) => None,
    }
}

/// The CSV format whose signature a table's header holds.
fn detect_table(t: &reader::CsvTable) -> Option<&'static Adapter> {
    ADAPTERS.iter().copied().find(|f| {
        f.csv_signatures
            .iter()
            .any(|sig| sig.iter().all(|k| t.headers.iter().any(|h| h == k)))
    })
}

/// Recognises a document, or names the format it comes nearest to (the one whose known field
/// names it shares most of; the first in detection order on a tie) and what that one needs.
fn detect(doc: &Doc) -> std::result::Result<&'static Adapter, Reason> {
    if let Doc::Csv(t) = doc {
        if let Some(f) = detect_table(t).or_else(|| t.sections.iter().find_map(detect_table)) {
            return Ok(f);
        }
    }
    let (present, is_csv): (Vec<String>, bool) = match doc {
        Doc::Csv(t) => (t.headers.clone(), true),
        Doc::Json(_) | Doc::Array(_) | Doc::Ndjson(_) => (doc.sniff_keys(), false),
    };
    let signatures = |f: &Adapter| {
        if is_csv {
            f.csv_signatures
        } else {
            f.json_signatures
        }
    };
    if let Some(f) = ADAPTERS.iter().copied().find(|f| {
        signatures(f)
            .iter()
            .any(|sig| sig.iter().all(|k| present.iter().any(|p| p == k)))
    }) {
        return Ok(f);
    }
    let lower: BTreeSet<String> = present.iter().map(|p| p.to_lowercase()).collect();
    // (format, fields shared, the signature keys it lacks)
    let mut best: Option<(&Adapter, usize, Vec<&str>)> = None;
    for &f in ADAPTERS {
        let sigs = signatures(f);
        if sigs.is_empty() {
            continue;
        }
        let shared = known_fields(f).intersection(&lower).count();
        let missing: Vec<&str> = sigs
            .iter()
            .map(|sig| {
                sig.iter()
                    .copied()
                    .filter(|k| !present.iter().any(|p| p == k))
                    .collect::<Vec<&str>>()
            })
            .min_by_key(Vec::len)
            .unwrap_or_default();
        let better = best
            .as_ref()
            .is_none_or(|(_, s, m)| shared > *s || (shared == *s && missing.len() < m.len()));
        if shared > 0 && better {
            best = Some((f, shared, missing));
        }
    }
    // The field names found, as written: `found` of a reason.
    let names = present
        .iter()
        .take(30)
        .map(|p| shown(p))
        .collect::<Vec<_>>();
    let found = |r: Reason| {
        if present.is_empty() {
            r.with("found", Reason::new("in-found-none"))
        } else if present.len() > 30 {
            let more = Reason::new("in-found-more")
                .arg("names", names.join(", "))
                .count("n", (present.len() - 30) as i64);
            r.with("found", more)
        } else {
            r.arg("found", names.join(", "))
        }
    };
    match best {
        Some((f, _, missing)) => {
            let nearest = |key| {
                found(Reason::new(key))
                    .arg("format", f.name)
                    .arg("table", f.table().name())
                    .arg("missing", missing.join(", "))
            };
            Err(match f.advice {
                Some(advice) => {
                    nearest("in-not-recognised-nearest-advice").with("advice", Reason::new(advice))
                }
                None => nearest("in-not-recognised-nearest"),
            })
        }
        None => Err(found(Reason::new("in-not-recognised"))),
    }
}

/// A field name as shown in a message: control characters replaced, at most 40 characters.
fn shown(name: &str) -> String {
    let mut out: String = name
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if name.chars().count() > 40 {
        out.push('\u{2026}');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_format_is_known_by_its_head_even_cut_inside_a_character() {
        // A Mux export whose 65,536th byte is the second of "é": the head read to choose the
        // order is cut at a line break, as the reader's own look at the file is, not inside
        // the character (which would read as windows-1252 and not be recognised).
        let header = "view_id,view_start,view_end,watch_time,exit_before_video_start,\
            player_error_code,player_error_message,error_type_id,player_name,viewer_user_id,isp,\
            asn,country_code,viewer_device_category,viewer_os_family,viewer_application_name,cdn\n";
        let mut csv = header.to_string();
        let row = |i: usize, isp: &str| {
            format!(
                "v{i},2020-11-27T14:00:00.000Z,2020-11-27T14:30:00.000Z,1800000,false,,,,vimeo,\
                 p{i}@example.org,{isp},3215,FR,desktop,Windows,Chrome,akamai\n"
            )
        };
        let mut i = 0;
        while csv.len() < 65_000 {
            csv.push_str(&row(i, "Orange"));
            i += 1;
        }
        // Pad the ISP so that "é" starts at byte 65,535.
        let probe = row(i, "Plé");
        let at_e = csv.len() + probe.find('é').unwrap();
        let pad = "x".repeat(65_535 - at_e);
        csv.push_str(&row(i, &format!("{pad}Plé")));
        assert_eq!(&csv.as_bytes()[65_535..65_537], "é".as_bytes());
        csv.push_str(&row(i + 1, "Free"));
        let path = std::env::temp_dir().join(format!("debrief-head-{}.csv", std::process::id()));
        std::fs::write(&path, &csv).unwrap();
        assert!(Plan::of(&path, None, true).columns.is_some());
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn the_registry_names_each_format_once_and_can_recognise_it() {
        let names: BTreeSet<&str> = ADAPTERS.iter().map(|a| a.name).collect();
        assert_eq!(names.len(), ADAPTERS.len());
        for a in ADAPTERS {
            assert!(
                !a.csv_signatures.is_empty() || !a.json_signatures.is_empty(),
                "{} has no signature",
                a.name
            );
            assert_eq!(adapter_named(a.name), Some(*a));
        }
    }

    fn failing(_: &[u8], ctx: &mut Ctx) -> polars::prelude::PolarsResult<Option<DataFrame>> {
        // Counted before failing, as a reader could.
        ctx.read();
        ctx.reject(Some(2), Reason::new("in-empty"));
        Err(polars::prelude::polars_err!(ComputeError: "boom"))
    }

    fn declining(_: &[u8], _: &mut Ctx) -> polars::prelude::PolarsResult<Option<DataFrame>> {
        Ok(None)
    }

    use polars::prelude::DataFrame;

    #[test]
    fn a_columnar_failure_is_the_files_problem_and_a_decline_is_not() {
        let config = Config::default();
        let run = |read: adapter::ColumnReader| {
            let mut report = SourceReport::new("views.csv".into());
            let mut frames = crate::tables::Frames::default();
            let format = &mux::VIEWS_CSV;
            let columns = adapter::Columnar {
                read,
                frames: |f| &mut f.viewing,
            };
            describe(&mut report, format, None, &config, "utf-8");
            let mut ctx = Ctx::new(chrono_tz::UTC, &config, &[], &mut report, 0, None, None);
            let read = read_as_columns(format, columns, b"", &mut ctx, &mut frames);
            (read, report, frames.viewing.len())
        };
        let (read, report, frames) = run(failing);
        let problem = read.unwrap_err().to_string();
        assert!(
            problem.starts_with("mux-views-csv could not be read: "),
            "{problem}"
        );
        assert!(problem.contains("boom"), "{problem}");
        assert_eq!(frames, 0);
        assert_eq!((report.rows_read, report.rows_rejected), (0, 0));
        assert!(report.rejections.is_empty() && report.balanced());
        assert_eq!(report.format, Some("mux-views-csv"));
        assert_eq!(report.table, Some(Table::Viewing));
        let (read, report, frames) = run(declining);
        assert_eq!(read, Ok(false));
        assert_eq!((frames, report.rows_read), (0, 0));
    }
}
