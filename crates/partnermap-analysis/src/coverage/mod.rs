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
//! let report = coverage(&partnermap_core::Landscape::build(&coalition));
//! assert_eq!(report.priorities[0].class, Class::Thin);
//! assert_eq!(report.priorities[1].class, Class::Reachable);
//! assert_eq!(report.priorities[1].providers.potential[0].name, "Reentry Network");
//! ```

mod matrix;
mod overlap;
mod resilience;
mod scenario;

pub use matrix::{Cell, Matrix};
pub use overlap::{convener_overlap, ConvenerOverlap, CustomerOverlap};
pub use resilience::{resilience, Dependency};
pub use scenario::{
    what_if, Applied, CellChange, Change, Scenario, ScenarioError, Side, TermChange, WhatIf,
};

use partnermap_core::graph::Node;
use partnermap_core::model::{Organization, Status};
use partnermap_core::vocabulary::{TermKind, Vocabulary};
use partnermap_core::Landscape;
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

    pub(crate) fn push(&mut self, organization: &Organization) {
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
    /// let landscape = partnermap_core::Landscape::build(&coalition);
    /// assert_eq!(coverage(&landscape).priorities_in(Class::Uncovered).count(), 1);
    /// ```
    pub fn priorities_in(&self, class: Class) -> impl Iterator<Item = &TermCoverage> {
        self.priorities.iter().filter(move |t| t.class == class)
    }
}

/// Computes the coverage of every priority term, every other mentioned term and the matrix.
/// See the [module documentation](self) for an example.
pub fn coverage(landscape: &Landscape) -> Coverage {
    let coalition = landscape.coalition();
    let vocabulary = landscape.vocabulary();
    let providers = |kind: TermKind, id: &str| -> Providers {
        let mut providers = Providers::default();
        for i in landscape.providers(kind, id) {
            providers.push(&coalition.organizations[i]);
        }
        providers
    };
    let mut priorities = Vec::new();
    let mut seen = HashSet::new();
    for kind in TermKind::ALL {
        for id in coalition.priorities.terms(kind) {
            if !seen.insert((kind, id.as_str())) {
                continue;
            }
            priorities.push(term_coverage(
                vocabulary,
                kind,
                id,
                true,
                providers(kind, id),
            ));
        }
    }
    // Every other term: the term nodes that only organizations put there.
    let mut others: Vec<TermCoverage> =
        landscape
            .graph()
            .node_weights()
            .filter_map(|node| match node {
                Node::Term(kind, id) if !seen.contains(&(*kind, id.as_str())) => Some(
                    term_coverage(vocabulary, *kind, id, false, providers(*kind, id)),
                ),
                _ => None,
            })
            .collect();
    others.sort_by(|a, b| {
        (a.term.kind, &a.term.label, &a.term.id).cmp(&(b.term.kind, &b.term.label, &b.term.id))
    });
    Coverage {
        priorities,
        others,
        matrix: matrix::matrix(coalition, vocabulary),
    }
}

fn term_coverage(
    vocabulary: &Vocabulary,
    kind: TermKind,
    id: &str,
    priority: bool,
    mut providers: Providers,
) -> TermCoverage {
    providers.sort();
    TermCoverage {
        term: TermRef::new(vocabulary, kind, id),
        priority,
        class: Class::of(&providers),
        providers,
    }
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

impl Gaps {
    /// What each member or existing partner alone holds up, by organization id: one lookup
    /// per table row, not a scan of [`resilience`](Gaps::resilience).
    pub fn resilience_by_id(&self) -> HashMap<&str, &Dependency> {
        let by_id = self
            .resilience
            .iter()
            .map(|d| (d.organization.id.as_str(), d));
        by_id.collect()
    }
}

/// Computes the whole gaps report.
///
/// ```
/// use partnermap_analysis::coverage::{gaps, Scenario};
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let report = gaps(&Landscape::build(&coalition), &Scenario::default()).unwrap();
/// assert!(report.what_if.is_none() && report.overlap.is_none());
/// ```
pub fn gaps(landscape: &Landscape, scenario: &Scenario) -> Result<Gaps, Vec<ScenarioError>> {
    let coalition = landscape.coalition();
    let _step = partnermap_core::progress::step("coverage, scenarios and resilience", 0);
    let today = coverage(landscape);
    let what_if = if scenario.is_empty() {
        None
    } else {
        Some(scenario::what_if_from(landscape, &today, scenario)?)
    };
    Ok(Gaps {
        coalition: coalition.name.clone(),
        as_of: coalition.as_of.clone(),
        resilience: resilience(landscape, &today),
        overlap: convener_overlap(landscape),
        coverage: today,
        what_if,
    })
}

#[cfg(test)]
mod tests;
