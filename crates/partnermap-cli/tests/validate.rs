//! `partnermap validate` on real files, as a user runs it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city")
}

fn partnermap() -> Command {
    Command::cargo_bin("partnermap").unwrap()
}

fn copy_example(to: &Path) {
    for file in ["coalition.toml", "organizations.csv", "partnerships.csv"] {
        std::fs::copy(example().join(file), to.join(file)).unwrap();
    }
}

#[test]
fn the_example_validates_with_a_summary() {
    let output = partnermap()
        .arg("validate")
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Table columns compared with their spacing collapsed to one space.
    let stdout = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n");
    for expected in [
        "Forest City Mobility Coalition: valid",
        "31 organizations, 37 partnerships",
        "convener: Forest City Workforce Development Board",
        "\nAmerican Job Center 1\n",
        "\nEmployment Network 1\n",
        "\nFaith-based organization 4\n",
        "\nPotential partner 7\n",
        "\nInformal 20\n",
        "populations: People of color; Hispanic or Latino residents;",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_broken_copy_reports_all_four_errors_at_once() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path());
    let orgs = dir.path().join("organizations.csv");
    let text = std::fs::read_to_string(&orgs).unwrap();
    let text = text.replacen(
        "existing,English-language learners;",
        "existing,English learner;",
        1,
    );
    let text = text + "fc-wdb,Duplicate Board,workforce board,member,,,\n";
    std::fs::write(&orgs, text).unwrap();
    let ties = dir.path().join("partnerships.csv");
    let text = std::fs::read_to_string(&ties).unwrap()
        + "fc-wdb,missing-org,informal,2\nfc-ajc,goodwill,referral,7\n";
    std::fs::write(&ties, text).unwrap();

    let output = partnermap()
        .arg("validate")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 4, "{stderr}");
    assert!(errors[0].contains("organizations.csv, line 11, field \"populations\": unknown population \"English learner\""), "{stderr}");
    let hint = stderr.lines().nth(1).unwrap();
    assert_eq!(hint, "  hint: did you mean \"English-language learners\"?");
    assert!(
        errors[1].contains(
            "organizations.csv, line 33, field \"id\": duplicate id \"fc-wdb\" (first on line 2)"
        ),
        "{stderr}"
    );
    assert!(
        errors[2].contains("partnerships.csv, line 39, field \"target\""),
        "{stderr}"
    );
    assert!(errors[2].contains("\"missing-org\""), "{stderr}");
    assert!(
        errors[3]
            .contains("partnerships.csv, line 40, field \"strength\": strength 7 is out of range"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("4 errors in the input: nothing was analysed.\n"),
        "{stderr}"
    );
}

#[test]
fn a_bare_edge_list_validates_and_infers_its_organizations() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("florentine.csv");
    std::fs::write(
        &edges,
        "source,target,weight\nMedici,Albizzi,1\nMedici,Ridolfi,2.5\nAlbizzi,Guadagni,1\n",
    )
    .unwrap();
    let json = dir.path().join("florentine.json");
    let output = partnermap()
        .arg("validate")
        .arg(&edges)
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("4 organizations, 3 partnerships"),
        "{stdout}"
    );
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let names: Vec<&str> = document["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Medici", "Albizzi", "Ridolfi", "Guadagni"]);
    assert_eq!(document["partnerships"][1]["source"], "medici");
    assert_eq!(document["partnerships"][1]["weight"], 2.5);
    let again = partnermap().arg("validate").arg(&json).output().unwrap();
    assert_eq!(again.status.code(), Some(0));
}

#[test]
fn malformed_inputs_fail_with_exit_code_two_and_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8]); 5] = [
        (
            "bad.json",
            b"{\"name\": \"x\", \"organizations\": [ {\"id\": 3} ]",
        ),
        ("bad.csv", b"id,name\n1,2\n"),
        ("latin1.csv", b"source,target\nCaf\xe9,Bar\n"),
        ("ragged.csv", b"source,target\na,b,c,d\n\"unterminated,x\n"),
        ("empty.json", b""),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = partnermap().arg("validate").arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
        assert!(
            stderr.contains(name),
            "{name}: the message names the file: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn a_missing_folder_says_what_to_give() {
    let output = partnermap()
        .args(["validate", "no/such/folder"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no such file or folder"));
}

#[test]
fn every_command_has_help_with_an_example() {
    let output = partnermap().arg("--help").output().unwrap();
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("partnermap validate data/forest-city")
    );
    for command in [
        "validate", "gaps", "invite", "metrics", "brokers", "paths", "map", "report",
    ] {
        let output = partnermap().args([command, "--help"]).output().unwrap();
        assert!(output.status.success(), "{command}");
        let help = String::from_utf8_lossy(&output.stdout);
        let example = format!("partnermap {command} data/forest-city");
        assert!(
            help.contains("Example") && help.contains(&example),
            "{command} --help lacks an example:\n{help}"
        );
    }
}

#[test]
fn one_way_partnerships_in_both_directions_are_not_repeats() {
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("referrals.csv");
    std::fs::write(
        &edges,
        "source,target,directed\nA,B,yes\nB,A,yes\nA,C,\nC,A,\n",
    )
    .unwrap();
    let output = partnermap().arg("validate").arg(&edges).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("line 5, field \"target\": the partnership between \"c\" and \"a\" (kind: other) is listed twice (first on line 4)"), "{stderr}");
}

#[test]
fn commented_rows_are_a_warning_but_inits_examples_stay_silent() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path());
    let path = dir.path().join("organizations.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    // Two rows someone was unsure of, commented out.
    let n = text.lines().count();
    std::fs::write(
        &path,
        format!("{text}#new-bank,New Bank,bank\n# other-bank,Other Bank,bank\n"),
    )
    .unwrap();
    let output = partnermap()
        .arg("validate")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "organizations.csv, line {}: 2 lines start with # and were not read, as comments",
            n + 1
        )),
        "{stderr}"
    );

    let fresh = dir.path().join("fresh");
    partnermap().arg("init").arg(&fresh).assert().success();
    let output = partnermap().arg("validate").arg(&fresh).output().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains(" with # "), "{stderr}");
}
