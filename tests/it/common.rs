//! Helpers: run the built binary, make scratch folders, read outputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty scratch folder unique to this call, `debrief-test-PID-N-NAME` in the
/// temporary folder. They stay after the run, to look into a failure; the first call of a
/// run removes those of earlier runs whose process is gone (each run made a few hundred).
pub fn scratch(name: &str) -> PathBuf {
    static N: AtomicU32 = AtomicU32::new(0);
    static SWEPT: std::sync::Once = std::sync::Once::new();
    SWEPT.call_once(sweep_earlier_runs);
    let dir = std::env::temp_dir().join(format!(
        "debrief-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Removes the scratch folders of test runs whose process has ended (Linux only: elsewhere
/// a run cannot tell another one still running from one that ended).
fn sweep_earlier_runs() {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix("debrief-test-")) else {
            continue;
        };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
            continue;
        };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Runs `debrief ARGS` from the crate root.
pub fn debrief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_debrief"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Runs `debrief report INPUT --out OUT`, asserts success, returns metrics.json.
pub fn report(input: &Path, out: &Path) -> serde_json::Value {
    let o = debrief(&[
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        o.status.success(),
        "debrief report failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap()
}

/// Runs `debrief report INPUT --out OUT --export-tables TABLES` and asserts success.
pub fn report_exporting(input: &Path, out: &Path, tables: &Path) {
    let o = debrief(&[
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--export-tables",
        tables.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Every source balances: rows_read = rows_kept + rows_rejected + duplicates_removed.
pub fn assert_balanced(metrics: &serde_json::Value) {
    for s in metrics["sources"].as_array().unwrap() {
        let n = |k: &str| s[k].as_u64().unwrap();
        assert_eq!(
            n("rows_read"),
            n("rows_kept") + n("rows_rejected") + n("duplicates_removed"),
            "unbalanced source {}",
            s["path"]
        );
    }
}

/// Text of every output file of a report folder.
pub fn outputs(out: &Path) -> Vec<(String, String)> {
    ["report.html", "metrics.json", "timeline.csv", "runbook.md"]
        .iter()
        .map(|n| (n.to_string(), std::fs::read_to_string(out.join(n)).unwrap()))
        .collect()
}

/// Asserts no e-mail address or phone number appears in `text`.
pub fn assert_no_contact_details(name: &str, text: &str) {
    let email = regex::Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}").unwrap();
    let phone = regex::Regex::new(r"\b0\d([ .]?\d{2}){4}\b|\+\d{2} ?\d( ?\d{2}){4}").unwrap();
    assert!(
        !email.is_match(text),
        "{name} holds an e-mail address: {:?}",
        email.find(text)
    );
    assert!(
        !phone.is_match(text),
        "{name} holds a phone number: {:?}",
        phone.find(text)
    );
}

/// The ids of metrics.json's findings, in order.
pub fn finding_ids(metrics: &serde_json::Value) -> Vec<String> {
    metrics["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

/// metrics.json's first signals as (source, at) pairs.
pub fn first_signals(metrics: &serde_json::Value) -> Vec<(String, String)> {
    metrics["incident"]["first_signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["source"].as_str().unwrap().to_string(),
                s["at"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Owned copies of (source, at) pairs, to compare with [`first_signals`].
pub fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// Runs `debrief ARGS` from `cwd` with extra environment variables (`Some`) or with variables
/// removed (`None`): the time zone and thread-count checks of determinism.
pub fn debrief_env(cwd: &Path, args: &[&str], env: &[(&str, Option<&str>)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_debrief"));
    c.args(args).current_dir(cwd);
    for (k, v) in env {
        match v {
            Some(v) => c.env(k, v),
            None => c.env_remove(k),
        };
    }
    c.output().unwrap()
}

/// Every file under `dir`, by `/`-separated relative path, with its bytes.
pub fn files_under(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, d: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Copies the files of `from` (one level of subfolders) into a fresh scratch folder.
pub fn copy_fixture(from: &Path, name: &str) -> PathBuf {
    let dir = scratch(name);
    for (rel, bytes) in files_under(from) {
        let to = dir.join(&rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::write(to, bytes).unwrap();
    }
    dir
}

/// Runs `debrief report INPUT --debug-context` into a fresh folder; returns metrics.json, the
/// template context (report-context.json) and report.html.
pub fn report_with_context(
    input: &Path,
    name: &str,
) -> (serde_json::Value, serde_json::Value, String) {
    let out = scratch(name);
    let o = debrief(&[
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--debug-context",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let read = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    let m = serde_json::from_str(&read("metrics.json")).unwrap();
    let ctx = serde_json::from_str(&read("report-context.json")).unwrap();
    let html = read("report.html");
    let _ = std::fs::remove_dir_all(&out);
    (m, ctx, html)
}
