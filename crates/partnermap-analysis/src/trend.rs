//! The network over several snapshots (`partnermap trend S1 S2 S3 …`): the figures that
//! [`diff`](crate::diff) puts side by side, one value per snapshot, and each priority's
//! coverage class and number of providers in the network over time.

use crate::brokers::{network_metrics, MetricsOptions};
use crate::coverage::{coverage, Class, TermRef};
use crate::diff::figures;
use partnermap_core::Landscape;
use serde::Serialize;

/// One figure over the snapshots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// The figure's key, as in the diff (`organizations`, `density`, …).
    pub key: &'static str,
    /// Its value in each snapshot, in order; `None` (JSON `null`) where it is undefined
    /// (average trust of a network where nobody rated a partnership).
    pub values: Vec<Option<f64>>,
}

/// One priority over the snapshots.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityTrend {
    /// The term.
    #[serde(flatten)]
    pub term: TermRef,
    /// Its coverage class in each snapshot; `None` where it is not a priority of that one.
    pub classes: Vec<Option<Class>>,
    /// How many members and existing partners provide it in each snapshot (`None` as above).
    pub providers: Vec<Option<usize>>,
}

/// The network figures and the coverage of every priority, snapshot by snapshot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// Each snapshot's `as_of`, in the order given.
    pub as_of: Vec<Option<String>>,
    /// Every figure of the diff, in the diff's order.
    pub figures: Vec<Series>,
    /// Every term that is a priority of some snapshot: in the order of the first snapshot
    /// that has it (populations, domains, assets, each in the coalition's order).
    pub priorities: Vec<PriorityTrend>,
}

/// The trend over `snapshots`, oldest first.
///
/// ```
/// use partnermap_analysis::trend::trend;
/// let load = |json: &str| partnermap_core::load::from_json_str("x.json", json).unwrap().coalition;
/// let snapshot = |date: &str, ties: &str| load(&format!(r#"{{"name": "x", "as_of": "{date}",
///   "organizations": [{{"id": "a", "name": "A", "type": "other"}}, {{"id": "b", "name": "B", "type": "other"}},
///   {{"id": "c", "name": "C", "type": "other"}}], "partnerships": [{ties}]}}"#));
/// let snapshots = [
///     snapshot("2024-01-01", ""),
///     snapshot("2025-01-01", r#"{"source": "a", "target": "b"}"#),
///     snapshot("2026-01-01", r#"{"source": "a", "target": "b"}, {"source": "b", "target": "c"}"#),
/// ];
/// let landscapes: Vec<_> = snapshots.iter().map(partnermap_core::Landscape::build).collect();
/// let t = trend(&landscapes);
/// assert_eq!(t.figures[1].key, "partnerships");
/// assert_eq!(t.figures[1].values, [Some(0.0), Some(1.0), Some(2.0)]);
/// assert_eq!(t.as_of[2].as_deref(), Some("2026-01-01"));
/// ```
pub fn trend(snapshots: &[Landscape]) -> Trend {
    let n = snapshots.len();
    let mut series: Vec<Series> = Vec::new();
    let mut priorities: Vec<PriorityTrend> = Vec::new();
    for (at, landscape) in snapshots.iter().enumerate() {
        let metrics = network_metrics(landscape, MetricsOptions::default());
        for (k, (key, value)) in figures(&metrics).into_iter().enumerate() {
            if at == 0 {
                series.push(Series {
                    key,
                    values: vec![None; n],
                });
            }
            series[k].values[at] = value;
        }
        for t in coverage(landscape).priorities {
            let found = priorities
                .iter()
                .position(|p| p.term.kind == t.term.kind && p.term.id == t.term.id);
            let k = found.unwrap_or_else(|| {
                priorities.push(PriorityTrend {
                    term: t.term.clone(),
                    classes: vec![None; n],
                    providers: vec![None; n],
                });
                priorities.len() - 1
            });
            priorities[k].classes[at] = Some(t.class);
            priorities[k].providers[at] = Some(t.providers.in_network());
        }
    }
    Trend {
        as_of: snapshots
            .iter()
            .map(|l| l.coalition().as_of.clone())
            .collect(),
        figures: series,
        priorities,
    }
}
