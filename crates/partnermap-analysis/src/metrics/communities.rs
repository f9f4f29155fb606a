//! Communities by the Louvain method, and Newman's modularity.
//!
//! Louvain: Blondel, Guillaume, Lambiotte & Lefebvre (2008), "Fast unfolding of communities in
//! large networks", with the gain formula, resolution 1 and level threshold `1e-7` of
//! `networkx.community.louvain_communities`, weighted by tie strength. Where NetworkX visits
//! organizations in a seeded random order, this runs fixed visiting orders (index order, then
//! orders given by a SplitMix64 hash of the index with seeds 1, 2, ...), in parallel, and keeps the
//! partition of highest modularity (ties: the earlier order). It runs 64 orders on networks of up
//! to about 900 organizations plus partnerships, fewer as networks grow, and 8 from about 7,500
//! on (see [`order_count`]). Neighbouring communities are weighed in the order of the sorted
//! partner list. So the partition is the same on every run and machine and depends only on the
//! network, not on the order partnerships were listed in. Modularity is `networkx.community.modularity`:
//! `Q = Σ_c [L_c/m − (D_c/2m)²]` (`L_c` internal tie strength, `D_c` total strength of `c`).
//! Complexity: about O(m) per pass, a few passes per level, O(log n) levels in practice.
//!
//! For a coalition: communities are clusters of organizations that partner mostly among
//! themselves — natural working groups, and gaps where no partnership crosses between them.
use partnermap_core::progress;
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;

const THRESHOLD: f64 = 1e-7;
/// Smallest modularity gain for which one organization changes community. Two communities can
/// tie exactly; rounding then makes the move look worth about 1e-17 in both directions, and a
/// strict `> 0` lets the organization swing between them forever.
const MIN_GAIN: f64 = 1e-12;
/// Louvain runs with different fixed visiting orders; the best partition wins. One run is a
/// greedy heuristic that can land a few hundredths of modularity below another ordering's result,
/// so deterministic restarts buy quality without giving up repeatability. On small networks
/// single runs spread widely (on an 80-organization random network from 0.385 to 0.427, for
/// NetworkX's seeds and our orders alike), and the best of 8 stayed 0.017 below NetworkX's best of
/// 200 seeds; on large ones they hardly spread (20,000 organizations: 0.744 to 0.750).
const MIN_ORDERS: usize = 8;
/// Most orders, for small networks.
const MAX_ORDERS: usize = 64;
/// Budget for orders × (organizations + partnerships): the restarts on a small network cost no
/// more than 8 orders cost on 2,000 organizations with 5,500 partnerships.
const ORDER_BUDGET: usize = 60_000;
/// Above this many organizations (where betweenness and closeness are estimated too) two orders
/// suffice: at 100,000 organizations the best of 2 orders and the best of 8 differ in modularity
/// by less than 0.001 (docs/performance.md), and each order costs seconds.
const LARGE: usize = 50_000;
const LARGE_ORDERS: usize = 2;

/// Number of visiting orders Louvain tries on `net`: `60,000 / (organizations + partnerships)`,
/// at least 8 and at most 64, and 2 above 50,000 organizations. It depends only on the
/// network's size, so results stay repeatable.
///
/// ```
/// use partnermap_analysis::metrics::{communities::order_count, Network};
/// assert_eq!(order_count(&Network::from_edges(34, &[(0, 1, 1.0)])), 64);
/// assert_eq!(order_count(&Network::from_edges(5_000, &[(0, 1, 1.0)])), 11);
/// assert_eq!(order_count(&Network::from_edges(20_000, &[(0, 1, 1.0)])), 8);
/// assert_eq!(order_count(&Network::from_edges(60_000, &[(0, 1, 1.0)])), 2);
/// ```
pub fn order_count(net: &Network) -> usize {
    if net.len() > LARGE {
        return LARGE_ORDERS;
    }
    let size = (net.len() + net.partnership_count()).max(1);
    (ORDER_BUDGET / size).clamp(MIN_ORDERS, MAX_ORDERS)
}

/// A partition of the organizations into communities.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Communities {
    /// Community id per organization, numbered 0.. by each community's smallest member.
    pub community: Vec<usize>,
    /// Number of communities.
    pub count: usize,
    /// Modularity of the partition.
    pub modularity: f64,
}

/// Louvain communities (deterministic).
///
/// ```
/// use partnermap_analysis::metrics::{communities::louvain, Network};
/// // Two triangles joined by one partnership.
/// let e = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0), (2, 3, 1.0)];
/// let c = louvain(&Network::from_edges(6, &e));
/// assert_eq!(c.community, vec![0, 0, 0, 1, 1, 1]);
/// assert!((c.modularity - 5.0 / 14.0).abs() < 1e-12);
/// ```
pub fn louvain(net: &Network) -> Communities {
    let orders = order_count(net) as u64;
    let step = progress::step("communities", orders);
    let runs: Vec<Communities> = (0..orders)
        .into_par_iter()
        .map(|seed| {
            let run = louvain_once(net, seed);
            step.advance(1);
            run
        })
        .collect();
    let mut best = 0;
    for (i, run) in runs.iter().enumerate() {
        if run.modularity > runs[best].modularity {
            best = i;
        }
    }
    runs.into_iter().nth(best).expect("at least one order")
}

/// Visiting order of `n` level nodes: identity for seed 0, else sorted by a hash of the index.
fn visiting_order(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if seed != 0 {
        order.sort_by_key(|&v| splitmix64(v as u64 ^ seed.wrapping_mul(0xA076_1D64_78BD_642F)));
    }
    order
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn louvain_once(net: &Network, seed: u64) -> Communities {
    let n = net.len();
    let mut level = Level::from_network(net);
    let mut community: Vec<usize> = (0..n).collect();
    if level.m > 0.0 {
        let mut q = modularity(net, &community);
        loop {
            let (inner, moved) = level.one_level(&visiting_order(level.len(), seed));
            for c in community.iter_mut() {
                *c = inner[*c];
            }
            if !moved {
                break;
            }
            let new_q = modularity(net, &community);
            if new_q - q <= THRESHOLD {
                break;
            }
            q = new_q;
            level = level.aggregate(&inner);
        }
    }
    let community = renumber(&community);
    let count = community.iter().copied().max().map_or(0, |c| c + 1);
    let modularity = modularity(net, &community);
    Communities {
        community,
        count,
        modularity,
    }
}

/// Modularity of a partition (NetworkX `community.modularity`, weighted, resolution 1); 0 for a
/// network without partnerships.
///
/// ```
/// use partnermap_analysis::metrics::{communities::modularity, Network};
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (2, 3, 1.0)]);
/// assert_eq!(modularity(&net, &[0, 0, 1, 1]), 0.5);
/// ```
pub fn modularity(net: &Network, community: &[usize]) -> f64 {
    let n = net.len();
    let k = community.iter().copied().max().map_or(0, |c| c + 1);
    let mut internal = vec![0.0; k];
    let mut strength = vec![0.0; k];
    let mut m = 0.0;
    for v in 0..n {
        for (&u, &w) in net.neighbours(v).iter().zip(net.weights(v)) {
            strength[community[v]] += w;
            m += w;
            if community[u as usize] == community[v] {
                internal[community[v]] += w;
            }
        }
    }
    if m == 0.0 {
        return 0.0;
    }
    // Both sums above saw every partnership twice.
    let m = m / 2.0;
    internal
        .iter()
        .zip(&strength)
        .map(|(l, d)| l / 2.0 / m - (d / (2.0 * m)).powi(2))
        .sum()
}

/// Renumbers ids 0.. in order of first appearance, i.e. by smallest member.
fn renumber(community: &[usize]) -> Vec<usize> {
    let mut map = vec![usize::MAX; community.len()];
    let mut next = 0;
    community
        .iter()
        .map(|&c| {
            if map[c] == usize::MAX {
                map[c] = next;
                next += 1;
            }
            map[c]
        })
        .collect()
}

/// One Louvain level: a weighted graph whose nodes are the previous level's communities.
struct Level {
    offsets: Vec<usize>,
    nbrs: Vec<u32>,
    weights: Vec<f64>,
    /// Weighted degree including ties inside the node (counted from both ends, as NetworkX
    /// counts a self loop twice).
    degree: Vec<f64>,
    /// Total tie strength of the original network.
    m: f64,
}

impl Level {
    fn from_network(net: &Network) -> Level {
        let n = net.len();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut nbrs = Vec::new();
        let mut weights = Vec::new();
        let mut degree = Vec::with_capacity(n);
        for v in 0..n {
            nbrs.extend_from_slice(net.neighbours(v));
            weights.extend_from_slice(net.weights(v));
            offsets.push(nbrs.len());
            degree.push(net.weights(v).iter().sum());
        }
        let m = degree.iter().sum::<f64>() / 2.0;
        Level {
            offsets,
            nbrs,
            weights,
            degree,
            m,
        }
    }

    fn len(&self) -> usize {
        self.degree.len()
    }

    /// Moves nodes greedily until no move improves modularity; returns each node's community
    /// (renumbered by first appearance) and whether any node moved.
    fn one_level(&self, order: &[usize]) -> (Vec<usize>, bool) {
        let n = self.len();
        let m = self.m;
        let mut com: Vec<usize> = (0..n).collect();
        let mut total: Vec<f64> = self.degree.clone();
        let mut to_com = vec![0.0; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut moved_any = false;
        loop {
            let mut moves = 0;
            for &v in order {
                let deg = self.degree[v];
                let own = com[v];
                for i in self.offsets[v]..self.offsets[v + 1] {
                    let c = com[self.nbrs[i] as usize];
                    // Tie strengths are positive, so 0 means "not seen yet".
                    if to_com[c] == 0.0 {
                        touched.push(c);
                    }
                    to_com[c] += self.weights[i];
                }
                total[own] -= deg;
                let remove_cost = -to_com[own] / m + total[own] * deg / (2.0 * m * m);
                let mut best = own;
                let mut best_gain = MIN_GAIN;
                for &c in &touched {
                    let gain = remove_cost + to_com[c] / m - total[c] * deg / (2.0 * m * m);
                    if gain > best_gain {
                        best_gain = gain;
                        best = c;
                    }
                }
                total[best] += deg;
                if best != own {
                    com[v] = best;
                    moves += 1;
                    moved_any = true;
                }
                for &c in &touched {
                    to_com[c] = 0.0;
                }
                touched.clear();
            }
            if moves == 0 {
                break;
            }
        }
        (renumber(&com), moved_any)
    }

    /// Collapses each community into one node.
    fn aggregate(&self, com: &[usize]) -> Level {
        let k = com.iter().copied().max().map_or(0, |c| c + 1);
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); k];
        for (v, &c) in com.iter().enumerate() {
            members[c].push(v);
        }
        let mut offsets = Vec::with_capacity(k + 1);
        offsets.push(0);
        let mut nbrs = Vec::new();
        let mut weights = Vec::new();
        let mut degree = vec![0.0; k];
        let mut acc = vec![0.0; k];
        let mut touched: Vec<usize> = Vec::new();
        for (c, vs) in members.iter().enumerate() {
            for &v in vs {
                degree[c] += self.degree[v];
                for i in self.offsets[v]..self.offsets[v + 1] {
                    let d = com[self.nbrs[i] as usize];
                    // Ties inside the community only matter through `degree`, so no self loop.
                    if d == c {
                        continue;
                    }
                    if acc[d] == 0.0 {
                        touched.push(d);
                    }
                    acc[d] += self.weights[i];
                }
            }
            touched.sort_unstable();
            for &d in &touched {
                nbrs.push(d as u32);
                weights.push(acc[d]);
                acc[d] = 0.0;
            }
            touched.clear();
            offsets.push(nbrs.len());
        }
        Level {
            offsets,
            nbrs,
            weights,
            degree,
            m: self.m,
        }
    }
}
