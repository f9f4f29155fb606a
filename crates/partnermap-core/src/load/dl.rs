//! UCINET files: DL (`dl n=10 nm=2`, `format = fullmatrix | edgelist1 | nodelist1`, `labels:`,
//! `row labels:` / `column labels:`, `labels embedded`, `matrix labels:` / `level labels:`) and
//! the older UCINET IV files of `^Z`-ended blocks (a name line, a `4 , 10 , 10 ,N,NB` header, a
//! label line, the rows), whose attribute table (`ID,SECTOR,RATING`) becomes organization
//! attributes. Each matrix is a relation; a Pajek partition or vector beside the file adds
//! attributes. docs/formats/ucinet-dl.md says what maps to what.

use super::network::{
    parse_weight, too_many_vertices_hint, vertex_count_fits, Network, Tie, WEIGHT_HINT,
};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

mod old;
use old::{old_header, read_old};

/// Reads a `.dl` or `.dat` file, and the Pajek `.clu` and `.vec` that describe its network
/// (`KnokSec.clu` beside `KnokBur.DAT`), as Pajek's reader finds them.
pub(super) fn read_dl(path: &Path) -> Read {
    let mut network = Network::new(path);
    let Some(text) = read_text(path, &mut network.diagnostics) else {
        return Read::failed(network.origins, network.diagnostics);
    };
    let starts_dl = text
        .trim_start()
        .get(..2)
        .is_some_and(|s| s.eq_ignore_ascii_case("dl"))
        && text
            .trim_start()
            .chars()
            .nth(2)
            .is_none_or(|c| c.is_whitespace() || c == ',');
    if starts_dl {
        read_dl_text(&text, &mut network);
    } else if text.contains('\u{1a}') || old_header(text.lines().map(str::trim)).is_some() {
        read_old(&text, &mut network);
    } else {
        let file = network.file.clone();
        network.diagnostics.push(
            Diagnostic::error(&file, "not a UCINET file: it does not start with DL")
                .at_line(Some(1))
                .with_hint("a UCINET DL file starts: dl n=10 format=fullmatrix"),
        );
        return Read::failed(network.origins, network.diagnostics);
    }
    let vertices: Vec<usize> = (0..network.coalition.organizations.len()).collect();
    super::pajek::read_companions(path, &[vertices], &mut network);
    network.finish()
}

/// One matrix as read: its name and its non-zero cells (row, column, value, line).
#[derive(Debug, Default)]
struct Matrix {
    name: Option<String>,
    cells: Vec<(usize, usize, f64, usize)>,
}

/// Adds the matrices' ties: a square matrix that is symmetric gives undirected ties (each pair
/// once), any other square one directed ties row → column; a two-mode matrix (rows are the
/// first `rows` organizations, columns the ones after them) gives undirected ties. The
/// diagonal is left out. A value of 1 is a tie; other values are also its weight.
fn add_ties(
    matrices: Vec<Matrix>,
    rows: &[usize],
    columns: &[usize],
    two_mode: bool,
    network: &mut Network,
) {
    let named = matrices.len() > 1 || matrices.iter().any(|m| m.name.is_some());
    for (k, matrix) in matrices.into_iter().enumerate() {
        let relation = named.then(|| {
            matrix
                .name
                .clone()
                .unwrap_or_else(|| format!("matrix {}", k + 1))
        });
        let cells: HashMap<(usize, usize), f64> = matrix
            .cells
            .iter()
            .map(|&(i, j, v, _)| ((i, j), v))
            .collect();
        let symmetric = !two_mode
            && matrix
                .cells
                .iter()
                .all(|&(i, j, v, _)| cells.get(&(j, i)) == Some(&v));
        for (i, j, value, line) in matrix.cells {
            let (source, target) = (rows[i], columns[j]);
            if !two_mode && (i == j || (symmetric && i > j)) {
                continue;
            }
            network.add_tie(Tie {
                source,
                target,
                directed: !two_mode && !symmetric,
                weight: (value != 1.0).then_some(value),
                relation: relation.clone(),
                attributes: Default::default(),
                line: Some(line),
            });
        }
    }
}

/// A matrix cell as written: `Ok(None)` for 0, the value when positive, else the message.
fn cell(text: &str) -> Result<Option<f64>, String> {
    match text.parse::<f64>() {
        Ok(0.0) => Ok(None),
        Ok(_) => parse_weight(text).map(Some),
        Err(_) => Err(format!("\"{text}\" is not a number")),
    }
}

const MATRIX_HINT: &str = "write one number per cell, 0 for no tie";

/// The hint for a cell's message: a negative number needs the weight hint.
fn cell_hint(message: &str) -> &'static str {
    if message.starts_with("weight") {
        WEIGHT_HINT
    } else {
        MATRIX_HINT
    }
}

// ---------------------------------------------------------------------------------------------
// DL

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    FullMatrix,
    EdgeList,
    NodeList,
}

/// What the header says.
#[derive(Debug, Default)]
struct Header {
    n: Option<u64>,
    nr: Option<u64>,
    nc: Option<u64>,
    nm: Option<u64>,
    format: Option<Format>,
    embedded: bool,
    labels: Vec<String>,
    row_labels: Vec<String>,
    column_labels: Vec<String>,
    matrix_labels: Vec<String>,
}

/// The label block a header line opens, and what follows its colon.
fn label_block(lower: &str) -> Option<(&'static str, usize)> {
    for (prefix, block) in [
        ("row labels", "row"),
        ("column labels", "column"),
        ("col labels", "column"),
        ("matrix labels", "matrix"),
        ("level labels", "matrix"),
        ("labels", "labels"),
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix(':') {
                return Some((block, lower.len() - after.len()));
            }
        }
    }
    None
}

/// Labels written in a block: separated by commas or line ends (or by spaces when no comma
/// or line end separates them), quotes removed.
fn split_labels(block: &str) -> Vec<String> {
    let pieces: Vec<&str> = block
        .split([',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let spaced = pieces.len() == 1 && !block.contains(',');
    let pieces: Vec<&str> = if spaced {
        pieces[0].split_whitespace().collect()
    } else {
        pieces
    };
    pieces
        .into_iter()
        .map(|p| p.trim_matches('"').trim().to_string())
        .collect()
}

fn read_dl_text(text: &str, network: &mut Network) {
    let file = network.file.clone();
    let error = |line: usize, message: String, hint: &str| {
        Diagnostic::error(&file, message)
            .at_line(Some(line))
            .with_hint(hint)
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut header = Header::default();
    let mut block: Option<(&str, String)> = None;
    let mut data_start = None;
    let flush = |block: &mut Option<(&str, String)>, header: &mut Header| {
        if let Some((kind, text)) = block.take() {
            let labels = split_labels(&text);
            match kind {
                "row" => header.row_labels = labels,
                "column" => header.column_labels = labels,
                "matrix" => header.matrix_labels = labels,
                _ => header.labels = labels,
            }
        }
    };
    for (i, raw) in lines.iter().enumerate() {
        let line = raw.trim();
        let lower = line.to_ascii_lowercase();
        if let Some(at) = lower.find("data:").filter(|&at| at == 0 || block.is_none()) {
            let before = &line[..at];
            if at > 0 {
                header_words(before, &mut header, i + 1, &mut network.diagnostics, &file);
            }
            flush(&mut block, &mut header);
            data_start = Some((i, at + 5));
            break;
        }
        if let Some((kind, after)) = label_block(&lower) {
            flush(&mut block, &mut header);
            block = Some((kind, line[after..].to_string()));
            continue;
        }
        let is_header_line = lower.starts_with("dl")
            || lower.starts_with("n=")
            || lower.starts_with("n ")
            || lower.starts_with("nr")
            || lower.starts_with("nc")
            || lower.starts_with("nm")
            || lower.starts_with("format")
            || lower.starts_with("diagonal")
            || lower.contains("embedded");
        match &mut block {
            Some((_, text)) if !is_header_line => {
                text.push('\n');
                text.push_str(line);
            }
            _ => {
                flush(&mut block, &mut header);
                header_words(line, &mut header, i + 1, &mut network.diagnostics, &file);
            }
        }
    }
    flush(&mut block, &mut header);
    let Some((data_line, data_column)) = data_start else {
        network.diagnostics.push(error(
            lines.len().max(1),
            "the file has no data: line".to_string(),
            "after the header and labels, write data: and then the matrix or the ties",
        ));
        return;
    };
    let fits = |n: Option<u64>, what: &str, diagnostics: &mut Vec<Diagnostic>| -> Option<usize> {
        let n = n?;
        match vertex_count_fits(n, text.len()) {
            Some(n) => Some(n),
            None => {
                diagnostics.push(error(
                    1,
                    format!("{what}={n} is more than this file can describe"),
                    &too_many_vertices_hint(text.len()),
                ));
                None
            }
        }
    };
    let n = fits(header.n, "n", &mut network.diagnostics);
    let nr = fits(header.nr, "nr", &mut network.diagnostics);
    let nc = fits(header.nc, "nc", &mut network.diagnostics);
    let nm = header.nm.unwrap_or(1);
    if header.n.is_some() && n.is_none()
        || header.nr.is_some() && nr.is_none()
        || header.nc.is_some() && nc.is_none()
    {
        return;
    }
    let format = header.format.unwrap_or(Format::FullMatrix);
    let (rows, columns) = match (n, nr, nc) {
        (Some(n), None, None) => (n, n),
        (_, Some(r), Some(c)) => (r, c),
        _ => {
            network.diagnostics.push(error(
                1,
                "the header gives neither n nor both nr and nc".to_string(),
                "write dl n=10 (one-mode), or dl nr=18 nc=14 (two-mode)",
            ));
            return;
        }
    };
    let two_mode = n.is_none();
    if nm as u128 * rows as u128 * columns as u128 > text.len() as u128
        && format == Format::FullMatrix
        || nm > text.len() as u64
    {
        network.diagnostics.push(error(
            1,
            format!("nm={nm} matrices of {rows} × {columns} do not fit in this file"),
            "correct n, nr, nc or nm",
        ));
        return;
    }
    // Organizations: the rows, then (two-mode) the columns.
    let row_labels = if header.row_labels.is_empty() {
        &header.labels
    } else {
        &header.row_labels
    };
    let name = |labels: &[String], i: usize| {
        labels
            .get(i)
            .filter(|l| !l.is_empty())
            .cloned()
            .unwrap_or_else(|| (i + 1).to_string())
    };
    for (labels, count, what) in [
        (row_labels, rows, "labels"),
        (&header.column_labels, columns, "column labels"),
    ] {
        if labels.len() > count {
            network.diagnostics.push(error(
                1,
                format!(
                    "there are {} {what} for {count} rows or columns",
                    labels.len()
                ),
                "give one label per row (and per column in a two-mode file)",
            ));
        }
    }
    let embedded = header.embedded;
    let row_orgs: Vec<usize> = if embedded {
        Vec::new()
    } else {
        (0..rows)
            .map(|i| {
                let org = network.add_organization(&name(row_labels, i), None);
                if two_mode {
                    network.set_mode(org, false);
                }
                org
            })
            .collect()
    };
    let column_orgs: Vec<usize> = if !two_mode || embedded {
        row_orgs.clone()
    } else {
        (0..columns)
            .map(|j| {
                let org = network.add_organization(&name(&header.column_labels, j), None);
                network.set_mode(org, true);
                org
            })
            .collect()
    };
    // The data, as tokens with their lines.
    let mut tokens: Vec<(&str, usize)> = Vec::new();
    let mut data_lines: Vec<(usize, &str)> = Vec::new();
    for (i, raw) in lines.iter().enumerate().skip(data_line) {
        let text = if i == data_line {
            raw.trim().get(data_column..).unwrap_or("")
        } else {
            raw
        };
        data_lines.push((i + 1, text));
        tokens.extend(
            text.split(|c: char| c.is_whitespace() || c == ',')
                .filter(|t| !t.is_empty())
                .map(|t| (t, i + 1)),
        );
    }
    let matrix_name = |k: usize| header.matrix_labels.get(k).cloned();
    match format {
        Format::FullMatrix => {
            if embedded {
                network.diagnostics.push(error(
                    data_line + 1,
                    "labels embedded in a full matrix are not read".to_string(),
                    "give the labels in a labels: block before data:, or use format = edgelist1",
                ));
                return;
            }
            let mut matrices = Vec::new();
            let mut at = 0;
            for k in 0..nm as usize {
                let mut matrix = Matrix {
                    name: matrix_name(k),
                    cells: Vec::new(),
                };
                for i in 0..rows {
                    for j in 0..columns {
                        let Some(&(token, line)) = tokens.get(at) else {
                            network.diagnostics.push(error(
                                tokens.last().map_or(data_line + 1, |t| t.1),
                                format!(
                                    "the data end after {at} values, where {nm} matrices of {rows} × {columns} need {}",
                                    nm as usize * rows * columns
                                ),
                                MATRIX_HINT,
                            ));
                            return;
                        };
                        at += 1;
                        match cell(token) {
                            Ok(Some(v)) => matrix.cells.push((i, j, v, line)),
                            Ok(None) => {}
                            Err(message) => network.diagnostics.push({
                                let hint = cell_hint(&message);
                                error(line, message, hint)
                            }),
                        }
                    }
                }
                matrices.push(matrix);
            }
            if let Some(&(_, line)) = tokens.get(at) {
                network.diagnostics.push(error(
                    line,
                    format!("more values than {nm} matrices of {rows} × {columns}"),
                    "correct n (or nr, nc) and nm, or remove the extra values",
                ));
            }
            add_ties(matrices, &row_orgs, &column_orgs, two_mode, network);
        }
        Format::EdgeList | Format::NodeList => {
            // In a two-mode file the first end is a row, the others columns: the two modes may
            // share a label.
            let mut by_label: HashMap<(bool, String), usize> = HashMap::new();
            let mut embedded_orgs = Vec::new();
            let mut matrix = Matrix {
                name: matrix_name(0),
                cells: Vec::new(),
            };
            for (line, text) in data_lines {
                let words: Vec<&str> = text
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .filter(|t| !t.is_empty())
                    .collect();
                if words.is_empty() {
                    continue;
                }
                if words.len() < 2 {
                    network.diagnostics.push(error(
                        line,
                        "a tie needs two ends".to_string(),
                        "write the two ends (numbers, or labels when labels are embedded), then an optional weight",
                    ));
                    continue;
                }
                let (ends, weight) = match format {
                    Format::EdgeList => (&words[..2], words.get(2).copied()),
                    _ => (&words[..], None),
                };
                let value = match weight.map(cell) {
                    None => 1.0,
                    Some(Ok(Some(v))) => v,
                    Some(Ok(None)) => continue,
                    Some(Err(message)) => {
                        network.diagnostics.push(error(line, message, WEIGHT_HINT));
                        continue;
                    }
                };
                let mut found = Vec::with_capacity(ends.len());
                for (k, end) in ends.iter().enumerate() {
                    let end = end.trim_matches('"');
                    if embedded {
                        let column = two_mode && k > 0;
                        let key = (column, end.to_string());
                        let at = *by_label.entry(key).or_insert_with(|| {
                            let org = network.add_organization(end, Some(line));
                            if two_mode {
                                network.set_mode(org, column);
                            }
                            embedded_orgs.push(org);
                            embedded_orgs.len() - 1
                        });
                        found.push(at);
                    } else {
                        match end.parse::<usize>() {
                            Ok(v) if v >= 1 && v <= rows.max(columns) => found.push(v - 1),
                            _ => network.diagnostics.push(error(
                                line,
                                format!(
                                    "\"{end}\" is not a node number from 1 to {}",
                                    rows.max(columns)
                                ),
                                "number nodes from 1 to n, or write labels embedded in the header",
                            )),
                        }
                    }
                }
                if found.len() == ends.len() {
                    for &b in &found[1..] {
                        matrix.cells.push((found[0], b, value, line));
                    }
                }
            }
            let orgs = if embedded { &embedded_orgs } else { &row_orgs };
            let columns = if embedded || !two_mode {
                orgs
            } else {
                &column_orgs
            };
            if two_mode && !embedded {
                let (rows_n, columns_n) = (row_orgs.len(), column_orgs.len());
                matrix.cells.retain(|&(i, j, _, line)| {
                    let ok = i < rows_n && j < columns_n;
                    if !ok {
                        network.diagnostics.push(error(
                            line,
                            format!(
                                "the tie {} {} is outside {rows_n} rows × {columns_n} columns",
                                i + 1,
                                j + 1
                            ),
                            "a two-mode tie is a row number, then a column number",
                        ));
                    }
                    ok
                });
            }
            let (orgs, columns) = (orgs.clone(), columns.clone());
            add_ties(vec![matrix], &orgs, &columns, two_mode, network);
        }
    }
}

/// Reads `n=10`, `nm = 2`, `format = fullmatrix`, `labels embedded` from a header line.
fn header_words(
    line: &str,
    header: &mut Header,
    line_no: usize,
    diagnostics: &mut Vec<Diagnostic>,
    file: &str,
) {
    let spaced = line.replace('=', " = ");
    let words: Vec<String> = spaced
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        let value = (words.get(i + 1).map(String::as_str) == Some("="))
            .then(|| words.get(i + 2).cloned())
            .flatten();
        if value.is_some() {
            i += 2;
        }
        match (word, value) {
            ("n" | "nr" | "nc" | "nm", Some(v)) => match v.parse::<u64>() {
                Ok(number) => match word {
                    "n" => header.n = Some(number),
                    "nr" => header.nr = Some(number),
                    "nc" => header.nc = Some(number),
                    _ => header.nm = Some(number),
                },
                Err(_) => diagnostics.push(
                    Diagnostic::error(file, format!("{word}={v} is not a whole number"))
                        .at_line(Some(line_no))
                        .with_hint("write, for example, dl n=10 nm=2"),
                ),
            },
            ("format", Some(v)) => {
                header.format = match v.as_str() {
                    "fullmatrix" | "fm" => Some(Format::FullMatrix),
                    "edgelist1" | "el1" | "edgelist" => Some(Format::EdgeList),
                    "nodelist1" | "nl1" | "nodelist" => Some(Format::NodeList),
                    _ => {
                        diagnostics.push(
                            Diagnostic::error(file, format!("the format {v} is not read"))
                                .at_line(Some(line_no))
                                .with_hint(
                                    "partnermap reads format = fullmatrix, edgelist1 or nodelist1",
                                ),
                        );
                        None
                    }
                }
            }
            ("embedded", _) => header.embedded = true,
            _ => {}
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests;
