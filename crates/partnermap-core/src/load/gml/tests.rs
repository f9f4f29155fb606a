use super::super::testing::{error, folder, organizations};
use super::*;

fn read_file(text: &str) -> (Read, String, tempfile::TempDir) {
    let dir = folder(&[("g.gml", text)]);
    let path = dir.path().join("g.gml");
    (read_gml(&path), path.display().to_string(), dir)
}

#[test]
fn nodes_and_edges_keep_their_attributes() {
    let (read, _, _dir) = read_file(
        "# NetworkX\ngraph [\n  directed 1\n  node [ id 0 label \"Caf&#233; &amp; Co\" agency 2 graphics [ x 1 ] ]\n  \
         node [ id 1 vertexnames \"CDC-3\" ]\n  node [ id 2 ]\n  \
         edge [ source 0 target 1 weight 2.5 collab 3 ]\n  edge [ source 1 target 2 ]\n]\n",
    );
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    let orgs = organizations(&coalition);
    assert_eq!(
        orgs,
        [("café-co", "Café & Co"), ("cdc-3", "CDC-3"), ("2", "2")]
    );
    assert_eq!(coalition.organizations[0].attributes["agency"], "2");
    assert!(!coalition.organizations[0]
        .attributes
        .contains_key("graphics"));
    let first = &coalition.partnerships[0];
    assert_eq!(
        (
            first.source.as_str(),
            first.target.as_str(),
            first.directed,
            first.weight
        ),
        ("café-co", "cdc-3", true, Some(2.5))
    );
    assert_eq!(first.attributes["collab"], "3");
    assert_eq!(read.origins.partnerships[1].line, Some(8));
}

#[test]
fn malformed_files_report_every_problem_with_its_line() {
    let (read, file, _dir) = read_file(
        "graph [\n node [ label \"A\" ]\n node [ id 1 ]\n node [ id 1 ]\n edge [ source 1 target 9 ]\n \
         edge [ target 1 ]\n edge [ source 1 target 1 weight -2 ]\n node [ id\n",
    );
    let edge_hint = Some("an edge names two node ids: edge [ source 0 target 1 ]");
    assert_eq!(
        read.diagnostics,
        [
            error(
                &file,
                Some(8),
                None,
                "the key id has no value",
                Some("give it a number, a \"string\" or a [ list ]")
            ),
            error(
                &file,
                Some(8),
                None,
                "this [ is never closed",
                Some("close every [ with a ]")
            ),
            error(
                &file,
                Some(1),
                None,
                "this [ is never closed",
                Some("close every [ with a ]")
            ),
            error(
                &file,
                Some(2),
                None,
                "the node has no id",
                Some("give every node an id: node [ id 0 label \"A\" ]")
            ),
            error(
                &file,
                Some(4),
                None,
                "the node id 1 is used twice (first on line 3)",
                Some("give every node its own id")
            ),
            error(
                &file,
                Some(8),
                None,
                "the node has no id",
                Some("give every node an id: node [ id 0 label \"A\" ]")
            ),
            error(
                &file,
                Some(5),
                None,
                "the edge's target 9 is not the id of a node",
                edge_hint
            ),
            error(&file, Some(6), None, "the edge has no source", edge_hint),
            error(
                &file,
                Some(7),
                None,
                "weight \"-2\" is not a positive number",
                Some(WEIGHT_HINT)
            ),
        ]
    );
    let (read, file, _dir) = read_file("creator \"x\"\n");
    assert_eq!(
        read.diagnostics,
        [
            Diagnostic::error(&file, "the file has no graph [ … ]").with_hint(
                "a GML file holds graph [ node [ id 0 label \"A\" ] edge [ source 0 target 1 ] ]"
            )
        ]
    );
    let (deep, _, _dir) = read_file(&"a [ ".repeat(100_000));
    assert_eq!(deep.diagnostics[0].message, "lists nest more than 32 deep");
    assert!(deep.diagnostics.len() < 40, "{}", deep.diagnostics.len());
}
