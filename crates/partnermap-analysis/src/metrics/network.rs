//! The input of every metric: a compact partnership network, undirected (who works with whom)
//! or directed (who refers to, funds or informs whom).
//!
//! Organizations are numbered `0..n`; partnerships are stored as CSR adjacency (one offset per
//! organization into a shared `u32` neighbour array, sorted ascending) so that traversals touch
//! memory in order. Building costs O(n + m log m).
//!
//! For a coalition: this is the "who works with whom" map that all other metrics read.

/// Compact undirected partnership network over organizations `0..n`.
///
/// Self loops are dropped and repeated partnerships between the same pair are merged by summing
/// their weights (a repeated partnership is a stronger tie). Neighbour lists are sorted, so the
/// network — and every metric computed from it — does not depend on the order edges were given in.
///
/// ```
/// use partnermap_analysis::metrics::Network;
/// let net = Network::from_edges(3, &[(0, 1, 1.0), (1, 2, 2.0), (2, 1, 1.0)]);
/// assert_eq!(net.len(), 3);
/// assert_eq!(net.partnership_count(), 2);
/// assert_eq!(net.neighbours(1), &[0, 2]);
/// assert_eq!(net.weights(1), &[1.0, 3.0]);
/// assert_eq!(net.weight_between(2, 1), Some(3.0));
/// assert_eq!(net.partnerships().collect::<Vec<_>>(), vec![(0, 1, 1.0), (1, 2, 3.0)]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    offsets: Vec<usize>,
    neighbours: Vec<u32>,
    weights: Vec<f64>,
    directed: bool,
}

impl Network {
    /// Builds the network from undirected `(a, b, weight)` partnerships; weight is tie strength.
    ///
    /// # Panics
    /// If an endpoint is `>= n`, if `n` does not fit in `u32`, or if a weight is not finite and
    /// positive (structural-hole measures divide by tie strength).
    pub fn from_edges(n: usize, edges: &[(usize, usize, f64)]) -> Network {
        Network::build(n, edges, false)
    }

    /// Builds a directed network from `(from, to, weight)` arcs: [`Network::neighbours`] are then
    /// the organizations an organization sends to, [`Network::degree`] its out-degree. Self loops
    /// are dropped and repeated arcs merged by summing their weights, as in
    /// [`Network::from_edges`]; a tie without direction is given as the two arcs.
    ///
    /// # Panics
    /// As [`Network::from_edges`].
    ///
    /// ```
    /// use partnermap_analysis::metrics::Network;
    /// let net = Network::from_arcs(3, &[(0, 1, 1.0), (2, 1, 1.0), (1, 2, 1.0)]);
    /// assert_eq!(net.partnership_count(), 3);
    /// assert_eq!(net.neighbours(1), &[2]);
    /// assert_eq!(net.in_degrees(), vec![0, 2, 1]);
    /// assert_eq!(net.reversed().neighbours(1), &[0, 2]);
    /// ```
    pub fn from_arcs(n: usize, arcs: &[(usize, usize, f64)]) -> Network {
        Network::build(n, arcs, true)
    }

    fn build(n: usize, edges: &[(usize, usize, f64)], directed: bool) -> Network {
        assert!(n < u32::MAX as usize, "too many organizations for u32 ids");
        let mut arcs: Vec<(u32, u32, f64)> = Vec::with_capacity(edges.len() * 2);
        for &(a, b, w) in edges {
            assert!(
                a < n && b < n,
                "partnership ({a}, {b}) refers to an organization >= {n}"
            );
            assert!(
                w.is_finite() && w > 0.0,
                "partnership weight must be finite and positive"
            );
            if a != b {
                arcs.push((a as u32, b as u32, w));
                if !directed {
                    arcs.push((b as u32, a as u32, w));
                }
            }
        }
        arcs.sort_unstable_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)).then(x.2.total_cmp(&y.2)));
        let mut offsets = vec![0usize; n + 1];
        let mut neighbours = Vec::with_capacity(arcs.len());
        let mut weights: Vec<f64> = Vec::with_capacity(arcs.len());
        let mut last: Option<(u32, u32)> = None;
        for (a, b, w) in arcs {
            if last == Some((a, b)) {
                *weights.last_mut().expect("merged arc has a predecessor") += w;
                continue;
            }
            last = Some((a, b));
            offsets[a as usize + 1] += 1;
            neighbours.push(b);
            weights.push(w);
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        Network {
            offsets,
            neighbours,
            weights,
            directed,
        }
    }

    /// True when built by [`Network::from_arcs`].
    pub fn is_directed(&self) -> bool {
        self.directed
    }

    /// The same arcs turned around (for a directed network, who sends to each organization);
    /// an undirected network is its own reverse.
    pub fn reversed(&self) -> Network {
        if !self.directed {
            return self.clone();
        }
        let arcs: Vec<(usize, usize, f64)> =
            self.partnerships().map(|(a, b, w)| (b, a, w)).collect();
        Network::from_arcs(self.len(), &arcs)
    }

    /// Number of arcs arriving at each organization (its partners' count when undirected).
    pub fn in_degrees(&self) -> Vec<usize> {
        let mut counts = vec![0; self.len()];
        for &b in &self.neighbours {
            counts[b as usize] += 1;
        }
        counts
    }

    /// Number of organizations.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// True when there are no organizations.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct partnerships (undirected edges), or arcs when directed.
    pub fn partnership_count(&self) -> usize {
        if self.directed {
            self.neighbours.len()
        } else {
            self.neighbours.len() / 2
        }
    }

    /// Partners of organization `v` (those it sends to, when directed), ascending.
    pub fn neighbours(&self, v: usize) -> &[u32] {
        &self.neighbours[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Tie strengths, aligned with [`Network::neighbours`].
    pub fn weights(&self, v: usize) -> &[f64] {
        &self.weights[self.offsets[v]..self.offsets[v + 1]]
    }

    /// Number of partners of `v` (its out-degree, when directed).
    pub fn degree(&self, v: usize) -> usize {
        self.offsets[v + 1] - self.offsets[v]
    }

    /// Tie strength between `a` and `b`, if they are partners (binary search, O(log degree)).
    pub fn weight_between(&self, a: usize, b: usize) -> Option<f64> {
        let nb = self.neighbours(a);
        nb.binary_search(&(b as u32))
            .ok()
            .map(|i| self.weights(a)[i])
    }

    /// Each partnership once, as `(a, b, weight)` with `a < b`, in ascending order; each arc
    /// `(from, to, weight)` when directed.
    pub fn partnerships(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        (0..self.len()).flat_map(move |a| {
            self.neighbours(a)
                .iter()
                .zip(self.weights(a))
                .filter(move |(&b, _)| self.directed || a < b as usize)
                .map(move |(&b, &w)| (a, b as usize, w))
        })
    }

    /// The same network as a petgraph graph (node `v` is organization `v`), for the algorithms
    /// rustworkx-core already provides: `Ty` is `Undirected` for an undirected network,
    /// `Directed` for a directed one.
    pub(crate) fn to_petgraph<Ty: petgraph::EdgeType>(
        &self,
    ) -> petgraph::graph::Graph<(), f64, Ty> {
        debug_assert_eq!(Ty::is_directed(), self.directed);
        let mut graph = petgraph::graph::Graph::with_capacity(self.len(), self.partnership_count());
        for _ in 0..self.len() {
            graph.add_node(());
        }
        for (a, b, w) in self.partnerships() {
            graph.add_edge(
                petgraph::graph::NodeIndex::new(a),
                petgraph::graph::NodeIndex::new(b),
                w,
            );
        }
        graph
    }

    /// The same network with organization `v` renamed `new_id[v]`.
    pub(crate) fn relabelled(&self, new_id: &[u32]) -> Network {
        let n = self.len();
        let mut old_of = vec![0u32; n];
        for (old, &new) in new_id.iter().enumerate() {
            old_of[new as usize] = old as u32;
        }
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        let mut neighbours = Vec::with_capacity(self.neighbours.len());
        let mut weights = Vec::with_capacity(self.weights.len());
        let mut row: Vec<(u32, f64)> = Vec::new();
        for &old in &old_of {
            let old = old as usize;
            row.clear();
            row.extend(
                self.neighbours(old)
                    .iter()
                    .zip(self.weights(old))
                    .map(|(&b, &w)| (new_id[b as usize], w)),
            );
            row.sort_unstable_by_key(|&(b, _)| b);
            neighbours.extend(row.iter().map(|&(b, _)| b));
            weights.extend(row.iter().map(|&(_, w)| w));
            offsets.push(neighbours.len());
        }
        Network {
            offsets,
            neighbours,
            weights,
            directed: self.directed,
        }
    }
}
