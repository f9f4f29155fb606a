//! The network the GraphML and GEXF writers lay out: graph fields, a table of nodes, a table of
//! edges and each node's colour. One-mode, it is the coalition (organizations and partnerships);
//! two-mode, the landscape graph (organizations and the populations, domains and assets they
//! serve, work in and bring, with the partnerships between organizations).

use crate::fields::{self, Column, Heading, Table, ValueType};
use crate::graph::{Landscape, Node, Relation};
use crate::model::Coalition;
use petgraph::visit::EdgeRef;

/// A network ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    /// Fields of the graph as a whole (the coalition's own).
    pub graph: Vec<(String, ValueType, String)>,
    /// One row per node; columns `id` and `name` first.
    pub nodes: Table,
    /// One row per edge; columns `source` and `target` (node ids) first, then `kind`,
    /// `strength`, `directed`.
    pub edges: Table,
    /// Each node's colour (`#rrggbb`, or `rgba(…)`), when it has one.
    pub colours: Vec<Option<String>>,
}

impl Exported {
    /// The coalition as a one-mode network; `extra` adds columns to the organizations (network
    /// metrics, communities). An organization's colour is the `viz:color` it was read with,
    /// else its type's colour on the maps.
    pub fn coalition(coalition: &Coalition, extra: &[Column]) -> Exported {
        Exported {
            graph: fields::coalition_fields(coalition),
            nodes: fields::organization_table(coalition, extra),
            edges: fields::partnership_table(coalition),
            colours: coalition
                .organizations
                .iter()
                .map(|o| {
                    let colour = o.attributes.get("viz:color").cloned();
                    Some(colour.unwrap_or_else(|| o.kind.colours().0.to_ascii_lowercase()))
                })
                .collect(),
        }
    }

    /// The landscape as a two-mode network: the organizations (a `mode` column says
    /// `organization`) and one node per population, domain and asset (`mode` the term's kind,
    /// id `population:ID`…), joined by the partnerships and by an edge from each organization
    /// to each term it provides (`tie` says `partnership`, `serves`, `works-in` or `brings`).
    pub fn landscape(landscape: &Landscape, extra: &[Column]) -> Exported {
        let coalition = landscape.coalition();
        let vocabulary = landscape.vocabulary();
        let mut network = Exported::coalition(coalition, extra);
        let graph = landscape.graph();
        let node_id = |index| match &graph[index] {
            Node::Organization(i) => coalition.organizations[*i].id.clone(),
            Node::Term(kind, id) => format!("{}:{id}", kind.noun()),
        };
        let mode = Heading {
            name: "mode".to_string(),
            kind: ValueType::Text,
            attribute: false,
        };
        let nodes = &mut network.nodes;
        nodes.columns.push(mode);
        for row in &mut nodes.rows {
            row.push(Some("organization".to_string()));
        }
        let width = nodes.columns.len();
        let (id, name, mode) = (0, 1, width - 1);
        for index in graph.node_indices() {
            if let Node::Term(kind, term) = &graph[index] {
                let mut row = vec![None; width];
                row[id] = Some(node_id(index));
                row[name] = Some(vocabulary.label(*kind, term).to_string());
                row[mode] = Some(kind.noun().to_string());
                nodes.rows.push(row);
                network.colours.push(None);
            }
        }
        let tie = Heading {
            name: "tie".to_string(),
            kind: ValueType::Text,
            attribute: false,
        };
        let edges = &mut network.edges;
        edges.columns.push(tie);
        for row in &mut edges.rows {
            row.push(Some("partnership".to_string()));
        }
        let width = edges.columns.len();
        let directed = edges.position("directed").expect("always written");
        let mut provided = Vec::new();
        for edge in graph.edge_references() {
            let word = match edge.weight() {
                Relation::Serves => "serves",
                Relation::WorksIn => "works-in",
                Relation::Brings => "brings",
                Relation::Partnership(_) => continue,
            };
            let mut row = vec![None; width];
            row[0] = Some(node_id(edge.source()));
            row[1] = Some(node_id(edge.target()));
            row[directed] = Some("false".to_string());
            row[width - 1] = Some(word.to_string());
            provided.push(row);
        }
        // The term edges first, as in the landscape graph.
        provided.append(&mut edges.rows);
        edges.rows = provided;
        network
    }

    /// Whether any edge is directed: then the whole graph is written directed, with each edge's
    /// own direction in its `directed` field (NetworkX refuses graphs that mix the two).
    pub fn directed(&self) -> bool {
        let column = self.edges.position("directed");
        self.edges
            .rows
            .iter()
            .any(|row| column.and_then(|c| row[c].as_deref()) == Some("true"))
    }
}
