//! Snapshots (insta) of metrics.json and of the report model (`--debug-context`) on the
//! sample and the hand-checked fixtures, so that a changed figure or sentence shows in review.
//! After an intended change, review and accept with `cargo insta review` (or run the tests with
//! `INSTA_UPDATE=always` and read the diff of tests/it/snapshots/).

use super::common::*;

macro_rules! snapshot_folder {
    ($test:ident, $folder:literal) => {
        #[test]
        fn $test() {
            let (metrics, model, _) = report_with_context(&root().join($folder), stringify!($test));
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
