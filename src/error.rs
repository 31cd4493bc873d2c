//! Error types. Every error that comes from a user's file says which file, and where it can,
//! which line and which field; `main` prints the whole cause chain and maps the kind to an
//! exit code (1 for input problems, 2 for usage).

use std::path::PathBuf;

/// Everything that can stop a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line or the config asks for something impossible: exit code 2.
    #[error("{0}")]
    Usage(String),

    /// A problem with one input file, with its place: exit code 1.
    #[error("{path}{}{}: {message}", line.map(|l| format!(", line {l}")).unwrap_or_default(), field.as_ref().map(|f| format!(", field '{f}'")).unwrap_or_default())]
    Input {
        path: PathBuf,
        line: Option<u64>,
        field: Option<String>,
        message: String,
    },

    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The query engine failed on a built-in or user query.
    #[error("query '{name}' failed")]
    Query {
        name: String,
        #[source]
        source: polars::error::PolarsError,
    },

    /// A table could not be built or read back.
    #[error("table '{table}': {source}")]
    Table {
        table: &'static str,
        #[source]
        source: polars::error::PolarsError,
    },

    /// Rendering the report or a chart failed.
    #[error("rendering {what} failed: {message}")]
    Render { what: String, message: String },
}

impl Error {
    /// An input error about a whole file.
    pub fn input(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            line: None,
            field: None,
            message: message.into(),
        }
    }

    /// An I/O error on a path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// The error and all its causes, one per line, as `main` prints them.
    pub fn chain(&self) -> String {
        let mut out = format!("error: {self}");
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            out.push_str(&format!("\n  caused by: {cause}"));
            source = cause.source();
        }
        out
    }
}

/// Result with debrief's error.
pub type Result<T> = std::result::Result<T, Error>;
