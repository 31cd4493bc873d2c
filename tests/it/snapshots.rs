//! Snapshots (insta) of metrics.json and of the report model (`--debug-context`) on the
//! sample and the hand-checked fixtures, so that a changed figure or sentence shows in review.
//! After an intended change, review and accept with `cargo insta review` (or run the tests with
//! `INSTA_UPDATE=always` and read the diff of tests/it/snapshots/).

use super::common::*;

fn outputs_of(input: &std::path::Path, name: &str) -> (serde_json::Value, serde_json::Value) {
    let out = scratch(name);
    let o = debrief(&[
        "report",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--debug-context",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let read = |f: &str| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(out.join(f)).unwrap()).unwrap()
    };
    let r = (read("metrics.json"), read("report-context.json"));
    let _ = std::fs::remove_dir_all(&out);
    r
}

macro_rules! snapshot_folder {
    ($test:ident, $folder:literal) => {
        #[test]
        fn $test() {
            let (metrics, model) = outputs_of(&root().join($folder), stringify!($test));
            insta::assert_json_snapshot!(concat!(stringify!($test), "_metrics"), metrics);
            insta::assert_json_snapshot!(concat!(stringify!($test), "_model"), model);
        }
    };
}

snapshot_folder!(sample, "sample_data");
snapshot_folder!(impact, "tests/fixtures/impact");
snapshot_folder!(communication, "tests/fixtures/communication");
snapshot_folder!(still_failing, "tests/fixtures/still_failing");
snapshot_folder!(zoom_incident, "tests/fixtures/zoom_incident");
snapshot_folder!(mini, "tests/fixtures/mini");
