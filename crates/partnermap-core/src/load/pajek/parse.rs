//! Parsing a Pajek file into its networks, ties and values as written, before any of it
//! becomes organizations.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Partition,
    Vector,
}

impl Kind {
    pub(super) fn word(self) -> &'static str {
        match self {
            Kind::Partition => "partition",
            Kind::Vector => "vector",
        }
    }
}

/// One `*Network` (or the only one) as written.
#[derive(Debug, Default)]
pub(super) struct Net {
    pub(super) name: Option<String>,
    pub(super) count: usize,
    /// The size of the first mode of a two-mode network.
    pub(super) first_mode: Option<usize>,
    /// Each vertex's label and line, when it was listed.
    pub(super) labels: Vec<Option<(String, usize)>>,
    pub(super) ties: Vec<RawTie>,
}

#[derive(Debug)]
pub(super) struct RawTie {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) directed: bool,
    pub(super) weight: Option<f64>,
    pub(super) relation: Option<String>,
    pub(super) line: usize,
}

/// A `*Partition` or `*Vector` as written.
#[derive(Debug)]
pub(super) struct Values {
    pub(super) kind: Kind,
    pub(super) name: String,
    /// The network it describes: the one before it in the file (the first when none is).
    pub(super) network: Option<usize>,
    pub(super) declared: Option<usize>,
    pub(super) line: usize,
    pub(super) values: Vec<String>,
    /// `1 - GOV` lines after the values: what each value stands for.
    pub(super) legend: HashMap<String, String>,
}

#[derive(Debug, Default)]
pub(super) struct Project {
    pub(super) networks: Vec<Net>,
    pub(super) values: Vec<Values>,
}

/// Where the reader is.
#[derive(Debug, Clone)]
enum Section {
    /// Before any section.
    Start,
    /// Listing a network's vertices.
    Vertices,
    /// Ties, one per line (`list`: a vertex then every vertex it is tied to).
    Ties {
        directed: bool,
        list: bool,
        relation: Option<String>,
    },
    /// A matrix: how many values have been read so far.
    Matrix {
        relation: Option<String>,
        read: usize,
        line: usize,
    },
    /// A partition or vector whose `*Vertices` line is still to come.
    ValuesHeader,
    /// A partition's or vector's values.
    Values,
    /// A section that is not read, or one whose header was wrong.
    Skip,
}

/// A token of a line: a double-quoted string or a run of non-space characters.
struct Token<'a> {
    text: &'a str,
    quoted: bool,
}

fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = line.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            out.push(Token {
                text: &after[..end],
                quoted: true,
            });
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(Token {
                text: &rest[..end],
                quoted: false,
            });
            rest = &rest[end..];
        }
        rest = rest.trim_start();
    }
    out
}

/// The relation of a `*Edges :2 "name"` header: the name, or the number when there is none.
fn relation_of(rest: &[Token]) -> Option<String> {
    let number = rest.first()?.text.strip_prefix(':')?;
    match rest.get(1) {
        Some(name) if !name.text.trim().is_empty() => Some(name.text.trim().to_string()),
        _ => Some(number.to_string()),
    }
}

/// Parses a Pajek file into its networks and values; `implicit` makes a leading `*Vertices` a
/// partition or vector with that name (a `.clu` or `.vec` file).
pub(super) fn parse(
    file: &str,
    text: &str,
    implicit: Option<(Kind, String)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Project {
    let mut project = Project::default();
    let mut section = Section::Start;
    let mut pending_name: Option<String> = None;
    let mut implicit_open = implicit.is_some();
    if let Some((kind, name)) = implicit {
        project.values.push(Values {
            kind,
            name,
            network: None,
            declared: None,
            line: 1,
            values: Vec::new(),
            legend: HashMap::new(),
        });
        section = Section::ValuesHeader;
    }
    let error = |line: usize, message: String, hint: &str| {
        Diagnostic::error(file, message)
            .at_line(Some(line))
            .with_hint(hint)
    };
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('%') {
            continue;
        }
        if trimmed.starts_with('*') {
            let toks = tokens(trimmed);
            let keyword = toks[0].text.to_ascii_lowercase();
            let awaited = matches!(section, Section::ValuesHeader);
            if awaited && keyword != "*vertices" && implicit_open {
                // A .clu or .vec that starts with its own *Partition or *Vector line.
                project.values.pop();
            } else if !(awaited && keyword == "*vertices") {
                close(&mut project, &section, file, diagnostics);
            }
            implicit_open = false;
            let rest_text = trimmed[toks[0].text.len()..].trim();
            section = match keyword.as_str() {
                "*network" => {
                    pending_name = Some(rest_text.to_string());
                    Section::Start
                }
                "*vertices" => {
                    let header = vertices_header(&toks[1..], text.len());
                    match (header, &section) {
                        (Err(message), _) => {
                            diagnostics.push(error(line, message.0, &message.1));
                            Section::Skip
                        }
                        (Ok((count, _)), Section::ValuesHeader) => {
                            if let Some(values) = project.values.last_mut() {
                                values.declared = Some(count);
                                values.line = line;
                            }
                            Section::Values
                        }
                        (Ok((count, first_mode)), _) => {
                            project.networks.push(Net {
                                name: pending_name.take(),
                                count,
                                first_mode,
                                labels: vec![None; count],
                                ties: Vec::new(),
                            });
                            Section::Vertices
                        }
                    }
                }
                "*edges" | "*arcs" | "*edgeslist" | "*arcslist" | "*matrix" => {
                    if project.networks.is_empty() {
                        diagnostics.push(error(
                            line,
                            format!("{} comes before any *Vertices", toks[0].text),
                            "start the network with *Vertices N and its vertices",
                        ));
                        Section::Skip
                    } else if keyword == "*matrix" {
                        Section::Matrix {
                            relation: relation_of(&toks[1..]),
                            read: 0,
                            line,
                        }
                    } else {
                        Section::Ties {
                            directed: keyword.starts_with("*arcs"),
                            list: keyword.ends_with("list"),
                            relation: relation_of(&toks[1..]),
                        }
                    }
                }
                "*partition" | "*vector" => {
                    let kind = if keyword == "*partition" {
                        Kind::Partition
                    } else {
                        Kind::Vector
                    };
                    project.values.push(Values {
                        kind,
                        name: rest_text.to_string(),
                        network: project.networks.len().checked_sub(1),
                        declared: None,
                        line,
                        values: Vec::new(),
                        legend: HashMap::new(),
                    });
                    Section::ValuesHeader
                }
                _ => {
                    diagnostics.push(
                        Diagnostic::warning(
                            file,
                            format!("the section {} is not read", toks[0].text),
                        )
                        .at_line(Some(line))
                        .with_hint("partnermap reads *Network, *Vertices, *Edges, *Arcs, *Edgeslist, *Arcslist, *Matrix, *Partition and *Vector"),
                    );
                    Section::Skip
                }
            };
            continue;
        }
        let toks = tokens(trimmed);
        match &mut section {
            Section::Start | Section::ValuesHeader => diagnostics.push(error(
                line,
                "a line outside any section".to_string(),
                "a Pajek network starts with *Vertices N; values belong after a *Vertices line",
            )),
            Section::Skip => {}
            Section::Vertices => {
                let net = project.networks.last_mut().expect("a vertices section");
                match vertex_number(toks[0].text, net.count) {
                    Err(message) => diagnostics.push(error(line, message, VERTEX_HINT)),
                    Ok(v) => match &net.labels[v] {
                        Some((_, first)) => diagnostics.push(error(
                            line,
                            format!("vertex {} is listed twice (first on line {first})", v + 1),
                            "list each vertex once",
                        )),
                        None => {
                            let label = toks
                                .get(1)
                                .map(|t| t.text.trim().to_string())
                                .filter(|l| !l.is_empty())
                                .unwrap_or_else(|| default_label(v));
                            net.labels[v] = Some((label, line));
                        }
                    },
                }
            }
            Section::Ties {
                directed,
                list,
                relation,
            } => {
                let net = project.networks.last_mut().expect("a ties section");
                let ends: Vec<Result<usize, String>> = if *list {
                    toks.iter()
                        .map(|t| vertex_number(t.text, net.count))
                        .collect()
                } else {
                    toks.iter()
                        .take(2)
                        .map(|t| vertex_number(t.text, net.count))
                        .collect()
                };
                if ends.len() < 2 {
                    diagnostics.push(error(
                        line,
                        "a tie needs two vertex numbers".to_string(),
                        if *list {
                            "write a vertex number, then the numbers of the vertices it is tied to"
                        } else {
                            "write the two vertex numbers, then an optional weight: 1 2 1.5"
                        },
                    ));
                    continue;
                }
                let mut weight = None;
                if !*list {
                    if let Some(w) = toks.get(2).filter(|t| !t.quoted) {
                        if w.text.parse::<f64>().is_ok() {
                            match parse_weight(w.text) {
                                Ok(w) => weight = Some(w),
                                Err(message) => {
                                    diagnostics.push(error(line, message, WEIGHT_HINT));
                                    continue;
                                }
                            }
                        }
                    }
                }
                let mut good = Vec::with_capacity(ends.len());
                for end in ends {
                    match end {
                        Ok(v) => good.push(v),
                        Err(message) => diagnostics.push(error(line, message, VERTEX_HINT)),
                    }
                }
                if good.len() < toks.len().min(if *list { usize::MAX } else { 2 }) {
                    continue;
                }
                let a = good[0];
                for &b in &good[1..] {
                    net.ties.push(RawTie {
                        a,
                        b,
                        directed: *directed,
                        weight,
                        relation: relation.clone(),
                        line,
                    });
                }
            }
            Section::Matrix {
                relation,
                read,
                line: start,
            } => {
                let net = project.networks.last_mut().expect("a matrix section");
                let (rows, columns) = matrix_shape(net);
                for token in &toks {
                    if *read >= rows.saturating_mul(columns) {
                        diagnostics.push(error(
                            line,
                            format!(
                                "the matrix (from line {start}) has more than {rows} × {columns} values"
                            ),
                            MATRIX_HINT,
                        ));
                        break;
                    }
                    let (row, column) = (*read / columns, *read % columns);
                    *read += 1;
                    let value = match token.text.parse::<f64>() {
                        Ok(0.0) => continue,
                        Ok(_) => parse_weight(token.text),
                        Err(_) => Err(format!("\"{}\" is not a number", token.text)),
                    };
                    match value {
                        Err(message) => diagnostics.push(error(line, message, MATRIX_HINT)),
                        Ok(w) => {
                            let (b, directed) = match net.first_mode {
                                Some(first) => (first + column, false),
                                None => (column, true),
                            };
                            net.ties.push(RawTie {
                                a: row,
                                b,
                                directed,
                                weight: (w != 1.0).then_some(w),
                                relation: relation.clone(),
                                line,
                            });
                        }
                    }
                }
            }
            Section::Values => {
                let values = project.values.last_mut().expect("a values section");
                let declared = values.declared.unwrap_or(0);
                if values.values.len() < declared {
                    let value = toks[0].text;
                    let fits = match values.kind {
                        Kind::Partition => value.parse::<i64>().is_ok(),
                        Kind::Vector => value.parse::<f64>().is_ok_and(f64::is_finite),
                    };
                    if !fits {
                        diagnostics.push(error(
                            line,
                            format!(
                                "the {} value \"{value}\" is not {}",
                                values.kind.word(),
                                match values.kind {
                                    Kind::Partition => "a whole number",
                                    Kind::Vector => "a number",
                                }
                            ),
                            "write one value per vertex, in vertex order",
                        ));
                    }
                    values.values.push(value.to_string());
                } else if let [number, dash, ..] = toks.as_slice() {
                    if dash.text == "-" && number.text.parse::<i64>().is_ok() {
                        let name = trimmed
                            .split_once(" - ")
                            .map(|(_, n)| n.trim())
                            .unwrap_or("");
                        values
                            .legend
                            .insert(number.text.to_string(), name.to_string());
                    } else {
                        diagnostics.push(extra_value(file, line, declared));
                    }
                } else {
                    diagnostics.push(extra_value(file, line, declared));
                }
            }
        }
    }
    close(&mut project, &section, file, diagnostics);
    project
}

pub(super) const VERTEX_HINT: &str = "vertices are numbered from 1 to the N of *Vertices N";
pub(super) const MATRIX_HINT: &str =
    "a matrix has one row per vertex (per first-mode vertex in a two-mode network), 0 for no tie";

fn extra_value(file: &str, line: usize, declared: usize) -> Diagnostic {
    Diagnostic::error(
        file,
        format!("more values than the {declared} of *Vertices"),
    )
    .at_line(Some(line))
    .with_hint("write one value per vertex, or correct the *Vertices count")
}

/// Reports a matrix that ended short.
fn close(project: &mut Project, section: &Section, file: &str, diagnostics: &mut Vec<Diagnostic>) {
    match section {
        Section::Matrix { read, line, .. } => {
            if let Some(net) = project.networks.last() {
                let (rows, columns) = matrix_shape(net);
                if *read < rows.saturating_mul(columns) {
                    diagnostics.push(
                        Diagnostic::error(
                            file,
                            format!(
                                "the matrix has {read} values where {rows} × {columns} = {} were expected",
                                rows.saturating_mul(columns)
                            ),
                        )
                        .at_line(Some(*line))
                        .with_hint(MATRIX_HINT),
                    );
                }
            }
        }
        Section::Values => {
            if let Some(values) = project.values.last() {
                let declared = values.declared.unwrap_or(0);
                if values.values.len() < declared {
                    diagnostics.push(
                        Diagnostic::error(
                            file,
                            format!(
                                "the {} \"{}\" has {} values for *Vertices {declared}",
                                values.kind.word(),
                                values.name,
                                values.values.len()
                            ),
                        )
                        .at_line(Some(values.line))
                        .with_hint("write one value per vertex, in vertex order"),
                    );
                }
            }
        }
        Section::ValuesHeader => {
            if let Some(values) = project.values.last() {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        format!(
                            "the {} \"{}\" has no *Vertices line",
                            values.kind.word(),
                            values.name
                        ),
                    )
                    .at_line(Some(values.line))
                    .with_hint("follow it with *Vertices N and one value per vertex"),
                );
            }
        }
        _ => {}
    }
}

/// Rows and columns of a network's matrix: square, or first mode × second mode.
fn matrix_shape(net: &Net) -> (usize, usize) {
    match net.first_mode {
        Some(first) => (first, net.count - first),
        None => (net.count, net.count),
    }
}

/// The label of a vertex the file does not name: `v1`, `v2`, … as Pajek shows them.
pub(super) fn default_label(v: usize) -> String {
    format!("v{}", v + 1)
}

/// A 1-based vertex number as a 0-based index, or the error's message.
fn vertex_number(text: &str, count: usize) -> Result<usize, String> {
    match text.parse::<u64>() {
        Ok(n) if n >= 1 && n <= count as u64 => Ok(n as usize - 1),
        Ok(_) => Err(format!("vertex {text} is not one of the {count} vertices")),
        Err(_) => Err(format!("\"{text}\" is not a vertex number")),
    }
}

/// `N` or `N M` after `*Vertices`, checked against the file's size.
fn vertices_header(
    rest: &[Token],
    text_len: usize,
) -> Result<(usize, Option<usize>), (String, String)> {
    let hint = || {
        "write *Vertices N, or *Vertices N M for a two-mode network whose first M vertices are the first mode".to_string()
    };
    let number = |t: &Token| t.text.parse::<u64>().ok();
    let Some(declared) = rest.first().and_then(number) else {
        return Err(("*Vertices needs the number of vertices".to_string(), hint()));
    };
    let Some(count) = vertex_count_fits(declared, text_len) else {
        return Err((
            format!("*Vertices {declared} is more vertices than this file can describe"),
            too_many_vertices_hint(text_len),
        ));
    };
    match rest.get(1) {
        None => Ok((count, None)),
        Some(t) => match number(t) {
            Some(first) if first <= declared => Ok((count, Some(first as usize))),
            _ => Err((
                format!(
                    "the first mode of *Vertices {declared} {} is not a number from 0 to {declared}",
                    t.text
                ),
                hint(),
            )),
        },
    }
}
