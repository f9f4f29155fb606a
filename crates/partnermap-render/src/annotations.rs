//! What an analysis knows about the network, handed to the renderer so the renderer never
//! analyses anything itself.

use partnermap_core::Coalition;
use std::collections::BTreeSet;

/// How well the in-network partners reach a priority population.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CoverageClass {
    /// No member or existing partner serves it, and no potential partner either.
    Uncovered,
    /// No member or existing partner serves it, but a potential partner does.
    Reachable,
    /// Exactly one member or existing partner serves it: one closure away from uncovered.
    Thin,
    /// Two or more members or existing partners serve it.
    Covered,
}

impl CoverageClass {
    /// The word shown on maps.
    ///
    /// ```
    /// use partnermap_render::CoverageClass;
    /// assert_eq!(CoverageClass::Reachable.label(), "reachable");
    /// assert!(CoverageClass::Uncovered < CoverageClass::Covered, "worst first");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            CoverageClass::Uncovered => "uncovered",
            CoverageClass::Reachable => "reachable",
            CoverageClass::Thin => "thin",
            CoverageClass::Covered => "covered",
        }
    }
}

/// The coverage of one priority population.
///
/// ```
/// use partnermap_render::{Coverage, CoverageClass};
/// let thin = Coverage { class: CoverageClass::Thin, providers: 1 };
/// assert_eq!(thin.class.label(), "thin");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// The class it falls in.
    pub class: CoverageClass,
    /// How many members and existing partners serve it.
    pub providers: usize,
}

/// An organization's place in the brokers ranking, and why it is there.
///
/// ```
/// let second = partnermap_render::BrokerRank { place: 1, reason: "bridges 3 groups".into() };
/// assert_eq!(second.place, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerRank {
    /// 0 for the first broker of the ranking.
    pub place: usize,
    /// Why, in plain words (shown in the node's tooltip).
    pub reason: String,
}

/// Per-organization and per-population findings, indexed like the coalition they describe.
///
/// ```
/// use partnermap_core::{Coalition, Organization, OrganizationType};
/// use partnermap_render::Annotations;
/// let mut coalition = Coalition::new("Demo");
/// coalition.organizations.push(Organization::new("a", "A", OrganizationType::Business));
/// let mut annotations = Annotations::default_for(&coalition);
/// annotations.brokers[0] = Some(partnermap_render::BrokerRank { place: 0, reason: "bridges".into() });
/// annotations.centrality[0] = 0.8;
/// assert_eq!(annotations.community, [None]);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Annotations {
    /// Betweenness centrality per organization, 0..=1; sizes the nodes.
    pub centrality: Vec<f64>,
    /// Per organization: its place in the brokers ranking, if it has one. A map marks only the
    /// first few of those it shows (five, or a tenth on maps of more than fifty).
    pub brokers: Vec<Option<BrokerRank>>,
    /// Per organization: how many others its departure would cut off from the rest of the
    /// network. Maps mark it as a cut point when that is more than one.
    pub cut_off: Vec<usize>,
    /// Per organization: its community, when communities were detected.
    pub community: Vec<Option<usize>>,
    /// Per priority population (in `coalition.priorities.populations` order): its coverage,
    /// when assessed.
    pub coverage: Vec<Option<Coverage>>,
    /// Warm-introduction paths, each a sequence of organization indices starting at the
    /// convener.
    pub paths: Vec<Vec<usize>>,
    /// What changed since an earlier snapshot, drawn by the change view.
    pub changes: Option<Changes>,
}

/// What changed since an earlier snapshot, on a coalition holding both (the new snapshot, the
/// organizations that left and the partnerships that ended).
///
/// ```
/// let changes = partnermap_render::Changes { joined: [2].into(), ..Default::default() };
/// assert!(changes.left.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Organizations that joined, by index.
    pub joined: BTreeSet<usize>,
    /// Potential partners that became members or existing partners.
    pub converted: BTreeSet<usize>,
    /// Organizations that left.
    pub left: BTreeSet<usize>,
    /// Partnerships added, by index into the coalition's partnerships.
    pub added: BTreeSet<usize>,
    /// Partnerships that ended.
    pub ended: BTreeSet<usize>,
}

impl Annotations {
    /// Neutral annotations: nobody central, no brokers or cut points, no communities, coverage
    /// not assessed, no paths. Maps drawn with these show the data and nothing inferred.
    pub fn default_for(coalition: &Coalition) -> Annotations {
        let n = coalition.organizations.len();
        Annotations {
            centrality: vec![0.0; n],
            brokers: vec![None; n],
            cut_off: vec![0; n],
            community: vec![None; n],
            coverage: vec![None; coalition.priorities.populations.len()],
            paths: Vec::new(),
            changes: None,
        }
    }

    pub(crate) fn centrality(&self, org: usize) -> f64 {
        self.centrality
            .get(org)
            .copied()
            .filter(|c| c.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0)
    }

    pub(crate) fn broker(&self, org: usize) -> Option<&BrokerRank> {
        self.brokers.get(org).and_then(Option::as_ref)
    }

    pub(crate) fn cut_off(&self, org: usize) -> usize {
        self.cut_off.get(org).copied().unwrap_or(0)
    }

    pub(crate) fn community(&self, org: usize) -> Option<usize> {
        self.community.get(org).copied().flatten()
    }

    pub(crate) fn coverage(&self, priority: usize) -> Option<Coverage> {
        self.coverage.get(priority).copied().flatten()
    }
}
