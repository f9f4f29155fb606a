//! Eigenvector centrality.
//!
//! Follows `networkx.eigenvector_centrality(G, max_iter, tol)` step for step: start from the
//! uniform vector, multiply by `A + I` (the identity keeps bipartite networks from oscillating),
//! rescale to unit Euclidean norm, stop when the L1 change is below `n · tol`. Doing the same
//! iteration (rather than another eigensolver) makes disconnected networks, where the result
//! depends on the start vector, agree with NetworkX too. Unweighted. O(m) per iteration; the
//! number of iterations grows as the gap between the two largest eigenvalues shrinks.
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
/// let star = Network::from_edges(3, &[(0, 1, 1.0), (0, 2, 1.0)]);
/// let x = eigenvector_centrality(&star, 1000, 1e-13).unwrap();
/// assert!((x[0] - 0.5f64.sqrt()).abs() < 1e-9);
/// assert!((x[1] - 0.5).abs() < 1e-9);
/// ```
pub fn eigenvector_centrality(net: &Network, max_iter: usize, tol: f64) -> Option<Vec<f64>> {
    let n = net.len();
    if n == 0 {
        return None;
    }
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iter {
        // Pull form of x' = (A + I) x: each organization sums its partners, no scattered writes.
        for (v, out) in next.iter_mut().enumerate() {
            *out = x[v]
                + net
                    .neighbours(v)
                    .iter()
                    .map(|&u| x[u as usize])
                    .sum::<f64>();
        }
        let norm = next.iter().map(|a| a * a).sum::<f64>().sqrt();
        let norm = if norm == 0.0 { 1.0 } else { norm };
        let mut change = 0.0;
        for (a, &b) in next.iter_mut().zip(&x) {
            *a /= norm;
            change += (*a - b).abs();
        }
        std::mem::swap(&mut x, &mut next);
        if change < n as f64 * tol {
            return Some(x);
        }
    }
    None
}
