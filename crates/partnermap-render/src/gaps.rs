//! The gap picture for a report's first page: the priority populations in one row and the
//! priority domains in another, each a cell in its coverage colour with its provider count and,
//! when it rests on one or two, their names, readable at a glance. One Graphviz node whose label
//! is an HTML-like table, so it looks the same whatever draws it.

use crate::annotations::CoverageClass;
use crate::drawing::{node, wrap};
use crate::style::{self, attr, html_label_text as text};
use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::fmt::Write as _;

/// One priority as the gap picture shows it.
///
/// ```
/// use partnermap_render::{CoverageClass, GapTerm};
/// let thin = GapTerm { label: "English-language learners".into(), domain: false,
///     class: CoverageClass::Thin, providers: vec!["Casa de la Comunidad".into()] };
/// assert_eq!(thin.providers.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct GapTerm {
    /// Its words.
    pub label: String,
    /// A domain of work (second row) rather than a population (first row).
    pub domain: bool,
    /// How well the network covers it.
    pub class: CoverageClass,
    /// The members and existing partners providing it, in the order to name them.
    pub providers: Vec<String>,
}

/// Priority labels are wrapped at this many characters so cells stay narrow.
const WRAP_AT: usize = 18;

/// The gap picture as DOT, for `dot -Tsvg`.
///
/// ```
/// use partnermap_render::{gap_picture, CoverageClass, GapTerm};
/// let dot = gap_picture("Gaps <today>", &[GapTerm { label: "Young & old".into(), domain: false,
///     class: CoverageClass::Uncovered, providers: vec![] }]);
/// assert!(dot.contains("Young &amp; old") && dot.contains("Gaps &lt;today&gt;"));
/// assert!(dot.contains("no provider"));
/// ```
pub fn gap_picture(title: &str, terms: &[GapTerm]) -> String {
    let rows: Vec<(&str, Vec<&GapTerm>)> = [
        ("Populations", terms.iter().filter(|t| !t.domain).collect()),
        ("Domains", terms.iter().filter(|t| t.domain).collect()),
    ]
    .into_iter()
    .filter(|(_, row): &(&str, Vec<&GapTerm>)| !row.is_empty())
    .collect();
    let span = 1 + rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let mut html = String::from(
        "<<table border=\"0\" cellborder=\"1\" cellspacing=\"4\" cellpadding=\"6\" color=\"#FFFFFF\">",
    );
    if !title.is_empty() {
        let _ = write!(
            html,
            "<tr><td border=\"0\" align=\"left\" colspan=\"{span}\"><font point-size=\"18\">{}</font></td></tr>",
            text(title)
        );
    }
    for (name, row) in rows {
        let _ = write!(
            html,
            "<tr><td border=\"0\" align=\"right\" valign=\"middle\"><font point-size=\"13\"><b>{name}</b></font></td>"
        );
        for term in &row {
            html.push_str(&cell(term));
        }
        if row.len() + 1 < span {
            let _ = write!(
                html,
                "<td border=\"0\" colspan=\"{}\"></td>",
                span - 1 - row.len()
            );
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>>");
    let graph = Graph::DiGraph {
        id: Id::Plain("gaps".to_string()),
        strict: false,
        stmts: vec![
            Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("fontname", style::FONT),
                attr("pad", "0.1"),
            ])),
            Stmt::GAttribute(GraphAttributes::Node(vec![
                attr("fontname", style::FONT),
                attr("shape", "plain"),
            ])),
            Stmt::Node(node(
                "gaps",
                vec![Attribute(Id::Plain("label".to_string()), Id::Html(html))],
            )),
        ],
    };
    let mut dot = graph.print(&mut PrinterContext::default());
    dot.push('\n');
    dot
}

/// One priority's cell: its name in bold, the class and count, then who provides it.
fn cell(term: &GapTerm) -> String {
    let (fill, ink) = style::coverage_colours(term.class);
    let count = match term.providers.len() {
        0 if term.class == CoverageClass::Reachable => "only potential partners".to_string(),
        0 => "no provider".to_string(),
        1 => "1 provider".to_string(),
        n => format!("{n} providers"),
    };
    let mut lines = vec![format!("<b>{}</b>", text(&wrap(&term.label, WRAP_AT)))];
    lines.push(format!("{}: {count}", term.class.label()));
    // One or two providers are the ones to keep; a longer list is not read in five seconds.
    if term.providers.len() <= 2 {
        lines.extend(
            term.providers
                .iter()
                .map(|name| format!("<i>{}</i>", text(&wrap(name, WRAP_AT)))),
        );
    }
    format!(
        "<td bgcolor=\"{fill}\" valign=\"top\" width=\"120\"><font color=\"{ink}\" point-size=\"12\">{}</font></td>",
        lines.join("<br/>")
    )
}
