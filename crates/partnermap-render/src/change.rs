//! The change view's marks: organizations that joined or became partners outlined in green,
//! organizations that left greyed out, partnerships added drawn in green and ended ones dashed
//! in grey, every other partnership in one neutral colour so that the colours only say what
//! changed. Each mark is also written on the node or in its tooltip, and noted for the key.

use crate::annotations::{Annotations, Changes};
use crate::key::Used;
use crate::options::View;
use crate::style::attr;
use graphviz_rust::dot_structures::{Attribute, Id};

/// New organizations and partnerships: Paul Tol's green, apart from every kind colour.
pub(crate) const NEW: &str = "#228833";
/// Ended partnerships and the outline of organizations that left.
pub(crate) const GONE: &str = "#AAAAAA";
/// Fill and text of organizations that left.
pub(crate) const GONE_FILL: &str = "#F2F2F2";
/// Partnerships in both snapshots.
pub(crate) const KEPT: &str = "#555555";

/// How an organization changed, in the key's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Mark {
    Joined,
    Converted,
    Left,
    Added,
    Ended,
    Kept,
}

/// `what` followed by "since DATE" when the earlier snapshot is dated.
pub(crate) fn since(what: &str, date: &Option<String>) -> String {
    match date {
        Some(date) => format!("{what} since {date}"),
        None => format!("{what} since the earlier snapshot"),
    }
}

/// The changes to draw: only on the change view.
pub(crate) fn changes<'a>(annotations: &'a Annotations, view: &View) -> Option<&'a Changes> {
    match view {
        View::Changes { .. } => annotations.changes.as_ref(),
        _ => None,
    }
}

/// How organization `i` changed, if it did.
pub(crate) fn organization(changes: Option<&Changes>, i: usize) -> Option<Mark> {
    let changes = changes?;
    [
        (&changes.joined, Mark::Joined),
        (&changes.converted, Mark::Converted),
        (&changes.left, Mark::Left),
    ]
    .into_iter()
    .find(|(set, _)| set.contains(&i))
    .map(|(_, mark)| mark)
}

impl Mark {
    /// The word on the node.
    pub(crate) fn word(self) -> &'static str {
        match self {
            Mark::Joined => "new",
            Mark::Converted => "now a partner",
            Mark::Left => "left",
            Mark::Added => "new partnership",
            Mark::Ended => "ended",
            Mark::Kept => "kept",
        }
    }

    /// The key's words.
    pub(crate) fn meaning(self, date: &Option<String>) -> String {
        match self {
            Mark::Joined => since("New organization", date),
            Mark::Converted => since("Became a partner", date),
            Mark::Left => since("Left", date),
            Mark::Added => since("New partnership", date),
            Mark::Ended => since("Ended", date),
            Mark::Kept => "Partnership in both".to_string(),
        }
    }

    /// Restyles an organization node's attributes for its mark.
    pub(crate) fn restyle(self, attributes: &mut Vec<Attribute>, used: &mut Used) {
        used.changes.insert(self);
        let values: &[(&str, &str)] = match self {
            Mark::Left => &[
                ("style", "rounded,filled,dashed"),
                ("fillcolor", GONE_FILL),
                ("fontcolor", "#777777"),
                ("color", GONE),
                ("penwidth", "1.5"),
            ],
            _ => &[("color", NEW), ("penwidth", "4")],
        };
        for (name, value) in values {
            set(attributes, name, value);
        }
    }
}

/// Restyles partnership `p` of the change view: new, ended or kept.
pub(crate) fn partnership(
    changes: &Changes,
    p: usize,
    attributes: &mut Vec<Attribute>,
    used: &mut Used,
) {
    let (mark, colour, line) = if changes.added.contains(&p) {
        (Mark::Added, NEW, "solid")
    } else if changes.ended.contains(&p) {
        (Mark::Ended, GONE, "dashed")
    } else {
        (Mark::Kept, KEPT, "solid")
    };
    used.changes.insert(mark);
    set(attributes, "color", colour);
    set(attributes, "style", line);
}

/// Sets `name` to `value`, replacing the value it had.
fn set(attributes: &mut Vec<Attribute>, name: &str, value: &str) {
    attributes.retain(|Attribute(key, _)| key != &Id::Plain(name.to_string()));
    attributes.push(attr(name, value));
}
