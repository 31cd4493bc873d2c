//! `--compare PREV` (issue 12, point 3): the sample against a hand-written previous edition,
//! tests/fixtures/previous_edition/metrics.json.

use super::common::*;

#[test]
fn the_sample_against_a_previous_edition() {
    let out = scratch("compare");
    let prev = root().join("tests/fixtures/previous_edition/metrics.json");
    let o = debrief(&[
        "report",
        "sample_data",
        "--out",
        out.to_str().unwrap(),
        "--compare",
        prev.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap();
    // `comparison` is the last key, after `findings`.
    let keys: Vec<&String> = m.as_object().unwrap().keys().collect();
    assert_eq!(keys.last().map(|k| k.as_str()), Some("comparison"));
    let c = &m["comparison"];
    assert_eq!(
        c["previous"]["name"],
        "Semaines sociales 2019 - opening plenary"
    );
    assert_eq!(c["previous"]["start"], "2019-11-29T13:30:00Z");
    let fig = |p: &str| -> (
        serde_json::Value,
        serde_json::Value,
        serde_json::Value,
        serde_json::Value,
    ) {
        let f = c["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["figure"] == p)
            .unwrap();
        (
            f["value"].clone(),
            f["previous"].clone(),
            f["change"].clone(),
            f["verdict"].clone(),
        )
    };
    use serde_json::json;
    // The sample: detect 718 s, communicate 1445 s, mitigate 2038 s, recover 2998 s.
    assert_eq!(
        fig("incident.time_to_detect_s"),
        (json!(718), json!(1500), json!(-782), json!("better"))
    );
    assert_eq!(
        fig("incident.time_to_communicate_s"),
        (json!(1445), json!(1445), json!(0), json!("same"))
    );
    assert_eq!(
        fig("incident.time_to_mitigate_s"),
        (json!(2038), json!(1800), json!(238), json!("worse"))
    );
    // Unknown last year: no change, no verdict.
    assert_eq!(
        fig("incident.time_to_recover_s"),
        (json!(2998), json!(null), json!(null), json!(null))
    );
    assert_eq!(
        fig("impact.affected_participants"),
        (json!(543), json!(800), json!(-257), json!("better"))
    );
    // 0.3439 against 0.2: a larger share of viewers in the segment is worse.
    assert_eq!(
        fig("impact.affected_segment.viewer_share"),
        (json!(0.3439), json!(0.2), json!(0.1439), json!("worse"))
    );
    assert_eq!(
        fig("impact.participant_minutes_lost"),
        (
            json!(20272.3),
            json!(30000.5),
            json!(-9728.2),
            json!("better")
        )
    );
    // Reach: a higher share is better.
    assert_eq!(
        fig("reach.affected_reached_share"),
        (json!(0.9779), json!(0.8), json!(0.1779), json!("better"))
    );
    assert_eq!(fig("reach.reached_share_of_registered").3, json!("same"));
    assert_eq!(
        fig("tickets.peak.count"),
        (json!(31), json!(40), json!(-9), json!("better"))
    );
    assert_eq!(
        fig("tickets.first_reply_median_s"),
        (json!(1020), json!(600), json!(420), json!("worse"))
    );
    assert_eq!(
        fig("social.incident_related"),
        (json!(42), json!(20), json!(22), json!("worse"))
    );
    assert_eq!(
        fig("social.sentiment.negative"),
        (json!(32), json!(12), json!(20), json!("worse"))
    );
    // Marketing's figures: attendance 0.919 against 0.85 and 125.4 minutes a head against 110
    // are better; a peak of 1,718 against 1,900 is worse; 150 mentions both years; 63 lost to
    // the incident against 90 is better.
    assert_eq!(
        fig("engagement.attendance_rate"),
        (json!(0.919), json!(0.85), json!(0.069), json!("better"))
    );
    assert_eq!(
        fig("engagement.peak_concurrent.count"),
        (json!(1718), json!(1900), json!(-182), json!("worse"))
    );
    assert_eq!(
        fig("engagement.average_minutes_per_attendee"),
        (json!(125.4), json!(110.0), json!(15.4), json!("better"))
    );
    assert_eq!(fig("engagement.social_all.mentions").3, json!("same"));
    assert_eq!(
        fig("engagement.lost_to_incident"),
        (json!(63), json!(90), json!(-27), json!("better"))
    );

    // The report: a section and last edition's value on the duration cards.
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("Compared with Semaines sociales 2019 - opening plenary (2019-11-29)"));
    assert!(
        html.contains("last edition: 25 min (<span class=\"better\">better</span>)"),
        "no previous value on the detect card"
    );
    // runbook.md: the same table.
    let runbook = std::fs::read_to_string(out.join("runbook.md")).unwrap();
    assert!(
        runbook.contains("| Time to detect | 11 min 58 s | 25 min | -13 min 02 s | better |"),
        "{runbook}"
    );
    assert!(
        runbook.contains("| Time to recover | 49 min 58 s | n/a | n/a | not comparable |"),
        "{runbook}"
    );
    // An output folder is accepted as PREV too, and gives the same comparison.
    let out2 = scratch("compare-dir");
    let dir = prev.parent().unwrap();
    let o = debrief(&[
        "report",
        "sample_data",
        "--out",
        out2.to_str().unwrap(),
        "--compare",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read(out.join("metrics.json")).unwrap(),
        std::fs::read(out2.join("metrics.json")).unwrap()
    );
}

#[test]
fn without_compare_the_key_is_null() {
    let out = scratch("no-compare");
    let m = report(&root().join("tests/fixtures/mini"), &out);
    assert!(m["comparison"].is_null());
    assert!(!std::fs::read_to_string(out.join("report.html"))
        .unwrap()
        .contains("Compared with"));
}

#[test]
fn a_file_that_is_not_a_metrics_document_is_a_clear_error() {
    let out = scratch("compare-bad");
    let o = debrief(&[
        "report",
        "sample_data",
        "--out",
        out.to_str().unwrap(),
        "--compare",
        "sample_data/debrief.toml",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("sample_data/debrief.toml, line 1: not a JSON document"),
        "{err}"
    );
    let o = debrief(&[
        "report",
        "sample_data",
        "--out",
        out.to_str().unwrap(),
        "--compare",
        "tests/fixtures/mini/x.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("field 'schema': missing: this is not a debrief.metrics/1 document"),
        "{err}"
    );
    let o = debrief(&[
        "report",
        "sample_data",
        "--out",
        out.to_str().unwrap(),
        "--compare",
        "no/such/metrics.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("--compare no/such/metrics.json: no such file")
    );
    // Nothing was written.
    assert!(!out.join("metrics.json").exists());
}
