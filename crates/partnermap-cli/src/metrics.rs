//! `partnermap metrics`: the network metrics contract (docs/metrics.md) as JSON, CSV, Markdown
//! or terminal text.

use crate::cli::MetricsFlags;
use crate::output::{self, Format};
use partnermap_analysis::brokers::network_metrics;
use partnermap_core::Landscape;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, flags: &MetricsFlags, format: Format) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let coalition = output::relation(loaded.coalition, flags.relation.as_deref())?;
    let metrics = network_metrics(&Landscape::build(&coalition), flags.options());
    output::show(
        format,
        &metrics,
        || partnermap_report::tables::metrics(&metrics),
        || partnermap_report::command::metrics(&coalition.name, &metrics),
    )
}
