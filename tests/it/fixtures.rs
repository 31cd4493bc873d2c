//! Edge cases of docs/definitions.md, each a fixture folder with answers worked out by hand.

use super::common::*;
use serde_json::{json, Value};

/// tests/fixtures/dst_no_log: an incident the night Paris clocks go back (25 Oct 2020,
/// 03:00 CEST -> 02:00 CET, i.e. at 01:00Z), no ops log at all. Window 01:00 CEST-04:00 CET =
/// 23:00Z-03:00Z (four hours). Tickets: two ordinary ones (23:30Z, 00:30Z), incident ones at
/// 01:10Z, 01:12Z, 01:13Z and 02:00Z; first replies after 5 min (01:10) and 1 min (01:12).
#[test]
fn incident_without_ops_log_across_a_dst_change() {
    let out = scratch("dst");
    let m = report(&root().join("tests/fixtures/dst_no_log"), &out);
    assert_eq!(m["event"]["start"], "2020-10-24T23:00:00Z");
    assert_eq!(m["event"]["end"], "2020-10-25T03:00:00Z");
    let i = &m["incident"];
    // 01:10, 01:12, 01:13 in one 5-minute window against the floored baseline: onset 01:10Z.
    assert_eq!(
        i["started_at"],
        json!({"at": "2020-10-25T01:10:00Z", "provenance": "observed",
        "evidence": "incident-related tickets: first 5-minute window above the baseline of 0.042 per 5 minutes opens at this ticket"})
    );
    // First agent reply on an incident ticket: 01:12 + 1 min.
    assert_eq!(i["detected_at"]["at"], "2020-10-25T01:13:00Z");
    assert_eq!(i["detected_at"]["provenance"], "observed");
    for absent in [
        "first_communication_at",
        "mitigated_at",
        "recovered_at",
        "time_to_communicate_s",
        "time_to_mitigate_s",
        "time_to_recover_s",
    ] {
        assert_eq!(i[absent], Value::Null, "{absent}");
    }
    assert_eq!(i["time_to_detect_s"], 180);
    assert_eq!(
        m["targets"],
        json!([{"metric": "time_to_detect_s", "target": 600, "actual": 180, "met": true}])
    );
    let t = &m["tickets"];
    // Baseline 23:00Z-01:10Z: 2 tickets in 130 minutes = 0.923 per hour; peak 3 in the 01:10
    // bucket = 36 per hour, 39.0 times the baseline.
    assert_eq!(t["baseline_per_hour"], 0.923);
    assert_eq!(t["peak"], json!({"at": "2020-10-25T01:10:00Z", "count": 3}));
    assert_eq!(t["peak_multiple"], 39.0);
    // Waits 60 s and 300 s.
    assert_eq!(
        (
            t["first_reply_median_s"].as_i64(),
            t["first_reply_p90_s"].as_i64()
        ),
        (Some(60), Some(300))
    );
    // Local times carry their offset: 01:10Z is 02:10 CET, an hour after 00:10Z was 02:10 CEST.
    let csv = std::fs::read_to_string(out.join("timeline.csv")).unwrap();
    assert!(
        csv.contains("2020-10-25T01:10:00Z,2020-10-25 02:10:00 +01:00"),
        "{csv}"
    );
    assert!(
        csv.contains("2020-10-25T01:13:00Z,2020-10-25 02:13:00 +01:00"),
        "{csv}"
    );
    let ids = finding_ids(&m);
    assert_eq!(
        ids,
        vec!["support-signalled-first", "target-time-to-detect"]
    );
}

/// tests/fixtures/dst_rows: registrations, Zoom sessions, mentions and an ops log written in
/// Paris time on the nights the clocks change (docs/definitions.md, "Time zones").
/// 25 Oct 2020: 02:00-02:59 happened at +02:00 (00:00Z-00:59Z), then again at +01:00; the
/// first is taken. 29 Mar 2020: 02:00-02:59 never happened; moved an hour forward (02:30 ->
/// 03:30 +02:00 = 01:30Z). No row is dropped for it; each such time is a warning with its
/// place.
#[test]
fn local_times_on_a_dst_change_are_kept_with_a_warning() {
    let dir = root().join("tests/fixtures/dst_rows");
    let out = scratch("dst-rows");
    let m = report(&dir, &out);
    assert_balanced(&m);
    let src = |path: &str| -> Value {
        m["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["path"] == path)
            .unwrap()
            .clone()
    };
    let counts = |s: &Value| {
        [
            "rows_read",
            "rows_kept",
            "rows_rejected",
            "duplicates_removed",
            "warning_count",
        ]
        .map(|k| s[k].as_u64().unwrap())
    };
    // Billetweb: 10 records, record 9 repeats attendee 2; none rejected. Six times fall on a
    // change: records 1-3 and 8 in the repeated hour, 5 in the skipped one, and the repeat 9
    // (its row was read, then found a duplicate). Record 7 writes its offset: no warning.
    let b = src("billetweb_attendees.json");
    assert_eq!(counts(&b), [10, 9, 0, 1, 6]);
    let twice = |place: &str, field: &str, local: &str| json!({"line": null, "reason": format!("{place}{field}: {local} happens twice in Europe/Paris; read as +02:00")});
    assert_eq!(
        b["warnings"],
        json!([
            twice("record[1]: ", "order_date", "2020-10-25 02:00:00"),
            twice("record[2]: ", "order_date", "2020-10-25 02:41:48"),
            twice("record[3]: ", "order_date", "2020-10-25 02:59:59"),
            {"line": null, "reason": "record[5]: order_date: 2020-03-29 02:30:00 never happens in Europe/Paris (the clocks jump forward); read as 2020-03-29 03:30:00 +02:00"},
            twice("record[8]: ", "order_date", "2020-10-25 02:15:00"),
            twice("record[9]: ", "order_date", "2020-10-25 02:05:00"),
        ])
    );
    // Eventbrite's CSV: the US form with AM/PM and the ISO form take the same rule.
    let e = src("eventbrite.csv");
    assert_eq!(counts(&e), [3, 3, 0, 0, 3]);
    assert_eq!(
        e["warnings"],
        json!([
            {"line": 2, "reason": "order date: 2020-10-25 02:30:00 happens twice in Europe/Paris; read as +02:00"},
            {"line": 3, "reason": "order date: 2020-03-29 02:15:00 never happens in Europe/Paris (the clocks jump forward); read as 2020-03-29 03:15:00 +02:00"},
            {"line": 4, "reason": "order date: 2020-10-25 02:45:00 happens twice in Europe/Paris; read as +02:00"},
        ])
    );
    // Zoom's portal CSV (table header on line 4) and a mentions CSV: same rule.
    let z = src("zoom_participants.csv");
    assert_eq!(counts(&z), [2, 2, 0, 0, 2]);
    assert_eq!(
        z["warnings"],
        json!([
            {"line": 5, "reason": "leave time: 2020-10-25 02:20:00 happens twice in Europe/Paris; read as +02:00"},
            {"line": 6, "reason": "join time: 2020-10-25 02:25:00 happens twice in Europe/Paris; read as +02:00"},
        ])
    );
    let mentions = src("mentions.csv");
    assert_eq!(counts(&mentions), [2, 2, 0, 0, 1]);
    assert_eq!(
        mentions["warnings"],
        json!([{"line": 2, "reason": "at: 2020-10-25 02:12:00 happens twice in Europe/Paris; read as +02:00"}])
    );
    // Registered: the 8 active Billetweb attendees (9 is cancelled, the repeat is attendee 2)
    // and the 3 Eventbrite ones. Before the ruling, the 6 rows in the changes were rejected.
    assert_eq!(m["reach"]["registered"], 11);

    // The ops log: line 5 is rejected for its kind, and its time (in the repeated hour) is no
    // warning; lines 3, 4 and 6 are.
    let log = src("ops_log.csv");
    assert_eq!(counts(&log), [6, 5, 1, 0, 3]);
    assert_eq!(log["rejections"][0]["line"], 5);
    assert_eq!(
        log["warnings"],
        json!([
            {"line": 3, "reason": "time: 2020-10-25 02:10:00 happens twice in Europe/Paris; read as +02:00"},
            {"line": 4, "reason": "time: 2020-10-25 02:40:00 happens twice in Europe/Paris; read as +02:00"},
            {"line": 6, "reason": "time: 2020-10-25 02:55:00 happens twice in Europe/Paris; read as +02:00"},
        ])
    );
    // Start 01:50 CEST = 23:50Z; detection 02:10 (first) = 00:10Z; communication 02:40 =
    // 00:40Z; mitigation 02:55 = 00:55Z; recovery 03:20 CET = 02:20Z.
    let i = &m["incident"];
    let at = |k: &str| i[k]["at"].as_str().unwrap().to_string();
    assert_eq!(
        [
            at("started_at"),
            at("detected_at"),
            at("first_communication_at"),
            at("mitigated_at"),
            at("recovered_at")
        ],
        [
            "2020-10-24T23:50:00Z",
            "2020-10-25T00:10:00Z",
            "2020-10-25T00:40:00Z",
            "2020-10-25T00:55:00Z",
            "2020-10-25T02:20:00Z"
        ]
    );
    let secs = |k: &str| i[k].as_i64().unwrap();
    assert_eq!(
        [
            secs("time_to_detect_s"),
            secs("time_to_communicate_s"),
            secs("time_to_mitigate_s"),
            secs("time_to_recover_s")
        ],
        [1200, 1800, 3900, 9000]
    );
    let csv = std::fs::read_to_string(out.join("timeline.csv")).unwrap();
    for line in [
        "2020-10-25T00:10:00Z,2020-10-25 02:10:00 +02:00,ops log,detection",
        "2020-10-25T02:20:00Z,2020-10-25 03:20:00 +01:00,ops log,recovery",
    ] {
        assert!(csv.contains(line), "{line} not in {csv}");
    }

    // The registration instants themselves.
    let config = debrief::config::Config::load(&dir.join("debrief.toml")).unwrap();
    let ingested = debrief::ingest::ingest_dir(&dir, &config).unwrap();
    let instants: Vec<String> = ingested
        .rows
        .registrations
        .iter()
        .map(|r| debrief::timeutil::fmt_utc(r.registered_at.unwrap()))
        .collect();
    assert_eq!(
        instants,
        [
            "2020-10-24T23:59:59Z", // 01:59:59 CEST
            "2020-10-25T00:00:00Z", // 02:00:00, first
            "2020-10-25T00:41:48Z",
            "2020-10-25T00:59:59Z",
            "2020-10-25T02:00:00Z", // 03:00:00 CET
            "2020-03-29T01:30:00Z", // 02:30, skipped: 03:30 CEST
            "2020-03-29T01:30:00Z", // 03:30 CEST
            "2020-10-25T01:30:00Z", // 02:30+01:00, the second, as written
            "2020-10-25T00:15:00Z", // cancelled
            "2020-10-25T00:30:00Z", // Eventbrite: 02:30 AM, first
            "2020-03-29T01:15:00Z", // 02:15 AM, skipped: 03:15 CEST
            "2020-10-25T00:45:00Z",
        ]
    );

    let utc = |ms: Option<i64>| debrief::timeutil::fmt_utc(ms.unwrap());
    let sessions: Vec<(String, String)> = ingested
        .rows
        .viewing
        .iter()
        .map(|v| (utc(v.started_at), utc(v.ended_at)))
        .collect();
    assert_eq!(
        sessions,
        owned(&[
            ("2020-10-24T23:45:00Z", "2020-10-25T00:20:00Z"), // 01:45 CEST - 02:20, first
            ("2020-10-25T00:25:00Z", "2020-10-25T02:30:00Z"), // 02:25, first - 03:30 CET
        ])
    );
    let posts: Vec<String> = ingested.rows.mentions.iter().map(|p| utc(p.at)).collect();
    assert_eq!(posts, ["2020-10-25T00:12:00Z", "2020-10-25T02:12:00Z"]);

    // metrics.json lists a source's warnings right after its rejections (the first source,
    // Billetweb, has none of those).
    let text = std::fs::read_to_string(out.join("metrics.json")).unwrap();
    let (r, w) = (
        text.find("\"rejections\"").unwrap(),
        text.find("\"warnings\"").unwrap(),
    );
    assert!(
        r < w && text[r..w].matches("\":").count() == 1,
        "{}",
        &text[r..w]
    );
    // `check` and the report's data quality list them with their place.
    let o = debrief(&["check", dir.to_str().unwrap()]);
    assert!(o.status.success());
    let s = String::from_utf8_lossy(&o.stdout);
    assert!(
        s.contains("    warning: line 3: time: 2020-10-25 02:10:00 happens twice in Europe/Paris; read as +02:00")
            && s.contains("    warning: record[5]: order_date: 2020-03-29 02:30:00 never happens"),
        "{s}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("warning: line 6: time: 2020-10-25 02:55:00 happens twice in Europe&#x2F;Paris; read as +02:00"),
        "no warning in the data-quality section"
    );
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
}

/// tests/fixtures/quiet: 200 viewers, 8 isolated failures (never two in a minute), ordinary
/// tickets and posts, a newsletter: nothing is incident-related and nothing may be flagged.
#[test]
fn an_event_without_incident_flags_nothing() {
    let m = report(&root().join("tests/fixtures/quiet"), &scratch("quiet"));
    let i = &m["incident"];
    for k in [
        "started_at",
        "detected_at",
        "first_communication_at",
        "mitigated_at",
        "recovered_at",
    ] {
        assert_eq!(i[k], Value::Null, "{k}");
    }
    for k in [
        "time_to_detect_s",
        "time_to_communicate_s",
        "time_to_mitigate_s",
        "time_to_recover_s",
    ] {
        assert_eq!(i[k], Value::Null, "{k}");
    }
    assert_eq!(i["first_signals"], json!([]));
    assert_eq!(m["impact"], Value::Null);
    assert_eq!(m["findings"], json!([]));
    assert_eq!(
        m["targets"],
        json!([{"metric": "time_to_detect_s", "target": 600, "actual": null, "met": null}])
    );
    assert_eq!(
        (
            m["tickets"]["total"].as_u64(),
            m["tickets"]["incident_related"].as_u64()
        ),
        (Some(3), Some(0))
    );
    assert_eq!(m["tickets"]["peak"], Value::Null);
    assert_eq!(
        (
            m["social"]["mentions"].as_u64(),
            m["social"]["incident_related"].as_u64()
        ),
        (Some(5), Some(0))
    );
    assert_eq!(m["social"]["peak"], Value::Null);
    assert_eq!(m["social"]["potential_reach"], Value::Null);
    assert_eq!(m["social"]["sentiment"], Value::Null);
    // The newsletter is no incident campaign; of 3 attendees one cancelled.
    assert_eq!(m["reach"]["campaigns"], json!([]));
    assert_eq!(m["reach"]["registered"], 2);
    assert_eq!(m["reach"]["reached_share_of_registered"], 0.0);
    assert_eq!(m["reach"]["affected_reached"], Value::Null);
    assert_balanced(&m);
}

/// The mini fixture with the event starting 5 minutes before the impact: no baseline.
#[test]
fn too_little_baseline_is_said_not_invented() {
    let dir = scratch("short-baseline");
    let src = root().join("tests/fixtures/mini");
    for f in ["ops_log.csv", "x.json", "tickets.json"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    let toml = std::fs::read_to_string(src.join("debrief.toml"))
        .unwrap()
        .replace("2020-11-27T15:00", "2020-11-27T15:05");
    std::fs::write(dir.join("debrief.toml"), toml).unwrap();
    let out = scratch("short-baseline-out");
    let m = report(&dir, &out);
    // Impact starts 14:10Z, the event 14:05Z: a 5-minute baseline.
    assert_eq!(m["incident"]["started_at"]["at"], "2020-11-27T14:10:00Z");
    assert_eq!(m["tickets"]["baseline_per_hour"], Value::Null);
    assert_eq!(m["tickets"]["peak_multiple"], Value::Null);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("baseline under 10 minutes"));
}

/// The mini fixture with the detection logged at 15:05, before any signal (mentions 15:10):
/// time to detect would be -300 s. It is not shown; a data finding names both entries.
#[test]
fn negative_duration_is_a_data_problem() {
    let dir = scratch("negative");
    let src = root().join("tests/fixtures/mini");
    for f in ["debrief.toml", "x.json", "tickets.json"] {
        std::fs::copy(src.join(f), dir.join(f)).unwrap();
    }
    std::fs::write(
        dir.join("ops_log.csv"),
        "time,kind,text\n2020-11-27 15:05,detection,Typed the wrong hour\n",
    )
    .unwrap();
    let m = report(&dir, &scratch("negative-out"));
    assert_eq!(m["incident"]["started_at"]["at"], "2020-11-27T14:10:00Z");
    assert_eq!(m["incident"]["detected_at"]["at"], "2020-11-27T14:05:00Z");
    assert_eq!(m["incident"]["time_to_detect_s"], Value::Null);
    let f = m["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "negative-time-to-detect")
        .unwrap()
        .clone();
    assert_eq!(f["severity"], "data");
    let text = f["text"].as_str().unwrap();
    assert!(
        text.contains("(-300 s)")
            && text.contains("Typed the wrong hour")
            && text.contains("incident-related mentions"),
        "{text}"
    );
}
