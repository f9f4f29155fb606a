//! The mapping file of `partnermap import`: which of a directory's columns hold which of our
//! fields, how its multi-value cells are separated, defaults, its words for our terms and the
//! terms it adds (docs/start.md lists the keys).

use super::{line_of, read_text};
use crate::diagnostic::Diagnostic;
use crate::vocabulary::{normalize, TermKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One column, or several whose values are merged.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub(super) fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(one) => vec![one.as_str()],
            OneOrMany::Many(many) => many.iter().map(String::as_str).collect(),
        }
    }
}

/// How the directory's multi-value cells are written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Split {
    /// What separates the values of a cell.
    #[serde(default = "Split::default_separator")]
    pub(super) separator: String,
    /// Cell values that mean "nothing" (e.g. `None`, `N/A`).
    #[serde(default)]
    pub(super) empty: Vec<String>,
}

impl Split {
    fn default_separator() -> String {
        ";".to_string()
    }
}

impl Default for Split {
    fn default() -> Split {
        Split {
            separator: Split::default_separator(),
            empty: Vec::new(),
        }
    }
}

/// The coalition the imported folder is for.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct MappingCoalition {
    pub(super) name: Option<String>,
}

/// New terms, by kind, as in coalition.toml's `[vocabulary]` (labels).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Declared {
    #[serde(default)]
    pub(super) populations: Vec<String>,
    #[serde(default)]
    pub(super) domains: Vec<String>,
    #[serde(default)]
    pub(super) assets: Vec<String>,
}

impl Declared {
    pub(super) fn of(&self, kind: TermKind) -> &[String] {
        match kind {
            TermKind::Population => &self.populations,
            TermKind::Domain => &self.domains,
            TermKind::Asset => &self.assets,
        }
    }
}

/// The whole mapping file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Mapping {
    #[serde(default)]
    pub(super) coalition: MappingCoalition,
    /// Our field = their column (or columns).
    #[serde(default)]
    pub(super) columns: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    pub(super) split: Split,
    /// Our field = the value when their cell is empty or no column holds it.
    #[serde(default)]
    pub(super) defaults: BTreeMap<String, String>,
    /// Their word = our term (label, id or alias), or several, or `[]` to leave it out on purpose.
    #[serde(default)]
    pub(super) terms: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    pub(super) vocabulary: Declared,
    /// `[terms]` keys by their normalised spelling, built on first use: a directory's every
    /// word is looked up.
    #[serde(skip)]
    normalized: std::sync::OnceLock<std::collections::HashMap<String, String>>,
}

impl Mapping {
    /// What `[terms]` maps a word to, ignoring case and punctuation.
    pub(super) fn term(&self, word: &str) -> Option<Vec<&str>> {
        let index = self.normalized.get_or_init(|| {
            self.terms
                .keys()
                .map(|key| (normalize(key), key.clone()))
                .collect()
        });
        index
            .get(&normalize(word))
            .map(|key| self.terms[key].items())
    }

    /// True when `word` is one of the cell values that mean nothing.
    pub(super) fn is_empty_value(&self, word: &str) -> bool {
        word.trim().is_empty()
            || self
                .split
                .empty
                .iter()
                .any(|e| normalize(e) == normalize(word))
    }
}

/// Reads the mapping file; `None`, with the problem reported by line, when it cannot be used.
pub(super) fn read_mapping(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Mapping> {
    let file = path.display().to_string();
    if !path.exists() {
        diagnostics.push(Diagnostic::error(&file, "no such mapping file").with_hint(
            "write one with: partnermap import DIRECTORY --suggest-mapping > mapping.toml",
        ));
        return None;
    }
    let text = read_text(path, diagnostics)?;
    match toml::from_str::<Mapping>(&text) {
        Ok(mapping) => {
            if mapping.split.separator.is_empty() {
                diagnostics.push(
                    Diagnostic::error(&file, "the separator is empty")
                        .in_field("split.separator")
                        .with_hint("write the character between values, e.g. separator = \",\""),
                );
                return None;
            }
            Some(mapping)
        }
        Err(e) => {
            let line = e.span().map(|s| line_of(text.as_bytes(), s.start));
            diagnostics.push(
                Diagnostic::error(&file, e.message().to_string())
                    .at_line(line)
                    .with_hint("the tables are [coalition], [columns], [split], [defaults], [terms] and [vocabulary]; see docs/start.md"),
            );
            None
        }
    }
}

/// Our field a directory column probably holds, from words in its header.
fn guess_field(header: &str) -> Option<&'static str> {
    let h = normalize(header);
    if let Some(field) = super::ORGANIZATION_COLUMNS
        .iter()
        .find(|f| normalize(f) == h)
    {
        return Some(field);
    }
    const GUESSES: &[(&str, &[&str])] = &[
        (
            "name",
            &[
                "organizationname",
                "orgname",
                "agencyname",
                "providername",
                "organization",
                "agency",
            ],
        ),
        ("city", &["city", "town"]),
        ("county", &["county"]),
        ("website", &["website", "url", "profile", "web"]),
        ("contact", &["email", "phone", "contact"]),
        ("type", &["type", "category"]),
        (
            "populations",
            &[
                "population",
                "groups",
                "demographic",
                "served",
                "clients",
                "ethnic",
            ],
        ),
        (
            "domains",
            &["service", "domain", "focus", "program", "issue"],
        ),
        ("assets", &["asset", "activit", "resource"]),
        ("lat", &["latitude"]),
        ("lon", &["longitude", "lng"]),
        ("notes", &["note", "description", "language"]),
    ];
    GUESSES
        .iter()
        .find(|(_, words)| words.iter().any(|w| h.contains(w)))
        .map(|(field, _)| *field)
}

/// The starting mapping `partnermap import DIRECTORY --suggest-mapping` prints.
pub(super) fn suggest(table: &super::import::Directory) -> String {
    use crate::vocabulary::{Vocabulary, LIKELY};
    use crate::write::toml_string;
    let cells = || table.rows.iter().flat_map(|(_, cells)| cells.iter());
    let commas = cells().filter(|c| c.contains(", ")).count();
    let semicolons = cells().filter(|c| c.contains(';')).count();
    let separator = if commas > semicolons { "," } else { ";" };
    let mut out = String::from(
        "# A starting mapping: check every guess, then run\n\
         #   partnermap import DIRECTORY --mapping mapping.toml --out FOLDER\n\
         # The keys are described in docs/start.md.\n\n[coalition]\nname = \"Our coalition\"\n\n[columns]\n",
    );
    let mut fields: Vec<(&str, Vec<&str>)> = Vec::new();
    for (field, column) in &table.columns {
        if table.headers.iter().any(|h| h == column) {
            fields.push((field, vec![column]));
        }
    }
    let mut unguessed = Vec::new();
    for header in &table.headers {
        if table.columns.iter().any(|(_, c)| c == header) {
            continue;
        }
        match guess_field(header) {
            // A format's own ids (HSDS's UUIDs) make poor ids to write: the names give them.
            Some(field)
                if !table.columns.is_empty()
                    && (field == "id" || fields.iter().any(|(f, _)| *f == field)) =>
            {
                unguessed.push(header)
            }
            Some(field) if field != "name" || !fields.iter().any(|(f, _)| *f == "name") => {
                match fields.iter_mut().find(|(f, _)| *f == field) {
                    Some((_, columns)) => columns.push(header),
                    None => fields.push((field, vec![header])),
                }
            }
            _ => unguessed.push(header),
        }
    }
    for (field, columns) in &fields {
        let value = match columns.as_slice() {
            [one] => toml_string(one),
            several => format!(
                "[{}]",
                several
                    .iter()
                    .map(|c| toml_string(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        out += &format!("{field} = {value}\n");
    }
    for header in unguessed {
        out += &format!(
            "# ? = {}   (not guessed: name the field it holds, or leave it out)\n",
            toml_string(header)
        );
    }
    out += &format!(
        "\n[split]\nseparator = {}\n# Cell values that mean nothing:\n# empty = [\"None\", \"N/A\"]\n\n[defaults]\n",
        toml_string(separator)
    );
    if !fields.iter().any(|(f, _)| *f == "type") {
        out += "type = \"community-based nonprofit\"   # or another type of docs/vocabulary.md\n";
    }
    out += "status = \"potential\"\n\n[terms]\n";
    let vocabulary = Vocabulary::builtin();
    // The list columns, each with the kinds of term it gives (several for an HSDS folder's
    // taxonomy terms).
    let mut lists: Vec<(Vec<TermKind>, &Vec<&str>)> = Vec::new();
    for kind in TermKind::ALL {
        let Some((_, columns)) = fields.iter().find(|(f, _)| *f == kind.plural()) else {
            continue;
        };
        match lists.iter_mut().find(|(_, c)| *c == columns) {
            Some((kinds, _)) => kinds.push(kind),
            None => lists.push((vec![kind], columns)),
        }
    }
    for (kinds, columns) in lists {
        let at: Vec<usize> = columns
            .iter()
            .filter_map(|c| table.headers.iter().position(|h| h == c))
            .collect();
        let mut words: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for (_, cells) in &table.rows {
            let mut seen = Vec::new();
            for &i in &at {
                let cell = cells.get(i).map_or("", String::as_str);
                let values = match table.joined.contains(&i) {
                    true => super::import::split(cell, super::import::JOINED, |_| false),
                    false => super::import::split(cell, separator, |w| {
                        kinds.iter().any(|&k| vocabulary.find(k, w).is_some())
                    }),
                };
                for word in values {
                    let key = normalize(&word);
                    if !seen.contains(&key) {
                        words.entry(key.clone()).or_insert((word, 0)).1 += 1;
                        seen.push(key);
                    }
                }
            }
        }
        let mut words: Vec<(String, usize)> = words.into_values().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let plurals: Vec<&str> = kinds.iter().map(|k| k.plural()).collect();
        out += &format!("# {} ({})\n", plurals.join(", "), columns.join(", "));
        for (word, rows) in words {
            let rows = super::import::rows(rows);
            let found = kinds
                .iter()
                .find_map(|&k| vocabulary.find(k, &word).map(|t| (k, t)));
            match (found, super::import::closest_term(&vocabulary, &kinds, &word).0) {
                (Some((kind, term)), _) => out += &format!("# {} is the {kind} {} ({rows})\n", toml_string(&word), toml_string(&term.label)),
                (_, Some((score, label))) if score >= LIKELY => out += &format!("{} = {}   # {rows}\n", toml_string(&word), toml_string(&label)),
                (_, best) => out += &format!(
                    "# {} = {}   # {rows}; a weak guess: correct it, or declare the word under [vocabulary]\n",
                    toml_string(&word),
                    toml_string(&best.map_or(String::new(), |(_, l)| l))
                ),
            }
        }
    }
    out +=
        "\n[vocabulary]\n# New terms, as in coalition.toml, e.g.\n# populations = [\"Veterans\"]\n";
    out
}
