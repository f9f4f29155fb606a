//! `partnermap brokers`: organizations ranked as brokers, each with its reasons.

use crate::output::{self, Format};
use partnermap_analysis::brokers::{brokers, network_metrics, MetricsOptions};
use partnermap_core::Landscape;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    top: usize,
    options: MetricsOptions,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let landscape = Landscape::build(&loaded.coalition);
    let mut list = brokers(&landscape, &network_metrics(&landscape, options));
    list.truncate(top);
    output::show(
        format,
        &list,
        || partnermap_report::tables::brokers(&list),
        || partnermap_report::command::brokers(&loaded.coalition.name, &list),
    )
}
