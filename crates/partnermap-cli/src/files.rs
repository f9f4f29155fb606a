//! The commands that write files: `report` (the whole report in one folder), `map` (one map),
//! `convert` (the network for another tool), `validate` (a summary, and the canonical JSON),
//! `init` (the blank worksheet) and `import` (a directory people already keep as a project).

use crate::{cli::Input, output};
use anyhow::Context;
use partnermap_core::write::{export, Format};
use partnermap_core::{Landscape, TermKind};
use partnermap_render::{
    layout_for, render_image, to_dot, Aspect, GroupBy, Layout, MapFile, MapOptions, View, ViewName,
};
use partnermap_report::tables::metric_columns;
use std::path::PathBuf;

/// Set to anything but empty or `0` to leave Graphviz out even when it is installed, so the
/// report is the same on every machine (the golden tests rely on it).
pub const NO_GRAPHVIZ_ENV: &str = "PARTNERMAP_NO_GRAPHVIZ";

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    input: Input,
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
}

impl ReportArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let hint = "choose an output folder outside the input, e.g. --out report";
        self.input.not_input(&self.out, "", hint)?;
        let graphviz = std::env::var_os(NO_GRAPHVIZ_ENV).is_none_or(|v| v.is_empty() || v == "0");
        let coalition = self.input.load()?.coalition;
        let landscape = Landscape::build(&coalition);
        let (k, letters) = (self.invitations, self.letters);
        let options = partnermap_report::Options { k, letters };
        let earlier = self.input.snapshots(&self.since)?;
        let earlier: Vec<Landscape> = earlier.iter().map(Landscape::build).collect();
        let files = partnermap_report::build(&landscape, &earlier, &options, graphviz)?;
        output::written(partnermap_report::write_report(&self.out, &files))?;
        let page = self.out.join("report.html");
        let (out, page) = (self.out.display(), page.display());
        output::print(&format!(
            "Report written to {out}; open {page} in a browser.\n"
        ))
    }
}

/// Everything `partnermap map` can be asked for.
#[derive(Debug, clap::Args)]
pub struct MapArgs {
    #[command(flatten)]
    input: Input,
    /// Which map: landscape (organizations, priority populations and domains, partnerships),
    /// partnerships, coverage, ego (around --org) or population (the way to --population).
    #[arg(long, value_name = "VIEW", default_value = "landscape")]
    view: ViewName,
    /// Where to write it: .dot, .svg, .png or .pdf, or - for DOT on standard output.
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// The organization at the centre of the ego view (id or name).
    #[arg(long, value_name = "ORG", required_if_eq("view", "ego"))]
    org: Option<String>,
    /// How many partnership steps the ego view reaches.
    #[arg(long, value_name = "N", default_value_t = 2)]
    depth: usize,
    /// The population of the population view (id, label or alias such as ELL).
    #[arg(long, value_name = "P", required_if_eq("view", "population"))]
    population: Option<String>,
    /// Draw boxes around organizations of the same kind: none, type, community or status.
    #[arg(long, value_name = "GROUPING", default_value = "none")]
    group_by: GroupBy,
    /// Keep only the N most central organizations (every priority population stays).
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Graphviz layout engine (dot, neato, fdp, sfdp, circo, twopi); chosen by the map's size
    /// when left out.
    #[arg(long, value_name = "ENGINE")]
    layout: Option<Layout>,
    /// Shape the picture for a slide or a page: 16:9 (1920 × 1080 px), 4:3 or a4 (portrait).
    #[arg(long, value_name = "SHAPE")]
    aspect: Option<Aspect>,
}

impl MapArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.input.load()?.coalition;
        let landscape = Landscape::build(&coalition);
        let shown = self.output.display();
        let unknown = format!("error: -o {shown}: cannot tell the format from its name\n  hint: name it .dot, .svg, .png or .pdf, or give -o - for DOT on standard output");
        let file = MapFile::for_path(&self.output).ok_or_else(|| output::usage(unknown))?;
        let text = |flag: &Option<String>| flag.clone().unwrap_or_default();
        let population = || output::term(&landscape, TermKind::Population, &text(&self.population));
        let view = match self.view {
            ViewName::Landscape => View::Landscape,
            ViewName::Partnerships => View::Partnerships,
            ViewName::Coverage => View::Coverage,
            ViewName::Ego => View::Ego {
                org: output::organization(&landscape, "--org", &text(&self.org))?,
                depth: self.depth,
            },
            ViewName::Population => View::Population {
                population: population()?.id.clone(),
            },
        };
        let annotations = partnermap_report::maps::for_view(&landscape, &view);
        let mut options = MapOptions::new(view);
        (options.group_by, options.top) = (self.group_by, self.top);
        (options.layout, options.aspect) = (self.layout, self.aspect);
        let dot = to_dot(&landscape, &annotations, &options);
        let engine = layout_for(&landscape, &annotations, &options);
        let bytes = match file {
            _ if self.output == std::path::Path::new("-") => return output::print(&dot),
            MapFile::Dot => dot.into_bytes(),
            MapFile::Image(format) => render_image(&dot, format, engine)?,
        };
        output::write(&self.output, &bytes, "the map")
    }
}

#[derive(Debug, clap::Args)]
pub struct ConvertArgs {
    #[command(flatten)]
    input: Input,
    /// The file (or folder, for a project folder or gephi-csv) to write.
    output: PathBuf,
    /// The output format, whatever OUT's extension.
    #[arg(long, value_name = "FORMAT", value_parser = |s: &str| Format::named(s).ok_or(format!("the formats are: {}", Format::names())))]
    to: Option<Format>,
    /// Add every per-organization metric and the community as node attributes.
    #[arg(long)]
    metrics: bool,
    /// Write the two-mode network: organizations and the populations, domains and assets they provide.
    #[arg(long)]
    landscape: bool,
}

impl ConvertArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.input.load()?.coalition;
        let (c, out) = (&coalition, &self.output);
        let extra = self.metrics.then(|| metric_columns(c));
        match export(c, self.to, out, &extra.unwrap_or_default(), self.landscape) {
            Err(e) if e.is_usage() => return Err(output::usage(format!("error: {e}"))),
            written => written.with_context(|| format!("writing {}", out.display()))?,
        }
        output::wrote(out)
    }
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    input: Input,
    /// Also write the input as one canonical JSON document to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
}

impl ValidateArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let coalition = self.input.load()?.coalition;
        if let Some(path) = &self.json {
            let json = partnermap_core::write::to_json(&coalition);
            output::write(path, json.as_bytes(), "the JSON document")?;
        }
        let document = partnermap_report::command::validate(&coalition);
        let text = partnermap_report::text::render(&document, output::use_colour());
        output::print(&text)
    }
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The workbook (.xlsx) or folder to create; it must not exist yet.
    path: PathBuf,
}

impl InitArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        if self.path.exists() {
            let shown = self.path.display();
            let exists =
                format!("error: {shown} already exists\n  hint: give a new file or folder");
            return Err(output::usage(exists));
        }
        partnermap_core::write::init(&self.path)?;
        output::wrote(&self.path)
    }
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The directory: a .csv file, a workbook's first sheet, or an Open Referral HSDS package (a folder).
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
}

impl ImportArgs {
    pub fn run(&self) -> anyhow::Result<()> {
        let (Some(mapping), Some(out)) = (&self.mapping, &self.out) else {
            let suggested = partnermap_core::load::suggest_mapping(&self.directory)?;
            return output::print(&suggested);
        };
        let imported = partnermap_core::load::import(&self.directory, mapping);
        let coalition = output::loaded(imported)?.coalition;
        partnermap_core::write::write_imported(&coalition, out)?;
        let count = coalition.organizations.len();
        output::note(&format!("Wrote {}: {count} organizations", out.display()));
        Ok(())
    }
}
