//! How the report's section builders put things into words in the report's language: the
//! catalogue's messages, and numbers, percentages, durations and clock times by the
//! language's conventions ([`crate::i18n::format`]), in the event's zone.

use chrono_tz::Tz;

use crate::config::Config;
use crate::i18n::{format, Arg, Lang};
use crate::timeutil::Millis;

/// The report's language and the event's zone.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub l: Lang,
    pub z: Tz,
}

impl Words {
    pub fn new(config: &Config) -> Words {
        Words {
            l: super::model::lang(config),
            z: config.zone,
        }
    }

    /// The message `key`.
    pub fn t(&self, key: &str) -> String {
        self.l.t(key)
    }

    /// The message `key` with its arguments.
    pub fn ta(&self, key: &str, args: &[(&str, Arg)]) -> String {
        self.l.t_args(key, args)
    }

    /// The local time of day to the minute: `15:12`, `15 h 12`.
    pub fn hm(&self, at: Millis) -> String {
        format::fmt_clock(self.l, at, self.z)
    }

    /// The local time of day to the second: `15:12:01`, `15 h 12 min 01 s`.
    pub fn hms(&self, at: Millis) -> String {
        format::fmt_clock_seconds(self.l, at, self.z)
    }

    /// A duration in seconds: `11 min 58 s`.
    pub fn dur(&self, seconds: i64) -> String {
        format::fmt_duration(self.l, seconds)
    }

    /// A whole number: `1962`, `1 962`.
    pub fn int(&self, n: u64) -> String {
        format::fmt_int(self.l, n as i64)
    }

    /// A number with `places` decimals: `20272.3`, `20 272,3`.
    pub fn dec(&self, x: f64, places: usize) -> String {
        format::fmt_decimal(self.l, x, places)
    }

    /// `part` of `whole` as a percentage with one decimal (`97.8%`, `97,8 %`); None when
    /// `whole` is 0.
    pub fn pct(&self, part: u64, whole: u64) -> Option<String> {
        (whole > 0).then(|| format::fmt_percent(self.l, part as f64 * 100.0 / whole as f64, 1))
    }

    /// A share (0 to 1) as a percentage with `places` decimals.
    pub fn share(&self, share: f64, places: usize) -> String {
        format::fmt_percent(self.l, share * 100.0, places)
    }
}
