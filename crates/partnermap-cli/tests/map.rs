//! `partnermap map` end to end.

mod common;

use assert_cmd::Command;
use common::assert_golden;
use predicates::prelude::*;
use std::path::PathBuf;

fn forest_city() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city")
}

fn partnermap() -> Command {
    Command::cargo_bin("partnermap").expect("the binary is built")
}

/// Each view of the bundled example as DOT, against its golden file: what each view draws
/// (and so what it computes, `maps::for_view`) stays as it is.
#[test]
fn every_view_draws_as_before() {
    for (name, view) in [
        ("landscape", &["--view", "landscape"][..]),
        (
            "partnerships",
            &["--view", "partnerships", "--group-by", "community"],
        ),
        ("coverage", &["--view", "coverage"]),
        ("ego", &["--view", "ego", "--org", "fc-wdb"]),
        (
            "population",
            &["--view", "population", "--population", "ELL"],
        ),
    ] {
        let output = partnermap()
            .arg("map")
            .arg(forest_city())
            .args(view)
            .args(["--top", "12", "-o", "-"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{name}: {output:?}");
        let dot = String::from_utf8(output.stdout).unwrap();
        assert_golden(&format!("map-{name}-forest-city.dot"), &dot);
    }
}

#[test]
fn dash_writes_dot_to_standard_output() {
    partnermap()
        .args(["map"])
        .arg(forest_city())
        .args(["--view", "partnerships", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("digraph partnermap {"))
        .stdout(predicate::str::contains(r#"label="Casa de la Comunidad""#))
        .stdout(predicate::str::contains("graph[label=<<table"));
}

#[test]
fn a_dot_file_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("coverage.dot");
    partnermap()
        .args(["map"])
        .arg(forest_city())
        .args(["--view", "coverage", "-o"])
        .arg(&out)
        .assert()
        .success();
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.starts_with("digraph partnermap {"));
    assert!(dot.contains("uncovered: 0 providers"), "{dot}");
}

#[test]
fn the_population_view_draws_paths_from_the_convener() {
    partnermap()
        .args(["map"])
        .arg(forest_city())
        .args(["--view", "population", "--population", "ELL", "-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Reaching English-language learners",
        ))
        .stdout(predicate::str::contains("#EE3377"));
}

#[test]
fn a_misspelled_org_exits_2_with_a_suggestion() {
    partnermap()
        .args(["map"])
        .arg(forest_city())
        .args([
            "--view",
            "ego",
            "--org",
            "Forest City Asset Bilders",
            "-o",
            "-",
        ])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "did you mean \"Forest City Asset Builders\"?",
        ));
}

#[test]
fn a_misspelled_population_exits_2_with_a_suggestion() {
    partnermap()
        .args(["map"])
        .arg(forest_city())
        .args([
            "--view",
            "population",
            "--population",
            "Young peple",
            "-o",
            "-",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean \"Young people\"?"));
}

#[test]
fn an_unknown_extension_is_refused_before_anything_is_written() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("map.jpeg");
    partnermap()
        .args(["map"])
        .arg(forest_city())
        .arg("-o")
        .arg(&out)
        .assert()
        // A file name that says no format is a mistake on the command line.
        .code(2)
        .stderr(predicate::str::contains(".dot, .svg, .png or .pdf"));
    assert!(!out.exists());
}

#[test]
fn an_svg_is_drawn_when_graphviz_is_installed() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("landscape.svg");
    let assert = partnermap()
        .args(["map"])
        .arg(forest_city())
        .args(["--view", "landscape", "-o"])
        .arg(&out)
        .assert();
    if std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_err()
    {
        assert
            .code(1)
            .stderr(predicate::str::contains("apt-get install graphviz"));
        eprintln!("note: Graphviz's dot is not installed; checked the error message instead");
        return;
    }
    assert.success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg"));
}
