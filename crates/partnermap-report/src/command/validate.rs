//! `partnermap validate`: what was loaded, counted.

use super::{header, table_section};
use crate::document::{Block, Document, Item, Section, Table};
use partnermap_core::model::Summary;
use partnermap_core::{Landscape, TermKind};

/// The summary of a valid coalition as a document.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let document = partnermap_report::command::validate(&Landscape::build(&coalition));
/// assert_eq!(document.title, "Demo: valid");
/// assert_eq!(document.subtitle, ["0 organizations, 0 partnerships"]);
/// ```
pub fn validate(landscape: &Landscape) -> Document {
    let coalition = landscape.coalition();
    let summary = Summary::of(coalition);
    let mut subtitle = vec![format!(
        "{} organizations, {} partnerships",
        summary.organizations, summary.partnerships
    )];
    if let Some(convener) = &coalition.convener {
        let name = landscape
            .organization(convener)
            .map_or(convener.as_str(), |i| &coalition.organizations[i].name);
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
    let vocabulary = landscape.vocabulary();
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
