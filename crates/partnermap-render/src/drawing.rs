//! Turning a selection into Graphviz statements: the graph's title and default attributes,
//! organization nodes (coloured by type, outlined by status, marked as brokers or cut points)
//! and their clusters, population and domain nodes, the wrapping of long names, and the
//! serves, partnership and warm-introduction edges. Everything drawn is noted in [`Used`]
//! for the key.

use crate::annotations::{Annotations, Changes};
use crate::change;
use crate::key::Used;
use crate::options::{GroupBy, Layout, MapOptions, View};
use crate::selection::{broker_limit, Selection, TermNode};
use crate::style::{self, attr, label};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use partnermap_core::{Coalition, Landscape, Status, TermKind, Vocabulary};
use std::collections::BTreeSet;

/// The graph's layout and shape, then the defaults every node and edge starts from. The
/// title goes into the caption with the key, once everything is drawn.
pub(crate) fn defaults(options: &MapOptions, layout: Layout, nodes: usize) -> Vec<Stmt> {
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes(
            options, layout, nodes,
        ))),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", style::FONT),
            attr("fontsize", "12"),
            attr("margin", "0.12,0.06"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", style::FONT),
            attr("fontsize", "10"),
            attr("arrowsize", "0.8"),
        ])),
    ]
}

/// The organization nodes, in clusters when grouping.
pub(crate) fn organizations(
    landscape: &Landscape,
    annotations: &Annotations,
    options: &MapOptions,
    selection: &Selection,
    used: &mut Used,
) -> Vec<Stmt> {
    let coalition = landscape.coalition();
    let ranks = betweenness_ranks(annotations, coalition.organizations.len());
    let focus = match options.view {
        View::Ego { org, .. } => Some(org),
        _ => None,
    };
    if !selection.brokers.is_empty() {
        let limit = broker_limit(selection.orgs.len());
        used.broker_rule = Some(if selection.orgs.len() > 50 {
            format!("Broker: top tenth ({limit}) of the ranking")
        } else {
            format!("Broker: top {limit} of the ranking")
        });
    }
    let org_nodes: Vec<(usize, Node)> = selection
        .orgs
        .iter()
        .map(|&i| {
            let marks = Marks {
                broker: selection.brokers.contains(&i),
                focus: focus == Some(i),
                rank: ranks.as_ref().map(|r| (r[i], r.len())),
            };
            (
                i,
                organization_node(landscape, annotations, options, i, &marks, used),
            )
        })
        .collect();
    group(coalition, annotations, options.group_by, org_nodes)
}

/// What a node says beyond the data: its marks and its place by betweenness.
struct Marks {
    broker: bool,
    focus: bool,
    /// 1 for the most central, and how many were ranked.
    rank: Option<(usize, usize)>,
}

/// Every organization's place by betweenness (1 first; ties by position), or `None` when no
/// analysis gave any betweenness.
fn betweenness_ranks(annotations: &Annotations, n: usize) -> Option<Vec<usize>> {
    if (0..n).all(|i| annotations.centrality(i) == 0.0) {
        return None;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| {
        annotations
            .centrality(b)
            .total_cmp(&annotations.centrality(a))
            .then(a.cmp(&b))
    });
    let mut ranks = vec![0; n];
    for (at, i) in order.into_iter().enumerate() {
        ranks[i] = at + 1;
    }
    Some(ranks)
}

/// Populations and domains in one column at the right (dot only), which keeps the light
/// serves lines from weaving through the partnerships.
pub(crate) fn terms_column(terms: &[TermNode]) -> Stmt {
    let mut column = vec![Stmt::Attribute(attr("rank", "max"))];
    column.extend(
        terms
            .iter()
            .enumerate()
            .map(|(t, term)| Stmt::Node(node(&term_id(term.kind, t), Vec::new()))),
    );
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("terms_column".to_string()),
        stmts: column,
    })
}

/// The population and domain nodes. The population view's one population is drawn large,
/// in its coverage colour when it has one.
pub(crate) fn terms(
    vocabulary: &Vocabulary,
    annotations: &Annotations,
    terms: &[TermNode],
    view: &View,
    used: &mut Used,
) -> Vec<Stmt> {
    let coverage_view = matches!(view, View::Coverage);
    let population_view = matches!(view, View::Population { .. });
    terms
        .iter()
        .enumerate()
        .map(|(t, term)| {
            let mut node = term_node(
                vocabulary,
                annotations,
                term,
                t,
                coverage_view || population_view,
                used,
            );
            if population_view {
                node.attributes.extend([
                    attr("fontsize", "20"),
                    attr("penwidth", "3"),
                    attr("peripheries", "2"),
                    attr("margin", "0.3,0.15"),
                ]);
            }
            Stmt::Node(node)
        })
        .collect()
}

/// The serves and works-in lines: light ones, or by the provider's status in the coverage
/// view.
///
/// In the coverage view drawn by dot, organizations only link to populations, so dot would put
/// them all in one long column; lines of different lengths spread them over
/// [`coverage_columns`] columns instead, which keeps the map about as wide as a slide.
pub(crate) fn links(
    coalition: &Coalition,
    selection: &Selection,
    view: &View,
    layout: Layout,
    used: &mut Used,
) -> Vec<Stmt> {
    let coverage_view = matches!(view, View::Coverage);
    let mut stmts = Vec::new();
    let columns = coverage_columns(selection.orgs.len());
    for link in &selection.links {
        let org = &coalition.organizations[link.org];
        let term = &selection.terms[link.term];
        let mut attributes = vec![attr("dir", "none")];
        if coverage_view && layout == Layout::Dot && columns > 1 {
            let at = selection
                .orgs
                .iter()
                .position(|&o| o == link.org)
                .unwrap_or(0);
            attributes.push(attr("minlen", &(columns - at % columns).to_string()));
        }
        if coverage_view {
            // Coverage counts members and existing partners only, so their lines are the
            // dark ones.
            let (colour, line) = style::serves_line(org.status);
            used.serves.insert(match org.status {
                Status::Member => Status::Existing,
                other => other,
            });
            attributes.push(attr("color", colour));
            attributes.push(attr("style", line));
            attributes.push(attr("penwidth", "1.2"));
        } else {
            used.light_links = true;
            attributes.push(attr("color", style::LIGHT_LINE));
            attributes.push(attr("penwidth", "0.8"));
        }
        stmts.push(edge(
            &org_id(link.org),
            &term_id(term.kind, link.term),
            attributes,
        ));
    }
    stmts
}

/// How many columns of organizations the coverage view spreads `orgs` over: as many as rows,
/// which with the populations' column beside them comes close to 16:9.
fn coverage_columns(orgs: usize) -> usize {
    let mut columns = 1;
    while columns * columns < orgs {
        columns += 1;
    }
    columns
}

/// The partnerships, drawn by kind and strength; one-way ones keep their arrow.
pub(crate) fn partnerships(
    coalition: &Coalition,
    partnerships: &[(usize, usize, usize)],
    changes: Option<&Changes>,
    used: &mut Used,
) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    for &(p, a, b) in partnerships {
        let partnership = &coalition.partnerships[p];
        let (colour, line) = style::kind_line(partnership.kind);
        let mut attributes = vec![
            attr("color", colour),
            attr("style", line),
            attr("penwidth", style::strength_width(partnership.strength)),
        ];
        if !partnership.directed {
            attributes.push(attr("dir", "none"));
        }
        match changes {
            Some(changes) => change::partnership(changes, p, &mut attributes, used),
            None => {
                used.kinds.insert(partnership.kind);
            }
        }
        used.strengths.insert(partnership.strength.clamp(1, 3));
        used.directed |= partnership.directed;
        stmts.push(edge(&org_id(a), &org_id(b), attributes));
    }
    stmts
}

/// The steps of warm-introduction paths, drawn over the partnerships they replace.
pub(crate) fn path_steps(steps: &[(usize, usize)], used: &mut Used) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    for &(a, b) in steps {
        used.paths = true;
        stmts.push(edge(
            &org_id(a),
            &org_id(b),
            vec![
                attr("color", style::PATH_LINE),
                attr("penwidth", "3.5"),
                attr("arrowsize", "1.1"),
            ],
        ));
    }
    stmts
}

fn org_id(i: usize) -> String {
    format!("o{i}")
}

fn term_id(kind: TermKind, t: usize) -> String {
    match kind {
        TermKind::Population => format!("p{t}"),
        TermKind::Domain => format!("d{t}"),
        TermKind::Asset => format!("a{t}"),
    }
}

fn node_id(id: &str) -> NodeId {
    NodeId(Id::Plain(id.to_string()), None)
}

pub(crate) fn node(id: &str, attributes: Vec<Attribute>) -> Node {
    Node::new(node_id(id), attributes)
}

pub(crate) fn edge(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(from)), Vertex::N(node_id(to))),
        attributes,
    })
}

/// The map's title: the coalition, the view and the data's date.
pub(crate) fn title(coalition: &Coalition, vocabulary: &Vocabulary, view: &View) -> String {
    let view = match view {
        View::Landscape => "Partner landscape".to_string(),
        View::Partnerships => "Partnerships".to_string(),
        View::Coverage => "Coverage of priority populations".to_string(),
        View::Ego { org, depth } => {
            let name = coalition
                .organizations
                .get(*org)
                .map(|o| o.name.as_str())
                .unwrap_or("?");
            let steps = if *depth == 1 { "step" } else { "steps" };
            format!("Partners of {name}, up to {depth} {steps} away")
        }
        View::Population { population } => format!(
            "Reaching {}",
            vocabulary.label(TermKind::Population, population)
        ),
        View::Changes { since } => crate::change::since("What changed", since),
    };
    let mut title = format!("{}: {view}", coalition.name);
    if let Some(date) = &coalition.as_of {
        title.push_str(&format!("\nas of {date}"));
    }
    title
}

/// Maps of up to this many nodes are spread to at least a 16:9 shape.
const SPREAD: usize = 12;

fn graph_attributes(options: &MapOptions, layout: Layout, nodes: usize) -> Vec<Attribute> {
    let mut attributes = vec![
        attr("labelloc", "b"),
        attr("labeljust", "l"),
        attr("fontname", style::FONT),
        attr("layout", layout.name()),
        attr("pad", "0.3"),
        attr("outputorder", "edgesfirst"),
    ];
    if let Some(aspect) = options.aspect {
        let (width, height) = aspect.inches();
        attributes.push(attr("size", &format!("{width},{height}!")));
        attributes.push(attr("ratio", "fill"));
    } else if nodes <= SPREAD {
        // A handful of nodes in a row would leave the key as tall as the map: spread them
        // (never shrink them) to a 16:9 shape.
        attributes.push(attr("ratio", "0.5625"));
    }
    match layout {
        Layout::Dot => {
            attributes.push(attr("rankdir", "LR"));
            attributes.push(attr("newrank", "true"));
            attributes.push(attr("nodesep", "0.2"));
            attributes.push(attr("ranksep", "0.7"));
            if options.view == View::Landscape {
                // Serves and works-in lines into the same population or domain merge into
                // one trunk instead of each crossing the picture on its own.
                attributes.push(attr("concentrate", "true"));
            }
        }
        _ => {
            // Straight lines: spline routing multiplies the drawing time of a few hundred
            // nodes by ten and adds little on a network map.
            attributes.push(attr("overlap", "false"));
            attributes.push(attr("sep", "+8"));
        }
    }
    attributes
}

fn organization_node(
    landscape: &Landscape,
    annotations: &Annotations,
    options: &MapOptions,
    i: usize,
    marks: &Marks,
    used: &mut Used,
) -> Node {
    let org = &landscape.coalition().organizations[i];
    let (fill, text) = org.kind.colours();
    let (outline, width) = style::status_outline(org.status);
    used.types.insert(org.kind);
    used.statuses.insert(org.status);
    let cut_point = annotations.cut_off(i) > 1;
    let change = change::organization(change::changes(annotations, &options.view), i);
    let words: Vec<&str> = [(marks.broker, "broker"), (cut_point, "cut point")]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .chain(change.map(change::Mark::word))
        .collect();
    let mut text_label = wrap(&org.name, WRAP_AT);
    if !words.is_empty() {
        text_label.push_str(&format!("\n[{}]", words.join(", ")));
    }
    let outline_colour = if cut_point {
        style::CUT_POINT_LINE
    } else {
        style::OUTLINE
    };
    let mut attributes = vec![
        label("label", &text_label),
        attr("shape", "box"),
        attr("style", &format!("rounded,filled,{outline}")),
        attr("fillcolor", fill),
        attr("fontcolor", text),
    ];
    if marks.focus {
        // The one node drawn this way: where the reader looks first.
        used.focus = true;
        attributes.push(attr("color", "#000000"));
        attributes.push(attr("penwidth", "5"));
        attributes.push(attr("fontsize", "22"));
        attributes.push(attr("margin", "0.25,0.12"));
    } else {
        attributes.push(attr("color", outline_colour));
        attributes.push(attr(
            "penwidth",
            // A thin outline would hide the cut point's colour.
            if cut_point && width.parse::<f64>().unwrap_or(1.0) < 2.5 {
                "2.5"
            } else {
                width
            },
        ));
        let centrality = annotations.centrality(i);
        if centrality > 0.0 {
            attributes.push(attr("fontsize", &format!("{:.1}", 12.0 + 8.0 * centrality)));
        }
    }
    if marks.broker {
        attributes.push(attr("peripheries", "2"));
    }
    used.cut_points |= cut_point;
    let mut tip = tooltip(landscape, annotations, i, marks);
    if let (Some(change), View::Changes { since }) = (change, &options.view) {
        change.restyle(&mut attributes, used);
        tip = format!("{tip}\n{}", change.meaning(since));
    }
    attributes.push(label("tooltip", &tip));
    if let Some(page) = &options.page {
        let anchor = style::org_anchor(&org.id);
        attributes.push(label("URL", &format!("#{anchor}")));
        attributes.push(label("id", &format!("{page}-{anchor}")));
        attributes.push(attr("target", "_top"));
    }
    node(&org_id(i), attributes)
}

/// What a reader hovering over an organization sees: what it is, whom it serves, where it
/// works, how connected it is, and why it is marked.
fn tooltip(landscape: &Landscape, annotations: &Annotations, i: usize, marks: &Marks) -> String {
    let org = &landscape.coalition().organizations[i];
    let vocabulary = landscape.vocabulary();
    let labels = |kind: TermKind, ids: &[String]| -> String {
        if ids.is_empty() {
            return "none recorded".to_string();
        }
        ids.iter()
            .map(|id| vocabulary.label(kind, id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let partners: BTreeSet<usize> = landscape.partners(i).map(|(_, j)| j).collect();
    let mut lines = vec![
        org.name.clone(),
        format!(
            "{}, {}",
            org.kind.label(),
            org.status.label().to_lowercase()
        ),
        format!("Serves: {}", labels(TermKind::Population, &org.populations)),
        format!("Works in: {}", labels(TermKind::Domain, &org.domains)),
    ];
    let mut connected = format!("Partners: {}", partners.len());
    if let Some((rank, of)) = marks.rank {
        connected.push_str(&format!("; betweenness rank {rank} of {of}"));
    }
    lines.push(connected);
    if let Some(broker) = annotations.broker(i) {
        let marked = if marks.broker {
            ""
        } else {
            " (not marked on this map)"
        };
        lines.push(format!(
            "Broker no. {}{marked}: {}",
            broker.place + 1,
            broker.reason
        ));
    }
    let cut_off = annotations.cut_off(i);
    if cut_off > 0 {
        let others = if cut_off == 1 {
            "1 other organization".to_string()
        } else {
            format!("{cut_off} other organizations")
        };
        lines.push(format!("Without it, {others} would be cut off"));
    }
    lines.join("\n")
}

/// Names longer than this are broken onto several lines, at spaces only, so boxes stay
/// compact enough for a slide without changing a character of the name.
const WRAP_AT: usize = 24;

pub(crate) fn wrap(text: &str, width: usize) -> String {
    let mut wrapped = String::with_capacity(text.len());
    let mut line = 0;
    for (i, word) in text.split(' ').enumerate() {
        let length = word.chars().count();
        if i > 0 {
            if line > 0 && line + 1 + length > width {
                wrapped.push('\n');
                line = 0;
            } else {
                wrapped.push(' ');
                line += 1;
            }
        }
        wrapped.push_str(word);
        // A break already in the name starts a new line; one added right after it would be
        // merged with it (CR LF) or double it.
        let breaks = ['\n', '\r', '\u{2028}', '\u{2029}'];
        line = match word.rfind(breaks) {
            Some(at) => word[at..].chars().count() - 1,
            None => line + length,
        };
    }
    wrapped
}

fn term_node(
    vocabulary: &Vocabulary,
    annotations: &Annotations,
    term: &TermNode,
    t: usize,
    coverage_view: bool,
    used: &mut Used,
) -> Node {
    let name = vocabulary.label(term.kind, &term.id);
    let id = term_id(term.kind, t);
    if term.kind == TermKind::Domain {
        used.domains = true;
        return node(
            &id,
            vec![
                label("label", name),
                attr("shape", "note"),
                attr("style", "filled"),
                attr("fillcolor", style::DOMAIN_FILL),
                attr("color", style::MUTED),
            ],
        );
    }
    let coverage = term.priority.and_then(|p| annotations.coverage(p));
    let mut text = name.to_string();
    let (fill, font) = match (coverage_view, term.priority, coverage) {
        (true, Some(_), Some(coverage)) => {
            used.classes.insert(coverage.class);
            let plural = if coverage.providers == 1 { "" } else { "s" };
            text.push_str(&format!(
                "\n{}: {} provider{plural}",
                coverage.class.label(),
                coverage.providers,
            ));
            style::coverage_colours(coverage.class)
        }
        (true, Some(_), None) => {
            used.unassessed = true;
            ("#FFFFFF", "#000000")
        }
        (_, None, _) => {
            used.other_populations = true;
            (style::POPULATION_FILL, style::MUTED)
        }
        (false, Some(_), _) => {
            used.plain_priorities = true;
            (style::POPULATION_FILL, "#000000")
        }
    };
    let priority = term.priority.is_some();
    node(
        &id,
        vec![
            label("label", &text),
            attr("shape", "ellipse"),
            attr("style", "filled"),
            attr("fillcolor", fill),
            attr("fontcolor", font),
            attr("color", if priority { "#000000" } else { style::MUTED }),
            attr("penwidth", if priority { "2" } else { "1" }),
        ],
    )
}

/// Puts organization nodes into clusters when grouping, keeping the clusters in the order of
/// their key and the nodes in coalition order.
fn group(
    coalition: &Coalition,
    annotations: &Annotations,
    group_by: GroupBy,
    nodes: Vec<(usize, Node)>,
) -> Vec<Stmt> {
    let key = |i: usize| -> Option<(usize, String)> {
        let org = &coalition.organizations[i];
        match group_by {
            GroupBy::None => None,
            GroupBy::Type => Some((org.kind.position(), org.kind.label().to_string())),
            GroupBy::Status => Some((org.status.position(), org.status.label().to_string())),
            GroupBy::Community => annotations
                .community(i)
                .map(|c| (c, format!("Community {}", c + 1))),
        }
    };
    let mut loose = Vec::new();
    let mut clusters: Vec<((usize, String), Vec<Stmt>)> = Vec::new();
    for (i, node) in nodes {
        match key(i) {
            None => loose.push(Stmt::Node(node)),
            Some(k) => match clusters.iter_mut().find(|(c, _)| *c == k) {
                Some((_, members)) => members.push(Stmt::Node(node)),
                None => clusters.push((k, vec![Stmt::Node(node)])),
            },
        }
    }
    clusters.sort_by_key(|c| c.0 .0);
    let prefix = match group_by {
        GroupBy::Type => "type",
        GroupBy::Status => "status",
        GroupBy::Community | GroupBy::None => "community",
    };
    let mut stmts: Vec<Stmt> = clusters
        .into_iter()
        .map(|((at, title), members)| {
            let mut body = vec![
                Stmt::Attribute(label("label", &title)),
                Stmt::Attribute(attr("style", "rounded,dashed")),
                Stmt::Attribute(attr("color", "#888888")),
                Stmt::Attribute(attr("fontcolor", style::MUTED)),
                Stmt::Attribute(attr("fontsize", "14")),
            ];
            body.extend(members);
            Stmt::Subgraph(Subgraph {
                id: Id::Plain(format!("cluster_{prefix}_{at}")),
                stmts: body,
            })
        })
        .collect();
    stmts.extend(loose);
    stmts
}
