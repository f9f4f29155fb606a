//! GraphML as NetworkX, igraph, Gephi and yEd write it: `<key>` declarations (with their
//! `<default>`), one `<graph edgedefault=…>`, `<node id>` and `<edge source target>` with
//! `<data key>` values. Nodes become organizations (their data kept as attributes, the name from
//! a `label` or `name` key or yEd's `<y:NodeLabel>`), edges become partnerships (the `weight`
//! key as the weight). docs/formats/graphml.md says what maps to what.

use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
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
        let Some(id) = key.attribute("id") else {
            network.diagnostics.push(
                Diagnostic::error(&network.file, "the key has no id")
                    .at_line(Some(key.line))
                    .in_field("id")
                    .with_hint("declare every key with an id: <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"),
            );
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
        let Some(id) = data.attribute("key") else {
            network.diagnostics.push(
                Diagnostic::error(&network.file, format!("the {domain}'s <data> has no key"))
                    .at_line(Some(data.line))
                    .in_field("key")
                    .with_hint("every <data> names its <key>: <data key=\"d0\">Medici</data>"),
            );
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
    let error = |line: usize, field: &str, message: String, hint: &str| {
        Diagnostic::error(&file, message)
            .at_line(Some(line))
            .in_field(field)
            .with_hint(hint)
    };
    let directed = match graph.attribute("edgedefault") {
        None | Some("directed") => true,
        Some("undirected") => false,
        Some(other) => {
            network.diagnostics.push(error(
                graph.line,
                "edgedefault",
                format!("edgedefault \"{other}\" is neither directed nor undirected"),
                "write <graph edgedefault=\"undirected\"> or <graph edgedefault=\"directed\">",
            ));
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
                network.diagnostics.push(error(
                    edge.line,
                    "directed",
                    format!("directed \"{other}\" is neither true nor false"),
                    "write directed=\"true\" or directed=\"false\" (or leave it out to follow the graph's edgedefault)",
                ));
                None
            }
        };
        let (mut attributes, _) = data(edge, "edge", keys, network);
        let weight_key = attributes
            .keys()
            .find(|k| k.eq_ignore_ascii_case("weight"))
            .cloned();
        let weight = match weight_key.and_then(|k| attributes.remove(&k)) {
            None => Ok(None),
            Some(text) => parse_weight(text.trim()).map(Some).map_err(|message| {
                network
                    .diagnostics
                    .push(error(edge.line, "weight", message, WEIGHT_HINT));
            }),
        };
        let ([Some(source), Some(target)], Some(directed), Ok(weight)) =
            (ends, edge_directed, weight)
        else {
            continue;
        };
        network.add_tie(Tie {
            source,
            target,
            directed,
            weight,
            relation: None,
            attributes,
            line: Some(edge.line),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{as_warning, error, folder};
    use super::*;

    fn read_file(text: &str) -> (Read, String, tempfile::TempDir) {
        let dir = folder(&[("g.graphml", text)]);
        let path = dir.path().join("g.graphml");
        (read_graphml(&path), path.display().to_string(), dir)
    }

    const HEADER: &str = "<?xml version='1.0' encoding='utf-8'?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";

    #[test]
    fn networkx_graphml_keeps_data_and_defaults() {
        let (read, _, _dir) = read_file(&format!(
            "{HEADER}  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n  \
             <key id=\"d1\" for=\"node\" attr.name=\"agency\" attr.type=\"int\"><default>0</default></key>\n  \
             <key id=\"d2\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"><default>1.0</default></key>\n  \
             <key id=\"d3\" for=\"edge\" attr.name=\"collab\" attr.type=\"long\"/>\n  \
             <graph edgedefault=\"undirected\">\n    \
             <node id=\"0\"><data key=\"d0\">Caf&#233; &amp; Co</data><data key=\"d1\">2</data></node>\n    \
             <node id=\"1\"/>\n    \
             <edge source=\"0\" target=\"1\"><data key=\"d2\">2.5</data><data key=\"d3\">3</data></edge>\n    \
             <edge source=\"1\" target=\"0\" directed=\"true\"/>\n  \
             </graph>\n</graphml>\n"
        ));
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let orgs: Vec<(&str, &str)> = coalition
            .organizations
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        assert_eq!(orgs, [("café-co", "Café & Co"), ("1", "1")]);
        assert_eq!(
            coalition.organizations[0].attributes,
            Attributes::from([("agency".to_string(), "2".to_string())])
        );
        assert_eq!(coalition.organizations[1].attributes["agency"], "0");
        let ties: Vec<(&str, &str, bool, Option<f64>)> = coalition
            .partnerships
            .iter()
            .map(|p| (p.source.as_str(), p.target.as_str(), p.directed, p.weight))
            .collect();
        assert_eq!(
            ties,
            [
                ("café-co", "1", false, Some(2.5)),
                ("1", "café-co", true, Some(1.0))
            ]
        );
        assert_eq!(coalition.partnerships[0].attributes["collab"], "3");
        assert!(coalition.partnerships[1].attributes.is_empty());
        assert_eq!(read.origins.organizations[1].line, Some(9));
        assert_eq!(read.origins.partnerships[1].line, Some(11));
    }

    #[test]
    fn edgedefault_directed_or_absent_makes_arcs() {
        for graph in ["<graph edgedefault=\"directed\">", "<graph>"] {
            let (read, _, _dir) = read_file(&format!(
                "{HEADER}{graph}<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"a\" directed=\"false\"/></graph></graphml>"
            ));
            assert_eq!(read.diagnostics, []);
            let coalition = read.coalition.unwrap();
            let directed: Vec<bool> = coalition.partnerships.iter().map(|p| p.directed).collect();
            assert_eq!(directed, [true, false]);
            assert_eq!(coalition.partnerships[0].weight, None);
        }
    }

    #[test]
    fn yed_labels_name_the_nodes() {
        let (read, _, _dir) = read_file(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n\
             <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:y=\"http://www.yworks.com/xml/graphml\" xmlns:yed=\"http://www.yworks.com/xml/yed/3\">\n\
             <key for=\"node\" id=\"d5\" attr.name=\"description\" attr.type=\"string\"/>\n\
             <key for=\"node\" id=\"d6\" yfiles.type=\"nodegraphics\"/>\n\
             <key for=\"edge\" id=\"d10\" yfiles.type=\"edgegraphics\"/>\n\
             <graph edgedefault=\"directed\" id=\"G\">\n\
             <node id=\"n0\"><data key=\"d5\">food bank</data><data key=\"d6\"><y:ShapeNode><y:Geometry height=\"30.0\" width=\"30.0\" x=\"0\" y=\"0\"/><y:Fill color=\"#FFCC00\" transparent=\"false\"/><y:NodeLabel alignment=\"center\" visible=\"true\">\n  Eastside Pantry\n</y:NodeLabel><y:Shape type=\"rectangle\"/></y:ShapeNode></data></node>\n\
             <node id=\"n1\"><data key=\"d6\"><y:ShapeNode><y:NodeLabel>Legal Aid</y:NodeLabel></y:ShapeNode></data></node>\n\
             <node id=\"n2\"/>\n\
             <edge id=\"e0\" source=\"n0\" target=\"n1\"><data key=\"d10\"><y:PolyLineEdge><y:EdgeLabel>refers</y:EdgeLabel></y:PolyLineEdge></data></edge>\n\
             </graph>\n</graphml>\n",
        );
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let names: Vec<&str> = coalition
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["Eastside Pantry", "Legal Aid", "n2"]);
        assert_eq!(
            coalition.organizations[0].attributes["description"],
            "food bank"
        );
        assert_eq!(coalition.organizations[1].attributes.len(), 0);
        let tie = &coalition.partnerships[0];
        assert_eq!(
            (tie.source.as_str(), tie.target.as_str(), tie.directed),
            ("eastside-pantry", "legal-aid", true)
        );
        assert!(tie.attributes.is_empty());
    }

    #[test]
    fn a_name_key_names_the_node_when_there_is_no_label() {
        let (read, _, _dir) = read_file(&format!(
            "{HEADER}<key id=\"n\" for=\"all\" attr.name=\"name\" attr.type=\"string\"/>\n\
             <graph edgedefault=\"undirected\"><node id=\"0\"><data key=\"n\">Medici</data></node><node id=\"1\"><data key=\"n\"></data></node></graph></graphml>"
        ));
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let names: Vec<&str> = coalition
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["Medici", "1"]);
        assert!(coalition.organizations[0].attributes.is_empty());
    }

    #[test]
    fn malformed_graphml_reports_every_problem_with_line_and_field() {
        let (read, file, _dir) = read_file(&format!(
            "{HEADER}<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n\
             <key id=\"w\" for=\"edge\" attr.name=\"weight\"/>\n\
             <graph edgedefault=\"sideways\">\n\
             <node/>\n\
             <node id=\"a\"/>\n\
             <node id=\"a\"/>\n\
             <node id=\"b\"><data key=\"zz\">1</data></node>\n\
             <edge source=\"a\" target=\"nowhere\"/>\n\
             <edge target=\"a\"/>\n\
             <edge source=\"a\" target=\"b\" directed=\"maybe\"/>\n\
             <edge source=\"a\" target=\"b\"><data key=\"w\">-2</data></edge>\n\
             </graph></graphml>\n"
        ));
        assert_eq!(
            read.diagnostics,
            [
                error(&file, Some(4), Some("id"), "the key id w is declared twice (first on line 3)", Some("give every key its own id")),
                error(&file, Some(5), Some("edgedefault"), "edgedefault \"sideways\" is neither directed nor undirected", Some("write <graph edgedefault=\"undirected\"> or <graph edgedefault=\"directed\">")),
                error(&file, Some(6), Some("id"), "the node has no id", Some(SHAPE_HINT)),
                error(&file, Some(8), Some("id"), "the node id a is used twice (first on line 7)", Some("give every node its own id")),
                as_warning(error(&file, Some(9), Some("key"), "the data key zz is not declared; its value is kept under that id", Some("declare it in <graphml>: <key id=\"zz\" for=\"node\" attr.name=\"…\" attr.type=\"string\"/>"))),
                error(&file, Some(10), Some("target"), "the edge's target nowhere is not the id of a node", Some(SHAPE_HINT)),
                error(&file, Some(11), Some("source"), "the edge has no source", Some(SHAPE_HINT)),
                error(&file, Some(12), Some("directed"), "directed \"maybe\" is neither true nor false", Some("write directed=\"true\" or directed=\"false\" (or leave it out to follow the graph's edgedefault)")),
                error(&file, Some(13), Some("weight"), "weight \"-2\" is not a positive number", Some(WEIGHT_HINT)),
            ]
        );
        let (read, file, _dir) = read_file("<gexf><graph/></gexf>");
        assert_eq!(
            read.diagnostics,
            [error(&file, Some(1), None, "the document is <gexf>, not <graphml>", Some("a GraphML file holds <graphml><graph edgedefault=\"undirected\"> <node id=\"a\"/> … </graph></graphml>"))]
        );
        assert!(read.coalition.is_none());
        let (read, file, _dir) = read_file(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n  <!ENTITY a \"aaaaaaaaaa\">\n  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<graphml><graph><node id=\"&x;&b;\"/></graph></graphml>\n",
        );
        assert!(read.coalition.is_none());
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(
            (read.diagnostics[0].file.as_str(), read.diagnostics[0].line),
            (file.as_str(), Some(2))
        );
        assert!(read.diagnostics[0].message.contains("<!ENTITY"));
    }
}
