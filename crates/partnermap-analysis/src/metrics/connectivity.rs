//! Connectivity: components, articulation points (cut organizations) and bridges (cut
//! partnerships).
//!
//! Definitions follow NetworkX 3.6 `connected_components`, `articulation_points` and `bridges`;
//! cut points and bridges come from rustworkx-core (Hopcroft & Tarjan low-link search). O(n + m).
//!
//! For a coalition: an articulation point is an organization whose departure would split the
//! network; a bridge is a partnership whose loss would.
use serde::Serialize;

use super::network::Network;

/// Connected components.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Components {
    /// Component id per organization, numbered 0.. by smallest member.
    pub component: Vec<usize>,
    /// Size of each component.
    pub sizes: Vec<usize>,
}

/// Splits the network into connected components.
///
/// ```
/// use partnermap_analysis::metrics::{connectivity::components, Network};
/// let c = components(&Network::from_edges(4, &[(0, 2, 1.0)]));
/// assert_eq!(c.component, vec![0, 1, 0, 2]);
/// assert_eq!(c.sizes, vec![2, 1, 1]);
/// ```
pub fn components(net: &Network) -> Components {
    let n = net.len();
    let mut component = vec![usize::MAX; n];
    let mut sizes = Vec::new();
    let mut stack = Vec::new();
    for root in 0..n {
        if component[root] != usize::MAX {
            continue;
        }
        let id = sizes.len();
        component[root] = id;
        stack.push(root);
        let mut size = 0;
        while let Some(v) = stack.pop() {
            size += 1;
            for &w in net.neighbours(v) {
                if component[w as usize] == usize::MAX {
                    component[w as usize] = id;
                    stack.push(w as usize);
                }
            }
        }
        sizes.push(size);
    }
    Components { component, sizes }
}

/// Organizations and partnerships whose removal disconnects part of the network.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cuts {
    /// True for articulation points (NetworkX `articulation_points`).
    pub articulation_point: Vec<bool>,
    /// Bridges as `(a, b)` with `a < b`, ascending (NetworkX `bridges`, sorted).
    pub bridges: Vec<(usize, usize)>,
}

/// Finds articulation points and bridges (rustworkx-core's `articulation_points` and `bridges`).
///
/// ```
/// use partnermap_analysis::metrics::{connectivity::cuts, Network};
/// // Triangle 0-1-2 with a tail 2-3.
/// let c = cuts(&Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)]));
/// assert_eq!(c.articulation_point, vec![false, false, true, false]);
/// assert_eq!(c.bridges, vec![(2, 3)]);
/// ```
pub fn cuts(net: &Network) -> Cuts {
    let graph = net.to_petgraph::<petgraph::Undirected>();
    let points = rustworkx_core::connectivity::articulation_points(&graph, None);
    let mut articulation_point = vec![false; net.len()];
    for v in points {
        articulation_point[v.index()] = true;
    }
    let mut bridges: Vec<(usize, usize)> = rustworkx_core::connectivity::bridges(&graph)
        .into_iter()
        .map(|(a, b)| (a.index().min(b.index()), a.index().max(b.index())))
        .collect();
    bridges.sort_unstable();
    Cuts {
        articulation_point,
        bridges,
    }
}

/// Per organization: how many others lose their way to the rest of its component when it
/// leaves, that is its component's size less one less the largest part that stays together.
/// 0 for every organization that is not an articulation point; a cut point whose departure
/// strands a single partner scores 1, which maps do not mark. O(n + m), one depth-first search.
///
/// ```
/// use partnermap_analysis::metrics::{connectivity::cut_off, Network};
/// // The chain 1-0-2-3-4: without 2, the pair 0-1 and the pair 3-4 fall apart.
/// let net = Network::from_edges(5, &[(0, 1, 1.0), (0, 2, 1.0), (2, 3, 1.0), (3, 4, 1.0)]);
/// assert_eq!(cut_off(&net), vec![1, 0, 2, 1, 0]);
/// ```
pub fn cut_off(net: &Network) -> Vec<usize> {
    let n = net.len();
    const UNSEEN: usize = usize::MAX;
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut size = vec![1; n];
    // Sizes of the parts a vertex's departure separates below it in the search tree.
    let mut separated: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut cut_off = vec![0; n];
    let mut next = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        let mut members = Vec::new();
        // (vertex, parent, index of the next neighbour to look at)
        let mut stack = vec![(root, UNSEEN, 0usize)];
        order[root] = next;
        low[root] = next;
        next += 1;
        while let Some(&mut (v, parent, ref mut at)) = stack.last_mut() {
            if let Some(&w) = net.neighbours(v).get(*at) {
                *at += 1;
                let w = w as usize;
                if order[w] == UNSEEN {
                    order[w] = next;
                    low[w] = next;
                    next += 1;
                    stack.push((w, v, 0));
                } else if w != parent {
                    low[v] = low[v].min(order[w]);
                }
                continue;
            }
            stack.pop();
            members.push(v);
            if parent != UNSEEN {
                size[parent] += size[v];
                low[parent] = low[parent].min(low[v]);
                if low[v] >= order[parent] {
                    separated[parent].push(size[v]);
                }
            }
        }
        let component = size[root];
        for v in members {
            let below: usize = separated[v].iter().sum();
            let above = component - 1 - below;
            let largest = separated[v].iter().copied().max().unwrap_or(0).max(above);
            cut_off[v] = component - 1 - largest;
        }
    }
    cut_off
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The definition itself: remove the vertex, count the parts of what was its component.
    fn cut_off_by_removal(n: usize, edges: &[(usize, usize, f64)]) -> Vec<usize> {
        let whole = components(&Network::from_edges(n, edges));
        (0..n)
            .map(|v| {
                let kept: Vec<_> = edges
                    .iter()
                    .copied()
                    .filter(|&(a, b, _)| a != v && b != v)
                    .collect();
                let without = components(&Network::from_edges(n, &kept));
                let mut parts = vec![0; without.sizes.len()];
                for u in (0..n).filter(|&u| u != v && whole.component[u] == whole.component[v]) {
                    parts[without.component[u]] += 1;
                }
                let stranded = whole.sizes[whole.component[v]] - 1;
                stranded - parts.into_iter().max().unwrap_or(0)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn cut_off_counts_what_removal_strands(
            n in 1usize..14,
            pairs in proptest::collection::vec((0usize..14, 0usize..14), 0..30),
        ) {
            let edges: Vec<_> = pairs
                .into_iter()
                .map(|(a, b)| (a % n, b % n, 1.0))
                .collect();
            prop_assert_eq!(cut_off(&Network::from_edges(n, &edges)), cut_off_by_removal(n, &edges));
        }
    }
}
