//! The report: the metrics.json contract, the report model, the HTML rendering and the
//! exporters of the four outputs.

pub mod charts_data;
pub mod communication;
pub mod compare;
pub mod lessons;
pub mod marketing;
pub mod metrics;
pub mod model;
pub mod outputs;
pub mod render;
pub mod words;
