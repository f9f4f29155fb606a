//! A CSV file read into header positions and records: the part `organizations.csv`,
//! `partnerships.csv` and edge lists share. Header problems (unknown, unnamed, repeated or
//! missing columns) and rows with too many cells are reported here.

use super::origin::{Origin, Origins};
use crate::diagnostic::Diagnostic;
use crate::fields::ATTRIBUTE_PREFIX;
use crate::model::{Attributes, Coalition};
use crate::vocabulary::closest;
use ::csv::{ReaderBuilder, StringRecord};
use std::collections::HashMap;
use std::path::Path;

/// A CSV file read into header positions and records, with structural problems reported.
pub(super) struct Table {
    columns: HashMap<&'static str, usize>,
    /// The `attribute:NAME` columns: extra fields, by name as written, and position.
    extras: Vec<(String, usize)>,
    records: Vec<StringRecord>,
}

impl Table {
    /// A table of records whose cells are at these positions, by column (a workbook sheet's
    /// rows, read as CSV rows are).
    pub(super) fn from_columns(columns: HashMap<&'static str, usize>) -> Table {
        Table {
            columns,
            extras: Vec::new(),
            records: Vec::new(),
        }
    }

    /// The trimmed cell of `column` ("" when the column or cell is absent).
    pub(super) fn get<'r>(&self, record: &'r StringRecord, column: &str) -> &'r str {
        self.columns
            .get(column)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .unwrap_or("")
    }

    /// The cell of `column` as written, when it holds more than white space.
    pub(super) fn text(&self, record: &StringRecord, column: &str) -> Option<String> {
        let cell = self
            .columns
            .get(column)
            .and_then(|&i| record.get(i))
            .unwrap_or("");
        (!cell.trim().is_empty()).then(|| cell.to_string())
    }

    /// The record's extra fields: its non-empty `attribute:NAME` cells, as written.
    pub(super) fn attributes(&self, record: &StringRecord) -> Attributes {
        self.extras
            .iter()
            .filter_map(|(name, i)| {
                let cell = record.get(*i)?;
                (!cell.trim().is_empty()).then(|| (name.clone(), cell.to_string()))
            })
            .collect()
    }

    /// Where a record is in `file`.
    pub(super) fn origin(file: &str, record: &StringRecord) -> Origin {
        Origin::line(file, record.position().map(|p| p.line() as usize))
    }
}

/// A kind of record kept as a CSV table: its columns, where its records go, and how one row
/// becomes one.
pub(super) trait CsvTable: Sized {
    /// Every column the table may have.
    const COLUMNS: &'static [&'static str];
    /// The columns it must have.
    const REQUIRED: &'static [&'static str];

    /// The coalition's list of these records, and the parallel list of their origins.
    fn lists<'a>(
        coalition: &'a mut Coalition,
        origins: &'a mut Origins,
    ) -> (&'a mut Vec<Self>, &'a mut Vec<Origin>);

    /// The record of one row, its problems reported against `origin`.
    fn read_row(
        table: &Table,
        record: &StringRecord,
        origin: &Origin,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self;
}

/// Reads `text` (named `file` in messages) as a table of `T` and appends its records to the
/// coalition, with their origins. Nothing is appended when a required column is missing.
pub(super) fn read_rows<T: CsvTable>(
    file: &str,
    text: &str,
    coalition: &mut Coalition,
    origins: &mut Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(mut table) = read_table(file, text, T::COLUMNS, T::REQUIRED, diagnostics) else {
        return;
    };
    let (records, record_origins) = T::lists(coalition, origins);
    // Each row is freed once read, and the lists grow once: the peak is the model, not the
    // model beside every row's text and a doubled list.
    let rows = std::mem::take(&mut table.records);
    records.reserve(rows.len());
    record_origins.reserve(rows.len());
    let step = crate::progress::step(&format!("reading {file}"), rows.len() as u64);
    for record in rows {
        step.advance(1);
        let origin = Table::origin(file, &record);
        records.push(T::read_row(&table, &record, &origin, diagnostics));
        record_origins.push(origin);
    }
}

/// Reads `text` as a CSV table whose columns are among `known` (matched ignoring case, spaces
/// and hyphens) and include `required`. Blank rows are skipped. `None` when a required column
/// is missing.
fn read_table(
    file: &str,
    text: &str,
    known: &'static [&'static str],
    required: &[&str],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Table> {
    // `#` lines are comments: the template folder's example rows are kept that way.
    let mut reader = ReaderBuilder::new()
        .flexible(true)
        .comment(Some(b'#'))
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
    let mut extras: Vec<(String, usize)> = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        if let Some(name) = header.trim().strip_prefix(ATTRIBUTE_PREFIX) {
            if extras.iter().any(|(n, _)| n == name) {
                diagnostics.push(
                    Diagnostic::error(file, format!("column \"{}\" appears twice", header.trim()))
                        .at_line(Some(1))
                        .in_field(header.trim()),
                );
                continue;
            } else if !name.is_empty() {
                extras.push((name.to_string(), i));
                continue;
            }
        }
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
    report_comments(file, text, diagnostics);
    (!missing).then_some(Table {
        columns,
        extras,
        records,
    })
}

/// Warns, once per file, of the `#` comment lines the reader passed over, unless they are
/// `init DIR`'s own instructions and commented examples: a row someone commented out is data
/// they may have meant to keep. A `#` inside a quoted cell that spans lines is no comment.
fn report_comments(file: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) {
    let mut quoted = false;
    let mut comments = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !quoted && line.starts_with('#') {
            if !crate::write::is_template_comment(line) {
                comments.push(i + 1);
            }
            continue;
        }
        quoted ^= line.matches('"').count() % 2 == 1;
    }
    if let Some(first) = comments.first() {
        let lines = match comments.len() {
            1 => "1 line starts".to_string(),
            n => format!("{n} lines start"),
        };
        diagnostics.push(
            Diagnostic::warning(file, format!("{lines} with # and {} not read, as comments", if comments.len() == 1 { "was" } else { "were" }))
                .at_line(Some(*first))
                .with_hint("remove the # of a row to read it; init's own instructions and examples are passed over silently"),
        );
    }
}

/// A table's rows, each with its line.
pub(super) type Rows = Vec<(usize, Vec<String>)>;

/// Any CSV file's trimmed header and its non-blank rows as written (each with its line), for
/// tables whose columns are not partnermap's (Gephi's, Kumu's); `None` with the problem reported
/// when it cannot be read.
pub(super) fn read_plain(
    path: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Vec<String>, Rows)> {
    let text = super::read_text(path, diagnostics)?;
    let file = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_string()).collect(),
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(&file, format!("malformed CSV header: {e}")).at_line(Some(1)),
            );
            return None;
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) if record.iter().all(|c| c.trim().is_empty()) => {}
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line() as usize);
                rows.push((line, record.iter().map(str::to_string).collect()));
            }
            Err(e) => diagnostics.push(
                Diagnostic::error(&file, format!("malformed CSV: {e}"))
                    .at_line(e.position().map(|p| p.line() as usize)),
            ),
        }
    }
    Some((header, rows))
}

/// The items of a `;`-separated list cell, trimmed, empty ones dropped.
pub(crate) fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::error;
    use super::*;

    const KNOWN: &[&str] = &["source", "target", "weight"];
    const REQUIRED: &[&str] = &["source", "target"];

    fn read(text: &str) -> (Option<Table>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let table = read_table("t.csv", text, KNOWN, REQUIRED, &mut diagnostics);
        (table, diagnostics)
    }

    #[test]
    fn comment_lines_are_reported_once_unless_they_are_the_templates() {
        let template = crate::write::is_template_comment;
        let example = "# forest-city-asset-builders,forest-city-community-college,Referral,2,,2024-09,Refers savers to the college's career pathways.,,,,,";
        assert!(template(example), "the template's commented example");
        let text = format!("source,target\n{example}\n# a,b\na,\"two\n# lines\"\n#c,d\n");
        let (table, diagnostics) = read(&text);
        assert_eq!(table.unwrap().records.len(), 1);
        let shown: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            shown,
            ["warning: t.csv, line 3: 2 lines start with # and were not read, as comments\n  hint: remove the # of a row to read it; init's own instructions and examples are passed over silently"]
        );
        let (_, diagnostics) = read(&format!("source,target\n{example}\n"));
        assert_eq!(diagnostics, []);
    }

    #[test]
    fn headers_match_loosely_and_blank_rows_are_skipped() {
        let (table, diagnostics) = read("Source , TARGET,weight\na, b ,\n,,\n\"c, d\",e,2.5\n");
        assert_eq!(diagnostics, []);
        let table = table.unwrap();
        assert_eq!(table.records.len(), 2);
        let second = &table.records[1];
        assert_eq!(table.get(&table.records[0], "target"), "b");
        assert_eq!(table.text(&table.records[0], "weight"), None);
        assert_eq!(
            table.text(&table.records[0], "target").as_deref(),
            Some(" b ")
        );
        assert_eq!(table.get(second, "source"), "c, d");
        assert_eq!(table.get(second, "notes"), "");
        assert_eq!(Table::origin("t.csv", second).line, Some(4));
        assert_eq!(split_list(" ELL ;; PWD;"), ["ELL", "PWD"]);
    }

    #[test]
    fn an_unknown_column_is_named_and_a_missing_one_stops_the_table() {
        let (table, diagnostics) = read("source,targt\na,b\n");
        assert!(table.is_none());
        assert_eq!(
            diagnostics,
            [
                error(
                    "t.csv",
                    Some(1),
                    Some("targt"),
                    "unknown column \"targt\"",
                    Some("the columns are: source, target, weight"),
                ),
                error(
                    "t.csv",
                    Some(1),
                    None,
                    "the header has no \"target\" column",
                    Some("the header should start: source,target"),
                ),
            ]
        );
    }

    #[test]
    fn repeated_and_unnamed_columns_are_errors() {
        let (table, diagnostics) = read("source,target,,Target\na,b,,c\n");
        assert_eq!(table.unwrap().records.len(), 1);
        assert_eq!(
            diagnostics,
            [
                error(
                    "t.csv",
                    Some(1),
                    None,
                    "column 3 has no name",
                    Some("name the column or delete it"),
                ),
                error(
                    "t.csv",
                    Some(1),
                    Some("target"),
                    "column \"target\" appears twice",
                    None,
                ),
            ]
        );
    }

    #[test]
    fn a_row_with_extra_cells_is_reported_and_left_out() {
        let (table, diagnostics) = read("source,target\na,b\nYoung people, youth,c\nd,e,,\n");
        let table = table.unwrap();
        assert_eq!(table.records.len(), 2, "trailing empty cells are not extra");
        assert_eq!(
            diagnostics,
            [error(
                "t.csv",
                Some(3),
                None,
                "3 cells where the header has 2",
                Some("a cell with a comma must be in double quotes, e.g. \"Young people, youth\"; list items are separated by ;"),
            )]
        );
    }
}
