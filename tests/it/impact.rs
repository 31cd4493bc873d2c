//! The impact fixture (tests/fixtures/impact): viewing, e-mail and tickets small enough to
//! work out by hand. Event window 15:00-16:00 Paris = 14:00-15:00Z.
//!
//! Views (122): 40 Orange viewers on Vimeo from 14:00; o1..o30 fail at 14:15:k (k = 1..30),
//! o31..o40 watch to 15:00. 60 Free viewers; f59 and f60 fail at 14:20:00 and come back on
//! Vimeo at 14:21:00. o1..o20 watch YouTube from 14:30:00 (their address written in another
//! case, with a trailing space). Log: start 15:10, recovery 15:40 (Paris); no detection or
//! mitigation entry. Tickets 11 (14:12, first reply after 8 min) and 12 (14:13, 3 min).
//! Mailjet: a "reminder" at 13:00 and a "backup" campaign from 14:25, no campaign configured.

use super::common::*;

fn run() -> serde_json::Value {
    report(&root().join("tests/fixtures/impact"), &scratch("impact"))
}

#[test]
fn observed_milestones_fill_the_log_gaps() {
    let m = run();
    let i = &m["incident"];
    // The log's start (14:10) precedes the ticket onset (14:12) and the viewing onset (14:15:01).
    assert_eq!(i["started_at"]["at"], "2020-11-27T14:10:00Z");
    assert_eq!(i["started_at"]["provenance"], "log");
    let signals = first_signals(&m);
    assert_eq!(
        signals,
        owned(&[
            ("log", "2020-11-27T14:10:00Z"),
            ("tickets", "2020-11-27T14:12:00Z"),
            ("viewing", "2020-11-27T14:15:01Z")
        ])
    );
    // No detection entry: the first agent reply on an incident ticket, 14:13 + 3 min.
    assert_eq!(i["detected_at"]["at"], "2020-11-27T14:16:00Z");
    assert_eq!(i["detected_at"]["provenance"], "observed");
    // No mitigation entry: the first successful view on the fallback platform.
    assert_eq!(i["mitigated_at"]["at"], "2020-11-27T14:30:00Z");
    assert_eq!(i["mitigated_at"]["provenance"], "observed");
    // The automatic rule keeps "backup" (first event 14:25, inside [14:10, 14:40 + 2 h]) and
    // drops "reminder" (13:00); its first delivery is the first communication.
    assert_eq!(i["first_communication_at"]["at"], "2020-11-27T14:25:00Z");
    assert_eq!(i["recovered_at"]["at"], "2020-11-27T14:40:00Z");
    assert_eq!(
        (
            i["time_to_detect_s"].as_i64(),
            i["time_to_communicate_s"].as_i64()
        ),
        (Some(360), Some(540))
    );
    assert_eq!(
        (
            i["time_to_mitigate_s"].as_i64(),
            i["time_to_recover_s"].as_i64()
        ),
        (Some(1200), Some(1800))
    );
}

#[test]
fn impact_by_hand() {
    let m = run();
    let im = &m["impact"];
    // Active in [14:10, 14:40): all 122 views. Failed in it: 30 Orange + 2 Free.
    // isp=Orange: 30 of 60 (40 Vimeo + 20 YouTube) = 0.5; elsewhere 2 of 62 = 0.0323;
    // lift 0.5 / 0.032258 = 15.5; share of failures 30/32; share of audience 60/122.
    // asn 3215 ties with it and loses on the dimension order. platform=vimeo holds all 32
    // failures but 32/102 against 0/20 gives z = 2.92, p = 0.0018: not significant.
    let s = &im["affected_segment"];
    assert_eq!(
        (s["dimension"].as_str(), s["value"].as_str()),
        (Some("isp"), Some("Orange"))
    );
    assert_eq!(s["failure_rate"], 0.5);
    assert_eq!(s["failure_rate_elsewhere"], 0.0323);
    assert_eq!(s["lift"], 15.5);
    assert_eq!(s["failure_share"], 0.9375);
    assert_eq!(s["audience_share"], 0.4918);
    // Viewers: 100 distinct participants active in the window (o1..o40, f1..f60; o1..o20's
    // YouTube views are the same people), 40 of them on Orange: 0.4, where the view share
    // (0.4918) counts o1..o20 twice and the two Free retries.
    assert_eq!(s["viewer_share"], 0.4);
    // pooled 32/122, se = sqrt(0.19350 * (1/60 + 1/62)) = 0.07966, z = 5.872.
    let p = s["p_value"].as_f64().unwrap();
    assert!(p > 1e-10 && p < 1e-8, "{p}");
    assert_eq!(im["affected_participants"], 32);
    // o1..o20 (YouTube at 14:30) and f59, f60 (back at 14:21) recovered before 15:00.
    assert_eq!(im["recovered_participants"], 22);
    // o1..o20: 14:15:k -> 14:30:00, sum 20 * 900 - (1 + .. + 20) = 17790 s;
    // o21..o30: 14:15:k -> recovery 14:40:00, 10 * 1500 - (21 + .. + 30) = 14745 s;
    // f59, f60: 60 s each. 32655 s = 544.25 min, 544.3 to one decimal.
    assert_eq!(im["participant_minutes_lost"], 544.3);
}

#[test]
fn reach_by_hand() {
    let m = run();
    let r = &m["reach"];
    assert_eq!(r["campaign_rule"], "automatic");
    let c = r["campaigns"].as_array().unwrap();
    assert_eq!(
        c.len(),
        1,
        "only the backup campaign is an incident campaign: {c:?}"
    );
    let c = &c[0];
    assert_eq!(c["campaign"], "backup");
    assert_eq!(c["first_event_at"], "2020-11-27T14:25:00Z");
    // Recipients o1, o2, o3, f1, f2; o1 opened twice and clicked twice, its 'sent' came twice.
    let counts: Vec<u64> = [
        "recipients",
        "delivered",
        "bounced",
        "blocked",
        "deferred",
        "opened",
        "clicked",
        "complained",
        "unsubscribed",
        "backup_clicks",
    ]
    .iter()
    .map(|k| c[k].as_u64().unwrap())
    .collect();
    assert_eq!(counts, vec![5, 3, 1, 1, 0, 2, 2, 0, 0, 1]);
    assert_eq!(
        (
            c["delivery_rate"].as_f64(),
            c["open_rate"].as_f64(),
            c["click_rate"].as_f64()
        ),
        (Some(0.6), Some(0.6667), Some(0.6667))
    );
    // Deliveries at 14:25:00, 14:25:30, 14:26:00: rank ceil(0.9 * 3) = 3, 60 s after the first event.
    assert_eq!(c["time_to_90pct_delivered_s"], 60);
    // Affected and delivered: o1, o2 (f1 was not affected): 2 of 32.
    assert_eq!(r["affected_reached"], 2);
    assert_eq!(r["affected_reached_share"], 0.0625);
    assert_eq!(
        r["registered"],
        serde_json::Value::Null,
        "no registration export was given"
    );
    let mailjet = m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["format"] == "mailjet-events")
        .unwrap()
        .clone();
    assert_eq!(
        (
            mailjet["rows_read"].as_u64(),
            mailjet["duplicates_removed"].as_u64()
        ),
        (Some(13), Some(1))
    );
}

#[test]
fn ticket_percentiles_and_baseline() {
    let m = run();
    let t = &m["tickets"];
    // Waits 180 s and 480 s: nearest rank median = rank 1 = 180, p90 = rank 2 = 480.
    assert_eq!(
        (
            t["first_reply_median_s"].as_i64(),
            t["first_reply_p90_s"].as_i64()
        ),
        (Some(180), Some(480))
    );
    // No ticket in the 10-minute baseline (14:00-14:10): 0 per hour, so no peak multiple.
    assert_eq!(t["baseline_per_hour"], 0.0);
    assert_eq!(t["peak_multiple"], serde_json::Value::Null);
    assert_balanced(&m);
}

/// tests/fixtures/zoom_incident: a Zoom-only event whose support queue filled during an
/// incident. Zoom reports joins and leaves, never a failed view, so the impact figures are
/// null, not 0, the report says why, and the start comes from the tickets: three incident
/// tickets at 14:20, 14:21 and 14:22Z against the floor of 0.5 per hour (0.042 per 5 minutes),
/// the first window anomalous from the first ticket.
#[test]
fn zoom_cannot_say_a_view_failed_so_impact_is_unknown() {
    let out = scratch("zoom-incident");
    let m = report(&root().join("tests/fixtures/zoom_incident"), &out);
    assert_balanced(&m);
    let im = &m["impact"];
    for k in [
        "affected_segment",
        "affected_participants",
        "recovered_participants",
        "participant_minutes_lost",
    ] {
        assert!(im[k].is_null(), "{k} = {}", im[k]);
    }
    assert!(m["reach"]["affected_reached"].is_null());
    assert!(m["reach"]["affected_reached_share"].is_null());
    assert_eq!(m["incident"]["started_at"]["at"], "2020-11-27T14:20:00Z");
    assert_eq!(
        first_signals(&m),
        owned(&[("tickets", "2020-11-27T14:20:00Z")])
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("None of the viewing exports can say that a view failed"),
        "the report does not say why the impact is unknown"
    );
    assert!(!html.contains("Affected participants (a view failed during the incident)"));
}

/// docs/definitions.md: retries inflate the view share, so the report leads with the viewer share.
#[test]
fn the_report_leads_with_the_viewer_share() {
    let out = scratch("impact-html");
    report(&root().join("tests/fixtures/impact"), &out);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("40% of the viewers active during the incident were on isp = Orange"),
        "no viewer-share lead in the report"
    );
}

/// tests/fixtures/still_failing (its debrief.toml tells the story): the two findings of
/// docs/definitions.md that need a rule, worked out by hand.
#[test]
fn findings_segment_still_failing_and_not_sent_incident_email() {
    let out = scratch("still-failing");
    let m = report(&root().join("tests/fixtures/still_failing"), &out);
    assert_balanced(&m);
    // Window [14:10:01, 14:30): 80 Orange views (40 failed, 40 on YouTube) and 100 Free ones.
    // Viewers: 140 distinct, 40 on Orange.
    let s = &m["impact"]["affected_segment"];
    assert_eq!(
        (s["value"].as_str(), s["failure_rate"].as_f64()),
        (Some("Orange"), Some(0.5))
    );
    assert_eq!(s["viewer_share"], 0.2857);
    // Each o_k is lost from 14:10:k to 14:20:00: sum of (600 - k) s for k = 1..40 = 23,180 s.
    assert_eq!(m["impact"]["participant_minutes_lost"], 386.3);
    let finding = |id: &str| -> String {
        m["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap_or_else(|| panic!("no {id}: {}", m["findings"]))["text"]
            .as_str()
            .unwrap()
            .to_string()
    };
    // After the recovery (14:30Z = 15:30 Paris), Orange views on Vimeo active until the end
    // (15:00Z): o1..o25 failed (last at 14:36:25Z = 15:36), o26..o30 watched: 25 of 30.
    assert_eq!(
        finding("segment-still-failing"),
        "After the recovery at 15:30, views of isp = Orange on the main platforms kept failing: 25 of their 30 views there failed (83%), the last at 15:36. The recovery was a workaround: the main platform never recovered for them."
    );
    // Registered and not cancelled: the 140 viewers and g1..g5 (145). Not among the backup's
    // recipients though the reminder reached them: f1..f100 and o31..o40 (110); g1..g5 got no
    // e-mail at all and r1..r10 are cancelled. Of the affected o1..o40, o31..o40 (10).
    assert_eq!(m["reach"]["registered"], 145);
    assert_eq!(
        finding("not-sent-incident-email"),
        "110 registered participants were not sent the incident e-mail, although an e-mail of another campaign reached them: they were left off the send. 10 of the affected participants were among those not sent it."
    );
    assert!(finding("affected-not-reached").contains("10 not sent the incident e-mail"));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(!html.contains("no e-mail known"));
}
