//! `partnermap metrics`: the network figures in plain words and every organization's measures.

use super::{header, more, number, table_section, ROWS};
use crate::document::{Block, Document, Section, Table};
use partnermap_analysis::brokers::{NetworkMetrics, OrganizationFigures};
use partnermap_analysis::metrics::AnalysisOptions;
use partnermap_analysis::quality::InvestReason;

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
    if metrics.network.betweenness_estimated {
        network_section.blocks.push(Block::Note(format!(
            "The network is large, so betweenness is estimated from the shortest chains between \
             random pairs of organizations, within {} of the exact value for every organization \
             with 95% confidence{} (docs/metrics.md gives the error bounds); --exact computes \
             them exactly, at a cost that grows with organizations × partnerships.",
            AnalysisOptions::default().betweenness_error,
            if metrics.network.distances_estimated {
                ", and closeness, the diameter and the average path length from the searches of \
                 2,000 sample organizations"
            } else {
                ""
            }
        )));
    }
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
    let mut sections = vec![network_section, organizations_section];
    sections.extend(relationships(metrics));
    Document {
        title: format!("{coalition}: network metrics"),
        subtitle: Vec::new(),
        sections,
    }
}

/// Trust and value of the network, and the relationships to invest in, when there is
/// something to say.
fn relationships(metrics: &NetworkMetrics) -> Option<Section> {
    if metrics.quality.is_none() && metrics.invest.is_empty() {
        return None;
    }
    let mut blocks = Vec::new();
    if let Some(q) = &metrics.quality {
        let average = |x: Option<f64>, rated: usize| match x {
            Some(x) => format!("{x:.2} ({rated} of {} rated)", q.scores.partnerships),
            None => "unknown (none rated)".to_string(),
        };
        let often = match q.scores.typical_frequency {
            Some(f) => format!(
                "; partners typically work together {} ({} of {} said)",
                f.label().to_lowercase(),
                q.scores.frequency_rated,
                q.scores.partnerships
            ),
            None => String::new(),
        };
        blocks.push(Block::Paragraph(format!(
            "Average trust {}, average value {}, on the 1 (low) to 4 (high) scales{often}; {:.0}% of partnerships have a score or a frequency.",
            average(q.scores.average_trust, q.scores.trust_rated),
            average(q.scores.average_value, q.scores.value_rated),
            100.0 * q.share_rated
        )));
    }
    let name = |id: &str| {
        metrics
            .organizations
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_string(), |o| o.name.clone())
    };
    let score = |x: Option<f64>| x.map_or("unknown".to_string(), |x| format!("{x:.2}"));
    if !metrics.invest.is_empty() {
        blocks.push(Block::Table(Table {
            header: header(&[
                "Partnership",
                "Trust",
                "Value",
                "How often",
                "Why invest in it",
            ]),
            rows: metrics
                .invest
                .iter()
                .map(|i| {
                    let why: Vec<String> = i
                        .reasons
                        .iter()
                        .map(|r| match r {
                            InvestReason::HoldsThinPriority { priorities } => format!(
                                "the network keeps {} only through this tie",
                                priorities
                                    .iter()
                                    .map(|t| t.label.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                            InvestReason::HighValueLowTrust => "high value, low trust".to_string(),
                        })
                        .collect();
                    vec![
                        format!("{} – {}", name(&i.source), name(&i.target)).into(),
                        score(i.trust).into(),
                        score(i.value).into(),
                        i.frequency.map_or("unknown", |f| f.label()).into(),
                        why.join("; ").into(),
                    ]
                })
                .collect(),
        }));
    }
    Some(Section {
        id: "relationships",
        title: "Relationships to invest in".to_string(),
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(document: &Document) -> Vec<&str> {
        document.sections[0]
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Note(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn estimated_figures_say_so() {
        let coalition = partnermap_core::Coalition::new("Demo");
        let landscape = partnermap_core::Landscape::build(&coalition);
        let mut figures =
            partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
        assert!(notes(&metrics("Demo", &figures)).is_empty());
        figures.network.betweenness_estimated = true;
        assert_eq!(
            notes(&metrics("Demo", &figures)),
            [
                "The network is large, so betweenness is estimated from the shortest chains \
                 between random pairs of organizations, within 0.01 of the exact value for every \
                 organization with 95% confidence (docs/metrics.md gives the error bounds); \
                 --exact computes them exactly, at a cost that grows with organizations × \
                 partnerships."
            ]
        );
        figures.network.distances_estimated = true;
        let document = metrics("Demo", &figures);
        assert!(notes(&document)[0].starts_with(
            "The network is large, so betweenness is estimated from the shortest chains \
             between random pairs of organizations, within 0.01 of the exact value for every \
             organization with 95% confidence, and closeness, the diameter and the average path \
             length from the searches of 2,000 sample organizations"
        ));
        let explained = figures.network.explained();
        let diameter = explained.iter().find(|f| f.key == "diameter").unwrap();
        assert_eq!(diameter.value, "at least 0");
        assert!(diameter.meaning.ends_with("--exact for the exact value)"));
    }
}
