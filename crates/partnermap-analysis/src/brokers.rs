//! Network metrics and brokers in the coalition's terms: the metrics of [`crate::metrics`]
//! computed on the partnership network (organizations as nodes, partnerships as undirected
//! ties), labelled with ids and names, with Gould–Fernandez brokerage by organization type, and
//! a ranking of brokers with a plain-language reason for each.
//!
//! [`network_metrics`] is the metrics contract documented in docs/metrics.md; [`brokers`] ranks
//! organizations by betweenness (ties: cut points first, then lower constraint, then name).

use crate::metrics::brokerage::{brokerage, RoleCounts, RoleScores};
use crate::metrics::connectivity::{CutParts, Part};
use crate::metrics::{
    analyze_directed, analyze_with, AnalysisOptions, Network, NetworkReport, NetworkSummary,
    OrganizationMetrics,
};
use crate::quality::{invest, quality, Investment, NetworkQuality, Scores};
use partnermap_core::model::{Organization, OrganizationType, Status};
use partnermap_core::Landscape;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a partnership weighs in the weighted metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Weight {
    /// Its `weight` when the file gives one, else its strength (1 to 3).
    #[default]
    Strength,
    /// Its trust score (1 to 4); [`UNRATED`] when it has none.
    Trust,
    /// Its value score (1 to 4); [`UNRATED`] when it has none.
    Value,
}

/// The weight of a partnership without the trust or value score the metrics weigh by: the
/// middle of the 1–4 scale. Unknown is neither trusted nor distrusted, and never 0, which would
/// make the tie infinitely long.
pub const UNRATED: f64 = 2.5;

impl Weight {
    /// What partnership `p` weighs.
    ///
    /// ```
    /// use partnermap_analysis::brokers::{Weight, UNRATED};
    /// let coalition = partnermap_core::load::from_json_str("x.json", r#"{"name": "x",
    ///   "organizations": [{"id": "a", "name": "A", "type": "other"}, {"id": "b", "name": "B", "type": "other"}],
    ///   "partnerships": [{"source": "a", "target": "b", "strength": 3, "trust": 1.5}]}"#).unwrap().coalition;
    /// let p = &coalition.partnerships[0];
    /// assert_eq!((Weight::Strength.of(p), Weight::Trust.of(p), Weight::Value.of(p)), (3.0, 1.5, UNRATED));
    /// ```
    pub fn of(self, p: &partnermap_core::model::Partnership) -> f64 {
        match self {
            Weight::Strength => p.weight(),
            Weight::Trust => p.trust.unwrap_or(UNRATED),
            Weight::Value => p.value.unwrap_or(UNRATED),
        }
    }
}

impl std::str::FromStr for Weight {
    type Err = String;

    /// ```
    /// use partnermap_analysis::brokers::Weight;
    /// assert_eq!("Trust".parse(), Ok(Weight::Trust));
    /// assert!("power".parse::<Weight>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Weight, String> {
        match text.to_ascii_lowercase().as_str() {
            "strength" => Ok(Weight::Strength),
            "trust" => Ok(Weight::Trust),
            "value" => Ok(Weight::Value),
            _ => Err(format!(
                "unknown weight \"{text}\"; expected strength, trust or value"
            )),
        }
    }
}

/// How the metrics are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MetricsOptions {
    /// Weigh partnerships by `weight` (weighted degree, constraint, effective size,
    /// communities, and betweenness with the distance of a tie 1/weight, so that shortest
    /// chains prefer strong ties); without it every partnership counts the same.
    pub weighted: bool,
    /// What a partnership weighs when `weighted`: its strength unless asked otherwise.
    pub weight: Weight,
    /// Exact betweenness and closeness whatever the size (else estimated above
    /// [`AnalysisOptions::default`]'s threshold).
    pub exact: bool,
    /// Follow the direction of the ties (`Some(true)`), ignore it (`Some(false)`), or follow it
    /// when every partnership is directed (`None`). A partnership without direction in a
    /// directed analysis counts as two arcs.
    pub directed: Option<bool>,
}

impl MetricsOptions {
    /// Whether the metrics of this coalition follow the direction of its ties.
    pub fn is_directed(&self, landscape: &Landscape) -> bool {
        let partnerships = &landscape.coalition().partnerships;
        self.directed
            .unwrap_or(!partnerships.is_empty() && partnerships.iter().all(|p| p.directed))
    }
}

/// Per-organization figures of the metrics contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganizationFigures {
    /// Organization id.
    pub id: String,
    /// Organization name.
    pub name: String,
    /// Organization type id.
    #[serde(rename = "type")]
    pub kind: OrganizationType,
    /// Status.
    pub status: Status,
    /// Its measures, in the contract's field order; with `--weighted` the structural-hole
    /// measures are the weighted ones. (`measures.organization` is the analysis' numbering,
    /// by id, not the input order; the contract leaves it out.)
    #[serde(flatten)]
    pub measures: OrganizationMetrics,
    /// Gould–Fernandez role counts, organization type as the group.
    pub brokerage: RoleCounts,
    /// z-scores of the role counts (R's `sna::brokerage`); null where undefined.
    pub brokerage_z: RoleScores,
    /// Trust and value of its partnerships, when some partnership of the network is rated.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub quality: Option<Scores>,
}

/// Network-level figures of the metrics contract: the analysis' [`NetworkSummary`] with bridges
/// named by organization id, in the field order of docs/metrics.md.
pub type NetworkFigures = NetworkSummary<String>;

/// The metrics contract: `{"network": {...}, "organizations": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkMetrics {
    /// Network-level figures.
    pub network: NetworkFigures,
    /// One entry per organization, in input order.
    pub organizations: Vec<OrganizationFigures>,
    /// Trust and value of the network, when some partnership is rated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality: Option<NetworkQuality>,
    /// Relationships to invest in ([`crate::quality::invest`]), when there are any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub invest: Vec<Investment>,
}

/// The partnership network of a coalition: node `i` is `coalition.organizations[i]`.
/// Without `weighted`, repeated partnerships between the same two organizations count once.
///
/// ```
/// use partnermap_analysis::brokers::partnership_network;
/// use partnermap_core::Landscape;
/// let coalition = partnermap_core::load::from_json_str("x.json", r#"{"name": "x",
///   "organizations": [{"id": "a", "name": "A", "type": "other"}, {"id": "b", "name": "B", "type": "other"}],
///   "partnerships": [{"source": "a", "target": "b", "strength": 3}, {"source": "b", "target": "a", "kind": "funding"}]}"#).unwrap().coalition;
/// assert_eq!(partnership_network(&Landscape::build(&coalition), false).weights(0), &[1.0]);
/// assert_eq!(partnership_network(&Landscape::build(&coalition), true).weights(0), &[5.0]);
/// ```
pub fn partnership_network(landscape: &Landscape, weighted: bool) -> Network {
    Network::from_edges(
        landscape.coalition().organizations.len(),
        &partnership_edges(landscape, weighted.then_some(Weight::Strength)),
    )
}

/// The partnership network with direction: a directed partnership is one arc source → target,
/// one without direction two arcs. Without `weighted`, repeated arcs count once.
///
/// ```
/// use partnermap_analysis::brokers::partnership_arcs;
/// use partnermap_core::Landscape;
/// let coalition = partnermap_core::load::from_json_str("x.json", r#"{"name": "x",
///   "organizations": [{"id": "a", "name": "A", "type": "other"}, {"id": "b", "name": "B", "type": "other"}, {"id": "c", "name": "C", "type": "other"}],
///   "partnerships": [{"source": "a", "target": "b", "directed": true}, {"source": "b", "target": "c"}]}"#).unwrap().coalition;
/// let arcs = partnership_arcs(&Landscape::build(&coalition), false);
/// assert_eq!(arcs.partnerships().map(|(a, b, _)| (a, b)).collect::<Vec<_>>(), [(0, 1), (1, 2), (2, 1)]);
/// ```
pub fn partnership_arcs(landscape: &Landscape, weighted: bool) -> Network {
    Network::from_arcs(
        landscape.coalition().organizations.len(),
        &arcs(landscape, weighted.then_some(Weight::Strength)),
    )
}

/// The arcs with their weights (1 without a `weight`).
fn arcs(landscape: &Landscape, weight: Option<Weight>) -> Vec<(usize, usize, f64)> {
    let partnerships = &landscape.coalition().partnerships;
    let mut arcs = Vec::with_capacity(partnerships.len() * 2);
    for (p, a, b) in landscape.partnerships() {
        let w = weight.map_or(1.0, |w| w.of(&partnerships[p]));
        arcs.push((a, b, w));
        if !partnerships[p].directed {
            arcs.push((b, a, w));
        }
    }
    if weight.is_none() {
        arcs.sort_by_key(|&(a, b, _)| (a, b));
        arcs.dedup_by_key(|&mut (a, b, _)| (a, b));
    }
    arcs
}

/// The ties with their weights; without a `weight`, each pair once with weight 1.
fn partnership_edges(landscape: &Landscape, weight: Option<Weight>) -> Vec<(usize, usize, f64)> {
    let partnerships = &landscape.coalition().partnerships;
    let mut edges: Vec<(usize, usize, f64)> = landscape
        .partnerships()
        .map(|(p, a, b)| (a, b, weight.unwrap_or_default().of(&partnerships[p])))
        .collect();
    if weight.is_none() {
        edges = edges
            .into_iter()
            .map(|(a, b, _)| (a.min(b), a.max(b), 1.0))
            .collect();
        edges.sort_by_key(|&(a, b, _)| (a, b));
        edges.dedup_by_key(|&mut (a, b, _)| (a, b));
    }
    edges
}

/// Every metric of the contract.
///
/// ```no_run
/// let coalition = partnermap_core::load(std::path::Path::new("data/forest-city")).unwrap().coalition;
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let metrics = partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
/// println!("density {:.2}", metrics.network.density);
/// ```
pub fn network_metrics(landscape: &Landscape, options: MetricsOptions) -> NetworkMetrics {
    let coalition = landscape.coalition();
    // Communities (Louvain visits organizations in a fixed order) would otherwise depend on the
    // order of the rows in organizations.csv: number organizations by id for the analysis, so the
    // same network gives the same figures however its files are sorted.
    let mut by_id: Vec<usize> = (0..coalition.organizations.len()).collect();
    by_id.sort_by(|&a, &b| {
        coalition.organizations[a]
            .id
            .cmp(&coalition.organizations[b].id)
    });
    let mut position = vec![0; by_id.len()];
    for (k, &i) in by_id.iter().enumerate() {
        position[i] = k;
    }
    let renumber = |edges: Vec<(usize, usize, f64)>| -> Vec<(usize, usize, f64)> {
        edges
            .into_iter()
            .map(|(a, b, w)| (position[a], position[b], w))
            .collect()
    };
    let weight = options.weighted.then_some(options.weight);
    let net = Network::from_edges(by_id.len(), &renumber(partnership_edges(landscape, weight)));
    let mut analysis = AnalysisOptions::default();
    if options.exact {
        analysis.sample_above = usize::MAX;
    }
    let directed = options.is_directed(landscape);
    let flow =
        directed.then(|| Network::from_arcs(by_id.len(), &renumber(arcs(landscape, weight))));
    let mut report: NetworkReport = match &flow {
        Some(arcs) => analyze_directed(&net, arcs, &analysis),
        None => analyze_with(&net, &analysis),
    };
    if options.weighted {
        // NetworkX's weight is a distance: a tie of weight w is 1/w long.
        let distances: Vec<(usize, usize, f64)> = flow
            .as_ref()
            .unwrap_or(&net)
            .partnerships()
            .map(|(a, b, w)| (a, b, 1.0 / w))
            .collect();
        let lengths = if directed {
            Network::from_arcs(by_id.len(), &distances)
        } else {
            Network::from_edges(by_id.len(), &distances)
        };
        let betweenness = crate::metrics::paths::weighted_betweenness(&lengths);
        report.network.betweenness_centralization =
            crate::metrics::centralization(&betweenness, by_id.len() as f64 - 1.0);
        for (m, b) in report.organizations.iter_mut().zip(betweenness) {
            m.betweenness = b;
        }
    }
    let roles = roles(landscape);
    let (network_quality, mut organization_quality) = quality(landscape);
    let rated = network_quality.share_rated > 0.0;
    let id = |k: usize| coalition.organizations[by_id[k]].id.clone();
    let organizations: Vec<OrganizationFigures> = (0..coalition.organizations.len())
        .map(|i| {
            let m = &report.organizations[position[i]];
            let o: &Organization = &coalition.organizations[i];
            OrganizationFigures {
                id: o.id.clone(),
                name: o.name.clone(),
                kind: o.kind,
                status: o.status,
                measures: {
                    let mut measures = m.clone();
                    if options.weighted {
                        measures.constraint = m.weighted_constraint;
                        measures.effective_size = m.weighted_effective_size;
                        measures.efficiency = m.weighted_efficiency;
                        measures.hierarchy = m.weighted_hierarchy;
                    }
                    measures
                },
                brokerage: roles.counts[i],
                brokerage_z: roles.z_scores[i],
                quality: rated.then(|| std::mem::take(&mut organization_quality[i].scores)),
            }
        })
        .collect();
    NetworkMetrics {
        // Analysis numbers follow ids, so each pair is already (smaller id, larger id) and sorted.
        network: report.network.label(id),
        organizations,
        quality: rated.then_some(network_quality),
        invest: invest(landscape, &crate::coverage::coverage(landscape)),
    }
}

/// Brokerage roles with organization type as the group; a partnership without direction
/// counts both ways.
fn roles(landscape: &Landscape) -> crate::metrics::brokerage::Brokerage {
    let coalition = landscape.coalition();
    let arcs: Vec<(usize, usize)> = arcs(landscape, None)
        .into_iter()
        .map(|(a, b, _)| (a, b))
        .collect();
    let groups: Vec<usize> = coalition
        .organizations
        .iter()
        .map(|o| o.kind.position())
        .collect();
    brokerage(coalition.organizations.len(), &arcs, &groups)
}

/// An organization that bridges otherwise separate parts of the network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Broker {
    /// Organization id.
    pub id: String,
    /// Organization name.
    pub name: String,
    /// Betweenness.
    pub betweenness: f64,
    /// Burt's constraint (lower: more open, brokering position).
    pub constraint: f64,
    /// True when its departure would split the network.
    pub articulation_point: bool,
    /// Partners of another organization type.
    pub partners_of_other_types: usize,
    /// Other communities its partners belong to.
    pub communities_reached: usize,
    /// Why it is a broker, in plain words, most important first.
    pub reasons: Vec<String>,
}

/// Organizations ranked as brokers: every organization with betweenness above zero or whose
/// departure would split the network, by betweenness (ties: cut points first, lower constraint,
/// name).
///
/// ```no_run
/// let coalition = partnermap_core::load(std::path::Path::new("data/forest-city")).unwrap().coalition;
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let metrics = partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
/// for broker in partnermap_analysis::brokers::brokers(&landscape, &metrics) {
///     println!("{}: {}", broker.name, broker.reasons.join("; "));
/// }
/// ```
pub fn brokers(landscape: &Landscape, metrics: &NetworkMetrics) -> Vec<Broker> {
    let coalition = landscape.coalition();
    let net = partnership_network(landscape, false);
    let search = CutParts::new(&net);
    let figures = &metrics.organizations;
    let mut list: Vec<Broker> = (0..figures.len())
        .filter(|&v| {
            figures[v].measures.betweenness > 0.0 || figures[v].measures.articulation_point
        })
        .map(|v| {
            let f = &figures[v];
            let partners = net.neighbours(v);
            let other_types = partners
                .iter()
                .filter(|&&w| coalition.organizations[w as usize].kind != f.kind)
                .count();
            let mut other_communities: Vec<usize> = partners
                .iter()
                .map(|&w| figures[w as usize].measures.community)
                .filter(|&c| c != f.measures.community)
                .collect();
            other_communities.sort_unstable();
            other_communities.dedup();
            let mut reasons = Vec::new();
            if f.measures.articulation_point {
                reasons.extend(separated_groups(landscape, &net, &search, v));
            }
            reasons.push(format!(
                "on {:.0}% of the shortest chains between other organizations",
                100.0 * f.measures.betweenness
            ));
            if !other_communities.is_empty() {
                reasons.push(format!(
                    "partners in {} other cluster{} of the network",
                    other_communities.len(),
                    if other_communities.len() == 1 {
                        ""
                    } else {
                        "s"
                    }
                ));
            }
            if other_types > 0 {
                reasons.push(format!(
                    "{other_types} of its {} partners are of another type",
                    partners.len()
                ));
            }
            if f.measures.constraint.is_finite()
                && f.measures.constraint < 0.35
                && partners.len() >= 3
            {
                reasons.push(format!(
                    "its partners mostly do not work with each other (constraint {:.2})",
                    f.measures.constraint
                ));
            }
            let roles = f.brokerage;
            if roles.liaison + roles.gatekeeper + roles.representative > 0 {
                reasons.push(format!(
                    "links sectors: liaison {}, gatekeeper {}, representative {}",
                    roles.liaison, roles.gatekeeper, roles.representative
                ));
            }
            Broker {
                id: f.id.clone(),
                name: f.name.clone(),
                betweenness: f.measures.betweenness,
                constraint: f.measures.constraint,
                articulation_point: f.measures.articulation_point,
                partners_of_other_types: other_types,
                communities_reached: other_communities.len(),
                reasons,
            }
        })
        .collect();
    list.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then(b.articulation_point.cmp(&a.articulation_point))
            .then(a.constraint.total_cmp(&b.constraint))
            .then(a.name.cmp(&b.name))
    });
    list
}

/// For a cut point, a sentence per part of the network that only it connects to the rest,
/// e.g. "only link between 8 organizations (mostly faith-based organizations: St. Mark's…)
/// and the rest of the network".
fn separated_groups(
    landscape: &Landscape,
    net: &Network,
    search: &CutParts,
    cut: usize,
) -> Vec<String> {
    let coalition = landscape.coalition();
    // The parts in the order of the cut point's first partner in each, as a search from its
    // partners would meet them, so ties in size keep that order.
    let mut parts: Vec<Part> = Vec::new();
    for &w in net.neighbours(cut) {
        let part = search.part_of(cut, w as usize);
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    let sizes: Vec<usize> = parts.iter().map(|&p| search.part_size(cut, p)).collect();
    let largest = (0..parts.len())
        .max_by_key(|&i| (sizes[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    let describe = |members: &[usize]| {
        let mut by_type: BTreeMap<OrganizationType, usize> = BTreeMap::new();
        for &m in members {
            *by_type.entry(coalition.organizations[m].kind).or_default() += 1;
        }
        let (&top_type, &top) = by_type
            .iter()
            .max_by_key(|&(t, c)| (c, std::cmp::Reverse(*t)))
            .expect("a part has members");
        let mut names: Vec<&str> = members
            .iter()
            .map(|&m| coalition.organizations[m].name.as_str())
            .collect();
        names.sort_unstable();
        let shown = names.iter().take(3).copied().collect::<Vec<_>>().join(", ");
        let more = if names.len() > 3 {
            format!(" and {} more", names.len() - 3)
        } else {
            String::new()
        };
        let mostly = if members.len() >= 3 && top * 2 > members.len() {
            format!("mostly {}: ", plural(top_type))
        } else {
            String::new()
        };
        let count = if members.len() == 1 {
            "1 organization".to_string()
        } else {
            format!("{} organizations", members.len())
        };
        format!("{count} ({mostly}{shown}{more})")
    };
    let mut cut_off: Vec<usize> = (0..parts.len()).filter(|&i| i != largest).collect();
    cut_off.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    // Two groups say who depends on it; a long list of single hangers-on would bury that.
    let mut reasons: Vec<String> = cut_off
        .iter()
        .take(2)
        .map(|&i| {
            format!(
                "only link between {} and the rest of the network",
                describe(&search.members(cut, parts[i]))
            )
        })
        .collect();
    let rest: usize = cut_off.iter().skip(2).map(|&i| sizes[i]).sum();
    if rest > 0 {
        reasons.push(match rest {
            1 => "1 more organization reaches the network only through it".to_string(),
            _ => format!("{rest} more organizations reach the network only through it"),
        });
    }
    reasons
}

fn plural(kind: OrganizationType) -> String {
    match kind {
        OrganizationType::FaithBased => "faith-based organizations".to_string(),
        OrganizationType::CommunityBasedNonprofit => "community-based nonprofits".to_string(),
        OrganizationType::FinancialInstitution => "financial institutions".to_string(),
        OrganizationType::PublicAgency => "public agencies".to_string(),
        OrganizationType::School => "schools and educational institutions".to_string(),
        OrganizationType::Business => "businesses".to_string(),
        other => format!("{}s", other.label().to_lowercase()),
    }
}

/// What a figure estimated from sample organizations says of itself.
const SAMPLED: &str = " (estimated from a sample of organizations; --exact for the exact value)";

/// One network-level figure with its meaning for a coalition, in plain words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedFigure {
    /// The contract's key, e.g. `density`.
    pub key: &'static str,
    /// The value as shown to people.
    pub value: String,
    /// One plain-language line, e.g. "12% of possible partnerships exist".
    pub meaning: String,
}

impl NetworkFigures {
    /// The figures a report shows, each with a one-line meaning.
    ///
    /// ```
    /// # let coalition = partnermap_core::load::from_json_str("x.json", r#"{"name": "x",
    /// #   "organizations": [{"id": "a", "name": "A", "type": "other"}, {"id": "b", "name": "B", "type": "other"}],
    /// #   "partnerships": [{"source": "a", "target": "b"}]}"#).unwrap().coalition;
    /// let landscape = partnermap_core::Landscape::build(&coalition);
    /// let metrics = partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
    /// let density = &metrics.network.explained()[2];
    /// assert_eq!(density.meaning, "100% of possible partnerships exist");
    /// ```
    pub fn explained(&self) -> Vec<ExplainedFigure> {
        let pct = |x: f64| format!("{:.0}%", 100.0 * x);
        let figure = |key, value: String, meaning: String| ExplainedFigure {
            key,
            value,
            meaning,
        };
        vec![
            figure("organizations", self.organizations.to_string(), "organizations in the landscape".into()),
            figure("partnerships", self.partnerships.to_string(), "pairs of organizations that work together".into()),
            figure("density", format!("{:.3}", self.density), format!("{} of possible partnerships exist", pct(self.density))),
            figure(
                "components",
                self.components.to_string(),
                if self.components == 1 {
                    "everyone is connected through some chain of partnerships".into()
                } else {
                    format!("{} separate groups with no partnership between them; the largest holds {} of organizations", self.components, pct(self.largest_component_share))
                },
            ),
            figure("average_degree", format!("{:.2}", self.average_degree), "partners per organization, on average".into()),
            figure(
                "transitivity",
                format!("{:.3}", self.transitivity),
                format!("{} of partner-of-partner pairs also work together directly", pct(self.transitivity)),
            ),
            figure(
                "average_clustering",
                format!("{:.3}", self.average_clustering),
                format!("on average, {} of an organization's partners work with each other", pct(self.average_clustering)),
            ),
            if self.distances_estimated {
                figure("diameter", format!("at least {}", self.diameter), format!("the longest chain of introductions needed between two connected organizations{SAMPLED}"))
            } else {
                figure("diameter", self.diameter.to_string(), "the longest chain of introductions needed between two connected organizations".into())
            },
            figure(
                "average_path_length",
                format!("{:.2}", self.average_path_length),
                format!(
                    "introductions needed, on average, to reach another connected organization{}",
                    if self.distances_estimated { SAMPLED } else { "" }
                ),
            ),
            figure(
                "degree_centralization",
                format!("{:.3}", self.degree_centralization),
                "0 when partnerships are spread evenly, 1 when one organization holds them all".into(),
            ),
            figure(
                "betweenness_centralization",
                format!("{:.3}", self.betweenness_centralization),
                "0 when no one controls the flow between others, 1 when everything passes through one organization".into(),
            ),
            figure(
                "bridges",
                self.bridges.len().to_string(),
                "partnerships whose loss would cut part of the network off".into(),
            ),
            figure("communities", self.communities.to_string(), "clusters of organizations that work mostly among themselves".into()),
            figure(
                "modularity",
                format!("{:.3}", self.modularity),
                "how sharply the network splits into those clusters (above 0.3 is a clear split)".into(),
            ),
        ]
    }
}
