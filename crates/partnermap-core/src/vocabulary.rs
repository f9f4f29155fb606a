//! The worksheet's vocabulary: populations that face barriers, areas of concern (domains) and
//! the assets a coalition needs, each with a stable id, the worksheet's label and the aliases
//! people actually write ("ELL", "PWD", "low-income").
//!
//! Matching ignores case, punctuation and spacing, so "english language learners" and
//! "English-language learners" are the same term. A term that matches nothing gets a
//! did-you-mean suggestion instead of being guessed at: a wrong guess would silently move an
//! organization into the wrong column of the report.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, LazyLock};

/// Which list of the worksheet a term belongs to.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum TermKind {
    /// A group of people facing barriers to upward mobility (worksheet Part 1, first list).
    Population,
    /// An area of concern or domain of work (worksheet Part 1, second list).
    Domain,
    /// Something a coalition needs from its members (worksheet Part 1, third list).
    Asset,
}

impl TermKind {
    /// All kinds, in worksheet order.
    pub const ALL: [TermKind; 3] = [TermKind::Population, TermKind::Domain, TermKind::Asset];

    /// The singular word used in messages: "population", "domain", "asset".
    pub fn noun(self) -> &'static str {
        match self {
            TermKind::Population => "population",
            TermKind::Domain => "domain",
            TermKind::Asset => "asset",
        }
    }

    /// The plural word used for columns and sections: "populations", "domains", "assets".
    pub fn plural(self) -> &'static str {
        match self {
            TermKind::Population => "populations",
            TermKind::Domain => "domains",
            TermKind::Asset => "assets",
        }
    }
}

impl std::str::FromStr for TermKind {
    type Err = String;

    /// Reads a kind by its singular or plural word, in any case, as options name it.
    ///
    /// ```
    /// use partnermap_core::TermKind;
    /// assert_eq!("Domains".parse::<TermKind>(), Ok(TermKind::Domain));
    /// assert!("pop".parse::<TermKind>().unwrap_err().ends_with("give population, domain or asset"));
    /// ```
    fn from_str(text: &str) -> Result<TermKind, String> {
        let text = text.trim();
        (TermKind::ALL.into_iter())
            .find(|k| {
                [k.noun(), k.plural()]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(text))
            })
            .ok_or_else(|| {
                format!("\"{text}\" is not a kind of term: give population, domain or asset")
            })
    }
}

impl fmt::Display for TermKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// One vocabulary term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Term {
    /// Stable identifier used in JSON output, e.g. `english-language-learners`.
    pub id: String,
    /// The label shown to people, e.g. `English-language learners`.
    pub label: String,
    /// Other ways people write the same term.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The worksheet's populations: id, label, aliases.
const POPULATIONS: &[(&str, &str, &[&str])] = &[
    (
        "people-of-color",
        "People of color",
        &["BIPOC", "communities of color", "POC"],
    ),
    (
        "black-residents",
        "Black residents",
        &[
            "Black community",
            "African American residents",
            "African American community",
        ],
    ),
    (
        "hispanic-latino-residents",
        "Hispanic or Latino residents",
        &[
            "Hispanic community",
            "Latino community",
            "Latinx residents",
            "Latine residents",
        ],
    ),
    (
        "asian-american-pacific-islander-residents",
        "Asian American and Pacific Islander residents",
        &["AAPI residents", "AAPI community"],
    ),
    (
        "native-american-residents",
        "Native American residents",
        &[
            "Indigenous residents",
            "American Indian residents",
            "Tribal members",
        ],
    ),
    (
        "people-with-disabilities",
        "People with disabilities",
        &[
            "PWD",
            "disabled residents",
            "Ticket holders",
            "SSI/SSDI beneficiaries",
        ],
    ),
    (
        "english-language-learners",
        "English-language learners",
        &[
            "ELL",
            "ELLs",
            "English learners",
            "LEP",
            "limited English proficiency",
        ],
    ),
    (
        "housing-instability",
        "People experiencing housing instability or homelessness",
        &[
            "homeless",
            "people experiencing homelessness",
            "unhoused",
            "housing instability",
        ],
    ),
    (
        "young-people",
        "Young people",
        &["youth", "young adults", "opportunity youth"],
    ),
    (
        "justice-involved",
        "People involved in the criminal legal system",
        &[
            "justice-involved",
            "returning citizens",
            "reentry",
            "formerly incarcerated",
        ],
    ),
    (
        "low-income",
        "Residents with low incomes",
        &[
            "low-income",
            "low income residents",
            "LMI",
            "low- and moderate-income",
        ],
    ),
    (
        "middle-class",
        "Middle-class residents",
        &["middle class", "middle-income residents"],
    ),
    (
        "underbanked",
        "Underbanked residents",
        &["unbanked", "underbanked"],
    ),
];

/// The worksheet's 24 areas of concern.
const DOMAINS: &[(&str, &str, &[&str])] = &[
    (
        "housing-affordability",
        "Housing affordability",
        &["affordable housing"],
    ),
    (
        "housing-stability",
        "Housing stability",
        &["eviction prevention"],
    ),
    ("economic-inclusion", "Economic inclusion", &[]),
    ("racial-diversity", "Racial diversity", &[]),
    ("social-capital", "Social capital", &[]),
    (
        "access-to-preschool",
        "Access to preschool",
        &["preschool", "early childhood education", "pre-K"],
    ),
    (
        "effective-public-education",
        "Effective public education",
        &["public education", "K-12 education"],
    ),
    (
        "school-economic-diversity",
        "School economic diversity",
        &[],
    ),
    (
        "preparation-for-college",
        "Preparation for college",
        &["college readiness", "college preparation"],
    ),
    (
        "digital-access",
        "Digital access",
        &["digital inclusion", "broadband", "digital literacy"],
    ),
    (
        "employment-opportunities",
        "Employment opportunities",
        &["employment", "jobs", "job placement"],
    ),
    (
        "jobs-paying-living-wages",
        "Jobs paying living wages",
        &["living wage jobs", "living wages"],
    ),
    (
        "opportunities-for-income",
        "Opportunities for income",
        &["income opportunities"],
    ),
    (
        "financial-security",
        "Financial security",
        &["financial capability", "financial coaching"],
    ),
    (
        "wealth-building-opportunities",
        "Wealth-building opportunities",
        &["wealth building", "asset building"],
    ),
    (
        "access-to-health-services",
        "Access to health services",
        &["health care", "health services"],
    ),
    (
        "transportation-access",
        "Transportation access",
        &["transportation", "transit"],
    ),
    (
        "neonatal-health",
        "Neonatal health",
        &["maternal and infant health"],
    ),
    ("environmental-quality", "Environmental quality", &[]),
    (
        "safety-from-trauma",
        "Safety from trauma",
        &["trauma-informed care"],
    ),
    (
        "political-participation",
        "Political participation",
        &["civic engagement", "voting"],
    ),
    (
        "descriptive-representation",
        "Descriptive representation",
        &[],
    ),
    ("safety-from-crime", "Safety from crime", &["public safety"]),
    ("just-policing", "Just policing", &[]),
];

/// The worksheet's assets a coalition may need.
const ASSETS: &[(&str, &str, &[&str])] = &[
    (
        "research-capacity",
        "Research and analytical capacity",
        &[
            "research and analytic capacity",
            "research capacity",
            "analytical capacity",
        ],
    ),
    ("staff-capacity", "Staff capacity", &[]),
    (
        "financial-resources",
        "Financial resources",
        &["funding", "money"],
    ),
    ("political-clout", "Political clout", &[]),
    (
        "community-connections",
        "Strong connections to community members",
        &["community connections"],
    ),
    (
        "community-engagement",
        "Experience conducting deep and meaningful community engagement",
        &[
            "community engagement experience",
            "deep community engagement",
        ],
    ),
    (
        "fundraising-capacity",
        "Fundraising capacity",
        &["fundraising"],
    ),
    (
        "representation",
        "Representation of the group(s) that will be directly affected by the work",
        &["representation of affected groups", "lived experience"],
    ),
    ("convening-power", "Convening power", &[]),
    (
        "data-informed-decisionmaking",
        "Experience with data-informed decisionmaking",
        &[
            "data-informed decision making",
            "data-driven decision making",
        ],
    ),
    (
        "racial-equity-approach",
        "A strong racial equity approach",
        &["racial equity approach", "racial equity"],
    ),
    (
        "positionality",
        "A strong understanding of positionality",
        &["positionality"],
    ),
    (
        "power-sharing",
        "Deep practice of power sharing or power analysis",
        &["power sharing", "power analysis"],
    ),
    (
        "data-sharing",
        "Data sharing and transparency",
        &[
            "data sharing",
            "strong data-sharing capabilities",
            "data-sharing capabilities",
        ],
    ),
    (
        "training-funds",
        "Training funds",
        &["training dollars", "training slots"],
    ),
    (
        "employer-connections",
        "Connections to employers",
        &["employer connections", "business services", "job leads"],
    ),
];

/// The full vocabulary of a coalition: the built-in worksheet terms plus the coalition's own.
///
/// ```
/// use partnermap_core::vocabulary::{TermKind, Vocabulary};
/// let vocabulary = Vocabulary::builtin();
/// assert_eq!(vocabulary.resolve(TermKind::Population, "ELL").unwrap().label, "English-language learners");
/// let miss = vocabulary.resolve(TermKind::Population, "English learner").unwrap_err();
/// assert_eq!(miss.as_deref(), Some("English-language learners"));
/// ```
///
/// Cloning is cheap: the lists are shared, and copied only when a clone adds a term.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    terms: Arc<HashMap<TermKind, Vec<Term>>>,
    index: Arc<HashMap<(TermKind, String), usize>>,
}

/// The worksheet's vocabulary, built on first use and shared by every [`Vocabulary::builtin`].
static BUILTIN: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut vocabulary = Vocabulary {
        terms: Arc::default(),
        index: Arc::default(),
    };
    for (kind, table) in [
        (TermKind::Population, POPULATIONS),
        (TermKind::Domain, DOMAINS),
        (TermKind::Asset, ASSETS),
    ] {
        for (id, label, aliases) in table {
            let term = Term {
                id: id.to_string(),
                label: label.to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            };
            vocabulary.insert(kind, term);
        }
    }
    vocabulary
});

/// Lower-cases and drops everything but letters and digits, so spelling variants of
/// punctuation and spacing match the same term.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // Most text is ASCII, whose case folds without Unicode's tables.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A stable, readable identifier derived from a label: lower case, words joined by `-`.
///
/// ```
/// assert_eq!(partnermap_core::vocabulary::slug("Forest City Asset Builders"), "forest-city-asset-builders");
/// assert_eq!(partnermap_core::vocabulary::slug("  St. Mark's A.M.E.  "), "st-mark-s-a-m-e");
/// ```
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Vocabulary {
    /// The worksheet's terms only. The lists are built once per process and shared, so this
    /// costs two reference-count increments; adding a term copies them for that vocabulary.
    pub fn builtin() -> Vocabulary {
        BUILTIN.clone()
    }

    /// Adds a coalition's own term. Returns the label of the existing term it collides with,
    /// if any, and leaves the vocabulary unchanged in that case.
    pub fn add(&mut self, kind: TermKind, term: Term) -> Result<(), String> {
        let keys = std::iter::once(&term.id)
            .chain(std::iter::once(&term.label))
            .chain(term.aliases.iter());
        for key in keys {
            if let Some(&at) = self.index.get(&(kind, normalize(key))) {
                return Err(self.terms[&kind][at].label.clone());
            }
        }
        self.insert(kind, term);
        Ok(())
    }

    fn insert(&mut self, kind: TermKind, term: Term) {
        let list = Arc::make_mut(&mut self.terms).entry(kind).or_default();
        let at = list.len();
        let index = Arc::make_mut(&mut self.index);
        for key in std::iter::once(&term.id)
            .chain(std::iter::once(&term.label))
            .chain(term.aliases.iter())
        {
            index.entry((kind, normalize(key))).or_insert(at);
        }
        list.push(term);
    }

    /// Every term of a kind, built-in first, in worksheet order.
    pub fn terms(&self, kind: TermKind) -> &[Term] {
        self.terms.get(&kind).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The term with this id.
    pub fn get(&self, kind: TermKind, id: &str) -> Option<&Term> {
        self.terms(kind).iter().find(|t| t.id == id)
    }

    /// The label of a term id, or the id itself when unknown.
    pub fn label<'a>(&'a self, kind: TermKind, id: &'a str) -> &'a str {
        self.get(kind, id).map(|t| t.label.as_str()).unwrap_or(id)
    }

    /// Finds the term a person meant by `text` (id, label or alias, ignoring case and
    /// punctuation). On a miss, returns the label of the closest term when one is close enough
    /// to be a likely typo.
    pub fn resolve(&self, kind: TermKind, text: &str) -> Result<&Term, Option<String>> {
        self.find(kind, text)
            .ok_or_else(|| self.suggest(kind, text))
    }

    /// The term `text` names (id, label or alias, ignoring case and punctuation), without
    /// looking for a suggestion on a miss: for checking many candidate words quickly.
    pub fn find(&self, kind: TermKind, text: &str) -> Option<&Term> {
        self.index
            .get(&(kind, normalize(text)))
            .map(|&at| &self.terms[&kind][at])
    }

    /// The label of the term closest to `text`, if any is close enough to be a likely typo.
    pub fn suggest(&self, kind: TermKind, text: &str) -> Option<String> {
        self.best(kind, text)
            .filter(|(score, _)| *score >= LIKELY)
            .map(|(_, label)| label)
    }

    /// The label of the term most similar to `text`, however weak, with the similarity.
    pub fn best(&self, kind: TermKind, text: &str) -> Option<(f64, String)> {
        let candidates = self.terms(kind).iter().flat_map(|t| {
            std::iter::once((t.label.as_str(), t))
                .chain(std::iter::once((t.id.as_str(), t)))
                .chain(t.aliases.iter().map(move |a| (a.as_str(), t)))
        });
        best_match(
            text,
            candidates.map(|(key, term)| (key, term.label.as_str())),
        )
    }
}

/// The best `(key, answer)` match for `text` by normalised similarity, when it is close enough
/// to be a likely typo. Shared by terms, organization types and organization names.
pub fn closest<'a>(
    text: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
) -> Option<String> {
    best_match(text, candidates)
        .filter(|(score, _)| *score >= LIKELY)
        .map(|(_, answer)| answer)
}

/// How similar (0 to 1) a match must be to be offered as a likely typo.
pub const LIKELY: f64 = 0.8;

/// The most similar `(key, answer)` for `text`, with its similarity from 0 to 1, however weak:
/// what [`closest`] offers only when it is a likely typo, and what an import's suggested
/// mapping shows as a starting guess.
pub fn best_match<'a>(
    text: &str,
    candidates: impl Iterator<Item = (&'a str, &'a str)>,
) -> Option<(f64, String)> {
    let wanted = normalize(text);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for (key, answer) in candidates {
        let key = normalize(key);
        let mut score = strsim::jaro_winkler(&wanted, &key);
        if key.len() >= 4 && (key.contains(&wanted) || wanted.contains(&key)) {
            score = score.max(0.9);
        }
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, answer));
        }
    }
    best.map(|(score, answer)| (score, answer.to_string()))
}

#[cfg(test)]
mod tests;
