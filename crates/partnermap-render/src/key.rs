//! The key (legend) of a map and the record of what the map shows: drawing a node or an edge
//! notes its type, status, kind, strength or class in [`Used`], and [`legend`] turns that
//! record into a key subgraph with one entry per colour, outline, shape and line actually
//! drawn, and nothing else.

use crate::annotations::CoverageClass;
use crate::drawing::{edge, node};
use crate::style::{self, attr, label};
use graphviz_rust::dot_structures::{Attribute, GraphAttributes, Id, Stmt, Subgraph};
use partnermap_core::{OrganizationType, PartnershipKind, Status};
use std::collections::BTreeSet;

/// What was drawn, so the legend explains that and nothing else.
#[derive(Default)]
pub(crate) struct Used {
    pub(crate) types: BTreeSet<OrganizationType>,
    pub(crate) statuses: BTreeSet<Status>,
    pub(crate) brokers: bool,
    pub(crate) cut_points: bool,
    pub(crate) kinds: BTreeSet<PartnershipKind>,
    pub(crate) strengths: BTreeSet<u8>,
    pub(crate) directed: bool,
    /// Priority populations drawn without a coverage class.
    pub(crate) plain_priorities: bool,
    pub(crate) other_populations: bool,
    pub(crate) domains: bool,
    /// Light serves and works-in lines.
    pub(crate) light_links: bool,
    /// Serves lines drawn by the provider's status (coverage view); members count as existing.
    pub(crate) serves: BTreeSet<Status>,
    pub(crate) classes: BTreeSet<CoverageClass>,
    pub(crate) unassessed: bool,
    pub(crate) paths: bool,
}

/// The key: one entry per colour, outline, shape and line actually drawn.
pub(crate) fn legend(used: &Used) -> Subgraph {
    let mut entries: Vec<Vec<Stmt>> = Vec::new();
    let swatch = |entries: &mut Vec<Vec<Stmt>>, attributes: Vec<Attribute>| {
        let id = format!("k{}", entries.len());
        entries.push(vec![Stmt::Node(node(&id, attributes))]);
    };
    for &kind in &used.types {
        let (fill, text) = kind.colours();
        swatch(
            &mut entries,
            vec![
                label("label", kind.label()),
                attr("shape", "box"),
                attr("style", "rounded,filled"),
                attr("fillcolor", fill),
                attr("fontcolor", text),
            ],
        );
    }
    let types_end = entries.len();
    for &status in &used.statuses {
        let (outline, width) = style::status_outline(status);
        swatch(
            &mut entries,
            vec![
                label("label", status.label()),
                attr("shape", "box"),
                attr("style", &format!("rounded,{outline}")),
                attr("penwidth", width),
            ],
        );
    }
    if used.brokers {
        swatch(
            &mut entries,
            vec![
                label(
                    "label",
                    "Broker (double outline;\nlarger text = more central)",
                ),
                attr("shape", "box"),
                attr("style", "rounded"),
                attr("peripheries", "2"),
            ],
        );
    }
    if used.cut_points {
        swatch(
            &mut entries,
            vec![
                label(
                    "label",
                    "Cut point (octagon): without it\nthe network splits",
                ),
                attr("shape", "octagon"),
            ],
        );
    }
    if used.plain_priorities {
        swatch(
            &mut entries,
            vec![
                label("label", "Priority population"),
                attr("shape", "ellipse"),
                attr("style", "filled"),
                attr("fillcolor", style::POPULATION_FILL),
                attr("penwidth", "2"),
            ],
        );
    }
    if used.other_populations {
        swatch(
            &mut entries,
            vec![
                label("label", "Population (not a priority)"),
                attr("shape", "ellipse"),
                attr("style", "filled"),
                attr("fillcolor", style::POPULATION_FILL),
                attr("fontcolor", style::MUTED),
                attr("color", style::MUTED),
            ],
        );
    }
    if used.domains {
        swatch(
            &mut entries,
            vec![
                label("label", "Priority domain of work"),
                attr("shape", "note"),
                attr("style", "filled"),
                attr("fillcolor", style::DOMAIN_FILL),
            ],
        );
    }
    for &class in &used.classes {
        let (fill, text) = style::coverage_colours(class);
        let meaning = match class {
            CoverageClass::Uncovered => "Uncovered: no provider, none in reach",
            CoverageClass::Reachable => "Reachable: only potential partners serve it",
            CoverageClass::Thin => "Thin: one member or partner serves it",
            CoverageClass::Covered => "Covered: two or more serve it",
        };
        swatch(
            &mut entries,
            vec![
                label("label", meaning),
                attr("shape", "ellipse"),
                attr("style", "filled"),
                attr("fillcolor", fill),
                attr("fontcolor", text),
            ],
        );
    }
    if used.unassessed {
        swatch(
            &mut entries,
            vec![
                label("label", "Priority population (coverage not assessed)"),
                attr("shape", "ellipse"),
                attr("penwidth", "2"),
            ],
        );
    }
    let swatches_end = entries.len();
    let line = |entries: &mut Vec<Vec<Stmt>>, text: &str, attributes: Vec<Attribute>| {
        let start = format!("k{}", entries.len());
        let end = format!("{start}t");
        let mut attributes = attributes;
        attributes.push(attr("minlen", "1"));
        attributes.push(attr("len", "1.2"));
        entries.push(vec![
            Stmt::Node(node(
                &start,
                vec![
                    attr("shape", "none"),
                    label("label", ""),
                    attr("width", "0.1"),
                    attr("height", "0.3"),
                ],
            )),
            Stmt::Node(node(
                &end,
                vec![label("label", text), attr("shape", "plaintext")],
            )),
            edge(&start, &end, attributes),
        ]);
    };
    for &kind in &used.kinds {
        let (colour, style_name) = style::kind_line(kind);
        line(
            &mut entries,
            kind.label(),
            vec![
                attr("color", colour),
                attr("style", style_name),
                attr("penwidth", "2.5"),
                attr("dir", "none"),
            ],
        );
    }
    for &strength in &used.strengths {
        line(
            &mut entries,
            style::strength_label(strength),
            vec![
                attr("penwidth", style::strength_width(strength)),
                attr("dir", "none"),
            ],
        );
    }
    if used.directed {
        line(
            &mut entries,
            "One-way (referrals, funding)",
            vec![attr("penwidth", "1.5")],
        );
    }
    for &status in &used.serves {
        let (colour, line_style) = style::serves_line(status);
        let who = match status {
            Status::Member | Status::Existing => "Serves (member or existing partner)",
            Status::Potential => "Serves (potential partner)",
            Status::KeepInformed => "Serves (keep informed)",
        };
        line(
            &mut entries,
            who,
            vec![
                attr("color", colour),
                attr("style", line_style),
                attr("penwidth", "1.2"),
                attr("dir", "none"),
            ],
        );
    }
    if used.light_links {
        line(
            &mut entries,
            if used.domains {
                "Serves / works in"
            } else {
                "Serves"
            },
            vec![
                attr("color", style::LIGHT_LINE),
                attr("penwidth", "1.2"),
                attr("dir", "none"),
            ],
        );
    }
    if used.paths {
        line(
            &mut entries,
            "Warm introduction path",
            vec![attr("color", style::PATH_LINE), attr("penwidth", "3.5")],
        );
    }
    let mut stmts = vec![
        Stmt::Attribute(label("label", "Key")),
        Stmt::Attribute(attr("fontsize", "16")),
        Stmt::Attribute(attr("style", "rounded")),
        Stmt::Attribute(attr("color", "#888888")),
        Stmt::GAttribute(GraphAttributes::Node(vec![attr("fontsize", "11")])),
    ];
    let count = entries.len();
    for entry in entries {
        stmts.extend(entry);
    }
    // Three columns (types, other shapes, lines) keep the key about as tall as the type list.
    // With dot's left-to-right ranks, a shared rank makes a column and the invisible chain
    // fixes the order in it; other engines ignore ranks but the chain still holds the key
    // together.
    let columns = [0..types_end, types_end..swatches_end, swatches_end..count];
    let columns: Vec<_> = columns.into_iter().filter(|c| !c.is_empty()).collect();
    for (c, column) in columns.iter().enumerate() {
        let mut same = vec![Stmt::Attribute(attr("rank", "same"))];
        same.extend(
            column
                .clone()
                .map(|k| Stmt::Node(node(&format!("k{k}"), Vec::new()))),
        );
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("legend_column_{c}")),
            stmts: same,
        }));
        for k in column.start + 1..column.end {
            // Later entries first: dot stacks a left-to-right rank bottom up.
            stmts.push(edge(
                &format!("k{k}"),
                &format!("k{}", k - 1),
                vec![attr("style", "invis")],
            ));
        }
        if c > 0 {
            stmts.push(edge(
                &format!("k{}", columns[c - 1].start),
                &format!("k{}", column.start),
                vec![attr("style", "invis")],
            ));
        }
    }
    Subgraph {
        id: Id::Plain("cluster_legend".to_string()),
        stmts,
    }
}
