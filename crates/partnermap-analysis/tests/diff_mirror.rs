//! `diff` is symmetric: the diff of B against A is the mirror image of the diff of A against B,
//! and a snapshot compared with itself shows no change, on random pairs of snapshots drawn from
//! one pool of organizations (some renamed by id, so that matching by name is exercised).
use partnermap_analysis::diff::diff;
use partnermap_core::model::{Coalition, Organization, OrganizationType, Partnership, Status};
use partnermap_core::Landscape;
use proptest::prelude::*;

const POOL: usize = 6;
const STATUSES: [Status; 4] = [
    Status::Member,
    Status::Existing,
    Status::Potential,
    Status::KeepInformed,
];

/// Per organization: present?, status, id changed?, provides the priority domain?, provides
/// the priority population?; per pair: strength 0 (no tie) to 3, and a trust score.
type Snapshot = (Vec<(bool, usize, bool, bool, bool)>, Vec<(u8, Option<u8>)>);

fn snapshot() -> impl Strategy<Value = Snapshot> {
    (
        proptest::collection::vec(
            (
                any::<bool>(),
                0..4usize,
                proptest::bool::weighted(0.2),
                any::<bool>(),
                any::<bool>(),
            ),
            POOL,
        ),
        proptest::collection::vec(
            (0..4u8, proptest::option::of(1..=4u8)),
            POOL * (POOL - 1) / 2,
        ),
    )
}

fn coalition((orgs, ties): &Snapshot) -> Coalition {
    let mut c = Coalition::new("Pool");
    c.priorities.domains = vec!["digital-access".into()];
    c.priorities.populations = vec!["english-language-learners".into()];
    let mut id = vec![None; POOL];
    for (i, &(present, status, renamed, domain, population)) in orgs.iter().enumerate() {
        if !present {
            continue;
        }
        let the_id = if renamed {
            format!("org-{i}-new")
        } else {
            format!("org-{i}")
        };
        let mut o = Organization::new(
            &the_id,
            &format!("Organization {i}"),
            OrganizationType::Other,
        );
        o.status = STATUSES[status];
        if domain {
            o.domains.push("digital-access".into());
        }
        if population {
            o.populations.push("english-language-learners".into());
        }
        c.organizations.push(o);
        id[i] = Some(the_id);
    }
    let mut k = 0;
    for a in 0..POOL {
        for b in a + 1..POOL {
            let (strength, trust) = ties[k];
            k += 1;
            if let (Some(x), Some(y), true) = (&id[a], &id[b], strength > 0) {
                let mut p = Partnership::new(x, y);
                p.strength = strength;
                p.trust = trust.map(f64::from);
                c.partnerships.push(p);
            }
        }
    }
    c
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn diff_b_a_is_the_mirror_of_diff_a_b(a in snapshot(), b in snapshot()) {
        let (a, b) = (coalition(&a), coalition(&b));
        let (a, b) = (Landscape::build(&a), Landscape::build(&b));
        let forward = diff(&a, &b);
        prop_assert_eq!(diff(&b, &a), forward.mirror());
        prop_assert!(diff(&a, &a).is_empty());
        prop_assert_eq!(forward.mirror().mirror(), forward);
    }
}
