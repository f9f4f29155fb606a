//! `partnermap import`: a directory people already keep (a county resource directory, a 211
//! export, a partner's spreadsheet; `.csv`, `.xlsx` or `.ods`) with its own columns and words,
//! turned into organizations through a mapping file.
//!
//! Each directory row becomes a row of `organizations.csv` (its words replaced by vocabulary
//! ids), rows naming the same organization merge (lists united, cities collected, a conflict
//! in any other field reported with both rows), and the merged rows are read and validated as
//! `organizations.csv` rows are. A word that is neither a term nor mapped nor declared is
//! reported once, with the number of rows using it and the closest term.

use super::csv::{CsvTable, Table};
use super::mapping::{read_mapping, Mapping, OneOrMany};
use super::ntee;
use super::origin::{Origin, Origins};
use super::spreadsheet::{GridRow, Spreadsheet};
use super::{read_text, Read, ORGANIZATION_COLUMNS};
use crate::diagnostic::Diagnostic;
use crate::model::{Coalition, Organization};
use crate::vocabulary::{closest, normalize, slug, Term, TermKind, Vocabulary, LIKELY};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A directory read into its header and rows (each with its 1-based line or row).
pub(super) struct Directory {
    pub(super) file: String,
    pub(super) headers: Vec<String>,
    pub(super) rows: Vec<GridRow>,
    /// Columns whose cells the reader joined from several values with [`JOINED`].
    pub(super) joined: Vec<usize>,
    /// The `[columns]` a format's own columns imply (our field, their column), used where
    /// the mapping names none for the field.
    pub(super) columns: Vec<(&'static str, &'static str)>,
}

/// Reads a `.csv` (UTF-8), the first sheet of a workbook, whose first row is the header, or
/// an Open Referral HSDS data package (a folder).
pub(super) fn read_directory(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<Directory> {
    if path.is_dir() {
        return super::hsds::read_hsds(path, diagnostics);
    }
    let file = path.display().to_string();
    let is_csv = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut rows = if is_csv {
        let text = read_text(path, diagnostics)?;
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for record in reader.records() {
            match record {
                Ok(record) => {
                    let line = record.position().map_or(0, |p| p.line() as usize);
                    let cells: Vec<String> = record.iter().map(str::to_string).collect();
                    if cells.iter().any(|c| !c.trim().is_empty()) {
                        rows.push((line, cells));
                    }
                }
                Err(e) => diagnostics.push(
                    Diagnostic::error(&file, format!("malformed CSV: {e}"))
                        .at_line(e.position().map(|p| p.line() as usize)),
                ),
            }
        }
        rows
    } else {
        let first =
            Spreadsheet::open(path).and_then(|mut workbook| match workbook.sheet_names().first() {
                Some(name) => workbook.grid(name, diagnostics),
                None => Ok(Vec::new()),
            });
        match first {
            Ok(rows) => rows,
            Err(e) => {
                diagnostics.push(e.into());
                return None;
            }
        }
    };
    if rows.is_empty() {
        diagnostics.push(Diagnostic::error(&file, "the directory is empty"));
        return None;
    }
    let (_, headers) = rows.remove(0);
    let headers = headers.iter().map(|h| h.trim().to_string()).collect();
    Some(Directory {
        file,
        headers,
        rows,
        joined: Vec::new(),
        columns: Vec::new(),
    })
}

/// Where in the directory a mapped column is.
struct Source {
    header: String,
    at: usize,
    joined: bool,
}

/// A word of the directory that nothing maps: where it is first used and in how many rows.
pub(super) struct Unmapped {
    word: String,
    column: String,
    first: usize,
    last: usize,
    rows: usize,
}

/// What the mapping does not cover: the directory's words no term or `[terms]` entry matches,
/// and `[terms]` entries whose term is not in the vocabulary.
#[derive(Default)]
struct Misses {
    /// By the kinds of term the word's column gives and the word, normalised.
    words: BTreeMap<(Vec<TermKind>, String), Unmapped>,
    targets: BTreeMap<(Vec<TermKind>, String), String>,
    codes: BTreeMap<String, Unmapped>,
}

/// The pseudo-field of `[columns]` whose NTEE codes become domains.
const NTEE: &str = "ntee";

/// Reads `directory` through the mapping file at `mapping`.
pub(super) fn read_import(directory: &Path, mapping: &Path) -> Read {
    let mut diagnostics = Vec::new();
    let mapping_file = mapping.display().to_string();
    let mapping = read_mapping(mapping, &mut diagnostics);
    let table = read_directory(directory, &mut diagnostics);
    let (Some(mut mapping), Some(table)) = (mapping, table) else {
        return Read::failed(Origins::default(), diagnostics);
    };
    for (field, column) in &table.columns {
        if !mapping
            .columns
            .keys()
            .any(|k| normalize(k) == normalize(field))
        {
            mapping
                .columns
                .insert(field.to_string(), OneOrMany::One(column.to_string()));
        }
    }
    let mut coalition = Coalition::new(mapping.coalition.name.as_deref().unwrap_or_else(|| {
        directory
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("Imported directory")
    }));
    let mut vocabulary = Vocabulary::builtin();
    for kind in TermKind::ALL {
        for label in mapping.vocabulary.of(kind) {
            let term = Term {
                id: slug(label),
                label: label.clone(),
                aliases: Vec::new(),
            };
            if vocabulary.add(kind, term.clone()).is_ok() {
                coalition.vocabulary.terms_mut(kind).push(term);
            } else {
                diagnostics.push(
                    Diagnostic::error(
                        &mapping_file,
                        format!("\"{label}\" is already a {kind} of the vocabulary"),
                    )
                    .in_field(format!("vocabulary.{}", kind.plural()))
                    .with_hint("map the word to it under [terms] instead of declaring it"),
                );
            }
        }
    }
    let Some(sources) = sources(&mapping, &table, &mapping_file, &mut diagnostics) else {
        return Read::failed(Origins::default(), diagnostics);
    };
    let mut misses = Misses::default();
    let mut merged: Vec<(usize, Vec<String>)> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (line, cells) in &table.rows {
        let terms = terms_of(&mapping, &vocabulary, &sources, cells, *line, &mut misses);
        let record = record(&mapping, &sources, cells, terms);
        let name = normalize(&record[1]);
        match by_name.get(&name) {
            Some(&at) => merge(
                &mut merged[at],
                record,
                *line,
                &table.file,
                &mut diagnostics,
            ),
            None => {
                by_name.insert(name, merged.len());
                merged.push((*line, record));
            }
        }
    }
    for ((kinds, target), word) in misses.targets {
        let (closest, kind) = closest_term(&vocabulary, &kinds, &target);
        let kinds = either(&kinds);
        diagnostics.push(
            Diagnostic::error(&mapping_file, format!("\"{word}\" is mapped to \"{target}\", which is not a {kinds}"))
                .in_field("terms")
                .did_you_mean(closest.filter(|(score, _)| *score >= LIKELY).map(|(_, label)| label))
                .with_hint_if_none(&format!("map it to a {kinds} of docs/vocabulary.md, or declare \"{target}\" under [vocabulary] {}", kind.plural())),
        );
    }
    for code in misses.codes.into_values() {
        diagnostics.push(
            Diagnostic::error(&table.file, format!("\"{}\" ({}) is not an NTEE code", code.word, rows(code.rows)))
                .at_line(Some(code.first))
                .in_field(code.column)
                .with_hint("an NTEE code is a letter and up to two digits, e.g. J22; docs/start.md lists the domains they give"),
        );
    }
    let mut unmapped: Vec<(Vec<TermKind>, Unmapped)> =
        misses.words.into_iter().map(|((k, _), u)| (k, u)).collect();
    unmapped.sort_by(|(_, a), (_, b)| (a.first, &a.word).cmp(&(b.first, &b.word)));
    for (kinds, word) in unmapped {
        let (closest, kind) = closest_term(&vocabulary, &kinds, &word.word);
        let rows = rows(word.rows);
        let hint = match closest {
            Some((score, label)) if score >= LIKELY => format!("the closest {kind} is \"{label}\"; add under [terms]: \"{}\" = \"{label}\", or declare it under [vocabulary] {}", word.word, kind.plural()),
            Some((_, label)) => format!("no {kind} is close (the nearest is \"{label}\"): map it under [terms] or declare it under [vocabulary] {}", kind.plural()),
            None => format!("map it under [terms] or declare it under [vocabulary] {}", kind.plural()),
        };
        diagnostics.push(
            Diagnostic::error(
                &table.file,
                format!(
                    "\"{}\" ({rows}) is not a {} of the vocabulary, nor mapped in {mapping_file}",
                    word.word,
                    either(&kinds)
                ),
            )
            .at_line(Some(word.first))
            .in_field(word.column)
            .with_hint(hint),
        );
    }
    let file = table.file.clone();
    let columns: HashMap<&'static str, usize> = ORGANIZATION_COLUMNS
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i))
        .collect();
    let reader = Table::from_columns(columns);
    let mut origins = Origins {
        coalition: Origin::file(&file),
        ..Origins::default()
    };
    for (line, record) in merged {
        let origin = Origin::line(&file, Some(line));
        let record = ::csv::StringRecord::from(record);
        let org = Organization::read_row(&reader, &record, &origin, &mut diagnostics);
        coalition.organizations.push(org);
        origins.organizations.push(origin);
    }
    Read {
        second_mode: None,
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

/// The directory columns of each of our fields; unknown fields and columns are reported.
fn sources(
    mapping: &Mapping,
    table: &Directory,
    mapping_file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<HashMap<&'static str, Vec<Source>>> {
    let mut sources = HashMap::new();
    let mut usable = true;
    for (field, columns) in &mapping.columns {
        let Some(&ours) = ORGANIZATION_COLUMNS
            .iter()
            .chain(&[NTEE])
            .find(|c| normalize(c) == normalize(field))
        else {
            let suggestion = closest(field, ORGANIZATION_COLUMNS.iter().map(|c| (*c, *c)));
            diagnostics.push(
                Diagnostic::error(mapping_file, format!("unknown field \"{field}\""))
                    .in_field(format!("columns.{field}"))
                    .did_you_mean(suggestion)
                    .with_hint_if_none(&format!(
                        "the fields are: {}",
                        ORGANIZATION_COLUMNS.join(", ")
                    )),
            );
            usable = false;
            continue;
        };
        let mut found = Vec::new();
        for column in columns.items() {
            match table
                .headers
                .iter()
                .position(|h| normalize(h) == normalize(column))
            {
                Some(at) => found.push(Source {
                    header: table.headers[at].clone(),
                    at,
                    joined: table.joined.contains(&at),
                }),
                None => {
                    let suggestion = closest(
                        column,
                        table.headers.iter().map(|h| (h.as_str(), h.as_str())),
                    );
                    diagnostics.push(
                        Diagnostic::error(
                            mapping_file,
                            format!("the directory has no column \"{column}\""),
                        )
                        .in_field(format!("columns.{field}"))
                        .did_you_mean(suggestion)
                        .with_hint_if_none(&format!(
                            "its columns are: {}",
                            table.headers.join(", ")
                        )),
                    );
                    usable = false;
                }
            }
        }
        sources.insert(ours, found);
    }
    for field in mapping.defaults.keys() {
        if !ORGANIZATION_COLUMNS
            .iter()
            .any(|c| normalize(c) == normalize(field))
        {
            diagnostics.push(
                Diagnostic::error(mapping_file, format!("unknown field \"{field}\""))
                    .in_field(format!("defaults.{field}"))
                    .with_hint(format!(
                        "the fields are: {}",
                        ORGANIZATION_COLUMNS.join(", ")
                    )),
            );
            usable = false;
        }
    }
    if !sources.contains_key("name") {
        diagnostics.push(
            Diagnostic::error(
                mapping_file,
                "no column is mapped to the organization's name",
            )
            .in_field("columns.name")
            .with_hint(format!(
                "add under [columns]: name = \"{}\"",
                table
                    .headers
                    .first()
                    .map_or("Organization Name", String::as_str)
            )),
        );
        usable = false;
    }
    usable.then_some(sources)
}

/// A directory column of list values and the kinds of term its words give (an HSDS
/// folder's taxonomy terms give populations and domains).
struct ListColumn<'a> {
    source: &'a Source,
    kinds: Vec<TermKind>,
}

/// The list columns of the mapped fields, each once however many kinds it feeds.
fn list_columns<'a>(sources: &'a HashMap<&'static str, Vec<Source>>) -> Vec<ListColumn<'a>> {
    let mut lists: Vec<ListColumn> = Vec::new();
    for kind in TermKind::ALL {
        for source in sources.get(kind.plural()).into_iter().flatten() {
            match lists.iter_mut().find(|l| l.source.at == source.at) {
                Some(list) => list.kinds.push(kind),
                None => lists.push(ListColumn {
                    source,
                    kinds: vec![kind],
                }),
            }
        }
    }
    lists
}

/// The values of a directory cell: split at the mapping's separator, or at [`JOINED`] in a
/// column the reader joined itself.
fn values(
    source: &Source,
    cell: &str,
    separator: &str,
    known: impl Fn(&str) -> bool,
) -> Vec<String> {
    match source.joined {
        true => split(cell, JOINED, |_| false),
        false => split(cell, separator, known),
    }
}

/// What separates the values a reader joined into one cell (no term holds it).
pub(super) const JOINED: &str = "\u{1f}";

/// The term ids a row's list columns (and NTEE codes) give, by kind; each word is resolved
/// once, into every kind of its column that has it, and counted in `misses` when none does.
fn terms_of(
    mapping: &Mapping,
    vocabulary: &Vocabulary,
    sources: &HashMap<&'static str, Vec<Source>>,
    cells: &[String],
    line: usize,
    misses: &mut Misses,
) -> BTreeMap<TermKind, Vec<String>> {
    let cell = |source: &Source| cells.get(source.at).map(|c| c.trim()).unwrap_or("");
    let mut ids: BTreeMap<TermKind, Vec<String>> = BTreeMap::new();
    let mut add = |kind: TermKind, id: &str| {
        let list = ids.entry(kind).or_default();
        if !list.iter().any(|i| i == id) {
            list.push(id.to_string());
        }
    };
    for list in list_columns(sources) {
        let known = |w: &str| {
            mapping.term(w).is_some() || list.kinds.iter().any(|&k| vocabulary.find(k, w).is_some())
        };
        for word in values(
            list.source,
            cell(list.source),
            &mapping.split.separator,
            known,
        ) {
            if mapping.is_empty_value(&word) {
                continue;
            }
            let targets = match mapping.term(&word) {
                Some(targets) => targets.into_iter().map(str::to_string).collect(),
                None => vec![word.clone()],
            };
            for target in targets {
                let mut found = false;
                for &kind in &list.kinds {
                    if let Some(term) = vocabulary.find(kind, &target) {
                        add(kind, &term.id);
                        found = true;
                    }
                }
                if found {
                    continue;
                }
                if target != word {
                    misses
                        .targets
                        .entry((list.kinds.clone(), target))
                        .or_insert_with(|| word.clone());
                } else {
                    let key = (list.kinds.clone(), normalize(&word));
                    count(&mut misses.words, key, &word, &list.source.header, line);
                }
            }
        }
    }
    for source in sources.get(NTEE).map(Vec::as_slice).unwrap_or(&[]) {
        for code in split(cell(source), &mapping.split.separator, |_| false) {
            match ntee::domains_of(&code) {
                Some(domains) => domains.iter().for_each(|d| add(TermKind::Domain, d)),
                None if mapping.is_empty_value(&code) => {}
                None => count(&mut misses.codes, code.clone(), &code, &source.header, line),
            }
        }
    }
    ids
}

/// Counts one more row using `word`, unless it is the row already counted.
fn count<K: Ord>(
    misses: &mut BTreeMap<K, Unmapped>,
    key: K,
    word: &str,
    column: &str,
    line: usize,
) {
    let entry = misses.entry(key).or_insert_with(|| Unmapped {
        word: word.to_string(),
        column: column.to_string(),
        first: line,
        last: 0,
        rows: 0,
    });
    if entry.last != line {
        entry.rows += 1;
        entry.last = line;
    }
}

/// One directory row as a row of `organizations.csv` (cells in [`ORGANIZATION_COLUMNS`]
/// order), with the term ids of its list columns ([`terms_of`]).
fn record(
    mapping: &Mapping,
    sources: &HashMap<&'static str, Vec<Source>>,
    cells: &[String],
    mut terms: BTreeMap<TermKind, Vec<String>>,
) -> Vec<String> {
    let cell = |source: &Source| cells.get(source.at).map(|c| c.trim()).unwrap_or("");
    ORGANIZATION_COLUMNS
        .iter()
        .map(|field| {
            let from = sources.get(field).map(Vec::as_slice).unwrap_or(&[]);
            let kind = TermKind::ALL.into_iter().find(|k| k.plural() == *field);
            let value = match kind {
                Some(kind) => terms.remove(&kind).unwrap_or_default().join("; "),
                None => {
                    let texts: Vec<(&str, &str)> = from
                        .iter()
                        .map(|s| (s.header.as_str(), cell(s)))
                        .filter(|(_, text)| !mapping.is_empty_value(text))
                        .collect();
                    match texts.as_slice() {
                        [] => String::new(),
                        [(_, text)] => mapping
                            .term(text)
                            .and_then(|t| t.first().map(|t| t.to_string()))
                            .unwrap_or_else(|| text.to_string()),
                        several => several
                            .iter()
                            .map(|(header, text)| format!("{header}: {text}"))
                            .collect::<Vec<_>>()
                            .join("; "),
                    }
                }
            };
            if value.is_empty() {
                mapping
                    .defaults
                    .iter()
                    .find(|(k, _)| normalize(k) == normalize(field))
                    .map_or(value, |(_, v)| v.clone())
            } else {
                value
            }
        })
        .collect()
}

/// The term of any of `kinds` closest to `word`, however weak, with its kind (the first kind
/// when the vocabulary has none).
pub(super) fn closest_term(
    vocabulary: &Vocabulary,
    kinds: &[TermKind],
    word: &str,
) -> (Option<(f64, String)>, TermKind) {
    kinds
        .iter()
        .map(|&kind| (vocabulary.best(kind, word), kind))
        .fold((None, kinds[0]), |best, next| match (&best.0, &next.0) {
            (_, None) => best,
            (Some((a, _)), Some((b, _))) if b <= a => best,
            _ => next,
        })
}

/// "population", "population or domain".
fn either(kinds: &[TermKind]) -> String {
    let nouns: Vec<&str> = kinds.iter().map(|k| k.noun()).collect();
    nouns.join(" or ")
}

/// "1 row", "3 rows".
pub(super) fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".to_string()
    } else {
        format!("{n} rows")
    }
}

/// The values of a multi-value cell, split at `separator` except where the pieces joined again
/// make a `known` value (a term or a mapped word) or where the separator is inside parentheses:
/// "Media (TV, radio, newspapers)" stays one value.
pub(super) fn split(cell: &str, separator: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    // Longer runs of pieces than this are not tried: no term holds that many separators.
    const LONGEST: usize = 8;
    let pieces: Vec<&str> = cell.split(separator).collect();
    let mut values = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let end = (i + LONGEST).min(pieces.len());
        let mut taken = (i + 2..=end)
            .rev()
            .find(|&j| known(pieces[i..j].join(separator).trim()))
            .map_or(1, |j| j - i);
        // Nor is a separator inside parentheses one.
        let open = |pieces: &[&str]| {
            let text = pieces.join(separator);
            text.matches('(').count() > text.matches(')').count()
        };
        while i + taken < pieces.len() && open(&pieces[i..i + taken]) {
            taken += 1;
        }
        let value = pieces[i..i + taken].join(separator).trim().to_string();
        if !value.is_empty() {
            values.push(value);
        }
        i += taken;
    }
    values
}

/// The fields whose values rows of one organization add up rather than conflict over.
const COLLECTED: [&str; 5] = ["populations", "domains", "assets", "city", "notes"];

/// Adds a later row of the same organization to its merged row: lists united, cities
/// and notes collected; a different value in any other field is reported with both rows.
fn merge(
    merged: &mut (usize, Vec<String>),
    record: Vec<String>,
    line: usize,
    file: &str,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (first, cells) = merged;
    for ((field, old), new) in ORGANIZATION_COLUMNS
        .iter()
        .zip(cells.iter_mut())
        .zip(record)
    {
        if new.is_empty() || *old == new {
            continue;
        }
        if old.is_empty() {
            *old = new;
        } else if COLLECTED.contains(field) {
            for item in new.split("; ") {
                if !old.split("; ").any(|o| o == item) {
                    old.push_str("; ");
                    old.push_str(item);
                }
            }
        } else if *field != "name" {
            diagnostics.push(
                Diagnostic::error(file, format!("{field} \"{new}\" here, but \"{old}\" on line {first} for the same organization"))
                    .at_line(Some(line))
                    .in_field(*field)
                    .with_hint("rows with the same name are one organization: give them one value, or map this column to notes"),
            );
        }
    }
}

#[cfg(test)]
mod tests;
