//! `partnermap gaps` driven through the real binary.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};
use predicates::prelude::*;
use serde_json::Value;

fn gaps() -> Command {
    let mut command = Command::cargo_bin("partnermap").unwrap();
    command
        .arg("gaps")
        .arg(workspace_path("data/forest-city"))
        .env_remove("NO_COLOR");
    command
}

fn json(args: &[&str]) -> Value {
    let output = gaps()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The ids of the priority terms with this class, in priority order.
fn ids_in(report: &Value, class: &str) -> Vec<String> {
    report["coverage"]["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["class"] == class)
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_has_the_forest_city_classes() {
    let report = json(&[]);
    assert_eq!(report["coalition"], "Forest City Mobility Coalition");
    assert_eq!(ids_in(&report, "uncovered"), ["housing-instability"]);
    assert_eq!(
        ids_in(&report, "reachable"),
        [
            "justice-involved",
            "transportation-access",
            "research-capacity"
        ]
    );
    assert_eq!(
        ids_in(&report, "thin"),
        [
            "english-language-learners",
            "digital-access",
            "data-sharing"
        ]
    );
    assert_eq!(ids_in(&report, "covered").len(), 20 - 7);
    let transit = report["coverage"]["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "transportation-access")
        .unwrap();
    assert_eq!(transit["kind"], "domain");
    assert_eq!(
        transit["providers"]["potential"][0]["name"],
        "Forest City Transit Authority"
    );
    assert_eq!(
        report["coverage"]["matrix"]["cells"]
            .as_array()
            .unwrap()
            .len(),
        8 * 7
    );
    assert!(report["what_if"].is_null());
    assert_eq!(report["overlap"]["convener"]["id"], "fc-wdb");
    assert_eq!(
        report["resilience"][0]["organization"]["name"],
        "Forest City Asset Builders"
    );
}

#[test]
fn json_what_if_reports_changes_both_ways() {
    let report = json(&[
        "--without",
        "Casa de la Comunidad",
        "--with",
        "reentry-network",
    ]);
    let what_if = &report["what_if"];
    assert_eq!(what_if["without"][0]["id"], "casa");
    assert_eq!(what_if["with"][0]["name"], "Second Chance Reentry Network");
    let changes: Vec<(&str, &str, &str)> = what_if["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["id"].as_str().unwrap(),
                t["before"].as_str().unwrap(),
                t["after"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("english-language-learners", "thin", "reachable"),
            ("justice-involved", "reachable", "thin"),
        ]
    );
}

#[test]
fn markdown_matches_the_golden_file() {
    let output = gaps().args(["--format", "md"]).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    assert_golden(
        "gaps-forest-city.md",
        &String::from_utf8(output.stdout).unwrap(),
    );
}

#[test]
fn csv_has_one_row_per_term() {
    let output = gaps().args(["--format", "csv"]).output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("kind,id,label,priority,class,members,existing,potential,keep_informed,providers")
    );
    let housing = text
        .lines()
        .find(|l| l.contains(",housing-instability,"))
        .unwrap();
    assert_eq!(
        housing,
        "population,housing-instability,People experiencing housing instability or homelessness,yes,uncovered,0,0,0,0,"
    );
    assert!(text
        .lines()
        .any(|l| l.starts_with("domain,just-policing,Just policing,no,uncovered,")));
}

#[test]
fn table_lists_uncovered_first_without_colour_when_piped() {
    let output = gaps().output().unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(!text.contains('\x1b'));
    // Rows compared with their columns' spacing collapsed to one space.
    let lines: Vec<String> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let row = |start: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(start))
            .unwrap_or_else(|| panic!("no row {start:?} in\n{text}"))
    };
    let line = |start: &str| lines[row(start)].as_str();
    // Worst first: uncovered, reachable, thin, covered.
    assert!(line("population People experiencing housing").contains("uncovered"));
    assert!(row("population People experiencing housing") < row("population People involved"));
    assert!(line("population People involved").contains("reachable"));
    assert!(row("population People involved") < row("population English-language learners"));
    assert!(line("population English-language learners").contains("thin Casa de la Comunidad"));
    assert!(row("population English-language learners") < row("population People of color"));
    assert!(line("population People of color").contains("covered"));
    let research = line("asset Research and analytical capacity");
    assert!(
        research.contains("reachable") && research.contains("Forest City Community College; Mercy")
    );
}

#[test]
fn misspelled_without_exits_2_with_did_you_mean() {
    gaps()
        .args(["--without", "Casa de la Comunidd"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "error: --without \"Casa de la Comunidd\": unknown organization\n  hint: did you mean \"Casa de la Comunidad\"?",
        ));
}

#[test]
fn every_scenario_problem_is_reported_at_once() {
    let output = gaps()
        .args([
            "--without",
            "Casa de la Comunidd",
            "--without",
            "nobody at all",
        ])
        .args(["--with", "casa", "--with", "forest city transit authority"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: --without \"Casa de la Comunidd\": unknown organization\n  hint: did you mean \"Casa de la Comunidad\"?\n\
         error: --without \"nobody at all\": unknown organization\n  hint: give an organization's id or name as organizations.csv has it, such as \"fc-wdb\"\n\
         error: --with \"Casa de la Comunidad\": already in the network (existing partner)\n  hint: --with is for potential partners joining; use --without to see what losing it would cost\n"
    );
}

#[test]
fn with_an_existing_partner_exits_2() {
    gaps()
        .args(["--with", "casa"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: --with \"Casa de la Comunidad\": already in the network (existing partner)",
        ));
}
