//! `partnermap validate`: load, then print the summary or the problems.

use crate::output;
use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, json: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let coalition = &loaded.coalition;
    if let Some(path) = json {
        partnermap_core::write::write_atomic(
            path,
            partnermap_core::write::to_json(coalition).as_bytes(),
        )
        .with_context(|| format!("writing the JSON document to {}", path.display()))?;
        output::note(&format!("Wrote {}", path.display()));
    }
    let document = partnermap_report::command::validate(coalition);
    output::print(&partnermap_report::text::render(
        &document,
        output::use_colour(),
    ))
}
