//! `partnermap convert`: load in one format, write in another (the writers are core's).

use crate::output::{self, usage};
use anyhow::Context;
use partnermap_core::write::{export, Format, WriteError};
use std::path::PathBuf;
use std::process::ExitCode;

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
    let Some(format) = args.to.or_else(|| Format::of_path(&args.output)) else {
        return Err(usage(format!(
            "error: {}: no format has this extension\n  hint: give --to, one of: {}",
            args.output.display(),
            Format::names()
        )));
    };
    let loaded = output::load_as(&args.input, args.from.as_deref())?;
    let coalition = &loaded.coalition;
    let extra = match args.metrics {
        true => partnermap_report::tables::metric_columns(coalition),
        false => Vec::new(),
    };
    match export(coalition, format, &args.output, &extra, args.landscape) {
        Err(e @ WriteError::Unsupported { .. }) => {
            return Err(usage(format!("error: --landscape: {e}")))
        }
        written => written.with_context(|| format!("writing {}", args.output.display()))?,
    }
    output::note(&format!("Wrote {}", args.output.display()));
    Ok(ExitCode::SUCCESS)
}
