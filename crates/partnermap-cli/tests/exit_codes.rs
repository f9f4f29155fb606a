//! Exit codes as the README sets them (0 success, 2 a mistake in the input or on the command
//! line, 1 a failure at run time) and a reader that closes the pipe early.

use std::process::{Command, Stdio};

mod common;
use common::workspace_path;

fn partnermap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnermap"));
    command
        .env("NO_COLOR", "1")
        .env("PARTNERMAP_NO_GRAPHVIZ", "1");
    command
}

#[test]
fn an_unknown_organization_is_a_usage_error_with_a_suggestion() {
    let example = workspace_path("data/forest-city");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.dot");
    for (org, hint) in [
        ("nosuch", "hint: give an organization's id or name"),
        (
            "Casa de la Comunidd",
            "did you mean \"Casa de la Comunidad\"?",
        ),
    ] {
        let output = partnermap()
            .args([
                "map",
                example.to_str().unwrap(),
                "--view",
                "ego",
                "--org",
                org,
            ])
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("unknown organization"), "{stderr}");
        assert!(stderr.contains(hint), "{stderr}");
        assert!(!stderr.contains("nothing was analysed"), "{stderr}");
        assert!(!out.exists());
    }
}

#[test]
fn a_report_that_cannot_be_written_is_a_failure_at_run_time() {
    let example = workspace_path("data/forest-city");
    let dir = tempfile::tempdir().unwrap();
    // A regular file where the output folder's parent should be: no folder can go there.
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "not a folder").unwrap();
    let output = partnermap()
        .args(["report", example.to_str().unwrap(), "--out"])
        .arg(blocker.join("report"))
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every command whose output a person might pipe into `head`: a closed pipe ends it quietly,
/// with no panic and the exit code of success.
#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let example = workspace_path("data/forest-city");
    let example = example.to_str().unwrap();
    let commands: &[&[&str]] = &[
        &["validate", example],
        &["gaps", example],
        &["gaps", example, "--format", "json"],
        &["brokers", example],
        &["metrics", example, "--format", "csv"],
        &["paths", example, "--population", "returning citizens"],
        &["invite", example, "--k", "3"],
        &["map", example, "--view", "partnerships", "-o", "-"],
    ];
    for args in commands {
        let mut child = partnermap()
            .args(*args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Close our end before the command has loaded its input, so its first write fails.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// `--quiet`, accepted by every command before or after its name, leaves only the result.
#[test]
fn quiet_leaves_only_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("edges.csv");
    std::fs::write(&edges, "source,target\nA,B\nB,C\n").unwrap();
    let json = dir.path().join("network.json");
    let run = |quiet: &[&str]| {
        partnermap()
            .args(quiet)
            .arg("validate")
            .arg(&edges)
            .arg("--json")
            .arg(&json)
            .output()
            .unwrap()
    };
    let loud = run(&[]);
    assert!(String::from_utf8_lossy(&loud.stderr).contains("Wrote"));
    for quiet in [&["--quiet"][..], &["-q"]] {
        let output = run(quiet);
        assert!(output.status.success());
        assert_eq!(String::from_utf8_lossy(&output.stderr), "");
        assert_eq!(output.stdout, loud.stdout);
    }
    let example = workspace_path("data/forest-city");
    let output = partnermap()
        .args(["gaps", example.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    assert!(output.status.success() && output.stderr.is_empty());
}
