//! The engagement figures (docs/definitions.md, "Engagement"), worked out by hand on small
//! fixtures: tests/fixtures/engagement (viewing, registrations, e-mail, posts),
//! tests/fixtures/engagement_web (web logs and YouTube snapshots, no viewing), and the Zoom
//! and impact fixtures for what failures can and cannot say.

use serde_json::{json, Value};

use super::common::*;

/// tests/fixtures/engagement. Event window 14:00-15:00Z, 15-minute buckets. Views (UTC):
/// - a: vimeo 14:00:00-14:29:00;
/// - b: vimeo 14:10:30-14:20:30 and youtube 14:15:00-14:40:00 (its address in another case,
///   with a trailing space): two views at once from 14:15 to 14:20:30;
/// - c: vimeo 13:50:00-14:05:20, across the window's start;
/// - d: vimeo 14:20:00-14:20:10 failed, then youtube 14:22:00-15:10:00, across its end;
/// - e: vimeo 14:25:00-14:25:20 failed, nothing else;
/// - f: vimeo 15:05-15:20, after the window;
/// - a guest without an address: youtube 14:00-14:10.
///
/// Registrations: a, b, c, d, e, g attending, h "Not Attending".
fn engagement() -> Value {
    let m = report(
        &root().join("tests/fixtures/engagement"),
        &scratch("engagement"),
    );
    assert_balanced(&m);
    m["engagement"].clone()
}

#[test]
fn attendance_and_minutes_by_hand() {
    let e = engagement();
    // a, b, c, d: e only failed, f came after the window, the guest is nobody.
    assert_eq!(e["attended"], 4);
    // registered: a, b, c, d, e, g (h cancelled): 4 / 6.
    assert_eq!(e["attendance_rate"], 0.6667);
    // Inside the window: a 29 min, b 10 + 25, c 5 min 20 s (from 14:00:00), d 38 (to 15:00),
    // the guest 10: 117.333 min. The failed views add nothing.
    assert_eq!(e["minutes_watched"], 117.3);
    // 117.333 / 4 = 29.33.
    assert_eq!(e["average_minutes_per_attendee"], 29.3);
    // vimeo: a, b, c (d's and e's views there failed), 29 + 10 + 5.333 min;
    // youtube: b, d (the guest has no address), 25 + 38 + 10 min.
    assert_eq!(
        e["platforms"],
        json!([
            {"platform": "vimeo", "viewers": 3, "minutes_watched": 44.3},
            {"platform": "youtube", "viewers": 2, "minutes_watched": 73.0}
        ])
    );
    // No incident window: who was lost to it is unknown.
    assert!(e["lost_to_incident"].is_null());
}

#[test]
fn peak_minute_by_hand() {
    let e = engagement();
    // Participants active per minute: a 14:00-14:29, b 14:10-14:40 (its two views merged),
    // c 14:00-14:05, d 14:22-14:59. Three from 14:22 to 14:29. Counting b's two views twice
    // would give three from 14:15; counting d's failed view, three from 14:20; counting e's,
    // four at 14:25.
    assert_eq!(
        e["peak_concurrent"],
        json!({"at": "2020-11-27T14:22:00Z", "count": 3})
    );
    assert_eq!(e["peak_concurrent_snapshots"], json!([]));
}

#[test]
fn retention_by_hand() {
    let e = engagement();
    // 14:00: a, b (from 14:10:30), c; 14:15: a, b, d (c ended 14:05:20; b's two views count
    // once); 14:30: b, d (a ended 14:29); 14:45: d. Of 4 attendees.
    assert_eq!(
        e["retention"],
        json!([
            {"at": "2020-11-27T14:00:00Z", "share": 0.75},
            {"at": "2020-11-27T14:15:00Z", "share": 0.75},
            {"at": "2020-11-27T14:30:00Z", "share": 0.5},
            {"at": "2020-11-27T14:45:00Z", "share": 0.25}
        ])
    );
}

#[test]
fn every_campaign_and_every_mention_by_hand() {
    let m = report(
        &root().join("tests/fixtures/engagement"),
        &scratch("engagement-campaigns"),
    );
    // reach lists the incident campaign only; engagement lists the reminder too.
    let reach: Vec<&str> = m["reach"]["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["campaign"].as_str().unwrap())
        .collect();
    assert_eq!(reach, ["backup"]);
    let e = &m["engagement"];
    let campaigns = e["campaigns"].as_array().unwrap();
    assert_eq!(campaigns.len(), 2);
    // The incident campaign's funnel is the same under both keys.
    assert_eq!(campaigns[0], m["reach"]["campaigns"][0]);
    // backup: a at 14:25:00, b at 14:25:20 delivered; b clicked a YouTube link (written
    // "YouTube.com": letter case ignored). 90% of 2 deliveries: the second, 20 s.
    assert_eq!(
        (
            &campaigns[0]["recipients"],
            &campaigns[0]["delivered"],
            &campaigns[0]["clicked"],
            &campaigns[0]["backup_clicks"],
            &campaigns[0]["time_to_90pct_delivered_s"]
        ),
        (&json!(2), &json!(2), &json!(1), &json!(1), &json!(20))
    );
    // reminder from 13:30:00Z: a, b, c, d delivered 0, 10, 20, 30 s after, e bounced; a and
    // b opened, a clicked a Vimeo link (not a backup URL). The 4th of 4 deliveries: 30 s.
    assert_eq!(
        campaigns[1],
        json!({
            "campaign": "reminder", "first_event_at": "2020-11-27T13:30:00Z",
            "recipients": 5, "delivered": 4, "bounced": 1, "blocked": 0, "deferred": 0,
            "opened": 2, "clicked": 1, "complained": 0, "unsubscribed": 0,
            "delivery_rate": 0.8, "open_rate": 0.5, "click_rate": 0.25,
            "time_to_90pct_delivered_s": 30, "backup_clicks": 0
        })
    );
    // Posts p1..p6 (p7 is our own): followers 100 + 2000 + 120 + (none) + 50 + 10; unique
    // reach counts alice once at her larger 120: 2180. Engagements 6 + 10 + 3 + 10 + 10 + 0.
    // Only p2 is incident-related.
    let s = &e["social_all"];
    assert_eq!(
        (
            &s["mentions"],
            &s["potential_reach"],
            &s["unique_reach"],
            &s["engagements"]
        ),
        (&json!(6), &json!(2280), &json!(2180), &json!(39))
    );
    assert_eq!(m["social"]["incident_related"], 1);
    // Top 5: p2, p4, p5 at 10 (p2 earliest; p4 and p5 at the same minute, by post id), then
    // p1 (6) and p3 (3); p6 (0) is sixth, and our own post (125) is not a mention.
    let top = s["top_posts"].as_array().unwrap();
    let texts: Vec<(&str, i64)> = top
        .iter()
        .map(|p| {
            (
                p["text"].as_str().unwrap(),
                p["engagements"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("Black screen here", 10),
            ("Loving the panel", 10),
            ("Panel questions thread", 10),
            ("Great opening talk", 6),
            ("Second talk now", 3)
        ]
    );
    assert_eq!(top[1]["network"], "mastodon");
    assert_eq!(top[1]["at"], "2020-11-27T14:20:00Z");
    // Authors are pseudonyms, one per person: p1 and p3 are both alice's.
    let pseudonym = regex::Regex::new(r"^author \d+$").unwrap();
    for p in top {
        assert!(pseudonym.is_match(p["author"].as_str().unwrap()), "{p}");
    }
    assert_eq!(top[3]["author"], top[4]["author"]);
    assert_ne!(top[0]["author"], top[3]["author"]);
    // No web logs: no web figure.
    assert!(e["web"].is_null());
}

/// tests/fixtures/zoom_incident: Zoom cannot say a view failed, so every session is a successful
/// view, and who was lost to the incident is unknown. Window 14:00-15:30Z. Claire
/// 14:00:05-15:10:31; Jean 14:01:12-14:20:00 and 14:25:40-15:10:00 (his address once in
/// capitals); a guest without an address 14:05-14:30.
#[test]
fn zoom_sessions_are_successful_views_and_lost_is_unknown() {
    let out = scratch("zoom-engagement");
    let m = report(&root().join("tests/fixtures/zoom_incident"), &out);
    let e = &m["engagement"];
    assert!(m["impact"]["affected_participants"].is_null());
    assert!(e["lost_to_incident"].is_null());
    assert_eq!(e["attended"], 2);
    // No registrations: no rate.
    assert!(e["attendance_rate"].is_null());
    // 70 min 26 s + 18 min 48 s + 44 min 20 s + the guest's 25 min = 158.57 min; / 2 = 79.28.
    assert_eq!(e["minutes_watched"], 158.6);
    assert_eq!(e["average_minutes_per_attendee"], 79.3);
    assert_eq!(
        e["platforms"],
        json!([{"platform": "zoom", "viewers": 2, "minutes_watched": 158.6}])
    );
    // Both from Jean's arrival at 14:01 to 14:20 (his first session ends at 14:20:00, inside
    // that minute).
    assert_eq!(
        e["peak_concurrent"],
        json!({"at": "2020-11-27T14:01:00Z", "count": 2})
    );
    // 5-minute buckets from 14:00 to 15:25: both present in every bucket up to 15:10 (Jean's
    // gap from 14:20:00 to 14:25:40 touches both buckets it spans), nobody after.
    let shares: Vec<f64> = e["retention"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["share"].as_f64().unwrap())
        .collect();
    let mut expected = vec![1.0; 15];
    expected.extend([0.0; 3]);
    assert_eq!(shares, expected);
    assert_eq!(e["retention"][14]["at"], "2020-11-27T15:10:00Z");
    // The backup campaign reached both; no social export.
    assert_eq!(e["campaigns"][0]["delivered"], 2);
    assert!(e["social_all"].is_null());
}

/// tests/fixtures/impact: 32 affected participants, 22 of them back before the event's end.
#[test]
fn lost_to_incident_is_affected_minus_recovered() {
    let m = report(
        &root().join("tests/fixtures/impact"),
        &scratch("impact-engagement"),
    );
    assert_eq!(m["impact"]["affected_participants"], 32);
    assert_eq!(m["impact"]["recovered_participants"], 22);
    assert_eq!(m["engagement"]["lost_to_incident"], 10);
    // Its "reminder" campaign (13:00) is no incident campaign but is marketing's.
    let names: Vec<&str> = m["engagement"]["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["campaign"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["backup", "reminder"]);
}

/// tests/fixtures/engagement_web. Window 14:00-15:00Z, 5-minute buckets; `[web] pages =
/// ["/live-secours", "/Direct"]` and `backup_urls = ["youtube.com/"]`; the log's communication
/// at 14:30Z. Requests to those pages (letter case ignored): 13:59:00 (before the window),
/// 14:20:00, 14:29:59 (`/LIVE-SECOURS`), 14:30:00, 14:31:15 (`/fr/direct/`, logged twice
/// with one RayID), 14:44:59, 14:50:00 (`/go/youtube.com/watch`), 14:59:59.9, 15:00:00 (at
/// the window's end, excluded). Not counted: `/index.html`, `/programme`, a request without a
/// path.
#[test]
fn web_requests_and_snapshots_by_hand() {
    let out = scratch("engagement-web");
    let m = report(&root().join("tests/fixtures/engagement_web"), &out);
    assert_balanced(&m);
    let e = &m["engagement"];
    let requests: Vec<(String, u64)> = e["web"]["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["at"].as_str().unwrap()[11..16].to_string(),
                r["requests"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, u64)> = [
        ("14:00", 0),
        ("14:05", 0),
        ("14:10", 0),
        ("14:15", 0),
        ("14:20", 1),
        ("14:25", 1),
        ("14:30", 2),
        ("14:35", 0),
        ("14:40", 1),
        ("14:45", 0),
        ("14:50", 1),
        ("14:55", 1),
    ]
    .iter()
    .map(|(a, n)| (a.to_string(), *n))
    .collect();
    assert_eq!(requests, expected);
    // From the first communication (14:30:00, included) to 15:00: 14:30:00, 14:31:15,
    // 14:44:59, 14:50:00, 14:59:59.9.
    assert_eq!(e["web"]["backup_page_requests"], 5);
    // YouTube snapshots (Paris time): 120 at 15:10, 540 at 15:20 and 15:25, 300 at 15:30;
    // the largest, the earliest of the tie: 15:20 Paris.
    assert_eq!(
        e["peak_concurrent_snapshots"],
        json!([{"platform": "youtube", "at": "2020-11-27T14:20:00Z", "viewers": 540}])
    );
    // No viewing export: nothing about attendance, and no zeros made up.
    for k in [
        "attended",
        "attendance_rate",
        "platforms",
        "peak_concurrent",
        "minutes_watched",
        "average_minutes_per_attendee",
        "retention",
        "lost_to_incident",
        "campaigns",
        "social_all",
    ] {
        assert!(e[k].is_null(), "{k} = {}", e[k]);
    }
}

/// Without `[web] pages` and backup URLs there is nothing to look for in the web logs, and
/// without a first communication no count from it.
#[test]
fn web_needs_pages_to_look_for() {
    let dir = copy_fixture(
        &root().join("tests/fixtures/engagement_web"),
        "web-no-pages",
    );
    std::fs::write(
        dir.join("debrief.toml"),
        "[event]\ntimezone = \"Europe/Paris\"\nstart = \"2020-11-27T15:00\"\nend = \"2020-11-27T16:00\"\n",
    )
    .unwrap();
    let m = report(&dir, &scratch("web-no-pages-out"));
    assert!(m["engagement"].is_object());
    assert!(m["engagement"]["web"].is_null());
    std::fs::write(
        dir.join("debrief.toml"),
        "[event]\ntimezone = \"Europe/Paris\"\nstart = \"2020-11-27T15:00\"\nend = \"2020-11-27T16:00\"\n[web]\npages = [\"/live-secours\"]\n",
    )
    .unwrap();
    std::fs::remove_file(dir.join("ops_log.csv")).unwrap();
    let m = report(&dir, &scratch("web-no-communication-out"));
    let web = &m["engagement"]["web"];
    // /live-secours alone: 14:20:00, 14:29:59, 14:30:00, 14:44:59, 14:59:59.9.
    let total: u64 = web["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["requests"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 5);
    assert!(web["backup_page_requests"].is_null());
}

/// A run with tickets alone says nothing of the audience: `engagement` is null.
#[test]
fn engagement_is_null_without_any_audience_data() {
    let m = report(
        &root().join("tests/fixtures/contract"),
        &scratch("engagement-contract"),
    );
    assert!(m["tickets"].is_object());
    assert!(m["engagement"].is_null(), "{}", m["engagement"]);
}

/// metrics.json's top-level keys, in the order they are written.
#[test]
fn engagement_comes_after_social() {
    let out = scratch("engagement-order");
    report(&root().join("tests/fixtures/engagement"), &out);
    let text = std::fs::read_to_string(out.join("metrics.json")).unwrap();
    let top = regex::Regex::new(r#"(?m)^  "([a-z_]+)":"#).unwrap();
    let keys: Vec<&str> = top
        .captures_iter(&text)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "schema",
            "event",
            "sources",
            "config_warnings",
            "incident",
            "impact",
            "reach",
            "tickets",
            "social",
            "engagement",
            "targets",
            "attempts",
            "findings",
            "comparison"
        ]
    );
}

#[test]
fn engagement_outputs_are_private() {
    let out = scratch("engagement-private");
    report(&root().join("tests/fixtures/engagement"), &out);
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
    // Authors are pseudonymised: no handle of the posts' authors is written anywhere.
    let handles = regex::Regex::new(r"\b(alice|bob|carol|dan|erin)\b").unwrap();
    for (name, text) in outputs(&out) {
        assert!(
            !handles.is_match(&text),
            "{name}: {:?}",
            handles.find(&text)
        );
    }
}
