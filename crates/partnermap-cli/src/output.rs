//! What every command shares: loading with warnings on stderr, the output formats, printing
//! that tolerates a closed pipe, and naming an organization on the command line.

use partnermap_core::{Coalition, Loaded};
use std::io::{IsTerminal, Write as _};
use std::path::Path;
use std::process::ExitCode;

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

/// Loads the input and prints its warnings; invalid input becomes the error main turns into
/// exit code 2.
pub fn load(path: &Path) -> anyhow::Result<Loaded> {
    let loaded = partnermap_core::load(path)?;
    for warning in &loaded.warnings {
        eprintln!("{warning}");
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

/// Colour only for a person at a terminal who has not opted out (https://no-color.org).
pub fn use_colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Finds the organization a command-line flag names (id or name), or the message to print:
/// `error: --org "Casa de la Comunidd": no such organization` with a did-you-mean hint.
pub fn organization(coalition: &Coalition, flag: &str, text: &str) -> Result<usize, String> {
    coalition.find_organization(text).map_err(|suggestion| {
        let mut problem = format!("error: {flag} \"{text}\": no such organization");
        if let Some(name) = suggestion {
            problem += &format!("\n  hint: did you mean \"{name}\"?");
        }
        problem
    })
}

/// Prints command-line problems and returns exit code 2.
pub fn invalid_arguments(problems: &[String]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    ExitCode::from(crate::EXIT_INVALID_INPUT)
}

/// Makes text safe inside a Markdown table cell: a `|` would end the cell, a line break the
/// row, and `<` or `&` would be read as HTML by most renderers.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
