use super::*;
use partnermap_core::model::Coalition;
use partnermap_core::model::OrganizationType;
use proptest::prelude::*;

fn organization(
    id: &str,
    status: Status,
    populations: &[&str],
    domains: &[&str],
    assets: &[&str],
) -> Organization {
    let mut organization = Organization::new(id, &id.to_uppercase(), OrganizationType::Other);
    organization.status = status;
    organization.populations = populations.iter().map(|s| s.to_string()).collect();
    organization.domains = domains.iter().map(|s| s.to_string()).collect();
    organization.assets = assets.iter().map(|s| s.to_string()).collect();
    organization
}

/// Four priority populations, one per class, and a domain and asset to match.
fn small() -> Coalition {
    let mut coalition = Coalition::new("Small");
    coalition.convener = Some("wdb".into());
    coalition.priorities.populations = vec![
        "housing-instability".into(),
        "justice-involved".into(),
        "english-language-learners".into(),
        "young-people".into(),
    ];
    coalition.priorities.domains = vec!["employment-opportunities".into()];
    coalition.priorities.assets = vec!["data-sharing".into()];
    coalition.organizations = vec![
        organization(
            "wdb",
            Status::Member,
            &["young-people"],
            &["employment-opportunities"],
            &["convening-power"],
        ),
        organization(
            "casa",
            Status::Existing,
            &["english-language-learners", "young-people"],
            &["employment-opportunities"],
            &[],
        ),
        organization(
            "reentry",
            Status::Potential,
            &["justice-involved"],
            &["employment-opportunities"],
            &["data-sharing"],
        ),
        organization(
            "legal-aid",
            Status::KeepInformed,
            &["housing-instability"],
            &["just-policing"],
            &[],
        ),
    ];
    coalition
}

fn class_of(coverage: &Coverage, kind: TermKind, id: &str) -> Class {
    coverage
        .priorities
        .iter()
        .chain(&coverage.others)
        .find(|t| t.term.kind == kind && t.term.id == id)
        .map(|t| t.class)
        .unwrap()
}

#[test]
fn every_class_is_assigned_by_in_network_and_potential_providers() {
    let report = coverage(&Landscape::build(&small()));
    let classes: Vec<Class> = report.priorities.iter().map(|t| t.class).collect();
    assert_eq!(
        classes,
        [
            // Keep-informed organizations do not count, nor make a term reachable.
            Class::Uncovered,
            Class::Reachable,
            Class::Thin,
            Class::Covered,
            Class::Covered,
            Class::Reachable,
        ]
    );
    let reachable = &report.priorities[1].providers;
    assert_eq!(reachable.potential[0].name, "REENTRY");
    let uncovered = &report.priorities[0].providers;
    assert_eq!(uncovered.keep_informed[0].id, "legal-aid");
    let thin = &report.priorities[2].providers;
    assert_eq!(thin.in_network_providers().next().unwrap().id, "casa");
}

#[test]
fn terms_nobody_prioritised_are_listed_separately() {
    let report = coverage(&Landscape::build(&small()));
    let others: Vec<(TermKind, &str)> = report
        .others
        .iter()
        .map(|t| (t.term.kind, t.term.id.as_str()))
        .collect();
    assert_eq!(
        others,
        [
            (TermKind::Domain, "just-policing"),
            (TermKind::Asset, "convening-power")
        ]
    );
    assert!(report.others.iter().all(|t| !t.priority));
    assert_eq!(
        class_of(&report, TermKind::Asset, "convening-power"),
        Class::Thin
    );
    assert_eq!(
        report.priorities[0].term.label,
        "People experiencing housing instability or homelessness"
    );
}

#[test]
fn matrix_cells_need_the_population_and_the_domain_in_one_organization() {
    let mut coalition = small();
    coalition.priorities.domains.push("digital-access".into());
    // Serves young people and works in digital access, but not in employment.
    coalition.organizations.push(organization(
        "library",
        Status::Existing,
        &["english-language-learners"],
        &["digital-access"],
        &[],
    ));
    let matrix = coverage(&Landscape::build(&coalition)).matrix;
    assert_eq!(matrix.cells.len(), 4 * 2);
    let classes: Vec<Vec<Class>> = (0..4)
        .map(|p| (0..2).map(|d| matrix.cell(p, d).class).collect())
        .collect();
    assert_eq!(
        classes,
        [
            [Class::Uncovered, Class::Uncovered],
            [Class::Reachable, Class::Uncovered],
            [Class::Thin, Class::Thin],
            [Class::Covered, Class::Uncovered],
        ]
    );
    let cell = matrix.cell(2, 1);
    assert_eq!(
        (cell.population.id.as_str(), cell.domain.id.as_str()),
        ("english-language-learners", "digital-access")
    );
    assert_eq!(cell.providers.existing[0].id, "library");
}

#[test]
fn what_if_reports_losses_when_organizations_leave() {
    let coalition = small();
    let scenario = Scenario {
        without: vec!["casa".into()],
        with: vec![],
    };
    let diff = what_if(&Landscape::build(&coalition), &scenario).unwrap();
    assert_eq!(diff.without[0].name, "CASA");
    let terms: Vec<(&str, Class, Class)> = diff
        .terms
        .iter()
        .map(|t| (t.term.id.as_str(), t.change.before, t.change.after))
        .collect();
    assert_eq!(
        terms,
        [
            ("english-language-learners", Class::Thin, Class::Uncovered),
            ("young-people", Class::Covered, Class::Thin),
            ("employment-opportunities", Class::Covered, Class::Thin),
        ]
    );
    let cells: Vec<(&str, Class, Class)> = diff
        .cells
        .iter()
        .map(|c| (c.population.id.as_str(), c.change.before, c.change.after))
        .collect();
    assert_eq!(
        cells,
        [
            ("english-language-learners", Class::Thin, Class::Uncovered),
            ("young-people", Class::Covered, Class::Thin),
        ]
    );
}

#[test]
fn what_if_reports_gains_when_potential_partners_join() {
    let coalition = small();
    let scenario = Scenario {
        without: vec![],
        with: vec!["reentry".into(), "legal-aid".into()],
    };
    let diff = what_if(&Landscape::build(&coalition), &scenario).unwrap();
    let terms: Vec<(&str, Class, Class, usize)> = diff
        .terms
        .iter()
        .map(|t| {
            (
                t.term.id.as_str(),
                t.change.before,
                t.change.after,
                t.change.in_network_after,
            )
        })
        .collect();
    assert_eq!(
        terms,
        [
            ("housing-instability", Class::Uncovered, Class::Thin, 1),
            ("justice-involved", Class::Reachable, Class::Thin, 1),
            ("data-sharing", Class::Reachable, Class::Thin, 1),
        ]
    );
    assert_eq!(diff.cells.len(), 1);
    assert_eq!(diff.cells[0].change.after, Class::Thin);
}

#[test]
fn scenarios_reject_unknown_organizations_members_and_contradictions() {
    let coalition = small();
    let apply = |without: &[&str], with: &[&str]| {
        Scenario {
            without: without.iter().map(|s| s.to_string()).collect(),
            with: with.iter().map(|s| s.to_string()).collect(),
        }
        .apply(&Landscape::build(&coalition))
        .map(|_| ())
    };
    assert_eq!(
        apply(&["nobody"], &[]),
        Err(vec![ScenarioError::UnknownOrganization {
            side: Side::Leaving,
            text: "nobody".into(),
            lookup: partnermap_core::LookupError::NotFound { suggestion: None },
        }])
    );
    assert_eq!(
        apply(&[], &["casa"]),
        Err(vec![ScenarioError::AlreadyInNetwork {
            name: "CASA".into(),
            status: Status::Existing,
        }])
    );
    assert_eq!(
        apply(&["reentry"], &["reentry"]),
        Err(vec![ScenarioError::LeavesAndJoins("REENTRY".into())])
    );
    // Every problem at once, not the first.
    assert_eq!(
        apply(&["nobody"], &["casa", "reentry", "wdb"])
            .unwrap_err()
            .len(),
        3
    );
}

#[test]
fn resilience_names_what_each_partner_alone_holds_up() {
    let coalition = small();
    let report = resilience(
        &Landscape::build(&coalition),
        &coverage(&Landscape::build(&coalition)),
    );
    let order: Vec<(&str, usize)> = report
        .iter()
        .map(|d| (d.organization.id.as_str(), d.damage))
        .collect();
    assert_eq!(order, [("casa", 2), ("wdb", 0)]);
    assert_eq!(report[0].terms[0].term.id, "english-language-learners");
    assert_eq!(report[0].cells[0].change.after, Class::Uncovered);
}

#[test]
fn resilience_ties_are_broken_by_name() {
    let mut coalition = small();
    coalition.organizations[0].name = "Zeta Board".into();
    coalition.organizations[1].name = "Alpha Casa".into();
    // Each now alone serves one population, and that population in employment.
    coalition.organizations[1].populations = vec!["english-language-learners".into()];
    let report = resilience(
        &Landscape::build(&coalition),
        &coverage(&Landscape::build(&coalition)),
    );
    let order: Vec<(&str, usize)> = report
        .iter()
        .map(|d| (d.organization.name.as_str(), d.damage))
        .collect();
    assert_eq!(order, [("Alpha Casa", 2), ("Zeta Board", 2)]);
}

#[test]
fn convener_overlap_ranks_shared_customers_then_additions() {
    let report = convener_overlap(&Landscape::build(&small())).unwrap();
    assert_eq!(report.convener.id, "wdb");
    let ranked: Vec<(&str, usize, usize)> = report
        .organizations
        .iter()
        .map(|o| (o.organization.id.as_str(), o.shared(), o.adds.len()))
        .collect();
    assert_eq!(
        ranked,
        [("casa", 2, 1), ("reentry", 1, 2), ("legal-aid", 0, 1)]
    );
    let mut coalition = small();
    coalition.convener = Some("nobody".into());
    assert_eq!(convener_overlap(&Landscape::build(&coalition)), None);
}

const POPULATIONS: [&str; 3] = ["young-people", "low-income", "justice-involved"];
const DOMAINS: [&str; 2] = ["digital-access", "housing-stability"];
const ASSETS: [&str; 2] = ["data-sharing", "staff-capacity"];

fn pick(all: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence(all, 0..=all.len())
        .prop_map(|v| v.into_iter().map(String::from).collect())
}

fn arbitrary_coalition() -> impl Strategy<Value = Coalition> {
    let status = proptest::sample::select(Status::ALL);
    let organization = (status, pick(&POPULATIONS), pick(&DOMAINS), pick(&ASSETS));
    (
        proptest::collection::vec(organization, 1..7),
        pick(&POPULATIONS),
        pick(&DOMAINS),
    )
        .prop_map(|(organizations, populations, domains)| {
            let mut coalition = Coalition::new("Random");
            coalition.priorities.populations = populations;
            coalition.priorities.domains = domains;
            coalition.priorities.assets = ASSETS.iter().map(|s| s.to_string()).collect();
            for (i, (status, populations, domains, assets)) in organizations.into_iter().enumerate()
            {
                let mut org = Organization::new(
                    &format!("o{i}"),
                    &format!("Org {i}"),
                    OrganizationType::Other,
                );
                org.status = status;
                org.populations = populations;
                org.domains = domains;
                org.assets = assets;
                coalition.organizations.push(org);
            }
            coalition
        })
}

/// Every priority term and matrix cell with its in-network count and class, in order.
fn levels(coverage: &Coverage) -> Vec<(usize, Class)> {
    coverage
        .priorities
        .iter()
        .map(|t| (t.providers.in_network(), t.class))
        .chain(
            coverage
                .matrix
                .cells
                .iter()
                .map(|c| (c.providers.in_network(), c.class)),
        )
        .collect()
}

proptest! {
    #[test]
    fn removing_an_organization_never_improves_coverage(coalition in arbitrary_coalition(), pick in any::<prop::sample::Index>()) {
        let leaving = &coalition.organizations[pick.index(coalition.organizations.len())];
        let scenario = Scenario { without: vec![leaving.id.clone()], with: vec![] };
        let before = levels(&coverage(&Landscape::build(&coalition)));
        let after = levels(&coverage(&Landscape::build(&scenario.apply(&Landscape::build(&coalition)).unwrap().after)));
        for ((count_before, class_before), (count_after, class_after)) in before.iter().zip(&after) {
            prop_assert!(count_after <= count_before);
            prop_assert!(class_after <= class_before);
        }
        let diff = what_if(&Landscape::build(&coalition), &scenario).unwrap();
        prop_assert!(diff.terms.iter().all(|t| t.change.after < t.change.before));
    }

    #[test]
    fn joining_then_leaving_undoes_the_join(coalition in arbitrary_coalition(), pick in any::<prop::sample::Index>()) {
        let candidates: Vec<&Organization> = coalition.organizations.iter().filter(|o| o.status == Status::Potential).collect();
        prop_assume!(!candidates.is_empty());
        let joining = candidates[pick.index(candidates.len())].id.clone();
        let with = Scenario { without: vec![], with: vec![joining.clone()] };
        let without = Scenario { without: vec![joining.clone()], with: vec![] };
        let joined = with.apply(&Landscape::build(&coalition)).unwrap().after;
        // Leaving removes the organization altogether, so the round trip lands where the
        // organization never existed...
        let round_trip = coverage(&Landscape::build(&without.apply(&Landscape::build(&joined)).unwrap().after));
        prop_assert_eq!(&round_trip, &coverage(&Landscape::build(&without.apply(&Landscape::build(&coalition)).unwrap().after)));
        // ...and in-network coverage, which a potential partner never contributes to, is
        // exactly what it was before the join.
        prop_assert_eq!(
            round_trip.priorities.iter().map(|t| t.providers.in_network()).collect::<Vec<_>>(),
            coverage(&Landscape::build(&coalition)).priorities.iter().map(|t| t.providers.in_network()).collect::<Vec<_>>()
        );
        // The join's difference is exactly undone by the leave's.
        let gained = what_if(&Landscape::build(&coalition), &with).unwrap();
        let lost = what_if(&Landscape::build(&joined), &without).unwrap();
        for change in &gained.terms {
            let undone = lost.terms.iter().find(|t| t.term == change.term).unwrap();
            prop_assert_eq!(undone.change.before, change.change.after);
            prop_assert_eq!(undone.change.in_network_after, change.change.in_network_before);
        }
    }

    #[test]
    fn resilience_agrees_with_what_if(coalition in arbitrary_coalition()) {
        let report = resilience(&Landscape::build(&coalition), &coverage(&Landscape::build(&coalition)));
        for dependency in report {
            let scenario = Scenario { without: vec![dependency.organization.id.clone()], with: vec![] };
            let diff = what_if(&Landscape::build(&coalition), &scenario).unwrap();
            let emptied = |c: &Change| c.in_network_after == 0;
            let terms: Vec<TermChange> = diff.terms.into_iter().filter(|t| emptied(&t.change)).collect();
            let cells: Vec<CellChange> = diff.cells.into_iter().filter(|c| emptied(&c.change)).collect();
            prop_assert_eq!(&dependency.terms, &terms);
            prop_assert_eq!(&dependency.cells, &cells);
        }
    }
}
