//! Kumu's blueprint and sheets, laid out as Kumu's documentation lays them out.

use crate::model::Attributes;

/// The extra fields kept on an organization or partnership, in order.
fn kept(attributes: &Attributes) -> Vec<(&str, &str)> {
    attributes
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

mod blueprint {
    use super::super::super::testing::folder;
    use super::super::*;
    use super::kept;
    use crate::model::{OrganizationType, PartnershipKind};

    #[test]
    fn a_blueprint_as_kumu_documents_it_maps_types_tags_and_custom_fields() {
        let dir = folder(&[(
            "map.json",
            r#"{
  "elements": [
    {"label": "Forest City AJC", "type": "American Job Center", "description": "One-stop.",
     "tags": ["PWD", "Digital access", "mentoring circles"], "Budget": 120000, "Founded": "1998"},
    {"_id": "elem-2", "attributes": {"label": "Casa", "element type": "Person", "tags": ["ELL"]}}
  ],
  "connections": [
    {"from": "Forest City AJC", "to": "elem-2", "type": "Referral", "direction": "directed", "strength": 3},
    {"from": "Casa", "to": "Forest City AJC", "direction": "mutual", "since": "2020"}
  ]
}"#,
        )]);
        let path = dir.path().join("map.json");
        assert!(is_blueprint(&path));
        let read = read_kumu(&path);
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let [ajc, casa] = &coalition.organizations[..] else {
            panic!("two organizations")
        };
        assert_eq!(
            (ajc.id.as_str(), ajc.kind),
            ("forest-city-ajc", OrganizationType::AmericanJobCenter)
        );
        assert_eq!(ajc.notes.as_deref(), Some("One-stop."));
        assert_eq!(
            (ajc.populations.as_slice(), ajc.domains.as_slice()),
            (
                &["people-with-disabilities".to_string()][..],
                &["digital-access".to_string()][..]
            )
        );
        let extra = kept(&ajc.attributes);
        assert_eq!(
            extra,
            [
                ("Budget", "120000"),
                ("Founded", "1998"),
                ("tags", "mentoring circles")
            ]
        );
        assert_eq!(
            (casa.id.as_str(), casa.kind),
            ("elem-2", OrganizationType::Other)
        );
        assert_eq!(casa.attributes["type"], "Person");
        assert_eq!(casa.populations, ["english-language-learners"]);
        let [referral, mutual] = &coalition.partnerships[..] else {
            panic!("two partnerships")
        };
        assert_eq!(
            (referral.kind, referral.directed, referral.strength),
            (PartnershipKind::Referral, true, 3)
        );
        assert_eq!(
            (referral.source.as_str(), referral.target.as_str()),
            ("forest-city-ajc", "elem-2")
        );
        assert_eq!(
            (mutual.directed, mutual.since.as_deref()),
            (false, Some("2020"))
        );
    }
}

mod sheets {
    use super::super::super::testing::{error, folder};
    use super::super::*;
    use super::kept;
    use crate::model::{OrganizationType, PartnershipKind};

    #[test]
    fn sheets_as_kumu_lays_them_out_with_lists_ignored_sheets_and_custom_fields() {
        let dir = folder(&[
            (
                "Elements.csv",
                "Label,Type,Description,Tags,Image,Email,Budget\n\
                 Forest City AJC,American Job Center,One-stop,PWD | Digital access | mentoring,,info@ajc.example,120000\n\
                 Casa,Person,,ELL,,,\n",
            ),
            ("Elements (ignore).csv", "not,a,sheet\n\"broken\n"),
            (
                "Connections.csv",
                "From,To,Type,Label,Description,Tags,Strength\n\
                 Forest City AJC,Casa,Referral,refers,Weekly calls,priority|2024,3\n\
                 Casa,Nowhere,,,,,\n",
            ),
        ]);
        let (elements, connections) = sheets_in(dir.path()).unwrap();
        assert!(elements.ends_with("Elements.csv"));
        let read = read_kumu_sheets(dir.path(), &elements, connections.as_deref());
        let file = connections.unwrap().display().to_string();
        assert_eq!(
            read.diagnostics,
            [error(
                &file,
                Some(3),
                Some("To"),
                "connection on line 3: \"Nowhere\" is not an element's _id or label",
                Some("name an element by its label")
            )]
        );
        let coalition = read.coalition.unwrap();
        let ajc = &coalition.organizations[0];
        assert_eq!(ajc.kind, OrganizationType::AmericanJobCenter);
        assert_eq!((ajc.populations.len(), ajc.domains.len()), (1, 1));
        let extra = kept(&ajc.attributes);
        assert_eq!(
            extra,
            [
                ("Budget", "120000"),
                ("Email", "info@ajc.example"),
                ("tags", "mentoring")
            ]
        );
        assert_eq!(coalition.organizations[1].attributes["type"], "Person");
        let tie = &coalition.partnerships[0];
        assert_eq!(
            (tie.kind, tie.strength, tie.notes.as_deref()),
            (PartnershipKind::Referral, 3, Some("Weekly calls"))
        );
        let extra = kept(&tie.attributes);
        assert_eq!(extra, [("Label", "refers"), ("tags", "priority; 2024")]);
        assert_eq!(read.origins.partnerships[0].line, Some(2));
    }

    #[test]
    fn an_elements_sheet_may_start_with_id_and_connections_name_elements_by_it() {
        let dir = folder(&[
            ("elements.csv", "ID,Type\nfc-ajc,AJC\ncasa,nonprofit\n"),
            ("connections.csv", "From,To\nfc-ajc,casa\n"),
        ]);
        let (elements, connections) = sheets_in(dir.path()).unwrap();
        let read = read_kumu_sheets(dir.path(), &elements, connections.as_deref());
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let orgs: Vec<(&str, &str)> = coalition
            .organizations
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        assert_eq!(orgs, [("fc-ajc", "fc-ajc"), ("casa", "casa")]);
        assert_eq!(coalition.partnerships[0].target, "casa");
    }
}

mod workbook {
    use super::super::super::testing::error;
    use super::super::*;
    use super::kept;
    use crate::model::{OrganizationType, PartnershipKind};
    use rust_xlsxwriter::Workbook;

    /// A workbook with `sheets`, each a name and its rows of text cells.
    fn workbook(sheets: &[(&str, &[&[&str]])]) -> tempfile::TempDir {
        let mut workbook = Workbook::new();
        for (name, rows) in sheets {
            let worksheet = workbook.add_worksheet();
            worksheet.set_name(*name).unwrap();
            for (r, row) in rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    if !cell.is_empty() {
                        worksheet.write_string(r as u32, c as u16, *cell).unwrap();
                    }
                }
            }
        }
        let dir = tempfile::tempdir().unwrap();
        workbook.save(dir.path().join("map.xlsx")).unwrap();
        dir
    }

    #[test]
    fn a_workbook_as_kumu_lays_it_out_with_lists_ignored_sheets_and_custom_fields() {
        let dir = workbook(&[
            (
                "(ignore) old elements",
                &[&["Label", "Type"], &["Gone", "bank"]],
            ),
            (
                "Elements",
                &[
                    &[
                        "Label",
                        "Type",
                        "Description",
                        "Tags",
                        "Image",
                        "Email",
                        "Budget",
                    ],
                    &[
                        "Forest City AJC",
                        "American Job Center",
                        "One-stop",
                        "PWD | Digital access | mentoring",
                        "",
                        "info@ajc.example",
                        "120000",
                    ],
                    &[
                        "Casa",
                        "Person",
                        "",
                        "ELL",
                        "https://casa.example/logo.png",
                        "",
                        "",
                    ],
                    &["Bank", "bank", "", "", "", "", ""],
                ],
            ),
            (
                "Connections",
                &[
                    &[
                        "From",
                        "To",
                        "Type",
                        "Label",
                        "Description",
                        "Tags",
                        "Strength",
                        "Direction",
                    ],
                    &[
                        "Forest City AJC",
                        "Casa|Bank",
                        "Referral",
                        "refers",
                        "Weekly calls",
                        "priority|2024",
                        "3",
                        "directed",
                    ],
                    &["Casa", "Nowhere", "", "", "", "", "", ""],
                ],
            ),
        ]);
        let path = dir.path().join("map.xlsx");
        assert!(is_kumu_workbook(&path));
        let read = read_kumu_workbook(&path);
        let file = path.display().to_string();
        assert_eq!(
            read.diagnostics,
            [error(
                &file,
                Some(3),
                Some("To"),
                "connection on row 3: \"Nowhere\" is not an element's _id or label",
                Some("name an element by its label")
            )
            .in_sheet("Connections")]
        );
        let coalition = read.coalition.unwrap();
        let names: Vec<&str> = coalition
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["Forest City AJC", "Casa", "Bank"]);
        let ajc = &coalition.organizations[0];
        assert_eq!(ajc.kind, OrganizationType::AmericanJobCenter);
        assert_eq!(ajc.notes.as_deref(), Some("One-stop"));
        assert_eq!(
            (ajc.populations.as_slice(), ajc.domains.as_slice()),
            (
                &["people-with-disabilities".to_string()][..],
                &["digital-access".to_string()][..]
            )
        );
        let extra = kept(&ajc.attributes);
        assert_eq!(
            extra,
            [
                ("Budget", "120000"),
                ("Email", "info@ajc.example"),
                ("tags", "mentoring")
            ]
        );
        let casa = &coalition.organizations[1];
        assert_eq!(
            (
                casa.attributes["type"].as_str(),
                casa.attributes["Image"].as_str()
            ),
            ("Person", "https://casa.example/logo.png")
        );
        assert_eq!(casa.populations, ["english-language-learners"]);
        // Kumu draws a connection from From to each element of a | list in To.
        let ends: Vec<(&str, &str)> = coalition
            .partnerships
            .iter()
            .map(|p| (p.source.as_str(), p.target.as_str()))
            .collect();
        assert_eq!(
            ends,
            [("forest-city-ajc", "casa"), ("forest-city-ajc", "bank")]
        );
        for tie in &coalition.partnerships {
            assert_eq!(
                (tie.kind, tie.strength, tie.directed, tie.notes.as_deref()),
                (PartnershipKind::Referral, 3, true, Some("Weekly calls"))
            );
            let extra = kept(&tie.attributes);
            assert_eq!(extra, [("Label", "refers"), ("tags", "priority; 2024")]);
        }
        assert_eq!(read.origins.partnerships[1].line, Some(2));
    }

    #[test]
    fn a_workbook_without_an_elements_sheet_is_an_error_naming_its_sheets() {
        let dir = workbook(&[
            ("Elements (ignore)", &[&["Label"], &["A"]]),
            ("Connections", &[&["From", "To"], &["A", "B"]]),
        ]);
        let path = dir.path().join("map.xlsx");
        assert!(!is_kumu_workbook(&path));
        let read = read_kumu_workbook(&path);
        assert_eq!(
            read.diagnostics,
            [error(
                &path.display().to_string(),
                None,
                None,
                "the workbook has no Elements sheet (its sheets: Connections)",
                Some("Kumu's workbook has a sheet named Elements (Label, Type, …) and one named Connections (From, To, …)")
            )]
        );
    }
}
