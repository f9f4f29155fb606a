//! `partnermap trend S1 S2 S3 …`: the network figures and each priority's coverage, one column
//! per snapshot.

use super::diff::figure;
use crate::document::{Cell, Document, Section, Table};
use partnermap_analysis::trend::Trend;

/// The trend as a document: the figures over time, then each priority's class and providers.
///
/// ```
/// let coalition = partnermap_core::Coalition::new("Demo");
/// let landscapes = vec![partnermap_core::Landscape::build(&coalition); 3];
/// let trend = partnermap_analysis::trend::trend(&landscapes);
/// let document = partnermap_report::command::trend("Demo", &trend);
/// assert_eq!(document.sections[0].id, "figures");
/// ```
pub fn trend(coalition: &str, trend: &Trend) -> Document {
    Document {
        title: format!("{coalition}: the network over time"),
        subtitle: Vec::new(),
        sections: sections(trend),
    }
}

/// The column heading of each snapshot: its date, or its place when it has none.
pub(crate) fn columns(trend: &Trend) -> Vec<String> {
    trend
        .as_of
        .iter()
        .enumerate()
        .map(|(at, date)| {
            date.clone()
                .unwrap_or_else(|| format!("snapshot {}", at + 1))
        })
        .collect()
}

/// The figures and the priorities, each a table with a column per snapshot.
pub(crate) fn sections(trend: &Trend) -> Vec<Section> {
    let header = |first: &str| -> Vec<String> {
        std::iter::once(first.to_string())
            .chain(columns(trend))
            .collect()
    };
    let figures = Table {
        header: header("Figure"),
        rows: trend
            .figures
            .iter()
            .map(|s| {
                std::iter::once(Cell::from(s.key))
                    .chain(s.values.iter().map(|&v| figure(v).into()))
                    .collect()
            })
            .collect(),
    };
    let priorities = Table {
        header: header("Priority"),
        rows: trend
            .priorities
            .iter()
            .map(|p| {
                let cells = p
                    .classes
                    .iter()
                    .zip(&p.providers)
                    .map(|(class, providers)| match (class, providers) {
                        (Some(class), Some(n)) => Cell {
                            class: Some(*class),
                            ..Cell::from(format!("{} ({n})", class.id()))
                        },
                        _ => Cell::from("not a priority"),
                    });
                std::iter::once(Cell::from(p.term.label.as_str()))
                    .chain(cells)
                    .collect()
            })
            .collect(),
    };
    vec![
        super::table_section("figures", "The network over time", figures),
        super::table_section(
            "priorities",
            "Coverage of each priority over time (class, and how many members and partners provide it)",
            priorities,
        ),
    ]
}
