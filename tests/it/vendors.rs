//! tests/fixtures/vendors: one small export per e-mail vendor and a Zendesk admin CSV, each in
//! its vendor's shape with the traps formats.md lists. Counts worked out by hand below.

use super::common::*;
use serde_json::{json, Value};

fn source(m: &Value, path: &str) -> Value {
    m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("no source {path}"))
        .clone()
}

fn counts(s: &Value) -> [u64; 4] {
    [
        "rows_read",
        "rows_kept",
        "rows_rejected",
        "duplicates_removed",
    ]
    .map(|k| s[k].as_u64().unwrap())
}

fn campaign(m: &Value, name: &str) -> Value {
    m["reach"]["campaigns"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["campaign"] == name)
        .unwrap()
        .clone()
}

fn funnel(c: &Value) -> [u64; 10] {
    [
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
    .map(|k| c[k].as_u64().unwrap())
}

#[test]
fn every_vendor_file_is_recognised_and_accounted_for() {
    let out = scratch("vendors");
    let m = report(&root().join("tests/fixtures/vendors"), &out);
    assert_balanced(&m);
    // SendGrid: 11 events; e3 twice; group_resubscribe has no canonical event. 'Delivered'
    // capitalised, a timestamp written as a string and one in milliseconds (read by its
    // magnitude, with a note) are read.
    let sg = source(&m, "sendgrid.json");
    assert_eq!(sg["format"], "sendgrid-events");
    assert_eq!(counts(&sg), [11, 9, 1, 1]);
    assert!(sg["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("'group_resubscribe' has no canonical e-mail event"));
    assert_eq!(
        sg["warnings"][0]["reason"],
        "1 event has its timestamp in milliseconds, where SendGrid documents seconds: read by its magnitude"
    );
    // Mailgun: an API page of 6 events; 4 saved webhooks, one repeated, one without event-data.
    assert_eq!(source(&m, "mailgun_page.json")["format"], "mailgun-events");
    assert_eq!(counts(&source(&m, "mailgun_page.json")), [6, 6, 0, 0]);
    let wh = source(&m, "mailgun_webhooks.ndjson");
    assert_eq!(counts(&wh), [4, 2, 1, 1]);
    assert_eq!(
        wh["rejections"][0],
        json!({"line": 4, "reason": "no 'event-data' in this webhook"})
    );
    // Brevo: 7 lines, one exact repeat, one with no time at all.
    let br = source(&m, "brevo.ndjson");
    assert_eq!(br["format"], "brevo-events");
    assert_eq!(counts(&br), [7, 5, 1, 1]);
    assert_eq!(br["rejections"][0]["line"], 7);
    // Zendesk CSV: BOM, 'Id' casing, a custom-field column; a spreadsheet-notation id and a
    // day-first date are rejected, never guessed. Times are in the event zone (assumed).
    let zd = source(&m, "zendesk_tickets.csv");
    assert_eq!(
        (
            zd["format"].as_str(),
            zd["timezone"].as_str(),
            zd["timezone_origin"].as_str()
        ),
        (
            Some("zendesk-tickets-csv"),
            Some("Europe/Paris"),
            Some("event")
        )
    );
    assert_eq!(counts(&zd), [5, 3, 2, 0]);
    assert_eq!(zd["rejections"][0]["line"], 4);
    assert!(zd["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("id: '1.03006E+13'"));
    assert_eq!(zd["rejections"][1]["line"], 5);
    assert!(zd["rejections"][1]["reason"]
        .as_str()
        .unwrap()
        .contains("not a date: '27/11/2020 15:25'"));
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
}

#[test]
fn vendor_events_map_to_the_canonical_funnel() {
    let m = report(
        &root().join("tests/fixtures/vendors"),
        &scratch("vendors-funnel"),
    );
    //                 recipients delivered bounced blocked deferred opened clicked compl. unsub backup
    // sg: a b c d e f; a,b delivered; c (bounce type=blocked) and e (dropped) blocked; d
    // bounced; f deferred (its timestamp in milliseconds).
    assert_eq!(
        funnel(&campaign(&m, "sg-backup")),
        [6, 2, 1, 2, 1, 1, 1, 0, 0, 1]
    );
    assert_eq!(
        campaign(&m, "sg-backup")["first_event_at"],
        "2020-11-27T14:48:00Z"
    );
    // mg: g delivered (page), h delivered (webhook) after a temporary failure, k permanent
    // failure, m rejected; g opened, clicked a non-backup link.
    assert_eq!(
        funnel(&campaign(&m, "mg-backup")),
        [4, 2, 1, 1, 1, 1, 1, 0, 0, 0]
    );
    assert_eq!(
        campaign(&m, "mg-backup")["first_event_at"],
        "2020-11-27T14:48:20Z"
    );
    // br: n requested, delivered, opened (a local CET 'date' only: 15:55 Paris = 14:55Z),
    // clicked the backup link; p hard-bounced.
    assert_eq!(
        funnel(&campaign(&m, "br-backup")),
        [2, 1, 1, 0, 0, 1, 1, 0, 0, 1]
    );
    assert_eq!(
        campaign(&m, "br-backup")["first_event_at"],
        "2020-11-27T14:55:00Z"
    );
    // The first delivery of any incident campaign: SendGrid's to a, 14:48:10Z.
    assert_eq!(
        m["incident"]["first_communication_at"]["at"],
        "2020-11-27T14:48:10Z"
    );
    // Tickets: 501 (tag incident_live, created 15:20 Paris = 14:20Z, first reply after 4 min),
    // 502 and 505.
    assert_eq!(
        (
            m["tickets"]["total"].as_u64(),
            m["tickets"]["incident_related"].as_u64()
        ),
        (Some(3), Some(1))
    );
    assert_eq!(m["tickets"]["first_reply_median_s"], 240);
    assert_eq!(m["tickets"]["by_channel"], json!({"chat": 1}));
}

/// tests/fixtures/zoom: the portal's participants CSV (summary block, blank line, then the
/// table with 'Duration (minutes)' in lower case; Paris time, month first) and the API JSON.
#[test]
fn zoom_reports_become_viewing_sessions() {
    let out = scratch("zoom");
    let m = report(&root().join("tests/fixtures/zoom"), &out);
    assert_balanced(&m);
    let csv = source(&m, "participants.csv");
    assert_eq!(
        (csv["format"].as_str(), csv["timezone"].as_str()),
        (Some("zoom-participants-csv"), Some("Europe/Paris"))
    );
    // Six participant rows (lines 5-10): Jean's re-join is a second session, the guest has no
    // e-mail; line 7 has a name only (it must not cut the table: the rows after it are read);
    // line 10's join time is day-first.
    assert_eq!(counts(&csv), [6, 4, 2, 0]);
    assert_eq!(
        csv["rejections"][0],
        json!({"line": 7, "reason": "join time: empty"})
    );
    assert_eq!(
        csv["rejections"][1],
        json!({"line": 10, "reason": "join time: not a date: '27/11/2020 15:05'"})
    );
    assert_eq!(counts(&source(&m, "participants_api.json")), [2, 2, 0, 0]);
    // No [event] start or end: from the first join (Claire, 15:00:05 Paris = 14:00:00Z for Anne
    // in the API) to the last leave (Claire, 16:10:31 Paris = 15:10:31Z).
    assert_eq!(m["event"]["start"], "2020-11-27T14:00:00Z");
    assert_eq!(m["event"]["end"], "2020-11-27T15:10:31Z");
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
}

/// tests/fixtures/social: an X archive's tweets.js (the organisation's own posts), Mastodon
/// statuses (HTML content) and a Bluesky search result.
#[test]
fn social_networks_become_mentions() {
    let out = scratch("social");
    let m = report(&root().join("tests/fixtures/social"), &out);
    assert_balanced(&m);
    let x = source(&m, "tweets.js");
    assert_eq!(x["format"], "x-archive-js");
    assert_eq!(counts(&x), [3, 2, 1, 0]);
    assert_eq!(
        x["rejections"][0]["reason"],
        "record[2]: created_at: not a date: '27/11/2020 14:00'"
    );
    let md = source(&m, "mastodon.json");
    assert_eq!(md["format"], "mastodon-statuses-json");
    assert_eq!(counts(&md), [3, 2, 0, 1]);
    let bs = source(&m, "bluesky.json");
    assert_eq!(bs["format"], "bluesky-posts-json");
    assert_eq!(counts(&bs), [3, 2, 1, 0]);
    assert_eq!(
        bs["rejections"][0]["reason"],
        "posts[2]: record.createdAt: missing"
    );
    let s = &m["social"];
    // The organisation's posts (the archive's two, ssf-officiel's on Bluesky) are
    // communication, not mentions: alice's and bob's statuses and carol's post remain, all
    // three about the incident.
    assert_eq!(
        (s["mentions"].as_u64(), s["incident_related"].as_u64()),
        (Some(3), Some(3))
    );
    // Followers known for alice (150) and bob (20) only.
    assert_eq!(s["potential_reach"], 170);
    // Engagements: alice 1 + 2 + 3; bob 0; carol 0 + 1 + 2 + 0 (the archive's 12 + 5 no more).
    assert_eq!(s["engagements"], 9);
    // The archive's post is the organisation's own (no e-mail export, yet reach lists it), and
    // the first communication.
    assert_eq!(m["reach"]["campaigns"], json!([]));
    let own = &m["reach"]["own_posts"];
    assert_eq!(own.as_array().unwrap().len(), 1, "{own}");
    assert_eq!(
        (
            own[0]["at"].as_str(),
            own[0]["author"].as_str(),
            own[0]["engagements"].as_i64()
        ),
        (Some("2020-11-27T14:50:30Z"), Some("ssf_officiel"), Some(17))
    );
    assert_eq!(
        m["incident"]["first_communication_at"]["at"],
        "2020-11-27T14:50:30Z"
    );
    // alice 14:14:10, carol 14:15, bob 14:16: three incident posts in five minutes.
    assert_eq!(m["incident"]["started_at"]["at"], "2020-11-27T14:14:10Z");
}

/// tests/fixtures/registrations: Eventbrite's attendee report CSV (custom-question column,
/// group order, a day-first date, a spreadsheet-notation attendee number, a repeated row) and
/// an API page with a refunded attendee.
#[test]
fn eventbrite_registrations() {
    let m = report(
        &root().join("tests/fixtures/registrations"),
        &scratch("registrations"),
    );
    assert_balanced(&m);
    let csv = source(&m, "eventbrite.csv");
    assert_eq!(csv["format"], "eventbrite-attendees-csv");
    assert_eq!(counts(&csv), [6, 3, 2, 1]);
    assert_eq!(
        csv["rejections"][0],
        json!({"line": 5, "reason": "order date: not a date: '03/11/2020 09:15'"})
    );
    assert!(csv["rejections"][1]["reason"]
        .as_str()
        .unwrap()
        .starts_with("attendee #: '3.00E+03'"));
    assert_eq!(counts(&source(&m, "eventbrite_api.json")), [2, 2, 0, 0]);
    // Active: Anne, Bob (CSV) and Eve (API); Cy is not attending, Fay refunded.
    assert_eq!(m["reach"]["registered"], 3);
    assert_eq!(m["reach"]["campaigns"], json!([]));
    // No e-mail export: who was reached is unknown, never zero (found in review).
    assert_eq!(m["reach"]["reached_share_of_registered"], Value::Null);
    assert_eq!(m["reach"]["affected_reached"], Value::Null);
}

/// tests/fixtures/zendesk_full: the admin page's full JSON export, one {"ticket": ...} per
/// line; ticket 9001 appears twice (the later update wins); the last line is truncated.
#[test]
fn zendesk_full_export_ndjson() {
    let m = report(
        &root().join("tests/fixtures/zendesk_full"),
        &scratch("zendesk-full"),
    );
    let s = source(&m, "full_export.json");
    assert_eq!(s["format"], "zendesk-full-export-ndjson");
    assert_eq!(counts(&s), [4, 2, 1, 1]);
    assert_eq!(s["rejections"][0]["line"], 4);
    assert!(s["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("not valid JSON"));
    assert_eq!(
        (
            m["tickets"]["total"].as_u64(),
            m["tickets"]["incident_related"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert_eq!(m["tickets"]["by_channel"], json!({"native_messaging": 1}));
}

/// tests/fixtures/mux_json: the Views API's `data`, numbers and booleans as JSON types; an exit
/// before start of 20 s is a failure, one of 0.4 s is not (Mux's rule); a view ending before
/// it starts is rejected; a repeated view_id is a duplicate.
#[test]
fn mux_views_api_json() {
    let m = report(
        &root().join("tests/fixtures/mux_json"),
        &scratch("mux-json"),
    );
    let s = source(&m, "views.json");
    assert_eq!(s["format"], "mux-views-json");
    assert_eq!(counts(&s), [5, 3, 1, 1]);
    assert_eq!(s["rejections"][0]["reason"], "data[3]: view_end: before view_start (2020-11-27T14:06:00.000Z < 2020-11-27T14:07:00.000Z)");
    // No [event] window: it spans the kept views, 14:00 to 14:30.
    assert_eq!(
        (m["event"]["start"].as_str(), m["event"]["end"].as_str()),
        (Some("2020-11-27T14:00:00Z"), Some("2020-11-27T14:30:00Z"))
    );
}

/// tests/fixtures/zendesk_channels: 17 tickets of the admin CSV, whose `Via` holds display
/// names, and 5 of an incremental export page, which holds the API's names. Incident-related:
/// CSV 601-612 (tag), 613-615 (keyword); page 701-704. By hand, per API channel: web 601 (Web
/// form), 602 (Web Widget), 614 (WEB FORM), 701; email 603 (Mail), 604 (Email), 702; chat 605,
/// 703; voice 606 (Phone call (incoming)), 607 (Voicemail); mobile 608 (Mobile SDK); api 609
/// (API), 610 (Web service), 704; twitter 611; facebook 612 (Facebook Post); closed_ticket
/// 613 (a follow-up: no other API name); unknown 615 (no Via). 616, 617 and 705 are not
/// incident-related.
#[test]
fn ticket_channels_are_named_as_the_api_names_them() {
    let m = report(
        &root().join("tests/fixtures/zendesk_channels"),
        &scratch("zendesk-channels"),
    );
    assert_balanced(&m);
    let t = &m["tickets"];
    assert_eq!(
        (t["total"].as_u64(), t["incident_related"].as_u64()),
        (Some(22), Some(19))
    );
    assert_eq!(
        t["by_channel"],
        json!({"api": 3, "chat": 2, "closed_ticket": 1, "email": 3, "facebook": 1, "mobile": 1,
               "twitter": 1, "unknown": 1, "voice": 2, "web": 4})
    );
    // 617 was opened the night Paris clocks went back: kept, with a warning per time.
    let csv = source(&m, "tickets.csv");
    assert_eq!(counts(&csv), [17, 17, 0, 0]);
    assert_eq!(
        csv["warnings"],
        json!([
            {"line": 18, "reason": "created at: 2020-10-25 02:30:00 happens twice in Europe/Paris; read as +02:00"},
            {"line": 18, "reason": "updated at: 2020-10-25 02:40:00 happens twice in Europe/Paris; read as +02:00"},
        ])
    );
}

/// tests/fixtures/zendesk_chat: Chat API chats, one of which became ticket 7001 (also in the
/// ticket export, updated later): the conversation counts once, and the chat's 95-second
/// response time still gives the ticket its first reply.
#[test]
fn zendesk_chat_joins_the_ticket_pool() {
    let out = scratch("chat");
    let m = report(&root().join("tests/fixtures/zendesk_chat"), &out);
    assert_balanced(&m);
    let c = source(&m, "chats.json");
    assert_eq!(c["format"], "zendesk-chat-json");
    // 3 chats: one kept, one superseded by the ticket export's later copy, one without time.
    assert_eq!(counts(&c), [3, 1, 1, 1]);
    assert_eq!(c["rejections"][0]["reason"], "chats[2]: timestamp: missing");
    let t = &m["tickets"];
    assert_eq!(
        (t["total"].as_u64(), t["incident_related"].as_u64()),
        (Some(2), Some(2))
    );
    assert_eq!(t["first_reply_median_s"], 95);
    assert_eq!(t["by_channel"], json!({"chat": 1, "offline_message": 1}));
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
}

/// The zendesk_chat fixture plus an admin CSV named first (`a_tickets.csv`, read after the
/// JSON files) whose copy of ticket 7001 knows a 5-minute first reply. The API copy, updated
/// later, wins and knows none: the reply comes from the copy in the file first by name (the
/// CSV), not from whichever file was read first (the chat, 95 s).
#[test]
fn a_tickets_first_reply_comes_from_the_file_first_by_name() {
    let dir = copy_fixture(&root().join("tests/fixtures/zendesk_chat"), "reply-by-name");
    std::fs::write(
        dir.join("a_tickets.csv"),
        "Id,Requester,Requester id,Requester email,Subject,Tags,Status,Via,Created at,Updated at,\
         Solved at,First reply time in minutes\n\
         7001,Ann,9001,ann@example.org,Chat with Ann,live,Solved,Chat,2020-11-27 15:15:00,\
         2020-11-27 15:20:00,2020-11-27 15:20:00,5\n",
    )
    .unwrap();
    let out = scratch("reply-by-name-out");
    let m = report(&dir, &out);
    assert_balanced(&m);
    assert_eq!(source(&m, "a_tickets.csv")["format"], "zendesk-tickets-csv");
    assert_eq!(m["tickets"]["total"], 2);
    assert_eq!(m["tickets"]["first_reply_median_s"], 300);
}

/// tests/fixtures/web_audience: YouTube viewer snapshots (CSV in Paris time, JSON as the Data
/// API's liveStreamingDetails) into `audience`, Cloudflare requests (nanoseconds, RFC 3339 and
/// seconds in one file) into `web`; both reachable from the user's queries.
#[test]
fn youtube_snapshots_and_cloudflare_requests() {
    let out = scratch("web-audience");
    let m = report(&root().join("tests/fixtures/web_audience"), &out);
    assert_balanced(&m);
    let yc = source(&m, "youtube.csv");
    assert_eq!(
        (yc["format"].as_str(), yc["timezone"].as_str()),
        (Some("youtube-viewers-csv"), Some("Europe/Paris"))
    );
    assert_eq!(counts(&yc), [4, 2, 1, 1]);
    assert_eq!(
        yc["rejections"][0],
        json!({"line": 4, "reason": "viewers: not a viewer count: 'n/a'"})
    );
    let yj = source(&m, "youtube.json");
    assert_eq!(counts(&yj), [3, 2, 1, 0]);
    assert_eq!(
        yj["rejections"][0]["reason"],
        "record[2]: concurrentViewers: absent (the stream was not live at that time)"
    );
    let cf = source(&m, "cloudflare.ndjson");
    assert_eq!(cf["format"], "cloudflare-http-requests");
    assert_eq!(counts(&cf), [5, 3, 1, 1]);
    assert_eq!(
        cf["rejections"][0],
        json!({"line": 5, "reason": "EdgeStartTimestamp: not a date: 'yesterday'"})
    );
    assert_eq!(
        std::fs::read_to_string(out.join("queries/web_status.csv")).unwrap(),
        "status,n\n200,1\n502,2\n"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("queries/audience_peak.csv")).unwrap(),
        "peak\n1530\n"
    );
}

/// tests/fixtures/zoom_webinar: a webinar attendee report: title and metadata lines, a host
/// table, then "Attendee Details". The attendees' table is read; a registrant who did not
/// attend is rejected with that reason.
#[test]
fn zoom_webinar_attendees() {
    let m = report(
        &root().join("tests/fixtures/zoom_webinar"),
        &scratch("webinar"),
    );
    let s = source(&m, "attendees.csv");
    assert_eq!(s["format"], "zoom-webinar-attendees-csv");
    assert_eq!(counts(&s), [3, 2, 1, 0]);
    assert_eq!(s["rejections"][0]["line"], 11);
    assert!(s["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("did not attend"));
    // Anne from 16:01 to 16:59 Paris (15:01Z-15:59Z), Cy inside it; the host's row is not read.
    assert_eq!(
        (m["event"]["start"].as_str(), m["event"]["end"].as_str()),
        (Some("2020-11-27T15:01:00Z"), Some("2020-11-27T15:59:00Z"))
    );
}

/// tests/fixtures/zendesk_cursor: two cursor-based incremental pages saved as two files;
/// ticket 801 is on both (the page-2 copy, updated later, is kept).
#[test]
fn zendesk_cursor_pages() {
    let m = report(
        &root().join("tests/fixtures/zendesk_cursor"),
        &scratch("cursor"),
    );
    assert_eq!(
        source(&m, "page1.json")["format"],
        "zendesk-incremental-json"
    );
    assert_eq!(counts(&source(&m, "page1.json")), [2, 1, 0, 1]);
    assert_eq!(counts(&source(&m, "page2.json")), [2, 2, 0, 0]);
    assert_eq!(
        (
            m["tickets"]["total"].as_u64(),
            m["tickets"]["incident_related"].as_u64()
        ),
        (Some(3), Some(2))
    );
}

/// tests/fixtures/zendesk_concat: two incremental pages concatenated into one file, one page
/// per line (formats.md: "or concatenate them"); ticket 901 is on both.
#[test]
fn zendesk_pages_concatenated_one_per_line() {
    let m = report(
        &root().join("tests/fixtures/zendesk_concat"),
        &scratch("concat"),
    );
    let s = source(&m, "pages.ndjson");
    assert_eq!(s["format"], "zendesk-incremental-json");
    assert_eq!(counts(&s), [4, 3, 0, 1]);
    assert_eq!(
        (
            m["tickets"]["total"].as_u64(),
            m["tickets"]["incident_related"].as_u64()
        ),
        (Some(3), Some(2))
    );
}
