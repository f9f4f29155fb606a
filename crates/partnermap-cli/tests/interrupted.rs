//! No data lost: a report run killed at any moment (SIGKILL, SIGINT) leaves the previous report
//! whole or the new one whole, never a mix; Ctrl-C leaves no staging files behind, and what
//! SIGKILL leaves the next run clears. An output folder that cannot be written is exit 1.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

mod common;
use common::workspace_path;

fn partnermap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_partnermap"));
    command
        .env("NO_COLOR", "1")
        .env("PARTNERMAP_NO_GRAPHVIZ", "1")
        .arg("--quiet");
    command
}

/// Every file below `folder`, by relative path, with its bytes.
fn contents(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path.strip_prefix(folder).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

fn report(input: &Path, out: &Path) {
    let status = partnermap()
        .args([
            "report",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

/// The names in `dir` other than `keep`.
fn others(dir: &Path, keep: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != keep)
        .collect()
}

#[test]
fn a_report_killed_at_any_moment_leaves_the_previous_one_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let new_input = workspace_path("data/forest-city");
    // The previous report is of a smaller coalition, so the two reports differ.
    let old_input = dir.path().join("old");
    let status = partnermap()
        .args(["validate", new_input.to_str().unwrap(), "--json"])
        .arg(dir.path().join("full.json"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("full.json")).unwrap()).unwrap();
    json["partnerships"].as_array_mut().unwrap().truncate(3);
    std::fs::create_dir(&old_input).unwrap();
    let old_input = old_input.join("old.json");
    std::fs::write(&old_input, serde_json::to_vec(&json).unwrap()).unwrap();

    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let out = out_dir.join("report");
    report(&new_input, &out);
    let new = contents(&out);
    report(&old_input, &out);
    let old = contents(&out);
    assert_ne!(old, new);

    for (signal, name) in [(libc::SIGKILL, "SIGKILL"), (libc::SIGINT, "SIGINT")] {
        for step in 0..16u64 {
            let mut child = partnermap()
                .args(["report", new_input.to_str().unwrap(), "--out"])
                .arg(&out)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(step * 13));
            // SAFETY: kill only sends a signal to the child we started.
            unsafe { libc::kill(child.id() as libc::pid_t, signal) };
            child.wait().unwrap();
            let now = contents(&out);
            assert!(
                now == old || now == new,
                "{name} after {} ms left a mix of two reports",
                step * 13
            );
            if signal == libc::SIGINT {
                assert_eq!(others(&out_dir, "report"), Vec::<String>::new(), "{name}");
            }
            // Start again from the previous report.
            report(&old_input, &out);
            assert_eq!(contents(&out), old);
        }
    }
    // Whatever SIGKILL left beside the report, the runs after it cleared.
    assert_eq!(others(&out_dir, "report"), Vec::<String>::new());
}

#[test]
fn an_output_folder_that_cannot_be_written_is_a_runtime_error() {
    let dir = tempfile::tempdir().unwrap();
    let example = workspace_path("data/forest-city");
    // A folder whose parent is a file cannot be made, whoever runs the command.
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"not a folder").unwrap();
    let output = partnermap()
        .args(["report", example.to_str().unwrap(), "--out"])
        .arg(file.join("report"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write"));
    assert_eq!(std::fs::read(&file).unwrap(), b"not a folder");

    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anywhere; the check means something only for other users.
    if std::fs::write(locked.join("probe"), b"").is_ok() {
        eprintln!("skipped: this user can write into a read-only folder");
        return;
    }
    let out = locked.join("report");
    let output = partnermap()
        .args([
            "report",
            workspace_path("data/forest-city").to_str().unwrap(),
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot write"), "{stderr}");
    assert!(!out.exists());
    assert_eq!(others(&locked, ""), Vec::<String>::new());
}
