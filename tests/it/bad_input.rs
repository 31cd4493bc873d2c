//! tests/fixtures/bad: one file per kind of bad input (issue 3's list). None may panic or stop
//! the run; each is read, or rejected row by row, or refused as a whole file, with a message
//! naming the line and field where there is one.

use super::common::*;
use serde_json::{json, Value};

fn sources() -> Vec<Value> {
    let m = report(&root().join("tests/fixtures/bad"), &scratch("bad"));
    assert_balanced(&m);
    m["sources"].as_array().unwrap().clone()
}

fn find<'a>(all: &'a [Value], path: &str) -> &'a Value {
    all.iter()
        .find(|s| s["path"] == path)
        .unwrap_or_else(|| panic!("{path} not listed"))
}

fn kept(s: &Value) -> (u64, u64) {
    (
        s["rows_kept"].as_u64().unwrap(),
        s["rows_rejected"].as_u64().unwrap(),
    )
}

#[test]
fn whole_file_problems_are_listed_not_fatal() {
    let all = sources();
    assert_eq!(find(&all, "empty.csv")["problem"], "empty file (0 bytes)");
    assert_eq!(
        find(&all, "blank.csv")["problem"],
        "empty file (only blank space)"
    );
    assert_eq!(
        find(&all, "truncated.json")["problem"],
        "truncated JSON: the file ends inside a value (line 1, column 59)"
    );
    assert_eq!(
        find(&all, "wrong_shape.json")["problem"],
        "'tickets' is not an array"
    );
    // A missing required column: the columns found and the ones needed.
    assert_eq!(
        find(&all, "missing_column.csv")["problem"],
        "format not recognised; nearest is ops-log-csv (log), which needs kind (found: time, text). Map it with [[sources]] in debrief.toml"
    );
    assert_eq!(
        find(&all, "forced_missing_column.csv")["problem"],
        "missing column(s) kind; the file has: time, text"
    );
}

#[test]
fn dialects_and_encodings_are_read() {
    let all = sources();
    // Header only: recognised, nothing to keep, no problem.
    let h = find(&all, "header_only.csv");
    assert_eq!(
        (
            h["format"].as_str(),
            h["rows_read"].as_u64(),
            h.get("problem")
        ),
        (Some("ops-log-csv"), Some(0), None)
    );
    for f in ["bom.csv", "semicolon.csv", "utf16.csv", "latin1.csv"] {
        assert_eq!(kept(find(&all, f)), (1, 0), "{f}");
        assert_eq!(find(&all, f)["format"], "ops-log-csv", "{f}");
    }
    assert_eq!(find(&all, "utf16.csv")["encoding"], "utf-16le");
    assert_eq!(
        find(&all, "latin1.csv")["encoding"],
        "windows-1252 (assumed: not UTF-8)"
    );
    assert_eq!(
        find(&all, "bom.csv").get("encoding"),
        None,
        "plain UTF-8 is not flagged"
    );
}

#[test]
fn bad_rows_are_rejected_with_line_and_field() {
    let all = sources();
    let ragged = find(&all, "ragged.csv");
    assert_eq!(kept(ragged), (1, 1));
    assert_eq!(
        ragged["rejections"][0],
        json!({"line": 3, "reason": "2 fields where the header has 3"})
    );
    // The unterminated quote would swallow line 4 into line 3's text: line 3 is rejected.
    let u = find(&all, "unterminated.csv");
    assert_eq!(kept(u), (1, 2));
    assert_eq!(u["rejections"][0]["line"], 3);
    assert!(u["rejections"][0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("unterminated quote"));
    // The line it swallowed is counted too (it once vanished with the counts still balanced).
    assert_eq!(
        u["rejections"][1],
        json!({"line": 4, "reason": "inside the unterminated quote opened on line 3"})
    );
    // Regression: a row with one non-empty field looks like a section title; the file's rows
    // after it must still be read (they were cut off once).
    let one = find(&all, "one_field_row.csv");
    assert_eq!((one["rows_read"].as_u64(), kept(one)), (Some(4), (3, 1)));
    assert_eq!(
        one["rejections"][0],
        json!({"line": 3, "reason": "kind: empty"})
    );
    // Day-first and a typed year are rejected. A time skipped by the spring change and one
    // repeated by the autumn change are kept with a warning each (docs/definitions.md, "Time
    // zones"), as is the repeated time written with its offset (no warning).
    let d = find(&all, "dates.csv");
    assert_eq!(kept(d), (3, 2));
    let reasons: Vec<&str> = d["rejections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons[0], "time: not a date: '27/11/2020 15:09'");
    // A typed year would once make the analysis allocate a minute per minute of nine centuries.
    assert!(
        reasons[1].contains("outside the years 2000-2099"),
        "{}",
        reasons[1]
    );
    assert_eq!(d["warning_count"], 2);
    assert_eq!(
        d["warnings"],
        json!([
            {"line": 3, "reason": "time: 2020-03-29 02:30:00 never happens in Europe/Paris (the clocks jump forward); read as 2020-03-29 03:30:00 +02:00"},
            {"line": 4, "reason": "time: 2020-10-25 02:30:00 happens twice in Europe/Paris; read as +02:00"}
        ])
    );
    // Mailjet: a capitalised event and a time written as a string are read; a time in
    // milliseconds in a seconds field is rejected, never read as a date in 52,000 AD.
    let mj = find(&all, "mailjet.ndjson");
    assert_eq!(kept(mj), (2, 1));
    assert_eq!(
        mj["rejections"][0],
        json!({"line": 3, "reason": "time: 1606488482000 is not unix seconds between 2000 and 2100"})
    );
}
