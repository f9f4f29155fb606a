//! `partnermap map`: load, annotate with the analyses, draw, write.

use crate::output;
use anyhow::Context;
use partnermap_analysis::introductions::introductions;
use partnermap_core::{Landscape, TermKind};
use partnermap_render::{
    layout_for, render_image, to_dot, Annotations, Aspect, GroupBy, ImageFormat, Layout,
    MapOptions, View,
};
use partnermap_report::analyse_network;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The views `--view` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ViewName {
    /// Organizations, priority populations and domains, and the partnerships between them.
    Landscape,
    /// Organizations and partnerships only.
    Partnerships,
    /// Who serves each population; priority populations coloured by coverage.
    Coverage,
    /// One organization's neighbourhood (needs --org).
    Ego,
    /// Who serves one population, and warm-introduction paths to them (needs --population).
    Population,
}

/// Everything `partnermap map` can be asked for.
#[derive(Debug, clap::Args)]
pub struct MapArgs {
    /// Project folder, .json document or source,target .csv edge list.
    pub path: PathBuf,
    /// Which map to draw.
    #[arg(long, value_enum, default_value = "landscape")]
    pub view: ViewName,
    /// Where to write it: .dot, .svg, .png or .pdf, or - for DOT on standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// The organization at the centre of the ego view (id or name).
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// How many partnership steps the ego view reaches.
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub depth: usize,
    /// The population of the population view (id, label or alias such as ELL).
    #[arg(long, value_name = "P")]
    pub population: Option<String>,
    /// Draw boxes around organizations of the same kind: none, type, community or status.
    #[arg(long, value_name = "GROUPING", default_value = "none")]
    pub group_by: GroupBy,
    /// Keep only the N most central organizations (every priority population stays).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Graphviz layout engine (dot, neato, fdp, sfdp, circo, twopi); chosen by the map's size
    /// when left out.
    #[arg(long, value_name = "ENGINE")]
    pub layout: Option<Layout>,
    /// Shape the picture for a slide or a page: 16:9 (1920 × 1080 px), 4:3 or a4 (portrait).
    #[arg(long, value_name = "SHAPE")]
    pub aspect: Option<Aspect>,
}

/// What the output file's extension asks for.
enum Output {
    Dot,
    Image(ImageFormat),
}

pub fn run(request: &MapArgs) -> anyhow::Result<ExitCode> {
    let loaded = output::load(&request.path, None)?;
    let landscape = Landscape::build(&loaded.coalition);
    let output = output_kind(&request.output)?;
    let view = resolve_view(&landscape, request)?;
    let annotations = annotations(&landscape, &view);
    let options = MapOptions {
        view,
        group_by: request.group_by,
        top: request.top,
        layout: request.layout,
        aspect: request.aspect,
        page: None,
    };
    let dot = to_dot(&landscape, &annotations, &options);
    if request.output == Path::new("-") {
        return output::print(&dot);
    }
    let bytes = match output {
        Output::Dot => dot.into_bytes(),
        Output::Image(format) => {
            render_image(&dot, format, layout_for(&landscape, &annotations, &options))?
        }
    };
    partnermap_core::write::write_atomic(&request.output, &bytes)
        .with_context(|| format!("writing the map to {}", request.output.display()))?;
    output::note(&format!("Wrote {}", request.output.display()));
    Ok(ExitCode::SUCCESS)
}

fn output_kind(output: &Path) -> anyhow::Result<Output> {
    if output == Path::new("-") {
        return Ok(Output::Dot);
    }
    let extension = output
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension.as_str() {
        "dot" | "gv" => Ok(Output::Dot),
        other => ImageFormat::from_extension(other)
            .map(Output::Image)
            .ok_or_else(|| {
                output::usage(format!(
                    "error: -o {}: cannot tell the format from its name\n  hint: name it .dot, .svg, .png or .pdf, or give -o - for DOT on standard output",
                    output.display()
                ))
            }),
    }
}

fn resolve_view(landscape: &Landscape, request: &MapArgs) -> anyhow::Result<View> {
    Ok(match request.view {
        ViewName::Landscape => View::Landscape,
        ViewName::Partnerships => View::Partnerships,
        ViewName::Coverage => View::Coverage,
        ViewName::Ego => {
            let Some(text) = &request.org else {
                return Err(output::usage(
                    "error: the ego view needs --org ORG (an organization id or name)".to_string(),
                ));
            };
            let org = output::organization(landscape, "--org", text)?;
            View::Ego {
                org,
                depth: request.depth,
            }
        }
        ViewName::Population => {
            let Some(text) = &request.population else {
                return Err(output::usage(
                    "error: the population view needs --population P (a population id, label or alias)"
                        .to_string(),
                ));
            };
            View::Population {
                population: output::term(landscape, TermKind::Population, text)?
                    .id
                    .clone(),
            }
        }
    })
}

/// The report's annotations (betweenness, brokers, cut points, communities, coverage); the
/// population view shows the warm-introduction chains to that population only. Only the
/// network analysis runs: a map shows nothing of the invite plan and its exact search.
fn annotations(landscape: &Landscape, view: &View) -> Annotations {
    let network = analyse_network(landscape);
    let mut annotations = partnermap_report::maps::annotations(landscape, &network);
    if let View::Population { population } = view {
        let chains = introductions(landscape, TermKind::Population, population, false);
        annotations.paths = partnermap_report::maps::paths(landscape, chains.iter().flatten());
    }
    annotations
}
