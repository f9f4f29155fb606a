//! `partnermap metrics` on published network files in `../shared/data/real` (beside the
//! workspace, or where `PARTNERMAP_REAL_DATA` points). When that folder is missing (as in CI),
//! each test prints a note and passes.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A path relative to the workspace root.
fn workspace_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn real_data(relative: &str) -> Option<PathBuf> {
    let folder = std::env::var_os("PARTNERMAP_REAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_path("../shared/data/real"));
    if folder.is_dir() {
        Some(folder.join(relative))
    } else {
        println!(
            "note: {} is missing; skipping the real-data test",
            folder.display()
        );
        None
    }
}

/// The organizations of `partnermap metrics FILE --format json`.
fn metrics(path: &Path) -> Vec<serde_json::Value> {
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("metrics")
        .arg(path)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json["organizations"].as_array().unwrap().clone()
}

#[test]
fn the_medici_broker_the_florentine_marriages() {
    let Some(path) = real_data("padgett-florentine/padgM.net") else {
        return;
    };
    let organizations = metrics(&path);
    assert_eq!(organizations.len(), 16);
    let top = organizations
        .iter()
        .max_by(|a, b| {
            a["betweenness"]
                .as_f64()
                .partial_cmp(&b["betweenness"].as_f64())
                .unwrap()
        })
        .unwrap();
    assert_eq!(top["name"], "Medici");
    // 47.5 shortest paths over the 105 pairs of the other 15 families.
    let betweenness = top["betweenness"].as_f64().unwrap();
    assert!((betweenness - 47.5 / 105.0).abs() < 1e-6, "{betweenness}");
    assert!((betweenness - 0.452381).abs() < 1e-6, "{betweenness}");
}
