//! The network-file readers on the published data sets in `../shared/data/real` (beside the
//! workspace, or where `PARTNERMAP_REAL_DATA` points). When that folder is missing (as in CI),
//! each test prints a note and passes.

use partnermap_core::{load, load_paths, Coalition, Reading, TermKind};
use std::path::PathBuf;

/// The real-data folder, if it is there.
fn real_data() -> Option<PathBuf> {
    let folder = std::env::var_os("PARTNERMAP_REAL_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/real")
        });
    if folder.is_dir() {
        Some(folder)
    } else {
        println!(
            "note: {} is missing; skipping the real-data test",
            folder.display()
        );
        None
    }
}

/// Loads a file of the real-data folder, which must load without warnings.
fn load_real(relative: &str) -> Option<Coalition> {
    let path = real_data()?.join(relative);
    let loaded = load(&path).unwrap_or_else(|e| panic!("{relative}: {:?}", e.diagnostics));
    assert_eq!(loaded.warnings, [], "{relative}");
    Some(loaded.coalition)
}

fn names(coalition: &Coalition) -> Vec<&str> {
    coalition
        .organizations
        .iter()
        .map(|o| o.name.as_str())
        .collect()
}

fn degree(coalition: &Coalition, id: &str) -> usize {
    coalition
        .partnerships
        .iter()
        .filter(|p| p.source == id || p.target == id)
        .count()
}

#[test]
fn padgett_marriages_are_16_families_with_pucci_an_isolate() {
    let Some(coalition) = load_real("padgett-florentine/padgM.net") else {
        return;
    };
    assert_eq!(coalition.organizations.len(), 16);
    assert_eq!(coalition.partnerships.len(), 20);
    assert_eq!(names(&coalition)[8], "Medici");
    assert_eq!(degree(&coalition, "medici"), 6);
    assert_eq!(degree(&coalition, "pucci"), 0);
    assert!(coalition
        .partnerships
        .iter()
        .all(|p| !p.directed && p.relation.is_none() && p.weight == Some(1.0)));
}

#[test]
fn knoke_project_has_both_relations_and_the_sectors() {
    let Some(coalition) = load_real("knoke-bureaucracies/KnokBur.paj") else {
        return;
    };
    assert_eq!(coalition.organizations.len(), 10);
    let count = |relation: &str| {
        coalition
            .partnerships
            .iter()
            .filter(|p| p.directed && p.relation.as_deref() == Some(relation))
            .count()
    };
    assert_eq!((count("KNOKI"), count("KNOKM")), (49, 22));
    let sectors: Vec<&str> = coalition
        .organizations
        .iter()
        .map(|o| o.attributes["KnokSec"].as_str())
        .collect();
    assert_eq!(sectors, ["1", "2", "1", "3", "1", "2", "3", "2", "1", "2"]);
    assert_eq!(
        coalition.organizations[6].attributes["KnokRat"],
        "6.4000000"
    );
}

/// Each priority population's label, with the number of organizations serving it.
type Served = Vec<(String, usize)>;

/// Loads a two-mode file of the real-data folder with its second mode as populations: its
/// warnings and the populations served.
fn load_two_mode(relative: &str) -> Option<(Coalition, Vec<String>, Served)> {
    let path = real_data()?.join(relative);
    let loaded = load_paths(
        &[path],
        Reading {
            second_mode: Some(TermKind::Population),
            ..Reading::default()
        },
    )
    .unwrap_or_else(|e| panic!("{relative}: {:?}", e.diagnostics));
    let coalition = loaded.coalition;
    let vocabulary = coalition.vocabulary();
    let served = coalition
        .priorities
        .populations
        .iter()
        .map(|id| {
            let label = vocabulary.label(TermKind::Population, id).to_string();
            let providers = coalition
                .organizations
                .iter()
                .filter(|o| o.populations.contains(id))
                .count();
            (label, providers)
        })
        .collect();
    let warnings = loaded.warnings.iter().map(|w| w.message.clone()).collect();
    Some((coalition, warnings, served))
}

/// The provider counts of `served`.
fn sizes(served: &[(String, usize)]) -> Vec<usize> {
    served.iter().map(|(_, n)| *n).collect()
}

/// How many populations the organization `id` serves.
fn serves(coalition: &Coalition, id: &str) -> usize {
    let org = coalition.organizations.iter().find(|o| o.id == id).unwrap();
    org.populations.len()
}

#[test]
fn two_mode_files_read_their_second_mode_as_priority_populations() {
    // SOURCE.md: club sizes and CEO degrees.
    let Some((ceos, warnings, clubs)) = load_two_mode("galaskiewicz-ceos-clubs/CEOs.net") else {
        return;
    };
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!((ceos.organizations.len(), ceos.partnerships.len()), (26, 0));
    assert_eq!(clubs[0].0, "club-1");
    assert_eq!(
        sizes(&clubs),
        [3, 11, 22, 12, 3, 4, 4, 4, 6, 3, 4, 5, 5, 3, 9]
    );
    let degrees: Vec<usize> = ceos
        .organizations
        .iter()
        .map(|o| o.populations.len())
        .collect();
    assert_eq!(
        degrees,
        [3, 3, 2, 3, 3, 3, 4, 3, 4, 2, 3, 2, 4, 7, 5, 5, 6, 5, 5, 5, 3, 3, 4, 5, 3, 3]
    );
    // The canonical 89 ties: event sizes E1..E14, and the women's partition kept.
    let Some((davis, warnings, events)) = load_two_mode("davis-southern-women/Davis.paj") else {
        return;
    };
    assert_eq!(
        warnings,
        ["the fields of the second mode's vertices are not kept (Manual 3/3): a population has only its label"]
    );
    assert_eq!(davis.organizations.len(), 18);
    assert_eq!(
        sizes(&events),
        [3, 3, 6, 4, 8, 8, 10, 14, 12, 5, 4, 6, 3, 3]
    );
    assert_eq!(serves(&davis, "evelyn"), 8);
    assert_eq!(davis.organizations[7].attributes["Manual 3/3"], "3");
}

#[test]
fn dhhs_collaboration_is_54_people_with_their_agency() {
    let Some(coalition) = load_real("dhhs-tobacco-collab/dhhs.gml") else {
        return;
    };
    assert_eq!(coalition.organizations.len(), 54);
    assert_eq!(coalition.partnerships.len(), 447);
    let in_agency = |code: &str| {
        coalition
            .organizations
            .iter()
            .filter(|o| o.attributes["agency"] == code)
            .count()
    };
    // ACF 2, CDC 12, NIH 16 people (SOURCE.md).
    assert_eq!(
        (in_agency("0"), in_agency("2"), in_agency("7")),
        (2, 12, 16)
    );
    assert_eq!(coalition.organizations[0].name, "ACF-1");
    assert_eq!(degree(&coalition, "os-5"), 45);
    let strong = coalition
        .partnerships
        .iter()
        .filter(|p| !p.directed && p.attributes["collab"].as_str() >= "3")
        .count();
    assert_eq!(strong, 173);
}

#[test]
fn knoke_ucinet_iv_file_has_both_relations_and_the_sectors() {
    let Some(folder) = real_data() else {
        return;
    };
    let path = folder.join("knoke-bureaucracies/KnokBur.DAT");
    let loaded = load(&path).unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
    // The money block's label row has the typo MAYO for MAYR; blocks are matched by position.
    let warnings: Vec<(Option<usize>, &str)> = loaded
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            Some(18),
            "label 5 is \"MAYO\" here but \"MAYR\" in the first matrix"
        )]
    );
    let coalition = loaded.coalition;
    assert_eq!(coalition.organizations.len(), 10);
    let count = |relation: &str| {
        coalition
            .partnerships
            .iter()
            .filter(|p| p.directed && p.relation.as_deref() == Some(relation))
            .count()
    };
    assert_eq!((count("information"), count("money")), (49, 22));
    let sectors: Vec<(&str, &str)> = coalition
        .organizations
        .iter()
        .map(|o| (o.name.as_str(), o.attributes["SECTOR"].as_str()))
        .collect();
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
    assert_eq!(coalition.organizations[7].attributes["RATING"], "5.94");
    // KnokSec.clu and KnokRat.vec beside it (their stems share "Knok") give the same sectors,
    // through the partition's legend (1 - GOV, 2 - VOL, 3 - PVT), and the ratings.
    for org in &coalition.organizations {
        assert_eq!(
            org.attributes["KnokSec"], org.attributes["SECTOR"],
            "{}",
            org.name
        );
        let rating = |name: &str| org.attributes[name].parse::<f64>().unwrap();
        assert_eq!(rating("KnokRat"), rating("RATING"), "{}", org.name);
    }
    // The mayor sends information to 8 organizations and receives it from 8.
    let information = |f: &dyn Fn(&partnermap_core::Partnership) -> bool| {
        coalition
            .partnerships
            .iter()
            .filter(|p| p.relation.as_deref() == Some("information") && f(p))
            .count()
    };
    assert_eq!(information(&|p| p.source == "mayr"), 8);
    assert_eq!(information(&|p| p.target == "mayr"), 8);
}

#[test]
fn ucinet_dl_files_read_their_matrices_as_relations() {
    let Some(knoke) = load_real("knoke-bureaucracies/Knok.dat") else {
        return;
    };
    let count = |c: &Coalition, relation: &str| {
        c.partnerships
            .iter()
            .filter(|p| p.relation.as_deref() == Some(relation))
            .count()
    };
    assert_eq!((count(&knoke, "KNOKI"), count(&knoke, "KNOKM")), (49, 22));
    let sectors: Vec<&str> = knoke
        .organizations
        .iter()
        .map(|o| o.attributes["KnokSec"].as_str())
        .collect();
    assert_eq!(
        sectors,
        ["GOV", "VOL", "GOV", "PVT", "GOV", "VOL", "PVT", "VOL", "GOV", "VOL"]
    );
    let Some(padgett) = load_real("padgett-florentine/PADGETT.DAT") else {
        return;
    };
    // Symmetric matrices are undirected: 20 marriages, 15 business ties.
    assert_eq!(
        (count(&padgett, "PADGM"), count(&padgett, "PADGB")),
        (20, 15)
    );
    assert!(padgett.partnerships.iter().all(|p| !p.directed));
    // The 93-tie version: Helen and Dorothy attend more, E10, E12, E13 and E14 are larger.
    let Some((davis, _, events)) = load_two_mode("davis-southern-women/DAVIS.DAT") else {
        return;
    };
    assert_eq!(davis.organizations.len(), 18);
    assert_eq!(
        sizes(&events),
        [3, 3, 6, 4, 8, 8, 10, 14, 12, 6, 4, 7, 4, 4]
    );
    assert_eq!((serves(&davis, "helen"), serves(&davis, "dorothy")), (7, 4));
}

#[test]
fn the_chinese_engo_folder_is_one_network_of_four_relations() {
    let Some(real) = real_data() else { return };
    let folder = [real.join("chinese-engo-multiplex")];
    let directed = Reading {
        directed: true,
        ..Reading::default()
    };
    let loaded = load_paths(&folder, directed).expect("the folder loads");
    let c = &loaded.coalition;
    assert_eq!(c.organizations.len(), 120);
    let mut relations: std::collections::BTreeMap<&str, usize> = Default::default();
    for p in &c.partnerships {
        assert!(p.directed);
        *relations.entry(p.relation.as_deref().unwrap()).or_default() += 1;
    }
    // SOURCE.md: 195, 200 lines (one arc repeated, reported as a warning), 67 and 37 arcs.
    assert_eq!(
        relations.into_iter().collect::<Vec<_>>(),
        [
            ("collaboration", 195),
            ("financial_aid", 37),
            ("information", 200),
            ("support", 67)
        ]
    );
    assert_eq!(loaded.warnings.len(), 1);
    assert!(loaded.warnings[0].message.contains("listed twice"));
}

/// The Florentine marriages as NetworkX writes `nx.florentine_families_graph()` with
/// `nx.write_graphml` (its node and edge order, family names as node ids, a weight key), with
/// Pucci, the isolate NetworkX leaves out, added at the end.
const FLORENTINE_GRAPHML: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="d0" for="edge" attr.name="weight" attr.type="double" />
  <graph edgedefault="undirected">
    <node id="Acciaiuoli" />
    <node id="Medici" />
    <node id="Castellani" />
    <node id="Peruzzi" />
    <node id="Strozzi" />
    <node id="Barbadori" />
    <node id="Ridolfi" />
    <node id="Tornabuoni" />
    <node id="Albizzi" />
    <node id="Salviati" />
    <node id="Pazzi" />
    <node id="Bischeri" />
    <node id="Guadagni" />
    <node id="Ginori" />
    <node id="Lamberteschi" />
    <node id="Pucci" />
EDGES  </graph>
</graphml>
"#;

#[test]
fn networkx_graphml_of_the_florentine_families_matches_the_pajek_file() {
    let Some(pajek) = load_real("padgett-florentine/padgM.net") else {
        return;
    };
    let pairs = [
        ("Acciaiuoli", "Medici"),
        ("Medici", "Barbadori"),
        ("Medici", "Ridolfi"),
        ("Medici", "Tornabuoni"),
        ("Medici", "Albizzi"),
        ("Medici", "Salviati"),
        ("Castellani", "Peruzzi"),
        ("Castellani", "Strozzi"),
        ("Castellani", "Barbadori"),
        ("Peruzzi", "Strozzi"),
        ("Peruzzi", "Bischeri"),
        ("Strozzi", "Ridolfi"),
        ("Strozzi", "Bischeri"),
        ("Ridolfi", "Tornabuoni"),
        ("Tornabuoni", "Guadagni"),
        ("Albizzi", "Ginori"),
        ("Albizzi", "Guadagni"),
        ("Salviati", "Pazzi"),
        ("Bischeri", "Guadagni"),
        ("Guadagni", "Lamberteschi"),
    ];
    let edges: String = pairs
        .iter()
        .map(|(s, t)| {
            format!("    <edge source=\"{s}\" target=\"{t}\">\n      <data key=\"d0\">1.0</data>\n    </edge>\n")
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("florentine.graphml");
    std::fs::write(&path, FLORENTINE_GRAPHML.replace("EDGES", &edges)).unwrap();
    let loaded = load(&path).unwrap_or_else(|e| panic!("{:?}", e.diagnostics));
    assert_eq!(loaded.warnings, []);
    let graphml = loaded.coalition;
    let organizations = |c: &Coalition| {
        let mut all: Vec<(String, String)> = c
            .organizations
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect();
        all.sort();
        all
    };
    let partnerships = |c: &Coalition| {
        let mut all: Vec<(String, String, bool, Option<f64>)> = c
            .partnerships
            .iter()
            .map(|p| {
                let (a, b) = if p.source <= p.target {
                    (&p.source, &p.target)
                } else {
                    (&p.target, &p.source)
                };
                (a.clone(), b.clone(), p.directed, p.weight)
            })
            .collect();
        all.sort_by(|x, y| x.partial_cmp(y).unwrap());
        all
    };
    assert_eq!(organizations(&graphml), organizations(&pajek));
    assert_eq!(partnerships(&graphml), partnerships(&pajek));
    assert_eq!(graphml.partnerships.len(), 20);
}
