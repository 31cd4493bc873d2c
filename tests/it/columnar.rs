//! The columnar readers (Mux and generic viewing CSV; Mailjet, SendGrid, Brevo, Mailgun and
//! Cloudflare NDJSON) against hand-checked counts, and
//! against the row-by-row readers: both must give the same canonical rows and the same
//! accounting on the same files.

use std::path::Path;

use debrief::config::Config;
use debrief::i18n::Lang;
use debrief::ingest::{ingest_dir_with, Ingested};
use debrief::tables::Tables;
use polars::prelude::*;

use super::common::root;

fn ingest(dir: &Path, columnar: bool) -> Ingested {
    let config = Config::load(&dir.join("debrief.toml")).unwrap();
    ingest_dir_with(dir, &config, columnar).unwrap()
}

fn collected(lf: LazyFrame) -> DataFrame {
    lf.collect().unwrap()
}

/// Both paths agree on every canonical table and every source report.
fn assert_paths_agree(dir: &Path) -> (Ingested, Ingested) {
    let fast = ingest(dir, true);
    let slow = ingest(dir, false);
    let tf = Tables::build(&fast.rows, 300).unwrap();
    let ts = Tables::build(&slow.rows, 300).unwrap();
    for ((name, a), (_, b)) in tf.named().into_iter().zip(ts.named()) {
        // Columnar frames follow the row-built rows in a table: compare in one order.
        let sorted = |lf: LazyFrame| {
            let df = collected(lf);
            let names: Vec<PlSmallStr> = df.get_column_names().into_iter().cloned().collect();
            df.sort(
                names,
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .unwrap()
        };
        let (a, b) = (sorted(a), sorted(b));
        assert_eq!(a.shape(), b.shape(), "{}: table {name}", dir.display());
        for (ca, cb) in a.columns().iter().zip(b.columns()) {
            assert_eq!(ca.name(), cb.name());
            assert_eq!(ca.dtype(), cb.dtype(), "{name}.{}", ca.name());
            let (sa, sb) = (ca.as_materialized_series(), cb.as_materialized_series());
            if !sa.equals_missing(sb) {
                let at = (0..sa.len())
                    .find(|&i| sa.get(i).ok() != sb.get(i).ok())
                    .unwrap_or(0);
                panic!(
                    "{}: {name}.{} differs between the paths at row {at}: columnar {:?}, rows {:?}",
                    dir.display(),
                    ca.name(),
                    sa.get(at),
                    sb.get(at)
                );
            }
        }
    }
    assert_eq!(
        serde_json::to_value(&fast.sources).unwrap(),
        serde_json::to_value(&slow.sources).unwrap(),
        "{}: source reports differ",
        dir.display()
    );
    (fast, slow)
}

fn source<'a>(ingested: &'a Ingested, path: &str) -> &'a debrief::ingest::SourceReport {
    ingested.sources.iter().find(|s| s.path == path).unwrap()
}

/// rows read, kept, rejected, duplicates removed.
fn counts(s: &debrief::ingest::SourceReport) -> (u64, u64, u64, u64) {
    (
        s.rows_read,
        s.rows_kept,
        s.rows_rejected,
        s.duplicates_removed,
    )
}

/// [`counts`] and the lines of the rejections.
fn summary(s: &debrief::ingest::SourceReport) -> ((u64, u64, u64, u64), Vec<u64>) {
    let lines = s.rejections.iter().filter_map(|r| r.line).collect();
    (counts(s), lines)
}

/// The warnings counted, and those listed with their line.
/// The reasons are in English, as metrics.json writes them.
fn warnings(s: &debrief::ingest::SourceReport) -> (u64, Vec<(Option<u64>, String)>) {
    let listed = s
        .warnings
        .iter()
        .map(|w| (w.line, w.reason.to_string()))
        .collect();
    (s.warning_count, listed)
}

#[test]
fn hand_checked_files_read_as_columns_match_the_row_readers() {
    let dir = root().join("tests/fixtures/columnar");
    let (fast, slow) = assert_paths_agree(&dir);
    // The columnar path was taken, not silently left to the row readers.
    assert_eq!(fast.rows.frames.viewing.len(), 1);
    assert_eq!(fast.rows.frames.email.len(), 2);
    assert!(fast.rows.viewing.is_empty() && fast.rows.email.is_empty());
    assert!(slow.rows.frames.viewing.is_empty() && slow.rows.frames.email.is_empty());

    // 15 records (the blank lines 8 and 18 are none): lines 10-15 rejected, 9 and 16 repeat v1
    // and v2 (v2 is parsed by the row parser: its start has a +01:00 offset).
    let mux = source(&fast, "mux_views.csv");
    assert_eq!(counts(mux), (15, 7, 6, 2));
    let lines: Vec<Option<u64>> = mux.rejections.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [10, 11, 12, 13, 14, 15].map(Some).to_vec(),
        "{:?}",
        mux.rejections
    );
    assert_eq!(
        mux.rejections[0].reason.to_string(),
        "view_start: not a date: '27/11/2020 14:00'"
    );
    assert!(mux.rejections[5]
        .reason
        .to_string()
        .contains("outside the years 2000-2099"));

    // 13 lines: 7-10 rejected (10 repeats the rejected 7 and stays rejected), 2 and 11
    // (trailing space) repeat line 1; 13 has an object for its url.
    let mj = source(&fast, "mailjet_events.ndjson");
    assert_eq!(counts(mj), (13, 7, 4, 2));
    assert_eq!(
        mj.rejections[1].reason.to_string(),
        "event: unknown Mailjet event 'queued'"
    );

    // SendGrid: vendors/sendgrid.json one event a line (11 read, 9 kept, 1 rejected, 1
    // repeat; categories as arrays go to the row parser; line 11's timestamp is in
    // milliseconds), then f1, f2, f3 and f1 again.
    let sg = source(&fast, "sendgrid_events.ndjson");
    assert_eq!(counts(sg), (15, 12, 1, 2));
    assert_eq!(
        sg.warnings.first().map(|w| w.reason.to_string()).as_deref(),
        Some("1 event has its timestamp in milliseconds, where SendGrid documents seconds: read by its magnitude")
    );

    let t = Tables::build(&fast.rows, 300).unwrap();
    let viewing = collected(t.viewing.sort(["session_id"], Default::default()));
    let ids = debrief::tables::str_values(&viewing, "session_id").unwrap();
    let want = ["v1", "v12", "v2", "v3", "v4", "v5", "v6"];
    assert_eq!(ids, want.map(|s| Some(s.to_string())).to_vec());
    let errors = debrief::tables::str_values(&viewing, "error").unwrap();
    assert_eq!(
        errors,
        vec![
            None,
            None,
            None,
            None, // exited before start after 0.5 s: not a failure
            Some("exit before video start".to_string()),
            Some("2002 Le flux, indisponible".to_string()),
            Some("Network error".to_string()),
        ]
    );
    // v2's start was 15:01 at +01:00.
    let starts = debrief::tables::i64_values(&viewing, "started_at").unwrap();
    assert_eq!(starts[2], Some(1_606_485_660_000));
    // v1 keeps its first copy (watched 30 min, not 31).
    let watch = viewing.column("watch_s").unwrap().f64().unwrap().get(0);
    assert_eq!(watch, Some(1800.0));
    assert_eq!(
        debrief::tables::str_values(&viewing, "platform").unwrap()[0].as_deref(),
        Some("vimeo")
    );

    let email = collected(t.email);
    let events = debrief::tables::str_values(&email, "event").unwrap();
    let want = [
        "delivered",
        "delivered",
        "opened",
        "clicked",
        "bounced",
        "complained",
    ];
    assert_eq!(events[..6], want.map(|s| Some(s.to_string())));
    assert_eq!(events[6].as_deref(), Some("opened"));
    // SendGrid's last three: a capitalised bounce of type "Blocked" is blocked.
    assert_eq!(
        events[events.len() - 3..],
        ["delivered", "blocked", "clicked"].map(|s| Some(s.to_string()))
    );
    let campaigns = debrief::tables::str_values(&email, "campaign").unwrap();
    assert_eq!(campaigns[1].as_deref(), Some("7581204"));
    let urls = debrief::tables::str_values(&email, "url").unwrap();
    assert_eq!(
        urls[3].as_deref(),
        Some("https://example.org/live?u=[e-mail]")
    );
    assert_eq!(urls[6], None); // an object is no url
    assert_eq!(
        urls.last().unwrap().as_deref(),
        Some("https://example.org/live?u=[e-mail]")
    );
    let campaigns_sg = &campaigns[campaigns.len() - 3..];
    assert_eq!(campaigns_sg[0].as_deref(), Some("lien-secours"));
    assert_eq!(campaigns_sg[1].as_deref(), Some("sg-backup"));
    let reasons = debrief::tables::str_values(&email, "reason").unwrap();
    assert_eq!(reasons[4].as_deref(), Some("recipient: user unknown"));
    let ids = debrief::tables::str_values(&email, "message_id").unwrap();
    assert_eq!(ids[0].as_deref(), Some("288230376151711744"));
    // The open at 1606485700.6 s rounds to the millisecond.
    let at = debrief::tables::i64_values(&email, "at").unwrap();
    assert_eq!(at[2], Some(1_606_485_700_600));
    // "A@example.org" and "a@example.org" are one recipient, hashed into one key (no salt).
    let who: Vec<Option<u64>> = email
        .column("recipient")
        .unwrap()
        .u64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(who[0], who[2]);
    assert_eq!(who[0], debrief::text::participant_hash("a@example.org", ""));
}

#[test]
fn the_sample_and_the_bad_inputs_read_the_same_both_ways() {
    let (fast, _) = assert_paths_agree(&root().join("sample_data"));
    assert_eq!(fast.rows.frames.viewing.len(), 1);
    assert_eq!(fast.rows.frames.email.len(), 1);
    assert_paths_agree(&root().join("tests/fixtures/bad"));
    let (fast, _) = assert_paths_agree(&root().join("tests/fixtures/web_audience"));
    assert_eq!(fast.rows.frames.web.len(), 1);
    let (fast, _) = assert_paths_agree(&root().join("tests/fixtures/mapped"));
    assert_eq!(fast.rows.frames.viewing.len(), 1);
    // Brevo and Mailgun webhooks as NDJSON and a SendGrid array as columns; a Mailgun page
    // by the row reader.
    let (fast, _) = assert_paths_agree(&root().join("tests/fixtures/vendors"));
    assert_eq!(fast.rows.frames.email.len(), 3);
}

#[test]
fn brevo_and_mailgun_webhooks_read_as_columns_match_the_row_readers() {
    let dir = root().join("tests/fixtures/columnar_webhooks");
    let (fast, _) = assert_paths_agree(&dir);
    assert_eq!(fast.rows.frames.email.len(), 3);
    assert!(fast.rows.email.is_empty());
    let strings = |v: &[Option<&str>]| -> Vec<Option<String>> {
        v.iter().map(|s| s.map(str::to_string)).collect()
    };

    // Brevo: 14 lines; 3 (a trailing space) and 13 repeat 1 and 2; 9-12 rejected (12
    // repeats the rejected 9 and stays rejected).
    let br = source(&fast, "brevo_events.ndjson");
    assert_eq!(summary(br), ((14, 8, 4, 2), vec![9, 10, 11, 12]));
    assert_eq!(
        br.rejections[0].reason.to_string(),
        "event: unknown Brevo event 'proxy_open'"
    );
    assert_eq!(br.rejections[1].reason.to_string(), "email: missing");
    assert_eq!(
        br.rejections[2].reason.to_string(),
        "ts_epoch: 1606488.9 is not unix seconds between 2000 and 2100"
    );
    // Mailgun: 14 lines; 2 repeats 1 (same id, event and instant; 3 has the id of 1 at
    // another instant and is kept); 9-12 and 14 rejected.
    let mg = source(&fast, "mailgun_webhooks.ndjson");
    assert_eq!(summary(mg), ((14, 8, 5, 1), vec![9, 10, 11, 12, 14]));
    assert_eq!(
        mg.rejections[0].reason.to_string(),
        "event: unknown Mailgun event 'stored'"
    );
    assert_eq!(mg.rejections[1].reason.to_string(), "recipient: missing");
    assert_eq!(
        mg.rejections[2].reason.to_string(),
        "timestamp: 1606488700123 is not unix seconds between 2000 and 2100"
    );
    assert_eq!(
        mg.rejections[3].reason.to_string(),
        "no 'event-data' in this webhook"
    );
    // A pretty-printed Mailjet array: item 2 repeats item 0, item 3 is rejected by its index.
    let mj = source(&fast, "mailjet_array.json");
    assert_eq!(summary(mj), ((5, 3, 1, 1), vec![]));
    assert_eq!(
        mj.rejections[0].reason.to_string(),
        "record[3]: event: unknown Mailjet event 'queued'"
    );

    let t = Tables::build(&fast.rows, 300).unwrap();
    let email = collected(t.email);
    let events = debrief::tables::str_values(&email, "event").unwrap();
    let want = [
        // Brevo: lines 1, 2, 4 (local date only), 5, 6, 7 (fractional), 8 (capitalised), 14.
        "queued",
        "delivered",
        "opened",
        "clicked",
        "bounced",
        "deferred",
        "delivered",
        "bounced",
        // Mailgun: lines 1, 3, 4 (temporary), 5 ("Permanent"), 6 (no severity), 7, 8, 13.
        "delivered",
        "delivered",
        "deferred",
        "bounced",
        "bounced",
        "opened",
        "clicked",
        "queued",
        // Mailjet's array: items 0, 1 (over several lines) and 4.
        "delivered",
        "opened",
        "clicked",
    ];
    assert_eq!(events, want.map(|s| Some(s.to_string())));
    let at = debrief::tables::i64_values(&email, "at").unwrap();
    let want_at = [
        1_606_488_900_000,
        1_606_488_905_000,
        1_606_488_900_000, // 15:55 in Paris
        1_606_488_960_000,
        1_606_488_902_000,
        1_606_488_903_250,
        1_606_488_904_000,
        1_606_488_906_000,
        1_606_488_700_123,
        1_606_488_701_500,
        1_606_488_702_000,
        1_606_488_703_000,
        1_606_488_705_000,
        1_606_488_706_000,
        1_606_488_707_000,
        1_606_488_709_000,
        1_606_485_600_000,
        1_606_485_660_000,
        1_606_485_720_400, // fractional seconds, by the row parser
    ];
    assert_eq!(at, want_at.map(Some));
    let campaigns = debrief::tables::str_values(&email, "campaign").unwrap();
    let want_campaigns = [
        Some("br-backup"),
        Some("second"), // the first non-empty tag
        Some("42"),     // template_id
        Some("plain-tag"),
        Some("custom-x"), // no tags: X-Mailin-custom
        Some("only-tag"),
        None,
        None,
        Some("mg-backup"),
        Some("mg-backup"),
        Some("Secours"),   // the campaign's name
        Some("c-only-id"), // else its id
        Some("uv-camp"),   // user-variables
        None,
        None, // tags as text, not an array: no campaign
        None,
        Some("rappel-j0"),
        Some("7581204"),
        Some("7581204"),
    ];
    assert_eq!(campaigns, strings(&want_campaigns));
    let reasons = debrief::tables::str_values(&email, "reason").unwrap();
    assert_eq!(reasons[4].as_deref(), Some("550 [e-mail] unknown"));
    assert_eq!(reasons[7], None); // an object, not text
    assert_eq!(
        reasons[8..13],
        strings(&[
            Some("OK"),
            None,
            Some("mailbox full for [e-mail]"),
            Some("old-reason"),
            None
        ])
    );
    let urls = debrief::tables::str_values(&email, "url").unwrap();
    assert_eq!(
        urls[3].as_deref(),
        Some("https://example.org/live?u=[e-mail]")
    );
    assert_eq!(urls[13], urls[3]);
    assert_eq!(urls[18], urls[3]);
    let ids = debrief::tables::str_values(&email, "message_id").unwrap();
    assert_eq!(ids[8].as_deref(), Some("<m1@x>"));
    assert_eq!(ids[15].as_deref(), Some("<m10@x>"));
    assert_eq!(ids[16].as_deref(), Some("19421777835146490")); // above 2^53, exact
    let who = debrief::tables::str_values(&email, "recipient").unwrap();
    assert_eq!(who[0], who[1]); // "N@" and "n@"
    assert_eq!(who[8], who[9]); // "H@" and "h@"
}

#[test]
fn the_generic_viewing_csv_read_as_columns_matches_the_row_reader() {
    let dir = root().join("tests/fixtures/columnar_generic");
    let (fast, _) = assert_paths_agree(&dir);
    // Both viewing files as columns, the mapped one included; the wrong mapping is the row
    // reader's to report.
    assert_eq!(fast.rows.frames.viewing.len(), 2);
    assert!(fast.rows.viewing.is_empty());
    let wrong = source(&fast, "wrong_mapping.csv");
    assert!(wrong
        .problem(Lang::En)
        .unwrap_or_default()
        .contains("started_at = 'Begin' is not a column"));
    // 15 records (line 5 is blank): 7 repeats line 6 exactly, 8 repeats session s1;
    // 11, 13-15 rejected; 9 (a start Paris clocks skipped) and 10 (one they showed twice)
    // kept with a warning each (docs/definitions.md, "Time zones").
    let v = source(&fast, "viewing.csv");
    assert_eq!(summary(v), ((15, 9, 4, 2), vec![11, 13, 14, 15]));
    assert_eq!(
        v.rejections[1].reason.to_string(),
        "watch_s: not a number: 'abc'"
    );
    assert!(v.rejections[3]
        .reason
        .to_string()
        .contains("outside the years 2000-2099"));
    assert_eq!(
        warnings(v),
        (2, vec![
            (Some(9), "started_at: 2020-03-29 02:30:00 never happens in Europe/Paris (the clocks jump forward); read as 2020-03-29 03:30:00 +02:00".to_string()),
            (Some(10), "started_at: 2020-10-25 02:30:00 happens twice in Europe/Paris; read as +02:00".to_string()),
        ])
    );
    // 6 records: 5 repeats 4; 3 and 4 differ only in an unmapped column and are two views;
    // 7 starts and ends in the hour New York clocks showed twice: kept, two warnings.
    let m = source(&fast, "mapped_viewing.csv");
    assert_eq!(summary(m), ((6, 5, 0, 1), vec![]));
    assert_eq!(
        warnings(m),
        (2, vec![
            (Some(7), "started_at: 2020-11-01 01:30:00 happens twice in America/New_York; read as -04:00".to_string()),
            (Some(7), "ended_at: 2020-11-01 01:40:00 happens twice in America/New_York; read as -04:00".to_string()),
        ])
    );

    let t = Tables::build(&fast.rows, 300).unwrap();
    let viewing = collected(t.viewing);
    let strings = |name: &str| debrief::tables::str_values(&viewing, name).unwrap();
    let some =
        |v: &[&str]| -> Vec<Option<String>> { v.iter().map(|s| Some(s.to_string())).collect() };
    // Files in name order: mapped_viewing.csv, then viewing.csv.
    assert_eq!(
        strings("session_id"),
        some(&[
            "m1",
            "mapped_viewing.csv:3",
            "mapped_viewing.csv:4",
            "m2",
            "m3",
            "s1",
            "s2",
            "s3",
            "viewing.csv:6",
            "s4",
            "s5",
            "s7",
            "s11",
            "s12",
        ])
    );
    let starts = debrief::tables::i64_values(&viewing, "started_at").unwrap();
    let ends = debrief::tables::i64_values(&viewing, "ended_at").unwrap();
    let want_starts = [
        1_606_485_600_000, // 09:00 in New York
        1_606_485_600_000,
        1_606_485_600_000,
        1_606_486_200_000,
        1_604_208_600_000, // 2020-11-01 01:30 in New York, the first time: -04:00, 05:30Z
        1_606_485_600_000, // 15:00 in Paris
        1_606_485_900_000, // 14:05Z
        1_606_486_200_000, // 15:10+01:00
        1_606_485_600_000,
        1_585_445_400_000, // 2020-03-29 02:30 in Paris, skipped: 03:30+02:00, 01:30Z
        1_603_585_800_000, // 2020-10-25 02:30 in Paris, the first time: +02:00, 00:30Z
        1_606_485_600_000,
        1_606_485_600_500, // fractional seconds
        1_606_489_200_000,
    ];
    assert_eq!(starts, want_starts.map(Some));
    assert_eq!(ends[4], Some(1_604_209_200_000)); // 01:40 -04:00, 05:40Z
    assert_eq!(ends[6], Some(1_606_485_960_250));
    assert_eq!(ends[9], Some(1_585_445_400_000)); // 03:30+02:00: as long as it started
    assert_eq!(ends[10], Some(1_603_593_000_000)); // 03:30+01:00, 02:30Z
    assert_eq!(ends[12], Some(1_606_486_200_000)); // "15:10", no seconds
    let failed: Vec<Option<bool>> = viewing
        .column("failed")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    let want_failed = [
        false, false, false, true, // m2: an error and no `failed` column
        false, false, true, // s2: empty `failed`, an error
        true, false, false, false, true, false, false, // s12: "false" despite its error
    ];
    assert_eq!(failed, want_failed.map(Some));
    let errors = strings("error");
    assert_eq!(errors[3].as_deref(), Some("Stream offline"));
    assert_eq!(errors[13].as_deref(), Some("Err, with comma"));
    let watch = viewing.column("watch_s").unwrap().f64().unwrap();
    assert_eq!(watch.get(6), Some(60.25));
    assert_eq!(watch.get(11), Some(1000.0)); // "1e3"
    let platforms = strings("platform");
    assert_eq!(platforms[0].as_deref(), Some("twitch"));
    assert_eq!(platforms[5].as_deref(), Some("youtube"));
    assert_eq!(platforms[12].as_deref(), Some("vimeo"));
    let who: Vec<Option<u64>> = viewing
        .column("participant")
        .unwrap()
        .u64()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(who[12], None); // blank
                               // s1, written "A@example.org" then "a@example.org": one participant.
    assert_eq!(who[5], debrief::text::participant_hash("a@example.org", ""));
}

#[test]
fn edge_cases_from_review_read_the_same_both_ways() {
    let dir = root().join("tests/fixtures/columnar_edge");
    let (fast, _) = assert_paths_agree(&dir);
    // Item 1 is item 0 over two lines, item 3 item 0 again; item 2 is rejected.
    assert_eq!(counts(source(&fast, "brevo_array.json")), (4, 1, 1, 2));
    // Line 2 is line 1 with spaces (a repeat); line 3 writes the second as 1606488905.0,
    // which serde_json keeps apart too.
    assert_eq!(counts(source(&fast, "brevo_dup.ndjson")), (3, 2, 0, 1));
    // A huge ts_event must not wrap around into a date.
    assert_eq!(counts(source(&fast, "brevo_ovf.ndjson")), (2, 1, 1, 0));
    // `event-data: null` is no object; a backslash in a URL is read as written.
    assert_eq!(counts(source(&fast, "mailgun.ndjson")), (3, 2, 1, 0));
    assert_eq!(
        source(&fast, "mailgun.ndjson").rejections[0]
            .reason
            .to_string(),
        "not a JSON object"
    );
    // Lines ended by a lone carriage return.
    assert_eq!(counts(source(&fast, "viewing_cr.csv")), (2, 2, 0, 0));
    // A field holding one quote character is no blank line.
    assert_eq!(counts(source(&fast, "viewing_quote.csv")), (3, 2, 1, 0));
    // 20 bytes are not enough to be UTC: the 20th must be a Z.
    assert_eq!(counts(source(&fast, "viewing_t20.csv")), (3, 1, 2, 0));
    // `event-data` as a string holding JSON is not an object, whichever path reads it.
    assert_eq!(counts(source(&fast, "mailgun_string.ndjson")), (2, 1, 1, 0));
    // Left to the row reader: a one-object document, lone carriage returns, a line of one
    // non-breaking space. Headers equal but for case (the first is the column) and quotes
    // inside unquoted fields (split by csv-core, the row reader's parser) are read line by
    // line, and agree.
    let frames = (fast.rows.frames.email.len(), fast.rows.frames.viewing.len());
    assert_eq!(frames, (8, 6));
}

#[test]
fn the_vendors_published_examples_read_the_same_both_ways() {
    let dir = root().join("tests/fixtures/vendor_examples");
    let (fast, _) = assert_paths_agree(&dir);
    // As columns: the SendGrid array, the bare Mailgun events, the Cloudflare NDJSON; by the
    // row reader: the one pretty-printed Mailgun event and the Cloudflare CSV.
    assert_eq!(fast.rows.frames.email.len(), 2);
    assert_eq!(fast.rows.frames.web.len(), 1);
    assert_eq!((fast.rows.email.len(), fast.rows.web.len()), (1, 3));

    let t = Tables::build(&fast.rows, 300).unwrap();
    let email = collected(t.email.sort(["at"], Default::default()));
    let at = debrief::tables::i64_values(&email, "at").unwrap();
    let event = debrief::tables::str_values(&email, "event").unwrap();
    let provider = debrief::tables::str_values(&email, "provider").unwrap();
    let rows: Vec<(Option<i64>, Option<&str>, Option<&str>)> = at
        .iter()
        .zip(&event)
        .zip(&provider)
        .map(|((a, e), p)| (*a, e.as_deref(), p.as_deref()))
        .collect();
    // SendGrid seconds as seconds, its milliseconds (the single-send open and click) as
    // milliseconds; Mailgun's fractional seconds to the millisecond.
    let sg = Some("sendgrid");
    let mg = Some("mailgun");
    assert_eq!(
        rows,
        [
            (Some(1_606_488_000_000), Some("queued"), sg), // 14:40:00Z
            (Some(1_606_488_000_123), Some("queued"), mg), // 1606488000.123456 s
            (Some(1_606_488_005_000), Some("delivered"), sg),
            (Some(1_606_488_010_500), Some("delivered"), mg),
            (Some(1_606_488_020_000), Some("deferred"), mg), // failed, temporary
            (Some(1_606_488_030_000), Some("delivered"), mg), // the single event
            (Some(1_606_488_600_000), Some("opened"), mg),
            (Some(1_606_488_900_372), Some("opened"), sg), // 1606488900372 ms, 14:55:00.372Z
            (Some(1_606_488_960_123), Some("clicked"), sg),
        ]
    );
    let campaign = debrief::tables::str_values(&email, "campaign").unwrap();
    assert_eq!(campaign[1].as_deref(), Some("mg-backup"));
    // The single-send events carry an empty `category` and no campaign name.
    assert_eq!(campaign[7], None);

    let web = collected(t.web.sort(["at"], Default::default()));
    let at = debrief::tables::i64_values(&web, "at").unwrap();
    assert_eq!(
        at,
        [
            1_606_488_480_123, // 1606488480123000000 ns
            1_606_488_485_000,
            1_606_488_490_500,
            1_606_488_600_000, // the CSV's
            1_606_488_601_000,
            1_606_488_602_000,
        ]
        .map(Some)
    );
    let path = debrief::tables::str_values(&web, "path").unwrap();
    let status = debrief::tables::i64_values(&web, "status").unwrap();
    assert_eq!(
        path,
        [
            None,
            None,
            None,
            Some("/live"),
            Some("/live"),
            Some("/live-secours")
        ]
        .map(|p| p.map(str::to_string))
    );
    assert_eq!(status, [None, None, None, Some(200), Some(502), Some(200)]);
}

/// The large exports are read in parts of half a million records; reading them in parts of a
/// few records (boundaries between duplicates, rejected rows, blank lines, DST notes) gives
/// what the row readers give, as one part does. The part size is process-wide: other tests
/// running meanwhile read in small parts too, which must not change their results either.
#[test]
fn files_read_in_many_parts_read_as_the_row_readers_do() {
    /// Puts the part size back however the test ends.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            debrief::ingest::set_part_records(1 << 19);
        }
    }
    let _reset = Reset;
    debrief::ingest::set_part_records(2);
    // Read as columns, not handed to the row readers: Mux and Mailjet in parts, SendGrid whole.
    let (fast, _) = assert_paths_agree(&root().join("tests/fixtures/columnar"));
    assert_eq!(fast.rows.frames.viewing.len(), 1);
    assert_eq!(fast.rows.frames.email.len(), 2);
    for dir in [
        "tests/fixtures/columnar_edge",
        "tests/fixtures/columnar_webhooks",
        "tests/fixtures/bad",
    ] {
        assert_paths_agree(&root().join(dir));
    }
    debrief::ingest::set_part_records(997);
    let (fast, _) = assert_paths_agree(&root().join("sample_data"));
    assert_eq!(fast.rows.frames.viewing.len(), 1);
}

#[test]
fn mux_views_read_as_columns_read_as_the_row_reader_does() {
    // Mux's CSV read as columns: a blank line, quoted fields with commas and doubled quotes,
    // a CRLF line, a repeated view, the row parser's rejections, local times on both DST
    // changes in a zone given by [[sources]] (warnings of their rows), all as the row reader
    // reads them; a quote left open at a line's end sends the file to the row reader (whose
    // reading makes ragged records of it); a column named twice is read from its first.
    let dir = root().join("tests/fixtures/mux_edge");
    let (fast, _) = assert_paths_agree(&dir);
    // Three files as columns; the one with a quote left open at a line's end by rows.
    assert_eq!(fast.rows.frames.viewing.len(), 3);
    assert_eq!(
        fast.rows.viewing.len(),
        0,
        "the open quote's rows are all rejected"
    );
    let views = source(&fast, "mux_views.csv");
    assert_eq!(counts(views), (11, 5, 5, 1));
    let lines: Vec<Option<u64>> = views.rejections.iter().map(|r| r.line).collect();
    assert_eq!(lines, [7, 8, 9, 11, 12].map(Some));
    let local = source(&fast, "mux_local.csv");
    assert_eq!(counts(local), (3, 3, 0, 0));
    let (count, listed) = warnings(local);
    assert_eq!(count, 2);
    assert_eq!(listed[0].0, Some(2));
    assert!(listed[0].1.contains("never happens"), "{listed:?}");
    assert_eq!(listed[1].0, Some(3));
    assert_eq!(counts(source(&fast, "mux_open_quote.csv")), (2, 0, 2, 0));
    let t = Tables::build(&fast.rows, 300).unwrap();
    let viewing = collected(t.viewing.sort(["session_id"], Default::default()));
    let ids = debrief::tables::str_values(&viewing, "session_id").unwrap();
    let errors = debrief::tables::str_values(&viewing, "error").unwrap();
    let platforms = debrief::tables::str_values(&viewing, "platform").unwrap();
    let row = |id: &str| ids.iter().position(|i| i.as_deref() == Some(id)).unwrap();
    assert_eq!(
        errors[row("v3")].as_deref(),
        Some("E1 Stream \"offline\", retry")
    );
    assert_eq!(
        errors[row("v2")].as_deref(),
        Some("exit before video start")
    );
    assert_eq!(platforms[row("v10")].as_deref(), Some("vi,meo"));
    assert_eq!(counts(source(&fast, "mux_dup_header.csv")), (2, 2, 0, 0));
    let isps = debrief::tables::str_values(&viewing, "isp").unwrap();
    assert_eq!(isps[row("d1")].as_deref(), Some("Orange"));
    let watch = viewing.column("watch_s").unwrap().f64().unwrap();
    assert_eq!(watch.get(row("v4")), Some(1.0)); // "1e3" ms
    assert_eq!(watch.get(row("v1")), Some(600.25));
    let who = viewing.column("participant").unwrap().u64().unwrap();
    assert_eq!(
        who.get(row("v3")),
        debrief::text::participant_hash("c@example.org", "")
    );
}
