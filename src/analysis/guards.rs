//! Guard rails for a first run on one's own exports (product.md: "a likely mistake is never
//! silent"). Three kinds of warning, each naming what does exist:
//!
//! - times written without a zone, read in a zone nobody stated for the file (the event's,
//!   or UTC when the config gives none);
//! - a file whose clock disagrees with the others by a whole number of hours around the same
//!   moments: the likely wrong zone is named (see [`hours_off`] for the rule);
//! - a setting of `[incident]` or `[org]` that matches nothing in the data: a campaign, a
//!   ticket tag, a handle, a platform or a backup URL, with the ones that do exist.
//!
//! Nothing is said about a setting whose data is absent (no e-mail export: nothing about
//! campaigns): the report already says the export is missing. Warnings are data with a
//! sentence: `check` prints them, the report shows them in its data quality section and
//! metrics.json lists them in `config_warnings`.

use std::collections::{BTreeMap, HashSet};

use chrono::{Offset, TimeZone, Utc};
use chrono_tz::Tz;
use polars::prelude::*;

use super::{milestones, onset, table_err, Window};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::ingest::{ClockPair, SourceReport, Table};
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, Tables};
use crate::text;
use crate::timeutil::{fmt_local, Millis};

/// One warning about the configuration, or about a zone it made debrief assume.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigWarning {
    /// The key it is about, `section.key`: `event.timezone`, `incident.email_campaigns`, ...
    pub key: &'static str,
    /// The value of that key it is about: one entry of a list, or the zone.
    pub value: String,
    /// The sentence for the user; no e-mail address or phone number (redacted).
    pub text: String,
}

impl ConfigWarning {
    fn new(key: &'static str, value: &str, text: String) -> Self {
        ConfigWarning {
            key,
            value: text::redact(value),
            text: text::redact(&text),
        }
    }
}

const HOUR_MS: i64 = 3_600_000;
const MINUTE_MS: i64 = 60_000;

/// Existing values listed in a warning, at most.
const LISTED: usize = 8;

/// Every warning, zones first, then the settings in the order of the config file.
pub fn warnings(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
    sources: &[SourceReport],
    pairs: &[ClockPair],
) -> Result<Vec<ConfigWarning>> {
    let (window, _) = super::event_window(runner, config)?;
    let mut out = zone_warnings(tables, runner, config, window, sources, pairs)?;
    out.extend(campaign_warnings(tables, runner, config)?);
    out.extend(tag_warnings(tables, config)?);
    out.extend(backup_url_warnings(tables, config)?);
    out.extend(platform_warnings(tables, config)?);
    out.extend(handle_warnings(tables, config)?);
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Time zones

/// Where a source's zone came from counts as stated: the file, or a `[[sources]]` entry.
fn zone_stated(s: &SourceReport) -> bool {
    matches!(s.timezone_origin, Some("file" | "sources"))
}

fn zone_assumed(s: &SourceReport) -> bool {
    s.timezone_origin == Some("event") && s.rows_kept > 0
}

fn zone_warnings(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
    window: Option<Window>,
    sources: &[SourceReport],
    pairs: &[ClockPair],
) -> Result<Vec<ConfigWarning>> {
    let assumed: Vec<usize> = (0..sources.len())
        .filter(|&i| zone_assumed(&sources[i]))
        .collect();
    if assumed.is_empty() {
        return Ok(Vec::new());
    }
    let zone = config.zone;
    let l = config.language;
    let names: Vec<&str> = assumed.iter().map(|&i| sources[i].path.as_str()).collect();
    let mut out = vec![ConfigWarning::new(
        "event.timezone",
        zone.name(),
        // The most common warning, in the report's language (the others are still English).
        config.language.t_args(
            if config.zone_given {
                "gr-zone-assumed"
            } else {
                "gr-zone-utc"
            },
            &[
                ("files", names.join(", ").into()),
                ("zone", zone.name().into()),
            ],
        ),
    )];

    // Files read against another file's readings of the same tickets: exact.
    let mut judged: HashSet<usize> = HashSet::new();
    for &a in &assumed {
        // For each stated-zone file: (this file's reading - that file's, that file's reading).
        let mut by_other: BTreeMap<usize, Vec<(i64, Millis)>> = BTreeMap::new();
        for p in pairs {
            let (other, diff, at) = if p.a == a {
                (p.b, p.a_at - p.b_at, p.b_at)
            } else if p.b == a {
                (p.a, p.b_at - p.a_at, p.a_at)
            } else {
                continue;
            };
            if sources.get(other).is_some_and(zone_stated) {
                by_other.entry(other).or_default().push((diff, at));
            }
        }
        // The file sharing the most readings with it (the first on a tie).
        let Some((other, readings)) = by_other
            .into_iter()
            .max_by_key(|(o, r)| (r.len(), std::cmp::Reverse(*o)))
        else {
            continue;
        };
        judged.insert(a);
        let mut diffs: Vec<f64> = readings.iter().map(|(d, _)| *d as f64).collect();
        let Some(median) = onset::median(&mut diffs) else {
            continue;
        };
        let median = median.round() as i64;
        let h = (median as f64 / HOUR_MS as f64).round() as i64;
        // Exports of the same records agree to the minute; a whole-hour difference is a zone.
        if h == 0 || (median - h * HOUR_MS).abs() > 2 * MINUTE_MS || h.abs() > MAX_HOURS_OFF {
            continue;
        }
        let src = &sources[a];
        let first_at = readings.iter().map(|(_, at)| *at).min();
        let candidate = likely_zone(zone, h, first_at);
        out.push(ConfigWarning::new(
            "event.timezone",
            zone.name(),
            l.t_args(
                if h < 0 {
                    "gr-zone-tickets-before"
                } else {
                    "gr-zone-tickets-after"
                },
                &[
                    ("file", src.path.clone().into()),
                    ("hours", h.abs().into()),
                    ("other", sources[other].path.clone().into()),
                    ("n", (readings.len() as i64).into()),
                    ("candidate", candidate.describe(l).into()),
                    ("zone", zone.name().into()),
                    ("name", candidate.name().into()),
                ],
            ),
        ));
    }

    // Files read against the other exports' first signs of the incident.
    let stated: Vec<&str> = sources
        .iter()
        .filter(|s| zone_stated(s) && s.rows_kept > 0)
        .map(|s| s.path.as_str())
        .collect();
    let Some(reference) = reference_moment(tables, runner, sources, window, &stated)? else {
        return Ok(out);
    };
    for &a in &assumed {
        if judged.contains(&a) {
            continue;
        }
        let src = &sources[a];
        let Some(m) = source_moment(tables, runner, sources, window, src)? else {
            continue;
        };
        let h = hours_off(m.at - reference.at);
        if h == 0 {
            continue;
        }
        let candidate = likely_zone(zone, h, Some(reference.at));
        out.push(ConfigWarning::new(
            "event.timezone",
            zone.name(),
            l.t_args(
                if h < 0 {
                    "gr-zone-moment-before"
                } else {
                    "gr-zone-moment-after"
                },
                &[
                    ("file", src.path.clone().into()),
                    ("hours", h.abs().into()),
                    ("what", l.t(&m.what).into()),
                    ("at", crate::i18n::format::fmt_clock(l, m.at, zone).into()),
                    ("reference", l.t(&reference.what).into()),
                    (
                        "reference_at",
                        crate::i18n::format::fmt_clock(l, reference.at, zone).into(),
                    ),
                    ("zone", zone.name().into()),
                    ("candidate", candidate.describe(l).into()),
                    ("name", candidate.name().into()),
                ],
            ),
        ));
    }
    Ok(out)
}

/// Differences of more hours than this are not a zone (a typed date is wrong, or the files are
/// of different days).
const MAX_HOURS_OFF: i64 = 15;

/// Earliest and latest offset of a file's moment from the other exports' first sign of the
/// incident, when both clocks agree: see [`hours_off`].
const AGREE_FROM_MS: i64 = -20 * MINUTE_MS;

/// The whole number of hours by which a file's clock is off, from `d` = the file's moment of
/// the incident minus the other exports' first sign of it.
///
/// The rule: with both clocks right, `d` falls between 20 minutes before and 40 minutes after
/// (`[-20 min, +40 min)`): an ops log's start is written about when the first failures show,
/// its detection entry (used when it has no start) minutes after them; a file's incident
/// tickets or mentions follow the failed views by minutes. A clock in another zone moves `d`
/// by a whole number of hours h, so `d - h h` falls in that window for exactly one h: the
/// file is h hours off. Beyond 15 hours it is not a zone, and nothing is said. The windows
/// tile the line, so every `d` maps to one h; a real lag of more than 40 minutes reads as an
/// hour off, which is why the warning says "may".
pub fn hours_off(d: Millis) -> i64 {
    let h = (d - AGREE_FROM_MS).div_euclid(HOUR_MS);
    if h.abs() > MAX_HOURS_OFF {
        0
    } else {
        h
    }
}

/// Zones named first when several share an offset, most used first. A zone whose offset none
/// of these has is described by its offset alone.
const LIKELY_ZONES: [Tz; 24] = [
    chrono_tz::UTC,
    chrono_tz::Europe::London,
    chrono_tz::Europe::Paris,
    chrono_tz::America::New_York,
    chrono_tz::America::Chicago,
    chrono_tz::America::Denver,
    chrono_tz::America::Los_Angeles,
    chrono_tz::America::Sao_Paulo,
    chrono_tz::Europe::Helsinki,
    chrono_tz::Europe::Moscow,
    chrono_tz::Asia::Dubai,
    chrono_tz::Asia::Karachi,
    chrono_tz::Asia::Kolkata,
    chrono_tz::Asia::Dhaka,
    chrono_tz::Asia::Bangkok,
    chrono_tz::Asia::Shanghai,
    chrono_tz::Asia::Tokyo,
    chrono_tz::Australia::Sydney,
    chrono_tz::Pacific::Auckland,
    chrono_tz::America::Halifax,
    chrono_tz::America::Anchorage,
    chrono_tz::Pacific::Honolulu,
    chrono_tz::Atlantic::Azores,
    chrono_tz::America::Noronha,
];

/// The zone a file's times are likely in.
enum Candidate {
    Named(Tz, i32),
    Offset(i32),
}

impl Candidate {
    fn name(&self) -> String {
        match self {
            Candidate::Named(z, _) => z.name().to_string(),
            Candidate::Offset(_) => "...".into(),
        }
    }

    fn describe(&self, l: Lang) -> String {
        match self {
            Candidate::Named(z, s) => l.t_args(
                "gr-candidate-named",
                &[("zone", z.name().into()), ("offset", fmt_offset(*s).into())],
            ),
            Candidate::Offset(s) => {
                l.t_args("gr-candidate-offset", &[("offset", fmt_offset(*s).into())])
            }
        }
    }
}

fn fmt_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let a = seconds.abs();
    format!("{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)
}

fn offset_at(zone: Tz, at: Millis) -> i32 {
    match Utc.timestamp_millis_opt(at) {
        chrono::LocalResult::Single(t) => zone
            .offset_from_utc_datetime(&t.naive_utc())
            .fix()
            .local_minus_utc(),
        _ => 0,
    }
}

/// A file read in `zone` whose clock is `h` hours off was written in a zone whose offset is
/// `zone`'s plus h: a local time L read in zone E is L - off(E); written in zone Z it meant
/// L - off(Z); the difference, h, is off(Z) - off(E).
fn likely_zone(zone: Tz, h: i64, at: Option<Millis>) -> Candidate {
    // Offsets are taken at the moment compared (they change with DST).
    let at = at.unwrap_or(0);
    let wanted = offset_at(zone, at) + (h * 3600) as i32;
    match LIKELY_ZONES.iter().find(|z| offset_at(**z, at) == wanted) {
        Some(z) => Candidate::Named(*z, wanted),
        None => Candidate::Offset(wanted),
    }
}

/// A moment of the incident as some files read it, and what it is.
struct Moment {
    at: Millis,
    what: String,
}

/// The other exports' first sign of the incident: the earliest onset of failed views,
/// incident-related tickets and mentions in files whose zone is stated.
fn reference_moment(
    tables: &Tables,
    runner: &mut Runner,
    sources: &[SourceReport],
    window: Option<Window>,
    stated: &[&str],
) -> Result<Option<Moment>> {
    if stated.is_empty() {
        return Ok(None);
    }
    let mut found: Vec<Moment> = Vec::new();
    if let Some(at) = viewing_onset(tables, runner, sources, stated)? {
        found.push(Moment {
            at,
            what: "gr-moment-first-failed-views".into(),
        });
    }
    if let Some(at) = records_onset(tickets_times(tables, stated)?, window) {
        found.push(Moment {
            at,
            what: "gr-moment-first-incident-tickets".into(),
        });
    }
    if let Some(at) = records_onset(mention_times(tables, stated)?, window) {
        found.push(Moment {
            at,
            what: "gr-moment-first-incident-mentions".into(),
        });
    }
    Ok(found.into_iter().min_by_key(|m| m.at))
}

/// One file's moment of the incident: an ops log's first `start` entry (its first
/// `detection` entry without one), or the onset of the file's failed views, incident-related
/// tickets or mentions.
fn source_moment(
    tables: &Tables,
    runner: &mut Runner,
    sources: &[SourceReport],
    window: Option<Window>,
    s: &SourceReport,
) -> Result<Option<Moment>> {
    let only = [s.path.as_str()];
    let moment = |at: Option<Millis>, what: &str| {
        at.map(|at| Moment {
            at,
            what: what.to_string(),
        })
    };
    Ok(match s.table {
        Some(Table::Log) => {
            let df = tables
                .log
                .clone()
                .filter(from_sources(&only))
                .select([col("at").cast(DataType::Int64), col("kind")])
                .collect()
                .map_err(table_err)?;
            let at = i64_values(&df, "at").map_err(table_err)?;
            let kind = str_values(&df, "kind").map_err(table_err)?;
            let first = |k: &str| {
                at.iter()
                    .zip(&kind)
                    .filter(|(_, kind)| kind.as_deref() == Some(k))
                    .filter_map(|(a, _)| *a)
                    .min()
            };
            match first("start") {
                Some(t) => moment(Some(t), "gr-moment-its-start-entry"),
                None => moment(first("detection"), "gr-moment-its-detection-entry"),
            }
        }
        Some(Table::Viewing) => moment(
            viewing_onset(tables, runner, sources, &only)?,
            "gr-moment-its-first-failed-views",
        ),
        Some(Table::Tickets) => moment(
            records_onset(tickets_times(tables, &only)?, window),
            "gr-moment-its-first-incident-tickets",
        ),
        Some(Table::Mentions) => moment(
            records_onset(mention_times(tables, &only)?, window),
            "gr-moment-its-first-incident-mentions",
        ),
        Some(Table::Registrations | Table::Email | Table::Audience | Table::Web) | None => None,
    })
}

fn from_sources(paths: &[&str]) -> Expr {
    let names = Series::new(
        "s".into(),
        paths.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
    );
    col("source").is_in(lit(names).implode(false), false)
}

/// The onset of the failed-view episode over the views of `paths`, by the test of the
/// analysis (metrics.md, "Milestones"). When `paths` hold every file with views, that is
/// the whole table, which the analysis's queries on `runner` have gone over already.
fn viewing_onset(
    tables: &Tables,
    runner: &mut Runner,
    sources: &[SourceReport],
    paths: &[&str],
) -> Result<Option<Millis>> {
    let whole = sources
        .iter()
        .filter(|s| s.table == Some(Table::Viewing) && s.rows_kept > 0)
        .all(|s| paths.contains(&s.path.as_str()));
    let series = if whole {
        milestones::viewing_series(runner)?
    } else {
        let mut only = tables.clone();
        only.viewing = tables.viewing.clone().filter(from_sources(paths));
        milestones::viewing_series(&mut Runner::new(&only))?
    };
    Ok(onset::first_episode(&series.minutes).map(|e| e.onset))
}

fn sorted_times(lf: LazyFrame, column: &str, table: &'static str) -> Result<Vec<Millis>> {
    let df = lf
        .select([col(column).cast(DataType::Int64)])
        .collect()
        .map_err(|source| Error::Table { table, source })?;
    let mut v: Vec<Millis> = i64_values(&df, column)
        .map_err(table_err)?
        .into_iter()
        .flatten()
        .collect();
    v.sort_unstable();
    Ok(v)
}

fn tickets_times(tables: &Tables, paths: &[&str]) -> Result<Vec<Millis>> {
    sorted_times(
        tables
            .tickets
            .clone()
            .filter(col("incident").and(from_sources(paths))),
        "created_at",
        "tickets",
    )
}

fn mention_times(tables: &Tables, paths: &[&str]) -> Result<Vec<Millis>> {
    sorted_times(
        tables.mentions.clone().filter(
            col("incident")
                .and(col("own").not())
                .and(from_sources(paths)),
        ),
        "at",
        "mentions",
    )
}

/// The onset test of the analysis over these records, with its baseline over the event
/// window (their own span without one). Records a wrong zone moved out of the window leave the
/// baseline at its floor: two within 5 minutes still make an onset.
fn records_onset(times: Vec<Millis>, window: Option<Window>) -> Option<Millis> {
    let (start, end) = match window {
        Some(w) => (w.start, w.end),
        None => (*times.first()?, *times.last()? + 1),
    };
    let base = onset::record_baseline(&times, start, end);
    onset::record_onset(&times, base)
}

// ---------------------------------------------------------------------------------------
// Settings that match nothing

/// Lower case, letters and digits only: `Backup_Link` and `backup-link` look alike.
fn squashed(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The existing value a mistyped one was likely meant to be.
fn near<'a>(wanted: &str, existing: impl IntoIterator<Item = &'a String>) -> Option<&'a String> {
    let w = squashed(wanted);
    existing
        .into_iter()
        .find(|e| !w.is_empty() && squashed(e) == w)
}

fn did_you_mean(l: Lang, n: Option<&String>) -> String {
    n.map(|n| {
        format!(
            " {}",
            l.t_args("gr-did-you-mean", &[("value", n.clone().into())])
        )
    })
    .unwrap_or_default()
}

/// `'a' (x), 'b' (y)`, at most [`LISTED`], then how many more.
fn listing(l: Lang, items: &[(String, String)]) -> String {
    let mut parts: Vec<String> = items
        .iter()
        .take(LISTED)
        .map(|(v, d)| {
            l.t_args(
                "gr-listed",
                &[("value", v.clone().into()), ("detail", d.clone().into())],
            )
        })
        .collect();
    if items.len() > LISTED {
        parts.push(l.t_args(
            "gr-and-more",
            &[("n", ((items.len() - LISTED) as i64).into())],
        ));
    }
    parts.join(", ")
}

fn count(lf: LazyFrame, table: &'static str) -> Result<u64> {
    let df = lf
        .select([len().cast(DataType::Int64).alias("n")])
        .collect()
        .map_err(|source| Error::Table { table, source })?;
    Ok(i64_values(&df, "n")
        .map_err(table_err)?
        .into_iter()
        .flatten()
        .next()
        .unwrap_or(0) as u64)
}

/// Values of a string column with how many rows hold each, most first (then by value).
fn tally(lf: LazyFrame, column: &str, table: &'static str) -> Result<Vec<(String, u64)>> {
    let df = lf
        .filter(col(column).is_not_null())
        .group_by([col(column)])
        .agg([len().cast(DataType::Int64).alias("n")])
        .collect()
        .map_err(|source| Error::Table { table, source })?;
    let values = str_values(&df, column).map_err(table_err)?;
    let counts = i64_values(&df, "n").map_err(table_err)?;
    let mut out: Vec<(String, u64)> = values
        .into_iter()
        .zip(counts)
        .filter_map(|(v, n)| Some((v?, n? as u64)))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// `[incident].email_campaigns` entries that name no campaign of the e-mail exports (matched
/// exactly, as the analysis matches them).
fn campaign_warnings(
    tables: &Tables,
    runner: &mut Runner,
    config: &Config,
) -> Result<Vec<ConfigWarning>> {
    let Some(wanted) = &config.incident.email_campaigns else {
        return Ok(Vec::new());
    };
    if wanted.is_empty() || count(tables.email.clone(), "email")? == 0 {
        return Ok(Vec::new());
    }
    let df = runner.builtin("email_campaigns")?;
    let names = str_values(&df, "campaign").map_err(table_err)?;
    let first = i64_values(&df, "first_event_at").map_err(table_err)?;
    let mut found: Vec<(String, Option<Millis>)> = names
        .into_iter()
        .zip(first)
        .filter_map(|(n, f)| Some((n?, f)))
        .collect();
    found.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    let existing: Vec<String> = found.iter().map(|(n, _)| n.clone()).collect();
    let zone = config.zone;
    let l = config.language;
    let mut out = Vec::new();
    for w in wanted.iter().filter(|w| !existing.contains(w)) {
        let what = if found.is_empty() {
            l.t("gr-no-campaign")
        } else {
            let items: Vec<(String, String)> = found
                .iter()
                .map(|(n, f)| {
                    let when = match f {
                        Some(t) => l.t_args(
                            "gr-first-sent",
                            &[("at", fmt_local(*t, zone)[..16].to_string().into())],
                        ),
                        None => l.t("gr-no-time"),
                    };
                    (n.clone(), when)
                })
                .collect();
            l.t_args(
                "gr-campaigns-are",
                &[
                    ("zone", zone.name().into()),
                    ("list", listing(l, &items).into()),
                ],
            )
        };
        out.push(ConfigWarning::new(
            "incident.email_campaigns",
            w,
            l.t_args(
                "gr-campaign-unknown",
                &[
                    ("value", w.clone().into()),
                    ("mean", did_you_mean(l, near(w, &existing)).into()),
                    ("what", what.into()),
                ],
            ),
        ));
    }
    Ok(out)
}

/// `[incident].ticket_tags` entries that no ticket carries (case aside, as tickets match).
fn tag_warnings(tables: &Tables, config: &Config) -> Result<Vec<ConfigWarning>> {
    let l = config.language;
    let wanted = &config.incident.ticket_tags;
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let df = tables
        .tickets
        .clone()
        .select([col("tags")])
        .collect()
        .map_err(|source| Error::Table {
            table: "tickets",
            source,
        })?;
    if df.height() == 0 {
        return Ok(Vec::new());
    }
    // Tickets per tag, lower-cased: a ticket counts once per tag.
    let mut per_tag: BTreeMap<String, u64> = BTreeMap::new();
    let lists = df
        .column("tags")
        .and_then(|c| c.list().cloned())
        .map_err(table_err)?;
    for tags in (0..lists.len()).filter_map(|i| lists.get_as_series(i)) {
        let tags = tags.str().map_err(table_err)?;
        let mut seen: Vec<String> = tags.iter().flatten().map(str::to_lowercase).collect();
        seen.sort();
        seen.dedup();
        for t in seen {
            *per_tag.entry(t).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, u64)> = per_tag.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let existing: Vec<String> = ranked.iter().map(|(t, _)| t.clone()).collect();
    let mut out = Vec::new();
    for w in wanted {
        if existing.contains(&w.to_lowercase()) {
            continue;
        }
        let what = if ranked.is_empty() {
            l.t("gr-no-tags")
        } else {
            let items: Vec<(String, String)> = ranked
                .iter()
                .map(|(t, n)| {
                    (
                        t.clone(),
                        l.t_args("gr-tickets", &[("n", (*n as i64).into())]),
                    )
                })
                .collect();
            l.t_args("gr-tags-are", &[("list", listing(l, &items).into())])
        };
        out.push(ConfigWarning::new(
            "incident.ticket_tags",
            w,
            l.t_args(
                "gr-tag-unknown",
                &[
                    ("value", w.clone().into()),
                    ("mean", did_you_mean(l, near(w, &existing)).into()),
                    ("what", what.into()),
                ],
            ),
        ));
    }
    Ok(out)
}

/// `[incident].backup_urls` entries that no clicked URL of the e-mail exports and no web
/// request contains (case aside, as clicks match).
fn backup_url_warnings(tables: &Tables, config: &Config) -> Result<Vec<ConfigWarning>> {
    let l = config.language;
    let wanted = &config.incident.backup_urls;
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let clicks = tables
        .email
        .clone()
        .filter(col("event").eq(lit("clicked")))
        .select([col("url").str().to_lowercase().alias("url")]);
    let clicked = tally(clicks, "url", "email")?;
    let web = tally(
        tables
            .web
            .clone()
            .select([col("path").str().to_lowercase().alias("path")]),
        "path",
        "web",
    )?;
    if clicked.is_empty() && web.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for w in wanted {
        let needle = w.to_lowercase();
        let hit = |v: &Vec<(String, u64)>| v.iter().any(|(u, _)| u.contains(&needle));
        if needle.is_empty() || hit(&clicked) || hit(&web) {
            continue;
        }
        let mut what = Vec::new();
        if !clicked.is_empty() {
            what.push(l.t_args(
                "gr-most-clicked",
                &[(
                    "list",
                    listing(l, &without_queries(l, &clicked, "gr-clicks")).into(),
                )],
            ));
        }
        if !web.is_empty() {
            what.push(l.t_args(
                "gr-most-requested",
                &[(
                    "list",
                    listing(l, &without_queries(l, &web, "gr-requests")).into(),
                )],
            ));
        }
        out.push(ConfigWarning::new(
            "incident.backup_urls",
            w,
            l.t_args(
                "gr-url-unknown",
                &[("value", w.clone().into()), ("what", what.join(" ").into())],
            ),
        ));
    }
    Ok(out)
}

/// URLs or paths without their query string or fragment (where tracking tokens and addresses
/// travel), merged and counted again.
fn without_queries(l: Lang, items: &[(String, u64)], unit: &str) -> Vec<(String, String)> {
    let mut merged: BTreeMap<String, u64> = BTreeMap::new();
    for (u, n) in items {
        let cut = u.find(['?', '#']).unwrap_or(u.len());
        *merged.entry(u[..cut].to_string()).or_default() += n;
    }
    let mut v: Vec<(String, u64)> = merged.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.into_iter()
        .map(|(u, n)| (u, l.t_args(unit, &[("n", (n as i64).into())])))
        .collect()
}

/// `[incident].fallback_platforms` entries that name no platform of the viewing exports
/// (case aside, as the analysis matches them).
fn platform_warnings(tables: &Tables, config: &Config) -> Result<Vec<ConfigWarning>> {
    let l = config.language;
    let wanted = &config.incident.fallback_platforms;
    if wanted.is_empty() {
        return Ok(Vec::new());
    }
    let platforms = tally(
        tables
            .viewing
            .clone()
            .select([col("platform").str().to_lowercase().alias("platform")]),
        "platform",
        "viewing",
    )?;
    if count(tables.viewing.clone(), "viewing")? == 0 {
        return Ok(Vec::new());
    }
    let existing: Vec<String> = platforms.iter().map(|(p, _)| p.clone()).collect();
    let mut out = Vec::new();
    for w in wanted {
        if existing.contains(&w.to_lowercase()) {
            continue;
        }
        let what = if platforms.is_empty() {
            l.t("gr-no-platform")
        } else {
            let items: Vec<(String, String)> = platforms
                .iter()
                .map(|(p, n)| {
                    (
                        p.clone(),
                        l.t_args("gr-views", &[("n", (*n as i64).into())]),
                    )
                })
                .collect();
            l.t_args("gr-platforms-are", &[("list", listing(l, &items).into())])
        };
        out.push(ConfigWarning::new(
            "incident.fallback_platforms",
            w,
            l.t_args(
                "gr-platform-unknown",
                &[
                    ("value", w.clone().into()),
                    ("mean", did_you_mean(l, near(w, &existing)).into()),
                    ("what", what.into()),
                ],
            ),
        ));
    }
    Ok(out)
}

/// `[org].social_handles` entries that wrote none of the posts of the mention exports (case
/// and a leading `@` aside, as posts match). Authors are not listed: they are participants.
fn handle_warnings(tables: &Tables, config: &Config) -> Result<Vec<ConfigWarning>> {
    let l = config.language;
    if config.org.social_handles.is_empty() {
        return Ok(Vec::new());
    }
    let posts = count(tables.mentions.clone(), "mentions")?;
    if posts == 0 {
        return Ok(Vec::new());
    }
    let authors: HashSet<String> = tally(
        tables
            .mentions
            .clone()
            .select([col("author").str().to_lowercase().alias("author")]),
        "author",
        "mentions",
    )?
    .into_iter()
    .map(|(a, _)| a.trim_start_matches('@').to_string())
    .collect();
    let mut out = Vec::new();
    for (w, h) in config.org.social_handles.iter().zip(config.own_handles()) {
        if authors.contains(&h) {
            continue;
        }
        out.push(ConfigWarning::new(
            "org.social_handles",
            w,
            l.t_args(
                "gr-handle-unknown",
                &[
                    ("value", w.clone().into()),
                    ("posts", (posts as i64).into()),
                    ("authors", (authors.len() as i64).into()),
                ],
            ),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: i64 = MINUTE_MS;

    #[test]
    fn whole_hours_off_by_the_agreement_window() {
        // Agreeing clocks: a start 20 min early to a detection 39 min late.
        for d in [-20 * M, 0, 12 * M, 39 * M] {
            assert_eq!(hours_off(d), 0, "{d}");
        }
        // A New York log read as Paris in November: 6 hours early, give or take its lag.
        assert_eq!(hours_off(-6 * HOUR_MS + 2 * M), -6);
        assert_eq!(hours_off(-6 * HOUR_MS - 15 * M), -6);
        assert_eq!(hours_off(-6 * HOUR_MS + 35 * M), -6);
        // Just past either edge of the window.
        assert_eq!(hours_off(-21 * M), -1);
        assert_eq!(hours_off(40 * M), 1);
        // More than 15 hours is not a zone.
        assert_eq!(hours_off(-20 * HOUR_MS), 0);
        assert_eq!(hours_off(16 * HOUR_MS), 0);
    }

    #[test]
    fn the_likely_zone_has_the_offset_the_difference_implies() {
        // 2020-11-27T15:00Z: Paris is UTC+1, New York UTC-5.
        let at = 1_606_489_200_000;
        let c = likely_zone(chrono_tz::Europe::Paris, -6, Some(at));
        assert_eq!(c.describe(Lang::En), "America/New_York (UTC-05:00 then)");
        // In July Paris is UTC+2 and New York UTC-4: still 6 hours.
        let july = 1_594_300_000_000;
        let c = likely_zone(chrono_tz::Europe::Paris, -6, Some(july));
        assert_eq!(c.name(), "America/New_York");
        // A file read as UTC but written in Paris reads an hour late in winter.
        let c = likely_zone(chrono_tz::UTC, -1, Some(at));
        assert_eq!(c.describe(Lang::En), "Atlantic/Azores (UTC-01:00 then)");
        let c = likely_zone(chrono_tz::UTC, 1, Some(at));
        assert_eq!(c.name(), "Europe/Paris");
        // No listed zone at UTC+14.
        let c = likely_zone(chrono_tz::UTC, 14, Some(at));
        assert_eq!(c.describe(Lang::En), "a zone at UTC+14:00");
    }

    #[test]
    fn near_matches_ignore_case_and_punctuation() {
        let existing = vec!["backup-link".to_string(), "rappel-j0".to_string()];
        assert_eq!(near("backup_link", &existing), Some(&existing[0]));
        assert_eq!(near("Backup Link", &existing), Some(&existing[0]));
        assert_eq!(near("secours", &existing), None);
        assert_eq!(near("--", &existing), None);
    }
}
