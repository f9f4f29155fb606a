//! What every command shares: loading with warnings on stderr, the output formats laid out by
//! partnermap-report's writers, its progress bars, printing that tolerates a closed pipe,
//! `--quiet`, and naming an organization on the command line.

use anyhow::Context;
use partnermap_core::lookup::flag_problem;
use partnermap_core::{Landscape, Loaded, TermKind};
use partnermap_report::document::Document;
use partnermap_report::OutputError;
use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether `--quiet` was given: no warnings, progress or "Wrote …" lines, only errors. Set
/// once, before any command runs.
pub static QUIET: AtomicBool = AtomicBool::new(false);

/// A line for the person watching on stderr (warnings, what was written), unless `--quiet`.
pub fn note(text: &str) {
    if !QUIET.load(Ordering::Relaxed) {
        eprintln!("{text}");
    }
}

/// Progress bars on stderr for a person watching a terminal: none when stderr is piped or with
/// `--quiet`.
pub fn watch_progress() {
    if !QUIET.load(Ordering::Relaxed) && std::io::stderr().is_terminal() {
        partnermap_core::progress::watch(Box::new(partnermap_report::progress::Bars::new()));
    }
}

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For a person at a terminal.
    Table,
    /// The stable contract documented in docs/.
    Json,
    /// One row per item, for spreadsheets.
    Csv,
    /// Markdown tables, for reports and wikis.
    Md,
}

/// What a reader (`load`, `import`) gave, its warnings printed.
pub fn loaded(result: Result<Loaded, partnermap_core::LoadError>) -> anyhow::Result<Loaded> {
    let loaded = result?;
    for warning in &loaded.warnings {
        note(&warning.to_string());
    }
    Ok(loaded)
}

/// Writes `text` to stdout. A reader such as `head` that stops early is not a failure of ours.
pub fn print(text: &str) -> anyhow::Result<()> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Prints a command's result in the format asked for: the JSON contract, the CSV table, or the
/// document laid out as Markdown or terminal text.
pub fn show<T: serde::Serialize>(
    format: Format,
    value: &T,
    csv: impl FnOnce() -> Vec<u8>,
    document: impl FnOnce() -> Document,
) -> anyhow::Result<()> {
    let text = match format {
        Format::Json => serde_json::to_string_pretty(value)? + "\n",
        Format::Csv => String::from_utf8(csv())?,
        Format::Md => partnermap_report::markdown::render(&document()),
        Format::Table => partnermap_report::text::render(&document(), use_colour()),
    };
    print(&text)
}

/// Writes a file atomically, `what` naming it if that fails, and says so.
pub fn write(path: &Path, bytes: &[u8], what: &str) -> anyhow::Result<()> {
    partnermap_core::write::write_atomic(path, bytes)
        .with_context(|| format!("writing {what} to {}", path.display()))?;
    wrote(path)
}

/// Says what was written.
pub fn wrote(path: &Path) -> anyhow::Result<()> {
    note(&format!("Wrote {}", path.display()));
    Ok(())
}

/// Refuses to write `out` over, inside or around the input `path` (exit 2), with `hint`.
pub fn not_input(path: &Path, out: &Path, flag: &str, hint: &str) -> anyhow::Result<()> {
    partnermap_report::check_not_input(path, out)
        .map_err(|refused| usage(format!("error: {flag}{refused}\n  hint: {hint}")))
}

/// A folder written, or why not: one that is not ours to replace is the user's choice to change
/// (exit 2); a full disk or a folder we may not write is a failure at run time (exit 1).
pub fn written(result: Result<(), OutputError>) -> anyhow::Result<()> {
    match result {
        Err(refused @ OutputError::NotOurs { .. }) => Err(usage(format!(
            "error: {refused}\n  hint: choose a new folder, or one that holds earlier output"
        ))),
        result => Ok(result?),
    }
}

/// Colour only for a person at a terminal who has not opted out (https://no-color.org).
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A mistake on the command line (an unknown `--org`, a bad flag value), each problem an
/// `error:` line with an optional `hint:`; main prints them all and exits with code 2.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.join("\n"))]
pub struct UsageError(pub Vec<String>);

/// One command-line problem as an error for main.
pub fn usage(problem: String) -> anyhow::Error {
    UsageError(vec![problem]).into()
}

/// Finds the population, domain or asset that `--population`, `--domain` or `--asset` names.
pub fn term<'a>(
    landscape: &'a Landscape,
    kind: TermKind,
    text: &str,
) -> anyhow::Result<&'a partnermap_core::vocabulary::Term> {
    let (flag, what) = (format!("--{}", kind.noun()), format!("unknown {kind}"));
    let found = landscape.vocabulary().resolve(kind, text);
    found.map_err(|suggestion| unknown(&flag, text, &what, suggestion))
}

/// A flag's value that names nothing known, with the likely intended one as a hint.
pub fn unknown(flag: &str, text: &str, what: &str, suggestion: Option<String>) -> anyhow::Error {
    usage(flag_problem(flag, text, what, suggestion.as_deref()))
}

/// Finds the organization a command-line flag names (id or name).
pub fn organization(landscape: &Landscape, flag: &str, text: &str) -> anyhow::Result<usize> {
    landscape
        .find_organization(text)
        .map_err(|e| usage(e.flag_problem(&landscape.coalition().organizations, flag, text)))
}
