use super::*;

#[test]
fn choices_parse_ids_labels_and_aliases() {
    assert_eq!(
        OrganizationType::parse("AJC"),
        Ok(OrganizationType::AmericanJobCenter)
    );
    assert_eq!(
        OrganizationType::parse("Anchor institution"),
        Ok(OrganizationType::AnchorInstitution)
    );
    assert_eq!(
        OrganizationType::parse("nonprofit"),
        Ok(OrganizationType::CommunityBasedNonprofit)
    );
    assert_eq!(Status::parse("keep informed"), Ok(Status::KeepInformed));
    assert_eq!(
        PartnershipKind::parse("MOU"),
        Ok(PartnershipKind::FormalMou)
    );
    assert_eq!(
        OrganizationType::parse("finanical institution"),
        Err(Some("Financial institution".to_string()))
    );
}

#[test]
fn term_lists_are_reached_by_kind() {
    let mut org = Organization::new("a", "A", OrganizationType::Business);
    let mut priorities = Priorities::default();
    let mut extra = ExtraTerms::default();
    for (kind, id) in TermKind::ALL.into_iter().zip(["p", "d", "a"]) {
        org.terms_mut(kind).push(id.to_string());
        priorities.terms_mut(kind).push(id.to_string());
        extra.terms_mut(kind).push(Term {
            id: id.to_string(),
            label: id.to_uppercase(),
            aliases: Vec::new(),
        });
    }
    assert_eq!(
        (
            org.populations[0].as_str(),
            org.domains[0].as_str(),
            org.assets[0].as_str()
        ),
        ("p", "d", "a")
    );
    assert_eq!(priorities.terms(TermKind::Domain), ["d"]);
    assert_eq!(extra.terms(TermKind::Asset)[0].label, "A");
    assert!(!extra.is_empty());
    let weights = PlannerWeights::default();
    assert_eq!(TermKind::ALL.map(|k| weights.of(k)), [3.0, 2.0, 2.0]);
}

#[test]
fn choice_ids_round_trip_through_json() {
    for &kind in OrganizationType::ALL {
        let json = serde_json::to_string(&kind).unwrap();
        assert_eq!(json, format!("\"{}\"", kind.id()));
        assert_eq!(OrganizationType::parse(kind.id()), Ok(kind));
    }
}
