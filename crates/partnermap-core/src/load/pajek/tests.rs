use super::super::testing::{as_warning, error, folder, organizations, ties};
use super::*;

fn read_files(files: &[(&str, &str)]) -> (Read, String, tempfile::TempDir) {
    let dir = folder(files);
    let path = dir.path().join(files[0].0);
    (read_pajek(&path), path.display().to_string(), dir)
}

#[test]
fn vertices_edges_arcs_and_lists_become_organizations_and_ties() {
    let (read, _, _dir) = read_files(&[(
        "demo.net",
        "% a comment\r\n*Vertices 4\r\n 1 \"Casa de la Comunidad\" 0.1 0.2 ic Red\r\n 2 Bank\r\n 4 \"\"\r\n\
         *Edges\r\n1 2 2.5\r\n2 3 c Blue\r\n*Arcs\r\n3 1\r\n*Arcslist\r\n4 1 2\r\n",
    )]);
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    assert_eq!(coalition.name, "demo");
    let orgs = organizations(&coalition);
    assert_eq!(
        orgs,
        [
            ("casa-de-la-comunidad", "Casa de la Comunidad"),
            ("bank", "Bank"),
            ("v3", "v3"),
            ("v4", "v4")
        ]
    );
    assert_eq!(
        ties(&coalition),
        [
            ("casa-de-la-comunidad", "bank", false, Some(2.5), None),
            ("bank", "v3", false, None, None),
            ("v3", "casa-de-la-comunidad", true, None, None),
            ("v4", "casa-de-la-comunidad", true, None, None),
            ("v4", "bank", true, None, None),
        ]
    );
    assert_eq!(read.origins.partnerships[2].line, Some(10));
}

#[test]
fn relations_partitions_with_legends_and_a_clu_beside_are_kept() {
    let (read, _, _dir) = read_files(&[
        (
            "two.net",
            "*Vertices 3\n1 \"A\"\n2 \"B\"\n3 \"C\"\n*Arcs :1 \"money\"\n1 2\n*Edges :2\n2 3 1\n2 3 1\n",
        ),
        ("two.clu", "*Vertices 3\n1\n2\n1\n\n1 - GOV\n2 - VOL\n"),
        ("two.vec", "*Vector rating\n*Vertices 3\n0.5\n1\n2.25\n"),
    ]);
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    assert_eq!(
        ties(&coalition),
        [
            ("a", "b", true, None, Some("money")),
            ("b", "c", false, Some(1.0), Some("2")),
            ("b", "c", false, Some(1.0), Some("2")),
        ]
    );
    let attributes: Vec<Vec<(&str, &str)>> = coalition
        .organizations
        .iter()
        .map(|o| {
            o.attributes
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect()
        })
        .collect();
    assert_eq!(
        attributes,
        [
            vec![("rating", "0.5"), ("two", "GOV")],
            vec![("rating", "1"), ("two", "VOL")],
            vec![("rating", "2.25"), ("two", "GOV")],
        ]
    );
}

#[test]
fn a_project_shares_organizations_and_names_relations_after_its_networks() {
    let (read, _, _dir) = read_files(&[(
        "p.paj",
        "*Network UciNet\\X.DAT : INFO\n*Vertices 2\n1 \"A\"\n2 \"B\"\n*Arcs\n1 2\n\
         *Network MONEY\n*Vertices 3\n1 \"B\"\n2 \"A\"\n3 \"C\"\n*Arcs\n1 3\n\
         *Partition UciNet\\Sec.clu\n*Vertices 3\n1\n2\n3\n",
    )]);
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    assert_eq!(coalition.organizations.len(), 3);
    assert_eq!(
        ties(&coalition),
        [
            ("a", "b", true, None, Some("INFO")),
            ("b", "c", true, None, Some("MONEY")),
        ]
    );
    let sectors: Vec<&str> = coalition
        .organizations
        .iter()
        .map(|o| o.attributes["Sec"].as_str())
        .collect();
    assert_eq!(sectors, ["2", "1", "3"]);
}

#[test]
fn a_two_mode_matrix_ties_the_first_mode_to_the_second() {
    let (read, _, _dir) = read_files(&[(
        "club.net",
        "*Vertices 5 2\n1 \"Ann\"\n2 \"Bo\"\n3 \"x\"\n4 \"y\"\n5 \"z\"\n*Matrix\n1 0 3\n0 1 0\n",
    )]);
    assert_eq!(read.diagnostics, []);
    let second_mode = read.second_mode.unwrap();
    assert_eq!(second_mode, [false, false, true, true, true]);
    let coalition = read.coalition.unwrap();
    assert_eq!(
        ties(&coalition),
        [
            ("ann", "x", false, None, None),
            ("ann", "z", false, Some(3.0), None),
            ("bo", "y", false, None, None),
        ]
    );
    assert!(coalition
        .organizations
        .iter()
        .all(|o| o.attributes.is_empty()));
}

#[test]
fn malformed_files_report_every_problem_with_its_line() {
    let (read, file, _dir) = read_files(&[(
        "bad.net",
        "1 2\n*Vertices 2\n1 \"A\"\n1 \"B\"\n*Edges\n1 3\n1 x\n1 2 -1\n2 2\n*Matrix\n0 1\n*Partition p\n*Vertices 2\n1\n*Foo\n",
    )]);
    let hint_vertex = Some(VERTEX_HINT);
    assert_eq!(
        read.diagnostics,
        [
            error(&file, Some(1), None, "a line outside any section", Some("a Pajek network starts with *Vertices N; values belong after a *Vertices line")),
            error(&file, Some(4), None, "vertex 1 is listed twice (first on line 3)", Some("list each vertex once")),
            error(&file, Some(6), None, "vertex 3 is not one of the 2 vertices", hint_vertex),
            error(&file, Some(7), None, "\"x\" is not a vertex number", hint_vertex),
            error(&file, Some(8), None, "weight \"-1\" is not a positive number", Some(WEIGHT_HINT)),
            error(&file, Some(10), None, "the matrix has 2 values where 2 × 2 = 4 were expected", Some(MATRIX_HINT)),
            error(&file, Some(13), None, "the partition \"p\" has 1 values for *Vertices 2", Some("write one value per vertex, in vertex order")),
            as_warning(error(&file, Some(15), None, "the section *Foo is not read", Some("partnermap reads *Network, *Vertices, *Edges, *Arcs, *Edgeslist, *Arcslist, *Matrix, *Partition and *Vector"))),
            as_warning(error(&file, Some(9), None, "a tie of \"v2\" with itself is left out", Some("a partnership joins two different organizations"))),
        ]
    );
}

#[test]
fn a_huge_vertex_count_is_an_error_not_an_allocation() {
    let (read, file, _dir) = read_files(&[("huge.net", "*Vertices 4000000000\n*Edges\n1 2\n")]);
    assert_eq!(
        read.diagnostics,
        [
            error(
                &file,
                Some(1),
                None,
                "*Vertices 4000000000 is more vertices than this file can describe",
                Some("the file has 32 bytes; partnermap reads at most one vertex per byte of input (or 100000, whichever is more): correct the count"),
            ),
            error(&file, Some(2), None, "*Edges comes before any *Vertices", Some("start the network with *Vertices N and its vertices")),
        ]
    );
    let (wide, _, _dir) = read_files(&[("wide.net", "*Vertices 3 9\n")]);
    assert_eq!(
        wide.diagnostics[0].message,
        "the first mode of *Vertices 3 9 is not a number from 0 to 3"
    );
}
