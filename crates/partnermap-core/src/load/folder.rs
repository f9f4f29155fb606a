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
    purpose: Option<String>,
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
                        .with_hint("the keys are name, convener, as_of, purpose, [priorities], [vocabulary] and [planner]; see docs/data-format.md"),
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
        second_mode: None,
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
    coalition.purpose = parsed
        .purpose
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty());
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

#[cfg(test)]
mod tests {
    use super::super::testing::{as_warning, error, folder};
    use super::*;

    const ORGANIZATIONS: &str = "id,name,type\nfc-wdb,Forest City Board,WDB\n";

    #[test]
    fn a_folder_reads_its_three_files() {
        let dir = folder(&[
            (
                "coalition.toml",
                "name = \" Demo \"\nconvener = \"fc-wdb\"\nas_of = \"2026-11-01\"\n\n\
                 [priorities]\npopulations = [\"ELL\",\n  \"PWD\"]\n\n\
                 [vocabulary]\ndomains = [\"Food security\", { id = \"care\", label = \"Child care\", aliases = [\"daycare\"] }]\n\n\
                 [planner]\ndecay = 0.25\n",
            ),
            ("organizations.csv", ORGANIZATIONS),
            ("partnerships.csv", "source,target\n"),
        ]);
        let read = read_folder(dir.path());
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        assert_eq!(coalition.name, "Demo");
        assert_eq!(coalition.convener.as_deref(), Some("fc-wdb"));
        assert_eq!(coalition.as_of.as_deref(), Some("2026-11-01"));
        assert_eq!(coalition.priorities.populations, ["ELL", "PWD"]);
        let domains = &coalition.vocabulary.domains;
        assert_eq!(
            (domains[0].id.as_str(), domains[1].id.as_str()),
            ("food-security", "care")
        );
        assert_eq!(domains[1].aliases, ["daycare"]);
        assert_eq!(coalition.planner.unwrap().decay, 0.25);
        assert_eq!(coalition.organizations.len(), 1);
        let lines = |list: &[Origin]| list.iter().map(|o| o.line).collect::<Vec<_>>();
        assert_eq!(read.origins.coalition.line, Some(2));
        assert_eq!(
            lines(&read.origins.priorities[&TermKind::Population]),
            [Some(6), Some(7)]
        );
        assert_eq!(
            lines(&read.origins.vocabulary[&TermKind::Domain]),
            [Some(10), Some(10)]
        );
        assert_eq!(lines(&read.origins.organizations), [Some(2)]);
    }

    #[test]
    fn missing_files_are_reported_and_the_rest_still_read() {
        let dir = folder(&[("organizations.csv", ORGANIZATIONS)]);
        let file = |name: &str| dir.path().join(name).display().to_string();
        let read = read_folder(dir.path());
        assert_eq!(
            read.diagnostics,
            [
                error(
                    &file("coalition.toml"),
                    None,
                    None,
                    "the project folder has no coalition.toml",
                    Some("create it with at least: name = \"Our coalition\" and convener = \"our-org-id\""),
                ),
                as_warning(error(
                    &file("partnerships.csv"),
                    None,
                    None,
                    "no partnerships.csv: the network has no partnerships",
                    Some("create it with the header source,target,kind,strength"),
                )),
            ]
        );
        assert_eq!(read.coalition.unwrap().organizations.len(), 1);

        let empty = folder(&[]);
        let read = read_folder(empty.path());
        let organizations = empty.path().join("organizations.csv");
        assert_eq!(
            read.diagnostics[1],
            error(
                &organizations.display().to_string(),
                None,
                None,
                "the project folder has no organizations.csv",
                Some("create it with the header id,name,type,status,populations,domains,assets"),
            )
        );
    }

    #[test]
    fn toml_mistakes_name_their_line_and_the_keys() {
        let dir = folder(&[
            (
                "coalition.toml",
                "name = \"Demo\"\n\n[priorites]\npopulations = [\"ELL\"]\n",
            ),
            ("organizations.csv", ORGANIZATIONS),
            ("partnerships.csv", "source,target\n"),
        ]);
        let read = read_folder(dir.path());
        let file = dir.path().join("coalition.toml").display().to_string();
        assert_eq!(read.diagnostics.len(), 1);
        let d = &read.diagnostics[0];
        assert_eq!(
            (d.file.as_str(), d.line, d.field.as_deref()),
            (file.as_str(), Some(3), None)
        );
        assert!(
            d.message.starts_with("unknown field `priorites`"),
            "{}",
            d.message
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("the keys are name, convener, as_of, purpose, [priorities], [vocabulary] and [planner]; see docs/data-format.md")
        );
    }

    #[test]
    fn a_blank_name_and_bad_planner_weights_are_errors() {
        let dir = folder(&[
            (
                "coalition.toml",
                "name = \"  \"\n[planner]\ncell = -1.0\ndecay = 0.0\n",
            ),
            ("organizations.csv", ORGANIZATIONS),
            ("partnerships.csv", "source,target\n"),
        ]);
        let read = read_folder(dir.path());
        let file = dir.path().join("coalition.toml").display().to_string();
        assert_eq!(
            read.diagnostics,
            [
                error(
                    &file,
                    None,
                    Some("name"),
                    "the coalition has no name",
                    Some("add: name = \"Forest City Mobility Coalition\""),
                ),
                error(
                    &file,
                    Some(2),
                    Some("planner"),
                    "planner weights must be numbers of 0 or more",
                    Some("e.g. population = 3.0, domain = 2.0, asset = 2.0, cell = 1.0"),
                ),
                error(
                    &file,
                    Some(2),
                    Some("planner.decay"),
                    "planner decay 0 is outside 0–1",
                    Some("use a number above 0 and at most 1; the default is 0.5"),
                ),
            ]
        );
    }
}
