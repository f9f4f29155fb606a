//! `partnermap metrics`: the network metrics contract (docs/metrics.md) as JSON, CSV, Markdown
//! or terminal text.

use crate::output::{self, Format};
use partnermap_analysis::brokers::{network_metrics, MetricsOptions};
use partnermap_core::Landscape;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, options: MetricsOptions, format: Format) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let metrics = network_metrics(&Landscape::build(&loaded.coalition), options);
    output::show(
        format,
        &metrics,
        || partnermap_report::tables::metrics(&metrics),
        || partnermap_report::command::metrics(&loaded.coalition.name, &metrics),
    )
}
