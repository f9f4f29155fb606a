//! What every command shares: loading with warnings on stderr, the output formats laid out by
//! partnermap-report's writers, printing that tolerates a closed pipe, `--quiet`, and naming an
//! organization on the command line.

use partnermap_core::model::UnknownRelation;
use partnermap_core::{Coalition, Landscape, Loaded, TermKind};
use partnermap_report::document::Document;
use partnermap_report::OutputError;
use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

/// Set once from `--quiet`, before any command runs.
static QUIET: OnceLock<bool> = OnceLock::new();

/// Records `--quiet` for the whole run.
pub fn set_quiet(quiet: bool) {
    let _ = QUIET.set(quiet);
}

/// Whether `--quiet` was given: no warnings, progress or "Wrote …" lines, only errors.
pub fn quiet() -> bool {
    QUIET.get().copied().unwrap_or(false)
}

/// A line for the person watching on stderr (warnings, what was written), unless `--quiet`.
pub fn note(text: &str) {
    if !quiet() {
        eprintln!("{text}");
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

/// Loads the input (in the format `--from` names, when given) and prints its warnings; invalid
/// input becomes the error main turns into exit code 2.
pub fn load(path: &Path, from: Option<&str>) -> anyhow::Result<Loaded> {
    loaded(partnermap_core::load_as(path, from))
}

/// Every snapshot of `paths`, loaded in order (`trend`, `report --since`).
pub fn load_all(paths: &[std::path::PathBuf]) -> anyhow::Result<Vec<Coalition>> {
    paths.iter().map(|p| Ok(load(p, None)?.coalition)).collect()
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
pub fn print(text: &str) -> anyhow::Result<ExitCode> {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

/// Prints a command's result in the format asked for: the JSON contract, the CSV table, or the
/// document laid out as Markdown or terminal text.
pub fn show<T: serde::Serialize>(
    format: Format,
    value: &T,
    csv: impl FnOnce() -> Vec<u8>,
    document: impl FnOnce() -> Document,
) -> anyhow::Result<ExitCode> {
    let text = match format {
        Format::Json => serde_json::to_string_pretty(value)? + "\n",
        Format::Csv => String::from_utf8(csv())?,
        Format::Md => partnermap_report::markdown::render(&document()),
        Format::Table => partnermap_report::text::render(&document(), use_colour()),
    };
    print(&text)
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
    landscape
        .vocabulary()
        .resolve(kind, text)
        .map_err(|suggestion| {
            usage(partnermap_core::lookup::flag_problem(
                &format!("--{}", kind.noun()),
                text,
                &format!("unknown {kind}"),
                suggestion.as_deref(),
            ))
        })
}

/// The coalition with only the partnerships of the relation `--relation` names, if it names one.
pub fn relation(coalition: Coalition, name: Option<&str>) -> anyhow::Result<Coalition> {
    let Some(name) = name else {
        return Ok(coalition);
    };
    let hint = |e: UnknownRelation| {
        partnermap_core::lookup::flag_problem(
            "--relation",
            name,
            &e.to_string(),
            e.suggestion.as_deref(),
        )
    };
    coalition.only_relation(name).map_err(|e| usage(hint(e)))
}

/// Finds the organization a command-line flag names (id or name).
pub fn organization(landscape: &Landscape, flag: &str, text: &str) -> anyhow::Result<usize> {
    landscape
        .find_organization(text)
        .map_err(|e| usage(e.flag_problem(&landscape.coalition().organizations, flag, text)))
}
