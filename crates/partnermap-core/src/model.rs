//! The model of a coalition's partner network, in the worksheet's words: the coalition and its
//! priorities (Part 1), organizations (Tables 1–4) and the partnerships between them.
//!
//! Terms (populations, domains, assets) are stored by vocabulary id; labels come from the
//! [`Vocabulary`](crate::vocabulary::Vocabulary) when something is shown to a person.

use crate::vocabulary::{closest, normalize, Term, TermKind, Vocabulary};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Extra fields a network file gives an organization or a tie (a Pajek partition value, a GML
/// node attribute such as `agency`), by name, as written. Nothing analyses them; they are kept so
/// no information in the file is lost and so they travel to JSON.
pub type Attributes = BTreeMap<String, String>;

/// Defines a closed list of choices with an id (used in files and JSON), a label (shown to
/// people) and aliases, so parsing, messages and docs come from one table.
macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $id:literal, $label:literal, [$($alias:literal),*];)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)+
        }

        impl $name {
            /// Every choice, in the order the worksheet lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Where the choice stands in [`ALL`](Self::ALL), the worksheet's order (what
            /// sorts groups on a map and numbers a Pajek partition).
            pub fn position(self) -> usize {
                // ALL lists the variants in the order they are declared.
                self as usize
            }

            /// The identifier used in files and JSON.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }

            /// The label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($alias),*]),+ }
            }

            /// Parses an id, label or alias, ignoring case and punctuation. On a miss, returns
            /// the label of the likely intended choice, if any.
            pub fn parse(text: &str) -> Result<$name, Option<String>> {
                // Files partnermap writes, and most large ones, hold the ids: those need no
                // normalising. The normalised keys are built once, not on every cell.
                if let Some(&choice) = $name::ALL.iter().find(|c| c.id() == text) {
                    return Ok(choice);
                }
                static KEYS: std::sync::OnceLock<Vec<(String, $name)>> = std::sync::OnceLock::new();
                let keys = KEYS.get_or_init(|| {
                    $name::ALL.iter().flat_map(|&c| {
                        [c.id(), c.label()].into_iter().chain(c.aliases().iter().copied()).map(move |k| (normalize(k), c))
                    }).collect()
                });
                let wanted = normalize(text);
                if let Some(&(_, choice)) = keys.iter().find(|(key, _)| *key == wanted) {
                    return Ok(choice);
                }
                let candidates = $name::ALL.iter().flat_map(|c| {
                    [c.id(), c.label()].into_iter().chain(c.aliases().iter().copied()).map(|k| (k, c.label()))
                });
                Err(closest(text, candidates))
            }

            /// The accepted values, for error messages.
            pub fn expected() -> String {
                $name::ALL.iter().map(|c| c.id()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

choices! {
    /// The kind of organization (worksheet "Type of organization"; Figure 1's actors).
    OrganizationType {
        CommunityBasedNonprofit = "community-based-nonprofit", "Community-based nonprofit", ["nonprofit", "CBO", "community-based organization", "community organization"];
        AdvisoryBoard = "advisory-board", "Advisory board", [];
        PublicAgency = "public-agency", "Public agency", ["government", "government agency", "public"];
        School = "school", "School or educational institution", ["school or educational institution", "educational institution", "college", "university", "school district"];
        FaithBased = "faith-based", "Faith-based organization", ["faith-based organization", "church", "congregation", "place of worship", "faith"];
        Business = "business", "Business", ["employer", "for-profit", "private business", "company"];
        FinancialInstitution = "financial-institution", "Financial institution", ["bank", "credit union", "CDFI"];
        AnchorInstitution = "anchor-institution", "Anchor institution", ["anchor", "hospital"];
        WorkforceBoard = "workforce-board", "Workforce development board", ["workforce development board", "WDB", "LWDB", "workforce board"];
        AmericanJobCenter = "american-job-center", "American Job Center", ["AJC", "one-stop", "one-stop center", "America's Job Center"];
        EmploymentNetwork = "employment-network", "Employment Network", ["EN"];
        VocationalRehabilitation = "vocational-rehabilitation", "Vocational rehabilitation agency", ["vocational rehabilitation agency", "VR", "SVRA", "state vocational rehabilitation agency"];
        Other = "other", "Other", [];
    }
}

impl OrganizationType {
    /// Fill and text colour of the type on the maps, and of its nodes in exported networks
    /// (GEXF's `viz:color`): Okabe–Ito first, then Paul Tol's light scheme, chosen to survive
    /// colour-blindness and greyscale printing, with white text only where black would be
    /// hard to read.
    pub fn colours(self) -> (&'static str, &'static str) {
        use OrganizationType as T;
        match self {
            T::CommunityBasedNonprofit => ("#E69F00", "#000000"),
            T::AdvisoryBoard => ("#FFAABB", "#000000"),
            T::PublicAgency => ("#56B4E9", "#000000"),
            T::School => ("#F0E442", "#000000"),
            T::FaithBased => ("#CC79A7", "#000000"),
            T::Business => ("#0072B2", "#FFFFFF"),
            T::FinancialInstitution => ("#009E73", "#000000"),
            T::AnchorInstitution => ("#D55E00", "#000000"),
            T::WorkforceBoard => ("#BBCC33", "#000000"),
            T::AmericanJobCenter => ("#99DDFF", "#000000"),
            T::EmploymentNetwork => ("#EE8866", "#000000"),
            T::VocationalRehabilitation => ("#AAAA00", "#000000"),
            T::Other => ("#DDDDDD", "#000000"),
        }
    }
}

choices! {
    /// Where an organization stands with the coalition.
    Status {
        /// Part of the coalition (the convener is one).
        Member = "member", "Member", ["coalition member"];
        /// An existing partner (worksheet Table 1).
        Existing = "existing", "Existing partner", ["existing partner", "partner"];
        /// A potential new partner (worksheet Table 2).
        Potential = "potential", "Potential partner", ["potential partner", "prospect"];
        /// To keep informed rather than invite (worksheet Part 5).
        KeepInformed = "keep-informed", "Keep informed", ["informed"];
    }
}

impl Status {
    /// Members and existing partners are "in the network": they count for coverage today.
    pub fn is_in_network(self) -> bool {
        matches!(self, Status::Member | Status::Existing)
    }
}

choices! {
    /// What a partnership consists of.
    PartnershipKind {
        FormalMou = "formal-mou", "Formal MOU", ["MOU", "memorandum of understanding", "formal"];
        Informal = "informal", "Informal", [];
        Referral = "referral", "Referral", ["referrals"];
        CoEnrollment = "co-enrollment", "Co-enrollment", ["coenrollment", "co-case management"];
        Funding = "funding", "Funding", ["grant", "grants"];
        Subcontract = "subcontract", "Subcontract", ["contract"];
        DataSharing = "data-sharing", "Data sharing", ["data-sharing agreement"];
        Other = "other", "Other", [];
    }
}

choices! {
    /// How often two partners work together (PARTNER's survey question on frequency).
    Frequency {
        Yearly = "yearly", "About once a year or less", ["annually", "once a year", "rarely"];
        Quarterly = "quarterly", "About once a quarter", ["once a quarter"];
        Monthly = "monthly", "About once a month", ["once a month"];
        Weekly = "weekly", "Every week", ["once a week"];
        Daily = "daily", "Every day", ["every day"];
    }
}

/// The lowest and highest trust or value score (PARTNER's survey scales: 1 low, 4 high).
pub const SCORE_RANGE: std::ops::RangeInclusive<f64> = 1.0..=4.0;

/// Where an organization is.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// City or town.
    pub city: Option<String>,
    /// County.
    pub county: Option<String>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
}

impl Location {
    /// True when nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &Location::default()
    }
}

/// An organization in the partner landscape (a row of worksheet Tables 1 or 2, with its
/// Table 3 and Table 4 notes).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Stable identifier (a slug); derived from the name when a file leaves it out.
    pub id: String,
    /// The organization's name as people write it.
    pub name: String,
    /// Type of organization.
    #[serde(rename = "type")]
    pub kind: OrganizationType,
    /// Where it stands with the coalition.
    #[serde(default = "default_status")]
    pub status: Status,
    /// Population ids it serves.
    #[serde(default)]
    pub populations: Vec<String>,
    /// Domain ids it works in.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Asset ids it brings.
    #[serde(default)]
    pub assets: Vec<String>,
    /// Table 3: aligned initiatives.
    pub aligned_initiatives: Option<String>,
    /// Table 3: motivations for joining.
    pub motivations: Option<String>,
    /// Table 3: roles it would play.
    pub roles: Option<String>,
    /// Table 3: barriers to partnership, or how it is a good partner.
    pub barriers: Option<String>,
    /// Table 4: who will send the invitation (an organization id or a person).
    pub invited_by: Option<String>,
    /// Contact person or address.
    pub contact: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Location::is_empty")]
    pub location: Location,
    /// Free notes.
    pub notes: Option<String>,
    /// Extra fields from a network file (Pajek partitions and vectors, the mode of a two-mode
    /// network, GML node attributes), by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: Attributes,
}

fn default_status() -> Status {
    Status::Existing
}

impl Organization {
    /// A new organization with only the required fields.
    ///
    /// ```
    /// use partnermap_core::model::{Organization, OrganizationType, Status};
    /// let org = Organization::new("asset-builders", "Forest City Asset Builders", OrganizationType::CommunityBasedNonprofit);
    /// assert_eq!(org.status, Status::Existing);
    /// ```
    pub fn new(id: &str, name: &str, kind: OrganizationType) -> Organization {
        Organization {
            id: id.to_string(),
            name: name.to_string(),
            kind,
            status: Status::Existing,
            populations: Vec::new(),
            domains: Vec::new(),
            assets: Vec::new(),
            aligned_initiatives: None,
            motivations: None,
            roles: None,
            barriers: None,
            invited_by: None,
            contact: None,
            website: None,
            location: Location::default(),
            notes: None,
            attributes: Attributes::new(),
        }
    }
}

/// The one of three values, given in worksheet order (populations, domains, assets), that
/// belongs to `kind`: the single place that maps a term kind to its list, for organizations,
/// priorities, extra terms and planner weights alike.
fn of_kind<T>(kind: TermKind, [population, domain, asset]: [T; 3]) -> T {
    match kind {
        TermKind::Population => population,
        TermKind::Domain => domain,
        TermKind::Asset => asset,
    }
}

/// `terms` and `terms_mut` for a type that keeps one list per term kind (`populations`,
/// `domains`, `assets`): organizations, priorities and extra terms map a kind to its list the
/// same way, through [`of_kind`].
macro_rules! term_lists {
    ($type:ty, $item:ty, $what:literal) => {
        impl $type {
            #[doc = concat!("The ", $what, " of one kind.")]
            pub fn terms(&self, kind: TermKind) -> &[$item] {
                of_kind(kind, [&self.populations, &self.domains, &self.assets])
            }

            #[doc = concat!("Mutable access to the ", $what, " of one kind.")]
            pub fn terms_mut(&mut self, kind: TermKind) -> &mut Vec<$item> {
                of_kind(
                    kind,
                    [&mut self.populations, &mut self.domains, &mut self.assets],
                )
            }
        }
    };
}

term_lists!(Organization, String, "term ids this organization provides");
term_lists!(Priorities, String, "priority term ids");
term_lists!(ExtraTerms, Term, "coalition's own terms");

/// A partnership between two organizations.
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// Organization id at one end (the sender when `directed`).
    pub source: String,
    /// Organization id at the other end (the receiver when `directed`).
    pub target: String,
    /// What the partnership consists of.
    #[serde(default = "default_kind")]
    pub kind: PartnershipKind,
    /// Strength of the tie: 1 weak, 2 working, 3 strong.
    #[serde(default = "default_strength")]
    pub strength: u8,
    /// True when the partnership flows one way (referrals, funding), source to target.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub directed: bool,
    /// When it began (free text, usually a date such as 2021-06).
    pub since: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// A numeric weight from a bare edge list; analyses use `strength` when absent.
    pub weight: Option<f64>,
    /// How far the partners trust each other, 1 (low) to 4 (high), decimals allowed (PARTNER's
    /// trust scale: reliability, support of the mission, openness to discussion). Absent means
    /// unknown, never 0.
    pub trust: Option<f64>,
    /// How much the partnership is worth to the coalition, 1 (low) to 4 (high), decimals
    /// allowed (PARTNER's value scale: power and influence, level of involvement, resources
    /// contributed). Absent means unknown.
    pub value: Option<f64>,
    /// How often the partners work together. Absent means unknown.
    pub frequency: Option<Frequency>,
    /// The named relation this tie belongs to when a file holds several networks over the same
    /// organizations (Knoke's "information" and "money", a Pajek `*Arcs :2 "Marital"`).
    pub relation: Option<String>,
    /// Extra fields from a network file (GML edge attributes such as `collab`), by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: Attributes,
}

fn default_kind() -> PartnershipKind {
    PartnershipKind::Other
}

fn default_strength() -> u8 {
    2
}

impl Partnership {
    /// A tie between two organizations with the defaults a file that says nothing more gets:
    /// kind other, strength 2, undirected.
    ///
    /// ```
    /// use partnermap_core::model::{Partnership, PartnershipKind};
    /// let tie = Partnership::new("medici", "albizzi");
    /// assert_eq!((tie.kind, tie.strength, tie.directed), (PartnershipKind::Other, 2, false));
    /// ```
    pub fn new(source: &str, target: &str) -> Partnership {
        Partnership {
            source: source.to_string(),
            target: target.to_string(),
            kind: PartnershipKind::Other,
            strength: 2,
            directed: false,
            since: None,
            notes: None,
            weight: None,
            trust: None,
            value: None,
            frequency: None,
            relation: None,
            attributes: Attributes::new(),
        }
    }

    /// The weight analyses use: the explicit weight when given, else the strength.
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(f64::from(self.strength))
    }
}

/// What the coalition is looking for (worksheet Part 1). Term ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Priorities {
    /// Populations facing the greatest barriers.
    pub populations: Vec<String>,
    /// Areas of greatest concern.
    pub domains: Vec<String>,
    /// Assets the coalition needs.
    pub assets: Vec<String>,
}

/// A coalition's own vocabulary terms, added to the worksheet's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtraTerms {
    /// Extra populations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub populations: Vec<Term>,
    /// Extra domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<Term>,
    /// Extra assets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<Term>,
}

impl ExtraTerms {
    /// True when the coalition declares no terms of its own.
    pub fn is_empty(&self) -> bool {
        TermKind::ALL.iter().all(|&k| self.terms(k).is_empty())
    }
}

/// How the invite planner weighs the gaps a new partner would close (`[planner]` in
/// coalition.toml). A pick's value for a term is the term's weight times `decay` raised to the
/// number of partners already providing it: closing an uncovered term counts fully, a second
/// provider for a thin term counts `decay` times as much, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannerWeights {
    /// Weight of a priority population.
    #[serde(default = "PlannerWeights::default_population")]
    pub population: f64,
    /// Weight of a priority domain.
    #[serde(default = "PlannerWeights::default_domain")]
    pub domain: f64,
    /// Weight of a needed asset.
    #[serde(default = "PlannerWeights::default_asset")]
    pub asset: f64,
    /// Weight of a population × domain cell (a partner serving the population in that domain).
    #[serde(default = "PlannerWeights::default_cell")]
    pub cell: f64,
    /// How much each further provider of the same term counts, between 0 and 1.
    #[serde(default = "PlannerWeights::default_decay")]
    pub decay: f64,
}

impl PlannerWeights {
    fn default_population() -> f64 {
        3.0
    }
    fn default_domain() -> f64 {
        2.0
    }
    fn default_asset() -> f64 {
        2.0
    }
    fn default_cell() -> f64 {
        1.0
    }
    fn default_decay() -> f64 {
        0.5
    }

    /// The weight of one term kind.
    pub fn of(&self, kind: TermKind) -> f64 {
        of_kind(kind, [self.population, self.domain, self.asset])
    }
}

impl Default for PlannerWeights {
    /// Populations 3, domains 2, assets 2, cells 1, decay 0.5.
    fn default() -> PlannerWeights {
        PlannerWeights {
            population: PlannerWeights::default_population(),
            domain: PlannerWeights::default_domain(),
            asset: PlannerWeights::default_asset(),
            cell: PlannerWeights::default_cell(),
            decay: PlannerWeights::default_decay(),
        }
    }
}

/// A coalition and its partner landscape: the canonical document (`partnermap.json`).
#[serde_with::skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coalition {
    /// The coalition's name.
    pub name: String,
    /// The id of the convening organization (the coalition's own organization).
    pub convener: Option<String>,
    /// The date the data describes, shown on maps and reports (e.g. 2026-11-01).
    pub as_of: Option<String>,
    /// Why the coalition is forming, in a sentence or two (the engaging-partners guide's first
    /// step); outreach letters quote it.
    pub purpose: Option<String>,
    /// Worksheet Part 1.
    #[serde(default)]
    pub priorities: Priorities,
    /// The coalition's own terms, added to the worksheet's vocabulary.
    #[serde(default, skip_serializing_if = "ExtraTerms::is_empty")]
    pub vocabulary: ExtraTerms,
    /// How the invite planner weighs gaps; the defaults when absent.
    pub planner: Option<PlannerWeights>,
    /// Every organization in the landscape, the convener included.
    #[serde(default)]
    pub organizations: Vec<Organization>,
    /// Partnerships between organizations.
    #[serde(default)]
    pub partnerships: Vec<Partnership>,
}

/// A relation asked for that no partnership has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no partnership has this relation ({})", describe_relations(.known))]
pub struct UnknownRelation {
    /// The relations the partnerships have, sorted.
    pub known: Vec<String>,
    /// The one that was likely meant.
    pub suggestion: Option<String>,
}

fn describe_relations(known: &[String]) -> String {
    if known.is_empty() {
        "the partnerships have no relation names".to_string()
    } else {
        format!("the relations are {}", known.join(", "))
    }
}

impl Coalition {
    /// The worksheet vocabulary plus this coalition's own terms. Extra terms that collide with a
    /// built-in one are left out (loading reports them).
    pub fn vocabulary(&self) -> Vocabulary {
        let mut vocabulary = Vocabulary::builtin();
        for kind in TermKind::ALL {
            for term in self.vocabulary.terms(kind) {
                let _ = vocabulary.add(kind, term.clone());
            }
        }
        vocabulary
    }

    /// The same coalition with only the partnerships of one named relation (a file that holds
    /// several networks over the same organizations, such as Knoke's "information" and
    /// "money"), compared case-insensitively.
    ///
    /// ```
    /// use partnermap_core::model::{Coalition, Partnership};
    /// let mut coalition = Coalition::new("Knoke");
    /// for relation in ["information", "money"] {
    ///     let mut tie = Partnership::new("a", "b");
    ///     tie.relation = Some(relation.to_string());
    ///     coalition.partnerships.push(tie);
    /// }
    /// assert_eq!(coalition.only_relation("Money").unwrap().partnerships.len(), 1);
    /// let error = coalition.only_relation("informaton").unwrap_err();
    /// assert_eq!(error.suggestion.as_deref(), Some("information"));
    /// assert_eq!(error.to_string(), "no partnership has this relation (the relations are information, money)");
    /// ```
    pub fn only_relation(&self, relation: &str) -> Result<Coalition, UnknownRelation> {
        let mut known: Vec<&str> = self
            .partnerships
            .iter()
            .filter_map(|p| p.relation.as_deref())
            .collect();
        known.sort_unstable();
        known.dedup();
        let Some(&name) = known.iter().find(|k| k.eq_ignore_ascii_case(relation)) else {
            return Err(UnknownRelation {
                suggestion: crate::vocabulary::closest(relation, known.iter().map(|k| (*k, *k))),
                known: known.into_iter().map(str::to_string).collect(),
            });
        };
        let mut only = self.clone();
        only.partnerships
            .retain(|p| p.relation.as_deref() == Some(name));
        Ok(only)
    }

    /// An empty coalition.
    pub fn new(name: &str) -> Coalition {
        Coalition {
            name: name.to_string(),
            convener: None,
            as_of: None,
            purpose: None,
            priorities: Priorities::default(),
            vocabulary: ExtraTerms::default(),
            planner: None,
            organizations: Vec::new(),
            partnerships: Vec::new(),
        }
    }
}

/// Counts that describe a coalition at a glance: what `partnermap validate` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Number of organizations.
    pub organizations: usize,
    /// Number of partnerships.
    pub partnerships: usize,
    /// Organizations per type, in the type list's order, types with none left out.
    pub by_type: Vec<(OrganizationType, usize)>,
    /// Organizations per status, in the status list's order.
    pub by_status: Vec<(Status, usize)>,
    /// Partnerships per kind, in the kind list's order, kinds with none left out.
    pub by_kind: Vec<(PartnershipKind, usize)>,
}

impl Summary {
    /// Counts a coalition.
    ///
    /// ```
    /// use partnermap_core::model::{Coalition, Organization, OrganizationType, Status, Summary};
    /// let mut coalition = Coalition::new("Demo");
    /// coalition.organizations.push(Organization::new("a", "A", OrganizationType::Business));
    /// let summary = Summary::of(&coalition);
    /// assert_eq!(summary.by_type, [(OrganizationType::Business, 1)]);
    /// assert_eq!(summary.by_status[1], (Status::Existing, 1));
    /// ```
    pub fn of(coalition: &Coalition) -> Summary {
        let count = |f: &dyn Fn(&Organization) -> bool| {
            coalition.organizations.iter().filter(|o| f(o)).count()
        };
        Summary {
            organizations: coalition.organizations.len(),
            partnerships: coalition.partnerships.len(),
            by_type: OrganizationType::ALL
                .iter()
                .map(|&t| (t, count(&|o| o.kind == t)))
                .filter(|(_, n)| *n > 0)
                .collect(),
            by_status: Status::ALL
                .iter()
                .map(|&s| (s, count(&|o| o.status == s)))
                .collect(),
            by_kind: PartnershipKind::ALL
                .iter()
                .map(|&k| {
                    (
                        k,
                        coalition
                            .partnerships
                            .iter()
                            .filter(|p| p.kind == k)
                            .count(),
                    )
                })
                .filter(|(_, n)| *n > 0)
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests;
