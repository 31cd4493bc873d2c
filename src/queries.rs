//! The metric queries: built-in `queries/*.sql`, embedded in the binary, run with polars'
//! SQLContext over the canonical tables. Each file starts with a `--` comment saying what it
//! computes; `debrief queries` lists them from that comment.

use polars::prelude::*;
use polars::sql::SQLContext;

use crate::error::{Error, Result};
use crate::tables::Tables;

/// A query: its name (file stem), its one-line description and its SQL.
#[derive(Debug, Clone)]
pub struct Query {
    pub name: String,
    pub description: String,
    pub sql: String,
}

macro_rules! builtin {
    ($($name:literal),* $(,)?) => {
        /// The built-in queries, by file stem.
        pub const BUILTIN: &[(&str, &str)] = &[$(($name, include_str!(concat!("../queries/", $name, ".sql")))),*];
    };
}

builtin!(
    "failed_views_per_minute",
    "view_starts_per_minute",
    "view_ends_per_minute",
    "tickets_per_bucket",
    "mentions_per_bucket",
    "email_campaigns",
    "incident_record_times",
    "viewing_span",
    "ticket_totals",
    "tickets_by_channel",
    "incident_ticket_replies",
    "social_totals",
    "social_unique_reach",
    "own_posts",
    "segment_failures",
    "window_totals",
    "affected_participants",
    "impact_totals",
    "email_funnel",
    "email_delivery_p90",
    "affected_reached",
    "registered",
    "affected_not_reached",
    "not_sent_incident_email",
    "affected_email_engagement",
    "return_after_delivery",
    "returned_after_click",
    "incident_mention_texts",
    "audience_per_minute",
    "failed_views_by_segment",
    "waiting_per_minute",
    "waiting_at_communication",
    "email_reach_per_minute",
    "affected_email_reach_per_minute",
    "support_per_bucket",
    "solved_per_bucket",
    "social_all",
    "social_all_unique_reach",
    "top_posts",
);

/// A built-in query: its name and SQL.
fn builtin_query(name: &str) -> Result<(&'static str, &'static str)> {
    BUILTIN
        .iter()
        .find(|(n, _)| *n == name)
        .copied()
        .ok_or_else(|| Error::Usage(format!("no built-in query named '{name}'")))
}

/// The description of a query: its leading `--` comment lines, joined.
pub fn description(sql: &str) -> String {
    sql.lines()
        .map_while(|l| l.trim().strip_prefix("--"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The built-in queries.
pub fn builtins() -> Vec<Query> {
    BUILTIN
        .iter()
        .map(|(name, sql)| Query {
            name: name.to_string(),
            description: description(sql),
            sql: sql.to_string(),
        })
        .collect()
}

/// The user's own queries: `queries/*.sql` in the input folder, by file name.
pub fn user_queries(input: &std::path::Path) -> Result<Vec<Query>> {
    let dir = input.join("queries");
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| Error::io(&dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sql") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let sql = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
            let name = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(Query {
                name,
                description: description(&sql),
                sql,
            })
        })
        .collect()
}

/// A user query's result: the frame, or why it failed (a failing query never stops the run).
pub struct UserResult {
    pub query: Query,
    pub result: std::result::Result<DataFrame, String>,
}

/// CSV bytes of a query result, instants in RFC 3339 UTC. Text cells a spreadsheet would run
/// as a formula (a ticket subject starting with `=`) are neutralised, as in timeline.csv. A
/// nested column (a ticket's `tags`), which CSV cannot hold, is written as the report's table
/// shows it (`[a, b]`) instead of failing the run.
pub fn to_csv(df: &DataFrame) -> Result<Vec<u8>> {
    let err = |source| Error::Table {
        table: "user query result",
        source,
    };
    let mut out = Vec::new();
    let mut df = df.clone();
    let text_columns: Vec<PlSmallStr> = df
        .columns()
        .iter()
        .filter(|c| c.dtype() == &DataType::String || c.dtype().is_nested())
        .map(|c| c.name().clone())
        .collect();
    for name in text_columns {
        let c = df.column(&name).map_err(err)?;
        let safe: StringChunked = if c.dtype().is_nested() {
            (0..c.len())
                .map(|i| match c.get(i) {
                    Ok(AnyValue::Null) | Err(_) => None,
                    Ok(v) => Some(crate::text::neutralise_formula(&v.str_value()).into_owned()),
                })
                .collect()
        } else {
            c.str()
                .map_err(err)?
                .iter()
                .map(|v| v.map(crate::text::neutralise_formula))
                .collect()
        };
        df.with_column(safe.with_name(name).into_column())
            .map_err(err)?;
    }
    CsvWriter::new(&mut out)
        .include_header(true)
        .with_datetime_format(Some("%Y-%m-%dT%H:%M:%SZ".into()))
        .finish(&mut df)
        .map_err(err)?;
    Ok(out)
}

/// The tables the analysis derives and registers beside the canonical ones (see
/// [`Runner::register`]): a built-in query that names one is never shared between runners
/// (see [`Runner::beside`]).
pub const DERIVED: &[&str] = &[
    "window_views",
    "incident_window",
    "affected",
    "incident_email",
    "segment_viewing",
    "audience_runs",
    "first_communication",
];

/// A result shared between runners: filled by the first runner to ask for it.
type Slot = std::sync::Arc<std::sync::Mutex<Option<DataFrame>>>;

/// Built-in results shared by the runners over the same tables ([`Runner::beside`]), by
/// query.
type Shared = std::sync::Arc<std::sync::Mutex<std::collections::HashMap<&'static str, Slot>>>;

/// Runs queries over the tables.
#[derive(Clone)]
pub struct Runner {
    ctx: SQLContext,
    /// The tables registered: the canonical ones, then those the analysis derives. (The SQL
    /// context also keeps the queries' CTEs: they are not tables of ours.)
    tables: Vec<String>,
    /// Built-in queries' small results, by name, while no table they name is registered
    /// again: the analysis and the guard rails ask for some of the same (a pass over millions
    /// of rows each at 1M participants). A result taken again prints no timing line. (polars
    /// SQL also keeps a query's subquery aliases as tables: no built-in may name one as a
    /// table, see the test `no_builtin_alias_is_a_table_name`.)
    done: std::collections::HashMap<&'static str, (&'static str, DataFrame)>,
    /// Results of built-in queries that read canonical tables alone, shared with the runners
    /// made [`Runner::beside`] this one (and its clones).
    shared: Shared,
    /// How many of `tables` are the canonical ones, registered by [`Runner::new`].
    canonical: usize,
    /// No canonical table has been registered again, and no user's query has run (one may
    /// replace a table): results in `shared` hold here.
    intact: bool,
}

/// Whether `sql` names `table` as a word (`email` in `FROM email`, not in `incident_email`).
fn names_table(sql: &str, table: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    sql.match_indices(table).any(|(at, _)| {
        !sql[..at].chars().next_back().is_some_and(word)
            && !sql[at + table.len()..].chars().next().is_some_and(word)
    })
}

impl Runner {
    /// Registers every canonical table under its name.
    pub fn new(tables: &Tables) -> Self {
        let ctx = SQLContext::new();
        for (name, lf) in tables.named() {
            ctx.register(name, lf);
        }
        let tables: Vec<String> = tables.named().iter().map(|(n, _)| n.to_string()).collect();
        Runner {
            ctx,
            canonical: tables.len(),
            tables,
            done: Default::default(),
            shared: Default::default(),
            intact: true,
        }
    }

    /// A runner over `tables`, the tables this one was made from, for another thread (the
    /// guard rails beside the analysis): a built-in query that reads canonical tables alone
    /// runs once for both, the second to ask waiting for the first's result. At a million
    /// participants the guard rails and the analysis each asked for the e-mail campaigns and
    /// the per-minute viewing series, about 0.7 s of CPU twice.
    pub fn beside(&self, tables: &Tables) -> Runner {
        Runner {
            shared: self.shared.clone(),
            intact: self.intact,
            ..Runner::new(tables)
        }
    }

    /// Whether the result of `sql` may be taken from, or given to, the runners beside this
    /// one: it names no table but the canonical ones, which no runner registered again.
    fn shareable(&self, sql: &str) -> bool {
        self.intact
            && !DERIVED
                .iter()
                .copied()
                .chain(self.tables[self.canonical..].iter().map(String::as_str))
                .any(|t| names_table(sql, t))
    }

    /// Writes every table the queries see as `DIR/<table>.parquet` (zstd): the canonical
    /// tables and those the analysis derived for its queries (`affected`, `incident_email`,
    /// `window_views`, ...), so that the built-in queries run elsewhere (README, "Beyond one
    /// machine"). Each file is written to a temporary name and renamed. The tables hold
    /// participant hashes and redacted, pseudonymised text. Returns (table, rows) by name.
    pub fn export_parquet(&mut self, dir: &std::path::Path) -> Result<Vec<(String, usize)>> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let mut out = Vec::new();
        for name in self.tables.clone() {
            let err = |source| Error::Query {
                name: format!("export of table {name}"),
                source,
            };
            let mut df = self.table(&name).and_then(|lf| lf.collect()).map_err(err)?;
            let path = dir.join(format!("{name}.parquet"));
            let tmp = dir.join(format!(".{name}.parquet.tmp"));
            let file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
            ParquetWriter::new(file)
                .with_compression(ParquetCompression::Zstd(None))
                .finish(&mut df)
                .map_err(err)?;
            std::fs::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
            out.push((name, df.height()));
        }
        Ok(out)
    }

    /// Every table with a categorical column (the e-mail `event`, see `tables::email_table`)
    /// re-registered with it as text, for what runs after the analysis: the user's queries
    /// and `--export-tables`. polars SQL compares a categorical with text, but `LIKE`,
    /// `UPPER` or `||` on one fail: a user's query must see text, as docs/definitions.md
    /// describes the tables.
    pub fn categoricals_as_text(&mut self) -> Result<()> {
        for name in self.tables.clone() {
            let err = |source| Error::Query {
                name: format!("table {name} as text"),
                source,
            };
            let mut lf = self.table(&name).map_err(err)?;
            let schema = lf.collect_schema().map_err(err)?;
            let casts: Vec<Expr> = schema
                .iter()
                .filter(|(_, dtype)| dtype.is_categorical())
                .map(|(column, _)| col(column.clone()).cast(DataType::String))
                .collect();
            if !casts.is_empty() {
                self.ctx.register(&name, lf.with_columns(casts));
                self.intact = false;
            }
        }
        self.done.clear();
        Ok(())
    }

    /// A registered table, whole, as the queries see it.
    fn table(&mut self, name: &str) -> PolarsResult<LazyFrame> {
        self.ctx.execute(&format!("SELECT * FROM \"{name}\""))
    }

    /// Registers here the tables `other` (a copy of this context, see analysis/mod.rs)
    /// derived that this context does not have.
    pub fn take_tables(&mut self, other: &mut Runner) -> Result<()> {
        for name in other.tables.clone() {
            if !self.tables.contains(&name) {
                let lf = other.table(&name).map_err(|source| Error::Query {
                    name: format!("table {name}"),
                    source,
                })?;
                self.register(&name, lf);
            }
        }
        Ok(())
    }

    /// Registers a derived table (a filtered view, a one-row parameter table).
    pub fn register(&mut self, name: &str, lf: LazyFrame) {
        match self.tables.iter().position(|t| t == name) {
            Some(i) if i < self.canonical => self.intact = false,
            Some(_) => {}
            None => self.tables.push(name.to_string()),
        }
        self.ctx.register(name, lf);
        self.done.retain(|_, (sql, _)| !names_table(sql, name));
    }

    /// Runs a built-in query without collecting it, e.g. to register its result as a table.
    pub fn builtin_lazy(&mut self, name: &str) -> Result<LazyFrame> {
        let (_, sql) = builtin_query(name)?;
        self.ctx.execute(sql).map_err(|source| Error::Query {
            name: name.to_string(),
            source,
        })
    }

    /// Runs SQL and collects the result.
    pub fn run_sql(&mut self, name: &str, sql: &str) -> Result<DataFrame> {
        let err = |source| Error::Query {
            name: name.to_string(),
            source,
        };
        let timing = crate::timings::Stage::start("query");
        crate::progress::step(&format!("analysing: {name}"));
        let df = self.ctx.execute(sql).map_err(err)?.collect().map_err(err)?;
        timing.done(name, &format!("rows {}", df.height()));
        Ok(df)
    }

    /// Runs the user's queries, keeping failures as messages.
    pub fn run_user(&mut self, queries: Vec<Query>) -> Vec<UserResult> {
        // A user's SQL may create or replace a table (`CREATE TABLE`): no result of before
        // is taken for one of after.
        self.done.clear();
        self.intact = false;
        queries
            .into_iter()
            .map(|q| {
                let result = self
                    .run_sql(&q.name, &q.sql)
                    .map_err(|e| e.chain().trim_start_matches("error: ").to_string());
                self.done.clear();
                UserResult { query: q, result }
            })
            .collect()
    }

    /// Runs a built-in query by name; its result again if it ran before and no table it
    /// names has been registered since.
    pub fn builtin(&mut self, name: &str) -> Result<DataFrame> {
        let (key, sql) = builtin_query(name)?;
        if let Some((_, df)) = self.done.get(key) {
            return Ok(df.clone());
        }
        // The slot of a result shared with the runners beside this one, held while it is
        // computed so that they wait for it rather than compute it too.
        let slot = self.shareable(sql).then(|| {
            let mut slots = self
                .shared
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            slots.entry(key).or_default().clone()
        });
        let mut slot = slot
            .as_ref()
            .map(|s| s.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        if let Some(df) = slot.as_deref().and_then(Option::as_ref) {
            self.done.insert(key, (sql, df.clone()));
            return Ok(df.clone());
        }
        let timing = crate::timings::Stage::start("query");
        crate::progress::step(&format!("analysing: {name}"));
        let err = |source| Error::Query {
            name: name.to_string(),
            source,
        };
        let df = collect_on(self.builtin_lazy(name)?, engine_of(key)).map_err(err)?;
        timing.done(name, &format!("rows {}", df.height()));
        // Aggregates, which the analysis asks for again; not lists of records (incident
        // mentions, replies), which would stay in memory to the end for nothing.
        if df.estimated_size() <= 4 << 20 {
            self.done.insert(key, (sql, df.clone()));
        }
        // Whatever its size: a runner beside this one waits for it (a list of records, a few
        // MB at 1M, kept until the analysis ends).
        if let Some(slot) = slot.as_mut() {
            **slot = Some(df.clone());
        }
        Ok(df)
    }
}

/// The engine a built-in query runs on: polars' streaming engine for those measured faster
/// on it (below), the in-memory engine for the others. `DEBRIEF_ENGINE=streaming` or
/// `memory` runs every query on one engine, to measure the choice again (BENCHMARKS.md,
/// tenth session); the results are the same either way.
fn engine_of(name: &str) -> Engine {
    match std::env::var("DEBRIEF_ENGINE").as_deref() {
        Ok("streaming") if !IN_MEMORY_ONLY.contains(&name) => Engine::Streaming,
        Ok("memory") => Engine::InMemory,
        _ if STREAMING.contains(&name) => Engine::Streaming,
        _ => Engine::InMemory,
    }
}

/// The built-in queries that run on the streaming engine: each took less there on the
/// 1,000,000-participant event, side by side in two runs of each engine (in-memory against
/// streaming: email_reach_per_minute 0.89-1.17 s against 0.49-0.50 s, not_sent_incident_email
/// 0.58 against 0.31 s, segment_failures 0.76-0.83 against 0.56-0.61 s, ...). The others
/// took longer there (email_funnel 0.65 against 1.55 s, email_campaigns 0.17 against 0.43 s)
/// or no time at all.
const STREAMING: &[&str] = &[
    "email_reach_per_minute",
    "affected_email_reach_per_minute",
    "segment_failures",
    "not_sent_incident_email",
    "affected_not_reached",
    "email_delivery_p90",
    "registered",
    "failed_views_by_segment",
    "affected_participants",
    "return_after_delivery",
    "returned_after_click",
    "affected_reached",
    "view_starts_per_minute",
    "view_ends_per_minute",
    "failed_views_per_minute",
];

/// Queries polars' streaming engine cannot run (a join on inequalities: polars-stream 0.55
/// has no node for it and panics).
const IN_MEMORY_ONLY: &[&str] = &["waiting_at_communication"];

/// Collects `lf` on `engine`.
fn collect_on(lf: LazyFrame, engine: Engine) -> PolarsResult<DataFrame> {
    match lf.collect_with_engine(engine)? {
        polars_core::query_result::QueryResult::Single(df) => Ok(df),
        polars_core::query_result::QueryResult::Multiple(_) => {
            polars_bail!(ComputeError: "a query gave several results")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_builtin_alias_is_a_table_name() {
        // polars SQL keeps a query's CTEs and derived-table aliases (`FROM (...) AS r`) in
        // its context: one named as a table would stand in for it, or be hidden by it, in
        // later queries, which the kept results of `Runner` could not see.
        let canonical = Tables::build(&Default::default(), 300).unwrap();
        let tables: Vec<&str> = canonical
            .named()
            .iter()
            .map(|(n, _)| *n)
            .chain(DERIVED.iter().copied())
            .collect();
        let mut ctes: Vec<String> = Vec::new();
        let mut derived = 0;
        for (name, sql) in BUILTIN {
            let sql = sql.to_lowercase();
            // `x AS (SELECT`: a CTE.
            let squeezed = sql
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("( ", "(");
            for (at, _) in squeezed.match_indices(" as (select") {
                let cte = squeezed[..at].rsplit([' ', ',']).next().unwrap_or("");
                assert!(!tables.contains(&cte), "{name}: CTE {cte}");
                assert!(!ctes.iter().any(|c| c == cte), "{name}: CTE {cte} twice");
                ctes.push(cte.to_string());
            }
            // `) AS x` closing a `(SELECT`: a derived table.
            for (at, _) in squeezed.match_indices("(select") {
                let mut depth = 0;
                let close = squeezed[at..].char_indices().find_map(|(i, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    (depth == 0).then_some(at + i)
                });
                let after = close.map_or("", |c| squeezed[c + 1..].trim_start());
                if let Some(alias) = after.strip_prefix("as ") {
                    let alias = alias.split([' ', ',', ')', '\n']).next().unwrap_or("");
                    derived += 1;
                    assert!(!tables.contains(&alias), "{name}: derived table {alias}");
                }
            }
        }
        assert!(ctes.len() >= 7 && derived >= 5, "{ctes:?} {derived}");
    }

    #[test]
    fn a_table_is_named_as_a_word() {
        let sql = "SELECT * FROM email JOIN incident_email ON 1 = 1 -- emails";
        assert!(names_table(sql, "email"));
        assert!(names_table(sql, "incident_email"));
        assert!(!names_table(sql, "incident"));
        assert!(!names_table(sql, "mail"));
        assert!(!names_table("SELECT 1 FROM emails", "email"));
        assert!(names_table("FROM \"email\"", "email"));
    }

    /// Tables holding one delivered e-mail of each of `campaigns`.
    fn email(campaigns: &[&str]) -> Tables {
        let rows = crate::tables::Rows {
            email: campaigns
                .iter()
                .map(|c| crate::tables::EmailRow {
                    event: Some("delivered"),
                    at: Some(1_000),
                    recipient: Some(1),
                    campaign: Some(c.to_string()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        Tables::build(&rows, 300).unwrap()
    }

    #[test]
    fn a_result_is_taken_again_only_while_its_tables_stay() {
        let campaigns = |r: &mut Runner| r.builtin("email_campaigns").unwrap().height();
        let mut r = Runner::new(&email(&["a"]));
        assert_eq!(campaigns(&mut r), 1);
        // Another table registered: the result stands (`incident_email` is not `email`).
        r.register("incident_email", email(&["x", "y", "z"]).email.clone());
        assert_eq!(campaigns(&mut r), 1);
        // The table it reads registered again: it runs again.
        r.register("email", email(&["a", "b"]).email.clone());
        assert_eq!(campaigns(&mut r), 2);
        // A user's query may replace a table.
        let user = r.run_user(vec![Query {
            name: "replace".into(),
            description: String::new(),
            sql: "CREATE TABLE email AS SELECT * FROM incident_email".into(),
        }]);
        assert!(
            user[0].result.is_ok(),
            "{:?}",
            user[0].result.as_ref().err()
        );
        assert_eq!(campaigns(&mut r), 3);
    }

    #[test]
    fn runners_beside_each_other_share_results_of_the_canonical_tables_alone() {
        let incident = |t: &Tables| t.email.clone().with_column(lit(false).alias("backup_url"));
        let campaigns = |r: &mut Runner| r.builtin("email_campaigns").unwrap().height();
        let funnel = |r: &mut Runner| r.builtin("email_funnel").unwrap().height();
        // Runners beside each other are made from the same tables; made from others here,
        // the result each gives shows where it was computed.
        let (one, two) = (email(&["a"]), email(&["a", "b"]));
        let mut a = Runner::new(&one);
        let mut b = a.beside(&two);
        let mut c = a.clone();
        assert_eq!(campaigns(&mut a), 1);
        assert_eq!(campaigns(&mut b), 1, "a's result");
        assert_eq!(campaigns(&mut c), 1, "a's result");
        assert_eq!(campaigns(&mut Runner::new(&two)), 2, "not beside a");
        // A query of a derived table is each runner's own.
        a.register("incident_email", incident(&one));
        b.register("incident_email", incident(&two));
        assert_eq!(funnel(&mut a), 1);
        assert_eq!(funnel(&mut b), 2);
        // First asked beside, then here: computed there.
        let mut d = Runner::new(&one);
        let mut e = d.beside(&two);
        assert_eq!(campaigns(&mut e), 2);
        assert_eq!(campaigns(&mut d), 2, "e's result");
        // A runner that registered a canonical table again, or ran a user's query, neither
        // takes nor gives.
        let mut f = Runner::new(&one);
        let mut g = f.beside(&two);
        g.register("email", two.email.clone());
        assert_eq!(campaigns(&mut g), 2);
        assert_eq!(campaigns(&mut f), 1);
        let mut h = Runner::new(&two);
        let mut i = h.beside(&one);
        h.run_user(Vec::new());
        assert_eq!(campaigns(&mut h), 2);
        assert_eq!(campaigns(&mut i), 1);
    }

    #[test]
    fn a_list_column_is_written_as_text() {
        // `SELECT subject, tags FROM tickets` once aborted the whole report: CSV has no lists.
        let rows = crate::tables::Rows {
            tickets: vec![
                crate::tables::TicketRow {
                    subject: Some("a".into()),
                    tags: vec!["x".into(), "y".into()],
                    ..Default::default()
                },
                crate::tables::TicketRow::default(),
            ],
            ..Default::default()
        };
        let t = Tables::build(&rows, 300).unwrap();
        let mut r = Runner::new(&t);
        let df = r.run_sql("t", "SELECT subject, tags FROM tickets").unwrap();
        assert_eq!(
            String::from_utf8(to_csv(&df).unwrap()).unwrap(),
            "subject,tags\na,\"[\"\"x\"\", \"\"y\"\"]\"\n,[]\n"
        );
    }

    #[test]
    fn every_builtin_has_a_description() {
        for q in builtins() {
            assert!(
                !q.description.is_empty(),
                "{} has no leading comment",
                q.name
            );
        }
    }
}
