//! `partnermap invite`: the worksheet's Table 4 (final invite list, who sends each invitation)
//! with the reasons, as a terminal table, JSON, CSV or Markdown; `--apply` writes a copy of the
//! project with each pick's sender recorded.

use crate::output::{self, md, Format};
use anyhow::Context;
use partnermap_analysis::invite::{plan, List, Pick, Plan};
use partnermap_core::{Coalition, Landscape};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    k: usize,
    exact: bool,
    format: Format,
    apply: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path)?;
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    let plan = plan(&landscape, k, exact);
    if let Some(out) = apply {
        partnermap_report::check_not_input(path, out).map_err(|refused| {
            output::usage(format!(
                "error: --apply: {refused}\n  hint: write the copy to a new folder, e.g. --apply {}-invited",
                path.display()
            ))
        })?;
        let invited = with_invitations(coalition, &plan);
        partnermap_core::write::write_folder(&invited, out).with_context(|| {
            format!(
                "writing the invited copy of the project to {}",
                out.display()
            )
        })?;
        eprintln!(
            "Wrote {} with {} invitations recorded (invited_by).",
            out.display(),
            plan.picks.len()
        );
    }
    let text = match format {
        Format::Table => table(&landscape, &plan),
        Format::Json => serde_json::to_string_pretty(&plan)? + "\n",
        Format::Csv => String::from_utf8(partnermap_report::tables::invite(&landscape, &plan))?,
        Format::Md => markdown(&landscape, &plan),
    };
    output::print(&text)
}

/// The coalition with each pick's sender recorded in Table 4's column, which is how the copy
/// marks who is on the invite list.
fn with_invitations(coalition: &Coalition, plan: &Plan) -> Coalition {
    let mut invited = coalition.clone();
    for pick in &plan.picks {
        if let Some(org) = invited.organizations.iter_mut().find(|o| o.id == pick.id) {
            org.invited_by = Some(
                pick.sender
                    .id
                    .clone()
                    .unwrap_or_else(|| pick.sender.name.clone()),
            );
        }
    }
    invited
}

fn member(landscape: &Landscape, pick: &Pick) -> String {
    landscape
        .organization(&pick.id)
        .and_then(|i| landscape.coalition().organizations[i].contact.clone())
        .unwrap_or_else(|| "(contact to find)".to_string())
}

fn summary(plan: &Plan) -> String {
    let mut out = format!(
        "Up to {} organizations, chosen from {} candidates (potential and keep-informed) to close the most weighted gaps.\n",
        plan.k, plan.candidates
    );
    match &plan.exact {
        Some(List { value: best, .. }) => {
            let share = if *best > 0.0 {
                100.0 * plan.greedy.value / best
            } else {
                100.0
            };
            let _ = writeln!(
                out,
                "Best possible list found by exact search (value {best:.2}); the quick greedy method reaches {:.2} ({share:.0}% of best).",
                plan.greedy.value
            );
        }
        None => {
            let _ = writeln!(out, "List found by greedy selection (value {:.2}); within 63% of the best possible by construction.", plan.greedy.value);
        }
    }
    out
}

fn table(landscape: &Landscape, plan: &Plan) -> String {
    let coalition = landscape.coalition();
    let mut out = format!("{}: invite plan\n{}\n", coalition.name, summary(plan));
    let _ = writeln!(out, "Table 4: final invite list");
    for (i, pick) in plan.picks.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. {} — invitation from {} ({})",
            i + 1,
            pick.name,
            pick.sender.name,
            pick.sender.reason.describe()
        );
        if !pick.closes.is_empty() {
            let _ = writeln!(out, "     closes: {}", pick.closes.join("; "));
        }
        if !pick.strengthens.is_empty() {
            let _ = writeln!(out, "     backs up: {}", pick.strengthens.join("; "));
        }
        if !pick.shared_with_convener.is_empty() {
            let _ = writeln!(
                out,
                "     shares with the convener's customers: {}",
                pick.shared_with_convener.join("; ")
            );
        }
        if let Some(barriers) = &pick.barriers {
            let _ = writeln!(out, "     barriers: {barriers}");
        }
    }
    let left: Vec<&str> = plan.still_uncovered().map(|n| n.need.label()).collect();
    let _ = writeln!(
        out,
        "\nStill uncovered after the list: {}",
        if left.is_empty() {
            "none".to_string()
        } else {
            left.join("; ")
        }
    );
    if !plan.keep_informed.is_empty() {
        let names: Vec<&str> = plan.keep_informed.iter().map(|k| k.name.as_str()).collect();
        let _ = writeln!(
            out,
            "Keep informed (connected, add little now): {}",
            names.join("; ")
        );
    }
    out
}

fn markdown(landscape: &Landscape, plan: &Plan) -> String {
    let coalition = landscape.coalition();
    let mut out = format!(
        "# {}: invite plan\n\n{}\n",
        md(&coalition.name),
        summary(plan)
    );
    out += "## Table 4: final invite list\n\n";
    out += "| # | Potential coalition member | Organization | Who will send the invitation? | Why this sender |\n|---|---|---|---|---|\n";
    for (i, pick) in plan.picks.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i + 1,
            md(&member(landscape, pick)),
            md(&pick.name),
            md(&pick.sender.name),
            pick.sender.reason.describe()
        );
    }
    out += "\n## Why each pick\n\n| Organization | Closes | Backs up | Shares with the convener's customers | Barriers |\n|---|---|---|---|---|\n";
    for pick in &plan.picks {
        let list = |items: &[String]| {
            if items.is_empty() {
                "—".to_string()
            } else {
                md(&items.join("; "))
            }
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md(&pick.name),
            list(&pick.closes),
            list(&pick.strengthens),
            list(&pick.shared_with_convener),
            pick.barriers
                .as_deref()
                .map(md)
                .unwrap_or_else(|| "—".to_string())
        );
    }
    out += "\n## Still uncovered after the list\n\n";
    let left: Vec<String> = plan
        .still_uncovered()
        .map(|n| format!("- {}\n", md(n.need.label())))
        .collect();
    out += &if left.is_empty() {
        "None.\n".to_string()
    } else {
        left.concat()
    };
    out += "\n## Keep informed\n\n";
    if plan.keep_informed.is_empty() {
        out += "None.\n";
    }
    for k in &plan.keep_informed {
        let _ = writeln!(out, "- {} (would add {:.2})", md(&k.name), k.gain);
    }
    out
}
