//! Instants, zones and durations. Everything inside debrief is a UTC instant in epoch
//! milliseconds; this module turns the many ways exports write time into that, and back into
//! RFC 3339 `Z` strings (second precision) for the outputs.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// UTC epoch milliseconds.
pub type Millis = i64;

/// Minute length in milliseconds.
pub const MINUTE_MS: i64 = 60_000;

/// Parses an instant. Text with an offset or `Z` is read as written; text without one is
/// local time in `zone`. A local time that does not exist (spring-forward gap) or is ambiguous
/// (autumn fall-back) in `zone` is an error, never a guess.
///
/// Accepted shapes: RFC 3339 (`2020-11-27T14:02:13.412Z`, `2020-11-27T15:02:13+01:00`),
/// `YYYY-MM-DD HH:MM[:SS[.fff]]` with `T` or space, with or without offset.
/// Day-first dates (`27/11/2020`) are rejected: they cannot be told from month-first.
pub fn parse_instant(text: &str, zone: Tz) -> Result<Millis, String> {
    parse_any_instant(text, zone).and_then(|ms| in_range(ms, text))
}

/// First instant accepted: 2000-01-01T00:00:00Z.
pub const EARLIEST: Millis = 946_684_800_000;
/// First instant refused: 2100-01-01T00:00:00Z.
pub const LATEST: Millis = 4_102_444_800_000;

/// Refuses instants outside the years 2000-2099: in an export they are typos (2920 for
/// 2020) or epoch mix-ups, and analysing them would span centuries.
pub fn in_range(ms: Millis, text: &str) -> Result<Millis, String> {
    if (EARLIEST..LATEST).contains(&ms) {
        Ok(ms)
    } else {
        Err(format!("'{}' is outside the years 2000-2099", text.trim()))
    }
}

fn parse_any_instant(text: &str, zone: Tz) -> Result<Millis, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty".into());
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok(dt.timestamp_millis());
    }
    // Offsets written with a space separator, or without seconds.
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M%:z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return Ok(dt.timestamp_millis());
        }
    }
    let naive = t
        .strip_suffix(" UTC")
        .map(|s| (s, true))
        .unwrap_or((t, false));
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(ndt) = NaiveDateTime::parse_from_str(naive.0, fmt) {
            if naive.1 {
                return Ok(ndt.and_utc().timestamp_millis());
            }
            return local_to_utc(ndt, zone);
        }
    }
    Err(format!("not a date: '{t}'"))
}

/// A local wall-clock time in `zone` to a UTC instant, refusing gaps and overlaps.
pub fn local_to_utc(ndt: NaiveDateTime, zone: Tz) -> Result<Millis, String> {
    match zone.from_local_datetime(&ndt) {
        LocalResult::Single(dt) => in_range(dt.timestamp_millis(), &ndt.to_string()),
        LocalResult::None => Err(format!(
            "local time {ndt} does not exist in {zone} (clocks jumped forward); write it with an offset"
        )),
        LocalResult::Ambiguous(a, b) => Err(format!(
            "local time {ndt} is ambiguous in {zone} (it happened at {} and at {}); write it with an offset",
            a.format("%:z"),
            b.format("%:z")
        )),
    }
}

/// Unix seconds (integer or fractional) to milliseconds.
pub fn from_unix_seconds(s: f64) -> Millis {
    (s * 1000.0).round() as Millis
}

/// RFC 3339 UTC with `Z`, second precision: the form of every instant in metrics.json.
pub fn fmt_utc(ms: Millis) -> String {
    match Utc.timestamp_millis_opt(ms) {
        LocalResult::Single(dt) => dt.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        _ => format!("invalid instant {ms}"),
    }
}

/// Local wall-clock time in `zone`, `YYYY-MM-DD HH:MM:SS`, for the report.
pub fn fmt_local(ms: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(ms) {
        LocalResult::Single(dt) => dt
            .with_timezone(&zone)
            .format("%Y-%m-%d %H:%M:%S")
            .to_string(),
        _ => format!("invalid instant {ms}"),
    }
}

/// Local wall-clock time with its UTC offset, `YYYY-MM-DD HH:MM:SS +01:00`: unambiguous on
/// the night clocks go back (timeline.csv).
pub fn fmt_local_offset(ms: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(ms) {
        LocalResult::Single(dt) => dt
            .with_timezone(&zone)
            .format("%Y-%m-%d %H:%M:%S %:z")
            .to_string(),
        _ => format!("invalid instant {ms}"),
    }
}

/// Local `HH:MM` in `zone`, for chart labels and compact tables.
pub fn fmt_local_hm(ms: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(ms) {
        LocalResult::Single(dt) => dt.with_timezone(&zone).format("%H:%M").to_string(),
        _ => String::new(),
    }
}

/// Parses a duration like `10m`, `90s`, `1h30m`, `2h` into seconds.
pub fn parse_duration_s(text: &str) -> Result<i64, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("empty duration".into());
    }
    let mut total = 0i64;
    let mut num = String::new();
    let mut saw_unit = false;
    for c in t.chars() {
        if c.is_ascii_digit() {
            num.push(c);
            continue;
        }
        let factor = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            ' ' => continue,
            _ => {
                return Err(format!(
                    "not a duration: '{t}' (use forms like 10m, 90s, 1h30m)"
                ))
            }
        };
        let n: i64 = num
            .parse()
            .map_err(|_| format!("not a duration: '{t}' (use forms like 10m, 90s, 1h30m)"))?;
        total = n
            .checked_mul(factor)
            .and_then(|x| total.checked_add(x))
            .ok_or_else(|| format!("not a duration: '{t}' (too large)"))?;
        num.clear();
        saw_unit = true;
    }
    if !num.is_empty() || !saw_unit {
        return Err(format!(
            "not a duration: '{t}' (a unit h, m or s is required, e.g. 10m)"
        ));
    }
    Ok(total)
}

/// Human form of a duration in seconds: `7 min`, `1 h 05 min`, `45 s`.
pub fn fmt_duration(s: i64) -> String {
    let sign = if s < 0 { "-" } else { "" };
    let a = s.abs();
    if a < 60 {
        format!("{sign}{a} s")
    } else if a < 3600 {
        let (m, r) = (a / 60, a % 60);
        if r == 0 {
            format!("{sign}{m} min")
        } else {
            format!("{sign}{m} min {r:02} s")
        }
    } else {
        format!("{sign}{} h {:02} min", a / 3600, (a % 3600) / 60)
    }
}

/// Floor of an instant to a bucket aligned to the UTC epoch.
pub fn floor_to(ms: Millis, bucket_ms: i64) -> Millis {
    ms.div_euclid(bucket_ms) * bucket_ms
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    #[test]
    fn local_time_in_event_zone_winter() {
        // 15:24 in Paris on 27 Nov 2020 is UTC+1: 14:24Z.
        let ms = parse_instant("2020-11-27 15:24", PARIS).unwrap();
        assert_eq!(fmt_utc(ms), "2020-11-27T14:24:00Z");
    }

    #[test]
    fn offset_wins_over_zone() {
        let ms = parse_instant("2020-11-27T15:24:00+02:00", PARIS).unwrap();
        assert_eq!(fmt_utc(ms), "2020-11-27T13:24:00Z");
        let ms = parse_instant("2020-11-27T14:02:13.412Z", PARIS).unwrap();
        assert_eq!(ms % 1000, 412);
    }

    #[test]
    fn dst_change_day_autumn() {
        // 25 Oct 2020: Paris falls back from 03:00 CEST to 02:00 CET.
        // 01:30 is CEST (UTC+2): 23:30Z the day before. 03:30 is CET (UTC+1): 02:30Z.
        assert_eq!(
            fmt_utc(parse_instant("2020-10-25 01:30", PARIS).unwrap()),
            "2020-10-24T23:30:00Z"
        );
        assert_eq!(
            fmt_utc(parse_instant("2020-10-25 03:30", PARIS).unwrap()),
            "2020-10-25T02:30:00Z"
        );
        // 02:30 happened twice: refuse to guess.
        let err = parse_instant("2020-10-25 02:30", PARIS).unwrap_err();
        assert!(err.contains("ambiguous"), "{err}");
    }

    #[test]
    fn dst_change_day_spring() {
        // 29 Mar 2020: Paris jumps from 02:00 CET to 03:00 CEST; 02:30 never happened.
        let err = parse_instant("2020-03-29 02:30", PARIS).unwrap_err();
        assert!(err.contains("does not exist"), "{err}");
        assert_eq!(
            fmt_utc(parse_instant("2020-03-29 03:30", PARIS).unwrap()),
            "2020-03-29T01:30:00Z"
        );
    }

    #[test]
    fn instants_outside_2000_2099_are_refused() {
        assert!(parse_instant("2920-11-27T14:00:00Z", PARIS)
            .unwrap_err()
            .contains("outside the years 2000-2099"));
        assert!(parse_instant("1970-01-01 00:00", PARIS).is_err());
    }

    #[test]
    fn day_first_dates_are_rejected() {
        assert!(parse_instant("27/11/2020 15:24", PARIS).is_err());
        assert!(parse_instant("08-04-2023 20:52", PARIS).is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration_s("10m"), Ok(600));
        assert_eq!(parse_duration_s("1h30m"), Ok(5400));
        assert_eq!(parse_duration_s("90s"), Ok(90));
        assert!(parse_duration_s("10").is_err());
        assert!(parse_duration_s("ten minutes").is_err());
        assert!(parse_duration_s("99999999999999999h")
            .unwrap_err()
            .contains("too large"));
        assert_eq!(fmt_duration(420), "7 min");
        assert_eq!(fmt_duration(3540), "59 min");
        assert_eq!(fmt_duration(3900), "1 h 05 min");
    }
}
