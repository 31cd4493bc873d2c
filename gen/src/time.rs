//! Instants of the event day and how each vendor writes them. Internally every instant is a
//! UTC unix time (seconds, or milliseconds where Mux needs them); the formatters here turn them
//! into each export's text. UTC formatting is done by hand (fast, and the same everywhere);
//! Europe/Paris local times (ops log, Billetweb, chat transcripts) go through chrono-tz.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Paris;
use std::fmt::Write as _;

/// 2020-11-27T00:00:00Z, the start of the event day, in unix seconds.
pub const DAY0: i64 = 1_606_435_200;

/// Unix seconds of hh:mm:ss UTC on the event day.
pub const fn at(h: i64, m: i64, s: i64) -> i64 {
    DAY0 + h * 3600 + m * 60 + s
}

/// Milliseconds since DAY0 of hh:mm:ss UTC on the event day (Mux views are kept this way).
pub const fn day_ms(h: i64, m: i64, s: i64) -> i64 {
    (h * 3600 + m * 60 + s) * 1000
}

/// Proleptic Gregorian (year, month, day) of a day count since 1970-01-01 (H. Hinnant).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Appends `YYYY-MM-DDTHH:MM:SS` (UTC) for unix seconds.
fn push_date_time(buf: &mut String, unix: i64) {
    let (y, mo, d) = civil(unix.div_euclid(86_400));
    let sod = unix.rem_euclid(86_400);
    // Writing to a String cannot fail.
    let _ = write!(
        buf,
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}",
        sod / 3600,
        sod / 60 % 60,
        sod % 60
    );
}

/// `2020-11-27T14:21:09Z` (Zendesk, planted values).
pub fn utc_s(unix: i64) -> String {
    let mut s = String::with_capacity(20);
    push_date_time(&mut s, unix);
    s.push('Z');
    s
}

/// Appends `2020-11-27T14:02:13.412Z` for unix milliseconds (Mux, X with `.000`).
pub fn push_utc_ms(buf: &mut String, unix_ms: i64) {
    push_date_time(buf, unix_ms.div_euclid(1000));
    let _ = write!(buf, ".{:03}Z", unix_ms.rem_euclid(1000));
}

/// `2020-11-27T14:02:13.412Z` for unix milliseconds.
#[cfg(test)]
pub fn utc_ms(unix_ms: i64) -> String {
    let mut s = String::with_capacity(24);
    push_utc_ms(&mut s, unix_ms);
    s
}

/// Europe/Paris wall-clock text for unix seconds, with a chrono format string.
pub fn paris(unix: i64, fmt: &str) -> Result<String, String> {
    let t = chrono::DateTime::from_timestamp(unix, 0)
        .ok_or_else(|| format!("instant {unix} is out of range"))?;
    Ok(t.with_timezone(&Paris).format(fmt).to_string())
}

/// Unix seconds of a Europe/Paris wall-clock time.
pub fn paris_to_unix(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Result<i64, String> {
    let naive = NaiveDate::from_ymd_opt(y, mo, d)
        .and_then(|date| date.and_hms_opt(h, mi, 0))
        .ok_or_else(|| format!("invalid local time {y}-{mo}-{d} {h}:{mi}"))?;
    Paris
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.timestamp())
        .ok_or_else(|| format!("ambiguous or missing local time {naive} in Europe/Paris"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_the_event_day() {
        assert_eq!(utc_s(at(14, 21, 9)), "2020-11-27T14:21:09Z");
        assert_eq!(
            utc_ms(at(14, 2, 13) * 1000 + 412),
            "2020-11-27T14:02:13.412Z"
        );
        assert_eq!(utc_s(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_s(951_782_400), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn paris_is_utc_plus_one_that_day() {
        assert_eq!(paris_to_unix(2020, 11, 27, 15, 24), Ok(at(14, 24, 0)));
        assert_eq!(
            paris(at(14, 24, 0), "%Y-%m-%d %H:%M").as_deref(),
            Ok("2020-11-27 15:24")
        );
    }
}
