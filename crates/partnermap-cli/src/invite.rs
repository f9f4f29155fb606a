//! `partnermap invite`: the worksheet's Table 4 (final invite list, who sends each invitation)
//! with the reasons, as a terminal table, JSON, CSV or Markdown; `--apply` writes a copy of the
//! project with each pick's sender recorded.

use crate::output::{self, md, Format};
use anyhow::Context;
use partnermap_analysis::invite::{plan, Pick, Plan};
use partnermap_core::Coalition;
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
    let plan = plan(coalition, k, exact);
    if let Some(out) = apply {
        if same_place(path, out) {
            return Ok(output::invalid_arguments(&[format!(
                "error: --apply {}: that is the input itself\n  hint: write the copy to a new folder, e.g. --apply {}-invited",
                out.display(),
                path.display()
            )]));
        }
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
        Format::Table => table(coalition, &plan),
        Format::Json => serde_json::to_string_pretty(&plan)? + "\n",
        Format::Csv => String::from_utf8(partnermap_report::tables::invite(coalition, &plan))?,
        Format::Md => markdown(coalition, &plan),
    };
    output::print(&text)
}

fn same_place(input: &Path, out: &Path) -> bool {
    let input = input.canonicalize().ok();
    let folder = input.as_ref().map(|i| {
        if i.is_file() {
            i.parent().unwrap_or(i).to_path_buf()
        } else {
            i.clone()
        }
    });
    match (folder, out.canonicalize().ok()) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
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

fn member(coalition: &Coalition, pick: &Pick) -> String {
    coalition
        .organization_index(&pick.id)
        .and_then(|i| coalition.organizations[i].contact.clone())
        .unwrap_or_else(|| "(contact to find)".to_string())
}

fn reason(reason: &str) -> &'static str {
    match reason {
        "recorded" => "recorded in the data",
        "strongest-tie" => "strongest partnership with them",
        "introduction-path" => "introduces them on the shortest chain",
        _ => "the convener",
    }
}

fn summary(plan: &Plan) -> String {
    let mut out = format!(
        "Up to {} organizations, chosen from {} candidates (potential and keep-informed) to close the most weighted gaps.\n",
        plan.k, plan.candidates
    );
    match &plan.exact {
        Some((_, best)) => {
            let share = if *best > 0.0 {
                100.0 * plan.greedy.1 / best
            } else {
                100.0
            };
            let _ = writeln!(
                out,
                "Best possible list found by exact search (value {best:.2}); the quick greedy method reaches {:.2} ({share:.0}% of best).",
                plan.greedy.1
            );
        }
        None => {
            let _ = writeln!(out, "List found by greedy selection (value {:.2}); within 63% of the best possible by construction.", plan.greedy.1);
        }
    }
    out
}

fn table(coalition: &Coalition, plan: &Plan) -> String {
    let mut out = format!("{}: invite plan\n{}\n", coalition.name, summary(plan));
    let _ = writeln!(out, "Table 4: final invite list");
    for (i, pick) in plan.picks.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. {} — invitation from {} ({})",
            i + 1,
            pick.name,
            pick.sender.name,
            reason(pick.sender.reason)
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

fn markdown(coalition: &Coalition, plan: &Plan) -> String {
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
            md(&member(coalition, pick)),
            md(&pick.name),
            md(&pick.sender.name),
            reason(pick.sender.reason)
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
