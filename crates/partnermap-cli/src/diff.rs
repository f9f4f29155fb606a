//! `partnermap diff OLD NEW`: what changed between two snapshots; `partnermap trend`: over
//! three or more.

use crate::output::{self, Format};
use partnermap_core::Landscape;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(old: &Path, new: &Path, format: Format) -> anyhow::Result<ExitCode> {
    let (old, new) = (
        output::load(old, None)?.coalition,
        output::load(new, None)?.coalition,
    );
    let diff = partnermap_analysis::diff::diff(&Landscape::build(&old), &Landscape::build(&new));
    output::show(
        format,
        &diff,
        || partnermap_report::tables::diff(&diff),
        || partnermap_report::command::diff(&new.name, &diff),
    )
}

pub fn trend(paths: &[PathBuf], chart: Option<&Path>, format: Format) -> anyhow::Result<ExitCode> {
    let coalitions = output::load_all(paths)?;
    let landscapes: Vec<Landscape> = coalitions.iter().map(Landscape::build).collect();
    let trend = partnermap_analysis::trend::trend(&landscapes);
    if let Some(file) = chart {
        let svg = partnermap_report::chart::trend_chart(&trend)?;
        partnermap_core::write::write_atomic(file, svg.as_bytes())?;
        output::note(&format!("Wrote {}", file.display()));
    }
    let name = &coalitions[coalitions.len() - 1].name;
    output::show(
        format,
        &trend,
        || partnermap_report::tables::trend(&trend),
        || partnermap_report::command::trend(name, &trend),
    )
}
