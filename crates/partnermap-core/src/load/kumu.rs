//! Kumu's JSON blueprint: `{"elements": [...], "connections": [...]}` as Kumu imports and
//! exports it and as `partnermap convert --to kumu` writes it. An element becomes an
//! organization (`label` its name, `type` its type through the vocabulary, `description` its
//! notes, each of its `tags` a population, domain or asset when the vocabulary knows it), a
//! connection a partnership (`from` and `to` an element's `_id` or label, `type` its kind,
//! `direction` directed, undirected or mutual). Every other field maps onto the model by name
//! or is kept as an extra field (docs/formats/kumu.md).

use super::network::{parse_weight, Network, Tie, WEIGHT_HINT};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use crate::model::Attributes;
use crate::vocabulary::TermKind;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

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
    let list = |key: &str| {
        document
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let problem = |at: String, field: &str, message: String, hint: &str| {
        Diagnostic::error(&file, format!("{at}: {message}"))
            .in_field(field)
            .with_hint(hint)
    };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let element_names = [
        ("_id", "id"),
        ("element type", "type"),
        ("description", "notes"),
        ("tags", "tags"),
        ("label", "label"),
        ("type", "type"),
    ];
    for (i, element) in list("elements").iter().enumerate() {
        let at = format!("element {}", i + 1);
        let Some(element) = element.as_object() else {
            network.diagnostics.push(problem(
                at,
                "elements",
                "is not an object".into(),
                "write each element as {\"label\": \"Name\"}",
            ));
            continue;
        };
        let mut fields = fields(element, &element_names);
        let Some(label) = fields.remove("label").filter(|l| !l.trim().is_empty()) else {
            network.diagnostics.push(problem(
                at,
                "label",
                "has no label".into(),
                "give every element a label",
            ));
            continue;
        };
        let tags = fields.remove("tags");
        let key = fields.get("id").cloned();
        let org = network.add_node(label.trim(), fields, None);
        if let Some(tags) = tags {
            add_tags(&mut network, org, &tags);
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
        ("tags", "tags"),
    ];
    for (i, connection) in list("connections").iter().enumerate() {
        let at = format!("connection {}", i + 1);
        let Some(connection) = connection.as_object() else {
            network.diagnostics.push(problem(
                at,
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
                    at.clone(),
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
                    at.clone(),
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
                    .push(problem(at.clone(), "weight", message, WEIGHT_HINT));
            }),
        };
        let ([Some(source), Some(target)], Some(directed), Ok(weight)) = (ends, directed, weight)
        else {
            continue;
        };
        network.add_tie(Tie {
            source,
            target,
            directed,
            weight,
            relation: None,
            attributes: fields,
            line: None,
        });
    }
    network.finish()
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
