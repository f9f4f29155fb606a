//! Loading the NetworkX fixtures written by `tests/fixtures/make_reference.py`.
#![allow(dead_code)] // each test binary uses a different part of this module

use partnermap_analysis::metrics::Network;
use serde_json::Value;

pub const TOL: f64 = 1e-9;

pub const FIXTURES: &[&str] = &[
    "florentine16",
    "florentine15",
    "karate",
    "knoke",
    "davis_women",
    "gnp_30_015",
    "gnp_80_006",
    "gnp_50_003_disconnected",
    "gnp_200_003",
];

pub struct Fixture {
    pub name: String,
    pub names: Vec<String>,
    pub edges: Vec<(usize, usize, f64)>,
    pub json: Value,
}

impl Fixture {
    pub fn load(name: &str) -> Fixture {
        let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let json: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let names = json["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        let edges = json["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e[0].as_u64().unwrap() as usize,
                    e[1].as_u64().unwrap() as usize,
                    e[2].as_f64().unwrap(),
                )
            })
            .collect();
        Fixture {
            name: name.to_string(),
            names,
            edges,
            json,
        }
    }

    pub fn network(&self) -> Network {
        Network::from_edges(self.names.len(), &self.edges)
    }

    pub fn reference(&self, key: &str) -> &Value {
        let v = &self.json["reference"][key];
        assert!(!v.is_null(), "{}: no reference value {key}", self.name);
        v
    }

    /// A per-organization float list; null (NaN in NetworkX) becomes NaN.
    pub fn floats(&self, key: &str) -> Vec<f64> {
        self.reference(key)
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap_or(f64::NAN))
            .collect()
    }

    /// The fixture's directed ties (`arcs`) and each organization's group (`groups`), as the
    /// brokerage fixtures store them.
    pub fn directed_ties(&self) -> (Vec<(usize, usize)>, Vec<usize>) {
        let arcs = pairs(&self.json["arcs"]);
        let groups = self.json["groups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_u64().unwrap() as usize)
            .collect();
        (arcs, groups)
    }

    pub fn index_of(&self, name: &str) -> usize {
        self.names.iter().position(|n| n == name).unwrap()
    }
}

/// Equal within [`TOL`] (absolute), NaN only matching NaN.
/// A JSON array of `[a, b]` index pairs.
pub fn pairs(value: &Value) -> Vec<(usize, usize)> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p[0].as_u64().unwrap() as usize,
                p[1].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

pub fn close(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || (a - b).abs() <= TOL
}

pub fn assert_all_close(what: &str, ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{what}: length");
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert!(close(*a, *b), "{what}[{i}]: ours {a}, NetworkX {b}");
    }
}
