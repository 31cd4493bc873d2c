//! The canonical tables of design.md. Adapters fill typed rows; `Tables` turns them into
//! polars DataFrames with fixed schemas (instants as `Datetime(ms, "UTC")`), adds the
//! bucketing columns that polars SQL cannot compute (`start_minute`, `end_minute`, `bucket`,
//! `solved_bucket`, as epoch milliseconds aligned to the UTC epoch), and registers them for the
//! queries.
//! Nothing downstream of this module knows a vendor.

use polars::prelude::*;

use crate::error::{Error, Result};
use crate::timeutil::MINUTE_MS;

/// Declares a canonical row type and its conversion to a DataFrame, so that the schema is
/// written once. Kinds: `Str`, `Name` (a `&'static str`: a provider's or a canonical name,
/// the same in many rows), `Src` (the file, shared by its rows), `Id` (a participant key,
/// u64: text::participant_hash), `Time` (UTC epoch ms), `Int`, `Float`, `Bool`, `List` (of
/// str).
macro_rules! canonical_table {
    ($(#[$doc:meta])* $row:ident { $($field:ident : $kind:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $row { $(pub $field: canonical_table!(@ty $kind)),* }

        impl $row {

            /// The rows as a DataFrame with the canonical schema; `source` one value when
            /// every row shares one file's (see [`one_source`]).
            pub fn frame(rows: &[$row]) -> PolarsResult<DataFrame> {
                let columns = vec![$(canonical_table!(@col $kind, stringify!($field), rows.iter().map(|r| &r.$field))),*];
                DataFrame::new(rows.len(), columns)
            }
        }
    };
    (@ty Str) => { Option<String> };
    (@ty Name) => { Option<&'static str> };
    (@ty Src) => { Option<std::sync::Arc<str>> };
    (@ty Id) => { Option<u64> };
    (@ty Time) => { Option<i64> };
    (@ty Int) => { Option<i64> };
    (@ty Float) => { Option<f64> };
    (@ty Bool) => { bool };
    (@ty List) => { Vec<String> };
    (@col Str, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.map(|v| v.as_deref()).collect::<Vec<Option<&str>>>())
    };
    (@col Name, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.copied().collect::<Vec<Option<&str>>>())
    };
    // The file's path once (a million rows from one file would each write it out), as
    // [`stack_frames`] keeps it when it stacks frames; the rows of several files, row by row.
    (@col Src, $name:expr, $it:expr) => {{
        let all = $it;
        match all.clone().next().and_then(Option::as_ref) {
            Some(first) if all.clone().all(|v| v.as_ref().is_some_and(|v| std::sync::Arc::ptr_eq(v, first))) => {
                let path = Scalar::new(DataType::String, AnyValue::StringOwned(first.as_ref().into()));
                Column::new_scalar($name.into(), path, all.len())
            }
            _ => Column::new($name.into(), all.map(|v| v.as_deref()).collect::<Vec<Option<&str>>>()),
        }
    }};
    (@col Id, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.copied().collect::<Vec<Option<u64>>>())
    };
    (@col Int, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.copied().collect::<Vec<Option<i64>>>())
    };
    (@col Float, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.copied().collect::<Vec<Option<f64>>>())
    };
    (@col Bool, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.copied().collect::<Vec<bool>>())
    };
    (@col Time, $name:expr, $it:expr) => {
        Column::new($name.into(), $it.copied().collect::<Vec<Option<i64>>>())
            .cast(&DataType::Datetime(TimeUnit::Milliseconds, Some(TimeZone::UTC)))?
    };
    // Built in one list array, not a Series per row (113,000 tickets took 0.5 s that way).
    (@col List, $name:expr, $it:expr) => {{
        let lists = $it;
        let mut b = ListStringChunkedBuilder::new($name.into(), lists.size_hint().0, 0);
        for tags in lists {
            b.append_values_iter(tags.iter().map(String::as_str));
        }
        b.finish().into_column()
    }};
}

canonical_table!(
    /// One registration (ticket bought), participant hashed.
    RegistrationRow { participant: Id, registered_at: Time, ticket_type: Str, status: Str, source: Src }
);

canonical_table!(
    /// One viewing session on a platform.
    ViewingRow {
        platform: Str, session_id: Str, participant: Id, started_at: Time, ended_at: Time,
        watch_s: Float, failed: Bool, error: Str, isp: Str, asn: Str, country: Str, device: Str,
        os: Str, browser: Str, cdn: Str, source: Src,
    }
);

canonical_table!(
    /// One e-mail delivery event, with its canonical event name (formats.md).
    EmailRow {
        provider: Name, event: Name, at: Time, recipient: Id, campaign: Str, message_id: Str,
        url: Str, reason: Str, source: Src,
    }
);

canonical_table!(
    /// One support ticket, with its incident flag computed from the config.
    TicketRow {
        ticket_id: Str, created_at: Time, first_reply_at: Time, solved_at: Time, status: Str,
        channel: Str, subject: Str, tags: List, requester: Id, incident: Bool, source: Src,
    }
);

canonical_table!(
    /// One social-media post.
    MentionRow {
        network: Str, post_id: Str, at: Time, author: Str, followers: Int, text: Str, likes: Int,
        reposts: Int, replies: Int, quotes: Int, impressions: Int, sentiment: Str, own: Bool,
        incident: Bool, source: Src,
    }
);

canonical_table!(
    /// One concurrent-viewer snapshot of a platform (YouTube's `concurrentViewers`).
    AudienceRow { platform: Str, at: Time, viewers: Int, source: Src }
);

canonical_table!(
    /// One web request (Cloudflare logs); the client's IP address is never kept.
    WebRow { at: Time, path: Str, status: Int, country: Str, asn: Str, cache: Str, source: Src }
);

canonical_table!(
    /// One entry of the team's ops log.
    LogRow { at: Time, kind: Str, text: Str, owner: Str, timebox_s: Int, source: Src }
);

/// All canonical rows of a run, as the ingest stage hands them over.
#[derive(Debug, Default, Clone)]
pub struct Rows {
    pub registrations: Vec<RegistrationRow>,
    pub viewing: Vec<ViewingRow>,
    pub email: Vec<EmailRow>,
    pub tickets: Vec<TicketRow>,
    pub mentions: Vec<MentionRow>,
    pub log: Vec<LogRow>,
    pub audience: Vec<AudienceRow>,
    pub web: Vec<WebRow>,
    /// Rows the columnar readers delivered as frames with the canonical schema, one per file.
    pub frames: Frames,
}

impl Rows {
    /// Appends `other`'s rows and frames after these, table by table.
    pub fn append(&mut self, other: Rows) {
        let Rows {
            registrations,
            viewing,
            email,
            tickets,
            mentions,
            log,
            audience,
            web,
            frames,
        } = other;
        self.registrations.extend(registrations);
        self.viewing.extend(viewing);
        self.email.extend(email);
        self.tickets.extend(tickets);
        self.mentions.extend(mentions);
        self.log.extend(log);
        self.audience.extend(audience);
        self.web.extend(web);
        let Frames {
            viewing: viewing_frames,
            email: email_frames,
            web: web_frames,
        } = frames;
        self.frames.viewing.extend(viewing_frames);
        self.frames.email.extend(email_frames);
        self.frames.web.extend(web_frames);
    }
}

/// Canonical frames, per table, appended after the typed rows of that table.
#[derive(Debug, Default, Clone)]
pub struct Frames {
    pub viewing: Vec<DataFrame>,
    pub email: Vec<DataFrame>,
    pub web: Vec<DataFrame>,
}

/// The one value of a string column `name` when every row holds it (None when the column is
/// missing or empty, holds a null or more than one value).
fn only_value(df: &DataFrame, name: &str) -> Option<String> {
    let c = df.column(name).ok()?;
    if let Column::Scalar(sc) = c {
        return match sc.scalar().value() {
            AnyValue::String(v) => Some(v.to_string()),
            AnyValue::StringOwned(v) => Some(v.to_string()),
            _ => None,
        };
    }
    let s = c.str().ok()?;
    let first = s.get(0)?;
    (s.null_count() == 0 && s.iter().all(|v| v == Some(first))).then(|| first.to_string())
}

/// `df` with its `source` column held as one value when every row has the same (a table fed by
/// one file, as most are): a million rows then cost no memory for it instead of ~50 bytes
/// each (a string view and the path). The column reads the same to every query.
pub fn one_source(df: DataFrame) -> PolarsResult<DataFrame> {
    stack_frames(vec![df])
}

/// The frames one below the other, in chunks (not copied into one). When they all come from
/// one file, the `source` column stays one value ([`one_source`]); stacking would write it out
/// row by row.
pub fn stack_frames(frames: Vec<DataFrame>) -> PolarsResult<DataFrame> {
    let mut frames = frames.into_iter();
    let Some(first) = frames.next() else {
        polars_bail!(NoData: "no frame to stack");
    };
    // The first frame gives the schema even when empty; the others count when they hold rows.
    let rest: Vec<DataFrame> = frames.filter(|f| f.height() > 0).collect();
    let mut paths = std::iter::once(&first)
        .chain(&rest)
        .filter(|f| f.height() > 0)
        .map(|f| only_value(f, "source"));
    let same = match paths.next() {
        Some(Some(path)) if paths.all(|p| p.as_deref() == Some(path.as_str())) => Some(path),
        _ => None,
    };
    let Some(path) = same else {
        let mut all = first;
        for f in &rest {
            all.vstack_mut(f)?;
        }
        return Ok(all);
    };
    let at = first.get_column_index("source").unwrap_or(0);
    let mut all = first.drop("source")?;
    for f in &rest {
        all.vstack_mut(&f.drop("source")?)?;
    }
    let height = all.height();
    all.insert_column(at, source_column(&path, height))?;
    Ok(all)
}

/// The `source` column of `height` rows from one file: its path, held once.
pub fn source_column(path: &str, height: usize) -> Column {
    let one = Scalar::new(DataType::String, AnyValue::StringOwned(path.into()));
    Column::new_scalar("source".into(), one, height)
}

// One function per table made of rows (and of the frames columnar reads delivered), so that
// `Tables::take` can drop each table's rows as soon as its frame exists. `ms - ms % width`
// floors correctly for instants after 1970; parsing refuses any instant outside 2000-2099.

/// A table's frame: its rows' frame with the columnar reads' frames below it, in chunks (not
/// copied into one: a million-row frame would be twice in memory meanwhile), `source` held
/// once when one file fed it ([`stack_frames`]). The columnar frames have the canonical
/// schema already (columnar::canonical_types casts them to it).
fn canonical(
    table: &'static str,
    rows: PolarsResult<DataFrame>,
    frames: &[DataFrame],
) -> Result<LazyFrame> {
    rows.and_then(|df| stack_frames(std::iter::once(df).chain(frames.iter().cloned()).collect()))
        .map(DataFrame::lazy)
        .map_err(table_err(table))
}

fn viewing_table(rows: &[ViewingRow], frames: &[DataFrame]) -> Result<LazyFrame> {
    let viewing = canonical("viewing", ViewingRow::frame(rows), frames)?;
    Ok(with_floor(
        with_floor(viewing, "started_at", "start_minute", MINUTE_MS),
        "ended_at",
        "end_minute",
        MINUTE_MS,
    ))
}

/// The e-mail table, its `event` a categorical column: the queries compare and group by
/// the event a dozen times over millions of rows, as numbers this way instead of as text
/// (the analysis of the 1M event went from 8.8 to 7.0 s). It reads as text everywhere:
/// `event = 'delivered'` in SQL, text in `--export-tables`' Parquet.
fn email_table(rows: &[EmailRow], frames: &[DataFrame]) -> Result<LazyFrame> {
    let email = canonical("email", EmailRow::frame(rows), frames)?;
    let categorical = DataType::from_categories(Categories::global());
    let email = email.with_column(col("event").cast(categorical));
    let email = email.collect().map_err(table_err("email"))?.lazy();
    Ok(with_floor(email, "at", "minute", MINUTE_MS))
}

fn tickets_table(rows: &[TicketRow], bucket_ms: i64) -> Result<LazyFrame> {
    let tickets = TicketRow::frame(rows).map_err(table_err("tickets"))?.lazy();
    Ok(with_floor(
        with_floor(tickets, "created_at", "bucket", bucket_ms),
        "solved_at",
        "solved_bucket",
        bucket_ms,
    ))
}

fn mentions_table(rows: &[MentionRow], bucket_ms: i64) -> Result<LazyFrame> {
    let mentions = MentionRow::frame(rows)
        .map_err(table_err("mentions"))?
        .lazy();
    Ok(with_floor(mentions, "at", "bucket", bucket_ms))
}

fn web_table(rows: &[WebRow], frames: &[DataFrame]) -> Result<LazyFrame> {
    let web = canonical("web", WebRow::frame(rows), frames)?;
    Ok(with_floor(web, "at", "minute", MINUTE_MS))
}

/// The canonical tables as LazyFrames, with bucketing columns added.
#[derive(Clone)]
pub struct Tables {
    pub registrations: LazyFrame,
    pub viewing: LazyFrame,
    pub email: LazyFrame,
    pub tickets: LazyFrame,
    pub mentions: LazyFrame,
    pub log: LazyFrame,
    pub audience: LazyFrame,
    pub web: LazyFrame,
    /// Bucket width in milliseconds for `tickets.bucket` and `mentions.bucket`.
    pub bucket_ms: i64,
}

/// Adds an Int64 column `name` = floor(`from` / width) * width, in epoch ms.
fn with_floor(lf: LazyFrame, from: &str, name: &str, width_ms: i64) -> LazyFrame {
    let ms = col(from).cast(DataType::Int64);
    lf.with_column((ms.clone() - ms % lit(width_ms)).alias(name))
}

fn table_err(table: &'static str) -> impl Fn(PolarsError) -> Error {
    move |source| Error::Table { table, source }
}

impl Tables {
    /// Builds the frames from a copy of `rows` (see [`Tables::take`], which the run uses).
    /// `bucket_s` comes from `[report].bucket`.
    pub fn build(rows: &Rows, bucket_s: i64) -> Result<Tables> {
        Tables::take(&mut rows.clone(), bucket_s)
    }

    /// Builds the frames, freeing the rows as it goes: each table's rows are dropped once its
    /// frame is made, and only `log` is left in `rows` (the timeline reads it). The analysis
    /// then does not hold every row twice (a million registrations as Rust rows are ~150 MB
    /// beside their frame), and building does not hold all of them beside all the frames.
    pub fn take(rows: &mut Rows, bucket_s: i64) -> Result<Tables> {
        let bucket_ms = bucket_s * 1000;
        let Rows {
            registrations,
            viewing,
            email,
            tickets,
            mentions,
            log,
            audience,
            web,
            frames,
        } = std::mem::take(rows);
        let Frames {
            viewing: viewing_frames,
            email: email_frames,
            web: web_frames,
        } = frames;
        // Each table's rows dropped as soon as its frame is made (a binding shadowed would
        // live to the end of the function).
        fn made<T, F>(rows: Vec<T>, make: impl FnOnce(&[T]) -> Result<F>) -> Result<F> {
            make(&rows)
        }
        // The e-mail table (its event made categorical over millions of rows) on a thread
        // of its own, beside the others.
        let (email, others) = std::thread::scope(|s| {
            let email = s.spawn(|| made(email, |r| email_table(r, &email_frames)));
            let others = (|| -> Result<_> {
                Ok((
                    made(registrations, |r| {
                        canonical("registrations", RegistrationRow::frame(r), &[])
                    })?,
                    made(viewing, |r| viewing_table(r, &viewing_frames))?,
                ))
            })();
            match email.join() {
                Ok(email) => (email, others),
                // A panic there is this thread's, as if it had run here.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        let (registrations, viewing) = others?;
        let tables = Tables {
            registrations,
            viewing,
            email: email?,
            tickets: made(tickets, |r| tickets_table(r, bucket_ms))?,
            mentions: made(mentions, |r| mentions_table(r, bucket_ms))?,
            log: LogRow::frame(&log).map_err(table_err("log"))?.lazy(),
            audience: made(audience, |r| {
                Ok(AudienceRow::frame(r).map_err(table_err("audience"))?.lazy())
            })?,
            web: made(web, |r| web_table(r, &web_frames))?,
            bucket_ms,
        };
        drop((viewing_frames, email_frames, web_frames));
        rows.log = log;
        Ok(tables)
    }

    /// The tables by the names queries use.
    pub fn named(&self) -> [(&'static str, LazyFrame); 8] {
        [
            ("registrations", self.registrations.clone()),
            ("viewing", self.viewing.clone()),
            ("email", self.email.clone()),
            ("tickets", self.tickets.clone()),
            ("mentions", self.mentions.clone()),
            ("log", self.log.clone()),
            ("audience", self.audience.clone()),
            ("web", self.web.clone()),
        ]
    }
}

/// Values of an integer-like column (Int, or Datetime as epoch ms) of a collected frame.
pub fn i64_values(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i64>>> {
    let c = df.column(name)?.cast(&DataType::Int64)?;
    Ok(c.i64()?.iter().collect())
}

/// Values of a string column of a collected frame.
pub fn str_values(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    let c = df.column(name)?.cast(&DataType::String)?;
    Ok(c.str()?.iter().map(|v| v.map(str::to_string)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_have_the_canonical_schema() {
        let rows = Rows {
            tickets: vec![TicketRow {
                ticket_id: Some("1".into()),
                created_at: Some(1_606_486_929_000),
                tags: vec!["incident_live".into(), "chat".into()],
                incident: true,
                ..Default::default()
            }],
            ..Default::default()
        };
        let t = Tables::build(&rows, 300).unwrap();
        let df = t.tickets.collect().unwrap();
        assert_eq!(
            df.column("created_at").unwrap().dtype(),
            &DataType::Datetime(TimeUnit::Milliseconds, Some(TimeZone::UTC))
        );
        assert_eq!(
            df.column("tags").unwrap().dtype(),
            &DataType::List(Box::new(DataType::String))
        );
        // 2020-11-27T14:22:09Z floors to the 14:20 bucket.
        assert_eq!(
            i64_values(&df, "bucket").unwrap(),
            vec![Some(1_606_486_800_000)]
        );
        let empty = Tables::build(&Rows::default(), 300).unwrap();
        assert_eq!(empty.viewing.collect().unwrap().height(), 0);
    }

    fn part(values: &[i64], source: &str) -> DataFrame {
        df!("source" => vec![source; values.len()], "v" => values.to_vec()).unwrap()
    }

    #[test]
    fn one_files_path_is_held_once_and_reads_the_same() {
        // Parts of one file: `source` stays one value, in its place, for every row.
        let one = stack_frames(vec![
            part(&[1, 2], "a.csv"),
            part(&[], "a.csv"),
            part(&[3], "a.csv"),
        ])
        .unwrap();
        assert!(matches!(one.column("source").unwrap(), Column::Scalar(_)));
        assert_eq!(one.get_column_names(), ["source", "v"]);
        assert_eq!(i64_values(&one, "v").unwrap(), [Some(1), Some(2), Some(3)]);
        let sources = str_values(&one, "source").unwrap();
        assert_eq!(sources, vec![Some("a.csv".to_string()); 3]);
        // Two files: written out row by row, each row its own.
        let two = stack_frames(vec![part(&[1], "a.csv"), part(&[2, 3], "b.csv")]).unwrap();
        assert!(!matches!(two.column("source").unwrap(), Column::Scalar(_)));
        let sources = str_values(&two, "source").unwrap();
        assert_eq!(
            sources,
            ["a.csv", "b.csv", "b.csv"].map(|s| Some(s.to_string()))
        );
        // A table built from rows: one value when all rows share it, else as it was.
        assert!(matches!(
            one_source(part(&[1, 2, 3], "a.csv"))
                .unwrap()
                .column("source")
                .unwrap(),
            Column::Scalar(_)
        ));
        let mixed = df!("source" => [Some("a"), None], "v" => [1i64, 2]).unwrap();
        assert!(!matches!(
            one_source(mixed).unwrap().column("source").unwrap(),
            Column::Scalar(_)
        ));
        // A query filtering and grouping on it reads it as text.
        let got = one
            .lazy()
            .filter(col("v").gt(lit(1)))
            .group_by([col("source")])
            .agg([col("v").sum()])
            .collect()
            .unwrap();
        assert_eq!(
            str_values(&got, "source").unwrap(),
            [Some("a.csv".to_string())]
        );
        assert_eq!(i64_values(&got, "v").unwrap(), [Some(5)]);
    }
}
