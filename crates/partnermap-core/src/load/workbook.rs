//! The worksheet workbook (`.xlsx`, `.ods`, `.xls`, opened through [`super::spreadsheet`]), laid out as
//! [`crate::worksheet`] says: Part 1 gives the coalition and its priorities, Tables 1 and 2 the
//! organizations (and their status), Tables 3 and 4 more fields of the same organizations joined
//! by name, and the Partnerships sheet the partnerships. A row is read exactly as the same row
//! of `organizations.csv` or `partnerships.csv` would be; every problem names its sheet, row
//! and column. Rows starting with "Example:" are the worksheet's examples, and are skipped.

use super::csv::{split_list, CsvTable, Table};
use super::origin::{Origin, Origins};
use super::spreadsheet::{column_letter, Grid, GridRow, Spreadsheet, SpreadsheetError};
use super::Read;
use crate::diagnostic::Diagnostic;
use crate::lookup::{LookupError, OrganizationNames};
use crate::model::{Coalition, Organization, Partnership, Status};
use crate::vocabulary::{normalize, slug, Term};
use crate::worksheet::{part1_list, Rows, Sheet, EXAMPLE, PART1_COALITION, SHEETS};
use ::csv::StringRecord;
use std::collections::HashMap;
use std::path::Path;

/// Reads the worksheet workbook at `path`.
pub(super) fn read_workbook(path: &Path) -> Read {
    let file = path.display().to_string();
    let mut diagnostics = Vec::new();
    let mut origins = Origins {
        coalition: Origin::file(&file),
        ..Origins::default()
    };
    let Some(sheets) = open_sheets(path, &|_| true, &mut diagnostics) else {
        return Read::failed(origins, diagnostics);
    };
    let mut coalition = Coalition::new("");
    let mut notes = Vec::new();
    let mut name_row = None;
    for sheet in SHEETS {
        let Some(grid) = sheets.get(sheet.name) else {
            let missing = Diagnostic::error(&file, format!("the workbook has no sheet \"{}\"", sheet.name))
                .with_hint("partnermap init new.xlsx writes the worksheet with every sheet; copy your rows into it");
            diagnostics.push(match sheet.rows {
                Rows::Part1 | Rows::Organizations(_) => missing,
                _ => Diagnostic {
                    severity: crate::Severity::Warning,
                    ..missing
                },
            });
            continue;
        };
        let Some((table, rows)) = columns(&file, sheet, grid, &mut diagnostics) else {
            continue;
        };
        for (row, cells) in rows {
            let record = StringRecord::from(cells.clone());
            let origin = Origin::row(&file, sheet, *row);
            match sheet.rows {
                Rows::Part1 => read_part1(
                    &table,
                    &record,
                    &origin,
                    &mut coalition,
                    &mut origins,
                    &mut name_row,
                    &mut diagnostics,
                ),
                Rows::Organizations(statuses) => {
                    let mut org =
                        Organization::read_row(&table, &record, &origin, &mut diagnostics);
                    // The id the validation pass would derive, given now so that Tables 3 and 4
                    // are joined to it through the one organization lookup.
                    org.id = slug(&org.name);
                    place(
                        &mut org,
                        statuses,
                        table.get(&record, "status"),
                        &origin,
                        &mut diagnostics,
                    );
                    coalition.organizations.push(org);
                    origins.organizations.push(origin);
                }
                Rows::Notes => notes.push((
                    sheet,
                    table.get(&record, "name").to_string(),
                    record,
                    origin,
                )),
                Rows::Partnerships => {
                    let tie = Partnership::read_row(&table, &record, &origin, &mut diagnostics);
                    coalition.partnerships.push(tie);
                    origins.partnerships.push(origin);
                }
            }
        }
    }
    if coalition.name.is_empty() && sheets.contains_key(SHEETS[0].name) {
        let at = name_row.unwrap_or_else(|| Origin {
            sheet: Some(SHEETS[0]),
            ..Origin::file(&file)
        });
        diagnostics
            .push(at.error("name", "the coalition has no name").with_hint(
                "write it in the Answer column of the \"Coalition name\" row of Part 1",
            ));
    }
    add_notes(&mut coalition.organizations, notes, &mut diagnostics);
    Read {
        second_mode: None,
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

/// The sheets of the workbook whose names are `wanted`, each as a grid of text, by name.
pub(super) fn open_sheets(
    path: &Path,
    wanted: &dyn Fn(&str) -> bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<HashMap<String, Grid>> {
    read_sheets(path, wanted, diagnostics)
        .map_err(|e| diagnostics.push(e.into()))
        .ok()
}

fn read_sheets(
    path: &Path,
    wanted: &dyn Fn(&str) -> bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<HashMap<String, Grid>, SpreadsheetError> {
    let mut workbook = Spreadsheet::open(path)?;
    let mut sheets = HashMap::new();
    for name in workbook.sheet_names().into_iter().filter(|n| wanted(n)) {
        let grid = workbook.grid(&name, diagnostics)?;
        sheets.insert(name, grid);
    }
    Ok(sheets)
}

/// The sheet's header row matched to its columns (by header or field name, ignoring case and
/// punctuation), and its data rows (examples left out). `None` when the header is not found.
fn columns<'g>(
    file: &str,
    sheet: &'static Sheet,
    grid: &'g Grid,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Table, &'g [GridRow])> {
    let first = sheet.columns[0].header;
    let Some(at) = grid
        .iter()
        .position(|(_, cells)| cells.iter().any(|c| normalize(c) == normalize(first)))
    else {
        diagnostics.push(
            Diagnostic::error(file, format!("no header row with \"{first}\""))
                .in_sheet(sheet.name)
                .with_hint(format!("the headers are: {}", headers(sheet))),
        );
        return None;
    };
    let (row, cells) = &grid[at];
    let mut fields = HashMap::new();
    for (i, cell) in cells.iter().enumerate() {
        if cell.trim().is_empty() {
            continue;
        }
        match sheet.column(cell) {
            Some(column) => {
                if fields.insert(column.field, i).is_some() {
                    diagnostics.push(Origin::row(file, sheet, *row).error(
                        column.field,
                        format!("the column \"{}\" appears twice", column.header),
                    ));
                }
            }
            None => {
                let suggestion = crate::vocabulary::closest(
                    cell,
                    sheet.columns.iter().map(|c| (c.header, c.header)),
                );
                diagnostics.push(
                    Diagnostic::error(file, format!("unknown column \"{}\"", cell.trim()))
                        .in_sheet(sheet.name)
                        .at_line(Some(*row))
                        .in_field(column_letter(i))
                        .did_you_mean(suggestion)
                        .with_hint_if_none(&format!("the headers are: {}", headers(sheet))),
                );
            }
        }
    }
    let rows = &grid[at + 1..];
    let example = |cells: &Vec<String>| {
        cells
            .iter()
            .find(|c| !c.trim().is_empty())
            .is_some_and(|c| c.trim_start().starts_with(EXAMPLE))
    };
    let start = rows
        .iter()
        .position(|(_, cells)| !example(cells))
        .unwrap_or(rows.len());
    Some((Table::from_columns(fields), &rows[start..]))
}

fn headers(sheet: &Sheet) -> String {
    sheet
        .columns
        .iter()
        .map(|c| c.header)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The status of an organization of Table 1 or 2: the table's own when none is written; one
/// the table does not allow is reported.
fn place(
    org: &mut Organization,
    statuses: &[Status],
    written: &str,
    origin: &Origin,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if written.is_empty() {
        org.status = statuses[0];
    } else if Status::parse(written).is_ok() && !statuses.contains(&org.status) {
        let allowed: Vec<&str> = statuses.iter().map(|s| s.label()).collect();
        let other = if statuses.contains(&Status::Existing) {
            "Table 2"
        } else {
            "Table 1"
        };
        diagnostics.push(
            origin
                .error(
                    "status",
                    format!("\"{written}\" is not a status of this table"),
                )
                .with_hint(format!(
                    "write {} here, or move the row to {other}",
                    allowed.join(" or ")
                )),
        );
    }
}

/// One row of Part 1: the coalition's name, convener or date, or a term with its answer.
fn read_part1(
    table: &Table,
    record: &StringRecord,
    origin: &Origin,
    coalition: &mut Coalition,
    origins: &mut Origins,
    name_row: &mut Option<Origin>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (list, item, answer) = (
        table.get(record, "list"),
        table.get(record, "item"),
        table.get(record, "answer"),
    );
    let Some((kind, other)) = part1_list(list) else {
        diagnostics.push(
            origin
                .error("list", format!("unknown list \"{list}\""))
                .with_hint(
                "the lists are Coalition, Population, Area of concern, Asset and their Other rows",
            ),
        );
        return;
    };
    let Some(kind) = kind else {
        match PART1_COALITION
            .iter()
            .find(|(label, _)| normalize(label) == normalize(item))
        {
            Some((_, "name")) => {
                coalition.name = answer.to_string();
                *name_row = Some(origin.clone());
            }
            Some((_, "convener")) if !answer.is_empty() => {
                coalition.convener = Some(answer.to_string());
                origins.coalition = origin.clone();
            }
            // As written, as coalition.toml keeps it.
            Some((_, "as_of")) => coalition.as_of = table.text(record, "answer"),
            Some((_, "purpose")) if !answer.is_empty() => {
                coalition.purpose = Some(answer.to_string())
            }
            Some(_) => {}
            None => diagnostics.push(
                origin
                    .error("item", format!("unknown coalition item \"{item}\""))
                    .with_hint(
                        "the coalition rows are Coalition name, Convener, As of and Purpose",
                    ),
            ),
        }
        return;
    };
    let yes = match normalize(answer).as_str() {
        "" | "no" | "n" | "false" | "0" => false,
        "yes" | "y" | "true" | "1" | "x" => true,
        _ => {
            diagnostics.push(
                origin
                    .error("answer", format!("\"{answer}\" is not yes or no"))
                    .with_hint("answer yes for a priority, no or nothing otherwise"),
            );
            false
        }
    };
    if other {
        for label in split_list(item) {
            origins
                .vocabulary
                .entry(kind)
                .or_default()
                .push(origin.clone());
            coalition.vocabulary.terms_mut(kind).push(Term {
                id: slug(&label),
                label: label.clone(),
                aliases: Vec::new(),
            });
            if yes {
                origins
                    .priorities
                    .entry(kind)
                    .or_default()
                    .push(origin.clone());
                coalition.priorities.terms_mut(kind).push(label);
            }
        }
    } else if yes && !item.is_empty() {
        origins
            .priorities
            .entry(kind)
            .or_default()
            .push(origin.clone());
        coalition.priorities.terms_mut(kind).push(item.to_string());
    }
}

/// A row of Table 3 or 4: its sheet, the organization it names, its cells and where it is.
type NoteRow = (&'static Sheet, String, StringRecord, Origin);

/// Puts the rows of Tables 3 and 4 into the organizations they name (by name, with a
/// did-you-mean when a name matches none); a field given twice for one organization is
/// reported with the row that gave it first.
fn add_notes(
    organizations: &mut [Organization],
    notes: Vec<NoteRow>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let found: Vec<Result<usize, String>> = {
        let names = OrganizationNames::new(organizations);
        notes
            .iter()
            .map(|(_, name, _, _)| {
                names.find(name).map_err(|miss| match miss {
                    LookupError::NotFound { suggestion: Some(i) } => format!("did you mean \"{}\"?", organizations[i].name),
                    LookupError::Ambiguous { .. } => "two organizations of Tables 1 and 2 have this name: give them different names".to_string(),
                    LookupError::NotFound { suggestion: None } => "add the organization to Table 1 or 2 first, or write its name as it is there".to_string(),
                })
            })
            .collect()
    };
    let mut given: HashMap<(usize, &str), usize> = HashMap::new();
    for ((sheet, name, record, origin), found) in notes.iter().zip(found) {
        // Free text as written, as `organizations.csv` keeps it.
        let table_of = |record: &StringRecord, field: &str| {
            sheet
                .columns
                .iter()
                .position(|c| c.field == field)
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_string()
        };
        let at = match found {
            Ok(at) => at,
            Err(hint) => {
                let message = if name.is_empty() {
                    "the row names no organization".to_string()
                } else {
                    format!("\"{name}\" is not in Table 1 or 2")
                };
                diagnostics.push(origin.error("name", message).with_hint(hint));
                continue;
            }
        };
        let org = &mut organizations[at];
        for column in sheet.columns.iter().filter(|c| c.field != "name") {
            let value = table_of(record, column.field);
            if value.trim().is_empty() {
                continue;
            }
            let slot = match column.field {
                "aligned_initiatives" => &mut org.aligned_initiatives,
                "motivations" => &mut org.motivations,
                "roles" => &mut org.roles,
                "barriers" => &mut org.barriers,
                "invited_by" => &mut org.invited_by,
                // Table 4's member is the person to invite: the organization's contact unless
                // Table 1 or 2 gave one.
                _ if org.contact.is_some() => continue,
                _ => &mut org.contact,
            };
            if let Some(first) = given.insert((at, column.field), origin.line.unwrap_or(0)) {
                diagnostics.push(
                    origin
                        .error(
                            column.field,
                            format!("{} is given twice for {}", column.header, org.name),
                        )
                        .with_hint(format!(
                            "it is already given in row {first}; keep one row per organization"
                        )),
                );
                continue;
            }
            *slot = Some(value);
        }
    }
    // Table 4 names a sending organization by name; it is kept by id, as organizations.csv
    // holds it, so that the folder written from the workbook reads back the same.
    let senders: Vec<Option<String>> = {
        let names = OrganizationNames::new(organizations);
        organizations
            .iter()
            .map(|o| {
                o.invited_by
                    .as_deref()
                    .and_then(|text| names.find(text).ok())
            })
            .map(|found| found.map(|i| organizations[i].id.clone()))
            .collect()
    };
    for (org, sender) in organizations.iter_mut().zip(senders) {
        if sender.is_some() {
            org.invited_by = sender;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::write_workbook;
    use calamine::{Reader, SheetVisible};

    fn forest_city() -> Coalition {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/forest-city");
        crate::load(&folder).unwrap().coalition
    }

    #[test]
    fn a_coalition_written_as_the_workbook_reads_back_by_name() {
        let original = forest_city();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("forest-city.xlsx");
        write_workbook(&original, &path).unwrap();
        let loaded = crate::load(&path).unwrap();
        let read = &loaded.coalition;
        assert_eq!(read.name, original.name);
        // Part 1 lists the priorities in the worksheet's order.
        for kind in crate::TermKind::ALL {
            let sorted = |c: &Coalition| {
                let mut terms = c.priorities.terms(kind).to_vec();
                terms.sort();
                terms
            };
            assert_eq!(sorted(read), sorted(&original));
        }
        // The name of the organization with this id; the workbook names inviters by name.
        let name_of = |c: &Coalition, id: &str| {
            c.organizations
                .iter()
                .find(|o| o.id == id)
                .map_or(id.to_string(), |o| o.name.clone())
        };
        let convener = |c: &Coalition| name_of(c, c.convener.as_deref().unwrap());
        assert_eq!(convener(read), convener(&original));
        // Tables 1 and 2 hold every organization, Tables 3 and 4 their notes and inviters;
        // only the ids (derived from names), the county and the coordinates are not in the
        // workbook.
        let comparable = |c: &Coalition| {
            let mut orgs: Vec<Organization> = c
                .organizations
                .iter()
                .map(|o| {
                    let mut o = o.clone();
                    o.invited_by = o.invited_by.as_deref().map(|id| name_of(c, id));
                    o.id = String::new();
                    o.location.county = None;
                    o.location.lat = None;
                    o.location.lon = None;
                    o
                })
                .collect();
            orgs.sort_by(|a, b| a.name.cmp(&b.name));
            orgs
        };
        assert_eq!(comparable(read), comparable(&original));
        let ties = |c: &Coalition| {
            let mut ties: Vec<(String, String, u8, bool)> = c
                .partnerships
                .iter()
                .map(|p| {
                    (
                        name_of(c, &p.source),
                        name_of(c, &p.target),
                        p.strength,
                        p.directed,
                    )
                })
                .collect();
            ties.sort();
            ties
        };
        assert_eq!(ties(read), ties(&original));

        let sheets = calamine::open_workbook_auto(&path).unwrap();
        let visible: Vec<(&str, bool)> = sheets
            .sheets_metadata()
            .iter()
            .map(|s| (s.name.as_str(), s.visible == SheetVisible::Visible))
            .collect();
        assert_eq!(
            visible,
            [
                ("Part 1", true),
                ("Table 1", true),
                ("Table 2", true),
                ("Table 3", true),
                ("Table 4", true),
                ("Partnerships", true),
                ("Vocabulary", false)
            ]
        );
    }

    #[test]
    fn a_file_that_is_no_workbook_and_missing_sheets_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let fake = dir.path().join("fake.xlsx");
        std::fs::write(&fake, "name,type\n").unwrap();
        let read = read_workbook(&fake);
        assert!(read.coalition.is_none());
        assert_eq!(read.diagnostics.len(), 1);
        assert!(read.diagnostics[0]
            .message
            .starts_with("cannot read the workbook"));

        let other = dir.path().join("other.xlsx");
        let mut workbook = rust_xlsxwriter::Workbook::new();
        workbook.add_worksheet().set_name("Sheet1").unwrap();
        workbook.save(&other).unwrap();
        let read = read_workbook(&other);
        let shown: Vec<(bool, String)> = read
            .diagnostics
            .iter()
            .map(|d| (d.is_error(), d.message.clone()))
            .collect();
        let missing = |s: &str| format!("the workbook has no sheet \"{s}\"");
        assert_eq!(
            shown,
            [
                (true, missing("Part 1")),
                (true, missing("Table 1")),
                (true, missing("Table 2")),
                (false, missing("Table 3")),
                (false, missing("Table 4")),
                (false, missing("Partnerships")),
            ]
        );
    }
}
