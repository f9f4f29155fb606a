//! `partnermap init coalition.xlsx`, filled in the way a convener would (Python's openpyxl,
//! with typed cells), read back by every command; the same after LibreOffice saved it as .xlsx
//! and .ods; a workbook with mistakes gets every one at once, by sheet, row and column.

mod common;

use assert_cmd::Command;
use common::{assert_golden, workspace_path};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

fn partnermap() -> Command {
    Command::cargo_bin("partnermap").unwrap()
}

fn fill_script() -> PathBuf {
    workspace_path("crates/partnermap-cli/tests/workbook/fill.py")
}

/// True when Python with openpyxl is installed (CI installs it); else a note says what is skipped.
fn openpyxl() -> bool {
    let found = Process::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!(
            "openpyxl is not installed: skipping the filled-in workbook (pip install openpyxl)"
        );
    }
    found
}

fn python(args: &[&str]) -> String {
    let out = Process::new("python3")
        .arg(fill_script())
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A new blank workbook in `dir`.
fn init(dir: &Path) -> PathBuf {
    let blank = dir.join("coalition.xlsx");
    partnermap()
        .arg("init")
        .arg(&blank)
        .assert()
        .success()
        .stderr(format!("Wrote {}\n", blank.display()));
    blank
}

/// The canonical JSON document `validate --json` writes for `workbook`.
fn document(workbook: &Path) -> String {
    let json = workbook.with_extension("json");
    partnermap()
        .args(["--quiet", "validate"])
        .arg(workbook)
        .arg("--json")
        .arg(&json)
        .assert()
        .success();
    std::fs::read_to_string(json).unwrap()
}

#[test]
fn a_filled_in_workbook_reads_back_typed_values_and_the_same_after_libreoffice() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let blank = init(dir.path());
    let filled = dir.path().join("filled.xlsx");
    python(&["fill", blank.to_str().unwrap(), filled.to_str().unwrap()]);
    let json = document(&filled);
    // The date typed in Part 1 and Since, the booleans of yes/no cells, the integer and float
    // strengths all arrive as the folder would have them.
    assert_golden("workbook-filled.json", &json);
    partnermap().arg("gaps").arg(&filled).assert().success();

    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        Process::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("LibreOffice is not installed: skipping the .ods and LibreOffice .xlsx copies (apt-get install libreoffice-calc)");
        return;
    };
    let saved = dir.path().join("libreoffice");
    let profile = tempfile::tempdir().unwrap();
    for (from, to) in [
        (&filled, "ods"),
        (&saved.join("filled.ods"), "xlsx"),
        (&saved.join("filled.ods"), "xls"),
    ] {
        let out = Process::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .args(["--headless", "--convert-to", to, "--outdir"])
            .arg(&saved)
            .arg(from)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    for copy in ["filled.ods", "filled.xlsx"] {
        assert_eq!(document(&saved.join(copy)), json, "{copy}");
    }
    // An Excel 97–2003 copy is refused with the way to save it as .xlsx.
    partnermap()
        .arg("validate")
        .arg(saved.join("filled.xls"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "filled.xls: cannot read the workbook: it is an Excel 97–2003 workbook (.xls)",
        ))
        .stderr(predicates::str::contains(
            "save it as an Excel workbook (.xlsx)",
        ));
}

#[test]
fn the_blank_workbook_has_its_drop_downs_messages_frozen_headers_and_hidden_vocabulary() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let blank = init(dir.path());
    let sheets: Value =
        serde_json::from_str(&python(&["inspect", blank.to_str().unwrap()])).unwrap();
    let names: Vec<&str> = sheets
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        names,
        [
            "Part 1",
            "Partnerships",
            "Table 1",
            "Table 2",
            "Table 3",
            "Table 4",
            "Vocabulary"
        ]
    );
    assert_eq!(sheets["Vocabulary"]["state"], "hidden");
    for name in [
        "Part 1",
        "Table 1",
        "Table 2",
        "Table 3",
        "Table 4",
        "Partnerships",
    ] {
        let sheet = &sheets[name];
        assert_eq!(sheet["state"], "visible");
        assert_eq!(
            sheet["freeze"], "A3",
            "{name}: title and headers stay in view"
        );
        assert!(
            sheet["filter"].as_str().unwrap().starts_with("A2:"),
            "{name}"
        );
        let validations = sheet["validations"].as_array().unwrap();
        // Every header (row 2) explains its column.
        let columns = validations
            .iter()
            .filter(|v| v["cells"].as_str().unwrap().ends_with('2') && v["type"].is_null())
            .count();
        let width = sheet["filter"].as_str().unwrap().as_bytes()[3] - b'A' + 1;
        assert_eq!(columns, width as usize, "{name}");
        // Every drop-down reads its list from the Vocabulary sheet.
        for list in validations.iter().filter(|v| v["type"] == "list") {
            assert!(
                list["list"].as_str().unwrap().starts_with("Vocabulary!$"),
                "{list}"
            );
            assert!(list["prompt"].is_string(), "{list}");
        }
    }
    let table2 = sheets["Table 2"]["validations"].as_array().unwrap();
    let populations = table2
        .iter()
        .find(|v| v["cells"] == "C4:C504")
        .expect("Target populations served has a drop-down");
    assert_eq!(populations["list"], "Vocabulary!$D$2:$D$14");
    assert_eq!(
        populations["error_style"], "warning",
        "several terms separated by ; are allowed, with a warning"
    );
    let status = table2.iter().find(|v| v["cells"] == "F4:F504").unwrap();
    assert_eq!(status["list"], "Vocabulary!$C$2:$C$3");
    let part1 = sheets["Part 1"]["validations"].as_array().unwrap();
    assert!(part1
        .iter()
        .any(|v| v["cells"] == "C7" && v["list"] == "Vocabulary!$G$2:$G$3"));
}

#[test]
fn a_workbook_with_mistakes_gets_every_one_by_sheet_row_and_column() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let blank = init(dir.path());
    let broken = dir.path().join("broken.xlsx");
    python(&["broken", blank.to_str().unwrap(), broken.to_str().unwrap()]);
    let out = partnermap().arg("validate").arg(&broken).assert().code(2);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert_golden(
        "workbook-broken.txt",
        &stderr.replace(&broken.display().to_string(), "broken.xlsx"),
    );
}

#[test]
fn init_writes_a_folder_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ours");
    partnermap().arg("init").arg(&folder).assert().success();
    partnermap()
        .args(["--quiet", "validate"])
        .arg(&folder)
        .assert()
        .success();
    partnermap()
        .arg("init")
        .arg(&folder)
        .assert()
        .code(2)
        .stderr(format!(
            "error: {} already exists\n  hint: give a new file or folder\n",
            folder.display()
        ));
}
