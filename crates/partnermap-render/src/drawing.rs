//! Turning a selection into Graphviz statements: the graph's title and default attributes,
//! organization nodes (coloured by type, outlined by status, marked as brokers or cut points)
//! and their clusters, population and domain nodes, the wrapping of long names, and the
//! serves, partnership and warm-introduction edges. Everything drawn is noted in [`Used`]
//! for the key.

use crate::annotations::Annotations;
use crate::key::Used;
use crate::options::{GroupBy, Layout, MapOptions, View};
use crate::selection::{Selection, TermNode};
use crate::style::{self, attr, label};
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use partnermap_core::{Coalition, OrganizationType, Status, TermKind, Vocabulary};

/// The graph's title and layout, then the defaults every node and edge starts from.
pub(crate) fn defaults(
    coalition: &Coalition,
    vocabulary: &Vocabulary,
    options: &MapOptions,
    layout: Layout,
) -> Vec<Stmt> {
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attributes(
            coalition, vocabulary, options, layout,
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
    coalition: &Coalition,
    annotations: &Annotations,
    group_by: GroupBy,
    orgs: &[usize],
    used: &mut Used,
) -> Vec<Stmt> {
    let org_nodes: Vec<(usize, Node)> = orgs
        .iter()
        .map(|&i| (i, organization_node(coalition, annotations, i, used)))
        .collect();
    group(coalition, annotations, group_by, org_nodes)
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

/// The population and domain nodes.
pub(crate) fn terms(
    vocabulary: &Vocabulary,
    annotations: &Annotations,
    terms: &[TermNode],
    coverage_view: bool,
    used: &mut Used,
) -> Vec<Stmt> {
    terms
        .iter()
        .enumerate()
        .map(|(t, term)| {
            Stmt::Node(term_node(
                vocabulary,
                annotations,
                term,
                t,
                coverage_view,
                used,
            ))
        })
        .collect()
}

/// The serves and works-in lines: light ones, or by the provider's status in the coverage
/// view.
pub(crate) fn links(
    coalition: &Coalition,
    selection: &Selection,
    coverage_view: bool,
    used: &mut Used,
) -> Vec<Stmt> {
    let mut stmts = Vec::new();
    for link in &selection.links {
        let org = &coalition.organizations[link.org];
        let term = &selection.terms[link.term];
        let mut attributes = vec![attr("dir", "none")];
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

/// The partnerships, drawn by kind and strength; one-way ones keep their arrow.
pub(crate) fn partnerships(
    coalition: &Coalition,
    partnerships: &[(usize, usize, usize)],
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
        used.kinds.insert(partnership.kind);
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

fn graph_attributes(
    coalition: &Coalition,
    vocabulary: &Vocabulary,
    options: &MapOptions,
    layout: Layout,
) -> Vec<Attribute> {
    let view = match &options.view {
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
    };
    let mut title = format!("{}: {view}", coalition.name);
    if let Some(date) = &coalition.as_of {
        title.push_str(&format!("\nas of {date}"));
    }
    let mut attributes = vec![
        label("label", &title),
        attr("labelloc", "t"),
        attr("fontname", style::FONT),
        attr("fontsize", "22"),
        attr("layout", layout.name()),
        attr("pad", "0.4"),
        attr("outputorder", "edgesfirst"),
    ];
    match layout {
        Layout::Dot => {
            attributes.push(attr("rankdir", "LR"));
            attributes.push(attr("newrank", "true"));
            attributes.push(attr("nodesep", "0.25"));
            attributes.push(attr("ranksep", "0.9"));
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
    coalition: &Coalition,
    annotations: &Annotations,
    i: usize,
    used: &mut Used,
) -> Node {
    let org = &coalition.organizations[i];
    let (fill, text) = org.kind.colours();
    let (outline, width) = style::status_outline(org.status);
    used.types.insert(org.kind);
    used.statuses.insert(org.status);
    let broker = annotations.is_broker(i);
    let cut_point = annotations.is_cut_point(i);
    let marks: Vec<&str> = [(broker, "broker"), (cut_point, "cut point")]
        .into_iter()
        .filter_map(|(on, word)| on.then_some(word))
        .collect();
    let mut text_label = wrap(&org.name, WRAP_AT);
    if !marks.is_empty() {
        text_label.push_str(&format!("\n[{}]", marks.join(", ")));
    }
    let mut attributes = vec![
        label("label", &text_label),
        attr("shape", if cut_point { "octagon" } else { "box" }),
        attr("style", &format!("rounded,filled,{outline}")),
        attr("fillcolor", fill),
        attr("fontcolor", text),
        attr("color", "#222222"),
        attr("penwidth", width),
    ];
    if broker {
        used.brokers = true;
        attributes.push(attr("peripheries", "2"));
    }
    used.cut_points |= cut_point;
    let centrality = annotations.centrality(i);
    if centrality > 0.0 {
        attributes.push(attr(
            "fontsize",
            &format!("{:.1}", 12.0 + 12.0 * centrality),
        ));
    }
    node(&org_id(i), attributes)
}

/// Names longer than this are broken onto several lines, at spaces only, so boxes stay
/// compact enough for a slide without changing a character of the name.
const WRAP_AT: usize = 24;

fn wrap(text: &str, width: usize) -> String {
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
            GroupBy::Type => {
                let at = OrganizationType::ALL.iter().position(|&t| t == org.kind)?;
                Some((at, org.kind.label().to_string()))
            }
            GroupBy::Status => {
                let at = Status::ALL.iter().position(|&s| s == org.status)?;
                Some((at, org.status.label().to_string()))
            }
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
