//! `partnermap paths`: for a population, domain or asset, the organizations outside the
//! coalition that provide it and the warm introduction to each.

use super::{header, more, ROWS};
use crate::document::{Block, Document, Section, Table};
use partnermap_analysis::introductions::Introduction;
use partnermap_core::Landscape;

/// An organization's name from its id.
pub(crate) fn name<'a>(landscape: &Landscape<'a>, id: &'a str) -> &'a str {
    landscape
        .organization(id)
        .map_or(id, |i| &landscape.coalition().organizations[i].name)
}

/// A warm introduction as the names along it.
pub(crate) fn chain(landscape: &Landscape, path: &[String]) -> String {
    path.iter()
        .map(|id| name(landscape, id))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The warm introductions to the providers of `label`, as a document.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let document = partnermap_report::command::paths(&Landscape::build(&coalition), "Young people", &[]);
/// assert_eq!(document.title, "Warm introductions: Young people");
/// ```
pub fn paths(landscape: &Landscape, label: &str, found: &[Introduction]) -> Document {
    let dash = || "—".to_string();
    let block = if found.is_empty() {
        Block::Paragraph(
            "No potential or keep-informed organization provides it: look beyond the current list."
                .to_string(),
        )
    } else {
        Block::Table(Table {
            header: header(&[
                "Organization",
                "Introduced by",
                "Steps",
                "Weakest tie",
                "Chain",
            ]),
            rows: found
                .iter()
                .take(ROWS)
                .map(|f| {
                    vec![
                        name(landscape, &f.target_id).into(),
                        f.introducer
                            .as_deref()
                            .map_or_else(dash, |i| name(landscape, i).to_string())
                            .into(),
                        f.length.map_or_else(dash, |l| l.to_string()).into(),
                        f.weakest_tie.map_or_else(dash, |w| w.to_string()).into(),
                        if f.path.is_empty() {
                            "no chain: a cold introduction".to_string()
                        } else {
                            chain(landscape, &f.path)
                        }
                        .into(),
                    ]
                })
                .collect(),
        })
    };
    Document {
        title: format!("Warm introductions: {label}"),
        subtitle: vec![
            "Organizations outside the coalition that provide it, and who can introduce you."
                .to_string(),
        ],
        sections: vec![Section {
            id: "introductions",
            title: "Best introduction first".to_string(),
            blocks: std::iter::once(block)
                .chain(more(found.len(), ROWS, "--format csv or --format json"))
                .collect(),
        }],
    }
}
