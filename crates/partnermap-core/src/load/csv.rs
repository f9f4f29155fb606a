//! A CSV file read into header positions and records: the part `organizations.csv`,
//! `partnerships.csv` and edge lists share. Header problems (unknown, unnamed, repeated or
//! missing columns) and rows with too many cells are reported here.

use super::origin::{Origin, Origins};
use crate::diagnostic::Diagnostic;
use crate::model::Coalition;
use crate::vocabulary::closest;
use ::csv::{ReaderBuilder, StringRecord};
use std::collections::HashMap;

/// A CSV file read into header positions and records, with structural problems reported.
pub(super) struct Table {
    columns: HashMap<&'static str, usize>,
    records: Vec<StringRecord>,
}

impl Table {
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
    let Some(table) = read_table(file, text, T::COLUMNS, T::REQUIRED, diagnostics) else {
        return;
    };
    let (records, record_origins) = T::lists(coalition, origins);
    for record in &table.records {
        let origin = Table::origin(file, record);
        records.push(T::read_row(&table, record, &origin, diagnostics));
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
    let mut reader = ReaderBuilder::new()
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

/// The items of a `;`-separated list cell, trimmed, empty ones dropped.
pub(super) fn split_list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}
