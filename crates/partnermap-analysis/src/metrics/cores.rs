//! k-core numbers.
//!
//! Follows `networkx.core_number(G)`: the largest `k` such that the organization belongs to a
//! subnetwork where everyone has at least `k` partners. Algorithm: Batagelj & Zaveršnik (2003),
//! "An O(m) algorithm for cores decomposition of networks", bucket-sorted peeling, O(n + m).
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
    let n = net.len();
    let mut deg: Vec<usize> = (0..n).map(|v| net.degree(v)).collect();
    let max_deg = deg.iter().copied().max().unwrap_or(0);
    let mut bin_start = vec![0usize; max_deg + 2];
    for &d in &deg {
        bin_start[d + 1] += 1;
    }
    for d in 0..=max_deg {
        bin_start[d + 1] += bin_start[d];
    }
    let mut pos = vec![0usize; n];
    let mut vert = vec![0usize; n];
    let mut next_slot = bin_start.clone();
    for v in 0..n {
        pos[v] = next_slot[deg[v]];
        vert[pos[v]] = v;
        next_slot[deg[v]] += 1;
    }
    for i in 0..n {
        let v = vert[i];
        for &u in net.neighbours(v) {
            let u = u as usize;
            if deg[u] > deg[v] {
                // Move u to the front of its bin, then shrink the bin: u's degree drops by one.
                let du = deg[u];
                let pu = pos[u];
                let pw = bin_start[du];
                let w = vert[pw];
                if u != w {
                    vert.swap(pu, pw);
                    pos[u] = pw;
                    pos[w] = pu;
                }
                bin_start[du] += 1;
                deg[u] -= 1;
            }
        }
    }
    deg
}
