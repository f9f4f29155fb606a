//! `partnermap invite`: the invite list (worksheet Table 4), why each organization is on it,
//! who sends each invitation, and what stays uncovered.

use super::{header, join, table_section};
use crate::document::{Block, Document, Item, Section, Table};
use partnermap_analysis::invite::{List, Plan};
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
    let list = |items: &[String]| {
        if items.is_empty() {
            "—".to_string()
        } else {
            join(items)
        }
    };
    let left: Vec<Item> = plan
        .still_uncovered()
        .map(|n| Item::plain(n.need.label()))
        .collect();
    let sections = vec![
        Section {
            id: "method",
            title: "How the list was chosen".to_string(),
            blocks: vec![Block::Paragraph(summary(plan))],
        },
        table_section(
            "table-4",
            "Table 4: final invite list",
            Table {
                header: header(&[
                    "#",
                    "Potential coalition member",
                    "Organization",
                    "Who will send the invitation?",
                    "Why this sender",
                ]),
                rows: plan
                    .picks
                    .iter()
                    .enumerate()
                    .map(|(i, pick)| {
                        vec![
                            (i + 1).to_string().into(),
                            contact(&pick.id).into(),
                            pick.name.as_str().into(),
                            pick.sender.name.as_str().into(),
                            pick.sender.reason.describe().into(),
                        ]
                    })
                    .collect(),
            },
        ),
        table_section(
            "why",
            "Why each pick",
            Table {
                header: header(&[
                    "Organization",
                    "Closes",
                    "Backs up",
                    "Shares with the convener's customers",
                    "Barriers",
                ]),
                rows: plan
                    .picks
                    .iter()
                    .map(|pick| {
                        vec![
                            pick.name.as_str().into(),
                            list(&pick.closes).into(),
                            list(&pick.strengthens).into(),
                            list(&pick.shared_with_convener).into(),
                            pick.barriers.as_deref().unwrap_or("—").into(),
                        ]
                    })
                    .collect(),
            },
        ),
        Section {
            id: "uncovered",
            title: "Still uncovered after the list".to_string(),
            blocks: vec![if left.is_empty() {
                Block::Paragraph("None.".to_string())
            } else {
                Block::List(left)
            }],
        },
        Section {
            id: "keep-informed",
            title: "Keep informed (connected, would add little now)".to_string(),
            blocks: vec![if plan.keep_informed.is_empty() {
                Block::Paragraph("None.".to_string())
            } else {
                Block::List(
                    plan.keep_informed
                        .iter()
                        .map(|k| Item::plain(format!("{} (would add {:.2})", k.name, k.gain)))
                        .collect(),
                )
            }],
        },
    ];
    Document {
        title: format!("{}: invite plan", landscape.coalition().name),
        subtitle: Vec::new(),
        sections,
    }
}

fn summary(plan: &Plan) -> String {
    let mut out = format!(
        "Up to {} organizations, chosen from {} candidates (potential and keep-informed) to close the most weighted gaps. ",
        plan.k, plan.candidates
    );
    match &plan.exact {
        Some(List { value: best, .. }) => {
            let share = if *best > 0.0 {
                100.0 * plan.greedy.value / best
            } else {
                100.0
            };
            out += &format!(
                "Best possible list found by exact search (value {best:.2}); the quick greedy method reaches {:.2} ({share:.0}% of best).",
                plan.greedy.value
            );
        }
        None => {
            out += &format!(
                "List found by greedy selection (value {:.2}); by construction at least 63% of the best possible.",
                plan.greedy.value
            );
        }
    }
    out
}
