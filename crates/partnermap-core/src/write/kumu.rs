//! Kumu's JSON blueprint, and the same as Kumu's two-sheet workbook: an element per organization (`_id`, `label`, `type` as its label,
//! `description` its notes, `tags` its populations, domains and assets) and a connection per
//! partnership (`from`, `to`, `type` as its kind's label, `direction`), every other field, extra
//! field and metric a custom field, numbers and yes/no as JSON numbers and booleans (in the
//! workbook: Elements and Connections sheets, lists `|`-separated as Kumu's import reads them).
//! docs/formats/kumu.md says what goes where.

use super::network::Exported;
use crate::fields::ATTRIBUTE_PREFIX;
use crate::fields::{Table, ValueType};
use crate::model::Coalition;
use crate::vocabulary::TermKind;
use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// The fields Kumu (and partnermap's reader of it) treat as their own.
const KUMU_FIELDS: &[&str] = &[
    "_id",
    "id",
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

/// The elements and connections of the coalition's blueprint (with `network`'s extra columns,
/// such as metrics, as fields).
fn blueprint(coalition: &Coalition, network: &Exported) -> [Vec<Map<String, Value>>; 2] {
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
    [elements, connections]
}

/// The coalition as a Kumu blueprint (with `network`'s extra columns, such as metrics, as
/// fields).
pub fn kumu_json(coalition: &Coalition, network: &Exported) -> String {
    let [elements, connections] = blueprint(coalition, network);
    let document = json!({"elements": elements, "connections": connections});
    let mut text = serde_json::to_string_pretty(&document).expect("JSON values always serialise");
    text.push('\n');
    text
}

/// The headers Kumu's spreadsheet import gives the blueprint's own fields, in the order its
/// columns come first (Kumu wants `ID` or `Label` in column A of elements, `From` and `To` in A
/// and B of connections).
const SHEET_HEADERS: &[(&str, &str)] = &[
    ("_id", "ID"),
    ("label", "Label"),
    ("from", "From"),
    ("to", "To"),
    ("type", "Type"),
    ("direction", "Direction"),
    ("description", "Description"),
    ("tags", "Tags"),
];

/// The coalition as Kumu's workbook: the blueprint's elements and connections as the sheets
/// Elements and Connections, a column per field (Kumu's own first, the others by name), lists
/// `|`-separated, numbers and booleans as such.
pub fn kumu_xlsx(coalition: &Coalition, network: &Exported) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    for (name, items) in ["Elements", "Connections"]
        .into_iter()
        .zip(blueprint(coalition, network))
    {
        let worksheet = workbook.add_worksheet();
        worksheet.set_name(name)?;
        write_sheet(worksheet, &items)?;
    }
    workbook.save_to_buffer()
}

fn write_sheet(worksheet: &mut Worksheet, items: &[Map<String, Value>]) -> Result<(), XlsxError> {
    let bold = rust_xlsxwriter::Format::new().set_bold();
    // A text a spreadsheet would take for a formula once its cell is edited stays text: the
    // quote prefix is a cell style, so the value itself is kept as written.
    let quoted = rust_xlsxwriter::Format::new().set_quote_prefix();
    let mut keys: BTreeSet<&str> = items
        .iter()
        .flat_map(Map::keys)
        .map(String::as_str)
        .collect();
    let mut columns: Vec<&str> = SHEET_HEADERS
        .iter()
        .map(|&(key, _)| key)
        .filter(|key| keys.remove(key))
        .collect();
    columns.extend(keys);
    for (c, &key) in columns.iter().enumerate() {
        let column = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        let header = SHEET_HEADERS
            .iter()
            .find(|&&(k, _)| k == key)
            .map_or(key, |&(_, h)| h);
        worksheet.write_string_with_format(0, column, header, &bold)?;
        for (r, item) in items.iter().enumerate() {
            let row = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
            let text = match item.get(key) {
                None | Some(Value::Null) => continue,
                Some(Value::Number(n)) => {
                    worksheet.write_number(row, column, n.as_f64().unwrap_or_default())?;
                    continue;
                }
                Some(&Value::Bool(b)) => {
                    worksheet.write_boolean(row, column, b)?;
                    continue;
                }
                Some(Value::Array(list)) => {
                    let list: Vec<String> = list.iter().map(plain).collect();
                    list.join("|")
                }
                Some(other) => plain(other),
            };
            if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                worksheet.write_string_with_format(row, column, text, &quoted)?;
            } else {
                worksheet.write_string(row, column, text)?;
            }
        }
    }
    worksheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// A JSON value as a cell's text: a string as it is.
fn plain(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
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
