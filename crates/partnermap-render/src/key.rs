//! The key (legend) of a map and the record of what the map shows: drawing a node or an edge
//! notes its type, status, kind, strength, class or mark in [`Used`], and [`strip`] turns
//! that record into the map's caption: its title, then a grid of entries (types, statuses,
//! marks, priorities, ties, lines, in that order), one for each colour, outline and line
//! actually drawn, and nothing else.
//!
//! The caption is the graph's own label, an HTML-like table, so every layout engine places
//! it whole below the drawing: no engine can move its entries apart or into the map.

use crate::annotations::CoverageClass;
use crate::change::{self, Mark};
use crate::style::{self, html_label_text as text};
use partnermap_core::{OrganizationType, PartnershipKind, Status};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// What was drawn, so the key explains that and nothing else.
#[derive(Default)]
pub(crate) struct Used {
    pub(crate) types: BTreeSet<OrganizationType>,
    pub(crate) statuses: BTreeSet<Status>,
    /// The rule by which organizations were marked as brokers, when any were.
    pub(crate) broker_rule: Option<String>,
    pub(crate) cut_points: bool,
    /// The ego view's organization.
    pub(crate) focus: bool,
    pub(crate) kinds: BTreeSet<PartnershipKind>,
    pub(crate) strengths: BTreeSet<u8>,
    pub(crate) directed: bool,
    /// Priority populations drawn without a coverage class.
    pub(crate) plain_priorities: bool,
    pub(crate) other_populations: bool,
    pub(crate) domains: bool,
    /// Light serves and works-in lines.
    pub(crate) light_links: bool,
    /// Serves lines drawn by the provider's status (coverage view); members count as existing.
    pub(crate) serves: BTreeSet<Status>,
    pub(crate) classes: BTreeSet<CoverageClass>,
    pub(crate) unassessed: bool,
    pub(crate) paths: bool,
    /// What the change view marked, and the earlier snapshot's date.
    pub(crate) changes: BTreeSet<Mark>,
    pub(crate) since: Option<String>,
}

/// A swatch cell and the words beside it.
struct Entry {
    swatch: String,
    words: String,
}

/// A box swatch: fill, outline width, outline style and colour.
fn boxed(fill: &str, border: u8, line: &str, colour: &str) -> String {
    let style = match line {
        "dashed" | "dotted" => format!(" style=\"{line}\""),
        _ => String::new(),
    };
    format!(
        "<td width=\"22\" height=\"14\" fixedsize=\"true\" border=\"{border}\" color=\"{colour}\" bgcolor=\"{fill}\"{style}></td>"
    )
}

/// A line swatch: the bottom edge of an empty cell, in the line's colour, width and style.
fn line(colour: &str, width: &str, line_style: &str) -> String {
    let border = match width.parse::<f64>().unwrap_or(1.0) {
        w if w >= 4.0 => 4,
        w if w >= 2.0 => 2,
        _ => 1,
    };
    let style = match line_style {
        "dashed" | "dotted" => format!(" style=\"{line_style}\""),
        _ => String::new(),
    };
    format!(
        "<td width=\"28\" height=\"12\" fixedsize=\"true\" border=\"{border}\" sides=\"b\" color=\"{colour}\"{style}></td>"
    )
}

fn entry(swatch: String, words: &str) -> Entry {
    Entry {
        swatch,
        words: words.to_string(),
    }
}

/// The groups of the key, in reading order, each with its entries; empty groups left out.
fn groups(used: &Used) -> Vec<(&'static str, Vec<Entry>)> {
    let white = "#FFFFFF";
    let types = used
        .types
        .iter()
        .map(|&kind| {
            let (fill, _) = kind.colours();
            entry(boxed(fill, 1, "solid", style::OUTLINE), kind.label())
        })
        .collect();
    let statuses = used
        .statuses
        .iter()
        .map(|&status| {
            let (outline, width) = style::status_outline(status);
            let border = if width.parse::<f64>().unwrap_or(1.0) >= 3.0 {
                3
            } else {
                1
            };
            entry(
                boxed(white, border, outline, style::OUTLINE),
                status.label(),
            )
        })
        .collect();
    let mut marks = Vec::new();
    if used.focus {
        marks.push(entry(
            boxed(white, 4, "solid", "#000000"),
            "Focus of this map",
        ));
    }
    if let Some(rule) = &used.broker_rule {
        let double = "<td><table border=\"1\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"0\"><tr><td width=\"14\" height=\"7\"></td></tr></table></td>";
        marks.push(entry(double.to_string(), rule));
    }
    if used.cut_points {
        marks.push(entry(
            boxed(white, 2, "solid", style::CUT_POINT_LINE),
            "Cut point: cuts off 2 or more",
        ));
    }
    let mut terms = Vec::new();
    if used.plain_priorities {
        terms.push(entry(
            boxed(style::POPULATION_FILL, 2, "solid", "#000000"),
            "Priority population",
        ));
    }
    for &class in &used.classes {
        let (fill, _) = style::coverage_colours(class);
        let meaning = match class {
            CoverageClass::Uncovered => "Uncovered: no provider, none in reach",
            CoverageClass::Reachable => "Reachable: only potential partners",
            CoverageClass::Thin => "Thin: one member or partner",
            CoverageClass::Covered => "Covered: two or more",
        };
        terms.push(entry(boxed(fill, 1, "solid", "#000000"), meaning));
    }
    if used.unassessed {
        terms.push(entry(
            boxed(white, 2, "solid", "#000000"),
            "Priority population (not assessed)",
        ));
    }
    if used.other_populations {
        terms.push(entry(
            boxed(style::POPULATION_FILL, 1, "solid", style::MUTED),
            "Population (not a priority)",
        ));
    }
    if used.domains {
        terms.push(entry(
            boxed(style::DOMAIN_FILL, 1, "solid", style::MUTED),
            "Priority domain of work",
        ));
    }
    let mut ties: Vec<Entry> = used
        .kinds
        .iter()
        .map(|&kind| {
            let (colour, line_style) = style::kind_line(kind);
            entry(line(colour, "2", line_style), kind.label())
        })
        .collect();
    ties.extend(used.strengths.iter().map(|&strength| {
        entry(
            line("#000000", style::strength_width(strength), "solid"),
            style::strength_label(strength),
        )
    }));
    if used.directed {
        ties.push(entry(
            "<td>→</td>".to_string(),
            "One-way (referrals, funding)",
        ));
    }
    let mut lines: Vec<Entry> = used
        .serves
        .iter()
        .map(|&status| {
            let (colour, line_style) = style::serves_line(status);
            let who = match status {
                Status::Member | Status::Existing => "Serves (member or existing partner)",
                Status::Potential => "Serves (potential partner)",
                Status::KeepInformed => "Serves (keep informed)",
            };
            entry(line(colour, "1", line_style), who)
        })
        .collect();
    if used.light_links {
        let words = if used.domains {
            "Serves / works in"
        } else {
            "Serves"
        };
        lines.push(entry(line(style::LIGHT_LINE, "2", "solid"), words));
    }
    if used.paths {
        lines.push(entry(
            line(style::PATH_LINE, "4", "solid"),
            "Warm introduction path",
        ));
    }
    let changes = used
        .changes
        .iter()
        .map(|&mark| {
            let swatch = match mark {
                Mark::Joined | Mark::Converted => boxed(white, 3, "solid", change::NEW),
                Mark::Left => boxed(change::GONE_FILL, 1, "dashed", change::GONE),
                Mark::Added => line(change::NEW, "2", "solid"),
                Mark::Ended => line(change::GONE, "2", "dashed"),
                Mark::Kept => line(change::KEPT, "2", "solid"),
            };
            entry(swatch, &mark.meaning(&used.since))
        })
        .collect();
    let all = [
        ("Changes", changes),
        ("Type", types),
        ("Status", statuses),
        ("Marks", marks),
        ("Priorities", terms),
        ("Ties", ties),
        ("Lines", lines),
    ];
    all.into_iter().filter(|(_, e)| !e.is_empty()).collect()
}

/// The caption under the map: `title` (its first line large, the rest small), then the
/// key's entries in reading order as a grid of `per_row` entries a row. An HTML-like label,
/// quoted in `<…>`.
pub(crate) fn strip(title: &str, used: &Used, per_row: usize) -> String {
    let entries: Vec<Entry> = groups(used).into_iter().flat_map(|(_, e)| e).collect();
    let per_row = per_row.clamp(1, entries.len().max(1));
    let span = 2 * per_row;
    let mut html =
        String::from("<<table border=\"0\" cellborder=\"0\" cellspacing=\"2\" cellpadding=\"1\">");
    // Graphviz rejects an empty <font>, so a blank line of the title is an empty row.
    for (at, line) in title.lines().enumerate() {
        let _ = write!(html, "<tr><td align=\"left\" colspan=\"{span}\">");
        if !line.is_empty() {
            let _ = if at == 0 {
                write!(html, "<font point-size=\"20\">{}</font>", text(line))
            } else {
                write!(
                    html,
                    "<font point-size=\"13\" color=\"{}\">{}</font>",
                    style::MUTED,
                    text(line)
                )
            };
        }
        html.push_str("</td></tr>");
    }
    for chunk in entries.chunks(per_row) {
        html.push_str("<tr>");
        for e in chunk {
            let _ = write!(
                html,
                "{}<td align=\"left\"><font point-size=\"12\">{}</font></td>",
                e.swatch,
                text(&e.words)
            );
        }
        if chunk.len() < per_row {
            let _ = write!(
                html,
                "<td colspan=\"{}\"></td>",
                2 * (per_row - chunk.len())
            );
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>>");
    html
}
