//! `partnermap metrics`: the network figures in plain words and every organization's measures.

use super::{header, more, number, table_section, ROWS};
use crate::document::{Document, Table};
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
    let mut organizations_section = table_section(
        "organizations",
        "Organizations, by betweenness",
        Table {
            header: header(&[
                "Organization",
                "Degree",
                "Betweenness",
                "Closeness",
                "Eigenvector",
                "Constraint",
                "Effective size",
                "Clustering",
                "Core",
                "Cut point",
                "Community",
            ]),
            rows: organizations
                .into_iter()
                .take(ROWS)
                .map(|o| {
                    vec![
                        o.name.as_str().into(),
                        o.measures.degree.to_string().into(),
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
                    ]
                })
                .collect(),
        },
    );
    organizations_section
        .blocks
        .extend(more(total, ROWS, "--format csv or --format json"));
    Document {
        title: format!("{coalition}: network metrics"),
        subtitle: Vec::new(),
        sections: vec![
            table_section(
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
            ),
            organizations_section,
        ],
    }
}
