//! Pure network metrics over a [`Network`] of organizations and partnerships.
//!
//! One module per metric family; each documents its definition, reference and complexity.
//! [`analyze`] computes everything a report needs in one call:
//!
//! ```
//! use partnermap_analysis::metrics::{analyze, Network};
//! let net = Network::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
//! let report = analyze(&net);
//! assert_eq!(report.organizations[0].betweenness, 1.0);
//! assert_eq!(report.network.partnerships, 3);
//! assert_eq!(report.network.degree_centralization, 1.0);
//! ```
use serde::Serialize;

pub mod brokerage;
pub mod clustering;
pub mod communities;
pub mod connectivity;
pub mod cores;
mod network;
pub mod paths;
pub mod spectral;
pub mod structural_holes;

pub use network::Network;

/// Every per-organization metric. Serialised, it is the measures part of the metrics contract
/// (docs/metrics.md): the index and the weighted structural-hole variants stay out, since the
/// contract reports one set of them.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrganizationMetrics {
    /// Index of the organization in the [`Network`].
    #[serde(skip)]
    pub organization: usize,
    /// Number of partners.
    pub degree: usize,
    /// Arcs arriving (directed networks only, [`analyze_directed`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_degree: Option<usize>,
    /// Arcs leaving (directed networks only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub out_degree: Option<usize>,
    /// Sum of tie strengths.
    pub weighted_degree: f64,
    /// Normalised betweenness ([`paths`]).
    pub betweenness: f64,
    /// Closeness ([`paths`]).
    pub closeness: f64,
    /// Eigenvector centrality ([`spectral`]); NaN if the iteration did not converge.
    pub eigenvector: f64,
    /// Burt's constraint, unweighted ([`structural_holes`]).
    pub constraint: f64,
    /// Burt's effective size, unweighted.
    pub effective_size: f64,
    /// Effective size / degree, unweighted.
    pub efficiency: f64,
    /// Burt's hierarchy, unweighted.
    pub hierarchy: f64,
    /// Constraint with tie strengths.
    #[serde(skip)]
    pub weighted_constraint: f64,
    /// Effective size with tie strengths.
    #[serde(skip)]
    pub weighted_effective_size: f64,
    /// Efficiency with tie strengths.
    #[serde(skip)]
    pub weighted_efficiency: f64,
    /// Hierarchy with tie strengths.
    #[serde(skip)]
    pub weighted_hierarchy: f64,
    /// Local clustering coefficient ([`clustering`]).
    pub clustering: f64,
    /// k-core number ([`cores`]).
    pub core_number: usize,
    /// Whether removing the organization disconnects part of the network ([`connectivity`]).
    pub articulation_point: bool,
    /// Louvain community id ([`communities`]).
    pub community: usize,
}

/// Network-level figures. `Id` names an organization in [`NetworkSummary::bridges`]: its index
/// in the [`Network`] here, its id in the coalition's metrics contract
/// ([`crate::brokers::NetworkFigures`], see [`NetworkSummary::label`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NetworkSummary<Id = usize> {
    /// Number of organizations.
    pub organizations: usize,
    /// Number of partnerships.
    pub partnerships: usize,
    /// `2m / (n(n-1))`, 0 below two organizations.
    pub density: f64,
    /// Number of connected components.
    pub components: usize,
    /// Share of organizations in the largest component.
    pub largest_component_share: f64,
    /// `2m / n`.
    pub average_degree: f64,
    /// Mean local clustering (NetworkX `average_clustering`).
    pub average_clustering: f64,
    /// Share of closed triples (NetworkX `transitivity`).
    pub transitivity: f64,
    /// Diameter of the largest component.
    pub diameter: usize,
    /// Average shortest-path length in the largest component.
    pub average_path_length: f64,
    /// Freeman degree centralisation: `Σ (d_max − d_i) / ((n−1)(n−2))`, 1 for a star, 0 when
    /// all degrees are equal or `n < 3`.
    pub degree_centralization: f64,
    /// Freeman betweenness centralisation on normalised betweenness:
    /// `Σ (b_max − b_i) / (n−1)`, 1 for a star, 0 when `n < 3`.
    pub betweenness_centralization: f64,
    /// Partnerships whose loss disconnects part of the network, `(a, b)` with `a < b`.
    pub bridges: Vec<(Id, Id)>,
    /// Number of Louvain communities.
    pub communities: usize,
    /// Modularity of the Louvain partition.
    pub modularity: f64,
    /// True when betweenness was estimated from a sample of pivot sources
    /// ([`AnalysisOptions::sample_above`]).
    pub betweenness_estimated: bool,
    /// True when closeness, the diameter and the average path length were estimated from the
    /// same number of pivot searches per component ([`paths::sampled_distance_metrics`]).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub distances_estimated: bool,
    /// True when betweenness, closeness and eigenvector centrality follow the direction of the
    /// ties ([`analyze_directed`]); the other figures are those of the ties without direction.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub directed: bool,
}

impl<Id> NetworkSummary<Id> {
    /// The same figures with every organization in [`NetworkSummary::bridges`] relabelled.
    ///
    /// ```
    /// use partnermap_analysis::metrics::{analyze, Network};
    /// let summary = analyze(&Network::from_edges(2, &[(0, 1, 1.0)])).network;
    /// let named = summary.label(|v| ["a", "b"][v].to_string());
    /// assert_eq!(named.bridges, vec![("a".to_string(), "b".to_string())]);
    /// ```
    pub fn label<T>(self, label: impl Fn(Id) -> T) -> NetworkSummary<T> {
        NetworkSummary {
            organizations: self.organizations,
            partnerships: self.partnerships,
            density: self.density,
            components: self.components,
            largest_component_share: self.largest_component_share,
            average_degree: self.average_degree,
            average_clustering: self.average_clustering,
            transitivity: self.transitivity,
            diameter: self.diameter,
            average_path_length: self.average_path_length,
            degree_centralization: self.degree_centralization,
            betweenness_centralization: self.betweenness_centralization,
            bridges: self
                .bridges
                .into_iter()
                .map(|(a, b)| (label(a), label(b)))
                .collect(),
            communities: self.communities,
            modularity: self.modularity,
            betweenness_estimated: self.betweenness_estimated,
            distances_estimated: self.distances_estimated,
            directed: self.directed,
        }
    }
}

/// All metrics of a network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NetworkReport {
    /// One entry per organization, in index order.
    pub organizations: Vec<OrganizationMetrics>,
    /// Network-level figures.
    pub network: NetworkSummary,
}

/// How [`analyze_with`] trades exactness for time on large networks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnalysisOptions {
    /// Above this many organizations betweenness is estimated from random pairs
    /// ([`paths::sampled_betweenness`]), closeness and the path lengths from pivots
    /// ([`paths::sampled_distance_metrics`]).
    pub sample_above: usize,
    /// Number of pivot sources for closeness and the path lengths when sampling.
    pub pivots: usize,
    /// The most every organization's estimated betweenness may be off, with 95% confidence.
    pub betweenness_error: f64,
    /// Seed for choosing the pivots.
    pub seed: u64,
    /// Iteration cap for eigenvector centrality.
    pub eigenvector_max_iter: usize,
}

impl Default for AnalysisOptions {
    /// Exact up to 50,000 organizations (exact cost grows with n·m: about 10 s of CPU at 20,000
    /// organizations with 55,000 partnerships on the benchmark machine), then betweenness within
    /// ±0.01 for every organization at 95% confidence ([`paths::sampled_betweenness`]) and
    /// closeness from 2,000 pivots ([`paths::sampled_distance_metrics`]).
    fn default() -> Self {
        AnalysisOptions {
            sample_above: 50_000,
            pivots: 2_000,
            betweenness_error: 0.01,
            seed: 1,
            eigenvector_max_iter: 10_000,
        }
    }
}

/// All metrics with [`AnalysisOptions::default`]: exact, except that betweenness, closeness and
/// the path lengths are estimated above 50,000 organizations.
pub fn analyze(net: &Network) -> NetworkReport {
    analyze_with(net, &AnalysisOptions::default())
}

/// All metrics; see [`AnalysisOptions`].
///
/// ```
/// use partnermap_analysis::metrics::{analyze_with, AnalysisOptions, Network};
/// let net = Network::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// let opts = AnalysisOptions { sample_above: 0, pivots: 3, ..Default::default() };
/// let estimated = analyze_with(&net, &opts);
/// assert!((estimated.organizations[1].betweenness - 1.0).abs() <= 0.03);
/// assert_eq!(estimated.organizations[0].betweenness, 0.0);
/// ```
pub fn analyze_with(net: &Network, options: &AnalysisOptions) -> NetworkReport {
    analysis(net, None, options)
}

/// All metrics of a network whose ties have a direction: in- and out-degree, betweenness,
/// closeness and eigenvector centrality from `arcs` (as NetworkX computes them on a `DiGraph`,
/// see [`paths::directed_path_metrics`] and [`spectral`]), everything else — clustering,
/// structural holes, cores, cut points, communities and the whole-network figures — from
/// `undirected`, the same ties without direction. Both must have the same organizations.
///
/// # Panics
/// If `arcs` is not directed, `undirected` is, or their sizes differ.
///
/// ```
/// use partnermap_analysis::metrics::{analyze_directed, AnalysisOptions, Network};
/// let arcs = Network::from_arcs(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// let ties = Network::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// let report = analyze_directed(&ties, &arcs, &AnalysisOptions::default());
/// assert_eq!(report.organizations[1].betweenness, 0.5);
/// assert_eq!(report.organizations[2].in_degree, Some(1));
/// assert!(report.organizations[0].eigenvector.is_nan());
/// assert!(report.network.directed);
/// ```
pub fn analyze_directed(
    undirected: &Network,
    arcs: &Network,
    options: &AnalysisOptions,
) -> NetworkReport {
    assert!(arcs.is_directed() && !undirected.is_directed());
    assert_eq!(arcs.len(), undirected.len());
    analysis(undirected, Some(arcs), options)
}

fn analysis(net: &Network, arcs: Option<&Network>, options: &AnalysisOptions) -> NetworkReport {
    let n = net.len();
    let sampled = n > options.sample_above;
    let mut paths = if sampled {
        paths::sampled_distance_metrics(net, options.pivots, options.seed)
    } else if arcs.is_some() {
        paths::distance_metrics(net)
    } else {
        paths::path_metrics(net)
    };
    let flow = arcs.unwrap_or(net);
    match arcs {
        Some(arcs) if sampled => {
            paths.closeness = paths::sampled_directed_closeness(arcs, options.pivots, options.seed)
        }
        Some(arcs) => (paths.betweenness, paths.closeness) = paths::directed_path_metrics(arcs),
        None => {}
    }
    if sampled {
        paths.betweenness =
            paths::sampled_betweenness(flow, options.betweenness_error, options.seed);
    }
    // The measures below are independent, and eigenvector centrality, the cores and the cut
    // points are each one sequential pass: run side by side, they keep both cores busy.
    let eigen = || {
        spectral::eigenvector_centrality(
            flow,
            options.eigenvector_max_iter,
            spectral::TIGHT_TOLERANCE,
        )
        .unwrap_or_else(|| vec![f64::NAN; n])
    };
    let structure = || {
        let (cores, (comps, cuts)) = rayon::join(
            || cores::core_number(net),
            || rayon::join(|| connectivity::components(net), || connectivity::cuts(net)),
        );
        let holes = structural_holes::structural_holes(net, false);
        let weighted_holes = structural_holes::structural_holes(net, true);
        (
            cores,
            comps,
            cuts,
            holes,
            weighted_holes,
            clustering::clustering(net),
        )
    };
    let ((eigen, comms), (cores, comps, cuts, holes, weighted_holes, clust)) = rayon::join(
        || rayon::join(eigen, || communities::louvain(net)),
        structure,
    );
    let in_degrees = arcs.map(|a| a.in_degrees());
    let organizations = (0..n)
        .map(|v| OrganizationMetrics {
            organization: v,
            degree: net.degree(v),
            in_degree: in_degrees.as_ref().map(|d| d[v]),
            out_degree: arcs.map(|a| a.degree(v)),
            // Summed from +0.0: an empty f64 sum is -0.0, which would print as "-0" for an
            // organization with no partnerships.
            weighted_degree: net.weights(v).iter().fold(0.0, |sum, w| sum + w),
            betweenness: paths.betweenness[v],
            closeness: paths.closeness[v],
            eigenvector: eigen[v],
            constraint: holes.constraint[v],
            effective_size: holes.effective_size[v],
            efficiency: holes.efficiency[v],
            hierarchy: holes.hierarchy[v],
            weighted_constraint: weighted_holes.constraint[v],
            weighted_effective_size: weighted_holes.effective_size[v],
            weighted_efficiency: weighted_holes.efficiency[v],
            weighted_hierarchy: weighted_holes.hierarchy[v],
            clustering: clust.local[v],
            core_number: cores[v],
            articulation_point: cuts.articulation_point[v],
            community: comms.community[v],
        })
        .collect();
    let m = net.partnership_count();
    let nf = n as f64;
    let degrees: Vec<f64> = (0..n).map(|v| net.degree(v) as f64).collect();
    let network = NetworkSummary {
        organizations: n,
        partnerships: m,
        density: if n > 1 {
            2.0 * m as f64 / (nf * (nf - 1.0))
        } else {
            0.0
        },
        components: comps.sizes.len(),
        largest_component_share: if n > 0 {
            comps.sizes.iter().copied().max().unwrap_or(0) as f64 / nf
        } else {
            0.0
        },
        average_degree: if n > 0 { 2.0 * m as f64 / nf } else { 0.0 },
        average_clustering: clust.average,
        transitivity: clust.transitivity,
        diameter: paths.diameter,
        average_path_length: paths.average_path_length,
        degree_centralization: centralization(&degrees, (nf - 1.0) * (nf - 2.0)),
        betweenness_centralization: centralization(&paths.betweenness, nf - 1.0),
        bridges: cuts.bridges,
        communities: comms.count,
        modularity: comms.modularity,
        betweenness_estimated: sampled,
        distances_estimated: sampled
            && (arcs.is_some() && options.pivots < n
                || comps.sizes.iter().any(|&size| size > options.pivots)),
        directed: arcs.is_some(),
    };
    NetworkReport {
        organizations,
        network,
    }
}

/// Freeman centralisation `Σ (max − x_i) / denominator`; 0 below three organizations, where the
/// maximum possible spread is 0.
pub(crate) fn centralization(values: &[f64], denominator: f64) -> f64 {
    if values.len() < 3 {
        return 0.0;
    }
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values.iter().map(|x| max - x).sum::<f64>() / denominator
}
