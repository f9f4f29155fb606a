//! `partnermap paths`: for an underserved population, domain or asset, the organizations
//! outside the coalition that provide it and the warm introduction to each.

use crate::output::{self, Format};
use partnermap_analysis::introductions::introductions;
use partnermap_core::{Landscape, TermKind};
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    term: (TermKind, &str),
    directed: bool,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path, None)?;
    let landscape = Landscape::build(&loaded.coalition);
    let (kind, text) = term;
    let term = output::term(&landscape, kind, text)?;
    let Some(found) = introductions(&landscape, kind, &term.id, directed) else {
        return Err(output::usage(
            "error: warm introductions start from the convener, and this coalition has none\n  hint: add convener = \"your-organization-id\" to coalition.toml".to_string(),
        ));
    };
    output::show(
        format,
        &found,
        || partnermap_report::tables::paths(&landscape, &found),
        || partnermap_report::command::paths(&landscape, &term.label, &found),
    )
}
