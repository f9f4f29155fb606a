//! Kumu's JSON blueprint: `{"elements": [...], "connections": [...]}` as Kumu imports and
//! exports it and as `partnermap convert --to kumu` writes it. An element becomes an
//! organization (`label` its name, `type` its type through the vocabulary, `description` its
//! notes, each of its `tags` a population, domain or asset when the vocabulary knows it), a
//! connection a partnership (`from` and `to` an element's `_id` or label, `type` its kind,
//! `direction` directed, undirected or mutual). Every other field maps onto the model by name
//! or is kept as an extra field (docs/formats/kumu.md).

use super::csv::read_plain;
use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
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
    line: Option<usize>,
    /// How messages name it: `element 3`, or the row in a sheet.
    at: String,
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

/// The elements and connections sheets of a folder laid out as Kumu's spreadsheet import (and
/// no `coalition.toml`): CSV files whose names hold `elements` and `connections` (any case),
/// those whose names hold `(ignore)` skipped, as Kumu skips such sheets.
pub(super) fn sheets_in(folder: &Path) -> Option<(PathBuf, Option<PathBuf>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .collect();
    files.sort();
    let named = |word: &str| {
        files.iter().find(|p| {
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_lowercase();
            name.contains(word) && !name.contains("(ignore)")
        })
    };
    Some((named("elements")?.clone(), named("connections").cloned()))
}

/// The rows of a Kumu sheet as items: each non-empty cell under its column's name, a cell
/// holding `|` as the list of its values.
fn sheet(path: &Path, what: &str, network: &mut Network) -> Vec<Item> {
    let Some((header, rows)) = read_plain(path, &mut network.diagnostics) else {
        return Vec::new();
    };
    let file = path.display().to_string();
    let mut items = Vec::new();
    for (line, record) in rows {
        let mut object = Map::new();
        for (name, cell) in header.iter().zip(record.iter()) {
            let cell = cell.trim();
            if name.is_empty() || cell.is_empty() {
                continue;
            }
            let value = if cell.contains('|') {
                Value::Array(
                    cell.split('|')
                        .map(|v| Value::String(v.trim().to_string()))
                        .collect(),
                )
            } else {
                Value::String(cell.to_string())
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
        items.push(Item {
            value: Value::Object(object),
            file: file.clone(),
            line: Some(line),
            at: format!("{what} on line {line}"),
        });
    }
    items
}

/// Reads a folder of Kumu sheets as a coalition named after the folder.
pub(super) fn read_kumu_sheets(folder: &Path, elements: &Path, connections: Option<&Path>) -> Read {
    let mut network = Network::new(folder);
    let elements = sheet(elements, "element", &mut network);
    let connections = connections.map_or_else(Vec::new, |c| sheet(c, "connection", &mut network));
    build(&mut network, elements, connections);
    network.finish()
}

/// Makes organizations of the elements and partnerships of the connections.
fn build(network: &mut Network, elements: Vec<Item>, connections: Vec<Item>) {
    let problem = |item: &Item, field: &str, message: String, hint: &str| {
        Diagnostic::error(&item.file, format!("{}: {message}", item.at))
            .at_line(item.line)
            .in_field(field)
            .with_hint(hint)
    };
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
        let Some(element) = item.value.as_object() else {
            network.diagnostics.push(problem(
                item,
                "elements",
                "is not an object".into(),
                "write each element as {\"label\": \"Name\"}",
            ));
            continue;
        };
        let mut fields = fields(element, &element_names);
        let Some(label) = fields.remove("label").filter(|l| !l.trim().is_empty()) else {
            network.diagnostics.push(problem(
                item,
                "label",
                "has no label".into(),
                "give every element a label",
            ));
            continue;
        };
        let tags = fields.remove("tags");
        let key = fields.get("id").cloned();
        network.file = item.file.clone();
        let org = network.add_node(label.trim(), fields, item.line);
        if let Some(tags) = tags {
            add_tags(network, org, &tags);
        }
        for k in key.into_iter().chain([label.trim().to_string()]) {
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
    for item in &connections {
        let Some(connection) = item.value.as_object() else {
            network.diagnostics.push(problem(
                item,
                "connections",
                "is not an object".into(),
                "write each connection as {\"from\": \"A\", \"to\": \"B\"}",
            ));
            continue;
        };
        let mut fields = fields(connection, &connection_names);
        let mut ends = [None, None];
        for (slot, end) in ["from", "to"].into_iter().enumerate() {
            let name = fields.remove(end).unwrap_or_default();
            match by_key.get(name.trim()) {
                Some(&org) => ends[slot] = Some(org),
                None => network.diagnostics.push(problem(
                    item,
                    end,
                    format!("\"{name}\" is not an element's _id or label"),
                    "name an element by its label",
                )),
            }
        }
        let directed = match fields.remove("direction").as_deref().map(str::trim) {
            None | Some("undirected" | "mutual") => Some(false),
            Some("directed") => Some(true),
            Some(other) => {
                network.diagnostics.push(problem(
                    item,
                    "direction",
                    format!("direction \"{other}\" is not directed, undirected or mutual"),
                    "write directed, undirected or mutual",
                ));
                None
            }
        };
        let weight = match fields.remove("weight") {
            None => Ok(None),
            Some(w) => parse_weight(w.trim()).map(Some).map_err(|message| {
                network
                    .diagnostics
                    .push(problem(item, "weight", message, WEIGHT_HINT));
            }),
        };
        let ([Some(source), Some(target)], Some(directed), Ok(weight)) = (ends, directed, weight)
        else {
            continue;
        };
        network.file = item.file.clone();
        network.add_tie(Tie {
            source,
            target,
            directed,
            weight,
            relation: None,
            attributes: fields,
            line: item.line,
        });
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
mod tests {
    use super::super::testing::folder;
    use super::*;
    use crate::model::{OrganizationType, PartnershipKind};

    #[test]
    fn a_blueprint_as_kumu_documents_it_maps_types_tags_and_custom_fields() {
        let dir = folder(&[(
            "map.json",
            r#"{
  "elements": [
    {"label": "Forest City AJC", "type": "American Job Center", "description": "One-stop.",
     "tags": ["PWD", "Digital access", "mentoring circles"], "Budget": 120000, "Founded": "1998"},
    {"_id": "elem-2", "attributes": {"label": "Casa", "element type": "Person", "tags": ["ELL"]}}
  ],
  "connections": [
    {"from": "Forest City AJC", "to": "elem-2", "type": "Referral", "direction": "directed", "strength": 3},
    {"from": "Casa", "to": "Forest City AJC", "direction": "mutual", "since": "2020"}
  ]
}"#,
        )]);
        let path = dir.path().join("map.json");
        assert!(is_blueprint(&path));
        let read = read_kumu(&path);
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let [ajc, casa] = &coalition.organizations[..] else {
            panic!("two organizations")
        };
        assert_eq!(
            (ajc.id.as_str(), ajc.kind),
            ("forest-city-ajc", OrganizationType::AmericanJobCenter)
        );
        assert_eq!(ajc.notes.as_deref(), Some("One-stop."));
        assert_eq!(
            (ajc.populations.as_slice(), ajc.domains.as_slice()),
            (
                &["people-with-disabilities".to_string()][..],
                &["digital-access".to_string()][..]
            )
        );
        let kept: Vec<(&str, &str)> = ajc
            .attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("Budget", "120000"),
                ("Founded", "1998"),
                ("tags", "mentoring circles")
            ]
        );
        assert_eq!(
            (casa.id.as_str(), casa.kind),
            ("elem-2", OrganizationType::Other)
        );
        assert_eq!(casa.attributes["type"], "Person");
        assert_eq!(casa.populations, ["english-language-learners"]);
        let [referral, mutual] = &coalition.partnerships[..] else {
            panic!("two partnerships")
        };
        assert_eq!(
            (referral.kind, referral.directed, referral.strength),
            (PartnershipKind::Referral, true, 3)
        );
        assert_eq!(
            (referral.source.as_str(), referral.target.as_str()),
            ("forest-city-ajc", "elem-2")
        );
        assert_eq!(
            (mutual.directed, mutual.since.as_deref()),
            (false, Some("2020"))
        );
    }
}

#[cfg(test)]
mod sheet_tests {
    use super::super::testing::{error, folder};
    use super::*;
    use crate::model::{OrganizationType, PartnershipKind};

    #[test]
    fn sheets_as_kumu_lays_them_out_with_lists_ignored_sheets_and_custom_fields() {
        let dir = folder(&[
            (
                "Elements.csv",
                "Label,Type,Description,Tags,Image,Email,Budget\n\
                 Forest City AJC,American Job Center,One-stop,PWD | Digital access | mentoring,,info@ajc.example,120000\n\
                 Casa,Person,,ELL,,,\n",
            ),
            ("Elements (ignore).csv", "not,a,sheet\n\"broken\n"),
            (
                "Connections.csv",
                "From,To,Type,Label,Description,Tags,Strength\n\
                 Forest City AJC,Casa,Referral,refers,Weekly calls,priority|2024,3\n\
                 Casa,Nowhere,,,,,\n",
            ),
        ]);
        let (elements, connections) = sheets_in(dir.path()).unwrap();
        assert!(elements.ends_with("Elements.csv"));
        let read = read_kumu_sheets(dir.path(), &elements, connections.as_deref());
        let file = connections.unwrap().display().to_string();
        assert_eq!(
            read.diagnostics,
            [error(
                &file,
                Some(3),
                Some("to"),
                "connection on line 3: \"Nowhere\" is not an element's _id or label",
                Some("name an element by its label")
            )]
        );
        let coalition = read.coalition.unwrap();
        let ajc = &coalition.organizations[0];
        assert_eq!(ajc.kind, OrganizationType::AmericanJobCenter);
        assert_eq!((ajc.populations.len(), ajc.domains.len()), (1, 1));
        let kept: Vec<(&str, &str)> = ajc
            .attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            kept,
            [
                ("Budget", "120000"),
                ("Email", "info@ajc.example"),
                ("tags", "mentoring")
            ]
        );
        assert_eq!(coalition.organizations[1].attributes["type"], "Person");
        let tie = &coalition.partnerships[0];
        assert_eq!(
            (tie.kind, tie.strength, tie.notes.as_deref()),
            (PartnershipKind::Referral, 3, Some("Weekly calls"))
        );
        let kept: Vec<(&str, &str)> = tie
            .attributes
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(kept, [("Label", "refers"), ("tags", "priority; 2024")]);
        assert_eq!(read.origins.partnerships[0].line, Some(2));
    }

    #[test]
    fn an_elements_sheet_may_start_with_id_and_connections_name_elements_by_it() {
        let dir = folder(&[
            ("elements.csv", "ID,Type\nfc-ajc,AJC\ncasa,nonprofit\n"),
            ("connections.csv", "From,To\nfc-ajc,casa\n"),
        ]);
        let (elements, connections) = sheets_in(dir.path()).unwrap();
        let read = read_kumu_sheets(dir.path(), &elements, connections.as_deref());
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        let orgs: Vec<(&str, &str)> = coalition
            .organizations
            .iter()
            .map(|o| (o.id.as_str(), o.name.as_str()))
            .collect();
        assert_eq!(orgs, [("fc-ajc", "fc-ajc"), ("casa", "casa")]);
        assert_eq!(coalition.partnerships[0].target, "casa");
    }
}
