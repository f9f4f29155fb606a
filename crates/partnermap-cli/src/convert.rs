//! `partnermap convert`: load in one format, write in another (the writers are core's).

use crate::output::{self, usage};
use anyhow::Context;
use partnermap_core::write::{export, Format};
use partnermap_report::tables::metric_columns;
use std::{path::PathBuf, process::ExitCode};

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    /// Project folder, .json document, .csv edge list or network file.
    input: PathBuf,
    /// The file (or folder, for a project folder or gephi-csv) to write.
    output: PathBuf,
    /// The output format, whatever OUT's extension.
    #[arg(long, value_name = "FORMAT", value_parser = |s: &str| Format::named(s).ok_or(format!("the formats are: {}", Format::names())))]
    to: Option<Format>,
    /// Read the input as this format (an extension: graphml, net, gml, dl…).
    #[arg(long, value_name = "EXT")]
    from: Option<String>,
    /// Add every per-organization metric and the community as node attributes.
    #[arg(long)]
    metrics: bool,
    /// Write the two-mode network: organizations and the populations, domains and assets they provide.
    #[arg(long)]
    landscape: bool,
}

pub fn run(args: &ConvertArgs) -> anyhow::Result<ExitCode> {
    let loaded = output::load(&args.input, args.from.as_deref())?;
    let (c, out) = (&loaded.coalition, &args.output);
    let extra = args.metrics.then(|| metric_columns(c));
    match export(c, args.to, out, &extra.unwrap_or_default(), args.landscape) {
        Err(e) if e.is_usage() => return Err(usage(format!("error: {e}"))),
        written => written.with_context(|| format!("writing {}", out.display()))?,
    }
    output::note(&format!("Wrote {}", out.display()));
    Ok(ExitCode::SUCCESS)
}
