//! Loading a coalition from what people keep: a project folder (`coalition.toml`,
//! `organizations.csv`, `partnerships.csv`), the canonical JSON document, or a bare
//! `source,target` edge list.
//!
//! Every format is first read into a [`Coalition`] whose terms and references are still as the
//! person wrote them, with the origin (file, line) of each record; one shared validation pass
//! then resolves terms against the vocabulary and organizations by id or name, collecting every
//! problem instead of stopping at the first.

use crate::diagnostic::{Diagnostic, LoadError};
use crate::model::{
    Coalition, Location, Organization, OrganizationType, Partnership, PartnershipKind, Status,
};
use crate::vocabulary::{closest, normalize, slug, Term, TermKind, Vocabulary};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// A coalition that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated coalition: terms are vocabulary ids, partnerships name organization ids.
    pub coalition: Coalition,
    /// Problems that did not stop loading.
    pub warnings: Vec<Diagnostic>,
}

/// The columns `organizations.csv` may have, in the order partnermap writes them.
pub const ORGANIZATION_COLUMNS: &[&str] = &[
    "id",
    "name",
    "type",
    "status",
    "populations",
    "domains",
    "assets",
    "aligned_initiatives",
    "motivations",
    "roles",
    "barriers",
    "invited_by",
    "contact",
    "website",
    "city",
    "county",
    "lat",
    "lon",
    "notes",
];

/// The columns `partnerships.csv` (and an edge list) may have.
pub const PARTNERSHIP_COLUMNS: &[&str] = &[
    "source", "target", "kind", "strength", "directed", "since", "notes", "weight",
];

/// Loads a coalition from a project folder, a `.json` document or a `.csv` edge list.
///
/// ```no_run
/// let loaded = partnermap_core::load::load(std::path::Path::new("data/forest-city")).unwrap();
/// println!("{} organizations", loaded.coalition.organizations.len());
/// ```
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let shown = path.display().to_string();
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if path.is_dir() {
        return finish(read_folder(path));
    }
    if !path.exists() {
        return Err(fail(Diagnostic::error(shown, "no such file or folder").with_hint(
            "give a project folder (with coalition.toml), a .json document or a source,target .csv",
        )));
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "json" => finish(read_json(path)),
        "csv" => finish(read_edge_list(path)),
        "toml" if path.file_name().is_some_and(|n| n == "coalition.toml") => {
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            finish(read_folder(folder))
        }
        _ => Err(fail(Diagnostic::error(shown, "not a format partnermap reads").with_hint(
            "give a project folder (with coalition.toml), a .json document or a source,target .csv",
        ))),
    }
}

/// Parses a canonical JSON document held in memory; `file` names it in messages.
pub fn from_json_str(file: &str, text: &str) -> Result<Loaded, LoadError> {
    finish(parse_json(file, text))
}

fn finish(read: Read) -> Result<Loaded, LoadError> {
    let Read {
        coalition,
        origins,
        mut diagnostics,
    } = read;
    let coalition = coalition.map(|coalition| validate(coalition, &origins, &mut diagnostics));
    // Errors first, then in reading order: coalition.toml, organizations.csv, partnerships.csv.
    diagnostics.sort_by(|a, b| (a.severity, &a.file, a.line).cmp(&(b.severity, &b.file, b.line)));
    match coalition {
        Some(coalition) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            coalition,
            warnings: diagnostics,
        }),
        _ => Err(LoadError { diagnostics }),
    }
}

/// Where a record came from, for messages.
#[derive(Debug, Clone, Default)]
struct Origin {
    file: String,
    line: Option<usize>,
    /// JSON pointer prefix for formats without lines.
    pointer: Option<String>,
}

impl Origin {
    fn error(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let field = match &self.pointer {
            Some(pointer) => format!("{pointer}/{field}"),
            None => field.to_string(),
        };
        Diagnostic::error(&self.file, message)
            .at_line(self.line)
            .in_field(field)
    }

    fn warning(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: crate::diagnostic::Severity::Warning,
            ..self.error(field, message)
        }
    }
}

/// Origins of every part of a coalition, parallel to its lists.
#[derive(Debug, Default)]
struct Origins {
    coalition: Origin,
    /// Per kind, per priority term: where it was written.
    priorities: HashMap<TermKind, Vec<Origin>>,
    vocabulary: HashMap<TermKind, Vec<Origin>>,
    organizations: Vec<Origin>,
    partnerships: Vec<Origin>,
}

struct Read {
    coalition: Option<Coalition>,
    origins: Origins,
    diagnostics: Vec<Diagnostic>,
}

fn read_text(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(
                text.strip_prefix('\u{feff}')
                    .map(str::to_string)
                    .unwrap_or(text),
            ),
            Err(e) => {
                let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                diagnostics.push(
                    Diagnostic::error(path.display().to_string(), "the file is not UTF-8 text")
                        .at_line(Some(line))
                        .with_hint("save it as \"CSV UTF-8\" (or UTF-8 text) and try again"),
                );
                None
            }
        },
        Err(e) => {
            diagnostics.push(Diagnostic::error(
                path.display().to_string(),
                format!("cannot read: {e}"),
            ));
            None
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlCoalition {
    name: Option<toml::Spanned<String>>,
    convener: Option<toml::Spanned<String>>,
    as_of: Option<String>,
    #[serde(default)]
    priorities: TomlPriorities,
    #[serde(default)]
    vocabulary: TomlVocabulary,
    planner: Option<toml::Spanned<crate::model::PlannerWeights>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TomlPriorities {
    #[serde(default)]
    populations: Vec<toml::Spanned<String>>,
    #[serde(default)]
    domains: Vec<toml::Spanned<String>>,
    #[serde(default)]
    assets: Vec<toml::Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct TomlVocabulary {
    #[serde(default)]
    populations: Vec<toml::Spanned<TomlTerm>>,
    #[serde(default)]
    domains: Vec<toml::Spanned<TomlTerm>>,
    #[serde(default)]
    assets: Vec<toml::Spanned<TomlTerm>>,
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

fn read_folder(folder: &Path) -> Read {
    let mut diagnostics = Vec::new();
    let mut origins = Origins::default();
    let toml_path = folder.join("coalition.toml");
    let toml_file = toml_path.display().to_string();
    origins.coalition = Origin {
        file: toml_file.clone(),
        line: None,
        pointer: None,
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
                let line = e.span().map(|s| line_of(&text, s.start));
                diagnostics.push(
                    Diagnostic::error(&toml_file, e.message().to_string())
                        .at_line(line)
                        .with_hint("the keys are name, convener, as_of, [priorities], [vocabulary] and [planner]; see docs/data-format.md"),
                );
            }
        }
    }

    let tables: [(&str, CsvReader, fn(String) -> Diagnostic); 2] = [
        ("organizations.csv", read_organizations, |file| {
            Diagnostic::error(file, "the project folder has no organizations.csv").with_hint(
                "create it with the header id,name,type,status,populations,domains,assets",
            )
        }),
        ("partnerships.csv", read_partnerships, |file| {
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

fn apply_toml(
    parsed: TomlCoalition,
    text: &str,
    file: &str,
    coalition: &mut Coalition,
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let at = |span: std::ops::Range<usize>| Origin {
        file: file.to_string(),
        line: Some(line_of(text, span.start)),
        pointer: None,
    };
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
        origins.coalition.line = Some(line_of(text, convener.span().start));
        coalition.convener = Some(convener.into_inner());
    }
    coalition.as_of = parsed.as_of;
    if let Some(planner) = parsed.planner {
        let line = Some(line_of(text, planner.span().start));
        let weights = planner.into_inner();
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
        coalition.planner = Some(weights);
    }
    let TomlPriorities {
        populations,
        domains,
        assets,
    } = parsed.priorities;
    for (kind, list) in [
        (TermKind::Population, populations),
        (TermKind::Domain, domains),
        (TermKind::Asset, assets),
    ] {
        for term in list {
            origins
                .priorities
                .entry(kind)
                .or_default()
                .push(at(term.span()));
            coalition.priorities.terms_mut(kind).push(term.into_inner());
        }
    }
    let TomlVocabulary {
        populations,
        domains,
        assets,
    } = parsed.vocabulary;
    for (kind, list) in [
        (TermKind::Population, populations),
        (TermKind::Domain, domains),
        (TermKind::Asset, assets),
    ] {
        for term in list {
            origins
                .vocabulary
                .entry(kind)
                .or_default()
                .push(at(term.span()));
            let term = match term.into_inner() {
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
            };
            coalition.vocabulary.terms_mut(kind).push(term);
        }
    }
}

/// Reads one CSV file's text (named `file` in messages) into the coalition and its origins.
type CsvReader = fn(&str, &str, &mut Coalition, &mut Origins, &mut Vec<Diagnostic>);

/// A CSV file read into header positions and records, with structural problems reported.
struct Table {
    columns: HashMap<&'static str, usize>,
    records: Vec<csv::StringRecord>,
}

impl Table {
    fn get<'r>(&self, record: &'r csv::StringRecord, column: &str) -> &'r str {
        self.columns
            .get(column)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    fn text(&self, record: &csv::StringRecord, column: &str) -> Option<String> {
        let cell = self
            .columns
            .get(column)
            .and_then(|&i| record.get(i))
            .unwrap_or("");
        (!cell.trim().is_empty()).then(|| cell.to_string())
    }
}

fn read_table(
    file: &str,
    text: &str,
    known: &'static [&'static str],
    required: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Table> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(file, format!("malformed CSV header: {e}")).at_line(Some(1)),
            );
            return None;
        }
    };
    let mut columns = HashMap::new();
    for (i, header) in headers.iter().enumerate() {
        let wanted = header.trim().to_lowercase().replace([' ', '-'], "_");
        if wanted.is_empty() {
            diagnostics.push(
                Diagnostic::error(file, format!("column {} has no name", i + 1))
                    .at_line(Some(1))
                    .with_hint("name the column or delete it"),
            );
            continue;
        }
        match known.iter().find(|k| **k == wanted) {
            Some(&column) => {
                if columns.insert(column, i).is_some() {
                    diagnostics.push(
                        Diagnostic::error(file, format!("column \"{column}\" appears twice"))
                            .at_line(Some(1))
                            .in_field(column),
                    );
                }
            }
            None => {
                let suggestion = closest(header, known.iter().map(|k| (*k, *k)));
                diagnostics.push(
                    Diagnostic::error(file, format!("unknown column \"{}\"", header.trim()))
                        .at_line(Some(1))
                        .in_field(header.trim())
                        .did_you_mean(suggestion)
                        .with_hint(format!("the columns are: {}", known.join(", "))),
                );
            }
        }
    }
    let mut missing = false;
    for column in required {
        if !columns.contains_key(column) {
            diagnostics.push(
                Diagnostic::error(file, format!("the header has no \"{column}\" column"))
                    .at_line(Some(1))
                    .with_hint(format!("the header should start: {}", required.join(","))),
            );
            missing = true;
        }
    }
    let width = headers.len();
    let mut records = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map(|p| p.line() as usize);
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                if record.len() > width && record.iter().skip(width).any(|c| !c.trim().is_empty()) {
                    diagnostics.push(
                        Diagnostic::error(file, format!("{} cells where the header has {width}", record.len()))
                            .at_line(line)
                            .with_hint("a cell with a comma must be in double quotes, e.g. \"Young people, youth\"; list items are separated by ;"),
                    );
                    continue;
                }
                records.push(record);
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                diagnostics
                    .push(Diagnostic::error(file, format!("malformed CSV: {e}")).at_line(line));
            }
        }
    }
    (!missing).then_some(Table { columns, records })
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_organizations(
    file: &str,
    text: &str,
    coalition: &mut Coalition,
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_table(
        file,
        text,
        ORGANIZATION_COLUMNS,
        &["name", "type"],
        diagnostics,
    ) else {
        return;
    };
    for record in &table.records {
        let origin = Origin {
            file: file.to_string(),
            line: record.position().map(|p| p.line() as usize),
            pointer: None,
        };
        let kind_text = table.get(record, "type");
        let kind = match OrganizationType::parse(kind_text) {
            Ok(kind) => kind,
            Err(suggestion) => {
                let message = if kind_text.is_empty() {
                    "the type is empty".to_string()
                } else {
                    format!("unknown type \"{kind_text}\"")
                };
                diagnostics.push(
                    origin
                        .error("type", message)
                        .did_you_mean(suggestion)
                        .with_hint(format!("the types are: {}", OrganizationType::expected())),
                );
                OrganizationType::Other
            }
        };
        let mut org = Organization::new(table.get(record, "id"), table.get(record, "name"), kind);
        let status_text = table.get(record, "status");
        if !status_text.is_empty() {
            match Status::parse(status_text) {
                Ok(status) => org.status = status,
                Err(suggestion) => diagnostics.push(
                    origin
                        .error("status", format!("unknown status \"{status_text}\""))
                        .did_you_mean(suggestion)
                        .with_hint(format!("the statuses are: {}", Status::expected())),
                ),
            }
        }
        for kind in TermKind::ALL {
            *org.terms_mut(kind) = split_list(table.get(record, kind.plural()));
        }
        org.aligned_initiatives = table.text(record, "aligned_initiatives");
        org.motivations = table.text(record, "motivations");
        org.roles = table.text(record, "roles");
        org.barriers = table.text(record, "barriers");
        org.invited_by = table.text(record, "invited_by");
        org.contact = table.text(record, "contact");
        org.website = table.text(record, "website");
        org.notes = table.text(record, "notes");
        org.location = Location {
            city: table.text(record, "city"),
            county: table.text(record, "county"),
            lat: parse_coordinate(&table, record, "lat", 90.0, &origin, diagnostics),
            lon: parse_coordinate(&table, record, "lon", 180.0, &origin, diagnostics),
        };
        coalition.organizations.push(org);
        origins.organizations.push(origin);
    }
}

fn parse_coordinate(
    table: &Table,
    record: &csv::StringRecord,
    column: &str,
    limit: f64,
    origin: &Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let cell = table.get(record, column);
    if cell.is_empty() {
        return None;
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
        _ => {
            diagnostics.push(
                origin
                    .error(column, format!("\"{cell}\" is not a {column}itude"))
                    .with_hint(format!(
                        "write decimal degrees between -{limit} and {limit}, e.g. 41.5"
                    )),
            );
            None
        }
    }
}

fn read_partnerships(
    file: &str,
    text: &str,
    coalition: &mut Coalition,
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(table) = read_table(
        file,
        text,
        PARTNERSHIP_COLUMNS,
        &["source", "target"],
        diagnostics,
    ) else {
        return;
    };
    for record in &table.records {
        let origin = Origin {
            file: file.to_string(),
            line: record.position().map(|p| p.line() as usize),
            pointer: None,
        };
        let mut partnership = Partnership {
            source: table.get(record, "source").to_string(),
            target: table.get(record, "target").to_string(),
            kind: PartnershipKind::Other,
            strength: 2,
            directed: false,
            since: table.text(record, "since"),
            notes: table.text(record, "notes"),
            weight: None,
        };
        let kind = table.get(record, "kind");
        if !kind.is_empty() {
            match PartnershipKind::parse(kind) {
                Ok(k) => partnership.kind = k,
                Err(suggestion) => diagnostics.push(
                    origin
                        .error("kind", format!("unknown kind of partnership \"{kind}\""))
                        .did_you_mean(suggestion)
                        .with_hint(format!("the kinds are: {}", PartnershipKind::expected())),
                ),
            }
        }
        let strength = table.get(record, "strength");
        if !strength.is_empty() {
            match strength.parse::<i64>() {
                Ok(s) => {
                    partnership.strength = s.clamp(0, 255) as u8;
                    diagnostics.extend(strength_out_of_range(s, &origin));
                }
                Err(_) => diagnostics.push(
                    origin
                        .error(
                            "strength",
                            format!("strength \"{strength}\" is not a number"),
                        )
                        .with_hint(STRENGTH_HINT),
                ),
            }
        }
        let directed = table.get(record, "directed");
        match normalize(directed).as_str() {
            "" | "no" | "false" | "0" | "n" => {}
            "yes" | "true" | "1" | "y" => partnership.directed = true,
            _ => diagnostics.push(origin.error("directed", format!("\"{directed}\" is not yes or no")).with_hint("write yes when the partnership flows one way (source to target), else leave it empty")),
        }
        let weight = table.get(record, "weight");
        if !weight.is_empty() {
            match weight.parse::<f64>() {
                Ok(w) if w.is_finite() && w > 0.0 => partnership.weight = Some(w),
                _ => diagnostics.push(
                    origin
                        .error(
                            "weight",
                            format!("weight \"{weight}\" is not a positive number"),
                        )
                        .with_hint("write a number such as 1 or 2.5, or leave it empty"),
                ),
            }
        }
        coalition.partnerships.push(partnership);
        origins.partnerships.push(origin);
    }
}

const STRENGTH_HINT: &str = "use 1 (weak), 2 (working) or 3 (strong)";

/// The error for a strength outside 1–3: the one range check, for every format.
fn strength_out_of_range(strength: i64, origin: &Origin) -> Option<Diagnostic> {
    (!(1..=3).contains(&strength)).then(|| {
        origin
            .error("strength", format!("strength {strength} is out of range"))
            .with_hint(STRENGTH_HINT)
    })
}

fn read_edge_list(path: &Path) -> Read {
    let mut diagnostics = Vec::new();
    let mut origins = Origins::default();
    let file = path.display().to_string();
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("network")
        .to_string();
    let mut coalition = Coalition::new(&name);
    origins.coalition = Origin {
        file: file.clone(),
        line: None,
        pointer: None,
    };
    let Some(text) = read_text(path, &mut diagnostics) else {
        return Read {
            coalition: None,
            origins,
            diagnostics,
        };
    };
    let first = text.lines().next().unwrap_or("").to_lowercase();
    let header: Vec<&str> = first.split(',').map(str::trim).collect();
    if header.len() < 2 || header[0] != "source" || header[1] != "target" {
        diagnostics.push(
            Diagnostic::error(&file, "a .csv given alone must be an edge list whose header starts source,target")
                .at_line(Some(1))
                .with_hint("for organizations.csv and partnerships.csv, give the project folder that holds them"),
        );
        return Read {
            coalition: None,
            origins,
            diagnostics,
        };
    }
    read_partnerships(&file, &text, &mut coalition, &mut origins, &mut diagnostics);
    let mut ids: HashMap<String, String> = HashMap::new();
    let mut taken = HashSet::new();
    for partnership in &coalition.partnerships {
        for end in [&partnership.source, &partnership.target] {
            if end.is_empty() || ids.contains_key(end) {
                continue;
            }
            let base = match slug(end) {
                s if s.is_empty() => "organization".to_string(),
                s => s,
            };
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.insert(end.clone(), id.clone());
            coalition
                .organizations
                .push(Organization::new(&id, end, OrganizationType::Other));
            origins.organizations.push(Origin {
                file: file.clone(),
                line: None,
                pointer: None,
            });
        }
    }
    for partnership in &mut coalition.partnerships {
        for end in [&mut partnership.source, &mut partnership.target] {
            if let Some(id) = ids.get(end.as_str()) {
                *end = id.clone();
            }
        }
    }
    Read {
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

fn read_json(path: &Path) -> Read {
    let mut diagnostics = Vec::new();
    match read_text(path, &mut diagnostics) {
        Some(text) => parse_json(&path.display().to_string(), &text),
        None => Read {
            coalition: None,
            origins: Origins::default(),
            diagnostics,
        },
    }
}

fn parse_json(file: &str, text: &str) -> Read {
    let mut diagnostics = Vec::new();
    let mut origins = Origins::default();
    let pointer = |p: String| Origin {
        file: file.to_string(),
        line: None,
        pointer: Some(p),
    };
    origins.coalition = pointer(String::new());
    let coalition = match serde_json::from_str::<Coalition>(text) {
        Ok(coalition) => coalition,
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(file, format!("invalid JSON document: {e}"))
                    .at_line(Some(e.line()))
                    .with_hint("see docs/coalition.schema.json for the document's shape"),
            );
            return Read {
                coalition: None,
                origins,
                diagnostics,
            };
        }
    };
    for kind in TermKind::ALL {
        let n = coalition.priorities.terms(kind).len();
        origins.priorities.insert(
            kind,
            (0..n)
                .map(|i| pointer(format!("/priorities/{}/{i}", kind.plural())))
                .collect(),
        );
        let n = coalition.vocabulary.terms(kind).len();
        origins.vocabulary.insert(
            kind,
            (0..n)
                .map(|i| pointer(format!("/vocabulary/{}/{i}", kind.plural())))
                .collect(),
        );
    }
    origins.organizations = (0..coalition.organizations.len())
        .map(|i| pointer(format!("/organizations/{i}")))
        .collect();
    origins.partnerships = (0..coalition.partnerships.len())
        .map(|i| pointer(format!("/partnerships/{i}")))
        .collect();
    Read {
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

/// Resolves terms and references in place and reports every problem. Returns the coalition
/// (possibly still with errors recorded in `diagnostics`).
fn validate(
    mut coalition: Coalition,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) -> Coalition {
    let no_origin = Origin::default();
    let origin_of = |list: Option<&Vec<Origin>>, i: usize| {
        list.and_then(|l| l.get(i))
            .cloned()
            .unwrap_or_else(|| Origin {
                file: origins.coalition.file.clone(),
                ..no_origin.clone()
            })
    };

    let mut vocabulary = Vocabulary::builtin();
    for kind in TermKind::ALL {
        for (i, term) in coalition.vocabulary.terms(kind).iter().enumerate() {
            let origin = origin_of(origins.vocabulary.get(&kind), i);
            let field = format!("vocabulary.{}", kind.plural());
            if term.label.trim().is_empty() || term.id.is_empty() {
                diagnostics.push(
                    origin
                        .error(&field, format!("an extra {kind} has an empty label"))
                        .with_hint("write its label, e.g. \"Veterans\""),
                );
            } else if term.label.contains(';') || term.aliases.iter().any(|a| a.contains(';')) {
                diagnostics.push(
                    origin
                        .error(
                            &field,
                            format!("the {kind} \"{}\" contains ';'", term.label),
                        )
                        .with_hint("';' separates list items in CSV cells; use another character"),
                );
            } else if let Err(existing) = vocabulary.add(kind, term.clone()) {
                diagnostics.push(
                    origin.error(&field, format!("the extra {kind} \"{}\" is already the {kind} \"{existing}\"", term.label))
                        .with_hint(format!("use \"{existing}\" as it is, or give the new term another label and aliases")),
                );
            }
        }
    }

    for kind in TermKind::ALL {
        let field = format!("priorities.{}", kind.plural());
        let mut resolved = Vec::new();
        for (i, text) in coalition.priorities.terms(kind).iter().enumerate() {
            let origin = origin_of(origins.priorities.get(&kind), i);
            if let Some(id) = resolve_term(&vocabulary, kind, text, &origin, &field, diagnostics) {
                if !resolved.contains(&id) {
                    resolved.push(id);
                }
            }
        }
        *coalition.priorities.terms_mut(kind) = resolved;
    }

    let mut first_line: HashMap<String, (usize, Origin)> = HashMap::new();
    for (i, org) in coalition.organizations.iter_mut().enumerate() {
        let origin = origin_of(Some(&origins.organizations), i);
        org.name = org.name.trim().to_string();
        if org.name.is_empty() {
            diagnostics.push(
                origin
                    .error("name", "the organization has no name")
                    .with_hint(
                        "write the organization's name; the id is derived from it when left empty",
                    ),
            );
        }
        if org.id.trim().is_empty() {
            org.id = slug(&org.name);
        } else if org.id != org.id.trim() {
            org.id = org.id.trim().to_string();
        }
        if !org.id.is_empty() {
            if let Some((_, first)) = first_line.get(&org.id) {
                let at = first
                    .line
                    .map(|l| format!(" (first on line {l})"))
                    .or_else(|| first.pointer.as_ref().map(|p| format!(" (first at {p})")))
                    .unwrap_or_default();
                diagnostics.push(
                    origin
                        .error("id", format!("duplicate id \"{}\"{at}", org.id))
                        .with_hint(
                            "give each organization its own id, e.g. add the city or program to it",
                        ),
                );
            } else {
                first_line.insert(org.id.clone(), (i, origin.clone()));
            }
        }
        for kind in TermKind::ALL {
            let mut resolved = Vec::new();
            for text in org.terms(kind) {
                if let Some(id) =
                    resolve_term(&vocabulary, kind, text, &origin, kind.plural(), diagnostics)
                {
                    if resolved.contains(&id) {
                        diagnostics.push(origin.warning(
                            kind.plural(),
                            format!(
                                "\"{text}\" repeats a {kind} already listed for {}",
                                org.name
                            ),
                        ));
                    } else {
                        resolved.push(id);
                    }
                }
            }
            *org.terms_mut(kind) = resolved;
        }
    }

    let ids: HashMap<String, usize> = first_line
        .iter()
        .map(|(id, (i, _))| (id.clone(), *i))
        .collect();
    let mut by_name: HashMap<String, Option<usize>> = HashMap::new();
    for (i, org) in coalition.organizations.iter().enumerate() {
        by_name
            .entry(normalize(&org.name))
            .and_modify(|e| *e = None)
            .or_insert(Some(i));
    }
    let find = |text: &str| -> Result<usize, Option<String>> {
        if let Some(&i) = ids.get(text) {
            return Ok(i);
        }
        match by_name.get(&normalize(text)) {
            Some(Some(i)) => Ok(*i),
            _ => Err(closest(
                text,
                coalition.organizations.iter().flat_map(|o| {
                    [
                        (o.id.as_str(), o.id.as_str()),
                        (o.name.as_str(), o.id.as_str()),
                    ]
                }),
            )),
        }
    };

    let convener = coalition.convener.clone();
    if let Some(convener) = convener {
        match find(&convener) {
            Ok(i) => coalition.convener = Some(coalition.organizations[i].id.clone()),
            Err(suggestion) => diagnostics.push(
                origins
                    .coalition
                    .error(
                        "convener",
                        format!("the convener \"{convener}\" is not in the organizations"),
                    )
                    .did_you_mean(suggestion)
                    .with_hint_if_none(
                        "add the convening organization to organizations.csv with status member",
                    ),
            ),
        }
    } else if !origins.organizations.is_empty()
        && origins.coalition.pointer.is_none()
        && !coalition.name.is_empty()
        && origins.coalition.file.ends_with("toml")
    {
        diagnostics.push(
            Diagnostic::warning(
                &origins.coalition.file,
                "no convener: warm-introduction paths start from the convener",
            )
            .in_field("convener")
            .with_hint("add: convener = \"the-id-of-your-organization\""),
        );
    }

    let mut resolved_ends = Vec::with_capacity(coalition.partnerships.len());
    for (i, partnership) in coalition.partnerships.iter().enumerate() {
        let origin = origin_of(Some(&origins.partnerships), i);
        let mut ends = [None, None];
        for (slot, (field, text)) in [
            ("source", &partnership.source),
            ("target", &partnership.target),
        ]
        .into_iter()
        .enumerate()
        {
            if text.is_empty() {
                diagnostics.push(
                    origin
                        .error(field, format!("the {field} is empty"))
                        .with_hint("write an organization id or its exact name"),
                );
                continue;
            }
            match find(text) {
                Ok(at) => ends[slot] = Some(at),
                Err(suggestion) => diagnostics.push(
                    origin.error(field, format!("the partnership names \"{text}\", which is not in the organizations"))
                        .did_you_mean(suggestion)
                        .with_hint_if_none("add the organization to organizations.csv, or correct the id"),
                ),
            }
        }
        if let [Some(a), Some(b)] = ends {
            if a == b {
                diagnostics.push(
                    origin
                        .error(
                            "target",
                            format!(
                                "a partnership of \"{}\" with itself",
                                coalition.organizations[a].name
                            ),
                        )
                        .with_hint("a partnership joins two different organizations"),
                );
            }
        }
        // A CSV strength was checked as it was read, as the number written (before it was fitted
        // into a u8, and in its line's order); a JSON strength is checked here.
        if origin.pointer.is_some() {
            diagnostics.extend(strength_out_of_range(
                i64::from(partnership.strength),
                &origin,
            ));
        }
        resolved_ends.push(ends);
    }
    let mut seen_pairs = HashMap::new();
    for (i, (partnership, ends)) in coalition
        .partnerships
        .iter_mut()
        .zip(resolved_ends)
        .enumerate()
    {
        if let [Some(a), Some(b)] = ends {
            partnership.source = coalition.organizations[a].id.clone();
            partnership.target = coalition.organizations[b].id.clone();
            // A one-way partnership each way (A refers to B, B refers to A) is two facts, not a repeat.
            let key = if partnership.directed {
                (a, b, partnership.kind, true)
            } else {
                (a.min(b), a.max(b), partnership.kind, false)
            };
            let origin = origin_of(Some(&origins.partnerships), i);
            if let Some(first) = seen_pairs.insert(key, origin.line) {
                let at = first
                    .map(|l| format!(" (first on line {l})"))
                    .unwrap_or_default();
                diagnostics.push(origin.warning(
                    "target",
                    format!(
                        "the partnership between \"{}\" and \"{}\" (kind: {}) is listed twice{at}",
                        partnership.source,
                        partnership.target,
                        partnership.kind.id()
                    ),
                ));
            }
        }
    }
    coalition
}

trait HintIfNone {
    fn with_hint_if_none(self, hint: &str) -> Self;
}

impl HintIfNone for Diagnostic {
    fn with_hint_if_none(self, hint: &str) -> Diagnostic {
        if self.hint.is_some() {
            self
        } else {
            self.with_hint(hint)
        }
    }
}

fn resolve_term(
    vocabulary: &Vocabulary,
    kind: TermKind,
    text: &str,
    origin: &Origin,
    field: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    match vocabulary.resolve(kind, text) {
        Ok(term) => Some(term.id.clone()),
        Err(suggestion) => {
            diagnostics.push(
                origin.error(field, format!("unknown {kind} \"{text}\""))
                    .did_you_mean(suggestion)
                    .with_hint_if_none(&format!("use a worksheet {kind} (see docs/data-format.md) or declare it under [vocabulary] in coalition.toml")),
            );
            None
        }
    }
}
