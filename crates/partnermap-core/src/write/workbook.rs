//! The worksheet as an Excel workbook (rust_xlsxwriter), laid out by [`crate::worksheet`]: a
//! sheet per part of the worksheet with frozen, filtered, explained headers, the worksheet's
//! examples greyed on top, and drop-downs read from a hidden Vocabulary sheet (Excel's inline
//! lists stop at 255 characters). List cells take several `;`-separated terms: their
//! drop-downs warn about a value not in the list instead of refusing it.

use super::{write_atomic, WriteError};
use crate::fields;
use crate::load::{ORGANIZATION_COLUMNS, PARTNERSHIP_COLUMNS};
use crate::lookup::OrganizationNames;
use crate::model::{Coalition, Organization, OrganizationType, PartnershipKind, Status};
use crate::vocabulary::{TermKind, Vocabulary};
use crate::worksheet::{
    Choices, Rows, Sheet, HEADER_ROW, OTHER_ROWS, PART1_COALITION, PART1_LISTS, SHEETS,
    VOCABULARY_SHEET,
};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};
use std::path::Path;

/// Rows below the headers that get drop-downs (and that the organization list reads).
const ROWS: u32 = 500;

/// The widest a column is made; longer text wraps.
const MAX_WIDTH: usize = 60;

/// Writes `coalition` as the worksheet workbook at `path` (atomically), after the worksheet's
/// examples; an empty coalition gives the blank worksheet.
pub fn write_workbook(coalition: &Coalition, path: &Path) -> Result<(), WriteError> {
    let bytes = workbook_bytes(coalition).map_err(|source| WriteError::Workbook {
        path: path.to_path_buf(),
        source,
    })?;
    write_atomic(path, &bytes)
}

/// The styles every sheet uses.
struct Styles {
    title: Format,
    header: Format,
    example: Format,
    text: Format,
}

fn workbook_bytes(coalition: &Coalition) -> Result<Vec<u8>, XlsxError> {
    let vocabulary = coalition.vocabulary();
    let styles = Styles {
        title: Format::new().set_bold().set_font_size(12),
        header: Format::new()
            .set_bold()
            .set_text_wrap()
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border_bottom(FormatBorder::Thin),
        example: Format::new()
            .set_italic()
            .set_text_wrap()
            .set_font_color(Color::Gray),
        text: Format::new().set_text_wrap(),
    };
    let mut workbook = Workbook::new();
    for sheet in SHEETS {
        let rows = rows_of(sheet, coalition);
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(sheet.name)?;
        lay_out(worksheet, sheet, &rows, &styles, &vocabulary)?;
    }
    let lists = workbook.add_worksheet();
    lists.set_name(VOCABULARY_SHEET)?;
    write_lists(lists, &vocabulary)?;
    lists.set_hidden(true);
    workbook.save_to_buffer()
}

/// The title, headers (with their input messages), examples and `rows` of one sheet, with
/// drop-downs, frozen headers, a filter and widths that fit.
fn lay_out(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    rows: &[Vec<String>],
    styles: &Styles,
    vocabulary: &Vocabulary,
) -> Result<(), XlsxError> {
    let header = HEADER_ROW - 1;
    worksheet.write_string_with_format(0, 0, sheet.title, &styles.title)?;
    let first = HEADER_ROW + sheet.examples.len() as u32;
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        worksheet.write_string_with_format(header, c, column.header, &styles.header)?;
        let explained = DataValidation::new()
            .allow_any_value()
            .set_input_title(short(column.header))?
            .set_input_message(column.help)?;
        worksheet.add_data_validation(header, c, header, c, &explained)?;
        let cells: Vec<&str> = sheet
            .examples
            .iter()
            .map(|e| e[c as usize])
            .chain(rows.iter().map(|r| r[c as usize].as_str()))
            .collect();
        let widest = cells
            .iter()
            .chain(std::iter::once(&column.header))
            .map(|t| t.chars().count())
            .max()
            .unwrap_or(10);
        worksheet.set_column_width(c, (widest.clamp(10, MAX_WIDTH) + 2) as f64)?;
        if let Some(list) = list_range(column.choices, sheet, vocabulary) {
            let several = matches!(column.choices, Choices::Terms(_));
            let mut validation = DataValidation::new()
                .allow_list_formula(Formula::new(list))
                .set_input_title(short(column.header))?
                .set_input_message(column.help)?;
            if several {
                validation = validation
                    .set_error_style(DataValidationErrorStyle::Warning)
                    .set_error_title("Several terms?")?
                    .set_error_message("Not one term of the list. Several terms separated by ; are fine: choose Yes to keep what you typed.")?;
            }
            if sheet.rows != Rows::Part1 {
                worksheet.add_data_validation(first, c, first + ROWS, c, &validation)?;
            }
        }
    }
    for (r, example) in sheet.examples.iter().enumerate() {
        for (c, cell) in example.iter().enumerate() {
            worksheet.write_string_with_format(
                HEADER_ROW + r as u32,
                c as u16,
                *cell,
                &styles.example,
            )?;
        }
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                worksheet.write_string_with_format(
                    first + r as u32,
                    c as u16,
                    cell,
                    &styles.text,
                )?;
            }
        }
    }
    if sheet.rows == Rows::Part1 {
        part1_answers(worksheet, sheet, rows, vocabulary)?;
    }
    worksheet.set_freeze_panes(HEADER_ROW, 0)?;
    let last_row = (first + rows.len() as u32).max(HEADER_ROW);
    worksheet.autofilter(header, 0, last_row, sheet.columns.len() as u16 - 1)?;
    Ok(())
}

/// Part 1's Answer drop-downs: yes/no on the term rows, the organizations on the convener's.
fn part1_answers(
    worksheet: &mut Worksheet,
    sheet: &Sheet,
    rows: &[Vec<String>],
    vocabulary: &Vocabulary,
) -> Result<(), XlsxError> {
    let answer = sheet.columns.len() as u16 - 1;
    let help = sheet.columns[answer as usize].help;
    for (r, row) in rows.iter().enumerate() {
        let at = HEADER_ROW + r as u32;
        let list = if row[0] == PART1_LISTS[0].0 {
            if row[1] != PART1_COALITION[1].0 {
                continue;
            }
            list_range(Choices::Organizations, sheet, vocabulary)
        } else {
            list_range(Choices::YesNo, sheet, vocabulary)
        };
        let Some(list) = list else { continue };
        let validation = DataValidation::new()
            .allow_list_formula(Formula::new(list))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_input_title("Answer")?
            .set_input_message(help)?;
        worksheet.add_data_validation(at, answer, at, answer, &validation)?;
    }
    Ok(())
}

/// Excel's input titles stop at 32 characters.
fn short(header: &str) -> String {
    header.chars().take(32).collect()
}

/// The columns of the hidden Vocabulary sheet, in order.
const LISTS: [Choices; 10] = [
    Choices::Types,
    Choices::Statuses,
    Choices::Statuses,
    Choices::Terms(TermKind::Population),
    Choices::Terms(TermKind::Domain),
    Choices::Terms(TermKind::Asset),
    Choices::YesNo,
    Choices::Kinds,
    Choices::Strengths,
    Choices::Organizations,
];

/// The Vocabulary sheet's column that holds a sheet's list of `choices`.
fn list_column(choices: Choices, sheet: &Sheet) -> Option<usize> {
    match choices {
        Choices::Free => None,
        Choices::Statuses if sheet.name == crate::worksheet::TABLE2.name => Some(2),
        _ => LISTS.iter().position(|&l| l == choices),
    }
}

/// The values of each list column.
fn list_values(column: usize, vocabulary: &Vocabulary) -> Vec<String> {
    let labels = |statuses: &[Status]| statuses.iter().map(|s| s.label().to_string()).collect();
    match LISTS[column] {
        Choices::Types => OrganizationType::ALL
            .iter()
            .map(|t| t.label().to_string())
            .collect(),
        Choices::Statuses if column == 1 => labels(crate::worksheet::TABLE1.statuses()),
        Choices::Statuses => labels(crate::worksheet::TABLE2.statuses()),
        Choices::Terms(kind) => vocabulary
            .terms(kind)
            .iter()
            .map(|t| t.label.clone())
            .collect(),
        Choices::YesNo => vec!["yes".to_string(), "no".to_string()],
        Choices::Kinds => PartnershipKind::ALL
            .iter()
            .map(|k| k.label().to_string())
            .collect(),
        Choices::Strengths => ["1", "2", "3"].map(str::to_string).to_vec(),
        Choices::Organizations | Choices::Free => Vec::new(),
    }
}

const LIST_HEADERS: [&str; 10] = [
    "Types",
    "Statuses in Table 1",
    "Statuses in Table 2",
    "Populations",
    "Areas of concern",
    "Assets",
    "Yes or no",
    "Kinds of partnership",
    "Strengths",
    "Organizations in Tables 1 and 2",
];

/// The range of the Vocabulary sheet a drop-down of `choices` on `sheet` reads.
fn list_range(choices: Choices, sheet: &Sheet, vocabulary: &Vocabulary) -> Option<String> {
    let column = list_column(choices, sheet)?;
    let letter = (b'A' + column as u8) as char;
    let length = match choices {
        Choices::Organizations => 2 * (ROWS + 1) as usize,
        _ => list_values(column, vocabulary).len(),
    };
    Some(format!(
        "={VOCABULARY_SHEET}!${letter}$2:${letter}${}",
        length + 1
    ))
}

/// Every list, one per column; the organizations list is formulas over Tables 1 and 2, so it
/// follows what people enter.
fn write_lists(worksheet: &mut Worksheet, vocabulary: &Vocabulary) -> Result<(), XlsxError> {
    for (c, header) in LIST_HEADERS.iter().enumerate() {
        worksheet.write_string(0, c as u16, *header)?;
        for (r, value) in list_values(c, vocabulary).iter().enumerate() {
            worksheet.write_string(1 + r as u32, c as u16, value)?;
        }
    }
    let column = LISTS.len() as u16 - 1;
    let mut at = 1;
    for table in ["Table 1", "Table 2"] {
        // 1-based rows of the table's data, the examples included (the formula drops them).
        for r in HEADER_ROW + 1..=HEADER_ROW + 1 + ROWS {
            let cell = format!("'{table}'!A{r}");
            worksheet.write_formula(
                at,
                column,
                Formula::new(format!(
                    "=IF(LEFT({cell},8)=\"Example:\",\"\",IF({cell}=\"\",\"\",{cell}))"
                )),
            )?;
            at += 1;
        }
    }
    Ok(())
}

/// The rows `coalition` puts on `sheet`, one cell per column.
fn rows_of(sheet: &Sheet, coalition: &Coalition) -> Vec<Vec<String>> {
    // The index the Landscape carries, without the graph: every partnership end and inviter
    // is looked up, so a scan per cell would be quadratic on a state's directory.
    let index = OrganizationNames::new(&coalition.organizations);
    let name_of = |id: &str| {
        index
            .by_id(id)
            .map_or(id.to_string(), |i| coalition.organizations[i].name.clone())
    };
    // Every other field as the project folder writes it (one flat view of the model).
    let organizations = fields::organizations(coalition, &[], ORGANIZATION_COLUMNS);
    let partnerships = fields::partnerships(coalition, PARTNERSHIP_COLUMNS);
    let cell = |table: &fields::Table, row: usize, field: &str| {
        table
            .position(field)
            .and_then(|c| table.rows[row][c].clone())
            .unwrap_or_default()
    };
    let cells = |(i, o): (usize, &Organization)| -> Vec<String> {
        sheet
            .columns
            .iter()
            .map(|c| match c.field {
                "type" => o.kind.label().to_string(),
                "status" => o.status.label().to_string(),
                "member" => o.contact.clone().unwrap_or_default(),
                "invited_by" => o.invited_by.as_deref().map(name_of).unwrap_or_default(),
                field => cell(&organizations, i, field),
            })
            .collect()
    };
    match sheet.rows {
        Rows::Part1 => part1_rows(coalition, &name_of),
        Rows::Organizations(statuses) => coalition
            .organizations
            .iter()
            .enumerate()
            .filter(|(_, o)| statuses.contains(&o.status) && placed_on(o.status) == sheet.name)
            .map(cells)
            .collect(),
        Rows::Notes => coalition
            .organizations
            .iter()
            .enumerate()
            .filter(|(_, o)| {
                if sheet.columns.iter().any(|c| c.field == "invited_by") {
                    o.invited_by.is_some()
                } else {
                    [
                        &o.aligned_initiatives,
                        &o.motivations,
                        &o.roles,
                        &o.barriers,
                    ]
                    .iter()
                    .any(|f| f.is_some())
                }
            })
            .map(cells)
            .collect(),
        Rows::Partnerships => coalition
            .partnerships
            .iter()
            .enumerate()
            .map(|(i, p)| {
                sheet
                    .columns
                    .iter()
                    .map(|c| match c.field {
                        "source" => name_of(&p.source),
                        "target" => name_of(&p.target),
                        "kind" => p.kind.label().to_string(),
                        field => cell(&partnerships, i, field),
                    })
                    .collect()
            })
            .collect(),
    }
}

/// The table an organization of this status is listed in: keep-informed ones with the
/// potential partners.
fn placed_on(status: Status) -> &'static str {
    match status {
        Status::Member | Status::Existing => crate::worksheet::TABLE1.name,
        Status::Potential | Status::KeepInformed => crate::worksheet::TABLE2.name,
    }
}

/// Part 1: the coalition's name, convener and date, then every term of each list with yes for
/// the priorities, then the coalition's own terms and empty rows in "Other".
fn part1_rows(coalition: &Coalition, name_of: &dyn Fn(&str) -> String) -> Vec<Vec<String>> {
    let row = |list: &str, item: &str, answer: &str| {
        vec![list.to_string(), item.to_string(), answer.to_string()]
    };
    let mut rows = vec![
        row(PART1_LISTS[0].0, PART1_COALITION[0].0, &coalition.name),
        row(
            PART1_LISTS[0].0,
            PART1_COALITION[1].0,
            &coalition
                .convener
                .as_deref()
                .map(name_of)
                .unwrap_or_default(),
        ),
        row(
            PART1_LISTS[0].0,
            PART1_COALITION[2].0,
            coalition.as_of.as_deref().unwrap_or(""),
        ),
        row(
            PART1_LISTS[0].0,
            PART1_COALITION[3].0,
            coalition.purpose.as_deref().unwrap_or(""),
        ),
    ];
    let builtin = Vocabulary::builtin();
    for (kind, (list, other)) in TermKind::ALL.into_iter().zip(&PART1_LISTS[1..]) {
        let priorities = coalition.priorities.terms(kind);
        let answer = |id: &str| {
            if priorities.iter().any(|p| p == id) {
                "yes"
            } else {
                ""
            }
        };
        for term in builtin.terms(kind) {
            rows.push(row(list, &term.label, answer(&term.id)));
        }
        let own = coalition.vocabulary.terms(kind);
        for term in own {
            rows.push(row(other, &term.label, answer(&term.id)));
        }
        for _ in own.len()..OTHER_ROWS.max(own.len() + 1) {
            rows.push(row(other, "", ""));
        }
    }
    rows
}
