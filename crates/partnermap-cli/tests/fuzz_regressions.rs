//! Every input the fuzzers found (`fuzz/regressions/`, one folder per target) through the same
//! check its fuzz target runs, so that a crash fixed stays fixed; and the seed corpus, the
//! bundled example and the real data sets' files, through the reader checks.

mod common;
use common::workspace_path;
use partnermap_core::write::Format;
use partnermap_testkit::fuzz;

#[test]
fn every_input_the_fuzzers_found_passes_its_check() {
    let ran = fuzz::run_regressions(&workspace_path("fuzz/regressions"));
    eprintln!("{ran} fuzz-found inputs checked");
}

#[test]
fn the_seed_files_pass_the_reader_checks() {
    let example = workspace_path("data/forest-city");
    let mut folder = Vec::new();
    for (i, name) in ["coalition.toml", "organizations.csv", "partnerships.csv"]
        .iter()
        .enumerate()
    {
        if i > 0 {
            folder.push(0xFF);
        }
        folder.extend(std::fs::read(example.join(name)).unwrap());
    }
    assert!(fuzz::read("folder", &folder));
    let coalition = partnermap_core::load(&example).unwrap().coalition;
    let dir = tempfile::tempdir().unwrap();
    let exported = |format: Format, name: &str| {
        let path = dir.path().join(name);
        partnermap_core::write::export(&coalition, Some(format), &path, &[], false).unwrap();
        path
    };
    for (format, written) in [
        ("xlsx", exported(Format::Workbook, "forest-city.xlsx")),
        ("kumu-json", exported(Format::Kumu, "forest-city.kumu.json")),
        (
            "kumu-xlsx",
            exported(Format::KumuXlsx, "forest-city.kumu.xlsx"),
        ),
    ] {
        assert!(
            fuzz::read(format, &std::fs::read(written).unwrap()),
            "{format}"
        );
    }
    let gephi = exported(Format::GephiCsv, "gephi");
    let tables = ["nodes.csv", "edges.csv"].map(|t| std::fs::read(gephi.join(t)).unwrap());
    assert!(fuzz::read("gephi", &tables.join(&0xFF)));
    assert!(fuzz::read("ods", &kumu_ods()));
    let import = b"[columns]\nname = \"Name\"\ncity = \"City\"\n[defaults]\ntype = \"other\"\n\xffName,City\nHarbor Food Bank,Forest City\nNorth Clinic,Elm\n";
    assert!(fuzz::read("import", import));
    let hsds: [&[u8]; 8] = [
        b"[defaults]\ntype = \"community-based nonprofit\"\n",
        b"id,name,email,website\no1,Harbor Food Bank,info@harbor.org,\no2,North Clinic,,\n",
        b"id,organization_id,name\ns1,o1,Pantry\n",
        b"id,organization_id,name\nl1,o1,Main\n",
        b"id,location_id,city\na1,l1,Forest City\n",
        b"id,service_id,location_id\nsl1,s1,l1\n",
        b"id,link_id,taxonomy_term_id,link_type,link_entity\n",
        b"id,code,name\n",
    ];
    assert_eq!(hsds.len(), fuzz::HSDS_TABLES.len() + 1);
    assert!(fuzz::read("hsds", &hsds.join(&0xFF)));
    for name in ["Quote \"q\" =1+2 <script>", "nul\0ctl\u{7}", "a -> b {c}"] {
        fuzz::write_names(name.as_bytes());
    }
}

/// Kumu's two sheets as a small OpenDocument spreadsheet.
fn kumu_ods() -> Vec<u8> {
    use std::io::Write;
    let cell = |text: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    };
    let rows = |rows: &[&[&str]]| -> String {
        rows.iter()
            .map(|r| {
                format!(
                    "<table:table-row>{}</table:table-row>",
                    r.iter().map(|c| cell(c)).collect::<String>()
                )
            })
            .collect()
    };
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Elements">{}</table:table><table:table table:name="Connections">{}</table:table></office:spreadsheet></office:body></office:document-content>"#,
        rows(&[
            &["Label", "Type"],
            &["Alpha", "school"],
            &["Beta", "business"]
        ]),
        rows(&[&["From", "To"], &["Alpha", "Beta"]]),
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
        .unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}
