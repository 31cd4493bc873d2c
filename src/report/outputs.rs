//! Exporters: each output is one function from the model to bytes; writing is one shared
//! atomic step (a temporary file in the output folder, then a rename).

use std::io::Write;
use std::path::Path;

use super::metrics::Metrics;
use super::model::{ReportModel, TimelineEntry};
use crate::error::{Error, Result};
use crate::i18n::format::fmt_date;
use crate::i18n::Lang;
use crate::text::neutralise_formula;

/// metrics.json, pretty-printed, with a final newline.
pub fn metrics_json(m: &Metrics) -> Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(m).map_err(|e| Error::Render {
        what: "metrics.json".into(),
        message: e.to_string(),
    })?;
    out.push(b'\n');
    Ok(out)
}

/// timeline.csv: `at_utc,at_local,source,kind,text,provenance`.
pub fn timeline_csv(entries: &[TimelineEntry]) -> Result<Vec<u8>> {
    let err = |e: csv::Error| Error::Render {
        what: "timeline.csv".into(),
        message: e.to_string(),
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["at_utc", "at_local", "source", "kind", "text", "provenance"])
        .map_err(err)?;
    for e in entries {
        w.write_record([
            e.at_utc.as_str(),
            &e.at_local,
            &e.source,
            &e.kind,
            &neutralise_formula(&e.text),
            &e.provenance,
        ])
        .map_err(err)?;
    }
    w.into_inner().map_err(|e| Error::Render {
        what: "timeline.csv".into(),
        message: e.to_string(),
    })
}

/// Escapes Markdown's active characters in text that came from data.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// runbook.md: findings with their recommendations, then the action items of lessons.md, in
/// `lang` (its headings and fixed text from the catalogue; the findings are already in it).
pub fn runbook_md(model: &ReportModel, lang: Lang) -> Vec<u8> {
    let t = |key: &str, args: &[(&str, crate::i18n::Arg)]| lang.t_args(key, args);
    let mut s = format!(
        "# {}\n\n",
        t("runbook-title", &[("event", md(&model.event_name).into())])
    );
    if let Some(w) = &model.window {
        s.push_str(&t(
            "runbook-window",
            &[
                ("window", w.as_str().into()),
                ("zone", model.timezone.as_str().into()),
            ],
        ));
        s.push_str("\n\n");
    }
    s.push_str(&format!("## {}\n\n", t("runbook-findings", &[])));
    if model.findings.is_empty() {
        s.push_str(&t("runbook-no-findings", &[]));
        s.push('\n');
    }
    for f in &model.findings {
        let severity = t("severity-name", &[("severity", f.severity.name().into())]);
        s.push_str(&format!(
            "- {}\n  - {}\n",
            t(
                "runbook-finding",
                &[
                    ("severity", severity.into()),
                    ("id", f.id.as_str().into()),
                    ("text", md(&f.text).into()),
                ],
            ),
            t(
                "runbook-next-time",
                &[("recommendation", md(&f.recommendation).into())],
            )
        ));
    }
    if let Some(c) = &model.comparison {
        s.push_str(&format!(
            "\n## {}\n\n{}\n|---|---|---|---|---|\n",
            t(
                "runbook-compared-with",
                &[("previous", md(&c.previous).into())]
            ),
            t("runbook-compare-header", &[])
        ));
        for r in &c.rows {
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                r.label,
                r.value,
                r.previous,
                r.change,
                t(
                    "compare-verdict",
                    &[("verdict", r.verdict.unwrap_or("none").into())]
                )
            ));
        }
    }
    s.push_str(&format!("\n## {}\n\n", t("runbook-actions", &[])));
    if model.actions.is_empty() {
        s.push_str(&t("runbook-no-actions", &[]));
        s.push('\n');
    }
    for a in &model.actions {
        // lessons.md writes the date YYYY-MM-DD (lessons.rs checks the shape, not the date).
        let due = chrono::NaiveDate::parse_from_str(&a.due, "%Y-%m-%d")
            .map(|d| fmt_date(lang, d))
            .unwrap_or_else(|_| a.due.clone());
        s.push_str(&format!(
            "- [ ] {}\n",
            t(
                "runbook-action",
                &[
                    ("text", md(&a.text).into()),
                    ("owner", md(&a.owner).into()),
                    ("due", due.into()),
                ],
            )
        ));
    }
    s.into_bytes()
}

/// Writes `bytes` to `dir/name` atomically.
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<()> {
    let target = dir.join(name);
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(&target, e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_leaves_no_temporary_file() {
        let dir = std::env::temp_dir().join(format!("debrief-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        write_atomic(&dir, "a.txt", b"one").unwrap();
        write_atomic(&dir, "a.txt", b"two").unwrap();
        assert_eq!(std::fs::read(dir.join("a.txt")).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
