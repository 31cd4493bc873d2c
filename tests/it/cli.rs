//! The command line: exit codes, messages that name file, line and field, init.

use super::common::*;

#[test]
fn usage_errors_exit_2() {
    let o = debrief(&["report", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = debrief(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn missing_input_folder_exits_1_naming_it() {
    let o = debrief(&["report", "/nonexistent/exports"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/exports"));
}

#[test]
fn bad_config_names_file_and_key() {
    let dir = scratch("badconfig");
    std::fs::write(
        dir.join("debrief.toml"),
        "[event]\ntimezone = \"Europe/Pariss\"\n",
    )
    .unwrap();
    let o = debrief(&[
        "report",
        dir.to_str().unwrap(),
        "--out",
        scratch("badconfig-out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("debrief.toml")
            && err.contains("event.timezone")
            && err.contains("Europe/Pariss"),
        "{err}"
    );
}

#[test]
fn init_then_report_works() {
    let dir = scratch("init");
    let o = debrief(&["init", dir.to_str().unwrap()]);
    assert!(o.status.success());
    for f in ["debrief.toml", "ops_log.csv", "lessons.md"] {
        assert!(dir.join(f).is_file(), "{f} not written");
    }
    // A second init leaves the user's files alone.
    std::fs::write(dir.join("lessons.md"), "mine").unwrap();
    assert!(debrief(&["init", dir.to_str().unwrap()]).status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("lessons.md")).unwrap(),
        "mine"
    );
    let out = scratch("init-out");
    let m = report(&dir, &out);
    assert_eq!(m["schema"], "debrief.metrics/1");
    assert_eq!(m["incident"]["time_to_detect_s"], serde_json::Value::Null);
    assert_eq!(m["incident"]["detected_at"]["provenance"], "log");
}

#[test]
fn check_lists_every_file() {
    let o = debrief(&["check", "tests/fixtures/mini"]);
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(
        s.contains("zendesk-incremental-json")
            && s.contains("x-api-v2-json")
            && s.contains("ops-log-csv"),
        "{s}"
    );
    assert!(
        s.contains("not recognised") && s.contains("line 7: kind"),
        "{s}"
    );
}

#[test]
fn queries_lists_builtins_with_descriptions() {
    let o = debrief(&["queries"]);
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(
        s.contains("tickets_per_bucket") && s.contains("Tickets created per report bucket"),
        "{s}"
    );
}
