//! `partnermap invite`: the worksheet's Table 4 (final invite list, who sends each invitation)
//! with the reasons, as terminal text, JSON, CSV or Markdown; `--apply` writes a copy of the
//! project with each pick's sender recorded.

use crate::output::{self, Format};
use anyhow::Context;
use partnermap_analysis::invite::{plan, Plan};
use partnermap_core::{Coalition, Landscape};
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    list: &crate::cli::InviteList,
    format: Format,
    apply: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    let plan = plan(&landscape, list.invitations, list.exact);
    if let Some(out) = apply {
        partnermap_report::check_not_input(path, out).map_err(|refused| {
            output::usage(format!(
                "error: --apply: {refused}\n  hint: write the copy to a new folder, e.g. --apply {}-invited",
                path.display()
            ))
        })?;
        let invited = with_invitations(&landscape, &plan);
        partnermap_core::write::write_folder(&invited, out).with_context(|| {
            format!(
                "writing the invited copy of the project to {}",
                out.display()
            )
        })?;
        output::note(&format!(
            "Wrote {} with {} invitations recorded (invited_by).",
            out.display(),
            plan.picks.len()
        ));
    }
    output::show(
        format,
        &plan,
        || partnermap_report::tables::invite(&landscape, &plan),
        || partnermap_report::command::invite(&landscape, &plan),
    )
}

/// The coalition with each pick's sender recorded in Table 4's column, which is how the copy
/// marks who is on the invite list.
fn with_invitations(landscape: &Landscape, plan: &Plan) -> Coalition {
    let mut invited = landscape.coalition().clone();
    for pick in &plan.picks {
        if let Some(i) = landscape.organization(&pick.id) {
            invited.organizations[i].invited_by = Some(
                pick.sender
                    .id
                    .clone()
                    .unwrap_or_else(|| pick.sender.name.clone()),
            );
        }
    }
    invited
}
