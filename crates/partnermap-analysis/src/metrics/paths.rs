//! Shortest-path metrics: betweenness, closeness, and the diameter and average path length of the
//! largest component, all from one breadth-first search per source organization.
//!
//! Definitions follow NetworkX 3.6: [`betweenness`] is `networkx.betweenness_centrality(G)`
//! (unweighted, normalised for undirected graphs by `(n-1)(n-2)`, i.e. the share of pairs of
//! other organizations whose shortest paths pass through this one); [`closeness`] is
//! `networkx.closeness_centrality(G)` with the default Wasserman–Faust correction for disconnected
//! networks, `(r-1)/Σd · (r-1)/(n-1)` where `r` counts the organizations reachable from `v`
//! including itself; [`sampled_betweenness`] estimates the same betweenness from random pairs'
//! shortest chains (`paths/pairs.rs`). The algorithm is Brandes (2001), "A faster algorithm for betweenness
//! centrality", run from sixteen sources at once (see `Batch`): σ is pushed forward level by level
//! and dependencies are pulled back along the arcs recorded on the way.
//!
//! On a directed network ([`Network::from_arcs`]) searches follow arcs the way they point, as
//! NetworkX does on a `DiGraph`: betweenness counts the shortest chains from every organization
//! to every other it reaches (the same `1/((n-1)(n-2))` normalisation, now over ordered pairs),
//! and closeness is measured on *incoming* distances (how easily the others reach `v`), by
//! searching the reversed arcs; see [`directed_path_metrics`].
//!
//! Complexity: O(n·m) time for the exact run, O(k·m) for `k` pivots' distances, a few thousand
//! arcs per sampled pair for the estimated betweenness, O(n + m) scratch memory per
//! worker thread (about 130 bytes per organization plus the recorded arcs) and one betweenness
//! accumulator per fixed work chunk.
//!
//! For a coalition: betweenness finds the organizations that sit on the routes between others
//! (brokers), closeness those that can reach everyone in few partnership steps.
//!
//! Performance notes (why the code looks the way it does): organizations are first renumbered in
//! breadth-first order so that partners sit close together in memory and consecutive sources are
//! near each other; the sources are split into a fixed number of chunks (independent of the thread
//! count, so the floating-point summation order and hence the result is identical on every
//! machine); each rayon worker reuses one set of buffers for all its sources.
//!
//! Layout: this file holds the public functions, the breadth-first renumbering and the parallel
//! driver that splits sources into chunks; `paths/batch.rs` the batched Brandes search (`Batch`,
//! its lane arithmetic and the AVX2 dispatch); `paths/bit_parallel.rs` the distance-only
//! 64-source search behind [`distance_metrics`]; `paths/pairs.rs` the pair sampling behind
//! [`sampled_betweenness`]; `paths/weighted.rs` [`weighted_betweenness`].
use partnermap_core::progress;
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;

mod batch;
mod bit_parallel;
mod pairs;
mod weighted;

use batch::{Batch, LANES};
use bit_parallel::Lanes;
pub use weighted::weighted_betweenness;

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
    let betweenness = order.scaled_betweenness(&run.betweenness);
    let closeness = order.closeness(&run.per_source);
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

/// Betweenness and closeness on a directed network, as NetworkX computes them on a `DiGraph`:
/// `betweenness_centrality(G)` from searches along the arcs, and `closeness_centrality(G)`
/// (Wasserman–Faust) from the distances *to* each organization, found by searching the
/// reversed arcs with the 64-source distance search. Same batched Brandes pass and cost as
/// [`path_metrics`], plus one distance pass.
///
/// ```
/// use partnermap_analysis::metrics::{paths::directed_path_metrics, Network};
/// // Referrals 0 → 1 → 2: only 1 sits between two others, and only 2 is reached by both.
/// let (betweenness, closeness) = directed_path_metrics(&Network::from_arcs(3, &[(0, 1, 1.0), (1, 2, 1.0)]));
/// assert_eq!(betweenness, vec![0.0, 0.5, 0.0]);
/// assert_eq!(closeness, vec![0.0, 0.5, 2.0 / 3.0]);
/// ```
pub fn directed_path_metrics(arcs: &Network) -> (Vec<f64>, Vec<f64>) {
    let n = arcs.len();
    let sources: Vec<u32> = (0..n as u32).collect();
    let forward = Bfs::new(arcs);
    let betweenness = forward.scaled_betweenness(&forward.run(&sources).betweenness);
    (betweenness, directed_closeness(arcs))
}

/// Closeness on incoming distances alone (NetworkX `closeness_centrality` on a `DiGraph`), for
/// networks whose betweenness is sampled.
pub fn directed_closeness(arcs: &Network) -> Vec<f64> {
    let sources: Vec<u32> = (0..arcs.len() as u32).collect();
    let backward = Bfs::new(&arcs.reversed());
    backward.closeness(&backward.distances(&sources))
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

/// Betweenness estimated from the shortest chains between random pairs of organizations
/// (Riondato and Kornaropoulos 2016), for networks too large for [`betweenness`]'s search from
/// every organization: each sampled ordered pair `(s, t)` contributes one of its shortest
/// chains, drawn uniformly, and each organization's estimate is the share of samples whose
/// chain passes through it, scaled as NetworkX normalises. Directed networks follow the arcs.
///
/// Error bound: the number of pairs, `(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))` with `VD` the
/// most organizations on a shortest chain (bounded by twice an eccentricity per component, plus
/// one; by `n` when directed) and `δ = 0.05`, makes **every** organization's estimate lie within
/// `ε·n/(n-2)` of its exact value at once, with probability at least 0.95. With `ε = 0.01` and a
/// diameter bound of 24 that is 40,000 pairs, each costing two searches that stop where they
/// meet, a few thousand arcs apart from a few million.
///
/// # Panics
/// If `error` is not positive.
///
/// ```
/// use partnermap_analysis::metrics::{paths::{betweenness, sampled_betweenness}, Network};
/// // A path 0 - 1 - 2 - 3: 1 and 2 each lie inside the chains of 2 of the 6 pairs of others.
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
/// let (exact, estimate) = (betweenness(&net), sampled_betweenness(&net, 0.02, 7));
/// assert!(exact.iter().zip(&estimate).all(|(a, b)| (a - b).abs() <= 0.02 * 4.0 / 2.0));
/// assert_eq!(estimate[0], 0.0);
/// ```
pub fn sampled_betweenness(net: &Network, error: f64, seed: u64) -> Vec<f64> {
    assert!(
        error > 0.0,
        "sampled betweenness needs a positive error bound"
    );
    if net.is_directed() {
        let samples = pairs::samples_for(error, net.len());
        pairs::pair_betweenness(net, &net.reversed(), samples, seed)
    } else {
        let samples = pairs::samples_for(error, pairs::vertex_diameter_bound(net));
        pairs::pair_betweenness(net, net, samples, seed)
    }
}

/// Closeness, diameter and average path length estimated from `k` pivot searches per
/// component (Eppstein and Wang 2004, "Fast approximation of centrality"), for networks too
/// large for [`distance_metrics`]'s search from every organization. A component of at most `k`
/// organizations is searched from all of them, exactly; in a larger one `k` pivots, chosen with
/// `seed`, are searched from, and since a partnership joins both ways, each organization's
/// distances from the pivots are a sample of its distances to the others. Its mean distance
/// `d̄` estimates the component's, and closeness is `(s-1)/(n-1) / d̄` for a component of `s`
/// organizations: the Wasserman–Faust value of [`closeness`] with the sum of distances
/// estimated. The average path length is the pivots' mean; the diameter the largest
/// eccentricity among the pivots, a lower bound (the true diameter is at most twice any
/// eccentricity). With `k` at least the largest component's size everything is exact.
///
/// Error bound: each distance lies in `[1, Δ]` (Δ the component's diameter), so by Hoeffding's
/// inequality an organization's `d̄` is within `Δ·sqrt(ln(2/δ) / (2k))` of the exact mean with
/// probability at least `1-δ`: with `k = 2000`, `δ = 0.05` and `Δ = 15` that is ±0.46 steps on
/// a mean of about 7, a closeness within about 7% of the exact value.
/// Cost: O(k·m) instead of O(n·m).
///
/// # Panics
/// If `k` is 0.
///
/// ```
/// use partnermap_analysis::metrics::{paths::{distance_metrics, sampled_distance_metrics}, Network};
/// let net = Network::from_edges(4, &[(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)]);
/// assert_eq!(sampled_distance_metrics(&net, 4, 7), distance_metrics(&net));
/// let estimate = sampled_distance_metrics(&net, 2, 7);
/// assert!(estimate.closeness.iter().all(|&c| c > 0.0 && c <= 1.0));
/// ```
pub fn sampled_distance_metrics(net: &Network, k: usize, seed: u64) -> PathMetrics {
    assert!(k > 0, "sampled distances need at least one pivot");
    let n = net.len();
    let order = Bfs::new(net);
    let mut sources = Vec::new();
    for w in order.component_starts.windows(2) {
        let (lo, size) = (w[0], w[1] - w[0]);
        if size <= k {
            sources.extend(lo as u32..w[1] as u32);
        } else {
            let salt = seed ^ (lo as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            sources.extend(
                sample_without_replacement(size, k, salt)
                    .into_iter()
                    .map(|p| p + lo as u32),
            );
        }
    }
    let (per_source, sums, counts) = order.distances_from(&sources);
    let exact = order.closeness(&per_source);
    let mut closeness = vec![0.0; n];
    for (old, c) in closeness.iter_mut().enumerate() {
        let new = order.new_id[old] as usize;
        let (lo, hi) = order.component_of(new);
        *c = if hi - lo <= k {
            exact[old]
        } else if counts[new] == 0 {
            0.0
        } else {
            let mean = sums[new] as f64 / f64::from(counts[new]);
            (hi - lo - 1) as f64 / (n - 1) as f64 / mean
        };
    }
    let (lo, hi) = order.largest_component();
    let size = hi - lo;
    let mut diameter = 0usize;
    let (mut total, mut searched) = (0u64, 0usize);
    for &s in sources
        .iter()
        .filter(|&&s| (lo..hi).contains(&(s as usize)))
    {
        let (t, _, ecc) = per_source[s as usize];
        diameter = diameter.max(ecc as usize);
        total += t;
        searched += 1;
    }
    let average_path_length = if size > 1 {
        total as f64 / (searched as f64 * (size - 1) as f64)
    } else {
        0.0
    };
    PathMetrics {
        betweenness: vec![0.0; n],
        closeness,
        diameter,
        average_path_length,
    }
}

/// Closeness on incoming distances (as [`directed_closeness`]) estimated from `k` pivots
/// chosen with `seed`: the pivots' searches along the arcs reach each organization `v` from a
/// share `f` of them at a mean distance `d̄`, and closeness is `f / d̄`, the Wasserman–Faust
/// value with the number of organizations that reach `v` and their distances estimated. The
/// bound of [`sampled_distance_metrics`] holds for `d̄`. With `k >= n` this is exact.
///
/// ```
/// use partnermap_analysis::metrics::{paths::{directed_closeness, sampled_directed_closeness}, Network};
/// let arcs = Network::from_arcs(3, &[(0, 1, 1.0), (1, 2, 1.0)]);
/// assert_eq!(sampled_directed_closeness(&arcs, 3, 7), directed_closeness(&arcs));
/// ```
pub fn sampled_directed_closeness(arcs: &Network, k: usize, seed: u64) -> Vec<f64> {
    assert!(k > 0, "sampled closeness needs at least one pivot");
    let n = arcs.len();
    if k >= n {
        return directed_closeness(arcs);
    }
    let order = Bfs::new(arcs);
    let pivots: Vec<u32> = sample_without_replacement(n, k, seed);
    let (_, sums, counts) = order.distances_from(&pivots);
    let mut is_pivot = vec![false; n];
    for &p in &pivots {
        is_pivot[p as usize] = true;
    }
    order
        .new_id
        .iter()
        .map(|&new| {
            let new = new as usize;
            let others = k - usize::from(is_pivot[new]);
            if counts[new] == 0 || others == 0 {
                return 0.0;
            }
            let share = f64::from(counts[new]) / others as f64;
            share / (sums[new] as f64 / f64::from(counts[new]))
        })
        .collect()
}

/// SplitMix64: seeded random numbers that are the same on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Partial Fisher–Yates with [`SplitMix`]: a seeded sample of `k` of `0..n`.
fn sample_without_replacement(n: usize, k: usize, seed: u64) -> Vec<u32> {
    let mut random = SplitMix(seed);
    let mut pool: Vec<u32> = (0..n as u32).collect();
    for i in 0..k {
        let j = i + (random.next() % (n - i) as u64) as usize;
        pool.swap(i, j);
    }
    pool.truncate(k);
    pool.sort_unstable();
    pool
}

/// The network renumbered in breadth-first order; components become contiguous id ranges.
/// (On a directed network the order follows the arcs, which keeps the locality the batched
/// search needs; its ranges are then not components, and `largest_component` is not asked.)
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

    /// Raw Brandes sums (new ids) normalised as NetworkX does, by original id.
    fn scaled_betweenness(&self, raw: &[f64]) -> Vec<f64> {
        let n = self.new_id.len();
        let scale = if n > 2 {
            1.0 / ((n - 1) as f64 * (n - 2) as f64)
        } else {
            0.0
        };
        self.new_id
            .iter()
            .map(|&new| raw[new as usize] * scale)
            .collect()
    }

    /// Wasserman–Faust closeness by original id from each source's search (new ids).
    fn closeness(&self, per_source: &[SourceStats]) -> Vec<f64> {
        let n = self.new_id.len();
        self.new_id
            .iter()
            .map(|&new| {
                let (total, reached, _) = per_source[new as usize];
                if total > 0 && n > 1 {
                    let r = (reached - 1) as f64;
                    r / total as f64 * (r / (n - 1) as f64)
                } else {
                    0.0
                }
            })
            .collect()
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

    /// New-id range of the component holding `new`.
    fn component_of(&self, new: usize) -> (usize, usize) {
        let i = self.component_starts.partition_point(|&start| start <= new);
        (self.component_starts[i - 1], self.component_starts[i])
    }

    /// Per-source (Σ distances, reached, eccentricity) by 64-wide multi-source BFS.
    fn distances(&self, sources: &[u32]) -> Vec<SourceStats> {
        let n = self.graph.len();
        let step = progress::step("distances", sources.len() as u64);
        let parts: Vec<Vec<SourceStats>> = sources
            .par_chunks(64)
            .map_init(
                || Lanes::new(n),
                |lanes, batch| {
                    let stats = lanes.search(&self.graph, batch, |_, _, _| {});
                    step.advance(batch.len() as u64);
                    stats
                },
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

    /// Like [`Bfs::distances`], and also, for every organization (new id), the sum of its
    /// distances from the sources that reach it and how many do.
    fn distances_from(&self, sources: &[u32]) -> (Vec<SourceStats>, Vec<u64>, Vec<u32>) {
        let n = self.graph.len();
        let step = progress::step("distances", sources.len() as u64);
        type Sums = (Vec<u64>, Vec<u32>, Vec<(u32, SourceStats)>);
        let empty = || -> Sums { (vec![0; n], vec![0; n], Vec::new()) };
        let (sums, counts, stats) = sources
            .par_chunks(64)
            .fold(
                || (Lanes::new(n), empty()),
                |(mut lanes, (mut sums, mut counts, mut stats)), batch| {
                    let found = lanes.search(&self.graph, batch, |w, level, from| {
                        let k = from.count_ones();
                        sums[w] += u64::from(level) * u64::from(k);
                        counts[w] += k;
                    });
                    stats.extend(batch.iter().copied().zip(found));
                    step.advance(batch.len() as u64);
                    (lanes, (sums, counts, stats))
                },
            )
            .map(|(_, sums)| sums)
            .reduce(empty, |(mut s, mut c, mut st), (s2, c2, st2)| {
                s.iter_mut().zip(s2).for_each(|(a, b)| *a += b);
                c.iter_mut().zip(c2).for_each(|(a, b)| *a += b);
                st.extend(st2);
                (s, c, st)
            });
        let mut per_source = vec![(0, 1, 0); n];
        for (s, st) in stats {
            per_source[s as usize] = st;
        }
        (per_source, sums, counts)
    }

    fn run(&self, sources: &[u32]) -> Run {
        let n = self.graph.len();
        let chunk = sources
            .len()
            .div_ceil(CHUNKS)
            .next_multiple_of(LANES)
            .max(LANES);
        let step = progress::step("shortest paths", sources.len() as u64);
        let parts: Vec<ChunkResult> = sources
            .par_chunks(chunk)
            .map_init(
                || Batch::new(n),
                |batch, srcs| {
                    let mut bc = vec![0.0; n];
                    let mut stats = vec![(0, 1, 0); srcs.len()];
                    for (group, found) in srcs.chunks(LANES).zip(stats.chunks_mut(LANES)) {
                        batch.brandes(&self.graph, group, &mut bc, found);
                        step.advance(group.len() as u64);
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
