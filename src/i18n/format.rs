//! How each language writes numbers, percentages, durations, clock times and dates: pure
//! functions of a [`Lang`]. The conventions are the catalogue's `fmt-*` messages, so that a
//! new language brings its own with its catalogue.
//!
//! | | `en` (as the report always wrote them) | `fr` |
//! |---|---|---|
//! | [`fmt_int`] | `1962` | `1 962` (U+202F) |
//! | [`fmt_decimal`] | `97.8` | `97,8` |
//! | [`fmt_percent`] | `97.8%` | `97,8 %` (U+202F) |
//! | [`fmt_duration`] | `11 min 58 s`, `1 h 05 min` | `11 min 58 s`, `1 h 05 min` |
//! | [`fmt_clock`] | `15:12`, `09:05` | `15 h 12`, `9 h 05` |
//! | [`fmt_date`] | `2021-03-01` | `1er mars 2021` |
//! | [`fmt_long_date`] | `Friday 27 November 2020` | `vendredi 27 novembre 2020`, `mardi 1er décembre 2020` |

use std::sync::OnceLock;

use chrono::{Datelike, LocalResult, NaiveDate, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use fluent_bundle::FluentValue;
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

use super::Lang;
use crate::timeutil::Millis;

/// The separators of a language, read once from its catalogue.
struct Separators {
    /// Between groups of three digits; empty for none.
    group: String,
    decimal: String,
}

fn separators(lang: Lang) -> &'static Separators {
    static ALL: OnceLock<Vec<Separators>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|l| Separators {
                group: l.t("fmt-group-separator"),
                decimal: l.t("fmt-decimal-separator"),
            })
            .collect()
    });
    &all[lang as usize]
}

/// Groups the digits of a whole number written in ASCII digits.
fn group(digits: &str, sep: &str) -> String {
    if sep.is_empty() || digits.len() <= 3 {
        return digits.to_string();
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * sep.len());
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number: `1962` in English (as always), `1 962` in French.
pub fn fmt_int(lang: Lang, n: i64) -> String {
    let sign = if n < 0 { "-" } else { "" };
    format!(
        "{sign}{}",
        group(&n.unsigned_abs().to_string(), &separators(lang).group)
    )
}

/// A number with `places` decimals: `97.8` in English, `97,8` in French, `20 272,3`.
pub fn fmt_decimal(lang: Lang, x: f64, places: usize) -> String {
    localise(lang, &format!("{x:.places$}"))
}

/// A number Rust wrote (`-1234.5`, `42`), in the language's conventions.
fn localise(lang: Lang, written: &str) -> String {
    let s = separators(lang);
    let (sign, unsigned) = match written.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", written),
    };
    match unsigned.split_once('.') {
        Some((int, frac)) => format!("{sign}{}{}{frac}", group(int, &s.group), s.decimal),
        None => format!("{sign}{}", group(unsigned, &s.group)),
    }
}

/// A percentage given in percent (97.8 for 97.8%), with `places` decimals: `97.8%` in
/// English, `97,8 %` in French.
pub fn fmt_percent(lang: Lang, percent: f64, places: usize) -> String {
    lang.t_args(
        "fmt-percent",
        &[("value", fmt_decimal(lang, percent, places).into())],
    )
}

/// A duration in seconds, to the second under an hour and to the minute above:
/// `45 s`, `7 min`, `11 min 58 s`, `1 h 05 min` (in English, as [`crate::timeutil::fmt_duration`]).
pub fn fmt_duration(lang: Lang, seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let a = seconds.abs();
    let text = |key: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, FluentValue)> =
            args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
        lang.t_args(key, &args)
    };
    let body = if a < 60 {
        text("fmt-duration-s", &[("s", a.to_string())])
    } else if a < 3600 {
        let (m, r) = (a / 60, a % 60);
        if r == 0 {
            text("fmt-duration-min", &[("min", m.to_string())])
        } else {
            text(
                "fmt-duration-min-s",
                &[("min", m.to_string()), ("s", format!("{r:02}"))],
            )
        }
    } else {
        text(
            "fmt-duration-h-min",
            &[
                ("h", fmt_int(lang, a / 3600)),
                ("min", format!("{:02}", (a % 3600) / 60)),
            ],
        )
    };
    format!("{sign}{body}")
}

/// The local time of day of an instant in `zone`, to the minute: `15:12` in English (as
/// [`crate::timeutil::fmt_local_hm`]), `15 h 12` in French. Empty for an instant chrono
/// cannot hold.
pub fn fmt_clock(lang: Lang, at: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(at) {
        LocalResult::Single(dt) => {
            let t = dt.with_timezone(&zone);
            fmt_hm(lang, t.hour(), t.minute())
        }
        _ => String::new(),
    }
}

/// The local time of day of an instant in `zone`, to the second: `15:12:01` in English,
/// `15 h 12 min 01 s` in French. Empty for an instant chrono cannot hold.
pub fn fmt_clock_seconds(lang: Lang, at: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(at) {
        LocalResult::Single(dt) => {
            let t = dt.with_timezone(&zone);
            lang.t_args(
                "fmt-clock-seconds",
                &[
                    ("h", t.hour().to_string().into()),
                    ("hh", format!("{:02}", t.hour()).into()),
                    ("mm", format!("{:02}", t.minute()).into()),
                    ("ss", format!("{:02}", t.second()).into()),
                ],
            )
        }
        _ => String::new(),
    }
}

/// A time of day, `hour` 0-23 and `minute`: `09:05` in English, `9 h 05` in French.
pub fn fmt_hm(lang: Lang, hour: u32, minute: u32) -> String {
    lang.t_args(
        "fmt-clock",
        &[
            ("h", hour.to_string().into()),
            ("hh", format!("{hour:02}").into()),
            ("mm", format!("{minute:02}").into()),
        ],
    )
}

/// A date with its weekday and month in words: `Friday 27 November 2020`, `vendredi 27
/// novembre 2020`.
pub fn fmt_long_date(lang: Lang, date: NaiveDate) -> String {
    let weekday = lang.t_args(
        "fmt-weekday",
        &[("n", date.weekday().number_from_monday().into())],
    );
    let month = lang.t_args("fmt-month", &[("n", date.month().into())]);
    lang.t_args(
        "fmt-long-date",
        &[
            ("weekday", weekday.into()),
            ("day", date.day().into()),
            ("month", month.into()),
            // A year is not a quantity: no thousands separator.
            ("year", date.year().to_string().into()),
        ],
    )
}

/// A date in running text, without its weekday: `2021-03-01` in English (as the report
/// writes it), `1er mars 2021` in French.
pub fn fmt_date(lang: Lang, date: NaiveDate) -> String {
    let month = lang.t_args("fmt-month", &[("n", date.month().into())]);
    lang.t_args(
        "fmt-date",
        &[
            ("iso", date.format("%Y-%m-%d").to_string().into()),
            ("day", date.day().into()),
            ("month", month.into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

/// The local date of an instant in `zone`, as [`fmt_long_date`] writes it. Empty for an
/// instant chrono cannot hold.
pub fn fmt_long_date_at(lang: Lang, at: Millis, zone: Tz) -> String {
    match Utc.timestamp_millis_opt(at) {
        LocalResult::Single(dt) => fmt_long_date(lang, dt.with_timezone(&zone).date_naive()),
        _ => String::new(),
    }
}

/// A catalogue's language, as its bundle's memoizer knows it: how [`fluent_number`] learns
/// which conventions to write a number in.
struct LangOf(Lang);

impl Memoizable for LangOf {
    type Args = ();
    type Error = ();

    fn construct(id: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        id.language.as_str().parse().map(LangOf).map_err(|_| ())
    }
}

/// The bundles' formatter: a number argument of a message is written by its language's
/// conventions (`{ $n } tickets` with 1962 gives `1 962 tickets` in French). Other values
/// are left to Fluent.
pub(super) fn fluent_number(value: &FluentValue, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let lang = intls.with_try_get::<LangOf, _, _>((), |l| l.0).ok()?;
    Some(match n.options.minimum_fraction_digits {
        Some(places) => fmt_decimal(lang, n.value, places),
        None => localise(lang, &n.value.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeutil;

    const NNBSP: char = '\u{202F}';

    #[test]
    fn whole_numbers() {
        assert_eq!(fmt_int(Lang::En, 1962), "1962");
        assert_eq!(fmt_int(Lang::En, 1_234_567), "1234567");
        assert_eq!(fmt_int(Lang::Fr, 1962), "1\u{202F}962");
        assert_eq!(fmt_int(Lang::Fr, 1_234_567), "1\u{202F}234\u{202F}567");
        assert_eq!(fmt_int(Lang::Fr, 999), "999");
        assert_eq!(fmt_int(Lang::Fr, 0), "0");
        assert_eq!(fmt_int(Lang::Fr, -74_444), "-74\u{202F}444");
    }

    #[test]
    fn decimals() {
        assert_eq!(fmt_decimal(Lang::En, 97.8, 1), "97.8");
        assert_eq!(fmt_decimal(Lang::En, 20272.34, 1), "20272.3");
        assert_eq!(fmt_decimal(Lang::Fr, 97.8, 1), "97,8");
        assert_eq!(fmt_decimal(Lang::Fr, 20272.34, 1), "20\u{202F}272,3");
        assert_eq!(fmt_decimal(Lang::Fr, -0.25, 2), "-0,25");
        assert_eq!(fmt_decimal(Lang::Fr, 125.4, 0), "125");
    }

    #[test]
    fn percentages() {
        // English as model.rs writes them today: `{:.1}%`.
        assert_eq!(fmt_percent(Lang::En, 97.8, 1), format!("{:.1}%", 97.8));
        assert_eq!(fmt_percent(Lang::En, 34.4, 0), "34%");
        assert_eq!(fmt_percent(Lang::Fr, 97.8, 1), format!("97,8{NNBSP}%"));
        assert_eq!(fmt_percent(Lang::Fr, 100.0, 0), "100\u{202F}%");
    }

    #[test]
    fn durations() {
        for s in [
            0, 45, 60, 420, 718, 3540, 3599, 3600, 3900, 36_000, 90_061, -125,
        ] {
            assert_eq!(
                fmt_duration(Lang::En, s),
                timeutil::fmt_duration(s),
                "{s} s"
            );
        }
        assert_eq!(fmt_duration(Lang::En, 718), "11 min 58 s");
        assert_eq!(fmt_duration(Lang::Fr, 45), "45\u{a0}s");
        assert_eq!(fmt_duration(Lang::Fr, 420), "7\u{a0}min");
        assert_eq!(fmt_duration(Lang::Fr, 718), "11\u{a0}min\u{a0}58\u{a0}s");
        assert_eq!(fmt_duration(Lang::Fr, 725), "12\u{a0}min\u{a0}05\u{a0}s");
        assert_eq!(fmt_duration(Lang::Fr, 3900), "1\u{a0}h\u{a0}05\u{a0}min");
        assert_eq!(fmt_duration(Lang::Fr, 7200), "2\u{a0}h\u{a0}00\u{a0}min");
        assert_eq!(fmt_duration(Lang::Fr, -125), "-2\u{a0}min\u{a0}05\u{a0}s");
    }

    #[test]
    fn clock_times() {
        let paris: Tz = chrono_tz::Europe::Paris;
        // 2020-11-27T14:12:30Z is 15:12 in Paris; 08:05Z is 09:05.
        let at = timeutil::parse_instant("2020-11-27T14:12:30Z", paris).unwrap();
        let morning = timeutil::parse_instant("2020-11-27T08:05:00Z", paris).unwrap();
        for t in [at, morning] {
            assert_eq!(
                fmt_clock(Lang::En, t, paris),
                timeutil::fmt_local_hm(t, paris)
            );
        }
        assert_eq!(fmt_clock(Lang::En, at, paris), "15:12");
        assert_eq!(fmt_clock(Lang::En, morning, paris), "09:05");
        assert_eq!(fmt_clock(Lang::Fr, at, paris), "15\u{a0}h\u{a0}12");
        assert_eq!(fmt_clock(Lang::Fr, morning, paris), "9\u{a0}h\u{a0}05");
        assert_eq!(fmt_hm(Lang::Fr, 0, 0), "0\u{a0}h\u{a0}00");
    }

    #[test]
    fn long_dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            fmt_long_date(Lang::En, d(2020, 11, 27)),
            "Friday 27 November 2020"
        );
        assert_eq!(
            fmt_long_date(Lang::Fr, d(2020, 11, 27)),
            "vendredi 27 novembre 2020"
        );
        assert_eq!(
            fmt_long_date(Lang::Fr, d(2020, 12, 1)),
            "mardi 1er décembre 2020"
        );
        assert_eq!(
            fmt_long_date(Lang::En, d(2020, 12, 1)),
            "Tuesday 1 December 2020"
        );
        assert_eq!(
            fmt_long_date(Lang::Fr, d(2021, 8, 15)),
            "dimanche 15 août 2021"
        );
        assert_eq!(
            fmt_long_date(Lang::Fr, d(2021, 2, 1)),
            "lundi 1er février 2021"
        );
        // Late on the 27th in UTC is already the 28th in Paris.
        let paris: Tz = chrono_tz::Europe::Paris;
        let late = timeutil::parse_instant("2020-11-27T23:30:00Z", paris).unwrap();
        assert_eq!(
            fmt_long_date_at(Lang::Fr, late, paris),
            "samedi 28 novembre 2020"
        );
    }

    #[test]
    fn dates_in_running_text() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(fmt_date(Lang::En, d(2021, 3, 1)), "2021-03-01");
        assert_eq!(fmt_date(Lang::Fr, d(2021, 3, 1)), "1er mars 2021");
        assert_eq!(fmt_date(Lang::Fr, d(2021, 2, 15)), "15 février 2021");
    }

    #[test]
    fn every_weekday_and_month_has_a_name() {
        for lang in Lang::ALL.iter().copied() {
            let mut seen = std::collections::BTreeSet::new();
            // 2024-01-01 was a Monday; the first of each month.
            for m in 1..=12 {
                seen.insert(lang.t_args("fmt-month", &[("n", m.into())]));
            }
            assert_eq!(seen.len(), 12, "{lang}: {seen:?}");
            let mut days = std::collections::BTreeSet::new();
            for n in 1..=7 {
                days.insert(lang.t_args("fmt-weekday", &[("n", n.into())]));
            }
            assert_eq!(days.len(), 7, "{lang}: {days:?}");
        }
    }

    #[test]
    fn numbers_given_to_messages_follow_the_language() {
        assert_eq!(
            Lang::Fr.t_args("count-tickets", &[("n", 1962.into())]),
            "1\u{202F}962 tickets"
        );
        assert_eq!(
            Lang::En.t_args("count-tickets", &[("n", 1962.into())]),
            "1962 tickets"
        );
    }
}
