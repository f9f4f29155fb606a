use super::*;
use partnermap_core::model::{Organization, OrganizationType, Partnership, PartnershipKind};
use Status::*;

/// The introductions to "young people", whom every organization serves, in a coalition whose
/// first organization convenes and whose ties run one way with the strengths given.
fn found(statuses: &[(&str, Status)], ties: &[(&str, &str, u8)]) -> Vec<Introduction> {
    let mut coalition = Coalition::new("Test");
    for (id, status) in statuses {
        let mut org = Organization::new(id, &id.to_uppercase(), OrganizationType::Other);
        org.status = *status;
        org.populations.push("young-people".into());
        coalition.organizations.push(org);
    }
    coalition.convener = Some(statuses[0].0.to_string());
    for (a, b, strength) in ties {
        let mut tie = Partnership::new(a, b);
        (tie.kind, tie.strength, tie.directed) = (PartnershipKind::Informal, *strength, true);
        coalition.partnerships.push(tie);
    }
    let landscape = Landscape::build(&coalition);
    introductions(&landscape, TermKind::Population, "young-people", false).unwrap()
}

#[test]
fn the_stronger_of_two_equally_short_chains_wins() {
    let found = found(
        &[
            ("hub", Member),
            ("weak", Existing),
            ("strong", Existing),
            ("target", Potential),
        ],
        &[
            ("hub", "weak", 3),
            ("weak", "target", 1),
            ("hub", "strong", 2),
            ("strong", "target", 2),
        ],
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, ["hub", "strong", "target"]);
    let strengths = (found[0].weakest_tie, found[0].total_strength);
    assert_eq!(strengths, (Some(2), Some(4)));
}

#[test]
fn potential_partners_do_not_pass_introductions_on() {
    let found = found(
        &[
            ("hub", Member),
            ("p1", Potential),
            ("p2", Potential),
            ("e", Existing),
        ],
        &[
            ("hub", "p1", 3),
            ("p1", "p2", 3),
            ("hub", "e", 1),
            ("e", "p2", 1),
        ],
    );
    let p2 = found.iter().find(|i| i.target_id == "p2").unwrap();
    assert_eq!(p2.path, ["hub", "e", "p2"]);
    assert_eq!(found[0].target_id, "p1", "the direct tie ranks first");
}

#[test]
fn unreachable_targets_are_listed_last_without_a_chain() {
    let found = found(
        &[
            ("hub", Member),
            ("island", Potential),
            ("near", KeepInformed),
        ],
        &[("hub", "near", 1)],
    );
    let targets: Vec<&str> = found.iter().map(|i| i.target_id.as_str()).collect();
    assert_eq!(targets, ["near", "island"]);
    assert!(found[1].path.is_empty() && found[1].introducer.is_none());
}
