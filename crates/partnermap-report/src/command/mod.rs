//! What each command other than `report` says, as document trees: `gaps`, `invite`, `brokers`,
//! `metrics`, `paths` and `validate` build their terminal text and Markdown from these through
//! the same writers as the report, so every output escapes names the same way and says the same
//! thing in each format. The CLI only picks the writer.

mod brokers;
mod gaps;
mod invite;
mod metrics;
mod paths;
mod validate;

pub use brokers::brokers;
pub use gaps::gaps;
pub use invite::invite;
pub use metrics::metrics;
pub use paths::paths;
pub use validate::validate;

pub(crate) use gaps::{in_network_names, matrix_table, term_row, TERM_HEADER};
pub(crate) use paths::{chain, name};

use crate::document::{Block, Section, Table};

/// How many entries a list meant for a person shows; the JSON and CSV have them all.
pub const TOP: usize = 10;

/// `items` joined for one cell or sentence.
pub(crate) fn join<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// A number for people: undefined values (NaN, e.g. the constraint of an isolated
/// organization) as "—".
fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.3}")
    } else {
        "—".to_string()
    }
}

pub(crate) fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// A section of one table.
fn table_section(id: &'static str, title: impl Into<String>, table: Table) -> Section {
    Section {
        id,
        title: title.into(),
        blocks: vec![Block::Table(table)],
    }
}

/// The line under a list cut to [`TOP`] entries, when it was cut.
fn more(total: usize, pointer: &str) -> Option<Block> {
    (total > TOP).then(|| {
        Block::Note(format!(
            "and {} more: all of them in {pointer}",
            total - TOP
        ))
    })
}
