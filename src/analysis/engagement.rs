//! Engagement (docs/definitions.md, "Engagement"): the whole event, for marketing, incident or
//! not. Attendance, minutes watched, the peak concurrent audience and the retention series come
//! from the successful views inside the event window; every campaign's e-mail funnel reuses the
//! reach queries; social totals over all mentions; requests to the backup pages from web logs.
//!
//! Peak and retention count *distinct participants* per minute or per bucket, so that a
//! participant watching in two tabs counts once. They are computed with polars, whatever the
//! audience's size, never with a loop over participants: the views are sorted once by
//! participant and start, each participant numbered; per unit (minute or bucket), views are
//! floored to it and merged into disjoint runs (a running maximum of the earlier views' ends,
//! keyed by the participant's number so that it never crosses to another participant; a view
//! that starts after it opens a run); each run adds one at its first unit and removes one
//! after its last, and a prefix sum gives the participants active in every unit.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::impact::Impact;
use super::reach::{self, Campaign};
use super::{first_i64, table_err, Window};
use crate::config::Config;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, Tables};
use crate::timeutil::{Millis, MINUTE_MS};

/// The platform name of views whose export gives none.
pub const UNKNOWN_PLATFORM: &str = "unknown";
/// How many posts `top_posts` lists.
pub const TOP_POSTS: u32 = 5;

/// Viewers and minutes watched on one platform.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformViewing {
    pub platform: String,
    /// Distinct participants with a successful view there.
    pub viewers: u64,
    /// Minutes of its successful views inside the event window, 1 decimal.
    pub minutes_watched: f64,
}

/// What the successful views of the event window say.
#[derive(Debug, Clone, PartialEq)]
pub struct Viewing {
    /// Distinct participants with at least one successful view.
    pub attended: u64,
    /// By viewers, most first, then by name.
    pub platforms: Vec<PlatformViewing>,
    /// The minute with the most distinct participants in a successful view (its start), the
    /// earliest on a tie; None without any.
    pub peak: Option<(Millis, u64)>,
    /// Minutes of successful views inside the event window, 1 decimal.
    pub minutes_watched: f64,
    /// Per report bucket of the event window (its start): the share of `attended` active in
    /// it. Empty when nobody attended.
    pub retention: Vec<(Millis, f64)>,
}

/// A platform's largest concurrent-viewer snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub platform: String,
    pub at: Millis,
    pub viewers: i64,
}

/// A platform's snapshots: (platform, [(instant, viewers)]).
pub type SnapshotSeries = (String, Vec<(Millis, i64)>);

/// One of the posts with the most engagements.
#[derive(Debug, Clone, PartialEq)]
pub struct TopPost {
    pub at: Millis,
    pub network: Option<String>,
    /// As the `mentions` table holds it: a pseudonym unless `[privacy] show_authors`.
    pub author: Option<String>,
    pub engagements: i64,
    pub text: Option<String>,
}

/// Social figures over all mentions, incident-related or not.
#[derive(Debug, Clone, PartialEq)]
pub struct SocialAll {
    pub mentions: u64,
    pub potential_reach: Option<i64>,
    pub unique_reach: Option<i64>,
    pub engagements: Option<i64>,
    pub top_posts: Vec<TopPost>,
}

/// Requests to the pages that carried the backup link.
#[derive(Debug, Clone, PartialEq)]
pub struct WebTraffic {
    /// (bucket start, requests), every bucket of the event window (of the matching requests
    /// without one).
    pub requests: Vec<(Millis, u64)>,
    /// From `first_communication_at` to the end of the event window; None without a first
    /// communication.
    pub backup_page_requests: Option<u64>,
}

/// Engagement figures; each part is None where the data cannot support it.
#[derive(Debug, Clone, PartialEq)]
pub struct Engagement {
    /// None without viewing sessions or without an event window.
    pub viewing: Option<Viewing>,
    /// `reach.registered`: None without registrations.
    pub registered: Option<u64>,
    /// Each platform's largest snapshot, by platform; empty without snapshots.
    pub snapshots: Vec<Snapshot>,
    /// Every snapshot inside the event window (all of them without one), per platform by
    /// name, in time order: the report draws them beside the active viewers.
    pub snapshot_series: Vec<SnapshotSeries>,
    /// `affected_participants - recovered_participants`; None where they are unknown.
    pub lost_to_incident: Option<u64>,
    /// Every campaign's funnel, by campaign key; None without e-mail events.
    pub campaigns: Option<Vec<Campaign>>,
    /// None without posts.
    pub social_all: Option<SocialAll>,
    /// None without web requests with a path, or with no page to look for.
    pub web: Option<WebTraffic>,
}

impl Engagement {
    /// attended / registered; None without either, or with no registration kept.
    pub fn attendance_rate(&self) -> Option<f64> {
        let attended = self.viewing.as_ref()?.attended;
        self.registered
            .filter(|r| *r > 0)
            .map(|r| attended as f64 / r as f64)
    }

    /// minutes_watched / attended, 1 decimal; None when nobody attended.
    pub fn average_minutes_per_attendee(&self) -> Option<f64> {
        let v = self.viewing.as_ref()?;
        (v.attended > 0).then(|| (v.minutes_watched / v.attended as f64 * 10.0).round() / 10.0)
    }
}

/// Which tables hold rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Present {
    pub viewing: bool,
    pub email: bool,
    pub mentions: bool,
    pub audience: bool,
    pub web: bool,
}

impl Present {
    /// Counts the rows of the tables engagement reads.
    pub fn of(tables: &Tables) -> Result<Present> {
        let any = |lf: &LazyFrame| -> Result<bool> {
            let df = lf
                .clone()
                .select([len().cast(DataType::Int64).alias("n")])
                .collect()
                .map_err(table_err)?;
            Ok(first_i64(&df, "n")?.unwrap_or(0) > 0)
        };
        Ok(Present {
            viewing: any(&tables.viewing)?,
            email: any(&tables.email)?,
            mentions: any(&tables.mentions)?,
            audience: any(&tables.audience)?,
            web: any(&tables.web)?,
        })
    }
}

/// What the engagement figures are computed from, besides the tables.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub event_window: Option<Window>,
    pub impact: Option<&'a Impact>,
    pub first_communication_at: Option<Millis>,
    pub present: Present,
}

/// The engagement figures; None when the run read no viewing session, e-mail event, post,
/// concurrent-viewer snapshot or web request: nothing to say about the event's audience.
pub fn compute(tables: &Tables, runner: &mut Runner, i: &Inputs) -> Result<Option<Engagement>> {
    let p = i.present;
    if !(p.viewing || p.email || p.mentions || p.audience || p.web) {
        return Ok(None);
    }
    let viewing = match i.event_window {
        Some(w) if p.viewing => Some(viewing(tables, w, tables.bucket_ms)?),
        _ => None,
    };
    let social_all = if p.mentions {
        Some(social_all(runner)?)
    } else {
        None
    };
    let pages: Vec<String> = web_pages(i.config)
        .iter()
        .map(|p| p.to_lowercase())
        .collect();
    let web = if p.web && !pages.is_empty() {
        web(tables, &pages, i.event_window, i.first_communication_at)?
    } else {
        None
    };
    Ok(Some(Engagement {
        viewing,
        // Reach's figures, given by [`Engagement::with_reach`].
        registered: None,
        snapshots: if p.audience {
            snapshots(tables)?
        } else {
            Vec::new()
        },
        snapshot_series: if p.audience {
            snapshot_series(tables, i.event_window)?
        } else {
            Vec::new()
        },
        lost_to_incident: i.impact.map(Impact::lost_participants),
        campaigns: None,
        social_all,
        web,
    }))
}

impl Engagement {
    /// The figures engagement takes from reach: `registered` (`reach.registered`) and the
    /// funnel of every campaign ([`reach::every_campaign`], None without e-mail events).
    /// Apart so that the rest is computed beside reach (analysis/mod.rs).
    pub fn with_reach(
        mut self,
        registered: Option<u64>,
        every_campaign: Option<Vec<reach::Campaign>>,
    ) -> Engagement {
        self.registered = registered;
        self.campaigns = every_campaign;
        self
    }
}

/// The pages looked for in the web logs, as written: `[incident].backup_urls` and `[web]
/// pages`, trimmed, in letter-case-blind order, each once whatever its letter case (requests
/// match them letter case aside).
pub fn web_pages(config: &Config) -> Vec<String> {
    let mut pages: Vec<String> = config
        .incident
        .backup_urls
        .iter()
        .chain(&config.web.pages)
        .map(|u| u.trim().to_string())
        .filter(|u| !u.is_empty())
        .collect();
    pages.sort_by_key(|p| p.to_lowercase());
    pages.dedup_by_key(|p| p.to_lowercase());
    pages
}

/// Successful views active in the window `[w.start, w.end)`, clipped to it: `participant`,
/// `platform`, `s` (start), `e` (end, at most `w.end`) in epoch ms.
fn successful_views(tables: &Tables, w: Window) -> LazyFrame {
    let s = col("started_at").cast(DataType::Int64);
    let e = col("ended_at").cast(DataType::Int64);
    tables
        .viewing
        .clone()
        .filter(
            col("failed")
                .not()
                .and(s.clone().lt(lit(w.end)))
                .and(e.clone().gt_eq(lit(w.start))),
        )
        .select([
            col("participant"),
            col("platform")
                .fill_null(lit(UNKNOWN_PLATFORM))
                .alias("platform"),
            when(s.clone().lt(lit(w.start)))
                .then(lit(w.start))
                .otherwise(s)
                .alias("s"),
            when(e.clone().gt(lit(w.end)))
                .then(lit(w.end))
                .otherwise(e)
                .alias("e"),
        ])
        .filter(col("e").gt_eq(col("s")))
}

/// Each participant's views merged into runs: views (`participant`, a participant key, and
/// `from`, `to`, in whole units, plus the `by` columns) in order of group, participant and
/// start, a view opening a new run where it starts after the furthest unit the participant's
/// earlier views (in the same `by` group) reached. One row per run, in that order: the `by`
/// columns, `from` (its first unit) and `to` (its last).
///
/// Done in Rust over the collected columns: one sort of plain tuples and one pass. polars'
/// sort on four columns (a string among them) compares row by row through closures, and took
/// most of the 2.6 s `audience_per_minute` spent on a million participants.
pub fn merged_runs(views: LazyFrame, by: &[&str]) -> Result<LazyFrame> {
    let mut wanted: Vec<Expr> = by.iter().map(|c| col(*c)).collect();
    wanted.extend([
        col("participant").strict_cast(DataType::UInt64),
        col("from").cast(DataType::Int64),
        col("to").cast(DataType::Int64),
    ]);
    let df = views
        .filter(
            col("participant")
                .is_not_null()
                .and(col("from").is_not_null())
                .and(col("to").is_not_null()),
        )
        .select(wanted)
        .collect()
        .map_err(table_err)?;
    // The `by` values of each row as a group number; the first row of each group.
    let n = df.height();
    let mut group = vec![0u32; n];
    let mut first_row: Vec<IdxSize> = Vec::new();
    if by.is_empty() {
        first_row.push(0);
    } else {
        let texts: Vec<StringChunked> = by
            .iter()
            .map(|c| {
                df.column(c)
                    .and_then(|c| c.cast(&DataType::String))
                    .and_then(|c| c.str().cloned())
            })
            .collect::<PolarsResult<_>>()
            .map_err(table_err)?;
        // One column (the platform, for every view at a million participants) is its own
        // key, read as it lies; several make a vector per row.
        match &texts[..] {
            [only] => number_groups(only.iter(), &mut group, &mut first_row),
            _ => number_groups(
                (0..n).map(|i| texts.iter().map(|t| t.get(i)).collect::<Vec<_>>()),
                &mut group,
                &mut first_row,
            ),
        }
    }
    let who = df.column("participant").and_then(|c| c.u64().cloned());
    let from = df.column("from").and_then(|c| c.i64().cloned());
    let to = df.column("to").and_then(|c| c.i64().cloned());
    let (who, from, to) = (
        who.map_err(table_err)?,
        from.map_err(table_err)?,
        to.map_err(table_err)?,
    );
    // Read in order (a look-up per row searched the chunks each time).
    let mut views: Vec<(u32, u64, i64, i64)> = group
        .iter()
        .zip(who.iter())
        .zip(from.iter())
        .zip(to.iter())
        .filter_map(|(((&g, w), f), t)| Some((g, w?, f?, t?)))
        .collect();
    // Only the `by` columns are read again (for each run's group).
    drop((group, who, from, to));
    let df = df.select(by.iter().copied()).map_err(table_err)?;
    views.sort_unstable();
    let (mut run_group, mut run_from, mut run_to) = (Vec::new(), Vec::new(), Vec::new());
    let mut current: Option<(u32, u64, i64, i64)> = None;
    for (g, p, f, t) in views {
        match &mut current {
            Some((cg, cp, _, reached)) if *cg == g && *cp == p && f <= *reached => {
                *reached = (*reached).max(t);
            }
            _ => {
                if let Some((cg, _, cf, ct)) = current.replace((g, p, f, t)) {
                    run_group.push(first_row[cg as usize]);
                    run_from.push(cf);
                    run_to.push(ct);
                }
            }
        }
    }
    if let Some((cg, _, cf, ct)) = current {
        run_group.push(first_row[cg as usize]);
        run_from.push(cf);
        run_to.push(ct);
    }
    let rows = run_from.len();
    let mut columns: Vec<Column> = by
        .iter()
        .map(|c| df.column(c).and_then(|c| c.take_slice(&run_group)))
        .collect::<PolarsResult<_>>()
        .map_err(table_err)?;
    columns.push(Column::new("from".into(), run_from));
    columns.push(Column::new("to".into(), run_to));
    Ok(DataFrame::new(rows, columns).map_err(table_err)?.lazy())
}

/// Numbers the rows by their key in order of first appearance: `group[i]` of row `i`, and
/// each group's first row pushed to `first_row`.
fn number_groups<K: std::hash::Hash + Eq>(
    keys: impl Iterator<Item = K>,
    group: &mut [u32],
    first_row: &mut Vec<IdxSize>,
) {
    let mut seen: PlHashMap<K, u32> = PlHashMap::new();
    for (i, (g, key)) in group.iter_mut().zip(keys).enumerate() {
        let next = seen.len() as u32;
        *g = *seen.entry(key).or_insert_with(|| {
            first_row.push(i as IdxSize);
            next
        });
    }
}

/// Per unit of `unit_ms` (aligned to the UTC epoch): the distinct participants of `views`
/// (`participant`, `s`, `last`: the view's last instant) active at some point of it, at each
/// unit where that number changes (`unit`, `delta`, `active`), sorted by unit.
fn active_changes(views: LazyFrame, unit_ms: i64) -> Result<LazyFrame> {
    let floor = |c: &str| col(c) - col(c) % lit(unit_ms);
    let runs = merged_runs(
        views.select([
            col("participant"),
            floor("s").alias("from"),
            floor("last").alias("to"),
        ]),
        &[],
    )?;
    let starts = runs
        .clone()
        .select([col("from").alias("unit"), lit(1i64).alias("delta")]);
    let ends = runs.select([
        (col("to") + lit(unit_ms)).alias("unit"),
        lit(-1i64).alias("delta"),
    ]);
    Ok(concat([starts, ends], UnionArgs::default())
        .map_err(table_err)?
        .group_by([col("unit")])
        .agg([col("delta").sum()])
        .sort(["unit"], SortMultipleOptions::default())
        .with_column(col("delta").cum_sum(false).alias("active")))
}

/// Attendance, platforms, minutes watched, peak minute and retention over the event window.
fn viewing(tables: &Tables, w: Window, bucket_ms: i64) -> Result<Viewing> {
    let views = successful_views(tables, w);
    let totals = views
        .clone()
        .select([
            col("participant")
                .drop_nulls()
                .n_unique()
                .cast(DataType::Int64)
                .alias("attended"),
            (col("e") - col("s")).sum().alias("ms"),
        ])
        .collect()
        .map_err(table_err)?;
    let attended = first_i64(&totals, "attended")?.unwrap_or(0) as u64;
    let ms = first_i64(&totals, "ms")?.unwrap_or(0);

    let per_platform = views
        .clone()
        .group_by([col("platform")])
        .agg([
            col("participant")
                .drop_nulls()
                .n_unique()
                .cast(DataType::Int64)
                .alias("viewers"),
            (col("e") - col("s")).sum().alias("ms"),
        ])
        .sort_by_exprs(
            [col("viewers"), col("platform")],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .collect()
        .map_err(table_err)?;
    let names = str_values(&per_platform, "platform").map_err(table_err)?;
    let viewers = i64_values(&per_platform, "viewers").map_err(table_err)?;
    let platform_ms = i64_values(&per_platform, "ms").map_err(table_err)?;
    let platforms = names
        .into_iter()
        .zip(viewers)
        .zip(platform_ms)
        .filter_map(|((name, viewers), ms)| {
            Some(PlatformViewing {
                platform: name?,
                viewers: viewers.unwrap_or(0) as u64,
                minutes_watched: to_minutes(ms.unwrap_or(0)),
            })
        })
        .collect();

    // For "active at some point of a unit", a view's last instant inside the window: the
    // window is half-open, so one running past its end is last active 1 ms before it.
    let spans = views.with_column(
        when(col("e").gt_eq(lit(w.end)))
            .then(lit(w.end - 1))
            .otherwise(col("e"))
            .alias("last"),
    );
    let by_minute = active_changes(spans.clone(), MINUTE_MS)?
        .filter(col("active").gt(lit(0)))
        .filter(col("active").eq(col("active").max()))
        .select([col("unit").min(), col("active").max()])
        .collect()
        .map_err(table_err)?;
    let peak = first_i64(&by_minute, "unit")?
        .zip(first_i64(&by_minute, "active")?)
        .map(|(at, n)| (at, n as u64));

    let retention = if attended > 0 && w.end > w.start {
        let first = w.start - w.start % bucket_ms;
        let last = (w.end - 1) - (w.end - 1) % bucket_ms;
        let buckets: Vec<i64> = (0..=(last - first) / bucket_ms)
            .map(|k| first + k * bucket_ms)
            .collect();
        let changes = active_changes(spans, bucket_ms)?.select([col("unit"), col("delta")]);
        let df = df!("unit" => buckets)
            .map_err(table_err)?
            .lazy()
            .join(
                changes,
                [col("unit")],
                [col("unit")],
                JoinArgs::new(JoinType::Left),
            )
            .sort(["unit"], SortMultipleOptions::default())
            .select([
                col("unit"),
                col("delta")
                    .fill_null(lit(0i64))
                    .cum_sum(false)
                    .alias("active"),
            ])
            .collect()
            .map_err(table_err)?;
        let units = i64_values(&df, "unit").map_err(table_err)?;
        let active = i64_values(&df, "active").map_err(table_err)?;
        units
            .into_iter()
            .zip(active)
            .filter_map(|(u, a)| {
                let share = a.unwrap_or(0) as f64 / attended as f64;
                Some((u?, (share * 10_000.0).round() / 10_000.0))
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Viewing {
        attended,
        platforms,
        peak,
        minutes_watched: to_minutes(ms),
        retention,
    })
}

/// Milliseconds as minutes, 1 decimal.
fn to_minutes(ms: i64) -> f64 {
    (ms as f64 / 6_000.0).round() / 10.0
}

/// The audience snapshots with an instant and a count (in `window` if given): `platform`
/// (unknown ones named so), `at` (epoch ms), `viewers`.
fn snapshot_rows(tables: &Tables, window: Option<Window>) -> LazyFrame {
    let mut keep = col("at").is_not_null().and(col("viewers").is_not_null());
    if let Some(w) = window {
        let at = col("at").cast(DataType::Int64);
        keep = keep.and(at.clone().gt_eq(lit(w.start)).and(at.lt(lit(w.end))));
    }
    tables.audience.clone().filter(keep).select([
        col("platform")
            .fill_null(lit(UNKNOWN_PLATFORM))
            .alias("platform"),
        col("at").cast(DataType::Int64).alias("at"),
        col("viewers"),
    ])
}

/// Each platform's largest concurrent-viewer snapshot, the earliest on a tie, by platform.
fn snapshots(tables: &Tables) -> Result<Vec<Snapshot>> {
    let df = snapshot_rows(tables, None)
        .sort_by_exprs(
            [col("platform"), col("viewers"), col("at")],
            SortMultipleOptions::default().with_order_descending_multi([false, true, false]),
        )
        .group_by_stable([col("platform")])
        .agg([col("at").first(), col("viewers").first()])
        .sort(["platform"], SortMultipleOptions::default())
        .collect()
        .map_err(table_err)?;
    let platform = str_values(&df, "platform").map_err(table_err)?;
    let at = i64_values(&df, "at").map_err(table_err)?;
    let viewers = i64_values(&df, "viewers").map_err(table_err)?;
    Ok((0..platform.len())
        .filter_map(|k| {
            Some(Snapshot {
                platform: platform[k].clone()?,
                at: at[k]?,
                viewers: viewers[k]?,
            })
        })
        .collect())
}

/// Every snapshot in the event window, per platform, in time order (see
/// [`Engagement::snapshot_series`]). A platform's snapshots at one instant keep the largest.
fn snapshot_series(tables: &Tables, window: Option<Window>) -> Result<Vec<SnapshotSeries>> {
    let df = snapshot_rows(tables, window)
        .group_by([col("platform"), col("at")])
        .agg([col("viewers").max()])
        .sort(["platform", "at"], SortMultipleOptions::default())
        .collect()
        .map_err(table_err)?;
    let platform = str_values(&df, "platform").map_err(table_err)?;
    let at = i64_values(&df, "at").map_err(table_err)?;
    let viewers = i64_values(&df, "viewers").map_err(table_err)?;
    let mut out: Vec<SnapshotSeries> = Vec::new();
    for k in 0..platform.len() {
        let (Some(p), Some(t), Some(v)) = (&platform[k], at[k], viewers[k]) else {
            continue;
        };
        match out.last_mut() {
            Some((name, points)) if name == p => points.push((t, v)),
            _ => out.push((p.clone(), vec![(t, v)])),
        }
    }
    Ok(out)
}

/// Mentions, reach and engagements over all mentions, and the top posts.
fn social_all(runner: &mut Runner) -> Result<SocialAll> {
    let totals = runner.builtin("social_all")?;
    let unique = runner.builtin("social_all_unique_reach")?;
    let top = runner.builtin("top_posts")?;
    let at = i64_values(&top, "at").map_err(table_err)?;
    let network = str_values(&top, "network").map_err(table_err)?;
    let author = str_values(&top, "author").map_err(table_err)?;
    let text = str_values(&top, "text").map_err(table_err)?;
    let engagements = i64_values(&top, "engagements").map_err(table_err)?;
    let top_posts = (0..at.len())
        .filter_map(|k| {
            Some(TopPost {
                at: at[k]?,
                network: network[k].clone(),
                author: author[k].clone(),
                engagements: engagements[k].unwrap_or(0),
                text: text[k].clone(),
            })
        })
        .take(TOP_POSTS as usize)
        .collect();
    Ok(SocialAll {
        mentions: first_i64(&totals, "mentions")?.unwrap_or(0) as u64,
        potential_reach: first_i64(&totals, "potential_reach")?,
        unique_reach: first_i64(&unique, "unique_reach")?,
        engagements: first_i64(&totals, "engagements")?,
        top_posts,
    })
}

/// Requests to paths containing one of `pages` (lower-cased), per bucket of the event window,
/// and from the first communication to the window's end. None when no request has a path.
fn web(
    tables: &Tables,
    pages: &[String],
    window: Option<Window>,
    first_communication_at: Option<Millis>,
) -> Result<Option<WebTraffic>> {
    let bucket_ms = tables.bucket_ms;
    let at = col("at").cast(DataType::Int64);
    let mut on_page = lit(false);
    for p in pages {
        on_page = on_page.or(col("path")
            .str()
            .to_lowercase()
            .str()
            .contains_literal(lit(p.clone())));
    }
    let with_path = tables
        .web
        .clone()
        .filter(col("path").is_not_null().and(col("at").is_not_null()));
    let counts = with_path
        .clone()
        .select([len().cast(DataType::Int64).alias("n")])
        .collect()
        .map_err(table_err)?;
    if first_i64(&counts, "n")?.unwrap_or(0) == 0 {
        return Ok(None);
    }
    let matching = with_path.filter(on_page).select([at.alias("at")]);
    let in_window = |lf: LazyFrame, from: Millis| match window {
        Some(w) => lf.filter(col("at").gt_eq(lit(from)).and(col("at").lt(lit(w.end)))),
        None => lf.filter(col("at").gt_eq(lit(from))),
    };
    let hits = in_window(matching.clone(), window.map_or(i64::MIN, |w| w.start));
    let per_bucket = hits
        .group_by([(col("at") - col("at") % lit(bucket_ms)).alias("bucket")])
        .agg([len().cast(DataType::Int64).alias("requests")])
        .sort(["bucket"], SortMultipleOptions::default())
        .collect()
        .map_err(table_err)?;
    let found: BTreeMap<Millis, u64> = i64_values(&per_bucket, "bucket")
        .map_err(table_err)?
        .into_iter()
        .zip(i64_values(&per_bucket, "requests").map_err(table_err)?)
        .filter_map(|(b, n)| Some((b?, n? as u64)))
        .collect();
    // Every bucket of the window, those without a request too; without a window, from the
    // first matching request's bucket to the last one's.
    let span = match window {
        Some(w) if w.end > w.start => Some((w.start, w.end - 1)),
        Some(_) => None,
        None => found
            .keys()
            .next()
            .zip(found.keys().next_back())
            .map(|(a, b)| (*a, *b)),
    };
    let requests = match span {
        Some((from, to)) => {
            let (first, last) = (from - from % bucket_ms, to - to % bucket_ms);
            (0..=(last - first) / bucket_ms)
                .map(|k| {
                    let b = first + k * bucket_ms;
                    (b, found.get(&b).copied().unwrap_or(0))
                })
                .collect()
        }
        None => Vec::new(),
    };
    let backup_page_requests = match first_communication_at {
        Some(fc) => {
            let df = in_window(matching, fc)
                .select([len().cast(DataType::Int64).alias("n")])
                .collect()
                .map_err(table_err)?;
            Some(first_i64(&df, "n")?.unwrap_or(0) as u64)
        }
        None => None,
    };
    Ok(Some(WebTraffic {
        requests,
        backup_page_requests,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (unit, active) at each change of `active_changes` over views given in whole units.
    fn changes(views: &[(&str, i64, i64)]) -> Vec<(i64, i64)> {
        let unit = 60_000;
        let df = df!(
            "participant" => views.iter().map(|v| crate::text::participant_hash(v.0, "")).collect::<Vec<_>>(),
            "s" => views.iter().map(|v| v.1 * unit).collect::<Vec<_>>(),
            "last" => views.iter().map(|v| v.2 * unit + 59_999).collect::<Vec<_>>(),
        )
        .unwrap();
        let out = active_changes(df.lazy(), unit).unwrap().collect().unwrap();
        i64_values(&out, "unit")
            .unwrap()
            .into_iter()
            .zip(i64_values(&out, "active").unwrap())
            .map(|(u, a)| (u.unwrap() / unit, a.unwrap()))
            .collect()
    }

    #[test]
    fn a_participants_views_count_once_per_unit() {
        // p: 0-10, 2-3 (inside the first), 5-12 (overlaps the first, not the second: the
        // running maximum, not the previous view, decides), 13-15 (adjacent: its own run);
        // q: 3-4. Active: 1 at 0-2, 2 at 3-4, 1 at 5-15, 0 from 16.
        let c = changes(&[
            ("p", 5, 12),
            ("p", 0, 10),
            ("q", 3, 4),
            ("p", 2, 3),
            ("p", 13, 15),
        ]);
        assert_eq!(c, [(0, 1), (3, 2), (5, 1), (13, 1), (16, 0)]);
    }

    #[test]
    fn top_posts_break_ties_by_time_then_post_number() {
        // Six posts of 7 engagements: "post 10" and "post 9" at the same instant (pseudonyms
        // compare as numbers: 9 first), "post 2" earlier; an own post of 100 is no mention.
        let post = |id: &str, min: i64, likes: i64, own: bool| crate::tables::MentionRow {
            post_id: Some(id.into()),
            at: Some(1_606_485_600_000 + min * 60_000),
            text: Some(id.into()),
            likes: Some(likes),
            own,
            ..Default::default()
        };
        let rows = crate::tables::Rows {
            mentions: vec![
                post("post 10", 5, 7, false),
                post("post 9", 5, 7, false),
                post("post 2", 1, 7, false),
                post("post 11", 6, 7, false),
                post("post 12", 6, 3, false),
                post("post 1", 0, 100, true),
                post("post 3", 9, 7, false),
                post("post 4", 9, 7, false),
            ],
            ..Default::default()
        };
        let tables = Tables::build(&rows, 300).unwrap();
        let s = social_all(&mut Runner::new(&tables)).unwrap();
        let order: Vec<&str> = s
            .top_posts
            .iter()
            .map(|p| p.text.as_deref().unwrap())
            .collect();
        assert_eq!(order, ["post 2", "post 9", "post 10", "post 11", "post 3"]);
        assert_eq!((s.mentions, s.engagements), (7, Some(45)));
    }

    #[test]
    fn runs_merge_per_group_and_participant_as_the_running_maximum_says() {
        // Unsorted views of two participants on two platforms, one of them with no platform,
        // a view with no participant (left out), two views starting together.
        let p = |s: &str| crate::text::participant_hash(s, "");
        let views = df!(
            "platform" => [Some("vimeo"), Some("vimeo"), Some("youtube"), Some("vimeo"), None, Some("vimeo"), Some("vimeo"), Some("vimeo")],
            "participant" => [p("a"), p("a"), p("a"), p("b"), p("a"), None, p("a"), p("a")],
            "from" => [5i64, 0, 1, 3, 2, 0, 13, 0],
            "to" => [12i64, 10, 2, 4, 9, 100, 15, 1],
        )
        .unwrap();
        let out = merged_runs(views.clone().lazy(), &["platform"])
            .unwrap()
            .collect()
            .unwrap();
        let platforms = str_values(&out, "platform").unwrap();
        let runs: Vec<(Option<String>, i64, i64)> = platforms
            .into_iter()
            .zip(i64_values(&out, "from").unwrap())
            .zip(i64_values(&out, "to").unwrap())
            .map(|((pl, f), t)| (pl, f.unwrap(), t.unwrap()))
            .collect();
        let mut got = runs.clone();
        got.sort();
        let v = |pl: Option<&str>, f, t| (pl.map(str::to_string), f, t);
        let mut want = vec![
            v(Some("vimeo"), 0, 12),  // a: 0-10, 0-1, 5-12
            v(Some("vimeo"), 13, 15), // a: adjacent to 12, its own run
            v(Some("vimeo"), 3, 4),   // b
            v(Some("youtube"), 1, 2), // a, on another platform
            v(None, 2, 9),            // a, no platform: a group of its own
        ];
        want.sort();
        assert_eq!(got, want);
        // Without groups: participant a's views on every platform merge.
        let all = merged_runs(views.lazy(), &[]).unwrap().collect().unwrap();
        let mut spans: Vec<(i64, i64)> = i64_values(&all, "from")
            .unwrap()
            .into_iter()
            .zip(i64_values(&all, "to").unwrap())
            .map(|(f, t)| (f.unwrap(), t.unwrap()))
            .collect();
        spans.sort();
        assert_eq!(spans, [(0, 12), (3, 4), (13, 15)]);
    }

    #[test]
    fn no_view_no_change() {
        assert!(changes(&[]).is_empty());
    }
}
