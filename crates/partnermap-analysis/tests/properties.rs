//! Property tests: betweenness against a naive all-pairs reference, rustworkx-core cross-checks,
//! and repeatability of the communities.
use partnermap_analysis::metrics::{
    communities::{louvain, modularity},
    paths, Network,
};
use proptest::prelude::*;
use rustworkx_core::petgraph::graph::UnGraph;

/// Random simple graph: `n` organizations, each pair a partnership with probability `p`, from
/// proptest's shrinkable bit vector.
fn graph(max_n: usize) -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>)> {
    (2..=max_n).prop_flat_map(|n| {
        let pairs = n * (n - 1) / 2;
        (
            Just(n),
            proptest::collection::vec(proptest::bool::weighted(0.25), pairs),
        )
            .prop_map(|(n, bits)| {
                let mut edges = Vec::new();
                let mut k = 0;
                for a in 0..n {
                    for b in a + 1..n {
                        if bits[k] {
                            edges.push((a, b, 1.0));
                        }
                        k += 1;
                    }
                }
                (n, edges)
            })
    })
}

/// Betweenness by definition: for every pair s < t and every v, the share of shortest s–t paths
/// through v, with distances and path counts from Floyd–Warshall-style dynamic programming.
fn naive_betweenness(n: usize, edges: &[(usize, usize, f64)]) -> Vec<f64> {
    const INF: usize = usize::MAX / 4;
    let mut dist = vec![vec![INF; n]; n];
    let mut count = vec![vec![0f64; n]; n];
    for (v, row) in dist.iter_mut().enumerate() {
        row[v] = 0;
        count[v][v] = 1.0;
    }
    for &(a, b, _) in edges {
        dist[a][b] = 1;
        dist[b][a] = 1;
        count[a][b] = 1.0;
        count[b][a] = 1.0;
    }
    // Breadth-first layering by path length is enough for unit weights: extend paths length by 1.
    for len in 2..n {
        for s in 0..n {
            for t in 0..n {
                if dist[s][t] != INF {
                    continue;
                }
                let mut c = 0.0;
                for &(a, b, _) in edges {
                    for (x, y) in [(a, b), (b, a)] {
                        if y == t && dist[s][x] == len - 1 {
                            c += count[s][x];
                        }
                    }
                }
                if c > 0.0 {
                    dist[s][t] = len;
                    count[s][t] = c;
                }
            }
        }
    }
    let mut b = vec![0.0; n];
    for s in 0..n {
        for t in s + 1..n {
            if dist[s][t] == INF {
                continue;
            }
            for v in 0..n {
                if v != s && v != t && dist[s][v] + dist[v][t] == dist[s][t] {
                    b[v] += count[s][v] * count[v][t] / count[s][t];
                }
            }
        }
    }
    let scale = if n > 2 {
        2.0 / ((n - 1) as f64 * (n - 2) as f64)
    } else {
        0.0
    };
    b.iter().map(|x| x * scale).collect()
}

fn petgraph(n: usize, edges: &[(usize, usize, f64)]) -> UnGraph<(), ()> {
    let mut g = UnGraph::with_capacity(n, edges.len());
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b, _) in edges {
        g.add_edge((a as u32).into(), (b as u32).into(), ());
    }
    g
}

/// A deterministic shuffle (Fisher–Yates with a xorshift generator) for permuting inputs.
fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn betweenness_equals_naive_definition((n, edges) in graph(12)) {
        let ours = paths::betweenness(&Network::from_edges(n, &edges));
        for (a, b) in ours.iter().zip(naive_betweenness(n, &edges)) {
            prop_assert!((a - b).abs() < 1e-9, "ours {a}, naive {b}");
        }
    }

    #[test]
    fn betweenness_matches_rustworkx((n, edges) in graph(25)) {
        let net = Network::from_edges(n, &edges);
        let g = petgraph(n, &edges);
        let theirs = rustworkx_core::centrality::betweenness_centrality(&g, false, true, 1000);
        for (a, b) in paths::betweenness(&net).iter().zip(theirs) {
            prop_assert!((a - b.unwrap()).abs() < 1e-9);
        }
    }

    #[test]
    fn communities_ignore_edge_order_and_direction((n, edges) in graph(30), seed in any::<u64>()) {
        let first = louvain(&Network::from_edges(n, &edges));
        prop_assert_eq!(&first, &louvain(&Network::from_edges(n, &edges)));
        let mut shuffled: Vec<(usize, usize, f64)> = edges.iter().map(|&(a, b, w)| (b, a, w)).collect();
        shuffle(&mut shuffled, seed | 1);
        prop_assert_eq!(&first, &louvain(&Network::from_edges(n, &shuffled)));
    }

    #[test]
    fn bit_parallel_distances_equal_brandes_distances((n, edges) in graph(150)) {
        let net = Network::from_edges(n, &edges);
        let (fast, full) = (paths::distance_metrics(&net), paths::path_metrics(&net));
        prop_assert_eq!(fast.closeness, full.closeness);
        prop_assert_eq!(fast.diameter, full.diameter);
        prop_assert_eq!(fast.average_path_length, full.average_path_length);
    }

    #[test]
    fn sampled_betweenness_is_zero_exactly_where_no_shortest_chain_passes(
        (n, edges) in graph(40),
        seed in any::<u64>(),
    ) {
        let net = Network::from_edges(n, &edges);
        let (exact, estimate) = (paths::betweenness(&net), paths::sampled_betweenness(&net, 0.2, seed));
        for (v, (a, b)) in exact.iter().zip(&estimate).enumerate() {
            prop_assert!(*b >= 0.0);
            if *a == 0.0 {
                prop_assert_eq!(*b, 0.0, "organization {} is inside no shortest chain", v);
            }
        }
    }

    #[test]
    fn sampled_betweenness_does_not_depend_on_the_thread_count((n, edges) in graph(60), seed in any::<u64>()) {
        let net = Network::from_edges(n, &edges);
        let one = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let alone = one.install(|| paths::sampled_betweenness(&net, 0.1, seed));
        prop_assert_eq!(alone, paths::sampled_betweenness(&net, 0.1, seed));
    }

    #[test]
    fn sampled_distances_are_exact_with_a_pivot_per_member((n, edges) in graph(150), seed in any::<u64>()) {
        let net = Network::from_edges(n, &edges);
        prop_assert_eq!(paths::sampled_distance_metrics(&net, n, seed), paths::distance_metrics(&net));
    }

    #[test]
    fn sampled_distances_never_overstate_the_diameter((n, edges) in graph(60), k in 1usize..20, seed in any::<u64>()) {
        let net = Network::from_edges(n, &edges);
        let (estimate, exact) = (paths::sampled_distance_metrics(&net, k, seed), paths::distance_metrics(&net));
        prop_assert!(estimate.diameter <= exact.diameter);
        prop_assert!(2 * estimate.diameter >= exact.diameter);
        // A component no larger than k is searched from every member.
        if k >= n {
            prop_assert_eq!(estimate, exact);
        }
    }

    #[test]
    fn sampled_directed_closeness_is_exact_with_every_pivot((n, edges) in graph(40), seed in any::<u64>()) {
        let arcs = Network::from_arcs(n, &edges);
        prop_assert_eq!(paths::sampled_directed_closeness(&arcs, n, seed), paths::directed_closeness(&arcs));
    }
}

/// Sampled closeness on a 3,000-organization network of blocks joined by a few ties (the shape
/// of the benchmark networks): every organization's mean distance within the documented
/// Hoeffding bound (δ = 0.05 over all of them), and the whole-network figures close to exact.
#[test]
fn sampled_closeness_is_within_the_stated_bound() {
    let n = 3000;
    let mut edges = Vec::new();
    let mut state = 5u64;
    for a in 1..n {
        for _ in 0..2 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let b = if state.is_multiple_of(7) {
                (state >> 8) as usize % a
            } else {
                a / 100 * 100 + (state >> 8) as usize % (a % 100 + 1)
            };
            edges.push((a, b.min(a - 1), 1.0));
        }
    }
    let net = Network::from_edges(n, &edges);
    let exact = paths::distance_metrics(&net);
    let k = 300;
    let estimate = paths::sampled_distance_metrics(&net, k, 3);
    // One component, so closeness = (n-1)/(n-1) / mean distance.
    let delta = exact.diameter as f64;
    let eps = delta * ((2.0 * n as f64 / 0.05).ln() / (2.0 * k as f64)).sqrt();
    let mut worst = 0.0f64;
    for (e, x) in estimate.closeness.iter().zip(&exact.closeness) {
        assert!(*e > 0.0 && *x > 0.0);
        worst = worst.max((1.0 / e - 1.0 / x).abs());
    }
    assert!(
        worst <= eps,
        "worst mean-distance error {worst} above bound {eps}"
    );
    assert!(worst > 0.0, "k < n must actually sample");
    let apl = (estimate.average_path_length - exact.average_path_length).abs();
    assert!(apl < 0.05 * exact.average_path_length, "{apl}");
    assert!(estimate.diameter <= exact.diameter && estimate.diameter + 2 >= exact.diameter);
}

/// A sampled estimate on a 400-organization random network stays within the documented bound
/// for all organizations at once, and the directed estimate within its own.
#[test]
fn sampled_betweenness_is_within_the_stated_bound() {
    let n = 400;
    let mut edges = Vec::new();
    let mut state = 7u64;
    for a in 0..n {
        for b in a + 1..n {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if state % 100 < 2 {
                edges.push((a, b, 1.0));
            }
        }
    }
    let error = 0.003;
    let eps = error * n as f64 / (n - 2) as f64;
    let arcs: Vec<(usize, usize, f64)> = edges
        .iter()
        .enumerate()
        .map(|(i, &(a, b, w))| if i % 3 == 0 { (b, a, w) } else { (a, b, w) })
        .collect();
    for net in [Network::from_edges(n, &edges), Network::from_arcs(n, &arcs)] {
        let exact = paths::betweenness(&net);
        let est = paths::sampled_betweenness(&net, error, 42);
        let worst = exact
            .iter()
            .zip(&est)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(worst <= eps, "worst error {worst} above bound {eps}");
        assert!(
            est.iter().zip(&exact).any(|(a, b)| a != b),
            "the estimate must actually sample"
        );
        let largest = exact.iter().copied().fold(0.0, f64::max);
        assert!(
            largest > 4.0 * eps,
            "the bound is not vacuous: largest {largest}, bound {eps}"
        );
    }
}

/// Louvain output is identical across runs on a network large enough to need several levels.
#[test]
fn communities_are_repeatable_on_a_larger_network() {
    let n = 3000;
    let mut edges = Vec::new();
    let mut state = 11u64;
    for a in 0..n {
        for _ in 0..3 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Mostly within blocks of 100, sometimes across.
            let b = if state.is_multiple_of(5) {
                (state >> 8) as usize % n
            } else {
                a / 100 * 100 + (state >> 8) as usize % 100
            };
            edges.push((a, b, 1.0));
        }
    }
    let net = Network::from_edges(n, &edges);
    let first = louvain(&net);
    assert!(
        first.modularity > 0.5,
        "block structure should be found: {}",
        first.modularity
    );
    for _ in 0..3 {
        assert_eq!(first, louvain(&net));
    }
}

/// Louvain finishes on networks where two communities tie exactly for an organization. This
/// nine-organization network made an organization swing between two such communities forever
/// while any positive (rounding-sized) gain counted as an improvement.
#[test]
fn communities_finish_when_moves_tie() {
    let edges = [
        (0, 6, 1.0),
        (0, 8, 1.0),
        (1, 3, 1.0),
        (1, 6, 1.0),
        (3, 4, 1.0),
        (3, 5, 1.0),
        (3, 6, 1.0),
        (4, 6, 1.0),
        (4, 7, 1.0),
        (5, 6, 1.0),
    ];
    let net = Network::from_edges(9, &edges);
    let found = louvain(&net);
    assert!((found.modularity - modularity(&net, &found.community)).abs() < 1e-12);
    assert!(found.modularity > 0.0);
}

/// Degenerate networks give defined, documented values rather than panics.
#[test]
fn empty_and_tiny_networks() {
    let empty = partnermap_analysis::metrics::analyze(&Network::from_edges(0, &[]));
    assert!(empty.organizations.is_empty());
    assert_eq!(
        (empty.network.components, empty.network.communities),
        (0, 0)
    );
    assert_eq!(empty.network.density, 0.0);

    let one = partnermap_analysis::metrics::analyze(&Network::from_edges(1, &[]));
    let o = &one.organizations[0];
    assert_eq!((o.betweenness, o.closeness, o.core_number), (0.0, 0.0, 0));
    assert!(o.constraint.is_nan() && o.hierarchy.is_nan());
    assert_eq!(
        (one.network.diameter, one.network.average_path_length),
        (0, 0.0)
    );

    let pair = partnermap_analysis::metrics::analyze(&Network::from_edges(2, &[(0, 1, 2.0)]));
    assert_eq!(pair.network.bridges, vec![(0, 1)]);
    assert_eq!(pair.organizations[0].weighted_degree, 2.0);
    assert_eq!(pair.organizations[0].constraint, 1.0);
    assert!(pair.organizations[0].hierarchy.is_nan());
}
