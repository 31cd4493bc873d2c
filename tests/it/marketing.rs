//! The report's section for marketing, "The event's audience" (issue 15, point 3), on the
//! hand-checked engagement fixtures: the cards, the retention curve, the audience with the
//! platforms' own counts, every campaign side by side, the social overview and the website,
//! and the summary's sentence on what the incident cost the audience. The figures themselves
//! are worked out in tests/it/engagement.rs; here, that the section says them, in local time.

use serde_json::{json, Value};

use super::common::*;

/// The section's text, tags removed, blanks collapsed.
fn section_text(html: &str) -> String {
    let i = html
        .find("<section id=\"audience\">")
        .expect("the audience section");
    let j = i + html[i..].find("</section>").unwrap();
    let no_svg = regex::Regex::new(r"(?s)<svg.*?</svg>").unwrap();
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let blanks = regex::Regex::new(r"\s+").unwrap();
    let t = no_svg.replace_all(&html[i..j], " ");
    let t = tags.replace_all(&t, " ");
    blanks
        .replace_all(&t, " ")
        .replace("&#x27;", "'")
        .replace("&#x2F;", "/")
}

/// tests/fixtures/engagement (Europe/Paris, window 15:00-16:00, 15-minute buckets; no
/// incident window).
#[test]
fn the_cards_say_the_engagement_figures_in_local_time() {
    let (_, ctx, html) =
        report_with_context(&root().join("tests/fixtures/engagement"), "marketing-cards");
    let mk = &ctx["marketing"];
    // 4 attended of 6 registered (h cancelled); the peak minute 14:22Z = 15:22 Paris, 3
    // participants; 117.333 min / 4 = 29.3 min.
    assert_eq!(mk["attended"], 4);
    assert_eq!(mk["attended_of"], "of 6 registered (66.7%)");
    assert_eq!(mk["peak"], 3);
    assert_eq!(mk["peak_at"], "at 15:22, distinct participants watching");
    assert_eq!(mk["average_minutes"], "29.3 min");
    assert_eq!(mk["minutes_watched"], "117.3 minutes watched in all");
    // No incident window: who was lost to it is unknown, and the card says why.
    assert!(mk["lost"].is_null());
    assert_eq!(
        mk["lost_note"],
        "unknown: the incident window (impact start and recovery) is not known"
    );
    // vimeo a, b, c (3 of 4), youtube b, d (2 of 4).
    assert_eq!(
        mk["platforms"],
        json!([
            {"platform": "vimeo", "viewers": 3, "share": "75.0%", "minutes": "44.3"},
            {"platform": "youtube", "viewers": 2, "share": "50.0%", "minutes": "73.0"}
        ])
    );
    let text = section_text(&html);
    for s in [
        "Attended 4 of 6 registered (66.7%)",
        "Peak concurrent 3 at 15:22",
        "Average per attendee 29.3 min",
        "Lost to the incident n/a unknown",
    ] {
        assert!(text.contains(s), "{s:?} not in: {text}");
    }
}

#[test]
fn retention_is_drawn_bucket_by_bucket() {
    let (_, ctx, html) = report_with_context(
        &root().join("tests/fixtures/engagement"),
        "marketing-retention",
    );
    let r = &ctx["charts"]["retention"];
    assert_eq!(r["bucket_minutes"], 15);
    // 14:00Z: a, b, c; 14:15: a, b, d; 14:30: b, d; 14:45: d. Of 4. In Paris time.
    let rows: Vec<(String, String)> = r["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["local"].as_str().unwrap().to_string(),
                x["shown"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        owned(&[
            ("15:00", "75.0%"),
            ("15:15", "75.0%"),
            ("15:30", "50.0%"),
            ("15:45", "25.0%")
        ])
    );
    assert!(html.contains("id=\"data-retention\""));
    assert!(html.contains("aria-label=\"Retention: the share of the attendees watching"));
}

/// Every campaign, in the order sent: the reminder (14:30 Paris) before the incident e-mail
/// (15:25), with their rates on one chart.
#[test]
fn every_campaign_side_by_side_in_the_order_sent() {
    let (_, ctx, html) = report_with_context(
        &root().join("tests/fixtures/engagement"),
        "marketing-campaigns",
    );
    let names: Vec<&str> = ctx["marketing"]["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["campaign"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["reminder", "backup"]);
    // reminder: 4 of 5 delivered, 2 and 1 of 4 opened and clicked; backup: 2 of 2, 0, 1 of 2.
    assert_eq!(
        ctx["charts"]["campaigns"]["campaigns"],
        json!([
            {"heading": "reminder: 5 recipients, first sent 14:30", "delivered_pct": 80.0, "opened_pct": 50.0, "clicked_pct": 25.0},
            {"heading": "backup: 2 recipients, first sent 15:25", "delivered_pct": 100.0, "opened_pct": 0.0, "clicked_pct": 50.0}
        ])
    );
    let text = section_text(&html);
    assert!(
        text.contains(
            "reminder 14:30 5 4 (80.0%) 2 (50.0% of delivered) 1 (25.0% of delivered) 1 / 0"
        ),
        "{text}"
    );
}

#[test]
fn the_social_overview_lists_the_top_posts_under_pseudonyms() {
    let (m, ctx, html) = report_with_context(
        &root().join("tests/fixtures/engagement"),
        "marketing-social",
    );
    let s = &ctx["marketing"]["social"];
    assert_eq!(
        (
            &s["mentions"],
            &s["potential_reach"],
            &s["unique_reach"],
            &s["engagements"]
        ),
        (&json!(6), &json!(2280), &json!(2180), &json!(39))
    );
    let top = s["top_posts"].as_array().unwrap();
    assert_eq!(top.len(), 5);
    // p2 "Black screen here" at 14:10Z = 15:10 Paris; authors as metrics.json has them.
    assert_eq!(top[0]["text"], "Black screen here");
    assert_eq!(top[0]["local"], "15:10");
    for (k, p) in top.iter().enumerate() {
        assert_eq!(
            p["author"],
            m["engagement"]["social_all"]["top_posts"][k]["author"]
        );
        assert!(p["author"].as_str().unwrap().starts_with("author "), "{p}");
    }
    let text = section_text(&html);
    assert!(text.contains("15:20 mastodon author"), "{text}");
    // The authors' handles never reach the page.
    let raw =
        std::fs::read_to_string(root().join("tests/fixtures/engagement/mentions.csv")).unwrap();
    let handle_col = raw
        .lines()
        .next()
        .unwrap()
        .split(',')
        .position(|h| h.contains("author"))
        .unwrap();
    for line in raw.lines().skip(1) {
        let handle = line.split(',').nth(handle_col).unwrap_or("").trim();
        if handle.len() > 2 && handle != "our_account" {
            assert!(!text.contains(handle), "{handle} in the section");
        }
    }
}

/// tests/fixtures/engagement_web: web logs and YouTube snapshots, no viewing export; the
/// first communication is the log's 15:30 Paris.
#[test]
fn the_website_and_the_snapshots_are_drawn() {
    let (_, ctx, html) = report_with_context(
        &root().join("tests/fixtures/engagement_web"),
        "marketing-web",
    );
    let w = &ctx["charts"]["web"];
    assert_eq!(w["bucket_minutes"], 5);
    let rows: Vec<(String, u64)> = w["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["local"].as_str().unwrap().to_string(),
                r["requests"].as_u64().unwrap(),
            )
        })
        .collect();
    // By hand in tests/it/engagement.rs (UTC there, Paris here).
    let expected: Vec<(String, u64)> = [
        ("15:00", 0),
        ("15:05", 0),
        ("15:10", 0),
        ("15:15", 0),
        ("15:20", 1),
        ("15:25", 1),
        ("15:30", 2),
        ("15:35", 0),
        ("15:40", 1),
        ("15:45", 0),
        ("15:50", 1),
        ("15:55", 1),
    ]
    .iter()
    .map(|(a, n)| (a.to_string(), *n))
    .collect();
    assert_eq!(rows, expected);
    // The first communication is marked on the chart.
    assert_eq!(
        w["markers"],
        json!([{"at": 1606487400000_i64, "label": "communicated 15:30"}])
    );
    assert!(html.contains("communicated 15:30"));
    let mk = &ctx["marketing"];
    assert_eq!(
        mk["web"]["since_communication"],
        "5 requests to these pages from the first communication (15:30) to the end of the event."
    );
    assert_eq!(mk["web"]["pages"], "/Direct, /live-secours, youtube.com/");
    // No viewing export: the cards say so, the snapshots' peak is still given.
    assert!(mk["attended"].is_null() && mk["peak"].is_null());
    assert_eq!(mk["peak_at"], "no viewing analytics");
    assert_eq!(
        mk["snapshot_peaks"],
        json!(["youtube's own count: 540 at 15:20"])
    );
    // The snapshots are drawn without any active-viewer line: 120 at 15:10, 540 at 15:20
    // and 15:25, 300 at 15:30.
    let a = &ctx["charts"]["audience"];
    assert_eq!(a["platforms"], json!([]));
    let points: Vec<(String, i64)> = a["snapshots"][0]["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[1].as_str().unwrap().to_string(), p[2].as_i64().unwrap()))
        .collect();
    assert_eq!(
        points,
        [
            ("15:10", 120),
            ("15:20", 540),
            ("15:25", 540),
            ("15:30", 300)
        ]
        .iter()
        .map(|(t, v)| (t.to_string(), *v))
        .collect::<Vec<_>>()
    );
    assert_eq!(a["snapshots"][0]["label"], "youtube: its own count");
}

/// Web logs without a page to look for: the section says what to set.
#[test]
fn web_logs_without_pages_say_what_to_set() {
    let dir = copy_fixture(
        &root().join("tests/fixtures/engagement_web"),
        "marketing-web-nopages",
    );
    let toml = std::fs::read_to_string(dir.join("debrief.toml")).unwrap();
    let toml = toml
        .replace("backup_urls = [\"youtube.com/\"]", "")
        .replace("pages = [\"/live-secours\", \"/Direct\"]", "");
    std::fs::write(dir.join("debrief.toml"), toml).unwrap();
    let (_, ctx, html) = report_with_context(&dir, "marketing-web-nopages-out");
    assert!(ctx["marketing"]["web"].is_null());
    assert!(ctx["charts"]["web"].is_null());
    assert!(
        section_text(&html).contains("name the pages that carried the backup link in [web] pages")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// tests/fixtures/impact: 32 affected, 22 back before the end (10 lost), 544.25
/// participant-minutes lost (tests/it/impact.rs).
#[test]
fn the_summary_says_what_the_incident_cost_the_audience() {
    let (_, ctx, html) =
        report_with_context(&root().join("tests/fixtures/impact"), "marketing-cost");
    let summary = ctx["summary"].as_str().unwrap();
    assert!(
        summary.ends_with(" For the audience, the incident cost 544 participant-minutes of viewing, and 10 of the 32 affected participants never came back before the end of the event."),
        "{summary}"
    );
    assert_eq!(ctx["marketing"]["lost"], 10);
    assert_eq!(
        ctx["marketing"]["lost_note"],
        "of the 32 affected participants, not watching again before the end of the event"
    );
    assert!(section_text(&html).contains("Lost to the incident 10 of the 32 affected"));
}

/// Zoom cannot say a view failed: no sentence on the cost, and the card says why.
#[test]
fn zoom_gives_no_cost_and_says_why() {
    let (_, ctx, _) = report_with_context(
        &root().join("tests/fixtures/zoom_incident"),
        "marketing-zoom",
    );
    assert!(!ctx["summary"]
        .as_str()
        .unwrap()
        .contains("For the audience"));
    assert!(ctx["marketing"]["lost"].is_null());
    assert_eq!(
        ctx["marketing"]["lost_note"],
        "unknown: no viewing export can say that a view failed"
    );
}

/// Nothing about the audience was read: the section is a one-line note.
#[test]
fn no_audience_data_no_section_body() {
    let (_, ctx, html): (Value, Value, String) =
        report_with_context(&root().join("tests/fixtures/contract"), "marketing-none");
    assert!(ctx["marketing"].is_null());
    assert!(section_text(&html).contains("there is nothing to say about the audience"));
}
