//! `partnermap brokers`: organizations ranked as brokers, each with its reasons.

use crate::cli::MetricsFlags;
use crate::output::{self, Format};
use partnermap_analysis::brokers::{brokers, network_metrics};
use partnermap_core::Landscape;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    top: usize,
    flags: &MetricsFlags,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let coalition = output::relation(loaded.coalition, flags.relation.as_deref())?;
    let landscape = Landscape::build(&coalition);
    let mut list = brokers(&landscape, &network_metrics(&landscape, flags.options()));
    list.truncate(top);
    output::show(
        format,
        &list,
        || partnermap_report::tables::brokers(&list),
        || partnermap_report::command::brokers(&coalition.name, &list),
    )
}
