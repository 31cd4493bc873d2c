//! `--compare PREV`: this edition's headline figures against a previous edition's
//! metrics.json (metrics.md, `comparison`). Both sides are read from the contract itself, by
//! path, so any two `debrief.metrics/1` documents compare, whichever version wrote them.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::metrics::SCHEMA;
use crate::error::{Error, Result};
use crate::i18n::format::{fmt_decimal, fmt_duration, fmt_int, fmt_percent};
use crate::i18n::Lang;

/// Whether a lower or a higher value of a figure is better.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Better {
    Lower,
    Higher,
}

/// How a figure reads: for the report's wording of values and changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    Seconds,
    Count,
    Share,
    Minutes,
}

/// One headline figure: its path in metrics.json, the catalogue key of its label, its unit
/// and direction.
pub struct Headline {
    pub path: &'static str,
    /// `cmp-time-to-detect`: "Time to detect".
    pub label: &'static str,
    pub unit: Unit,
    pub better: Better,
}

const fn h(path: &'static str, label: &'static str, unit: Unit, better: Better) -> Headline {
    Headline {
        path,
        label,
        unit,
        better,
    }
}

/// The headline figures, in the order the report shows them: the four durations, who was
/// affected, how many the crisis e-mail reached, the support peak and first reply, social,
/// then marketing's (attendance, peak, minutes per attendee, mentions, lost to the incident).
pub const HEADLINES: [Headline; 18] = [
    h(
        "incident.time_to_detect_s",
        "cmp-time-to-detect",
        Unit::Seconds,
        Better::Lower,
    ),
    h(
        "incident.time_to_communicate_s",
        "cmp-time-to-communicate",
        Unit::Seconds,
        Better::Lower,
    ),
    h(
        "incident.time_to_mitigate_s",
        "cmp-time-to-mitigate",
        Unit::Seconds,
        Better::Lower,
    ),
    h(
        "incident.time_to_recover_s",
        "cmp-time-to-recover",
        Unit::Seconds,
        Better::Lower,
    ),
    h(
        "impact.affected_participants",
        "cmp-affected-participants",
        Unit::Count,
        Better::Lower,
    ),
    h(
        "impact.affected_segment.viewer_share",
        "cmp-segment-viewer-share",
        Unit::Share,
        Better::Lower,
    ),
    h(
        "impact.participant_minutes_lost",
        "cmp-participant-minutes-lost",
        Unit::Minutes,
        Better::Lower,
    ),
    h(
        "reach.affected_reached_share",
        "cmp-affected-reached",
        Unit::Share,
        Better::Higher,
    ),
    h(
        "reach.reached_share_of_registered",
        "cmp-registered-reached",
        Unit::Share,
        Better::Higher,
    ),
    h(
        "tickets.peak.count",
        "cmp-tickets-peak",
        Unit::Count,
        Better::Lower,
    ),
    h(
        "tickets.first_reply_median_s",
        "cmp-first-reply-median",
        Unit::Seconds,
        Better::Lower,
    ),
    h(
        "social.incident_related",
        "cmp-incident-mentions",
        Unit::Count,
        Better::Lower,
    ),
    h(
        "social.sentiment.negative",
        "cmp-negative-mentions",
        Unit::Count,
        Better::Lower,
    ),
    h(
        "engagement.attendance_rate",
        "cmp-attendance-rate",
        Unit::Share,
        Better::Higher,
    ),
    h(
        "engagement.peak_concurrent.count",
        "cmp-peak-concurrent",
        Unit::Count,
        Better::Higher,
    ),
    h(
        "engagement.average_minutes_per_attendee",
        "cmp-average-minutes",
        Unit::Minutes,
        Better::Higher,
    ),
    h(
        "engagement.social_all.mentions",
        "cmp-all-mentions",
        Unit::Count,
        Better::Higher,
    ),
    h(
        "engagement.lost_to_incident",
        "cmp-lost-to-incident",
        Unit::Count,
        Better::Lower,
    ),
];

/// The `comparison` key of metrics.json.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonJson {
    pub previous: PreviousJson,
    pub figures: Vec<FigureJson>,
}

/// Which edition is compared against.
#[derive(Debug, Clone, Serialize)]
pub struct PreviousJson {
    pub name: Option<String>,
    pub start: Option<String>,
}

/// One figure, this edition against the previous one. `change` and `verdict` are null when
/// either side is null (the data could not say).
#[derive(Debug, Clone, Serialize)]
pub struct FigureJson {
    pub figure: &'static str,
    pub value: Value,
    pub previous: Value,
    pub change: Value,
    pub verdict: Option<&'static str>,
}

/// Reads a previous edition: a metrics.json file, or an output folder holding one.
pub fn load_previous(path: &Path) -> Result<Value> {
    let file = if path.is_dir() {
        path.join("metrics.json")
    } else {
        path.to_path_buf()
    };
    if !file.is_file() {
        return Err(Error::Usage(format!(
            "--compare {}: no such file (give a previous metrics.json, or the output folder that holds one)",
            path.display()
        )));
    }
    let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
    let doc: Value = serde_json::from_slice(&bytes).map_err(|e| Error::Input {
        path: file.clone(),
        line: Some(e.line() as u64),
        field: None,
        message: format!(
            "not a JSON document ({e}); --compare takes a metrics.json written by debrief"
        ),
    })?;
    match doc.get("schema").and_then(Value::as_str) {
        Some(SCHEMA) => Ok(doc),
        Some(other) => Err(Error::Input {
            path: file,
            line: None,
            field: Some("schema".into()),
            message: format!("'{other}' is not {SCHEMA}: this file cannot be compared"),
        }),
        None => Err(Error::Input {
            path: file,
            line: None,
            field: Some("schema".into()),
            message: format!(
                "missing: this is not a {SCHEMA} document (a metrics.json written by debrief)"
            ),
        }),
    }
}

/// The value at a dotted path, `Value::Null` where any step is absent.
fn at<'a>(doc: &'a Value, path: &str) -> &'a Value {
    path.split('.')
        .try_fold(doc, |v, key| v.get(key))
        .unwrap_or(&Value::Null)
}

/// `now - before`: an integer where both are, else a float rounded to 4 places.
fn change(now: &Value, before: &Value) -> Option<(Value, f64)> {
    if let (Some(a), Some(b)) = (now.as_i64(), before.as_i64()) {
        let d = a.checked_sub(b)?;
        return Some((Value::from(d), d as f64));
    }
    let (a, b) = (now.as_f64()?, before.as_f64()?);
    let d = ((a - b) * 10_000.0).round() / 10_000.0;
    Some((serde_json::Number::from_f64(d).map(Value::Number)?, d))
}

/// Compares this edition's metrics.json (as a JSON value) with the previous one.
pub fn compare(current: &Value, previous: &Value) -> ComparisonJson {
    let text = |v: &Value| v.as_str().map(str::to_string);
    ComparisonJson {
        previous: PreviousJson {
            name: text(at(previous, "event.name")),
            start: text(at(previous, "event.start")),
        },
        figures: HEADLINES
            .iter()
            .map(|hl| {
                let (now, before) = (at(current, hl.path), at(previous, hl.path));
                let (change, verdict) = match change(now, before) {
                    Some((c, d)) => {
                        let verdict = if d == 0.0 {
                            "same"
                        } else if (d < 0.0) == (hl.better == Better::Lower) {
                            "better"
                        } else {
                            "worse"
                        };
                        (c, Some(verdict))
                    }
                    None => (Value::Null, None),
                };
                FigureJson {
                    figure: hl.path,
                    value: now.clone(),
                    previous: before.clone(),
                    change,
                    verdict,
                }
            })
            .collect(),
    }
}

/// One row of the report's comparison table, worded.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRow {
    pub label: String,
    pub value: String,
    pub previous: String,
    pub change: String,
    /// `better`, `worse`, `same`, or `None` where either side is unknown.
    pub verdict: Option<&'static str>,
}

/// The report's comparison section.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonView {
    /// "Semaines sociales 2019 (2019-11-29)".
    pub previous: String,
    pub rows: Vec<ComparisonRow>,
}

/// A figure's value as the report writes it, in `lang`; "n/a" where null.
fn worded(lang: Lang, v: &Value, unit: Unit, signed: bool) -> String {
    let Some(x) = v.as_f64() else {
        return lang.t("cmp-not-available");
    };
    let sign = if signed && x > 0.0 { "+" } else { "" };
    match unit {
        Unit::Seconds => {
            let s = x.round() as i64;
            let body = fmt_duration(lang, s.abs());
            match (signed, s < 0) {
                (true, true) => format!("-{body}"),
                (true, false) if s > 0 => format!("+{body}"),
                _ => body,
            }
        }
        Unit::Count => format!("{sign}{}", fmt_int(lang, x.round() as i64)),
        Unit::Share => {
            if signed {
                let points = format!("{sign}{}", fmt_decimal(lang, x * 100.0, 1));
                lang.t_args("cmp-points", &[("value", points.into())])
            } else {
                fmt_percent(lang, x * 100.0, 1)
            }
        }
        Unit::Minutes => format!("{sign}{}", fmt_decimal(lang, x, 1)),
    }
}

impl ComparisonView {
    /// Words the comparison for the report and runbook.md, in English; [`ComparisonView::in_lang`]
    /// for the report's language.
    pub fn new(c: &ComparisonJson) -> ComparisonView {
        ComparisonView::in_lang(c, Lang::En)
    }

    /// Words the comparison in `lang`: labels, values and changes. The verdicts stay the
    /// contract's words (`better`), which the template translates.
    pub fn in_lang(c: &ComparisonJson, lang: Lang) -> ComparisonView {
        let date = |s: &String| s.get(..10).unwrap_or(s).to_string();
        let previous = match (&c.previous.name, &c.previous.start) {
            (Some(n), Some(s)) => lang.t_args(
                "cmp-previous-name-date",
                &[("name", n.clone().into()), ("date", date(s).into())],
            ),
            (Some(n), None) => n.clone(),
            (None, Some(s)) => lang.t_args("cmp-previous-date", &[("date", date(s).into())]),
            (None, None) => lang.t("cmp-previous-unknown"),
        };
        let rows = c
            .figures
            .iter()
            .zip(HEADLINES.iter())
            .map(|(f, hl)| ComparisonRow {
                label: lang.t(hl.label),
                value: worded(lang, &f.value, hl.unit, false),
                previous: worded(lang, &f.previous, hl.unit, false),
                change: worded(lang, &f.change, hl.unit, true),
                verdict: f.verdict,
            })
            .collect();
        ComparisonView { previous, rows }
    }

    /// The row of a figure path, for the summary cards.
    pub fn row(&self, path: &str) -> Option<&ComparisonRow> {
        HEADLINES
            .iter()
            .position(|h| h.path == path)
            .and_then(|i| self.rows.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lower_durations_are_better_higher_reach_is_better() {
        let now = json!({"incident": {"time_to_recover_s": 2921, "time_to_detect_s": 600},
                         "reach": {"affected_reached_share": 0.9},
                         "impact": {"affected_segment": null}});
        let before = json!({"event": {"name": "2025", "start": "2025-11-28T14:00:00Z"},
                            "incident": {"time_to_recover_s": 3540, "time_to_detect_s": 600},
                            "reach": {"affected_reached_share": 0.95},
                            "impact": {"affected_segment": {"viewer_share": 0.3}}});
        let c = compare(&now, &before);
        assert_eq!(c.previous.name.as_deref(), Some("2025"));
        let fig = |p: &str| c.figures.iter().find(|f| f.figure == p).unwrap();
        let r = fig("incident.time_to_recover_s");
        assert_eq!((r.change.clone(), r.verdict), (json!(-619), Some("better")));
        assert_eq!(fig("incident.time_to_detect_s").verdict, Some("same"));
        let reach = fig("reach.affected_reached_share");
        assert_eq!(
            (reach.change.clone(), reach.verdict),
            (json!(-0.05), Some("worse"))
        );
        // No segment this time: the value is null, so is the change; no verdict.
        let v = fig("impact.affected_segment.viewer_share");
        assert_eq!(
            (v.value.clone(), v.previous.clone()),
            (Value::Null, json!(0.3))
        );
        assert_eq!((v.change.clone(), v.verdict), (Value::Null, None));
        assert_eq!(c.figures.len(), HEADLINES.len());

        // Worded in English, as the report always wrote it, and in French.
        let row = |view: &ComparisonView, p: &str| {
            let r = view.row(p).unwrap();
            (
                r.label.clone(),
                r.value.clone(),
                r.previous.clone(),
                r.change.clone(),
            )
        };
        let s = |x: &str| x.to_string();
        let en = ComparisonView::new(&c);
        assert_eq!(en.previous, "2025 (2025-11-28)");
        assert_eq!(
            row(&en, "incident.time_to_recover_s"),
            (
                s("Time to recover"),
                s("48 min 41 s"),
                s("59 min"),
                s("-10 min 19 s")
            )
        );
        assert_eq!(
            row(&en, "reach.affected_reached_share"),
            (
                s("Affected participants reached by the incident e-mail"),
                s("90.0%"),
                s("95.0%"),
                s("-5.0 pts")
            )
        );
        assert_eq!(row(&en, "impact.affected_segment.viewer_share").1, "n/a");
        let fr = ComparisonView::in_lang(&c, Lang::Fr);
        assert_eq!(
            row(&fr, "incident.time_to_recover_s"),
            (
                s("Délai de rétablissement"),
                s("48\u{a0}min\u{a0}41\u{a0}s"),
                s("59\u{a0}min"),
                s("-10\u{a0}min\u{a0}19\u{a0}s")
            )
        );
        assert_eq!(
            row(&fr, "reach.affected_reached_share"),
            (
                s("Participants touchés atteints par l’e-mail d’incident"),
                s("90,0\u{202F}%"),
                s("95,0\u{202F}%"),
                s("-5,0 pts")
            )
        );
        assert_eq!(row(&fr, "impact.affected_segment.viewer_share").1, "n. d.");
    }
}
