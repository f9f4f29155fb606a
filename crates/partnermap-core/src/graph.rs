//! The partner landscape as a petgraph graph: one node per organization, population, domain
//! and asset; edges for "serves" (organization → population), "works in" (organization →
//! domain), "brings" (organization → asset) and partnerships.
//!
//! Overlap between organizations (shared populations and domains) is not stored as edges: at
//! 100,000 organizations every pair would be billions of edges. [`Overlaps`] derives it on
//! demand from an index of who provides each term, for one organization at a time.

use crate::model::Coalition;
use crate::vocabulary::TermKind;
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::HashMap;

/// What a node stands for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    /// An organization, by index into `Coalition::organizations`.
    Organization(usize),
    /// A vocabulary term by kind and id.
    Term(TermKind, String),
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The organization serves the population.
    Serves,
    /// The organization works in the domain.
    WorksIn,
    /// The organization brings the asset.
    Brings,
    /// A partnership, by index into `Coalition::partnerships`.
    Partnership(usize),
}

impl Relation {
    fn for_kind(kind: TermKind) -> Relation {
        match kind {
            TermKind::Population => Relation::Serves,
            TermKind::Domain => Relation::WorksIn,
            TermKind::Asset => Relation::Brings,
        }
    }
}

/// The landscape graph and lookups from the model into it.
///
/// ```
/// use partnermap_core::graph::{Landscape, Relation};
/// use partnermap_core::model::{Coalition, Organization, OrganizationType};
/// let mut coalition = Coalition::new("Demo");
/// let mut ajc = Organization::new("ajc", "Job Center", OrganizationType::AmericanJobCenter);
/// ajc.populations.push("young-people".into());
/// coalition.organizations.push(ajc);
/// let landscape = Landscape::build(&coalition);
/// assert_eq!(landscape.graph.node_count(), 2);
/// assert_eq!(landscape.graph.edge_weights().next(), Some(&Relation::Serves));
/// ```
#[derive(Debug, Clone)]
pub struct Landscape {
    /// The graph itself; node and edge weights say what they stand for.
    pub graph: UnGraph<Node, Relation>,
    /// The node of each organization, by organization index.
    pub organizations: Vec<NodeIndex>,
    /// The node of each term that any organization or priority mentions.
    pub terms: HashMap<(TermKind, String), NodeIndex>,
}

impl Landscape {
    /// Builds the graph. Terms appear in priority order first, then in order of first mention,
    /// so node indices are stable for the same input.
    pub fn build(coalition: &Coalition) -> Landscape {
        let mut graph = UnGraph::new_undirected();
        let organizations: Vec<NodeIndex> = (0..coalition.organizations.len())
            .map(|i| graph.add_node(Node::Organization(i)))
            .collect();
        let mut terms = HashMap::new();
        let mut term_node = |graph: &mut UnGraph<Node, Relation>, kind: TermKind, id: &str| {
            *terms
                .entry((kind, id.to_string()))
                .or_insert_with(|| graph.add_node(Node::Term(kind, id.to_string())))
        };
        for kind in TermKind::ALL {
            for id in coalition.priorities.terms(kind) {
                term_node(&mut graph, kind, id);
            }
        }
        for (i, org) in coalition.organizations.iter().enumerate() {
            for kind in TermKind::ALL {
                for id in org.terms(kind) {
                    let term = term_node(&mut graph, kind, id);
                    graph.add_edge(organizations[i], term, Relation::for_kind(kind));
                }
            }
        }
        let index = coalition.organizations_by_id();
        for (p, partnership) in coalition.partnerships.iter().enumerate() {
            if let (Some(&a), Some(&b)) = (
                index.get(partnership.source.as_str()),
                index.get(partnership.target.as_str()),
            ) {
                graph.add_edge(organizations[a], organizations[b], Relation::Partnership(p));
            }
        }
        Landscape {
            graph,
            organizations,
            terms,
        }
    }
}

/// How much two organizations share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    /// The other organization's index.
    pub organization: usize,
    /// Population ids both serve.
    pub populations: Vec<String>,
    /// Domain ids both work in.
    pub domains: Vec<String>,
}

impl Overlap {
    /// The overlap weight: how many populations and domains are shared.
    pub fn weight(&self) -> usize {
        self.populations.len() + self.domains.len()
    }
}

/// Who provides each population and domain: the index behind on-demand overlap.
///
/// ```
/// use partnermap_core::graph::Overlaps;
/// use partnermap_core::model::{Coalition, Organization, OrganizationType};
/// let mut coalition = Coalition::new("Demo");
/// for id in ["a", "b", "c"] {
///     let mut org = Organization::new(id, id, OrganizationType::Other);
///     org.populations.push("young-people".into());
///     coalition.organizations.push(org);
/// }
/// coalition.organizations[1].domains.push("digital-access".into());
/// coalition.organizations[2].domains.push("digital-access".into());
/// let overlaps = Overlaps::new(&coalition);
/// let top = overlaps.of(&coalition, 1, 1, 1);
/// assert_eq!(top[0].organization, 2);
/// assert_eq!(top[0].weight(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Overlaps {
    providers: HashMap<(TermKind, String), Vec<usize>>,
}

impl Overlaps {
    /// Indexes the providers of every population and domain.
    pub fn new(coalition: &Coalition) -> Overlaps {
        let mut providers: HashMap<(TermKind, String), Vec<usize>> = HashMap::new();
        for (i, org) in coalition.organizations.iter().enumerate() {
            for kind in [TermKind::Population, TermKind::Domain] {
                for id in org.terms(kind) {
                    providers.entry((kind, id.clone())).or_default().push(i);
                }
            }
        }
        Overlaps { providers }
    }

    /// The organizations sharing at least `min_shared` populations and domains with
    /// `organization`, heaviest first (ties by index), at most `top` of them. Costs the sum of
    /// the provider lists of its terms, not a pass over every pair.
    pub fn of(
        &self,
        coalition: &Coalition,
        organization: usize,
        min_shared: usize,
        top: usize,
    ) -> Vec<Overlap> {
        let org = &coalition.organizations[organization];
        let mut shared: HashMap<usize, Overlap> = HashMap::new();
        for kind in [TermKind::Population, TermKind::Domain] {
            for id in org.terms(kind) {
                for &other in self
                    .providers
                    .get(&(kind, id.clone()))
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    if other == organization {
                        continue;
                    }
                    let entry = shared.entry(other).or_insert_with(|| Overlap {
                        organization: other,
                        populations: Vec::new(),
                        domains: Vec::new(),
                    });
                    match kind {
                        TermKind::Population => entry.populations.push(id.clone()),
                        _ => entry.domains.push(id.clone()),
                    }
                }
            }
        }
        let mut list: Vec<Overlap> = shared
            .into_values()
            .filter(|o| o.weight() >= min_shared.max(1))
            .collect();
        list.sort_by(|a, b| {
            b.weight()
                .cmp(&a.weight())
                .then(a.organization.cmp(&b.organization))
        });
        list.truncate(top);
        list
    }
}
