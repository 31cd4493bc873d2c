//! Issue 10, "Guard rails for a first run on your own exports": the input folder taken when
//! none is given, the zone and language `init` writes, time-zone warnings, settings that match
//! nothing, and the window message. Fixture: tests/fixtures/first_run (a New York team's six
//! exports read with a config left as `init` wrote it before the fix, with typos); its answers
//! are worked out below.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::common::{assert_no_contact_details, debrief, outputs, report, root, scratch};

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

/// `config_warnings` as (key, value) pairs.
fn warning_keys(m: &serde_json::Value) -> Vec<(String, String)> {
    m["config_warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["key"].as_str().unwrap().to_string(),
                w["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn warning_texts(m: &serde_json::Value) -> Vec<String> {
    m["config_warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["text"].as_str().unwrap().to_string())
        .collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
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

#[test]
fn init_on_a_utc_machine_leaves_the_zone_to_fill_in_and_the_report_says_utc_was_assumed() {
    let dir = scratch("init-utc");
    let o = debrief_in(&dir, &["init", "."], &[("TZ", "Etc/UTC"), ("LANG", "C")]);
    assert!(o.status.success(), "{}", stderr(&o));
    let toml = std::fs::read_to_string(dir.join("debrief.toml")).unwrap();
    assert!(
        !toml.lines().any(|l| l.trim_start().starts_with("timezone")),
        "{toml}"
    );
    assert!(toml.contains("TO FILL IN"), "{toml}");
    assert!(toml.contains("\"black screen\""), "{toml}");
    let out = scratch("init-utc-out");
    let o = debrief_in(&dir, &["report", ".", "--out", out.to_str().unwrap()], &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(warning_keys(&m)[0], ("event.timezone".into(), "UTC".into()));
    let text = &warning_texts(&m)[0];
    assert!(
        text.starts_with("ops_log.csv: times written without a zone were read as UTC")
            && text.contains("sets no [event].timezone"),
        "{text}"
    );
    assert!(stderr(&o).contains(text.as_str()), "{}", stderr(&o));
}

// ---------------------------------------------------------------------------------------
// 2 and 3. The New York team's first run

/// tests/fixtures/first_run, worked out by hand. The config says Europe/Paris (UTC+1 on
/// 2020-11-27); the ops log and the Zendesk admin CSV were written in New York (UTC-5), so
/// each of their times reads 6 hours early:
/// - zendesk_tickets.csv: tickets 102-105 created at 15:06, 15:07, 15:08, 15:20 (102 solved at
///   15:30) are read as 14:06Z...; zendesk_ticket_metrics.json has them at 20:06Z, 20:07Z,
///   20:08Z, 20:20Z (and 20:30Z): 5 readings, each 6 h apart, so America/New_York.
/// - ops_log.csv: its start entry 15:06 is read as 14:06Z. The UTC exports' first sign is the
///   failed views' onset: 20 Comcast views fail at 20:05:01Z-20:05:20Z among 60 active, the
///   baseline share is 0 (floored at 0.01), so minute 20:05 is anomalous and the onset is
///   20:05:01Z (the mentions' onset, 20:07Z, comes later). d = 14:06:00 - 20:05:01 =
///   -5 h 59 min 01 s; d + 20 min = -5 h 39 min 01 s, floored to hours: -6.
/// - Settings: 'backup_link' (the campaign is 'backup-link', first sent 20:35Z = 21:35 Paris;
///   'reminder-d0' at 13:00Z = 14:00), 'incident-live' (tags: incident_live on 4 tickets,
///   chat on 2, account and billing on 1), 'youtu.be/' (the 2 clicks went to
///   https://www.youtube.com/watch, one with an address in its query), 'twitch' (platforms
///   vimeo, 60 views, youtube, 10), 'our_account' (4 posts by alice, bob, carol, dave).
#[test]
fn a_first_run_names_the_likely_zones_and_the_settings_that_match_nothing() {
    let out = scratch("first-run");
    let o = debrief(&[
        "report",
        "tests/fixtures/first_run",
        "--out",
        out.to_str().unwrap(),
    ]);
    // A warning is not an error.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(
        warning_keys(&m),
        pairs(&[
            ("event.timezone", "Europe/Paris"),
            ("event.timezone", "Europe/Paris"),
            ("event.timezone", "Europe/Paris"),
            ("incident.email_campaigns", "backup_link"),
            ("incident.ticket_tags", "incident-live"),
            ("incident.backup_urls", "youtu.be/"),
            ("incident.fallback_platforms", "twitch"),
            ("org.social_handles", "our_account"),
        ])
    );
    let t = warning_texts(&m);
    assert!(
        t[0].starts_with("ops_log.csv, zendesk_tickets.csv: times written without a zone were read in Europe/Paris, the event's zone"),
        "{}",
        t[0]
    );
    assert!(
        t[1].starts_with("zendesk_tickets.csv reads 6 hours before zendesk_ticket_metrics.json for the same tickets (5 of their creation and solve times compared): its times may be in America/New_York (UTC-05:00 then) rather than Europe/Paris"),
        "{}",
        t[1]
    );
    assert!(
        t[2].starts_with("ops_log.csv reads 6 hours before the other exports around the incident (its start entry at 15:06 against the first failed views at 21:05, Europe/Paris): its times may be in America/New_York (UTC-05:00 then) rather than Europe/Paris."),
        "{}",
        t[2]
    );
    assert!(
        t[3].contains("'backup_link', which is no campaign of the e-mail exports (did you mean 'backup-link'?)")
            && t[3].contains("'reminder-d0' (first sent 2020-11-27 14:00), 'backup-link' (first sent 2020-11-27 21:35)"),
        "{}",
        t[3]
    );
    assert!(
        t[4].contains("(did you mean 'incident_live'?)")
            && t[4].contains("Most used tags: 'incident_live' (4 tickets), 'chat' (2 tickets), 'account' (1 ticket), 'billing' (1 ticket)."),
        "{}",
        t[4]
    );
    assert!(
        t[5].contains("Most clicked in the e-mails: 'https://www.youtube.com/watch' (2 clicks)."),
        "{}",
        t[5]
    );
    assert!(
        t[6].contains(
            "Platforms in the viewing exports: 'vimeo' (60 views), 'youtube' (10 views)."
        ),
        "{}",
        t[6]
    );
    assert!(
        t[7].contains(
            "'our_account', which wrote none of the 4 posts of the mention exports (4 authors)"
        ),
        "{}",
        t[7]
    );
    // In metrics.json right after `sources`.
    let raw = std::fs::read_to_string(out.join("metrics.json")).unwrap();
    let at = |k: &str| raw.find(&format!("\n  \"{k}\":")).unwrap();
    assert!(at("sources") < at("config_warnings") && at("config_warnings") < at("incident"));
    // On stderr, one line each, and in the report's data quality section.
    let err = stderr(&o);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let quality = &html[html.find("id=\"data-quality\"").unwrap()..];
    for text in &t {
        assert!(err.contains(&format!("warning: {text}\n")), "{err}");
        let escaped = text
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('\'', "&#x27;")
            .replace('/', "&#x2F;");
        assert!(
            quality.contains(&escaped),
            "not in the data quality section: {text}"
        );
    }
    // No address or phone number anywhere (a clicked URL carried one in its query).
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
    assert_no_contact_details("stderr", &err);

    // `check` says the same, and exits 0.
    let o = debrief(&["check", "tests/fixtures/first_run"]);
    assert_eq!(o.status.code(), Some(0));
    for text in &t {
        assert!(stderr(&o).contains(text.as_str()), "{}", stderr(&o));
    }
}

#[test]
fn with_the_zone_and_names_fixed_only_the_assumed_zone_is_said() {
    // The same exports with the settings the warnings suggested: the clocks agree (the log's
    // start 15:06 New York is 20:06Z, 59 s after the failed views' onset; the CSV's tickets
    // match their metrics to the second) and every name matches.
    let dir = scratch("first-run-fixed");
    std::fs::write(
        dir.join("debrief.toml"),
        r#"
[event]
name = "NY webinar"
timezone = "America/New_York"
start = "2020-11-27T14:30"
[incident]
keywords = ["black screen"]
ticket_tags = ["incident_live"]
email_campaigns = ["backup-link"]
backup_urls = ["youtube.com/"]
fallback_platforms = ["YouTube"]
[org]
social_handles = ["@Dave"]
"#,
    )
    .unwrap();
    let out = scratch("first-run-fixed-out");
    let o = debrief(&[
        "report",
        "tests/fixtures/first_run",
        "--config",
        dir.join("debrief.toml").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(
        warning_keys(&m),
        pairs(&[("event.timezone", "America/New_York")])
    );
    assert_eq!(m["incident"]["started_at"]["at"], "2020-11-27T20:05:01Z");
}

#[test]
fn agreeing_clocks_and_a_complete_config_give_no_zone_suspicion() {
    // The sample event: its ops log and Billetweb export are read in the event zone, as its
    // config says; the log's detection (14:24Z) is 12 minutes after the failed views' onset.
    let out = scratch("sample-guards");
    let m = report(&root().join("sample_data"), &out);
    assert_eq!(
        warning_keys(&m),
        pairs(&[("event.timezone", "Europe/Paris")])
    );
    assert!(warning_texts(&m)[0].starts_with(
        "exports/billetweb_attendees.json, ops_log.csv: times written without a zone were read in Europe/Paris"
    ));
}

#[test]
fn settings_about_data_that_is_absent_say_nothing() {
    // The mini fixture has tickets and mentions but no e-mail, viewing or web export: a
    // campaign, a platform and a backup URL cannot be checked, a tag and a handle can.
    let dir = scratch("absent");
    std::fs::write(
        dir.join("debrief.toml"),
        r#"
[event]
timezone = "Europe/Paris"
[incident]
keywords = ["black screen"]
ticket_tags = ["incident_live", "nope"]
email_campaigns = ["backup"]
backup_urls = ["youtube.com/"]
fallback_platforms = ["youtube"]
[org]
social_handles = ["team_account", "nobody"]
"#,
    )
    .unwrap();
    let out = scratch("absent-out");
    let o = debrief(&[
        "report",
        "tests/fixtures/mini",
        "--config",
        dir.join("debrief.toml").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    assert_eq!(
        warning_keys(&m),
        pairs(&[
            ("event.timezone", "Europe/Paris"),
            ("incident.ticket_tags", "nope"),
            ("org.social_handles", "nobody"),
        ])
    );
}

// ---------------------------------------------------------------------------------------
// 5. The window message

fn subtitle(out: &Path) -> String {
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    // The second subtitle: the window, then where its ends came from.
    let first = html.find("<p class=\"sub\">").unwrap();
    let s = first + 1 + html[first + 1..].find("<p class=\"sub\">").unwrap();
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
