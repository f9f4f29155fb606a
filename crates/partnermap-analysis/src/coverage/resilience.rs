//! Resilience: what each member or existing partner alone holds up.
use super::{CellChange, Change, Class, Coverage, OrganizationRef, Providers, TermChange};
use partnermap_core::model::Status;
use partnermap_core::Landscape;
use serde::Serialize;
use std::collections::HashMap;

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
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let report = resilience(&landscape, &coverage(&landscape));
/// assert_eq!(report[0].damage, 1);
/// assert_eq!(report[0].terms[0].change.after, Class::Uncovered);
/// ```
pub fn resilience(landscape: &Landscape, coverage: &Coverage) -> Vec<Dependency> {
    let mut dependencies: Vec<Dependency> = landscape
        .coalition()
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
