//! The model as flat, typed fields: what a network file (GraphML, GEXF, Gephi's CSV) holds for a
//! node, an edge or the graph. The writers lay a coalition out through [`organization_table`],
//! [`partnership_table`] and [`coalition_fields`]; the readers give the fields they find back
//! through [`take_organization_fields`], [`take_partnership_fields`] and
//! [`take_coalition_fields`], so a file partnermap wrote reads back as the same coalition and a
//! file another tool wrote maps its `type`, `populations`, `kind`… onto the model.
//!
//! Field names are the columns of `organizations.csv` and `partnerships.csv`. An extra field
//! (an organization's or partnership's `attributes`) whose name is one of them is written
//! `attribute:NAME`, and anything read under `attribute:NAME` is kept aside as `NAME`, so the two
//! never mix.

use crate::load::split_list as split;
use crate::load::{ORGANIZATION_COLUMNS, PARTNERSHIP_COLUMNS};
use crate::model::{
    Attributes, Coalition, Organization, OrganizationType, Partnership, PartnershipKind,
    PlannerWeights, Status,
};
use crate::vocabulary::{Term, TermKind, Vocabulary};

/// The prefix of an extra field whose own name is taken by a field of the model.
pub const ATTRIBUTE_PREFIX: &str = "attribute:";

/// The type of a field's values, as typed network formats declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A floating-point number.
    Double,
    /// `true` or `false`.
    Boolean,
}

impl ValueType {
    /// The name GraphML's `attr.type` and GEXF's attribute `type` use.
    pub fn xml_name(self) -> &'static str {
        match self {
            ValueType::Text => "string",
            ValueType::Integer => "long",
            ValueType::Double => "double",
            ValueType::Boolean => "boolean",
        }
    }
}

/// A column of values, one per organization in the coalition's order (`None` where it has
/// none): what a caller adds to the organizations' own fields, such as network metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The field's name.
    pub name: String,
    /// The type of its values.
    pub kind: ValueType,
    /// The values, as text (`2`, `0.45`, `true`).
    pub values: Vec<Option<String>>,
}

/// The heading of a [`Table`]'s column.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// The field's name.
    pub name: String,
    /// The type of its values.
    pub kind: ValueType,
    /// Whether it is an extra field (`attributes`) rather than one of the model's.
    pub attribute: bool,
}

/// One field of a record: its heading and its value.
type Field = (Heading, Option<String>);

/// Records laid out as typed columns: the header and one row of values per record.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Each column's heading.
    pub columns: Vec<Heading>,
    /// One row per record, a value (or none) per column.
    pub rows: Vec<Vec<Option<String>>>,
}

impl Table {
    /// Builds a table from per-record fields, keeping the columns in the order they first
    /// appear and leaving out those no record has a value for (unless `always`).
    fn from_records(records: Vec<Vec<Field>>, template: Vec<Field>, always: &[&str]) -> Table {
        // The columns `always` come from a template record, so even no records have them.
        let mut columns: Vec<Heading> = template
            .into_iter()
            .map(|(heading, _)| heading)
            .filter(|h| always.contains(&h.name.as_str()))
            .collect();
        for record in &records {
            for (heading, value) in record {
                let known = columns.iter().any(|c| c.name == heading.name);
                if !known && (value.is_some() || always.contains(&heading.name.as_str())) {
                    columns.push(heading.clone());
                }
            }
        }
        let rows = records
            .into_iter()
            .map(|record| {
                columns
                    .iter()
                    .map(|c| {
                        record
                            .iter()
                            .find(|(h, _)| h.name == c.name)
                            .and_then(|(_, v)| v.clone())
                    })
                    .collect()
            })
            .collect();
        Table { columns, rows }
    }

    /// The position of the column `name`.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.name == name)
    }
}

/// The name an extra field is written under: its own, or `attribute:NAME` when the model has
/// a field of that name (or one a reader treats specially: `label`, `weight`, `relation`).
fn attribute_name(name: &str, fields: &[&str]) -> String {
    let taken = fields.contains(&name)
        || ["label", "weight", "relation", "directed"]
            .iter()
            .any(|f| f.eq_ignore_ascii_case(name))
        || name.starts_with(ATTRIBUTE_PREFIX);
    if taken {
        format!("{ATTRIBUTE_PREFIX}{name}")
    } else {
        name.to_string()
    }
}

fn field(name: &str, kind: ValueType, value: Option<String>) -> Field {
    let heading = Heading {
        name: name.to_string(),
        kind,
        attribute: false,
    };
    (heading, value)
}

/// An extra field, under the name [`attribute_name`] gives it.
fn attribute(name: &str, fields: &[&str], value: &str) -> Field {
    let heading = Heading {
        name: attribute_name(name, fields),
        kind: ValueType::Text,
        attribute: true,
    };
    (heading, Some(value.to_string()))
}

fn text(value: &Option<String>) -> Option<String> {
    value.clone()
}

fn number(value: Option<f64>) -> Option<String> {
    value.map(|v| v.to_string())
}

/// Term labels of one kind, `;`-joined, as the project folder writes them.
pub(crate) fn term_labels(ids: &[String], kind: TermKind, vocabulary: &Vocabulary) -> String {
    ids.iter()
        .map(|id| vocabulary.label(kind, id))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Every organization as a row of its fields (`organizations.csv`'s columns, then its extra
/// fields, then `extra`'s columns), one column per field that some organization has.
pub fn organization_table(coalition: &Coalition, extra: &[Column]) -> Table {
    organizations(coalition, extra, &["id", "name", "type", "status"])
}

/// [`organization_table`] with the columns `always` present even when empty.
pub(crate) fn organizations(coalition: &Coalition, extra: &[Column], always: &[&str]) -> Table {
    let vocabulary = coalition.vocabulary();
    let record = |i: usize, o: &Organization| {
        let list = |kind: TermKind| {
            Some(term_labels(o.terms(kind), kind, &vocabulary)).filter(|l| !l.is_empty())
        };
        let values = [
            Some(o.id.clone()),
            Some(o.name.clone()),
            Some(o.kind.id().to_string()),
            Some(o.status.id().to_string()),
            list(TermKind::Population),
            list(TermKind::Domain),
            list(TermKind::Asset),
            text(&o.aligned_initiatives),
            text(&o.motivations),
            text(&o.roles),
            text(&o.barriers),
            text(&o.invited_by),
            text(&o.contact),
            text(&o.website),
            text(&o.location.city),
            text(&o.location.county),
            number(o.location.lat),
            number(o.location.lon),
            text(&o.notes),
        ];
        let mut record: Vec<Field> = ORGANIZATION_COLUMNS
            .iter()
            .zip(values)
            .map(|(&name, value)| {
                let kind = if matches!(name, "lat" | "lon") {
                    ValueType::Double
                } else {
                    ValueType::Text
                };
                field(name, kind, value)
            })
            .collect();
        record.extend(
            o.attributes
                .iter()
                .map(|(name, value)| attribute(name, ORGANIZATION_COLUMNS, value)),
        );
        record.extend(extra.iter().map(|column| {
            let value = column.values.get(i).cloned().flatten();
            field(&column.name, column.kind, value)
        }));
        record
    };
    let records = coalition
        .organizations
        .iter()
        .enumerate()
        .map(|(i, o)| record(i, o))
        .collect();
    let template = record(0, &Organization::new("", "", OrganizationType::Other));
    Table::from_records(records, template, always)
}

/// Every partnership as a row of its fields (`partnerships.csv`'s columns, `relation`, then its
/// extra fields).
pub fn partnership_table(coalition: &Coalition) -> Table {
    partnerships(
        coalition,
        &["source", "target", "kind", "strength", "directed"],
    )
}

/// [`partnership_table`] with the columns `always` present even when empty.
pub(crate) fn partnerships(coalition: &Coalition, always: &[&str]) -> Table {
    let record = |p: &Partnership| {
        let mut record = vec![
            field("source", ValueType::Text, Some(p.source.clone())),
            field("target", ValueType::Text, Some(p.target.clone())),
            field("kind", ValueType::Text, Some(p.kind.id().to_string())),
            field("strength", ValueType::Integer, Some(p.strength.to_string())),
            field("directed", ValueType::Boolean, Some(p.directed.to_string())),
            field("since", ValueType::Text, p.since.clone()),
            field("notes", ValueType::Text, p.notes.clone()),
            field("weight", ValueType::Double, number(p.weight)),
            field("trust", ValueType::Double, number(p.trust)),
            field("value", ValueType::Double, number(p.value)),
            field(
                "frequency",
                ValueType::Text,
                p.frequency.map(|f| f.id().to_string()),
            ),
            field("relation", ValueType::Text, p.relation.clone()),
        ];
        record.extend(
            p.attributes
                .iter()
                .map(|(name, value)| attribute(name, PARTNERSHIP_COLUMNS, value)),
        );
        record
    };
    let records = coalition.partnerships.iter().map(record).collect();
    Table::from_records(records, record(&Partnership::new("", "")), always)
}

/// The coalition's own fields (name, convener, date, purpose, priorities, planner weights, its own
/// vocabulary), each with its type and value; those it does not set are left out.
pub fn coalition_fields(coalition: &Coalition) -> Vec<(String, ValueType, String)> {
    let vocabulary = coalition.vocabulary();
    let mut fields = vec![("name".to_string(), ValueType::Text, coalition.name.clone())];
    let mut text = |name: &str, value: &Option<String>| {
        if let Some(value) = value {
            fields.push((name.to_string(), ValueType::Text, value.clone()));
        }
    };
    text("convener", &coalition.convener);
    text("as_of", &coalition.as_of);
    text("purpose", &coalition.purpose);
    for kind in TermKind::ALL {
        let labels = term_labels(coalition.priorities.terms(kind), kind, &vocabulary);
        if !labels.is_empty() {
            fields.push((
                format!("priority_{}", kind.plural()),
                ValueType::Text,
                labels,
            ));
        }
    }
    if let Some(w) = &coalition.planner {
        for (name, value) in [
            ("population", w.population),
            ("domain", w.domain),
            ("asset", w.asset),
            ("cell", w.cell),
            ("decay", w.decay),
        ] {
            fields.push((
                format!("planner_{name}"),
                ValueType::Double,
                value.to_string(),
            ));
        }
    }
    for kind in TermKind::ALL {
        let terms = coalition.vocabulary.terms(kind);
        if !terms.is_empty() {
            let json = serde_json::to_string(terms).expect("terms always serialise");
            fields.push((
                format!("vocabulary_{}", kind.plural()),
                ValueType::Text,
                json,
            ));
        }
    }
    fields
}

/// Sets the coalition's fields from `fields` (as [`coalition_fields`] names them), removing
/// those it takes; a value that does not fit its field stays in `fields`.
pub(crate) fn take_coalition_fields(coalition: &mut Coalition, fields: &mut Attributes) {
    if let Some(name) = fields.remove("name").filter(|n| !n.trim().is_empty()) {
        coalition.name = name;
    }
    coalition.convener = fields.remove("convener").or(coalition.convener.take());
    coalition.as_of = fields.remove("as_of").or(coalition.as_of.take());
    coalition.purpose = fields.remove("purpose").or(coalition.purpose.take());
    for kind in TermKind::ALL {
        let key = format!("vocabulary_{}", kind.plural());
        if let Some(json) = fields.get(&key) {
            if let Ok(terms) = serde_json::from_str::<Vec<Term>>(json) {
                *coalition.vocabulary.terms_mut(kind) = terms;
                fields.remove(&key);
            }
        }
    }
    for kind in TermKind::ALL {
        let key = format!("priority_{}", kind.plural());
        if let Some(list) = fields.remove(&key) {
            // Validation resolves the labels, and reports any it does not know.
            *coalition.priorities.terms_mut(kind) = split(&list);
        }
    }
    let weight = |fields: &mut Attributes, name: &str| -> Option<f64> {
        let key = format!("planner_{name}");
        let value = fields.get(&key)?.trim().parse::<f64>().ok()?;
        fields.remove(&key);
        Some(value)
    };
    if fields.keys().any(|k| k.starts_with("planner_")) {
        let defaults = PlannerWeights::default();
        coalition.planner = Some(PlannerWeights {
            population: weight(fields, "population").unwrap_or(defaults.population),
            domain: weight(fields, "domain").unwrap_or(defaults.domain),
            asset: weight(fields, "asset").unwrap_or(defaults.asset),
            cell: weight(fields, "cell").unwrap_or(defaults.cell),
            decay: weight(fields, "decay").unwrap_or(defaults.decay),
        });
    }
}

/// Moves `attribute:NAME` fields to `NAME`: extra fields that stay extra.
fn unprefix(fields: Attributes) -> Attributes {
    fields
        .into_iter()
        .map(|(name, value)| match name.strip_prefix(ATTRIBUTE_PREFIX) {
            Some(own) if !own.is_empty() => (own.to_string(), value),
            _ => (name, value),
        })
        .collect()
}

/// Sets an organization's fields from `fields` (a node's attributes, by
/// [`organization_table`]'s names) and keeps the rest as its extra attributes. A value that does
/// not fit its field (a type partnermap does not know, a term outside `vocabulary`, a latitude
/// that is not a number) is kept aside under its name rather than lost. The `id` and the name
/// are the reader's business.
pub(crate) fn take_organization_fields(
    org: &mut Organization,
    mut fields: Attributes,
    vocabulary: &Vocabulary,
) {
    let mut take = |name: &str, fits: &dyn Fn(&str) -> bool| -> Option<String> {
        let fits = fields.get(name).is_some_and(|v| fits(v));
        if fits {
            fields.remove(name)
        } else {
            None
        }
    };
    if let Some(kind) = take("type", &|v| OrganizationType::parse(v).is_ok()) {
        org.kind = OrganizationType::parse(&kind).expect("checked");
    }
    if let Some(status) = take("status", &|v| Status::parse(v).is_ok()) {
        org.status = Status::parse(&status).expect("checked");
    }
    for kind in TermKind::ALL {
        let resolves = |v: &str| split(v).iter().all(|t| vocabulary.resolve(kind, t).is_ok());
        if let Some(list) = take(kind.plural(), &resolves) {
            *org.terms_mut(kind) = split(&list);
        }
    }
    let any = |_: &str| true;
    org.aligned_initiatives = take("aligned_initiatives", &any).or(org.aligned_initiatives.take());
    org.motivations = take("motivations", &any).or(org.motivations.take());
    org.roles = take("roles", &any).or(org.roles.take());
    org.barriers = take("barriers", &any).or(org.barriers.take());
    org.invited_by = take("invited_by", &any).or(org.invited_by.take());
    org.contact = take("contact", &any).or(org.contact.take());
    org.website = take("website", &any).or(org.website.take());
    org.location.city = take("city", &any).or(org.location.city.take());
    org.location.county = take("county", &any).or(org.location.county.take());
    org.notes = take("notes", &any).or(org.notes.take());
    let degrees = |limit: f64| {
        move |v: &str| {
            v.trim()
                .parse::<f64>()
                .is_ok_and(|d| d.is_finite() && d.abs() <= limit)
        }
    };
    if let Some(lat) = take("lat", &degrees(90.0)) {
        org.location.lat = lat.trim().parse().ok();
    }
    if let Some(lon) = take("lon", &degrees(180.0)) {
        org.location.lon = lon.trim().parse().ok();
    }
    org.attributes.extend(unprefix(fields));
}

/// Sets a partnership's fields from `fields` (an edge's attributes, by [`partnership_table`]'s
/// names; the ends and the weight are the reader's business) and keeps the rest as its extra
/// attributes; a value that does not fit its field is kept aside under its name.
pub(crate) fn take_partnership_fields(partnership: &mut Partnership, mut fields: Attributes) {
    if let Some(kind) = fields
        .get("kind")
        .and_then(|k| PartnershipKind::parse(k).ok())
    {
        partnership.kind = kind;
        fields.remove("kind");
    }
    let strength = fields
        .get("strength")
        .and_then(|s| s.trim().parse::<u8>().ok())
        .filter(|s| (1..=3).contains(s));
    if let Some(strength) = strength {
        partnership.strength = strength;
        fields.remove("strength");
    }
    let directed = fields.get("directed").and_then(|d| match d.trim() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" => Some(false),
        _ => None,
    });
    if let Some(directed) = directed {
        partnership.directed = directed;
        fields.remove("directed");
    }
    // A score outside PARTNER's scale, or a frequency that is none of ours, stays an extra
    // field as written.
    for (name, slot) in [
        ("trust", &mut partnership.trust),
        ("value", &mut partnership.value),
    ] {
        let score = fields.get(name).and_then(|s| s.trim().parse::<f64>().ok());
        if let Some(score) = score.filter(|s| crate::model::SCORE_RANGE.contains(s)) {
            *slot = Some(score);
            fields.remove(name);
        }
    }
    if let Some(frequency) = fields
        .get("frequency")
        .and_then(|f| crate::model::Frequency::parse(f).ok())
    {
        partnership.frequency = Some(frequency);
        fields.remove("frequency");
    }
    partnership.since = fields.remove("since").or(partnership.since.take());
    partnership.notes = fields.remove("notes").or(partnership.notes.take());
    partnership.relation = fields.remove("relation").or(partnership.relation.take());
    partnership.attributes.extend(unprefix(fields));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_fields_named_like_model_fields_are_written_apart_and_read_back() {
        let mut coalition = Coalition::new("Demo");
        let mut org = Organization::new("a", "A", OrganizationType::Business);
        org.attributes.insert("type".into(), "Agency".into());
        org.attributes.insert("Budget".into(), "12".into());
        coalition.organizations.push(org.clone());
        let table = organization_table(&coalition, &[]);
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(
            names,
            ["id", "name", "type", "status", "Budget", "attribute:type"]
        );
        let fields: Attributes = names[2..]
            .iter()
            .zip(&table.rows[0][2..])
            .map(|(n, v)| (n.to_string(), v.clone().unwrap()))
            .collect();
        let mut read = Organization::new("a", "A", OrganizationType::Other);
        take_organization_fields(&mut read, fields, &Vocabulary::builtin());
        assert_eq!(read, org);
    }

    #[test]
    fn values_that_do_not_fit_their_field_are_kept_aside() {
        let fields: Attributes = [
            ("type", "Person"),
            ("status", "member"),
            ("populations", "ELL; martians"),
            ("domains", "digital access"),
            ("lat", "north"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let mut org = Organization::new("a", "A", OrganizationType::Other);
        take_organization_fields(&mut org, fields, &Vocabulary::builtin());
        assert_eq!(
            (org.kind, org.status),
            (OrganizationType::Other, Status::Member)
        );
        assert_eq!(org.domains, ["digital access"]);
        assert!(org.populations.is_empty());
        let kept: Vec<&str> = org.attributes.keys().map(String::as_str).collect();
        assert_eq!(kept, ["lat", "populations", "type"]);
    }
}
