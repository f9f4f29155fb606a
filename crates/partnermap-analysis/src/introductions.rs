//! Warm introductions: for an underserved population, domain or asset, the organizations
//! outside the coalition that provide it, and the shortest chain of partnerships from the
//! convener through members and existing partners that can introduce the coalition to each.
//!
//! Partnerships count in both directions here (whoever referred to whom, the two know each
//! other) unless the chains are asked to follow direction: then a directed partnership carries
//! an introduction only from its source to its target, the way referrals go. Only members and existing partners may stand in the middle of a chain, because an
//! introduction passes through people who already work with the coalition.
//!
//! Among equally short chains the strongest wins: the highest weakest tie first (a chain is as
//! warm as its coldest link), then the highest total strength, then the lowest organization
//! indices, so the answer is the same on every run. Cost: one breadth-first search, O(V + E).

use partnermap_core::model::{Coalition, Status};
use partnermap_core::vocabulary::TermKind;
use partnermap_core::Landscape;
use serde::Serialize;
use std::collections::VecDeque;

/// A chain of partnerships from the convener to an organization that provides a term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Introduction {
    /// The organization to reach (index into `Coalition::organizations`).
    pub target: usize,
    /// Organization id of the target.
    pub target_id: String,
    /// The chain of organization ids, convener first, target last; empty when no chain exists.
    pub path: Vec<String>,
    /// The organization that makes the introduction: the last one before the target.
    pub introducer: Option<String>,
    /// Partnerships on the chain.
    pub length: Option<usize>,
    /// The weakest tie's strength on the chain.
    pub weakest_tie: Option<u8>,
    /// The sum of the ties' strengths.
    pub total_strength: Option<u32>,
}

/// The best chains from the coalition's convener to each organization outside the coalition
/// (potential or keep-informed) that provides `term` of `kind`: reachable ones first, by
/// length, then weakest tie (strongest first), then total strength, then name.
///
/// With `directed`, a directed partnership is followed only from its source to its target.
/// Returns `None` when the coalition has no convener.
///
/// ```
/// use partnermap_analysis::introductions::introductions;
/// use partnermap_core::model::{Coalition, Organization, OrganizationType, Partnership, PartnershipKind, Status};
/// use partnermap_core::vocabulary::TermKind;
/// let mut coalition = Coalition::new("Demo");
/// for (id, status) in [("board", Status::Member), ("church", Status::Existing), ("reentry", Status::Potential)] {
///     let mut org = Organization::new(id, id, OrganizationType::Other);
///     org.status = status;
///     coalition.organizations.push(org);
/// }
/// coalition.organizations[2].populations.push("justice-involved".into());
/// coalition.convener = Some("board".into());
/// for (a, b) in [("board", "church"), ("church", "reentry")] {
///     coalition.partnerships.push(Partnership { source: a.into(), target: b.into(), kind: PartnershipKind::Informal,
///         strength: 2, directed: false, since: None, notes: None, weight: None,
///         trust: None, value: None, frequency: None, relation: None, attributes: Default::default() });
/// }
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let found = introductions(&landscape, TermKind::Population, "justice-involved", false).unwrap();
/// assert_eq!(found[0].path, ["board", "church", "reentry"]);
/// assert_eq!(found[0].introducer.as_deref(), Some("church"));
/// // The church refers people to the board, not the other way: no referral chain to follow.
/// coalition.partnerships[0] = Partnership { source: "church".into(), target: "board".into(), directed: true, ..coalition.partnerships[0].clone() };
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let found = introductions(&landscape, TermKind::Population, "justice-involved", true).unwrap();
/// assert_eq!(found[0].length, None);
/// assert_eq!(introductions(&landscape, TermKind::Population, "justice-involved", false).unwrap()[0].length, Some(2));
/// ```
pub fn introductions(
    landscape: &Landscape,
    kind: TermKind,
    term: &str,
    directed: bool,
) -> Option<Vec<Introduction>> {
    let coalition = landscape.coalition();
    let convener = landscape.organization(coalition.convener.as_deref()?)?;
    let chains = Chains::from(landscape, convener, directed);
    let mut providers = landscape.providers(kind, term);
    providers.dedup();
    let mut found: Vec<Introduction> = providers
        .into_iter()
        .filter(|&i| {
            matches!(
                coalition.organizations[i].status,
                Status::Potential | Status::KeepInformed
            )
        })
        .map(|target| chains.to(coalition, target))
        .collect();
    found.sort_by(|a, b| {
        let key = |i: &Introduction| {
            (
                i.length.is_none(),
                i.length,
                std::cmp::Reverse(i.weakest_tie),
                std::cmp::Reverse(i.total_strength),
            )
        };
        key(a).cmp(&key(b)).then_with(|| {
            coalition.organizations[a.target]
                .name
                .cmp(&coalition.organizations[b.target].name)
        })
    });
    Some(found)
}

/// Shortest chains from one organization, through members and existing partners only.
#[derive(Debug, Clone)]
pub struct Chains {
    distance: Vec<Option<usize>>,
    /// Best (weakest tie, total strength, predecessor) found at the shortest distance.
    best: Vec<Option<(u8, u32, usize)>>,
    source: usize,
}

impl Chains {
    /// Runs the breadth-first search from `source`; with `directed`, along directed
    /// partnerships only from their source to their target.
    pub fn from(landscape: &Landscape, source: usize, directed: bool) -> Chains {
        let coalition = landscape.coalition();
        let n = coalition.organizations.len();
        // Partners in index order, so equally good chains are found in the same order on
        // every run.
        let mut neighbours: Vec<(usize, u8)> = Vec::new();
        let mut distance = vec![None; n];
        let mut best: Vec<Option<(u8, u32, usize)>> = vec![None; n];
        distance[source] = Some(0);
        let mut queue = VecDeque::from([source]);
        while let Some(v) = queue.pop_front() {
            let d = distance[v].unwrap_or(0);
            let passes_on = v == source || coalition.organizations[v].status.is_in_network();
            if !passes_on {
                continue;
            }
            let (weakest, total) = best[v].map(|(w, t, _)| (w, t)).unwrap_or((u8::MAX, 0));
            neighbours.clear();
            neighbours.extend(
                landscape
                    .partners(v)
                    .filter(|&(p, _)| {
                        let tie = &coalition.partnerships[p];
                        !(directed && tie.directed && tie.source != coalition.organizations[v].id)
                    })
                    .map(|(p, w)| (w, coalition.partnerships[p].strength)),
            );
            neighbours.sort_unstable();
            for &(w, strength) in &neighbours {
                let candidate = (weakest.min(strength), total + u32::from(strength), v);
                match distance[w] {
                    None => {
                        distance[w] = Some(d + 1);
                        best[w] = Some(candidate);
                        queue.push_back(w);
                    }
                    Some(dw) if dw == d + 1 => {
                        let current = best[w].expect("reached nodes have a best chain");
                        if (candidate.0, candidate.1) > (current.0, current.1) {
                            best[w] = Some(candidate);
                        }
                    }
                    Some(_) => {}
                }
            }
        }
        Chains {
            distance,
            best,
            source,
        }
    }

    /// The chain to `target`.
    pub fn to(&self, coalition: &Coalition, target: usize) -> Introduction {
        let id = |i: usize| coalition.organizations[i].id.clone();
        let mut introduction = Introduction {
            target,
            target_id: id(target),
            path: Vec::new(),
            introducer: None,
            length: self.distance[target],
            weakest_tie: None,
            total_strength: None,
        };
        if self.distance[target].is_none() || target == self.source {
            return introduction;
        }
        let mut path = vec![target];
        let mut at = target;
        while let Some((_, _, previous)) = self.best[at] {
            path.push(previous);
            at = previous;
            if at == self.source {
                break;
            }
        }
        path.reverse();
        let (weakest, total, before) = self.best[target].expect("reached");
        introduction.introducer = Some(id(before));
        introduction.weakest_tie = Some(weakest);
        introduction.total_strength = Some(total);
        introduction.path = path.into_iter().map(id).collect();
        introduction
    }

    /// Partnerships between the source and `target`, if a chain exists.
    pub fn distance(&self, target: usize) -> Option<usize> {
        self.distance[target]
    }
}

#[cfg(test)]
mod tests;
