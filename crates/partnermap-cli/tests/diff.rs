//! `partnermap diff` on the Forest City snapshots, whose changes are known (the 2025 folder was
//! made from the 2026 one by hand: Casa and the library were potential partners, Northside
//! Literacy Council was a partner, five ties did not exist yet and two were weaker).

use assert_cmd::Command;
use serde_json::Value;

fn workspace(relative: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn run(old: &str, new: &str, format: &str) -> String {
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("diff")
        .arg(workspace(old))
        .arg(workspace(new))
        .args(["--format", format])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

fn json(old: &str, new: &str) -> Value {
    serde_json::from_str(&run(old, new, "json")).unwrap()
}

const OLD: &str = "data/forest-city-2025";
const NEW: &str = "data/forest-city";

#[test]
fn the_2025_to_2026_diff_reports_exactly_the_known_changes() {
    let d = json(OLD, NEW);
    let organizations: Vec<(String, bool, bool)> = d["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            let side = if o["after"].is_null() {
                &o["before"]
            } else {
                &o["after"]
            };
            (
                side["id"].as_str().unwrap().to_string(),
                o["after"].is_null(),
                o["converted"].as_bool().unwrap(),
            )
        })
        .collect();
    let owned = |id: &str, left, converted| (id.to_string(), left, converted);
    assert_eq!(
        organizations,
        [
            owned("casa", false, true),
            owned("library", false, true),
            owned("northside-literacy", true, false),
        ]
    );
    let ties: Vec<(String, String)> = d["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["change"].as_str().unwrap().to_string(),
                p["between"][1].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let count = |kind: &str| ties.iter().filter(|(k, _)| k == kind).count();
    assert_eq!(
        (
            count("added"),
            count("ended"),
            count("strengthened"),
            count("weakened")
        ),
        (5, 2, 2, 0),
        "{ties:?}"
    );
    let priorities: Vec<(&str, &str, &str)> = d["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap(),
                p["class"]["before"].as_str().unwrap(),
                p["class"]["after"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(priorities.contains(&("english-language-learners", "reachable", "thin")));
    assert!(priorities.contains(&("digital-access", "reachable", "thin")));
    assert_eq!(
        d["figures"][1],
        serde_json::json!(["partnerships", {"before": 34.0, "after": 37.0}])
    );
    assert_eq!(
        d["as_of"],
        serde_json::json!({"before": "2025-11-01", "after": "2026-11-01"})
    );
    let text = run(OLD, NEW, "table");
    assert!(text.contains("1 left, 2 converted from potential partners, 5 partnerships added, 2 ended, 2 strengthened, 2 gaps closed"), "{text}");
}

#[test]
fn a_snapshot_against_itself_shows_no_change() {
    let d = json(NEW, NEW);
    for list in ["organizations", "partnerships", "priorities", "brokers"] {
        assert_eq!(d[list], serde_json::json!([]), "{list}");
    }
    assert!(run(NEW, NEW, "md")
        .contains("No change: the same organizations, partnerships and coverage."));
}

#[test]
fn the_diff_the_other_way_is_its_mirror() {
    let (forward, backward) = (json(OLD, NEW), json(NEW, OLD));
    let kinds = |d: &Value| -> Vec<String> {
        d["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["change"].as_str().unwrap().to_string())
            .collect()
    };
    let mirrored: Vec<String> = kinds(&forward)
        .into_iter()
        .map(|k| match k.as_str() {
            "added" => "ended".to_string(),
            "ended" => "added".to_string(),
            "strengthened" => "weakened".to_string(),
            other => other.to_string(),
        })
        .collect();
    assert_eq!(kinds(&backward), mirrored);
    let csv = run(NEW, OLD, "csv");
    assert!(
        csv.starts_with("section,subject,field,before,after\n"),
        "{csv}"
    );
    assert!(
        csv.contains("organization,Northside Literacy Council,status,,existing\n"),
        "{csv}"
    );
}

#[test]
fn one_change_is_counted_in_the_singular() {
    let text = run("data/forest-city-2024", "data/forest-city-2025", "md");
    assert!(
        text.contains(
            "1 organization joined, 1 converted from a potential partner, 5 partnerships added, 2 strengthened."
        ),
        "{text}"
    );
}
