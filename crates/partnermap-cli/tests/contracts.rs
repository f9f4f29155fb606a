//! The JSON contracts and the default table output of `metrics`, `gaps`, `invite`, `paths` and
//! `brokers` on the Forest City example, pinned byte for byte by golden files in
//! `tests/golden/`. Each command runs twice through the real binary, piped and with
//! `NO_COLOR=1`, and must print the same bytes both times. Refresh with
//! `UPDATE_GOLDEN=1 cargo test -p partnermap-cli --test contracts` and review the diff.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};

/// Standard output of `partnermap <command> data/forest-city <args>`, which must succeed with
/// nothing on standard error and print the same bytes on a second run.
fn run(command: &str, args: &[&str]) -> String {
    let once = || {
        let output = Command::cargo_bin("partnermap")
            .unwrap()
            .arg(command)
            .arg(workspace_path("data/forest-city"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "partnermap {command} {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            output.stderr.is_empty(),
            "partnermap {command} {args:?} wrote to standard error: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("output is UTF-8")
    };
    let first = once();
    assert_eq!(
        first,
        once(),
        "partnermap {command} {args:?} printed different bytes on a second run"
    );
    assert!(
        !first.contains('\u{1b}'),
        "partnermap {command} {args:?} printed escape codes with NO_COLOR=1 into a pipe"
    );
    first
}

/// The JSON output, which must also parse as JSON.
fn json(command: &str, args: &[&str]) -> String {
    let text = run(command, &[args, &["--format", "json"]].concat());
    serde_json::from_str::<serde_json::Value>(&text)
        .unwrap_or_else(|e| panic!("partnermap {command} {args:?} printed invalid JSON: {e}"));
    text
}

#[test]
fn metrics() {
    assert_golden("metrics-forest-city.json", &json("metrics", &[]));
    assert_golden("metrics-forest-city.txt", &run("metrics", &[]));
}

#[test]
fn gaps() {
    assert_golden("gaps-forest-city.json", &json("gaps", &[]));
    assert_golden("gaps-forest-city.txt", &run("gaps", &[]));
}

#[test]
fn gaps_without_casa_de_la_comunidad() {
    assert_golden(
        "gaps-without-casa-forest-city.json",
        &json("gaps", &["--without", "Casa de la Comunidad"]),
    );
}

#[test]
fn invite() {
    assert_golden("invite-forest-city.json", &json("invite", &["--k", "5"]));
    assert_golden("invite-forest-city.txt", &run("invite", &["--k", "5"]));
}

#[test]
fn paths_to_returning_citizens() {
    let population = ["--population", "returning citizens"];
    assert_golden(
        "paths-returning-citizens-forest-city.json",
        &json("paths", &population),
    );
    assert_golden(
        "paths-returning-citizens-forest-city.txt",
        &run("paths", &population),
    );
}

#[test]
fn brokers() {
    assert_golden("brokers-forest-city.json", &json("brokers", &[]));
    assert_golden("brokers-forest-city.txt", &run("brokers", &[]));
}
