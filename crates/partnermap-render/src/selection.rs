//! Which parts of the landscape each view shows, before any styling: the organizations, the
//! populations and domains (with their place in the priority list), the serves and works-in
//! links between them, the partnerships drawn between shown organizations and the steps of
//! warm-introduction paths.

use crate::annotations::Annotations;
use crate::options::{MapOptions, View};
use partnermap_core::{Landscape, TermKind};
use std::collections::{BTreeSet, VecDeque};

/// A population or domain drawn on the map.
pub(crate) struct TermNode {
    pub(crate) kind: TermKind,
    pub(crate) id: String,
    /// Its position in the coalition's priority list, when it is a priority.
    pub(crate) priority: Option<usize>,
}

/// An organization serving a population or working in a domain.
pub(crate) struct Link {
    pub(crate) org: usize,
    pub(crate) term: usize,
}

/// What a view shows, before any styling.
pub(crate) struct Selection {
    pub(crate) orgs: Vec<usize>,
    pub(crate) terms: Vec<TermNode>,
    pub(crate) links: Vec<Link>,
    /// Partnership index and its two ends, in partnership order.
    pub(crate) partnerships: Vec<(usize, usize, usize)>,
    pub(crate) path_steps: Vec<(usize, usize)>,
    /// The shown organizations marked as brokers: the first [`broker_limit`] of the brokers
    /// ranking among them.
    pub(crate) brokers: BTreeSet<usize>,
}

/// How many brokers a map of `shown` organizations marks: five, or a tenth of the
/// organizations on maps of more than fifty, so the mark stays one that few nodes carry.
pub(crate) fn broker_limit(shown: usize) -> usize {
    if shown > 50 {
        shown / 10
    } else {
        5
    }
}

pub(crate) fn select(
    landscape: &Landscape,
    annotations: &Annotations,
    options: &MapOptions,
) -> Selection {
    let coalition = landscape.coalition();
    let all: Vec<usize> = (0..coalition.organizations.len()).collect();
    let mut selection = Selection {
        orgs: Vec::new(),
        terms: Vec::new(),
        links: Vec::new(),
        partnerships: Vec::new(),
        path_steps: Vec::new(),
        brokers: BTreeSet::new(),
    };
    let priority_terms = |kind: TermKind| -> Vec<TermNode> {
        coalition
            .priorities
            .terms(kind)
            .iter()
            .enumerate()
            .map(|(at, id)| TermNode {
                kind,
                id: id.clone(),
                priority: Some(at),
            })
            .collect()
    };
    match &options.view {
        View::Landscape => {
            selection.orgs = most_central(all, annotations, options.top);
            selection.terms = priority_terms(TermKind::Population);
            selection.terms.extend(priority_terms(TermKind::Domain));
        }
        View::Partnerships | View::Changes { .. } => {
            selection.orgs = most_central(all, annotations, options.top);
        }
        View::Coverage => {
            selection.orgs = most_central(all, annotations, options.top);
            selection
                .orgs
                .retain(|&i| !coalition.organizations[i].populations.is_empty());
            selection.terms = priority_terms(TermKind::Population);
            for &i in &selection.orgs {
                for id in &coalition.organizations[i].populations {
                    if !selection.terms.iter().any(|t| &t.id == id) {
                        selection.terms.push(TermNode {
                            kind: TermKind::Population,
                            id: id.clone(),
                            priority: None,
                        });
                    }
                }
            }
        }
        View::Ego { org, depth } => {
            selection.orgs = neighbourhood(landscape, *org, *depth);
        }
        View::Population { population } => {
            let mut orgs: BTreeSet<usize> = landscape
                .providers(TermKind::Population, population)
                .into_iter()
                .collect();
            let mut steps = BTreeSet::new();
            for path in &annotations.paths {
                let path: Vec<usize> = path
                    .iter()
                    .copied()
                    .filter(|&i| i < coalition.organizations.len())
                    .collect();
                orgs.extend(path.iter().copied());
                steps.extend(path.windows(2).map(|w| (w[0], w[1])));
            }
            selection.orgs = orgs.into_iter().collect();
            let priority = coalition
                .priorities
                .populations
                .iter()
                .position(|p| p == population);
            selection.terms.push(TermNode {
                kind: TermKind::Population,
                id: population.clone(),
                priority,
            });
            selection.path_steps = steps.into_iter().collect();
        }
    }
    let shown: BTreeSet<usize> = selection.orgs.iter().copied().collect();
    for &i in &selection.orgs {
        let org = &coalition.organizations[i];
        for (t, term) in selection.terms.iter().enumerate() {
            if org.terms(term.kind).contains(&term.id) {
                selection.links.push(Link { org: i, term: t });
            }
        }
    }
    if !matches!(options.view, View::Coverage) {
        let on_path = |a: usize, b: usize| {
            selection
                .path_steps
                .iter()
                .any(|&(x, y)| (x, y) == (a, b) || (x, y) == (b, a))
        };
        selection.partnerships = landscape
            .partnerships()
            .filter(|&(_, a, b)| shown.contains(&a) && shown.contains(&b) && !on_path(a, b))
            .collect();
    }
    let mut ranked: Vec<(usize, usize)> = selection
        .orgs
        .iter()
        .filter_map(|&i| annotations.broker(i).map(|b| (b.place, i)))
        .collect();
    ranked.sort_unstable();
    selection.brokers = ranked
        .into_iter()
        .take(broker_limit(selection.orgs.len()))
        .map(|(_, i)| i)
        .collect();
    selection
}

/// The `top` most central organizations, in their original order; ties go to the earlier one
/// so the choice is stable.
fn most_central(orgs: Vec<usize>, annotations: &Annotations, top: Option<usize>) -> Vec<usize> {
    let Some(top) = top else { return orgs };
    let mut ranked = orgs;
    ranked.sort_by(|&a, &b| {
        annotations
            .centrality(b)
            .total_cmp(&annotations.centrality(a))
            .then(a.cmp(&b))
    });
    ranked.truncate(top);
    ranked.sort_unstable();
    ranked
}

/// Organizations within `depth` partnership steps of `org`, either direction.
fn neighbourhood(landscape: &Landscape, org: usize, depth: usize) -> Vec<usize> {
    let n = landscape.coalition().organizations.len();
    if org >= n {
        return Vec::new();
    }
    let mut distance = vec![usize::MAX; n];
    distance[org] = 0;
    let mut queue = VecDeque::from([org]);
    while let Some(at) = queue.pop_front() {
        if distance[at] == depth {
            continue;
        }
        for (_, next) in landscape.partners(at) {
            if distance[next] == usize::MAX {
                distance[next] = distance[at] + 1;
                queue.push_back(next);
            }
        }
    }
    (0..n).filter(|&i| distance[i] != usize::MAX).collect()
}
