//! Loading a coalition from what people keep: a project folder (`coalition.toml`,
//! `organizations.csv`, `partnerships.csv`), the canonical JSON document, a bare
//! `source,target` edge list, or a network file another tool wrote (Pajek, GML, UCINET).
//!
//! Every format is first read into a [`Coalition`] whose terms and references are still as the
//! person wrote them, with the origin (file, line) of each record; one shared validation pass
//! then resolves terms against the vocabulary and organizations by id or name, collecting every
//! problem instead of stopping at the first.
//!
//! The readers, one file each: `folder` (the project folder and its `coalition.toml`), `csv`
//! (a CSV file into header positions and records, and a table's rows into the coalition),
//! `organizations` and `partnerships` (what one row of each table means), `edge_list` (a bare
//! `source,target` CSV) and `json` (the canonical document). `origin` records where each part
//! came from, and `validate` is the pass they all share. The network files have one reader per
//! format (`pajek`, `gml`, `graphml`, `gexf`, `dl`, `gephi`, `kumu`), sharing `network` (vertices to organizations, ties to
//! partnerships); the XML formats also share `xml` (the document as a tree, no DTD read).
//! `import` reads a directory through a mapping file (`mapping`); `hsds` turns an Open
//! Referral HSDS data package into such a directory, one row per organization. Every workbook
//! (the worksheet, Kumu's sheets, an imported directory) is opened through `spreadsheet`, which
//! bounds what calamine may be asked to inflate and hold.

mod arc_lists;
mod csv;
mod dl;
mod edge_list;
mod folder;
mod gephi;
mod gexf;
mod gml;
mod graphml;
mod hsds;
mod import;
mod json;
mod kumu;
mod mapping;
mod network;
mod ntee;
mod organizations;
mod origin;
mod pajek;
mod partnerships;
mod several;
mod spreadsheet;
#[cfg(test)]
mod testing;
mod two_mode;
mod validate;
mod workbook;
mod xml;

pub(crate) use csv::split_list;
pub use organizations::ORGANIZATION_COLUMNS;
pub use partnerships::PARTNERSHIP_COLUMNS;

use crate::diagnostic::{Diagnostic, LoadError};
use crate::model::Coalition;
use crate::vocabulary::TermKind;
use origin::Origins;
use std::path::{Path, PathBuf};

/// A coalition that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The validated coalition: terms are vocabulary ids, partnerships name organization ids.
    pub coalition: Coalition,
    /// Problems that did not stop loading.
    pub warnings: Vec<Diagnostic>,
}

/// Loads a coalition from a project folder, a `.json` document, a `.csv` edge list or a network
/// file (`.net`, `.paj`, `.gml`, `.graphml`, `.gexf`, `.dl`, `.dat`, `.txt` arc lists, or a
/// folder of them), choosing the reader by the extension.
///
/// ```no_run
/// let loaded = partnermap_core::load::load(std::path::Path::new("data/forest-city")).unwrap();
/// println!("{} organizations", loaded.coalition.organizations.len());
/// ```
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    load_as(path, None)
}

/// [`load`], reading the file as the format `from` names (an extension such as `graphml`,
/// `net`, `gml`, or `kumu-xlsx` for a workbook laid out as Kumu's spreadsheet import) rather
/// than the one its own extension implies. A two-mode network is an error here: [`load_paths`]
/// reads it, given the kind of its second mode.
pub fn load_as(path: &Path, from: Option<&str>) -> Result<Loaded, LoadError> {
    let reading = Reading {
        from,
        ..Reading::default()
    };
    finish(two_mode::read_second_mode(read_path(path, reading), None))
}

/// How a person asks for an input to be read, beyond what its files say (the command line's
/// `--from`, `--second-mode` and `--directed`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading<'a> {
    /// The format to read, whatever the extension (`graphml`, `net`, `kumu-xlsx`…).
    pub from: Option<&'a str>,
    /// What a two-mode network's second mode is: terms of this kind.
    pub second_mode: Option<TermKind>,
    /// A plain edge list's ties run one way, from the sender to the receiver; without it each
    /// tie joins its two organizations both ways. Every other format says its direction itself.
    pub directed: bool,
}

/// What the reader of `path` (as the format `reading.from` names, else its extension) makes of it.
fn read_path(path: &Path, reading: Reading) -> Read {
    let from = reading.from;
    let shown = path.display().to_string();
    let fail = |d: Diagnostic| Read::failed(Origins::default(), vec![d]);
    if path.is_dir() && from.is_none() {
        // A folder of arc lists, one relation a file, is a network too; a project folder
        // always has its coalition.toml.
        let lists = arc_lists::lists_in(path);
        if !path.join("coalition.toml").exists() && !lists.is_empty() {
            return arc_lists::read_arc_lists(path, &lists, reading.directed);
        }
        if !path.join("coalition.toml").exists() && gephi::is_gephi_folder(path) {
            return gephi::read_gephi(path, &path.join("nodes.csv"), &path.join("edges.csv"));
        }
        if let Some((elements, connections)) =
            kumu::sheets_in(path).filter(|_| !path.join("coalition.toml").exists())
        {
            return kumu::read_kumu_sheets(path, &elements, connections.as_deref());
        }
        return folder::read_folder(path);
    }
    if !path.exists() {
        return fail(Diagnostic::error(shown, "no such file or folder").with_hint(
            "give a project folder (with coalition.toml), a .json document, a source,target .csv, a network file (.net, .paj, .gml, .graphml, .gexf, .dl), sender receiver .txt arc lists or the worksheet workbook (.xlsx, .ods)",
        ));
    }
    let extension = from
        .or_else(|| path.extension().and_then(|e| e.to_str()))
        .unwrap_or("")
        .trim_start_matches('.')
        .to_ascii_lowercase();
    match extension.as_str() {
        "json" if kumu::is_blueprint(path) => kumu::read_kumu(path),
        "json" => json::read_json(path),
        "csv" => edge_list::read_edge_list(path),
        "net" | "paj" => pajek::read_pajek(path),
        "gml" => gml::read_gml(path),
        "graphml" => graphml::read_graphml(path),
        "gexf" => gexf::read_gexf(path),
        "dl" | "dat" => dl::read_dl(path),
        "txt" | "edges" => {
            arc_lists::read_arc_lists(path, &[path.to_path_buf()], reading.directed)
        }
        "xlsx" | "xlsm" | "xls" | "ods" if kumu::is_kumu_workbook(path) => {
            kumu::read_kumu_workbook(path)
        }
        "kumu-xlsx" => kumu::read_kumu_workbook(path),
        "xlsx" | "xlsm" | "xls" | "ods" => workbook::read_workbook(path),
        "toml" if path.file_name().is_some_and(|n| n == "coalition.toml") => {
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            folder::read_folder(folder)
        }
        _ if from.is_some() => fail(Diagnostic::error(shown, format!("--from {extension}: not a format partnermap reads")).with_hint(
            "give one of: json, csv, net, paj, gml, graphml, gexf, dl, dat, txt, edges, xlsx, ods, kumu-xlsx",
        )),
        _ => fail(Diagnostic::error(shown, "not a format partnermap reads").with_hint(
            "give a project folder (with coalition.toml), a .json document, a source,target .csv, a network file (.net, .paj, .gml, .graphml, .gexf, .dl), sender receiver .txt arc lists or the worksheet workbook (.xlsx, .ods)",
        )),
    }
}

/// Loads one network from several files: arc lists (`.txt`, one relation a file), or the two
/// tables of Gephi (nodes, edges) or Kumu (elements, connections) given as files, read as a
/// folder holding just them would be; a single path as [`load_as`] reads it.
///
/// A two-mode network (Pajek's `*Vertices N M`, UCINET's `nr= nc=`) needs `second_mode`: its
/// first mode is read as organizations, its second as priority terms of that kind, each tie an
/// organization providing a term (docs/formats/pajek.md); without it, it is an error that says so.
pub fn load_paths(paths: &[PathBuf], reading: Reading) -> Result<Loaded, LoadError> {
    let read = match paths {
        [one] => read_path(one, reading),
        _ => several::read_several(paths, reading),
    };
    finish(two_mode::read_second_mode(read, reading.second_mode))
}

/// Reads a directory (`.csv`, `.xlsx`, `.ods`) with its own columns and words through a
/// mapping file (docs/start.md), as validated organizations.
pub fn import(directory: &Path, mapping: &Path) -> Result<Loaded, LoadError> {
    finish(import::read_import(directory, mapping))
}

/// A starting mapping file for a directory: a guess of the field each column holds, and the
/// closest term for every word of its list columns (commented where the match is weak).
pub fn suggest_mapping(directory: &Path) -> Result<String, LoadError> {
    let mut diagnostics = Vec::new();
    match import::read_directory(directory, &mut diagnostics) {
        Some(table) => Ok(mapping::suggest(&table)),
        None => Err(LoadError { diagnostics }),
    }
}

/// Parses a canonical JSON document held in memory; `file` names it in messages.
pub fn from_json_str(file: &str, text: &str) -> Result<Loaded, LoadError> {
    finish(json::parse_json(file, text))
}

/// What a reader made of its input: the coalition as written (`None` when nothing usable was
/// read), where each part came from, and the problems found so far.
struct Read {
    coalition: Option<Coalition>,
    origins: Origins,
    diagnostics: Vec<Diagnostic>,
    /// For a two-mode network, whether each organization is a vertex of the second mode.
    second_mode: Option<Vec<bool>>,
}

impl Read {
    /// A read that produced no coalition.
    fn failed(origins: Origins, diagnostics: Vec<Diagnostic>) -> Read {
        Read {
            second_mode: None,
            coalition: None,
            origins,
            diagnostics,
        }
    }
}

fn finish(read: Read) -> Result<Loaded, LoadError> {
    let Read {
        coalition,
        origins,
        mut diagnostics,
        ..
    } = read;
    let step = crate::progress::step("checking names, terms and partnerships", 0);
    let coalition =
        coalition.map(|coalition| validate::validate(coalition, &origins, &mut diagnostics));
    drop(step);
    // Errors first, then in reading order: coalition.toml, organizations.csv, partnerships.csv
    // (a workbook's sheets by name: Part 1, Partnerships, Table 1 to 4).
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.file, &a.sheet, a.line).cmp(&(b.severity, &b.file, &b.sheet, b.line))
    });
    match coalition {
        Some(coalition) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            coalition,
            warnings: diagnostics,
        }),
        _ => Err(LoadError { diagnostics }),
    }
}

/// The longest line a file may have. Far above any line people or tools write (a 1 MB name
/// fits), it keeps a file that is one endless line (a 2 GB dump with no newline, `/dev/zero`)
/// from being read into memory whole.
const LONGEST_LINE: u64 = 64 << 20;

/// The bytes of a file, line by line, stopping at a line longer than [`LONGEST_LINE`] (`Ok(Err`
/// with its 1-based number).
fn read_lines_bounded(path: &Path) -> std::io::Result<Result<Vec<u8>, usize>> {
    use std::io::{BufRead, Read};
    let file = std::fs::File::open(path)?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut bytes = Vec::with_capacity(size.min(LONGEST_LINE) as usize);
    let mut reader = std::io::BufReader::new(file);
    let mut line = 0;
    loop {
        line += 1;
        let read = reader
            .by_ref()
            .take(LONGEST_LINE + 1)
            .read_until(b'\n', &mut bytes)?;
        if read == 0 {
            return Ok(Ok(bytes));
        }
        if read as u64 > LONGEST_LINE {
            return Ok(Err(line));
        }
    }
}

/// The text of a file, without a leading byte-order mark; `None`, with the problem reported,
/// when it cannot be read, has a line too long to be text, or is not UTF-8.
fn read_text(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    match read_lines_bounded(path) {
        Ok(Err(line)) => {
            diagnostics.push(
                Diagnostic::error(
                    path.display().to_string(),
                    format!("line {line} is longer than {} MiB", LONGEST_LINE >> 20),
                )
                .at_line(Some(line))
                .with_hint("this is not a text file partnermap reads: give the folder, .csv, .json or network file itself"),
            );
            None
        }
        Ok(Ok(bytes)) => match String::from_utf8(bytes) {
            Ok(text) => Some(
                text.strip_prefix('\u{feff}')
                    .map(str::to_string)
                    .unwrap_or(text),
            ),
            Err(e) => {
                let line = line_of(e.as_bytes(), e.utf8_error().valid_up_to());
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

/// The 1-based line of a byte offset.
fn line_of(text: &[u8], offset: usize) -> usize {
    text[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::testing::{error, folder};
    use super::*;

    const HINT: &str =
        "give a project folder (with coalition.toml), a .json document, a source,target .csv, a network file (.net, .paj, .gml, .graphml, .gexf, .dl), sender receiver .txt arc lists or the worksheet workbook (.xlsx, .ods)";

    #[test]
    fn a_missing_path_or_an_unknown_format_is_one_error() {
        let dir = folder(&[("notes.docx", "hi")]);
        let missing = dir.path().join("nowhere.json");
        let err = load(&missing).unwrap_err();
        assert_eq!(
            err.diagnostics,
            [
                Diagnostic::error(missing.display().to_string(), "no such file or folder")
                    .with_hint(HINT)
            ]
        );
        let notes = dir.path().join("notes.docx");
        let err = load(&notes).unwrap_err();
        assert_eq!(
            err.diagnostics,
            [
                Diagnostic::error(notes.display().to_string(), "not a format partnermap reads")
                    .with_hint(HINT)
            ]
        );
    }

    #[test]
    fn coalition_toml_stands_for_its_folder() {
        let dir = folder(&[
            ("coalition.toml", "name = \"Demo\"\nconvener = \"a\"\n"),
            ("organizations.csv", "id,name,type\na,A,bank\nb,B,AJC\n"),
            ("partnerships.csv", "source,target\na,b\n"),
        ]);
        let by_file = load(&dir.path().join("coalition.toml")).unwrap();
        let by_folder = load(dir.path()).unwrap();
        assert_eq!(by_file.coalition, by_folder.coalition);
        assert_eq!(by_file.coalition.convener.as_deref(), Some("a"));
        assert!(by_file.warnings.is_empty());
    }

    #[test]
    fn errors_come_first_then_files_and_lines_in_order() {
        let dir = folder(&[
            ("coalition.toml", "name = \"Demo\"\n"),
            (
                "organizations.csv",
                "id,name,type\na,A,bank\nb,B,AJC\nc,C,bnak\n",
            ),
            ("partnerships.csv", "source,target\na,b\na,b\nb,zz\n"),
        ]);
        let err = load(dir.path()).unwrap_err();
        let shown: Vec<(bool, &str, Option<usize>)> = err
            .diagnostics
            .iter()
            .map(|d| (d.is_error(), d.file.rsplit('/').next().unwrap(), d.line))
            .collect();
        assert_eq!(
            shown,
            [
                (true, "organizations.csv", Some(4)),
                (true, "partnerships.csv", Some(4)),
                (false, "coalition.toml", None),
                (false, "partnerships.csv", Some(3)),
            ]
        );
    }

    #[test]
    fn read_text_drops_a_byte_order_mark_and_reports_non_utf8_lines() {
        let dir = folder(&[("bom.csv", "\u{feff}source,target\n")]);
        let mut diagnostics = Vec::new();
        let text = read_text(&dir.path().join("bom.csv"), &mut diagnostics);
        assert_eq!(text.as_deref(), Some("source,target\n"));
        let latin1 = dir.path().join("latin1.csv");
        std::fs::write(&latin1, b"id,name,type\nx,Caf\xe9,bank\n").unwrap();
        assert_eq!(read_text(&latin1, &mut diagnostics), None);
        let gone = dir.path().join("gone.csv");
        assert_eq!(read_text(&gone, &mut diagnostics), None);
        assert_eq!(diagnostics.len(), 2);
        assert_eq!(
            diagnostics[0],
            error(
                &latin1.display().to_string(),
                Some(2),
                None,
                "the file is not UTF-8 text",
                Some("save it as \"CSV UTF-8\" (or UTF-8 text) and try again"),
            )
        );
        assert!(diagnostics[1].message.starts_with("cannot read: "));
        assert_eq!(diagnostics[1].file, gone.display().to_string());
    }
}
