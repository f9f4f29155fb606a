//! Metrics weighted by trust against NetworkX 3.6.1 (absolute tolerance 1e-9), on the coalition
//! `tests/fixtures/make_trust_reference.py` writes: betweenness along distances 1/trust, weighted
//! degree, constraint and effective size with trust as the strength of a tie, an unrated tie
//! weighing 2.5. The same network weighted by value (no partnership has one) is every tie at 2.5.
mod common;

use common::assert_all_close;
use partnermap_analysis::brokers::{network_metrics, MetricsOptions, Weight};
use partnermap_core::Landscape;
use serde_json::Value;

fn fixture() -> Value {
    let path = format!(
        "{}/tests/fixtures/trust_weighted.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
        .collect()
}

#[test]
fn trust_weighted_metrics_match_networkx() {
    let fx = fixture();
    let coalition =
        partnermap_core::load::from_json_str("trust.json", &fx["coalition"].to_string())
            .unwrap()
            .coalition;
    let rated = coalition
        .partnerships
        .iter()
        .filter(|p| p.trust.is_some())
        .count();
    assert!(
        rated > 0 && rated < coalition.partnerships.len(),
        "some rated, some not"
    );
    let landscape = Landscape::build(&coalition);
    let options = MetricsOptions {
        weighted: true,
        weight: Weight::Trust,
        ..Default::default()
    };
    let metrics = network_metrics(&landscape, options);
    let reference = &fx["reference"];
    let column = |f: fn(&partnermap_analysis::metrics::OrganizationMetrics) -> f64| -> Vec<f64> {
        metrics
            .organizations
            .iter()
            .map(|o| f(&o.measures))
            .collect()
    };
    assert_all_close(
        "betweenness",
        &column(|m| m.betweenness),
        &floats(&reference["betweenness"]),
    );
    assert_all_close(
        "weighted degree",
        &column(|m| m.weighted_degree),
        &floats(&reference["weighted_degree"]),
    );
    assert_all_close(
        "constraint",
        &column(|m| m.constraint),
        &floats(&reference["constraint"]),
    );
    assert_all_close(
        "effective size",
        &column(|m| m.effective_size),
        &floats(&reference["effective_size"]),
    );
    assert_all_close(
        "betweenness centralization",
        &[metrics.network.betweenness_centralization],
        &[reference["betweenness_centralization"].as_f64().unwrap()],
    );
    // Trust changes who lies on the shortest chains: not the unweighted result.
    let plain = network_metrics(&landscape, MetricsOptions::default());
    assert!(plain
        .organizations
        .iter()
        .zip(&metrics.organizations)
        .any(|(a, b)| (a.measures.betweenness - b.measures.betweenness).abs() > 1e-6));
}

#[test]
fn an_unrated_tie_weighs_the_middle_of_the_scale() {
    let fx = fixture();
    let coalition =
        partnermap_core::load::from_json_str("trust.json", &fx["coalition"].to_string())
            .unwrap()
            .coalition;
    let landscape = Landscape::build(&coalition);
    let by_value = network_metrics(
        &landscape,
        MetricsOptions {
            weighted: true,
            weight: Weight::Value,
            ..Default::default()
        },
    );
    // No partnership has a value score: every tie weighs 2.5, so weighted degree is 2.5 × degree
    // and betweenness is the unweighted one.
    let plain = network_metrics(&landscape, MetricsOptions::default());
    for (v, p) in by_value.organizations.iter().zip(&plain.organizations) {
        assert!((v.measures.weighted_degree - 2.5 * p.measures.degree as f64).abs() < 1e-12);
        assert!((v.measures.betweenness - p.measures.betweenness).abs() < 1e-12);
    }
}
