//! Eigenvector centrality.
//!
//! rustworkx-core's `eigenvector_centrality`, the same power iteration as
//! `networkx.eigenvector_centrality(G, max_iter, tol)`: start from the uniform vector, multiply by
//! `A + I`, rescale to unit Euclidean norm, stop when the change is below `n · tol`. Using the same
//! iteration (rather than another eigensolver) makes disconnected networks, where the result
//! depends on the start vector, agree with NetworkX too (tests check 1e-9). Unweighted. O(m) per
//! iteration; the number of iterations grows as the gap between the two largest eigenvalues
//! shrinks.
//!
//! On a directed network an organization's score comes from those that send to it (NetworkX's
//! left eigenvector on a `DiGraph`); the iteration settles only where a group of organizations
//! keeps passing score around, so on a network whose arcs all run one way there is no result.
//!
//! For a coalition: an organization scores high when its partners are themselves well connected —
//! influence through well-placed partners rather than through many partners.
use super::network::Network;

/// Tolerance used by [`super::analyze`]; far tighter than NetworkX's default `1e-6` so that the
/// values are stable to about 1e-10 rather than just converged by NetworkX's stopping rule.
pub const TIGHT_TOLERANCE: f64 = 1e-12;

/// Eigenvector centrality, or `None` if it did not converge within `max_iter` iterations (or the
/// network is empty), where NetworkX raises `PowerIterationFailedConvergence`.
///
/// ```
/// use partnermap_analysis::metrics::{spectral::eigenvector_centrality, Network};
/// // A chain of referrals has no eigenvector centrality: everything drains into its end.
/// let chain = Network::from_arcs(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// assert_eq!(eigenvector_centrality(&chain, 1000, 1e-13), None);
/// ```
///
/// ```
/// use partnermap_analysis::metrics::{spectral::eigenvector_centrality, Network};
/// let star = Network::from_edges(3, &[(0, 1, 1.0), (0, 2, 1.0)]);
/// let x = eigenvector_centrality(&star, 1000, 1e-13).unwrap();
/// assert!((x[0] - 0.5f64.sqrt()).abs() < 1e-9);
/// assert!((x[1] - 0.5).abs() < 1e-9);
/// ```
pub fn eigenvector_centrality(net: &Network, max_iter: usize, tol: f64) -> Option<Vec<f64>> {
    if net.is_empty() {
        return None;
    }
    if net.is_directed() {
        power_iteration(&net.to_petgraph::<petgraph::Directed>(), max_iter, tol)
    } else {
        power_iteration(&net.to_petgraph::<petgraph::Undirected>(), max_iter, tol)
    }
}

fn power_iteration<Ty: petgraph::EdgeType>(
    graph: &petgraph::graph::Graph<(), f64, Ty>,
    max_iter: usize,
    tol: f64,
) -> Option<Vec<f64>> {
    let unweighted =
        |_: petgraph::graph::EdgeReference<f64>| -> Result<f64, std::convert::Infallible> {
            Ok(1.0)
        };
    match rustworkx_core::centrality::eigenvector_centrality(
        graph,
        unweighted,
        Some(max_iter),
        Some(tol),
    ) {
        Ok(values) => values,
        Err(never) => match never {},
    }
}
