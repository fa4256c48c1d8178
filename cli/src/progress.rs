//! A progress line on standard error for long runs, only when standard error is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Shown only once a run has taken this long, so that short runs print nothing.
const DELAY: Duration = Duration::from_millis(300);
/// At most one update per this interval.
const INTERVAL: Duration = Duration::from_millis(100);

#[derive(Debug)]
pub struct Progress {
    enabled: bool,
    total: usize,
    started: Instant,
    last: Option<Instant>,
}

impl Progress {
    /// A progress line for `total` items; silent unless `wanted` and stderr is a terminal.
    pub fn new(total: usize, wanted: bool) -> Progress {
        Progress {
            enabled: wanted && std::io::stderr().is_terminal(),
            total,
            started: Instant::now(),
            last: None,
        }
    }

    /// `done` items of the total are finished.
    pub fn update(&mut self, done: usize) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.started) < DELAY
            || self
                .last
                .is_some_and(|last| now.duration_since(last) < INTERVAL)
        {
            return;
        }
        self.last = Some(now);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2Kchecking {done}/{} files", self.total);
        let _ = err.flush();
    }

    /// Erases the line (before the results are printed).
    pub fn finish(&mut self) {
        if self.enabled && self.last.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
        self.last = None;
    }
}
