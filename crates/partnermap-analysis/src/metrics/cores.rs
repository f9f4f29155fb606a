//! k-core numbers.
//!
//! Follows `networkx.core_number(G)`: the largest `k` such that the organization belongs to a
//! subnetwork where everyone has at least `k` partners. Algorithm: Batagelj & Zaveršnik (2003),
//! "An O(m) algorithm for cores decomposition of networks", as implemented by rustworkx-core.
//!
//! For a coalition: the highest core is the densely interlinked centre of the coalition; core 1
//! organizations hang on by a single thread.
use super::network::Network;

/// Core number of each organization (NetworkX `core_number`).
///
/// ```
/// use partnermap_analysis::metrics::{cores::core_number, Network};
/// let net = Network::from_edges(5, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)]);
/// assert_eq!(core_number(&net), vec![2, 2, 2, 1, 0]);
/// ```
pub fn core_number(net: &Network) -> Vec<usize> {
    let cores =
        rustworkx_core::connectivity::core_number(&net.to_petgraph::<petgraph::Undirected>());
    (0..net.len())
        .map(|v| cores[&petgraph::graph::NodeIndex::new(v)])
        .collect()
}
