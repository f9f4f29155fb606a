//! `partnermap metrics --weight` through the real binary.

mod common;

use assert_cmd::Command;
use common::workspace_path;

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
fn weight_trust_implies_weighted_and_a_bad_weight_is_a_usage_error() {
    let metrics = |args: &[&str]| -> serde_json::Value {
        let mut command = Command::cargo_bin("partnermap").unwrap();
        command
            .arg("metrics")
            .arg(workspace_path("data/forest-city"))
            .args(["--format", "json"])
            .args(args);
        serde_json::from_str(&stdout(&mut command)).unwrap()
    };
    // Forest City rates no partnership: every tie weighs 2.5, so weighted degree is 2.5 × degree.
    let by_trust = metrics(&["--weight", "trust"]);
    for o in by_trust["organizations"].as_array().unwrap() {
        let degree = o["degree"].as_f64().unwrap();
        assert_eq!(o["weighted_degree"].as_f64().unwrap(), 2.5 * degree);
    }
    assert_eq!(metrics(&["--weight", "strength"]), metrics(&["--weighted"]));
    let mut command = Command::cargo_bin("partnermap").unwrap();
    command
        .arg("metrics")
        .arg(workspace_path("data/forest-city"))
        .args(["--weight", "power"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "expected strength, trust or value",
        ));
}
