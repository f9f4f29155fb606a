//! What-if scenarios: organizations leaving or joining, and the difference in coverage they
//! make (docs/gaps.md, "What if").

use super::{coverage, Class, Coverage, OrganizationRef, Providers, TermRef};
use partnermap_core::model::{Coalition, Organization, Status};
use partnermap_core::{Landscape, LookupError};
use serde::Serialize;
use std::collections::HashSet;

/// Organizations leaving and joining, each by id or name as a person wrote it.
///
/// Leaving removes an organization from the landscape: it no longer provides anything, not even
/// as a potential partner. Joining turns a potential (or keep-informed) organization into an
/// existing partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Scenario {
    /// Organizations that leave.
    pub without: Vec<String>,
    /// Organizations that join as existing partners.
    pub with: Vec<String>,
}

/// Which half of a scenario a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The organizations leaving (`--without`).
    Leaving,
    /// The organizations joining (`--with`).
    Joining,
}

/// Why a scenario cannot be applied. [`Scenario::apply`] reports every one at once.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    /// No single organization has this id or name.
    #[error("\"{text}\": {lookup}")]
    UnknownOrganization {
        /// Leaving or joining.
        side: Side,
        /// What was written.
        text: String,
        /// Not found (with the likely intended organization) or ambiguous.
        lookup: LookupError,
    },
    /// The organization (named) is already a member or existing partner, so it cannot join.
    #[error("\"{name}\" is already in the network, so it cannot join")]
    AlreadyInNetwork {
        /// Its name.
        name: String,
        /// Member or existing partner.
        status: Status,
    },
    /// The organization (named) is both leaving and joining.
    #[error("\"{0}\" cannot both leave and join")]
    LeavesAndJoins(String),
}

impl ScenarioError {
    /// The `error:` line (and `hint:`) naming the command-line flag the problem is in
    /// (`--without` for leaving, `--with` for joining); `organizations` are the coalition's.
    pub fn flag_problem(&self, organizations: &[Organization]) -> String {
        let flag = |side: &Side| match side {
            Side::Leaving => "--without",
            Side::Joining => "--with",
        };
        match self {
            ScenarioError::UnknownOrganization { side, text, lookup } => {
                lookup.flag_problem(organizations, flag(side), text)
            }
            ScenarioError::AlreadyInNetwork { name, status } => format!(
                "error: --with \"{name}\": already in the network ({})\n  hint: --with is for potential partners joining; use --without to see what losing it would cost",
                status.label().to_lowercase()
            ),
            ScenarioError::LeavesAndJoins(name) => {
                format!("error: \"{name}\" is given to both --with and --without")
            }
        }
    }
}

/// A scenario applied: the coalition after it, and who left and joined (by index into the
/// coalition before).
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The coalition as it would be.
    pub after: Coalition,
    /// The organizations that leave, in the order given.
    pub leaving: Vec<usize>,
    /// The organizations that join, in the order given.
    pub joining: Vec<usize>,
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

    /// The coalition as it would be after the scenario, or every reason it cannot be.
    ///
    /// ```
    /// use partnermap_analysis::coverage::{Scenario, ScenarioError};
    /// use partnermap_core::model::{Coalition, Organization, OrganizationType, Status};
    /// use partnermap_core::Landscape;
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.organizations.push(Organization::new("a", "A", OrganizationType::Other));
    /// let landscape = Landscape::build(&coalition);
    /// let leaving = Scenario { without: vec!["a".into()], with: vec![] };
    /// assert!(leaving.apply(&landscape).unwrap().after.organizations.is_empty());
    /// let joining = Scenario { without: vec![], with: vec!["A".into(), "b".into()] };
    /// let errors = joining.apply(&landscape).unwrap_err();
    /// assert_eq!(errors.len(), 2);
    /// assert!(matches!(errors[0], ScenarioError::UnknownOrganization { .. }));
    /// assert_eq!(errors[1], ScenarioError::AlreadyInNetwork { name: "A".into(), status: Status::Existing });
    /// ```
    pub fn apply(&self, landscape: &Landscape) -> Result<Applied, Vec<ScenarioError>> {
        let coalition = landscape.coalition();
        let mut errors = Vec::new();
        let mut resolve = |side: Side, list: &[String]| -> Vec<usize> {
            let mut found = Vec::new();
            for text in list {
                match landscape.find_organization(text) {
                    Ok(i) if !found.contains(&i) => found.push(i),
                    Ok(_) => {}
                    Err(lookup) => errors.push(ScenarioError::UnknownOrganization {
                        side,
                        text: text.clone(),
                        lookup,
                    }),
                }
            }
            found
        };
        let leaving = resolve(Side::Leaving, &self.without);
        let joining = resolve(Side::Joining, &self.with);
        let mut after = coalition.clone();
        for &i in &joining {
            let organization = &mut after.organizations[i];
            // An error rather than no change: "with" a partner already there would report a
            // difference of nothing, which reads as "joining changes nothing".
            if organization.status.is_in_network() {
                errors.push(ScenarioError::AlreadyInNetwork {
                    name: organization.name.clone(),
                    status: organization.status,
                });
            }
            if leaving.contains(&i) {
                errors.push(ScenarioError::LeavesAndJoins(organization.name.clone()));
            }
            organization.status = Status::Existing;
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let gone: HashSet<usize> = leaving.iter().copied().collect();
        let mut index = 0;
        after.organizations.retain(|_| {
            index += 1;
            !gone.contains(&(index - 1))
        });
        Ok(Applied {
            after,
            leaving,
            joining,
        })
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
/// let change = what_if(&partnermap_core::Landscape::build(&coalition), &joins).unwrap().terms[0].change;
/// assert_eq!((change.before, change.after), (Class::Reachable, Class::Thin));
/// ```
pub fn what_if(landscape: &Landscape, scenario: &Scenario) -> Result<WhatIf, Vec<ScenarioError>> {
    what_if_from(landscape, &coverage(landscape), scenario)
}

/// [`what_if`] from the coverage of `landscape` already computed.
pub(super) fn what_if_from(
    landscape: &Landscape,
    before: &Coverage,
    scenario: &Scenario,
) -> Result<WhatIf, Vec<ScenarioError>> {
    let coalition = landscape.coalition();
    let applied = scenario.apply(landscape)?;
    let named = |list: &[usize]| -> Vec<OrganizationRef> {
        list.iter()
            .map(|&i| OrganizationRef::of(&coalition.organizations[i]))
            .collect()
    };
    let after = coverage(&Landscape::build(&applied.after));
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
        without: named(&applied.leaving),
        with: named(&applied.joining),
        terms,
        cells,
    })
}
