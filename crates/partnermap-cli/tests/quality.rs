//! Trust and value of partnerships: the averages `partnermap metrics` reports, worked out by
//! hand on a small coalition, the relationships to invest in, and the errors for bad scores.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

const ORGANIZATIONS: &str = "id,name,type,status,domains\n\
    us,Us,workforce board,member,\n\
    bank,Bank,financial institution,existing,Financial security\n\
    church,Church,faith-based,existing,\n\
    school,School,school,existing,\n";

fn project(dir: &Path, partnerships: &str) {
    std::fs::write(
        dir.join("coalition.toml"),
        "name = \"Quality\"\nconvener = \"us\"\n[priorities]\ndomains = [\"Financial security\"]\n",
    )
    .unwrap();
    std::fs::write(dir.join("organizations.csv"), ORGANIZATIONS).unwrap();
    std::fs::write(dir.join("partnerships.csv"), partnerships).unwrap();
}

fn metrics(dir: &Path) -> Value {
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("metrics")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn trust_and_value_averages_count_only_rated_partnerships() {
    let dir = tempfile::tempdir().unwrap();
    project(
        dir.path(),
        "source,target,trust,value,frequency\n\
         us,bank,1.5,4,monthly\n\
         us,church,3,,weekly\n\
         us,school,,,\n\
         church,school,4,2.5,\n",
    );
    let json = metrics(dir.path());
    // Trust: 1.5, 3 and 4 rated (8.5 / 3); value: 4 and 2.5 (6.5 / 2); 3 of 4 ties have a score.
    let q = &json["quality"];
    assert_eq!(q["partnerships"], 4);
    assert_eq!(q["trust_rated"], 3);
    assert!((q["average_trust"].as_f64().unwrap() - 8.5 / 3.0).abs() < 1e-12);
    assert_eq!(q["value_rated"], 2);
    assert_eq!(q["average_value"], 3.25);
    assert_eq!(q["share_rated"], 0.75);
    // Frequency: monthly and weekly said; the lower of the two middle answers is monthly.
    assert_eq!(
        (q["frequency_rated"].clone(), q["typical_frequency"].clone()),
        (2.into(), "monthly".into())
    );
    let by_id = |id: &str| {
        json["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == id)
            .unwrap()
            .clone()
    };
    // Us: ties to bank (1.5, 4), church (3, –), school (–, –).
    let us = by_id("us");
    assert_eq!(
        (us["partnerships"].clone(), us["trust_rated"].clone()),
        (3.into(), 2.into())
    );
    assert_eq!(us["average_trust"], 2.25);
    assert_eq!(
        (us["value_rated"].clone(), us["average_value"].clone()),
        (1.into(), 4.0.into())
    );
    // School: ties to us (–, –) and church (4, 2.5).
    let school = by_id("school");
    assert_eq!(school["average_trust"], 4.0);
    assert_eq!(school["average_value"], 2.5);
    assert_eq!(by_id("church")["average_value"], 2.5);
    assert_eq!(by_id("church")["typical_frequency"], "weekly");
    assert_eq!(school["typical_frequency"], Value::Null);
    // The bank alone provides the priority Financial security and holds on by one tie, which is
    // also of high value and low trust.
    let invest = json["invest"].as_array().unwrap();
    assert_eq!(invest.len(), 1, "{invest:?}");
    assert_eq!(
        (invest[0]["source"].clone(), invest[0]["target"].clone()),
        ("us".into(), "bank".into())
    );
    assert_eq!(invest[0]["frequency"], "monthly");
    let reasons: Vec<&Value> = invest[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["reason"])
        .collect();
    assert_eq!(reasons, ["holds_thin_priority", "high_value_low_trust"]);
}

#[test]
fn a_network_without_scores_reports_no_averages() {
    let dir = tempfile::tempdir().unwrap();
    project(dir.path(), "source,target\nus,church\nus,school\n");
    let json = metrics(dir.path());
    assert!(json.get("quality").is_none());
    assert!(json["organizations"][0].get("average_trust").is_none());
}

#[test]
fn a_trust_of_5_or_high_is_an_error_naming_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    project(
        dir.path(),
        "source,target,trust\nus,bank,5\nus,church,high\n",
    );
    let file = dir.path().join("partnerships.csv");
    let hint =
        "hint: score it from 1 (low) to 4 (high), decimals allowed, or leave it empty when unknown";
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("validate")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "error: {}, line 2, field \"trust\": trust 5 is out of range\n  {hint}",
            file.display()
        )))
        .stderr(predicates::str::contains(format!(
            "error: {}, line 3, field \"trust\": trust \"high\" is not a number\n  {hint}",
            file.display()
        )));
}
