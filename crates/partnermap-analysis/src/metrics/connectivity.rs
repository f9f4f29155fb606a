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
