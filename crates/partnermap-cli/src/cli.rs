//! One definition per command and flag, with an example in every `--help`.

use crate::output;
use clap::{Parser, Subcommand};
use partnermap_core::{Coalition, Loaded};
use std::path::{Path, PathBuf};

/// Map a coalition's partner network: who it reaches, who it misses, who can introduce you.
#[derive(Debug, Parser)]
#[command(
    name = "partnermap",
    version,
    after_help = "Example:\n  partnermap validate data/forest-city"
)]
pub struct Cli {
    /// Print only the result and errors: no warnings, progress or "Wrote …" lines.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the input and print a short summary, or every problem found.
    #[command(
        after_help = "Examples:\n  partnermap validate data/forest-city\n  partnermap validate network.csv\n\nExit code 2 means the input has errors; each names its file, line and field."
    )]
    Validate(crate::files::ValidateArgs),
    /// Which priorities nobody covers, which rest on one partner, what if some leave or join.
    #[command(
        after_help = "Examples:\n  partnermap gaps data/forest-city\n  partnermap gaps data/forest-city --without \"Casa de la Comunidad\" --with \"Second Chance Reentry Network\"\n  partnermap gaps data/forest-city --format json > gaps.json\n\nExit code 2 means the input has errors or --with/--without names an unknown organization\n(or --with names one already in the network). The JSON keys are documented in docs/gaps.md."
    )]
    Gaps(crate::answers::GapsArgs),
    /// Write the coalition's report into a folder: report.html, report.md, its tables and maps.
    #[command(
        after_help = "Example:\n  partnermap report data/forest-city --out report\n\nThe folder is replaced as a whole, and only if it holds a previous report; it may not be\nthe input or inside it (exit code 2). Maps are drawn when Graphviz's dot is installed\n(apt-get install graphviz, or brew install graphviz); set PARTNERMAP_NO_GRAPHVIZ=1 to write\nonly their .dot sources."
    )]
    Report(crate::files::ReportArgs),
    /// The potential partners that close the most gaps, and who invites each (Table 4), with why.
    #[command(
        after_help = "Examples:\n  partnermap invite data/forest-city --invitations 5\n  partnermap invite data/forest-city --invitations 3 --exact --format md\n  partnermap invite data/forest-city --apply forest-city-invited\n\nThe objective and its weights ([planner] in coalition.toml) are explained in docs/invite.md."
    )]
    Invite(crate::answers::InviteArgs),
    /// Draft an outreach letter to each invitee (Markdown, Word, letters.csv for a mail merge).
    #[command(
        after_help = "Examples:\n  partnermap letters data/forest-city --out letters\n  partnermap letters --print-template > my-letter.md\n  partnermap letters data/forest-city --out letters --template my-letter.md\n\nThe template's variables are listed in docs/letters.md."
    )]
    Letters(crate::answers::LettersArgs),
    /// Network metrics per organization and for the whole network (the contract in docs/metrics.md).
    #[command(
        after_help = "Examples:\n  partnermap metrics data/forest-city\n  partnermap metrics data/forest-city --format json > metrics.json\n  partnermap metrics network.csv --format csv"
    )]
    Metrics(crate::answers::MetricsArgs),
    /// Organizations that bridge otherwise separate groups, ranked, each with its reasons.
    #[command(
        after_help = "Examples:\n  partnermap brokers data/forest-city\n  partnermap brokers data/forest-city --top 3 --format md"
    )]
    Brokers(crate::answers::BrokersArgs),
    /// Warm introductions: who outside the coalition provides a term, and who can introduce you.
    #[command(
        after_help = "Examples:\n  partnermap paths data/forest-city --population \"returning citizens\"\n  partnermap paths data/forest-city --domain \"Transportation access\" --format md"
    )]
    Paths(crate::answers::PathsArgs),
    /// What changed between two snapshots: organizations, partnerships, coverage, figures.
    #[command(after_help = "Example:\n  partnermap diff data/forest-city-2025 data/forest-city")]
    Diff(crate::answers::DiffArgs),
    /// The network figures and each priority's coverage over three or more snapshots.
    #[command(
        after_help = "Example:\n  partnermap trend data/forest-city-2024 data/forest-city-2025 data/forest-city --chart trend.svg\n\nSnapshots oldest first; fewer than three is a usage error (exit code 2). See docs/diff.md."
    )]
    Trend(crate::answers::TrendArgs),
    /// Draw a map: landscape, partnerships, coverage, one organization's neighbourhood, a population.
    #[command(
        after_help = "Examples:\n  partnermap map data/forest-city --view landscape -o landscape.svg\n  partnermap map data/forest-city --view partnerships -o - | dot -Tpng -o partners.png\n  partnermap map data/forest-city --view coverage --group-by status -o coverage.png\n  partnermap map data/forest-city --view ego --org fc-ajc --depth 2 -o ajc.pdf\n  partnermap map data/forest-city --view population --population ELL -o ell.svg\n  partnermap map big.json --view partnerships --top 50 --layout sfdp -o top50.svg\n\nThe format follows the extension of -o: .dot needs nothing else; .svg, .png and .pdf need\nGraphviz (https://graphviz.org/download/). -o - writes DOT to standard output.\nExit code 2 means the input, --org or --population is invalid."
    )]
    Map(crate::files::MapArgs),
    /// Write the network for another tool: GraphML, GEXF, Pajek, UCINET, Gephi, Kumu (docs/formats/).
    #[command(
        after_help = "Examples:\n  partnermap convert data/forest-city forest-city.graphml --metrics\n  partnermap convert padgM.net padgett.gexf\n  partnermap convert data/forest-city gephi --to gephi-csv --landscape\n\nThe format follows OUT's extension (.graphml, .gexf, .net, .dl, .json, .xlsx: the worksheet\nworkbook; none: a project folder); --to overrides it, and --from the input's."
    )]
    Convert(crate::files::ConvertArgs),
    /// Write the blank worksheet: a workbook to fill in (.xlsx), or a project folder.
    #[command(
        after_help = "Examples:\n  partnermap init coalition.xlsx\n  partnermap init our-coalition\n\nEvery command reads the filled-in workbook as it is: partnermap validate coalition.xlsx"
    )]
    Init(crate::files::InitArgs),
    /// Turn a directory (.csv, .xlsx, .ods, an HSDS folder) with its own words into a project.
    #[command(
        after_help = "Examples:\n  partnermap import directory.csv --suggest-mapping > mapping.toml\n  partnermap import directory.csv --mapping mapping.toml --out our-coalition\n\nThe mapping's keys are in docs/start.md. Exit code 2 lists every word the mapping leaves out."
    )]
    Import(crate::files::ImportArgs),
}

/// What a command reads.
#[derive(Debug, clap::Args)]
pub struct Input {
    /// Project folder, workbook (.xlsx, .ods), .json document, source,target .csv edge list or
    /// network file (docs/formats/); several .txt arc lists, or Gephi's or Kumu's two tables.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read the input as this format, whatever its extension (graphml, net, gml, dl, txt, csv…).
    #[arg(long, value_name = "FORMAT")]
    from: Option<String>,
    /// Read a two-mode network's second mode (Davis's events, the clubs of CEOs) as terms of this kind.
    #[arg(long, value_name = "population|domain|asset")]
    second_mode: Option<partnermap_core::TermKind>,
    /// The ties run one way: a plain edge list's from sender to receiver (else both ways), and
    /// metrics, brokers and paths follow every tie only that way.
    #[arg(long)]
    pub directed: bool,
}

impl Input {
    /// Loads the input and prints its warnings; invalid input is the error main turns into
    /// exit code 2.
    pub fn load(&self) -> anyhow::Result<Loaded> {
        output::loaded(partnermap_core::load_paths(&self.paths, self.reading()))
    }

    /// Each of `paths` as a snapshot of its own, read as the input is (`diff`, `trend`,
    /// `report --since`), its warnings printed.
    pub fn snapshots(&self, paths: &[PathBuf]) -> anyhow::Result<Vec<Coalition>> {
        let one = |path| partnermap_core::load_paths(std::slice::from_ref(path), self.reading());
        let load = |path| anyhow::Ok(output::loaded(one(path))?.coalition);
        paths.iter().map(load).collect()
    }

    fn reading(&self) -> partnermap_core::Reading<'_> {
        let (from, directed) = (self.from.as_deref(), self.directed);
        let second_mode = self.second_mode;
        partnermap_core::Reading {
            from,
            second_mode,
            directed,
        }
    }

    /// Refuses to write `out` over, inside or around any of the input's paths (exit 2).
    pub fn not_input(&self, out: &Path, flag: &str, hint: &str) -> anyhow::Result<()> {
        let refuse = |path: &PathBuf| output::not_input(path, out, flag, hint);
        self.paths.iter().try_for_each(refuse)
    }
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    output::QUIET.store(cli.quiet, std::sync::atomic::Ordering::Relaxed);
    output::watch_progress();
    match cli.command {
        Command::Validate(args) => args.run(),
        Command::Gaps(args) => args.run(),
        Command::Report(args) => args.run(),
        Command::Invite(args) => args.run(),
        Command::Letters(args) => args.run(),
        Command::Metrics(args) => args.run(),
        Command::Brokers(args) => args.run(),
        Command::Paths(args) => args.run(),
        Command::Diff(args) => args.run(),
        Command::Trend(args) => args.run(),
        Command::Map(args) => args.run(),
        Command::Convert(args) => args.run(),
        Command::Init(args) => args.run(),
        Command::Import(args) => args.run(),
    }
}
