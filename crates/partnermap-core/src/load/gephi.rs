//! Gephi's spreadsheet import: a folder holding `nodes.csv` (`Id`, `Label`, any other column)
//! and `edges.csv` (`Source`, `Target`, optional `Type`, `Id`, `Label`, `Weight`, any other
//! column), as Gephi's Data Laboratory exports them and as `partnermap convert --to gephi-csv`
//! writes them. Nodes become organizations and edges partnerships; other columns map onto the
//! model's fields by name or are kept as extra fields (docs/formats/gephi-csv.md).

use super::csv::read_plain;
use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
use super::Read;
use crate::diagnostic::Diagnostic;
use crate::model::Attributes;
use std::collections::HashMap;
use std::path::Path;

/// Whether `folder` holds Gephi's two tables (and is not a project folder).
pub(super) fn is_gephi_folder(folder: &Path) -> bool {
    folder.join("nodes.csv").is_file() && folder.join("edges.csv").is_file()
}

/// The position of Gephi's column `name` (any case).
fn column(header: &[String], name: &str) -> Option<usize> {
    header.iter().position(|h| h.eq_ignore_ascii_case(name))
}

/// The positions of the columns `names` a table (its path, what it holds, a hint) must have,
/// or `None` with the problem recorded on its first line.
fn required<const N: usize>(
    header: &[String],
    names: &[&str; N],
    (table, what, hint): (&Path, &str, &str),
    network: &mut Network,
) -> Option<[usize; N]> {
    let found = names.map(|name| column(header, name));
    if found.iter().all(Option::is_some) {
        return Some(found.map(|c| c.unwrap_or_default()));
    }
    let plural = if N > 1 { "s" } else { "" };
    let message = format!(
        "the {what} table has no {} column{plural}",
        names.join(" and ")
    );
    let problem = Diagnostic::error(table.display().to_string(), message);
    network
        .diagnostics
        .push(problem.at_line(Some(1)).in_field(names[0]).with_hint(hint));
    None
}

/// Reads Gephi's nodes and edges tables as a coalition named after `name` (their folder).
pub(super) fn read_gephi(name: &Path, nodes_path: &Path, edges_path: &Path) -> Read {
    let mut network = Network::new(name);
    let (Some(nodes), Some(edges)) = (
        read_plain(nodes_path, &mut network.diagnostics),
        read_plain(edges_path, &mut network.diagnostics),
    ) else {
        return network.finish();
    };
    let problem = |file: &Path, line: usize, field: &str, message: String, hint: &str| {
        Diagnostic::error(file.display().to_string(), message)
            .at_line(Some(line))
            .in_field(field)
            .with_hint(hint)
    };
    let (header, rows) = nodes;
    let hint = "Gephi's nodes table starts Id,Label";
    let Some([id]) = required(&header, &["Id"], (nodes_path, "nodes", hint), &mut network) else {
        return network.finish();
    };
    let label = column(&header, "Label");
    let mut ids: HashMap<String, (usize, usize)> = HashMap::new();
    for (line, row) in rows {
        let cell = |c: usize| row.get(c).map(String::as_str).unwrap_or("");
        let node = cell(id).trim().to_string();
        if node.is_empty() {
            network.diagnostics.push(problem(
                nodes_path,
                line,
                "Id",
                "the node has no Id".into(),
                "give every node an Id",
            ));
            continue;
        }
        if let Some(&(_, first)) = ids.get(&node) {
            network.diagnostics.push(problem(
                nodes_path,
                line,
                "Id",
                format!("the Id {node} is used twice (first on line {first})"),
                "give every node its own Id",
            ));
            continue;
        }
        let mut attributes: Attributes = header
            .iter()
            .enumerate()
            .filter(|&(c, _)| c != id && Some(c) != label && !cell(c).trim().is_empty())
            .map(|(c, name)| (name.clone(), cell(c).to_string()))
            .collect();
        attributes.insert("id".to_string(), node.clone());
        let name = label
            .map(cell)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .unwrap_or(&node)
            .to_string();
        network.file = nodes_path.display().to_string();
        let org = network.add_node(&name, attributes, Some(line));
        ids.insert(node, (org, line));
    }
    let (header, rows) = edges;
    let hint = "Gephi's edges table starts Source,Target,Type";
    let ends = required(
        &header,
        &["Source", "Target"],
        (edges_path, "edges", hint),
        &mut network,
    );
    let Some([source, target]) = ends else {
        return network.finish();
    };
    // Gephi numbers its edges: their Id is not kept.
    let structural: Vec<Option<usize>> = ["Source", "Target", "Type", "Id", "Weight"]
        .iter()
        .map(|name| column(&header, name))
        .collect();
    let (kind, weight) = (structural[2], structural[4]);
    network.file = edges_path.display().to_string();
    for (line, row) in rows {
        let cell = |c: usize| row.get(c).map(String::as_str).unwrap_or("");
        let mut ends = [None, None];
        for (slot, (c, field)) in [(source, "Source"), (target, "Target")]
            .into_iter()
            .enumerate()
        {
            let end = cell(c).trim();
            match ids.get(end) {
                Some(&(org, _)) => ends[slot] = Some(org),
                None => network.diagnostics.push(problem(
                    edges_path,
                    line,
                    field,
                    format!("{end:?} is not the Id of a node"),
                    "every Source and Target is an Id in nodes.csv",
                )),
            }
        }
        let directed = match kind.map(|c| cell(c).trim().to_ascii_lowercase()).as_deref() {
            None | Some("" | "undirected" | "mutual") => Some(false),
            Some("directed") => Some(true),
            Some(other) => {
                network.diagnostics.push(problem(
                    edges_path,
                    line,
                    "Type",
                    format!("Type \"{other}\" is neither Directed nor Undirected"),
                    "write Directed or Undirected",
                ));
                None
            }
        };
        let weight = match weight.map(|c| cell(c).trim()).filter(|w| !w.is_empty()) {
            None => Ok(None),
            Some(text) => parse_weight(text).map(Some).map_err(|message| {
                network
                    .diagnostics
                    .push(problem(edges_path, line, "Weight", message, WEIGHT_HINT));
            }),
        };
        let attributes: Attributes = header
            .iter()
            .enumerate()
            .filter(|&(c, _)| !structural.contains(&Some(c)) && !cell(c).trim().is_empty())
            .map(|(c, name)| (name.clone(), cell(c).to_string()))
            .collect();
        if let Some(tie) = Tie::read(ends, directed, weight, line) {
            network.add_tie(Tie { attributes, ..tie });
        }
    }
    network.finish()
}
