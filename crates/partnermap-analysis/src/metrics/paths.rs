//! Shortest-path metrics: betweenness, closeness, and the diameter and average path length of the
//! largest component, all from one breadth-first search per source organization.
//!
//! Definitions follow NetworkX 3.6: [`betweenness`] is `networkx.betweenness_centrality(G)`
//! (unweighted, normalised for undirected graphs by `(n-1)(n-2)`, i.e. the share of pairs of
//! other organizations whose shortest paths pass through this one); [`closeness`] is
//! `networkx.closeness_centrality(G)` with the default Wasserman–Faust correction for disconnected
//! networks, `(r-1)/Σd · (r-1)/(n-1)` where `r` counts the organizations reachable from `v`
//! including itself; [`sampled_betweenness`] is `betweenness_centrality(G, k=...)` with NetworkX's
//! pivot scaling. The algorithm is Brandes (2001), "A faster algorithm for betweenness
//! centrality", run from sixteen sources at once (see `Batch`): σ is pushed forward level by level
//! and dependencies are pulled back along the arcs recorded on the way.
//!
//! Complexity: O(n·m) time for the exact run, O(k·m) for `k` pivots, O(n + m) scratch memory per
//! worker thread (about 130 bytes per organization plus the recorded arcs) and one betweenness
//! accumulator per fixed work chunk.
//!
//! For a coalition: betweenness finds the organizations that sit on the routes between others
//! (brokers), closeness those that can reach everyone in few introductions.
//!
//! Performance notes (why the code looks the way it does): organizations are first renumbered in
//! breadth-first order so that partners sit close together in memory and consecutive sources are
//! near each other; the sources are split into a fixed number of chunks (independent of the thread
//! count, so the floating-point summation order and hence the result is identical on every
//! machine); each rayon worker reuses one set of buffers for all its sources.
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;

const UNSEEN: u32 = u32::MAX;
/// Chunks of sources; fixed so results do not depend on the number of threads.
const CHUNKS: usize = 32;

/// Everything one all-sources breadth-first pass yields.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PathMetrics {
    /// Normalised betweenness per organization (NetworkX `betweenness_centrality`).
    pub betweenness: Vec<f64>,
    /// Closeness per organization (NetworkX `closeness_centrality`, Wasserman–Faust).
    pub closeness: Vec<f64>,
    /// Longest shortest path inside the largest component (0 for a single organization).
    pub diameter: usize,
    /// Mean shortest-path length over ordered pairs of the largest component (0 if it has < 2).
    pub average_path_length: f64,
}

/// Betweenness, closeness, diameter and average path length in one parallel Brandes pass.
///
/// ```
/// use partnermap_analysis::metrics::{paths::path_metrics, Network};
/// // A path 0 - 1 - 2: the middle organization is on the only route between the ends.
/// let net = Network::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// let p = path_metrics(&net);
/// assert_eq!(p.betweenness, vec![0.0, 1.0, 0.0]);
/// assert_eq!(p.diameter, 2);
/// assert!((p.closeness[1] - 1.0).abs() < 1e-12);
/// ```
pub fn path_metrics(net: &Network) -> PathMetrics {
    all_sources(net, true)
}

/// Like [`path_metrics`] but without betweenness (all zeros), for networks where betweenness is
/// sampled instead. Uses bit-parallel multi-source BFS (Then et al. 2014, "The more the merrier:
/// efficient multi-source graph traversal", VLDB): 64 sources advance together, one bit each, so
/// a partnership is scanned once per level for all of them instead of once per source.
///
/// ```
/// use partnermap_analysis::metrics::{paths::{distance_metrics, path_metrics}, Network};
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
/// let (d, p) = (distance_metrics(&net), path_metrics(&net));
/// assert_eq!((d.closeness, d.diameter), (p.closeness, p.diameter));
/// assert_eq!(d.betweenness, vec![0.0; 4]);
/// ```
pub fn distance_metrics(net: &Network) -> PathMetrics {
    all_sources(net, false)
}

fn all_sources(net: &Network, dependencies: bool) -> PathMetrics {
    let n = net.len();
    let order = Bfs::new(net);
    let sources: Vec<u32> = (0..n as u32).collect();
    let run = if dependencies {
        order.run(&sources)
    } else {
        Run {
            betweenness: vec![0.0; n],
            per_source: order.distances(&sources),
        }
    };
    let scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        0.0
    };
    let mut betweenness = vec![0.0; n];
    let mut closeness = vec![0.0; n];
    for old in 0..n {
        let new = order.new_id[old] as usize;
        betweenness[old] = run.betweenness[new] * scale;
        let (total, reached, _) = run.per_source[new];
        if total > 0 && n > 1 {
            let r = (reached - 1) as f64;
            closeness[old] = r / total as f64 * (r / (n - 1) as f64);
        }
    }
    let (lo, hi) = order.largest_component();
    let size = hi - lo;
    let mut diameter = 0usize;
    let mut total = 0u64;
    for &(t, _, ecc) in &run.per_source[lo..hi] {
        diameter = diameter.max(ecc as usize);
        total += t;
    }
    let average_path_length = if size > 1 {
        total as f64 / (size as f64 * (size - 1) as f64)
    } else {
        0.0
    };
    PathMetrics {
        betweenness,
        closeness,
        diameter,
        average_path_length,
    }
}

/// Exact normalised betweenness (NetworkX `betweenness_centrality(G)`), O(n·m).
///
/// ```
/// use partnermap_analysis::metrics::{paths::betweenness, Network};
/// let star = Network::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// assert_eq!(betweenness(&star), vec![1.0, 0.0, 0.0, 0.0]);
/// ```
pub fn betweenness(net: &Network) -> Vec<f64> {
    path_metrics(net).betweenness
}

/// Closeness (NetworkX `closeness_centrality(G)`, Wasserman–Faust for disconnected networks).
///
/// ```
/// use partnermap_analysis::metrics::{paths::closeness, Network};
/// let net = Network::from_edges(3, &[(0, 1, 1.0)]); // 2 is isolated
/// assert_eq!(closeness(&net), vec![0.5, 0.5, 0.0]);
/// ```
pub fn closeness(net: &Network) -> Vec<f64> {
    path_metrics(net).closeness
}

/// Betweenness estimated from `k` pivot sources chosen with `seed`, scaled like NetworkX's
/// `betweenness_centrality(G, k=k)` (pivots themselves are scaled by `1/((k-1)(n-2))`, the
/// others by `1/(k(n-2))`, since a pivot is never an intermediate on its own paths).
/// With `k >= n` this is the exact value.
///
/// Error bound: each pivot contributes a value in `[0, n/(n-1)]` to a node's estimate, so by
/// Hoeffding's inequality (which also holds for sampling without replacement) the estimate of one
/// organization is within `ε = sqrt(ln(2/δ) / (2k))·n/(n-1)` of the exact value with probability
/// at least `1-δ`; for all organizations at once replace `δ` by `δ/n`. With `k = 1000` and
/// `δ = 0.05` that is about ±0.043 per organization — enough to rank the strong brokers of a
/// large network, not to compare small differences.
///
/// # Panics
/// If `k` is 0 (there is nothing to scale).
///
/// ```
/// use partnermap_analysis::metrics::{paths::{betweenness, sampled_betweenness}, Network};
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
/// assert_eq!(sampled_betweenness(&net, 10, 7), betweenness(&net));
/// ```
pub fn sampled_betweenness(net: &Network, k: usize, seed: u64) -> Vec<f64> {
    assert!(k > 0, "sampled betweenness needs at least one pivot");
    let n = net.len();
    if k >= n {
        return betweenness(net);
    }
    let pivots_old = sample_without_replacement(n, k, seed);
    let order = Bfs::new(net);
    let mut pivots: Vec<u32> = pivots_old
        .iter()
        .map(|&v| order.new_id[v as usize])
        .collect();
    // Pivots close together in breadth-first order share more of their searches (see `Batch`).
    pivots.sort_unstable();
    let run = order.run(&pivots);
    let mut out = vec![0.0; n];
    if n <= 2 {
        return out;
    }
    let per_pair = (n - 2) as f64;
    let scale_pivot = if k > 1 {
        1.0 / ((k - 1) as f64 * per_pair)
    } else {
        f64::NAN
    };
    let scale_other = 1.0 / (k as f64 * per_pair);
    let mut is_pivot = vec![false; n];
    for &p in &pivots_old {
        is_pivot[p as usize] = true;
    }
    for (old, b) in out.iter_mut().enumerate() {
        let raw = run.betweenness[order.new_id[old] as usize];
        *b = raw
            * if is_pivot[old] {
                scale_pivot
            } else {
                scale_other
            };
    }
    out
}

/// Partial Fisher–Yates with SplitMix64: a seeded, platform-independent sample of `k` of `0..n`.
fn sample_without_replacement(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut state = seed;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut pool: Vec<u32> = (0..n as u32).collect();
    for i in 0..k {
        let j = i + (next() % (n - i) as u64) as usize;
        pool.swap(i, j);
    }
    pool.truncate(k);
    pool.sort_unstable();
    pool
}

/// The network renumbered in breadth-first order; components become contiguous id ranges.
struct Bfs {
    graph: Network,
    /// `new_id[old]`.
    new_id: Vec<u32>,
    /// Start of each component in new ids, in order of its smallest original member, plus `n`.
    component_starts: Vec<usize>,
}

/// What one source's search yields: (Σ distances, organizations reached incl. itself,
/// eccentricity).
type SourceStats = (u64, u32, u32);
/// One work chunk's result: its partial betweenness sums and its sources' statistics.
type ChunkResult = (Vec<f64>, Vec<(u32, SourceStats)>);

struct Run {
    /// Raw Brandes dependency sums (each unordered pair counted twice), new ids.
    betweenness: Vec<f64>,
    /// Per source (new id): (sum of distances, organizations reached incl. itself, eccentricity).
    per_source: Vec<SourceStats>,
}

impl Bfs {
    fn new(net: &Network) -> Bfs {
        let n = net.len();
        let mut new_id = vec![UNSEEN; n];
        let mut queue: Vec<u32> = Vec::with_capacity(n);
        let mut component_starts = Vec::new();
        for root in 0..n {
            if new_id[root] != UNSEEN {
                continue;
            }
            component_starts.push(queue.len());
            new_id[root] = queue.len() as u32;
            queue.push(root as u32);
            let mut head = queue.len() - 1;
            while head < queue.len() {
                let v = queue[head] as usize;
                head += 1;
                for &w in net.neighbours(v) {
                    if new_id[w as usize] == UNSEEN {
                        new_id[w as usize] = queue.len() as u32;
                        queue.push(w);
                    }
                }
            }
        }
        component_starts.push(n);
        Bfs {
            graph: net.relabelled(&new_id),
            new_id,
            component_starts,
        }
    }

    /// New-id range of the largest component; ties go to the one with the smallest original id,
    /// as `max(nx.connected_components(G), key=len)` does.
    fn largest_component(&self) -> (usize, usize) {
        let mut best = (0, 0);
        for w in self.component_starts.windows(2) {
            if w[1] - w[0] > best.1 - best.0 {
                best = (w[0], w[1]);
            }
        }
        best
    }

    /// Per-source (Σ distances, reached, eccentricity) by 64-wide multi-source BFS.
    fn distances(&self, sources: &[u32]) -> Vec<SourceStats> {
        let n = self.graph.len();
        let parts: Vec<Vec<SourceStats>> = sources
            .par_chunks(64)
            .map_init(
                || Lanes::new(n),
                |lanes, batch| lanes.search(&self.graph, batch),
            )
            .collect();
        let mut per_source = vec![(0, 1, 0); n];
        for (batch, stats) in sources.chunks(64).zip(parts) {
            for (&s, st) in batch.iter().zip(stats) {
                per_source[s as usize] = st;
            }
        }
        per_source
    }

    fn run(&self, sources: &[u32]) -> Run {
        let n = self.graph.len();
        let chunk = sources
            .len()
            .div_ceil(CHUNKS)
            .next_multiple_of(LANES)
            .max(LANES);
        let parts: Vec<ChunkResult> = sources
            .par_chunks(chunk)
            .map_init(
                || Batch::new(n),
                |batch, srcs| {
                    let mut bc = vec![0.0; n];
                    let mut stats = vec![(0, 1, 0); srcs.len()];
                    for (group, found) in srcs.chunks(LANES).zip(stats.chunks_mut(LANES)) {
                        batch.brandes(&self.graph, group, &mut bc, found);
                    }
                    (bc, srcs.iter().copied().zip(stats).collect())
                },
            )
            .collect();
        let mut betweenness = vec![0.0; n];
        let mut per_source = vec![(0, 1, 0); n];
        for (bc, stats) in parts {
            for (acc, x) in betweenness.iter_mut().zip(bc) {
                *acc += x;
            }
            for (s, st) in stats {
                per_source[s as usize] = st;
            }
        }
        Run {
            betweenness,
            per_source,
        }
    }
}

/// Per-thread bitsets for 64 simultaneous breadth-first searches (bit `i` = source `i`).
struct Lanes {
    seen: Vec<u64>,
    frontier: Vec<u64>,
    next: Vec<u64>,
    current: Vec<u32>,
    touched: Vec<u32>,
}

impl Lanes {
    fn new(n: usize) -> Lanes {
        Lanes {
            seen: vec![0; n],
            frontier: vec![0; n],
            next: vec![0; n],
            current: Vec::with_capacity(n),
            touched: Vec::with_capacity(n),
        }
    }

    /// (Σ distances, reached, eccentricity) for up to 64 sources at once.
    fn search(&mut self, g: &Network, sources: &[u32]) -> Vec<SourceStats> {
        let Lanes {
            seen,
            frontier,
            next,
            current,
            touched,
        } = self;
        let mut stats = vec![(0u64, 1u32, 0u32); sources.len()];
        current.clear();
        for (i, &s) in sources.iter().enumerate() {
            let s = s as usize;
            if frontier[s] == 0 {
                current.push(s as u32);
            }
            seen[s] |= 1 << i;
            frontier[s] |= 1 << i;
        }
        let mut level = 0u32;
        while !current.is_empty() {
            level += 1;
            for &v in current.iter() {
                let f = frontier[v as usize];
                for &w in g.neighbours(v as usize) {
                    let w = w as usize;
                    if next[w] == 0 {
                        touched.push(w as u32);
                    }
                    next[w] |= f;
                }
            }
            for &v in current.iter() {
                frontier[v as usize] = 0;
            }
            current.clear();
            for &w in touched.iter() {
                let w = w as usize;
                let fresh = next[w] & !seen[w];
                next[w] = 0;
                if fresh != 0 {
                    seen[w] |= fresh;
                    frontier[w] = fresh;
                    current.push(w as u32);
                    let mut bits = fresh;
                    while bits != 0 {
                        let st = &mut stats[bits.trailing_zeros() as usize];
                        st.0 += level as u64;
                        st.1 += 1;
                        st.2 = level;
                        bits &= bits - 1;
                    }
                }
            }
            touched.clear();
        }
        // Only organizations some source reached have bits set; the sources' components hold
        // them all, so clear by walking those components again would cost more than a fill.
        seen.fill(0);
        stats
    }
}

/// Sources searched together by one [`Batch`], one `f64` lane each.
const LANES: usize = 16;

/// Bit `i` set: lane (source) `i` of the batch.
type LaneMask = u16;

/// For each 4-bit pattern, the all-ones or all-zeros word selecting each of four lanes.
const NIBBLE_PICKS: [[u64; 4]; 16] = {
    let mut table = [[0; 4]; 16];
    let mut bits = 0;
    while bits < 16 {
        let mut j = 0;
        while j < 4 {
            if bits >> j & 1 == 1 {
                table[bits][j] = u64::MAX;
            }
            j += 1;
        }
        bits += 1;
    }
    table
};

/// One value per lane, cache-line aligned.
#[derive(Clone, Copy, Default)]
#[repr(align(64))]
struct LaneValues([f64; LANES]);

impl LaneValues {
    /// The lanes of `self` selected by `mask`, the others from `rest`. Bitwise, so an infinite
    /// value in an unselected lane cannot leak through (multiplying by 0 would give NaN); each
    /// group of four lanes takes its bit pattern from a 16-entry table.
    #[inline(always)]
    fn merge(&self, mask: LaneMask, rest: &LaneValues) -> LaneValues {
        let mut out = LaneValues::default();
        for group in 0..LANES / 4 {
            let pick = &NIBBLE_PICKS[usize::from(mask >> (4 * group) & 15)];
            for (j, &p) in pick.iter().enumerate() {
                let i = 4 * group + j;
                out.0[i] = f64::from_bits(self.0[i].to_bits() & p | rest.0[i].to_bits() & !p);
            }
        }
        out
    }

    /// Adds the lanes of `other` selected by `mask`.
    #[inline(always)]
    fn add_masked(&mut self, mask: LaneMask, other: &LaneValues) {
        let picked = other.merge(mask, &LaneValues::default());
        for i in 0..LANES {
            self.0[i] += picked.0[i];
        }
    }
}

/// Per-thread buffers for Brandes' algorithm run from [`LANES`] sources at once.
///
/// The searches advance level by level together. An organization enters a level's list once,
/// with the mask of the sources that reach it at that distance, so a partnership is scanned once
/// per level for all of them and σ moves as whole lanes. Sources next to each other in
/// breadth-first order reach most organizations at the same two or three distances, which keeps
/// the lists short: on the 20,000-organization benchmark network a batch visits each
/// organization about 2.6 times instead of 16.
///
/// One array serves both directions, which keeps the working set small enough for the cache:
/// forward it holds σ; backward, once an organization's dependency is known in a lane, that lane
/// is overwritten with `(1 + δ)/σ`, the only thing its predecessors still need.
struct Batch {
    values: Vec<LaneValues>,
    seen: Vec<LaneMask>,
    next: Vec<LaneMask>,
    /// Organizations the level being built has reached, in its first `reached_count` slots
    /// (one spare slot: the branch-free append always writes).
    touched: Vec<u32>,
    /// Level lists, concatenated: `(organization, sources that reach it at this level)`.
    levels: Vec<(u32, LaneMask)>,
    /// Where each level starts in `levels`, and where the one being built starts.
    level_starts: Vec<usize>,
    /// Arcs from `levels[k]` one level deeper, `(partner, sources for which it is)`:
    /// `successors[successor_end[k-1]..successor_end[k]]`. Dependencies flow back along them.
    successors: Vec<(u32, LaneMask)>,
    successor_end: Vec<usize>,
}

impl Batch {
    fn new(n: usize) -> Batch {
        Batch {
            values: vec![LaneValues::default(); n],
            seen: vec![0; n],
            next: vec![0; n],
            touched: vec![0; n + 1],
            levels: Vec::new(),
            level_starts: Vec::new(),
            successors: Vec::new(),
            successor_end: Vec::new(),
        }
    }

    /// Brandes from up to [`LANES`] distinct sources: adds their dependencies into `bc` and
    /// each source's (Σ distances, reached, eccentricity) into `stats`, which starts at
    /// `(0, 1, 0)` per source.
    fn brandes(&mut self, g: &Network, sources: &[u32], bc: &mut [f64], stats: &mut [SourceStats]) {
        debug_assert!(sources.len() <= LANES && sources.len() == stats.len());
        self.levels.clear();
        self.level_starts.clear();
        self.successors.clear();
        self.successor_end.clear();
        self.level_starts.push(0);
        for (i, &s) in sources.iter().enumerate() {
            let s = s as usize;
            self.values[s].0[i] = 1.0;
            self.seen[s] = 1 << i;
            self.levels.push((s as u32, 1 << i));
        }
        self.level_starts.push(self.levels.len());
        search(self, g, stats, bc);
        for &(v, _) in &self.levels {
            self.seen[v as usize] = 0;
            self.values[v as usize] = LaneValues::default();
        }
    }

    /// Level by level: σ of each newly reached organization is the sum of σ over its partners one
    /// level up, per source.
    #[inline(always)]
    fn forward(&mut self, g: &Network, stats: &mut [SourceStats]) {
        let Batch {
            values: sigma,
            seen,
            next,
            touched,
            levels,
            level_starts,
            successors,
            successor_end,
        } = self;
        let mut depth = 0u32;
        loop {
            let (lo, hi) = (level_starts[level_starts.len() - 2], levels.len());
            let mut reached_count = 0;
            for &(v, mask) in &levels[lo..hi] {
                let sigma_v = sigma[v as usize];
                for &w in g.neighbours(v as usize) {
                    // The sources that have not reached `w` yet reach it one level deeper. Their
                    // lanes of `sigma[w]` belong to this level alone (and `sigma_v`'s lanes in
                    // `mask` are final), so σ can be added in place.
                    let deeper = mask & !seen[w as usize];
                    if deeper != 0 {
                        // Branch-free append of `w` the first time this level reaches it.
                        touched[reached_count] = w;
                        reached_count += usize::from(next[w as usize] == 0);
                        next[w as usize] |= deeper;
                        sigma[w as usize].add_masked(deeper, &sigma_v);
                        successors.push((w, deeper));
                    }
                }
                successor_end.push(successors.len());
            }
            depth += 1;
            // The next level in id order, so that its partnerships and σ are read front to back:
            // a scan of `next` when the level is large (it costs n), a sort when it is small.
            let touched = &mut touched[..reached_count];
            if touched.len() * 32 >= next.len() {
                let in_order = (0..next.len() as u32).filter(|&w| next[w as usize] != 0);
                for (slot, w) in touched.iter_mut().zip(in_order) {
                    *slot = w;
                }
            } else {
                touched.sort_unstable();
            }
            // Counted per lane without branches; updating `stats` per reached organization
            // would chain every update of one source through memory.
            let mut reached = [0u32; LANES];
            for &w in touched.iter() {
                let fresh = next[w as usize];
                next[w as usize] = 0;
                seen[w as usize] |= fresh;
                levels.push((w, fresh));
                for (i, count) in reached.iter_mut().enumerate() {
                    *count += u32::from(fresh >> i & 1);
                }
            }
            for (st, &count) in stats.iter_mut().zip(&reached) {
                if count > 0 {
                    st.0 += u64::from(depth) * u64::from(count);
                    st.1 += count;
                    st.2 = depth;
                }
            }
            if levels.len() == hi {
                break;
            }
            level_starts.push(levels.len());
        }
    }

    /// Deepest organizations first: with `P` the sum of `(1 + δ)/σ` over an organization's
    /// successors, its dependency is `δ = σ·P`, and what its predecessors need from it is
    /// `(1 + δ)/σ = 1/σ + P`. The sources (level 0) are left out of `bc`.
    #[inline(always)]
    fn backward(&mut self, bc: &mut [f64]) {
        let Batch {
            values,
            levels,
            level_starts,
            successors,
            successor_end,
            ..
        } = self;
        for k in (level_starts[1]..levels.len()).rev() {
            let (v, mask) = levels[k];
            let v = v as usize;
            let mut pulled = LaneValues::default();
            for &(w, lanes) in &successors[successor_end[k - 1]..successor_end[k]] {
                pulled.add_masked(lanes, &values[w as usize]);
            }
            let sigma = values[v].merge(mask, &LaneValues::default());
            let mut dependency = 0.0;
            let mut coeff = LaneValues::default();
            for i in 0..LANES {
                dependency += sigma.0[i] * pulled.0[i];
                coeff.0[i] = 1.0 / sigma.0[i] + pulled.0[i];
            }
            bc[v] += dependency;
            values[v] = coeff.merge(mask, &values[v]);
        }
    }
}

/// Both passes of one batch. The lane arithmetic is most of the work, so where the processor has
/// AVX2 a copy compiled for it (four lanes per instruction instead of two) is picked at run time.
#[multiversion::multiversion(targets("x86_64+avx2"))]
fn search(batch: &mut Batch, g: &Network, stats: &mut [SourceStats], bc: &mut [f64]) {
    batch.forward(g, stats);
    batch.backward(bc);
}

/// Betweenness with tie weights read as *distances* (NetworkX
/// `betweenness_centrality(G, weight="weight")`, normalised): shortest paths minimise the sum of
/// weights, found by Dijkstra from every source, O(n·m·log n). Pass weights that are lengths —
/// for tie strengths, build the network with `1 / strength`. Path lengths are compared exactly,
/// as NetworkX does, so ties between equally short paths are only recognised when the sums agree
/// to the last bit (always the case for integer weights).
///
/// ```
/// use partnermap_analysis::metrics::{paths::weighted_betweenness, Network};
/// // The direct 0–2 tie is longer (3) than the detour through 1 (1 + 1).
/// let net = Network::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 3.0)]);
/// assert_eq!(weighted_betweenness(&net), vec![0.0, 1.0, 0.0]);
/// ```
pub fn weighted_betweenness(net: &Network) -> Vec<f64> {
    let n = net.len();
    let sources: Vec<usize> = (0..n).collect();
    let chunk = n.div_ceil(CHUNKS).max(1);
    let parts: Vec<Vec<f64>> = sources
        .par_chunks(chunk)
        .map_init(
            || Dijkstra::new(n),
            |scratch, srcs| {
                let mut bc = vec![0.0; n];
                for &s in srcs {
                    scratch.source(net, s, &mut bc);
                }
                bc
            },
        )
        .collect();
    let scale = if n > 2 {
        1.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        0.0
    };
    let mut out = vec![0.0; n];
    for part in parts {
        for (acc, x) in out.iter_mut().zip(part) {
            *acc += x;
        }
    }
    out.iter_mut().for_each(|b| *b *= scale);
    out
}

/// Per-thread buffers for weighted Brandes.
struct Dijkstra {
    dist: Vec<f64>,
    sigma: Vec<f64>,
    coeff: Vec<f64>,
    settled: Vec<u32>,
    heap: std::collections::BinaryHeap<(std::cmp::Reverse<Dist>, u32)>,
}

/// A distance ordered by `total_cmp`, so it can live in a heap.
#[derive(Clone, Copy, PartialEq)]
struct Dist(f64);
impl Eq for Dist {}
impl PartialOrd for Dist {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Dist {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Dijkstra {
    fn new(n: usize) -> Dijkstra {
        Dijkstra {
            dist: vec![f64::INFINITY; n],
            sigma: vec![0.0; n],
            coeff: vec![0.0; n],
            settled: Vec::with_capacity(n),
            heap: std::collections::BinaryHeap::new(),
        }
    }

    /// Settles all organizations reachable from `s`, then pulls σ forward and δ backward along
    /// the arcs that lie on shortest paths (`dist[u] + w == dist[v]`, NetworkX's exact test).
    fn source(&mut self, g: &Network, s: usize, bc: &mut [f64]) {
        let Dijkstra {
            dist,
            sigma,
            coeff,
            settled,
            heap,
        } = self;
        settled.clear();
        dist[s] = 0.0;
        heap.push((std::cmp::Reverse(Dist(0.0)), s as u32));
        while let Some((std::cmp::Reverse(Dist(d)), v)) = heap.pop() {
            let v = v as usize;
            if d > dist[v] || sigma[v] != 0.0 {
                continue;
            }
            // σ marks "settled" from here on; every predecessor is already settled.
            sigma[v] = if v == s {
                1.0
            } else {
                g.neighbours(v)
                    .iter()
                    .zip(g.weights(v))
                    .filter(|&(&u, &w)| dist[u as usize] + w == d)
                    .map(|(&u, _)| sigma[u as usize])
                    .sum()
            };
            settled.push(v as u32);
            for (&w, &len) in g.neighbours(v).iter().zip(g.weights(v)) {
                let nd = d + len;
                if nd < dist[w as usize] {
                    dist[w as usize] = nd;
                    heap.push((std::cmp::Reverse(Dist(nd)), w));
                }
            }
        }
        for &v in settled[1..].iter().rev() {
            let v = v as usize;
            let pulled: f64 = g
                .neighbours(v)
                .iter()
                .zip(g.weights(v))
                .filter(|&(&w, &len)| dist[v] + len == dist[w as usize])
                .map(|(&w, _)| coeff[w as usize])
                .sum();
            let delta = sigma[v] * pulled;
            bc[v] += delta;
            coeff[v] = (1.0 + delta) / sigma[v];
        }
        for &v in settled.iter() {
            dist[v as usize] = f64::INFINITY;
            sigma[v as usize] = 0.0;
        }
    }
}
