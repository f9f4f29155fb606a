//! Connectivity: components, articulation points (cut organizations) and bridges (cut
//! partnerships).
//!
//! Definitions follow NetworkX 3.6 `connected_components`, `articulation_points` and `bridges`;
//! the cut finding is Hopcroft & Tarjan (1973) low-link depth-first search, written iteratively so
//! long chains cannot overflow the stack. O(n + m).
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

/// Finds articulation points and bridges in one depth-first search.
///
/// ```
/// use partnermap_analysis::metrics::{connectivity::cuts, Network};
/// // Triangle 0-1-2 with a tail 2-3.
/// let c = cuts(&Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (2, 3, 1.0)]));
/// assert_eq!(c.articulation_point, vec![false, false, true, false]);
/// assert_eq!(c.bridges, vec![(2, 3)]);
/// ```
pub fn cuts(net: &Network) -> Cuts {
    let n = net.len();
    let mut disc = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut articulation_point = vec![false; n];
    let mut bridges = Vec::new();
    // Frame: (vertex, parent, next neighbour index).
    let mut stack: Vec<(usize, usize, usize)> = Vec::new();
    let mut time = 0u32;
    for root in 0..n {
        if disc[root] != u32::MAX {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        let mut root_children = 0;
        stack.push((root, usize::MAX, 0));
        while let Some(top) = stack.last_mut() {
            let (v, parent, i) = *top;
            let nb = net.neighbours(v);
            if i < nb.len() {
                top.2 += 1;
                let w = nb[i] as usize;
                if disc[w] == u32::MAX {
                    disc[w] = time;
                    low[w] = time;
                    time += 1;
                    if v == root {
                        root_children += 1;
                    }
                    stack.push((w, v, 0));
                } else if w != parent {
                    low[v] = low[v].min(disc[w]);
                }
            } else {
                stack.pop();
                if parent != usize::MAX {
                    low[parent] = low[parent].min(low[v]);
                    if low[v] > disc[parent] {
                        bridges.push((parent.min(v), parent.max(v)));
                    }
                    if parent != root && low[v] >= disc[parent] {
                        articulation_point[parent] = true;
                    }
                }
            }
        }
        if root_children > 1 {
            articulation_point[root] = true;
        }
    }
    bridges.sort_unstable();
    Cuts {
        articulation_point,
        bridges,
    }
}
