//! `partnermap metrics`, `brokers` and `paths` on real files, as a user runs them.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};

fn partnermap(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("partnermap")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

fn example() -> String {
    workspace_path("data/forest-city")
        .to_string_lossy()
        .into_owned()
}

/// The Florentine marriage network as a bare edge list, from the NetworkX fixture.
fn florentine(dir: &std::path::Path) -> (std::path::PathBuf, serde_json::Value) {
    let fixture: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(workspace_path(
            "crates/partnermap-analysis/tests/fixtures/florentine15.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let names = fixture["organizations"].as_array().unwrap();
    let mut csv = String::from("source,target\n");
    for edge in fixture["partnerships"].as_array().unwrap() {
        let name = |i: usize| {
            names[edge[i].as_u64().unwrap() as usize]
                .as_str()
                .unwrap()
                .to_string()
        };
        csv += &format!("{},{}\n", name(0), name(1));
    }
    let path = dir.join("florentine.csv");
    std::fs::write(&path, csv).unwrap();
    (path, fixture)
}

#[test]
fn metrics_json_on_an_edge_list_matches_networkx_and_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let (path, fixture) = florentine(dir.path());
    let output = partnermap(&["metrics", path.to_str().unwrap(), "--format", "json"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metrics: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for key in [
        "organizations",
        "partnerships",
        "density",
        "components",
        "transitivity",
        "average_clustering",
        "modularity",
    ] {
        assert!(metrics["network"].get(key).is_some(), "network lacks {key}");
    }
    let names: Vec<&str> = fixture["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let expected = fixture["reference"]["betweenness"].as_array().unwrap();
    for organization in metrics["organizations"].as_array().unwrap() {
        for key in [
            "id",
            "name",
            "degree",
            "betweenness",
            "closeness",
            "eigenvector",
            "constraint",
            "effective_size",
            "clustering",
            "core_number",
            "articulation_point",
            "community",
            "brokerage",
        ] {
            assert!(organization.get(key).is_some(), "organization lacks {key}");
        }
        let at = names
            .iter()
            .position(|n| *n == organization["name"])
            .unwrap();
        let diff = organization["betweenness"].as_f64().unwrap() - expected[at].as_f64().unwrap();
        assert!(diff.abs() < 1e-9, "{}: {diff}", organization["name"]);
    }
    let top = metrics["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .max_by(|a, b| {
            a["betweenness"]
                .as_f64()
                .partial_cmp(&b["betweenness"].as_f64())
                .unwrap()
        })
        .unwrap();
    assert_eq!(top["name"], "Medici");
    assert!((top["betweenness"].as_f64().unwrap() - 0.521978021978022).abs() < 1e-9);
}

#[test]
fn metrics_markdown_and_csv_on_the_example() {
    let output = partnermap(&["metrics", &example(), "--format", "md"]);
    assert!(output.status.success());
    assert_golden(
        "metrics-forest-city.md",
        &String::from_utf8(output.stdout).unwrap(),
    );
    let output = partnermap(&["metrics", &example(), "--format", "csv"]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        text.lines().count(),
        32,
        "a header and one row per organization"
    );
}

#[test]
fn brokers_name_the_church_as_the_only_link_to_the_faith_cluster() {
    let output = partnermap(&["brokers", &example(), "--format", "md"]);
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert_golden("brokers-forest-city.md", &text);
    // The church's entry: its lead line marks the cut point, and its first reason names the
    // cluster it alone connects.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("- **") && l.contains("Greater Hope AME Church"))
        .unwrap();
    assert!(lines[at].ends_with(", cut point)**"), "{}", lines[at]);
    assert!(
        lines[at + 1].contains("only link between 7 organizations (Casa de la Comunidad"),
        "{}",
        lines[at + 1]
    );
}

#[test]
fn paths_find_the_introduction_to_the_reentry_network() {
    let output = partnermap(&[
        "paths",
        &example(),
        "--population",
        "returning citizens",
        "--format",
        "json",
    ]);
    assert!(output.status.success());
    let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(found[0]["target_id"], "reentry-network");
    assert_eq!(found[0]["introducer"], "greater-hope");
    assert_eq!(
        found[0]["path"],
        serde_json::json!(["fc-wdb", "fc-ajc", "greater-hope", "reentry-network"])
    );
}

#[test]
fn paths_with_a_misspelt_term_suggest_the_right_one() {
    let output = partnermap(&["paths", &example(), "--domain", "Transportation acess"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("did you mean \"Transportation access\"?"),
        "{stderr}"
    );
}
