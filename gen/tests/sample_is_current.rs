//! The committed sample (sample_data/ and tests/fixtures/sample_planted.json) is exactly what
//! the generator writes with its default seed and size. When this fails, regenerate from the
//! repository root with:
//! `cargo run -p debrief-gen -- --out sample_data --planted tests/fixtures/sample_planted.json`

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(".."))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "debrief-gen-test-{}-{name}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Files under `dir`, as paths relative to it, sorted.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

fn generate(dir: &Path, extra: &[&str]) -> (PathBuf, PathBuf) {
    let out = dir.join("sample_data");
    let planted = dir.join("sample_planted.json");
    let status = Command::new(env!("CARGO_BIN_EXE_debrief-gen"))
        .arg("--out")
        .arg(&out)
        .arg("--planted")
        .arg(&planted)
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success(), "debrief-gen failed");
    (out, planted)
}

#[test]
fn committed_sample_is_what_the_generator_writes() {
    let dir = scratch("current");
    let (out, planted) = generate(&dir, &[]);
    let root = repo_root();
    let generated = files(&out);
    assert!(
        generated.len() >= 10,
        "only {} files generated",
        generated.len()
    );
    let regen = "regenerate with `cargo run -p debrief-gen -- --out sample_data --planted tests/fixtures/sample_planted.json`";
    for rel in &generated {
        let committed = root.join("sample_data").join(rel);
        let want = std::fs::read(&committed)
            .unwrap_or_else(|e| panic!("{} is missing ({e}): {regen}", committed.display()));
        let got = std::fs::read(out.join(rel)).unwrap();
        assert!(
            want == got,
            "sample_data/{} is stale: {regen}",
            rel.display()
        );
    }
    let want = std::fs::read(root.join("tests/fixtures/sample_planted.json")).unwrap();
    assert!(
        want == std::fs::read(&planted).unwrap(),
        "tests/fixtures/sample_planted.json is stale: {regen}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn planted_answers_parse_and_agree_with_each_other() {
    let text = std::fs::read(repo_root().join("tests/fixtures/sample_planted.json")).unwrap();
    let p: serde_json::Value = serde_json::from_slice(&text).unwrap();
    let n = |k: &str| {
        p[k].as_u64()
            .unwrap_or_else(|| panic!("{k} is not a count"))
    };
    assert_eq!(p["incident_start"], "2020-11-27T14:12:00Z");
    assert!(n("registered_active") <= n("participants"));
    assert_eq!(
        n("ticket_rows_total"),
        n("tickets_total") + n("ticket_repeats")
    );
    assert!(n("tickets_incident") < n("tickets_total"));
    assert!(n("mentions_incident") < n("mentions_total"));
    assert!(n("mux_failed_views") < n("mux_rows"));
    assert!(n("email_duplicates") > 0 && n("email_duplicates") < n("email_rows"));
    assert!(p["first_incident_mention_at"].as_str() < p["ops_log"]["detected_at"].as_str());
}

#[test]
fn other_seeds_and_sizes_work() {
    let dir = scratch("small");
    let (out, planted) = generate(&dir, &["--seed", "7", "--participants", "25"]);
    assert!(out.join("exports/mux_views_2020-11-27.csv").exists());
    let p: serde_json::Value = serde_json::from_slice(&std::fs::read(planted).unwrap()).unwrap();
    assert_eq!(p["participants"], 25);
    for rel in files(&out) {
        if rel.extension().is_some_and(|e| e == "json") {
            let bytes = std::fs::read(out.join(&rel)).unwrap();
            serde_json::from_slice::<serde_json::Value>(&bytes)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", rel.display()));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
