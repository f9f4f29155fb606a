//! Where the report and the letters may go (not over their input, only over a previous output
//! of ours) and putting them there all at once, so a failure or a kill halfway leaves the
//! previous folder (or nothing) rather than half of a new one.

use crate::File;
use partnermap_core::write::{replace_folder, WriteError};
use std::path::{Path, PathBuf};

/// Why the report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder would overwrite, contain or sit inside the input.
    #[error("refusing to write the report to {out}: it {relation} the input {input}")]
    OverInput {
        /// The output folder asked for.
        out: PathBuf,
        /// The input.
        input: PathBuf,
        /// "is", "is inside" or "contains".
        relation: &'static str,
    },
    /// The output folder exists and holds something other than what we wrote there before.
    #[error("refusing to replace {path}: it exists and does not look like a partnermap {what} (no {marker})")]
    NotOurs {
        /// The output folder asked for.
        path: PathBuf,
        /// "report", "letters folder".
        what: &'static str,
        /// The file every such folder holds.
        marker: &'static str,
    },
    /// The file system refused.
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// The absolute, symlink-free form of a path that may not exist yet: its nearest existing
/// ancestor is canonicalised and the rest appended.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Refuses an output folder that is the input, lies inside it or contains it, since replacing
/// it would destroy the data the report is made from.
///
/// ```
/// use partnermap_report::output::check_not_input;
/// use std::path::Path;
/// assert!(check_not_input(Path::new("data/forest-city"), Path::new("data/forest-city/report")).is_err());
/// assert!(check_not_input(Path::new("data/forest-city"), Path::new("data")).is_err());
/// assert!(check_not_input(Path::new("data/forest-city"), Path::new("report")).is_ok());
/// ```
pub fn check_not_input(input: &Path, out: &Path) -> Result<(), OutputError> {
    let (real_input, real_out) = (resolve(input), resolve(out));
    let relation = if real_out == real_input {
        "is"
    } else if real_out.starts_with(&real_input) {
        "is inside"
    } else if real_input.starts_with(&real_out) {
        "contains"
    } else {
        return Ok(());
    };
    Err(OutputError::OverInput {
        out: out.to_path_buf(),
        input: input.to_path_buf(),
        relation,
    })
}

/// Writes `files` as the folder `out`, replacing a previous report there (and only a report,
/// or an empty folder).
pub fn write_report(out: &Path, files: &[File]) -> Result<(), OutputError> {
    write_folder(out, files, "report", "report.html")
}

/// Writes `files` as the folder `out`, all at once (core's [`replace_folder`]), replacing a
/// folder that holds `marker` (what we wrote there before) or nothing; `what` names such a folder in the refusal.
///
/// ```
/// use partnermap_report::{output::write_folder, File};
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
/// let files = [File { path: "letters.csv".into(), bytes: b"organization\n".to_vec() }];
/// let refused = write_folder(dir.path(), &files, "letters folder", "letters.csv").unwrap_err();
/// assert!(refused.to_string().ends_with("does not look like a partnermap letters folder (no letters.csv)"));
/// ```
pub fn write_folder(
    out: &Path,
    files: &[File],
    what: &'static str,
    marker: &'static str,
) -> Result<(), OutputError> {
    if out.exists() && !(out.join(marker).is_file() || is_empty_dir(out)) {
        return Err(OutputError::NotOurs {
            path: out.to_path_buf(),
            what,
            marker,
        });
    }
    Ok(replace_folder(out, files)?)
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}
