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
