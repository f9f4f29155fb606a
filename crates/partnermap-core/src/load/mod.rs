//! Loading a coalition from what people keep: a project folder (`coalition.toml`,
//! `organizations.csv`, `partnerships.csv`), the canonical JSON document, or a bare
//! `source,target` edge list.
//!
//! Every format is first read into a [`Coalition`] whose terms and references are still as the
//! person wrote them, with the origin (file, line) of each record; one shared validation pass
//! then resolves terms against the vocabulary and organizations by id or name, collecting every
//! problem instead of stopping at the first.
//!
//! The readers, one file each: `folder` (the project folder and its `coalition.toml`), `csv`
//! (a CSV file into header positions and records, and a table's rows into the coalition),
//! `organizations` and `partnerships` (what one row of each table means), `edge_list` (a bare
//! `source,target` CSV) and `json` (the canonical document). `origin` records where each part
//! came from, and `validate` is the pass they all share.

mod csv;
mod edge_list;
mod folder;
mod json;
mod organizations;
mod origin;
mod partnerships;
mod validate;

pub use organizations::ORGANIZATION_COLUMNS;
pub use partnerships::PARTNERSHIP_COLUMNS;

use crate::diagnostic::{Diagnostic, LoadError};
use crate::model::Coalition;
use origin::Origins;
use std::path::Path;

/// A coalition that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated coalition: terms are vocabulary ids, partnerships name organization ids.
    pub coalition: Coalition,
    /// Problems that did not stop loading.
    pub warnings: Vec<Diagnostic>,
}

/// Loads a coalition from a project folder, a `.json` document or a `.csv` edge list.
///
/// ```no_run
/// let loaded = partnermap_core::load::load(std::path::Path::new("data/forest-city")).unwrap();
/// println!("{} organizations", loaded.coalition.organizations.len());
/// ```
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let shown = path.display().to_string();
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if path.is_dir() {
        return finish(folder::read_folder(path));
    }
    if !path.exists() {
        return Err(fail(Diagnostic::error(shown, "no such file or folder").with_hint(
            "give a project folder (with coalition.toml), a .json document or a source,target .csv",
        )));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "json" => finish(json::read_json(path)),
        "csv" => finish(edge_list::read_edge_list(path)),
        "toml" if path.file_name().is_some_and(|n| n == "coalition.toml") => {
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            finish(folder::read_folder(folder))
        }
        _ => Err(fail(Diagnostic::error(shown, "not a format partnermap reads").with_hint(
            "give a project folder (with coalition.toml), a .json document or a source,target .csv",
        ))),
    }
}

/// Parses a canonical JSON document held in memory; `file` names it in messages.
pub fn from_json_str(file: &str, text: &str) -> Result<Loaded, LoadError> {
    finish(json::parse_json(file, text))
}

/// What a reader made of its input: the coalition as written (`None` when nothing usable was
/// read), where each part came from, and the problems found so far.
struct Read {
    coalition: Option<Coalition>,
    origins: Origins,
    diagnostics: Vec<Diagnostic>,
}

impl Read {
    /// A read that produced no coalition.
    fn failed(origins: Origins, diagnostics: Vec<Diagnostic>) -> Read {
        Read {
            coalition: None,
            origins,
            diagnostics,
        }
    }
}

fn finish(read: Read) -> Result<Loaded, LoadError> {
    let Read {
        coalition,
        origins,
        mut diagnostics,
    } = read;
    let coalition =
        coalition.map(|coalition| validate::validate(coalition, &origins, &mut diagnostics));
    // Errors first, then in reading order: coalition.toml, organizations.csv, partnerships.csv.
    diagnostics.sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
    match coalition {
        Some(coalition) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            coalition,
            warnings: diagnostics,
        }),
        _ => Err(LoadError { diagnostics }),
    }
}

/// The text of a file, without a leading byte-order mark; `None`, with the problem reported,
/// when it cannot be read or is not UTF-8.
fn read_text(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(
                text.strip_prefix('\u{feff}')
                    .map(str::to_string)
                    .unwrap_or(text),
            ),
            Err(e) => {
                let line = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
                diagnostics.push(
                    Diagnostic::error(path.display().to_string(), "the file is not UTF-8 text")
                        .at_line(Some(line))
                        .with_hint("save it as \"CSV UTF-8\" (or UTF-8 text) and try again"),
                );
                None
            }
        },
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                path.display().to_string(),
                format!("cannot read: {e}"),
            ));
            None
        }
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &[u8], offset: usize) -> usize {
    text[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
