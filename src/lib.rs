//! debrief: reads the exports of an event team's tools after an incident, rebuilds the
//! timeline, measures detection, communication, mitigation and recovery, and writes a
//! lessons-learned report. The pipeline (design.md) runs one way:
//! ingest -> tables -> queries -> analysis -> report model -> charts + templates -> outputs.

pub mod analysis;
pub mod app;
pub mod charts;
pub mod cli;
pub mod config;
pub mod error;
pub mod i18n;
pub mod ingest;
pub mod memory;
pub mod progress;
pub mod queries;
pub mod report;
pub mod tables;
pub mod text;
pub mod timeutil;
pub mod timings;
