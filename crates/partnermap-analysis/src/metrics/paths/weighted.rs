//! Weighted betweenness: Brandes with Dijkstra searches, tie weights read as distances.

use partnermap_core::progress;
use rayon::prelude::*;

use super::CHUNKS;
use crate::metrics::network::Network;

/// Betweenness with tie weights read as *distances* (NetworkX
/// `betweenness_centrality(G, weight="weight")`, normalised; along the arcs on a directed
/// network): shortest paths minimise the sum of
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
/// let arcs = Network::from_arcs(3, &[(0, 1, 1.0), (1, 2, 1.0), (0, 2, 3.0)]);
/// assert_eq!(weighted_betweenness(&arcs), vec![0.0, 0.5, 0.0]);
/// ```
pub fn weighted_betweenness(net: &Network) -> Vec<f64> {
    let n = net.len();
    // σ is pulled from predecessors, which on a directed network are the arcs coming in.
    let into = net.reversed();
    let sources: Vec<usize> = (0..n).collect();
    let chunk = n.div_ceil(CHUNKS).max(1);
    let step = progress::step("weighted shortest paths", n as u64);
    let parts: Vec<Vec<f64>> = sources
        .par_chunks(chunk)
        .map_init(
            || Dijkstra::new(n),
            |scratch, srcs| {
                let mut bc = vec![0.0; n];
                for &s in srcs {
                    scratch.source(net, &into, s, &mut bc);
                    step.advance(1);
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

    /// Settles all organizations reachable from `s`, then pulls σ forward (along `into`, the
    /// arcs reversed) and δ backward along the arcs that lie on shortest paths
    /// (`dist[u] + w == dist[v]`, NetworkX's exact test).
    fn source(&mut self, g: &Network, into: &Network, s: usize, bc: &mut [f64]) {
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
                into.neighbours(v)
                    .iter()
                    .zip(into.weights(v))
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
