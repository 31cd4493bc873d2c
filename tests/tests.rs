//! debrief's integration tests: one binary, one module per area, run against fixtures with
//! hand-checked answers and against the generated sample event's planted values.

mod it {
    mod bad_input;
    mod browser;
    mod charts;
    mod cli;
    mod columnar;
    pub mod common;
    mod communication;
    mod compare;
    mod detection;
    mod engagement;
    mod fixtures;
    mod guard_rails;
    mod i18n;
    mod impact;
    mod mapped;
    mod marketing;
    mod mini;
    mod privacy;
    mod sample;
    mod scale;
    mod snapshots;
    mod summary;
    mod vendors;
}
