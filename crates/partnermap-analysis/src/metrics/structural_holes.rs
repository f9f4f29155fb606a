//! Burt's structural holes: constraint, effective size, efficiency and hierarchy.
//!
//! Definitions follow Burt (1992), *Structural Holes*, as implemented by NetworkX 3.6
//! `constraint(G, weight=...)` and `effective_size(G, weight=...)`. With `p_ij` the share of
//! `i`'s tie strength invested in `j` (`w_ij / Σ_k w_ik`):
//!
//! - local constraint `c_ij = (p_ij + Σ_{q ≠ i,j} p_iq p_qj)²`, constraint `C_i = Σ_j c_ij`;
//! - effective size `Σ_j (1 - Σ_q p_iq m_jq)` with `m_jq = w_jq / max_k w_jk`; unweighted this is
//!   Borgatti's `d - 2t/d` (`t` = ties among the partners). Weighted, this matches NetworkX's
//!   per-node path (`effective_size(G, nodes=..., weight=...)`); NetworkX 3.6's matrix shortcut,
//!   taken when `nodes` is omitted and scipy is installed, divides by the intermediary's
//!   strongest tie instead of the partner's and gives different weighted values;
//! - efficiency = effective size / degree;
//! - hierarchy (NetworkX has none; this is Burt's formula as in UCINET and igraph's
//!   documentation): `H_i = Σ_j (c_ij/(C_i/N)) ln(c_ij/(C_i/N)) / (N ln N)`, `N` = degree of `i`.
//!   It is 0 when constraint is spread evenly over the partners and approaches 1 when one partner
//!   holds it all.
//!
//! Isolated organizations get NaN for all four (NetworkX does the same for constraint and
//! effective size); hierarchy is also NaN at degree 1, where `N ln N = 0`.
//!
//! Complexity O(Σ_i Σ_{q∈N(i)} d(q)) time (two-step walks), parallel over organizations.
//!
//! For a coalition: low constraint and high effective size mark an organization whose partners do
//! not already know each other — it spans structural holes and can broker between them.
use rayon::prelude::*;
use serde::Serialize;

use super::network::Network;

/// Burt's measures per organization.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StructuralHoles {
    /// Burt's constraint (NetworkX `constraint`).
    pub constraint: Vec<f64>,
    /// Burt's effective size (NetworkX `effective_size`).
    pub effective_size: Vec<f64>,
    /// Effective size divided by degree.
    pub efficiency: Vec<f64>,
    /// Burt's hierarchy (see the module docs).
    pub hierarchy: Vec<f64>,
}

/// Computes the structural-hole measures; `weighted = false` treats every partnership as 1.
///
/// ```
/// use partnermap_analysis::metrics::{structural_holes::structural_holes, Network};
/// // The centre of a star spans holes between three partners who do not know each other.
/// let star = Network::from_edges(4, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0)]);
/// let h = structural_holes(&star, false);
/// assert!((h.constraint[0] - 1.0 / 3.0).abs() < 1e-12);
/// assert_eq!(h.effective_size[0], 3.0);
/// assert_eq!(h.efficiency[0], 1.0);
/// assert!(h.hierarchy[0].abs() < 1e-12);
/// assert!(h.constraint[1] == 1.0 && h.hierarchy[1].is_nan());
/// ```
pub fn structural_holes(net: &Network, weighted: bool) -> StructuralHoles {
    let n = net.len();
    let w = |v: usize, i: usize| if weighted { net.weights(v)[i] } else { 1.0 };
    let strength: Vec<f64> = (0..n)
        .map(|v| (0..net.degree(v)).map(|i| w(v, i)).sum())
        .collect();
    let max_w: Vec<f64> = (0..n)
        .map(|v| (0..net.degree(v)).map(|i| w(v, i)).fold(0.0, f64::max))
        .collect();
    let rows: Vec<(f64, f64, f64)> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![f64::NAN; n], vec![0.0; n]),
            |(indirect, redundancy), i| {
                let nb = net.neighbours(i);
                let d = nb.len();
                if d == 0 {
                    return (f64::NAN, f64::NAN, f64::NAN);
                }
                // indirect[j] is NaN for non-partners of i, so two-step walks leaving the ego
                // network are skipped with one comparison.
                for &j in nb {
                    indirect[j as usize] = 0.0;
                    redundancy[j as usize] = 0.0;
                }
                for (qi, &q) in nb.iter().enumerate() {
                    let q = q as usize;
                    let p_iq = w(i, qi) / strength[i];
                    for (ji, &j) in net.neighbours(q).iter().enumerate() {
                        let j = j as usize;
                        if indirect[j].is_nan() {
                            continue;
                        }
                        let w_qj = w(q, ji);
                        indirect[j] += p_iq * w_qj / strength[q];
                        redundancy[j] += p_iq * w_qj / max_w[j];
                    }
                }
                let mut local = Vec::with_capacity(d);
                let mut effective = 0.0;
                for (ji, &j) in nb.iter().enumerate() {
                    let j = j as usize;
                    let c = w(i, ji) / strength[i] + indirect[j];
                    local.push(c * c);
                    effective += 1.0 - redundancy[j];
                    indirect[j] = f64::NAN;
                }
                let constraint: f64 = local.iter().sum();
                let hierarchy = if d < 2 {
                    f64::NAN
                } else {
                    let mean = constraint / d as f64;
                    let df = d as f64;
                    local
                        .iter()
                        .map(|&c| (c / mean) * (c / mean).ln())
                        .sum::<f64>()
                        / (df * df.ln())
                };
                (constraint, effective, hierarchy)
            },
        )
        .collect();
    let mut out = StructuralHoles {
        constraint: Vec::with_capacity(n),
        effective_size: Vec::with_capacity(n),
        efficiency: Vec::with_capacity(n),
        hierarchy: Vec::with_capacity(n),
    };
    for (v, (c, e, h)) in rows.into_iter().enumerate() {
        out.constraint.push(c);
        out.effective_size.push(e);
        out.efficiency.push(e / net.degree(v) as f64);
        out.hierarchy.push(h);
    }
    out
}
