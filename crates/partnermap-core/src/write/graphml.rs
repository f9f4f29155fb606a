//! GraphML as NetworkX, igraph, Gephi, yEd and Cytoscape read it: one typed `<key>` per field
//! (`attr.type` string, long, double or boolean), the graph's fields as graph `<data>`, a node
//! per organization (its id as the node id, its name under `label`) and an edge per
//! partnership. docs/formats/graphml.md says what goes where.

use super::network::Exported;
use super::xml_escape;
use crate::fields::Table;
use std::fmt::Write as _;

/// The network as a GraphML document.
pub fn graphml(network: &Exported) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    let key = |out: &mut String, id: String, domain: &str, name: &str, kind: &str| {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{kind}\"/>",
            xml_escape(name)
        );
    };
    for (i, (name, kind, _)) in network.graph.iter().enumerate() {
        key(&mut out, format!("g{i}"), "graph", name, kind.xml_name());
    }
    // Edge ends are XML attributes, not data; the node's id is both (NetworkX and Gephi show
    // the attribute, partnermap reads the data), and the name is the `label` key Gephi and yEd
    // show.
    let node_keys = data_columns(&network.nodes, &[]);
    for &c in &node_keys {
        let heading = &network.nodes.columns[c];
        let name = if heading.name == "name" {
            "label"
        } else {
            &heading.name
        };
        key(
            &mut out,
            format!("n{c}"),
            "node",
            name,
            heading.kind.xml_name(),
        );
    }
    let edge_keys = data_columns(&network.edges, &["source", "target"]);
    for &c in &edge_keys {
        let heading = &network.edges.columns[c];
        key(
            &mut out,
            format!("e{c}"),
            "edge",
            &heading.name,
            heading.kind.xml_name(),
        );
    }
    let edgedefault = if network.directed() {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph id=\"G\" edgedefault=\"{edgedefault}\">");
    for (i, (_, _, value)) in network.graph.iter().enumerate() {
        let _ = writeln!(out, "    <data key=\"g{i}\">{}</data>", xml_escape(value));
    }
    let id = network.nodes.position("id").expect("nodes have ids");
    for row in &network.nodes.rows {
        let _ = write!(
            out,
            "    <node id=\"{}\">",
            xml_escape(row[id].as_deref().unwrap_or_default())
        );
        data(&mut out, 'n', &node_keys, row);
        out.push_str("</node>\n");
    }
    let (source, target) = (0, 1);
    for (i, row) in network.edges.rows.iter().enumerate() {
        let _ = write!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            xml_escape(row[source].as_deref().unwrap_or_default()),
            xml_escape(row[target].as_deref().unwrap_or_default())
        );
        data(&mut out, 'e', &edge_keys, row);
        out.push_str("</edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The columns of `table` written as `<data>`: all but `structural`.
fn data_columns(table: &Table, structural: &[&str]) -> Vec<usize> {
    (0..table.columns.len())
        .filter(|&c| !structural.contains(&table.columns[c].name.as_str()))
        .collect()
}

/// A node's or edge's `<data>`, one per column with a value.
fn data(out: &mut String, prefix: char, columns: &[usize], row: &[Option<String>]) {
    for &c in columns {
        if let Some(value) = &row[c] {
            let _ = write!(
                out,
                "<data key=\"{prefix}{c}\">{}</data>",
                xml_escape(value)
            );
        }
    }
}
