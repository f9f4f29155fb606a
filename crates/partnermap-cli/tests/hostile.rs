//! Hostile files: each is a clear error (exit 2, the file named) in bounded time and memory,
//! never a hang, a crash or a file read that the input points at.
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

/// Runs `partnermap validate` on `path` and returns its stderr, checking that it refused the
/// file with exit code 2, in time and memory, and named the file.
#[track_caller]
fn refused(path: &Path) -> String {
    let output = assert_cmd::Command::cargo_bin("partnermap")
        .unwrap()
        .args(["validate", path.to_str().unwrap()])
        .timeout(TIME)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{}: {stderr}",
        path.display()
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    assert!(stderr.contains(name), "the error names the file: {stderr}");
    let peak = peak_child_memory();
    assert!(peak < MEMORY, "peak memory {peak} bytes");
    stderr
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
