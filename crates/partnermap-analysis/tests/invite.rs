//! The invite planner: exact search against brute force, greedy's guarantee, and the plan for
//! the Forest City example.

use partnermap_analysis::invite::{plan, Instance, SenderReason};
use partnermap_core::Landscape;
use proptest::prelude::*;
use std::path::Path;

fn instance() -> impl Strategy<Value = Instance> {
    (1usize..8, 1usize..10).prop_flat_map(|(needs, candidates)| {
        (
            prop::collection::vec((0.0f64..5.0, 0usize..3), needs),
            prop::collection::vec(
                prop::sample::subsequence((0..needs).collect::<Vec<_>>(), 0..=needs),
                candidates,
            ),
            prop::sample::select(vec![0.25, 0.5, 0.75, 1.0]),
        )
            .prop_map(|(needs, provides, decay)| Instance {
                needs,
                provides,
                decay,
            })
    })
}

fn brute_force(instance: &Instance, k: usize) -> f64 {
    let n = instance.provides.len();
    (0u32..1 << n)
        .filter(|mask| mask.count_ones() as usize <= k)
        .map(|mask| {
            let chosen: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            instance.value(&chosen)
        })
        .fold(0.0, f64::max)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn exact_equals_brute_force(instance in instance(), k in 1usize..=4) {
        let best = instance.exact(k).unwrap();
        prop_assert!(best.len() <= k);
        prop_assert!((instance.value(&best) - brute_force(&instance, k)).abs() < 1e-9);
    }

    #[test]
    fn greedy_is_within_one_minus_one_over_e_of_exact(instance in instance(), k in 1usize..=4) {
        let greedy = instance.value(&instance.greedy(k));
        let exact = instance.value(&instance.exact(k).unwrap());
        prop_assert!(greedy >= (1.0 - 1.0 / std::f64::consts::E) * exact - 1e-9, "greedy {greedy} exact {exact}");
        prop_assert!(greedy <= exact + 1e-9);
    }

    #[test]
    fn another_candidate_never_lowers_the_optimum(instance in instance(), extra in prop::collection::vec(0usize..8, 0..5), k in 1usize..=4) {
        let before = instance.value(&instance.exact(k).unwrap());
        let mut more = instance.clone();
        let mut extra: Vec<usize> = extra.into_iter().filter(|&n| n < more.needs.len()).collect();
        extra.sort_unstable();
        extra.dedup();
        more.provides.push(extra);
        let after = more.value(&more.exact(k).unwrap());
        prop_assert!(after >= before - 1e-9);
    }

    #[test]
    fn greedy_lists_are_already_in_order_of_gain(instance in instance(), k in 1usize..=4) {
        let greedy = instance.greedy(k);
        prop_assert_eq!(instance.in_order_of_gain(&greedy), greedy);
    }

    #[test]
    fn the_same_input_gives_the_same_list(instance in instance(), k in 1usize..=4) {
        prop_assert_eq!(instance.greedy(k), instance.clone().greedy(k));
        prop_assert_eq!(instance.exact(k), instance.clone().exact(k));
    }
}

#[test]
fn ties_go_to_the_earliest_candidate() {
    let instance = Instance {
        needs: vec![(1.0, 0), (1.0, 0)],
        provides: vec![vec![1], vec![0], vec![0]],
        decay: 0.5,
    };
    assert_eq!(instance.greedy(1), [0]);
    assert_eq!(instance.exact(1), Some(vec![0]));
}

#[test]
fn the_forest_city_plan_closes_the_reentry_gap_through_greater_hope() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city");
    let coalition = partnermap_core::load(&example).unwrap().coalition;
    let plan = plan(&Landscape::build(&coalition), 5, true);
    let exact = plan
        .exact
        .as_ref()
        .expect("7 potential and 4 keep-informed candidates are few enough");
    assert!(plan.greedy.value <= exact.value + 1e-9);
    assert_eq!(plan.picks.len(), 5);

    let reentry = plan
        .picks
        .iter()
        .find(|p| p.id == "reentry-network")
        .expect("the reentry network is invited");
    assert!(
        reentry
            .closes
            .contains(&"People involved in the criminal legal system".to_string()),
        "{reentry:?}"
    );
    assert_eq!(reentry.sender.id.as_deref(), Some("greater-hope"));
    assert_eq!(reentry.sender.reason, SenderReason::StrongestTie);

    let college = plan
        .picks
        .iter()
        .find(|p| p.id == "community-college")
        .expect("the college closes research capacity");
    assert_eq!(college.sender.id.as_deref(), Some("fc-wdb"));
    assert_eq!(college.sender.reason, SenderReason::Recorded);

    let left: Vec<&str> = plan.still_uncovered().map(|n| n.need.label()).collect();
    assert_eq!(
        left,
        ["People experiencing housing instability or homelessness"]
    );
}
