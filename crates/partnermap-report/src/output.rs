//! Putting the report on disk all at once: every file is written into a temporary folder next
//! to the destination, which then replaces the destination by renames, so a failure halfway
//! leaves the previous report (or nothing) rather than half of a new one.

use crate::File;
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
    #[error("cannot write {path}: {source}")]
    Io {
        /// What was being written.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
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

/// Writes `files` as the folder `out`, replacing a previous report there.
///
/// ```
/// use partnermap_report::{output::write_report, File};
/// let dir = tempfile::tempdir().unwrap();
/// let out = dir.path().join("report");
/// let files = [File { path: "maps/a.dot".into(), bytes: b"digraph {}".to_vec() },
///              File { path: "report.html".into(), bytes: b"<!DOCTYPE html>".to_vec() }];
/// write_report(&out, &files).unwrap();
/// write_report(&out, &files[1..]).unwrap();
/// assert!(out.join("report.html").exists() && !out.join("maps").exists());
/// ```
pub fn write_report(out: &Path, files: &[File]) -> Result<(), OutputError> {
    write_folder(out, files, "report", "report.html")
}

/// Writes `files` as the folder `out`, all at once, replacing a folder that holds `marker` (what
/// we wrote there before) or nothing; `what` names such a folder in the refusal.
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
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = out
        .file_name()
        .map_or("report".into(), |n| n.to_string_lossy().into_owned());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.partial-"))
        .tempdir_in(parent)
        .map_err(io(parent))?;
    for file in files {
        let path = staging.path().join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io(folder))?;
        }
        std::fs::write(&path, &file.bytes).map_err(io(&path))?;
    }
    if !out.exists() {
        std::fs::rename(staging.path(), out).map_err(io(out))?;
        // Renamed away: there is nothing left for the guard to delete.
        let _ = staging.keep();
        return Ok(());
    }
    // A folder cannot be renamed over a non-empty one, so the old report steps aside first and
    // comes back if the new one cannot take its place.
    let old = tempfile::Builder::new()
        .prefix(&format!(".{name}.old-"))
        .tempdir_in(parent)
        .map_err(io(parent))?;
    let aside = old.path().join("report");
    std::fs::rename(out, &aside).map_err(io(out))?;
    if let Err(e) = std::fs::rename(staging.path(), out) {
        let _ = std::fs::rename(&aside, out);
        return Err(io(out)(e));
    }
    let _ = staging.keep();
    Ok(())
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}
