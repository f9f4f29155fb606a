//! `partnermap validate`: what was loaded, counted.

use super::{header, table_section};
use crate::document::{Block, Document, Item, Section, Table};
use partnermap_core::model::Summary;
use partnermap_core::{Coalition, TermKind};

/// The summary of a valid coalition as a document.
///
/// ```
/// use partnermap_core::Coalition;
/// let coalition = Coalition::new("Demo");
/// let document = partnermap_report::command::validate(&coalition);
/// assert_eq!(document.title, "Demo: valid");
/// assert_eq!(document.subtitle, ["0 organizations, 0 partnerships"]);
/// ```
/// Takes the coalition rather than its graph: `validate` looks up one organization, and
/// building the graph of a state's directory for that would double the command's work.
pub fn validate(coalition: &Coalition) -> Document {
    let summary = Summary::of(coalition);
    let mut subtitle = vec![format!(
        "{} organizations, {} partnerships",
        summary.organizations, summary.partnerships
    )];
    if let Some(convener) = &coalition.convener {
        let name = coalition
            .organizations
            .iter()
            .find(|o| &o.id == convener)
            .map_or(convener.as_str(), |o| &o.name);
        subtitle.push(format!("convener: {name}"));
    }
    let counts = |title: &'static str, rows: Vec<(String, usize)>| Table {
        header: header(&[title, "Count"]),
        rows: rows
            .into_iter()
            .map(|(label, n)| vec![label.into(), n.to_string().into()])
            .collect(),
    };
    let mut sections = vec![
        table_section(
            "types",
            "Organizations by type",
            counts(
                "Type",
                summary
                    .by_type
                    .iter()
                    .map(|(k, n)| (k.label().to_string(), *n))
                    .collect(),
            ),
        ),
        table_section(
            "statuses",
            "Organizations by status",
            counts(
                "Status",
                summary
                    .by_status
                    .iter()
                    .map(|(s, n)| (s.label().to_string(), *n))
                    .collect(),
            ),
        ),
    ];
    if !summary.by_kind.is_empty() {
        sections.push(table_section(
            "kinds",
            "Partnerships by kind",
            counts(
                "Kind",
                summary
                    .by_kind
                    .iter()
                    .map(|(k, n)| (k.label().to_string(), *n))
                    .collect(),
            ),
        ));
    }
    let mut relations: std::collections::BTreeMap<&str, usize> = Default::default();
    for relation in coalition
        .partnerships
        .iter()
        .filter_map(|p| p.relation.as_deref())
    {
        *relations.entry(relation).or_default() += 1;
    }
    if !relations.is_empty() {
        sections.push(table_section(
            "relations",
            "Partnerships by relation",
            counts(
                "Relation",
                relations
                    .into_iter()
                    .map(|(r, n)| (r.to_string(), n))
                    .collect(),
            ),
        ));
    }
    let kept = kept_aside(coalition);
    if !kept.is_empty() {
        sections.push(Section {
            id: "kept-aside",
            title: "Kept aside".to_string(),
            blocks: vec![
                Block::Paragraph(
                    "Fields of the input that have no place in the worksheet; they are kept and go into every export."
                        .to_string(),
                ),
                Block::List(kept),
            ],
        });
    }
    let vocabulary = coalition.vocabulary();
    let priorities: Vec<Item> = TermKind::ALL
        .into_iter()
        .filter(|&kind| !coalition.priorities.terms(kind).is_empty())
        .map(|kind| {
            Item::led(
                kind.plural(),
                coalition
                    .priorities
                    .terms(kind)
                    .iter()
                    .map(|id| vocabulary.label(kind, id))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        })
        .collect();
    if !priorities.is_empty() {
        sections.push(Section {
            id: "priorities",
            title: "Priorities".to_string(),
            blocks: vec![Block::List(priorities)],
        });
    }
    Document {
        title: format!("{}: valid", coalition.name),
        subtitle,
        sections,
    }
}

/// "kept aside: 3 organization fields (Budget, Founded, Region)", and the same for partnerships:
/// the extra fields' names, in order, with how many records have each.
fn kept_aside(coalition: &Coalition) -> Vec<Item> {
    let organizations = field_counts(coalition.organizations.iter().map(|o| &o.attributes));
    let partnerships = field_counts(coalition.partnerships.iter().map(|p| &p.attributes));
    [
        ("organization", organizations),
        ("partnership", partnerships),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(what, names)| {
        let listed: Vec<String> = names.iter().map(|(n, k)| format!("{n} ({k})")).collect();
        Item::led(
            "kept aside",
            format!("{} {what} fields: {}", names.len(), listed.join(", ")),
        )
    })
    .collect()
}

/// How many records have each extra field, by name.
fn field_counts<'a>(
    records: impl Iterator<Item = &'a partnermap_core::model::Attributes>,
) -> std::collections::BTreeMap<&'a str, usize> {
    let mut names = std::collections::BTreeMap::new();
    for name in records.flat_map(|a| a.keys()) {
        *names.entry(name.as_str()).or_default() += 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnermap_core::model::{Organization, OrganizationType, Partnership};

    #[test]
    fn extra_fields_are_listed_as_kept_aside_with_their_counts() {
        let mut coalition = Coalition::new("Demo");
        for (id, fields) in [("a", &["Budget", "Region"][..]), ("b", &["Budget"][..])] {
            let mut org = Organization::new(id, id, OrganizationType::Other);
            for field in fields {
                org.attributes.insert(field.to_string(), "x".to_string());
            }
            coalition.organizations.push(org);
        }
        let mut tie = Partnership::new("a", "b");
        tie.attributes.insert("collab".into(), "3".into());
        coalition.partnerships.push(tie);
        let document = validate(&coalition);
        let kept = document
            .sections
            .iter()
            .find(|s| s.id == "kept-aside")
            .unwrap();
        let Block::List(items) = &kept.blocks[1] else {
            panic!("a list")
        };
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "2 organization fields: Budget (2), Region (1)",
                "1 partnership fields: collab (1)"
            ]
        );
        assert!(validate(&Coalition::new("Plain"))
            .sections
            .iter()
            .all(|s| s.id != "kept-aside"));
    }
}
