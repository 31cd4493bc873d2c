//! Issue 10, "Guard rails for a first run on your own exports": the input folder taken when
//! none is given, the zone and language `init` writes, and the window message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::common::{debrief, report, root, scratch};

/// Runs `debrief ARGS` from `dir`, with `env` set and the locale and zone variables cleared.
fn debrief_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_debrief"));
    c.args(args).current_dir(dir);
    for k in ["TZ", "LANG", "LC_ALL", "LC_MESSAGES"] {
        c.env_remove(k);
    }
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn copy(from: &Path, to: &Path, names: &[&str]) {
    for n in names {
        std::fs::copy(from.join(n), to.join(n)).unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// 1. The folder

#[test]
fn no_folder_reads_the_working_folder_when_it_holds_a_config() {
    let dir = scratch("cwd-config");
    copy(
        &fixture("mini"),
        &dir,
        &["debrief.toml", "ops_log.csv", "tickets.json", "x.json"],
    );
    let o = debrief_in(&dir, &["check"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let first = out.lines().next().unwrap();
    assert_eq!(
        std::fs::canonicalize(first).unwrap(),
        std::fs::canonicalize(&dir).unwrap()
    );
    assert!(
        out.contains("tickets.json") && out.contains("x-api-v2-json"),
        "{out}"
    );
    assert!(!stderr(&o).contains("sample"), "{}", stderr(&o));
    // `report` too: the mini fixture's name, not the sample's.
    let o = debrief_in(&dir, &["report", "--out", "out"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("out/metrics.json")).unwrap()).unwrap();
    assert_eq!(m["event"]["name"], "Mini fixture");
}

#[test]
fn no_folder_reads_the_working_folder_when_it_holds_an_export() {
    // No debrief.toml: one Zendesk page beside notes.
    let dir = scratch("cwd-export");
    copy(&fixture("mini"), &dir, &["tickets.json"]);
    std::fs::write(dir.join("README.md"), "# our notes\n").unwrap();
    let o = debrief_in(&dir, &["check"], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("zendesk-incremental-json"), "{out}");
    assert!(!out.contains("sample_data"), "{out}");
    assert!(!stderr(&o).contains("sample"), "{}", stderr(&o));
}

#[test]
fn no_folder_and_nothing_to_read_here_reads_the_sample_and_says_so_in_one_line() {
    let dir = scratch("cwd-nothing");
    std::fs::write(dir.join("README.md"), "# notes\n").unwrap();
    std::fs::write(dir.join("Cargo.toml"), "[package]\nname = \"x\"\n").unwrap();
    std::fs::write(dir.join("todo.csv"), "what,who\nbuy coffee,me\n").unwrap();
    for cmd in [&["check"][..], &["queries"][..]] {
        let o = debrief_in(&dir, cmd, &[]);
        assert!(o.status.success(), "{cmd:?}: {}", stderr(&o));
        let err = stderr(&o);
        let said: Vec<&str> = err
            .lines()
            .filter(|l| l.contains("bundled sample"))
            .collect();
        assert_eq!(said.len(), 1, "{cmd:?}: {err}");
        assert!(said[0].contains("sample_data"), "{err}");
    }
    let o = debrief_in(&dir, &["check"], &[]);
    assert!(
        stdout(&o).lines().next().unwrap().ends_with("sample_data"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_repository_root_is_not_an_input_folder() {
    // README's first command, `cargo run --release -- report`, runs from the repository root,
    // which holds Cargo.toml, Cargo.lock and README.md but no debrief.toml: the sample is read.
    let out = scratch("root-report");
    let o = debrief(&["report", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("bundled sample"), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(
        m["event"]["name"],
        "Semaines sociales 2020 - opening plenary"
    );
}

// ---------------------------------------------------------------------------------------
// 2. Time zones: what `init` writes

#[test]
fn init_writes_the_machines_zone_and_keywords_in_the_users_language() {
    let dir = scratch("init-ny-fr");
    let o = debrief_in(
        &dir,
        &["init", "."],
        &[("TZ", "America/New_York"), ("LANG", "fr_FR.UTF-8")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let toml = std::fs::read_to_string(dir.join("debrief.toml")).unwrap();
    assert!(
        toml.lines()
            .any(|l| l.starts_with("timezone = \"America/New_York\"")),
        "{toml}"
    );
    assert!(toml.contains("\"écran noir\""), "{toml}");
    assert!(
        !toml
            .lines()
            .any(|l| !l.starts_with('#') && l.contains("Europe/Paris")),
        "{toml}"
    );
    // The file it wrote is a valid config: the ops log is read in New York.
    let o = debrief_in(&dir, &["check", "."], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("America/New_York (event)"),
        "{}",
        stdout(&o)
    );

    // LC_ALL wins over LANG (POSIX): English keywords.
    let dir = scratch("init-ny-en");
    let o = debrief_in(
        &dir,
        &["init", "."],
        &[
            ("TZ", ":America/Chicago"),
            ("LANG", "fr_FR.UTF-8"),
            ("LC_ALL", "en_US.UTF-8"),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let toml = std::fs::read_to_string(dir.join("debrief.toml")).unwrap();
    assert!(toml.contains("timezone = \"America/Chicago\""), "{toml}");
    assert!(
        toml.contains("\"black screen\"") && !toml.contains("ecran") && !toml.contains("écran"),
        "{toml}"
    );
}

// ---------------------------------------------------------------------------------------
// 5. The window message

fn subtitle(out: &Path) -> String {
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let s = html.find("<p class=\"sub\">20").unwrap();
    html[s..s + html[s..].find("</p>").unwrap()].to_string()
}

#[test]
fn the_window_message_says_which_end_came_from_where() {
    // Start from the config (14:30 New York = 19:30Z), end from the last viewing session
    // (21:00Z).
    let out = scratch("window-start");
    let m = report(&fixture("first_run"), &out);
    assert_eq!(m["event"]["start"], "2020-11-27T19:30:00Z");
    assert_eq!(m["event"]["end"], "2020-11-27T21:00:00Z");
    assert!(
        subtitle(&out).contains("window start from the config, end from the last viewing session (no [event] end in the config)"),
        "{}",
        subtitle(&out)
    );
    let out = scratch("window-both");
    report(&fixture("mini"), &out);
    assert!(
        subtitle(&out).contains("window from the config ([event] start and end)"),
        "{}",
        subtitle(&out)
    );
    let out = scratch("window-none");
    report(&fixture("columnar"), &out);
    assert!(
        subtitle(&out).contains("window from the first to the last viewing session (no [event] start or end in the config)"),
        "{}",
        subtitle(&out)
    );
}
