//! Coverage and gaps: which priority populations, domains and needed assets the coalition's
//! network reaches, which it reaches only through one organization, and which nobody reaches.
//!
//! This module owns the coverage classification, the population × domain matrix, the overlap
//! with the convener's own customers, what-if scenarios (organizations leaving or joining) and
//! resilience (what each partner alone holds up).
//!
//! Definitions, for a term (or a matrix cell) and the organizations that provide it:
//!
//! - *in the network*: members and existing partners ([`Status::is_in_network`]); only they
//!   count for coverage today;
//! - [`Class::Uncovered`]: no organization in the network provides it, and no potential partner
//!   does either;
//! - [`Class::Reachable`]: nobody in the network provides it, but a potential partner does;
//! - [`Class::Thin`]: exactly one organization in the network provides it, a single point of
//!   failure;
//! - [`Class::Covered`]: two or more organizations in the network provide it.
//!
//! A matrix cell (population, domain) is provided by an organization that both serves the
//! population and works in the domain.
//!
//! Everything is ordered deterministically: priority terms as the coalition lists them,
//! organizations by name.
//!
//! ```
//! use partnermap_analysis::coverage::{coverage, Class};
//! use partnermap_core::model::{Coalition, Organization, OrganizationType, Status};
//! let mut coalition = Coalition::new("Demo");
//! coalition.priorities.populations = vec!["young-people".into(), "justice-involved".into()];
//! let mut ajc = Organization::new("ajc", "Job Center", OrganizationType::AmericanJobCenter);
//! ajc.populations.push("young-people".into());
//! let mut reentry = Organization::new("reentry", "Reentry Network", OrganizationType::Other);
//! reentry.status = Status::Potential;
//! reentry.populations.push("justice-involved".into());
//! coalition.organizations = vec![ajc, reentry];
//! let report = coverage(&coalition);
//! assert_eq!(report.priorities[0].class, Class::Thin);
//! assert_eq!(report.priorities[1].class, Class::Reachable);
//! assert_eq!(report.priorities[1].providers.potential[0].name, "Reentry Network");
//! ```

use partnermap_core::graph::Overlaps;
use partnermap_core::model::{Coalition, Organization, Status};
use partnermap_core::vocabulary::{TermKind, Vocabulary};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// How well the network covers a term or a matrix cell, worst first: a later class is better.
///
/// ```
/// use partnermap_analysis::coverage::Class;
/// assert!(Class::Uncovered < Class::Reachable && Class::Thin < Class::Covered);
/// assert_eq!(Class::Reachable.id(), "reachable");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    /// Nobody in the network provides it and no potential partner does either.
    Uncovered,
    /// Nobody in the network provides it, but a potential partner does.
    Reachable,
    /// Exactly one organization in the network provides it.
    Thin,
    /// Two or more organizations in the network provide it.
    Covered,
}

impl Class {
    /// Every class, worst first.
    pub const ALL: [Class; 4] = [
        Class::Uncovered,
        Class::Reachable,
        Class::Thin,
        Class::Covered,
    ];

    /// The identifier used in JSON and CSV.
    pub fn id(self) -> &'static str {
        match self {
            Class::Uncovered => "uncovered",
            Class::Reachable => "reachable",
            Class::Thin => "thin",
            Class::Covered => "covered",
        }
    }

    /// Classifies a term or cell from its providers.
    ///
    /// ```
    /// use partnermap_analysis::coverage::{Class, Providers};
    /// assert_eq!(Class::of(&Providers::default()), Class::Uncovered);
    /// ```
    pub fn of(providers: &Providers) -> Class {
        match providers.in_network() {
            0 if providers.potential.is_empty() => Class::Uncovered,
            0 => Class::Reachable,
            1 => Class::Thin,
            _ => Class::Covered,
        }
    }
}

impl std::fmt::Display for Class {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// An organization as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct OrganizationRef {
    /// The organization's id.
    pub id: String,
    /// The organization's name.
    pub name: String,
}

impl OrganizationRef {
    /// Names an organization.
    ///
    /// ```
    /// use partnermap_analysis::coverage::OrganizationRef;
    /// use partnermap_core::model::{Organization, OrganizationType};
    /// let library = Organization::new("library", "Public Library", OrganizationType::PublicAgency);
    /// assert_eq!(OrganizationRef::of(&library).name, "Public Library");
    /// ```
    pub fn of(organization: &Organization) -> OrganizationRef {
        OrganizationRef {
            id: organization.id.clone(),
            name: organization.name.clone(),
        }
    }
}

/// A vocabulary term as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TermRef {
    /// Population, domain or asset.
    pub kind: TermKind,
    /// The term's id.
    pub id: String,
    /// The term's label.
    pub label: String,
}

impl TermRef {
    fn new(vocabulary: &Vocabulary, kind: TermKind, id: &str) -> TermRef {
        TermRef {
            kind,
            id: id.to_string(),
            label: vocabulary.label(kind, id).to_string(),
        }
    }
}

/// The organizations that provide a term or cell, by status, each list by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Providers {
    /// Coalition members.
    pub member: Vec<OrganizationRef>,
    /// Existing partners.
    pub existing: Vec<OrganizationRef>,
    /// Potential partners.
    pub potential: Vec<OrganizationRef>,
    /// Organizations to keep informed.
    pub keep_informed: Vec<OrganizationRef>,
}

impl Providers {
    /// How many members and existing partners provide it: the count coverage rests on.
    ///
    /// ```
    /// use partnermap_analysis::coverage::Providers;
    /// assert_eq!(Providers::default().in_network(), 0);
    /// ```
    pub fn in_network(&self) -> usize {
        self.member.len() + self.existing.len()
    }

    /// Members, then existing partners.
    ///
    /// ```
    /// use partnermap_analysis::coverage::Providers;
    /// assert_eq!(Providers::default().in_network_providers().count(), 0);
    /// ```
    pub fn in_network_providers(&self) -> impl Iterator<Item = &OrganizationRef> {
        self.member.iter().chain(&self.existing)
    }

    /// The providers with one status.
    ///
    /// ```
    /// use partnermap_analysis::coverage::Providers;
    /// use partnermap_core::Status;
    /// assert!(Providers::default().with_status(Status::Potential).is_empty());
    /// ```
    pub fn with_status(&self, status: Status) -> &[OrganizationRef] {
        match status {
            Status::Member => &self.member,
            Status::Existing => &self.existing,
            Status::Potential => &self.potential,
            Status::KeepInformed => &self.keep_informed,
        }
    }

    fn push(&mut self, organization: &Organization) {
        let list = match organization.status {
            Status::Member => &mut self.member,
            Status::Existing => &mut self.existing,
            Status::Potential => &mut self.potential,
            Status::KeepInformed => &mut self.keep_informed,
        };
        list.push(OrganizationRef::of(organization));
    }

    fn sort(&mut self) {
        for list in [
            &mut self.member,
            &mut self.existing,
            &mut self.potential,
            &mut self.keep_informed,
        ] {
            list.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        }
    }
}

/// The coverage of one population, domain or asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermCoverage {
    /// The term.
    #[serde(flatten)]
    pub term: TermRef,
    /// True when the coalition lists it among its priorities.
    pub priority: bool,
    /// How well the network covers it.
    pub class: Class,
    /// Who provides it.
    pub providers: Providers,
}

/// One cell of the population × domain matrix: who serves this population in this domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The priority population.
    pub population: TermRef,
    /// The priority domain.
    pub domain: TermRef,
    /// How well the network covers the pair.
    pub class: Class,
    /// Organizations that serve the population and work in the domain.
    pub providers: Providers,
}

/// The priority populations × priority domains matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matrix {
    /// Rows: priority populations, in priority order.
    pub populations: Vec<TermRef>,
    /// Columns: priority domains, in priority order.
    pub domains: Vec<TermRef>,
    /// Every cell, row by row: the cell of population `p` and domain `d` is at
    /// `p * domains.len() + d`.
    pub cells: Vec<Cell>,
}

impl Matrix {
    /// The cell of a population row and domain column.
    ///
    /// ```
    /// use partnermap_analysis::coverage::coverage;
    /// use partnermap_core::model::Coalition;
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.priorities.populations = vec!["young-people".into()];
    /// coalition.priorities.domains = vec!["digital-access".into()];
    /// let matrix = coverage(&coalition).matrix;
    /// assert_eq!(matrix.cell(0, 0).domain.id, "digital-access");
    /// ```
    pub fn cell(&self, population: usize, domain: usize) -> &Cell {
        &self.cells[population * self.domains.len() + domain]
    }
}

/// Coverage of a coalition's priorities, of every other term mentioned, and the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Priority populations, then domains, then assets, each in the coalition's order.
    pub priorities: Vec<TermCoverage>,
    /// Terms some organization mentions that are not priorities: by kind, then label.
    pub others: Vec<TermCoverage>,
    /// Priority populations × priority domains.
    pub matrix: Matrix,
}

impl Coverage {
    /// The priority terms with one class, in priority order.
    ///
    /// ```
    /// use partnermap_analysis::coverage::{coverage, Class};
    /// use partnermap_core::model::Coalition;
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.priorities.assets = vec!["data-sharing".into()];
    /// assert_eq!(coverage(&coalition).priorities_in(Class::Uncovered).count(), 1);
    /// ```
    pub fn priorities_in(&self, class: Class) -> impl Iterator<Item = &TermCoverage> {
        self.priorities.iter().filter(move |t| t.class == class)
    }
}

/// Computes the coverage of every priority term, every other mentioned term and the matrix.
/// See the [module documentation](self) for an example.
pub fn coverage(coalition: &Coalition) -> Coverage {
    let vocabulary = coalition.vocabulary();
    let mut providers: HashMap<(TermKind, &str), Providers> = HashMap::new();
    for organization in &coalition.organizations {
        for kind in TermKind::ALL {
            for id in organization.terms(kind) {
                providers
                    .entry((kind, id.as_str()))
                    .or_default()
                    .push(organization);
            }
        }
    }
    let mut priorities = Vec::new();
    let mut seen = HashSet::new();
    for kind in TermKind::ALL {
        for id in coalition.priorities.terms(kind) {
            if !seen.insert((kind, id.as_str())) {
                continue;
            }
            let providers = providers.get(&(kind, id.as_str())).cloned();
            priorities.push(term_coverage(&vocabulary, kind, id, true, providers));
        }
    }
    let mut others: Vec<TermCoverage> = providers
        .iter()
        .filter(|(key, _)| !seen.contains(key))
        .map(|(&(kind, id), p)| term_coverage(&vocabulary, kind, id, false, Some(p.clone())))
        .collect();
    others.sort_by(|a, b| {
        (a.term.kind, &a.term.label, &a.term.id).cmp(&(b.term.kind, &b.term.label, &b.term.id))
    });
    Coverage {
        priorities,
        others,
        matrix: matrix(coalition, &vocabulary),
    }
}

fn term_coverage(
    vocabulary: &Vocabulary,
    kind: TermKind,
    id: &str,
    priority: bool,
    providers: Option<Providers>,
) -> TermCoverage {
    let mut providers = providers.unwrap_or_default();
    providers.sort();
    TermCoverage {
        term: TermRef::new(vocabulary, kind, id),
        priority,
        class: Class::of(&providers),
        providers,
    }
}

fn matrix(coalition: &Coalition, vocabulary: &Vocabulary) -> Matrix {
    let rows = |kind: TermKind| -> Vec<TermRef> {
        let mut seen = HashSet::new();
        coalition
            .priorities
            .terms(kind)
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .map(|id| TermRef::new(vocabulary, kind, id))
            .collect()
    };
    let populations = rows(TermKind::Population);
    let domains = rows(TermKind::Domain);
    let position = |list: &[TermRef]| -> HashMap<String, usize> {
        list.iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), i))
            .collect()
    };
    let (row_of, column_of) = (position(&populations), position(&domains));
    let mut providers = vec![Providers::default(); populations.len() * domains.len()];
    for organization in &coalition.organizations {
        for population in organization
            .populations
            .iter()
            .filter_map(|p| row_of.get(p))
        {
            for domain in organization.domains.iter().filter_map(|d| column_of.get(d)) {
                providers[population * domains.len() + domain].push(organization);
            }
        }
    }
    let cells = providers
        .into_iter()
        .enumerate()
        .map(|(at, mut providers)| {
            providers.sort();
            Cell {
                population: populations[at / domains.len()].clone(),
                domain: domains[at % domains.len()].clone(),
                class: Class::of(&providers),
                providers,
            }
        })
        .collect();
    Matrix {
        populations,
        domains,
        cells,
    }
}

/// How one organization's work overlaps the convener's own customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerOverlap {
    /// The organization.
    pub organization: OrganizationRef,
    /// Where it stands with the coalition.
    pub status: Status,
    /// Populations both it and the convener serve, in the convener's order.
    pub shared_populations: Vec<TermRef>,
    /// Domains both it and the convener work in, in the convener's order.
    pub shared_domains: Vec<TermRef>,
    /// Priority terms it provides and the convener does not, in priority order.
    pub adds: Vec<TermRef>,
}

/// Organizations ranked by overlap with the convener's customers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConvenerOverlap {
    /// The convening organization.
    pub convener: OrganizationRef,
    /// Every other organization that shares something with the convener or adds a priority
    /// term it lacks: most shared first, then most added, then by name.
    pub organizations: Vec<CustomerOverlap>,
}

/// Ranks organizations by how many of the convener's populations and domains they share and
/// by which priority terms they add. `None` when the coalition names no (known) convener.
///
/// ```
/// use partnermap_analysis::coverage::convener_overlap;
/// use partnermap_core::model::{Coalition, Organization, OrganizationType};
/// let mut coalition = Coalition::new("Demo");
/// coalition.convener = Some("wdb".into());
/// coalition.priorities.populations = vec!["young-people".into(), "english-language-learners".into()];
/// let mut wdb = Organization::new("wdb", "Board", OrganizationType::WorkforceBoard);
/// wdb.populations.push("young-people".into());
/// let mut casa = Organization::new("casa", "Casa", OrganizationType::CommunityBasedNonprofit);
/// casa.populations = vec!["young-people".into(), "english-language-learners".into()];
/// coalition.organizations = vec![wdb, casa];
/// let overlap = convener_overlap(&coalition).unwrap();
/// assert_eq!(overlap.organizations[0].shared_populations[0].id, "young-people");
/// assert_eq!(overlap.organizations[0].adds[0].id, "english-language-learners");
/// ```
pub fn convener_overlap(coalition: &Coalition) -> Option<ConvenerOverlap> {
    let convener = coalition.organization_index(coalition.convener.as_deref()?)?;
    let vocabulary = &coalition.vocabulary();
    let shared: HashMap<usize, _> = Overlaps::new(coalition)
        .of(coalition, convener, 1, usize::MAX)
        .into_iter()
        .map(|o| (o.organization, o))
        .collect();
    let own = &coalition.organizations[convener];
    let mut organizations: Vec<CustomerOverlap> = coalition
        .organizations
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != convener)
        .map(|(i, organization)| {
            let refs = |kind, ids: &[String]| -> Vec<TermRef> {
                ids.iter()
                    .map(|id| TermRef::new(vocabulary, kind, id))
                    .collect()
            };
            let (shared_populations, shared_domains) = shared
                .get(&i)
                .map(|o| {
                    (
                        refs(TermKind::Population, &o.populations),
                        refs(TermKind::Domain, &o.domains),
                    )
                })
                .unwrap_or_default();
            let adds = TermKind::ALL
                .iter()
                .flat_map(|&kind| {
                    coalition
                        .priorities
                        .terms(kind)
                        .iter()
                        .filter(move |id| {
                            organization.terms(kind).contains(id) && !own.terms(kind).contains(id)
                        })
                        .map(move |id| TermRef::new(vocabulary, kind, id))
                })
                .collect();
            CustomerOverlap {
                organization: OrganizationRef::of(organization),
                status: organization.status,
                shared_populations,
                shared_domains,
                adds,
            }
        })
        .filter(|o| o.shared() > 0 || !o.adds.is_empty())
        .collect();
    organizations.sort_by(|a, b| {
        b.shared()
            .cmp(&a.shared())
            .then(b.adds.len().cmp(&a.adds.len()))
            .then_with(|| a.organization.name.cmp(&b.organization.name))
    });
    Some(ConvenerOverlap {
        convener: OrganizationRef::of(own),
        organizations,
    })
}

impl CustomerOverlap {
    /// How many of the convener's populations and domains it shares.
    ///
    /// ```
    /// use partnermap_analysis::coverage::{CustomerOverlap, OrganizationRef};
    /// use partnermap_core::Status;
    /// let none = CustomerOverlap {
    ///     organization: OrganizationRef { id: "a".into(), name: "A".into() },
    ///     status: Status::Potential,
    ///     shared_populations: vec![],
    ///     shared_domains: vec![],
    ///     adds: vec![],
    /// };
    /// assert_eq!(none.shared(), 0);
    /// ```
    pub fn shared(&self) -> usize {
        self.shared_populations.len() + self.shared_domains.len()
    }
}

/// Organizations leaving and joining, by id.
///
/// Leaving removes an organization from the landscape: it no longer provides anything, not even
/// as a potential partner. Joining turns a potential (or keep-informed) organization into an
/// existing partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// Ids of organizations that leave.
    pub without: Vec<String>,
    /// Ids of organizations that join as existing partners.
    pub with: Vec<String>,
}

/// Why a scenario cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// No organization has this id.
    #[error("no organization has the id \"{0}\"")]
    UnknownOrganization(String),
    /// The organization (named) is already a member or existing partner, so it cannot join.
    #[error("\"{0}\" is already in the network, so it cannot join")]
    AlreadyInNetwork(String),
    /// The organization (named) is both leaving and joining.
    #[error("\"{0}\" cannot both leave and join")]
    LeavesAndJoins(String),
}

impl Scenario {
    /// True when nobody leaves or joins.
    ///
    /// ```
    /// assert!(partnermap_analysis::coverage::Scenario::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.without.is_empty() && self.with.is_empty()
    }

    /// The coalition as it would be after the scenario.
    ///
    /// ```
    /// use partnermap_analysis::coverage::{Scenario, ScenarioError};
    /// use partnermap_core::model::{Coalition, Organization, OrganizationType, Status};
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.organizations.push(Organization::new("a", "A", OrganizationType::Other));
    /// let leaving = Scenario { without: vec!["a".into()], with: vec![] };
    /// assert!(leaving.apply(&coalition).unwrap().organizations.is_empty());
    /// let joining = Scenario { without: vec![], with: vec!["a".into()] };
    /// assert_eq!(joining.apply(&coalition), Err(ScenarioError::AlreadyInNetwork("A".into())));
    /// ```
    pub fn apply(&self, coalition: &Coalition) -> Result<Coalition, ScenarioError> {
        let find = |id: &String| {
            coalition
                .organization_index(id)
                .ok_or_else(|| ScenarioError::UnknownOrganization(id.clone()))
        };
        let leaving = self
            .without
            .iter()
            .map(find)
            .collect::<Result<HashSet<_>, _>>()?;
        let joining = self
            .with
            .iter()
            .map(find)
            .collect::<Result<HashSet<_>, _>>()?;
        let mut after = coalition.clone();
        for &i in &joining {
            let organization = &mut after.organizations[i];
            if leaving.contains(&i) {
                return Err(ScenarioError::LeavesAndJoins(organization.name.clone()));
            }
            if organization.status.is_in_network() {
                return Err(ScenarioError::AlreadyInNetwork(organization.name.clone()));
            }
            organization.status = Status::Existing;
        }
        let mut index = 0;
        after.organizations.retain(|_| {
            index += 1;
            !leaving.contains(&(index - 1))
        });
        Ok(after)
    }
}

/// How a term's or cell's coverage changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The class before.
    pub before: Class,
    /// The class after.
    pub after: Class,
    /// Members and existing partners providing it before.
    pub in_network_before: usize,
    /// Members and existing partners providing it after.
    pub in_network_after: usize,
}

/// A priority term whose class changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermChange {
    /// The term.
    #[serde(flatten)]
    pub term: TermRef,
    /// Before and after.
    #[serde(flatten)]
    pub change: Change,
}

/// A matrix cell whose class changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellChange {
    /// The cell's population.
    pub population: TermRef,
    /// The cell's domain.
    pub domain: TermRef,
    /// Before and after.
    #[serde(flatten)]
    pub change: Change,
}

/// The difference a scenario makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WhatIf {
    /// Organizations that leave, in the order given.
    pub without: Vec<OrganizationRef>,
    /// Organizations that join, in the order given.
    pub with: Vec<OrganizationRef>,
    /// Priority terms whose class changes, in priority order.
    pub terms: Vec<TermChange>,
    /// Matrix cells whose class changes, row by row.
    pub cells: Vec<CellChange>,
}

/// Applies a scenario, recomputes coverage and returns what changed class.
///
/// ```
/// use partnermap_analysis::coverage::{what_if, Class, Scenario};
/// use partnermap_core::model::{Coalition, Organization, OrganizationType, Status};
/// let mut coalition = Coalition::new("Demo");
/// coalition.priorities.domains = vec!["transportation-access".into()];
/// let mut transit = Organization::new("transit", "Transit", OrganizationType::PublicAgency);
/// transit.status = Status::Potential;
/// transit.domains.push("transportation-access".into());
/// coalition.organizations.push(transit);
/// let joins = Scenario { without: vec![], with: vec!["transit".into()] };
/// let change = what_if(&coalition, &joins).unwrap().terms[0].change;
/// assert_eq!((change.before, change.after), (Class::Reachable, Class::Thin));
/// ```
pub fn what_if(coalition: &Coalition, scenario: &Scenario) -> Result<WhatIf, ScenarioError> {
    let after = scenario.apply(coalition)?;
    let named = |ids: &[String]| -> Vec<OrganizationRef> {
        ids.iter()
            .filter_map(|id| coalition.organization_index(id))
            .map(|i| OrganizationRef::of(&coalition.organizations[i]))
            .collect()
    };
    let (before, after) = (coverage(coalition), coverage(&after));
    let change = |b: &Providers, a: &Providers| Change {
        before: Class::of(b),
        after: Class::of(a),
        in_network_before: b.in_network(),
        in_network_after: a.in_network(),
    };
    let terms = before
        .priorities
        .iter()
        .zip(&after.priorities)
        .map(|(b, a)| TermChange {
            term: b.term.clone(),
            change: change(&b.providers, &a.providers),
        })
        .filter(|t| t.change.before != t.change.after)
        .collect();
    let cells = before
        .matrix
        .cells
        .iter()
        .zip(&after.matrix.cells)
        .map(|(b, a)| CellChange {
            population: b.population.clone(),
            domain: b.domain.clone(),
            change: change(&b.providers, &a.providers),
        })
        .filter(|c| c.change.before != c.change.after)
        .collect();
    Ok(WhatIf {
        without: named(&scenario.without),
        with: named(&scenario.with),
        terms,
        cells,
    })
}

/// What the network would lose if one member or existing partner alone left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dependency {
    /// The organization.
    pub organization: OrganizationRef,
    /// Member or existing partner.
    pub status: Status,
    /// How many priority terms and matrix cells it alone holds up.
    pub damage: usize,
    /// Priority terms that would lose every in-network provider, in priority order.
    pub terms: Vec<TermChange>,
    /// Matrix cells that would lose every in-network provider, row by row.
    pub cells: Vec<CellChange>,
}

/// For every member and existing partner, the priority terms and matrix cells it alone
/// provides, which would become uncovered (or only reachable through a potential partner) if it
/// left; most damage first, ties by name. Equivalent to a [`what_if`] per organization, but
/// computed from one coverage: only thin terms and cells can lose their last provider.
///
/// ```
/// use partnermap_analysis::coverage::{coverage, resilience, Class};
/// use partnermap_core::model::{Coalition, Organization, OrganizationType};
/// let mut coalition = Coalition::new("Demo");
/// coalition.priorities.domains = vec!["digital-access".into()];
/// let mut library = Organization::new("library", "Library", OrganizationType::PublicAgency);
/// library.domains.push("digital-access".into());
/// coalition.organizations.push(library);
/// let report = resilience(&coalition, &coverage(&coalition));
/// assert_eq!(report[0].damage, 1);
/// assert_eq!(report[0].terms[0].change.after, Class::Uncovered);
/// ```
pub fn resilience(coalition: &Coalition, coverage: &Coverage) -> Vec<Dependency> {
    let mut dependencies: Vec<Dependency> = coalition
        .organizations
        .iter()
        .filter(|o| o.status.is_in_network())
        .map(|o| Dependency {
            organization: OrganizationRef::of(o),
            status: o.status,
            damage: 0,
            terms: Vec::new(),
            cells: Vec::new(),
        })
        .collect();
    let at: HashMap<String, usize> = dependencies
        .iter()
        .enumerate()
        .map(|(i, d)| (d.organization.id.clone(), i))
        .collect();
    let loss = |providers: &Providers| {
        let sole = providers.in_network_providers().next()?;
        let after = if providers.potential.is_empty() {
            Class::Uncovered
        } else {
            Class::Reachable
        };
        let change = Change {
            before: Class::Thin,
            after,
            in_network_before: 1,
            in_network_after: 0,
        };
        Some((at[&sole.id], change))
    };
    for term in coverage
        .priorities
        .iter()
        .filter(|t| t.class == Class::Thin)
    {
        if let Some((i, change)) = loss(&term.providers) {
            dependencies[i].terms.push(TermChange {
                term: term.term.clone(),
                change,
            });
        }
    }
    for cell in coverage
        .matrix
        .cells
        .iter()
        .filter(|c| c.class == Class::Thin)
    {
        if let Some((i, change)) = loss(&cell.providers) {
            dependencies[i].cells.push(CellChange {
                population: cell.population.clone(),
                domain: cell.domain.clone(),
                change,
            });
        }
    }
    for dependency in &mut dependencies {
        dependency.damage = dependency.terms.len() + dependency.cells.len();
    }
    dependencies.sort_by(|a, b| {
        b.damage
            .cmp(&a.damage)
            .then_with(|| a.organization.name.cmp(&b.organization.name))
            .then_with(|| a.organization.id.cmp(&b.organization.id))
    });
    dependencies
}

/// Everything `partnermap gaps` reports, in one serializable value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gaps {
    /// The coalition's name.
    pub coalition: String,
    /// The date the data describes, if given.
    pub as_of: Option<String>,
    /// Coverage today.
    pub coverage: Coverage,
    /// Overlap with the convener's customers, when the coalition names its convener.
    pub overlap: Option<ConvenerOverlap>,
    /// The scenario's difference, when the scenario is not empty.
    pub what_if: Option<WhatIf>,
    /// What each member or existing partner alone holds up, today.
    pub resilience: Vec<Dependency>,
}

/// Computes the whole gaps report.
///
/// ```
/// use partnermap_analysis::coverage::{gaps, Scenario};
/// use partnermap_core::model::Coalition;
/// let report = gaps(&Coalition::new("Demo"), &Scenario::default()).unwrap();
/// assert!(report.what_if.is_none() && report.overlap.is_none());
/// ```
pub fn gaps(coalition: &Coalition, scenario: &Scenario) -> Result<Gaps, ScenarioError> {
    let today = coverage(coalition);
    let what_if = if scenario.is_empty() {
        None
    } else {
        Some(what_if(coalition, scenario)?)
    };
    Ok(Gaps {
        coalition: coalition.name.clone(),
        as_of: coalition.as_of.clone(),
        resilience: resilience(coalition, &today),
        overlap: convener_overlap(coalition),
        coverage: today,
        what_if,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnermap_core::model::OrganizationType;
    use proptest::prelude::*;

    fn organization(
        id: &str,
        status: Status,
        populations: &[&str],
        domains: &[&str],
        assets: &[&str],
    ) -> Organization {
        let mut organization = Organization::new(id, &id.to_uppercase(), OrganizationType::Other);
        organization.status = status;
        organization.populations = populations.iter().map(|s| s.to_string()).collect();
        organization.domains = domains.iter().map(|s| s.to_string()).collect();
        organization.assets = assets.iter().map(|s| s.to_string()).collect();
        organization
    }

    /// Four priority populations, one per class, and a domain and asset to match.
    fn small() -> Coalition {
        let mut coalition = Coalition::new("Small");
        coalition.convener = Some("wdb".into());
        coalition.priorities.populations = vec![
            "housing-instability".into(),
            "justice-involved".into(),
            "english-language-learners".into(),
            "young-people".into(),
        ];
        coalition.priorities.domains = vec!["employment-opportunities".into()];
        coalition.priorities.assets = vec!["data-sharing".into()];
        coalition.organizations = vec![
            organization(
                "wdb",
                Status::Member,
                &["young-people"],
                &["employment-opportunities"],
                &["convening-power"],
            ),
            organization(
                "casa",
                Status::Existing,
                &["english-language-learners", "young-people"],
                &["employment-opportunities"],
                &[],
            ),
            organization(
                "reentry",
                Status::Potential,
                &["justice-involved"],
                &["employment-opportunities"],
                &["data-sharing"],
            ),
            organization(
                "legal-aid",
                Status::KeepInformed,
                &["housing-instability"],
                &["just-policing"],
                &[],
            ),
        ];
        coalition
    }

    fn class_of(coverage: &Coverage, kind: TermKind, id: &str) -> Class {
        coverage
            .priorities
            .iter()
            .chain(&coverage.others)
            .find(|t| t.term.kind == kind && t.term.id == id)
            .map(|t| t.class)
            .unwrap()
    }

    #[test]
    fn every_class_is_assigned_by_in_network_and_potential_providers() {
        let report = coverage(&small());
        let classes: Vec<Class> = report.priorities.iter().map(|t| t.class).collect();
        assert_eq!(
            classes,
            [
                // Keep-informed organizations do not count, nor make a term reachable.
                Class::Uncovered,
                Class::Reachable,
                Class::Thin,
                Class::Covered,
                Class::Covered,
                Class::Reachable,
            ]
        );
        let reachable = &report.priorities[1].providers;
        assert_eq!(reachable.potential[0].name, "REENTRY");
        let uncovered = &report.priorities[0].providers;
        assert_eq!(uncovered.keep_informed[0].id, "legal-aid");
        let thin = &report.priorities[2].providers;
        assert_eq!(thin.in_network_providers().next().unwrap().id, "casa");
    }

    #[test]
    fn terms_nobody_prioritised_are_listed_separately() {
        let report = coverage(&small());
        let others: Vec<(TermKind, &str)> = report
            .others
            .iter()
            .map(|t| (t.term.kind, t.term.id.as_str()))
            .collect();
        assert_eq!(
            others,
            [
                (TermKind::Domain, "just-policing"),
                (TermKind::Asset, "convening-power")
            ]
        );
        assert!(report.others.iter().all(|t| !t.priority));
        assert_eq!(
            class_of(&report, TermKind::Asset, "convening-power"),
            Class::Thin
        );
        assert_eq!(
            report.priorities[0].term.label,
            "People experiencing housing instability or homelessness"
        );
    }

    #[test]
    fn matrix_cells_need_the_population_and_the_domain_in_one_organization() {
        let mut coalition = small();
        coalition.priorities.domains.push("digital-access".into());
        // Serves young people and works in digital access, but not in employment.
        coalition.organizations.push(organization(
            "library",
            Status::Existing,
            &["english-language-learners"],
            &["digital-access"],
            &[],
        ));
        let matrix = coverage(&coalition).matrix;
        assert_eq!(matrix.cells.len(), 4 * 2);
        let classes: Vec<Vec<Class>> = (0..4)
            .map(|p| (0..2).map(|d| matrix.cell(p, d).class).collect())
            .collect();
        assert_eq!(
            classes,
            [
                [Class::Uncovered, Class::Uncovered],
                [Class::Reachable, Class::Uncovered],
                [Class::Thin, Class::Thin],
                [Class::Covered, Class::Uncovered],
            ]
        );
        let cell = matrix.cell(2, 1);
        assert_eq!(
            (cell.population.id.as_str(), cell.domain.id.as_str()),
            ("english-language-learners", "digital-access")
        );
        assert_eq!(cell.providers.existing[0].id, "library");
    }

    #[test]
    fn what_if_reports_losses_when_organizations_leave() {
        let coalition = small();
        let scenario = Scenario {
            without: vec!["casa".into()],
            with: vec![],
        };
        let diff = what_if(&coalition, &scenario).unwrap();
        assert_eq!(diff.without[0].name, "CASA");
        let terms: Vec<(&str, Class, Class)> = diff
            .terms
            .iter()
            .map(|t| (t.term.id.as_str(), t.change.before, t.change.after))
            .collect();
        assert_eq!(
            terms,
            [
                ("english-language-learners", Class::Thin, Class::Uncovered),
                ("young-people", Class::Covered, Class::Thin),
                ("employment-opportunities", Class::Covered, Class::Thin),
            ]
        );
        let cells: Vec<(&str, Class, Class)> = diff
            .cells
            .iter()
            .map(|c| (c.population.id.as_str(), c.change.before, c.change.after))
            .collect();
        assert_eq!(
            cells,
            [
                ("english-language-learners", Class::Thin, Class::Uncovered),
                ("young-people", Class::Covered, Class::Thin),
            ]
        );
    }

    #[test]
    fn what_if_reports_gains_when_potential_partners_join() {
        let coalition = small();
        let scenario = Scenario {
            without: vec![],
            with: vec!["reentry".into(), "legal-aid".into()],
        };
        let diff = what_if(&coalition, &scenario).unwrap();
        let terms: Vec<(&str, Class, Class, usize)> = diff
            .terms
            .iter()
            .map(|t| {
                (
                    t.term.id.as_str(),
                    t.change.before,
                    t.change.after,
                    t.change.in_network_after,
                )
            })
            .collect();
        assert_eq!(
            terms,
            [
                ("housing-instability", Class::Uncovered, Class::Thin, 1),
                ("justice-involved", Class::Reachable, Class::Thin, 1),
                ("data-sharing", Class::Reachable, Class::Thin, 1),
            ]
        );
        assert_eq!(diff.cells.len(), 1);
        assert_eq!(diff.cells[0].change.after, Class::Thin);
    }

    #[test]
    fn scenarios_reject_unknown_organizations_members_and_contradictions() {
        let coalition = small();
        let apply = |without: &[&str], with: &[&str]| {
            Scenario {
                without: without.iter().map(|s| s.to_string()).collect(),
                with: with.iter().map(|s| s.to_string()).collect(),
            }
            .apply(&coalition)
            .map(|_| ())
        };
        assert_eq!(
            apply(&["nobody"], &[]),
            Err(ScenarioError::UnknownOrganization("nobody".into()))
        );
        assert_eq!(
            apply(&[], &["casa"]),
            Err(ScenarioError::AlreadyInNetwork("CASA".into()))
        );
        assert_eq!(
            apply(&["reentry"], &["reentry"]),
            Err(ScenarioError::LeavesAndJoins("REENTRY".into()))
        );
    }

    #[test]
    fn resilience_names_what_each_partner_alone_holds_up() {
        let coalition = small();
        let report = resilience(&coalition, &coverage(&coalition));
        let order: Vec<(&str, usize)> = report
            .iter()
            .map(|d| (d.organization.id.as_str(), d.damage))
            .collect();
        assert_eq!(order, [("casa", 2), ("wdb", 0)]);
        assert_eq!(report[0].terms[0].term.id, "english-language-learners");
        assert_eq!(report[0].cells[0].change.after, Class::Uncovered);
    }

    #[test]
    fn resilience_ties_are_broken_by_name() {
        let mut coalition = small();
        coalition.organizations[0].name = "Zeta Board".into();
        coalition.organizations[1].name = "Alpha Casa".into();
        // Each now alone serves one population, and that population in employment.
        coalition.organizations[1].populations = vec!["english-language-learners".into()];
        let report = resilience(&coalition, &coverage(&coalition));
        let order: Vec<(&str, usize)> = report
            .iter()
            .map(|d| (d.organization.name.as_str(), d.damage))
            .collect();
        assert_eq!(order, [("Alpha Casa", 2), ("Zeta Board", 2)]);
    }

    #[test]
    fn convener_overlap_ranks_shared_customers_then_additions() {
        let report = convener_overlap(&small()).unwrap();
        assert_eq!(report.convener.id, "wdb");
        let ranked: Vec<(&str, usize, usize)> = report
            .organizations
            .iter()
            .map(|o| (o.organization.id.as_str(), o.shared(), o.adds.len()))
            .collect();
        assert_eq!(
            ranked,
            [("casa", 2, 1), ("reentry", 1, 2), ("legal-aid", 0, 1)]
        );
        let mut coalition = small();
        coalition.convener = Some("nobody".into());
        assert_eq!(convener_overlap(&coalition), None);
    }

    const POPULATIONS: [&str; 3] = ["young-people", "low-income", "justice-involved"];
    const DOMAINS: [&str; 2] = ["digital-access", "housing-stability"];
    const ASSETS: [&str; 2] = ["data-sharing", "staff-capacity"];

    fn pick(all: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
        proptest::sample::subsequence(all, 0..=all.len())
            .prop_map(|v| v.into_iter().map(String::from).collect())
    }

    fn arbitrary_coalition() -> impl Strategy<Value = Coalition> {
        let status = proptest::sample::select(Status::ALL);
        let organization = (status, pick(&POPULATIONS), pick(&DOMAINS), pick(&ASSETS));
        (
            proptest::collection::vec(organization, 1..7),
            pick(&POPULATIONS),
            pick(&DOMAINS),
        )
            .prop_map(|(organizations, populations, domains)| {
                let mut coalition = Coalition::new("Random");
                coalition.priorities.populations = populations;
                coalition.priorities.domains = domains;
                coalition.priorities.assets = ASSETS.iter().map(|s| s.to_string()).collect();
                for (i, (status, populations, domains, assets)) in
                    organizations.into_iter().enumerate()
                {
                    let mut org = Organization::new(
                        &format!("o{i}"),
                        &format!("Org {i}"),
                        OrganizationType::Other,
                    );
                    org.status = status;
                    org.populations = populations;
                    org.domains = domains;
                    org.assets = assets;
                    coalition.organizations.push(org);
                }
                coalition
            })
    }

    /// Every priority term and matrix cell with its in-network count and class, in order.
    fn levels(coverage: &Coverage) -> Vec<(usize, Class)> {
        coverage
            .priorities
            .iter()
            .map(|t| (t.providers.in_network(), t.class))
            .chain(
                coverage
                    .matrix
                    .cells
                    .iter()
                    .map(|c| (c.providers.in_network(), c.class)),
            )
            .collect()
    }

    proptest! {
        #[test]
        fn removing_an_organization_never_improves_coverage(coalition in arbitrary_coalition(), pick in any::<prop::sample::Index>()) {
            let leaving = &coalition.organizations[pick.index(coalition.organizations.len())];
            let scenario = Scenario { without: vec![leaving.id.clone()], with: vec![] };
            let before = levels(&coverage(&coalition));
            let after = levels(&coverage(&scenario.apply(&coalition).unwrap()));
            for ((count_before, class_before), (count_after, class_after)) in before.iter().zip(&after) {
                prop_assert!(count_after <= count_before);
                prop_assert!(class_after <= class_before);
            }
            let diff = what_if(&coalition, &scenario).unwrap();
            prop_assert!(diff.terms.iter().all(|t| t.change.after < t.change.before));
        }

        #[test]
        fn joining_then_leaving_undoes_the_join(coalition in arbitrary_coalition(), pick in any::<prop::sample::Index>()) {
            let candidates: Vec<&Organization> = coalition.organizations.iter().filter(|o| o.status == Status::Potential).collect();
            prop_assume!(!candidates.is_empty());
            let joining = candidates[pick.index(candidates.len())].id.clone();
            let with = Scenario { without: vec![], with: vec![joining.clone()] };
            let without = Scenario { without: vec![joining.clone()], with: vec![] };
            let joined = with.apply(&coalition).unwrap();
            // Leaving removes the organization altogether, so the round trip lands where the
            // organization never existed...
            let round_trip = coverage(&without.apply(&joined).unwrap());
            prop_assert_eq!(&round_trip, &coverage(&without.apply(&coalition).unwrap()));
            // ...and in-network coverage, which a potential partner never contributes to, is
            // exactly what it was before the join.
            prop_assert_eq!(
                round_trip.priorities.iter().map(|t| t.providers.in_network()).collect::<Vec<_>>(),
                coverage(&coalition).priorities.iter().map(|t| t.providers.in_network()).collect::<Vec<_>>()
            );
            // The join's difference is exactly undone by the leave's.
            let gained = what_if(&coalition, &with).unwrap();
            let lost = what_if(&joined, &without).unwrap();
            for change in &gained.terms {
                let undone = lost.terms.iter().find(|t| t.term == change.term).unwrap();
                prop_assert_eq!(undone.change.before, change.change.after);
                prop_assert_eq!(undone.change.in_network_after, change.change.in_network_before);
            }
        }

        #[test]
        fn resilience_agrees_with_what_if(coalition in arbitrary_coalition()) {
            let report = resilience(&coalition, &coverage(&coalition));
            for dependency in report {
                let scenario = Scenario { without: vec![dependency.organization.id.clone()], with: vec![] };
                let diff = what_if(&coalition, &scenario).unwrap();
                let emptied = |c: &Change| c.in_network_after == 0;
                let terms: Vec<TermChange> = diff.terms.into_iter().filter(|t| emptied(&t.change)).collect();
                let cells: Vec<CellChange> = diff.cells.into_iter().filter(|c| emptied(&c.change)).collect();
                prop_assert_eq!(&dependency.terms, &terms);
                prop_assert_eq!(&dependency.cells, &cells);
            }
        }
    }
}
