//! `partnermap map`: load, annotate cheaply, draw, write.

use anyhow::Context;
use partnermap_core::{Coalition, Diagnostic, LoadError, TermKind};
use partnermap_render::{
    layout_for, render_image, to_dot, Annotations, Coverage, CoverageClass, GroupBy, ImageFormat,
    Layout, MapOptions, View,
};
use std::collections::VecDeque;
use std::io::Write;
use std::path::Path;
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

/// Everything `partnermap map` was asked for.
pub struct Request<'a> {
    pub path: &'a Path,
    pub view: ViewName,
    pub output: &'a Path,
    pub org: Option<&'a str>,
    pub depth: usize,
    pub population: Option<&'a str>,
    pub group_by: GroupBy,
    pub top: Option<usize>,
    pub layout: Option<Layout>,
}

/// What the output file's extension asks for.
enum Output {
    Dot,
    Image(ImageFormat),
}

pub fn run(request: &Request) -> anyhow::Result<ExitCode> {
    let loaded = partnermap_core::load(request.path)?;
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    let coalition = &loaded.coalition;
    let output = output_kind(request.output)?;
    let view = resolve_view(coalition, request)?;
    let annotations = cheap_annotations(coalition, &view);
    let options = MapOptions {
        view,
        group_by: request.group_by,
        top: request.top,
        layout: request.layout,
    };
    let dot = to_dot(coalition, &annotations, &options);
    if request.output == Path::new("-") {
        std::io::stdout()
            .write_all(dot.as_bytes())
            .context("writing the map to standard output")?;
        return Ok(ExitCode::SUCCESS);
    }
    let bytes = match output {
        Output::Dot => dot.into_bytes(),
        Output::Image(format) => {
            render_image(&dot, format, layout_for(coalition, &annotations, &options))?
        }
    };
    partnermap_core::write::write_atomic(request.output, &bytes)
        .with_context(|| format!("writing the map to {}", request.output.display()))?;
    eprintln!("Wrote {}", request.output.display());
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
                anyhow::anyhow!(
                    "cannot tell the format of {}: name it .dot, .svg, .png or .pdf, or give -o - for DOT on standard output",
                    output.display()
                )
            }),
    }
}

/// An invalid option value, reported like invalid input so it exits with code 2.
fn invalid(flag: &str, message: String, suggestion: Option<String>) -> anyhow::Error {
    LoadError {
        diagnostics: vec![Diagnostic::error(flag, message).did_you_mean(suggestion)],
    }
    .into()
}

fn resolve_view(coalition: &Coalition, request: &Request) -> anyhow::Result<View> {
    Ok(match request.view {
        ViewName::Landscape => View::Landscape,
        ViewName::Partnerships => View::Partnerships,
        ViewName::Coverage => View::Coverage,
        ViewName::Ego => {
            let Some(text) = request.org else {
                return Err(invalid(
                    "--org",
                    "the ego view needs --org ORG (an organization id or name)".to_string(),
                    None,
                ));
            };
            let org = coalition.find_organization(text).map_err(|suggestion| {
                invalid(
                    "--org",
                    format!("no organization \"{text}\" in {}", request.path.display()),
                    suggestion,
                )
            })?;
            View::Ego {
                org,
                depth: request.depth,
            }
        }
        ViewName::Population => {
            let Some(text) = request.population else {
                return Err(invalid(
                    "--population",
                    "the population view needs --population P (a population id, label or alias)"
                        .to_string(),
                    None,
                ));
            };
            let vocabulary = coalition.vocabulary();
            let term = vocabulary
                .resolve(TermKind::Population, text)
                .map_err(|suggestion| {
                    invalid(
                        "--population",
                        format!("unknown population \"{text}\""),
                        suggestion,
                    )
                })?;
            View::Population {
                population: term.id.clone(),
            }
        }
    })
}

/// Stand-in annotations the command can compute from the model alone: coverage by counting
/// providers, and shortest warm-introduction paths by breadth-first search.
// To be replaced by partnermap-analysis results (coverage, brokers, centrality, communities)
// once that crate provides them.
fn cheap_annotations(coalition: &Coalition, view: &View) -> Annotations {
    let mut annotations = Annotations::default_for(coalition);
    annotations.coverage = coalition
        .priorities
        .populations
        .iter()
        .map(|population| {
            let serving = coalition
                .organizations
                .iter()
                .filter(|o| o.populations.contains(population));
            let providers = serving.clone().filter(|o| o.status.is_in_network()).count();
            let potential = serving
                .clone()
                .any(|o| o.status == partnermap_core::Status::Potential);
            let class = match providers {
                0 if potential => CoverageClass::Reachable,
                0 => CoverageClass::Uncovered,
                1 => CoverageClass::Thin,
                _ => CoverageClass::Covered,
            };
            Some(Coverage { class, providers })
        })
        .collect();
    let convener = coalition
        .convener
        .as_deref()
        .and_then(|id| coalition.organization_index(id));
    if let (View::Population { population }, Some(convener)) = (view, convener) {
        let n = coalition.organizations.len();
        let index: std::collections::HashMap<&str, usize> = coalition
            .organizations
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let mut adjacent = vec![Vec::new(); n];
        for p in &coalition.partnerships {
            if let (Some(&a), Some(&b)) =
                (index.get(p.source.as_str()), index.get(p.target.as_str()))
            {
                adjacent[a].push(b);
                adjacent[b].push(a);
            }
        }
        for list in &mut adjacent {
            list.sort_unstable();
            list.dedup();
        }
        let mut parent = vec![usize::MAX; n];
        parent[convener] = convener;
        let mut queue = VecDeque::from([convener]);
        while let Some(at) = queue.pop_front() {
            for &next in &adjacent[at] {
                if parent[next] == usize::MAX {
                    parent[next] = at;
                    queue.push_back(next);
                }
            }
        }
        for (target, org) in coalition.organizations.iter().enumerate() {
            if target == convener
                || parent[target] == usize::MAX
                || !org.populations.contains(population)
            {
                continue;
            }
            let mut path = vec![target];
            while *path.last().expect("never empty") != convener {
                path.push(parent[*path.last().expect("never empty")]);
            }
            path.reverse();
            annotations.paths.push(path);
        }
    }
    annotations
}
