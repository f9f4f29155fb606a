//! `partnermap gaps`: coverage of the coalition's priorities, the population × domain matrix,
//! overlap with the convener's customers, what-if scenarios and resilience, as a terminal
//! table, JSON (the contract documented in docs/gaps.md), CSV or Markdown.

use crate::output::{self, md, Format};
use partnermap_analysis::coverage::{
    gaps, Class, Dependency, Gaps, OrganizationRef, Providers, Scenario, ScenarioError, Side,
    TermCoverage, WhatIf,
};
use partnermap_core::Landscape;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// How many resilience and overlap entries the table and Markdown views show; JSON has all.
const TOP: usize = 10;

pub fn run(
    path: &Path,
    without: &[String],
    with: &[String],
    format: Format,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path)?;
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    let scenario = Scenario {
        without: without.to_vec(),
        with: with.to_vec(),
    };
    let report = gaps(&landscape, &scenario).map_err(|e| scenario_problems(&landscape, &e))?;
    let text = match format {
        Format::Table => table(&report, output::use_colour()),
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        Format::Csv => String::from_utf8(partnermap_report::tables::gaps(&report.coverage))?,
        Format::Md => markdown(&report),
    };
    output::print(&text)
}

/// Every reason the scenario cannot be applied, as command-line problems.
fn scenario_problems(landscape: &Landscape, errors: &[ScenarioError]) -> output::UsageError {
    let flag = |side: Side| match side {
        Side::Leaving => "--without",
        Side::Joining => "--with",
    };
    output::UsageError(
        errors
            .iter()
            .map(|error| match error {
                ScenarioError::UnknownOrganization { side, text, lookup } => {
                    output::lookup_problem(landscape, flag(*side), text, lookup)
                }
                ScenarioError::AlreadyInNetwork { name, status } => format!(
                    "error: --with \"{name}\": already in the network ({})\n  hint: --with is for potential partners joining; use --without to see what losing it would cost",
                    status.label().to_lowercase()
                ),
                ScenarioError::LeavesAndJoins(name) => {
                    format!("error: \"{name}\" is given to both --with and --without")
                }
            })
            .collect(),
    )
}

fn names(list: &[OrganizationRef]) -> String {
    list.iter()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn in_network_names(providers: &Providers) -> String {
    providers
        .in_network_providers()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The short explanation of a class shown as a section heading.
fn heading(class: Class) -> &'static str {
    match class {
        Class::Uncovered => {
            "Uncovered: nobody in the network provides it, and no potential partner does"
        }
        Class::Reachable => {
            "Reachable: nobody in the network provides it, but a potential partner does"
        }
        Class::Thin => "Thin: only one member or partner provides it (a single point of failure)",
        Class::Covered => "Covered: two or more members or partners provide it",
    }
}

/// What a term's line says after its label, depending on its class.
fn detail(term: &TermCoverage) -> String {
    match term.class {
        Class::Uncovered => String::new(),
        Class::Reachable => format!("potential: {}", names(&term.providers.potential)),
        Class::Thin => format!("only: {}", in_network_names(&term.providers)),
        Class::Covered => format!("{} providers", term.providers.in_network()),
    }
}

/// A matrix cell in the terminal: the in-network count, marked so the eye finds gaps.
fn cell_mark(class: Class, count: usize) -> String {
    match class {
        Class::Uncovered => "x".to_string(),
        Class::Reachable => "0+".to_string(),
        Class::Thin => "1!".to_string(),
        Class::Covered => count.to_string(),
    }
}

fn change_line(label: &str, before: Class, after: Class) -> String {
    format!("{label}: {before} -> {after}")
}

fn table(report: &Gaps, colour: bool) -> String {
    let red = |text: &str| {
        if colour {
            format!("\x1b[31m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let coverage = &report.coverage;
    let mut out = String::new();
    let _ = write!(out, "{}: coverage of priorities", report.coalition);
    if let Some(date) = &report.as_of {
        let _ = write!(out, " (as of {date})");
    }
    out.push('\n');
    for class in Class::ALL {
        let terms: Vec<&TermCoverage> = coverage.priorities_in(class).collect();
        if terms.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", heading(class));
        let width = terms
            .iter()
            .map(|t| t.term.label.chars().count())
            .max()
            .unwrap_or(0);
        for term in terms {
            let line = format!(
                "  {:<10}  {:<width$}  {}",
                term.term.kind.noun(),
                term.term.label,
                detail(term)
            );
            let line = line.trim_end();
            let line = if class == Class::Uncovered {
                red(line)
            } else {
                line.to_string()
            };
            let _ = writeln!(out, "{line}");
        }
    }
    if !coverage.others.is_empty() {
        let _ = writeln!(
            out,
            "\nAlso mentioned, not priorities (members and partners providing it):"
        );
        for term in &coverage.others {
            let _ = writeln!(
                out,
                "  {:<10}  {} ({})",
                term.term.kind.noun(),
                term.term.label,
                term.providers.in_network()
            );
        }
    }
    let matrix = &coverage.matrix;
    if !matrix.cells.is_empty() {
        let _ = writeln!(
            out,
            "\nPopulation x domain: members and partners serving the population in the domain\n  (x uncovered, 0+ only potential partners, 1! a single provider)"
        );
        for (d, domain) in matrix.domains.iter().enumerate() {
            let _ = writeln!(out, "  D{}  {}", d + 1, domain.label);
        }
        let width = matrix
            .populations
            .iter()
            .map(|p| p.label.chars().count())
            .max()
            .unwrap_or(0);
        let _ = write!(out, "  {:<width$}", "");
        for d in 0..matrix.domains.len() {
            let _ = write!(out, " {:>4}", format!("D{}", d + 1));
        }
        out.push('\n');
        for (p, population) in matrix.populations.iter().enumerate() {
            let _ = write!(out, "  {:<width$}", population.label);
            for d in 0..matrix.domains.len() {
                let cell = matrix.cell(p, d);
                let mark = format!(" {:>4}", cell_mark(cell.class, cell.providers.in_network()));
                let mark = if cell.class == Class::Uncovered {
                    red(&mark)
                } else {
                    mark
                };
                out.push_str(&mark);
            }
            out.push('\n');
        }
    }
    if let Some(what_if) = &report.what_if {
        let _ = writeln!(out, "\n{}", what_if_title(what_if));
        if what_if.terms.is_empty() && what_if.cells.is_empty() {
            let _ = writeln!(out, "  no priority or matrix cell changes class");
        }
        for change in &what_if.terms {
            let line = change_line(
                &format!("{:<10}  {}", change.term.kind.noun(), change.term.label),
                change.change.before,
                change.change.after,
            );
            let _ = writeln!(out, "  {line}");
        }
        for change in &what_if.cells {
            let label = format!(
                "cell        {} x {}",
                change.population.label, change.domain.label
            );
            let _ = writeln!(
                out,
                "  {}",
                change_line(&label, change.change.before, change.change.after)
            );
        }
    }
    let at_risk: Vec<&Dependency> = report
        .resilience
        .iter()
        .filter(|d| d.damage > 0)
        .take(TOP)
        .collect();
    if !at_risk.is_empty() {
        let _ = writeln!(
            out,
            "\nResilience: what would lose its last member or partner if one left"
        );
        for dependency in at_risk {
            let _ = writeln!(
                out,
                "  {} ({}): {}",
                dependency.organization.name,
                dependency.damage,
                losses(dependency, "x")
            );
        }
    }
    if let Some(overlap) = &report.overlap {
        let _ = writeln!(
            out,
            "\nOverlap with {}'s customers (shared populations and domains; priorities it adds)",
            overlap.convener.name
        );
        for entry in overlap.organizations.iter().take(TOP) {
            let _ = writeln!(
                out,
                "  {} ({}): shares {}, adds {}",
                entry.organization.name,
                entry.status.label().to_lowercase(),
                entry.shared(),
                entry.adds.len()
            );
        }
    }
    out
}

fn what_if_title(what_if: &WhatIf) -> String {
    let mut parts = Vec::new();
    if !what_if.without.is_empty() {
        parts.push(format!("without {}", names(&what_if.without)));
    }
    if !what_if.with.is_empty() {
        parts.push(format!("with {}", names(&what_if.with)));
    }
    format!("What if: {}", parts.join(", "))
}

/// The priorities and cells an organization alone holds up, in words.
fn losses(dependency: &Dependency, times: &str) -> String {
    dependency
        .terms
        .iter()
        .map(|t| t.term.label.clone())
        .chain(
            dependency
                .cells
                .iter()
                .map(|c| format!("{} {times} {}", c.population.label, c.domain.label)),
        )
        .collect::<Vec<_>>()
        .join("; ")
}

/// Pipes would end a Markdown table cell early.
fn markdown(report: &Gaps) -> String {
    let coverage = &report.coverage;
    let mut out = format!("# {}: gaps\n\n", md(&report.coalition));
    if let Some(date) = &report.as_of {
        let _ = writeln!(out, "As of {date}.\n");
    }
    let _ = writeln!(out, "## Coverage of priorities\n");
    let _ = writeln!(
        out,
        "| Kind | Priority | Class | Members and partners | Potential partners |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for class in Class::ALL {
        for term in coverage.priorities_in(class) {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                term.term.kind.noun(),
                md(&term.term.label),
                class,
                md(&in_network_names(&term.providers)),
                md(&names(&term.providers.potential))
            );
        }
    }
    if !coverage.others.is_empty() {
        let _ = writeln!(out, "\n## Also mentioned, not priorities\n");
        let _ = writeln!(out, "| Kind | Term | Class | Members and partners |");
        let _ = writeln!(out, "|---|---|---|---|");
        for term in &coverage.others {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                term.term.kind.noun(),
                md(&term.term.label),
                term.class,
                term.providers.in_network()
            );
        }
    }
    let matrix = &coverage.matrix;
    if !matrix.cells.is_empty() {
        let _ = writeln!(
            out,
            "\n## Population × domain\n\nMembers and partners serving the population in the domain; *reachable* means only potential partners do.\n"
        );
        let _ = write!(out, "| Population |");
        for domain in &matrix.domains {
            let _ = write!(out, " {} |", md(&domain.label));
        }
        let _ = write!(out, "\n|---|");
        out.push_str(&"---|".repeat(matrix.domains.len()));
        out.push('\n');
        for (p, population) in matrix.populations.iter().enumerate() {
            let _ = write!(out, "| {} |", md(&population.label));
            for d in 0..matrix.domains.len() {
                let cell = matrix.cell(p, d);
                let _ = match cell.class {
                    Class::Covered => write!(out, " {} |", cell.providers.in_network()),
                    class => write!(out, " {} ({class}) |", cell.providers.in_network()),
                };
            }
            out.push('\n');
        }
    }
    if let Some(overlap) = &report.overlap {
        let _ = writeln!(
            out,
            "\n## Overlap with {}'s customers\n",
            md(&overlap.convener.name)
        );
        let _ = writeln!(
            out,
            "| Organization | Status | Shared populations and domains | Adds priorities |"
        );
        let _ = writeln!(out, "|---|---|---|---|");
        for entry in overlap.organizations.iter().take(TOP) {
            let shared: Vec<&str> = entry
                .shared_populations
                .iter()
                .chain(&entry.shared_domains)
                .map(|t| t.label.as_str())
                .collect();
            let adds: Vec<&str> = entry.adds.iter().map(|t| t.label.as_str()).collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&entry.organization.name),
                entry.status.label(),
                md(&shared.join("; ")),
                md(&adds.join("; "))
            );
        }
    }
    if let Some(what_if) = &report.what_if {
        let _ = writeln!(out, "\n## {}\n", md(&what_if_title(what_if)));
        let _ = writeln!(out, "| Kind | Priority or cell | Before | After |");
        let _ = writeln!(out, "|---|---|---|---|");
        for change in &what_if.terms {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                change.term.kind.noun(),
                md(&change.term.label),
                change.change.before,
                change.change.after
            );
        }
        for change in &what_if.cells {
            let _ = writeln!(
                out,
                "| cell | {} × {} | {} | {} |",
                md(&change.population.label),
                md(&change.domain.label),
                change.change.before,
                change.change.after
            );
        }
    }
    let at_risk: Vec<&Dependency> = report
        .resilience
        .iter()
        .filter(|d| d.damage > 0)
        .take(TOP)
        .collect();
    if !at_risk.is_empty() {
        let _ = writeln!(out, "\n## Resilience\n\nWhat would lose its last member or partner if this organization alone left.\n");
        let _ = writeln!(out, "| Organization | Damage | Priorities and cells |");
        let _ = writeln!(out, "|---|---|---|");
        for dependency in at_risk {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md(&dependency.organization.name),
                dependency.damage,
                md(&losses(dependency, "×"))
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnermap_core::{Coalition, Organization, OrganizationType, Status};

    fn report() -> Gaps {
        let mut coalition = Coalition::new("Demo");
        coalition.priorities.populations =
            vec!["young-people".into(), "housing-instability".into()];
        let mut ajc = Organization::new("ajc", "Job Center", OrganizationType::AmericanJobCenter);
        ajc.populations.push("young-people".into());
        coalition.organizations.push(ajc);
        gaps(&Landscape::build(&coalition), &Scenario::default()).unwrap()
    }

    #[test]
    fn uncovered_is_red_only_when_colour_is_on() {
        let plain = table(&report(), false);
        assert!(!plain.contains('\x1b'));
        let coloured = table(&report(), true);
        let uncovered = coloured
            .lines()
            .find(|l| l.contains("housing instability"))
            .unwrap();
        assert!(uncovered.starts_with("\x1b[31m") && uncovered.ends_with("\x1b[0m"));
        let thin = coloured
            .lines()
            .find(|l| l.contains("Young people"))
            .unwrap();
        assert!(!thin.contains('\x1b'));
    }

    #[test]
    fn scenario_names_resolve_by_name_and_misses_suggest() {
        let mut coalition = Coalition::new("Demo");
        let mut transit = Organization::new(
            "transit",
            "Forest City Transit",
            OrganizationType::PublicAgency,
        );
        transit.status = Status::Potential;
        coalition.organizations.push(transit);
        let landscape = Landscape::build(&coalition);
        let joining = Scenario {
            without: vec![],
            with: vec!["forest city transit".into()],
        };
        let report = gaps(&landscape, &joining).unwrap();
        assert_eq!(report.what_if.unwrap().with[0].id, "transit");
        let leaving = Scenario {
            without: vec!["Forest City Transt".into(), "nobody".into()],
            with: vec![],
        };
        let errors = gaps(&landscape, &leaving).unwrap_err();
        assert_eq!(
            scenario_problems(&landscape, &errors).0,
            [
                "error: --without \"Forest City Transt\": unknown organization\n  hint: did you mean \"Forest City Transit\"?",
                "error: --without \"nobody\": unknown organization\n  hint: give an organization's id or name as organizations.csv has it",
            ]
        );
    }
}
