//! Plain arc lists: `.txt` or `.edges` files of `sender receiver [weight]` lines, separated by
//! white space or commas, as R, NetworkX's `write_edgelist` (its data dict, such as
//! `{'weight': 2}`, read as the weight and extra fields) and many survey exports write them. One file is one
//! relation named after the file; a folder of such files (and no `coalition.toml`) is one
//! network whose organizations are shared across its relations, as a multiplex survey records
//! them. A tie joins its two organizations both ways, as NetworkX's `read_edgelist` reads it;
//! with `directed` it runs from the sender to the receiver, as a survey's "we name them" does.

use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use crate::model::Attributes;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Whether a file with this extension is an arc list: `.txt`, or `.edges` as NetworkX and
/// many published data sets name them.
pub(super) fn is_list_extension(extension: &str) -> bool {
    extension.eq_ignore_ascii_case("txt") || extension.eq_ignore_ascii_case("edges")
}

/// The `.txt` and `.edges` files of a folder, sorted by name so relations come in a stable order.
pub(super) fn lists_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(is_list_extension)
        })
        .collect();
    files.sort();
    files
}

/// Reads the arc lists `files` as one network named after `name`, each tie running one way when
/// `directed`.
pub(super) fn read_arc_lists(name: &Path, files: &[PathBuf], directed: bool) -> Read {
    let mut network = Network::new(name);
    let mut index: HashMap<String, usize> = HashMap::new();
    for path in files {
        // Read both ways, "a b" and "b a" are one tie: the first is kept (a survey's answers
        // read without --directed say so once per file).
        let mut senders: HashMap<(usize, usize), usize> = HashMap::new();
        let mut both_ways: Vec<usize> = Vec::new();
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
            // NetworkX's write_edgelist ends a line with the tie's data as a Python dict.
            let (ends, data) = line.split_once('{').unwrap_or((line, ""));
            let fields: Vec<&str> = ends
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|f| !f.is_empty())
                .collect();
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
                    "one tie per line: the sender, the receiver and optionally a weight, separated by spaces or commas",
                ));
                continue;
            }
            let Some(mut attributes) = python_dict(data) else {
                let hint = "NetworkX writes a tie's data as {'weight': 2}: keys and values of numbers or quoted text";
                network.diagnostics.push(problem(
                    format!("cannot read the tie's data {{{data}"),
                    hint,
                ));
                continue;
            };
            let given = attributes.remove("weight");
            let weight = match fields
                .get(2)
                .copied()
                .or(given.as_deref())
                .map(parse_weight)
            {
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
            if !directed {
                let sender = *senders
                    .entry((source.min(target), source.max(target)))
                    .or_insert(source);
                if sender != source {
                    both_ways.push(line_no);
                    continue;
                }
            }
            network.add_tie(Tie {
                source,
                target,
                directed,
                weight,
                relation: Some(relation.clone()),
                attributes,
                line: Some(line_no),
            });
        }
        if let Some(&first) = both_ways.first() {
            let ties = match both_ways.len() {
                1 => "1 tie is".to_string(),
                n => format!("{n} ties are"),
            };
            network.diagnostics.push(
                Diagnostic::warning(
                    path.display().to_string(),
                    format!("{ties} listed both ways and read once, as ties that join two organizations"),
                )
                .at_line(Some(first))
                .with_hint("give --directed when a tie runs from the sender to the receiver, as a survey's answers do"),
            );
        }
    }
    network.finish()
}

/// The pairs of the data dict NetworkX writes after a tie (`{'weight': 2.5, 'kind': 'funding'}`,
/// the text after the opening brace), with quotes taken off; `None` when it is not such a dict.
/// Empty text (no dict on the line) has no pairs.
fn python_dict(data: &str) -> Option<Attributes> {
    if data.is_empty() {
        return Some(Attributes::new());
    }
    let inner = data.trim_end().strip_suffix('}')?;
    let unquote = |s: &str| {
        let s = s.trim();
        let quoted = s.len() >= 2
            && (s.starts_with('\'') && s.ends_with('\'') || s.starts_with('"') && s.ends_with('"'));
        if quoted { &s[1..s.len() - 1] } else { s }.to_string()
    };
    let pairs = inner.split(',').filter(|p| !p.trim().is_empty());
    pairs
        .map(|pair| pair.split_once(':').map(|(k, v)| (unquote(k), unquote(v))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{finish, Loaded};
    use crate::model::Partnership;

    #[test]
    fn a_folder_of_lists_is_one_network_with_a_relation_per_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("support.txt"), "1 2 1\n2 3\n").unwrap();
        std::fs::write(dir.path().join("money.txt"), "# who funds whom\n3 1 2.5\n").unwrap();
        std::fs::write(dir.path().join("README.md"), "not a list").unwrap();
        let files = lists_in(dir.path());
        assert_eq!(files.len(), 2);
        let loaded = finish(read_arc_lists(dir.path(), &files, true)).unwrap();
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
    fn ties_join_both_ways_unless_directed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("survey.txt");
        std::fs::write(&path, "a b\nb a\nb c\nc b\nc a\n").unwrap();
        let read = |directed| finish(read_arc_lists(&path, std::slice::from_ref(&path), directed));
        let ties = |loaded: &Loaded| -> Vec<(String, String, bool)> {
            let partnerships = &loaded.coalition.partnerships;
            let tie = |p: &Partnership| (p.source.clone(), p.target.clone(), p.directed);
            partnerships.iter().map(tie).collect()
        };
        let both_ways = read(false).unwrap();
        let (a, b, c) = ("a".to_string(), "b".to_string(), "c".to_string());
        let undirected = [
            (a.clone(), b.clone(), false),
            (b.clone(), c.clone(), false),
            (c.clone(), a.clone(), false),
        ];
        assert_eq!(ties(&both_ways), undirected);
        let warnings: Vec<String> = both_ways.warnings.iter().map(|w| w.to_string()).collect();
        let file = path.display();
        assert_eq!(warnings, [format!("warning: {file}, line 2: 2 ties are listed both ways and read once, as ties that join two organizations\n  hint: give --directed when a tie runs from the sender to the receiver, as a survey's answers do")]);
        let one_way = read(true).unwrap();
        assert_eq!(ties(&one_way).len(), 5);
        assert!(ties(&one_way).iter().all(|t| t.2));
        assert_eq!(one_way.warnings, []);
    }

    #[test]
    fn malformed_lines_are_reported_with_file_line_and_a_hint() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("info.txt");
        std::fs::write(&path, "1 2 3 4\n1 2 -1\n").unwrap();
        let error = finish(read_arc_lists(&path, std::slice::from_ref(&path), false)).unwrap_err();
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

    #[test]
    fn networkx_edgelists_and_comma_separated_lines_read_with_their_data() {
        type Extra<'a> = Vec<(&'a str, &'a str)>;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ties.edges");
        let text =
            "a b {}\na,c\nb c {'weight': 2.5, 'colour': 'red'}\nc d 3 {\"since\": \"2021\"}\n";
        std::fs::write(&path, text).unwrap();
        let loaded = finish(read_arc_lists(&path, std::slice::from_ref(&path), false)).unwrap();
        let ties: Vec<(&str, &str, Option<f64>, Extra)> = loaded
            .coalition
            .partnerships
            .iter()
            .map(|p| {
                let fields = p.attributes.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                (
                    p.source.as_str(),
                    p.target.as_str(),
                    p.weight,
                    fields.collect(),
                )
            })
            .collect();
        assert_eq!(
            ties,
            [
                ("a", "b", None, vec![]),
                ("a", "c", None, vec![]),
                ("b", "c", Some(2.5), vec![("colour", "red")]),
                ("c", "d", Some(3.0), vec![]),
            ]
        );
        // A key the model has a field for fills that field.
        assert_eq!(
            loaded.coalition.partnerships[3].since.as_deref(),
            Some("2021")
        );
        std::fs::write(&path, "a b {'weight' 2}\n").unwrap();
        let error = finish(read_arc_lists(&path, std::slice::from_ref(&path), false)).unwrap_err();
        assert_eq!(
            error.diagnostics[0].message,
            "cannot read the tie's data {'weight' 2}"
        );
    }
}
