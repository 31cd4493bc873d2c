//! Onsets and baselines of the impact signals, exactly as docs/definitions.md defines them.
//!
//! - Failed views: per UTC minute, n views active and k failures; baseline p0 = median of k/n
//!   over minutes with n >= 20, floored at 0.01; a minute is anomalous when k >= 3 and
//!   P(X >= k) < 0.001 for X ~ Binomial(n, p0). The onset is the earliest failure instant of
//!   the first anomalous minute. The episode it begins continues through the later minutes
//!   that stay *elevated* (the same test with the median floored at 0.001 instead), elevated
//!   minutes less than 10 minutes apart belonging to one episode: strong evidence to start,
//!   weaker evidence to go on (hysteresis).
//! - Tickets and mentions: baseline = median count per 5-minute epoch-aligned bucket over the
//!   event window, floored at 0.5 per hour; each record opens the window [t, t + 5 min); the
//!   onset is the first record whose window count k has P(X >= k) < 0.001, X ~ Poisson(baseline).
//!
//! These functions take aggregates (minutes, records of one signal), never rows of events.

use statrs::distribution::{Binomial, DiscreteCDF, Poisson};

use crate::timeutil::{floor_to, Millis, MINUTE_MS};

/// Significance level of every onset test.
pub const ALPHA: f64 = 0.001;
/// Minimum views in a minute for it to count in the baseline share.
pub const MIN_ACTIVE_FOR_BASELINE: u64 = 20;
/// Floor of the baseline failure share p0 of the onset test (a typical background playback
/// failure rate: below it, a large audience's joining minutes test as significant).
pub const P0_FLOOR: f64 = 0.01;
/// Floor of the baseline share of the weaker test that keeps an episode going.
pub const ELEVATED_P0_FLOOR: f64 = 0.001;
/// Anomalous minutes closer than this belong to one episode.
pub const EPISODE_GAP_MS: i64 = 10 * MINUTE_MS;
/// Window and bucket of the ticket and mention tests.
pub const RECORD_WINDOW_MS: i64 = 5 * MINUTE_MS;
/// Longest per-minute viewing series: 31 days.
pub const MAX_SERIES_MINUTES: i64 = 31 * 24 * 60;
/// Floor of the ticket and mention baseline, per hour.
pub const RECORD_FLOOR_PER_HOUR: f64 = 0.5;

/// One UTC minute of viewing.
#[derive(Debug, Clone, PartialEq)]
pub struct Minute {
    /// Start of the minute, epoch ms.
    pub minute: Millis,
    /// Views active at some point of the minute.
    pub active: u64,
    /// Failed views whose failure instant falls in the minute.
    pub failed: u64,
    /// Earliest failure instant in the minute.
    pub first_failure: Option<Millis>,
    /// Set by [`mark_anomalous`]: the onset test, p0 floored at [`P0_FLOOR`].
    pub anomalous: bool,
    /// Set by [`mark_anomalous`]: the episode's test, p0 floored at [`ELEVATED_P0_FLOOR`].
    pub elevated: bool,
}

/// Builds the minute series from views started and ended per minute and failures per minute.
/// n(m) = views started at or before m's minute - views ended before m's minute.
pub fn minutes_from_counts(
    starts: &[(Millis, u64)],
    ends: &[(Millis, u64)],
    failures: &[(Millis, u64, Option<Millis>)],
) -> Vec<Minute> {
    let first = starts.iter().map(|s| s.0).min();
    let last = ends.iter().map(|e| e.0).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    // A view ending days after the others (a typed date, a stuck session) must not make the
    // series span weeks: it is cut at MAX_SERIES_MINUTES after the first start.
    let last = last.min(first + (MAX_SERIES_MINUTES - 1) * MINUTE_MS);
    let count = ((last - first) / MINUTE_MS + 1) as usize;
    let mut started = vec![0i64; count];
    let mut ended = vec![0i64; count];
    let mut out: Vec<Minute> = (0..count)
        .map(|i| Minute {
            minute: first + i as i64 * MINUTE_MS,
            active: 0,
            failed: 0,
            first_failure: None,
            anomalous: false,
            elevated: false,
        })
        .collect();
    let idx = |m: Millis| ((m - first) / MINUTE_MS) as usize;
    for &(m, c) in starts {
        if m <= last {
            started[idx(m)] += c as i64;
        }
    }
    for &(m, c) in ends {
        if m <= last {
            ended[idx(m)] += c as i64;
        }
    }
    for &(m, c, f) in failures {
        if m >= first && m <= last {
            out[idx(m)].failed = c;
            out[idx(m)].first_failure = f;
        }
    }
    let (mut open, mut closed_before) = (0i64, 0i64);
    for i in 0..count {
        open += started[i];
        out[i].active = (open - closed_before).max(0) as u64;
        closed_before += ended[i];
    }
    out
}

/// Median of a list of numbers (mean of the middle two on an even count); `None` when empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// The median failure share: median of k/n over the minutes with n >= 20, not floored.
/// `None` when no minute has 20 active views. The onset's p0 is it floored at [`P0_FLOOR`].
pub fn median_share(minutes: &[Minute]) -> Option<f64> {
    let mut shares: Vec<f64> = minutes
        .iter()
        .filter(|m| m.active >= MIN_ACTIVE_FOR_BASELINE)
        .map(|m| m.failed as f64 / m.active as f64)
        .collect();
    median(&mut shares)
}

/// P(X >= k) for X ~ Binomial(n, p).
pub fn binomial_tail(n: u64, p: f64, k: u64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    match Binomial::new(p, n) {
        Ok(b) => b.sf(k - 1),
        Err(_) => 1.0,
    }
}

/// P(X >= k) for X ~ Poisson(lambda).
pub fn poisson_tail(lambda: f64, k: u64) -> f64 {
    if k == 0 {
        return 1.0;
    }
    match Poisson::new(lambda) {
        Ok(p) => p.sf(k - 1),
        Err(_) => 1.0,
    }
}

/// Whether k failures among n active views are too many for a baseline share of `p0`.
fn exceeds(m: &Minute, p0: f64) -> bool {
    m.failed >= 3 && binomial_tail(m.active.max(m.failed), p0, m.failed) < ALPHA
}

/// Marks the anomalous minutes (p0 = `median` floored at [`P0_FLOOR`]) and the elevated ones
/// (`median` floored at [`ELEVATED_P0_FLOOR`]).
pub fn mark_anomalous(minutes: &mut [Minute], median: f64) {
    let (strict, lax) = (median.max(P0_FLOOR), median.max(ELEVATED_P0_FLOOR));
    for m in minutes.iter_mut() {
        m.anomalous = exceeds(m, strict);
        // An anomalous minute is elevated too (the lower floor only lowers the bar); the
        // second test is skipped for it.
        m.elevated = m.anomalous || exceeds(m, lax);
    }
}

/// The failed-view episode: onset (earliest failure of the first anomalous minute) and the end
/// of its last elevated minute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Episode {
    pub onset: Millis,
    pub first_minute: Millis,
    pub end: Millis,
}

/// The first episode, if any: from the first anomalous minute through the elevated minutes
/// that follow less than 10 minutes apart.
pub fn first_episode(minutes: &[Minute]) -> Option<Episode> {
    let start = minutes.iter().position(|m| m.anomalous)?;
    let first = &minutes[start];
    let mut last = first.minute;
    for m in minutes[start + 1..].iter().filter(|m| m.elevated) {
        if m.minute - last >= EPISODE_GAP_MS {
            break;
        }
        last = m.minute;
    }
    Some(Episode {
        onset: first.first_failure.unwrap_or(first.minute),
        first_minute: first.minute,
        end: last + MINUTE_MS,
    })
}

/// Baseline of a record signal: the median count per 5-minute bucket over the window
/// [start, end), floored at 0.5 per hour (0.5/12 per 5 minutes).
pub fn record_baseline(times: &[Millis], start: Millis, end: Millis) -> f64 {
    let floor = RECORD_FLOOR_PER_HOUR * RECORD_WINDOW_MS as f64 / 3_600_000.0;
    let first = floor_to(start, RECORD_WINDOW_MS);
    if end <= first {
        return floor;
    }
    let buckets = ((end - first + RECORD_WINDOW_MS - 1) / RECORD_WINDOW_MS) as usize;
    let mut counts = vec![0f64; buckets];
    for &t in times {
        if t >= first && t < end {
            counts[((t - first) / RECORD_WINDOW_MS) as usize] += 1.0;
        }
    }
    median(&mut counts).unwrap_or(0.0).max(floor)
}

/// The onset of a record signal: the first record (of `sorted` instants) whose window
/// [t, t + 5 min) holds an anomalous count.
pub fn record_onset(sorted: &[Millis], baseline: f64) -> Option<Millis> {
    let mut j = 0;
    for (i, &t) in sorted.iter().enumerate() {
        j = j.max(i);
        while j < sorted.len() && sorted[j] < t + RECORD_WINDOW_MS {
            j += 1;
        }
        let k = (j - i) as u64;
        if poisson_tail(baseline, k) < ALPHA {
            return Some(t);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: i64 = MINUTE_MS;

    #[test]
    fn active_views_per_minute() {
        // Views: [0:10, 2:30], [1:00, 1:20], [3:00, 3:05]. Minute 0: 1 active, minute 1: 2,
        // minute 2: 1 (the first view ends at 2:30, at or after minute 2 begins), minute 3: 1.
        let starts = [(0, 1), (M, 1), (3 * M, 1)];
        let ends = [(M, 1), (2 * M, 1), (3 * M, 1)];
        let mins = minutes_from_counts(&starts, &ends, &[(2 * M, 1, Some(2 * M + 30_000))]);
        let active: Vec<u64> = mins.iter().map(|m| m.active).collect();
        assert_eq!(active, vec![1, 2, 1, 1]);
        assert_eq!(mins[2].failed, 1);
    }

    #[test]
    fn a_view_years_away_does_not_stretch_the_series() {
        // One view ends 60 years after the others start: the series stops after 31 days.
        let starts = [(0, 2)];
        let ends = [(M, 1), (60 * 365 * 24 * 60 * M, 1)];
        let mins = minutes_from_counts(&starts, &ends, &[]);
        assert_eq!(mins.len() as i64, MAX_SERIES_MINUTES);
        assert_eq!((mins[0].active, mins[2].active), (2, 1));
    }

    #[test]
    fn binomial_tail_matches_hand_computation() {
        // n = 2, p = 0.5: P(X >= 1) = 0.75, P(X >= 2) = 0.25.
        assert!((binomial_tail(2, 0.5, 1) - 0.75).abs() < 1e-12);
        assert!((binomial_tail(2, 0.5, 2) - 0.25).abs() < 1e-12);
        assert_eq!(binomial_tail(10, 0.1, 0), 1.0);
    }

    /// A minute of 100 active views with `failed` failures, the first 7 s into it.
    fn minute(at: i64, failed: u64) -> Minute {
        Minute {
            minute: at,
            active: 100,
            failed,
            first_failure: (failed > 0).then_some(at + 7_000),
            anomalous: false,
            elevated: false,
        }
    }

    #[test]
    fn onset_needs_the_one_percent_floor_the_episode_the_tenth() {
        // Median share 0 (all quiet minutes), so p0 = 0.01 for the onset, 0.001 to go on.
        // n = 100, k = 3: P(X >= 3) = 1 - 0.36603 - 0.36973 - 0.18486 = 0.0794 at p = 0.01
        // (not anomalous), but 1 - 0.90479 - 0.09057 - 0.00449 = 1.5e-4 at p = 0.001
        // (elevated). k = 7 at p = 0.01: about 8e-5 (anomalous). k = 2 is neither (k >= 3).
        let mut mins = vec![minute(0, 2), minute(M, 3), minute(2 * M, 7)];
        mark_anomalous(&mut mins, 0.0);
        let flags: Vec<(bool, bool)> = mins.iter().map(|m| (m.anomalous, m.elevated)).collect();
        assert_eq!(flags, vec![(false, false), (false, true), (true, true)]);
        // The elevated minute before the first anomalous one does not start the episode.
        assert_eq!(
            first_episode(&mins).unwrap(),
            Episode {
                onset: 2 * M + 7_000,
                first_minute: 2 * M,
                end: 3 * M
            }
        );
        // A high median lifts both floors: at 0.05, 7 of 100 is ordinary.
        mark_anomalous(&mut mins, 0.05);
        assert!(mins.iter().all(|m| !m.anomalous && !m.elevated));
    }

    #[test]
    fn the_episode_goes_on_through_elevated_minutes() {
        // Anomalous at 1; elevated (3 of 100) at 5 and 14 (9 minutes apart: one episode), then
        // at 30 (16 minutes later: the episode has ended at the end of minute 14).
        let mut mins: Vec<Minute> = (0..40).map(|i| minute(i * M, 0)).collect();
        mins[1].failed = 9;
        mins[1].first_failure = Some(M + 7_000);
        for i in [5, 14, 30] {
            mins[i] = minute(i as i64 * M, 3);
        }
        mark_anomalous(&mut mins, 0.0);
        assert!(mins[1].anomalous && !mins[5].anomalous && mins[5].elevated);
        let e = first_episode(&mins).unwrap();
        assert_eq!((e.onset, e.first_minute, e.end), (M + 7_000, M, 15 * M));
    }

    #[test]
    fn median_share_counts_minutes_with_twenty_views() {
        let m = |active, failed| Minute {
            minute: 0,
            active,
            failed,
            first_failure: None,
            anomalous: false,
            elevated: false,
        };
        // Shares 0/50, 1/50, 10/20 (0.5) and a minute with 10 views, excluded: median 0.02.
        assert_eq!(
            median_share(&[m(50, 0), m(50, 1), m(20, 10), m(10, 9)]),
            Some(0.02)
        );
        assert_eq!(median_share(&[m(50, 0), m(40, 0)]), Some(0.0));
        assert_eq!(median_share(&[m(10, 0)]), None);
    }

    #[test]
    fn episodes_split_on_ten_minute_gaps() {
        let a = |minute| Minute {
            minute,
            active: 100,
            failed: 50,
            first_failure: Some(minute + 1),
            anomalous: true,
            elevated: true,
        };
        let q = |minute| Minute {
            minute,
            active: 100,
            failed: 0,
            first_failure: None,
            anomalous: false,
            elevated: false,
        };
        // Anomalous at 0, 9 (9 min apart: same episode), then 19 (10 min apart: a new one).
        let mins = vec![a(0), q(M), a(9 * M), q(10 * M), a(19 * M)];
        let e = first_episode(&mins).unwrap();
        assert_eq!((e.onset, e.end), (1, 10 * M));
    }

    #[test]
    fn two_records_within_five_minutes_are_anomalous_one_is_not() {
        // docs/definitions.md: with the floor (0.5/h, 1/24 per 5 min), P(X >= 2) ≈ 8.5e-4 < 0.001
        // and P(X >= 1) ≈ 0.041.
        let floor = record_baseline(&[], 0, 3_600_000);
        assert!((floor - 0.5 / 12.0).abs() < 1e-12);
        assert_eq!(record_onset(&[100_000], floor), None);
        // Two records 6 minutes apart: each window holds one. Then two 4 minutes apart.
        let t = [0, 6 * M, 20 * M, 24 * M];
        assert_eq!(record_onset(&t, floor), Some(20 * M));
    }

    #[test]
    fn busy_baseline_needs_more_records() {
        // 12 buckets over an hour, each with 2 records: median 2. A window of 4 is not
        // anomalous (P(X>=4) ≈ 0.143); 9 records in 5 minutes are (P(X>=9) ≈ 2.4e-4).
        let mut times: Vec<i64> = (0..12).flat_map(|b| [b * 5 * M, b * 5 * M + M]).collect();
        let base = record_baseline(&times, 0, 60 * M);
        assert_eq!(base, 2.0);
        assert_eq!(record_onset(&times, base), None);
        times.extend((0..9).map(|i| 70 * M + i * 1000));
        times.sort();
        assert_eq!(record_onset(&times, base), Some(70 * M));
    }
}
