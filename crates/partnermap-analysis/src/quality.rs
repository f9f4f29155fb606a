//! The quality of relationships: trust and value (PARTNER's 1–4 survey scales) and how often
//! partners work together, per organization and for the network, and the relationships worth
//! investing in.
//!
//! A partnership without a score is unknown, not 0: averages are over the partnerships that
//! were rated, and every figure says how many those are.
//!
//! Relationships to invest in are of two sorts: a partnership of **high value and low trust**
//! (value at least [`HIGH`], trust at most [`LOW`]: it matters, and it is fragile), and the
//! **single tie holding a thin priority**: the thin priority's only provider in the network is an
//! existing partner, not a member, and this partnership is its only one with a member or another
//! existing partner, so the coalition keeps the priority only as long as it keeps this tie.

use crate::coverage::{Class, Coverage, TermRef};
use partnermap_core::model::{Frequency, Status};
use partnermap_core::Landscape;
use serde::Serialize;

/// A score at or above this is high (the upper half of the 1–4 scale).
pub const HIGH: f64 = 3.0;
/// A score at or below this is low.
pub const LOW: f64 = 2.0;

/// Trust and value over some partnerships: the averages of the rated ones and how many
/// were rated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Partnerships counted.
    pub partnerships: usize,
    /// Of those, how many have a trust score.
    pub trust_rated: usize,
    /// Average trust of the rated ones; `None` (JSON `null`) when none was rated.
    pub average_trust: Option<f64>,
    /// Of those, how many have a value score.
    pub value_rated: usize,
    /// Average value of the rated ones.
    pub average_value: Option<f64>,
    /// Of those, how many say how often the partners work together.
    pub frequency_rated: usize,
    /// The median of those answers (the lower of the two middle ones), `None` when none.
    pub typical_frequency: Option<Frequency>,
}

/// What one partnership says: trust, value, frequency.
type Rating = (Option<f64>, Option<f64>, Option<Frequency>);

impl Scores {
    fn of(scores: impl Iterator<Item = Rating>) -> Scores {
        let (mut count, mut trust, mut value, mut frequency) = (0, vec![], vec![], vec![]);
        for (t, v, f) in scores {
            count += 1;
            trust.extend(t);
            value.extend(v);
            frequency.extend(f);
        }
        let mean = |xs: &[f64]| (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64);
        frequency.sort_unstable();
        Scores {
            partnerships: count,
            trust_rated: trust.len(),
            average_trust: mean(&trust),
            value_rated: value.len(),
            average_value: mean(&value),
            frequency_rated: frequency.len(),
            typical_frequency: frequency
                .len()
                .checked_sub(1)
                .map(|last| frequency[last / 2]),
        }
    }

    /// Share of the partnerships with a trust or a value score, given how many have either.
    fn share(rated: usize, partnerships: usize) -> f64 {
        if partnerships == 0 {
            0.0
        } else {
            rated as f64 / partnerships as f64
        }
    }
}

/// The network's trust and value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NetworkQuality {
    /// Averages and counts over every partnership.
    #[serde(flatten)]
    pub scores: Scores,
    /// Share of partnerships with a trust or a value score or a frequency (0 to 1).
    pub share_rated: f64,
}

/// One organization's trust and value: over the partnerships it is an end of.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganizationQuality {
    /// Organization id.
    pub id: String,
    /// Organization name.
    pub name: String,
    /// Its partnerships' scores.
    #[serde(flatten)]
    pub scores: Scores,
}

/// Why a relationship is worth investing in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum InvestReason {
    /// Value at least [`HIGH`], trust at most [`LOW`].
    HighValueLowTrust,
    /// The only tie through which the network keeps these thin priorities.
    HoldsThinPriority {
        /// The priorities, in priority order.
        priorities: Vec<TermRef>,
    },
}

/// A relationship to invest in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Investment {
    /// Index of the partnership in the coalition's list.
    #[serde(skip)]
    pub partnership: usize,
    /// Source organization id.
    pub source: String,
    /// Target organization id.
    pub target: String,
    /// Trust, when rated.
    pub trust: Option<f64>,
    /// Value, when rated.
    pub value: Option<f64>,
    /// How often the two work together, when said.
    pub frequency: Option<Frequency>,
    /// Why, most pressing first.
    pub reasons: Vec<InvestReason>,
}

/// Trust and value of the whole network and of each organization (input order).
///
/// ```
/// use partnermap_analysis::quality::quality;
/// let coalition = partnermap_core::load::from_json_str("x.json", r#"{"name": "x",
///   "organizations": [{"id": "a", "name": "A", "type": "other"}, {"id": "b", "name": "B", "type": "other"}, {"id": "c", "name": "C", "type": "other"}],
///   "partnerships": [{"source": "a", "target": "b", "trust": 4, "value": 2, "frequency": "weekly"},
///     {"source": "a", "target": "c", "trust": 2.5, "frequency": "yearly"}]}"#).unwrap().coalition;
/// let (network, organizations) = quality(&partnermap_core::Landscape::build(&coalition));
/// assert_eq!(network.scores.average_trust, Some(3.25));
/// use partnermap_core::model::Frequency;
/// assert_eq!(network.scores.typical_frequency, Some(Frequency::Yearly));
/// assert_eq!(organizations[1].scores.typical_frequency, Some(Frequency::Weekly));
/// assert_eq!((network.scores.value_rated, network.share_rated), (1, 1.0));
/// assert_eq!(organizations[2].scores.average_value, None);
/// ```
pub fn quality(landscape: &Landscape) -> (NetworkQuality, Vec<OrganizationQuality>) {
    let coalition = landscape.coalition();
    let score = |p: usize| {
        let tie = &coalition.partnerships[p];
        (tie.trust, tie.value, tie.frequency)
    };
    let all = Scores::of(landscape.partnerships().map(|(p, _, _)| score(p)));
    let rated = landscape
        .partnerships()
        .filter(|&(p, _, _)| score(p) != (None, None, None))
        .count();
    let network = NetworkQuality {
        share_rated: Scores::share(rated, all.partnerships),
        scores: all,
    };
    let organizations = coalition
        .organizations
        .iter()
        .enumerate()
        .map(|(i, o)| OrganizationQuality {
            id: o.id.clone(),
            name: o.name.clone(),
            scores: Scores::of(landscape.partners(i).map(|(p, _)| score(p))),
        })
        .collect();
    (network, organizations)
}

/// The relationships to invest in: the single ties holding thin priorities first (most
/// priorities first), then high value with low trust (largest gap between value and trust
/// first); ties by partnership order.
///
/// ```
/// use partnermap_analysis::{coverage::coverage, quality::{invest, InvestReason}};
/// let coalition = partnermap_core::load::from_json_str("x.json", r#"{"name": "x",
///   "priorities": {"domains": ["Housing affordability"]},
///   "organizations": [{"id": "us", "name": "Us", "type": "other", "status": "member"},
///     {"id": "shelter", "name": "Shelter", "type": "other", "domains": ["Housing affordability"]}],
///   "partnerships": [{"source": "us", "target": "shelter", "trust": 1.5, "value": 3.5}]}"#).unwrap().coalition;
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let found = invest(&landscape, &coverage(&landscape));
/// assert_eq!(found.len(), 1);
/// assert!(matches!(found[0].reasons[0], InvestReason::HoldsThinPriority { .. }));
/// assert_eq!(found[0].reasons[1], InvestReason::HighValueLowTrust);
/// ```
pub fn invest(landscape: &Landscape, coverage: &Coverage) -> Vec<Investment> {
    let coalition = landscape.coalition();
    let mut held: Vec<Vec<TermRef>> = vec![Vec::new(); coalition.partnerships.len()];
    for term in coverage
        .priorities
        .iter()
        .filter(|t| t.class == Class::Thin)
    {
        let Some(sole) = term.providers.in_network_providers().next() else {
            continue;
        };
        let Some(provider) = landscape.organization(&sole.id) else {
            continue;
        };
        if coalition.organizations[provider].status != Status::Existing {
            continue;
        }
        let mut ties = landscape.partners(provider).filter(|&(_, other)| {
            other != provider && coalition.organizations[other].status.is_in_network()
        });
        if let (Some((p, _)), None) = (ties.next(), ties.next()) {
            held[p].push(term.term.clone());
        }
    }
    let mut found: Vec<Investment> = coalition
        .partnerships
        .iter()
        .enumerate()
        .filter_map(|(p, tie)| {
            let mut reasons = Vec::new();
            if !held[p].is_empty() {
                reasons.push(InvestReason::HoldsThinPriority {
                    priorities: std::mem::take(&mut held[p]),
                });
            }
            if let (Some(trust), Some(value)) = (tie.trust, tie.value) {
                if value >= HIGH && trust <= LOW {
                    reasons.push(InvestReason::HighValueLowTrust);
                }
            }
            (!reasons.is_empty()).then(|| Investment {
                partnership: p,
                source: tie.source.clone(),
                target: tie.target.clone(),
                trust: tie.trust,
                value: tie.value,
                frequency: tie.frequency,
                reasons,
            })
        })
        .collect();
    let key = |i: &Investment| match &i.reasons[0] {
        InvestReason::HoldsThinPriority { priorities } => (0, -(priorities.len() as f64)),
        InvestReason::HighValueLowTrust => (1, i.trust.unwrap_or(0.0) - i.value.unwrap_or(0.0)),
    };
    found.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        ka.0.cmp(&kb.0)
            .then(ka.1.total_cmp(&kb.1))
            .then(a.partnership.cmp(&b.partnership))
    });
    found
}
