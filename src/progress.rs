//! Progress on long runs, for a person at a terminal: while a large file is read, a spinner
//! counting its rows; while the analysis runs, a spinner naming the
//! query under way. Each ends with the one-line summaries the commands already print.
//!
//! Nothing is drawn when stderr is not a terminal (CI logs, pipes, tests): indicatif's stderr
//! target hides itself there, and nothing else is written. Lines written to stderr while a
//! bar is up ([`crate::timings`]) go through [`suspend`], so they never tear a bar.

use std::io::{IsTerminal, Read};
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::memory::FileBytes;

/// Files from this size up get a spinner and are mapped from disk: below it a read takes well
/// under a second.
pub const LARGE: u64 = 32 * 1024 * 1024;

/// The bar or spinner up now, if any.
static CURRENT: Mutex<Option<ProgressBar>> = Mutex::new(None);

thread_local! {
    /// Set on a thread that works beside the one showing progress (see [`quiet_here`]).
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether progress is drawn at all: stderr is a terminal, and this thread is not quiet.
fn wanted() -> bool {
    !QUIET.with(|q| q.get()) && std::io::stderr().is_terminal()
}

/// This thread draws nothing, counts nothing and takes nothing off the screen: another
/// thread's bar stays as it is.
pub fn quiet_here() {
    QUIET.with(|q| q.set(true));
}

fn set(bar: Option<ProgressBar>) {
    let old = match CURRENT.lock() {
        Ok(mut c) => std::mem::replace(&mut *c, bar),
        Err(_) => None,
    };
    if let Some(old) = old {
        old.finish_and_clear();
    }
}

fn current() -> Option<ProgressBar> {
    CURRENT.lock().ok().and_then(|c| c.clone())
}

/// Runs `f` (which writes to stderr) with the bar taken off the screen meanwhile.
pub fn suspend<R>(f: impl FnOnce() -> R) -> R {
    match current() {
        Some(bar) => bar.suspend(f),
        None => f(),
    }
}

/// A file's bytes: a large one ([`LARGE`] or more) mapped from disk (see
/// [`crate::memory::FileBytes`]), shown on a terminal by a spinner counting its rows
/// ([`rows`]) until [`done`]; a smaller one read into memory.
pub fn read_file(path: &Path, shown: &str) -> std::io::Result<FileBytes> {
    let mut file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size < LARGE {
        let mut bytes = Vec::with_capacity(size as usize + 1);
        file.read_to_end(&mut bytes)?;
        return Ok(FileBytes::Read(bytes));
    }
    if wanted() {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg}: {human_pos} rows {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.set_message(format!("reading {shown} ({})", HumanBytes(size)));
        bar.enable_steady_tick(Duration::from_millis(120));
        set(Some(bar));
    }
    match FileBytes::map(&file) {
        Some(mapped) => Ok(mapped),
        None => {
            let mut bytes = Vec::with_capacity(size as usize + 1);
            file.read_to_end(&mut bytes)?;
            Ok(FileBytes::Read(bytes))
        }
    }
}

/// Counts `n` more rows of the file being read (shown only when it has a spinner).
pub fn rows(n: u64) {
    if QUIET.with(|q| q.get()) {
        return;
    }
    if let Some(bar) = current() {
        bar.inc(n);
    }
}

/// Shows what the analysis is doing, on a spinner (started on first use).
pub fn step(what: &str) {
    if !wanted() {
        return;
    }
    let bar = match current() {
        Some(bar) => bar,
        None => {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} {elapsed}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            set(Some(bar.clone()));
            bar
        }
    };
    bar.set_message(what.to_string());
}

/// Takes the bar or spinner off the screen: the stage it showed has ended.
pub fn done() {
    if QUIET.with(|q| q.get()) {
        return;
    }
    set(None);
}
