//! `partnermap gaps`: coverage of the coalition's priorities, the population × domain matrix,
//! overlap with the convener's customers, what-if scenarios and resilience, as terminal text,
//! JSON (the contract documented in docs/gaps.md), CSV or Markdown. The one rule kept here is
//! how a scenario problem names its flag.

use crate::output::{self, Format};
use partnermap_analysis::coverage::{gaps, Scenario, ScenarioError, Side};
use partnermap_core::Landscape;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    without: &[String],
    with: &[String],
    format: Format,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let landscape = Landscape::build(&loaded.coalition);
    let scenario = Scenario {
        without: without.to_vec(),
        with: with.to_vec(),
    };
    let report = gaps(&landscape, &scenario).map_err(|e| scenario_problems(&landscape, &e))?;
    output::show(
        format,
        &report,
        || partnermap_report::tables::gaps(&report.coverage),
        || partnermap_report::command::gaps(&report),
    )
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
                    lookup.flag_problem(&landscape.coalition().organizations, flag(*side), text)
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
