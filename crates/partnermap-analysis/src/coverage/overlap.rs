//! Overlap with the convener's own customers: who shares the convener's populations and
//! domains, and which priority terms each organization would add (docs/gaps.md).
use super::{OrganizationRef, TermRef};
use partnermap_core::model::Status;
use partnermap_core::vocabulary::TermKind;
use partnermap_core::Landscape;
use serde::Serialize;
use std::collections::HashMap;

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
/// let overlap = convener_overlap(&partnermap_core::Landscape::build(&coalition)).unwrap();
/// assert_eq!(overlap.organizations[0].shared_populations[0].id, "young-people");
/// assert_eq!(overlap.organizations[0].adds[0].id, "english-language-learners");
/// ```
pub fn convener_overlap(landscape: &Landscape) -> Option<ConvenerOverlap> {
    let coalition = landscape.coalition();
    let convener = landscape.organization(coalition.convener.as_deref()?)?;
    let vocabulary = landscape.vocabulary();
    let shared: HashMap<usize, _> = landscape
        .overlaps(convener, 1, usize::MAX)
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
