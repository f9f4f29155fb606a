//! One definition per command and flag, with an example in every `--help`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Map a coalition's partner network: who it reaches, who it misses, who can make a warm
/// introduction.
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
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
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
        /// The most organizations on the invite list (also --k).
        #[arg(long, alias = "k", value_name = "N", default_value_t = 5)]
        invitations: usize,
        /// Also write an outreach letter to each invitee into letters/, linked from Table 4.
        #[arg(long)]
        letters: bool,
        /// Add "What changed since" an earlier snapshot; repeat, oldest first, for the trend too.
        #[arg(long, value_name = "OLD")]
        since: Vec<PathBuf>,
    },
    /// Choose the potential partners that close the most gaps, and who sends each invitation
    /// (the worksheet's Table 4), with the reasons.
    #[command(
        after_help = "Examples:\n  partnermap invite data/forest-city --invitations 5\n  partnermap invite data/forest-city --invitations 3 --exact --format md\n  partnermap invite data/forest-city --apply forest-city-invited\n\nThe objective and its weights ([planner] in coalition.toml) are explained in docs/invite.md."
    )]
    Invite {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        #[command(flatten)]
        list: InviteList,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
        /// Write a copy of the project to this folder with each pick's sender recorded (invited_by).
        #[arg(long, value_name = "FOLDER")]
        apply: Option<PathBuf>,
    },
    /// Draft an outreach letter to each organization on the invite list (Markdown and Word), one
    /// document of them all for printing, and letters.csv for a mail merge.
    #[command(
        after_help = "Examples:\n  partnermap letters data/forest-city --out letters\n  partnermap letters --print-template > my-letter.md\n  partnermap letters data/forest-city --out letters --template my-letter.md\n\nThe template's variables are listed in docs/letters.md."
    )]
    Letters(crate::letters::LettersArgs),
    /// Network metrics per organization and for the whole network (the contract in docs/metrics.md).
    #[command(
        after_help = "Examples:\n  partnermap metrics data/forest-city\n  partnermap metrics data/forest-city --format json > metrics.json\n  partnermap metrics network.csv --format csv"
    )]
    Metrics {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        #[command(flatten)]
        options: MetricsFlags,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
    },
    /// Organizations that bridge otherwise separate groups, ranked, each with its reasons.
    #[command(
        after_help = "Examples:\n  partnermap brokers data/forest-city\n  partnermap brokers data/forest-city --top 3 --format md"
    )]
    Brokers {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        /// How many brokers to list.
        #[arg(long, default_value_t = 10)]
        top: usize,
        #[command(flatten)]
        options: MetricsFlags,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
    },
    /// Warm introductions: who outside the coalition provides a term, and who can introduce you.
    #[command(
        after_help = "Examples:\n  partnermap paths data/forest-city --population \"returning citizens\"\n  partnermap paths data/forest-city --domain \"Transportation access\" --format md"
    )]
    Paths {
        /// Project folder, .json document or source,target .csv edge list.
        path: PathBuf,
        #[command(flatten)]
        term: TermFlags,
        /// Follow directed partnerships only from source to target, the way referrals go.
        #[arg(long)]
        directed: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
    },
    /// What changed between two snapshots: organizations, partnerships, coverage, figures.
    #[command(after_help = "Example:\n  partnermap diff data/forest-city-2025 data/forest-city")]
    Diff {
        /// The older snapshot (any input partnermap reads).
        old: PathBuf,
        /// The newer snapshot.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
    },
    /// The network figures and each priority's coverage over three or more snapshots.
    #[command(
        after_help = "Example:\n  partnermap trend data/forest-city-2024 data/forest-city-2025 data/forest-city --chart trend.svg\n\nSnapshots oldest first; fewer than three is a usage error (exit code 2). See docs/diff.md."
    )]
    Trend {
        /// The snapshots, oldest first (any inputs partnermap reads).
        #[arg(required = true, num_args = 3.., value_name = "SNAPSHOT")]
        snapshots: Vec<PathBuf>,
        /// Also draw the trend as an SVG line chart into this file.
        #[arg(long, value_name = "FILE")]
        chart: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = crate::output::Format::Table)]
        format: crate::output::Format,
    },
    /// Draw a map of the network: the whole landscape, the partnerships, coverage of priority
    /// populations, one organization's neighbourhood or the way to one population.
    #[command(
        after_help = "Examples:\n  partnermap map data/forest-city --view landscape -o landscape.svg\n  partnermap map data/forest-city --view partnerships -o - | dot -Tpng -o partners.png\n  partnermap map data/forest-city --view coverage --group-by status -o coverage.png\n  partnermap map data/forest-city --view ego --org fc-ajc --depth 2 -o ajc.pdf\n  partnermap map data/forest-city --view population --population ELL -o ell.svg\n  partnermap map big.json --view partnerships --top 50 --layout sfdp -o top50.svg\n\nThe format follows the extension of -o: .dot needs nothing else; .svg, .png and .pdf need\nGraphviz (https://graphviz.org/download/). -o - writes DOT to standard output.\nExit code 2 means the input, --org or --population is invalid."
    )]
    Map(crate::map::MapArgs),
    /// Write the network for another tool: GraphML, GEXF, Pajek, UCINET, Gephi, Kumu (docs/formats/).
    #[command(
        after_help = "Examples:\n  partnermap convert data/forest-city forest-city.graphml --metrics\n  partnermap convert padgM.net padgett.gexf\n  partnermap convert data/forest-city gephi --to gephi-csv --landscape\n\nThe format follows OUT's extension (.graphml, .gexf, .net, .dl, .json; none: a project\nfolder); --to overrides it, and --from the input's."
    )]
    Convert(crate::convert::ConvertArgs),
    /// Write the blank worksheet: a workbook to fill in (.xlsx), or a project folder.
    #[command(
        after_help = "Examples:\n  partnermap init coalition.xlsx\n  partnermap init our-coalition\n\nEvery command reads the filled-in workbook as it is: partnermap validate coalition.xlsx"
    )]
    Init {
        /// The workbook (.xlsx) or folder to create; it must not exist yet.
        path: PathBuf,
    },
    /// Turn a directory with its own columns and words (.csv, .xlsx, .ods) into a project folder.
    #[command(
        after_help = "Examples:\n  partnermap import directory.csv --suggest-mapping > mapping.toml\n  partnermap import directory.csv --mapping mapping.toml --out our-coalition\n\nThe mapping's keys are in docs/start.md. Exit code 2 lists every word the mapping leaves out."
    )]
    Import {
        /// The directory: a .csv file or a workbook's first sheet.
        directory: PathBuf,
        /// Which of its columns and words are which of ours.
        #[arg(long, value_name = "FILE", required_unless_present = "suggest_mapping")]
        mapping: Option<PathBuf>,
        /// The project folder to write.
        #[arg(long, value_name = "DIR", required_unless_present = "suggest_mapping")]
        out: Option<PathBuf>,
        /// Print a starting mapping (a guess for every column and word) instead.
        #[arg(long, conflicts_with_all = ["mapping", "out"])]
        suggest_mapping: bool,
    },
}

/// The invite list, as `invite` and `letters` choose it.
#[derive(Debug, clap::Args)]
pub struct InviteList {
    /// The most organizations to invite (also --k).
    #[arg(long, alias = "k", value_name = "N", default_value_t = 5)]
    pub invitations: usize,
    /// Also search for the best possible list (up to 40 candidates and k of 6) and compare.
    #[arg(long)]
    pub exact: bool,
}

/// How the network metrics are computed.
#[derive(Debug, clap::Args)]
pub struct MetricsFlags {
    /// Use partnership strength as weight (weighted degree, constraint, effective size, communities).
    #[arg(long)]
    weighted: bool,
    /// Weigh by strength, trust or value (implies --weighted; an unrated tie weighs 2.5).
    #[arg(long, value_name = "strength|trust|value")]
    weight: Option<partnermap_analysis::brokers::Weight>,
    /// Exact betweenness even for very large networks (otherwise estimated from 2,000 sample
    /// sources above 50,000 organizations, within about ±0.03).
    #[arg(long)]
    exact: bool,
    /// Follow the direction of the ties (the default when every partnership is directed).
    #[arg(long, conflicts_with = "undirected")]
    directed: bool,
    /// Ignore the direction of the ties, even when every partnership is directed.
    #[arg(long)]
    undirected: bool,
    /// Only the partnerships of this relation, in a file with several (e.g. "information").
    #[arg(long)]
    pub relation: Option<String>,
}

impl MetricsFlags {
    pub fn options(&self) -> partnermap_analysis::brokers::MetricsOptions {
        partnermap_analysis::brokers::MetricsOptions {
            weighted: self.weighted || self.weight.is_some(),
            weight: self.weight.unwrap_or_default(),
            exact: self.exact,
            directed: (self.directed || self.undirected).then_some(self.directed),
        }
    }
}

/// The one population, domain or asset to find introductions for.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct TermFlags {
    /// A population (label, id or alias).
    #[arg(long)]
    population: Option<String>,
    /// A domain (label, id or alias).
    #[arg(long)]
    domain: Option<String>,
    /// An asset (label, id or alias).
    #[arg(long)]
    asset: Option<String>,
}

impl TermFlags {
    fn term(&self) -> (partnermap_core::TermKind, &str) {
        use partnermap_core::TermKind;
        match (&self.population, &self.domain, &self.asset) {
            (Some(p), _, _) => (TermKind::Population, p),
            (_, Some(d), _) => (TermKind::Domain, d),
            (_, _, Some(a)) => (TermKind::Asset, a),
            _ => unreachable!("clap requires one of --population, --domain, --asset"),
        }
    }
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    crate::output::set_quiet(cli.quiet);
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
            invitations,
            letters,
            since,
        } => crate::report::run(&path, &out, invitations, letters, &since),
        Command::Letters(args) => crate::letters::run(&args),
        Command::Invite {
            path,
            list,
            format,
            apply,
        } => crate::invite::run(&path, &list, format, apply.as_deref()),
        Command::Metrics {
            path,
            options,
            format,
        } => crate::metrics::run(&path, &options, format),
        Command::Brokers {
            path,
            top,
            options,
            format,
        } => crate::brokers::run(&path, top, &options, format),
        Command::Paths {
            path,
            term,
            directed,
            format,
        } => crate::paths::run(&path, term.term(), directed, format),
        Command::Diff { old, new, format } => crate::diff::run(&old, &new, format),
        Command::Trend {
            snapshots,
            chart,
            format,
        } => crate::diff::trend(&snapshots, chart.as_deref(), format),
        Command::Map(args) => crate::map::run(&args),
        Command::Convert(args) => crate::convert::run(&args),
        Command::Init { path } if path.exists() => Err(crate::output::usage(format!(
            "{} already exists: give a new file or folder",
            path.display()
        ))),
        Command::Import {
            directory,
            mapping: Some(mapping),
            out: Some(out),
            ..
        } => {
            let loaded =
                crate::output::loaded(partnermap_core::load::import(&directory, &mapping))?;
            partnermap_core::write::write_imported(&loaded.coalition, &out)?;
            let count = loaded.coalition.organizations.len();
            crate::output::note(&format!("Wrote {}: {count} organizations", out.display()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { directory, .. } => {
            crate::output::print(&partnermap_core::load::suggest_mapping(&directory)?)
        }
        Command::Init { path } => {
            partnermap_core::write::init(&path)?;
            crate::output::note(&format!("Wrote {}", path.display()));
            Ok(ExitCode::SUCCESS)
        }
    }
}
