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
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate { path, json } => crate::validate::run(&path, json.as_deref()),
    }
}
