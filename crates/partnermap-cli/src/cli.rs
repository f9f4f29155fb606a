//! One definition per command and flag, with an example in every `--help`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Map a coalition's partner network: who it reaches, who it misses, who can open the door.
///
/// PATH is a project folder (coalition.toml, organizations.csv, partnerships.csv), a canonical
/// .json document, or a bare source,target .csv edge list.
#[derive(Debug, Parser)]
#[command(
    name = "partnermap",
    version,
    after_help = "Example:\n  partnermap validate data/forest-city"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the input and print a short summary, or every problem found.
    #[command(
        after_help = "Examples:\n  partnermap validate data/forest-city\n  partnermap validate network.csv\n\nExit code 2 means the input has errors; each names its file, line and field."
    )]
    Validate {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        /// Also write the input as one canonical JSON document to this file.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
    },
    /// Show which priority populations, domains and needed assets nobody in the network covers,
    /// which rest on a single partner, and what changes if organizations leave or join.
    #[command(
        after_help = "Examples:\n  partnermap gaps data/forest-city\n  partnermap gaps data/forest-city --without \"Casa de la Comunidad\" --with \"Second Chance Reentry Network\"\n  partnermap gaps data/forest-city --format json > gaps.json\n\nExit code 2 means the input has errors or --with/--without names an unknown organization\n(or --with names one already in the network). The JSON keys are documented in docs/gaps.md."
    )]
    Gaps {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        /// What if this organization (id or name) left? Repeat for several.
        #[arg(long, value_name = "ORG")]
        without: Vec<String>,
        /// What if this potential partner (id or name) joined? Repeat for several.
        #[arg(long, value_name = "ORG")]
        with: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::gaps::Format::Table)]
        format: crate::gaps::Format,
    },
    /// Write the coalition's report into a folder: report.html (one self-contained page to read,
    /// print or send), report.md, metrics.json, organizations.csv, gaps.csv, invite.csv and the
    /// maps.
    #[command(
        after_help = "Example:\n  partnermap report data/forest-city --out report\n\nThe folder is replaced as a whole, and only if it holds a previous report; it may not be\nthe input or inside it (exit code 2). Maps are drawn when Graphviz's dot is installed\n(apt-get install graphviz, or brew install graphviz); set PARTNERMAP_NO_GRAPHVIZ=1 to write\nonly their .dot sources."
    )]
    Report {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        /// The folder to write the report into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The most organizations on the invite list.
        #[arg(long, value_name = "N", default_value_t = 5)]
        k: usize,
        /// No progress lines.
        #[arg(long)]
        quiet: bool,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate { path, json } => crate::validate::run(&path, json.as_deref()),
        Command::Gaps {
            path,
            without,
            with,
            format,
        } => crate::gaps::run(&path, &without, &with, format),
        Command::Report {
            path,
            out,
            k,
            quiet,
        } => crate::report::run(&path, &out, k, quiet),
    }
}
