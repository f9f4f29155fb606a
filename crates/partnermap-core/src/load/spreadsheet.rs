//! The one way a workbook is opened (the worksheet, Kumu's sheets, an import's directory), and
//! its sheets read as rows of text.
//!
//! A workbook is a ZIP archive of XML (`.xlsx`, `.ods`) that calamine reads, and a few
//! kilobytes can make calamine ask for terabytes: a ZIP entry that inflates to
//! gigabytes of white space, a shared-string table declaring a trillion strings (calamine
//! reserves room for them), two cells at A1 and XFD1048576 (calamine's ranges are dense), an ODS
//! row repeated a million times with its cells repeated across every column. So before
//! calamine sees a ZIP-based workbook its central directory is checked (each part's declared
//! size, their total, the compression ratio; zip itself stops a part that inflates past the size
//! its header declares), the shared strings are counted, and an ODS document's repeated rows and
//! columns are added up; sheets of `.xlsx` are read cell by cell rather than as dense ranges.
//! Whatever would pass [`CELLS`] cells or [`TEXT`] of text is refused with a [`SpreadsheetError`]
//! naming the file and the limit.
//!
//! An Excel 97–2003 workbook (`.xls`, a compound document of binary records) is refused with
//! the way to save it as `.xlsx`: calamine's reader of it trusts the file's counts and offsets
//! (a sheet's declared size is reserved up front, a record's length is sliced unchecked, a
//! cyclic sector chain is followed without end), and checking every record before it would be
//! a second reader of the format.

use crate::diagnostic::Diagnostic;
use calamine::{Data, DataRef, Ods, Reader, Sheets, Xlsx};
use quick_xml::events::{BytesStart, Event};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

/// A non-blank row of a sheet: its 1-based number, and its cells from column A.
pub(crate) type GridRow = (usize, Vec<String>);

/// The cells of a sheet, row by row.
pub(crate) type Grid = Vec<GridRow>;

/// The most one part of a workbook may inflate to. The largest part of a workbook is a sheet,
/// about 50 MB for 100,000 organizations; calamine keeps what it reads of the other parts
/// (styles take about five times their XML), and this keeps that under 1 GiB.
pub(crate) const PART: u64 = 128 << 20;

/// The most all parts of a workbook may inflate to together.
pub(crate) const TOTAL: u64 = 256 << 20;

/// The most a part over [`RATIO_FLOOR`] may inflate relative to its compressed size. Sheets
/// and shared strings compress 5 to 30 times; deflate's limit is 1032, reached only by long
/// runs of one byte, which no spreadsheet program writes.
pub(crate) const RATIO: u64 = 500;

/// Parts smaller than this are not judged by their ratio: they cannot weigh much.
const RATIO_FLOOR: u64 = 1 << 20;

/// The most shared strings an `.xlsx` may hold (declared or written): calamine reserves room
/// for as many as the table declares.
pub(crate) const SHARED_STRINGS: u64 = 4_000_000;

/// The most cells partnermap reads from a workbook, counting the blank cells between written
/// ones (100,000 organizations of 20 columns).
pub(crate) const CELLS: u64 = 2_000_000;

/// The most text the cells of a workbook may hold, in bytes, counting each repetition of a
/// repeated or shared cell.
pub(crate) const TEXT: u64 = 64 << 20;

/// calamine's bounds on an ODS table, which its repeated rows and columns are cut to.
const ODS_ROWS: u64 = 1_048_576;
const ODS_COLUMNS: u64 = 16_384;

/// A workbook that could not be opened or read within the limits.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub(crate) struct SpreadsheetError {
    /// The workbook, as the user named it.
    pub(crate) file: String,
    /// The sheet being read, when the problem is in one.
    pub(crate) sheet: Option<String>,
    /// What is wrong.
    pub(crate) problem: Problem,
}

/// Why a workbook was refused.
#[derive(Debug, thiserror::Error)]
pub(crate) enum Problem {
    /// calamine or zip could not read it.
    #[error("cannot read the workbook: {0}")]
    Unreadable(String),
    /// An Excel 97–2003 workbook, which partnermap does not read.
    #[error("cannot read the workbook: it is an Excel 97–2003 workbook (.xls), which partnermap does not read")]
    Legacy,
    /// A part would inflate past [`PART`].
    #[error("the workbook's part \"{part}\" would inflate to {} MiB, more than the {} MiB a part may hold", mib(*.size), mib(PART))]
    PartTooLarge {
        /// The part's name in the archive.
        part: String,
        /// Its declared uncompressed size.
        size: u64,
    },
    /// All parts together would inflate past [`TOTAL`].
    #[error(
        "the workbook's parts would inflate to more than the {} MiB a workbook may hold",
        mib(TOTAL)
    )]
    TooLarge,
    /// A part inflates more than [`RATIO`] times its compressed size.
    #[error("the workbook's part \"{part}\" would inflate {ratio} times its compressed size, more than any spreadsheet program writes (at most {RATIO})")]
    Ratio {
        /// The part's name in the archive.
        part: String,
        /// Its declared size over its compressed size.
        ratio: u64,
    },
    /// The shared-string table holds or declares more than [`SHARED_STRINGS`] strings.
    #[error("the workbook holds or declares {count} shared strings, more than the {SHARED_STRINGS} partnermap reads")]
    SharedStrings {
        /// The strings declared (`uniqueCount`) or counted so far.
        count: u64,
    },
    /// The sheets would hold more than [`CELLS`] cells.
    #[error("the sheets would hold more than the {CELLS} cells partnermap reads")]
    Cells,
    /// The cells would hold more than [`TEXT`] bytes of text.
    #[error(
        "the cells would hold more than the {} MiB of text partnermap reads",
        mib(TEXT)
    )]
    Text,
}

fn mib(bytes: u64) -> u64 {
    bytes >> 20
}

impl From<SpreadsheetError> for Diagnostic {
    fn from(error: SpreadsheetError) -> Diagnostic {
        let hint = match error.problem {
            Problem::Unreadable(_) => {
                "save it as an Excel workbook (.xlsx) or OpenDocument spreadsheet (.ods)"
            }
            Problem::Legacy => {
                "open it in Excel, LibreOffice or Google Sheets and save it as an Excel workbook (.xlsx), or save each sheet as a CSV file"
            }
            Problem::PartTooLarge { .. } | Problem::TooLarge | Problem::Ratio { .. } => {
                "this is not a workbook a spreadsheet program saved; open the original in your spreadsheet program and save it again, or save each sheet as a CSV file"
            }
            Problem::SharedStrings { .. } | Problem::Cells | Problem::Text => {
                "delete the empty rows and columns after the table (a row repeated to the end of the sheet counts as a million rows), or save each sheet as a CSV file, which partnermap reads at any size"
            }
        };
        let diagnostic = Diagnostic::error(&error.file, error.problem.to_string()).with_hint(hint);
        match error.sheet {
            Some(sheet) => diagnostic.in_sheet(sheet),
            None => diagnostic,
        }
    }
}

/// An open workbook.
pub(crate) struct Spreadsheet {
    file: String,
    sheets: Sheets<BufReader<File>>,
    /// The cells and the bytes of text read so far, against [`CELLS`] and [`TEXT`].
    cells: u64,
    text: u64,
}

impl Spreadsheet {
    /// Opens the workbook at `path`, whatever its extension: a ZIP archive holding
    /// `content.xml` is an OpenDocument spreadsheet, any other ZIP an Excel workbook; a
    /// compound document, an Excel 97–2003 workbook, is refused.
    pub(crate) fn open(path: &Path) -> Result<Spreadsheet, SpreadsheetError> {
        let file = path.display().to_string();
        let failed = |problem| SpreadsheetError {
            file: file.clone(),
            sheet: None,
            problem,
        };
        let unreadable = |e: &dyn std::fmt::Display| failed(Problem::Unreadable(e.to_string()));
        let mut reader = BufReader::new(File::open(path).map_err(|e| unreadable(&e))?);
        let magic = reader.fill_buf().map_err(|e| unreadable(&e))?;
        let sheets = if magic.starts_with(b"PK\x03\x04") {
            let ods = check_archive(&mut reader).map_err(|(sheet, problem)| SpreadsheetError {
                sheet,
                ..failed(problem)
            })?;
            reader.rewind().map_err(|e| unreadable(&e))?;
            if ods {
                Sheets::Ods(Ods::new(reader).map_err(|e| unreadable(&e))?)
            } else {
                Sheets::Xlsx(Xlsx::new(reader).map_err(|e| unreadable(&e))?)
            }
        } else if magic.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            return Err(failed(Problem::Legacy));
        } else {
            return Err(unreadable(
                &"it is neither an Excel workbook nor an OpenDocument spreadsheet",
            ));
        };
        Ok(Spreadsheet {
            file,
            sheets,
            cells: 0,
            text: 0,
        })
    }

    /// The names of the sheets, in the workbook's order.
    pub(crate) fn sheet_names(&self) -> Vec<String> {
        self.sheets.sheet_names()
    }

    /// The sheet `name` as rows of text (see [`cell_text`]); a cell holding an error (`#N/A`)
    /// is reported and read as blank.
    pub(crate) fn grid(
        &mut self,
        name: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<Grid, SpreadsheetError> {
        let mut rows = Rows {
            rows: BTreeMap::new(),
            cells: self.cells,
            text: self.text,
        };
        let read = match &mut self.sheets {
            Sheets::Xlsx(workbook) => read_cells(workbook, name, &mut rows),
            other => match other.worksheet_range(name) {
                Ok(range) => {
                    let (top, left) = range.start().unwrap_or_default();
                    range.used_cells().try_for_each(|(r, c, cell)| {
                        rows.add(top + r as u32, left + c as u32, cell.clone())
                    })
                }
                Err(e) => Err(Problem::Unreadable(e.to_string())),
            },
        };
        self.cells = rows.cells;
        self.text = rows.text;
        read.map_err(|problem| SpreadsheetError {
            file: self.file.clone(),
            sheet: Some(name.to_string()),
            problem,
        })?;
        let mut grid = Vec::new();
        for (row, cells) in rows.rows {
            let number = row as usize + 1;
            let mut texts = Vec::with_capacity(cells.len());
            for (c, cell) in cells.into_iter().enumerate() {
                texts.push(cell.unwrap_or_else(|error| {
                    diagnostics.push(
                        Diagnostic::error(&self.file, format!("the cell holds the error {error}"))
                            .in_sheet(name)
                            .at_line(Some(number))
                            .in_field(column_letter(c))
                            .with_hint("correct the formula or type the value"),
                    );
                    String::new()
                }));
            }
            if texts.iter().any(|c| !c.trim().is_empty()) {
                grid.push((number, texts));
            }
        }
        Ok(grid)
    }
}

/// An `.xlsx` sheet's cells as they come, so that only written cells take memory.
fn read_cells(
    workbook: &mut Xlsx<BufReader<File>>,
    name: &str,
    rows: &mut Rows,
) -> Result<(), Problem> {
    let unreadable = |e: calamine::XlsxError| Problem::Unreadable(e.to_string());
    let mut cells = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        if cell.get_value() != &DataRef::Empty {
            let (row, column) = cell.get_position();
            rows.add(row, column, Data::from(cell.get_value().clone()))?;
        }
    }
    Ok(())
}

/// A sheet's rows as they are read, each cell as text or the error it holds.
struct Rows {
    rows: BTreeMap<u32, Vec<Result<String, calamine::CellErrorType>>>,
    cells: u64,
    text: u64,
}

impl Rows {
    fn add(&mut self, row: u32, column: u32, cell: Data) -> Result<(), Problem> {
        let cells = self.rows.entry(row).or_default();
        let width = column as u64 + 1;
        if width > cells.len() as u64 {
            self.cells += width - cells.len() as u64;
            if self.cells > CELLS {
                return Err(Problem::Cells);
            }
            cells.resize(width as usize, Ok(String::new()));
        }
        let text = cell_text(cell);
        self.text += text.as_ref().map_or(0, |t| t.len() as u64);
        if self.text > TEXT {
            return Err(Problem::Text);
        }
        cells[column as usize] = text;
        Ok(())
    }
}

/// A cell as text, as a CSV would hold it: numbers without a needless ".0", true and false as
/// yes and no, dates as YYYY-MM-DD.
fn cell_text(cell: Data) -> Result<String, calamine::CellErrorType> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s,
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if b { "yes" } else { "no" }.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::Error(e) => return Err(e),
    })
}

/// A column's letters: 0 is A, 26 is AA.
pub(crate) fn column_letter(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Checks a ZIP-based workbook before calamine reads it; whether it is an OpenDocument
/// spreadsheet. A problem comes with the sheet it is in, when it is in one.
fn check_archive<R: Read + Seek>(reader: R) -> Result<bool, (Option<String>, Problem)> {
    let unreadable = |e: zip::result::ZipError| (None, Problem::Unreadable(e.to_string()));
    let mut archive = zip::ZipArchive::new(reader).map_err(unreadable)?;
    let mut total = 0u64;
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let part = archive.by_index_raw(i).map_err(unreadable)?;
        let name = part.name().map_err(unreadable)?.into_owned();
        let size = part.size();
        if size > PART {
            return Err((None, Problem::PartTooLarge { part: name, size }));
        }
        let ratio = size / part.compressed_size().max(1);
        if size > RATIO_FLOOR && ratio > RATIO {
            return Err((None, Problem::Ratio { part: name, ratio }));
        }
        total += size;
        if total > TOTAL {
            return Err((None, Problem::TooLarge));
        }
        names.push(name);
    }
    if names.iter().any(|n| n == "content.xml") {
        let content = archive.by_name("content.xml").map_err(unreadable)?;
        return match ods_cells(BufReader::new(content)) {
            Ok(()) => Ok(true),
            Err((table, problem)) => Err((Some(table), problem)),
        };
    }
    // calamine finds the table through the package's relationships, in any folder and case.
    for name in names
        .iter()
        .filter(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
    {
        let strings = archive.by_name(name).map_err(unreadable)?;
        shared_strings(BufReader::new(strings)).map_err(|p| (None, p))?;
    }
    Ok(false)
}

fn xml_reader<R: BufRead>(reader: R) -> quick_xml::Reader<R> {
    let mut reader = quick_xml::Reader::from_reader(reader);
    reader.config_mut().expand_empty_elements = true;
    reader
}

/// The attribute `name` of an element as a number; `None` when absent or not a number.
fn number(element: &BytesStart, name: &[u8]) -> Option<u64> {
    let attribute = element.try_get_attribute(name).ok()??;
    std::str::from_utf8(&attribute.value)
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// Counts the shared strings an `.xlsx` declares and holds, stopping past [`SHARED_STRINGS`].
fn shared_strings<R: BufRead>(xml: R) -> Result<(), Problem> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    let mut count = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"sst" => {
                let declared = number(&e, b"uniqueCount").unwrap_or(0);
                if declared > SHARED_STRINGS {
                    return Err(Problem::SharedStrings { count: declared });
                }
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == b"si" => {
                count += 1;
                if count > SHARED_STRINGS {
                    return Err(Problem::SharedStrings { count });
                }
            }
            // What is not well-formed, calamine reports in its own words.
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// Adds up the cells and text calamine would hold for an ODS document's `content.xml`:
/// calamine expands every repeated row and column of a table between its first and last
/// written cells (up to 1,048,576 rows and 16,384 columns), and keeps each row once more as
/// written. Blank rows after the last written one cost nothing.
fn ods_cells<R: BufRead>(xml: R) -> Result<(), (String, Problem)> {
    let mut reader = xml_reader(xml);
    let mut buf = Vec::new();
    // The workbook's tables so far, and the table being read.
    let (mut cells, mut text) = (0u64, 0u64);
    let mut table = OdsTable::default();
    // The row being read: its repetitions, its width up to its last written cell, the text
    // of one of its copies.
    let mut row: Option<(u64, u64, u64)> = None;
    let mut column = 0u64;
    let mut cell: Option<OdsCell> = None;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(event) => event,
        };
        match event {
            Event::Start(_) if cell.is_some() => {
                if let Some(cell) = &mut cell {
                    cell.depth += 1;
                }
            }
            Event::Text(t) => {
                if let Some(cell) = &mut cell {
                    cell.text += t.len() as u64;
                    cell.written |= !t.iter().all(u8::is_ascii_whitespace);
                }
            }
            Event::Start(e) if e.name().as_ref() == b"table:table" => {
                let name = e.try_get_attribute("table:name").ok().flatten();
                table = OdsTable {
                    name: name.map_or_else(String::new, |n| {
                        String::from_utf8_lossy(&n.value).into_owned()
                    }),
                    ..OdsTable::default()
                };
            }
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                let repeated = number(&e, b"table:number-rows-repeated").unwrap_or(1);
                let repeated = repeated.min(ODS_ROWS.saturating_sub(table.rows));
                table.rows += repeated;
                row = Some((repeated, 0, 0));
                column = 0;
            }
            Event::Start(e)
                if row.is_some()
                    && matches!(
                        e.name().as_ref(),
                        b"table:table-cell" | b"table:covered-table-cell"
                    ) =>
            {
                let mut started = OdsCell {
                    repeated: number(&e, b"table:number-columns-repeated").unwrap_or(1),
                    depth: 1,
                    text: 0,
                    written: false,
                };
                for attribute in e.attributes().flatten() {
                    let key = attribute.key.as_ref();
                    if key.starts_with(b"office:") || key.starts_with(b"table:formula") {
                        started.written = true;
                        started.text += attribute.value.len() as u64;
                    }
                }
                cell = Some(started);
            }
            Event::End(_) if cell.is_some() => {
                let Some(ended) = &mut cell else {
                    continue;
                };
                ended.depth -= 1;
                if ended.depth > 0 {
                    continue;
                }
                let ended = cell.take().unwrap_or_default();
                let repeated = ended.repeated.min(ODS_COLUMNS.saturating_sub(column));
                column += repeated;
                if let Some((_, width, row_text)) = &mut row {
                    if ended.written {
                        *width = column;
                        *row_text = row_text.saturating_add(ended.text.saturating_mul(repeated));
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == b"table:table-row" => {
                if let Some((repeated, width, row_text)) = row.take() {
                    table.row(repeated, width);
                    // Each written row is held once as written and once per repetition.
                    text = text.saturating_add(row_text.saturating_mul(repeated + 1));
                    if cells + table.cells() > CELLS {
                        return Err((table.name, Problem::Cells));
                    }
                    if text > TEXT {
                        return Err((table.name, Problem::Text));
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == b"table:table" => {
                cells += table.cells();
                table = OdsTable::default();
            }
            _ => {}
        }
        buf.clear();
    }
}

/// An ODS cell being read.
#[derive(Default)]
struct OdsCell {
    /// Its repetitions across the row.
    repeated: u64,
    /// How deep inside it the reader is.
    depth: usize,
    /// Its text and values, in bytes.
    text: u64,
    /// Whether it holds a value, which calamine keeps.
    written: bool,
}

/// What calamine makes of an ODS table, as its rows are read.
#[derive(Default)]
struct OdsTable {
    /// Its name, which is the sheet's.
    name: String,
    /// Rows so far, repetitions counted (calamine stops at [`ODS_ROWS`]).
    rows: u64,
    /// Cells of the rows as written, each once.
    written: u64,
    /// Rows from the first written one to the last, repetitions counted.
    span: u64,
    /// Blank rows since the last written one, which count once a written row follows.
    blank: u64,
    /// The widest written row.
    width: u64,
}

impl OdsTable {
    fn row(&mut self, repeated: u64, width: u64) {
        self.written += width;
        if width == 0 {
            if self.span > 0 {
                self.blank += repeated;
            }
            return;
        }
        self.span += self.blank + repeated;
        self.blank = 0;
        self.width = self.width.max(width);
    }

    fn cells(&self) -> u64 {
        self.written + self.span * self.width
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn cells_become_text_as_a_csv_would_hold_it() {
        let date =
            calamine::ExcelDateTime::new(46327.0, calamine::ExcelDateTimeType::DateTime, false);
        let texts: Vec<Result<String, calamine::CellErrorType>> = [
            Data::Float(3.0),
            Data::Float(2.5),
            Data::Bool(true),
            Data::DateTime(date),
            Data::Error(calamine::CellErrorType::NA),
            Data::String("x".into()),
        ]
        .into_iter()
        .map(cell_text)
        .collect();
        let ok = |s: &str| Ok(s.to_string());
        assert_eq!(
            texts,
            [
                ok("3"),
                ok("2.5"),
                ok("yes"),
                ok("2026-11-01"),
                Err(calamine::CellErrorType::NA),
                ok("x")
            ]
        );
        assert_eq!(column_letter(27), "AB");
    }

    fn rows() -> Rows {
        Rows {
            rows: BTreeMap::new(),
            cells: 0,
            text: 0,
        }
    }

    #[test]
    fn cells_count_the_blank_cells_before_them_and_their_text() {
        let mut read = rows();
        read.add(0, 0, Data::String("name".into())).unwrap();
        read.add(1_048_575, 16_383, Data::String("x".into()))
            .unwrap();
        assert_eq!((read.rows.len(), read.cells), (2, 16_385));
        // A cell at the sheet's last column in every row: each row's blank cells count.
        let mut wide = rows();
        let refused = (0..).find_map(|row| wide.add(row, 16_383, Data::Int(1)).err());
        assert!(matches!(refused, Some(Problem::Cells)));
        assert!(wide.cells <= CELLS + 16_384);
        // One shared string of 1 MiB in many cells: each copy counts.
        let mut text = rows();
        let long = "x".repeat(1 << 20);
        let refused = (0..).find_map(|row| text.add(row, 0, Data::String(long.clone())).err());
        assert!(matches!(refused, Some(Problem::Text)));
        // The copy that passes the limit is the last one read.
        assert_eq!(text.rows.len() as u64, (TEXT >> 20) + 1);
    }

    #[test]
    fn shared_strings_are_refused_past_the_limit_declared_or_written() {
        let declared =
            r#"<sst xmlns="x" count="1" uniqueCount="100000000000"><si><t>a</t></si></sst>"#;
        assert!(matches!(
            shared_strings(declared.as_bytes()),
            Err(Problem::SharedStrings {
                count: 100_000_000_000
            })
        ));
        let written = format!(
            r#"<sst uniqueCount="1">{}</sst>"#,
            "<si/>".repeat(SHARED_STRINGS as usize + 1)
        );
        assert!(matches!(
            shared_strings(written.as_bytes()),
            Err(Problem::SharedStrings { .. })
        ));
        let fine = r#"<sst uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>"#;
        assert!(shared_strings(fine.as_bytes()).is_ok());
    }

    fn content(rows: &str) -> String {
        format!(
            r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="T">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn cell(text: &str, repeated: u64) -> String {
        format!(
            r#"<table:table-cell table:number-columns-repeated="{repeated}" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
        )
    }

    const BLANK_ROWS: &str = r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="6"/></table:table-row>"#;

    #[test]
    fn ods_repeated_rows_and_columns_count_as_calamine_expands_them() {
        let row = |cells: &str, repeated: u64| {
            format!(
                r#"<table:table-row table:number-rows-repeated="{repeated}">{cells}</table:table-row>"#
            )
        };
        let check = |rows: String| ods_cells(content(&rows).as_bytes());
        // A million blank rows after the table cost nothing: calamine drops them.
        assert!(check(row(&cell("name", 1), 1) + BLANK_ROWS).is_ok());
        // Before a written row they are expanded, each as wide as the widest row.
        assert!(matches!(
            check(row(&cell("name", 1), 1) + BLANK_ROWS + &row(&cell("x", 6), 1)),
            Err((_, Problem::Cells))
        ));
        // A written row repeated a million times, 90 cells wide.
        assert!(matches!(
            check(row(&cell("x", 90), 1_000_000)),
            Err((_, Problem::Cells))
        ));
        // Rows written out, each a cell repeated across every column.
        assert!(matches!(
            check(row(&cell("x", 16_384), 1).repeat(200)),
            Err((_, Problem::Cells))
        ));
        // Long text repeated: each copy counts.
        assert!(matches!(
            check(row(&cell(&"x".repeat(100_000), 1_000), 1)),
            Err((_, Problem::Text))
        ));
        assert!(check(row(&cell("x", 10), 1_000)).is_ok());
    }

    #[test]
    fn a_part_inflating_like_a_run_of_one_byte_is_refused() {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("xl/worksheets/sheet1.xml", deflated)
            .unwrap();
        zip.write_all(&vec![b' '; 4 << 20]).unwrap();
        let archive = zip.finish().unwrap();
        let refused = check_archive(std::io::Cursor::new(archive.into_inner()));
        assert!(
            matches!(&refused, Err((None, Problem::Ratio { part, ratio })) if part == "xl/worksheets/sheet1.xml" && *ratio > RATIO),
            "{refused:?}"
        );
    }
}
