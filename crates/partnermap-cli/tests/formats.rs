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
    metrics_with(path, &[])
}

/// The organizations of `partnermap metrics FILE --format json ARGS`.
fn metrics_with(path: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("metrics")
        .arg(path)
        .args(["--format", "json"])
        .args(args)
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

/// The organization with the highest betweenness.
fn top_broker(organizations: &[serde_json::Value]) -> &serde_json::Value {
    organizations
        .iter()
        .max_by(|a, b| {
            a["betweenness"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["betweenness"].as_f64().unwrap())
        })
        .unwrap()
}

#[test]
fn the_mayors_office_brokers_knokes_information_network() {
    let Some(path) = real_data("knoke-bureaucracies/KnokBur.DAT") else {
        return;
    };
    // Every tie of the file is directed, so the metrics follow direction without being asked.
    let organizations = metrics_with(&path, &["--relation", "information"]);
    let top = top_broker(&organizations);
    assert_eq!(top["name"], "MAYR");
    // SOURCE.md: raw directed betweenness 17.833 over the 9 × 8 ordered pairs of the others.
    let raw = top["betweenness"].as_f64().unwrap() * 72.0;
    assert!((raw - 17.833).abs() < 5e-4, "{raw}");
    let degrees: Vec<(u64, u64)> = organizations
        .iter()
        .map(|o| {
            (
                o["out_degree"].as_u64().unwrap(),
                o["in_degree"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        degrees,
        [
            (4, 5),
            (7, 8),
            (6, 4),
            (4, 5),
            (8, 8),
            (3, 1),
            (3, 9),
            (6, 2),
            (3, 5),
            (5, 2)
        ]
    );
    // Without direction the newspaper, which everyone tells but which tells few, looks central.
    let undirected = metrics_with(&path, &["--relation", "information", "--undirected"]);
    assert_eq!(top_broker(&undirected)["name"], "NEWS");
    assert!(undirected[0].get("in_degree").is_none());
    // The money network's broker is United Way (raw 9).
    let money = metrics_with(&path, &["--relation", "money"]);
    let top = top_broker(&money);
    assert_eq!(top["name"], "UWAY");
    assert!((top["betweenness"].as_f64().unwrap() * 72.0 - 9.0).abs() < 1e-9);
}

#[test]
fn knokes_file_and_the_sector_partition_beside_it_read_as_ten_organizations_with_their_sectors() {
    let Some(path) = real_data("knoke-bureaucracies/KnokBur.DAT") else {
        return;
    };
    let validate = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("validate")
        .arg(&path)
        .output()
        .unwrap();
    assert!(validate.status.success());
    let shown = String::from_utf8_lossy(&validate.stdout);
    assert!(
        shown.contains("10 organizations, 71 partnerships"),
        "{shown}"
    );
    assert!(
        shown.contains("kept aside: 4 organization fields: KnokRat (10), KnokSec (10), RATING (10), SECTOR (10)"),
        "{shown}"
    );
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("knoke.json");
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("convert")
        .arg(&path)
        .arg(&json)
        .assert()
        .success();
    let document: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let sectors: Vec<(&str, &str)> = document["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["name"].as_str().unwrap(),
                o["attributes"]["KnokSec"].as_str().unwrap(),
            )
        })
        .collect();
    // SOURCE.md: 1 = GOV (government), 2 = VOL (voluntary), 3 = PVT (private).
    assert_eq!(
        sectors,
        [
            ("COUN", "GOV"),
            ("COMM", "VOL"),
            ("EDUC", "GOV"),
            ("INDU", "PVT"),
            ("MAYR", "GOV"),
            ("WRO", "VOL"),
            ("NEWS", "PVT"),
            ("UWAY", "VOL"),
            ("WELF", "GOV"),
            ("WEST", "VOL"),
        ]
    );
}

#[test]
fn an_unknown_relation_is_a_usage_error_with_a_hint() {
    let Some(path) = real_data("knoke-bureaucracies/KnokBur.DAT") else {
        return;
    };
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("metrics")
        .arg(&path)
        .args(["--relation", "informaton"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "error: --relation \"informaton\": no partnership has this relation (the relations are information, money)\n  hint: did you mean \"information\"?",
        ));
}

#[test]
fn the_chinese_engo_relations_reproduce_the_published_betweenness() {
    let Some(folder) = real_data("chinese-engo-multiplex") else {
        return;
    };
    for relation in ["collaboration", "information", "support", "financial_aid"] {
        // The survey's ties run one way: each respondent named the organizations it turns to.
        let path = folder.join(format!("{relation}.txt"));
        let organizations = metrics_with(&path, &["--directed"]);
        let published =
            std::fs::read_to_string(folder.join(format!("outputs/{relation}_betweenness.txt")))
                .unwrap();
        let published: Vec<(&str, f64)> = published
            .lines()
            .map(|line| {
                let (id, value) = line.split_once(',').unwrap();
                (id, value.trim().parse().unwrap())
            })
            .collect();
        assert_eq!(published.len(), organizations.len(), "{relation}");
        for (id, value) in published {
            let ours = organizations
                .iter()
                .find(|o| o["id"] == id)
                .unwrap_or_else(|| panic!("{relation}: no organization {id}"));
            let ours = ours["betweenness"].as_f64().unwrap();
            assert!(
                (ours - value).abs() < 1e-9,
                "{relation} {id}: ours {ours}, published {value}"
            );
        }
    }
}

/// `partnermap validate ARGS --json FILE`: the canonical document of what was read.
fn canonical<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("read.json");
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("validate")
        .args(args)
        .arg("--json")
        .arg(&json)
        .assert()
        .success();
    serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap()
}

#[test]
fn the_four_engo_relations_given_as_paths_read_as_their_folder() {
    let Some(folder) = real_data("chinese-engo-multiplex") else {
        return;
    };
    let files: Vec<PathBuf> = ["collaboration", "financial_aid", "information", "support"]
        .iter()
        .map(|relation| folder.join(format!("{relation}.txt")))
        .collect();
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let together = canonical(&paths);
    assert_eq!(together, canonical(&[&folder]));
    assert_eq!(together["organizations"].as_array().unwrap().len(), 120);
    let mut relations: Vec<&str> = together["partnerships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["relation"].as_str().unwrap())
        .collect();
    relations.sort_unstable();
    relations.dedup();
    assert_eq!(
        relations,
        ["collaboration", "financial_aid", "information", "support"]
    );
}

#[test]
fn gephi_and_kumu_tables_given_as_two_files_are_told_apart_by_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let people = write(
        "people.csv",
        "Id,Label\na,Agency A\nb,Agency B\nc,Agency C\n",
    );
    let ties = write(
        "ties.csv",
        "Source,Target,Type\na,b,Undirected\nb,c,Undirected\n",
    );
    // The edges first: which file is which follows from the columns, not the order.
    let gephi = canonical(&[&ties, &people]);
    let elements = write(
        "elements.csv",
        "Label,Type\nAgency A,Agency\nAgency B,Agency\n",
    );
    let connections = write("connections.csv", "From,To\nAgency A,Agency B\n");
    let kumu = canonical(&[&elements, &connections]);
    for (read, organizations, partnerships) in [(&gephi, 3, 2), (&kumu, 2, 1)] {
        assert_eq!(
            read["organizations"].as_array().unwrap().len(),
            organizations
        );
        assert_eq!(read["partnerships"].as_array().unwrap().len(), partnerships);
    }
    assert_eq!(gephi["organizations"][1]["name"], "Agency B");

    let other = write("other.csv", "Name,City\nA,Fresno\n");
    Command::cargo_bin("partnermap")
        .unwrap()
        .args(["validate"])
        .args([&people, &other])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "neither has Gephi's Source and Target columns nor Kumu's From and To",
        ));
    Command::cargo_bin("partnermap")
        .unwrap()
        .args(["validate"])
        .args([&people, &other, &ties])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "3 files that are not all arc lists, nor two tables",
        ));
}

#[test]
fn a_gephi_table_without_its_key_columns_is_named_with_the_columns_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let (nodes, edges) = (dir.path().join("nodes.csv"), dir.path().join("edges.csv"));
    for (node_header, edge_header, expected) in [
        ("Name", "Source,Target", "nodes.csv, line 1, field \"Id\": the nodes table has no Id column\n  hint: Gephi's nodes table starts Id,Label"),
        ("Id", "From,To", "edges.csv, line 1, field \"Source\": the edges table has no Source and Target columns\n  hint: Gephi's edges table starts Source,Target,Type"),
    ] {
        std::fs::write(&nodes, format!("{node_header}\na\nb\n")).unwrap();
        std::fs::write(&edges, format!("{edge_header}\na,b\n")).unwrap();
        Command::cargo_bin("partnermap")
            .unwrap()
            .arg("validate")
            .arg(dir.path())
            .assert()
            .code(2)
            .stderr(predicates::str::contains(expected));
    }
}

/// Each priority of `partnermap gaps PATH --second-mode KIND --format json`, sorted by label:
/// its kind, label, coverage class and number of organizations providing it.
fn priorities(path: &Path, kind: &str) -> Vec<(String, String, String, usize)> {
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("gaps")
        .arg(path)
        .args(["--second-mode", kind, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    let mut shown: Vec<_> = json["coverage"]["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let providers = p["providers"].as_object().unwrap().values();
            let providers = providers.map(|v| v.as_array().unwrap().len()).sum();
            (
                text(&p["kind"]),
                text(&p["label"]),
                text(&p["class"]),
                providers,
            )
        })
        .collect();
    shown.sort();
    shown
}

/// The label and provider count of each priority population, sorted by label, from labels in
/// the file's order and the published sizes.
fn populations(labels: &[String], sizes: &[usize]) -> Vec<(String, String, String, usize)> {
    let mut expected: Vec<_> = labels
        .iter()
        .zip(sizes)
        .map(|(label, &n)| {
            let class = if n >= 2 { "covered" } else { "thin" };
            (
                "population".to_string(),
                label.clone(),
                class.to_string(),
                n,
            )
        })
        .collect();
    expected.sort();
    expected
}

#[test]
fn two_mode_files_read_their_second_mode_as_priority_populations() {
    // SOURCE.md of each data set: club sizes, and event sizes of both versions of Davis's data.
    let clubs: Vec<String> = (1..=15).map(|i| format!("club-{i}")).collect();
    let events = |width| -> Vec<String> { (1..=14).map(|i| format!("E{i:0width$}")).collect() };
    for (file, organizations, labels, sizes) in [
        (
            "galaskiewicz-ceos-clubs/CEOs.net",
            26,
            clubs,
            [3, 11, 22, 12, 3, 4, 4, 4, 6, 3, 4, 5, 5, 3, 9].as_slice(),
        ),
        (
            "davis-southern-women/Davis.paj",
            18,
            events(2),
            &[3, 3, 6, 4, 8, 8, 10, 14, 12, 5, 4, 6, 3, 3],
        ),
        (
            "davis-southern-women/DAVIS.DAT",
            18,
            events(1),
            &[3, 3, 6, 4, 8, 8, 10, 14, 12, 6, 4, 7, 4, 4],
        ),
    ] {
        let Some(path) = real_data(file) else {
            return;
        };
        assert_eq!(
            priorities(&path, "population"),
            populations(&labels, sizes),
            "{file}"
        );
        let read = canonical(&[
            path.as_os_str(),
            "--second-mode".as_ref(),
            "population".as_ref(),
        ]);
        let count = |list: &serde_json::Value| list.as_array().unwrap().len();
        assert_eq!(count(&read["organizations"]), organizations, "{file}");
        assert_eq!(count(&read["partnerships"]), 0, "{file}");
        assert_eq!(count(&read["vocabulary"]["populations"]), labels.len());
    }
}

#[test]
fn a_two_mode_file_without_its_second_mode_is_a_usage_error_naming_the_option() {
    let Some(path) = real_data("galaskiewicz-ceos-clubs/CEOs.net") else {
        return;
    };
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("gaps")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!(
            "error: {}: a two-mode network: 26 vertices in the first mode, 15 in the second\n  hint: give --second-mode population, domain or asset",
            path.display()
        )));
}

#[test]
fn a_small_two_mode_pajek_file_reads_as_organizations_and_the_domains_they_work_in() {
    let dir = tempfile::tempdir().unwrap();
    let net = dir.path().join("clubs.net");
    std::fs::write(
        &net,
        "*Vertices 5 2\n1 \"Ann\"\n2 \"Bo\"\n3 \"Chess\"\n4 \"Choir\"\n5 \"Rowing\"\n*Edges\n1 3\n1 4\n2 4\n2 5\n",
    )
    .unwrap();
    let domain = |label: &str, class: &str, n| {
        (
            "domain".to_string(),
            label.to_string(),
            class.to_string(),
            n,
        )
    };
    assert_eq!(
        priorities(&net, "domain"),
        [
            domain("Chess", "thin", 1),
            domain("Choir", "covered", 2),
            domain("Rowing", "thin", 1)
        ]
    );
    let run = |args: &[&str]| {
        let mut command = Command::cargo_bin("partnermap").unwrap();
        command.arg("gaps").arg(&net).args(args).assert().code(2)
    };
    run(&[]).stderr(predicates::str::contains(
        "a two-mode network: 2 vertices in the first mode, 3 in the second\n  hint: give --second-mode population, domain or asset",
    ));
    run(&["--second-mode", "club"]).stderr(predicates::str::contains(
        "\"club\" is not a kind of term: give population, domain or asset",
    ));
    // The landscape export draws the two modes again: organizations and the domains they work in.
    let graphml = dir.path().join("clubs.graphml");
    Command::cargo_bin("partnermap")
        .unwrap()
        .arg("convert")
        .arg(&net)
        .arg(&graphml)
        .args(["--landscape", "--second-mode", "domain"])
        .assert()
        .success();
    let written = std::fs::read_to_string(&graphml).unwrap();
    let works_in = written.matches(">works-in</data>").count();
    assert_eq!(works_in, 4, "{written}");
    assert!(written.contains("<node id=\"domain:choir\">"), "{written}");
}

#[test]
fn diff_reads_its_snapshots_as_every_command_reads_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let clubs = "*Vertices 5 2\n1 \"Ann\"\n2 \"Bo\"\n3 \"Chess\"\n4 \"Choir\"\n5 \"Rowing\"\n*Edges\n1 3\n1 4\n2 4\n2 5\n";
    let (old, new) = (dir.path().join("old.net"), dir.path().join("new.txt"));
    std::fs::write(&old, clubs).unwrap();
    // Bo joins the chess club; the newer file's name does not say it is Pajek: --from does.
    std::fs::write(&new, format!("{clubs}2 3\n")).unwrap();
    let diff = |args: &[&str]| {
        let mut command = Command::cargo_bin("partnermap").unwrap();
        command.arg("diff").arg(&old).arg(&new).args(args);
        command.output().unwrap()
    };
    let read = diff(&[
        "--from",
        "net",
        "--second-mode",
        "domain",
        "--format",
        "json",
    ]);
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(
        json["priorities"],
        serde_json::json!([{"kind": "domain", "id": "chess", "label": "Chess",
            "class": {"before": "thin", "after": "covered"}}])
    );
    let refused = diff(&["--from", "net"]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("hint: give --second-mode population, domain or asset"),
        "{stderr}"
    );
}
