//! Progress as a person at a terminal sees it: a bar on stderr for each step the libraries
//! report through [`partnermap_core::progress`] (the step, a count and the time left, or a
//! spinner with the time taken when its size is not known), innermost last, cleared when the
//! step ends. Whether to show it at all (a terminal, no `--quiet`) is the CLI's decision.

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// The bars of the steps under way.
#[derive(Default)]
pub struct Bars {
    shown: MultiProgress,
    under_way: Mutex<Vec<ProgressBar>>,
}

impl Bars {
    /// No bars yet; they draw on stderr.
    pub fn new() -> Bars {
        Bars::default()
    }

    fn under_way(&self) -> MutexGuard<'_, Vec<ProgressBar>> {
        // A bar is only pushed and popped under the lock, so a poisoned list is still whole.
        self.under_way.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl partnermap_core::progress::Watcher for Bars {
    fn begin(&self, step: &str, total: u64) {
        let template = match total {
            0 => "{spinner} {msg} ({elapsed})",
            _ => "{msg} [{bar:30}] {human_pos}/{human_len}, {eta} left",
        };
        let style = ProgressStyle::with_template(template).expect("the templates are valid");
        let bar = ProgressBar::new(total).with_style(style.progress_chars("=> "));
        let bar = self.shown.add(bar.with_message(step.to_string()));
        bar.enable_steady_tick(Duration::from_millis(250));
        self.under_way().push(bar);
    }

    fn advance(&self, units: u64) {
        if let Some(bar) = self.under_way().last() {
            bar.inc(units);
        }
    }

    fn end(&self) {
        if let Some(bar) = self.under_way().pop() {
            bar.finish_and_clear();
        }
    }
}
