//! The columnar readers (Mux views CSV; Mailjet, SendGrid and Cloudflare NDJSON) against hand-checked counts, and
//! against the row-by-row readers: both must give the same canonical rows and the same
//! accounting on the same files.

use std::path::Path;

use debrief::config::Config;
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
        let (a, b) = (collected(a), collected(b));
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
    let counts = |s: &debrief::ingest::SourceReport| {
        (
            s.rows_read,
            s.rows_kept,
            s.rows_rejected,
            s.duplicates_removed,
        )
    };
    assert_eq!(counts(mux), (15, 7, 6, 2));
    let lines: Vec<Option<u64>> = mux.rejections.iter().map(|r| r.line).collect();
    assert_eq!(
        lines,
        [10, 11, 12, 13, 14, 15].map(Some).to_vec(),
        "{:?}",
        mux.rejections
    );
    assert_eq!(
        mux.rejections[0].reason,
        "view_start: not a date: '27/11/2020 14:00'"
    );
    assert!(mux.rejections[5]
        .reason
        .contains("outside the years 2000-2099"));

    // 12 lines: 7-10 rejected (10 repeats the rejected 7 and stays rejected), 2 and 11
    // (trailing space) repeat line 1.
    let mj = source(&fast, "mailjet_events.ndjson");
    assert_eq!(counts(mj), (12, 6, 4, 2));
    assert_eq!(
        mj.rejections[1].reason,
        "event: unknown Mailjet event 'queued'"
    );

    // SendGrid: vendors/sendgrid.json one event a line (11 read, 8 kept, 2 rejected, 1
    // repeat; categories as arrays go to the row parser), then f1, f2, f3 and f1 again.
    let sg = source(&fast, "sendgrid_events.ndjson");
    assert_eq!(counts(sg), (15, 11, 2, 2));

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
    // "A@example.org" and "a@example.org" are one recipient, hashed.
    let who = debrief::tables::str_values(&email, "recipient").unwrap();
    assert_eq!(who[0], who[2]);
    assert_eq!(who[0].as_deref().map(str::len), Some(64));
}

#[test]
fn the_sample_and_the_bad_inputs_read_the_same_both_ways() {
    let (fast, _) = assert_paths_agree(&root().join("sample_data"));
    assert_eq!(fast.rows.frames.viewing.len(), 1);
    assert_eq!(fast.rows.frames.email.len(), 1);
    assert_paths_agree(&root().join("tests/fixtures/bad"));
    let (fast, _) = assert_paths_agree(&root().join("tests/fixtures/web_audience"));
    assert_eq!(fast.rows.frames.web.len(), 1);
}
