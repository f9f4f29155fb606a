//! GEXF 1.2 and 1.3 as Gephi writes it: `<attributes class="node|edge">` declarations,
//! `<graph defaultedgetype=…>`, `<nodes>` with `label` and `<attvalues>`, `<edges>` with
//! `type`, `weight` and `kind`. Nodes become organizations (their attribute values and
//! `viz:color` kept as attributes), edges become partnerships (`kind` as the relation).
//! docs/formats/gexf.md says what maps to what.

use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
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
            let Some(id) = attribute.attribute("id") else {
                network.diagnostics.push(
                    Diagnostic::error(&network.file, "the attribute has no id")
                        .at_line(Some(attribute.line))
                        .in_field("id")
                        .with_hint("declare every attribute with an id: <attribute id=\"0\" title=\"agency\" type=\"integer\"/>"),
                );
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
        let Some(id) = value.attribute("for").or_else(|| value.attribute("id")) else {
            network.diagnostics.push(
                Diagnostic::error(&network.file, "the attvalue has no for")
                    .at_line(Some(value.line))
                    .in_field("for")
                    .with_hint(
                        "every attvalue names its attribute: <attvalue for=\"0\" value=\"2\"/>",
                    ),
            );
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
    let file = network.file.clone();
    let error = |line: usize, field: &str, message: String, hint: &str| {
        Diagnostic::error(&file, message)
            .at_line(Some(line))
            .in_field(field)
            .with_hint(hint)
    };
    let type_hint = "write directed, undirected or mutual";
    let directed = match graph.attribute("defaultedgetype") {
        None => false,
        Some(text) => is_directed(text).unwrap_or_else(|| {
            network.diagnostics.push(error(
                graph.line,
                "defaultedgetype",
                format!("defaultedgetype \"{text}\" is not an edge type"),
                type_hint,
            ));
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
                    network.diagnostics.push(error(
                        edge.line,
                        "type",
                        format!("type \"{text}\" is not an edge type"),
                        type_hint,
                    ));
                }
                parsed
            }
        };
        let weight = match edge.attribute("weight") {
            None => Ok(None),
            Some(text) => parse_weight(text.trim()).map(Some).map_err(|message| {
                network
                    .diagnostics
                    .push(error(edge.line, "weight", message, WEIGHT_HINT));
            }),
        };
        let mut attributes = values(edge, &edge_attributes, network);
        if let Some(label) = edge.attribute("label") {
            attributes.insert("label".to_string(), label.to_string());
        }
        let relation = edge
            .attribute("kind")
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_string);
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
            relation,
            attributes,
            line: Some(edge.line),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{as_warning, error, folder};
    use super::*;

    /// A partnership as the tests compare it: source, target, directed, weight, relation.
    type Shown<'a> = (&'a str, &'a str, bool, Option<f64>, Option<&'a str>);

    fn read_file(text: &str) -> (Read, String, tempfile::TempDir) {
        let dir = folder(&[("g.gexf", text)]);
        let path = dir.path().join("g.gexf");
        (read_gexf(&path), path.display().to_string(), dir)
    }

    /// A Gephi export in the namespaces of `version`, with `graph` as its graph's attributes.
    fn gephi(xmlns: &str, version: &str, graph: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <gexf xmlns=\"{xmlns}\" xmlns:viz=\"{xmlns}/viz\" version=\"{version}\">\n\
             <meta lastmodifieddate=\"2024-01-01\"><creator>Gephi 0.10</creator></meta>\n\
             <graph {graph} mode=\"static\">\n\
             <attributes class=\"node\" mode=\"static\">\n\
             <attribute id=\"agency\" title=\"Agency\" type=\"integer\"><default>0</default></attribute>\n\
             <attribute id=\"1\" title=\"sector\" type=\"string\"/>\n\
             </attributes>\n\
             <attributes class=\"edge\"><attribute id=\"c\" title=\"collab\" type=\"long\"/></attributes>\n\
             <nodes>\n\
             <node id=\"0\" label=\"Caf&#233; &amp; Co\"><attvalues><attvalue for=\"agency\" value=\"2\"/><attvalue for=\"1\" value=\"food\"/></attvalues><viz:size value=\"10\"/><viz:color r=\"228\" g=\"26\" b=\"28\"/></node>\n\
             <node id=\"1\"><viz:color r=\"0\" g=\"0\" b=\"255\" a=\"0.5\"/></node>\n\
             </nodes>\n\
             <edges>\n\
             <edge id=\"0\" source=\"0\" target=\"1\" weight=\"2.5\" kind=\"referral\" label=\"refers\"><attvalues><attvalue for=\"c\" value=\"3\"/></attvalues></edge>\n\
             <edge id=\"1\" source=\"1\" target=\"0\" type=\"directed\"/>\n\
             </edges>\n</graph>\n</gexf>\n"
        )
    }

    #[test]
    fn gexf_1_2_and_1_3_keep_attribute_values_and_colours() {
        for (xmlns, version) in [
            ("http://www.gexf.net/1.2draft", "1.2"),
            ("http://gexf.net/1.3", "1.3"),
        ] {
            let (read, _, _dir) =
                read_file(&gephi(xmlns, version, "defaultedgetype=\"undirected\""));
            assert_eq!(read.diagnostics, [], "{version}");
            let coalition = read.coalition.unwrap();
            let orgs: Vec<(&str, &str)> = coalition
                .organizations
                .iter()
                .map(|o| (o.id.as_str(), o.name.as_str()))
                .collect();
            assert_eq!(orgs, [("café-co", "Café & Co"), ("1", "1")]);
            let attributes = |pairs: &[(&str, &str)]| -> Attributes {
                pairs
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            };
            assert_eq!(
                coalition.organizations[0].attributes,
                attributes(&[
                    ("Agency", "2"),
                    ("sector", "food"),
                    ("viz:color", "#e41a1c")
                ])
            );
            assert_eq!(
                coalition.organizations[1].attributes,
                attributes(&[("Agency", "0"), ("viz:color", "rgba(0,0,255,0.5)")])
            );
            let ties: Vec<Shown> = coalition
                .partnerships
                .iter()
                .map(|p| {
                    (
                        p.source.as_str(),
                        p.target.as_str(),
                        p.directed,
                        p.weight,
                        p.relation.as_deref(),
                    )
                })
                .collect();
            assert_eq!(
                ties,
                [
                    ("café-co", "1", false, Some(2.5), Some("referral")),
                    ("1", "café-co", true, None, None)
                ]
            );
            assert_eq!(
                coalition.partnerships[0].attributes,
                attributes(&[("collab", "3"), ("label", "refers")])
            );
            assert_eq!(read.origins.organizations[1].line, Some(12));
            assert_eq!(read.origins.partnerships[1].line, Some(16));
        }
    }

    #[test]
    fn defaultedgetype_directed_makes_arcs_unless_an_edge_says_otherwise() {
        let text = gephi("http://gexf.net/1.3", "1.3", "defaultedgetype=\"directed\"")
            .replace("type=\"directed\"/>", "type=\"mutual\"/>");
        let (read, _, _dir) = read_file(&text);
        assert_eq!(read.diagnostics, []);
        let directed: Vec<bool> = read
            .coalition
            .unwrap()
            .partnerships
            .iter()
            .map(|p| p.directed)
            .collect();
        assert_eq!(directed, [true, false]);
        // Without defaultedgetype, GEXF's default: undirected.
        let (read, _, _dir) = read_file(&gephi("http://gexf.net/1.3", "1.3", ""));
        assert!(!read.coalition.unwrap().partnerships[0].directed);
    }

    #[test]
    fn malformed_gexf_reports_every_problem_with_line_and_field() {
        let (read, file, _dir) = read_file(
            "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n\
             <graph defaultedgetype=\"sideways\">\n\
             <attributes class=\"graph\"/>\n\
             <nodes>\n\
             <node label=\"A\"/>\n\
             <node id=\"a\"/>\n\
             <node id=\"a\"/>\n\
             <node id=\"b\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues><viz:color r=\"300\" g=\"0\" b=\"0\"/></node>\n\
             </nodes>\n\
             <edges>\n\
             <edge source=\"a\" target=\"nowhere\"/>\n\
             <edge target=\"a\"/>\n\
             <edge source=\"a\" target=\"b\" type=\"sideways\"/>\n\
             <edge source=\"a\" target=\"b\" weight=\"0\"/>\n\
             </edges>\n</graph>\n</gexf>\n",
        );
        let type_hint = Some("write directed, undirected or mutual");
        assert_eq!(
            read.diagnostics,
            [
                error(&file, Some(2), Some("defaultedgetype"), "defaultedgetype \"sideways\" is not an edge type", type_hint),
                error(&file, Some(3), Some("class"), "attributes of class \"graph\" are neither node nor edge attributes", Some("write <attributes class=\"node\"> or <attributes class=\"edge\">")),
                error(&file, Some(5), Some("id"), "the node has no id", Some(SHAPE_HINT)),
                error(&file, Some(7), Some("id"), "the node id a is used twice (first on line 6)", Some("give every node its own id")),
                as_warning(error(&file, Some(8), Some("for"), "the attribute 9 is not declared; its value is kept under that id", Some("declare it in <attributes class=\"node\">: <attribute id=\"9\" title=\"…\" type=\"string\"/>"))),
                as_warning(error(&file, Some(8), Some("viz:color"), "the viz:color is not a colour; it is left out", Some("write <viz:color r=\"228\" g=\"26\" b=\"28\"/> (0 to 255, and a from 0 to 1) or hex=\"#e41a1c\""))),
                error(&file, Some(11), Some("target"), "the edge's target nowhere is not the id of a node", Some(SHAPE_HINT)),
                error(&file, Some(12), Some("source"), "the edge has no source", Some(SHAPE_HINT)),
                error(&file, Some(13), Some("type"), "type \"sideways\" is not an edge type", type_hint),
                error(&file, Some(14), Some("weight"), "weight \"0\" is not a positive number", Some(WEIGHT_HINT)),
            ]
        );
        let (read, file, _dir) = read_file("<graphml><graph/></graphml>");
        assert_eq!(
            read.diagnostics,
            [error(&file, Some(1), None, "the document is <graphml>, not <gexf>", Some("a GEXF file holds <gexf version=\"1.3\"><graph defaultedgetype=\"undirected\"><nodes>…</nodes><edges>…</edges></graph></gexf>"))]
        );
        let (read, _, _dir) = read_file(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<gexf><graph><nodes><node id=\"a\" label=\"&x;\"/></nodes></graph></gexf>\n",
        );
        assert!(read.coalition.is_none());
        assert_eq!(read.diagnostics.len(), 1);
        assert_eq!(read.diagnostics[0].line, Some(2));
        assert!(read.diagnostics[0].message.contains("<!ENTITY"));
    }
}
