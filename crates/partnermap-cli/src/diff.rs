//! `partnermap diff OLD NEW`: what changed between two snapshots.

use crate::output::{self, Format};
use partnermap_core::Landscape;
use std::path::Path;
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
