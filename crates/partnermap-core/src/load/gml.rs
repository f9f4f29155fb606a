//! GML as igraph and NetworkX write it: `graph [ directed 0|1 node [ id … label … ] edge
//! [ source … target … ] ]`. Nodes become organizations (their other scalar keys kept as
//! attributes), edges become partnerships (`weight` or `value` as the weight, other scalar keys
//! as attributes). docs/formats/gml.md says what maps to what.

use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::path::Path;

/// How deeply lists may nest (`graph [ node [ graphics [ … ] ] ]` needs three).
const MAX_DEPTH: usize = 32;

/// Reads a `.gml` file.
pub(super) fn read_gml(path: &Path) -> Read {
    let mut network = Network::new(path);
    let Some(text) = read_text(path, &mut network.diagnostics) else {
        return Read::failed(network.origins, network.diagnostics);
    };
    let file = network.file.clone();
    let mut parser = Parser {
        tokens: tokenize(&text),
        at: 0,
        file: &file,
        diagnostics: Vec::new(),
    };
    let top = parser.list(0, None);
    let mut diagnostics = std::mem::take(&mut parser.diagnostics);
    network.diagnostics.append(&mut diagnostics);
    let Some(graph) = top.into_iter().find_map(|(key, value, _)| match value {
        Value::List(items) if key == "graph" => Some(items),
        _ => None,
    }) else {
        network.diagnostics.push(
            Diagnostic::error(&file, "the file has no graph [ … ]").with_hint(
                "a GML file holds graph [ node [ id 0 label \"A\" ] edge [ source 0 target 1 ] ]",
            ),
        );
        return Read::failed(network.origins, network.diagnostics);
    };
    build(graph, &mut network);
    network.finish()
}

/// A value: a number or string as written, or a list of keyed values.
#[derive(Debug)]
enum Value {
    Scalar(String, bool),
    List(Vec<(String, Value, usize)>),
}

#[derive(Debug, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
}

/// The tokens of a GML text, each with its line; `#` comments are dropped.
fn tokenize(text: &str) -> Vec<(Token, usize)> {
    let mut out = Vec::new();
    let mut line = 1;
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            c if c.is_whitespace() => {}
            '#' => {
                while chars.peek().is_some_and(|&(_, c)| c != '\n') {
                    chars.next();
                }
            }
            '[' => out.push((Token::Open, line)),
            ']' => out.push((Token::Close, line)),
            '"' => {
                let first = line;
                let mut end = text.len();
                for (i, c) in chars.by_ref() {
                    if c == '"' {
                        end = i;
                        break;
                    }
                    if c == '\n' {
                        line += 1;
                    }
                }
                let inner = &text[start + 1..end.max(start + 1)];
                out.push((Token::Text(unescape(inner)), first));
            }
            _ => {
                let mut end = text.len();
                while let Some(&(i, c)) = chars.peek() {
                    if c.is_whitespace() || c == '[' || c == ']' || c == '"' {
                        end = i;
                        break;
                    }
                    chars.next();
                }
                out.push((Token::Word(text[start..end].to_string()), line));
            }
        }
    }
    out
}

/// Decodes the HTML entities GML writers use in strings (`&amp;`, `&quot;`, `&#233;`).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "apos" => Some('\''),
                _ => entity
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

struct Parser<'a> {
    tokens: Vec<(Token, usize)>,
    at: usize,
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Parser<'_> {
    /// Key–value pairs up to the `]` that closes the list opened on `opened` (or the end).
    fn list(&mut self, depth: usize, opened: Option<usize>) -> Vec<(String, Value, usize)> {
        let mut items = Vec::new();
        while self.at < self.tokens.len() {
            let (token, line) = &self.tokens[self.at];
            let line = *line;
            self.at += 1;
            let key = match token {
                Token::Close if opened.is_some() => return items,
                Token::Word(word) => word.clone(),
                _ => {
                    self.error(
                        line,
                        "a key was expected here",
                        "GML is written as key value pairs: id 3, label \"Medici\", node [ … ]",
                    );
                    continue;
                }
            };
            let Some((value, value_line)) = self.tokens.get(self.at) else {
                self.error(
                    line,
                    &format!("the key {key} has no value"),
                    "give it a number, a \"string\" or a [ list ]",
                );
                break;
            };
            let value_line = *value_line;
            self.at += 1;
            let value = match value {
                Token::Word(w) => Value::Scalar(w.clone(), false),
                Token::Text(t) => Value::Scalar(t.clone(), true),
                Token::Open if depth + 1 >= MAX_DEPTH => {
                    self.error(
                        value_line,
                        &format!("lists nest more than {MAX_DEPTH} deep"),
                        "GML networks need graph [ node [ … ] ]: three levels",
                    );
                    // Stop reading: the rest of the file cannot be trusted.
                    self.at = self.tokens.len();
                    return items;
                }
                Token::Open => Value::List(self.list(depth + 1, Some(value_line))),
                Token::Close => {
                    self.error(
                        value_line,
                        &format!("the key {key} has no value"),
                        "give it a number, a \"string\" or a [ list ]",
                    );
                    if opened.is_some() {
                        return items;
                    }
                    continue;
                }
            };
            items.push((key, value, line));
        }
        if let Some(opened) = opened {
            self.error(opened, "this [ is never closed", "close every [ with a ]");
        }
        items
    }

    fn error(&mut self, line: usize, message: &str, hint: &str) {
        self.diagnostics.push(
            Diagnostic::error(self.file, message)
                .at_line(Some(line))
                .with_hint(hint),
        );
    }
}

/// The scalar fields of a node or edge, in order, with whether each was a "string"; nested
/// lists (`graphics [ … ]`) are left out.
fn scalars(items: Vec<(String, Value, usize)>) -> Vec<(String, String, bool)> {
    items
        .into_iter()
        .filter_map(|(key, value, _)| match value {
            Value::Scalar(text, quoted) => Some((key, text, quoted)),
            Value::List(_) => None,
        })
        .collect()
}

/// Takes the first field called `key` out of `fields`.
fn take(fields: &mut Vec<(String, String, bool)>, key: &str) -> Option<String> {
    let at = fields.iter().position(|(k, _, _)| k == key)?;
    Some(fields.remove(at).1)
}

/// Makes organizations of the nodes and partnerships of the edges.
fn build(graph: Vec<(String, Value, usize)>, network: &mut Network) {
    let file = network.file.clone();
    let error = |line: usize, message: String, hint: &str| {
        Diagnostic::error(&file, message)
            .at_line(Some(line))
            .with_hint(hint)
    };
    let directed = graph.iter().any(|(key, value, _)| {
        key == "directed" && matches!(value, Value::Scalar(v, _) if v == "1")
    });
    let mut ids: HashMap<String, (usize, usize)> = HashMap::new();
    let mut edges = Vec::new();
    for (key, value, line) in graph {
        let Value::List(items) = value else {
            continue;
        };
        if key == "edge" {
            edges.push((items, line));
            continue;
        }
        if key != "node" {
            continue;
        }
        let mut fields = scalars(items);
        let Some(id) = take(&mut fields, "id") else {
            network.diagnostics.push(error(
                line,
                "the node has no id".to_string(),
                "give every node an id: node [ id 0 label \"A\" ]",
            ));
            continue;
        };
        if let Some(&(_, first)) = ids.get(&id) {
            network.diagnostics.push(error(
                line,
                format!("the node id {id} is used twice (first on line {first})"),
                "give every node its own id",
            ));
            continue;
        }
        // The name: label, else name, else the first string field (igraph's vertexnames), else the id.
        let name = take(&mut fields, "label")
            .filter(|l| !l.trim().is_empty())
            .or_else(|| {
                fields
                    .iter()
                    .find(|(k, _, quoted)| k == "name" || *quoted)
                    .map(|(_, v, _)| v.clone())
            })
            .unwrap_or_else(|| id.clone());
        let attributes = fields.into_iter().map(|(k, v, _)| (k, v)).collect();
        let org = network.add_node(name.trim(), attributes, Some(line));
        ids.insert(id, (org, line));
    }
    for (items, line) in edges {
        let mut fields = scalars(items);
        let mut ends = [None, None];
        for (slot, key) in ["source", "target"].into_iter().enumerate() {
            match take(&mut fields, key) {
                None => network.diagnostics.push(error(
                    line,
                    format!("the edge has no {key}"),
                    "an edge names two node ids: edge [ source 0 target 1 ]",
                )),
                Some(id) => match ids.get(&id) {
                    Some(&(org, _)) => ends[slot] = Some(org),
                    None => network.diagnostics.push(error(
                        line,
                        format!("the edge's {key} {id} is not the id of a node"),
                        "an edge names two node ids: edge [ source 0 target 1 ]",
                    )),
                },
            }
        }
        let mut weight = None;
        let mut bad_weight = false;
        for key in ["weight", "value"] {
            if let Some(text) = take(&mut fields, key) {
                match parse_weight(&text) {
                    Ok(w) => weight = weight.or(Some(w)),
                    Err(message) => {
                        network.diagnostics.push(error(line, message, WEIGHT_HINT));
                        bad_weight = true;
                    }
                }
            }
        }
        let weight = if bad_weight { Err(()) } else { Ok(weight) };
        if let Some(tie) = Tie::read(ends, Some(directed), weight, line) {
            network.add_tie(Tie {
                attributes: fields.into_iter().map(|(k, v, _)| (k, v)).collect(),
                ..tie
            });
        }
    }
}

#[cfg(test)]
mod tests;
