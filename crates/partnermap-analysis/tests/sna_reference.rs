//! Gould–Fernandez brokerage against R's `sna::brokerage` itself, on the graphs in
//! `tests/fixtures/knoke_sna.json` (written by `tests/fixtures/make_sna_reference.R`, which runs
//! sna; see that file to regenerate it). Counts must be equal, z-scores within 1e-9, and NaN
//! (a role whose variance is 0) exactly where sna has NaN.
mod common;

use common::{close, Fixture};
use partnermap_analysis::metrics::brokerage::{brokerage, Brokerage};
use serde_json::Value;

const ROLES: [&str; 6] = [
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
    "total",
];

fn fixture() -> Value {
    let path = format!(
        "{}/tests/fixtures/knoke_sna.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn graph<'a>(fx: &'a Value, name: &str) -> &'a Value {
    fx["graphs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("no graph {name} in knoke_sna.json"))
}

/// sna writes NaN and infinities as strings.
fn number(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| v.as_str().unwrap().parse().unwrap())
}

fn matrix(g: &Value, key: &str) -> Vec<Vec<f64>> {
    g[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row.as_array().unwrap().iter().map(number).collect())
        .collect()
}

/// The arcs brokerage() is given, a tie without direction as two arcs as `brokers` passes a
/// partnership without direction, and the groups.
fn input(g: &Value) -> (usize, Vec<(usize, usize)>, Vec<usize>) {
    let mut arcs = Vec::new();
    for t in g["ties"].as_array().unwrap() {
        let (a, b) = (
            t[0].as_u64().unwrap() as usize,
            t[1].as_u64().unwrap() as usize,
        );
        arcs.push((a, b));
        if !t[2].as_bool().unwrap() {
            arcs.push((b, a));
        }
    }
    let groups: Vec<usize> = g["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect();
    (groups.len(), arcs, groups)
}

/// Our counts and z-scores per organization, in sna's column order.
fn ours(b: &Brokerage) -> (Vec<[u64; 6]>, Vec<[f64; 6]>) {
    let counts = b
        .counts
        .iter()
        .map(|c| {
            [
                c.coordinator,
                c.itinerant,
                c.representative,
                c.gatekeeper,
                c.liaison,
                c.total,
            ]
        })
        .collect();
    let z = b
        .z_scores
        .iter()
        .map(|z| {
            [
                z.coordinator,
                z.itinerant,
                z.representative,
                z.gatekeeper,
                z.liaison,
                z.total,
            ]
        })
        .collect();
    (counts, z)
}

#[test]
fn fixture_columns_are_in_our_role_order() {
    let fx = fixture();
    let columns: Vec<&str> = fx["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(columns, ROLES);
}

#[test]
fn every_broker_of_the_hand_made_graph_has_its_role_in_sna_and_in_ours() {
    let fx = fixture();
    let g = graph(&fx, "roles_by_hand");
    let names: Vec<&str> = g["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let sna = matrix(g, "raw_nli");
    let (n, arcs, groups) = input(g);
    let (counts, _) = ours(&brokerage(n, &arcs, &groups));
    for (k, role) in ROLES[..5].iter().enumerate() {
        let broker = names
            .iter()
            .position(|x| *x == format!("{role}_broker"))
            .unwrap();
        let mut expected = [0.0; 6];
        expected[k] = 1.0;
        expected[5] = 1.0;
        assert_eq!(sna[broker], expected, "sna's row for the {role}");
        assert_eq!(
            counts[broker].map(|c| c as f64),
            expected,
            "our row for the {role}"
        );
    }
}

#[test]
fn knoke_is_the_network_of_the_networkx_fixture() {
    let fx = fixture();
    let (n, arcs, groups) = input(graph(&fx, "knoke"));
    let nx = Fixture::load("knoke");
    let (nx_arcs, nx_groups) = nx.directed_ties();
    assert_eq!((n, &arcs, &groups), (nx.names.len(), &nx_arcs, &nx_groups));
}

#[test]
fn brokerage_matches_sna_on_every_fixture_graph() {
    let fx = fixture();
    let graphs = fx["graphs"].as_array().unwrap();
    assert!(graphs.len() >= 5);
    let (mut max_diff, mut nans) = (0.0f64, 0);
    for g in graphs {
        let name = g["name"].as_str().unwrap();
        let (n, arcs, groups) = input(g);
        let (counts, z) = ours(&brokerage(n, &arcs, &groups));
        let (sna_counts, sna_z) = (matrix(g, "raw_nli"), matrix(g, "z_nli"));
        assert_eq!(sna_counts.len(), n, "{name}");
        for v in 0..n {
            for (k, role) in ROLES.iter().enumerate() {
                assert_eq!(
                    counts[v][k] as f64, sna_counts[v][k],
                    "{name} organization {v} {role} count"
                );
                let (a, b) = (z[v][k], sna_z[v][k]);
                assert!(
                    a == b || close(a, b),
                    "{name} organization {v} {role} z: ours {a}, sna {b}"
                );
                if b.is_nan() {
                    nans += 1;
                } else {
                    max_diff = max_diff.max((a - b).abs());
                }
            }
        }
    }
    // The fixture must exercise sna's zero-variance case (groups of one and two).
    assert!(nans > 0);
    eprintln!("max |z - z_sna| = {max_diff:e} over all graphs; {nans} NaN z-scores matched");
}
