//! Impact (docs/definitions.md, "Impact"): the audience segment that best explains the incident's
//! failures, and the affected, recovered and lost participant-minutes. The incident window is
//! [started_at, recovered_at); a view is active in it when it started before its end and ended
//! at or after its start, and failed in it when its failure instant (its end) is inside it.

use polars::prelude::*;
use statrs::distribution::{ContinuousCDF, Normal};

use super::table_err;
use super::Window;
use crate::error::Result;
use crate::queries::Runner;
use crate::tables::{i64_values, str_values, Tables};
use crate::timeutil::Millis;

/// The dimensions of the segment search, in tie-break order.
pub const DIMENSIONS: [&str; 8] = [
    "isp", "asn", "country", "device", "os", "browser", "cdn", "platform",
];
/// A candidate segment holds at least this many failed views...
pub const MIN_FAILED: u64 = 20;
/// ...and at least this share of the window's failed views...
pub const MIN_FAILURE_SHARE: f64 = 0.5;
/// ...and passes the one-sided two-proportion z-test at this level.
pub const ALPHA: f64 = 0.001;

/// The affected segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub dimension: String,
    pub value: String,
    pub failure_rate: f64,
    pub failure_rate_elsewhere: f64,
    pub lift: f64,
    pub failure_share: f64,
    pub audience_share: f64,
    /// Share of the distinct participants active in the window who are in the segment
    /// (retries inflate the view share; the report leads with this one). `None` when no
    /// view of the window carries a participant.
    pub viewer_share: Option<f64>,
    pub p_value: f64,
    pub failed: u64,
    pub active: u64,
}

/// The affected segment still failing on the main platforms after recovery (docs/definitions.md,
/// `segment-still-failing`): the recovery was a workaround for it.
#[derive(Debug, Clone, PartialEq)]
pub struct StillFailing {
    /// The segment's views on non-fallback platforms active from recovery to the event's end,
    /// and those of them that failed there.
    pub active: u64,
    pub failed: u64,
    pub last_failure: Millis,
}

/// Impact figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Impact {
    pub segment: Option<Segment>,
    /// Set where the segment kept failing after recovery (at least 20 failed views and half
    /// of its views there).
    pub still_failing: Option<StillFailing>,
    pub affected_participants: u64,
    pub recovered_participants: u64,
    pub participant_minutes_lost: f64,
    /// Views active in the window and failed in it.
    pub window_active: u64,
    pub window_failed: u64,
}

impl Impact {
    /// Affected participants with no successful view after their first failure: affected
    /// minus recovered (docs/definitions.md, `lost_to_incident`).
    pub fn lost_participants(&self) -> u64 {
        self.affected_participants
            .saturating_sub(self.recovered_participants)
    }
}

/// One-sided two-proportion z-test (pooled): P(Z >= z) for H1 p_in > p_out.
pub fn two_proportion_p(failed_in: u64, n_in: u64, failed_out: u64, n_out: u64) -> f64 {
    if n_in == 0 || n_out == 0 {
        return 1.0;
    }
    let (x1, n1, x2, n2) = (
        failed_in as f64,
        n_in as f64,
        failed_out as f64,
        n_out as f64,
    );
    let pooled = (x1 + x2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    if se == 0.0 {
        return 1.0;
    }
    let z = (x1 / n1 - x2 / n2) / se;
    // Infallible: the standard normal's parameters are valid constants.
    // The tail underflows to 0 beyond z ~ 38; a p-value is never exactly 0, so it is kept at
    // the smallest positive double (the report reads it as "< 1e-300").
    Normal::new(0.0, 1.0)
        .map(|n| n.sf(z))
        .unwrap_or(1.0)
        .max(f64::MIN_POSITIVE)
}

/// Picks the segment from per-value counts: rows (dimension, value, active, failed), and the
/// window's totals. Ties on the failure rate go to the dimension that comes first.
pub fn pick_segment(
    rows: &[(String, String, u64, u64)],
    total_active: u64,
    total_failed: u64,
) -> Option<Segment> {
    let mut best: Option<Segment> = None;
    let rank = |d: &str| {
        DIMENSIONS
            .iter()
            .position(|x| *x == d)
            .unwrap_or(DIMENSIONS.len())
    };
    let mut ordered: Vec<&(String, String, u64, u64)> = rows.iter().collect();
    ordered.sort_by(|a, b| (rank(&a.0), &a.1).cmp(&(rank(&b.0), &b.1)));
    for (dimension, value, active, failed) in ordered {
        let (active, failed) = (*active, *failed);
        if failed < MIN_FAILED
            || (failed as f64) < MIN_FAILURE_SHARE * total_failed as f64
            || active == 0
        {
            continue;
        }
        let (out_active, out_failed) = (total_active - active, total_failed - failed);
        let p = two_proportion_p(failed, active, out_failed, out_active);
        if p >= ALPHA {
            continue;
        }
        let rate = failed as f64 / active as f64;
        let elsewhere = if out_active > 0 {
            out_failed as f64 / out_active as f64
        } else {
            0.0
        };
        if best.as_ref().is_some_and(|b| b.failure_rate >= rate) {
            continue;
        }
        best = Some(Segment {
            dimension: dimension.clone(),
            value: value.clone(),
            failure_rate: rate,
            failure_rate_elsewhere: elsewhere,
            lift: rate / elsewhere.max(0.001),
            failure_share: failed as f64 / total_failed as f64,
            audience_share: active as f64 / total_active as f64,
            viewer_share: None,
            p_value: p,
            failed,
            active,
        });
    }
    best
}

/// Registers `window_views`, `incident_window` and `affected`, then computes the impact.
/// `fallback` lists the fallback platforms (`[incident].fallback_platforms`).
pub fn compute(
    tables: &Tables,
    runner: &mut Runner,
    window: Window,
    event_end: i64,
    fallback: &[String],
) -> Result<Impact> {
    let (s, e) = (window.start, window.end);
    let start_ms = col("started_at").cast(DataType::Int64);
    let end_ms = col("ended_at").cast(DataType::Int64);
    let views = tables
        .viewing
        .clone()
        .filter(start_ms.lt(lit(e)).and(end_ms.clone().gt_eq(lit(s))))
        .with_column(
            col("failed")
                .and(end_ms.clone().gt_eq(lit(s)))
                .and(end_ms.lt(lit(e)))
                .alias("failed_in_window"),
        );
    runner.register("window_views", views.clone());
    let params = df!("started_at" => [s], "recovered_at" => [e], "event_end" => [event_end])
        .map_err(table_err)?;
    runner.register("incident_window", params.lazy());
    // Collected once: a dozen queries read it, and as a view each would join the whole
    // viewing table again (0.5-1 s each at a million participants).
    let affected = runner.builtin("affected_participants")?;
    runner.register("affected", affected.lazy());

    let totals = runner.builtin("window_totals")?;
    let total_active = super::first_i64(&totals, "active")?.unwrap_or(0) as u64;
    let total_failed = super::first_i64(&totals, "failed")?.unwrap_or(0) as u64;
    let seg = runner.builtin("segment_failures")?;
    let dims = str_values(&seg, "dimension").map_err(table_err)?;
    let vals = str_values(&seg, "value").map_err(table_err)?;
    let act = i64_values(&seg, "active").map_err(table_err)?;
    let fail = i64_values(&seg, "failed").map_err(table_err)?;
    let rows: Vec<(String, String, u64, u64)> = (0..dims.len())
        .filter_map(|i| {
            Some((
                dims[i].clone()?,
                vals[i].clone()?,
                act[i]? as u64,
                fail[i].unwrap_or(0) as u64,
            ))
        })
        .collect();

    let mut segment = pick_segment(&rows, total_active, total_failed);
    if let Some(sg) = segment.as_mut() {
        sg.viewer_share = viewer_share(&views, &sg.dimension, &sg.value)?;
    }
    let still_failing = match &segment {
        Some(sg) => still_failing(&tables.viewing, sg, e, event_end, fallback)?,
        None => None,
    };
    let t = runner.builtin("impact_totals")?;
    let lost_ms = super::first_i64(&t, "lost_ms")?.unwrap_or(0);
    Ok(Impact {
        segment,
        still_failing,
        affected_participants: super::first_i64(&t, "affected")?.unwrap_or(0) as u64,
        recovered_participants: super::first_i64(&t, "recovered")?.unwrap_or(0) as u64,
        participant_minutes_lost: (lost_ms as f64 / 6_000.0).round() / 10.0,
        window_active: total_active,
        window_failed: total_failed,
    })
}

/// docs/definitions.md `segment-still-failing`: the segment's views on platforms that are not
/// fallback platforms, active in [`from`, `to`) (recovery to the event's end); it is still failing
/// when at least 20 of them failed there (failure instant inside) and at least half of them did.
fn still_failing(
    viewing: &LazyFrame,
    segment: &Segment,
    from: Millis,
    to: Millis,
    fallback: &[String],
) -> Result<Option<StillFailing>> {
    if to <= from {
        return Ok(None);
    }
    let wanted: Vec<String> = fallback.iter().map(|p| p.to_lowercase()).collect();
    let on_fallback = col("platform")
        .str()
        .to_lowercase()
        .is_in(lit(Series::new("p".into(), wanted)).implode(false), false)
        .fill_null(lit(false));
    let (start_ms, end_ms) = (
        col("started_at").cast(DataType::Int64),
        col("ended_at").cast(DataType::Int64),
    );
    let failed_there = col("failed")
        .and(end_ms.clone().gt_eq(lit(from)))
        .and(end_ms.clone().lt(lit(to)));
    let df = viewing
        .clone()
        .filter(
            col(segment.dimension.as_str())
                .eq(lit(segment.value.clone()))
                .and(on_fallback.not())
                .and(start_ms.lt(lit(to)))
                .and(end_ms.clone().gt_eq(lit(from))),
        )
        .select([
            len().cast(DataType::Int64).alias("active"),
            failed_there
                .clone()
                .cast(DataType::Int64)
                .sum()
                .alias("failed"),
            end_ms.filter(failed_there).max().alias("last"),
        ])
        .collect()
        .map_err(table_err)?;
    let active = super::first_i64(&df, "active")?.unwrap_or(0) as u64;
    let failed = super::first_i64(&df, "failed")?.unwrap_or(0) as u64;
    let last = super::first_i64(&df, "last")?;
    Ok(match last {
        Some(last_failure) if failed >= MIN_FAILED && 2 * failed >= active => Some(StillFailing {
            active,
            failed,
            last_failure,
        }),
        _ => None,
    })
}

/// `viewer_share` of docs/definitions.md: distinct participants active in the window whose views
/// carry `dimension = value`, over all distinct participants active in the window.
fn viewer_share(window_views: &LazyFrame, dimension: &str, value: &str) -> Result<Option<f64>> {
    let counts = window_views
        .clone()
        .filter(col("participant").is_not_null())
        .select([
            col("participant")
                .n_unique()
                .cast(DataType::Int64)
                .alias("all"),
            col("participant")
                .filter(col(dimension).eq(lit(value.to_string())))
                .n_unique()
                .cast(DataType::Int64)
                .alias("inside"),
        ])
        .collect()
        .map_err(table_err)?;
    let all = super::first_i64(&counts, "all")?.unwrap_or(0);
    let inside = super::first_i64(&counts, "inside")?.unwrap_or(0);
    Ok((all > 0).then(|| inside as f64 / all as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(d: &str, v: &str, active: u64, failed: u64) -> (String, String, u64, u64) {
        (d.into(), v.into(), active, failed)
    }

    #[test]
    fn z_test_by_hand() {
        // 30/100 inside vs 10/900 outside: pooled 40/1000 = 0.04,
        // se = sqrt(0.04 * 0.96 * (1/100 + 1/900)) = 0.020656, z = (0.3 - 0.01111) / se = 13.99.
        let p = two_proportion_p(30, 100, 10, 900);
        assert!(p < 1e-40 && p > 0.0, "{p}");
        // Equal rates: z = 0, p = 0.5.
        assert!((two_proportion_p(10, 100, 10, 100) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn segment_needs_twenty_failures_and_half_of_them() {
        // 100 failures in the window. Orange holds 90 of 300 views: 30%; the rest 10 of 700.
        let rows = vec![
            row("isp", "Orange", 300, 90),
            row("isp", "Free", 700, 10),
            row("device", "phone", 50, 19),
        ];
        let s = pick_segment(&rows, 1000, 100).unwrap();
        assert_eq!((s.dimension.as_str(), s.value.as_str()), ("isp", "Orange"));
        assert!((s.failure_rate - 0.3).abs() < 1e-12);
        assert!((s.failure_rate_elsewhere - 10.0 / 700.0).abs() < 1e-12);
        assert!((s.failure_share - 0.9).abs() < 1e-12 && (s.audience_share - 0.3).abs() < 1e-12);
        assert!((s.lift - 0.3 / (10.0 / 700.0)).abs() < 1e-9);
        // phone has a 38% rate but only 19 failures: not a candidate.
        // With failures spread evenly nothing holds half of them.
        let even = vec![row("isp", "A", 500, 50), row("isp", "B", 500, 50)];
        assert_eq!(pick_segment(&even, 1000, 100).map(|s| s.value), None);
    }

    #[test]
    fn ties_go_to_the_dimension_listed_first() {
        // The same 60 views (all on one ASN, one ISP) failed: identical rates; isp comes first.
        let rows = vec![row("asn", "AS3215", 200, 60), row("isp", "Orange", 200, 60)];
        let s = pick_segment(&rows, 1000, 80).unwrap();
        assert_eq!(s.dimension, "isp");
    }
}
