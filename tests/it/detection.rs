//! Issue 9's rulings on what a folder holds: nothing recognised is an input problem (exit 1,
//! no report); a binary file is named, never shown; symbolic links are followed with loops
//! guarded; the nearest format is the one sharing the most field names; the vendors' own
//! published examples are read (tests/fixtures/vendor_examples, our data in their shapes).
//! Answers worked out by hand.

use std::path::Path;

use serde_json::{json, Value};

use super::common::*;

fn source<'a>(m: &'a Value, path: &str) -> &'a Value {
    m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("no source {path}"))
}

/// rows read, kept, rejected, duplicates removed.
fn counts(s: &Value) -> [u64; 4] {
    [
        "rows_read",
        "rows_kept",
        "rows_rejected",
        "duplicates_removed",
    ]
    .map(|k| s[k].as_u64().unwrap())
}

fn paths(m: &Value) -> Vec<&str> {
    m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect()
}

/// `debrief report DIR --out OUT`, for runs expected to fail.
fn report_run(dir: &Path, out: &Path) -> std::process::Output {
    debrief(&[
        "report",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ])
}

#[test]
fn a_folder_without_exports_is_an_input_problem() {
    let dir = scratch("no-exports");
    let out = scratch("no-exports-out");
    let o = report_run(&dir, &out);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no export to read: the folder is empty"),
        "{err}"
    );
    assert!(!out.join("metrics.json").exists() && !out.join("report.html").exists());

    // The config and the lessons alone are no exports.
    std::fs::write(dir.join("debrief.toml"), "[event]\nname = \"x\"\n").unwrap();
    std::fs::write(dir.join("lessons.md"), "# Lessons\n").unwrap();
    let o = report_run(&dir, &out);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no export to read: it holds only debrief.toml, lessons.md"),
        "{err}"
    );
    assert!(!out.join("metrics.json").exists());
    assert_eq!(
        debrief(&["check", dir.to_str().unwrap()]).status.code(),
        Some(1)
    );

    // An ops log is an export: with it the report is written.
    std::fs::write(
        dir.join("ops_log.csv"),
        "time,kind,text\n2020-11-27 15:20,detection,Black screens\n",
    )
    .unwrap();
    let m = report(&dir, &out);
    assert_eq!(paths(&m), ["ops_log.csv"]);
    assert_eq!(counts(source(&m, "ops_log.csv")), [1, 1, 0, 0]);
}

/// tests/fixtures/unrecognised: an .xlsx saved by mistake, a screenshot, and Billetweb
/// attendees exported without two of the fields that identify them.
#[test]
fn nothing_recognised_lists_each_file_with_its_nearest_format() {
    let dir = "tests/fixtures/unrecognised";
    let out = scratch("unrecognised-out");
    let o = report_run(Path::new(dir), &out);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "error: tests/fixtures/unrecognised: none of its 3 files is a recognised export:\n  \
         attendees.xlsx: binary file (a zip archive, as an .xlsx workbook is), not a text export; for .xlsx, save it as CSV\n  \
         billetweb_selected_fields.json: format not recognised; nearest is billetweb-attendees-json (registrations), which needs barcode, order_email (found: id, ext_id, firstname, name, email, ticket, category, price, order_id, order_date, order_paid, session_start, disabled). Map it with [[sources]] in debrief.toml\n  \
         screenshot.png: binary file (a PNG image), not a text export; for .xlsx, save it as CSV\n"
    );
    assert!(!out.join("metrics.json").exists() && !out.join("report.html").exists());

    // `check` prints its table, then fails the same way; no byte of the files is shown.
    let o = debrief(&["check", dir]);
    assert_eq!(o.status.code(), Some(1));
    let table = String::from_utf8(o.stdout).expect("check prints text");
    assert!(
        table.contains("screenshot.png") && table.contains("not recognised"),
        "{table}"
    );
    assert!(
        table.contains("problem: binary file (a PNG image), not a text export"),
        "{table}"
    );
    for raw in ["PNG\r", "IHDR", "PK\u{3}", "Content_Types", "\u{fffd}"] {
        assert!(!table.contains(raw), "{raw:?} shown: {table}");
    }
    assert!(
        table.chars().all(|c| c == '\n' || !c.is_control()),
        "{table}"
    );
}

#[test]
fn binary_files_are_named_and_utf16_text_is_still_read() {
    let dir = scratch("binary");
    std::fs::copy(
        root().join("tests/fixtures/unrecognised/screenshot.png"),
        dir.join("screenshot.png"),
    )
    .unwrap();
    // No magic number, but NUL bytes.
    std::fs::write(dir.join("export.csv"), b"time,kind,text\n\0\0\0\0\n").unwrap();
    // Excel's "Unicode text": UTF-16LE with its BOM (half its bytes are NULs), tab-separated.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "time\tkind\ttext\n2020-11-27 15:20\tdetection\tÉcran noir\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(dir.join("ops_log.txt.csv"), utf16).unwrap();
    let m = report(&dir, &scratch("binary-out"));
    assert_balanced(&m);
    assert_eq!(
        source(&m, "screenshot.png")["problem"],
        "binary file (a PNG image), not a text export; for .xlsx, save it as CSV"
    );
    assert_eq!(
        source(&m, "export.csv")["problem"],
        "binary file (NUL bytes: not text, or UTF-16 text without its byte-order mark), not a text export; for .xlsx, save it as CSV"
    );
    let log = source(&m, "ops_log.txt.csv");
    assert_eq!(
        (log["format"].as_str(), log["encoding"].as_str()),
        (Some("ops-log-csv"), Some("utf-16le"))
    );
    assert_eq!(counts(log), [1, 1, 0, 0]);
}

/// A folder of links: to a folder of exports, to a file (twice), to a sibling folder, to the
/// folder itself (a loop), and to nothing.
#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_once_each() {
    use std::os::unix::fs::symlink;
    let dir = scratch("links");
    symlink(root().join("tests/fixtures/vendors"), dir.join("exports")).unwrap();
    let log = root().join("tests/fixtures/mini/ops_log.csv");
    symlink(&log, dir.join("ops_log.csv")).unwrap();
    symlink(&log, dir.join("ops_log_again.csv")).unwrap();
    std::fs::create_dir(dir.join("real")).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/mini/x.json"),
        dir.join("real/x.json"),
    )
    .unwrap();
    symlink(dir.join("real"), dir.join("alias")).unwrap();
    symlink(&dir, dir.join("real/loop")).unwrap();
    symlink(dir.join("nowhere.csv"), dir.join("gone.csv")).unwrap();

    let m = report(&dir, &scratch("links-out"));
    assert_balanced(&m);
    // The linked folder's files under the link's name; the file linked twice once, under the
    // first link; real/x.json under its own path, not alias/; nothing through the loop.
    assert_eq!(
        paths(&m),
        [
            "exports/brevo.ndjson",
            "exports/mailgun_page.json",
            "exports/mailgun_webhooks.ndjson",
            "exports/sendgrid.json",
            "exports/zendesk_tickets.csv",
            "gone.csv",
            "ops_log.csv",
            "real/x.json",
        ]
    );
    assert!(source(&m, "gone.csv")["problem"]
        .as_str()
        .unwrap()
        .starts_with("cannot read: "));
    assert_eq!(source(&m, "ops_log.csv")["format"], "ops-log-csv");
    assert_eq!(source(&m, "real/x.json")["format"], "x-api-v2-json");
    assert_eq!(counts(source(&m, "exports/brevo.ndjson")), [7, 5, 1, 1]);
    // The same as reading the files where they are.
    let direct = report(
        &root().join("tests/fixtures/mini"),
        &scratch("links-direct-out"),
    );
    assert_eq!(
        counts(source(&m, "ops_log.csv")),
        counts(source(&direct, "ops_log.csv"))
    );
}

#[test]
fn the_nearest_format_shares_the_most_field_names() {
    let dir = scratch("nearest");
    // X API v2 ids only (no text): nearest is X, with what to ask the API for.
    std::fs::write(
        dir.join("ids.json"),
        r#"{"data": [{"id": "1", "edit_history_tweet_ids": ["1"]}], "meta": {"result_count": 1}}"#,
    )
    .unwrap();
    // A listening tool's CSV: `author` is a mentions-csv field and no other format's.
    std::fs::write(
        dir.join("listening.csv"),
        "Date,Author,Snippet\n2020-11-27,a,b\n",
    )
    .unwrap();
    // Nothing in common with any format.
    std::fs::write(dir.join("other.csv"), "alpha,beta\n1,2\n").unwrap();
    // Billetweb attendees exported without two of the fields that identify them: once told
    // its nearest format was mailgun-events (the signature missing the fewest keys).
    std::fs::copy(
        root().join("tests/fixtures/unrecognised/billetweb_selected_fields.json"),
        dir.join("attendees.json"),
    )
    .unwrap();
    std::fs::write(dir.join("ops_log.csv"), "time,kind,text\n").unwrap();
    let m = report(&dir, &scratch("nearest-out"));
    assert_eq!(
        source(&m, "ids.json")["problem"],
        "format not recognised; nearest is x-api-v2-json (mentions), which needs data.text (found: data, meta, data.id, data.edit_history_tweet_ids, meta.result_count); request it with tweet.fields=created_at,public_metrics&expansions=author_id&user.fields=public_metrics. Map it with [[sources]] in debrief.toml"
    );
    assert!(source(&m, "attendees.json")["problem"]
        .as_str()
        .unwrap()
        .starts_with("format not recognised; nearest is billetweb-attendees-json (registrations), which needs barcode, order_email (found: id, ext_id, firstname, "));
    assert_eq!(
        source(&m, "listening.csv")["problem"],
        "format not recognised; nearest is mentions-csv (mentions), which needs at, text (found: date, author, snippet). Map it with [[sources]] in debrief.toml"
    );
    assert_eq!(
        source(&m, "other.csv")["problem"],
        "format not recognised: it shares no field name with any known format (found: alpha, beta). Map it with [[sources]] in debrief.toml"
    );
}

/// tests/fixtures/vendor_examples, each file in the shape its vendor's documentation shows
/// (our data): the report's metrics.json.
fn vendor_examples(name: &str) -> Value {
    let m = report(
        &root().join("tests/fixtures/vendor_examples"),
        &scratch(name),
    );
    assert_balanced(&m);
    m
}

/// Cloudflare Logpush with only the fields a user picked, and as CSV with a header line.
#[test]
fn cloudflare_logpush_as_picked_fields_and_as_csv_is_read() {
    let m = vendor_examples("vendor-cloudflare");
    // ClientIP, EdgeStartTimestamp, RayID (the docs' example field list): 4 lines, the last a
    // repeat of the third; no request path, so a note.
    let cf = source(&m, "cloudflare_fields.ndjson");
    assert_eq!(cf["format"], "cloudflare-http-requests");
    assert_eq!(counts(cf), [4, 3, 0, 1]);
    assert_eq!(cf["problem"], serde_json::Value::Null);
    assert_eq!(
        cf["warnings"][0]["reason"],
        "no request path in this log: the web figures need ClientRequestPath or ClientRequestURI among the Logpush job's fields"
    );
    // `output_type: csv` with the field names as `batch_prefix`: 3 requests, with paths.
    let csv = source(&m, "cloudflare_header.csv");
    assert_eq!(csv["format"], "cloudflare-http-requests");
    assert_eq!((counts(csv), csv.get("problem")), ([3, 3, 0, 0], None));
    assert_eq!(csv["warnings"], serde_json::json!([]));
}

/// Mailgun events as its docs now show them: the `event-data` object without its wrapper.
#[test]
fn bare_mailgun_events_are_read() {
    let m = vendor_examples("vendor-mailgun");
    // 5 lines, the fifth a retry of the second; and one pretty-printed event.
    let lines = source(&m, "mailgun_events.ndjson");
    assert_eq!(lines["format"], "mailgun-events");
    assert_eq!(counts(lines), [5, 4, 0, 1]);
    assert_eq!(counts(source(&m, "mailgun_event.json")), [1, 1, 0, 0]);
    // m: accepted at 14:40:00.123, delivered, opened; n: deferred (a temporary failure);
    // p: delivered (the single event).
    let c = &m["reach"]["campaigns"][0];
    assert_eq!(c["campaign"], "mg-backup");
    assert_eq!(c["first_event_at"], "2020-11-27T14:40:00Z");
    let funnel = ["recipients", "delivered", "deferred", "opened"].map(|k| c[k].as_u64());
    assert_eq!(funnel, [3, 2, 1, 1].map(Some));
}

/// X API v2 search responses requested without the fields debrief reads.
#[test]
fn x_responses_without_the_expansions_are_named_as_x() {
    let m = vendor_examples("vendor-x");
    // The default fields only (id, text): named as X, its two posts rejected for want of a
    // time, and the request that gives what is missing.
    let xd = source(&m, "x_default.json");
    assert_eq!(xd["format"], "x-api-v2-json");
    assert_eq!(counts(xd), [2, 0, 2, 0]);
    assert_eq!(
        xd["warnings"][0]["reason"],
        "this X API v2 response lacks created_at, author_id, public_metrics: its posts cannot be placed in time; request it with tweet.fields=created_at,public_metrics&expansions=author_id&user.fields=public_metrics"
    );
    assert_eq!(
        xd["rejections"][0]["reason"],
        "data[0]: created_at: missing"
    );
    // With created_at and public_metrics but no author expansion: read, with a note.
    let xa = source(&m, "x_no_author.json");
    assert_eq!(counts(xa), [2, 2, 0, 0]);
    assert!(xa["warnings"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("this X API v2 response lacks author_id: "));
    // Both posts are about the black screen; the first at 15:06:12 Paris; 3+1+7 and 2
    // engagements.
    assert_eq!(m["social"]["mentions"], 2);
    assert_eq!(m["social"]["incident_related"], 2);
    assert_eq!(m["social"]["engagements"], 13);
    assert_eq!(
        first_signals(&m),
        owned(&[("mentions", "2020-11-27T14:06:12Z")])
    );
}

/// SendGrid's single-send example, whose timestamps are in milliseconds.
#[test]
fn sendgrid_single_send_events_are_read() {
    let out = scratch("vendor-sendgrid");
    let m = report(&root().join("tests/fixtures/vendor_examples"), &out);
    assert_balanced(&m);
    // The open and the click carry milliseconds and are read, counted in a note; a timestamp
    // ten times too large is neither unit; an account event has no e-mail meaning.
    let sg = source(&m, "sendgrid_singlesend.json");
    assert_eq!(sg["format"], "sendgrid-events");
    assert_eq!(counts(sg), [6, 4, 2, 0]);
    assert_eq!(
        sg["warnings"][0]["reason"],
        "2 events have their timestamp in milliseconds, where SendGrid documents seconds: read by their magnitude"
    );
    assert_eq!(
        sg["rejections"],
        json!([
            {"line": null, "reason": "record[4]: timestamp: 16064889003720 is neither unix seconds nor milliseconds between 2000 and 2100"},
            {"line": null, "reason": "record[5]: event: 'account_status_change' has no canonical e-mail event (docs/definitions.md, Reach)"}
        ])
    );
    for (name, text) in outputs(&out) {
        assert_no_contact_details(&name, &text);
    }
}
