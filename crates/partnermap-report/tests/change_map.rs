//! The change map of Forest City from its 2025 survey to its 2026 one, byte for byte, and what
//! it marks checked against the diff; Graphviz draws it without a complaint when installed.
//! `UPDATE_GOLDEN=1 cargo test` rewrites the golden file.

use partnermap_core::{Coalition, Landscape};
use partnermap_report::{analyse_network, maps::change_map};
use partnermap_testkit::assert_golden;
use std::path::Path;

fn load(folder: &str) -> Coalition {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(folder);
    partnermap_core::load(&path)
        .expect("the example loads")
        .coalition
}

#[test]
fn the_change_map_of_forest_city_matches_its_golden_file() {
    let (old, new) = (load("data/forest-city-2025"), load("data/forest-city"));
    let (old, new) = (Landscape::build(&old), Landscape::build(&new));
    let map = change_map(&old, &new, &analyse_network(&new), false).unwrap();
    assert_golden(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/changes-forest-city-2025.dot"),
        &map.dot,
    );
    // The diff says 1 left, 2 converted, 5 added, 2 ended: the map marks exactly those.
    assert_eq!(map.dot.matches("[left]").count(), 1);
    assert!(map.dot.contains("Northside Literacy\\nCouncil\\n[left]"));
    assert_eq!(map.dot.matches("now a partner]").count(), 2);
    let edges = |style: &str| {
        map.dot
            .lines()
            .filter(|l| l.contains(" -> ") && l.contains(style))
            .count()
    };
    assert_eq!(edges("color=\"#228833\" style=\"solid\""), 5);
    assert_eq!(edges("color=\"#AAAAAA\" style=\"dashed\""), 2);
    assert!(map.dot.contains("New partnership since 2025-11-01"));
    assert!(map.dot.contains("What changed since 2025-11-01"));
    assert!(graphviz_rust::parse(&map.dot).is_ok());
}

#[test]
fn graphviz_draws_the_change_map_without_warnings() {
    let available = std::process::Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        eprintln!("note: Graphviz's dot is not installed; the change map was not drawn");
        return;
    }
    let (old, new) = (load("data/forest-city-2025"), load("data/forest-city"));
    let (old, new) = (Landscape::build(&old), Landscape::build(&new));
    let map = change_map(&old, &new, &analyse_network(&new), false).unwrap();
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(map.dot.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
}
