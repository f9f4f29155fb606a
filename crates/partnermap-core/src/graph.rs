//! The partner landscape as a petgraph graph: one node per organization, population, domain
//! and asset; edges for "serves" (organization → population), "works in" (organization →
//! domain), "brings" (organization → asset) and partnerships.
//!
//! [`Landscape`] is the one graph every consumer reads: coverage asks it who provides a term,
//! warm introductions, brokers and maps walk its partnership edges, and the metrics' compact
//! index is derived from it. It is built once per coalition, after loading has guaranteed that
//! every partnership's ends exist, and it carries the one index of organizations by id and name
//! and the coalition's vocabulary, so no consumer builds its own.
//!
//! Overlap between organizations (shared populations and domains) is not stored as edges: at
//! 100,000 organizations every pair would be billions of edges. [`Landscape::overlaps`] derives
//! it on demand from the term nodes, for one organization at a time.

use crate::lookup::{LookupError, OrganizationNames};
use crate::model::Coalition;
use crate::vocabulary::{TermKind, Vocabulary};
use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
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

/// The landscape graph of one coalition, with its lookups.
///
/// Organization `i` is node `i`; term nodes follow, in priority order first, then in order of
/// first mention, so node indices are stable for the same input. Partnership edges come after
/// every term edge, in partnership order.
///
/// ```
/// use partnermap_core::graph::{Landscape, Relation};
/// use partnermap_core::model::{Coalition, Organization, OrganizationType};
/// use partnermap_core::TermKind;
/// let mut coalition = Coalition::new("Demo");
/// let mut ajc = Organization::new("ajc", "Job Center", OrganizationType::AmericanJobCenter);
/// ajc.populations.push("young-people".into());
/// coalition.organizations.push(ajc);
/// let landscape = Landscape::build(&coalition);
/// assert_eq!(landscape.graph().node_count(), 2);
/// assert_eq!(landscape.graph().edge_weights().next(), Some(&Relation::Serves));
/// assert_eq!(landscape.organization("ajc"), Some(0));
/// assert_eq!(landscape.providers(TermKind::Population, "young-people"), [0]);
/// ```
#[derive(Debug, Clone)]
pub struct Landscape<'a> {
    coalition: &'a Coalition,
    vocabulary: Vocabulary,
    names: OrganizationNames<'a>,
    graph: UnGraph<Node, Relation>,
    terms: HashMap<(TermKind, &'a str), NodeIndex>,
    /// The index of the first partnership edge; partnership edges run from here to the end.
    first_partnership: usize,
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

impl<'a> Landscape<'a> {
    /// Builds the graph and its lookups. A partnership that names an organization the
    /// coalition does not have is left out; loading reports such a partnership as an error,
    /// so a loaded coalition has none.
    pub fn build(coalition: &'a Coalition) -> Landscape<'a> {
        let _step = crate::progress::step("building the landscape graph", 0);
        let names = OrganizationNames::new(&coalition.organizations);
        let mut graph =
            UnGraph::with_capacity(coalition.organizations.len(), coalition.partnerships.len());
        for i in 0..coalition.organizations.len() {
            graph.add_node(Node::Organization(i));
        }
        let mut terms: HashMap<(TermKind, &'a str), NodeIndex> = HashMap::new();
        let mut term_node = |graph: &mut UnGraph<Node, Relation>, kind: TermKind, id: &'a str| {
            *terms
                .entry((kind, id))
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
                    graph.add_edge(NodeIndex::new(i), term, Relation::for_kind(kind));
                }
            }
        }
        let first_partnership = graph.edge_count();
        for (p, partnership) in coalition.partnerships.iter().enumerate() {
            if let (Some(a), Some(b)) = (
                names.by_id(&partnership.source),
                names.by_id(&partnership.target),
            ) {
                graph.add_edge(
                    NodeIndex::new(a),
                    NodeIndex::new(b),
                    Relation::Partnership(p),
                );
            }
        }
        Landscape {
            coalition,
            vocabulary: coalition.vocabulary(),
            names,
            graph,
            terms,
            first_partnership,
        }
    }

    /// The coalition this graph was built from.
    pub fn coalition(&self) -> &'a Coalition {
        self.coalition
    }

    /// The worksheet vocabulary plus the coalition's own terms, built once with the graph.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The graph itself; node and edge weights say what they stand for.
    pub fn graph(&self) -> &UnGraph<Node, Relation> {
        &self.graph
    }

    /// The node of a term, if any organization or priority mentions it.
    pub fn term_node(&self, kind: TermKind, id: &str) -> Option<NodeIndex> {
        self.terms.get(&(kind, id)).copied()
    }

    /// The index of the organization with exactly this id, in constant time.
    pub fn organization(&self, id: &str) -> Option<usize> {
        self.names.by_id(id)
    }

    /// The organization a person named by id or name; ambiguity and near misses are errors.
    pub fn find_organization(&self, text: &str) -> Result<usize, LookupError> {
        self.names.find(text)
    }

    /// Every partnership whose ends are known, as (partnership index, source, target), in
    /// partnership order.
    pub fn partnerships(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        (self.first_partnership..self.graph.edge_count()).map(|e| {
            let e = EdgeIndex::new(e);
            let (a, b) = self.graph.edge_endpoints(e).expect("edge index in range");
            let Relation::Partnership(p) = self.graph[e] else {
                unreachable!("edges after the first partnership edge are partnerships")
            };
            (p, a.index(), b.index())
        })
    }

    /// The partnerships of one organization, as (partnership index, the other organization).
    /// A partnership with itself is listed once.
    pub fn partners(&self, organization: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let node = NodeIndex::new(organization);
        self.graph
            .edges(node)
            .filter_map(move |e| match *e.weight() {
                Relation::Partnership(p) => {
                    let other = if e.source() == node {
                        e.target()
                    } else {
                        e.source()
                    };
                    Some((p, other.index()))
                }
                _ => None,
            })
    }

    /// The organizations that name this term, in organization order (an organization that
    /// names it twice is listed twice).
    pub fn providers(&self, kind: TermKind, id: &str) -> Vec<usize> {
        let Some(node) = self.term_node(kind, id) else {
            return Vec::new();
        };
        // petgraph lists a node's edges newest first; organizations were added in order.
        let mut providers: Vec<usize> = self.graph.neighbors(node).map(|n| n.index()).collect();
        providers.reverse();
        providers
    }

    /// The organizations sharing at least `min_shared` populations and domains with
    /// `organization`, heaviest first (ties by index), at most `top` of them. Costs the sum of
    /// the provider lists of its terms, not a pass over every pair.
    ///
    /// ```
    /// use partnermap_core::graph::Landscape;
    /// use partnermap_core::model::{Coalition, Organization, OrganizationType};
    /// let mut coalition = Coalition::new("Demo");
    /// for id in ["a", "b", "c"] {
    ///     let mut org = Organization::new(id, id, OrganizationType::Other);
    ///     org.populations.push("young-people".into());
    ///     coalition.organizations.push(org);
    /// }
    /// coalition.organizations[1].domains.push("digital-access".into());
    /// coalition.organizations[2].domains.push("digital-access".into());
    /// let top = Landscape::build(&coalition).overlaps(1, 1, 1);
    /// assert_eq!(top[0].organization, 2);
    /// assert_eq!(top[0].weight(), 2);
    /// ```
    pub fn overlaps(&self, organization: usize, min_shared: usize, top: usize) -> Vec<Overlap> {
        let org = &self.coalition.organizations[organization];
        let mut shared: HashMap<usize, Overlap> = HashMap::new();
        for kind in [TermKind::Population, TermKind::Domain] {
            for id in org.terms(kind) {
                for other in self.providers(kind, id) {
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
