//! A bare edge list: any network as a CSV whose header starts `source,target` (optionally
//! `weight` and the other partnership columns). Each name in it becomes an organization of
//! type other, with an id derived from the name.

use super::csv::read_rows;
use super::network::distinct_id;
use super::origin::{Origin, Origins};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use crate::model::{Coalition, Organization, OrganizationType, Partnership};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Reads an edge list; the coalition is named after the file.
pub(super) fn read_edge_list(path: &Path) -> Read {
    let mut diagnostics = Vec::new();
    let file = path.display().to_string();
    let mut origins = Origins {
        coalition: Origin::file(&file),
        ..Origins::default()
    };
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("network")
        .to_string();
    let mut coalition = Coalition::new(&name);
    let Some(text) = read_text(path, &mut diagnostics) else {
        return Read::failed(origins, diagnostics);
    };
    let first = text.lines().next().unwrap_or("").to_lowercase();
    let header: Vec<&str> = first.split(',').map(str::trim).collect();
    if header.len() < 2 || header[0] != "source" || header[1] != "target" {
        diagnostics.push(
            Diagnostic::error(&file, "a .csv given alone must be an edge list whose header starts source,target")
                .at_line(Some(1))
                .with_hint("for organizations.csv and partnerships.csv, give the project folder that holds them"),
        );
        return Read::failed(origins, diagnostics);
    }
    read_rows::<Partnership>(&file, &text, &mut coalition, &mut origins, &mut diagnostics);
    add_named_organizations(&mut coalition, &mut origins, &file);
    Read {
        second_mode: None,
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

/// Adds an organization for every name the partnerships use, in order of first use, with a
/// distinct id derived from the name (`-2`, `-3`, … on a clash), and points the partnerships
/// at those ids. Empty ends are left for validation to report.
fn add_named_organizations(coalition: &mut Coalition, origins: &mut Origins, file: &str) {
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut taken = HashSet::new();
    for partnership in &coalition.partnerships {
        for end in [&partnership.source, &partnership.target] {
            if end.is_empty() || ids.contains_key(end) {
                continue;
            }
            let id = distinct_id(end, &mut taken);
            ids.insert(end.clone(), id.clone());
            coalition
                .organizations
                .push(Organization::new(&id, end, OrganizationType::Other));
            origins.organizations.push(Origin::file(file));
        }
    }
    for partnership in &mut coalition.partnerships {
        for end in [&mut partnership.source, &mut partnership.target] {
            if let Some(id) = ids.get(end.as_str()) {
                *end = id.clone();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{error, folder, organizations};
    use super::*;

    fn read(name: &str, text: &str) -> (Read, String) {
        let dir = folder(&[(name, text)]);
        let path = dir.path().join(name);
        (read_edge_list(&path), path.display().to_string())
    }

    #[test]
    fn names_become_organizations_with_distinct_ids() {
        let (read, _) = read(
            "ties.csv",
            "Source , Target ,Weight\nAlpha Org,Beta Org,2\nBeta Org,alpha-org,\n!!!,???,1\n",
        );
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        assert_eq!(coalition.name, "ties");
        let orgs = organizations(&coalition);
        assert_eq!(
            orgs,
            [
                ("alpha-org", "Alpha Org"),
                ("beta-org", "Beta Org"),
                ("alpha-org-2", "alpha-org"),
                ("organization", "!!!"),
                ("organization-2", "???"),
            ]
        );
        assert!(coalition
            .organizations
            .iter()
            .all(|o| o.kind == OrganizationType::Other));
        let ends: Vec<(&str, &str)> = coalition
            .partnerships
            .iter()
            .map(|p| (p.source.as_str(), p.target.as_str()))
            .collect();
        assert_eq!(
            ends,
            [
                ("alpha-org", "beta-org"),
                ("beta-org", "alpha-org-2"),
                ("organization", "organization-2")
            ]
        );
        assert_eq!(coalition.partnerships[0].weight, Some(2.0));
        assert_eq!(read.origins.organizations.len(), 5);
    }

    #[test]
    fn a_csv_without_source_and_target_is_not_an_edge_list() {
        let (read, file) = read("organizations.csv", "id,name,type\na,A,bank\n");
        assert!(read.coalition.is_none());
        assert_eq!(
            read.diagnostics,
            [error(
                &file,
                Some(1),
                None,
                "a .csv given alone must be an edge list whose header starts source,target",
                Some("for organizations.csv and partnerships.csv, give the project folder that holds them"),
            )]
        );
    }

    #[test]
    fn row_problems_are_reported_and_empty_ends_left_for_validation() {
        let (read, file) = read("ties.csv", "source,target,weight\na,,abc\n");
        assert_eq!(
            read.diagnostics,
            [error(
                &file,
                Some(2),
                Some("weight"),
                "weight \"abc\" is not a positive number",
                Some("write a number such as 1 or 2.5, or leave it empty"),
            )]
        );
        let coalition = read.coalition.unwrap();
        assert_eq!(coalition.organizations.len(), 1);
        assert_eq!(coalition.partnerships[0].target, "");
    }
}
