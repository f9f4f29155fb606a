//! The checks the fuzz targets (`fuzz/`) run on each input, shared with `cargo test`, which runs
//! them on every input the fuzzers ever found (`fuzz/regressions/`), so a crash fixed stays
//! fixed.
//!
//! - [`read`]: bytes as a file of one format. Reading may refuse them (with diagnostics) but
//!   never panics; what it accepts goes through every analysis and writer of the report, and
//!   its canonical JSON reads back as the same coalition.
//! - [`write_names`]: bytes as the names and notes people type. DOT still parses with the same
//!   nodes, and every CSV cell parses back to the name (made inert against formulas).

use partnermap_core::{Coalition, Landscape, Organization, OrganizationType, Partnership};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where inputs are written to be read back: one folder for the process.
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path()
}

/// The formats [`read`] takes: most by the extension that selects the reader, and
/// - `folder`: the input split at `0xFF` bytes (never in UTF-8) into coalition.toml,
///   organizations.csv and partnerships.csv of a project folder;
/// - `gephi`: split the same way into Gephi's nodes.csv and edges.csv, a folder of them;
/// - `kumu-json`: a `.json` file, which is read as Kumu's blueprint when it has `elements`;
/// - `kumu-xlsx`: a workbook read as Kumu's spreadsheet import (`--from kumu-xlsx`);
/// - `import`: split into a mapping file and the `.csv` directory it maps (`partnermap import`);
/// - `hsds`: split into a mapping file and the tables of an Open Referral HSDS data package
///   ([`HSDS_TABLES`]), a folder of them imported through the mapping.
pub const FORMATS: &[&str] = &[
    "folder",
    "json",
    "csv",
    "txt",
    "net",
    "dl",
    "gml",
    "graphml",
    "gexf",
    "xlsx",
    "ods",
    "kumu-json",
    "kumu-xlsx",
    "gephi",
    "import",
    "hsds",
];

/// The tables of an HSDS data package, in the order the `hsds` input holds them.
pub const HSDS_TABLES: &[&str] = &[
    "organizations.csv",
    "services.csv",
    "locations.csv",
    "addresses.csv",
    "service_at_location.csv",
    "attributes.csv",
    "taxonomy_terms.csv",
];

/// Writes the pieces of `data` (split at `0xFF`) as the files `names` of the folder `folder`
/// in the scratch folder, an empty file for each piece missing.
fn pieces(folder: &str, names: &[&str], data: &[u8]) -> PathBuf {
    let folder = scratch().join(folder);
    std::fs::create_dir_all(&folder).unwrap();
    let mut parts = data.splitn(names.len(), |b| *b == 0xFF);
    for name in names {
        std::fs::write(folder.join(name), parts.next().unwrap_or_default()).unwrap();
    }
    folder
}

/// Reads `data` as a file of `format` (one of [`FORMATS`]) and, when it is accepted, writes
/// the whole report from it in memory; whether it was accepted.
pub fn read(format: &str, data: &[u8]) -> bool {
    let file = |extension: &str| {
        let path: PathBuf = scratch().join(format!("input.{extension}"));
        std::fs::write(&path, data).unwrap();
        path
    };
    let loaded = match format {
        "folder" => partnermap_core::load(&pieces(
            "project",
            &["coalition.toml", "organizations.csv", "partnerships.csv"],
            data,
        )),
        "gephi" => partnermap_core::load(&pieces("gephi", &["nodes.csv", "edges.csv"], data)),
        "kumu-json" => partnermap_core::load(&file("json")),
        "kumu-xlsx" => partnermap_core::load_as(&file("xlsx"), Some("kumu-xlsx")),
        "import" => {
            let folder = pieces("import", &["mapping.toml", "directory.csv"], data);
            partnermap_core::load::import(
                &folder.join("directory.csv"),
                &folder.join("mapping.toml"),
            )
        }
        "hsds" => {
            let (mapping, tables) = match data.iter().position(|b| *b == 0xFF) {
                Some(at) => (&data[..at], &data[at + 1..]),
                None => (data, &[][..]),
            };
            let mapping_file = scratch().join("hsds-mapping.toml");
            std::fs::write(&mapping_file, mapping).unwrap();
            partnermap_core::load::import(&pieces("hsds", HSDS_TABLES, tables), &mapping_file)
        }
        extension => partnermap_core::load(&file(extension)),
    };
    let Ok(loaded) = loaded else {
        return false;
    };
    let coalition = &loaded.coalition;
    report(coalition);
    let json = scratch().join("again.json");
    std::fs::write(&json, partnermap_core::write::to_json(coalition)).unwrap();
    let again = partnermap_core::load(&json).expect("the canonical JSON of a coalition reads");
    assert_eq!(
        &again.coalition, coalition,
        "the canonical JSON reads back the same"
    );
    true
}

/// Every analysis and file of the report, without Graphviz.
fn report(coalition: &Coalition) -> Vec<partnermap_report::File> {
    let landscape = Landscape::build(coalition);
    let analysis = partnermap_report::analyse(&landscape, &partnermap_report::Options::default());
    let maps = partnermap_report::maps::maps(&landscape, &analysis.network, false)
        .expect("without Graphviz, maps are their DOT sources");
    partnermap_report::files(&landscape, &analysis, &maps)
}

/// Uses `data` (as UTF-8, lossily) as the coalition's name, two organizations' names, notes
/// and contacts and a partnership's notes, and checks what the writers make of them: each map
/// has the nodes and edges it has for plain names, no CSV cell starts a formula, the page runs
/// nothing.
pub fn write_names(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let plain: Vec<usize> = report(&named("plain"))
        .into_iter()
        .filter(|f| f.path.ends_with(".dot"))
        .map(|f| drawn(&f.path, &f.bytes))
        .collect();
    let mut plain = plain.into_iter();
    for file in report(&named(&text)) {
        if file.path.ends_with(".dot") {
            assert_eq!(
                Some(drawn(&file.path, &file.bytes)),
                plain.next(),
                "{}: the names add or remove nodes or edges",
                file.path
            );
        } else if file.path.ends_with(".csv") {
            let mut reader = csv::Reader::from_reader(file.bytes.as_slice());
            for record in reader.records() {
                let record = record.unwrap_or_else(|e| panic!("{} does not parse: {e}", file.path));
                for cell in record.iter() {
                    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
                    assert!(
                        !risky || cell.parse::<f64>().is_ok(),
                        "{}: the cell {cell:?} starts a formula",
                        file.path
                    );
                }
            }
        } else if file.path.ends_with(".html") {
            let html = String::from_utf8(file.bytes).expect("HTML is UTF-8");
            assert!(!html.contains("<script"), "report.html runs nothing");
        }
    }
}

/// A coalition named `text`, whose two organizations, their notes and contacts and their
/// partnership's notes are all `text`.
fn named(text: &str) -> Coalition {
    let mut coalition = Coalition::new(text);
    for (id, kind) in [
        ("a", OrganizationType::Other),
        ("b", OrganizationType::School),
    ] {
        let mut organization = Organization::new(id, text, kind);
        organization.notes = Some(text.to_string());
        organization.contact = Some(text.to_string());
        coalition.organizations.push(organization);
    }
    let mut partnership = Partnership::new("a", "b");
    partnership.notes = Some(text.to_string());
    coalition.partnerships.push(partnership);
    coalition
}

/// How many nodes and edges a map's DOT has, as Graphviz's grammar parses it.
fn drawn(path: &str, bytes: &[u8]) -> usize {
    use graphviz_rust::dot_structures::{Graph, Stmt};
    fn count(stmts: &[Stmt]) -> usize {
        stmts
            .iter()
            .map(|s| match s {
                Stmt::Node(_) | Stmt::Edge(_) => 1,
                Stmt::Subgraph(sub) => count(&sub.stmts),
                _ => 0,
            })
            .sum()
    }
    let dot = std::str::from_utf8(bytes).expect("DOT is UTF-8");
    match graphviz_rust::parse(dot).unwrap_or_else(|e| panic!("{path} does not parse: {e}")) {
        Graph::Graph { stmts, .. } | Graph::DiGraph { stmts, .. } => count(&stmts),
    }
}

/// Runs every input kept under `folder` (`fuzz/regressions/`: one folder per target, named
/// `read-FORMAT` or `write-names`) through its check; returns how many ran.
pub fn run_regressions(folder: &Path) -> usize {
    let mut ran = 0;
    let Ok(targets) = std::fs::read_dir(folder) else {
        return 0;
    };
    // One folder per target; files beside them (a .gitkeep) are not inputs.
    let mut targets: Vec<PathBuf> = targets
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    targets.sort();
    for target in targets {
        let name = target.file_name().unwrap().to_string_lossy().into_owned();
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        inputs.sort();
        for input in inputs {
            let data = std::fs::read(&input).unwrap();
            match name.strip_prefix("read-") {
                Some(format) => {
                    read(format, &data);
                }
                None if name == "write-names" => write_names(&data),
                None => panic!("{}: not a fuzz target's folder", target.display()),
            }
            ran += 1;
        }
    }
    ran
}
