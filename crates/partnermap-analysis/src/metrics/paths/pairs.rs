//! Betweenness estimated from random pairs' shortest chains (Riondato and Kornaropoulos 2016,
//! "Fast approximation of betweenness centrality through sampling"): for each sampled pair
//! `(s, t)` one shortest chain is drawn uniformly among all of them, and every organization
//! inside it gains one. A search from `s` and one towards `t` meet in the middle, each level
//! expanded on the side whose frontier has fewer arcs, so a sample costs a few thousand arc
//! visits where a pivot's search costs every arc of the network.
//!
//! Determinism: sample `i` draws its pair and its chain from its own generator, seeded from
//! `seed` and `i`, and the counts are integers, so the result is the same on any number of
//! threads.

use super::super::network::Network;
use super::{SplitMix, UNSEEN};
use partnermap_core::progress;
use rayon::prelude::*;

/// Samples per unit of work handed to a thread, and per progress tick.
const CHUNK: usize = 256;

/// How many pairs bound every organization's error by `error` with probability 0.95, by
/// Riondato and Kornaropoulos's bound: `(c / ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))` with `c = 0.5`,
/// `δ = 0.05` and `VD` at most `vertex_diameter` organizations on any shortest chain.
pub(super) fn samples_for(error: f64, vertex_diameter: usize) -> usize {
    let log = (vertex_diameter.saturating_sub(2).max(1) as f64)
        .log2()
        .floor();
    (0.5 / (error * error) * (log + 1.0 + (1.0f64 / 0.05).ln())).ceil() as usize
}

/// The most organizations on a shortest chain of an undirected network: at most twice the
/// largest eccentricity of any one organization per component, plus one; the eccentricity of
/// each component's first organization is measured by one search.
pub(super) fn vertex_diameter_bound(net: &Network) -> usize {
    let n = net.len();
    let mut level = vec![UNSEEN; n];
    let mut queue: Vec<u32> = Vec::new();
    let mut widest = 0;
    for root in 0..n {
        if level[root] != UNSEEN {
            continue;
        }
        queue.clear();
        queue.push(root as u32);
        level[root] = 0;
        let mut head = 0;
        while head < queue.len() {
            let v = queue[head] as usize;
            head += 1;
            for &w in net.neighbours(v) {
                if level[w as usize] == UNSEEN {
                    level[w as usize] = level[v] + 1;
                    widest = widest.max(level[v] + 1);
                    queue.push(w);
                }
            }
        }
    }
    2 * widest as usize + 1
}

/// Normalised betweenness (as [`super::betweenness`]) estimated from `samples` ordered pairs
/// drawn with `seed`. `forward` holds the arcs as they point and `backward` the same arcs
/// turned around (the same network when undirected).
pub(super) fn pair_betweenness(
    forward: &Network,
    backward: &Network,
    samples: usize,
    seed: u64,
) -> Vec<f64> {
    let n = forward.len();
    let mut out = vec![0.0; n];
    if n <= 2 || samples == 0 {
        return out;
    }
    let step = progress::step("sampled shortest paths", samples as u64);
    let starts: Vec<usize> = (0..samples).step_by(CHUNK).collect();
    let inside: Vec<Vec<u32>> = starts
        .par_iter()
        .map_init(
            || Search::new(n),
            |search, &start| {
                let mut inside = Vec::new();
                for i in start..(start + CHUNK).min(samples) {
                    let mut random = Random::new(seed, i as u64);
                    let s = random.below(n);
                    let t = (s + 1 + random.below(n - 1)) % n;
                    search.chain(forward, backward, s, t, &mut random, &mut inside);
                }
                step.advance(CHUNK.min(samples - start) as u64);
                inside
            },
        )
        .collect();
    let mut hits = vec![0u64; n];
    for v in inside.iter().flatten() {
        hits[*v as usize] += 1;
    }
    // A sample lands inside v's chains with probability Σ σ_st(v)/σ_st over the n(n-1) ordered
    // pairs; NetworkX divides the same sum by (n-1)(n-2).
    let scale = n as f64 / ((n - 2) as f64 * samples as f64);
    for (b, h) in out.iter_mut().zip(hits) {
        *b = h as f64 * scale;
    }
    out
}

/// A [`SplitMix`] stream of its own for each sample.
struct Random(SplitMix);

impl Random {
    fn new(seed: u64, sample: u64) -> Random {
        Random(SplitMix(seed ^ sample.wrapping_mul(0xD1B5_4A32_D192_ED03)))
    }

    fn next(&mut self) -> u64 {
        self.0.next()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// One side of the search: distances and shortest-chain counts from its end, and the
/// organizations it has reached (to reset them).
struct Side {
    distance: Vec<u32>,
    chains: Vec<f64>,
    reached: Vec<u32>,
    frontier: Vec<u32>,
    /// Arcs leaving the frontier: the cost of expanding it.
    frontier_arcs: usize,
}

impl Side {
    fn new(n: usize) -> Side {
        Side {
            distance: vec![UNSEEN; n],
            chains: vec![0.0; n],
            reached: Vec::new(),
            frontier: Vec::new(),
            frontier_arcs: 0,
        }
    }

    fn start(&mut self, from: usize, arcs: &Network) {
        for &v in &self.reached {
            self.distance[v as usize] = UNSEEN;
            self.chains[v as usize] = 0.0;
        }
        self.reached.clear();
        self.frontier.clear();
        self.distance[from] = 0;
        self.chains[from] = 1.0;
        self.reached.push(from as u32);
        self.frontier.push(from as u32);
        self.frontier_arcs = arcs.degree(from);
    }

    /// Expands the frontier by one level along `arcs`.
    fn expand(&mut self, arcs: &Network, next: &mut Vec<u32>) {
        next.clear();
        let mut next_arcs = 0;
        for &v in &self.frontier {
            let (v, d) = (v as usize, self.distance[v as usize]);
            for &w in arcs.neighbours(v) {
                let w = w as usize;
                if self.distance[w] == UNSEEN {
                    self.distance[w] = d + 1;
                    self.reached.push(w as u32);
                    next.push(w as u32);
                    next_arcs += arcs.degree(w);
                }
                if self.distance[w] == d + 1 {
                    self.chains[w] += self.chains[v];
                }
            }
        }
        std::mem::swap(&mut self.frontier, next);
        self.frontier_arcs = next_arcs;
    }

    /// Walks from `v` back to this side's end, choosing each step's predecessor (along
    /// `towards`, the arcs into the side's search) in proportion to its chain count, and
    /// records the organizations passed, `v` excluded, the end excluded.
    fn walk_back(
        &self,
        mut v: usize,
        towards: &Network,
        random: &mut Random,
        inside: &mut Vec<u32>,
    ) {
        while self.distance[v] > 1 {
            let d = self.distance[v];
            let mut left = random.unit() * self.chains[v];
            let mut chosen = None;
            for &u in towards.neighbours(v) {
                if self.distance[u as usize] == d - 1 {
                    chosen = Some(u as usize);
                    left -= self.chains[u as usize];
                    if left < 0.0 {
                        break;
                    }
                }
            }
            v = chosen.expect("an organization past the end has a predecessor");
            inside.push(v as u32);
        }
    }
}

/// The scratch of one thread: both sides and a buffer for the next frontier.
struct Search {
    from: Side,
    to: Side,
    next: Vec<u32>,
}

impl Search {
    fn new(n: usize) -> Search {
        Search {
            from: Side::new(n),
            to: Side::new(n),
            next: Vec::new(),
        }
    }

    /// Draws one shortest chain from `s` to `t` uniformly, if `t` can be reached, and records
    /// the organizations inside it.
    fn chain(
        &mut self,
        forward: &Network,
        backward: &Network,
        s: usize,
        t: usize,
        random: &mut Random,
        inside: &mut Vec<u32>,
    ) {
        self.from.start(s, forward);
        self.to.start(t, backward);
        loop {
            if self.from.frontier.is_empty() || self.to.frontier.is_empty() {
                return;
            }
            // The side expanded last holds the meeting organizations in its new frontier,
            // each already reached by the other side at its last level.
            let (expanded, other) = if self.from.frontier_arcs <= self.to.frontier_arcs {
                self.from.expand(forward, &mut self.next);
                (&self.from, &self.to)
            } else {
                self.to.expand(backward, &mut self.next);
                (&self.to, &self.from)
            };
            let meeting = |v: &&u32| other.distance[**v as usize] != UNSEEN;
            let weight = |v: u32| expanded.chains[v as usize] * other.chains[v as usize];
            let total: f64 = expanded
                .frontier
                .iter()
                .filter(meeting)
                .map(|&v| weight(v))
                .sum();
            if total == 0.0 {
                continue;
            }
            let mut left = random.unit() * total;
            let mut middle = None;
            for &v in expanded.frontier.iter().filter(meeting) {
                middle = Some(v as usize);
                left -= weight(v);
                if left < 0.0 {
                    break;
                }
            }
            let middle = middle.expect("the searches met");
            if middle != s && middle != t {
                inside.push(middle as u32);
            }
            // Back from the middle to s along arcs into it, and on to t along arcs out of it.
            self.from.walk_back(middle, backward, random, inside);
            self.to.walk_back(middle, forward, random, inside);
            return;
        }
    }
}
