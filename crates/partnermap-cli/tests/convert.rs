//! `partnermap convert`: every exported GraphML and GEXF file is read by NetworkX
//! (`read_graphml`, `read_gexf`), which must see the nodes, edges and every attribute with the
//! value and type written; the other formats read back into partnermap. Without python3 and
//! networkx the NetworkX part prints a note and passes (CI installs networkx).

use assert_cmd::Command;
use partnermap_core::fields::{Table, ValueType};
use partnermap_core::write::Exported;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn workspace_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn convert(input: &Path, output: &Path, flags: &[&str]) {
    let run = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("convert")
        .arg(input)
        .arg(output)
        .args(flags)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// Each node's and edge's attributes as NetworkX reads them: `[type name, value]` by name.
const DUMP: &str = r#"
import json, sys, networkx as nx
path = sys.argv[1]
g = nx.read_graphml(path) if path.endswith(".graphml") else nx.read_gexf(path)
typed = lambda d: {k: [type(v).__name__, v] for k, v in d.items()}
edges = []
for u, v, key, d in (g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))):
    d = dict(d)
    eid = str(d.pop("id", key))
    edges.append([eid, u, v, typed(d)])
print(json.dumps({"directed": g.is_directed(), "nodes": {n: typed(d) for n, d in g.nodes(data=True)}, "edges": edges}))
"#;

fn networkx_available() -> bool {
    let found = std::process::Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("note: python3 with networkx is missing; skipping the NetworkX reading check");
    }
    found
}

fn dump(path: &Path) -> Value {
    let out = std::process::Command::new("python3")
        .args(["-c", DUMP])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "NetworkX cannot read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The value NetworkX should hold for a cell written with type `kind`.
fn expected(kind: ValueType, text: &str) -> Value {
    match kind {
        ValueType::Text => serde_json::json!(["str", text]),
        ValueType::Integer => serde_json::json!(["int", text.parse::<i64>().unwrap()]),
        ValueType::Double => serde_json::json!(["float", text.parse::<f64>().unwrap()]),
        ValueType::Boolean => serde_json::json!(["bool", text == "true"]),
    }
}

/// Checks one row's cells against what NetworkX read, column by column, and that NetworkX has
/// nothing else but what the format itself adds (`skip`). `renamed` maps our names to the
/// format's.
fn check_row(
    table: &Table,
    row: &[Option<String>],
    read: &Value,
    skip: &[&str],
    renamed: &[(&str, &str)],
    what: &str,
) {
    let read = read.as_object().unwrap();
    let mut seen = 0;
    for (heading, cell) in table.columns.iter().zip(row) {
        if skip.contains(&heading.name.as_str()) {
            continue;
        }
        let name = renamed
            .iter()
            .find(|(ours, _)| *ours == heading.name)
            .map_or(heading.name.as_str(), |(_, theirs)| theirs);
        match cell {
            Some(text) => {
                let kind = if name == "label" {
                    ValueType::Text
                } else {
                    heading.kind
                };
                assert_eq!(
                    read.get(name),
                    Some(&expected(kind, text)),
                    "{what}, field {name}"
                );
                seen += 1;
            }
            None => assert_eq!(read.get(name), None, "{what}, field {name}"),
        }
    }
    let extra: Vec<&String> = read
        .keys()
        .filter(|k| !matches!(k.as_str(), "viz"))
        .collect();
    assert_eq!(extra.len(), seen, "{what}: NetworkX has {extra:?}");
}

fn check_networkx(input: &Path, flags: &[&str]) {
    let loaded = partnermap_core::load(input).unwrap();
    let coalition = &loaded.coalition;
    let extra = if flags.contains(&"--metrics") {
        partnermap_report::tables::metric_columns(coalition)
    } else {
        Vec::new()
    };
    let network = if flags.contains(&"--landscape") {
        Exported::landscape(&partnermap_core::Landscape::build(coalition), &extra)
    } else {
        Exported::coalition(coalition, &extra)
    };
    let dir = tempfile::tempdir().unwrap();
    for file in ["network.graphml", "network.gexf"] {
        let path = dir.path().join(file);
        convert(input, &path, flags);
        let read = dump(&path);
        let what = format!("{} {flags:?} {file}", input.display());
        assert_eq!(read["directed"], Value::Bool(network.directed()), "{what}");
        let nodes = read["nodes"].as_object().unwrap();
        assert_eq!(nodes.len(), network.nodes.rows.len(), "{what}: nodes");
        let id = network.nodes.position("id").unwrap();
        for row in &network.nodes.rows {
            let node = row[id].as_ref().unwrap();
            check_row(
                &network.nodes,
                row,
                &nodes[node],
                &[],
                &[("name", "label")],
                &format!("{what}, node {node}"),
            );
        }
        let edges = read["edges"].as_array().unwrap();
        assert_eq!(edges.len(), network.edges.rows.len(), "{what}: edges");
        for edge in edges {
            let index: usize = edge[0]
                .as_str()
                .unwrap()
                .trim_start_matches('e')
                .parse()
                .unwrap();
            let row = &network.edges.rows[index];
            let ends = [edge[1].as_str().unwrap(), edge[2].as_str().unwrap()];
            let written = [row[0].as_deref().unwrap(), row[1].as_deref().unwrap()];
            let same = ends == written || (!network.directed() && ends == [written[1], written[0]]);
            assert!(
                same,
                "{what}: edge {index} joins {ends:?}, written {written:?}"
            );
            check_row(
                &network.edges,
                row,
                &edge[3],
                &["source", "target"],
                &[],
                &format!("{what}, edge {index}"),
            );
        }
    }
}

#[test]
fn networkx_reads_every_exported_graphml_and_gexf() {
    if !networkx_available() {
        return;
    }
    let example = workspace_path("data/forest-city");
    check_networkx(&example, &["--metrics"]);
    check_networkx(&example, &["--landscape"]);
    // Extra fields, relations, weights and a directed network, from published files.
    let real = workspace_path("../shared/data/real");
    if real.is_dir() {
        for file in [
            "dhhs-tobacco-collab/dhhs.gml",
            "knoke-bureaucracies/KnokBur.paj",
            "padgett-florentine/padgM.net",
        ] {
            check_networkx(&real.join(file), &["--metrics"]);
        }
    } else {
        println!(
            "note: {} is missing; checking the example only",
            real.display()
        );
    }
}

#[test]
fn every_format_is_written_and_networks_read_back() {
    let example = workspace_path("data/forest-city");
    let dir = tempfile::tempdir().unwrap();
    let original = partnermap_core::load(&example).unwrap().coalition;
    for file in ["back.graphml", "back.gexf", "back.json", "folder"] {
        let path = dir.path().join(file);
        convert(&example, &path, &[]);
        let back = partnermap_core::load(&path).unwrap().coalition;
        assert_eq!(back, original, "{file}");
    }
    // Pajek and UCINET keep the network: names, ties, directions (Pajek) and values.
    convert(&example, &dir.path().join("fc.net"), &["--metrics"]);
    let net = partnermap_core::load(&dir.path().join("fc.net"))
        .unwrap()
        .coalition;
    let names = |c: &partnermap_core::Coalition| -> Vec<String> {
        c.organizations.iter().map(|o| o.name.clone()).collect()
    };
    assert_eq!(names(&net), names(&original));
    assert_eq!(net.partnerships.len(), original.partnerships.len());
    let directed =
        |c: &partnermap_core::Coalition| c.partnerships.iter().filter(|p| p.directed).count();
    assert_eq!(directed(&net), directed(&original));
    let clu = std::fs::read_to_string(dir.path().join("fc.clu")).unwrap();
    assert!(clu.starts_with("% 1 Community-based nonprofit\n"), "{clu}");
    assert!(clu.contains(&format!("*Vertices {}\n", original.organizations.len())));
    assert!(dir.path().join("fc-community.clu").exists());
    convert(&example, &dir.path().join("fc.dl"), &[]);
    let dl = partnermap_core::load(&dir.path().join("fc.dl"))
        .unwrap()
        .coalition;
    assert_eq!(names(&dl), names(&original));
    // Kumu's workbook: the two sheets Kumu imports, read back as the same network, with the
    // metrics as fields.
    let xlsx = dir.path().join("fc.xlsx");
    convert(&example, &xlsx, &["--to", "kumu-xlsx", "--metrics"]);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut workbook = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("xl/workbook.xml").unwrap(),
        &mut workbook,
    )
    .unwrap();
    assert!(
        workbook.contains(r#"<sheet name="Elements" sheetId="1""#)
            && workbook.contains(r#"<sheet name="Connections" sheetId="2""#),
        "{workbook}"
    );
    let kumu = partnermap_core::load(&xlsx).unwrap().coalition;
    assert_eq!(kumu.organizations.len(), original.organizations.len());
    for (back, org) in kumu.organizations.iter().zip(&original.organizations) {
        assert_eq!(
            (
                &back.id,
                &back.name,
                back.kind,
                &back.populations,
                &back.assets
            ),
            (&org.id, &org.name, org.kind, &org.populations, &org.assets)
        );
        assert!(back.attributes.contains_key("betweenness"), "{back:?}");
    }
    assert_eq!(kumu.partnerships, original.partnerships);
    // Gephi's tables: UTF-8 without a byte-order mark, a unique edge Id.
    convert(&example, &dir.path().join("gephi"), &["--to", "gephi-csv"]);
    let edges = std::fs::read(dir.path().join("gephi/edges.csv")).unwrap();
    assert!(edges.starts_with(b"Source,Target,Type,Id,kind,strength,directed,"));
    let nodes = std::fs::read(dir.path().join("gephi/nodes.csv")).unwrap();
    assert!(nodes.starts_with(b"Id,Label,type,status,"));
    let ids: std::collections::HashSet<String> = String::from_utf8(edges.clone())
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(3).unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), original.partnerships.len());
}

/// `.xlsx` is the worksheet workbook, filled in: what it holds of Forest City comes back, and
/// workbook → folder → workbook → folder changes nothing.
#[test]
fn a_project_becomes_the_filled_in_workbook_and_comes_back_the_same() {
    let example = workspace_path("data/forest-city");
    let dir = tempfile::tempdir().unwrap();
    let original = partnermap_core::load(&example).unwrap().coalition;
    let workbook = dir.path().join("forest-city.xlsx");
    convert(&example, &workbook, &[]);
    let read = partnermap_core::load(&workbook).unwrap().coalition;
    let names = |c: &partnermap_core::Coalition| {
        let mut names: Vec<String> = c.organizations.iter().map(|o| o.name.clone()).collect();
        names.sort();
        names
    };
    assert_eq!(names(&read), names(&original));
    assert_eq!(read.partnerships.len(), original.partnerships.len());
    assert_eq!(read.purpose, original.purpose);
    assert!(read.purpose.is_some());
    for kind in partnermap_core::TermKind::ALL {
        let sorted = |c: &partnermap_core::Coalition| {
            let mut terms = c.priorities.terms(kind).to_vec();
            terms.sort();
            terms
        };
        assert_eq!(sorted(&read), sorted(&original), "{kind}");
    }
    convert(&workbook, &dir.path().join("folder"), &[]);
    convert(
        &dir.path().join("folder"),
        &dir.path().join("again"),
        &["--to", "workbook"],
    );
    convert(
        &dir.path().join("again"),
        &dir.path().join("folder-again"),
        &["--from", "xlsx", "--to", "folder"],
    );
    let folder = partnermap_core::load(&dir.path().join("folder"))
        .unwrap()
        .coalition;
    let again = partnermap_core::load(&dir.path().join("folder-again"))
        .unwrap()
        .coalition;
    assert_eq!(again, folder);
    assert_eq!(folder, read);
}

#[test]
fn unknown_formats_and_a_landscape_pajek_are_usage_errors() {
    let example = workspace_path("data/forest-city");
    let dir = tempfile::tempdir().unwrap();
    for (out, flags, message) in [
        ("x.docx", vec![], "x.docx: no format has this extension (give one of: json, folder, graphml, gexf, pajek, dl, gephi-csv, kumu, kumu-xlsx, workbook)"),
        (
            "x.net",
            vec!["--landscape"],
            "error: pajek cannot hold the two-mode landscape (write .graphml, .gexf or gephi-csv)",
        ),
        (
            "x.net",
            vec!["--to", "yed"],
            "the formats are: json, folder, graphml, gexf, pajek, dl, gephi-csv, kumu, kumu-xlsx, workbook",
        ),
    ] {
        let run = Command::cargo_bin("partnermap")
            .unwrap()
            .arg("convert")
            .arg(&example)
            .arg(dir.path().join(out))
            .args(&flags)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "{out} {flags:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains(message), "{stderr}");
    }
}

#[test]
fn kumu_workbook_cells_that_look_like_formulas_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("ties.csv");
    std::fs::write(&input, "source,target\n\"=HYPERLINK(\"\"x\"\")\",Bank\n").unwrap();
    let xlsx = dir.path().join("ties.kumu.xlsx");
    convert(&input, &xlsx, &[]);
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    // The name is a string cell (no <f>ormula), styled with Excel's quote prefix.
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "{sheet}");
    assert!(read("xl/styles.xml").contains(r#"quotePrefix="1""#));
    let back = partnermap_core::load(&xlsx).unwrap().coalition;
    assert_eq!(back.organizations[0].name, "=HYPERLINK(\"x\")");
}

#[test]
fn an_edge_list_networkx_wrote_gives_networkx_betweenness() {
    if !networkx_available() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let edges = dir.path().join("karate.edges");
    let script = "import sys, json, networkx as nx\ng = nx.karate_club_graph()\nnx.write_edgelist(g, sys.argv[1])\nprint(json.dumps({str(k): v for k, v in nx.betweenness_centrality(g).items()}))";
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&edges)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected: serde_json::Map<String, Value> = serde_json::from_slice(&out.stdout).unwrap();
    let output = Command::cargo_bin("partnermap")
        .unwrap()
        .arg("metrics")
        .arg(&edges)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metrics: Value = serde_json::from_slice(&output.stdout).unwrap();
    let organizations = metrics["organizations"].as_array().unwrap();
    assert_eq!(organizations.len(), 34);
    for o in organizations {
        let theirs = expected[o["id"].as_str().unwrap()].as_f64().unwrap();
        let ours = o["betweenness"].as_f64().unwrap();
        assert!(
            (ours - theirs).abs() < 1e-9,
            "{}: ours {ours}, NetworkX {theirs}",
            o["id"]
        );
    }
}
