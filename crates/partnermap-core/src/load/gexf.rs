//! GEXF 1.2 and 1.3 as Gephi writes it: `<attributes class="node|edge">` declarations,
//! `<graph defaultedgetype=…>`, `<nodes>` with `label` and `<attvalues>`, `<edges>` with
//! `type`, `weight` and `kind`. Nodes become organizations (their attribute values and
//! `viz:color` kept as attributes), edges become partnerships (`kind` as the relation).
//! docs/formats/gexf.md says what maps to what.

use super::network::{Network, Tie};
use super::xml::{self, Element};
use super::Read;
use crate::diagnostic::Diagnostic;
use crate::model::Attributes;
use std::collections::HashMap;
use std::path::Path;

/// The hint for a node or edge that is not written as GEXF expects.
const SHAPE_HINT: &str =
    "GEXF is written <nodes><node id=\"a\" label=\"A\"/></nodes> <edges><edge source=\"a\" target=\"b\"/></edges>";

/// The declared attributes of one class (node or edge): title and default by id.
type Declared = HashMap<String, (String, Option<String>)>;

/// Reads a `.gexf` file.
pub(super) fn read_gexf(path: &Path) -> Read {
    let mut network = Network::new(path);
    let Some(root) = xml::network_document(path, "gexf", "a GEXF file holds <gexf version=\"1.3\"><graph defaultedgetype=\"undirected\"><nodes>…</nodes><edges>…</edges></graph></gexf>", &mut network) else {
        return Read::failed(network.origins, network.diagnostics);
    };
    // partnermap keeps the coalition's own fields in <meta>, as <partnermap:field name="…">.
    let coalition: Attributes = root
        .children_named("meta")
        .flat_map(|m| m.children_named("field"))
        .filter_map(|f| Some((f.attribute("name")?.to_string(), f.text.clone())))
        .collect();
    network.set_coalition_fields(coalition);
    let graph = root.child("graph").expect("network_document checked it");
    build(graph, &mut network);
    network.finish()
}

/// The `<attribute>` declarations of `graph`, for nodes and for edges.
fn declarations(graph: &Element, network: &mut Network) -> (Declared, Declared) {
    let (mut nodes, mut edges) = (Declared::new(), Declared::new());
    for block in graph.children_named("attributes") {
        let declared = match block.attribute("class") {
            Some("node") => &mut nodes,
            Some("edge") => &mut edges,
            other => {
                network.diagnostics.push(
                    Diagnostic::error(
                        &network.file,
                        match other {
                            Some(class) => format!("attributes of class \"{class}\" are neither node nor edge attributes"),
                            None => "the <attributes> have no class".to_string(),
                        },
                    )
                    .at_line(Some(block.line))
                    .in_field("class")
                    .with_hint("write <attributes class=\"node\"> or <attributes class=\"edge\">"),
                );
                continue;
            }
        };
        for attribute in block.children_named("attribute") {
            let hint = "declare every attribute with an id: <attribute id=\"0\" title=\"agency\" type=\"integer\"/>";
            let Some(id) = xml::required(attribute, "id", "attribute", hint, network) else {
                continue;
            };
            let title = attribute.attribute("title").unwrap_or(id).to_string();
            let default = attribute
                .child("default")
                .map(|d| d.text.trim().to_string());
            declared.insert(id.to_string(), (title, default));
        }
    }
    (nodes, edges)
}

/// The attribute values of a node or edge (with the declared defaults) and its `viz:color`.
fn values(element: &Element, declared: &Declared, network: &mut Network) -> Attributes {
    let mut attributes = Attributes::new();
    for value in element
        .children_named("attvalues")
        .flat_map(|a| a.children_named("attvalue"))
    {
        // GEXF 1.2 and 1.3 write `for`; 1.1 wrote `id`.
        let legacy = value
            .attribute("for")
            .is_none()
            .then(|| value.attribute("id"));
        let hint = "every attvalue names its attribute: <attvalue for=\"0\" value=\"2\"/>";
        let Some(id) = legacy
            .flatten()
            .or_else(|| xml::required(value, "for", "attvalue", hint, network))
        else {
            continue;
        };
        let name = match declared.get(id) {
            Some((title, _)) => title.clone(),
            None => {
                network.diagnostics.push(
                    Diagnostic::warning(
                        &network.file,
                        format!("the attribute {id} is not declared; its value is kept under that id"),
                    )
                    .at_line(Some(value.line))
                    .in_field("for")
                    .with_hint(format!(
                        "declare it in <attributes class=\"{}\">: <attribute id=\"{id}\" title=\"…\" type=\"string\"/>",
                        element.name
                    )),
                );
                id.to_string()
            }
        };
        attributes.insert(name, value.attribute("value").unwrap_or("").to_string());
    }
    for (title, default) in declared.values() {
        if let Some(default) = default {
            attributes
                .entry(title.clone())
                .or_insert_with(|| default.clone());
        }
    }
    if let Some(color) = element.child("color") {
        match viz_color(color) {
            Some(text) => {
                attributes.insert("viz:color".to_string(), text);
            }
            None => network.diagnostics.push(
                Diagnostic::warning(&network.file, "the viz:color is not a colour; it is left out")
                    .at_line(Some(color.line))
                    .in_field("viz:color")
                    .with_hint("write <viz:color r=\"228\" g=\"26\" b=\"28\"/> (0 to 255, and a from 0 to 1) or hex=\"#e41a1c\""),
            ),
        }
    }
    attributes
}

/// A `viz:color` as `#rrggbb` (or `rgba(r,g,b,a)` with an alpha, or the 1.3 `hex` as written).
fn viz_color(color: &Element) -> Option<String> {
    if let Some(hex) = color.attribute("hex") {
        let digits = hex.strip_prefix('#').unwrap_or(hex);
        return (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| format!("#{}", digits.to_ascii_lowercase()));
    }
    let channel = |name: &str| color.attribute(name)?.trim().parse::<u8>().ok();
    let (r, g, b) = (channel("r")?, channel("g")?, channel("b")?);
    match color.attribute("a") {
        None => Some(format!("#{r:02x}{g:02x}{b:02x}")),
        Some(a) => {
            let a = a
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|a| (0.0..=1.0).contains(a))?;
            Some(format!("rgba({r},{g},{b},{a})"))
        }
    }
}

/// The nodes of `nodes` and of the hierarchies nested in them, in document order.
fn collect<'a>(nodes: &'a Element, out: &mut Vec<&'a Element>) {
    for node in nodes.children_named("node") {
        out.push(node);
        for nested in node.children_named("nodes") {
            collect(nested, out);
        }
    }
}

/// Whether an edge `type` (or the `defaultedgetype`) is directed; `None` when it is neither.
fn is_directed(text: &str) -> Option<bool> {
    match text {
        "directed" => Some(true),
        "undirected" | "mutual" => Some(false),
        _ => None,
    }
}

/// Makes organizations of the nodes and partnerships of the edges.
fn build(graph: &Element, network: &mut Network) {
    let type_hint = "write directed, undirected or mutual";
    let directed = match graph.attribute("defaultedgetype") {
        None => false,
        Some(text) => is_directed(text).unwrap_or_else(|| {
            network.error(
                graph.line,
                "defaultedgetype",
                format!("defaultedgetype \"{text}\" is not an edge type"),
                type_hint,
            );
            false
        }),
    };
    let (node_attributes, edge_attributes) = declarations(graph, network);
    let mut nodes = Vec::new();
    for block in graph.children_named("nodes") {
        collect(block, &mut nodes);
    }
    let mut ids: HashMap<&str, (usize, usize)> = HashMap::new();
    for node in nodes {
        let Some(id) = xml::node_id(node, &ids, SHAPE_HINT, network) else {
            continue;
        };
        let attributes = values(node, &node_attributes, network);
        let name = node
            .attribute("label")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .unwrap_or(id);
        let org = network.add_node(name.trim(), attributes, Some(node.line));
        // The colour the maps give the organization's type says nothing more than its type.
        let org_ref = &mut network.coalition.organizations[org];
        let type_colour = org_ref.kind.colours().0.to_ascii_lowercase();
        if org_ref.attributes.get("viz:color") == Some(&type_colour) {
            org_ref.attributes.remove("viz:color");
        }
        ids.insert(id, (org, node.line));
    }
    let edges = graph
        .children_named("edges")
        .flat_map(|e| e.children_named("edge"));
    for edge in edges {
        let ends = xml::edge_ends(edge, &ids, SHAPE_HINT, network);
        let edge_directed = match edge.attribute("type") {
            None => Some(directed),
            Some(text) => {
                let parsed = is_directed(text);
                if parsed.is_none() {
                    network.error(
                        edge.line,
                        "type",
                        format!("type \"{text}\" is not an edge type"),
                        type_hint,
                    );
                }
                parsed
            }
        };
        let weight = network.weight(edge.attribute("weight"), edge.line);
        let mut attributes = values(edge, &edge_attributes, network);
        if let Some(label) = edge.attribute("label") {
            attributes.insert("label".to_string(), label.to_string());
        }
        let relation = edge
            .attribute("kind")
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_string);
        if let Some(tie) = Tie::read(ends, edge_directed, weight, edge.line) {
            network.add_tie(Tie {
                relation,
                attributes,
                ..tie
            });
        }
    }
}

#[cfg(test)]
mod tests;
