//! Metrics and brokers that follow the direction of the ties, on small edge lists whose
//! answers can be worked out by hand.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn edge_list(dir: &Path, rows: &str) -> std::path::PathBuf {
    let path = dir.join("ties.csv");
    std::fs::write(&path, format!("source,target,directed\n{rows}")).unwrap();
    path
}

fn json(args: &[&str], path: &Path) -> Value {
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .args(&args[..1])
        .arg(path)
        .args(&args[1..])
        .args(["--format", "json", "--quiet"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

fn column(metrics: &Value, key: &str) -> Vec<Value> {
    metrics["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o[key].clone())
        .collect()
}

#[test]
fn in_a_mixed_network_a_tie_without_direction_counts_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    // a → b, b — c: the only chains through b run a → b → c and c → b; b → a does not exist.
    let path = edge_list(dir.path(), "a,b,true\nb,c,false\n");
    let directed = json(&["metrics", "--directed"], &path);
    assert_eq!(directed["network"]["directed"], true);
    assert_eq!(column(&directed, "in_degree"), [0, 2, 1]);
    assert_eq!(column(&directed, "out_degree"), [1, 1, 1]);
    // One of the two ordered pairs of the others (a to c, not c to a) passes through b.
    assert_eq!(column(&directed, "betweenness"), [0.0, 0.5, 0.0]);
    // Nobody reaches a; b is reached by a and c at 1; c by b at 1 and a at 2.
    assert_eq!(column(&directed, "closeness"), [0.0, 1.0, 2.0 / 3.0]);
    // Not every tie is directed, so without the flag direction is ignored.
    let undirected = json(&["metrics"], &path);
    assert!(undirected["network"].get("directed").is_none());
    assert_eq!(column(&undirected, "betweenness"), [0.0, 1.0, 0.0]);
    assert_eq!(column(&undirected, "in_degree"), vec![Value::Null; 3]);
}

#[test]
fn a_referral_chain_brokers_only_the_way_referrals_go() {
    let dir = tempfile::tempdir().unwrap();
    // Everyone refers to the hub, the hub refers to nobody: it brokers nothing.
    let path = edge_list(
        dir.path(),
        "a,hub,true\nb,hub,true\nc,hub,true\nc,a,true\nb,a,true\n",
    );
    let ranked = json(&["brokers"], &path);
    assert_eq!(ranked.as_array().unwrap().len(), 0, "{ranked}");
    // Without direction the hub and a sit between b and c.
    let ignoring = json(&["brokers", "--undirected"], &path);
    let ids: Vec<&Value> = ignoring
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["id"])
        .collect();
    assert_eq!(ids, ["a", "hub"]);
}

#[test]
fn eigenvector_centrality_is_reported_as_undefined_where_arcs_drain_one_way() {
    let dir = tempfile::tempdir().unwrap();
    let path = edge_list(dir.path(), "a,b,true\nb,c,true\na,c,true\nc,d,true\n");
    assert_eq!(
        column(&json(&["metrics"], &path), "eigenvector"),
        vec![Value::Null; 4]
    );
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("metrics")
        .arg(&path)
        .args(["--format", "md"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "Eigenvector centrality is not defined on this directed network",
        ));
    let undirected = json(&["metrics", "--undirected"], &path);
    assert!(column(&undirected, "eigenvector").iter().all(Value::is_f64));
}

#[test]
fn weighted_betweenness_reads_a_ties_distance_as_one_over_its_strength() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ties.csv");
    // a – b and b – c are strong (distance 1/3 each), a – c weak (distance 1): the chain
    // through b is shorter than the direct tie, so b sits on the only shortest a–c chain.
    std::fs::write(&path, "source,target,strength\na,b,3\nb,c,3\na,c,1\n").unwrap();
    assert_eq!(
        column(&json(&["metrics", "--weighted"], &path), "betweenness"),
        [0.0, 1.0, 0.0]
    );
    assert_eq!(
        column(&json(&["metrics"], &path), "betweenness"),
        [0.0, 0.0, 0.0]
    );
    // Directed, the same holds along the arcs: a → b → c is shorter than a → c.
    std::fs::write(
        &path,
        "source,target,strength,directed\na,b,3,yes\nb,c,3,yes\na,c,1,yes\n",
    )
    .unwrap();
    assert_eq!(
        column(&json(&["metrics", "--weighted"], &path), "betweenness"),
        [0.0, 0.5, 0.0]
    );
}
