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
    let search = CutParts::new(net);
    (0..net.len())
        .map(|v| {
            let sizes = search.part_sizes(v);
            let stranded: usize = sizes.iter().sum();
            stranded - sizes.into_iter().max().unwrap_or(0)
        })
        .collect()
}

/// The parts each organization's departure splits its component into, from one depth-first
/// search (Hopcroft and Tarjan's low points): the subtree of a search child whose low point does
/// not reach above the organization is cut off with it gone, and the subtrees are contiguous
/// in discovery order, so a part's size is known at once and its members are a slice. This is
/// what lets `brokers` name the groups behind every cut point of a national network without a
/// search per cut point. O(n + m).
///
/// ```
/// use partnermap_analysis::metrics::{connectivity::{CutParts, Part}, Network};
/// // The chain 1-0-2-3-4: without 2, the pairs {0, 1} and {3, 4}.
/// let net = Network::from_edges(5, &[(0, 1, 1.0), (0, 2, 1.0), (2, 3, 1.0), (3, 4, 1.0)]);
/// let search = CutParts::new(&net);
/// let parts = search.parts(2);
/// assert_eq!(parts.len(), 2);
/// let mut members: Vec<Vec<usize>> = parts.iter().map(|&p| search.members(2, p)).collect();
/// members.iter_mut().for_each(|m| m.sort());
/// members.sort();
/// assert_eq!(members, vec![vec![0, 1], vec![3, 4]]);
/// assert!(search.parts(4).is_empty());
/// assert_eq!(search.part_sizes(2), vec![2, 2]);
/// ```
pub struct CutParts {
    /// Organizations in discovery order.
    preorder: Vec<u32>,
    /// Discovery index of each organization.
    order: Vec<usize>,
    /// Size of each organization's search subtree.
    size: Vec<usize>,
    /// Discovery index of the root of each organization's component.
    root: Vec<usize>,
    /// The search children each organization alone joins to the rest, in discovery order.
    separated: Vec<Vec<u32>>,
}

/// One part of a component without a given organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The search subtree below this child.
    Below(usize),
    /// Everything else: the organization's search parent's side, with the children still joined
    /// to it.
    Rest,
}

impl CutParts {
    /// Searches the whole network once.
    pub fn new(net: &Network) -> CutParts {
        let n = net.len();
        const UNSEEN: usize = usize::MAX;
        let mut order = vec![UNSEEN; n];
        let mut low = vec![0; n];
        let mut size = vec![1; n];
        let mut root_of = vec![0; n];
        let mut preorder = Vec::with_capacity(n);
        let mut separated: Vec<Vec<u32>> = vec![Vec::new(); n];
        for root in 0..n {
            if order[root] != UNSEEN {
                continue;
            }
            let top = preorder.len();
            // (vertex, parent, index of the next neighbour to look at)
            let mut stack = vec![(root, UNSEEN, 0usize)];
            order[root] = top;
            low[root] = top;
            root_of[root] = top;
            preorder.push(root as u32);
            while let Some(&mut (v, parent, ref mut at)) = stack.last_mut() {
                if let Some(&w) = net.neighbours(v).get(*at) {
                    *at += 1;
                    let w = w as usize;
                    if order[w] == UNSEEN {
                        order[w] = preorder.len();
                        low[w] = order[w];
                        root_of[w] = top;
                        preorder.push(w as u32);
                        stack.push((w, v, 0));
                    } else if w != parent {
                        low[v] = low[v].min(order[w]);
                    }
                    continue;
                }
                stack.pop();
                if parent != UNSEEN {
                    size[parent] += size[v];
                    low[parent] = low[parent].min(low[v]);
                    if low[v] >= order[parent] {
                        separated[parent].push(v as u32);
                    }
                }
            }
        }
        CutParts {
            preorder,
            order,
            size,
            root: root_of,
            separated,
        }
    }

    /// The parts `v`'s departure leaves of its component, when there are two or more; empty
    /// for an organization that is not a cut point.
    pub fn parts(&self, v: usize) -> Vec<Part> {
        let mut parts: Vec<Part> = self.separated[v]
            .iter()
            .map(|&c| Part::Below(c as usize))
            .collect();
        if self.rest(v) > 0 {
            parts.push(Part::Rest);
        }
        if parts.len() < 2 {
            parts.clear();
        }
        parts
    }

    /// Sizes of the parts `v`'s departure leaves: each [`Part`] of [`CutParts::parts`], or its
    /// whole component but itself when it is not a cut point.
    pub fn part_sizes(&self, v: usize) -> Vec<usize> {
        let parts = self.parts(v);
        if parts.is_empty() {
            return vec![self.component_size(v) - 1];
        }
        parts.into_iter().map(|p| self.part_size(v, p)).collect()
    }

    /// How many organizations a part of `v`'s component holds.
    pub fn part_size(&self, v: usize, part: Part) -> usize {
        match part {
            Part::Below(child) => self.size[child],
            Part::Rest => self.rest(v),
        }
    }

    /// The part of `v`'s component that holds `w` (another member of it).
    pub fn part_of(&self, v: usize, w: usize) -> Part {
        let at = self.order[w];
        self.separated[v]
            .iter()
            .map(|&c| c as usize)
            .find(|&c| (self.order[c]..self.order[c] + self.size[c]).contains(&at))
            .map_or(Part::Rest, Part::Below)
    }

    /// The members of one part of `v`'s component.
    pub fn members(&self, v: usize, part: Part) -> Vec<usize> {
        let slice = |from: usize, to: usize| self.preorder[from..to].iter().map(|&m| m as usize);
        match part {
            Part::Below(child) => {
                slice(self.order[child], self.order[child] + self.size[child]).collect()
            }
            Part::Rest => {
                let start = self.root[v];
                let end = start + self.component_size(v);
                // The component in discovery order less v and its cut-off subtrees, which are
                // slices of it in increasing order.
                let mut members = Vec::with_capacity(self.rest(v));
                let mut from = start;
                for &c in &self.separated[v] {
                    let c = c as usize;
                    members.extend(slice(from, self.order[c]));
                    from = self.order[c] + self.size[c];
                }
                members.extend(slice(from, end));
                members.retain(|&m| m != v);
                members
            }
        }
    }

    fn component_size(&self, v: usize) -> usize {
        self.size[self.preorder[self.root[v]] as usize]
    }

    fn rest(&self, v: usize) -> usize {
        let below: usize = self.separated[v]
            .iter()
            .map(|&c| self.size[c as usize])
            .sum();
        self.component_size(v) - 1 - below
    }
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

        #[test]
        fn parts_are_the_components_removal_leaves(
            n in 1usize..14,
            pairs in proptest::collection::vec((0usize..14, 0usize..14), 0..30),
        ) {
            let edges: Vec<_> = pairs
                .into_iter()
                .map(|(a, b)| (a % n, b % n, 1.0))
                .collect();
            let net = Network::from_edges(n, &edges);
            let (search, whole, points) = (CutParts::new(&net), components(&net), cuts(&net));
            for v in 0..n {
                let kept: Vec<_> = edges.iter().copied().filter(|&(a, b, _)| a != v && b != v).collect();
                let without = components(&Network::from_edges(n, &kept));
                let mut expected: Vec<Vec<usize>> = vec![Vec::new(); without.sizes.len()];
                for u in (0..n).filter(|&u| u != v && whole.component[u] == whole.component[v]) {
                    expected[without.component[u]].push(u);
                }
                expected.retain(|p| !p.is_empty());
                expected.sort();
                let parts = search.parts(v);
                prop_assert_eq!(!parts.is_empty(), points.articulation_point[v]);
                if parts.is_empty() {
                    prop_assert!(expected.len() <= 1);
                    continue;
                }
                let mut found: Vec<Vec<usize>> = parts.iter().map(|&p| {
                    let mut m = search.members(v, p);
                    m.sort_unstable();
                    prop_assert_eq!(m.len(), search.part_size(v, p));
                    for &u in &m {
                        prop_assert_eq!(search.part_of(v, u), p);
                    }
                    Ok(m)
                }).collect::<Result<_, _>>()?;
                found.sort();
                prop_assert_eq!(found, expected);
            }
        }
    }
}
