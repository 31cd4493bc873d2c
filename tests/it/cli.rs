//! The command line's contract: exit codes (0 done, 1 input problem, 2 usage), messages that
//! name file, line and field, init, the flags and overrides, and every output checked end to
//! end: runbook.md, timeline.csv, queries/*.csv, byte-identical across zones and threads.

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

// ---------------------------------------------------------------------------------------------
// The command line's contract, end to end, on tests/fixtures/contract (answers by hand):
//
// Event 15:00-16:00 Paris = 14:00-15:00Z. Tickets: 14:02Z (an invoice, not incident-related),
// then "black screen" at 14:18Z, 14:19Z, 14:30Z and 14:41Z, their subjects starting with `=`,
// `+`, `-` and `@`. Incident tickets per 5-minute bucket over the event: 2 (14:15), 1 (14:30),
// 1 (14:40), nine empty: median 0, floored at 0.5/h = 1/24 per 5 minutes. The window opened by
// the 14:18Z ticket holds 2: P(X >= 2) = 1 - e^(-1/24)(1 + 1/24) = 8.5e-4 < 0.001, so the
// tickets' onset is 14:18Z, before the log's start entry (15:20 Paris = 14:20Z): impact
// started at 14:18Z, observed. The log (Paris): detection 15:22, attempt 15:24 (timebox 5m),
// decision 15:32 (ends the attempt: 8 min, 3 over), mitigation 15:35, communication 15:38,
// recovery 15:55; its start, detection, attempt and decision texts start with `=`, `+`, `-`,
// `@`. Durations: detect 4 min, communicate 16 min (target 15: missed by 1), mitigate 17 min,
// recover 37 min. Incident tickets 30 min before the communication (14:08-14:38Z): 3; after: 1.

/// The contract fixture.
fn contract() -> std::path::PathBuf {
    root().join("tests/fixtures/contract")
}

/// Runs `debrief report` on the contract fixture with extra flags; returns the output folder.
fn contract_report(name: &str, extra: &[&str]) -> std::path::PathBuf {
    let (dir, out) = (contract(), scratch(name));
    let mut args = vec![
        "report",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = debrief(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn read_json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// Ranked by participant-minutes at stake (no viewing: one participant a minute): the first
/// word 5 min past 15 min, support's 4-min lead, the attempt's 3-min overrun, a 17-min silence
/// (2 over 15), time to communicate 1 over; then the warning without a stake; then what went
/// well.
const CONTRACT_FINDINGS: [&str; 8] = [
    "first-word-late",
    "support-signalled-first",
    "attempt-overran-1",
    "long-silence",
    "target-time-to-communicate",
    "start-earlier-than-logged",
    "target-time-to-detect",
    "tickets-eased-after-communication",
];

#[test]
fn a_missing_config_file_is_a_usage_error() {
    let out = scratch("no-config-out");
    for cmd in ["report", "check"] {
        let mut args = vec![
            cmd,
            "tests/fixtures/contract",
            "--config",
            "/nonexistent/debrief.toml",
        ];
        if cmd == "report" {
            args.extend(["--out", out.to_str().unwrap()]);
        }
        let o = debrief(&args);
        assert_eq!(o.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("--config") && err.contains("/nonexistent/debrief.toml"),
            "{cmd}: {err}"
        );
    }
    assert!(files_under(&out).is_empty(), "nothing is written");
}

/// Spawns `cmd`, retrying while the freshly written executable is still "busy" (ETXTBSY: another
/// test thread forked while the file was open for writing).
fn spawn_fresh(cmd: &mut std::process::Command) -> std::process::Output {
    for _ in 0..50 {
        match cmd.output() {
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(std::time::Duration::from_millis(100))
            }
            other => return other.unwrap(),
        }
    }
    panic!("the copied binary stayed busy");
}

#[test]
fn no_folder_and_no_bundled_sample_is_a_usage_error() {
    // With no folder, debrief reads sample_data/ in the working folder, else the one next to the
    // sources it was built from: CARGO_MANIFEST_DIR, compiled into the binary. In this tree that
    // one always exists (and no environment variable overrides it), so from an empty working
    // folder the binary under test finds it...
    let cwd = scratch("no-sample-cwd");
    let o = debrief_env(&cwd, &["check"], &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let listed = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        listed.lines().next(),
        root().join("sample_data").to_str(),
        "{listed}"
    );
    // ...and the usage error is reached by a copy of the binary whose compiled-in source folder
    // names one that does not exist (same length, so nothing else moves): what an installed
    // binary meets once its build folder is gone.
    let built = root();
    let from = built.to_str().unwrap().as_bytes();
    let gone = format!("/{}", "Z".repeat(from.len() - 1));
    assert!(!std::path::Path::new(&gone).exists());
    let mut bin = std::fs::read(env!("CARGO_BIN_EXE_debrief")).unwrap();
    let at: Vec<usize> = memchr::memmem::find_iter(&bin, from).collect();
    assert!(
        !at.is_empty(),
        "the source folder is not compiled into the binary"
    );
    for i in at {
        bin[i..i + from.len()].copy_from_slice(gone.as_bytes());
    }
    let dir = scratch("no-sample-bin");
    let exe = dir.join("debrief");
    std::fs::write(&exe, &bin).unwrap();
    drop(bin);
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let out = scratch("no-sample-out");
    for args in [
        vec!["report", "--out", out.to_str().unwrap()],
        vec!["check"],
        vec!["queries"],
    ] {
        let o = spawn_fresh(
            std::process::Command::new(&exe)
                .args(&args)
                .current_dir(&cwd),
        );
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.starts_with("error: ") && err.contains("sample_data"),
            "{args:?}: {err}"
        );
    }
    assert!(files_under(&out).is_empty(), "nothing is written");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unwritable_out_folder_exits_1_naming_it() {
    let dir = scratch("unwritable");
    let file = dir.join("a-file");
    std::fs::write(&file, "not a folder").unwrap();
    for out in [file.join("debrief-out"), file.clone()] {
        let o = debrief(&[
            "report",
            "tests/fixtures/contract",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(1), "{}", out.display());
        let err = String::from_utf8_lossy(&o.stderr);
        let error = err.lines().find(|l| l.starts_with("error: ")).unwrap_or("");
        assert!(error.contains(file.to_str().unwrap()), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
}

#[test]
fn config_flag_replaces_the_folders_config() {
    let own = read_json(&contract_report("config-own", &[]).join("metrics.json"));
    assert_eq!(own["event"]["name"], "Contract fixture");
    let alt = contract().join("alternative.toml");
    let out = contract_report("config-alt", &["--config", alt.to_str().unwrap()]);
    let m = read_json(&out.join("metrics.json"));
    // The folder's debrief.toml is not read at all: its name and targets are gone.
    assert_eq!(m["event"]["name"], "Contract fixture, alternative config");
    assert_eq!(
        m["targets"],
        serde_json::json!([
            {"metric": "time_to_detect_s", "target": 180, "actual": 240, "met": false}
        ])
    );
    let ids = finding_ids(&m);
    assert!(
        ids.contains(&"target-time-to-detect".to_string()),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"target-time-to-communicate".to_string()),
        "{ids:?}"
    );
    let runbook = std::fs::read_to_string(out.join("runbook.md")).unwrap();
    assert!(
        runbook.starts_with("# Runbook notes: Contract fixture, alternative config\n")
            && runbook.contains(
                "Target missed: time to detect was 4 min against a target of 3 min, 1 min over."
            ),
        "{runbook}"
    );
    // The same figures otherwise: the config changed nothing else.
    assert_eq!(m["incident"], own["incident"]);
    assert_eq!(m["tickets"], own["tickets"]);
}

#[test]
fn debug_context_writes_the_template_context() {
    let plain = contract_report("context-off", &[]);
    assert!(!plain.join("report-context.json").exists());
    let out = contract_report("context-on", &["--debug-context"]);
    let ctx = read_json(&out.join("report-context.json"));
    let m = read_json(&out.join("metrics.json"));
    assert_eq!(ctx["event_name"], "Contract fixture");
    assert_eq!(ctx["timezone"], "Europe/Paris");
    let ids: Vec<&str> = ctx["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, CONTRACT_FINDINGS);
    assert_eq!(finding_ids(&m), CONTRACT_FINDINGS);
    assert_eq!(ctx["timeline"].as_array().unwrap().len(), 13);
    assert_eq!(
        ctx["actions"],
        serde_json::json!([
            {"text": "Route tickets that mention a black screen to the ops channel", "owner": "Claire", "due": "2026-12-15"},
            {"text": "Pre-write the *backup* message for each platform", "owner": "Marc", "due": "2027-01-10"}
        ])
    );
    assert_eq!(ctx["user_queries"][0]["name"], "ticket_subjects");
    // The flag adds a file and changes no other.
    assert_eq!(outputs(&plain), outputs(&out));
}

#[test]
fn report_templates_override_the_built_in_ones_by_name() {
    // report.html replaced: the user's template alone renders, from the same context.
    let dir = copy_fixture(&contract(), "templates-report");
    std::fs::create_dir_all(dir.join("report_templates")).unwrap();
    std::fs::write(
        dir.join("report_templates/report.html"),
        "<p>{{ event_name }}: {{ findings | length }} findings</p>\n{% for f in findings %}<i>{{ f.id }}</i>\n{% endfor %}",
    )
    .unwrap();
    let out = scratch("templates-report-out");
    let m = report(&dir, &out);
    let mut want = "<p>Contract fixture: 8 findings</p>\n".to_string();
    for id in CONTRACT_FINDINGS {
        want.push_str(&format!("<i>{id}</i>\n"));
    }
    assert_eq!(
        std::fs::read_to_string(out.join("report.html")).unwrap(),
        want
    );
    // Only the HTML changes; the template is not an export.
    assert_eq!(finding_ids(&m), CONTRACT_FINDINGS);
    assert_eq!(m["sources"].as_array().unwrap().len(), 2);

    // base.html replaced: the built-in report.html fills the user's frame.
    let dir = copy_fixture(&contract(), "templates-base");
    std::fs::create_dir_all(dir.join("report_templates")).unwrap();
    std::fs::write(
        dir.join("report_templates/base.html"),
        "<html><title>{% block title %}{% endblock title %}</title><body class=\"ours\">{% block content %}{% endblock content %}</body></html>\n",
    )
    .unwrap();
    let out = scratch("templates-base-out");
    report(&dir, &out);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.starts_with(
            "<html><title>Incident debrief: Contract fixture</title><body class=\"ours\">"
        ),
        "{}",
        &html[..200.min(html.len())]
    );
    assert!(html.contains("How the figures are computed") && !html.contains("<style>"));
}

#[test]
fn runbook_holds_every_finding_and_every_action_item() {
    let out = contract_report("runbook", &[]);
    let m = read_json(&out.join("metrics.json"));
    let runbook = std::fs::read_to_string(out.join("runbook.md")).unwrap();
    // Each finding of metrics.json, with its text and its recommendation, in order.
    let findings = m["findings"].as_array().unwrap();
    assert_eq!(findings.len(), CONTRACT_FINDINGS.len());
    let mut from = 0;
    for f in findings {
        let entry = format!(
            "- **{}** ({}): {}\n  - Next time: {}\n",
            f["severity"].as_str().unwrap(),
            f["id"].as_str().unwrap(),
            f["text"].as_str().unwrap(),
            f["recommendation"].as_str().unwrap()
        );
        let at = runbook[from..]
            .find(&entry)
            .unwrap_or_else(|| panic!("{entry} missing or out of order in\n{runbook}"));
        from += at + entry.len();
    }
    // The whole file, worked out by hand (see the fixture's notes above). lessons.md's open
    // items with an owner and a due date are action items; a ticked one and one without owner
    // are not; the `*` of the second is escaped so that Markdown shows it.
    let want = r#"# Runbook notes: Contract fixture

Event window: Friday 27 November 2020, 15:00 – 16:00 (Europe/Paris).

## Findings

- **warning** (first-word-late): Participants waited 20 min for a first word: the impact started at 15:18, the first communication came at 15:38.
  - Next time: Send a holding message within 15 min of the impact, with no fix and no ETA needed: say that you know, and when the next update comes.
- **warning** (support-signalled-first): Support tickets signalled the incident first, at 15:18, 4 min before the team's detection at 15:22.
  - Next time: Route support tickets matching incident keywords to the ops channel as they arrive.
- **warning** (attempt-overran-1): Fix attempt "-restart the encoder" (15:24) ran 3 min past its timebox of 5 min.
  - Next time: When a timebox runs out, move to the next plan (B, C, D) without waiting.
- **warning** (long-silence): Participants went 17 min without news, from the update at 15:38 until 15:55.
  - Next time: Give an update at least every 15 min until the recovery, even to say that nothing has changed yet.
- **warning** (target-time-to-communicate): Target missed: time to communicate was 16 min against a target of 15 min, 1 min over.
  - Next time: Keep a pre-written incident message ready on every channel, and send a first word without waiting for a fix or an ETA.
- **warning** (start-earlier-than-logged): Impact started at 15:18, 2 min before the start the team logged (15:20).
  - Next time: Log the start of an incident from the first customer signal, not from the team's awareness.
- **info** (target-time-to-detect): Target met: time to detect was 4 min against a target of 10 min.
  - Next time: Keep the practice that made this target.
- **info** (tickets-eased-after-communication): Incident tickets in the 30 minutes before the first communication: 3; in the 30 minutes after: 1. The fix (15:35) came within 10 minutes of the first communication (15:38): the data cannot tell the message's effect on support from the fix's.
  - Next time: To learn what a message does for support, send a holding message as soon as the incident is detected, before any fix lands.

## Action items

- [ ] Route tickets that mention a black screen to the ops channel (owner: Claire, due 2026-12-15)
- [ ] Pre-write the \*backup\* message for each platform (owner: Marc, due 2027-01-10)
"#;
    assert_eq!(runbook, want);
}

#[test]
fn timeline_csv_every_row() {
    let out = contract_report("timeline", &[]);
    let bytes = std::fs::read(out.join("timeline.csv")).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..]);
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(
        rows[0],
        ["at_utc", "at_local", "source", "kind", "text", "provenance"]
    );
    let utc_re = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$").unwrap();
    let mut previous = String::new();
    for row in &rows[1..] {
        assert_eq!(row.len(), 6, "{row:?}");
        assert!(utc_re.is_match(&row[0]), "{row:?}");
        // The local time carries its offset and names the same instant.
        let utc = chrono::DateTime::parse_from_rfc3339(&row[0]).unwrap();
        let local = chrono::DateTime::parse_from_str(&row[1], "%Y-%m-%d %H:%M:%S %:z")
            .unwrap_or_else(|e| panic!("{row:?}: {e}"));
        assert_eq!(local, utc, "{row:?}");
        assert_eq!(local.offset().local_minus_utc(), 3600, "Paris in November");
        assert!(row[0] >= previous, "not sorted by time at {row:?}");
        previous = row[0].clone();
        assert!(["log", "observed"].contains(&row[5].as_str()), "{row:?}");
    }
    // Every row, worked out by hand: the onset and the milestones (source debrief), the ops
    // log's entries with their owners, texts that would be formulas neutralised.
    let got: Vec<[&str; 4]> = rows[1..]
        .iter()
        .map(|r| [r[0].as_str(), r[2].as_str(), r[3].as_str(), r[4].as_str()])
        .collect();
    let want: Vec<[&str; 4]> = vec![
        ["2020-11-27T14:18:00Z", "debrief", "onset:tickets", "Support tickets signal onset"],
        ["2020-11-27T14:18:00Z", "debrief", "started_at", "Impact started: incident-related tickets: first 5-minute window above the baseline of 0.042 per 5 minutes opens at this ticket; the ops log's start entry (2020-11-27T14:20:00Z) is later"],
        ["2020-11-27T14:20:00Z", "ops log", "start", r#"'=HYPERLINK("http://evil.invalid","stream down")"#],
        ["2020-11-27T14:22:00Z", "debrief", "detected_at", r#"Detected: ops log: "+support reports black screens""#],
        ["2020-11-27T14:22:00Z", "ops log", "detection", "'+support reports black screens (Claire)"],
        ["2020-11-27T14:24:00Z", "ops log", "attempt", "'-restart the encoder (Marc)"],
        ["2020-11-27T14:32:00Z", "ops log", "decision", "'@all switch to the backup stream"],
        ["2020-11-27T14:35:00Z", "debrief", "mitigated_at", r#"Mitigated: ops log: "Backup stream live""#],
        ["2020-11-27T14:35:00Z", "ops log", "mitigation", "Backup stream live"],
        ["2020-11-27T14:38:00Z", "debrief", "first_communication_at", r#"First communication: ops log: "Backup link e-mailed to participants""#],
        ["2020-11-27T14:38:00Z", "ops log", "communication", "Backup link e-mailed to participants"],
        ["2020-11-27T14:55:00Z", "debrief", "recovered_at", r#"Recovered: ops log: "Everyone watching again""#],
        ["2020-11-27T14:55:00Z", "ops log", "recovery", "Everyone watching again"],
    ];
    assert_eq!(got, want);
    // The five milestones, each once, at metrics.json's instants.
    let m = read_json(&out.join("metrics.json"));
    for name in [
        "started_at",
        "detected_at",
        "first_communication_at",
        "mitigated_at",
        "recovered_at",
    ] {
        let at: Vec<&str> = got.iter().filter(|r| r[2] == name).map(|r| r[0]).collect();
        assert_eq!(at, [m["incident"][name]["at"].as_str().unwrap()], "{name}");
    }
}

#[test]
fn spreadsheet_formulas_are_neutralised_in_every_csv() {
    let out = contract_report("formulas", &[]);
    // Ticket subjects starting with =, +, - and @ reach the user's query result as text.
    let subjects = std::fs::read_to_string(out.join("queries/ticket_subjects.csv")).unwrap();
    assert_eq!(
        subjects,
        "ticket_id,created_at,subject\n\
         1,2020-11-27T14:02:00Z,Invoice question\n\
         2,2020-11-27T14:18:00Z,'=2+5 black screen on the live\n\
         3,2020-11-27T14:19:00Z,'+black screen here too\n\
         4,2020-11-27T14:30:00Z,'-black screen still\n\
         5,2020-11-27T14:41:00Z,'@support black screen\n"
    );
    // Ticket subjects do not reach timeline.csv; the ops log's texts do, and no cell of it or
    // of any query result starts with a formula character.
    for (name, bytes) in files_under(&out) {
        if !name.ends_with(".csv") {
            continue;
        }
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&bytes[..]);
        for rec in r.records() {
            for cell in rec.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{name}: {cell:?}"
                );
            }
        }
    }
    let timeline = std::fs::read_to_string(out.join("timeline.csv")).unwrap();
    for cell in [
        r#""'=HYPERLINK(""http://evil.invalid"",""stream down"")""#,
        "'+support reports black screens (Claire)",
        "'-restart the encoder (Marc)",
        "'@all switch to the backup stream",
    ] {
        assert!(timeline.contains(cell), "{cell} in\n{timeline}");
    }
}

#[test]
fn a_query_of_a_list_column_is_written_not_fatal() {
    // A ticket's tags are a list, which CSV cannot hold: the result is written as the report's
    // table shows it (ticket 3 has two tags). Before, the run stopped (exit 1) after the other
    // outputs were written.
    let dir = copy_fixture(&contract(), "list-query");
    std::fs::write(
        dir.join("queries/tags.sql"),
        "-- Tags per ticket.\nSELECT ticket_id, tags FROM tickets ORDER BY ticket_id\n",
    )
    .unwrap();
    let out = scratch("list-query-out");
    report(&dir, &out);
    assert_eq!(
        std::fs::read_to_string(out.join("queries/tags.csv")).unwrap(),
        "ticket_id,tags\n1,[]\n2,[]\n3,\"[\"\"live\"\", \"\"vip\"\"]\"\n4,[]\n5,[]\n"
    );
}

#[test]
fn a_users_query_sees_the_email_event_as_text() {
    // The analysis keeps the e-mail `event` as a categorical column (fast comparisons); a
    // user's query must still read it as text: LIKE, UPPER and || failed on the categorical.
    let dir = copy_fixture(&root().join("tests/fixtures/columnar"), "event-as-text");
    std::fs::create_dir_all(dir.join("queries")).unwrap();
    std::fs::write(
        dir.join("queries/delivered.sql"),
        "-- Delivered events, as text.\nSELECT UPPER(event) AS e, event || '!' AS bang, COUNT(*) AS n \
         FROM email WHERE event LIKE 'deliv%' GROUP BY 1, 2 ORDER BY 1\n",
    )
    .unwrap();
    let out = scratch("event-as-text-out");
    let tables = scratch("event-as-text-tables");
    report_exporting(&dir, &out, &tables);
    let csv = std::fs::read_to_string(out.join("queries/delivered.csv")).unwrap();
    assert!(csv.starts_with("e,bang,n\nDELIVERED,delivered!,"), "{csv}");
    // The exported table holds the event as text too.
    use polars::prelude::SerReader;
    let exported = polars::prelude::ParquetReader::new(
        std::fs::File::open(tables.join("email.parquet")).unwrap(),
    )
    .finish()
    .unwrap();
    assert_eq!(
        exported.column("event").unwrap().dtype(),
        &polars::prelude::DataType::String
    );
}

/// Runs `debrief report DIR --debug-context` from the crate root with `env`; returns every
/// output file.
fn outputs_with(
    dir: &std::path::Path,
    name: &str,
    env: &[(&str, Option<&str>)],
) -> std::collections::BTreeMap<String, Vec<u8>> {
    let out = scratch(name);
    let o = debrief_env(
        &root(),
        &[
            "report",
            dir.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--debug-context",
        ],
        env,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    files_under(&out)
}

#[test]
fn every_output_is_identical_across_time_zones_and_thread_counts() {
    let one_thread_utc = [
        ("TZ", Some("UTC")),
        ("POLARS_MAX_THREADS", Some("1")),
        ("RAYON_NUM_THREADS", Some("1")),
    ];
    // +13:45 in November, and every core.
    let all_threads_chatham = [
        ("TZ", Some("Pacific/Chatham")),
        ("POLARS_MAX_THREADS", None),
        ("RAYON_NUM_THREADS", None),
    ];
    // The contract fixture: every kind of output, a user query among them.
    let a = outputs_with(&contract(), "same-a", &one_thread_utc);
    let b = outputs_with(&contract(), "same-b", &all_threads_chatham);
    let names: Vec<&str> = a.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "metrics.json",
            "queries/ticket_subjects.csv",
            "report-context.json",
            "report.html",
            "runbook.md",
            "timeline.csv"
        ]
    );
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs");
    }
    // The bundled sample (18,000 rows, enough to be split across threads), with a query that
    // groups and joins, through links to its files.
    use std::os::unix::fs::symlink;
    let dir = scratch("same-sample");
    for f in ["exports", "debrief.toml", "ops_log.csv", "lessons.md"] {
        symlink(root().join("sample_data").join(f), dir.join(f)).unwrap();
    }
    std::fs::create_dir(dir.join("queries")).unwrap();
    std::fs::write(
        dir.join("queries/failures_by_isp.sql"),
        "-- Views and failed views per ISP, and the tickets of their viewers.\n\
         SELECT v.isp, COUNT(*) AS views, SUM(CASE WHEN v.failed THEN 1 ELSE 0 END) AS failed,\n\
                COUNT(DISTINCT t.ticket_id) AS tickets\n\
         FROM viewing v LEFT JOIN tickets t ON v.participant = t.requester\n\
         GROUP BY v.isp ORDER BY v.isp\n",
    )
    .unwrap();
    let a = outputs_with(&dir, "same-sample-a", &one_thread_utc);
    let b = outputs_with(&dir, "same-sample-b", &all_threads_chatham);
    assert!(
        a.contains_key("queries/failures_by_isp.csv"),
        "{:?}",
        a.keys()
    );
    assert_eq!(a.len(), 6, "{:?}", a.keys());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs");
    }
}

/// The built-in queries give the same results on polars' streaming engine and on its
/// in-memory engine (`DEBRIEF_ENGINE` runs every query on one; by default each runs on the
/// engine measured faster for it, queries.rs): every output is the same three ways, on the
/// sample and on fixtures with an impact, a communication, engagement and a segment still
/// failing.
#[test]
fn every_output_is_identical_on_either_query_engine() {
    for dir in [
        root().join("sample_data"),
        contract(),
        root().join("tests/fixtures/communication"),
        root().join("tests/fixtures/engagement_web"),
        root().join("tests/fixtures/still_failing"),
    ] {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let default = outputs_with(&dir, &format!("engine-{name}"), &[("DEBRIEF_ENGINE", None)]);
        assert!(default.contains_key("metrics.json"), "{name}");
        for engine in ["streaming", "memory"] {
            let other = outputs_with(
                &dir,
                &format!("engine-{name}-{engine}"),
                &[("DEBRIEF_ENGINE", Some(engine))],
            );
            assert_eq!(
                default.keys().collect::<Vec<_>>(),
                other.keys().collect::<Vec<_>>()
            );
            for (file, bytes) in &default {
                assert!(bytes == &other[file], "{name}: {file} differs on {engine}");
            }
        }
    }
}

/// `--export-tables DIR`: every canonical table and the analysis's derived ones as Parquet,
/// with the rows the run kept, no temporary file left, no e-mail address inside; the other
/// outputs unchanged.
#[test]
fn export_tables_writes_parquet_the_run_kept() {
    use polars::prelude::*;
    let out = scratch("export-tables-out");
    let tables = scratch("export-tables");
    let plain = scratch("export-tables-plain");
    report_exporting(&root().join("tests/fixtures/impact"), &out, &tables);
    let m = report(&root().join("tests/fixtures/impact"), &plain);
    assert_eq!(
        std::fs::read(out.join("metrics.json")).unwrap(),
        std::fs::read(plain.join("metrics.json")).unwrap()
    );
    let mut names: Vec<String> = std::fs::read_dir(&tables)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for t in [
        "affected",
        "audience",
        "email",
        "incident_email",
        "log",
        "mentions",
        "registrations",
        "tickets",
        "viewing",
        "web",
        "window_views",
    ] {
        assert!(
            names.contains(&format!("{t}.parquet")),
            "{t} missing: {names:?}"
        );
    }
    assert!(names.iter().all(|n| n.ends_with(".parquet")), "{names:?}");
    let read = |t: &str| {
        ParquetReader::new(std::fs::File::open(tables.join(format!("{t}.parquet"))).unwrap())
            .finish()
            .unwrap()
    };
    // Rows kept per table, as metrics.json's sources count them (the ticket metrics file is
    // merged into the tickets of the incremental export, so tickets are not a sum).
    let kept = |kind: &str| -> usize {
        m["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["kind"] == kind)
            .map(|s| s["rows_kept"].as_u64().unwrap() as usize)
            .sum()
    };
    for t in ["viewing", "email"] {
        assert_eq!(read(t).height(), kept(t), "{t}");
    }
    // The affected participants, as metrics.json counts them (tests/it/impact.rs: 32).
    assert_eq!(read("affected").height(), 32);
    // Hashes, not addresses.
    for t in ["viewing", "email", "tickets"] {
        let df = read(t);
        for c in df.columns() {
            if c.dtype() == &DataType::String {
                assert!(
                    !c.str().unwrap().iter().flatten().any(|v| v.contains('@')),
                    "{t}.{}",
                    c.name()
                );
            }
        }
    }
}

#[test]
fn timings_name_each_file_on_stderr_and_change_no_output() {
    let dir = contract();
    let run = |name: &str, extra: &[&str]| {
        let out = scratch(name);
        let mut args = vec![
            "report",
            dir.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let o = debrief(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        // stderr with the output folder's name, which differs, as OUT.
        let err = String::from_utf8_lossy(&o.stderr).replace(out.to_str().unwrap(), "OUT");
        (o.stdout, err, files_under(&out))
    };
    let (plain_out, plain_err, plain_files) = run("timings-off", &[]);
    let (timed_out, timed_err, timed_files) = run("timings-on", &["--timings"]);
    // Nothing without the flag.
    assert!(!plain_err.contains("timings:"), "{plain_err}");
    // With it: one ingest line per input file, naming it with its rows; the stages after.
    let sources: Vec<String> =
        serde_json::from_slice::<serde_json::Value>(&plain_files["metrics.json"]).unwrap()
            ["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["path"].as_str().unwrap().to_string())
            .collect();
    assert!(sources.len() >= 2, "{sources:?}");
    for path in &sources {
        let lines = timed_err
            .lines()
            .filter(|l| l.starts_with("timings: ingest") && l.contains(path.as_str()))
            .filter(|l| l.contains(" read ") && l.contains(" kept "))
            .count();
        assert_eq!(lines, 1, "{path}: {timed_err}");
    }
    for stage in ["tables", "query", "analysis", "render", "write", "total"] {
        assert!(
            timed_err.contains(&format!("timings: {stage} ")),
            "{stage}: {timed_err}"
        );
    }
    // The same outputs, stdout and other stderr lines.
    assert_eq!(plain_out, timed_out);
    let others: Vec<&str> = timed_err
        .lines()
        .filter(|l| !l.starts_with("timings: "))
        .collect();
    assert_eq!(plain_err.lines().collect::<Vec<_>>(), others);
    assert_eq!(
        plain_files.keys().collect::<Vec<_>>(),
        timed_files.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &plain_files {
        assert!(bytes == &timed_files[name], "{name} differs");
    }
    // `check` too: the same stdout, the files named on stderr.
    let check = debrief(&["check", dir.to_str().unwrap()]);
    let check_timed = debrief(&["check", dir.to_str().unwrap(), "--timings"]);
    assert!(check_timed.status.success());
    assert_eq!(check.stdout, check_timed.stdout);
    let err = String::from_utf8_lossy(&check_timed.stderr);
    assert!(!String::from_utf8_lossy(&check.stderr).contains("timings:"));
    for path in &sources {
        assert!(
            err.lines()
                .any(|l| l.starts_with("timings: ingest") && l.contains(path.as_str())),
            "{path}: {err}"
        );
    }
}

#[test]
fn files_are_read_in_two_groups_and_reported_in_name_order() {
    // The sample's Mailjet and Mux exports are read as columns, on one thread; its other
    // files by rows, on another, at the same time: JSON objects first (a Zendesk page is
    // parsed whole, about ten times its size, best while the columnar reads hold least), then
    // the rest, each in name order. The two groups' lines interleave as they finish; the
    // sources are listed in name order whatever happened.
    let dir = root().join("sample_data");
    let o = debrief(&["check", dir.to_str().unwrap(), "--timings"]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    let read: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("timings: ingest") && l.contains(" kept "))
        .filter_map(|l| l.split_whitespace().nth(2))
        .filter(|p| p.contains('.')) // not "all 8 files"
        .collect();
    let columns = [
        "exports/mailjet_events.ndjson",
        "exports/mux_views_2020-11-27.csv",
    ];
    let by_columns: Vec<&str> = read
        .iter()
        .copied()
        .filter(|p| columns.contains(p))
        .collect();
    let by_rows: Vec<&str> = read
        .iter()
        .copied()
        .filter(|p| !columns.contains(p))
        .collect();
    assert_eq!(by_columns, columns, "{err}");
    assert_eq!(
        by_rows,
        [
            "exports/x_mentions.json",
            "exports/zendesk_ticket_metrics.json",
            "exports/zendesk_tickets_p1.json",
            "exports/zendesk_tickets_p2.json",
            "exports/billetweb_attendees.json",
            "ops_log.csv",
        ],
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    let listed: Vec<&str> = out
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|p| read.contains(p))
        .collect();
    let mut sorted = read.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "{out}");
}

/// A copy of the columnar fixture whose Mux export is padded past the size that gets a
/// progress bar (32 MiB) with views of one more participant.
fn large_file_event() -> std::path::PathBuf {
    let dir = copy_fixture(&root().join("tests/fixtures/columnar"), "progress");
    let path = dir.join("mux_views.csv");
    let mut csv = std::fs::read_to_string(&path).unwrap();
    let mut i = 0;
    while csv.len() < 33 * 1024 * 1024 {
        csv.push_str(&format!(
            "pad{i},2020-11-27T14:00:00.000Z,2020-11-27T14:01:00.000Z,60000,false,,,,vimeo,\
             pad@example.org,Orange,3215,FR,desktop,Windows,Chrome,akamai\n"
        ));
        i += 1;
    }
    std::fs::write(&path, csv).unwrap();
    dir
}

#[test]
fn progress_is_drawn_on_a_terminal_and_nowhere_else() {
    let dir = large_file_event();
    let out = scratch("progress-out");
    let args = [
        "report",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    // Piped (as in CI and this test): the lines of every run, no bar, no escape sequence.
    let piped = debrief(&args);
    assert!(piped.status.success());
    let err = String::from_utf8_lossy(&piped.stderr);
    for drawn in [
        "reading mux_views.csv",
        "analysing:",
        "\u{1b}[",
        "analysed the incident",
    ] {
        assert!(!err.contains(drawn), "{drawn:?} in piped stderr: {err}");
    }
    assert!(err.contains("wrote report.html"), "{err}");
    // On a terminal (a pseudo-terminal from util-linux's `script`): the file's bar, the
    // analysis spinner, and a line per stage.
    let command = format!(
        "{} {}",
        env!("CARGO_BIN_EXE_debrief"),
        args.map(|a| format!("'{a}'")).join(" ")
    );
    let tty = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(root())
        .output()
        .expect("util-linux's `script` runs the command on a pseudo-terminal");
    assert!(tty.status.success());
    let screen = String::from_utf8_lossy(&tty.stdout);
    for drawn in [
        "reading mux_views.csv",
        "analysing: audience_per_minute",
        "\u{2713} read 3 files",
        "\u{2713} analysed the incident",
        "\u{2713} wrote report.html",
    ] {
        assert!(
            screen.contains(drawn),
            "{drawn:?} not on the terminal: {screen}"
        );
    }
    // The outputs are the same either way.
    let again = scratch("progress-out-piped");
    let piped_again = debrief(&[
        "report",
        dir.to_str().unwrap(),
        "--out",
        again.to_str().unwrap(),
    ]);
    assert!(piped_again.status.success());
    assert_eq!(files_under(&out), files_under(&again));
}
