//! tests/fixtures/mapped: the generic CSV formats, auto-detected by their canonical headers or
//! mapped with [[sources]] columns. Counts worked out by hand below.

use super::common::*;
use serde_json::{json, Value};

fn source(m: &Value, path: &str) -> Value {
    m["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"] == path)
        .unwrap()
        .clone()
}

#[test]
fn mapped_and_generic_csvs() {
    let m = report(&root().join("tests/fixtures/mapped"), &scratch("mapped"));
    assert_balanced(&m);
    // listening.csv: ';'-separated, mapped; 'many' followers rejected (line 5), line 6 repeats
    // line 3 (no post id: same instant, author and text).
    let l = source(&m, "listening.csv");
    assert_eq!(
        (l["format"].as_str(), l["timezone_origin"].as_str()),
        (Some("mentions-csv"), Some("sources"))
    );
    assert_eq!(
        [
            &l["rows_read"],
            &l["rows_kept"],
            &l["rows_rejected"],
            &l["duplicates_removed"]
        ],
        [&json!(5), &json!(3), &json!(1), &json!(1)]
    );
    assert_eq!(
        l["rejections"][0],
        json!({"line": 5, "reason": "followers: not a count: 'many'"})
    );
    let s = &m["social"];
    // Incident: '@orange_fan' (1,234 followers, 3 shares) and bob (2.5K); carol's is not.
    assert_eq!(
        (s["mentions"].as_u64(), s["incident_related"].as_u64()),
        (Some(3), Some(2))
    );
    assert_eq!(s["potential_reach"], 3734);
    assert_eq!(s["engagements"], 3);
    assert_eq!(
        s["sentiment"],
        json!({"source": "provided", "negative": 2, "neutral": 0, "positive": 0})
    );
    // 15:14 and 15:15 Paris: two incident mentions within 5 minutes.
    assert_eq!(m["incident"]["started_at"]["at"], "2020-11-27T14:14:00Z");
    // viewing.csv: recognised by its canonical headers; a zone-less row is Paris time;
    // 'maybe' is not a boolean.
    let v = source(&m, "viewing.csv");
    assert_eq!(
        (v["format"].as_str(), v["timezone"].as_str()),
        (Some("viewing-csv"), Some("Europe/Paris"))
    );
    assert_eq!(
        [&v["rows_read"], &v["rows_kept"], &v["rows_rejected"]],
        [&json!(4), &json!(3), &json!(1)]
    );
    assert_eq!(
        v["rejections"][0],
        json!({"line": 5, "reason": "failed: not a boolean: 'maybe'"})
    );
    assert_eq!(m["event"]["start"], "2020-11-27T14:00:00Z");
    // bad_mapping.csv: the mapping names a column the file does not have.
    let b = source(&m, "bad_mapping.csv");
    assert_eq!(
        b["problem"],
        "[[sources]] columns: text = 'Body' is not a column of this file; it has: When, Message"
    );
}
