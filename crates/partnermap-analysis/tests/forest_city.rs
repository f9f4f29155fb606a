//! The Forest City example was built to show one gap of each kind; this pins them down.

use partnermap_analysis::coverage::{coverage, resilience, Class, Coverage};
use partnermap_core::Landscape;
use partnermap_core::TermKind;
use std::path::Path;

fn forest_city() -> partnermap_core::Coalition {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city");
    partnermap_core::load(&path).unwrap().coalition
}

/// The (kind, id) of every priority term with this class, with the names of the providers
/// that class is about: potential partners for reachable, the single provider for thin.
fn terms_in(report: &Coverage, class: Class) -> Vec<(TermKind, &str, Vec<&str>)> {
    report
        .priorities_in(class)
        .map(|t| {
            let names = match class {
                Class::Reachable => t.providers.potential.iter().collect(),
                Class::Thin => t.providers.in_network_providers().collect(),
                _ => Vec::new(),
            };
            (
                t.term.kind,
                t.term.id.as_str(),
                names.into_iter().map(|o| o.name.as_str()).collect(),
            )
        })
        .collect()
}

#[test]
fn forest_city_has_exactly_the_gaps_it_was_built_with() {
    let report = coverage(&Landscape::build(&forest_city()));
    let uncovered: Vec<_> = report.priorities_in(Class::Uncovered).collect();
    assert_eq!(uncovered.len(), 1);
    assert_eq!(uncovered[0].term.id, "housing-instability");
    assert_eq!(
        uncovered[0].term.label,
        "People experiencing housing instability or homelessness"
    );
    assert_eq!(uncovered[0].providers, Default::default());
    assert_eq!(
        terms_in(&report, Class::Reachable),
        [
            (
                TermKind::Population,
                "justice-involved",
                vec!["Second Chance Reentry Network"]
            ),
            (
                TermKind::Domain,
                "transportation-access",
                vec!["Forest City Transit Authority"]
            ),
            (
                TermKind::Asset,
                "research-capacity",
                vec!["Forest City Community College", "Mercy General Hospital"]
            ),
        ]
    );
    assert_eq!(
        terms_in(&report, Class::Thin),
        [
            (
                TermKind::Population,
                "english-language-learners",
                vec!["Casa de la Comunidad"]
            ),
            (
                TermKind::Domain,
                "digital-access",
                vec!["Forest City Public Library"]
            ),
            (
                TermKind::Asset,
                "data-sharing",
                vec!["Forest City Asset Builders"]
            ),
        ]
    );
    let covered = report.priorities_in(Class::Covered).count();
    assert_eq!(covered + 1 + 3 + 3, report.priorities.len());
    assert_eq!(report.priorities.len(), 8 + 7 + 5);
}

#[test]
fn forest_city_single_points_of_failure_lead_the_resilience_list() {
    let coalition = forest_city();
    let report = resilience(
        &Landscape::build(&coalition),
        &coverage(&Landscape::build(&coalition)),
    );
    let sole: Vec<&str> = report
        .iter()
        .filter(|d| !d.terms.is_empty())
        .map(|d| d.organization.name.as_str())
        .collect();
    let mut expected = vec![
        "Casa de la Comunidad",
        "Forest City Asset Builders",
        "Forest City Public Library",
    ];
    expected.sort();
    let mut found = sole.clone();
    found.sort();
    assert_eq!(found, expected);
    assert!(report.windows(2).all(|w| w[0].damage >= w[1].damage));
}
