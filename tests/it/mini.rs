//! The mini fixture (tests/fixtures/mini), small enough to work out by hand.
//!
//! Event window 15:00-16:00 Paris = 14:00-15:00Z. Incident-related mentions at 14:10 and
//! 14:12 (two within 5 minutes against the floored baseline of 0.5/h: anomalous) and an own
//! post at 14:41; tickets: one baseline ticket at 14:02, incident ones at 14:15, 14:16 (tag
//! only) and 14:30, ticket 2 twice (the later copy wins), one spreadsheet-damaged id.
//! Ops log (Paris time): detection 15:20, attempt 15:25 (timebox 5m), mitigation 15:35,
//! communication 15:40, recovery 15:50, and one row with an unknown kind.

use super::common::*;

fn run() -> serde_json::Value {
    let out = scratch("mini");
    report(&root().join("tests/fixtures/mini"), &out)
}

#[test]
fn milestones_and_durations() {
    let m = run();
    let i = &m["incident"];
    // Mentions' onset (14:10Z) beats tickets' (14:15Z); no log start entry.
    assert_eq!(i["started_at"]["at"], "2020-11-27T14:10:00Z");
    assert_eq!(i["started_at"]["provenance"], "observed");
    assert_eq!(i["detected_at"]["at"], "2020-11-27T14:20:00Z");
    assert_eq!(i["detected_at"]["provenance"], "log");
    // The log's 14:40 communication is earlier than anything observed (the own post, 14:41).
    assert_eq!(i["first_communication_at"]["at"], "2020-11-27T14:40:00Z");
    assert_eq!(i["mitigated_at"]["at"], "2020-11-27T14:35:00Z");
    assert_eq!(i["recovered_at"]["at"], "2020-11-27T14:50:00Z");
    assert_eq!(i["time_to_detect_s"], 600);
    assert_eq!(i["time_to_communicate_s"], 1200);
    assert_eq!(i["time_to_mitigate_s"], 1500);
    assert_eq!(i["time_to_recover_s"], 2400);
    let signals = first_signals(&m);
    assert_eq!(
        signals,
        owned(&[
            ("mentions", "2020-11-27T14:10:00Z"),
            ("tickets", "2020-11-27T14:15:00Z")
        ])
    );
}

#[test]
fn ticket_and_social_figures() {
    let m = run();
    let t = &m["tickets"];
    assert_eq!(t["total"], 4);
    assert_eq!(t["incident_related"], 3);
    assert_eq!(t["peak"]["at"], "2020-11-27T14:15:00Z");
    assert_eq!(t["peak"]["count"], 2);
    // Baseline window 14:00-14:10Z holds one ticket: 6 per hour; peak 2 per 5 min = 24/h = 4x.
    assert_eq!(t["baseline_per_hour"], 6.0);
    assert_eq!(t["peak_multiple"], 4.0);
    assert_eq!(t["by_channel"], serde_json::json!({"chat": 2, "web": 1}));
    assert_eq!(
        t["before_after_communication"],
        serde_json::json!({"before": 3, "after": 0})
    );
    let s = &m["social"];
    // Team_Account's own post (1004) is communication, not a mention (docs/definitions.md): alice,
    // bob and carol remain, bob's and carol's about the incident.
    assert_eq!(s["mentions"], 3);
    assert_eq!(s["incident_related"], 2);
    // bob 50 + carol 10; engagements bob (1+2+3) + carol 1. Before the ruling the team's post
    // added 1000 followers and 17 engagements.
    assert_eq!(s["potential_reach"], 60);
    assert_eq!(s["unique_reach"], 60);
    assert_eq!(s["engagements"], 7);
    assert_eq!(s["impressions"], serde_json::Value::Null);
    // X gives no sentiment: the lexicon reads both incident mentions as negative.
    assert_eq!(
        s["sentiment"],
        serde_json::json!({"source": "lexicon", "negative": 2, "neutral": 0, "positive": 0})
    );
    // The team's post is listed as communication instead.
    let own = m["reach"]["own_posts"].as_array().unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0]["engagements"], 17);
}

#[test]
fn targets_attempts_and_findings() {
    let m = run();
    assert_eq!(
        m["targets"],
        serde_json::json!([
            {"metric": "time_to_communicate_s", "target": 900, "actual": 1200, "met": false},
            {"metric": "time_to_detect_s", "target": 900, "actual": 600, "met": true}
        ])
    );
    // 15:25 to the mitigation at 15:35 is 10 minutes against a 5-minute timebox.
    assert_eq!(m["attempts"][0]["overrun_s"], 300);
    let ids = finding_ids(&m);
    assert!(ids.iter().any(|i| i == "social-signalled-first"), "{ids:?}");
    assert!(ids.iter().any(|i| i == "attempt-overran-1"), "{ids:?}");
    assert!(
        ids.iter().any(|i| i == "target-time-to-communicate"),
        "{ids:?}"
    );
}

#[test]
fn every_row_is_accounted_for() {
    let m = run();
    assert_balanced(&m);
    let by_path = |p: &str| {
        m["sources"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["path"] == p)
            .unwrap()
            .clone()
    };
    let log = by_path("ops_log.csv");
    assert_eq!(
        (log["rows_read"].as_u64(), log["rows_rejected"].as_u64()),
        (Some(6), Some(1))
    );
    assert_eq!(log["rejections"][0]["line"], 7);
    assert!(log["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("kind: 'lunch'"));
    let tickets = by_path("tickets.json");
    assert_eq!(tickets["duplicates_removed"], 1);
    assert!(tickets["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("1.03006E+13"));
    let unknown = by_path("unknown.csv");
    assert_eq!(unknown["format"], serde_json::Value::Null);
    assert!(unknown["problem"]
        .as_str()
        .unwrap()
        .contains("nearest is mentions-csv (mentions), which needs at, text"));
}

#[test]
fn outputs_are_private_escaped_and_deterministic() {
    let (a, b) = (scratch("mini-a"), scratch("mini-b"));
    report(&root().join("tests/fixtures/mini"), &a);
    report(&root().join("tests/fixtures/mini"), &b);
    for ((name, x), (_, y)) in outputs(&a).iter().zip(outputs(&b)) {
        assert_eq!(x, &y, "{name} differs between two runs");
        assert_no_contact_details(name, x);
    }
    // The team's post and the log's detection entry reach the page (own posts, milestones,
    // timeline), payloads and all: as text.
    let html = std::fs::read_to_string(a.join("report.html")).unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "report.html holds a payload as markup"
    );
    assert!(
        html.contains(
            "https:&#x2F;&#x2F;youtube.com&#x2F;x &lt;script&gt;alert(1)&lt;&#x2F;script&gt;"
        ),
        "the post's text is not on the page, escaped"
    );
    assert!(
        html.contains("black screens &lt;img src=x onerror=&quot;alert(2)&quot;&gt;"),
        "the log's text is not on the page, escaped"
    );
    for needle in ["src=\"http", "<link", "@import", "url(http", "<iframe"] {
        assert!(
            !html.contains(needle),
            "report.html would load from the network: {needle}"
        );
    }
}

#[test]
fn user_queries_run_beside_the_builtins() {
    let out = scratch("mini-queries");
    report(&root().join("tests/fixtures/mini"), &out);
    // Ticket 1 solved, ticket 2 solved (its later copy), 3 open, 4 new.
    let csv = std::fs::read_to_string(out.join("queries/tickets_by_status.csv")).unwrap();
    assert_eq!(csv, "status,n\nnew,1\nopen,1\nsolved,2\n");
    assert!(!out.join("queries/broken.csv").exists());
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("This query failed") && html.contains("no_such_column"),
        "the failing query is reported"
    );
    let o = debrief(&["queries", "tests/fixtures/mini"]);
    let listing = String::from_utf8_lossy(&o.stdout);
    assert!(
        listing.contains("tickets_by_status")
            && listing.contains("yours")
            && listing.contains("Tickets per status"),
        "{listing}"
    );
}
