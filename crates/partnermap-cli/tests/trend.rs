//! `partnermap trend` over Forest City's three surveys (2024, 2025, 2026) through the real
//! binary: the table and the JSON as golden files, the chart written with --chart, and fewer
//! than three snapshots refused as a usage error.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};

const SURVEYS: [&str; 3] = [
    "data/forest-city-2024",
    "data/forest-city-2025",
    "data/forest-city",
];

fn trend(snapshots: &[&str]) -> Command {
    let mut command = Command::cargo_bin("partnermap").unwrap();
    command.arg("trend");
    for s in snapshots {
        command.arg(workspace_path(s));
    }
    command
}

fn stdout(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_table_and_the_json_match_their_golden_files() {
    assert_golden(
        "trend-forest-city.txt",
        &stdout(trend(&SURVEYS).args(["--format", "table"])),
    );
    let json = stdout(trend(&SURVEYS).args(["--format", "json"]));
    assert_golden("trend-forest-city.json", &json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["figures"][1]["key"], "partnerships");
    assert_eq!(
        value["figures"][1]["values"],
        serde_json::json!([29.0, 34.0, 37.0])
    );
    let ell = value["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "english-language-learners")
        .unwrap();
    assert_eq!(
        ell["classes"],
        serde_json::json!(["reachable", "reachable", "thin"])
    );
    assert_eq!(ell["providers"], serde_json::json!([0, 0, 1]));
    let csv = stdout(trend(&SURVEYS).args(["--format", "csv"]));
    assert!(csv.starts_with("section,subject,field,2024-11-01,2025-11-01,2026-11-01\n"));
    assert!(csv.contains("\npriority,English-language learners,providers,0,0,1\n"));
}

#[test]
fn the_chart_is_written_to_the_file_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let chart = dir.path().join("trend.svg");
    trend(&SURVEYS)
        .arg("--chart")
        .arg(&chart)
        .assert()
        .success();
    let svg = std::fs::read_to_string(&chart).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains(">2024-11-01<") || svg.contains("2024-11-01\n"));
}

#[test]
fn fewer_than_three_snapshots_is_a_usage_error() {
    trend(&SURVEYS[1..])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("3 values required"));
}
