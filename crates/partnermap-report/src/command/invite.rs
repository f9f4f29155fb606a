//! `partnermap invite`: the report's Table 4 (the invite list, who sends each invitation and
//! why, what stays uncovered), and whom to write to.

use super::{header, join, table_section};
use crate::document::{Document, Table};
use partnermap_analysis::invite::Plan;
use partnermap_core::Landscape;

/// The invite plan as a document.
///
/// ```
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let landscape = Landscape::build(&coalition);
/// let plan = partnermap_analysis::invite::plan(&landscape, 5, false);
/// let document = partnermap_report::command::invite(&landscape, &plan);
/// assert_eq!(document.title, "Demo: invite plan");
/// ```
pub fn invite(landscape: &Landscape, plan: &Plan) -> Document {
    let contact = |id: &str| {
        landscape
            .organization(id)
            .and_then(|i| landscape.coalition().organizations[i].contact.clone())
            .unwrap_or_else(|| "(contact to find)".to_string())
    };
    let rows = plan
        .picks
        .iter()
        .map(|pick| {
            let shared = if pick.shared_with_convener.is_empty() {
                "—".to_string()
            } else {
                join(&pick.shared_with_convener)
            };
            vec![
                pick.name.as_str().into(),
                contact(&pick.id).into(),
                shared.into(),
            ]
        })
        .collect();
    let mut sections = vec![crate::content::invite_plan(plan, &[])];
    if !plan.picks.is_empty() {
        sections.push(table_section(
            "contacts",
            "Whom to write to, and what you have in common",
            Table {
                header: header(&[
                    "Organization",
                    "Potential coalition member",
                    "Shares with the convener's customers",
                ]),
                rows,
            },
        ));
    }
    Document {
        title: format!("{}: invite plan", landscape.coalition().name),
        subtitle: Vec::new(),
        sections,
    }
}
