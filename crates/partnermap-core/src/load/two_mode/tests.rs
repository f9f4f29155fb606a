use super::super::testing::{as_warning, error, folder, organizations};
use super::super::{load_paths, Loaded, Reading};
use crate::diagnostic::Diagnostic;
use crate::vocabulary::TermKind;

/// Loads one file of a temporary folder with a kind for its second mode; its shown path too.
fn load_one(
    name: &str,
    text: &str,
    kind: Option<TermKind>,
) -> (Result<Loaded, Vec<Diagnostic>>, String) {
    let dir = folder(&[(name, text)]);
    let path = dir.path().join(name);
    let loaded = load_paths(
        std::slice::from_ref(&path),
        Reading {
            second_mode: kind,
            ..Reading::default()
        },
    )
    .map_err(|e| e.diagnostics);
    (loaded, path.display().to_string())
}

const CLUBS: &str =
    "*Vertices 5 2\n1 \"Ann\"\n2 \"Bo\"\n3 \"Chess\"\n4 \"Youth\"\n5 \"Chess\"\n*Matrix\n1 0 3\n1 1 0\n";

#[test]
fn the_second_mode_becomes_priority_terms_the_ties_who_provides_them() {
    let (loaded, file) = load_one("clubs.net", CLUBS, Some(TermKind::Population));
    let loaded = loaded.unwrap();
    let coalition = &loaded.coalition;
    assert_eq!(organizations(coalition), [("ann", "Ann"), ("bo", "Bo")]);
    assert_eq!(coalition.partnerships, []);
    // "Youth" is the worksheet's "Young people"; the second "Chess" is a term of its own.
    let extra: Vec<(&str, &str)> = (coalition.vocabulary.populations.iter())
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    assert_eq!(extra, [("chess", "Chess"), ("chess-2", "Chess (2)")]);
    assert_eq!(
        coalition.priorities.populations,
        ["chess", "young-people", "chess-2"]
    );
    assert_eq!(coalition.organizations[0].populations, ["chess", "chess-2"]);
    assert_eq!(
        coalition.organizations[1].populations,
        ["chess", "young-people"]
    );
    assert_eq!(
        loaded.warnings,
        [as_warning(error(
            &file,
            None,
            None,
            "the ties' weights are not kept (the file gives 1): an organization provides a population or does not",
            None
        ))]
    );
}

#[test]
fn a_domain_or_asset_second_mode_fills_that_list() {
    let (loaded, _) = load_one("clubs.net", CLUBS, Some(TermKind::Asset));
    let coalition = loaded.unwrap().coalition;
    assert_eq!(coalition.priorities.assets, ["chess", "youth", "chess-2"]);
    assert_eq!(coalition.organizations[1].assets, ["chess", "youth"]);
    assert!(coalition.priorities.populations.is_empty());
}

#[test]
fn without_a_kind_a_two_mode_network_is_an_error_that_names_the_option() {
    let (loaded, file) = load_one("clubs.net", CLUBS, None);
    assert_eq!(
        loaded.unwrap_err(),
        [error(
            &file,
            None,
            None,
            "a two-mode network: 2 vertices in the first mode, 3 in the second",
            Some(super::HINT)
        )]
    );
    let (loaded, file) = load_one(
        "w.dl",
        "dl nr=2 nc=1\nrow labels:\nAnn\nBo\ncol labels:\nE1\ndata:\n1\n0\n",
        None,
    );
    let errors = loaded.unwrap_err();
    assert_eq!(errors[0].file, file);
    assert_eq!(
        errors[0].message,
        "a two-mode network: 2 vertices in the first mode, 1 in the second"
    );
    assert!(super::HINT.starts_with("give --second-mode population, domain or asset"));
    // The reader's own errors come with it, so one run shows every problem.
    let (loaded, _) = load_one(
        "bad.net",
        "*Vertices 3 1\n1 A\n2 B\n3 C\n*Edges\n1 x\n",
        None,
    );
    let lines: Vec<(Option<usize>, &str)> = (loaded.as_ref().unwrap_err().iter())
        .map(|d| (d.line, &d.message[..17]))
        .collect();
    assert_eq!(
        lines,
        [
            (None, "a two-mode networ"),
            (Some(6), "\"x\" is not a vert")
        ]
    );
}

#[test]
fn a_tie_within_one_mode_is_an_error_and_fields_of_the_second_are_reported() {
    let (loaded, file) = load_one(
        "mixed.paj",
        "*Vertices 4 2\n1 A\n2 B\n3 E1\n4 E2\n*Edges\n1 3\n1 2\n3 4\n*Partition group\n*Vertices 4\n1\n1\n2\n2\n",
        Some(TermKind::Domain),
    );
    let errors = loaded.unwrap_err();
    let hint = "a two-mode network's ties join a vertex of each mode: remove the tie, or list the vertices in their own mode";
    assert_eq!(
        errors,
        [
            error(&file, Some(8), None, "the tie \"A\" – \"B\" joins two vertices of the first mode", Some(hint)),
            error(&file, Some(9), None, "the tie \"E1\" – \"E2\" joins two vertices of the second mode", Some(hint)),
            as_warning(error(&file, None, None, "the fields of the second mode's vertices are not kept (group): a domain has only its label", None)),
        ]
    );
}

#[test]
fn a_kind_for_a_one_mode_network_is_a_warning() {
    let (loaded, file) = load_one(
        "pair.net",
        "*Vertices 2\n1 A\n2 B\n*Edges\n1 2\n",
        Some(TermKind::Domain),
    );
    let loaded = loaded.unwrap();
    assert_eq!(loaded.coalition.partnerships.len(), 1);
    assert_eq!(
        loaded.warnings,
        [as_warning(error(
            &file,
            None,
            None,
            "not a two-mode network: no vertices are read as domains",
            None
        ))]
    );
}

#[test]
fn ucinet_row_labels_are_organizations_and_column_labels_terms() {
    let (loaded, _) = load_one(
        "w.dl",
        "dl nr=2 nc=2 format=edgelist1 labels embedded\ndata:\nAnn E1\nBo E1\nBo Ann\n",
        Some(TermKind::Population),
    );
    let coalition = loaded.unwrap().coalition;
    // The column Ann is not the row Ann.
    assert_eq!(organizations(&coalition), [("ann", "Ann"), ("bo", "Bo")]);
    assert_eq!(coalition.organizations[1].populations, ["e1", "ann"]);
    let labels: Vec<&str> = (coalition.vocabulary.populations.iter())
        .map(|t| t.label.as_str())
        .collect();
    assert_eq!(labels, ["E1", "Ann"]);
}

#[test]
fn weights_and_relations_of_the_ties_are_warned_about() {
    let (loaded, file) = load_one(
        "w.dl",
        "dl nr=1 nc=1 nm=2\nrow labels:\nAnn\ncol labels:\nE1\nmatrix labels:\ninfo\nmoney\ndata:\n1\n2\n",
        Some(TermKind::Population),
    );
    let loaded = loaded.unwrap();
    assert_eq!(loaded.coalition.organizations[0].populations, ["e1"]);
    let warning = |message: &str| as_warning(error(&file, None, None, message, None));
    assert_eq!(
        loaded.warnings,
        [
            warning("the ties' weights are not kept (the file gives 1): an organization provides a population or does not"),
            warning("the ties of the relations \"info\", \"money\" are read as one: an organization provides a population or does not"),
        ]
    );
}
