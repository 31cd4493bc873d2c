//! Instants, zones and durations. Everything inside debrief is a UTC instant in epoch
//! milliseconds; this module turns the many ways exports write time into that, and back into
//! RFC 3339 `Z` strings (second precision) for the outputs.

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::ingest::Reason;

/// UTC epoch milliseconds.
pub type Millis = i64;

/// Minute length in milliseconds.
pub const MINUTE_MS: i64 = 60_000;

/// Parses an instant, strictly. Text with an offset or `Z` is read as written; text without
/// one is local time in `zone`. A local time that does not exist (spring-forward gap) or
/// happens twice (autumn fall-back) in `zone` is an error: this is for text a user writes to
/// debrief (the config), who can add the offset. Exports are read with [`read_instant`].
///
/// Accepted shapes: RFC 3339 (`2020-11-27T14:02:13.412Z`, `2020-11-27T15:02:13+01:00`),
/// `YYYY-MM-DD HH:MM[:SS[.fff]]` with `T` or space, with or without offset.
/// Day-first dates (`27/11/2020`) are rejected: they cannot be told from month-first.
pub fn parse_instant(text: &str, zone: Tz) -> Result<Millis, Reason> {
    match read_instant(text, zone)? {
        (ms, None) => Ok(ms),
        (_, Some(dst)) => Err(dst.refusal()),
    }
}

/// Parses an instant as [`parse_instant`] does, but reads a local time on a DST change by
/// the rule of docs/definitions.md ("Time zones"): one that happens twice as its first
/// occurrence, one that never happens moved forward by the length of the gap. Such a reading
/// comes back with the instant, for the source's warnings.
pub fn read_instant(text: &str, zone: Tz) -> Result<(Millis, Option<Dst>), Reason> {
    let (ms, dst) = parse_any_instant(text, zone)?;
    Ok((in_range(ms, text)?, dst))
}

/// Unix milliseconds of RFC 3339 UTC text with whole seconds or three fraction digits
/// (`2020-11-27T14:02:13.412Z`, the shape most exports write), in 2000-2099; `None` for any
/// other text. What [`read_instant`] reads such text as, without chrono's general parser
/// (its first step).
pub fn utc_ms_exact(text: &str) -> Option<Millis> {
    let b = text.trim().as_bytes();
    let fraction = match b.len() {
        20 => None,
        24 if b[19] == b'.' => Some(&b[20..23]),
        _ => return None,
    };
    let shape = b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[b.len() - 1] == b'Z';
    if !shape {
        return None;
    }
    let number = |digits: &[u8]| -> Option<i64> {
        digits.iter().try_fold(0i64, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
        })
    };
    let (year, month, day) = (number(&b[0..4])?, number(&b[5..7])?, number(&b[8..10])?);
    let (hour, minute, second) = (
        number(&b[11..13])?,
        number(&b[14..16])?,
        number(&b[17..19])?,
    );
    let milli = match fraction {
        Some(f) => number(f)?,
        None => 0,
    };
    if !(2000..=2099).contains(&year) {
        return None;
    }
    // chrono refuses a date that does not exist and a time of day past 23:59:59.
    let at = chrono::NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32)?
        .and_hms_milli_opt(hour as u32, minute as u32, second as u32, milli as u32)?;
    Some(at.and_utc().timestamp_millis())
}

/// A local time that fell on a DST change, and the instant it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dst {
    /// The local time as written.
    pub local: NaiveDateTime,
    pub zone: Tz,
    /// Whether it happened twice (clocks went back) rather than never (clocks jumped forward).
    pub twice: bool,
    /// The instant it was read as.
    pub read_as: Millis,
}

impl Dst {
    /// How it was read, for the warning: `2020-10-25 02:41:48 happens twice in Europe/Paris;
    /// read as +02:00`, `2020-03-29 02:30:00 never happens in Europe/Paris (the clocks jump
    /// forward); read as 2020-03-29 03:30:00 +02:00`.
    pub fn warning(&self) -> Reason {
        let (local, zone) = (self.local, self.zone);
        if self.twice {
            Reason::new("in-dst-twice")
                .arg("local", local)
                .arg("zone", zone)
                .arg("offset", offset_at(self.read_as, zone))
        } else {
            Reason::new("in-dst-gap")
                .arg("local", local)
                .arg("zone", zone)
                .arg("at", fmt_local_offset(self.read_as, zone))
        }
    }

    /// Why [`parse_instant`] refuses it.
    pub fn refusal(&self) -> Reason {
        let key = if self.twice {
            "in-dst-twice-refused"
        } else {
            "in-dst-gap-refused"
        };
        Reason::new(key)
            .arg("local", self.local)
            .arg("zone", self.zone)
    }
}

/// The UTC offset of `zone` at an instant, `+02:00`.
fn offset_at(ms: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(ms) {
        LocalResult::Single(dt) => dt.with_timezone(&zone).format("%:z").to_string(),
        _ => format!("invalid instant {ms}"),
    }
}

/// First instant accepted: 2000-01-01T00:00:00Z.
pub const EARLIEST: Millis = 946_684_800_000;
/// First instant refused: 2100-01-01T00:00:00Z.
pub const LATEST: Millis = 4_102_444_800_000;

/// Refuses instants outside the years 2000-2099: in an export they are typos (2920 for
/// 2020) or epoch mix-ups, and analysing them would span centuries.
pub fn in_range(ms: Millis, text: &str) -> Result<Millis, Reason> {
    if (EARLIEST..LATEST).contains(&ms) {
        Ok(ms)
    } else {
        Err(Reason::new("in-outside-years").arg("value", text.trim()))
    }
}

fn parse_any_instant(text: &str, zone: Tz) -> Result<(Millis, Option<Dst>), Reason> {
    if let Some(ms) = utc_ms_exact(text) {
        return Ok((ms, None));
    }
    let t = text.trim();
    if t.is_empty() {
        return Err(Reason::new("in-empty"));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        return Ok((dt.timestamp_millis(), None));
    }
    // The common local shape, without chrono's format parser (read the same: see below).
    if let Some(ndt) = plain_local(t) {
        return read_local(ndt, zone);
    }
    // Offsets written with a space separator, or without seconds.
    for fmt in [
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M%:z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(t, fmt) {
            return Ok((dt.timestamp_millis(), None));
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
                return Ok((ndt.and_utc().timestamp_millis(), None));
            }
            return read_local(ndt, zone);
        }
    }
    Err(Reason::new("in-not-a-date").arg("value", t))
}

/// `YYYY-MM-DD HH:MM:SS` (or with `T`), with 1 to 9 fraction digits or none: what the formats
/// `%Y-%m-%d %H:%M:%S%.f` and `%Y-%m-%dT%H:%M:%S%.f` below read, for that text, at a
/// fraction of chrono's cost (it parses the format string on each call: a tenth of reading a
/// million local times). `None` for any other text, an impossible date or a leap second,
/// which the formats then take or refuse.
fn plain_local(t: &str) -> Option<NaiveDateTime> {
    let b = t.as_bytes();
    if b.len() < 19 || !matches!(b[10], b' ' | b'T') {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let seps = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if seps.iter().any(|&(i, c)| b[i] != c) {
        return None;
    }
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', f @ ..] if (1..=9).contains(&f.len()) => {
            digits(20..b.len())? * 10u32.pow(9 - f.len() as u32)
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)?.and_hms_nano_opt(
        digits(11..13)?,
        digits(14..16)?,
        digits(17..19)?,
        nanos,
    )
}

/// A local wall-clock time in `zone` to a UTC instant, by the rule of docs/definitions.md on a DST
/// change (see [`read_instant`]), with the reading where it applied.
pub fn read_local(ndt: NaiveDateTime, zone: Tz) -> Result<(Millis, Option<Dst>), Reason> {
    let dst = |read_as: Millis, twice: bool| Dst {
        local: ndt,
        zone,
        twice,
        read_as,
    };
    let (ms, dst) = match zone.from_local_datetime(&ndt) {
        LocalResult::Single(dt) => (dt.timestamp_millis(), None),
        // Its first occurrence, Python's fold=0.
        LocalResult::Ambiguous(a, b) => {
            let first = a.timestamp_millis().min(b.timestamp_millis());
            (first, Some(dst(first, true)))
        }
        LocalResult::None => {
            let moved = after_gap(ndt, zone)?;
            (moved, Some(dst(moved, false)))
        }
    };
    Ok((in_range(ms, &ndt.to_string())?, dst))
}

/// Longest gap looked for: a day (Samoa skipped 30 December 2011).
const LONGEST_GAP_MINUTES: i64 = 25 * 60;

/// A local time in a spring-forward gap, read with the UTC offset in force before the gap:
/// the same as moving it forward by the gap's length (02:30 in Paris on 29 March 2020 is
/// 03:30 +02:00, 01:30Z).
fn after_gap(ndt: NaiveDateTime, zone: Tz) -> Result<Millis, Reason> {
    let out_of_range = || {
        Reason::new("in-local-time-not-exist")
            .arg("local", ndt)
            .arg("zone", zone)
    };
    // The offset of the last whole minute before it that exists.
    for back in 1..=LONGEST_GAP_MINUTES {
        let earlier = ndt
            .checked_sub_signed(TimeDelta::minutes(back))
            .ok_or_else(out_of_range)?;
        let offset = match zone.from_local_datetime(&earlier) {
            LocalResult::Single(dt) => dt.offset().fix(),
            // The later occurrence's offset is the one in force when the gap opens.
            LocalResult::Ambiguous(a, b) => a.max(b).offset().fix(),
            LocalResult::None => continue,
        };
        let utc = ndt
            .checked_sub_signed(TimeDelta::seconds(offset.local_minus_utc().into()))
            .ok_or_else(out_of_range)?;
        return Ok(utc.and_utc().timestamp_millis());
    }
    Err(out_of_range())
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
pub fn parse_duration_s(text: &str) -> Result<i64, Reason> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Reason::new("in-empty-duration"));
    }
    let not_a = |key| Reason::new(key).arg("value", t);
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
            _ => return Err(not_a("in-not-a-duration")),
        };
        let n: i64 = num.parse().map_err(|_| not_a("in-not-a-duration"))?;
        total = n
            .checked_mul(factor)
            .and_then(|x| total.checked_add(x))
            .ok_or_else(|| not_a("in-duration-too-large"))?;
        num.clear();
        saw_unit = true;
    }
    if !num.is_empty() || !saw_unit {
        return Err(not_a("in-duration-no-unit"));
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

    #[test]
    fn the_exact_shape_reads_as_chrono_reads_it() {
        // Hand-checked: 2020-11-27T14:00:00Z is 1606485600 s.
        assert_eq!(
            utc_ms_exact("2020-11-27T14:00:00.123Z"),
            Some(1_606_485_600_123)
        );
        let texts = [
            "2020-11-27T14:00:00Z",
            " 2020-11-27T14:00:00.123Z ",
            "2000-01-01T00:00:00Z",
            "2099-12-31T23:59:59.999Z",
            "2024-02-29T12:00:00Z",
            "2023-02-29T12:00:00Z",
            "2020-11-27T24:00:00Z",
            "2020-11-27T14:00:60Z",
            "2020-13-01T00:00:00Z",
            "1999-12-31T23:59:59Z",
            "2100-01-01T00:00:00Z",
            "2020-11-27 14:00:00Z",
            "2020-11-27T14:00:00.12Z",
            "2020-11-27T14:00:00+01:00",
            "2020-1a-27T14:00:00Z",
            "2020-11-27T14:00:00.1234Z",
            "2020-11-27t14:00:00z",
            "",
        ];
        let read = texts.iter().filter(|t| utc_ms_exact(t).is_some()).count();
        assert_eq!(read, 5, "the first five only");
        for t in texts {
            let chrono = DateTime::parse_from_rfc3339(t.trim())
                .ok()
                .map(|d| d.timestamp_millis())
                .filter(|ms| (EARLIEST..LATEST).contains(ms));
            // Where it reads a time, chrono reads the same; where it does not (a leap second,
            // another shape), read_instant goes on to chrono's parser.
            if let Some(ms) = utc_ms_exact(t) {
                assert_eq!(Some(ms), chrono, "{t:?}");
            }
            let read = read_instant(t, chrono_tz::Europe::Paris).ok().map(|r| r.0);
            if chrono.is_some() {
                assert_eq!(read, chrono, "{t:?}");
            }
        }
    }

    use super::*;

    const PARIS: Tz = chrono_tz::Europe::Paris;

    #[test]
    fn the_plain_local_shape_reads_as_chrono_reads_it() {
        let chrono = |t: &str| {
            ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
                .iter()
                .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        };
        for t in [
            "2020-11-27 15:24:07",
            "2020-11-27T15:24:07",
            "2020-11-27 15:24:07.5",
            "2020-11-27 15:24:07.123",
            "2020-11-27 15:24:07.123456789",
            "2020-02-29 00:00:00",
        ] {
            assert_eq!(plain_local(t), chrono(t), "{t}");
            assert!(plain_local(t).is_some(), "{t}");
        }
        // Not this shape (the formats decide): impossible dates, leap seconds, other
        // separators, signs, too many fraction digits, a trailing zone.
        for t in [
            "2021-02-29 00:00:00",
            "2020-11-27 24:00:00",
            "2020-12-31 23:59:60",
            "2020/11/27 15:24:07",
            "2020-11-27 15:24:07.",
            "2020-11-27 15:24:07.1234567891",
            "2020-11-27 15:24:07Z",
            "2020-11-27 15:24:07+01:00",
            "2020-11-27 1:24:07",
            "+020-11-27 15:24:07",
            "2020-11-27 15:24",
        ] {
            assert_eq!(plain_local(t), None, "{t}");
        }
    }

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

    /// The instant and the warning of a local time read in `zone`.
    fn read(text: &str, zone: Tz) -> (String, Option<String>) {
        let (ms, dst) = read_instant(text, zone).unwrap();
        (fmt_utc(ms), dst.map(|d| d.warning().to_string()))
    }

    #[test]
    fn dst_change_day_autumn() {
        // 25 Oct 2020: Paris falls back from 03:00 CEST to 02:00 CET (at 01:00Z).
        // 01:30 is CEST (UTC+2): 23:30Z the day before. 03:30 is CET (UTC+1): 02:30Z.
        assert_eq!(
            read("2020-10-25 01:30", PARIS),
            ("2020-10-24T23:30:00Z".into(), None)
        );
        assert_eq!(
            read("2020-10-25 03:30", PARIS),
            ("2020-10-25T02:30:00Z".into(), None)
        );
        // 02:30 happened twice, at 00:30Z (CEST) and at 01:30Z (CET): the first.
        assert_eq!(
            read("2020-10-25 02:41:48", PARIS),
            (
                "2020-10-25T00:41:48Z".into(),
                Some("2020-10-25 02:41:48 happens twice in Europe/Paris; read as +02:00".into())
            )
        );
        // Both ends of the repeated hour: 02:00:00 is the first (00:00Z), 02:59:59 too.
        assert_eq!(read("2020-10-25 02:00:00", PARIS).0, "2020-10-25T00:00:00Z");
        assert_eq!(read("2020-10-25T02:59:59", PARIS).0, "2020-10-25T00:59:59Z");
        // Written with an offset, the second occurrence stays the second, without a warning.
        assert_eq!(
            read("2020-10-25T02:30:00+01:00", PARIS),
            ("2020-10-25T01:30:00Z".into(), None)
        );
        // The config's strict reading refuses to choose.
        let err = parse_instant("2020-10-25 02:30", PARIS)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "local time 2020-10-25 02:30:00 happens twice in Europe/Paris (the clocks go back); write it with an offset"
        );
    }

    #[test]
    fn dst_change_day_spring() {
        // 29 Mar 2020: Paris jumps from 02:00 CET to 03:00 CEST (at 01:00Z); 02:30 never
        // happened. Moved forward by the hour of the gap: 03:30 CEST, 01:30Z, the instant
        // 03:30 itself is.
        assert_eq!(
            read("2020-03-29 02:30", PARIS),
            (
                "2020-03-29T01:30:00Z".into(),
                Some("2020-03-29 02:30:00 never happens in Europe/Paris (the clocks jump forward); read as 2020-03-29 03:30:00 +02:00".into())
            )
        );
        assert_eq!(
            read("2020-03-29 03:30", PARIS),
            ("2020-03-29T01:30:00Z".into(), None)
        );
        assert_eq!(
            read("2020-03-29 01:59:59", PARIS),
            ("2020-03-29T00:59:59Z".into(), None)
        );
        // The first and last instants of the gap: 02:00:00 -> 01:00Z, 02:59:59.5 -> 01:59:59.5Z.
        assert_eq!(read("2020-03-29 02:00:00", PARIS).0, "2020-03-29T01:00:00Z");
        let (ms, _) = read_instant("2020-03-29 02:59:59.5", PARIS).unwrap();
        assert_eq!(ms, 1_585_447_199_500);
        let err = parse_instant("2020-03-29 02:30", PARIS)
            .unwrap_err()
            .to_string();
        assert!(err.contains("does not exist in Europe/Paris"), "{err}");
    }

    #[test]
    fn dst_change_of_half_an_hour() {
        // Lord Howe Island moves by 30 minutes: +10:30 in winter, +11:00 in summer.
        let lord_howe = chrono_tz::Australia::Lord_Howe;
        // 4 Oct 2020: 02:00 LHST jumps to 02:30 LHDT (at 15:30Z on the 3rd); 02:15 is moved
        // forward 30 minutes, to 02:45 +11:00 = 15:45Z.
        assert_eq!(
            read("2020-10-04 02:15", lord_howe),
            (
                "2020-10-03T15:45:00Z".into(),
                Some("2020-10-04 02:15:00 never happens in Australia/Lord_Howe (the clocks jump forward); read as 2020-10-04 02:45:00 +11:00".into())
            )
        );
        // 5 Apr 2020: 02:00 LHDT goes back to 01:30 LHST (at 15:00Z on the 4th); 01:45
        // happened at 14:45Z (+11:00) and at 15:15Z (+10:30): the first.
        assert_eq!(
            read("2020-04-05 01:45", lord_howe),
            (
                "2020-04-04T14:45:00Z".into(),
                Some(
                    "2020-04-05 01:45:00 happens twice in Australia/Lord_Howe; read as +11:00"
                        .into()
                )
            )
        );
    }

    #[test]
    fn a_gap_of_a_whole_day() {
        // Samoa skipped 30 December 2011: 29 Dec 23:59:59 -10:00 was followed by 31 Dec
        // 00:00 +14:00 (10:00Z on the 30th). Noon on the 30th, read with -10:00, is 22:00Z,
        // shown as 31 Dec 12:00 +14:00.
        let apia = chrono_tz::Pacific::Apia;
        assert_eq!(
            read("2011-12-30 12:00", apia),
            (
                "2011-12-30T22:00:00Z".into(),
                Some("2011-12-30 12:00:00 never happens in Pacific/Apia (the clocks jump forward); read as 2011-12-31 12:00:00 +14:00".into())
            )
        );
    }

    #[test]
    fn instants_outside_2000_2099_are_refused() {
        assert!(parse_instant("2920-11-27T14:00:00Z", PARIS)
            .unwrap_err()
            .to_string()
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
            .to_string()
            .contains("too large"));
        assert_eq!(fmt_duration(420), "7 min");
        assert_eq!(fmt_duration(3540), "59 min");
        assert_eq!(fmt_duration(3900), "1 h 05 min");
    }
}
