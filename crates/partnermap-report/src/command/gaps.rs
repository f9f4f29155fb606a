//! `partnermap gaps`: coverage of the priorities, the population × domain matrix, a what-if
//! scenario, resilience and the overlap with the convener's customers.

use super::{header, join, more, table_section, ROWS, TOP};
use crate::document::{Block, Cell, Document, Item, Section, Table};
use partnermap_analysis::coverage::{
    Class, Coverage, Dependency, Gaps, Matrix, Providers, TermCoverage, WhatIf,
};

/// The gaps report as a document.
///
/// ```
/// use partnermap_analysis::coverage::{gaps, Scenario};
/// use partnermap_core::{Coalition, Landscape};
/// let coalition = Coalition::new("Demo");
/// let report = gaps(&Landscape::build(&coalition), &Scenario::default()).unwrap();
/// let document = partnermap_report::command::gaps(&report);
/// assert_eq!(document.title, "Demo: gaps");
/// assert_eq!(document.sections[0].id, "coverage");
/// ```
pub fn gaps(report: &Gaps) -> Document {
    let coverage = &report.coverage;
    let mut sections = vec![priorities(coverage)];
    if !coverage.others.is_empty() {
        let row = |t: &TermCoverage| {
            let providers = t.providers.in_network().to_string();
            vec![
                t.term.kind.noun().into(),
                t.term.label.as_str().into(),
                providers.into(),
            ]
        };
        let rows = coverage.others.iter().take(ROWS).map(row).collect();
        let header = header(&["Kind", "Term", "Members and partners"]);
        let table = Table { header, rows };
        let mut section = table_section("others", "Also mentioned, not priorities", table);
        section
            .blocks
            .extend(more(coverage.others.len(), ROWS, "--format csv"));
        sections.push(section);
    }
    if !coverage.matrix.cells.is_empty() {
        sections.push(Section {
            id: "matrix",
            title: "Population × domain".to_string(),
            blocks: vec![
                Block::Paragraph(
                    "Each cell counts the members and partners that serve the population in that domain; the class says how well it is covered.".to_string(),
                ),
                Block::Table(matrix_table(&coverage.matrix)),
            ],
        });
    }
    if let Some(what_if) = &report.what_if {
        sections.push(what_if_section(what_if));
    }
    let at_risk: Vec<&Dependency> = report.resilience.iter().filter(|d| d.damage > 0).collect();
    if !at_risk.is_empty() {
        let mut blocks = vec![Block::List(
            at_risk
                .iter()
                .take(TOP)
                .map(|d| Item::led(format!("{} ({})", d.organization.name, d.damage), losses(d)))
                .collect(),
        )];
        blocks.extend(more(at_risk.len(), TOP, "--format json"));
        sections.push(Section {
            id: "resilience",
            title: "Resilience: what would lose its last member or partner if one left".to_string(),
            blocks,
        });
    }
    if let Some(overlap) = &report.overlap {
        let mut blocks = vec![Block::Table(Table {
            header: header(&["Organization", "Status", "Shares", "Adds"]),
            rows: overlap
                .organizations
                .iter()
                .take(TOP)
                .map(|o| {
                    vec![
                        o.organization.name.as_str().into(),
                        o.status.label().to_lowercase().into(),
                        o.shared().to_string().into(),
                        join(o.adds.iter().map(|t| t.label.as_str())).into(),
                    ]
                })
                .collect(),
        })];
        blocks.extend(more(overlap.organizations.len(), TOP, "--format json"));
        sections.push(Section {
            id: "overlap",
            title: format!(
                "Overlap with {}'s customers: populations and domains shared, priorities added",
                overlap.convener.name
            ),
            blocks,
        });
    }
    Document {
        title: format!("{}: gaps", report.coalition),
        subtitle: report.as_of.iter().map(|d| format!("As of {d}.")).collect(),
        sections,
    }
}

pub(crate) fn in_network_names(providers: &Providers) -> String {
    some_names(providers.in_network_providers().map(|o| o.name.as_str()))
}

/// How many organizations one cell or sentence names at most.
const NAMES: usize = 25;

/// Names for one cell or sentence: the first [`NAMES`], then how many more, so a priority that a
/// state's thousands of organizations provide stays a few lines (the CSV and JSON name them all).
fn some_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.collect();
    match names.len() - names.len().min(NAMES) {
        0 => join(names),
        more => format!("{}; and {more} more", join(&names[..NAMES])),
    }
}

fn class_cell(class: Class) -> Cell {
    Cell {
        text: class.to_string(),
        class: Some(class),
        ..Cell::default()
    }
}

/// One priority's row: kind, label, class, who provides it in the network and who could.
pub(crate) fn term_row(term: &TermCoverage) -> Vec<Cell> {
    vec![
        term.term.kind.noun().into(),
        term.term.label.as_str().into(),
        class_cell(term.class),
        in_network_names(&term.providers).into(),
        some_names(term.providers.potential.iter().map(|o| o.name.as_str())).into(),
    ]
}

/// The header of [`term_row`]'s table.
pub(crate) const TERM_HEADER: [&str; 5] = [
    "Kind",
    "Priority",
    "Class",
    "Members and partners",
    "Potential partners",
];

fn priorities(coverage: &Coverage) -> Section {
    Section {
        id: "coverage",
        title: "Coverage of priorities, worst first".to_string(),
        blocks: vec![
            Block::Paragraph(
                "Uncovered: nobody in the network or among the potential partners provides it. Reachable: only a potential partner does. Thin: exactly one member or partner does, a single point of failure. Covered: two or more do.".to_string(),
            ),
            Block::Table(Table {
                header: header(&TERM_HEADER),
                rows: Class::ALL
                    .into_iter()
                    .flat_map(|class| coverage.priorities_in(class))
                    .map(term_row)
                    .collect(),
            }),
        ],
    }
}

/// The population × domain matrix: each cell's in-network count and its class.
pub(crate) fn matrix_table(matrix: &Matrix) -> Table {
    let mut head = vec!["Population".to_string()];
    head.extend(matrix.domains.iter().map(|d| d.label.clone()));
    let rows = matrix
        .populations
        .iter()
        .enumerate()
        .map(|(p, population)| {
            let mut row: Vec<Cell> = vec![population.label.as_str().into()];
            row.extend((0..matrix.domains.len()).map(|d| {
                let cell = matrix.cell(p, d);
                let n = cell.providers.in_network();
                Cell {
                    text: match cell.class {
                        Class::Covered => n.to_string(),
                        class => format!("{n} {class}"),
                    },
                    class: Some(cell.class),
                    ..Cell::default()
                }
            }));
            row
        })
        .collect();
    Table { header: head, rows }
}

fn what_if_section(what_if: &WhatIf) -> Section {
    let names = |list: &[partnermap_analysis::coverage::OrganizationRef]| {
        join(list.iter().map(|o| o.name.as_str()))
    };
    let mut parts = Vec::new();
    if !what_if.without.is_empty() {
        parts.push(format!("without {}", names(&what_if.without)));
    }
    if !what_if.with.is_empty() {
        parts.push(format!("with {}", names(&what_if.with)));
    }
    let rows: Vec<Vec<Cell>> = what_if
        .terms
        .iter()
        .map(|t| {
            (
                t.term.kind.noun().to_string(),
                t.term.label.clone(),
                t.change,
            )
        })
        .chain(what_if.cells.iter().map(|c| {
            (
                "cell".to_string(),
                format!("{} × {}", c.population.label, c.domain.label),
                c.change,
            )
        }))
        .map(|(kind, label, change)| {
            vec![
                kind.into(),
                label.into(),
                class_cell(change.before),
                class_cell(change.after),
            ]
        })
        .collect();
    let block = if rows.is_empty() {
        Block::Paragraph("No priority or matrix cell changes class.".to_string())
    } else {
        Block::Table(Table {
            header: header(&["Kind", "Priority or cell", "Before", "After"]),
            rows,
        })
    };
    Section {
        id: "what-if",
        title: format!("What if: {}", parts.join(", ")),
        blocks: vec![block],
    }
}

/// The priorities and cells an organization alone holds up, in words.
fn losses(dependency: &Dependency) -> String {
    join(
        dependency.terms.iter().map(|t| t.term.label.clone()).chain(
            dependency
                .cells
                .iter()
                .map(|c| format!("{} × {}", c.population.label, c.domain.label)),
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_names_twenty_five_and_counts_the_rest() {
        let names: Vec<String> = (1..=27).map(|i| format!("Org {i}")).collect();
        let cell = some_names(names.iter().map(String::as_str));
        assert_eq!(cell, join(&names[..25]) + "; and 2 more");
        assert!(cell.starts_with("Org 1; Org 2; ") && cell.ends_with("Org 25; and 2 more"));
        let all = some_names(names[..25].iter().map(String::as_str));
        assert_eq!(all, join(&names[..25]));
        assert_eq!(some_names(std::iter::empty()), "");
    }
}
