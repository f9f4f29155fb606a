//! `partnermap metrics`: the network figures in plain words and every organization's measures.

use super::{header, more, number, table_section, ROWS};
use crate::document::{Block, Document, Table};
use partnermap_analysis::brokers::{NetworkMetrics, OrganizationFigures};

/// The metrics as a document: network figures, then organizations by betweenness.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let metrics = partnermap_analysis::brokers::network_metrics(&Landscape::build(&coalition), Default::default());
/// let document = partnermap_report::command::metrics("Demo", &metrics);
/// assert_eq!(document.sections[1].id, "organizations");
/// ```
pub fn metrics(coalition: &str, metrics: &NetworkMetrics) -> Document {
    let mut organizations: Vec<&OrganizationFigures> = metrics.organizations.iter().collect();
    organizations.sort_by(|a, b| {
        b.measures
            .betweenness
            .total_cmp(&a.measures.betweenness)
            .then(a.name.cmp(&b.name))
    });
    let total = organizations.len();
    let directed = metrics.network.directed;
    let degree_columns: &[&str] = if directed {
        &["Degree", "In", "Out"]
    } else {
        &["Degree"]
    };
    let mut organizations_section = table_section(
        "organizations",
        "Organizations, by betweenness",
        Table {
            header: ["Organization"]
                .iter()
                .chain(degree_columns)
                .chain(&[
                    "Betweenness",
                    "Closeness",
                    "Eigenvector",
                    "Constraint",
                    "Effective size",
                    "Clustering",
                    "Core",
                    "Cut point",
                    "Community",
                ])
                .map(|s| s.to_string())
                .collect(),
            rows: organizations
                .into_iter()
                .take(ROWS)
                .map(|o| {
                    let mut degrees = vec![o.measures.degree.to_string().into()];
                    degrees.extend(
                        [o.measures.in_degree, o.measures.out_degree]
                            .into_iter()
                            .flatten()
                            .map(|d| d.to_string().into()),
                    );
                    [o.name.as_str().into()]
                        .into_iter()
                        .chain(degrees)
                        .chain([
                            number(o.measures.betweenness).into(),
                            number(o.measures.closeness).into(),
                            number(o.measures.eigenvector).into(),
                            number(o.measures.constraint).into(),
                            number(o.measures.effective_size).into(),
                            number(o.measures.clustering).into(),
                            o.measures.core_number.to_string().into(),
                            if o.measures.articulation_point {
                                "yes"
                            } else {
                                ""
                            }
                            .into(),
                            o.measures.community.to_string().into(),
                        ])
                        .collect()
                })
                .collect(),
        },
    );
    organizations_section
        .blocks
        .extend(more(total, ROWS, "--format csv or --format json"));
    let mut network_section = table_section(
        "network",
        "The network",
        Table {
            header: header(&["Figure", "Value", "What it means"]),
            rows: metrics
                .network
                .explained()
                .into_iter()
                .map(|f| vec![f.key.into(), f.value.into(), f.meaning.into()])
                .collect(),
        },
    );
    if directed {
        network_section.blocks.push(Block::Note(
            "Betweenness, closeness (how easily the others reach an organization) and eigenvector \
             centrality follow the direction of the ties, a tie without direction counting both \
             ways; the other figures ignore direction."
                .to_string(),
        ));
        if metrics
            .organizations
            .iter()
            .all(|o| o.measures.eigenvector.is_nan())
        {
            network_section.blocks.push(Block::Note(
                "Eigenvector centrality is not defined on this directed network: no group of \
                 organizations keeps passing ties around among itself (the ties drain one way), \
                 so its column is empty; use --undirected for the undirected value."
                    .to_string(),
            ));
        }
    }
    Document {
        title: format!("{coalition}: network metrics"),
        subtitle: Vec::new(),
        sections: vec![network_section, organizations_section],
    }
}
