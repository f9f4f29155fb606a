use super::super::testing::{error, folder, ties};
use super::*;

fn read_file(name: &str, text: &str) -> (Read, String, tempfile::TempDir) {
    let dir = folder(&[(name, text)]);
    let path = dir.path().join(name);
    (read_dl(&path), path.display().to_string(), dir)
}

#[test]
fn full_matrices_are_relations_symmetric_ones_undirected() {
    let (read, _, _dir) = read_file(
        "k.dl",
        "DL n=3 nm=2\r\nformat = fullmatrix\r\nlabels:\r\nA,B,C\r\nmatrix labels:\r\ninfo\r\nmoney\r\ndata:\r\n\
         0 1 0\r\n1 0 2\r\n0 2 0\r\n0 1 1\r\n0 0 0\r\n0 0 0\r\n",
    );
    assert_eq!(read.diagnostics, []);
    assert_eq!(
        ties(&read.coalition.unwrap()),
        [
            ("a", "b", false, None, Some("info")),
            ("b", "c", false, Some(2.0), Some("info")),
            ("a", "b", true, None, Some("money")),
            ("a", "c", true, None, Some("money")),
        ]
    );
}

#[test]
fn edge_and_node_lists_with_embedded_labels_or_numbers() {
    let (read, _, _dir) = read_file(
        "e.dl",
        "dl n=3 format=edgelist1 labels embedded\ndata:\nAnn Bo 2\nBo Cy\n",
    );
    assert_eq!(read.diagnostics, []);
    assert_eq!(
        ties(&read.coalition.unwrap()),
        [
            ("ann", "bo", true, Some(2.0), None),
            ("bo", "cy", true, None, None)
        ]
    );
    let (read, _, _dir) = read_file(
        "n.dl",
        "dl n=3\nformat = nodelist1\nlabels:\nA B C\ndata:\n1 2 3\n2 1\n3 1\n",
    );
    assert_eq!(read.diagnostics, []);
    assert_eq!(
        ties(&read.coalition.unwrap()),
        [("a", "b", false, None, None), ("a", "c", false, None, None)]
    );
}

#[test]
fn a_two_mode_matrix_marks_each_vertex_mode() {
    let (read, _, _dir) = read_file(
        "w.dl",
        "dl nr=2 nc=2\nrow labels:\nAnn\nBo\ncol labels:\nE1\nE2\ndata:\n1 0\n1 1\n",
    );
    assert_eq!(read.diagnostics, []);
    let coalition = read.coalition.unwrap();
    assert_eq!(
        ties(&coalition),
        [
            ("ann", "e1", false, None, None),
            ("bo", "e1", false, None, None),
            ("bo", "e2", false, None, None)
        ]
    );
    assert_eq!(read.second_mode.unwrap(), [false, false, true, true]);
}

#[test]
fn ucinet_iv_blocks_give_relations_and_an_attribute_table() {
    let (read, file, _dir) = read_file(
        "old.dat",
        "info\r\n 4 , 2 , 2 ,N,NB\r\nX,Y\r\n0 1\r\n0 0\r\n\u{1a}\r\nmoney\r\n 4 , 2 , 2 ,N,NB\r\nX,Z\r\n0 0\r\n1 0\r\n\u{1a}\r\n 4 , 2 , 3 ,N,LM\r\nID,SECTOR,RATING\r\n1\tGOV\t5.8\r\n2\tVOL\t2.5\r\n\u{1a}\r\n",
    );
    assert_eq!(
        read.diagnostics,
        [super::super::testing::as_warning(error(
            &file,
            Some(9),
            None,
            "label 2 is \"Z\" here but \"Y\" in the first matrix",
            Some("the blocks of a UCINET IV file share their order: matched by position"),
        ))]
    );
    let coalition = read.coalition.unwrap();
    assert_eq!(
        ties(&coalition),
        [
            ("x", "y", true, None, Some("info")),
            ("y", "x", true, None, Some("money"))
        ]
    );
    assert_eq!(coalition.organizations[1].attributes["SECTOR"], "VOL");
    assert_eq!(coalition.organizations[1].attributes["RATING"], "2.5");
}

#[test]
fn malformed_files_report_every_problem_with_its_line() {
    let (read, file, _dir) = read_file("bad.dl", "dl n=2 format=fullmatrix\ndata:\n0 x\n-1\n");
    assert_eq!(
        read.diagnostics,
        [
            error(
                &file,
                Some(3),
                None,
                "\"x\" is not a number",
                Some(MATRIX_HINT)
            ),
            error(
                &file,
                Some(4),
                None,
                "weight \"-1\" is not a positive number",
                Some(WEIGHT_HINT)
            ),
            error(
                &file,
                Some(4),
                None,
                "the data end after 3 values, where 1 matrices of 2 × 2 need 4",
                Some(MATRIX_HINT)
            ),
        ]
    );
    let (read, file, _dir) = read_file("huge.dl", "dl n=4000000000\ndata:\n");
    assert_eq!(
        read.diagnostics,
        [error(
            &file,
            Some(1),
            None,
            "n=4000000000 is more than this file can describe",
            Some("the file has 22 bytes; partnermap reads at most one vertex per byte of input (or 100000, whichever is more): correct the count"),
        )]
    );
    let (read, file, _dir) = read_file("other.dat", "hello\n");
    assert_eq!(
        read.diagnostics,
        [error(
            &file,
            Some(1),
            None,
            "not a UCINET file: it does not start with DL",
            Some("a UCINET DL file starts: dl n=10 format=fullmatrix"),
        )]
    );
    let (read, file, _dir) = read_file("e.dl", "dl n=2 format=edgelist1\ndata:\n1 3\n1\n");
    assert_eq!(
        read.diagnostics,
        [
            error(&file, Some(3), None, "\"3\" is not a node number from 1 to 2", Some("number nodes from 1 to n, or write labels embedded in the header")),
            error(&file, Some(4), None, "a tie needs two ends", Some("write the two ends (numbers, or labels when labels are embedded), then an optional weight")),
        ]
    );
}

const THREE: &str = "DL n=3\nformat = fullmatrix\nlabels:\nA,B,C\ndata:\n0 1 0\n1 0 1\n0 1 0\n";

#[test]
fn a_partition_beside_with_the_same_stem_or_the_same_first_letters_is_read() {
    let partition = "*Vertices 3\n1\n2\n1\n\n1 - GOV\n2 - VOL\n";
    for companion in ["ties.clu", "tiesSec.clu"] {
        let dir = folder(&[
            ("ties.dl", THREE),
            (companion, partition),
            ("other.clu", "*Vertices 3\n9\n9\n9\n"),
        ]);
        let read = read_dl(&dir.path().join("ties.dl"));
        assert_eq!(read.diagnostics, [], "{companion}");
        let stem = companion.trim_end_matches(".clu");
        let sectors: Vec<&str> = read
            .coalition
            .as_ref()
            .unwrap()
            .organizations
            .iter()
            .map(|o| o.attributes[stem].as_str())
            .collect();
        assert_eq!(sectors, ["GOV", "VOL", "GOV"], "{companion}");
        assert!(!read.coalition.unwrap().organizations[0]
            .attributes
            .contains_key("other"));
    }
}

#[test]
fn partitions_of_another_stem_that_are_several_or_do_not_fit_are_warnings() {
    let dir = folder(&[
        ("ties.dl", THREE),
        ("tiesA.clu", "*Vertices 3\n1\n2\n1\n"),
        ("tiesB.clu", "*Vertices 3\n2\n2\n1\n"),
        ("tiesRat.vec", "*Vertices 4\n1.5\n2\n3\n4\n"),
    ]);
    let read = read_dl(&dir.path().join("ties.dl"));
    let file = |name: &str| dir.path().join(name).display().to_string();
    assert_eq!(
        read.diagnostics,
        [
            super::super::testing::as_warning(error(
                &file("ties.dl"),
                None,
                None,
                "several .clu files could describe this network (tiesA.clu, tiesB.clu); none is read",
                Some("name the one that does ties.clu"),
            )),
            super::super::testing::as_warning(error(
                &file("tiesRat.vec"),
                None,
                None,
                "not read: it does not give one value for each of the network's 3 vertices",
                Some("a .clu or .vec with another stem than the network's is read only when it fits"),
            )),
        ]
    );
    assert!(read.coalition.unwrap().organizations[0]
        .attributes
        .is_empty());
}
