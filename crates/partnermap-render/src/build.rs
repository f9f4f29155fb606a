//! From a coalition, its annotations and the options to a Graphviz graph, in three steps:
//! which nodes and edges the view shows ([`crate::selection`]), how each is drawn
//! ([`crate::drawing`]), then the key for exactly what was drawn ([`crate::key`]). The order
//! of the statements here is the order of the DOT output.

use crate::annotations::Annotations;
use crate::drawing;
use crate::key::{legend, Used};
use crate::options::{Layout, MapOptions, View};
use crate::selection::select;
use graphviz_rust::dot_structures::{Graph, Id, Stmt};
use partnermap_core::Landscape;

/// The graph for a map and the engine that should lay it out.
pub(crate) struct Built {
    pub(crate) graph: Graph,
    pub(crate) layout: Layout,
}

pub(crate) fn build(
    landscape: &Landscape,
    annotations: &Annotations,
    options: &MapOptions,
) -> Built {
    let coalition = landscape.coalition();
    let vocabulary = landscape.vocabulary();
    let selection = select(landscape, annotations, options);
    let layout = options
        .layout
        .unwrap_or_else(|| Layout::for_size(selection.orgs.len() + selection.terms.len()));
    let coverage_view = matches!(options.view, View::Coverage);
    let mut used = Used::default();
    let mut stmts = drawing::defaults(coalition, vocabulary, options, layout);
    stmts.extend(drawing::organizations(
        coalition,
        annotations,
        options.group_by,
        &selection.orgs,
        &mut used,
    ));
    if layout == Layout::Dot && !selection.terms.is_empty() && !selection.orgs.is_empty() {
        stmts.push(drawing::terms_column(&selection.terms));
    }
    stmts.extend(drawing::terms(
        vocabulary,
        annotations,
        &selection.terms,
        coverage_view,
        &mut used,
    ));
    stmts.extend(drawing::links(
        coalition,
        &selection,
        coverage_view,
        &mut used,
    ));
    stmts.extend(drawing::partnerships(
        coalition,
        &selection.partnerships,
        &mut used,
    ));
    stmts.extend(drawing::path_steps(&selection.path_steps, &mut used));
    stmts.push(Stmt::Subgraph(legend(&used)));
    Built {
        graph: Graph::DiGraph {
            id: Id::Plain("partnermap".to_string()),
            strict: false,
            stmts,
        },
        layout,
    }
}
