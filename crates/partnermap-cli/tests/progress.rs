//! Progress bars: on stderr for a person at a terminal, never in piped output or with --quiet.

use assert_cmd::Command;
use std::path::Path;

fn example() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/forest-city"
    ))
}

/// What a bar or spinner would leave in the output: carriage returns, escape sequences and the
/// spinner's braille.
fn has_progress(text: &str) -> bool {
    text.contains('\r')
        || text.contains('\x1b')
        || text.chars().any(|c| ('\u{2800}'..='\u{28FF}').contains(&c))
}

#[test]
fn piped_output_carries_no_progress() {
    let out = tempfile::tempdir().unwrap();
    let report = out.path().join("report");
    let map = out.path().join("map.dot");
    let commands: [Vec<&std::ffi::OsStr>; 6] = [
        vec!["validate".as_ref()],
        vec!["gaps".as_ref()],
        vec!["metrics".as_ref(), "--exact".as_ref()],
        vec!["invite".as_ref(), "--exact".as_ref()],
        vec!["report".as_ref(), "--out".as_ref(), report.as_os_str()],
        vec!["map".as_ref(), "-o".as_ref(), map.as_os_str()],
    ];
    for args in commands {
        let output = Command::cargo_bin("partnermap")
            .unwrap()
            .arg(args[0])
            .arg(example())
            .args(&args[1..])
            .env("PARTNERMAP_NO_GRAPHVIZ", "1")
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            assert!(!has_progress(&text), "{args:?} {stream}: {text:?}");
        }
    }
}

/// `script` runs the command on a pseudo-terminal, as a person would see it.
fn on_a_terminal(args: &str) -> Option<String> {
    let binary = assert_cmd::cargo::cargo_bin("partnermap");
    let command = format!(
        "{} {args} {} >/dev/null",
        binary.display(),
        example().display()
    );
    let output = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("PARTNERMAP_NO_GRAPHVIZ", "1")
        .output()
        .ok()?;
    assert!(output.status.success());
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn a_terminal_sees_each_step_and_quiet_silences_it() {
    let Some(shown) = on_a_terminal("metrics --exact") else {
        println!("note: script(1) is missing; skipping the terminal test");
        return;
    };
    assert!(has_progress(&shown), "{shown:?}");
    // Which bars get drawn depends on how fast each step ends (indicatif draws at most 20
    // times a second); the metrics' longest steps are among them.
    let steps = [
        "checking names, terms and partnerships",
        "shortest paths [",
        "communities [",
    ];
    assert!(steps.iter().any(|s| shown.contains(s)), "{shown:?}");
    let quiet = on_a_terminal("--quiet metrics --exact").unwrap();
    assert!(!has_progress(&quiet), "{quiet:?}");
}
