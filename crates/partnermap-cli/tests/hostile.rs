//! Hostile files: each is a clear error (exit 2, the file named) or a correct read, in bounded
//! time and memory, never a hang, a crash or a file read that the input points at.
//!
//! Time is bounded by killing the run after 10 s; memory by the peak resident size of the
//! largest child this test process has waited for (`getrusage(RUSAGE_CHILDREN)`), which bounds
//! every run of this file's tests at once.

use std::path::Path;
use std::time::Duration;

/// The most a run on a hostile file may take.
const TIME: Duration = Duration::from_secs(10);
/// The most memory a run on a hostile file may hold, in bytes.
const MEMORY: u64 = 1 << 30;

fn peak_child_memory() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    // Linux reports ru_maxrss in KiB.
    usage.ru_maxrss as u64 * 1024
}

/// Runs `partnermap validate` on `path`, checking that it ends in time and memory.
#[track_caller]
fn validate(path: &Path) -> std::process::Output {
    let output = assert_cmd::Command::cargo_bin("partnermap")
        .unwrap()
        .args(["validate", path.to_str().unwrap()])
        .timeout(TIME)
        .output()
        .unwrap();
    let peak = peak_child_memory();
    assert!(peak < MEMORY, "peak memory {peak} bytes");
    output
}

/// Runs `partnermap validate` on `path` and returns its stderr, checking that it refused the
/// file with exit code 2, in time and memory, and named the file.
#[track_caller]
fn refused(path: &Path) -> String {
    let output = validate(path);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: {stderr}",
        path.display()
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(stderr.contains(name), "the error names the file: {stderr}");
    stderr
}

/// Runs `partnermap validate` on `path` and returns its stdout, checking that it read the
/// file (exit code 0), in time and memory.
#[track_caller]
fn read(path: &Path) -> String {
    let output = validate(path);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}: {stderr}",
        path.display()
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn an_xml_entity_bomb_is_refused_without_expanding_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut entities = String::from("<!ENTITY a0 \"lol\">\n");
    for i in 1..=10 {
        let previous = format!("&a{};", i - 1).repeat(10);
        entities += &format!("<!ENTITY a{i} \"{previous}\">\n");
    }
    let bomb = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n{entities}]>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<graph edgedefault=\"undirected\"><node id=\"&a10;\"/></graph>\n</graphml>\n"
    );
    let stderr = refused(&write(dir.path(), "bomb.graphml", &bomb));
    assert!(
        stderr.contains("DTD") || stderr.contains("entit"),
        "{stderr}"
    );
}

#[test]
fn an_external_entity_is_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", "the-secret-contents");
    let gexf = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE gexf [<!ENTITY x SYSTEM \"file://{}\">]>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes><node id=\"a\" label=\"&x;\"/></nodes></graph></gexf>\n",
        secret.display()
    );
    let stderr = refused(&write(dir.path(), "external.gexf", &gexf));
    assert!(!stderr.contains("the-secret-contents"), "{stderr}");
    let passwd = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<graphml><graph><node id=\"&x;\"/></graph></graphml>\n";
    let stderr = refused(&write(dir.path(), "passwd.graphml", passwd));
    assert!(!stderr.contains("root:"), "{stderr}");
}

#[test]
fn deeply_nested_documents_are_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    // Every value of the canonical document has a fixed shape, so nesting stops at the first
    // value of the wrong shape, and a key the document does not have is an error, not skipped.
    let nested = "[".repeat(depth) + &"]".repeat(depth);
    let json = format!("{{\"name\": {nested}}}");
    refused(&write(dir.path(), "deep.json", &json));
    let json = format!("{{\"name\": \"x\", \"extra\": {nested}}}");
    let stderr = refused(&write(dir.path(), "unknown-key.json", &json));
    assert!(stderr.contains("unknown field `extra`"), "{stderr}");
    let gml = format!("graph [ {} ]\n", "a [ ".repeat(depth) + &"] ".repeat(depth));
    refused(&write(dir.path(), "deep.gml", &gml));
    let xml = format!(
        "<graphml><graph>{}{}</graph></graphml>",
        "<data>".repeat(depth),
        "</data>".repeat(depth)
    );
    refused(&write(dir.path(), "deep.graphml", &xml));
}

#[test]
fn a_two_gigabyte_file_of_one_line_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.csv");
    // A sparse file: 2 GiB of NUL bytes with no newline, taking no room on disk.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(2 << 30).unwrap();
    let stderr = refused(&path);
    assert!(stderr.contains("line 1 is longer than"), "{stderr}");
}

#[test]
fn counts_declaring_billions_of_vertices_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = refused(&write(
        dir.path(),
        "huge.net",
        "*Vertices 4000000000\n*Edges\n1 2\n",
    ));
    assert!(stderr.contains("4000000000"), "{stderr}");
    refused(&write(
        dir.path(),
        "huge.dl",
        "dl n=4000000000\nformat = edgelist1\ndata:\n1 2\n",
    ));
}

/// One part of a ZIP archive: its name, its deflated bytes, the size it declares inflated.
struct Part {
    name: String,
    deflated: Vec<u8>,
    size: u64,
    crc: u32,
}

impl Part {
    /// `bytes`, deflated, declaring their own size.
    fn new(name: &str, bytes: &[u8]) -> Part {
        use std::io::Write;
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        Part {
            name: name.to_string(),
            deflated: encoder.finish().unwrap(),
            size: bytes.len() as u64,
            crc: crc32(bytes),
        }
    }

    /// `mib` MiB of spaces (white space between XML elements), deflated at deflate's limit of
    /// about 1,000 to 1: one block of a MiB is compressed once and repeated, each copy
    /// referring only to the spaces before it. Its checksum is left at 0: the readers must
    /// refuse it before they reach its end.
    fn spaces(name: &str, mib: u64) -> Part {
        use flate2::{Compress, Compression, FlushCompress};
        let mib_of_spaces = vec![b' '; 1 << 20];
        let mut deflate = Compress::new(Compression::best(), false);
        let mut block = |flush| {
            let mut out = Vec::with_capacity(1 << 20);
            let input: &[u8] = if flush == FlushCompress::Finish {
                &[]
            } else {
                &mib_of_spaces
            };
            deflate.compress_vec(input, &mut out, flush).unwrap();
            out
        };
        let first = block(FlushCompress::Sync);
        let next = block(FlushCompress::Sync);
        let last = block(FlushCompress::Finish);
        let mut deflated = first;
        for _ in 1..mib {
            deflated.extend_from_slice(&next);
        }
        deflated.extend_from_slice(&last);
        Part {
            name: name.to_string(),
            deflated,
            size: mib << 20,
            crc: 0,
        }
    }
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// A ZIP64 archive of `parts` as written, each declaring the size and checksum it is given.
fn zip_archive(parts: &[Part]) -> Vec<u8> {
    let u16s = |out: &mut Vec<u8>, values: &[u16]| {
        values
            .iter()
            .for_each(|v| out.extend_from_slice(&v.to_le_bytes()))
    };
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for part in parts {
        let offset = out.len() as u64;
        let name = part.name.as_bytes();
        let sizes = [part.size, part.deflated.len() as u64];
        // Local header: version 4.5, deflated, sizes in the ZIP64 extra field.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        u16s(&mut out, &[45, 0, 8, 0, 0]);
        out.extend_from_slice(&part.crc.to_le_bytes());
        out.extend_from_slice(&[0xFF; 8]);
        u16s(&mut out, &[name.len() as u16, 20]);
        out.extend_from_slice(name);
        u16s(&mut out, &[1, 16]);
        sizes
            .iter()
            .for_each(|s| out.extend_from_slice(&s.to_le_bytes()));
        out.extend_from_slice(&part.deflated);
        // Its central directory entry.
        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        u16s(&mut directory, &[45, 45, 0, 8, 0, 0]);
        directory.extend_from_slice(&part.crc.to_le_bytes());
        directory.extend_from_slice(&[0xFF; 8]);
        u16s(&mut directory, &[name.len() as u16, 28, 0, 0, 0]);
        directory.extend_from_slice(&[0; 4]);
        directory.extend_from_slice(&[0xFF; 4]);
        directory.extend_from_slice(name);
        u16s(&mut directory, &[1, 24]);
        [sizes[0], sizes[1], offset]
            .iter()
            .for_each(|s| directory.extend_from_slice(&s.to_le_bytes()));
    }
    let (start, length, count) = (out.len() as u64, directory.len() as u64, parts.len() as u64);
    out.extend_from_slice(&directory);
    let end64 = out.len() as u64;
    out.extend_from_slice(&0x0606_4b50u32.to_le_bytes());
    out.extend_from_slice(&44u64.to_le_bytes());
    u16s(&mut out, &[45, 45]);
    out.extend_from_slice(&[0; 8]);
    for value in [count, count, length, start] {
        out.extend_from_slice(&value.to_le_bytes());
    }
    out.extend_from_slice(&0x0706_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&end64.to_le_bytes());
    out.extend_from_slice(&1u32.to_le_bytes());
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    u16s(&mut out, &[0, 0, 0xFFFF, 0xFFFF]);
    out.extend_from_slice(&[0xFF; 8]);
    u16s(&mut out, &[0]);
    out
}

/// The parts of an `.xlsx` workbook whose sheets are `sheets` (name, the XML inside
/// `<sheetData>` and, before it, the `<dimension>` or nothing); a sheet given as a [`Part`]
/// (named `xl/worksheets/sheetN.xml`) replaces the one written.
fn xlsx(sheets: &[(&str, &str, String)], replace: Vec<Part>) -> Vec<Part> {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut parts = vec![
        Part::new("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#),
        Part::new("_rels/.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{relationships}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).as_bytes()),
    ];
    let (mut listed, mut linked) = (String::new(), String::new());
    for (i, (name, dimension, rows)) in sheets.iter().enumerate() {
        let n = i + 1;
        listed += &format!(r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#);
        linked += &format!(
            r#"<Relationship Id="rId{n}" Type="{relationships}/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        );
        let path = format!("xl/worksheets/sheet{n}.xml");
        if !replace.iter().any(|p| p.name == path) {
            let xml = format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">{dimension}<sheetData>{rows}</sheetData></worksheet>"#
            );
            parts.push(Part::new(&path, xml.as_bytes()));
        }
    }
    parts.push(Part::new("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{relationships}"><sheets>{listed}</sheets></workbook>"#).as_bytes()));
    parts.push(Part::new("xl/_rels/workbook.xml.rels", format!(r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{linked}</Relationships>"#).as_bytes()));
    parts.extend(replace);
    parts
}

/// An `.xlsx` row of inline strings, from column A.
fn xlsx_row(row: usize, cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .enumerate()
        .map(|(c, text)| {
            let column = (b'A' + c as u8) as char;
            format!(r#"<c r="{column}{row}" t="inlineStr"><is><t>{text}</t></is></c>"#)
        })
        .collect();
    format!(r#"<row r="{row}">{cells}</row>"#)
}

/// Kumu's two sheets: Elements (Alpha, Beta) and Connections (Alpha to Beta), in `.xlsx`, with
/// `more` after the elements' rows.
fn kumu_xlsx(dimension: &str, more: &str) -> Vec<Part> {
    let elements = [
        xlsx_row(1, &["Label"]),
        xlsx_row(2, &["Alpha"]),
        xlsx_row(3, &["Beta"]),
    ]
    .concat()
        + more;
    let connections = xlsx_row(1, &["From", "To"]) + &xlsx_row(2, &["Alpha", "Beta"]);
    xlsx(
        &[
            ("Elements", dimension, elements),
            ("Connections", "", connections),
        ],
        Vec::new(),
    )
}

/// The parts of an OpenDocument spreadsheet whose tables are `tables` (name, rows' XML).
fn ods(tables: &[(&str, String)]) -> Vec<Part> {
    let body: String = tables
        .iter()
        .map(|(name, rows)| format!(r#"<table:table table:name="{name}">{rows}</table:table>"#))
        .collect();
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
    );
    vec![
        Part::new(
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        Part::new("META-INF/manifest.xml", MANIFEST.as_bytes()),
        Part::new("content.xml", content.as_bytes()),
    ]
}

/// The manifest calamine looks for in an OpenDocument spreadsheet.
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// An ODS row of strings.
fn ods_row(cells: &[&str]) -> String {
    let cells: String = cells
        .iter()
        .map(|text| format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#))
        .collect();
    format!("<table:table-row>{cells}</table:table-row>")
}

/// A million rows of six blank cells, written as one row repeated.
const MILLION_BLANK_ROWS: &str = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="6"/></table:table-row>"#;

/// Kumu's two sheets in an ODS document, with `more` after the elements' rows.
fn kumu_ods(more: &str) -> Vec<Part> {
    let elements = ods_row(&["Label"]) + &ods_row(&["Alpha"]) + &ods_row(&["Beta"]) + more;
    let connections = ods_row(&["From", "To"]) + &ods_row(&["Alpha", "Beta"]);
    ods(&[("Elements", elements), ("Connections", connections)])
}

fn write_zip(dir: &Path, name: &str, parts: &[Part]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, zip_archive(parts)).unwrap();
    path
}

#[test]
fn the_workbooks_built_here_read() {
    // So that what the tests below refuse is refused for what they add.
    let dir = tempfile::tempdir().unwrap();
    for (name, parts) in [
        ("plain.xlsx", kumu_xlsx("", "")),
        ("plain.ods", kumu_ods("")),
    ] {
        let shown = read(&write_zip(dir.path(), name, &parts));
        assert!(shown.contains("2 organizations, 1 partnerships"), "{shown}");
    }
}

#[test]
fn a_zip_bomb_disguised_as_a_workbook_is_refused_before_it_inflates() {
    let dir = tempfile::tempdir().unwrap();
    // 10 GiB of spaces in a 10 MB file, declared as they are.
    let mut parts = kumu_xlsx("", "");
    parts.retain(|p| p.name != "xl/worksheets/sheet1.xml");
    parts.push(Part::spaces("xl/worksheets/sheet1.xml", 10 << 10));
    let bomb = write_zip(dir.path(), "bomb.xlsx", &parts);
    assert!(std::fs::metadata(&bomb).unwrap().len() < 12 << 20);
    let stderr = refused(&bomb);
    assert!(
        stderr.contains("\"xl/worksheets/sheet1.xml\" would inflate to 10240 MiB"),
        "{stderr}"
    );
    // Under the size a part may have, it is refused by how much it inflates.
    parts.retain(|p| p.name != "xl/worksheets/sheet1.xml");
    parts.push(Part::spaces("xl/worksheets/sheet1.xml", 64));
    let stderr = refused(&write_zip(dir.path(), "dense.xlsx", &parts));
    assert!(stderr.contains("times its compressed size"), "{stderr}");
    // And an ODS document's content the same way.
    let mut parts = kumu_ods("");
    parts.retain(|p| p.name != "content.xml");
    parts.push(Part::spaces("content.xml", 10 << 10));
    let stderr = refused(&write_zip(dir.path(), "bomb.ods", &parts));
    assert!(stderr.contains("\"content.xml\" would inflate"), "{stderr}");
}

#[test]
fn a_part_whose_header_lies_about_its_size_stops_at_the_size_it_declares() {
    let dir = tempfile::tempdir().unwrap();
    // 1 GiB of spaces declaring 1 MiB: zip stops reading at the declared size.
    let mut parts = kumu_xlsx("", "");
    parts.retain(|p| p.name != "xl/worksheets/sheet1.xml");
    let mut liar = Part::spaces("xl/worksheets/sheet1.xml", 1 << 10);
    liar.size = 1 << 20;
    parts.push(liar);
    let stderr = refused(&write_zip(dir.path(), "liar.xlsx", &parts));
    assert!(
        stderr.contains("larger than its declared uncompressed size"),
        "{stderr}"
    );
}

#[test]
fn a_million_empty_rows_are_read_in_bounded_time_and_memory() {
    let dir = tempfile::tempdir().unwrap();
    // A sheet declaring a million rows and six columns, with a blank cell at F1000000.
    let last = r#"<row r="1000000"><c r="F1000000" t="inlineStr"><is><t> </t></is></c></row>"#;
    let declared = kumu_xlsx(r#"<dimension ref="A1:F1000000"/>"#, last);
    // A cell in the sheet's last row and column: calamine's dense range would be 17 billion
    // cells.
    let corner = r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row>"#;
    let corner = kumu_xlsx("", corner);
    // A million empty rows written out.
    let written: String = (4..=1_000_000)
        .map(|r| format!(r#"<row r="{r}"/>"#))
        .collect();
    let written = kumu_xlsx("", &written);
    // A million blank rows after the table, written as one row repeated.
    let repeated = kumu_ods(MILLION_BLANK_ROWS);
    for (name, parts) in [
        ("declared.xlsx", declared),
        ("corner.xlsx", corner),
        ("written.xlsx", written),
        ("repeated.ods", repeated),
    ] {
        let shown = read(&write_zip(dir.path(), name, &parts));
        assert!(
            shown.contains("2 organizations, 1 partnerships"),
            "{name}: {shown}"
        );
    }
    // Before a written row, calamine fills the blank rows in: a million cells of one column.
    let between = kumu_ods(&(MILLION_BLANK_ROWS.to_string() + &ods_row(&["Gamma"])));
    let shown = read(&write_zip(dir.path(), "between.ods", &between));
    assert!(shown.contains("3 organizations, 1 partnerships"), "{shown}");
    // A written row repeated a million times, its cell across every column: 17 billion cells.
    let row = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#;
    let stderr = refused(&write_zip(dir.path(), "filled.ods", &kumu_ods(row)));
    assert!(
        stderr.contains("Elements: the sheets would hold more than the 2000000 cells"),
        "{stderr}"
    );
}

#[test]
fn a_shared_string_table_declaring_billions_of_strings_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = kumu_xlsx("", "");
    parts.push(Part::new(
        "xl/sharedStrings.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="100000000000"><si><t>a</t></si></sst>"#,
    ));
    let stderr = refused(&write_zip(dir.path(), "strings.xlsx", &parts));
    assert!(stderr.contains("100000000000 shared strings"), "{stderr}");
}

#[test]
fn files_that_are_no_workbook_are_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect();
    // An Excel 97-2003 compound document's signature, then garbage.
    let mut compound = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    compound.extend(&garbage);
    for (name, bytes) in [
        ("garbage.xls", garbage.clone()),
        ("compound.xls", compound),
        ("text.xlsx", b"name,type\n".to_vec()),
        ("truncated.ods", zip_archive(&kumu_ods(""))[..100].to_vec()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let stderr = refused(&path);
        assert!(stderr.contains("cannot read the workbook"), "{stderr}");
    }
}

#[test]
fn an_excel_97_2003_workbook_is_refused_before_calamine_reads_its_records() {
    let dir = tempfile::tempdir().unwrap();
    // A compound document's header, then a sector holding a DIMENSIONS record that declares
    // 4 billion rows, which calamine would reserve room for.
    let mut xls = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    xls.resize(512, 0);
    xls[30] = 9; // 512-byte sectors
    xls[32] = 6; // 64-byte mini sectors
    xls[76..80].copy_from_slice(&0u32.to_le_bytes());
    xls.extend([0x00, 0x02, 14, 0]);
    xls.extend(0u32.to_le_bytes());
    xls.extend(u32::MAX.to_le_bytes());
    xls.extend([0, 0, 0xFF, 0, 0, 0]);
    xls.resize(1024, 0);
    let path = dir.path().join("partners.xls");
    std::fs::write(&path, xls).unwrap();
    let stderr = refused(&path);
    assert!(
        stderr.contains("it is an Excel 97–2003 workbook (.xls), which partnermap does not read"),
        "{stderr}"
    );
    assert!(
        stderr.contains("save it as an Excel workbook (.xlsx)"),
        "{stderr}"
    );
}
