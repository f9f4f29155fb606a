//! The same network gives the same metrics, communities included, however the rows of its files
//! are sorted: a convener who re-sorts a spreadsheet must not get different clusters.

use partnermap_analysis::brokers::{network_metrics, MetricsOptions};
use partnermap_core::Coalition;
use partnermap_core::Landscape;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

fn forest_city() -> Coalition {
    partnermap_core::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city"))
        .unwrap()
        .coalition
}

/// Figures by organization id, communities as sets of ids, and bridges as id pairs.
type Figures = (
    BTreeMap<String, String>,
    Vec<Vec<String>>,
    Vec<(String, String)>,
);

/// Every figure keyed by organization id, with communities as the sets of ids they hold.
fn figures(coalition: &Coalition) -> Figures {
    let metrics = network_metrics(&Landscape::build(coalition), MetricsOptions::default());
    let mut communities: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let by_id = metrics
        .organizations
        .iter()
        .map(|o| {
            communities
                .entry(o.measures.community)
                .or_default()
                .push(o.id.clone());
            let shown = format!(
                "{} {:.12} {:.12} {:.12} {:.12} {} {}",
                o.measures.degree,
                o.measures.betweenness,
                o.measures.closeness,
                o.measures.eigenvector,
                o.measures.constraint,
                o.measures.core_number,
                o.measures.articulation_point
            );
            (o.id.clone(), shown)
        })
        .collect();
    let mut communities: Vec<Vec<String>> = communities
        .into_values()
        .map(|mut c| {
            c.sort();
            c
        })
        .collect();
    communities.sort();
    (by_id, communities, metrics.network.bridges)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_rows_give_the_same_figures(organizations in any::<u64>(), partnerships in any::<u64>()) {
        let original = forest_city();
        let mut shuffled = original.clone();
        shuffle(&mut shuffled.organizations, organizations);
        shuffle(&mut shuffled.partnerships, partnerships);
        prop_assert_eq!(figures(&original), figures(&shuffled));
    }
}

fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        items.swap(i, (seed >> 33) as usize % (i + 1));
    }
}
