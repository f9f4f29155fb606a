//! The commands that answer a question and print the answer in the format asked for
//! (`--format`: terminal text, JSON as documented in docs/, CSV or Markdown), each laid out
//! by partnermap-report: `gaps` (coverage, what-if scenarios, resilience), `paths` (warm
//! introductions), `diff` (what changed between two snapshots), `metrics` and `brokers`
//! (docs/metrics.md), `invite` (the worksheet's Table 4) and `letters` (an outreach letter to
//! each invitee, written into a folder).

use crate::cli::Input;
use crate::output::{self, Format};
use anyhow::Context;
use partnermap_analysis::brokers::{brokers, network_metrics, MetricsOptions, Weight};
use partnermap_analysis::coverage::{gaps, Scenario};
use partnermap_analysis::introductions::introductions;
use partnermap_analysis::invite::plan;
use partnermap_core::{Coalition, Landscape, TermKind};
use partnermap_report::letters::{folder, Template, BUILTIN_TEMPLATE};
use partnermap_report::{command, tables};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct GapsArgs {
    #[command(flatten)]
    input: Input,
    /// What if this organization (id or name) left? Repeat for several.
    #[arg(long, value_name = "ORG")]
    without: Vec<String>,
    /// What if this potential partner (id or name) joined? Repeat for several.
    #[arg(long, value_name = "ORG")]
    with: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl GapsArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.input.load()?.coalition;
        let landscape = Landscape::build(&coalition);
        let (without, with) = (self.without.clone(), self.with.clone());
        // Every problem of the scenario at once, each naming its flag.
        let orgs = &coalition.organizations;
        let report = gaps(&landscape, &Scenario { without, with }).map_err(|errors| {
            output::UsageError(errors.iter().map(|e| e.flag_problem(orgs)).collect())
        })?;
        let csv = || tables::gaps(&report.coverage);
        output::show(self.format, &report, csv, || command::gaps(&report))
    }
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("term").required(true)))]
pub struct PathsArgs {
    #[command(flatten)]
    input: Input,
    /// The population to find introductions for (label, id or alias).
    #[arg(long, group = "term")]
    population: Option<String>,
    /// Or the domain.
    #[arg(long, group = "term")]
    domain: Option<String>,
    /// Or the asset.
    #[arg(long, group = "term")]
    asset: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl PathsArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.input.load()?.coalition;
        let landscape = Landscape::build(&coalition);
        let (kind, text) = match (&self.population, &self.domain, &self.asset) {
            (Some(p), _, _) => (TermKind::Population, p),
            (_, Some(d), _) => (TermKind::Domain, d),
            (_, _, Some(a)) => (TermKind::Asset, a),
            _ => unreachable!("clap requires one of --population, --domain, --asset"),
        };
        let term = output::term(&landscape, kind, text)?;
        let none = "error: warm introductions start from the convener, and this coalition has none\n  hint: add convener = \"your-organization-id\" to coalition.toml";
        let found = introductions(&landscape, kind, &term.id, self.input.directed);
        let found = found.ok_or_else(|| output::usage(none.to_string()))?;
        let (csv, document) = (
            || tables::paths(&landscape, &found),
            || command::paths(&landscape, &term.label, &found),
        );
        output::show(self.format, &found, csv, document)
    }
}

#[derive(Debug, clap::Args)]
#[command(mut_arg("paths", |a| a.num_args(2).value_names(["OLD", "NEW"])
    .help("The older snapshot and the newer (any inputs partnermap reads)")))]
pub struct DiffArgs {
    #[command(flatten)]
    input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl DiffArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let snapshots = self.input.snapshots(&self.input.paths)?;
        let [old, new] = [&snapshots[0], &snapshots[1]];
        let diff = partnermap_analysis::diff::diff(&Landscape::build(old), &Landscape::build(new));
        let document = || command::diff(&new.name, &diff);
        output::show(self.format, &diff, || tables::diff(&diff), document)
    }
}

/// How the network metrics are computed.
#[derive(Debug, clap::Args)]
pub struct MetricsFlags {
    /// Use partnership strength as weight (weighted degree, constraint, effective size, communities).
    #[arg(long)]
    weighted: bool,
    /// Weigh by strength, trust or value (implies --weighted; an unrated tie weighs 2.5).
    #[arg(long, value_name = "strength|trust|value")]
    weight: Option<Weight>,
    /// Exact betweenness and closeness even for very large networks (otherwise estimated above
    /// 50,000 organizations: betweenness from random pairs, closeness from 2,000 sample
    /// sources; docs/metrics.md gives the bounds).
    #[arg(long)]
    exact: bool,
    /// Ignore the direction of the ties, even when every partnership is directed.
    #[arg(long, conflicts_with = "directed")]
    undirected: bool,
    /// Only the partnerships of this relation, in a file with several (e.g. "information").
    #[arg(long)]
    relation: Option<String>,
}

impl MetricsFlags {
    /// Directed when `--directed` says so, undirected with `--undirected`, else as the ties are.
    fn options(&self, input: &Input) -> MetricsOptions {
        let directed = (input.directed || self.undirected).then_some(input.directed);
        let (weighted, weight) = (self.weighted || self.weight.is_some(), self.weight);
        let weight = weight.unwrap_or_default();
        MetricsOptions {
            weighted,
            weight,
            exact: self.exact,
            directed,
        }
    }

    /// The input's coalition with only the partnerships of the relation `--relation` names.
    fn load(&self, input: &Input) -> anyhow::Result<Coalition> {
        let coalition = input.load()?.coalition;
        let Some(name) = &self.relation else {
            return Ok(coalition);
        };
        let only = coalition.only_relation(name);
        only.map_err(|e| output::unknown("--relation", name, &e.to_string(), e.suggestion))
    }
}

#[derive(Debug, clap::Args)]
#[command(mut_arg("paths", |a| a.num_args(3..).value_name("SNAPSHOT")
    .help("The snapshots, oldest first (any inputs partnermap reads)")))]
pub struct TrendArgs {
    #[command(flatten)]
    input: Input,
    /// Also draw the trend as an SVG line chart into this file.
    #[arg(long, value_name = "FILE")]
    chart: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl TrendArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalitions = self.input.snapshots(&self.input.paths)?;
        let landscapes: Vec<Landscape> = coalitions.iter().map(Landscape::build).collect();
        let trend = partnermap_analysis::trend::trend(&landscapes);
        if let Some(file) = &self.chart {
            let svg = partnermap_report::chart::trend_chart(&trend)?;
            output::write(file, svg.as_bytes(), "the chart")?;
        }
        let name = &coalitions[coalitions.len() - 1].name;
        let document = || command::trend(name, &trend);
        output::show(self.format, &trend, || tables::trend(&trend), document)
    }
}

#[derive(Debug, clap::Args)]
pub struct MetricsArgs {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    options: MetricsFlags,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl MetricsArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.options.load(&self.input)?;
        let metrics = network_metrics(
            &Landscape::build(&coalition),
            self.options.options(&self.input),
        );
        let document = || command::metrics(&coalition.name, &metrics);
        let csv = || tables::metrics(&metrics);
        output::show(self.format, &metrics, csv, document)
    }
}

#[derive(Debug, clap::Args)]
pub struct BrokersArgs {
    #[command(flatten)]
    input: Input,
    /// How many brokers to list.
    #[arg(long, default_value_t = 10)]
    top: usize,
    #[command(flatten)]
    options: MetricsFlags,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl BrokersArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.options.load(&self.input)?;
        let landscape = Landscape::build(&coalition);
        let metrics = network_metrics(&landscape, self.options.options(&self.input));
        let mut list = brokers(&landscape, &metrics);
        list.truncate(self.top);
        let document = || command::brokers(&coalition.name, &list);
        output::show(self.format, &list, || tables::brokers(&list), document)
    }
}

/// The invite list, as `invite` and `letters` choose it.
#[derive(Debug, clap::Args)]
struct InviteList {
    /// The most organizations to invite (also --k).
    #[arg(long, alias = "k", value_name = "N", default_value_t = 5)]
    invitations: usize,
    /// Also search for the best possible list (up to 40 candidates and k of 6) and compare.
    #[arg(long)]
    exact: bool,
}

#[derive(Debug, clap::Args)]
pub struct InviteArgs {
    #[command(flatten)]
    input: Input,
    #[command(flatten)]
    list: InviteList,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write a copy of the project to this folder with each pick's sender recorded (invited_by).
    #[arg(long, value_name = "FOLDER")]
    apply: Option<PathBuf>,
}

impl InviteArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.input.load()?.coalition;
        let landscape = Landscape::build(&coalition);
        let plan = plan(&landscape, self.list.invitations, self.list.exact);
        if let Some(out) = &self.apply {
            let hint = "write the copy to a new folder, e.g. --apply invited";
            self.input.not_input(out, "--apply: ", hint)?;
            partnermap_core::write::write_folder(&plan.recorded(&landscape), out)
                .with_context(|| format!("writing the invited copy to {}", out.display()))?;
            let picks = plan.picks.len();
            output::note(&format!(
                "Wrote {} with {picks} invitations (invited_by).",
                out.display()
            ));
        }
        let csv = || tables::invite(&landscape, &plan);
        let document = || command::invite(&landscape, &plan);
        output::show(self.format, &plan, csv, document)
    }
}

#[derive(Debug, clap::Args)]
#[command(mut_arg("paths", |a| a.required(false).required_unless_present("print_template")))]
pub struct LettersArgs {
    #[command(flatten)]
    input: Input,
    /// The folder to write the letters into (replaced as a whole if it holds earlier letters).
    #[arg(long, value_name = "DIR", required_unless_present = "print_template")]
    out: Option<PathBuf>,
    #[command(flatten)]
    list: InviteList,
    /// Your own minijinja template instead of the built-in one (docs/letters.md).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Print the built-in template, to start your own from.
    #[arg(long)]
    print_template: bool,
}

impl LettersArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let Some(out) = self.out.as_ref().filter(|_| !self.print_template) else {
            return output::print(BUILTIN_TEMPLATE);
        };
        let hint = "choose a folder outside the input, e.g. --out letters";
        self.input.not_input(out, "", hint)?;
        let template = self.template.as_deref();
        let template = template.map_or(Ok(Template::builtin()), Template::read);
        let coalition = self.input.load()?.coalition;
        let landscape = Landscape::build(&coalition);
        let plan = plan(&landscape, self.list.invitations, self.list.exact);
        let files = template.and_then(|t| folder(&landscape, &plan, &t));
        let files = files.map_err(|e| output::usage(format!("error: {e}")))?;
        let write_folder = partnermap_report::output::write_folder;
        output::written(write_folder(out, &files, "letters folder", "letters.csv"))?;
        output::print(&format!("Wrote the letters to {}.\n", out.display()))
    }
}
