//! Plain arc lists: `.txt` files of whitespace-separated `sender receiver [weight]` lines, as
//! R, NetworkX's `write_weighted_edgelist` and many survey exports write them. One file is one
//! relation named after the file; a folder of such files (and no `coalition.toml`) is one
//! network whose organizations are shared across its relations, as a multiplex survey records
//! them. Ties are directed: a sender named a receiver.

use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The `.txt` files of a folder, sorted by name so relations come in a stable order.
pub(super) fn lists_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")))
        .collect();
    files.sort();
    files
}

/// Reads the arc lists `files` as one network named after `name`.
pub(super) fn read_arc_lists(name: &Path, files: &[PathBuf]) -> Read {
    let mut network = Network::new(name);
    let mut index: HashMap<String, usize> = HashMap::new();
    for path in files {
        network.file = path.display().to_string();
        let Some(text) = read_text(path, &mut network.diagnostics) else {
            continue;
        };
        let relation = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("relation")
            .to_string();
        for (at, line) in text.lines().enumerate() {
            let line_no = at + 1;
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.is_empty() || fields[0].starts_with(['#', '%']) {
                continue;
            }
            let problem = |message: String, hint: &str| {
                Diagnostic::error(path.display().to_string(), message)
                    .at_line(Some(line_no))
                    .with_hint(hint)
            };
            if !(2..=3).contains(&fields.len()) {
                network.diagnostics.push(problem(
                    format!("expected \"sender receiver [weight]\", found {} fields", fields.len()),
                    "one tie per line: the sender, the receiver and optionally a weight, separated by spaces",
                ));
                continue;
            }
            let weight = match fields.get(2).map(|w| parse_weight(w)) {
                Some(Err(message)) => {
                    network.diagnostics.push(problem(message, WEIGHT_HINT));
                    continue;
                }
                Some(Ok(w)) => Some(w),
                None => None,
            };
            let mut end = |label: &str| match index.get(label) {
                Some(&i) => i,
                None => {
                    let i = network.add_organization(label, Some(line_no));
                    index.insert(label.to_string(), i);
                    i
                }
            };
            let (source, target) = (end(fields[0]), end(fields[1]));
            network.add_tie(Tie {
                source,
                target,
                directed: true,
                weight,
                relation: Some(relation.clone()),
                line: Some(line_no),
                ..Tie::default()
            });
        }
    }
    network.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::finish;

    #[test]
    fn a_folder_of_lists_is_one_network_with_a_relation_per_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("support.txt"), "1 2 1\n2 3\n").unwrap();
        std::fs::write(dir.path().join("money.txt"), "# who funds whom\n3 1 2.5\n").unwrap();
        std::fs::write(dir.path().join("README.md"), "not a list").unwrap();
        let files = lists_in(dir.path());
        assert_eq!(files.len(), 2);
        let loaded = finish(read_arc_lists(dir.path(), &files)).unwrap();
        let c = &loaded.coalition;
        let names: Vec<&str> = c.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["3", "1", "2"]);
        let ties: Vec<(&str, &str, Option<&str>, Option<f64>)> = c
            .partnerships
            .iter()
            .map(|p| {
                (
                    p.source.as_str(),
                    p.target.as_str(),
                    p.relation.as_deref(),
                    p.weight,
                )
            })
            .collect();
        assert_eq!(
            ties,
            [
                ("3", "1", Some("money"), Some(2.5)),
                ("1", "2", Some("support"), Some(1.0)),
                ("2", "3", Some("support"), None),
            ]
        );
        assert!(c.partnerships.iter().all(|p| p.directed));
    }

    #[test]
    fn malformed_lines_are_reported_with_file_line_and_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("info.txt");
        std::fs::write(&path, "1 2 3 4\n1 2 -1\n").unwrap();
        let error = finish(read_arc_lists(&path, std::slice::from_ref(&path))).unwrap_err();
        let messages: Vec<(Option<usize>, &str)> = error
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    Some(1),
                    "expected \"sender receiver [weight]\", found 4 fields"
                ),
                (Some(2), "weight \"-1\" is not a positive number"),
            ]
        );
        assert!(error.diagnostics.iter().all(|d| d.hint.is_some()));
    }
}
