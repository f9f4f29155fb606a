//! The batched Brandes search behind exact and sampled betweenness: [`LANES`] sources advance
//! level by level together, σ is pushed forward as whole lanes and dependencies are pulled back
//! along the arcs recorded on the way (see [`Batch`]).
//!
//! The functions `paths` calls are `#[inline]` so they are still inlined into its rayon closures
//! across the module boundary, which keeps the generated code as it was in a single file.

use super::SourceStats;
use crate::metrics::network::Network;

/// Sources searched together by one [`Batch`], one `f64` lane each.
pub(super) const LANES: usize = 16;

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
pub(super) struct Batch {
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
    #[inline]
    pub(super) fn new(n: usize) -> Batch {
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
    #[inline]
    pub(super) fn brandes(
        &mut self,
        g: &Network,
        sources: &[u32],
        bc: &mut [f64],
        stats: &mut [SourceStats],
    ) {
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
