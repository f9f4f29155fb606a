//! GEXF 1.3 as Gephi and NetworkX read it: typed `<attributes>` for nodes and edges, a node per
//! organization (its id, its name as `label`, its type's colour on the maps as `viz:color`), an
//! edge per partnership (its weight as `weight`), and the coalition's own fields in `<meta>` as
//! `<partnermap:field>`. docs/formats/gexf.md says what goes where.

use super::network::Exported;
use super::xml_escape;
use std::fmt::Write as _;

/// The network as a GEXF 1.3 document.
pub fn gexf(network: &Exported) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:partnermap=\"urn:partnermap\" version=\"1.3\">\n  <meta>\n    <creator>partnermap</creator>\n",
    );
    if let Some((_, _, name)) = network.graph.iter().find(|(n, _, _)| n == "name") {
        let _ = writeln!(out, "    <description>{}</description>", xml_escape(name));
    }
    for (name, _, value) in &network.graph {
        let _ = writeln!(
            out,
            "    <partnermap:field name=\"{}\">{}</partnermap:field>",
            xml_escape(name),
            xml_escape(value)
        );
    }
    out.push_str("  </meta>\n");
    let edgetype = if network.directed() {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(
        out,
        "  <graph defaultedgetype=\"{edgetype}\" mode=\"static\">"
    );
    // The name is the node's label, the weight the edge's weight and the colour viz:color;
    // every other field is an attribute value.
    let colours_parse = network.nodes.position("viz:color").is_none_or(|c| {
        network
            .nodes
            .rows
            .iter()
            .all(|row| row[c].as_deref().is_none_or(|v| rgba(v).is_some()))
    });
    let node_attributes: Vec<usize> = (0..network.nodes.columns.len())
        .filter(|&c| match network.nodes.columns[c].name.as_str() {
            "name" => false,
            // Kept as an attribute value only when some colour is not one GEXF can hold.
            "viz:color" => !colours_parse,
            _ => true,
        })
        .collect();
    let edge_attributes: Vec<usize> = (0..network.edges.columns.len())
        .filter(|&c| {
            !matches!(
                network.edges.columns[c].name.as_str(),
                "source" | "target" | "weight"
            )
        })
        .collect();
    for (class, table, columns, prefix) in [
        ("node", &network.nodes, &node_attributes, 'n'),
        ("edge", &network.edges, &edge_attributes, 'e'),
    ] {
        let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
        for &c in columns {
            let heading = &table.columns[c];
            let _ = writeln!(
                out,
                "      <attribute id=\"{prefix}{c}\" title=\"{}\" type=\"{}\"/>",
                xml_escape(&heading.name),
                heading.kind.xml_name()
            );
        }
        out.push_str("    </attributes>\n");
    }
    out.push_str("    <nodes>\n");
    let cell = |row: &[Option<String>], c: Option<usize>| {
        c.and_then(|c| row[c].clone()).unwrap_or_default()
    };
    let (id, name) = (network.nodes.position("id"), network.nodes.position("name"));
    for (row, colour) in network.nodes.rows.iter().zip(&network.colours) {
        let _ = write!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            xml_escape(&cell(row, id)),
            xml_escape(&cell(row, name))
        );
        attvalues(&mut out, 'n', &node_attributes, row);
        if let Some((r, g, b, a)) = colour.as_deref().and_then(rgba) {
            let _ = write!(out, "<viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"");
            if let Some(a) = a {
                let _ = write!(out, " a=\"{a}\"");
            }
            out.push_str("/>");
        }
        out.push_str("</node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let weight = network.edges.position("weight");
    for (i, row) in network.edges.rows.iter().enumerate() {
        let _ = write!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\"",
            xml_escape(&cell(row, Some(0))),
            xml_escape(&cell(row, Some(1)))
        );
        if let Some(w) = weight.and_then(|c| row[c].as_deref()) {
            let _ = write!(out, " weight=\"{}\"", xml_escape(w));
        }
        out.push('>');
        attvalues(&mut out, 'e', &edge_attributes, row);
        out.push_str("</edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// A node's or edge's `<attvalues>`, one per column with a value.
fn attvalues(out: &mut String, prefix: char, columns: &[usize], row: &[Option<String>]) {
    out.push_str("<attvalues>");
    for &c in columns {
        if let Some(value) = &row[c] {
            let _ = write!(
                out,
                "<attvalue for=\"{prefix}{c}\" value=\"{}\"/>",
                xml_escape(value)
            );
        }
    }
    out.push_str("</attvalues>");
}

/// The channels of `#rrggbb` or `rgba(r,g,b,a)`, the forms the GEXF reader keeps.
fn rgba(colour: &str) -> Option<(u8, u8, u8, Option<f64>)> {
    if let Some(hex) = colour.strip_prefix('#').filter(|h| h.len() == 6) {
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        return Some((channel(0)?, channel(2)?, channel(4)?, None));
    }
    let inner = colour.strip_prefix("rgba(")?.strip_suffix(')')?;
    let parts: Vec<&str> = inner.split(',').map(str::trim).collect();
    let [r, g, b, a] = parts[..] else {
        return None;
    };
    let a = a.parse::<f64>().ok().filter(|a| (0.0..=1.0).contains(a))?;
    Some((r.parse().ok()?, g.parse().ok()?, b.parse().ok()?, Some(a)))
}
