//! The project folder and the canonical JSON document hold the same information: writing a
//! valid coalition in one form and reading it back gives the same coalition.

use partnermap_core::load::{from_json_str, load};
use partnermap_core::lookup::OrganizationNames;
use partnermap_core::model::{
    Attributes, Coalition, Location, Organization, OrganizationType, Partnership, PartnershipKind,
    PlannerWeights, Status,
};
use partnermap_core::vocabulary::{slug, Term, TermKind, Vocabulary};
use partnermap_core::write::{export, to_json, write_folder, Format};
use proptest::prelude::*;
use std::path::Path;

fn free_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[A-Za-z0-9 ,;\"'<>&é\n-]{0,24}")
        .prop_map(|t| t.filter(|s| !s.trim().is_empty()))
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ,\"'&é-]{1,24}".prop_filter_map("names are trimmed and not blank", |s| {
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    })
}

fn term_ids(kind: TermKind) -> impl Strategy<Value = Vec<String>> {
    let ids: Vec<String> = Vocabulary::builtin()
        .terms(kind)
        .iter()
        .map(|t| t.id.clone())
        .collect();
    prop::sample::subsequence(ids.clone(), 0..=4.min(ids.len())).prop_shuffle()
}

/// Extra fields, some named like model fields (`type`, `kind`, `source`, `label`, `Weight`).
fn attributes(names: &'static [&'static str]) -> impl Strategy<Value = Attributes> {
    prop::collection::btree_map(
        prop::sample::select(names),
        "[A-Za-z0-9 ,;\"'<>&é\n-]{0,16}".prop_filter("non-blank", |v| !v.trim().is_empty()),
        0..3,
    )
    .prop_map(|m| m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn coordinate(limit: f64) -> impl Strategy<Value = Option<f64>> {
    prop::option::of(-limit..limit)
}

fn organization(i: usize) -> impl Strategy<Value = Organization> {
    (
        name(),
        prop::sample::select(OrganizationType::ALL.to_vec()),
        prop::sample::select(Status::ALL.to_vec()),
        (
            term_ids(TermKind::Population),
            term_ids(TermKind::Domain),
            term_ids(TermKind::Asset),
        ),
        (
            free_text(),
            free_text(),
            free_text(),
            free_text(),
            free_text(),
        ),
        (free_text(), free_text(), free_text(), free_text()),
        (coordinate(90.0), coordinate(180.0)),
        attributes(&[
            "Budget",
            "Founded",
            "type",
            "label",
            "Region",
            "Description",
            "tags",
        ]),
    )
        .prop_map(
            move |(name, kind, status, terms, table3, more, (lat, lon), attributes)| {
                let mut org = Organization::new(&format!("org-{i}"), &name, kind);
                org.status = status;
                (org.populations, org.domains, org.assets) = terms;
                (
                    org.aligned_initiatives,
                    org.motivations,
                    org.roles,
                    org.barriers,
                    org.invited_by,
                ) = table3;
                let (contact, website, city, notes) = more;
                (org.contact, org.website, org.notes) = (contact, website, notes);
                org.location = Location {
                    city,
                    county: None,
                    lat,
                    lon,
                };
                org.attributes = attributes;
                org
            },
        )
}

fn coalition() -> impl Strategy<Value = Coalition> {
    (1usize..8)
        .prop_flat_map(|n| {
            let organizations: Vec<_> = (0..n).map(organization).collect();
            let partnership = (
                0..n,
                0..n,
                prop::sample::select(PartnershipKind::ALL.to_vec()),
                1u8..=3,
                any::<bool>(),
                free_text(),
                free_text(),
                prop::option::of(0.01f64..100.0),
                (
                    prop::option::of(prop::sample::select(vec![
                        "information",
                        "money",
                        "Marital ties",
                    ])),
                    attributes(&["collab", "kind", "source", "Weight", "Label"]),
                ),
            );
            (
                name(),
                organizations,
                prop::collection::vec(partnership, 0..10),
                (
                    term_ids(TermKind::Population),
                    term_ids(TermKind::Domain),
                    term_ids(TermKind::Asset),
                ),
                free_text(),
                any::<bool>(),
                prop::option::of((
                    0.0f64..10.0,
                    0.0f64..10.0,
                    0.0f64..10.0,
                    0.0f64..10.0,
                    0.01f64..=1.0,
                )),
            )
        })
        .prop_map(
            |(name, organizations, ties, priorities, as_of, extra, planner)| {
                let mut coalition = Coalition::new(&name);
                coalition.convener = Some(organizations[0].id.clone());
                coalition.as_of = as_of;
                coalition.planner =
                    planner.map(|(population, domain, asset, cell, decay)| PlannerWeights {
                        population,
                        domain,
                        asset,
                        cell,
                        decay,
                    });
                (
                    coalition.priorities.populations,
                    coalition.priorities.domains,
                    coalition.priorities.assets,
                ) = priorities;
                if extra {
                    let veterans = Term {
                        id: "veterans".into(),
                        label: "Veterans".into(),
                        aliases: vec!["vets".into()],
                    };
                    coalition.vocabulary.populations.push(veterans);
                    coalition.priorities.populations.push("veterans".into());
                }
                coalition.partnerships = ties
                    .into_iter()
                    .filter(|(a, b, ..)| a != b)
                    .map(
                        |(
                            a,
                            b,
                            kind,
                            strength,
                            directed,
                            since,
                            notes,
                            weight,
                            (relation, attributes),
                        )| Partnership {
                            source: organizations[a].id.clone(),
                            target: organizations[b].id.clone(),
                            kind,
                            strength,
                            directed,
                            since,
                            notes,
                            weight,
                            trust: None,
                            value: None,
                            frequency: None,
                            relation: relation.map(str::to_string),
                            attributes,
                        },
                    )
                    .collect();
                coalition.organizations = organizations;
                coalition
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn folder_and_json_round_trip_losslessly(coalition in coalition()) {
        let dir = tempfile::tempdir().unwrap();
        write_folder(&coalition, dir.path()).unwrap();
        let from_folder = load(dir.path()).map_err(|e| {
            let shown: Vec<String> = e.diagnostics.iter().map(|d| d.to_string()).collect();
            TestCaseError::fail(shown.join("\n"))
        })?;
        prop_assert_eq!(&from_folder.coalition, &coalition);

        let json = to_json(&coalition);
        let from_json = from_json_str("round-trip.json", &json).unwrap();
        prop_assert_eq!(&from_json.coalition, &coalition);
        prop_assert_eq!(to_json(&from_folder.coalition), json);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// GraphML and GEXF carry every field, extra field, direction and weight: a folder written
    /// as either and read back gives the same canonical JSON.
    #[test]
    fn graphml_and_gexf_round_trip_losslessly(coalition in coalition()) {
        let dir = tempfile::tempdir().unwrap();
        write_folder(&coalition, &dir.path().join("folder")).unwrap();
        let folder = load(&dir.path().join("folder")).unwrap().coalition;
        for (format, file) in [(Format::Graphml, "network.graphml"), (Format::Gexf, "network.gexf")] {
            let path = dir.path().join(file);
            export(&folder, Some(format), &path, &[], false).unwrap();
            let back = load(&path).map_err(|e| {
                let shown: Vec<String> = e.diagnostics.iter().map(|d| d.to_string()).collect();
                TestCaseError::fail(format!("{file}: {}", shown.join("\n")))
            })?;
            prop_assert_eq!(to_json(&back.coalition), to_json(&coalition), "{}", file);
        }
        // Gephi's tables and Kumu's blueprint and workbook hold no coalition, only its
        // organizations and partnerships.
        for (format, file) in [
            (Format::GephiCsv, "gephi"),
            (Format::Kumu, "network.kumu.json"),
            (Format::KumuXlsx, "network.kumu.xlsx"),
        ] {
            let path = dir.path().join(file);
            export(&folder, Some(format), &path, &[], false).unwrap();
            let back = load(&path).map_err(|e| {
                let shown: Vec<String> = e.diagnostics.iter().map(|d| d.to_string()).collect();
                TestCaseError::fail(format!("{file}: {}", shown.join("\n")))
            })?;
            prop_assert_eq!(&back.coalition.organizations, &coalition.organizations, "{}", file);
            prop_assert_eq!(&back.coalition.partnerships, &coalition.partnerships, "{}", file);
        }
    }
}

/// What the worksheet workbook holds of `coalition`: no ids (they come from the names),
/// county, coordinates, extra fields, partnership weights or qualities, planner weights or
/// term aliases; Table 1's organizations before Table 2's, and the priorities in Part 1's
/// order (the worksheet's terms, then the coalition's own).
fn as_the_workbook_holds_it(coalition: &Coalition) -> Coalition {
    let mut c = coalition.clone();
    let id_of = |id: &str| {
        coalition
            .organizations
            .iter()
            .find(|o| o.id == id)
            .map_or(id.to_string(), |o| slug(&o.name))
    };
    for org in &mut c.organizations {
        org.id = slug(&org.name);
        org.location.county = None;
        (org.location.lat, org.location.lon) = (None, None);
        org.attributes.clear();
    }
    let (table1, table2): (Vec<Organization>, Vec<Organization>) = c
        .organizations
        .drain(..)
        .partition(|o| matches!(o.status, Status::Member | Status::Existing));
    c.organizations = table1.into_iter().chain(table2).collect();
    for p in &mut c.partnerships {
        (p.source, p.target) = (id_of(&p.source), id_of(&p.target));
        (p.weight, p.trust, p.value, p.frequency, p.relation) = (None, None, None, None, None);
        p.attributes.clear();
    }
    c.convener = c.convener.as_deref().map(id_of);
    // Table 4 names the sender; one that is an organization comes back as its id.
    let senders: Vec<Option<String>> = {
        let names = OrganizationNames::new(&c.organizations);
        c.organizations
            .iter()
            .map(|o| {
                o.invited_by
                    .as_deref()
                    .and_then(|text| names.find(text).ok())
            })
            .map(|found| found.map(|i| c.organizations[i].id.clone()))
            .collect()
    };
    for (org, sender) in c.organizations.iter_mut().zip(senders) {
        if sender.is_some() {
            org.invited_by = sender;
        }
    }
    c.planner = None;
    let builtin = Vocabulary::builtin();
    for kind in TermKind::ALL {
        for term in c.vocabulary.terms_mut(kind) {
            term.aliases.clear();
        }
        let order: Vec<String> = builtin
            .terms(kind)
            .iter()
            .chain(c.vocabulary.terms(kind))
            .map(|t| t.id.clone())
            .collect();
        c.priorities
            .terms_mut(kind)
            .sort_by_key(|id| order.iter().position(|o| o == id));
    }
    c
}

/// Coalitions whose organizations' names give distinct ids (the workbook joins by name).
fn workbook_coalition() -> impl Strategy<Value = Coalition> {
    (coalition(), free_text()).prop_filter_map("names give distinct ids", |(mut c, purpose)| {
        // coalition.toml's purpose is trimmed (it is often a multi-line string).
        c.purpose = purpose
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty());
        let mut ids: Vec<String> = c.organizations.iter().map(|o| slug(&o.name)).collect();
        ids.sort();
        ids.dedup();
        (ids.len() == c.organizations.len() && ids.iter().all(|i| !i.is_empty())).then_some(c)
    })
}

fn load_or_fail(path: &Path) -> Result<Coalition, TestCaseError> {
    load(path).map(|l| l.coalition).map_err(|e| {
        let shown: Vec<String> = e.diagnostics.iter().map(|d| d.to_string()).collect();
        TestCaseError::fail(format!("{}: {}", path.display(), shown.join("\n")))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// The workbook holds every field of the worksheet: a project written as the workbook and
    /// read back is the project as the workbook holds it, and workbook → folder → workbook →
    /// folder loses nothing.
    #[test]
    fn workbook_and_folder_round_trip_losslessly(coalition in workbook_coalition()) {
        let dir = tempfile::tempdir().unwrap();
        let expected = to_json(&as_the_workbook_holds_it(&coalition));
        let mut previous = None;
        for round in 0..2 {
            let workbook = dir.path().join(format!("round-{round}.xlsx"));
            let folder = dir.path().join(format!("round-{round}"));
            let from = previous.as_ref().unwrap_or(&coalition);
            export(from, None, &workbook, &[], false).unwrap();
            let read = load_or_fail(&workbook)?;
            prop_assert_eq!(to_json(&read), expected.clone(), "round {}: the workbook", round);
            export(&read, Some(Format::Folder), &folder, &[], false).unwrap();
            let read = load_or_fail(&folder)?;
            prop_assert_eq!(to_json(&read), expected.clone(), "round {}: the folder", round);
            previous = Some(read);
        }
    }
}

#[test]
fn the_example_survives_a_round_trip_through_json() {
    let example =
        load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city"))
            .unwrap();
    let json = to_json(&example.coalition);
    assert_eq!(
        from_json_str("example.json", &json).unwrap().coalition,
        example.coalition
    );
}
