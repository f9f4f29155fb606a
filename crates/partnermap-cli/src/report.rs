//! `partnermap report`: the whole report in one folder. The content comes from
//! partnermap-report; this file only orders the steps, shows progress and maps failures to
//! exit codes.

use partnermap_core::Landscape;
use partnermap_report::history::history;
use partnermap_report::maps::maps;
use partnermap_report::{analyse, files, write_report, Options};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Set to anything but empty or `0` to leave Graphviz out even when it is installed, so the
/// report is the same on every machine (the golden tests rely on it).
pub const NO_GRAPHVIZ_ENV: &str = "PARTNERMAP_NO_GRAPHVIZ";

/// One line per step on stderr, only for a person watching a terminal.
struct Progress {
    shown: bool,
    step: usize,
}

impl Progress {
    const STEPS: usize = 4;

    fn step(&mut self, what: &str) {
        self.step += 1;
        if self.shown {
            eprintln!("[{}/{}] {what}", self.step, Progress::STEPS);
        }
    }
}

fn graphviz_allowed() -> bool {
    std::env::var_os(NO_GRAPHVIZ_ENV).is_none_or(|v| v.is_empty() || v == "0")
}

pub fn run(
    path: &Path,
    out: &Path,
    k: usize,
    letters: bool,
    since: &[std::path::PathBuf],
) -> anyhow::Result<ExitCode> {
    crate::output::not_input(
        path,
        out,
        "",
        "choose an output folder outside the input, e.g. --out report",
    )?;
    let mut progress = Progress {
        shown: !crate::output::quiet() && std::io::stderr().is_terminal(),
        step: 0,
    };
    progress.step("loading the coalition");
    let loaded = crate::output::load(path, None)?;
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    progress.step("analysing coverage, introductions and the invite plan");
    let mut analysis = analyse(&landscape, &Options { k, letters });
    let earlier = crate::output::load_all(since)?;
    let earlier: Vec<Landscape> = earlier.iter().map(Landscape::build).collect();
    analysis.history = history(&earlier, &landscape, &analysis.network, graphviz_allowed())?;
    progress.step(if graphviz_allowed() {
        "drawing the maps"
    } else {
        "writing the maps' Graphviz sources"
    });
    let maps = maps(&landscape, &analysis.network, graphviz_allowed())?;
    progress.step("writing the report");
    crate::output::written(write_report(out, &files(&landscape, &analysis, &maps)))?;
    crate::output::print(&format!(
        "Report written to {}; open {} in a browser.\n",
        out.display(),
        out.join("report.html").display()
    ))
}
