//! Directed metrics against NetworkX 3.6.1 on `DiGraph`s (absolute tolerance 1e-9): Knoke's
//! information and money networks, the four Chinese ENGO relations, a random directed graph and
//! a random acyclic one, written by `tests/fixtures/make_reference.py` as `directed_*.json`.
mod common;

use common::{assert_all_close, pairs};
use partnermap_analysis::metrics::{analyze_directed, AnalysisOptions, Network};
use serde_json::Value;

const DIRECTED: &[&str] = &[
    "knoke_information",
    "knoke_money",
    "engo_collaboration",
    "engo_information",
    "engo_support",
    "engo_financial_aid",
    "gnp_60_005",
    "dag_40",
];

struct Directed {
    names: Vec<String>,
    arcs: Vec<(usize, usize)>,
    reference: Value,
}

fn load(name: &str) -> Directed {
    let path = format!(
        "{}/tests/fixtures/directed_{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    Directed {
        names: json["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect(),
        arcs: pairs(&json["arcs"]),
        reference: json["reference"].clone(),
    }
}

impl Directed {
    fn floats(&self, key: &str) -> Vec<f64> {
        self.reference[key]
            .as_array()
            .unwrap_or_else(|| panic!("no reference {key}"))
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    }

    /// The arcs as the directed network, and the same ties without direction.
    fn networks(&self) -> (Network, Network) {
        let n = self.names.len();
        let weighted: Vec<(usize, usize, f64)> =
            self.arcs.iter().map(|&(a, b)| (a, b, 1.0)).collect();
        let mut undirected: Vec<(usize, usize, f64)> = self
            .arcs
            .iter()
            .map(|&(a, b)| (a.min(b), a.max(b), 1.0))
            .collect();
        undirected.sort_by_key(|&(a, b, _)| (a, b));
        undirected.dedup_by_key(|&mut (a, b, _)| (a, b));
        (
            Network::from_arcs(n, &weighted),
            Network::from_edges(n, &undirected),
        )
    }
}

#[test]
fn directed_metrics_match_networkx_digraphs() {
    for name in DIRECTED {
        let fx = load(name);
        let (arcs, ties) = fx.networks();
        let report = analyze_directed(&ties, &arcs, &AnalysisOptions::default());
        let orgs = &report.organizations;
        let col = |f: fn(&partnermap_analysis::metrics::OrganizationMetrics) -> f64| -> Vec<f64> {
            orgs.iter().map(f).collect()
        };
        let check = |key: &str, ours: Vec<f64>| {
            assert_all_close(&format!("{name} {key}"), &ours, &fx.floats(key))
        };
        check("in_degree", col(|o| o.in_degree.unwrap() as f64));
        check("out_degree", col(|o| o.out_degree.unwrap() as f64));
        check("betweenness", col(|o| o.betweenness));
        check("closeness", col(|o| o.closeness));
        let n = orgs.len() as f64;
        check(
            "raw_betweenness",
            col(|o| o.betweenness)
                .iter()
                .map(|b| b * (n - 1.0) * (n - 2.0))
                .collect(),
        );
        if fx.reference["eigenvector_defined"].as_bool().unwrap() {
            check("eigenvector", col(|o| o.eigenvector));
        } else {
            assert!(
                orgs.iter().all(|o| o.eigenvector.is_nan()),
                "{name}: NetworkX's power iteration fails, ours must report no value"
            );
        }
        assert!(report.network.directed);
    }
}

#[test]
fn knoke_information_names_the_mayors_office_top_broker() {
    let fx = load("knoke_information");
    let (arcs, ties) = fx.networks();
    let report = analyze_directed(&ties, &arcs, &AnalysisOptions::default());
    let top = (0..fx.names.len())
        .max_by(|&a, &b| {
            report.organizations[a]
                .betweenness
                .total_cmp(&report.organizations[b].betweenness)
        })
        .unwrap();
    assert_eq!(fx.names[top], "MAYR");
    // Knoke & Kuklinski's raw directed betweenness of the Mayor's office (SOURCE.md): 17.833.
    let raw = report.organizations[top].betweenness * 9.0 * 8.0;
    assert!((raw - 17.833).abs() < 5e-4, "{raw}");
}

/// With a pivot per organization closeness is exact; betweenness, estimated from random pairs,
/// lies within its bound of the exact value.
#[test]
fn sampling_a_directed_network_is_exact_or_within_its_bound() {
    let fx = load("gnp_60_005");
    let (arcs, ties) = fx.networks();
    let exact = analyze_directed(&ties, &arcs, &AnalysisOptions::default());
    let all_pivots = AnalysisOptions {
        sample_above: 0,
        pivots: 60,
        ..Default::default()
    };
    let sampled = analyze_directed(&ties, &arcs, &all_pivots);
    let bound = all_pivots.betweenness_error * 60.0 / 58.0;
    for (s, e) in sampled.organizations.iter().zip(&exact.organizations) {
        assert!(
            (s.betweenness - e.betweenness).abs() <= bound,
            "{s:?} {e:?}"
        );
    }
    assert_eq!(
        sampled
            .organizations
            .iter()
            .map(|o| o.closeness)
            .collect::<Vec<_>>(),
        exact
            .organizations
            .iter()
            .map(|o| o.closeness)
            .collect::<Vec<_>>()
    );
}
