//! Kumu's JSON blueprint: an element per organization (`_id`, `label`, `type` as its label,
//! `description` its notes, `tags` its populations, domains and assets) and a connection per
//! partnership (`from`, `to`, `type` as its kind's label, `direction`), every other field, extra
//! field and metric a custom field, numbers and yes/no as JSON numbers and booleans.
//! docs/formats/kumu.md says what goes where.

use super::network::Exported;
use crate::fields::ATTRIBUTE_PREFIX;
use crate::fields::{Table, ValueType};
use crate::model::Coalition;
use crate::vocabulary::TermKind;
use serde_json::{json, Map, Value};

/// The fields Kumu (and partnermap's reader of it) treat as their own.
const KUMU_FIELDS: &[&str] = &[
    "_id",
    "label",
    "type",
    "element type",
    "connection type",
    "description",
    "tags",
    "from",
    "to",
    "direction",
    "attributes",
];

/// A cell as the JSON value of its type; lists (`;`-joined) as arrays.
fn value(kind: ValueType, text: &str, list: bool) -> Value {
    let parsed = match kind {
        ValueType::Integer => text.parse::<i64>().ok().map(Value::from),
        ValueType::Double => text
            .parse::<f64>()
            .ok()
            .and_then(|f| serde_json::Number::from_f64(f).map(Value::Number)),
        ValueType::Boolean => Some(Value::Bool(text == "true")),
        ValueType::Text if list => Some(Value::Array(
            text.split(';')
                .map(|t| Value::String(t.trim().to_string()))
                .collect(),
        )),
        ValueType::Text => None,
    };
    parsed.unwrap_or_else(|| Value::String(text.to_string()))
}

/// The rows of `table` as JSON objects, with Kumu's names for ours (`renamed`).
fn objects(table: &Table, renamed: &[(&str, &str)], skip: &[&str]) -> Vec<Map<String, Value>> {
    let lists = TermKind::ALL.map(TermKind::plural);
    table
        .rows
        .iter()
        .map(|row| {
            let mut object = Map::new();
            for (heading, cell) in table.columns.iter().zip(row) {
                let (Some(text), false) = (cell, skip.contains(&heading.name.as_str())) else {
                    continue;
                };
                let name = match renamed.iter().find(|(ours, _)| *ours == heading.name) {
                    Some((_, kumu)) => kumu.to_string(),
                    // An extra field Kumu would take for one of its own is written apart.
                    None if heading.attribute
                        && KUMU_FIELDS.contains(&heading.name.to_ascii_lowercase().as_str()) =>
                    {
                        format!("{ATTRIBUTE_PREFIX}{}", heading.name)
                    }
                    None => heading.name.clone(),
                };
                let list = !heading.attribute && lists.contains(&heading.name.as_str());
                object.insert(name, value(heading.kind, text, list));
            }
            object
        })
        .collect()
}

/// The coalition as a Kumu blueprint (with `extra`'s columns, such as metrics, as fields).
pub fn kumu_json(coalition: &Coalition, network: &Exported) -> String {
    let vocabulary = coalition.vocabulary();
    let mut elements = objects(
        &network.nodes,
        &[("id", "_id"), ("name", "label"), ("notes", "description")],
        &[],
    );
    for (element, org) in elements.iter_mut().zip(&coalition.organizations) {
        element.insert("type".into(), json!(org.kind.label()));
        let tags: Vec<&str> = TermKind::ALL
            .into_iter()
            .flat_map(|kind| org.terms(kind).iter().map(move |id| (kind, id)))
            .map(|(kind, id)| vocabulary.label(kind, id))
            .collect();
        if !tags.is_empty() {
            element.insert("tags".into(), json!(tags));
        }
    }
    let mut connections = objects(
        &network.edges,
        &[
            ("source", "from"),
            ("target", "to"),
            ("notes", "description"),
        ],
        &["directed"],
    );
    for (connection, p) in connections.iter_mut().zip(&coalition.partnerships) {
        connection.insert("type".into(), json!(p.kind.label()));
        connection.insert(
            "direction".into(),
            json!(if p.directed { "directed" } else { "undirected" }),
        );
    }
    let document = json!({"elements": elements, "connections": connections});
    let mut text = serde_json::to_string_pretty(&document).expect("JSON values always serialise");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use crate::model::{OrganizationType, PartnershipKind};

    #[test]
    fn types_and_kinds_are_written_as_labels_the_readers_parse() {
        for &kind in OrganizationType::ALL {
            assert_eq!(OrganizationType::parse(kind.label()), Ok(kind));
        }
        for &kind in PartnershipKind::ALL {
            assert_eq!(PartnershipKind::parse(kind.label()), Ok(kind));
        }
    }
}
