//! `debrief.toml`: read once, validated once. Zones, durations and instants are parsed here so
//! that nothing downstream handles config text. Every key is optional (metrics.md, "Config").

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;
use serde::Deserialize;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::timeutil::{self, Millis};

/// The file as written by the user.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    event: RawEvent,
    #[serde(default)]
    incident: IncidentConfig,
    #[serde(default)]
    org: OrgConfig,
    #[serde(default)]
    targets: BTreeMap<String, String>,
    #[serde(default)]
    report: RawReport,
    #[serde(default)]
    privacy: PrivacyConfig,
    #[serde(default)]
    web: WebConfig,
    #[serde(default)]
    sources: Vec<SourceConfig>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    name: Option<String>,
    timezone: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    bucket: Option<String>,
    language: Option<String>,
}

/// `[incident]`: what makes a record incident-related.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentConfig {
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub ticket_tags: Vec<String>,
    /// `None` when absent: the automatic campaign rule applies.
    pub email_campaigns: Option<Vec<String>>,
    #[serde(default)]
    pub backup_urls: Vec<String>,
    #[serde(default)]
    pub fallback_platforms: Vec<String>,
}

/// `[org]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgConfig {
    #[serde(default)]
    pub social_handles: Vec<String>,
}

/// `[privacy]`.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    #[serde(default)]
    pub salt: String,
    /// Name the authors of posts by non-organisation accounts (default: pseudonyms).
    #[serde(default)]
    pub show_authors: bool,
}

/// `[web]`: the organisation's website, as its request logs (Cloudflare) show it.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebConfig {
    /// Site pages that carried the backup link, besides `[incident].backup_urls`: a request
    /// whose path contains one of them (letter case ignored) counts in `engagement.web`.
    #[serde(default)]
    pub pages: Vec<String>,
}

/// One `[[sources]]` entry: forces a file's format, zone or column mapping.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub path: PathBuf,
    pub format: Option<String>,
    pub timezone: Option<String>,
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where it was read from, if from a file.
    pub path: Option<PathBuf>,
    pub event_name: String,
    pub zone: Tz,
    /// Whether `[event].timezone` was written; without it `zone` is UTC by default, and every
    /// zone-less time is read as UTC (a guess the report says it made).
    pub zone_given: bool,
    pub event_start: Option<Millis>,
    pub event_end: Option<Millis>,
    pub incident: IncidentConfig,
    pub org: OrgConfig,
    /// Metric name (`time_to_detect_s`) to target seconds, in the order of the file's keys (sorted).
    pub targets: Vec<(String, i64)>,
    pub bucket_s: i64,
    /// `[report] language` (or `--lang`): the language of the findings' texts, runbook.md and
    /// the report. metrics.json's keys and ids stay English.
    pub language: Lang,
    pub salt: String,
    /// `[privacy] show_authors`: keep the names of non-organisation authors in every output
    /// instead of `author N` pseudonyms.
    pub show_authors: bool,
    pub web: WebConfig,
    pub sources: Vec<SourceConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            event_name: "Untitled event".into(),
            zone: chrono_tz::UTC,
            zone_given: false,
            event_start: None,
            event_end: None,
            incident: IncidentConfig::default(),
            org: OrgConfig::default(),
            targets: Vec::new(),
            bucket_s: 300,
            language: Lang::default(),
            salt: String::new(),
            show_authors: false,
            web: WebConfig::default(),
            sources: Vec::new(),
        }
    }
}

/// The target keys the config accepts, each naming a duration of metrics.md.
const TARGET_KEYS: [&str; 4] = [
    "time_to_detect",
    "time_to_communicate",
    "time_to_mitigate",
    "time_to_recover",
];

impl Config {
    /// Reads `path`. Errors name the file and the key.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::parse(&text, Some(path))
    }

    /// Parses config text; `path` is used in messages.
    pub fn parse(text: &str, path: Option<&Path>) -> Result<Config> {
        let where_ = path
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("debrief.toml"));
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| Error::input(&where_, e.to_string()))?;
        let bad = |field: &str, msg: String| Error::Input {
            path: where_.clone(),
            line: None,
            field: Some(field.to_string()),
            message: msg,
        };
        let zone: Tz = match &raw.event.timezone {
            Some(z) => z
                .parse()
                .map_err(|_| bad("event.timezone", format!("unknown IANA time zone '{z}'")))?,
            None => chrono_tz::UTC,
        };
        let instant = |field: &str, v: &Option<String>| -> Result<Option<Millis>> {
            v.as_deref()
                .map(|s| timeutil::parse_instant(s, zone).map_err(|m| bad(field, m.to_string())))
                .transpose()
        };
        let event_start = instant("event.start", &raw.event.start)?;
        let event_end = instant("event.end", &raw.event.end)?;
        if let (Some(s), Some(e)) = (event_start, event_end) {
            if e <= s {
                return Err(bad("event.end", "the event ends before it starts".into()));
            }
        }
        let mut targets = Vec::new();
        for (k, v) in &raw.targets {
            if !TARGET_KEYS.contains(&k.as_str()) {
                return Err(bad(
                    &format!("targets.{k}"),
                    format!("unknown target; known targets: {}", TARGET_KEYS.join(", ")),
                ));
            }
            let s = timeutil::parse_duration_s(v)
                .map_err(|m| bad(&format!("targets.{k}"), m.to_string()))?;
            targets.push((format!("{k}_s"), s));
        }
        let bucket_s = match &raw.report.bucket {
            Some(b) => {
                timeutil::parse_duration_s(b).map_err(|m| bad("report.bucket", m.to_string()))?
            }
            None => 300,
        };
        if bucket_s <= 0 || 86_400 % bucket_s != 0 {
            return Err(bad(
                "report.bucket",
                format!("{bucket_s} s does not divide a day evenly"),
            ));
        }
        let language = match &raw.report.language {
            Some(l) => l.parse().map_err(|m| bad("report.language", m))?,
            None => Lang::default(),
        };
        for s in &raw.sources {
            if let Some(z) = &s.timezone {
                z.parse::<Tz>().map_err(|_| {
                    bad("sources.timezone", format!("unknown IANA time zone '{z}'"))
                })?;
            }
        }
        Ok(Config {
            path: path.map(Path::to_path_buf),
            event_name: raw.event.name.unwrap_or_else(|| "Untitled event".into()),
            zone,
            zone_given: raw.event.timezone.is_some(),
            event_start,
            event_end,
            incident: raw.incident,
            org: raw.org,
            targets,
            bucket_s,
            language,
            salt: raw.privacy.salt,
            show_authors: raw.privacy.show_authors,
            web: raw.web,
            sources: raw.sources,
        })
    }

    /// The organisation's handles, lower-cased, without a leading `@`.
    pub fn own_handles(&self) -> Vec<String> {
        self.org
            .social_handles
            .iter()
            .map(|h| h.trim_start_matches('@').to_lowercase())
            .collect()
    }

    /// The `[[sources]]` entry for a file, matched on its path relative to the input folder.
    pub fn source_for(&self, relative: &Path) -> Option<&SourceConfig> {
        self.sources.iter().find(|s| s.path == relative)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let c = Config::parse(
            r#"
[event]
name = "X"
timezone = "Europe/Paris"
start = "2020-11-27T14:30"
end = "2020-11-27T19:00"
[targets]
time_to_detect = "10m"
[report]
bucket = "5m"
"#,
            None,
        )
        .unwrap();
        assert_eq!(
            timeutil::fmt_utc(c.event_start.unwrap()),
            "2020-11-27T13:30:00Z"
        );
        assert_eq!(c.targets, vec![("time_to_detect_s".to_string(), 600)]);
        assert_eq!(c.bucket_s, 300);
        assert!(c.incident.email_campaigns.is_none());
    }

    #[test]
    fn errors_name_the_key() {
        let e = Config::parse("[event]\ntimezone = \"Mars/Olympus\"\n", None).unwrap_err();
        assert!(e.to_string().contains("event.timezone"), "{e}");
        let e = Config::parse("[targets]\ntime_to_detect = \"ten\"\n", None).unwrap_err();
        assert!(e.to_string().contains("targets.time_to_detect"), "{e}");
        let e = Config::parse("[evnt]\nname = \"x\"\n", None).unwrap_err();
        assert!(e.to_string().contains("evnt"), "{e}");
        let e = Config::parse("[web]\npage = [\"/live\"]\n", None).unwrap_err();
        assert!(e.to_string().contains("page"), "{e}");
    }

    #[test]
    fn the_language_is_read_and_an_unknown_one_names_those_available() {
        assert_eq!(Config::default().language, Lang::En);
        let c = Config::parse("[report]\nlanguage = \"fr\"\n", None).unwrap();
        assert_eq!(c.language, Lang::Fr);
        let e = Config::parse("[report]\nlanguage = \"de\"\n", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("report.language"), "{e}");
        assert!(e.contains("'de'") && e.contains("en, fr"), "{e}");
    }

    #[test]
    fn web_pages_are_read() {
        let c = Config::parse("[web]\npages = [\"/live-secours\", \"/Direct\"]\n", None).unwrap();
        assert_eq!(c.web.pages, vec!["/live-secours", "/Direct"]);
        assert!(Config::default().web.pages.is_empty());
    }
}
