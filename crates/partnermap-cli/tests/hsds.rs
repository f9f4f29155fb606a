//! `partnermap import` on an Open Referral HSDS 3.0 tabular data package: organizations, the
//! taxonomy terms of their services mapped to populations and domains by the mapping's
//! `[terms]`, and the cities of their locations. The package is written here with the columns
//! of the specification's published schema (schema/*.json of openreferral/specification 3.0).

mod common;

use assert_cmd::Command;
use common::assert_golden;
use std::path::Path;

fn partnermap() -> Command {
    Command::cargo_bin("partnermap").unwrap()
}

/// The HSDS 3.0 tables this test writes, with every column of their schema (in its order).
const SCHEMA: &[(&str, &str, &[&str])] = &[
    (
        "organization",
        "organizations.csv",
        &[
            "id",
            "name",
            "alternate_name",
            "description",
            "email",
            "website",
            "tax_status",
            "tax_id",
            "year_incorporated",
            "legal_status",
            "logo",
            "uri",
            "parent_organization_id",
        ],
    ),
    (
        "service",
        "services.csv",
        &[
            "id",
            "organization_id",
            "program_id",
            "name",
            "alternate_name",
            "description",
            "url",
            "email",
            "status",
            "interpretation_services",
            "application_process",
            "fees_description",
            "wait_time",
            "fees",
            "accreditations",
            "eligibility_description",
            "minimum_age",
            "maximum_age",
            "assured_date",
            "assurer_email",
            "licenses",
            "alert",
            "last_modified",
        ],
    ),
    (
        "location",
        "locations.csv",
        &[
            "id",
            "location_type",
            "url",
            "organization_id",
            "name",
            "alternate_name",
            "description",
            "transportation",
            "latitude",
            "longitude",
            "external_identifier",
            "external_identifier_type",
        ],
    ),
    (
        "address",
        "addresses.csv",
        &[
            "id",
            "location_id",
            "attention",
            "address_1",
            "address_2",
            "city",
            "region",
            "state_province",
            "postal_code",
            "country",
            "address_type",
        ],
    ),
    (
        "service_at_location",
        "service_at_location.csv",
        &["id", "service_id", "location_id", "description"],
    ),
    (
        "attribute",
        "attributes.csv",
        &[
            "id",
            "link_id",
            "taxonomy_term_id",
            "link_type",
            "link_entity",
            "value",
            "label",
        ],
    ),
    (
        "taxonomy_term",
        "taxonomy_terms.csv",
        &[
            "id",
            "code",
            "name",
            "description",
            "parent_id",
            "taxonomy",
            "language",
            "taxonomy_id",
            "term_uri",
        ],
    ),
];

/// Writes the package: `rows` gives each table's rows as (column, value) pairs, the other
/// columns empty; `datapackage.json` describes every table and its fields.
/// One row of a table: (column, value) pairs.
type Row<'a> = Vec<(&'a str, &'a str)>;

fn write_package(dir: &Path, rows: &[(&str, Vec<Row>)]) {
    let mut resources = Vec::new();
    for (name, file, columns) in SCHEMA {
        let mut writer = csv::Writer::from_path(dir.join(file)).unwrap();
        writer.write_record(*columns).unwrap();
        for row in rows.iter().filter(|(t, _)| t == name).flat_map(|(_, r)| r) {
            let record: Vec<&str> = columns
                .iter()
                .map(|c| row.iter().find(|(k, _)| k == c).map_or("", |(_, v)| v))
                .collect();
            writer.write_record(record).unwrap();
        }
        writer.flush().unwrap();
        let fields: Vec<serde_json::Value> = columns
            .iter()
            .map(|c| serde_json::json!({"name": c, "type": "string"}))
            .collect();
        resources.push(serde_json::json!({
            "name": name, "path": file, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "schema": {"fields": fields},
        }));
    }
    let package = serde_json::json!({
        "name": "springfield-211", "profile": "tabular-data-package", "resources": resources,
    });
    std::fs::write(dir.join("datapackage.json"), package.to_string()).unwrap();
}

/// Three organizations of a county 211 directory: services described by taxonomy terms, an
/// attribute on an organization and one on a location, cities from the locations' addresses
/// (one through a service offered at another organization's location).
fn springfield(dir: &Path) {
    let attribute = |id, link, entity, term| {
        vec![
            ("id", id),
            ("link_id", link),
            ("link_entity", entity),
            ("taxonomy_term_id", term),
            ("link_type", ""),
        ]
    };
    let term = |id, code, name| {
        vec![
            ("id", id),
            ("code", code),
            ("name", name),
            ("description", name),
            ("taxonomy", "Springfield 211"),
        ]
    };
    write_package(
        dir,
        &[
            (
                "organization",
                vec![
                    vec![
                        ("id", "o1"),
                        ("name", "Eastside Community Services"),
                        ("description", "Food, shelter and rides."),
                        ("website", "https://eastside.example.org"),
                    ],
                    vec![
                        ("id", "o2"),
                        ("name", "Job Seekers Alliance"),
                        ("description", "Job placement."),
                        ("email", "hello@jsa.example.org"),
                    ],
                    vec![
                        ("id", "o3"),
                        ("name", "Harbor Literacy Council"),
                        ("description", "Adult literacy."),
                    ],
                ],
            ),
            (
                "service",
                vec![
                    vec![
                        ("id", "s1"),
                        ("organization_id", "o1"),
                        ("name", "Food and shelter"),
                        ("status", "active"),
                    ],
                    vec![
                        ("id", "s2"),
                        ("organization_id", "o1"),
                        ("name", "Rides to work"),
                        ("status", "active"),
                    ],
                    vec![
                        ("id", "s3"),
                        ("organization_id", "o2"),
                        ("name", "Veteran job placement"),
                        ("status", "active"),
                    ],
                    vec![
                        ("id", "s4"),
                        ("organization_id", "o3"),
                        ("name", "ESL classes"),
                        ("status", "active"),
                    ],
                ],
            ),
            (
                "location",
                vec![
                    vec![
                        ("id", "l1"),
                        ("organization_id", "o1"),
                        ("location_type", "physical"),
                        ("name", "Eastside office"),
                    ],
                    vec![
                        ("id", "l2"),
                        ("organization_id", "o2"),
                        ("location_type", "physical"),
                        ("name", "Downtown hub"),
                    ],
                    vec![
                        ("id", "l4"),
                        ("organization_id", "o3"),
                        ("location_type", "physical"),
                        ("name", "Harbor library"),
                    ],
                ],
            ),
            (
                "address",
                vec![
                    vec![
                        ("id", "a1"),
                        ("location_id", "l1"),
                        ("address_1", "1 Main St"),
                        ("city", "Springfield"),
                        ("state_province", "IL"),
                        ("postal_code", "62701"),
                        ("country", "US"),
                        ("address_type", "physical"),
                    ],
                    vec![
                        ("id", "a2"),
                        ("location_id", "l2"),
                        ("address_1", "9 Capitol Ave"),
                        ("city", "Capital City"),
                        ("state_province", "IL"),
                        ("postal_code", "62702"),
                        ("country", "US"),
                        ("address_type", "physical"),
                    ],
                    vec![
                        ("id", "a4"),
                        ("location_id", "l4"),
                        ("address_1", "3 Dock Rd"),
                        ("city", "Springfield"),
                        ("state_province", "IL"),
                        ("postal_code", "62703"),
                        ("country", "US"),
                        ("address_type", "physical"),
                    ],
                    vec![
                        ("id", "a5"),
                        ("location_id", "l4"),
                        ("address_1", "PO Box 12"),
                        ("city", "Springfield"),
                        ("state_province", "IL"),
                        ("postal_code", "62703"),
                        ("country", "US"),
                        ("address_type", "postal"),
                    ],
                ],
            ),
            (
                "service_at_location",
                vec![
                    vec![("id", "sl1"), ("service_id", "s1"), ("location_id", "l1")],
                    vec![("id", "sl2"), ("service_id", "s2"), ("location_id", "l2")],
                    vec![("id", "sl3"), ("service_id", "s4"), ("location_id", "l4")],
                ],
            ),
            (
                "attribute",
                vec![
                    attribute("at1", "s1", "service", "t-food"),
                    attribute("at2", "s1", "service", "t-shelter"),
                    attribute("at3", "s1", "service", "t-low-income"),
                    attribute("at4", "s2", "service", "t-rides"),
                    attribute("at5", "s3", "service", "t-employment"),
                    attribute("at6", "s3", "service", "t-veterans"),
                    attribute("at7", "s3", "service", "t-rides"),
                    attribute("at8", "o2", "organization", "t-youth"),
                    attribute("at9", "s4", "service", "t-esl"),
                    attribute("at10", "l4", "location", "t-low-income"),
                    attribute("at11", "sl1", "service_at_location", "t-shelter"),
                ],
            ),
            (
                "taxonomy_term",
                vec![
                    term("t-food", "BD-1800.2000", "Food Pantries"),
                    term("t-shelter", "BH-1800.8500", "Emergency Shelter"),
                    term("t-low-income", "YF-4500", "Low Income"),
                    term("t-rides", "BT-4500", "Transportation Assistance"),
                    term("t-employment", "ND-2000", "Employment"),
                    term("t-veterans", "YN-9000", "Veterans"),
                    term("t-youth", "YH-9000", "Youth"),
                    term("t-esl", "HH-0500.8000", "English as a Second Language"),
                ],
            ),
        ],
    );
}

const MAPPING: &str = r#"[coalition]
name = "Springfield 211 partners"

[defaults]
type = "community-based nonprofit"
status = "potential"

[terms]
"English as a Second Language" = "English-language learners"
"Emergency Shelter" = ["People experiencing housing instability or homelessness", "Housing stability"]
"Transportation Assistance" = "Transportation access"
"Food Pantries" = []

[vocabulary]
populations = ["Veterans"]
"#;

#[test]
fn an_hsds_package_imports_with_its_services_terms_and_locations_cities() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("springfield-211");
    std::fs::create_dir(&package).unwrap();
    springfield(&package);
    let mapping = dir.path().join("mapping.toml");
    std::fs::write(&mapping, MAPPING).unwrap();
    let out = dir.path().join("coalition");
    partnermap()
        .arg("import")
        .arg(&package)
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(format!("Wrote {}: 3 organizations\n", out.display()));
    let coalition = partnermap_core::load(&out).unwrap().coalition;
    assert_eq!(coalition.name, "Springfield 211 partners");
    // Name, populations, domains, cities, contact or website.
    type Found<'a> = (
        &'a str,
        Vec<&'a str>,
        Vec<&'a str>,
        &'a str,
        Option<&'a str>,
    );
    let found: Vec<Found> = coalition
        .organizations
        .iter()
        .map(|o| {
            (
                o.name.as_str(),
                o.populations.iter().map(String::as_str).collect(),
                o.domains.iter().map(String::as_str).collect(),
                o.location.city.as_deref().unwrap_or(""),
                o.contact.as_deref().or(o.website.as_deref()),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "Eastside Community Services",
                vec!["housing-instability", "low-income"],
                vec!["housing-stability", "transportation-access"],
                "Springfield; Capital City",
                Some("https://eastside.example.org"),
            ),
            (
                "Job Seekers Alliance",
                vec!["veterans", "young-people"],
                vec!["employment-opportunities", "transportation-access"],
                "Capital City",
                Some("hello@jsa.example.org"),
            ),
            (
                "Harbor Literacy Council",
                vec!["english-language-learners", "low-income"],
                vec![],
                "Springfield",
                None,
            ),
        ]
    );
    partnermap().arg("gaps").arg(&out).assert().success();

    // A taxonomy term the mapping leaves out is listed once, with how many organizations'
    // services use it and the closest term.
    let partial = dir.path().join("partial.toml");
    std::fs::write(
        &partial,
        MAPPING.replace(
            "\"Transportation Assistance\" = \"Transportation access\"\n",
            "",
        ),
    )
    .unwrap();
    let failed = partnermap()
        .arg("import")
        .arg(&package)
        .arg("--mapping")
        .arg(&partial)
        .arg("--out")
        .arg(dir.path().join("not-written"))
        .assert()
        .code(2);
    let stderr = String::from_utf8(failed.get_output().stderr.clone()).unwrap();
    assert_eq!(
        stderr
            .replace(&package.display().to_string(), "springfield-211")
            .replace(&partial.display().to_string(), "partial.toml"),
        "error: springfield-211/organizations.csv, line 2, field \"taxonomy_terms\": \"Transportation Assistance\" (2 rows) is not a population or domain of the vocabulary, nor mapped in partial.toml\n  \
         hint: the closest domain is \"Transportation access\"; add under [terms]: \"Transportation Assistance\" = \"Transportation access\", or declare it under [vocabulary] domains\n\
         1 error in the input: nothing was analysed.\n"
    );
    assert!(!dir.path().join("not-written").exists());

    let suggested = partnermap()
        .arg("import")
        .arg(&package)
        .arg("--suggest-mapping")
        .assert()
        .success();
    assert_golden(
        "import-suggested-hsds.toml",
        &String::from_utf8(suggested.get_output().stdout.clone()).unwrap(),
    );
}

#[test]
fn a_package_whose_references_lead_nowhere_gets_every_error_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let package = dir.path().join("broken");
    std::fs::create_dir(&package).unwrap();
    springfield(&package);
    let edit = |file: &str, from: &str, to: &str| {
        let path = package.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit("services.csv", "s3,o2,", "s3,o9,");
    edit("attributes.csv", "at9,s4,t-esl", "at9,s4,t-missing");
    edit("attributes.csv", "at10,l4,", "at10,l7,");
    edit("addresses.csv", "a2,l2,", "a2,,");
    let mapping = dir.path().join("mapping.toml");
    std::fs::write(&mapping, MAPPING).unwrap();
    let failed = partnermap()
        .arg("import")
        .arg(&package)
        .arg("--mapping")
        .arg(&mapping)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2);
    let stderr = String::from_utf8(failed.get_output().stderr.clone())
        .unwrap()
        .replace(&package.display().to_string(), "broken");
    assert_eq!(
        stderr,
        "error: broken/addresses.csv, line 3, field \"location_id\": no location is named: the location_id is empty\n  \
         hint: give the id of its location, or delete the row\n\
         error: broken/attributes.csv, line 10, field \"taxonomy_term_id\": no taxonomy term has the id \"t-missing\" in broken/taxonomy_terms.csv\n\
         error: broken/attributes.csv, line 11, field \"link_id\": no location has the id \"l7\" in broken/locations.csv\n\
         error: broken/services.csv, line 4, field \"organization_id\": no organization has the id \"o9\" in broken/organizations.csv\n\
         4 errors in the input: nothing was analysed.\n"
    );
}
