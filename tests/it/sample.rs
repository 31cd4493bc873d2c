//! The bundled sample event against what its generator planted (tests/fixtures/
//! sample_planted.json, written from the generator's own parameters, not by debrief's code).

use super::common::*;

fn planted() -> serde_json::Value {
    serde_json::from_slice(
        &std::fs::read(root().join("tests/fixtures/sample_planted.json")).unwrap(),
    )
    .unwrap()
}

fn secs(rfc3339: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .unwrap()
        .timestamp()
}

/// `debrief report` with no input folder runs on the bundled sample.
fn sample_metrics() -> (serde_json::Value, std::path::PathBuf) {
    let out = scratch("sample");
    let o = debrief(&["report", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (
        serde_json::from_slice(&std::fs::read(out.join("metrics.json")).unwrap()).unwrap(),
        out,
    )
}

#[test]
fn milestones_match_what_was_planted() {
    let (m, _) = sample_metrics();
    let p = planted();
    let i = &m["incident"];
    let start = i["started_at"]["at"].as_str().unwrap();
    let planted_start = p["incident_start"].as_str().unwrap();
    assert!(
        (secs(start) - secs(planted_start)).abs() <= 120,
        "started_at {start} is more than 2 minutes from the planted {planted_start}"
    );
    assert_eq!(
        i["started_at"]["provenance"], "observed",
        "the sample's log has no start entry"
    );
    for (milestone, key) in [
        ("detected_at", "detected_at"),
        ("mitigated_at", "mitigated_at"),
        ("recovered_at", "recovered_at"),
    ] {
        assert_eq!(i[milestone]["at"], p["ops_log"][key], "{milestone}");
        assert_eq!(i[milestone]["provenance"], "log", "{milestone}");
    }
    // The first communication is the earliest of the backup e-mail's first delivery and the
    // log's communication entry (the organisation's post comes later).
    let first_comm = secs(i["first_communication_at"]["at"].as_str().unwrap());
    let expected = secs(p["first_backup_delivered_at"].as_str().unwrap()).min(secs(
        p["ops_log"]["first_communication_logged_at"]
            .as_str()
            .unwrap(),
    ));
    assert_eq!(first_comm, expected);
    for d in [
        "time_to_detect_s",
        "time_to_communicate_s",
        "time_to_mitigate_s",
        "time_to_recover_s",
    ] {
        assert!(i[d].as_i64().is_some_and(|v| v > 0), "{d} = {}", i[d]);
    }
    // Social media was the first channel a person could see, before the detection.
    let ids = finding_ids(&m);
    assert!(ids.iter().any(|i| i == "social-signalled-first"), "{ids:?}");
}

#[test]
fn counts_match_what_was_planted() {
    let (m, _) = sample_metrics();
    let p = planted();
    assert_eq!(m["tickets"]["total"], p["tickets_total"]);
    assert_eq!(m["tickets"]["incident_related"], p["tickets_incident"]);
    assert_eq!(m["social"]["mentions"], p["mentions_total"]);
    assert_eq!(m["social"]["incident_related"], p["mentions_incident"]);
    assert_balanced(&m);
    let source = |format: &str| -> Vec<serde_json::Value> {
        m["sources"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["format"] == format)
            .cloned()
            .collect()
    };
    let sum = |format: &str, key: &str| {
        source(format)
            .iter()
            .map(|s| s[key].as_u64().unwrap())
            .sum::<u64>()
    };
    assert_eq!(
        sum("zendesk-incremental-json", "rows_read"),
        p["ticket_rows_total"].as_u64().unwrap()
    );
    assert_eq!(
        sum("zendesk-incremental-json", "duplicates_removed"),
        p["ticket_repeats"].as_u64().unwrap()
    );
    assert_eq!(
        sum("mailjet-events", "rows_read"),
        p["email_rows"].as_u64().unwrap()
    );
    assert_eq!(
        sum("mailjet-events", "duplicates_removed"),
        p["email_duplicates"].as_u64().unwrap()
    );
    assert_eq!(
        sum("mux-views-csv", "rows_kept"),
        p["mux_rows"].as_u64().unwrap()
    );
    for s in m["sources"].as_array().unwrap() {
        assert_eq!(s["rows_rejected"], 0, "the sample has no bad rows: {s}");
        assert!(
            s["format"].is_string(),
            "every sample file is recognised: {s}"
        );
    }
}

#[test]
fn impact_and_reach_match_what_was_planted() {
    let (m, _) = sample_metrics();
    let p = planted();
    let seg = &m["impact"]["affected_segment"];
    assert_eq!(
        (seg["dimension"].as_str(), seg["value"].as_str()),
        (Some("isp"), p["affected_isp"].as_str())
    );
    // The planted count is of participants failed by the incident; docs/definitions.md counts
    // any failed view in the window, so everyday failures (at most mux_baseline_failed_views) may add a few.
    let affected = m["impact"]["affected_participants"].as_u64().unwrap();
    let planted_affected = p["affected_viewers"].as_u64().unwrap();
    let everyday = p["mux_baseline_failed_views"].as_u64().unwrap();
    assert!(
        (planted_affected..=planted_affected + everyday).contains(&affected),
        "{affected} vs planted {planted_affected}"
    );
    let recovered = m["impact"]["recovered_participants"].as_u64().unwrap();
    let planted_recovered = p["affected_recovered"].as_u64().unwrap();
    assert!(
        (planted_recovered..=planted_recovered + everyday).contains(&recovered),
        "{recovered} vs {planted_recovered}"
    );
    let r = &m["reach"];
    let campaigns = r["campaigns"].as_array().unwrap();
    assert_eq!(
        campaigns.len(),
        1,
        "only the configured backup campaign counts"
    );
    let c = &campaigns[0];
    assert_eq!(
        c["recipients"],
        p["email_recipients_per_campaign"][c["campaign"].as_str().unwrap()]
    );
    assert_eq!(
        c["delivered"],
        p["email_delivered_per_campaign"][c["campaign"].as_str().unwrap()]
    );
    assert_eq!(c["first_event_at"], p["first_backup_email_at"]);
    assert_eq!(r["registered"], p["registered_active"]);
}

/// docs/definitions.md, "Engagement", against the generator's own count of the simulation's
/// views (gen/src/planted.rs). Mux writes instants to the millisecond and every view lies in
/// the event window, so debrief sees the very views the generator counted: attendance and the
/// peak minute are exact, no tolerance.
#[test]
fn engagement_matches_what_was_planted() {
    let (m, _) = sample_metrics();
    let p = planted();
    let e = &m["engagement"];
    assert_eq!(e["attended"], p["attended"]);
    assert_eq!(e["peak_concurrent"], p["peak_concurrent"]);
    let attended = p["attended"].as_f64().unwrap();
    let registered = p["registered_active"].as_f64().unwrap();
    assert_eq!(
        e["attendance_rate"].as_f64().unwrap(),
        (attended / registered * 10_000.0).round() / 10_000.0
    );
    // Everyone on YouTube came through the fallback; their views there never fail.
    let youtube = e["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["platform"] == "youtube")
        .unwrap();
    assert_eq!(youtube["viewers"], p["fallback_viewers"]);
    // Lost: affected minus recovered, each within the few everyday failures of the planted
    // counts (see impact_and_reach_match_what_was_planted).
    let lost = e["lost_to_incident"].as_u64().unwrap();
    let im = &m["impact"];
    assert_eq!(
        lost,
        im["affected_participants"].as_u64().unwrap()
            - im["recovered_participants"].as_u64().unwrap()
    );
    let planted_lost =
        p["affected_viewers"].as_u64().unwrap() - p["affected_recovered"].as_u64().unwrap();
    let everyday = p["mux_baseline_failed_views"].as_u64().unwrap();
    assert!(
        lost + everyday >= planted_lost && lost <= planted_lost + everyday,
        "{lost} vs planted {planted_lost}"
    );
    // Both campaigns, incident or not, with their planted recipients and deliveries.
    let campaigns = e["campaigns"].as_array().unwrap();
    assert_eq!(campaigns.len(), 2);
    for c in campaigns {
        let name = c["campaign"].as_str().unwrap();
        assert_eq!(c["recipients"], p["email_recipients_per_campaign"][name]);
        assert_eq!(c["delivered"], p["email_delivered_per_campaign"][name]);
    }
    assert_eq!(e["social_all"]["mentions"], p["mentions_total"]);
    assert_eq!(e["social_all"]["top_posts"].as_array().unwrap().len(), 5);
    // Retention: every 5-minute bucket of 14:30-19:00 Paris, shares between 0 and 1; the
    // bucket holding the peak minute holds at least its participants.
    let retention = e["retention"].as_array().unwrap();
    assert_eq!(retention.len(), 54);
    assert_eq!(retention[0]["at"], "2020-11-27T13:30:00Z");
    let shares: Vec<f64> = retention
        .iter()
        .map(|r| r["share"].as_f64().unwrap())
        .collect();
    assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)));
    let peak_share = p["peak_concurrent"]["count"].as_f64().unwrap() / attended;
    assert!(shares.iter().cloned().fold(0.0, f64::max) >= peak_share);
    assert!(e["web"].is_null(), "the sample has no web logs");
}

#[test]
fn sample_outputs_are_private_and_deterministic() {
    let (_, a) = sample_metrics();
    let (_, b) = sample_metrics();
    for ((name, x), (_, y)) in outputs(&a).iter().zip(outputs(&b)) {
        assert_eq!(x, &y, "{name} differs between two runs on the same input");
        assert_no_contact_details(name, x);
    }
    let html = std::fs::read_to_string(a.join("report.html")).unwrap();
    assert!(
        html.matches("<svg").count() >= 3,
        "the report should carry its charts"
    );
}

/// Every word written inside backticks in docs/definitions.md.
fn defined_words() -> std::collections::BTreeSet<String> {
    let doc = std::fs::read_to_string(root().join("docs/definitions.md")).unwrap();
    let words = regex::Regex::new(r"[a-z_0-9]+").unwrap();
    doc.split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|span| {
            words
                .find_iter(span)
                .map(|w| w.as_str().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The keys of a JSON value, at every depth (`by_channel`'s keys are channel names, not keys).
fn keys(v: &serde_json::Value, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                out.insert(k.clone());
                if k != "by_channel" {
                    keys(x, out);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
        _ => {}
    }
}

#[test]
fn every_key_of_metrics_json_is_defined_in_the_docs_that_ship() {
    // The sample writes every section; the contract fixture adds nothing new but the
    // definitions must cover it too. The sample has no web logs or YouTube snapshots: the
    // engagement_web fixture writes their keys.
    let (m, _) = sample_metrics();
    let contract = scratch("docs-contract");
    let c = report(&root().join("tests/fixtures/contract"), &contract);
    let w = report(
        &root().join("tests/fixtures/engagement_web"),
        &scratch("docs-web"),
    );
    let mut written = std::collections::BTreeSet::new();
    keys(&m, &mut written);
    keys(&c, &mut written);
    keys(&w, &mut written);
    for section in ["impact", "reach", "tickets", "social", "engagement"] {
        assert!(m[section].is_object(), "the sample has no {section}");
    }
    assert!(w["engagement"]["web"]["requests"][0].is_object());
    assert!(w["engagement"]["peak_concurrent_snapshots"][0].is_object());
    let defined = defined_words();
    let missing: Vec<&String> = written.iter().filter(|k| !defined.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "not in docs/definitions.md: {missing:?}"
    );
    // What is written is no longer listed as not computed yet: engagement and [web].pages
    // moved up from "Not computed yet" when they were.
    let doc = std::fs::read_to_string(root().join("docs/definitions.md")).unwrap();
    let not_yet = doc
        .split("## Not computed yet")
        .nth(1)
        .expect("docs/definitions.md has a \"Not computed yet\" section");
    for written_now in ["engagement", "[web]"] {
        assert!(
            !not_yet.contains(&format!("`{written_now}")),
            "{written_now} is still listed as not computed yet"
        );
    }
    assert!(written.contains("engagement") && defined.contains("engagement"));
    // The report points to them in words a reader of a mailed copy can follow; nothing
    // refers to the project's internal specification.
    let html = std::fs::read_to_string(contract.join("report.html")).unwrap();
    assert!(html.contains("<strong>docs/definitions.md</strong>, which comes with debrief"));
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.contains("(docs/definitions.md)"));
    for (name, text) in outputs(&contract)
        .iter()
        .chain([("README.md".to_string(), readme)].iter())
    {
        assert!(!text.contains("metrics.md"), "{name} refers to metrics.md");
    }
}

/// The sample's free text that reaches the page holds no markup (its one script payload is in
/// a ticket description, which never does): plant some where it does, in a copy of its
/// config and ops log beside its exports, and find it escaped.
#[cfg(unix)]
#[test]
fn sample_text_reaches_the_page_escaped() {
    let dir = scratch("sample-payloads");
    let sample = root().join("sample_data");
    std::os::unix::fs::symlink(sample.join("exports"), dir.join("exports")).unwrap();
    let toml = std::fs::read_to_string(sample.join("debrief.toml"))
        .unwrap()
        .replace(
            "name = \"Semaines sociales 2020 - opening plenary\"",
            "name = \"SSF <script>alert(1)</script>\"",
        );
    assert!(toml.contains("SSF <script>"));
    std::fs::write(dir.join("debrief.toml"), toml).unwrap();
    let log = std::fs::read_to_string(sample.join("ops_log.csv"))
        .unwrap()
        .replace(",Marc,10m", ",Marc <img src=x onerror=alert(2)>,10m");
    assert!(log.contains("<img"));
    std::fs::write(dir.join("ops_log.csv"), log).unwrap();
    let out = dir.join("out");
    report(&dir, &out);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.contains("<script") && !html.contains("<img"));
    assert!(html.contains("<h1>SSF &lt;script&gt;alert(1)&lt;&#x2F;script&gt;</h1>"));
    assert!(html.contains("<td>Marc &lt;img src=x onerror=alert(2)&gt;</td>"));
}
