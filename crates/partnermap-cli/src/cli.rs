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
    /// Draw a map of the network: the whole landscape, the partnerships, coverage of priority
    /// populations, one organization's neighbourhood or the way to one population.
    #[command(
        after_help = "Examples:\n  partnermap map data/forest-city --view landscape -o landscape.svg\n  partnermap map data/forest-city --view partnerships -o - | dot -Tpng -o partners.png\n  partnermap map data/forest-city --view coverage --group-by status -o coverage.png\n  partnermap map data/forest-city --view ego --org fc-ajc --depth 2 -o ajc.pdf\n  partnermap map data/forest-city --view population --population ELL -o ell.svg\n  partnermap map big.json --view partnerships --top 50 --layout sfdp -o top50.svg\n\nThe format follows the extension of -o: .dot needs nothing else; .svg, .png and .pdf need\nGraphviz (https://graphviz.org/download/). -o - writes DOT to standard output.\nExit code 2 means the input, --org or --population is invalid."
    )]
    Map {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        /// Which map to draw.
        #[arg(long, value_enum, default_value = "landscape")]
        view: crate::map::ViewName,
        /// Where to write it: .dot, .svg, .png or .pdf, or - for DOT on standard output.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The organization at the centre of the ego view (id or name).
        #[arg(long, value_name = "ORG")]
        org: Option<String>,
        /// How many partnership steps the ego view reaches.
        #[arg(long, value_name = "N", default_value_t = 2)]
        depth: usize,
        /// The population of the population view (id, label or alias such as ELL).
        #[arg(long, value_name = "P")]
        population: Option<String>,
        /// Draw boxes around organizations of the same kind: none, type, community or status.
        #[arg(long, value_name = "GROUPING", default_value = "none")]
        group_by: partnermap_render::GroupBy,
        /// Keep only the N most central organizations (every priority population stays).
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Graphviz layout engine (dot, neato, fdp, sfdp, circo, twopi); chosen by the map's size
        /// when left out.
        #[arg(long, value_name = "ENGINE")]
        layout: Option<partnermap_render::Layout>,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate { path, json } => crate::validate::run(&path, json.as_deref()),
        Command::Map {
            path,
            view,
            output,
            org,
            depth,
            population,
            group_by,
            top,
            layout,
        } => crate::map::run(&crate::map::Request {
            path: &path,
            view,
            output: &output,
            org: org.as_deref(),
            depth,
            population: population.as_deref(),
            group_by,
            top,
            layout,
        }),
    }
}
