//! `partnermap invite` on the Forest City example, as a user runs it.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};

fn invite(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("invite")
        .arg(workspace_path("data/forest-city"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_markdown_plan_matches_the_golden_file() {
    let output = invite(&["--k", "5", "--exact", "--format", "md"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_golden(
        "invite-forest-city.md",
        &String::from_utf8(output.stdout).unwrap(),
    );
}

#[test]
fn the_json_plan_names_the_broker_as_sender() {
    let output = invite(&["--format", "json", "--exact"]);
    assert!(output.status.success());
    let plan: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &plan["picks"][0];
    assert_eq!(first["id"], "reentry-network");
    assert_eq!(first["sender"]["id"], "greater-hope");
    assert_eq!(plan["greedy"][1], plan["exact"][1]);
}

#[test]
fn the_csv_is_table_four_with_reasons() {
    let output = invite(&["--k", "2", "--format", "csv"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("rank,id,name,potential_coalition_member,sender_id,sender,sender_reason"));
    assert!(lines
        .next()
        .unwrap()
        .starts_with("1,reentry-network,Second Chance Reentry Network,"));
    assert_eq!(lines.count(), 1);
}

#[test]
fn apply_writes_a_copy_with_the_senders_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("invited");
    let output = invite(&["--k", "2", "--apply", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let copy = partnermap_core::load(&out).unwrap().coalition;
    let reentry = copy
        .organizations
        .iter()
        .find(|o| o.id == "reentry-network")
        .unwrap();
    assert_eq!(reentry.invited_by.as_deref(), Some("greater-hope"));
    let original = partnermap_core::load(&workspace_path("data/forest-city"))
        .unwrap()
        .coalition;
    assert_eq!(copy.organizations.len(), original.organizations.len());
    assert_eq!(copy.partnerships, original.partnerships);
}

#[test]
fn apply_refuses_to_write_over_its_input() {
    let example = workspace_path("data/forest-city");
    for out in [example.clone(), example.join("invited")] {
        let output = invite(&["--apply", out.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2), "{}", out.display());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.starts_with("error: --apply: "), "{stderr}");
        assert!(!out.join("invited").exists());
    }
}
