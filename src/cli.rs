//! The command line (clap derive): the subcommands of product.md and their flags.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Lessons-learned reports for live-event incidents, measured from what participants did.
#[derive(Debug, Parser)]
#[command(name = "debrief", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

impl Command {
    /// Whether `--timings` was given.
    pub fn timings(&self) -> bool {
        matches!(
            self,
            Command::Report { timings: true, .. } | Command::Check { timings: true, .. }
        )
    }
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read a folder of exports and write report.html, metrics.json, timeline.csv, runbook.md.
    Report {
        /// Folder of exports (default: the bundled sample event).
        input: Option<PathBuf>,
        /// Config file (default: INPUT/debrief.toml when present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Output folder.
        #[arg(long, default_value = "debrief-out")]
        out: PathBuf,
        /// Also write the report template's context as report-context.json (for template work).
        #[arg(long)]
        debug_context: bool,
        /// Compare with a previous edition: its metrics.json, or the output folder holding it.
        #[arg(long, value_name = "PREV")]
        compare: Option<PathBuf>,
        /// Language of the report, runbook.md and the findings' texts: en, fr (overrides
        /// `[report] language`).
        #[arg(long, value_name = "LANG")]
        lang: Option<crate::i18n::Lang>,
        /// Also write the canonical tables as Parquet (zstd), one file per table, to DIR: for
        /// DuckDB, Spark or Trino when one machine is not enough.
        #[arg(long, value_name = "DIR")]
        export_tables: Option<PathBuf>,
        /// Print the wall time and rows of each stage (each file, query, render) to stderr.
        #[arg(long)]
        timings: bool,
    },
    /// Show what was recognised in each file, without writing a report.
    Check {
        /// Folder of exports (default: the bundled sample event).
        input: Option<PathBuf>,
        /// Config file (default: INPUT/debrief.toml when present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Print the wall time and rows of each stage (each file, query) to stderr.
        #[arg(long)]
        timings: bool,
    },
    /// List the metric queries, built-in and the user's own (INPUT/queries/*.sql).
    Queries {
        /// Folder of exports whose queries/ to list (default: the bundled sample event).
        input: Option<PathBuf>,
    },
    /// Write commented templates of debrief.toml, ops_log.csv and lessons.md.
    Init {
        /// Folder to write them to (created if needed).
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}
