//! An Open Referral HSDS 3.x tabular data package (the Human Services Data Specification that
//! 211 and community-resource directories publish), read as a directory with one row per
//! organization, so `partnermap import` maps it through the same mapping file as a CSV:
//! `organizations.csv`'s own columns, then
//! - `taxonomy_terms`: the names of the taxonomy terms (`taxonomy_terms.csv`) that
//!   `attributes.csv` attaches to the organization, its services (`services.csv`), its
//!   locations and its services at locations;
//! - `city`: the cities (`addresses.csv`) of its locations, those `locations.csv` gives it and
//!   those where `service_at_location.csv` puts its services.
//!
//! `datapackage.json`, when present, says where each table is; else the specification's
//! file names are used. Every reference to an id no table has is an error.

use super::import::{read_directory, Directory, JOINED};
use crate::diagnostic::Diagnostic;
use crate::vocabulary::normalize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The column of the taxonomy terms an organization's services are described by.
pub(super) const TERMS: &str = "taxonomy_terms";

/// The column of the cities an organization works in.
pub(super) const CITY: &str = "city";

/// Our fields the package's columns hold unless the mapping says otherwise.
const COLUMNS: [(&str, &str); 6] = [
    ("name", "name"),
    ("website", "website"),
    ("contact", "email"),
    ("city", CITY),
    ("populations", TERMS),
    ("domains", TERMS),
];

/// The tables read, by their resource name in `datapackage.json`, with the specification's
/// file name.
const TABLES: [(&str, &str); 7] = [
    ("organization", "organizations.csv"),
    ("service", "services.csv"),
    ("location", "locations.csv"),
    ("address", "addresses.csv"),
    ("service_at_location", "service_at_location.csv"),
    ("attribute", "attributes.csv"),
    ("taxonomy_term", "taxonomy_terms.csv"),
];

/// One table of the package and where its columns are.
struct Table {
    dir: Directory,
}

impl Table {
    /// The position of `column`; an error naming the table when it has none.
    fn require(&self, column: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<usize> {
        let at = self.column(column);
        if at.is_none() {
            diagnostics.push(
                Diagnostic::error(&self.dir.file, format!("the header has no \"{column}\" column"))
                    .at_line(Some(1))
                    .with_hint("HSDS 3.0 names the columns as its schema does (docs/start.md lists those read)"),
            );
        }
        at
    }

    fn column(&self, column: &str) -> Option<usize> {
        self.dir.headers.iter().position(|h| h == column)
    }

    /// Each row's line and the trimmed cells at `columns` (empty where a column is missing).
    fn rows<'a, const N: usize>(
        &'a self,
        columns: [Option<usize>; N],
    ) -> impl Iterator<Item = (usize, [&'a str; N])> + 'a {
        self.dir.rows.iter().map(move |(line, cells)| {
            let cell = |at: Option<usize>| at.and_then(|at| cells.get(at)).map_or("", |c| c.trim());
            (*line, columns.map(cell))
        })
    }
}

/// Reads the package in `folder` as a directory of organizations (module docs).
pub(super) fn read_hsds(folder: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Directory> {
    let paths = table_paths(folder, diagnostics)?;
    let before = diagnostics.len();
    let read = |name: &str, diagnostics: &mut Vec<Diagnostic>| {
        let path = &paths[name];
        path.exists()
            .then(|| read_directory(path, diagnostics).map(|dir| Table { dir }))
            .flatten()
    };
    let Some(organizations) = read("organization", diagnostics) else {
        if !paths["organization"].exists() {
            diagnostics.push(
                Diagnostic::error(folder.display().to_string(), "not an Open Referral HSDS data package: it has no organizations.csv")
                    .with_hint("give a directory as a .csv file or a workbook, or an HSDS folder (organizations.csv, services.csv, attributes.csv, taxonomy_terms.csv, …)"),
            );
        }
        return None;
    };
    let service_table = read("service", diagnostics);
    let location_table = read("location", diagnostics);
    let addresses = read("address", diagnostics);
    let at_locations = read("service_at_location", diagnostics);
    let attributes = read("attribute", diagnostics);
    let terms = read("taxonomy_term", diagnostics);

    let id = organizations.require("id", diagnostics);
    organizations.require("name", diagnostics)?;
    let mut of: HashMap<&str, usize> = HashMap::new();
    for (i, (line, [org])) in organizations.rows([id]).enumerate() {
        if of.insert(org, i).is_some() {
            diagnostics.push(
                Diagnostic::error(
                    &organizations.dir.file,
                    format!("organization id \"{org}\" appears twice"),
                )
                .at_line(Some(line))
                .in_field("id"),
            );
        }
    }
    let orgs = Owners {
        table: &organizations,
        what: "organization",
        of,
    };
    let mut links = Links::default();
    let services = service_table
        .as_ref()
        .map(|table| orgs.owned(table, "service", diagnostics, &mut links));
    let locations = location_table
        .as_ref()
        .map(|table| orgs.owned(table, "location", diagnostics, &mut links));

    let count = organizations.dir.rows.len();
    let mut cities: Vec<Vec<String>> = vec![Vec::new(); count];
    let mut words: Vec<Vec<String>> = vec![Vec::new(); count];
    let add = |lists: &mut Vec<Vec<String>>, org: usize, value: &str| {
        let list = &mut lists[org];
        if !value.is_empty() && !list.iter().any(|v| normalize(v) == normalize(value)) {
            list.push(value.to_string());
        }
    };

    // Where each location is, and so each organization.
    let mut located: HashMap<&str, Vec<&str>> = HashMap::new();
    if let (Some(addresses), Some(locations)) = (&addresses, &locations) {
        let columns = [
            addresses.require("location_id", diagnostics),
            addresses.require("city", diagnostics),
        ];
        for (line, [location, city]) in addresses.rows(columns) {
            if locations
                .find(
                    location,
                    &Site::new(addresses, line, "location_id"),
                    diagnostics,
                )
                .is_some()
            {
                located.entry(location).or_default().push(city);
            }
        }
    }
    let mut places: Vec<(usize, &str)> = Vec::new();
    if let Some(locations) = &locations {
        for (_, [location]) in locations.table.rows([locations.table.column("id")]) {
            if let Some(org) = locations.of.get(location) {
                places.push((*org, location));
            }
        }
    }
    let mut service_locations: Vec<(usize, &str)> = Vec::new();
    if let (Some(at_locations), Some(services), Some(locations)) =
        (&at_locations, &services, &locations)
    {
        let columns = [
            at_locations.require("id", diagnostics),
            at_locations.require("service_id", diagnostics),
            at_locations.require("location_id", diagnostics),
        ];
        for (line, [_, service, location]) in at_locations.rows(columns) {
            let org = services.find(
                service,
                &Site::new(at_locations, line, "service_id"),
                diagnostics,
            );
            let place = locations.find(
                location,
                &Site::new(at_locations, line, "location_id"),
                diagnostics,
            );
            if let (Some(org), Some(_)) = (org, place) {
                service_locations.push((org, location));
            }
        }
    }
    for (org, location) in places.iter().chain(&service_locations) {
        for city in located.get(location).into_iter().flatten() {
            add(&mut cities, *org, city);
        }
    }

    if let Some(attributes) = &attributes {
        match &terms {
            None => diagnostics.push(
                Diagnostic::error(&attributes.dir.file, "attributes.csv names taxonomy terms, but the package has no taxonomy_terms.csv")
                    .with_hint("add the taxonomy_terms.csv the attributes refer to"),
            ),
            Some(terms) => {
                let names = term_names(terms, diagnostics);
                let sites = at_locations
                    .as_ref()
                    .zip(services.as_ref())
                    .map(|(table, services)| services_at(table, services));
                let columns = [
                    attributes.require("link_id", diagnostics),
                    attributes.require("taxonomy_term_id", diagnostics),
                    attributes.column("link_entity"),
                ];
                let mut unread: Vec<(String, usize, usize)> = Vec::new();
                for (line, [link, term, entity]) in attributes.rows(columns) {
                    let Some(name) = names.get(term) else {
                        diagnostics.push(
                            Diagnostic::error(&attributes.dir.file, format!("no taxonomy term has the id \"{term}\" in {}", terms.dir.file))
                                .at_line(Some(line))
                                .in_field("taxonomy_term_id"),
                        );
                        continue;
                    };
                    let owner = match entity.to_ascii_lowercase().trim_end_matches('s') {
                        "organization" => orgs.find(link, &Site::new(attributes, line, "link_id"), diagnostics),
                        "service" => owner_in(services.as_ref(), "service", link, &Site::new(attributes, line, "link_id"), diagnostics),
                        "location" => owner_in(locations.as_ref(), "location", link, &Site::new(attributes, line, "link_id"), diagnostics),
                        "service_at_location" => match sites.as_ref().and_then(|s| s.get(link)) {
                            Some(org) => Some(*org),
                            None => missing("service at location", link, &Site::new(attributes, line, "link_id"), diagnostics),
                        },
                        "" => orgs
                            .of
                            .get(link)
                            .or_else(|| services.as_ref().and_then(|s| s.of.get(link)))
                            .copied()
                            .or_else(|| missing("organization or service", link, &Site::new(attributes, line, "link_id"), diagnostics)),
                        _ => {
                            match unread.iter_mut().find(|(e, _, _)| e == entity) {
                                Some((_, _, n)) => *n += 1,
                                None => unread.push((entity.to_string(), line, 1)),
                            }
                            None
                        }
                    };
                    if let Some(org) = owner {
                        add(&mut words, org, name);
                    }
                }
                for (entity, line, n) in unread {
                    diagnostics.push(
                        Diagnostic::warning(&attributes.dir.file, format!("{n} attribute(s) describe {entity} entries, which import does not read"))
                            .at_line(Some(line))
                            .in_field("link_entity")
                            .with_hint("only the taxonomy terms of organizations, services, locations and services at locations become populations and domains"),
                    );
                }
            }
        }
    }
    links.report(diagnostics);
    if diagnostics[before..].iter().any(Diagnostic::is_error) {
        return None;
    }
    let Table { dir } = organizations;
    let mut headers = dir.headers;
    let joined = vec![headers.len()];
    headers.extend([TERMS.to_string(), CITY.to_string()]);
    let rows = dir
        .rows
        .into_iter()
        .zip(words.into_iter().zip(cities))
        .map(|((line, mut cells), (words, cities))| {
            cells.resize(joined[0], String::new());
            cells.push(words.join(JOINED));
            cells.push(cities.join("; "));
            (line, cells)
        })
        .collect();
    Some(Directory {
        file: dir.file,
        headers,
        rows,
        joined,
        columns: COLUMNS.to_vec(),
    })
}

/// Where each table is: `datapackage.json`'s resource paths, else the specification's names.
fn table_paths(
    folder: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<HashMap<&'static str, PathBuf>> {
    let mut paths: HashMap<&'static str, PathBuf> = TABLES
        .iter()
        .map(|(name, file)| (*name, folder.join(file)))
        .collect();
    let descriptor = folder.join("datapackage.json");
    if !descriptor.exists() {
        return Some(paths);
    }
    let file = descriptor.display().to_string();
    let text = super::read_text(&descriptor, diagnostics)?;
    let json: serde_json::Value = match serde_json::from_str(&text) {
        Ok(json) => json,
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(&file, format!("malformed JSON: {e}")).at_line(Some(e.line())),
            );
            return None;
        }
    };
    let resources = json.get("resources").and_then(|r| r.as_array());
    for resource in resources.into_iter().flatten() {
        let name = resource.get("name").and_then(|n| n.as_str()).unwrap_or("");
        let Some((table, _)) = TABLES.iter().find(|(t, _)| *t == name) else {
            continue;
        };
        let Some(path) = resource.get("path").and_then(|p| p.as_str()) else {
            continue;
        };
        let relative = Path::new(path);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            diagnostics.push(
                Diagnostic::error(&file, format!("the resource \"{name}\" is at \"{path}\", outside the package"))
                    .in_field("resources")
                    .with_hint("give each table's path inside the package's folder, e.g. \"organizations.csv\""),
            );
            return None;
        }
        paths.insert(table, folder.join(relative));
    }
    Some(paths)
}

/// The organization each row of a table belongs to, by the row's id: organizations (each
/// its own), services and locations.
struct Owners<'a> {
    table: &'a Table,
    what: &'static str,
    of: HashMap<&'a str, usize>,
}

/// Rows that name no organization, reported once per table.
#[derive(Default)]
struct Links {
    orphans: Vec<(String, usize, usize)>,
}

impl Links {
    fn report(self, diagnostics: &mut Vec<Diagnostic>) {
        for (file, line, n) in self.orphans {
            diagnostics.push(
                Diagnostic::warning(&file, format!("{n} row(s) name no organization: their taxonomy terms and cities belong to nobody"))
                    .at_line(Some(line))
                    .in_field("organization_id")
                    .with_hint("give each the id of its organization in organizations.csv"),
            );
        }
    }
}

impl<'a> Owners<'a> {
    /// The organization of the row with id `id`, or an error at `at`.
    fn find(&self, id: &str, at: &Site, diagnostics: &mut Vec<Diagnostic>) -> Option<usize> {
        if empty(id, self.what, at, diagnostics) {
            return None;
        }
        if let Some(org) = self.of.get(id) {
            return Some(*org);
        }
        // A row that names no organization was reported once already.
        let id_column = self.table.column("id");
        if !self.table.rows([id_column]).any(|(_, [i])| i == id) {
            let message = format!(
                "no {} has the id \"{id}\" in {}",
                self.what, self.table.dir.file
            );
            diagnostics.push(at.error(message));
        }
        None
    }

    /// The rows of `table` (services, locations) with the organization each names.
    fn owned<'t>(
        &self,
        table: &'t Table,
        what: &'static str,
        diagnostics: &mut Vec<Diagnostic>,
        links: &mut Links,
    ) -> Owners<'t> {
        let column = "organization_id";
        let columns = [table.require("id", diagnostics), table.column(column)];
        let mut of = HashMap::new();
        for (line, [id, org]) in table.rows(columns) {
            if org.is_empty() {
                match links
                    .orphans
                    .iter_mut()
                    .find(|(f, _, _)| *f == table.dir.file)
                {
                    Some((_, _, n)) => *n += 1,
                    None => links.orphans.push((table.dir.file.clone(), line, 1)),
                }
            } else if let Some(org) = self.find(org, &Site::new(table, line, column), diagnostics) {
                of.insert(id, org);
            }
        }
        Owners { table, what, of }
    }
}

/// Where a reference is: the table, line and column.
struct Site<'s> {
    from: &'s Table,
    line: usize,
    field: &'static str,
}

impl<'s> Site<'s> {
    fn new(from: &'s Table, line: usize, field: &'static str) -> Site<'s> {
        Site { from, line, field }
    }

    fn error(&self, message: String) -> Diagnostic {
        Diagnostic::error(&self.from.dir.file, message)
            .at_line(Some(self.line))
            .in_field(self.field)
    }
}

/// The organization of the row `id` of `owners`, or an error when the package lacks that table.
fn owner_in(
    owners: Option<&Owners>,
    what: &str,
    id: &str,
    at: &Site,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<usize> {
    match owners {
        Some(owners) => owners.find(id, at, diagnostics),
        None => missing(what, id, at, diagnostics),
    }
}

fn missing(what: &str, id: &str, at: &Site, diagnostics: &mut Vec<Diagnostic>) -> Option<usize> {
    diagnostics.push(at.error(format!("no {what} has the id \"{id}\" in the package")));
    None
}

/// True, with an error at `at`, when a reference to a `what` is empty.
fn empty(id: &str, what: &str, at: &Site, diagnostics: &mut Vec<Diagnostic>) -> bool {
    if id.is_empty() {
        diagnostics.push(
            at.error(format!("no {what} is named: the {} is empty", at.field))
                .with_hint(format!("give the id of its {what}, or delete the row")),
        );
    }
    id.is_empty()
}

/// Each taxonomy term's name (its code when it has none) by id.
fn term_names<'a>(
    terms: &'a Table,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashMap<&'a str, &'a str> {
    let columns = [
        terms.require("id", diagnostics),
        terms.require("name", diagnostics),
        terms.column("code"),
    ];
    terms
        .rows(columns)
        .map(|(_, [id, name, code])| (id, if name.is_empty() { code } else { name }))
        .collect()
}

/// The organization of each service at location, by its id.
fn services_at<'a>(table: &'a Table, services: &Owners) -> HashMap<&'a str, usize> {
    let columns = [table.column("id"), table.column("service_id")];
    table
        .rows(columns)
        .filter_map(|(_, [id, service])| services.of.get(service).map(|org| (id, *org)))
        .collect()
}
