//! GraphML as NetworkX, igraph, Gephi and yEd write it: `<key>` declarations (with their
//! `<default>`), one `<graph edgedefault=…>`, `<node id>` and `<edge source target>` with
//! `<data key>` values. Nodes become organizations (their data kept as attributes, the name from
//! a `label` or `name` key or yEd's `<y:NodeLabel>`), edges become partnerships (the `weight`
//! key as the weight). docs/formats/graphml.md says what maps to what.

use super::network::{Network, Tie};
use super::xml::{self, Element};
use super::Read;
use crate::diagnostic::Diagnostic;
use crate::model::Attributes;
use std::collections::HashMap;
use std::path::Path;

/// The hint for a node or edge that is not written as GraphML expects.
const SHAPE_HINT: &str = "GraphML is written <node id=\"a\"/> <edge source=\"a\" target=\"b\"/>";

/// A `<key>`: the attribute's name, what it is for, and its default.
struct Key {
    name: String,
    domain: String,
    default: Option<String>,
}

/// Reads a `.graphml` file.
pub(super) fn read_graphml(path: &Path) -> Read {
    let mut network = Network::new(path);
    let Some(root) = xml::network_document(path, "graphml", "a GraphML file holds <graphml><graph edgedefault=\"undirected\"> <node id=\"a\"/> … </graph></graphml>", &mut network) else {
        return Read::failed(network.origins, network.diagnostics);
    };
    let graph = root.child("graph").expect("network_document checked it");
    let keys = keys(&root, &mut network);
    let (coalition, _) = data(graph, "graph", &keys, &mut network);
    network.set_coalition_fields(coalition);
    build(graph, &keys, &mut network);
    network.finish()
}

/// The `<key>` declarations by id.
fn keys(root: &Element, network: &mut Network) -> HashMap<String, Key> {
    let mut keys = HashMap::new();
    let mut first_lines = HashMap::new();
    for key in root.children_named("key") {
        let hint = "declare every key with an id: <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>";
        let Some(id) = xml::required(key, "id", "key", hint, network) else {
            continue;
        };
        if let Some(first) = first_lines.insert(id.to_string(), key.line) {
            network.diagnostics.push(
                Diagnostic::error(
                    &network.file,
                    format!("the key id {id} is declared twice (first on line {first})"),
                )
                .at_line(Some(key.line))
                .in_field("id")
                .with_hint("give every key its own id"),
            );
            first_lines.insert(id.to_string(), first);
            continue;
        }
        keys.insert(
            id.to_string(),
            Key {
                name: key.attribute("attr.name").unwrap_or(id).to_string(),
                domain: key.attribute("for").unwrap_or("all").to_string(),
                default: key.child("default").map(|d| d.text.trim().to_string()),
            },
        );
    }
    keys
}

/// What the `<data>` of a node or edge says: its attributes by key name (with the defaults of
/// the keys declared for `domain`), and yEd's label if there is one.
fn data(
    element: &Element,
    domain: &str,
    keys: &HashMap<String, Key>,
    network: &mut Network,
) -> (Attributes, Option<String>) {
    let mut attributes = Attributes::new();
    let mut yed_label = None;
    for data in element.children_named("data") {
        let what = format!("{domain}'s <data>");
        let hint = "every <data> names its <key>: <data key=\"d0\">Medici</data>";
        let Some(id) = xml::required(data, "key", &what, hint, network) else {
            continue;
        };
        if !data.children.is_empty() {
            // Graphics (yEd's <y:ShapeNode>, <y:PolyLineEdge>): only the node's label is read.
            if domain == "node" && yed_label.is_none() {
                yed_label = data
                    .descendant("NodeLabel")
                    .map(|l| l.text.trim().to_string())
                    .filter(|l| !l.is_empty());
            }
            continue;
        }
        let name = match keys.get(id) {
            Some(key) => key.name.clone(),
            None => {
                network.diagnostics.push(
                    Diagnostic::warning(
                        &network.file,
                        format!("the data key {id} is not declared; its value is kept under that id"),
                    )
                    .at_line(Some(data.line))
                    .in_field("key")
                    .with_hint(format!(
                        "declare it in <graphml>: <key id=\"{id}\" for=\"{domain}\" attr.name=\"…\" attr.type=\"string\"/>"
                    )),
                );
                id.to_string()
            }
        };
        // As written: values such as notes may begin or end with spaces. Names are trimmed
        // where they are taken, weights where they are parsed.
        attributes.insert(name, data.text.clone());
    }
    for key in keys.values() {
        if key.domain == domain || key.domain == "all" {
            if let Some(default) = &key.default {
                attributes
                    .entry(key.name.clone())
                    .or_insert_with(|| default.clone());
            }
        }
    }
    (attributes, yed_label)
}

/// The nodes and edges of `graph` and of the graphs nested in its nodes, in document order.
fn collect<'a>(graph: &'a Element, nodes: &mut Vec<&'a Element>, edges: &mut Vec<&'a Element>) {
    for child in &graph.children {
        match child.name.as_str() {
            "node" => {
                nodes.push(child);
                for nested in child.children_named("graph") {
                    collect(nested, nodes, edges);
                }
            }
            "edge" => edges.push(child),
            _ => {}
        }
    }
}

/// Makes organizations of the nodes and partnerships of the edges.
fn build(graph: &Element, keys: &HashMap<String, Key>, network: &mut Network) {
    let file = network.file.clone();
    let directed = match graph.attribute("edgedefault") {
        None | Some("directed") => true,
        Some("undirected") => false,
        Some(other) => {
            network.error(
                graph.line,
                "edgedefault",
                format!("edgedefault \"{other}\" is neither directed nor undirected"),
                "write <graph edgedefault=\"undirected\"> or <graph edgedefault=\"directed\">",
            );
            true
        }
    };
    let (mut nodes, mut edges) = (Vec::new(), Vec::new());
    collect(graph, &mut nodes, &mut edges);
    let hyperedges = graph.children_named("hyperedge").count();
    if hyperedges > 0 {
        network.diagnostics.push(
            Diagnostic::warning(&file, format!("{hyperedges} hyperedge(s) are left out"))
                .at_line(graph.child("hyperedge").map(|h| h.line))
                .with_hint("a partnership joins two organizations: write each pair as an <edge>"),
        );
    }
    let mut ids: HashMap<&str, (usize, usize)> = HashMap::new();
    for node in nodes {
        let Some(id) = xml::node_id(node, &ids, SHAPE_HINT, network) else {
            continue;
        };
        let (mut attributes, yed_label) = data(node, "node", keys, network);
        // The name: a label key, else a name key, else yEd's label, else the id.
        let mut name = None;
        for key in ["label", "name"] {
            if name.is_none() && attributes.get(key).is_some_and(|v| !v.is_empty()) {
                name = attributes.remove(key);
            }
        }
        let name = name.or(yed_label).unwrap_or_else(|| id.to_string());
        let org = network.add_node(name.trim(), attributes, Some(node.line));
        ids.insert(id, (org, node.line));
    }
    for edge in edges {
        let ends = xml::edge_ends(edge, &ids, SHAPE_HINT, network);
        let edge_directed = match edge.attribute("directed") {
            None => Some(directed),
            Some("true" | "1") => Some(true),
            Some("false" | "0") => Some(false),
            Some(other) => {
                network.error(
                    edge.line,
                    "directed",
                    format!("directed \"{other}\" is neither true nor false"),
                    "write directed=\"true\" or directed=\"false\" (or leave it out to follow the graph's edgedefault)",
                );
                None
            }
        };
        let (mut attributes, _) = data(edge, "edge", keys, network);
        let weight_key = attributes
            .keys()
            .find(|k| k.eq_ignore_ascii_case("weight"))
            .cloned();
        let weight_text = weight_key.and_then(|k| attributes.remove(&k));
        let weight = network.weight(weight_text.as_deref(), edge.line);
        if let Some(tie) = Tie::read(ends, edge_directed, weight, edge.line) {
            network.add_tie(Tie { attributes, ..tie });
        }
    }
}

#[cfg(test)]
mod tests;
