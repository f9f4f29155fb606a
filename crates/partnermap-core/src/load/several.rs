//! Several input files read as one network: arc lists, one relation a file (the four relations
//! of a multiplex survey), or the two tables Gephi and Kumu export, each given as a file rather
//! than as the folder that holds them.

use super::origin::Origins;
use super::{arc_lists, gephi, kumu, Read, Reading};
use crate::diagnostic::Diagnostic;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// What the readers of several files accept, for the message when the files are none of them.
const HINT: &str = "give several sender receiver .txt arc lists (one relation each), Gephi's nodes and edges .csv tables, or Kumu's elements and connections .csv sheets; any other input is read one at a time";

/// Reads `paths` as one network named after the folder of the first.
pub(super) fn read_several(paths: &[PathBuf], reading: Reading) -> Read {
    let from = reading.from;
    let name = paths[0]
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let extension = |path: &Path| {
        from.map(str::to_string)
            .or_else(|| {
                path.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_string)
            })
            .unwrap_or_default()
            .trim_start_matches('.')
            .to_ascii_lowercase()
    };
    let refused = |message: String| {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        Read::failed(
            Origins::default(),
            vec![Diagnostic::error(shown.join(", "), message).with_hint(HINT)],
        )
    };
    if let Some(missing) = paths.iter().find(|p| !p.is_file()) {
        return refused(format!("{}: no such file", missing.display()));
    }
    if paths
        .iter()
        .all(|p| arc_lists::is_list_extension(&extension(p)))
    {
        return arc_lists::read_arc_lists(name, paths, reading.directed);
    }
    if paths.len() != 2 || !paths.iter().all(|p| extension(p) == "csv") {
        return refused(format!(
            "{} files that are not all arc lists, nor two tables",
            paths.len()
        ));
    }
    let headers: Vec<Vec<String>> = paths.iter().map(|p| header(p)).collect();
    let has = |h: &[String], name: &str| h.iter().any(|c| c.trim().eq_ignore_ascii_case(name));
    let ties = |source: &str, target: &str| {
        headers
            .iter()
            .position(|h| has(h, source) && has(h, target))
    };
    match (ties("Source", "Target"), ties("From", "To")) {
        (Some(edges), _) => gephi::read_gephi(name, &paths[1 - edges], &paths[edges]),
        (None, Some(connections)) => kumu::read_kumu_sheets(
            name,
            &paths[1 - connections],
            Some(&paths[connections]),
        ),
        (None, None) => refused(
            "two .csv tables, but neither has Gephi's Source and Target columns nor Kumu's From and To"
                .to_string(),
        ),
    }
}

/// The column names on a table's first line, read from its first 64 KiB (a header is far
/// shorter; a file of one endless line must not be held whole just to be told apart). A file
/// that cannot be read has none, and its reader then says why.
fn header(path: &Path) -> Vec<String> {
    let opening = std::fs::File::open(path).map(|file| file.take(64 * 1024));
    opening
        .map(|opening| {
            ::csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(opening)
        })
        .ok()
        .and_then(|mut reader| Some(reader.headers().ok()?.iter().map(str::to_string).collect()))
        .unwrap_or_default()
}
