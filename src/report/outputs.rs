//! Exporters: each output is one function from the model to bytes; writing is one shared
//! atomic step (a temporary file in the output folder, then a rename).

use std::io::Write;
use std::path::Path;

use super::metrics::Metrics;
use super::model::{ReportModel, TimelineEntry};
use crate::error::{Error, Result};
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

/// runbook.md: findings with their recommendations, then the action items of lessons.md.
pub fn runbook_md(model: &ReportModel) -> Vec<u8> {
    let mut s = format!("# Runbook notes: {}\n\n", md(&model.event_name));
    if let Some(w) = &model.window {
        s.push_str(&format!("Event window: {w} ({}).\n\n", model.timezone));
    }
    s.push_str("## Findings\n\n");
    if model.findings.is_empty() {
        s.push_str("No findings.\n");
    }
    for f in &model.findings {
        s.push_str(&format!(
            "- **{}** ({}): {}\n  - Next time: {}\n",
            f.severity,
            f.id,
            md(&f.text),
            md(&f.recommendation)
        ));
    }
    if let Some(c) = &model.comparison {
        s.push_str(&format!(
            "\n## Compared with {}\n\n| Figure | This edition | Previous | Change | |\n|---|---|---|---|---|\n",
            md(&c.previous)
        ));
        for r in &c.rows {
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} |\n",
                r.label,
                r.value,
                r.previous,
                r.change,
                r.verdict.unwrap_or("not comparable")
            ));
        }
    }
    s.push_str("\n## Action items\n\n");
    if model.actions.is_empty() {
        s.push_str(
            "No action items: add lines like `- [ ] text (owner, due YYYY-MM-DD)` to lessons.md.\n",
        );
    }
    for a in &model.actions {
        s.push_str(&format!(
            "- [ ] {} (owner: {}, due {})\n",
            md(&a.text),
            md(&a.owner),
            a.due
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
