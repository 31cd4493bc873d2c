//! `--timings`: the wall time and rows of each stage, on stderr, as each ends, so that anyone
//! can see where the time of a run goes: each file read (rows read and kept), each query
//! (rows out), building the tables, the analysis, rendering, writing. Off unless the flag is
//! given; it prints nothing else and changes no output.
//!
//! The switch is process-wide, so that the query runners the analysis makes for itself
//! report too without being handed anything.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);

/// Turns the timing lines on for the rest of the process.
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

/// Whether the timing lines are on.
pub fn on() -> bool {
    ON.load(Ordering::Relaxed)
}

/// One line: `timings: STAGE  WHAT  SECONDS s  DETAIL  [rss … GB, peak … GB]`, columns
/// aligned; the memory the process holds at the stage's end and the most it has held so far
/// (Linux only: read from /proc/self/status).
pub fn line(stage: &str, what: &str, elapsed: Duration, detail: &str) {
    if on() {
        let secs = elapsed.as_secs_f64();
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let memory = match (status_gb(&status, "VmRSS:"), status_gb(&status, "VmHWM:")) {
            (Some(now), Some(peak)) => format!("[rss {now:.2} GB, peak {peak:.2} GB]"),
            _ => String::new(),
        };
        let text = format!("timings: {stage:<9} {what:<44} {secs:>9.3} s  {detail:<28} {memory}");
        crate::progress::suspend(|| eprintln!("{}", text.trim_end()));
    }
}

/// A `kB` line of /proc/self/status (`VmRSS:`, `VmHWM:`) in GB (10^9 bytes).
fn status_gb(status: &str, key: &str) -> Option<f64> {
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix(key))?
        .trim()
        .strip_suffix("kB")?
        .trim()
        .parse()
        .ok()?;
    Some(kb * 1024.0 / 1e9)
}

/// A stage under way: [`Stage::done`] prints its line.
pub struct Stage {
    stage: &'static str,
    started: Instant,
}

impl Stage {
    /// Starts timing `stage`.
    pub fn start(stage: &'static str) -> Stage {
        Stage {
            stage,
            started: Instant::now(),
        }
    }

    /// Prints the stage's line, for `what`, with `detail` (rows, bytes).
    pub fn done(self, what: &str, detail: &str) {
        line(self.stage, what, self.started.elapsed(), detail);
    }
}

/// The steps of one stage (a large file's read: its checks, polars' parse, the vendor's
/// rules, the columns), each summed over the parts it is done in, printed as one line each by
/// [`Steps::done`].
pub struct Steps {
    what: String,
    last: Instant,
    sums: Vec<(&'static str, Duration)>,
}

impl Steps {
    /// Starts timing the steps of `what` (a file's path).
    pub fn start(what: &str) -> Steps {
        Steps {
            what: what.to_string(),
            last: Instant::now(),
            sums: Vec::new(),
        }
    }

    /// Counts the time since the last step (or the start) to `step`.
    pub fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        let took = now - self.last;
        self.last = now;
        match self.sums.iter_mut().find(|(s, _)| *s == step) {
            Some((_, sum)) => *sum += took,
            None => self.sums.push((step, took)),
        }
    }

    /// Prints one line per step, in the order they first came.
    pub fn done(self) {
        for (step, took) in &self.sums {
            line("step", &format!("{} {step}", self.what), *took, "");
        }
    }
}
