//! Gould–Fernandez brokerage roles.
//!
//! Gould & Fernandez (1989), "Structures of mediation: a formal approach to brokerage in
//! transaction networks", *Sociological Methodology* 19. For every two-step path `a → b → c`
//! with `a ≠ c` and no direct tie `a → c`, the broker `b` gets one role by group membership `G`:
//!
//! | role | groups |
//! |---|---|
//! | coordinator | `G(a) = G(b) = G(c)` |
//! | itinerant (consultant) | `G(a) = G(c) ≠ G(b)` |
//! | representative | `G(a) = G(b) ≠ G(c)` |
//! | gatekeeper | `G(b) = G(c) ≠ G(a)` |
//! | liaison | all three differ |
//!
//! The z-scores are those of R's `sna::brokerage` (Butts; `brokerage_R` in `gli.c` and the
//! moments in `brokerage()` in `nli.R`): `(count − E)/sqrt(Var)` with `E`, `Var` from a
//! Bernoulli graph of the observed density `d = arcs / (N(N−1))`, depending on the broker's group
//! size `n_i` and the other group sizes. A z-score is NaN when its variance is 0 (e.g. coordinator
//! in a group of one or two). Arcs are deduplicated and self loops dropped before counting; sna
//! would count a loop towards the density, but partnermap's loader rejects a partnership of an
//! organization with itself, so none reaches here from a coalition.
//! Complexity O(Σ_b indeg(b)·outdeg(b) · log outdeg) time.
//!
//! Counts and z-scores are tested against the output of R sna 2.7.1's `brokerage()` itself
//! (`tests/sna_reference.rs`): exactly and to 1e-9, NaN where sna has NaN, on the Knoke
//! bureaucracies information network, a hand-made graph with one broker per role (which pins
//! sna's column order `w_I, w_O, b_IO, b_OI, b_O` to coordinator, itinerant, representative,
//! gatekeeper, liaison), and seeded random networks with one-way ties, ties without direction
//! and both. Regenerate the fixture with
//! `Rscript crates/partnermap-analysis/tests/fixtures/make_sna_reference.R` (needs R and sna).
//!
//! For a coalition: it says not just *that* an organization brokers but *how* — inside its own
//! sector (coordinator), between members of another sector (itinerant), as its sector's voice
//! outward (representative), as the entry point into its sector (gatekeeper), or between two
//! other sectors (liaison).
use std::collections::BTreeMap;

use serde::Serialize;

/// Counts of each brokerage role for one organization.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct RoleCounts {
    /// `G(a) = G(b) = G(c)`.
    pub coordinator: u64,
    /// `G(a) = G(c) ≠ G(b)` (also called consultant).
    pub itinerant: u64,
    /// `G(a) = G(b) ≠ G(c)`.
    pub representative: u64,
    /// `G(b) = G(c) ≠ G(a)`.
    pub gatekeeper: u64,
    /// All three groups differ.
    pub liaison: u64,
    /// Sum of the five roles.
    pub total: u64,
}

/// z-scores of each role count against a random network of the same density (sna's formula).
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct RoleScores {
    /// Coordinator z-score.
    pub coordinator: f64,
    /// Itinerant z-score.
    pub itinerant: f64,
    /// Representative z-score.
    pub representative: f64,
    /// Gatekeeper z-score.
    pub gatekeeper: f64,
    /// Liaison z-score.
    pub liaison: f64,
    /// Total z-score.
    pub total: f64,
}

/// Brokerage roles for every organization.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Brokerage {
    /// Role counts per organization.
    pub counts: Vec<RoleCounts>,
    /// Role z-scores per organization.
    pub z_scores: Vec<RoleScores>,
}

/// Gould–Fernandez brokerage over directed ties `arcs` (`(from, to)`) among `n` organizations with
/// `groups[v]` the group (sector, type…) of `v`. Pass an undirected partnership as two arcs.
///
/// # Panics
/// If `groups.len() != n` or an arc endpoint is `>= n`.
///
/// ```
/// use partnermap_analysis::metrics::brokerage::brokerage;
/// // 0 → 1 → 2 with no 0 → 2; 0 and 1 are in group 0, 2 in group 1: 1 represents its group.
/// let b = brokerage(3, &[(0, 1), (1, 2)], &[0, 0, 1]);
/// assert_eq!(b.counts[1].representative, 1);
/// assert_eq!(b.counts[1].total, 1);
/// assert_eq!(b.counts[0].total, 0);
/// ```
pub fn brokerage(n: usize, arcs: &[(usize, usize)], groups: &[usize]) -> Brokerage {
    assert_eq!(groups.len(), n, "one group per organization");
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in arcs {
        assert!(
            a < n && b < n,
            "arc ({a}, {b}) refers to an organization >= {n}"
        );
        if a != b {
            out[a].push(b);
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    let m: usize = out.iter().map(Vec::len).sum();
    let mut counts = vec![RoleCounts::default(); n];
    for a in 0..n {
        for &b in &out[a] {
            for &c in &out[b] {
                if c == a || out[a].binary_search(&c).is_ok() {
                    continue;
                }
                let (ga, gb, gc) = (groups[a], groups[b], groups[c]);
                let r = &mut counts[b];
                if ga == gb {
                    if gb == gc {
                        r.coordinator += 1;
                    } else {
                        r.representative += 1;
                    }
                } else if gb == gc {
                    r.gatekeeper += 1;
                } else if ga == gc {
                    r.itinerant += 1;
                } else {
                    r.liaison += 1;
                }
                r.total += 1;
            }
        }
    }
    let mut size: BTreeMap<usize, f64> = BTreeMap::new();
    for &g in groups {
        *size.entry(g).or_insert(0.0) += 1.0;
    }
    let moments: BTreeMap<usize, [(f64, f64); 6]> = size
        .iter()
        .map(|(&g, &ni)| (g, group_moments(n, m, ni, &size, g)))
        .collect();
    let z_scores = counts
        .iter()
        .zip(groups)
        .map(|(c, g)| {
            let mo = &moments[g];
            let z = |x: u64, k: usize| (x as f64 - mo[k].0) / mo[k].1.sqrt();
            RoleScores {
                coordinator: z(c.coordinator, 0),
                itinerant: z(c.itinerant, 1),
                representative: z(c.representative, 2),
                gatekeeper: z(c.gatekeeper, 3),
                liaison: z(c.liaison, 4),
                total: z(c.total, 5),
            }
        })
        .collect();
    Brokerage { counts, z_scores }
}

/// `R`'s `choose(x, 2)` for real `x >= 0`.
fn choose2(x: f64) -> f64 {
    x * (x - 1.0) / 2.0
}

/// (expectation, variance) of each role count for a broker in group `g` of size `ni`, in the
/// order coordinator, itinerant, representative, gatekeeper, liaison, total — sna's `ebr`, `vbr`.
fn group_moments(
    n: usize,
    m: usize,
    ni: f64,
    size: &BTreeMap<usize, f64>,
    g: usize,
) -> [(f64, f64); 6] {
    let nn = n as f64;
    let d = if n > 1 {
        m as f64 / (nn * (nn - 1.0))
    } else {
        0.0
    };
    let p = d * d * (1.0 - d);
    let q = d.powi(3) * (1.0 - d).powi(3);
    let others: Vec<f64> = size
        .iter()
        .filter(|(&h, _)| h != g)
        .map(|(_, &x)| x)
        .collect();
    let with_var = |e: f64, extra: f64| (e, e * (1.0 - p) + extra);
    let e1 = p * (ni - 1.0) * (ni - 2.0);
    let e2 = p * others.iter().map(|x| x * (x - 1.0)).sum::<f64>();
    let e3 = p * (nn - ni) * (ni - 1.0);
    let sum_o: f64 = others.iter().sum();
    let e5 = p * (sum_o * sum_o - others.iter().map(|x| x * x).sum::<f64>());
    let e6 = p * (nn - 1.0) * (nn - 2.0);
    let v3 = 2.0 * ((ni - 1.0) * choose2(nn - ni) + (nn - ni) * choose2(ni - 1.0)) * q;
    [
        with_var(e1, 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q),
        with_var(
            e2,
            2.0 * others
                .iter()
                .map(|x| x * (x - 1.0) * (x - 2.0))
                .sum::<f64>()
                * q,
        ),
        with_var(e3, v3),
        with_var(e3, v3),
        with_var(
            e5,
            4.0 * others.iter().map(|x| x * choose2(nn - x - ni)).sum::<f64>() * q,
        ),
        with_var(e6, 2.0 * (nn - 1.0) * (nn - 2.0) * (nn - 3.0) * q),
    ]
}
