//! Kumu's JSON blueprint: `{"elements": [...], "connections": [...]}` as Kumu imports and
//! exports it and as `partnermap convert --to kumu` writes it. An element becomes an
//! organization (`label` its name, `type` its type through the vocabulary, `description` its
//! notes, each of its `tags` a population, domain or asset when the vocabulary knows it), a
//! connection a partnership (`from` and `to` an element's `_id` or label, `type` its kind,
//! `direction` directed, undirected or mutual). Every other field maps onto the model by name
//! or is kept as an extra field (docs/formats/kumu.md).

use super::csv::{read_plain, Rows};
use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
use super::spreadsheet::Spreadsheet;
use super::workbook::open_sheets;
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use crate::model::Attributes;
use crate::vocabulary::TermKind;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Whether a `.json` file is a Kumu blueprint rather than partnermap's canonical document: an
/// object with `elements` and no `organizations`.
pub(super) fn is_blueprint(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| {
        serde_json::from_slice::<Map<String, Value>>(&bytes)
            .is_ok_and(|doc| doc.contains_key("elements") && !doc.contains_key("organizations"))
    })
}

/// A field's value as text: strings as written, numbers and booleans as JSON writes them,
/// lists `;`-joined (as the model's list fields are).
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().filter_map(text).collect();
            (!items.is_empty()).then(|| items.join("; "))
        }
        Value::Number(n) => Some(match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().map_or(n.to_string(), |f| f.to_string()),
        }),
        other => Some(other.to_string()),
    }
}

/// An element's or connection's fields, Kumu's exported `attributes` object merged in, keys in
/// Kumu's spelling (`element type`, `Description`) turned into the model's.
fn fields(item: &Map<String, Value>, renamed: &[(&str, &str)]) -> Attributes {
    let nested = item.get("attributes").and_then(Value::as_object);
    let mut fields = Attributes::new();
    for (key, value) in item.iter().chain(nested.into_iter().flatten()) {
        if key == "attributes" && value.is_object() {
            continue;
        }
        let lower = key.to_ascii_lowercase();
        let name = renamed
            .iter()
            .find(|(kumu, _)| *kumu == lower)
            .map_or(key.as_str(), |(_, ours)| ours);
        if let Some(value) = text(value) {
            fields.insert(name.to_string(), value);
        }
    }
    fields
}

/// An element or connection as read, with where it came from for messages.
struct Item {
    value: Value,
    file: String,
    /// The workbook sheet it is a row of.
    sheet: Option<String>,
    line: Option<usize>,
    /// How messages name it: `element 3`, or the line or row in a sheet.
    at: String,
}

impl Item {
    /// An error in `field` of this element or connection. A row of a sheet (the items that
    /// have lines) names the field by its column's header as written (`To`), else as Kumu's
    /// headers are (`Label`); a workbook's also names the sheet.
    fn problem(&self, field: &str, message: &str, hint: &str) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(&self.file, format!("{}: {message}", self.at))
            .at_line(self.line)
            .in_field(field)
            .with_hint(hint);
        if self.line.is_some() {
            let header = self.value.as_object().and_then(|object| {
                object
                    .keys()
                    .find(|k| k.eq_ignore_ascii_case(field))
                    .cloned()
            });
            let mut letters = field.chars();
            let capital = letters.next().map_or(String::new(), |first| {
                first.to_uppercase().chain(letters).collect()
            });
            diagnostic = diagnostic.in_field(header.unwrap_or(capital));
        }
        match &self.sheet {
            Some(sheet) => diagnostic.in_sheet(sheet),
            None => diagnostic,
        }
    }

    /// The item as an object; `None`, with the error, when it is not one (`list` is the
    /// blueprint's list it is in, `example` one written in full).
    fn object(
        &self,
        list: &str,
        example: &str,
        network: &mut Network,
    ) -> Option<&Map<String, Value>> {
        let object = self.value.as_object();
        if object.is_none() {
            let hint = format!("write each {} as {example}", &list[..list.len() - 1]);
            network
                .diagnostics
                .push(self.problem(list, "is not an object", &hint));
        }
        object
    }
}

/// Takes the field `name` out of `fields`, trimmed; `None`, with the error "has no NAME", when
/// it is absent or blank.
fn required_field(
    fields: &mut Attributes,
    name: &str,
    item: &Item,
    hint: &str,
    network: &mut Network,
) -> Option<String> {
    let value = fields
        .remove(name)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty());
    if value.is_none() {
        network
            .diagnostics
            .push(item.problem(name, &format!("has no {name}"), hint));
    }
    value
}

/// Reads a Kumu blueprint, named after the file.
pub(super) fn read_kumu(path: &Path) -> Read {
    let mut network = Network::new(path);
    let Some(raw) = read_text(path, &mut network.diagnostics) else {
        return network.finish();
    };
    let file = network.file.clone();
    let document: Map<String, Value> = match serde_json::from_str(&raw) {
        Ok(d) => d,
        Err(e) => {
            network.diagnostics.push(
                Diagnostic::error(&file, format!("not a Kumu blueprint: {e}"))
                    .at_line(Some(e.line()))
                    .with_hint("a Kumu blueprint is {\"elements\": [{\"label\": \"A\"}], \"connections\": [{\"from\": \"A\", \"to\": \"B\"}]}"),
            );
            return network.finish();
        }
    };
    let list = |key: &str, what: &str| -> Vec<Item> {
        let items = document.get(key).and_then(Value::as_array);
        items
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(i, value)| Item {
                value: value.clone(),
                file: file.clone(),
                sheet: None,
                line: None,
                at: format!("{what} {}", i + 1),
            })
            .collect()
    };
    let (elements, connections) = (
        list("elements", "element"),
        list("connections", "connection"),
    );
    build(&mut network, elements, connections);
    network.finish()
}

/// Of the `names` of a folder's files or a workbook's sheets (sorted), the first that holds
/// `word` (any case) and not `(ignore)`, as Kumu skips such sheets.
fn kumu_sheet<'n>(names: &[&'n str], word: &str) -> Option<&'n str> {
    names.iter().copied().find(|name| {
        let name = name.to_lowercase();
        name.contains(word) && !name.contains("(ignore)")
    })
}

/// The elements and connections sheets of a folder laid out as Kumu's spreadsheet import (and
/// no `coalition.toml`): CSV files whose names hold `elements` and `connections`.
pub(super) fn sheets_in(folder: &Path) -> Option<(PathBuf, Option<PathBuf>)> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .filter_map(|p| Some(p.file_name()?.to_str()?.to_string()))
        .collect();
    names.sort();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let elements = folder.join(kumu_sheet(&names, "elements")?);
    Some((
        elements,
        kumu_sheet(&names, "connections").map(|c| folder.join(c)),
    ))
}

/// The rows of a Kumu sheet as items: each non-empty cell under its column's name, as written;
/// a cell holding `|` as the list of its (trimmed) values. `sheet` names a workbook's sheet.
fn sheet(file: &str, sheet: Option<&str>, header: &[String], rows: Rows, what: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for (line, record) in rows {
        let mut object = Map::new();
        for (name, cell) in header.iter().zip(record) {
            if name.is_empty() || cell.trim().is_empty() {
                continue;
            }
            let value = if cell.contains('|') {
                Value::Array(
                    cell.split('|')
                        .map(|v| Value::String(v.trim().to_string()))
                        .collect(),
                )
            } else {
                Value::String(cell)
            };
            object.insert(name.clone(), value);
        }
        if object.is_empty() {
            continue;
        }
        // A sheet whose first column is ID names elements by it; the label may then be absent.
        if what == "element" && !object.keys().any(|k| k.eq_ignore_ascii_case("label")) {
            if let Some(id) = object
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("id"))
                .map(|(_, v)| v.clone())
            {
                object.insert("Label".to_string(), id);
            }
        }
        let place = if sheet.is_some() { "row" } else { "line" };
        items.push(Item {
            value: Value::Object(object),
            file: file.to_string(),
            sheet: sheet.map(str::to_string),
            line: Some(line),
            at: format!("{what} on {place} {line}"),
        });
    }
    items
}

/// The items of a CSV sheet.
fn csv_sheet(path: &Path, what: &str, network: &mut Network) -> Vec<Item> {
    let Some((header, rows)) = read_plain(path, &mut network.diagnostics) else {
        return Vec::new();
    };
    sheet(&path.display().to_string(), None, &header, rows, what)
}

/// Reads a folder of Kumu sheets as a coalition named after the folder.
pub(super) fn read_kumu_sheets(folder: &Path, elements: &Path, connections: Option<&Path>) -> Read {
    let mut network = Network::new(folder);
    let elements = csv_sheet(elements, "element", &mut network);
    let connections =
        connections.map_or_else(Vec::new, |c| csv_sheet(c, "connection", &mut network));
    build(&mut network, elements, connections);
    network.finish()
}

/// Whether a workbook is laid out as Kumu's spreadsheet import: it has a sheet whose name holds
/// `elements` (Kumu's export names its sheets Elements and Connections).
pub(super) fn is_kumu_workbook(path: &Path) -> bool {
    Spreadsheet::open(path).is_ok_and(|workbook| {
        let names = workbook.sheet_names();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        kumu_sheet(&names, "elements").is_some()
    })
}

/// Reads a workbook laid out as Kumu's spreadsheet import (`.xlsx`, `.ods`): its Elements and
/// Connections sheets, each row read as the same row of a CSV sheet would be; sheets whose name
/// holds `(ignore)` are not read at all.
pub(super) fn read_kumu_workbook(path: &Path) -> Read {
    let mut network = Network::new(path);
    let wanted = |name: &str| !name.to_lowercase().contains("(ignore)");
    let Some(mut sheets) = open_sheets(path, &wanted, &mut network.diagnostics) else {
        return network.finish();
    };
    let mut names: Vec<String> = sheets.keys().cloned().collect();
    names.sort();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let file = network.file.clone();
    let mut items = |word: &str, what: &str| -> Option<Vec<Item>> {
        let name = kumu_sheet(&names, word)?;
        let mut rows = sheets.remove(name).unwrap_or_default().into_iter();
        let header: Vec<String> = rows
            .next()
            .map(|(_, cells)| cells.iter().map(|c| c.trim().to_string()).collect())
            .unwrap_or_default();
        Some(sheet(&file, Some(name), &header, rows.collect(), what))
    };
    let (elements, connections) = (
        items("elements", "element"),
        items("connections", "connection"),
    );
    let Some(elements) = elements else {
        network.diagnostics.push(
            Diagnostic::error(&file, format!("the workbook has no Elements sheet (its sheets: {})", names.join(", ")))
                .with_hint("Kumu's workbook has a sheet named Elements (Label, Type, …) and one named Connections (From, To, …)"),
        );
        return network.finish();
    };
    build(&mut network, elements, connections.unwrap_or_default());
    network.finish()
}

/// The names a `|` list in a connection's field `name` (any case) holds, when it is a list: Kumu
/// draws a connection to each element of a `To` (or `From`) written so.
fn listed(object: &Map<String, Value>, name: &str) -> Option<Vec<String>> {
    let (_, value) = object.iter().find(|(k, _)| k.eq_ignore_ascii_case(name))?;
    let items = value.as_array()?;
    Some(items.iter().filter_map(text).collect())
}

/// Makes organizations of the elements and partnerships of the connections.
fn build(network: &mut Network, elements: Vec<Item>, connections: Vec<Item>) {
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let element_names = [
        ("_id", "id"),
        ("id", "id"),
        ("element type", "type"),
        ("description", "notes"),
        ("tags", "tags"),
        ("label", "label"),
        ("type", "type"),
    ];
    for item in &elements {
        let Some(element) = item.object("elements", "{\"label\": \"Name\"}", network) else {
            continue;
        };
        let mut fields = fields(element, &element_names);
        let Some(label) = required_field(
            &mut fields,
            "label",
            item,
            "give every element a label",
            network,
        ) else {
            continue;
        };
        let tags = fields.remove("tags");
        let key = fields.get("id").cloned();
        network.file = item.file.clone();
        let org = network.add_node(&label, fields, item.line);
        if let Some(tags) = tags {
            add_tags(network, org, &tags);
        }
        for k in key.into_iter().chain([label]) {
            by_key.entry(k).or_insert(org);
        }
    }
    let connection_names = [
        ("connection type", "kind"),
        ("type", "kind"),
        ("description", "notes"),
        ("from", "from"),
        ("to", "to"),
        ("direction", "direction"),
        ("strength", "strength"),
        ("weight", "weight"),
        ("tags", "tags"),
    ];
    let example = "{\"from\": \"A\", \"to\": \"B\"}";
    for item in &connections {
        let Some(connection) = item.object("connections", example, network) else {
            continue;
        };
        let mut fields = fields(connection, &connection_names);
        let mut ends = [Some(Vec::new()), Some(Vec::new())];
        for (slot, end) in ["from", "to"].into_iter().enumerate() {
            let hint = "name an element by its label";
            let Some(written) = required_field(&mut fields, end, item, hint, network) else {
                ends[slot] = None;
                continue;
            };
            for name in listed(connection, end).unwrap_or_else(|| vec![written]) {
                match (by_key.get(name.trim()), &mut ends[slot]) {
                    (Some(&org), Some(orgs)) => orgs.push(org),
                    (Some(_), None) => {}
                    (None, _) => {
                        let message = format!("\"{name}\" is not an element's _id or label");
                        network.diagnostics.push(item.problem(end, &message, hint));
                        ends[slot] = None;
                    }
                }
            }
        }
        let directed = match fields.remove("direction").as_deref().map(str::trim) {
            None | Some("undirected" | "mutual") => Some(false),
            Some("directed") => Some(true),
            Some(other) => {
                let message =
                    format!("direction \"{other}\" is not directed, undirected or mutual");
                let hint = "write directed, undirected or mutual";
                network
                    .diagnostics
                    .push(item.problem("direction", &message, hint));
                None
            }
        };
        let weight = match fields.remove("weight") {
            None => Ok(None),
            Some(w) => parse_weight(w.trim()).map(Some).map_err(|message| {
                network
                    .diagnostics
                    .push(item.problem("weight", &message, WEIGHT_HINT));
            }),
        };
        let ([Some(sources), Some(targets)], Some(directed), Ok(weight)) = (ends, directed, weight)
        else {
            continue;
        };
        network.file = item.file.clone();
        for &source in &sources {
            for &target in &targets {
                network.add_tie(Tie {
                    source,
                    target,
                    directed,
                    weight,
                    attributes: fields.clone(),
                    line: item.line,
                    ..Tie::default()
                });
            }
        }
    }
}

/// Adds an element's tags to the organization's populations, domains or assets, whichever the
/// vocabulary knows each as (one it already has is not repeated); the rest are kept aside as
/// `tags`.
fn add_tags(network: &mut Network, org: usize, tags: &str) {
    let vocabulary = &network.vocabulary;
    let org = &mut network.coalition.organizations[org];
    let mut unknown = Vec::new();
    for tag in tags.split(';').map(str::trim).filter(|t| !t.is_empty()) {
        let kind = TermKind::ALL
            .into_iter()
            .find_map(|kind| Some((kind, vocabulary.resolve(kind, tag).ok()?.id.clone())));
        match kind {
            Some((kind, id)) => {
                let terms = org.terms_mut(kind);
                let has = terms
                    .iter()
                    .any(|t| vocabulary.resolve(kind, t).is_ok_and(|r| r.id == id));
                if !has {
                    terms.push(id);
                }
            }
            None => unknown.push(tag),
        }
    }
    if !unknown.is_empty() {
        org.attributes
            .insert("tags".to_string(), unknown.join("; "));
    }
}

#[cfg(test)]
mod tests;
