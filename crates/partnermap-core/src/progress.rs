//! How far a long step has got, for whoever is watching. The libraries say which step they are
//! in and how many of its units are done; the binary decides whether and how to show it (a bar
//! on a terminal, nothing when the output is piped). One watcher for the process, set once, as
//! the `log` crate's facade has one logger: the libraries stay free of I/O and their functions
//! keep their signatures.
//!
//! ```
//! let step = partnermap_core::progress::step("shortest paths", 100);
//! for _ in 0..100 {
//!     step.advance(1); // nothing is shown: no watcher is set here
//! }
//! ```

use std::sync::OnceLock;

/// What shows progress (the command line's bars).
pub trait Watcher: Send + Sync {
    /// A step begins: what it does, and how many units it has (0 when that is not known).
    /// Steps nest: one that begins inside another ends before it.
    fn begin(&self, step: &str, total: u64);
    /// `units` more of the innermost step are done.
    fn advance(&self, units: u64);
    /// The innermost step has ended.
    fn end(&self);
}

static WATCHER: OnceLock<Box<dyn Watcher>> = OnceLock::new();

/// Sets the process's watcher; only the first call counts.
pub fn watch(watcher: Box<dyn Watcher>) {
    let _ = WATCHER.set(watcher);
}

/// A step under way; it ends when dropped. Safe to advance from several threads at once.
#[must_use = "the step ends when this is dropped"]
pub struct Step {
    watcher: Option<&'static dyn Watcher>,
}

/// Begins a step of `total` units (0 when not known).
pub fn step(what: &str, total: u64) -> Step {
    let watcher = WATCHER.get().map(|w| &**w);
    if let Some(watcher) = watcher {
        watcher.begin(what, total);
    }
    Step { watcher }
}

impl Step {
    /// `units` more units are done.
    pub fn advance(&self, units: u64) {
        if let Some(watcher) = self.watcher {
            watcher.advance(units);
        }
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        if let Some(watcher) = self.watcher {
            watcher.end();
        }
    }
}
