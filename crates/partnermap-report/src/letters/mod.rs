//! Outreach letters (worksheet Part 5: "use your notes … in your outreach letters"): one letter
//! for each organization on the invite list, from the sender the planner chose, and a short
//! update for each organization to keep informed.
//!
//! What a letter says is decided here, as data ([`Letter`], the template's variables, listed
//! in docs/letters.md), and only from the coalition's data: a field that is missing is `None`
//! or an empty list, so the template leaves its sentence out. `template.rs` lays a letter out
//! as Markdown through minijinja (the built-in template or the user's), `docx.rs` turns that
//! Markdown into Word, and [`files`] puts the letters, the combined document for printing and
//! `letters.csv` for a mail merge together.

mod docx;
mod template;

pub use template::{Template, TemplateError, BUILTIN_TEMPLATE};

use crate::File;
use partnermap_analysis::coverage::{Class, Coverage, Providers};
use partnermap_analysis::introductions::Chains;
use partnermap_analysis::invite::{sender, Plan, Sender};
use partnermap_core::vocabulary::{slug, TermKind};
use partnermap_core::{Landscape, Organization, Status};
use serde::Serialize;

/// An invitation to join, or an update for an organization to keep informed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// An organization on the invite list.
    Invitation,
    /// An organization to keep informed rather than invite now: a short update.
    Update,
}

/// One letter's content: every variable a template can use (docs/letters.md).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Letter {
    /// Invitation or update.
    pub kind: Kind,
    /// The file name without extension, numbered in the invite list's order.
    pub file: String,
    /// The subject line.
    pub subject: String,
    /// The coalition.
    pub coalition: AboutCoalition,
    /// Whom the letter goes to.
    pub invitee: Invitee,
    /// Who signs it.
    pub sender: Signer,
    /// The priorities the invitee would cover that nobody covers or that rest on one partner.
    pub gaps: Vec<Gap>,
    /// Populations and domains the invitee shares with the convener's customers.
    pub shared_with_convener: Vec<String>,
    /// What the coalition's members who work in the invitee's areas bring.
    pub returns: Vec<Contribution>,
    /// Who already knows whom.
    pub warm_path: WarmPath,
    /// The first gap, as the subject of one shared project.
    pub first_project: Option<String>,
}

/// The coalition, as the letter presents it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AboutCoalition {
    /// Its name.
    pub name: String,
    /// Why it is forming (`purpose` in coalition.toml).
    pub purpose: Option<String>,
    /// The convening organization's name.
    pub convener: Option<String>,
}

/// The organization written to, with its Table 3 notes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invitee {
    /// Organization id.
    pub id: String,
    /// Organization name.
    pub name: String,
    /// Its contact person or role, when recorded.
    pub contact: Option<String>,
    /// Table 3: aligned initiatives.
    pub aligned_initiatives: Option<String>,
    /// Table 3: motivations for joining.
    pub motivations: Option<String>,
    /// Table 3: roles it would play.
    pub roles: Option<String>,
}

/// Who signs the letter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signer {
    /// The sender's name.
    pub name: String,
    /// Whether the sender is the convener.
    pub is_convener: bool,
}

/// A priority the invitee would cover.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// The priority in the worksheet's words, or "population, in domain" for a cell.
    pub label: String,
    /// The one member or partner that covers it today; `None` when nobody does.
    pub only: Option<String>,
}

/// One member's assets, offered in return.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The member's name.
    pub member: String,
    /// Its assets, in the worksheet's words.
    pub assets: Vec<String>,
}

/// How the invitee is already linked to the coalition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarmPath {
    /// Whether the sender and the invitee already work together.
    pub works_with_sender: bool,
    /// When that partnership began, when recorded.
    pub since: Option<String>,
    /// The member or partner that knows the invitee, when it is not the sender.
    pub introducer: Option<String>,
    /// Whether that introducer is a member (otherwise an existing partner).
    pub introducer_is_member: bool,
}

/// The letters for the invite plan: an invitation for each pick, in order, then an update for
/// each organization the plan keeps informed and each one the data marks "keep informed".
///
/// ```
/// use partnermap_core::{Coalition, Landscape, Organization, OrganizationType, Status};
/// let mut coalition = Coalition::new("Demo");
/// let mut transit = Organization::new("transit", "Transit", OrganizationType::PublicAgency);
/// transit.status = Status::Potential;
/// transit.domains.push("transportation-access".into());
/// coalition.priorities.domains.push("transportation-access".into());
/// coalition.organizations.push(transit);
/// let landscape = Landscape::build(&coalition);
/// let plan = partnermap_analysis::invite::plan(&landscape, 5, false);
/// let coverage = partnermap_analysis::coverage::coverage(&landscape);
/// let letters = partnermap_report::letters::letters(&landscape, &coverage, &plan);
/// assert_eq!(letters[0].file, "01-transit");
/// assert_eq!(letters[0].gaps[0].label, "Transportation access");
/// assert_eq!(letters[0].sender.name, "the convener");
/// ```
pub fn letters(landscape: &Landscape, coverage: &Coverage, plan: &Plan) -> Vec<Letter> {
    let coalition = landscape.coalition();
    let convener = coalition
        .convener
        .as_deref()
        .and_then(|c| landscape.organization(c));
    let chains = convener.map(|c| Chains::from(landscape, c, false));
    let mut written: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    let mut add = |i: usize, kind: Kind, from: Sender, shared: &[String]| {
        if written.contains(&i) {
            return;
        }
        written.push(i);
        let o = &coalition.organizations[i];
        let number = out.len() + 1;
        let name_slug = slug(&o.name);
        let file = format!(
            "{number:02}-{}",
            if name_slug.is_empty() {
                slug(&o.id)
            } else {
                name_slug
            }
        );
        let gaps = match kind {
            Kind::Invitation => gaps(coverage, o),
            Kind::Update => Vec::new(),
        };
        let sender_index = from.id.as_deref().and_then(|s| landscape.organization(s));
        out.push(Letter {
            kind,
            file,
            subject: match kind {
                Kind::Invitation => format!("An invitation to join {}", coalition.name),
                Kind::Update => format!("News from {}", coalition.name),
            },
            coalition: AboutCoalition {
                name: coalition.name.clone(),
                purpose: coalition.purpose.clone(),
                convener: convener.map(|c| coalition.organizations[c].name.clone()),
            },
            invitee: Invitee {
                id: o.id.clone(),
                name: o.name.clone(),
                contact: o.contact.clone(),
                aligned_initiatives: o.aligned_initiatives.clone(),
                motivations: o.motivations.clone(),
                roles: o.roles.clone(),
            },
            sender: Signer {
                name: from.name.clone(),
                is_convener: sender_index.is_some() && sender_index == convener,
            },
            first_project: gaps.first().map(|g| g.label.clone()),
            gaps,
            shared_with_convener: match kind {
                Kind::Invitation => shared.to_vec(),
                Kind::Update => Vec::new(),
            },
            returns: match kind {
                Kind::Invitation => returns(landscape, o),
                Kind::Update => Vec::new(),
            },
            warm_path: warm_path(landscape, i, sender_index, chains.as_ref()),
        });
    };
    for pick in &plan.picks {
        if let Some(i) = landscape.organization(&pick.id) {
            add(
                i,
                Kind::Invitation,
                pick.sender.clone(),
                &pick.shared_with_convener,
            );
        }
    }
    let marked = coalition
        .organizations
        .iter()
        .enumerate()
        .filter(|(_, o)| o.status == Status::KeepInformed)
        .map(|(i, _)| i);
    let kept: Vec<usize> = plan
        .keep_informed
        .iter()
        .filter_map(|k| landscape.organization(&k.id))
        .chain(marked)
        .collect();
    for i in kept {
        add(i, Kind::Update, sender(landscape, i, chains.as_ref()), &[]);
    }
    out
}

fn provides(o: &Organization, kind: TermKind, id: &str) -> bool {
    o.terms(kind).iter().any(|t| t == id)
}

/// The one member or partner behind a thin priority, `None` for a priority nobody covers.
fn only(class: Class, providers: &Providers) -> Option<String> {
    (class == Class::Thin)
        .then(|| {
            providers
                .in_network_providers()
                .next()
                .map(|o| o.name.clone())
        })
        .flatten()
}

/// The priorities `o` provides that nobody in the network covers (uncovered or reachable),
/// then those that rest on a single partner (thin); then the population × domain cells of the
/// same classes, unless their population or domain is already an uncovered priority.
fn gaps(coverage: &Coverage, o: &Organization) -> Vec<Gap> {
    const NOBODY: [Class; 2] = [Class::Uncovered, Class::Reachable];
    let mut out = Vec::new();
    let mut missing: Vec<(TermKind, &str)> = Vec::new();
    for classes in [&NOBODY[..], &[Class::Thin]] {
        for t in &coverage.priorities {
            if classes.contains(&t.class) && provides(o, t.term.kind, &t.term.id) {
                if t.class != Class::Thin {
                    missing.push((t.term.kind, &t.term.id));
                }
                out.push(Gap {
                    label: t.term.label.clone(),
                    only: only(t.class, &t.providers),
                });
            }
        }
    }
    for classes in [&NOBODY[..], &[Class::Thin]] {
        for c in &coverage.matrix.cells {
            let implied = missing.contains(&(TermKind::Population, &c.population.id))
                || missing.contains(&(TermKind::Domain, &c.domain.id));
            if classes.contains(&c.class)
                && !implied
                && provides(o, TermKind::Population, &c.population.id)
                && provides(o, TermKind::Domain, &c.domain.id)
            {
                out.push(Gap {
                    label: format!(
                        "{}, in {}",
                        c.population.label,
                        lower_first(&c.domain.label)
                    ),
                    only: only(c.class, &c.providers),
                });
            }
        }
    }
    out
}

/// "Wealth-building opportunities" as it reads inside a sentence.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.clone().next()) {
        // An abbreviation ("SNAP benefits") keeps its capitals.
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// The assets of the coalition's members that work in one of `o`'s domains.
fn returns(landscape: &Landscape, o: &Organization) -> Vec<Contribution> {
    let vocabulary = landscape.vocabulary();
    landscape
        .coalition()
        .organizations
        .iter()
        .filter(|m| m.status == Status::Member && m.id != o.id && !m.assets.is_empty())
        .filter(|m| m.domains.iter().any(|d| o.domains.contains(d)))
        .map(|m| Contribution {
            member: m.name.clone(),
            assets: m
                .assets
                .iter()
                .map(|a| vocabulary.label(TermKind::Asset, a).to_string())
                .collect(),
        })
        .collect()
}

fn warm_path(
    landscape: &Landscape,
    invitee: usize,
    sender: Option<usize>,
    chains: Option<&Chains>,
) -> WarmPath {
    let coalition = landscape.coalition();
    let tie = sender.and_then(|s| {
        landscape
            .partners(invitee)
            .filter(|&(_, other)| other == s)
            .map(|(p, _)| p)
            .min()
    });
    let introducer = chains
        .and_then(|c| c.to(coalition, invitee).introducer)
        .and_then(|id| landscape.organization(&id))
        .filter(|&i| tie.is_none() && Some(i) != sender);
    WarmPath {
        works_with_sender: tie.is_some(),
        since: tie.and_then(|p| coalition.partnerships[p].since.clone()),
        introducer: introducer.map(|i| coalition.organizations[i].name.clone()),
        introducer_is_member: introducer
            .is_some_and(|i| coalition.organizations[i].status == Status::Member),
    }
}

/// The letters folder of `partnermap letters`: the invite plan's letters laid out by
/// `template` (see [`files`]).
pub fn folder(
    landscape: &Landscape,
    plan: &Plan,
    template: &Template,
) -> Result<Vec<File>, TemplateError> {
    let coverage = partnermap_analysis::coverage::coverage(landscape);
    files(&letters(landscape, &coverage, plan), template)
}

/// Every file of a set of letters, in a fixed order: each letter as Markdown and Word, then
/// `letters.docx` (all of them, a page each, for printing) and `letters.csv` (one row per
/// letter, for a mail merge).
pub fn files(letters: &[Letter], template: &Template) -> Result<Vec<File>, TemplateError> {
    let mut files = Vec::new();
    let mut texts = Vec::new();
    for letter in letters {
        let text = template.render(letter)?;
        files.push(File {
            path: format!("{}.md", letter.file),
            bytes: text.clone().into_bytes(),
        });
        files.push(File {
            path: format!("{}.docx", letter.file),
            bytes: docx::write(&[text.as_str()]),
        });
        texts.push(text);
    }
    let all: Vec<&str> = texts.iter().map(String::as_str).collect();
    files.push(File {
        path: "letters.docx".to_string(),
        bytes: docx::write(&all),
    });
    files.push(File {
        path: "letters.csv".to_string(),
        bytes: crate::tables::letters(letters),
    });
    Ok(files)
}
