//! From a coalition, its annotations and the options to a Graphviz graph, in three steps:
//! which nodes and edges the view shows ([`crate::selection`]), how each is drawn
//! ([`crate::drawing`]), then the caption with the title and the key for exactly what was drawn ([`crate::key`]). The order
//! of the statements here is the order of the DOT output.

use crate::annotations::Annotations;
use crate::drawing;
use crate::key::{strip, Used};
use crate::options::{Layout, MapOptions, View};
use crate::selection::select;
use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Stmt};
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
    let nodes = selection.orgs.len() + selection.terms.len();
    let layout = options.layout.unwrap_or_else(|| Layout::for_size(nodes));
    let mut used = Used::default();
    let mut stmts = drawing::defaults(options, layout, nodes);
    stmts.extend(drawing::organizations(
        landscape,
        annotations,
        options,
        &selection,
        &mut used,
    ));
    if layout == Layout::Dot && !selection.terms.is_empty() && !selection.orgs.is_empty() {
        stmts.push(drawing::terms_column(&selection.terms));
    }
    stmts.extend(drawing::terms(
        vocabulary,
        annotations,
        &selection.terms,
        &options.view,
        &mut used,
    ));
    stmts.extend(drawing::links(
        coalition,
        &selection,
        &options.view,
        layout,
        &mut used,
    ));
    if let View::Changes { since } = &options.view {
        used.since = since.clone();
    }
    stmts.extend(drawing::partnerships(
        coalition,
        &selection.partnerships,
        crate::change::changes(annotations, &options.view),
        &mut used,
    ));
    stmts.extend(drawing::path_steps(&selection.path_steps, &mut used));
    // About as wide as the map: four entries a row under a small map, eight under one of
    // thirty nodes or more.
    let per_row = (nodes / 4).clamp(4, 8);
    let title = drawing::title(coalition, vocabulary, &options.view);
    stmts.push(Stmt::GAttribute(GraphAttributes::Graph(vec![Attribute(
        Id::Plain("label".to_string()),
        Id::Html(strip(&title, &used, per_row)),
    )])));
    Built {
        graph: Graph::DiGraph {
            id: Id::Plain("partnermap".to_string()),
            strict: false,
            stmts,
        },
        layout,
    }
}
