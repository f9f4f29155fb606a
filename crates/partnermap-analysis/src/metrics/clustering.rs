//! Triangles: local clustering, average clustering and transitivity.
//!
//! Definitions follow NetworkX 3.6, unweighted: `networkx.clustering(G)` is
//! `2·T(v) / (d(v)·(d(v)-1))` with `T(v)` the partnerships among `v`'s partners (0 below degree
//! 2); `average_clustering(G)` is its mean over all organizations (zeros included);
//! `transitivity(G)` is `3 × triangles / connected triples`. Complexity O(Σ d(v)²) time, counted
//! in parallel with one marker array per thread.
//!
//! For a coalition: high clustering means an organization's partners also work with each other
//! (a tight circle); low clustering means it links otherwise separate partners.
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;

/// Triangle-based cohesion figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Clustering {
    /// Partnerships among each organization's partners, `T(v)`.
    pub ties_among_partners: Vec<u64>,
    /// Local clustering coefficient per organization (NetworkX `clustering`).
    pub local: Vec<f64>,
    /// Mean local clustering (NetworkX `average_clustering`).
    pub average: f64,
    /// Share of connected triples that are closed (NetworkX `transitivity`).
    pub transitivity: f64,
}

/// Counts triangles around each organization.
///
/// ```
/// use partnermap_analysis::metrics::{clustering::clustering, Network};
/// // A triangle 0-1-2 with a pendant 3 on 0.
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// let c = clustering(&net);
/// assert_eq!(c.local, vec![1.0 / 3.0, 1.0, 1.0, 0.0]);
/// assert!((c.transitivity - 0.6).abs() < 1e-12);
/// ```
pub fn clustering(net: &Network) -> Clustering {
    let n = net.len();
    let ties: Vec<u64> = (0..n)
        .into_par_iter()
        .map_init(
            || vec![false; n],
            |mark, v| {
                let nb = net.neighbours(v);
                for &u in nb {
                    mark[u as usize] = true;
                }
                let mut twice = 0u64;
                for &u in nb {
                    twice += net
                        .neighbours(u as usize)
                        .iter()
                        .filter(|&&w| mark[w as usize])
                        .count() as u64;
                }
                for &u in nb {
                    mark[u as usize] = false;
                }
                twice / 2
            },
        )
        .collect();
    let local: Vec<f64> = (0..n)
        .map(|v| {
            let d = net.degree(v) as f64;
            if d < 2.0 {
                0.0
            } else {
                2.0 * ties[v] as f64 / (d * (d - 1.0))
            }
        })
        .collect();
    let average = if n == 0 {
        0.0
    } else {
        local.iter().sum::<f64>() / n as f64
    };
    let closed: u64 = ties.iter().sum();
    let triples: u64 = (0..n)
        .map(|v| (net.degree(v) * net.degree(v).saturating_sub(1) / 2) as u64)
        .sum();
    let transitivity = if closed == 0 {
        0.0
    } else {
        closed as f64 / triples as f64
    };
    Clustering {
        ties_among_partners: ties,
        local,
        average,
        transitivity,
    }
}
