//! The project folder: `coalition.toml` (worksheet Part 1) read here, `organizations.csv` and
//! `partnerships.csv` handed to their table readers.

use super::csv::read_rows;
use super::origin::{Origin, Origins};
use super::{line_of, read_text, Read};
use crate::diagnostic::Diagnostic;
use crate::model::{Coalition, Organization, Partnership, PlannerWeights};
use crate::vocabulary::{slug, Term, TermKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlCoalition {
    name: Option<Spanned<String>>,
    convener: Option<Spanned<String>>,
    as_of: Option<String>,
    #[serde(default)]
    priorities: TomlPriorities,
    #[serde(default)]
    vocabulary: TomlVocabulary,
    planner: Option<Spanned<PlannerWeights>>,
}

// TomlPriorities and TomlVocabulary stay two types rather than one generic one: their names
// appear in TOML type errors ("expected struct TomlPriorities").
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TomlPriorities {
    #[serde(default)]
    populations: Vec<Spanned<String>>,
    #[serde(default)]
    domains: Vec<Spanned<String>>,
    #[serde(default)]
    assets: Vec<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TomlVocabulary {
    #[serde(default)]
    populations: Vec<Spanned<TomlTerm>>,
    #[serde(default)]
    domains: Vec<Spanned<TomlTerm>>,
    #[serde(default)]
    assets: Vec<Spanned<TomlTerm>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum TomlTerm {
    Label(String),
    Full {
        id: Option<String>,
        label: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

impl TomlPriorities {
    fn by_kind(self) -> impl Iterator<Item = (TermKind, Vec<Spanned<String>>)> {
        TermKind::ALL
            .into_iter()
            .zip([self.populations, self.domains, self.assets])
    }
}

impl TomlVocabulary {
    fn by_kind(self) -> impl Iterator<Item = (TermKind, Vec<Spanned<TomlTerm>>)> {
        TermKind::ALL
            .into_iter()
            .zip([self.populations, self.domains, self.assets])
    }
}

impl TomlTerm {
    /// The term, its id derived from the label when not given.
    fn into_term(self) -> Term {
        match self {
            TomlTerm::Label(label) => Term {
                id: slug(&label),
                label,
                aliases: Vec::new(),
            },
            TomlTerm::Full { id, label, aliases } => Term {
                id: id.unwrap_or_else(|| slug(&label)),
                label,
                aliases,
            },
        }
    }
}

/// Reads one CSV file's text (named `file` in messages) into the coalition and its origins.
type CsvReader = fn(&str, &str, &mut Coalition, &mut Origins, &mut Vec<Diagnostic>);

/// The problem to report when a CSV file (named by the argument) is not in the folder.
type Missing = fn(String) -> Diagnostic;

/// Reads a project folder. Missing or unreadable files are reported and the rest still read,
/// so every problem shows in one run.
pub(super) fn read_folder(folder: &Path) -> Read {
    let mut diagnostics = Vec::new();
    let toml_path = folder.join("coalition.toml");
    let toml_file = toml_path.display().to_string();
    let mut origins = Origins {
        coalition: Origin::file(&toml_file),
        ..Origins::default()
    };
    let mut coalition = Coalition::new("");
    if !toml_path.exists() {
        diagnostics.push(
            Diagnostic::error(&toml_file, "the project folder has no coalition.toml").with_hint(
                "create it with at least: name = \"Our coalition\" and convener = \"our-org-id\"",
            ),
        );
    } else if let Some(text) = read_text(&toml_path, &mut diagnostics) {
        match toml::from_str::<TomlCoalition>(&text) {
            Ok(parsed) => apply_toml(
                parsed,
                &text,
                &toml_file,
                &mut coalition,
                &mut origins,
                &mut diagnostics,
            ),
            Err(e) => {
                let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
                diagnostics.push(
                    Diagnostic::error(&toml_file, e.message().to_string())
                        .at_line(line)
                        .with_hint("the keys are name, convener, as_of, [priorities], [vocabulary] and [planner]; see docs/data-format.md"),
                );
            }
        }
    }

    let tables: [(&str, CsvReader, Missing); 2] = [
        ("organizations.csv", read_rows::<Organization>, |file| {
            Diagnostic::error(file, "the project folder has no organizations.csv").with_hint(
                "create it with the header id,name,type,status,populations,domains,assets",
            )
        }),
        ("partnerships.csv", read_rows::<Partnership>, |file| {
            Diagnostic::warning(file, "no partnerships.csv: the network has no partnerships")
                .with_hint("create it with the header source,target,kind,strength")
        }),
    ];
    for (name, read, missing) in tables {
        let path = folder.join(name);
        let file = path.display().to_string();
        if !path.exists() {
            diagnostics.push(missing(file));
        } else if let Some(text) = read_text(&path, &mut diagnostics) {
            read(&file, &text, &mut coalition, &mut origins, &mut diagnostics);
        }
    }
    Read {
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

/// Puts a parsed `coalition.toml` into the coalition, noting the line of each term.
fn apply_toml(
    parsed: TomlCoalition,
    text: &str,
    file: &str,
    coalition: &mut Coalition,
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let line = |span: Range<usize>| Some(line_of(text.as_bytes(), span.start));
    match parsed.name {
        Some(name) if !name.get_ref().trim().is_empty() => {
            coalition.name = name.into_inner().trim().to_string()
        }
        _ => diagnostics.push(
            Diagnostic::error(file, "the coalition has no name")
                .in_field("name")
                .with_hint("add: name = \"Forest City Mobility Coalition\""),
        ),
    }
    if let Some(convener) = parsed.convener {
        origins.coalition.line = line(convener.span());
        coalition.convener = Some(convener.into_inner());
    }
    coalition.as_of = parsed.as_of;
    if let Some(planner) = parsed.planner {
        let at = line(planner.span());
        let weights = planner.into_inner();
        check_planner(&weights, file, at, diagnostics);
        coalition.planner = Some(weights);
    }
    let at = |span| Origin::line(file, line(span));
    push_terms(
        parsed.priorities.by_kind(),
        &mut origins.priorities,
        at,
        |kind, text| coalition.priorities.terms_mut(kind).push(text),
    );
    push_terms(
        parsed.vocabulary.by_kind(),
        &mut origins.vocabulary,
        at,
        |kind, term: TomlTerm| coalition.vocabulary.terms_mut(kind).push(term.into_term()),
    );
}

/// Reports `[planner]` weights below 0 and a decay outside (0, 1].
fn check_planner(
    weights: &PlannerWeights,
    file: &str,
    line: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let valid = [
        weights.population,
        weights.domain,
        weights.asset,
        weights.cell,
    ]
    .iter()
    .all(|w| w.is_finite() && *w >= 0.0);
    if !valid {
        diagnostics.push(
            Diagnostic::error(file, "planner weights must be numbers of 0 or more")
                .at_line(line)
                .in_field("planner")
                .with_hint("e.g. population = 3.0, domain = 2.0, asset = 2.0, cell = 1.0"),
        );
    }
    if !(weights.decay > 0.0 && weights.decay <= 1.0) {
        diagnostics.push(
            Diagnostic::error(
                file,
                format!("planner decay {} is outside 0–1", weights.decay),
            )
            .at_line(line)
            .in_field("planner.decay")
            .with_hint("use a number above 0 and at most 1; the default is 0.5"),
        );
    }
}

/// Hands each term of each kind to `push`, in order, and records where it was written.
fn push_terms<T>(
    lists: impl Iterator<Item = (TermKind, Vec<Spanned<T>>)>,
    origins: &mut HashMap<TermKind, Vec<Origin>>,
    at: impl Fn(Range<usize>) -> Origin,
    mut push: impl FnMut(TermKind, T),
) {
    for (kind, list) in lists {
        for term in list {
            origins.entry(kind).or_default().push(at(term.span()));
            push(kind, term.into_inner());
        }
    }
}
