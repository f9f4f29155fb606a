//! The invite planner (worksheet Parts 3–5): from the potential partners, choose a short list
//! that closes the most gaps, explain each pick, and say who sends each invitation (Table 4).
//!
//! **Objective.** Every priority population, priority domain, needed asset and population ×
//! domain cell is a *need* with a weight ([`PlannerWeights`]). A need that `c` members or
//! existing partners already provide gains `weight × decay^c` from one more provider, so
//! closing an uncovered need counts fully, backing up a thin one (a single point of failure)
//! counts half as much with the default decay of 0.5, and so on. The value of a list is the sum
//! of these gains. It is monotone and submodular (each need's value is a concave function of
//! its provider count), so lazy greedy is within (1 − 1/e) of the best list, and for small
//! cases (≤ 40 candidates, k ≤ 6) a branch-and-bound search finds the best list itself.
//!
//! **Ties** are broken by candidate order: organization name, then id. Greedy takes the
//! earliest candidate among equal gains; the exact search keeps the earliest list (comparing
//! candidate positions in order) among lists of equal value, up to 1e-9.

use crate::introductions::Chains;
use partnermap_core::model::{Coalition, PlannerWeights, Status};
use partnermap_core::vocabulary::TermKind;
use partnermap_core::Landscape;
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Largest case the exact search takes on.
pub const EXACT_MAX_CANDIDATES: usize = 40;
/// Largest list the exact search takes on.
pub const EXACT_MAX_K: usize = 6;
const EPSILON: f64 = 1e-9;

/// A selection problem in its plain form: needs with a weight and the number of providers
/// already there, and for each candidate the needs it provides.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    /// (weight, providers already in the network) per need.
    pub needs: Vec<(f64, usize)>,
    /// For each candidate, the needs it provides (indices into `needs`, no repeats).
    pub provides: Vec<Vec<usize>>,
    /// How much each further provider counts, in (0, 1].
    pub decay: f64,
}

impl Instance {
    /// The value of choosing `chosen` (candidate indices).
    ///
    /// ```
    /// use partnermap_analysis::invite::Instance;
    /// let instance = Instance { needs: vec![(2.0, 0), (1.0, 1)], provides: vec![vec![0, 1], vec![0]], decay: 0.5 };
    /// assert_eq!(instance.value(&[0]), 2.0 + 0.5);
    /// assert_eq!(instance.value(&[0, 1]), 2.0 + 1.0 + 0.5);
    /// ```
    pub fn value(&self, chosen: &[usize]) -> f64 {
        let mut added = vec![0usize; self.needs.len()];
        for &c in chosen {
            for &n in &self.provides[c] {
                added[n] += 1;
            }
        }
        self.needs
            .iter()
            .zip(&added)
            .map(|(&(weight, now), &extra)| {
                (now..now + extra)
                    .map(|c| weight * self.decay.powi(c as i32))
                    .sum::<f64>()
            })
            .sum()
    }

    fn gain(&self, added: &[usize], candidate: usize) -> f64 {
        self.provides[candidate]
            .iter()
            .map(|&n| {
                let (weight, now) = self.needs[n];
                weight * self.decay.powi((now + added[n]) as i32)
            })
            // An empty float sum is -0.0, which would print as "-0.00".
            .fold(0.0, |total, gain| total + gain)
    }

    /// Lazy greedy: up to `k` candidates, each the one adding the most value given those
    /// before it (ties: lowest index); stops early when nothing adds value.
    ///
    /// ```
    /// use partnermap_analysis::invite::Instance;
    /// let instance = Instance { needs: vec![(1.0, 0), (1.0, 0), (1.0, 0)], provides: vec![vec![0], vec![0, 1], vec![2]], decay: 0.5 };
    /// assert_eq!(instance.greedy(2), [1, 2]);
    /// ```
    pub fn greedy(&self, k: usize) -> Vec<usize> {
        #[derive(PartialEq)]
        struct Bound(f64, usize);
        impl Eq for Bound {}
        impl Ord for Bound {
            fn cmp(&self, other: &Self) -> Ordering {
                self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
            }
        }
        impl PartialOrd for Bound {
            fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
                Some(self.cmp(other))
            }
        }
        let mut added = vec![0usize; self.needs.len()];
        let mut heap: BinaryHeap<Bound> = (0..self.provides.len())
            .map(|c| Bound(self.gain(&added, c), c))
            .collect();
        let mut chosen = Vec::new();
        while chosen.len() < k {
            let Some(Bound(_, c)) = heap.pop() else { break };
            let gain = self.gain(&added, c);
            // Bounds only shrink (submodularity): a fresh gain that still beats the next
            // bound beats every other candidate's true gain.
            if heap.peek().is_some_and(|next| Bound(gain, c) < *next) {
                heap.push(Bound(gain, c));
                continue;
            }
            if gain <= EPSILON {
                break;
            }
            for &n in &self.provides[c] {
                added[n] += 1;
            }
            chosen.push(c);
        }
        chosen
    }

    /// The same candidates, most valuable first: each next is the one adding the most given
    /// those before it (ties: lowest index). Greedy's own lists come out unchanged.
    pub fn in_order_of_gain(&self, chosen: &[usize]) -> Vec<usize> {
        let mut left = chosen.to_vec();
        let mut added = vec![0usize; self.needs.len()];
        let mut ordered = Vec::with_capacity(left.len());
        while !left.is_empty() {
            let (at, _) = left
                .iter()
                .enumerate()
                .fold((0, f64::NEG_INFINITY), |best, (i, &c)| {
                    let gain = self.gain(&added, c);
                    if gain > best.1 || (gain == best.1 && c < left[best.0]) {
                        (i, gain)
                    } else {
                        best
                    }
                });
            let c = left.remove(at);
            for &n in &self.provides[c] {
                added[n] += 1;
            }
            ordered.push(c);
        }
        ordered
    }

    /// The best list of at most `k` candidates, by branch and bound; `None` beyond
    /// [`EXACT_MAX_CANDIDATES`] candidates or [`EXACT_MAX_K`] picks. Candidates with nothing
    /// to add are never chosen, so the list may be shorter than `k`.
    ///
    /// ```
    /// use partnermap_analysis::invite::Instance;
    /// // Greedy takes the biggest candidate first; the best pair is the two others.
    /// let provides = vec![vec![0, 1, 2, 3], vec![0, 1, 4], vec![2, 3, 5]];
    /// let instance = Instance { needs: vec![(1.0, 0); 6], provides, decay: 0.01 };
    /// assert_eq!(instance.greedy(2), [0, 1]);
    /// assert_eq!(instance.exact(2), Some(vec![1, 2]));
    /// ```
    pub fn exact(&self, k: usize) -> Option<Vec<usize>> {
        if self.provides.len() > EXACT_MAX_CANDIDATES || k > EXACT_MAX_K {
            return None;
        }
        let empty = vec![0usize; self.needs.len()];
        let useful: Vec<usize> = (0..self.provides.len())
            .filter(|&c| self.gain(&empty, c) > EPSILON)
            .collect();
        let mut search = Search {
            instance: self,
            useful: &useful,
            k,
            best: (0.0, Vec::new()),
            chosen: Vec::new(),
            added: empty,
        };
        search.descend(0, 0.0);
        Some(search.best.1)
    }
}

struct Search<'a> {
    instance: &'a Instance,
    useful: &'a [usize],
    k: usize,
    best: (f64, Vec<usize>),
    chosen: Vec<usize>,
    added: Vec<usize>,
}

impl Search<'_> {
    fn descend(&mut self, from: usize, value: f64) {
        if value > self.best.0 + EPSILON {
            self.best = (value, self.chosen.clone());
        }
        let room = self.k - self.chosen.len();
        if room == 0 || from == self.useful.len() {
            return;
        }
        let mut gains: Vec<f64> = self.useful[from..]
            .iter()
            .map(|&c| self.instance.gain(&self.added, c))
            .collect();
        let mut top = gains.clone();
        top.sort_by(|a, b| b.total_cmp(a));
        // Submodularity: adding a set adds at most the sum of its members' separate gains.
        if value + top.iter().take(room).sum::<f64>() <= self.best.0 + EPSILON {
            return;
        }
        for (offset, gain) in gains.drain(..).enumerate() {
            let c = self.useful[from + offset];
            if gain <= EPSILON {
                continue;
            }
            for &n in &self.instance.provides[c] {
                self.added[n] += 1;
            }
            self.chosen.push(c);
            self.descend(from + offset + 1, value + gain);
            self.chosen.pop();
            for &n in &self.instance.provides[c] {
                self.added[n] -= 1;
            }
        }
    }
}

/// What a need is, in the coalition's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "need", rename_all = "kebab-case")]
pub enum Need {
    /// A priority population, domain or asset.
    Term {
        /// Population, domain or asset.
        kind: TermKind,
        /// Term id.
        id: String,
        /// Term label.
        label: String,
    },
    /// A priority population served in a priority domain.
    Cell {
        /// Population id.
        population: String,
        /// Domain id.
        domain: String,
        /// "population × domain" labels.
        label: String,
    },
}

impl Need {
    /// The label shown to people.
    pub fn label(&self) -> &str {
        match self {
            Need::Term { label, .. } | Need::Cell { label, .. } => label,
        }
    }
}

/// A need and how many members and existing partners provide it now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedStatus {
    /// The need.
    #[serde(flatten)]
    pub need: Need,
    /// Its weight.
    pub weight: f64,
    /// Members and existing partners providing it today.
    pub providers_now: usize,
    /// Providers once the invited organizations join.
    pub providers_after: usize,
}

/// Who sends an invitation, and why them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sender {
    /// The sender's organization id, when the sender is an organization.
    pub id: Option<String>,
    /// The sender as shown to people.
    pub name: String,
    /// Why this sender.
    pub reason: SenderReason,
}

/// Why the planner chose a sender; in JSON `recorded`, `strongest-tie`, `introduction-path` or
/// `convener`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SenderReason {
    /// The data names the sender (worksheet Table 4, `invited_by`).
    Recorded,
    /// The member or existing partner with the strongest partnership with the invitee.
    StrongestTie,
    /// The last organization on the warm introduction from the convener.
    IntroductionPath,
    /// Nobody in the network knows the invitee, so the convener writes.
    Convener,
}

impl SenderReason {
    /// The reason's id, as in JSON and CSV.
    ///
    /// ```
    /// use partnermap_analysis::invite::SenderReason;
    /// assert_eq!(SenderReason::IntroductionPath.id(), "introduction-path");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            SenderReason::Recorded => "recorded",
            SenderReason::StrongestTie => "strongest-tie",
            SenderReason::IntroductionPath => "introduction-path",
            SenderReason::Convener => "convener",
        }
    }

    /// The reason in plain words, as the report and `partnermap invite` show it.
    ///
    /// ```
    /// use partnermap_analysis::invite::SenderReason;
    /// assert_eq!(SenderReason::Recorded.describe(), "recorded in the coalition's Table 4");
    /// ```
    pub fn describe(self) -> &'static str {
        match self {
            SenderReason::Recorded => "recorded in the coalition's Table 4",
            SenderReason::StrongestTie => "has the strongest partnership with them",
            SenderReason::IntroductionPath => "the last step on the warm introduction",
            SenderReason::Convener => "the convener, as no partner knows them",
        }
    }
}

/// One organization on the invite list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pick {
    /// Organization id.
    pub id: String,
    /// Organization name.
    pub name: String,
    /// Value it adds given the picks before it.
    pub gain: f64,
    /// Needs it is the first provider of.
    pub closes: Vec<String>,
    /// Needs it backs up (already provided by someone else).
    pub strengthens: Vec<String>,
    /// Populations and domains it shares with the convener's own customers.
    pub shared_with_convener: Vec<String>,
    /// Barriers or how it is a good partner (worksheet Table 3).
    pub barriers: Option<String>,
    /// Who sends the invitation (worksheet Table 4).
    pub sender: Sender,
}

/// An organization better kept informed than invited now (worksheet Part 5).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeepInformed {
    /// Organization id.
    pub id: String,
    /// Organization name.
    pub name: String,
    /// What it would still add after the invite list.
    pub gain: f64,
}

/// The invite plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The most organizations asked for.
    pub k: usize,
    /// The weights used.
    pub weights: PlannerWeights,
    /// How many candidates (potential and keep-informed organizations) there were.
    pub candidates: usize,
    /// The greedy list and its value.
    pub greedy: List,
    /// The exact list and its value, when the case was small enough and `exact` was asked.
    pub exact: Option<List>,
    /// The chosen list, explained: the exact list when there is one, else greedy's.
    pub picks: Vec<Pick>,
    /// Every need, with providers before and after the picks.
    pub needs: Vec<NeedStatus>,
    /// Connected candidates that would add little now.
    pub keep_informed: Vec<KeepInformed>,
}

/// A list of organizations to invite and the value of inviting them all.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct List {
    /// Organization ids, in the order the search chose them.
    pub organizations: Vec<String>,
    /// The objective's value for the whole list.
    pub value: f64,
}

impl Plan {
    /// Priority terms that stay uncovered after the picks.
    pub fn still_uncovered(&self) -> impl Iterator<Item = &NeedStatus> {
        self.needs
            .iter()
            .filter(|n| matches!(n.need, Need::Term { .. }) && n.providers_after == 0)
    }

    /// The coalition with each pick's sender recorded in Table 4's column (`invited_by`), which
    /// is how a project marks who is on its invite list.
    pub fn recorded(&self, landscape: &Landscape) -> Coalition {
        let mut invited = landscape.coalition().clone();
        for pick in &self.picks {
            if let Some(i) = landscape.organization(&pick.id) {
                let sender = pick.sender.id.as_ref().unwrap_or(&pick.sender.name);
                invited.organizations[i].invited_by = Some(sender.clone());
            }
        }
        invited
    }
}

/// Builds the invite plan for at most `k` organizations. `exact` also runs the exact search
/// when the case is small enough.
///
/// ```no_run
/// let coalition = partnermap_core::load(std::path::Path::new("data/forest-city")).unwrap().coalition;
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let plan = partnermap_analysis::invite::plan(&landscape, 5, true);
/// for pick in &plan.picks {
///     println!("{} — invited by {}", pick.name, pick.sender.name);
/// }
/// ```
pub fn plan(landscape: &Landscape, k: usize, exact: bool) -> Plan {
    let _step = partnermap_core::progress::step("choosing the invitations", 0);
    let coalition = landscape.coalition();
    let weights = coalition.planner.unwrap_or_default();
    let vocabulary = landscape.vocabulary();
    let mut needs: Vec<(Need, f64)> = Vec::new();
    for kind in TermKind::ALL {
        for id in coalition.priorities.terms(kind) {
            let label = vocabulary.label(kind, id).to_string();
            needs.push((
                Need::Term {
                    kind,
                    id: id.clone(),
                    label,
                },
                weights.of(kind),
            ));
        }
    }
    for population in &coalition.priorities.populations {
        for domain in &coalition.priorities.domains {
            let label = format!(
                "{} × {}",
                vocabulary.label(TermKind::Population, population),
                vocabulary.label(TermKind::Domain, domain)
            );
            needs.push((
                Need::Cell {
                    population: population.clone(),
                    domain: domain.clone(),
                    label,
                },
                weights.cell,
            ));
        }
    }
    let provides = |org: usize| -> Vec<usize> {
        let o = &coalition.organizations[org];
        let has = |kind: TermKind, id: &str| o.terms(kind).iter().any(|t| t == id);
        needs
            .iter()
            .enumerate()
            .filter(|(_, (need, _))| match need {
                Need::Term { kind, id, .. } => has(*kind, id),
                Need::Cell {
                    population, domain, ..
                } => has(TermKind::Population, population) && has(TermKind::Domain, domain),
            })
            .map(|(i, _)| i)
            .collect()
    };
    let mut now = vec![0usize; needs.len()];
    for (i, org) in coalition.organizations.iter().enumerate() {
        if org.status.is_in_network() {
            for n in provides(i) {
                now[n] += 1;
            }
        }
    }
    let mut candidates: Vec<usize> = (0..coalition.organizations.len())
        .filter(|&i| {
            matches!(
                coalition.organizations[i].status,
                Status::Potential | Status::KeepInformed
            )
        })
        .collect();
    candidates.sort_by(|&a, &b| {
        let (a, b) = (&coalition.organizations[a], &coalition.organizations[b]);
        a.name.cmp(&b.name).then(a.id.cmp(&b.id))
    });
    let instance = Instance {
        needs: needs.iter().zip(&now).map(|((_, w), &c)| (*w, c)).collect(),
        provides: candidates.iter().map(|&c| provides(c)).collect(),
        decay: weights.decay,
    };
    let list = |chosen: &[usize]| List {
        organizations: chosen
            .iter()
            .map(|&c| coalition.organizations[candidates[c]].id.clone())
            .collect(),
        value: instance.value(chosen),
    };
    let greedy = instance.greedy(k);
    let best = if exact { instance.exact(k) } else { None };
    let chosen = instance.in_order_of_gain(best.as_deref().unwrap_or(&greedy));

    let convener = coalition
        .convener
        .as_deref()
        .and_then(|c| landscape.organization(c));
    let chains = convener.map(|c| Chains::from(landscape, c, false));
    let mut added = vec![0usize; needs.len()];
    let mut picks = Vec::new();
    for &c in &chosen {
        let org_index = candidates[c];
        let org = &coalition.organizations[org_index];
        let gain = instance.gain(&added, c);
        let (mut closes, mut strengthens) = (Vec::new(), Vec::new());
        for &n in &instance.provides[c] {
            let label = needs[n].0.label().to_string();
            if now[n] + added[n] == 0 {
                closes.push(label);
            } else {
                strengthens.push(label);
            }
            added[n] += 1;
        }
        let shared_with_convener = convener
            .map(|v| {
                let convener = &coalition.organizations[v];
                [TermKind::Population, TermKind::Domain]
                    .into_iter()
                    .flat_map(|kind| {
                        org.terms(kind)
                            .iter()
                            .filter(move |t| convener.terms(kind).contains(t))
                            .map(move |t| vocabulary.label(kind, t).to_string())
                    })
                    .collect()
            })
            .unwrap_or_default();
        picks.push(Pick {
            id: org.id.clone(),
            name: org.name.clone(),
            gain,
            closes,
            strengthens,
            shared_with_convener,
            barriers: org.barriers.clone(),
            sender: sender(landscape, org_index, chains.as_ref()),
        });
    }
    let needs_status = needs
        .into_iter()
        .enumerate()
        .map(|(n, (need, weight))| NeedStatus {
            need,
            weight,
            providers_now: now[n],
            providers_after: now[n] + added[n],
        })
        .collect();
    let smallest_pick = picks.iter().map(|p| p.gain).fold(f64::INFINITY, f64::min);
    let connected = connected_to_network(landscape);
    let keep_informed = (0..candidates.len())
        .filter(|c| !chosen.contains(c) && connected[candidates[*c]])
        .map(|c| (c, instance.gain(&added, c)))
        .filter(|&(_, gain)| gain < 0.25 * smallest_pick.min(f64::MAX))
        .map(|(c, gain)| {
            let org = &coalition.organizations[candidates[c]];
            KeepInformed {
                id: org.id.clone(),
                name: org.name.clone(),
                gain,
            }
        })
        .collect();
    Plan {
        k,
        weights,
        candidates: candidates.len(),
        greedy: list(&greedy),
        exact: best.map(|b| list(&b)),
        picks,
        needs: needs_status,
        keep_informed,
    }
}

fn connected_to_network(landscape: &Landscape) -> Vec<bool> {
    let organizations = &landscape.coalition().organizations;
    let mut connected = vec![false; organizations.len()];
    for (_, a, b) in landscape.partnerships() {
        connected[a] |= organizations[b].status.is_in_network();
        connected[b] |= organizations[a].status.is_in_network();
    }
    connected
}

/// Table 4's "who will send the invitation": the recorded value; else the member or existing
/// partner with the strongest tie to the organization (ties: the one on the best introduction
/// chain, then name); else the introducer on the best chain; else the convener. `chains` are
/// the convener's ([`Chains::from`] the convener), `None` without a convener.
pub fn sender(landscape: &Landscape, org: usize, chains: Option<&Chains>) -> Sender {
    let coalition = landscape.coalition();
    let organization = |i: usize, reason| Sender {
        id: Some(coalition.organizations[i].id.clone()),
        name: coalition.organizations[i].name.clone(),
        reason,
    };
    if let Some(recorded) = &coalition.organizations[org].invited_by {
        return match landscape.find_organization(recorded) {
            Ok(i) => organization(i, SenderReason::Recorded),
            Err(_) => Sender {
                id: None,
                name: recorded.clone(),
                reason: SenderReason::Recorded,
            },
        };
    }
    let chain = chains.map(|c| c.to(coalition, org));
    let introducer = chain.as_ref().and_then(|c| c.introducer.clone());
    let mut best: Option<(u8, bool, &str, usize)> = None;
    // In partnership order, so that of two equally good partnerships the first one counts.
    let mut partners: Vec<(usize, usize)> = landscape.partners(org).collect();
    partners.sort_unstable();
    for (p, i) in partners {
        let other = &coalition.organizations[i];
        if !other.status.is_in_network() {
            continue;
        }
        let strength = coalition.partnerships[p].strength;
        let on_chain = introducer.as_deref() == Some(other.id.as_str());
        let name = other.name.as_str();
        let better = match best {
            None => true,
            Some((s, c, n, _)) => {
                (strength, on_chain, std::cmp::Reverse(name)) > (s, c, std::cmp::Reverse(n))
            }
        };
        if better {
            best = Some((strength, on_chain, name, i));
        }
    }
    if let Some((_, _, _, i)) = best {
        return organization(i, SenderReason::StrongestTie);
    }
    if let Some(i) = introducer.and_then(|id| landscape.organization(&id)) {
        return organization(i, SenderReason::IntroductionPath);
    }
    match coalition
        .convener
        .as_deref()
        .and_then(|c| landscape.organization(c))
    {
        Some(i) => organization(i, SenderReason::Convener),
        None => Sender {
            id: None,
            name: "the convener".to_string(),
            reason: SenderReason::Convener,
        },
    }
}
