//! What changed between two snapshots of a coalition (`partnermap diff OLD NEW`): organizations
//! that joined, left or changed status, partnerships added, ended, strengthened or weakened,
//! each priority's coverage before and after, the brokers that rose or fell, and the network
//! figures side by side.
//!
//! Organizations are matched by id, then, among those left unmatched, by name (normalised as
//! everywhere else), and a match by name is reported as an id change. Partnerships are matched
//! by their two (matched) ends and relation, whatever their direction. Every list is sorted by
//! something both snapshots share, so the diff of NEW against OLD is the mirror image of the
//! diff of OLD against NEW ([`Diff::mirror`]).

use crate::brokers::{network_metrics, MetricsOptions, NetworkMetrics};
use crate::coverage::{coverage, Class, TermRef};
use partnermap_core::model::Status;
use partnermap_core::vocabulary::normalize;
use partnermap_core::Landscape;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

mod union;
pub use union::{union, Union};

/// One value before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change<T> {
    /// In the old snapshot.
    pub before: T,
    /// In the new snapshot.
    pub after: T,
}

impl<T: Clone> Change<T> {
    fn mirror(&self) -> Change<T> {
        Change {
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// An organization as one snapshot has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its status.
    pub status: Status,
}

/// An organization that joined (`before` is `None`), left (`after` is `None`), or changed its
/// status, id or name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganizationChange {
    /// In the old snapshot.
    pub before: Option<Side>,
    /// In the new snapshot.
    pub after: Option<Side>,
    /// A potential partner (or one to keep informed) that became a member or existing partner.
    pub converted: bool,
    /// Matched by name under another id.
    pub id_changed: bool,
}

impl OrganizationChange {
    fn new(before: Option<Side>, after: Option<Side>) -> OrganizationChange {
        let status = |s: &Option<Side>| s.as_ref().map(|s| s.status);
        OrganizationChange {
            converted: matches!(
                status(&before),
                Some(Status::Potential | Status::KeepInformed)
            ) && status(&after).is_some_and(Status::is_in_network),
            id_changed: matches!((&before, &after), (Some(x), Some(y)) if x.id != y.id),
            before,
            after,
        }
    }

    /// The name to show: the new one, or the old one for an organization that left.
    pub fn name(&self) -> &str {
        self.after
            .as_ref()
            .or(self.before.as_ref())
            .map_or("", |s| s.name.as_str())
    }

    /// Sorts the same whichever snapshot comes first.
    fn order_key(&self) -> (String, String) {
        let names = [&self.before, &self.after]
            .map(|s| s.as_ref().map(|s| format!("{}\u{0}{}", s.name, s.id)));
        let mut names: Vec<String> = names.into_iter().flatten().collect();
        names.sort();
        let last = names.last().cloned().unwrap_or_default();
        (names[0].clone(), last)
    }
}

/// How a partnership changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnershipChangeKind {
    /// Only in the new snapshot.
    Added,
    /// Only in the old one.
    Ended,
    /// Higher strength now.
    Strengthened,
    /// Lower strength now.
    Weakened,
    /// Same strength, but its trust or value changed.
    Rescored,
}

impl PartnershipChangeKind {
    fn mirror(self) -> PartnershipChangeKind {
        use PartnershipChangeKind::*;
        match self {
            Added => Ended,
            Ended => Added,
            Strengthened => Weakened,
            Weakened => Strengthened,
            Rescored => Rescored,
        }
    }
}

/// A partnership that is new, gone or different.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnershipChange {
    /// What changed.
    pub change: PartnershipChangeKind,
    /// Its two ends, by name, in alphabetical order.
    pub between: (String, String),
    /// Its relation, when the files name one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// Strength before and after (`None` where absent).
    pub strength: Change<Option<u8>>,
    /// Trust before and after (`None` where absent or unknown).
    pub trust: Change<Option<f64>>,
    /// Value before and after.
    pub value: Change<Option<f64>>,
}

/// A priority's coverage before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityChange {
    /// The term.
    #[serde(flatten)]
    pub term: TermRef,
    /// Its coverage class (`None` where it is not a priority).
    pub class: Change<Option<Class>>,
}

impl PriorityChange {
    /// `"gap closed"`, `"gap opened"`, `"gained a backup"`, `"lost its backup"` or `None`.
    pub fn story(&self) -> Option<&'static str> {
        let gap = |c: Option<Class>| matches!(c, Some(Class::Uncovered | Class::Reachable));
        let (before, after) = (self.class.before, self.class.after);
        match (before, after) {
            _ if gap(before) && !gap(after) && after.is_some() => Some("gap closed"),
            _ if !gap(before) && before.is_some() && gap(after) => Some("gap opened"),
            (Some(Class::Thin), Some(Class::Covered)) => Some("gained a backup"),
            (Some(Class::Covered), Some(Class::Thin)) => Some("lost its backup"),
            _ => None,
        }
    }
}

/// The smallest change in (normalised) betweenness that counts as a broker rising or falling.
pub const BROKER_SHIFT: f64 = 0.05;

/// A broker that rose or fell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BrokerChange {
    /// Its name (the smaller of the two snapshots' names, so both directions agree).
    pub name: String,
    /// Its betweenness before and after.
    pub betweenness: Change<f64>,
}

/// Everything that changed; empty lists when nothing did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The snapshots' `as_of` dates.
    pub as_of: Change<Option<String>>,
    /// Organizations that joined, left, changed status or id, by name.
    pub organizations: Vec<OrganizationChange>,
    /// Partnerships added, ended or changed, by their ends' names.
    pub partnerships: Vec<PartnershipChange>,
    /// Priorities whose coverage class changed, by kind and id.
    pub priorities: Vec<PriorityChange>,
    /// Organizations in both snapshots whose betweenness rose or fell by at least
    /// [`BROKER_SHIFT`], by name: the brokers that rose or fell.
    pub brokers: Vec<BrokerChange>,
    /// The network figures side by side, every one, in a fixed order.
    pub figures: Vec<(&'static str, Change<Option<f64>>)>,
}

impl Diff {
    /// True when the two snapshots tell the same story (figures aside, which are always listed).
    pub fn is_empty(&self) -> bool {
        self.organizations.is_empty()
            && self.partnerships.is_empty()
            && self.priorities.is_empty()
            && self.brokers.is_empty()
    }

    /// The diff the other way round: what [`diff`] of NEW against OLD gives.
    pub fn mirror(&self) -> Diff {
        Diff {
            as_of: self.as_of.mirror(),
            organizations: self
                .organizations
                .iter()
                .map(|o| OrganizationChange::new(o.after.clone(), o.before.clone()))
                .collect(),
            partnerships: self
                .partnerships
                .iter()
                .map(|p| PartnershipChange {
                    change: p.change.mirror(),
                    strength: p.strength.mirror(),
                    trust: p.trust.mirror(),
                    value: p.value.mirror(),
                    ..p.clone()
                })
                .collect(),
            priorities: self
                .priorities
                .iter()
                .map(|p| PriorityChange {
                    class: p.class.mirror(),
                    ..p.clone()
                })
                .collect(),
            brokers: self
                .brokers
                .iter()
                .map(|b| BrokerChange {
                    betweenness: b.betweenness.mirror(),
                    ..b.clone()
                })
                .collect(),
            figures: self.figures.iter().map(|(k, c)| (*k, c.mirror())).collect(),
        }
    }
}

/// What changed from `old` to `new`.
///
/// ```
/// use partnermap_analysis::diff::diff;
/// let load = |json: &str| partnermap_core::load::from_json_str("x.json", json).unwrap().coalition;
/// let old = load(r#"{"name": "x", "organizations": [{"id": "a", "name": "A", "type": "other"},
///   {"id": "b", "name": "B", "type": "other", "status": "potential"}], "partnerships": []}"#);
/// let new = load(r#"{"name": "x", "organizations": [{"id": "a", "name": "A", "type": "other"},
///   {"id": "b2", "name": "B", "type": "other"}], "partnerships": [{"source": "a", "target": "b2"}]}"#);
/// let d = diff(&partnermap_core::Landscape::build(&old), &partnermap_core::Landscape::build(&new));
/// assert_eq!(d.organizations.len(), 1);
/// assert!(d.organizations[0].converted && d.organizations[0].id_changed);
/// assert_eq!(d.partnerships[0].between, ("A".to_string(), "B".to_string()));
/// assert_eq!(d.mirror().mirror(), d);
/// ```
pub fn diff(old: &Landscape, new: &Landscape) -> Diff {
    let (a, b) = (old.coalition(), new.coalition());
    let matched = matching(old, new);
    let mut taken = vec![false; b.organizations.len()];
    for &j in matched.iter().flatten() {
        taken[j] = true;
    }
    let side = |o: &partnermap_core::model::Organization| Side {
        id: o.id.clone(),
        name: o.name.clone(),
        status: o.status,
    };
    let mut organizations: Vec<OrganizationChange> = a
        .organizations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            OrganizationChange::new(Some(side(o)), matched[i].map(|j| side(&b.organizations[j])))
        })
        .chain(
            b.organizations
                .iter()
                .enumerate()
                .filter(|&(j, _)| !taken[j])
                .map(|(_, o)| OrganizationChange::new(None, Some(side(o)))),
        )
        .filter(|c| c.before != c.after)
        .collect();
    organizations.sort_by_key(OrganizationChange::order_key);

    let ties = ties(old, new, &matched);
    let partnerships = ties
        .into_iter()
        .filter_map(|(((x, _), (y, _), relation), (p, q))| {
            let (before, after) = (p.map(|p| &a.partnerships[p]), q.map(|q| &b.partnerships[q]));
            let strength = Change {
                before: before.map(|t| t.strength),
                after: after.map(|t| t.strength),
            };
            let trust = Change {
                before: before.and_then(|t| t.trust),
                after: after.and_then(|t| t.trust),
            };
            let value = Change {
                before: before.and_then(|t| t.value),
                after: after.and_then(|t| t.value),
            };
            let change = match (strength.before, strength.after) {
                (None, _) => PartnershipChangeKind::Added,
                (_, None) => PartnershipChangeKind::Ended,
                (Some(s), Some(t)) if t > s => PartnershipChangeKind::Strengthened,
                (Some(s), Some(t)) if t < s => PartnershipChangeKind::Weakened,
                _ if trust.before != trust.after || value.before != value.after => {
                    PartnershipChangeKind::Rescored
                }
                _ => return None,
            };
            Some(PartnershipChange {
                change,
                between: (x, y),
                relation,
                strength,
                trust,
                value,
            })
        })
        .collect();

    // (kind, id) → the term and its class in each snapshot.
    type Classes = BTreeMap<(partnermap_core::TermKind, String), (TermRef, Change<Option<Class>>)>;
    let mut classes: Classes = BTreeMap::new();
    for (side, landscape) in [(0, old), (1, new)] {
        for t in coverage(landscape).priorities {
            let entry = classes
                .entry((t.term.kind, t.term.id.clone()))
                .or_insert_with(|| {
                    (
                        t.term.clone(),
                        Change {
                            before: None,
                            after: None,
                        },
                    )
                });
            if side == 0 {
                entry.1.before = Some(t.class);
            } else {
                entry.1.after = Some(t.class);
            }
        }
    }
    let priorities = classes
        .into_values()
        .filter(|(_, c)| c.before != c.after)
        .map(|(term, class)| PriorityChange { term, class })
        .collect();

    let (old_metrics, new_metrics) = (
        network_metrics(old, MetricsOptions::default()),
        network_metrics(new, MetricsOptions::default()),
    );
    let mut brokers: Vec<BrokerChange> = matched
        .iter()
        .enumerate()
        .filter_map(|(i, j)| {
            let (before, after) = (
                &old_metrics.organizations[i],
                &new_metrics.organizations[(*j)?],
            );
            let betweenness = Change {
                before: before.measures.betweenness,
                after: after.measures.betweenness,
            };
            ((betweenness.after - betweenness.before).abs() >= BROKER_SHIFT).then(|| BrokerChange {
                name: before.name.clone().min(after.name.clone()),
                betweenness,
            })
        })
        .collect();
    brokers.sort_by(|x, y| x.name.cmp(&y.name));
    let figures = figures(&old_metrics)
        .into_iter()
        .zip(figures(&new_metrics))
        .map(|((key, before), (_, after))| (key, Change { before, after }))
        .collect();
    Diff {
        as_of: Change {
            before: a.as_of.clone(),
            after: b.as_of.clone(),
        },
        organizations,
        partnerships,
        priorities,
        brokers,
        figures,
    }
}

/// The network figures compared, in order; trust and value are `None` (JSON `null`) when
/// unrated.
pub(crate) fn figures(m: &NetworkMetrics) -> Vec<(&'static str, Option<f64>)> {
    let n = &m.network;
    let quality = m.quality.as_ref().map(|q| &q.scores);
    vec![
        ("organizations", Some(n.organizations as f64)),
        ("partnerships", Some(n.partnerships as f64)),
        ("density", Some(n.density)),
        ("components", Some(n.components as f64)),
        (
            "betweenness_centralization",
            Some(n.betweenness_centralization),
        ),
        ("modularity", Some(n.modularity)),
        ("average_trust", quality.and_then(|q| q.average_trust)),
        ("average_value", quality.and_then(|q| q.average_value)),
    ]
}

/// Each organization of `old` (by index) matched to one of `new`: by id, then, among those left
/// unmatched on both sides, by a name that only one of them has.
pub(crate) fn matching(old: &Landscape, new: &Landscape) -> Vec<Option<usize>> {
    let (a, b) = (old.coalition(), new.coalition());
    let mut matched: Vec<Option<usize>> = a
        .organizations
        .iter()
        .map(|o| new.organization(&o.id))
        .collect();
    let mut taken = vec![false; b.organizations.len()];
    for &j in matched.iter().flatten() {
        taken[j] = true;
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, o) in b
        .organizations
        .iter()
        .enumerate()
        .filter(|&(j, _)| !taken[j])
    {
        by_name.entry(normalize(&o.name)).or_default().push(j);
    }
    for (i, o) in a.organizations.iter().enumerate() {
        if matched[i].is_none() {
            if let Some(&[j]) = by_name.get(&normalize(&o.name)).map(Vec::as_slice) {
                if !taken[j] {
                    matched[i] = Some(j);
                    taken[j] = true;
                }
            }
        }
    }
    matched
}

/// A partnership's key: its ends' identities and its relation.
type Key = ((String, String), (String, String), Option<String>);

/// Every partnership of either snapshot by its key, with its index in the old and in the new
/// one (the first, when several share a key).
pub(crate) fn ties(
    old: &Landscape,
    new: &Landscape,
    matched: &[Option<usize>],
) -> BTreeMap<Key, (Option<usize>, Option<usize>)> {
    let (a, b) = (old.coalition(), new.coalition());
    // Partnerships keyed by their ends' identities, each the smaller (name, id) of the two
    // snapshots' (so that the key is the same whichever snapshot comes first), and relation.
    let ident = |o: &partnermap_core::model::Organization| (o.name.clone(), o.id.clone());
    let mut old_ident: Vec<(String, String)> = a.organizations.iter().map(ident).collect();
    let mut new_ident: Vec<(String, String)> = b.organizations.iter().map(ident).collect();
    for (i, j) in matched
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((i, (*j)?)))
    {
        let smaller = old_ident[i].clone().min(new_ident[j].clone());
        old_ident[i] = smaller.clone();
        new_ident[j] = smaller;
    }
    let key = |x: &(String, String), y: &(String, String), relation: &Option<String>| -> Key {
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        (x.clone(), y.clone(), relation.clone())
    };
    let mut ties: BTreeMap<Key, (Option<usize>, Option<usize>)> = BTreeMap::new();
    for (p, s, t) in old.partnerships() {
        let k = key(&old_ident[s], &old_ident[t], &a.partnerships[p].relation);
        ties.entry(k).or_default().0.get_or_insert(p);
    }
    for (p, s, t) in new.partnerships() {
        let k = key(&new_ident[s], &new_ident[t], &b.partnerships[p].relation);
        ties.entry(k).or_default().1.get_or_insert(p);
    }
    ties
}
