//! Finding an organization by what a person typed: its id, or its name in any spelling that
//! normalises the same. The one lookup behind loading (a partnership naming its ends, the
//! convener) and the command line (`--org`, `--with`).

use crate::model::Organization;
use crate::vocabulary::{closest, normalize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Why a lookup found no single organization.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// Nothing has this id or name; `suggestion` is the index of the likely intended one.
    #[error("unknown organization")]
    NotFound {
        /// The organization whose id or name is closest to what was typed, if any is close.
        suggestion: Option<usize>,
    },
    /// Two or more organizations have this name (and none has it as its id).
    #[error("several organizations have this name")]
    Ambiguous {
        /// Every organization with the name, in file order.
        candidates: Vec<usize>,
    },
}

/// The `error:` line (with a did-you-mean `hint:` when there is a likely intended value) for a
/// command-line flag whose value names nothing known.
///
/// ```
/// use partnermap_core::lookup::flag_problem;
/// assert_eq!(flag_problem("--org", "ajx", "unknown organization", Some("AJC")),
///     "error: --org \"ajx\": unknown organization\n  hint: did you mean \"AJC\"?");
/// ```
pub fn flag_problem(flag: &str, text: &str, what: &str, suggestion: Option<&str>) -> String {
    let mut problem = format!("error: {flag} \"{text}\": {what}");
    if let Some(suggestion) = suggestion {
        problem += &format!("\n  hint: did you mean \"{suggestion}\"?");
    }
    problem
}

impl LookupError {
    /// The `error:` and `hint:` lines for the organization a flag names (`text`) that is
    /// unknown or ambiguous among `organizations`.
    pub fn flag_problem(&self, organizations: &[Organization], flag: &str, text: &str) -> String {
        match self {
            LookupError::NotFound {
                suggestion: Some(i),
            } => flag_problem(
                flag,
                text,
                "unknown organization",
                Some(&organizations[*i].name),
            ),
            LookupError::NotFound { suggestion: None } => {
                let mut problem = format!(
                    "error: {flag} \"{text}\": unknown organization\n  hint: give an organization's id or name as organizations.csv has it"
                );
                if let Some(first) = organizations.first() {
                    problem += &format!(", such as \"{}\"", first.id);
                }
                problem
            }
            LookupError::Ambiguous { candidates } => {
                let ids: Vec<&str> = candidates
                    .iter()
                    .map(|&i| organizations[i].id.as_str())
                    .collect();
                format!(
                    "error: {flag} \"{text}\": several organizations have this name\n  hint: give one of their ids: {}",
                    ids.join(", ")
                )
            }
        }
    }
}

/// Organizations by id, and by normalised name once a name is first looked up (most runs only
/// ever look up ids, and normalising every name of a large directory costs a pass over it).
///
/// ```
/// use partnermap_core::lookup::{LookupError, OrganizationNames};
/// use partnermap_core::model::{Organization, OrganizationType};
/// let orgs = vec![
///     Organization::new("fcab", "Forest City Asset Builders", OrganizationType::CommunityBasedNonprofit),
///     Organization::new("ajc-1", "Job Center", OrganizationType::AmericanJobCenter),
///     Organization::new("ajc-2", "Job Center", OrganizationType::AmericanJobCenter),
/// ];
/// let names = OrganizationNames::new(&orgs);
/// assert_eq!(names.by_id("ajc-2"), Some(2));
/// assert_eq!(names.find("forest city asset builders"), Ok(0));
/// assert_eq!(names.find("Forest City Asset Builder"), Err(LookupError::NotFound { suggestion: Some(0) }));
/// assert_eq!(names.find("job center"), Err(LookupError::Ambiguous { candidates: vec![1, 2] }));
/// ```
#[derive(Debug, Clone)]
pub struct OrganizationNames<'a> {
    organizations: &'a [Organization],
    ids: HashMap<&'a str, usize>,
    /// Normalised name to its organizations; more than one means the name is ambiguous.
    names: OnceLock<HashMap<String, Vec<usize>>>,
}

impl<'a> OrganizationNames<'a> {
    /// Indexes the organizations. Where two share an id, the first one keeps it (loading
    /// reports the repeat).
    pub fn new(organizations: &'a [Organization]) -> OrganizationNames<'a> {
        let mut ids = HashMap::with_capacity(organizations.len());
        for (i, org) in organizations.iter().enumerate() {
            ids.entry(org.id.as_str()).or_insert(i);
        }
        OrganizationNames {
            organizations,
            ids,
            names: OnceLock::new(),
        }
    }

    /// The organization with exactly this id, in constant time.
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// The organization with this id or, failing that, the only one with this name.
    pub fn find(&self, text: &str) -> Result<usize, LookupError> {
        if let Some(i) = self.by_id(text) {
            return Ok(i);
        }
        let names = self.names.get_or_init(|| {
            let mut names: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, org) in self.organizations.iter().enumerate() {
                names.entry(normalize(&org.name)).or_default().push(i);
            }
            names
        });
        match names.get(&normalize(text)).map(Vec::as_slice) {
            Some([i]) => Ok(*i),
            Some(candidates) if !candidates.is_empty() => Err(LookupError::Ambiguous {
                candidates: candidates.to_vec(),
            }),
            _ => {
                let candidates = self.organizations.iter().flat_map(|o| {
                    [
                        (o.id.as_str(), o.id.as_str()),
                        (o.name.as_str(), o.id.as_str()),
                    ]
                });
                Err(LookupError::NotFound {
                    suggestion: closest(text, candidates).and_then(|id| self.by_id(&id)),
                })
            }
        }
    }
}
