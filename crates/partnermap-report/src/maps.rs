//! The report's maps: the analyses handed to partnermap-render as annotations, each view as
//! DOT, and drawn as SVG and PNG when Graphviz is there.

use crate::{Map, NetworkAnalysis};
use partnermap_analysis::brokers::{
    brokers, network_metrics, partnership_network, Broker, NetworkMetrics,
};
use partnermap_analysis::coverage::{self, gaps, Class, Scenario};
use partnermap_analysis::introductions::{introductions, Introduction};
use partnermap_analysis::metrics::connectivity::cut_off;
use partnermap_core::vocabulary::TermKind;
use partnermap_core::Landscape;
use partnermap_render::{
    gap_picture, layout_for, organizations_shown, render_image, to_dot, Annotations, BrokerRank,
    Changes, Coverage, CoverageClass, GapTerm, ImageFormat, Layout, MapOptions, RenderError, View,
};

/// What the analyses found, in the form the renderer draws: betweenness sizes the nodes,
/// the brokers ranking and how many each cut point would cut off decide the marks, communities grouped, priority populations coloured by
/// coverage, and the warm-introduction chains drawn. The invite plan plays no part, so a map
/// needs only [`analyse_network`](crate::analyse_network); a whole
/// [`Analysis`](crate::Analysis) serves as well.
///
/// ```
/// use partnermap_report::{analyse_network, maps::annotations};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let annotations = annotations(&landscape, &analyse_network(&landscape));
/// assert!(annotations.centrality.is_empty() && annotations.paths.is_empty());
/// ```
pub fn annotations(landscape: &Landscape, analysis: &NetworkAnalysis) -> Annotations {
    let mut annotations = network_annotations(landscape, &analysis.metrics, &analysis.brokers);
    annotations.coverage = coverage(landscape, &analysis.gaps.coverage);
    annotations.paths = paths(
        landscape,
        analysis.warm_introductions.iter().flat_map(|d| &d.chains),
    );
    annotations
}

/// The annotations of one map drawn on its own (`partnermap map`), computing only what the
/// view draws: the measures, brokers and cut points always (they size, mark and choose the
/// organizations); the coverage of the priority populations only for the views that draw
/// them; warm-introduction chains only in the population view, to its population alone.
pub fn for_view(landscape: &Landscape, view: &View) -> Annotations {
    let metrics = network_metrics(landscape, Default::default());
    let mut annotations = network_annotations(landscape, &metrics, &brokers(landscape, &metrics));
    if matches!(
        view,
        View::Landscape | View::Coverage | View::Population { .. }
    ) {
        let found = gaps(landscape, &Scenario::default())
            .expect("an empty scenario names no organization, so it always applies");
        annotations.coverage = coverage(landscape, &found.coverage);
    }
    if let View::Population { population } = view {
        let chains = introductions(landscape, TermKind::Population, population, false);
        annotations.paths = paths(landscape, chains.iter().flatten());
    }
    annotations
}

/// Betweenness sizes the nodes, communities group them, the brokers ranking and how many each
/// cut point would cut off mark them.
fn network_annotations(
    landscape: &Landscape,
    metrics: &NetworkMetrics,
    ranked: &[Broker],
) -> Annotations {
    let mut annotations = Annotations::default_for(landscape.coalition());
    for (i, figures) in metrics.organizations.iter().enumerate() {
        annotations.centrality[i] = figures.measures.betweenness;
        annotations.community[i] = Some(figures.measures.community);
    }
    for (place, broker) in ranked.iter().enumerate() {
        if let Some(i) = landscape.organization(&broker.id) {
            annotations.brokers[i] = Some(BrokerRank {
                place,
                reason: broker.reasons.join("; "),
            });
        }
    }
    annotations.cut_off = cut_off(&partnership_network(landscape, false));
    annotations
}

/// Each priority population's coverage class and providers, in priority order.
fn coverage(landscape: &Landscape, found: &coverage::Coverage) -> Vec<Option<Coverage>> {
    landscape
        .coalition()
        .priorities
        .populations
        .iter()
        .map(|id| {
            let term = found
                .priorities
                .iter()
                .find(|t| t.term.kind == TermKind::Population && &t.term.id == id)?;
            Some(Coverage {
                class: class(term.class),
                providers: term.providers.in_network(),
            })
        })
        .collect()
}

fn class(class: Class) -> CoverageClass {
    match class {
        Class::Uncovered => CoverageClass::Uncovered,
        Class::Reachable => CoverageClass::Reachable,
        Class::Thin => CoverageClass::Thin,
        Class::Covered => CoverageClass::Covered,
    }
}

/// The name of the gap picture, shown on the report's first page rather than with the maps.
pub const GAPS: &str = "gaps";

/// Warm introductions as the organization indices the maps draw them through; a chain of one
/// organization (nobody to introduce) draws nothing.
pub fn paths<'a>(
    landscape: &Landscape,
    chains: impl IntoIterator<Item = &'a Introduction>,
) -> Vec<Vec<usize>> {
    chains
        .into_iter()
        .filter_map(|chain| {
            chain
                .path
                .iter()
                .map(|id| landscape.organization(id))
                .collect::<Option<Vec<usize>>>()
        })
        .filter(|path| path.len() > 1)
        .collect()
}

/// The most organizations a report map shows; larger networks keep their most central ones
/// (every priority population stays).
pub const MAP_ORGANIZATIONS: usize = 60;

/// The gap picture ([`GAPS`]) and the three maps of the report, in reading order. With `graphviz` false, or when Graphviz is
/// not installed, only their DOT sources; an error only when Graphviz is there and fails.
///
/// ```
/// use partnermap_report::{analyse_network, maps::maps};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let drawn = maps(&landscape, &analyse_network(&landscape), false).unwrap();
/// let names: Vec<&str> = drawn.iter().map(|m| m.name).collect();
/// assert_eq!(names, ["gaps", "landscape", "coverage", "partnerships"]);
/// assert!(drawn.iter().all(|m| m.svg.is_none() && m.dot.starts_with("digraph")));
/// ```
pub fn maps(
    landscape: &Landscape,
    analysis: &NetworkAnalysis,
    graphviz: bool,
) -> Result<Vec<Map>, RenderError> {
    let coalition = landscape.coalition();
    let annotations = annotations(landscape, analysis);
    let views = [
        (
            "landscape",
            View::Landscape,
            "The partner landscape: organizations, the priority populations they serve and the areas they work in",
        ),
        (
            "coverage",
            View::Coverage,
            "Coverage: which organizations serve each priority population, coloured by how well it is covered",
        ),
        (
            "partnerships",
            View::Partnerships,
            "Partnerships between organizations; larger nodes sit on more of the shortest chains between others",
        ),
    ];
    let n = coalition.organizations.len();
    // Thousands of organizations make an unreadable map that Graphviz needs many minutes to
    // draw; a report shows the most central ones and says so.
    let top = (n > MAP_ORGANIZATIONS).then_some(MAP_ORGANIZATIONS);
    let mut drawing = graphviz;
    let mut maps = Vec::new();
    let gaps = gap_picture(
        "",
        &analysis
            .gaps
            .coverage
            .priorities
            .iter()
            .filter(|t| t.term.kind != TermKind::Asset)
            .map(|t| GapTerm {
                label: t.term.label.clone(),
                domain: t.term.kind == TermKind::Domain,
                class: class(t.class),
                providers: t
                    .providers
                    .in_network_providers()
                    .map(|o| o.name.clone())
                    .collect(),
            })
            .collect::<Vec<_>>(),
    );
    let svg = if drawing {
        draw(&gaps, ImageFormat::Svg, Layout::Dot)?
    } else {
        None
    };
    drawing &= svg.is_some();
    let png = if drawing {
        draw(&gaps, ImageFormat::Png, Layout::Dot)?
    } else {
        None
    };
    maps.push(Map {
        name: GAPS,
        title: "Each priority population and domain in its coverage colour, with how many members and existing partners provide it and who".to_string(),
        dot: gaps,
        svg: svg.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        png,
        organizations: Vec::new(),
    });
    for (name, view, title) in views {
        let mut options = MapOptions::new(view);
        options.top = top;
        options.page = Some(name.to_string());
        let title = match top {
            Some(shown) => format!("{title} (the {shown} most central of {n} organizations)"),
            None => title.to_string(),
        };
        let dot = to_dot(landscape, &annotations, &options);
        let layout = layout_for(landscape, &annotations, &options);
        let svg = if drawing {
            draw(&dot, ImageFormat::Svg, layout)?
        } else {
            None
        };
        // A missing Graphviz is found on the first drawing; the rest are not attempted.
        drawing &= svg.is_some();
        let png = if drawing {
            draw(&dot, ImageFormat::Png, layout)?
        } else {
            None
        };
        maps.push(Map {
            name,
            title,
            dot,
            svg: svg.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
            png,
            organizations: organizations_shown(landscape, &annotations, &options),
        });
    }
    Ok(maps)
}

/// The name of the change map.
pub const CHANGES: &str = "changes";

/// The change map: the partnerships of both snapshots in one map, with the organizations that
/// joined, became partners or left and the partnerships added or ended marked. Nodes are sized
/// by their betweenness now (`analysis` is the new snapshot's), as on the partnerships map, and
/// a large network shows its most central organizations. Drawn as SVG and PNG when `graphviz`
/// allows and Graphviz is there.
///
/// ```
/// use partnermap_report::{analyse_network, maps::change_map};
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscape = partnermap_core::Landscape::build(&coalition);
/// let map = change_map(&landscape, &landscape, &analyse_network(&landscape), false).unwrap();
/// assert!(map.dot.contains("What changed since the earlier snapshot"));
/// ```
pub fn change_map(
    old: &Landscape,
    new: &Landscape,
    analysis: &NetworkAnalysis,
    graphviz: bool,
) -> Result<Map, RenderError> {
    let union = partnermap_analysis::diff::union(old, new);
    let landscape = Landscape::build(&union.coalition);
    let mut annotations = Annotations::default_for(&union.coalition);
    for (i, figures) in analysis.metrics.organizations.iter().enumerate() {
        annotations.centrality[i] = figures.measures.betweenness;
    }
    annotations.changes = Some(Changes {
        joined: union.joined,
        converted: union.converted,
        left: union.left,
        added: union.added,
        ended: union.ended,
    });
    let since = old.coalition().as_of.clone();
    let mut options = MapOptions::new(View::Changes {
        since: since.clone(),
    });
    let n = union.coalition.organizations.len();
    options.top = (n > MAP_ORGANIZATIONS).then_some(MAP_ORGANIZATIONS);
    let dot = to_dot(&landscape, &annotations, &options);
    let layout = layout_for(&landscape, &annotations, &options);
    let svg = if graphviz {
        draw(&dot, ImageFormat::Svg, layout)?
    } else {
        None
    };
    let png = if svg.is_some() {
        draw(&dot, ImageFormat::Png, layout)?
    } else {
        None
    };
    let date = since.unwrap_or_else(|| "the earlier snapshot".to_string());
    Ok(Map {
        name: CHANGES,
        title: format!("What changed since {date}: new organizations and partnerships in green, organizations that left greyed out, ended partnerships dashed in grey"),
        dot,
        svg: svg.map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        png,
        organizations: Vec::new(),
    })
}

/// One drawing, or `None` when Graphviz is not installed.
fn draw(dot: &str, format: ImageFormat, layout: Layout) -> Result<Option<Vec<u8>>, RenderError> {
    match render_image(dot, format, layout) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(RenderError::GraphvizMissing) => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse_network;

    #[test]
    fn large_networks_show_their_most_central_organizations_and_say_so() {
        let mut csv = String::from("source,target\n");
        for i in 0..69 {
            csv += &format!("Org {i},Org {}\n", i + 1);
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chain.csv");
        std::fs::write(&path, csv).unwrap();
        let coalition = partnermap_core::load(&path).unwrap().coalition;
        let landscape = partnermap_core::Landscape::build(&coalition);
        let drawn = maps(&landscape, &analyse_network(&landscape), false).unwrap();
        for map in &drawn[1..] {
            assert!(
                map.title
                    .ends_with("(the 60 most central of 70 organizations)"),
                "{}",
                map.title
            );
        }
        let partnerships = &drawn[3].dot;
        assert_eq!(
            partnerships.matches("[label=\"Org ").count(),
            MAP_ORGANIZATIONS
        );
        assert!(
            partnerships.contains("[label=\"Org 35\\n"),
            "the middle of the chain is the most central"
        );
        assert!(
            !partnerships.contains("[label=\"Org 0\""),
            "an end of the chain is the least central"
        );
    }
}
