//! Both snapshots in one coalition, for the change map: the new snapshot, then the organizations
//! that left and the partnerships that ended, with what is new, converted, gone or ended marked
//! by index. Matching is [`diff`](super::diff)'s own, so the map shows what the diff says.

use super::{matching, ties};
use partnermap_core::model::Status;
use partnermap_core::{Coalition, Landscape};
use std::collections::BTreeSet;

/// The union of two snapshots and what changed in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// The new snapshot, followed by the organizations that left (as the old snapshot has
    /// them) and the partnerships that ended (their ends named by the ids of the union).
    pub coalition: Coalition,
    /// Organizations that joined, by index into `coalition.organizations`.
    pub joined: BTreeSet<usize>,
    /// Potential partners (or ones kept informed) that became members or existing partners.
    pub converted: BTreeSet<usize>,
    /// Organizations that left.
    pub left: BTreeSet<usize>,
    /// Partnerships added, by index into `coalition.partnerships`.
    pub added: BTreeSet<usize>,
    /// Partnerships that ended.
    pub ended: BTreeSet<usize>,
}

/// What the change map draws: the new snapshot with the old one's departures and ended ties.
///
/// ```
/// use partnermap_analysis::diff::union;
/// let load = |json: &str| partnermap_core::load::from_json_str("x.json", json).unwrap().coalition;
/// let old = load(r#"{"name": "x", "organizations": [{"id": "a", "name": "A", "type": "other"},
///   {"id": "b", "name": "B", "type": "other"}], "partnerships": [{"source": "a", "target": "b"}]}"#);
/// let new = load(r#"{"name": "x", "organizations": [{"id": "a", "name": "A", "type": "other"},
///   {"id": "c", "name": "C", "type": "other"}], "partnerships": [{"source": "a", "target": "c"}]}"#);
/// let u = union(&partnermap_core::Landscape::build(&old), &partnermap_core::Landscape::build(&new));
/// let names: Vec<&str> = u.coalition.organizations.iter().map(|o| o.name.as_str()).collect();
/// assert_eq!(names, ["A", "C", "B"]);
/// assert_eq!((u.joined, u.left), ([1].into(), [2].into()));
/// assert_eq!((u.added, u.ended), ([0].into(), [1].into()));
/// assert_eq!(u.coalition.partnerships[1].target, "b");
/// ```
pub fn union(old: &Landscape, new: &Landscape) -> Union {
    let (a, b) = (old.coalition(), new.coalition());
    let matched = matching(old, new);
    let mut coalition = b.clone();
    let mut union = Union {
        coalition: Coalition::new(""),
        joined: BTreeSet::new(),
        converted: BTreeSet::new(),
        left: BTreeSet::new(),
        added: BTreeSet::new(),
        ended: BTreeSet::new(),
    };
    let mut present = vec![false; b.organizations.len()];
    // The id each old organization has in the union: its match's, or its own when it left
    // (no new organization has that id, or it would have matched by id).
    let mut id_in_union = Vec::with_capacity(a.organizations.len());
    for (i, o) in a.organizations.iter().enumerate() {
        match matched[i] {
            Some(j) => {
                present[j] = true;
                let now = &b.organizations[j];
                let was_outside = matches!(o.status, Status::Potential | Status::KeepInformed);
                if was_outside && now.status.is_in_network() {
                    union.converted.insert(j);
                }
                id_in_union.push(now.id.clone());
            }
            None => {
                union.left.insert(coalition.organizations.len());
                coalition.organizations.push(o.clone());
                id_in_union.push(o.id.clone());
            }
        }
    }
    union.joined = (0..b.organizations.len())
        .filter(|&j| !present[j])
        .collect();
    let mut ends = vec![(0, 0); a.partnerships.len()];
    for (p, s, t) in old.partnerships() {
        ends[p] = (s, t);
    }
    for (before, after) in ties(old, new, &matched).into_values() {
        match (before, after) {
            (None, Some(q)) => {
                union.added.insert(q);
            }
            (Some(p), None) => {
                let (s, t) = ends[p];
                let mut ended = a.partnerships[p].clone();
                ended.source = id_in_union[s].clone();
                ended.target = id_in_union[t].clone();
                union.ended.insert(coalition.partnerships.len());
                coalition.partnerships.push(ended);
            }
            _ => {}
        }
    }
    union.coalition = coalition;
    union
}
