//! Bit-parallel multi-source breadth-first search (Then et al. 2014): distances only, 64 sources
//! at a time, for [`super::distance_metrics`] and [`super::sampled_distance_metrics`].
//!
//! The functions `paths` calls are `#[inline]` so they are still inlined into its rayon closures
//! across the module boundary, which keeps the generated code as it was in a single file.

use super::SourceStats;
use crate::metrics::network::Network;

/// Per-thread bitsets for 64 simultaneous breadth-first searches (bit `i` = source `i`).
pub(super) struct Lanes {
    seen: Vec<u64>,
    frontier: Vec<u64>,
    next: Vec<u64>,
    current: Vec<u32>,
    touched: Vec<u32>,
}

impl Lanes {
    #[inline]
    pub(super) fn new(n: usize) -> Lanes {
        Lanes {
            seen: vec![0; n],
            frontier: vec![0; n],
            next: vec![0; n],
            current: Vec::with_capacity(n),
            touched: Vec::with_capacity(n),
        }
    }

    /// (Σ distances, reached, eccentricity) for up to 64 sources at once. `reached(w, level,
    /// sources)` is told of each organization `w` first reached at `level` by the sources whose
    /// bits are set in `sources`.
    #[inline]
    pub(super) fn search(
        &mut self,
        g: &Network,
        sources: &[u32],
        mut reached: impl FnMut(usize, u32, u64),
    ) -> Vec<SourceStats> {
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
                    reached(w, level, fresh);
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
