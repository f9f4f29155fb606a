//! `partnermap diff OLD NEW`: what changed between two snapshots, in words and tables.

use super::{header, more, number, table_section, ROWS};
use crate::document::{Block, Cell, Document, Item, Section, Table};
use partnermap_analysis::diff::{Diff, PartnershipChangeKind};

/// The diff as a document: the story first, then organizations, partnerships, priorities and
/// the network figures side by side.
///
/// ```
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let diff = partnermap_analysis::diff::diff(&landscape, &landscape);
/// let document = partnermap_report::command::diff("Demo", &diff);
/// assert_eq!(document.sections[0].blocks.len(), 1);
/// ```
pub fn diff(coalition: &str, diff: &Diff) -> Document {
    let date = |d: &Option<String>| d.clone().unwrap_or_else(|| "undated".to_string());
    let mut story = Vec::new();
    // The first changes for a person; a state's directory can change by tens of thousands.
    const ALL: &str = "`partnermap diff --format json`";
    for o in diff.organizations.iter().take(ROWS) {
        let line = match (&o.before, &o.after) {
            (None, Some(_)) => "joined".to_string(),
            (Some(_), None) => "left".to_string(),
            (Some(b), Some(a)) if o.converted => {
                format!("converted: {} → {}", b.status.label(), a.status.label())
            }
            (Some(b), Some(a)) if b.status != a.status => {
                format!("{} → {}", b.status.label(), a.status.label())
            }
            _ => String::new(),
        };
        let mut details = Vec::new();
        if o.id_changed {
            let (b, a) = (o.before.as_ref(), o.after.as_ref());
            details.push(format!(
                "matched by name: id {} is now {}",
                b.map_or("", |s| &s.id),
                a.map_or("", |s| &s.id)
            ));
        }
        story.push(Item {
            lead: Some(o.name().to_string()),
            text: line,
            details,
        });
    }
    let mut sections = vec![Section {
        id: "summary",
        title: format!(
            "From {} to {}",
            date(&diff.as_of.before),
            date(&diff.as_of.after)
        ),
        blocks: vec![if diff.is_empty() {
            Block::Paragraph(
                "No change: the same organizations, partnerships and coverage.".to_string(),
            )
        } else {
            Block::Paragraph(summary(diff))
        }],
    }];
    if !story.is_empty() {
        sections.push(Section {
            id: "organizations",
            title: "Organizations".to_string(),
            blocks: [Block::List(story)]
                .into_iter()
                .chain(more(diff.organizations.len(), ROWS, ALL))
                .collect(),
        });
    }
    let opt = |x: Option<u8>| x.map_or("—".to_string(), |s| s.to_string());
    if !diff.partnerships.is_empty() {
        sections.push(Section {
            id: "partnerships",
            title: "Partnerships".to_string(),
            blocks: vec![Block::Table(Table {
                header: header(&["Change", "Between", "Strength", "Trust", "Value"]),
                rows: diff
                    .partnerships
                    .iter()
                    .take(ROWS)
                    .map(|p| {
                        vec![
                            kind(p.change).into(),
                            format!("{} – {}", p.between.0, p.between.1).into(),
                            format!("{} → {}", opt(p.strength.before), opt(p.strength.after))
                                .into(),
                            format!("{} → {}", figure(p.trust.before), figure(p.trust.after))
                                .into(),
                            format!("{} → {}", figure(p.value.before), figure(p.value.after))
                                .into(),
                        ]
                    })
                    .collect(),
            })]
            .into_iter()
            .chain(more(diff.partnerships.len(), ROWS, ALL))
            .collect(),
        });
    }
    let class = |c: Option<partnermap_analysis::coverage::Class>| {
        c.map_or("not a priority".to_string(), |c| c.id().to_string())
    };
    if !diff.priorities.is_empty() {
        sections.push(Section {
            id: "priorities",
            title: "Coverage of priorities".to_string(),
            blocks: vec![Block::Table(Table {
                header: header(&["Priority", "Before", "After", "What happened"]),
                rows: diff
                    .priorities
                    .iter()
                    .map(|p| {
                        vec![
                            p.term.label.as_str().into(),
                            class(p.class.before).into(),
                            class(p.class.after).into(),
                            p.story().unwrap_or("").into(),
                        ]
                    })
                    .collect(),
            })],
        });
    }
    let side_by_side = |name: &str, before: String, after: String| -> Vec<Cell> {
        vec![name.into(), before.into(), after.into()]
    };
    if !diff.brokers.is_empty() {
        let rows = diff.brokers.iter().map(|b| {
            let moved = &b.betweenness;
            side_by_side(&b.name, number(moved.before), number(moved.after))
        });
        let header = header(&["Organization", "Betweenness before", "After"]);
        let table = Table {
            header,
            rows: rows.collect(),
        };
        sections.push(table_section("brokers", "Brokers that rose or fell", table));
    }
    let rows = diff
        .figures
        .iter()
        .map(|(key, c)| side_by_side(key, figure(c.before), figure(c.after)));
    let table = Table {
        header: header(&["Figure", "Before", "After"]),
        rows: rows.collect(),
    };
    sections.push(table_section("figures", "The network, side by side", table));
    Document {
        title: format!("{coalition}: what changed"),
        subtitle: Vec::new(),
        sections,
    }
}

/// The change in one sentence of counts.
fn summary(diff: &Diff) -> String {
    let count = |f: &dyn Fn(&partnermap_analysis::diff::OrganizationChange) -> bool| {
        diff.organizations.iter().filter(|o| f(o)).count()
    };
    let ties =
        |k: PartnershipChangeKind| diff.partnerships.iter().filter(|p| p.change == k).count();
    let stories = |s: &str| {
        diff.priorities
            .iter()
            .filter(|p| p.story() == Some(s))
            .count()
    };
    let parts = [
        (
            count(&|o| o.before.is_none()),
            "organization joined",
            "organizations joined",
        ),
        (count(&|o| o.after.is_none()), "left", "left"),
        (
            count(&|o| o.converted),
            "converted from a potential partner",
            "converted from potential partners",
        ),
        (
            ties(PartnershipChangeKind::Added),
            "partnership added",
            "partnerships added",
        ),
        (ties(PartnershipChangeKind::Ended), "ended", "ended"),
        (
            ties(PartnershipChangeKind::Strengthened),
            "strengthened",
            "strengthened",
        ),
        (
            ties(PartnershipChangeKind::Weakened),
            "weakened",
            "weakened",
        ),
        (stories("gap closed"), "gap closed", "gaps closed"),
        (stories("gap opened"), "gap opened", "gaps opened"),
        (
            stories("gained a backup"),
            "thin priority gained a backup",
            "thin priorities gained a backup",
        ),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|&(n, one, many)| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
    format!("{}.", said.join(", "))
}

fn kind(change: PartnershipChangeKind) -> &'static str {
    match change {
        PartnershipChangeKind::Added => "added",
        PartnershipChangeKind::Ended => "ended",
        PartnershipChangeKind::Strengthened => "strengthened",
        PartnershipChangeKind::Weakened => "weakened",
        PartnershipChangeKind::Rescored => "trust or value changed",
    }
}

/// A figure or score for people: whole numbers without decimals, others to three, unknown as
/// "—".
pub(crate) fn figure(x: Option<f64>) -> String {
    match x {
        Some(x) if x.fract() == 0.0 => format!("{x:.0}"),
        Some(x) => number(x),
        None => "—".to_string(),
    }
}
