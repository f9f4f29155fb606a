//! Whatever the bytes in the input files, loading returns a coalition or diagnostics; it never
//! panics, and a load that fails always says why: at least one diagnostic, and at least one of
//! them an error.

use proptest::prelude::*;
use std::path::Path;

/// Loads `path`; a failure must carry at least one diagnostic, and at least one error.
fn load_and_check(path: &Path) -> Result<(), TestCaseError> {
    if let Err(error) = partnermap_core::load(path) {
        prop_assert!(
            !error.diagnostics.is_empty(),
            "loading {} failed without a diagnostic",
            path.display()
        );
        prop_assert!(
            error.diagnostics.iter().any(|d| d.is_error()),
            "loading {} failed with only warnings: {:?}",
            path.display(),
            error.diagnostics
        );
    }
    Ok(())
}

fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        "[a-z,;\"\n\r\u{feff}é0-9 -]{0,200}".prop_map(String::into_bytes),
        "(id,name,type,status,populations\n|source,target,kind,strength\n)[a-zA-Z0-9,;\"\n -]{0,120}"
            .prop_map(String::into_bytes),
    ]
}

/// Text shaped like a network file: section keywords, numbers, quotes and brackets.
fn network_like() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        "(\\*(Vertices|Edges|Arcs|Arcslist|Matrix|Partition|Network|Vector) ?[0-9 :\"a-z]{0,12}\n|[0-9 .\"a-z-]{0,16}\n){0,16}"
            .prop_map(String::into_bytes),
    ]
}

/// Text shaped like GraphML or GEXF: their elements and attributes, quotes, entities, a DTD.
fn xml_like() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        "(<graphml>|<gexf version=\"1.3\">|<graph edgedefault=\"(un)?directed\" defaultedgetype=\"directed\">|<key id=\"d[0-2]\" for=\"(node|edge|all)\" attr.name=\"(label|name|weight)\">|<default>|</default>|</key>|<attributes class=\"(node|edge)\">|<attribute id=\"[0-2]\" title=\"t\" type=\"string\"/>|<nodes>|<edges>|<node id=\"[a-c]\"( label=\"L\")?>|<node id=\"[a-c]\"/>|</node>|<edge source=\"[a-c]\" target=\"[a-d]\"( weight=\"-?[0-9]\")?( directed=\"true\"| type=\"mutual\")?/>|<data key=\"d[0-3]\">|</data>|<attvalues>|<attvalue for=\"[0-3]\" value=\"v\"/>|<viz:color r=\"[0-9]{1,3}\" g=\"1\" b=\"2\"/>|<y:NodeLabel>|</y:NodeLabel>|</graph>|</graphml>|</gexf>|</nodes>|</edges>|<!DOCTYPE g \\[<!ENTITY x \"y\">\\]>|&amp;|&x;|&#[0-9]{1,7};|<!\\[CDATA\\[|\\]\\]>|[ \n<>/=\"a-z0-9]){0,40}"
            .prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_files_never_panic_and_failures_say_why(toml in "[a-z =\\[\\]\"\n,.{}]{0,120}", orgs in csv_like(), ties in csv_like()) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("coalition.toml"), toml).unwrap();
        std::fs::write(dir.path().join("organizations.csv"), &orgs).unwrap();
        std::fs::write(dir.path().join("partnerships.csv"), &ties).unwrap();
        load_and_check(dir.path())?;
        let edges = dir.path().join("edges.csv");
        std::fs::write(&edges, [b"source,target\n".as_slice(), &ties].concat()).unwrap();
        load_and_check(&edges)?;
        let json = dir.path().join("doc.json");
        std::fs::write(&json, &orgs).unwrap();
        load_and_check(&json)?;
    }

    #[test]
    fn arbitrary_ucinet_files_never_panic_and_failures_say_why(dl in "(dl |n=|nr=|nc=|nm=|format=|fullmatrix|edgelist1|nodelist1|labels:|embedded|data:|[0-9 ,\n\u{1a}a-z-]){0,60}", clu in network_like()) {
        let dir = tempfile::tempdir().unwrap();
        // A partition whose stem shares the files' first four letters is read beside them.
        std::fs::write(dir.path().join("uuuuSec.clu"), &clu).unwrap();
        for name in ["uuuu.dl", "uuuu.dat"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &dl).unwrap();
            load_and_check(&path)?;
        }
    }

    #[test]
    fn arbitrary_kumu_workbooks_never_panic_and_failures_say_why(
        sheets in prop::collection::vec(
            (
                "(Elements|Connections|Notes \\(ignore\\)|[A-Za-z]{1,8})",
                prop::collection::vec(
                    prop::collection::vec("(Label|ID|From|To|Type|Tags|Direction|Strength|weight|directed|[a-c]|[a-c]\\|[a-d]|[=+@ |;a-z0-9.-]{0,8})", 0..5),
                    0..6,
                ),
            ),
            0..4,
        )
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let mut names = std::collections::HashSet::new();
        for (name, rows) in &sheets {
            if !names.insert(name.to_lowercase()) {
                continue;
            }
            let sheet = workbook.add_worksheet();
            sheet.set_name(name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    sheet.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
        let path = dir.path().join("k.xlsx");
        workbook.save(&path).unwrap();
        load_and_check(&path)?;
        let forced = partnermap_core::load::load_as(&path, Some("kumu-xlsx"));
        if let Err(error) = forced {
            prop_assert!(error.diagnostics.iter().any(|d| d.is_error()), "{:?}", error.diagnostics);
        }
    }

    #[test]
    fn arbitrary_arc_lists_never_panic_and_failures_say_why(list in "([0-9a-z#% \t\n.e+-]){0,80}") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("relation.txt");
        std::fs::write(&path, &list).unwrap();
        load_and_check(&path)?;
        // The same file as the only relation of a folder.
        load_and_check(dir.path())?;
    }

    #[test]
    fn arbitrary_gml_never_panics_and_failures_say_why(gml in "(graph|node|edge|id|label|source|target|weight|directed|[\\[\\] \n0-9\"a-z&#;-]){0,60}") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.gml");
        std::fs::write(&path, gml).unwrap();
        load_and_check(&path)?;
    }

    #[test]
    fn arbitrary_xml_networks_never_panic_and_failures_say_why(xml in xml_like()) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["x.graphml", "x.gexf"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &xml).unwrap();
            load_and_check(&path)?;
        }
    }

    #[test]
    fn arbitrary_network_files_never_panic_and_failures_say_why(net in network_like(), clu in network_like()) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["n.net", "n.paj"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &net).unwrap();
            std::fs::write(dir.path().join("n.clu"), &clu).unwrap();
            load_and_check(&path)?;
        }
    }
}
