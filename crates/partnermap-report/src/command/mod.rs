//! What each command other than `report` says, as document trees: `gaps`, `invite`, `brokers`,
//! `metrics`, `paths`, `validate`, `diff` and `trend` build their terminal text and Markdown from these through
//! the same writers as the report, so every output escapes names the same way and says the same
//! thing in each format. The CLI only picks the writer.

mod brokers;
mod diff;
mod gaps;
mod invite;
mod metrics;
mod paths;
mod trend;
mod validate;

pub use brokers::brokers;
pub use diff::diff;
pub use gaps::gaps;
pub use invite::invite;
pub use metrics::metrics;
pub use paths::paths;
pub use trend::trend;
pub use validate::validate;

pub(crate) use gaps::{in_network_names, matrix_table, term_row, TERM_HEADER};
pub(crate) use paths::{chain, name};
pub(crate) use trend::{columns as trend_columns, sections as trend_sections};

use crate::document::{Block, Section, Table};

/// How many entries a ranking meant for a person shows (resilience, overlap); the JSON and
/// CSV have them all.
pub const TOP: usize = 10;

/// How many rows a table meant for a person shows at most, so that a state's directory does
/// not print a hundred thousand lines; the JSON and CSV have them all.
pub const ROWS: usize = 50;

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

/// The line under a list cut to `shown` entries, when it was cut.
pub(crate) fn more(total: usize, shown: usize, pointer: &str) -> Option<Block> {
    (total > shown).then(|| {
        Block::Note(format!(
            "and {} more: all of them in {pointer}",
            total - shown
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnermap_core::{Coalition, Landscape, Organization, OrganizationType};

    #[test]
    fn tables_for_people_stop_at_fifty_rows_and_say_how_many_more() {
        let mut coalition = Coalition::new("Big");
        for i in 0..60 {
            coalition.organizations.push(Organization::new(
                &format!("o{i}"),
                &format!("Org {i}"),
                OrganizationType::Other,
            ));
        }
        let landscape = Landscape::build(&coalition);
        let figures = partnermap_analysis::brokers::network_metrics(&landscape, Default::default());
        let document = metrics("Big", &figures);
        let section = &document.sections[1];
        let Block::Table(table) = &section.blocks[0] else {
            panic!("a table first")
        };
        assert_eq!(table.rows.len(), ROWS);
        assert_eq!(
            section.blocks[1],
            Block::Note("and 10 more: all of them in --format csv or --format json".into())
        );
        assert_eq!(more(ROWS, ROWS, "x"), None);
    }

    #[test]
    fn a_diff_lists_the_first_fifty_changes_and_counts_the_rest() {
        let before = Coalition::new("Big");
        let mut after = Coalition::new("Big");
        for i in 0..60 {
            let (id, name) = (format!("o{i}"), format!("Org {i}"));
            let org = Organization::new(&id, &name, OrganizationType::Other);
            after.organizations.push(org);
        }
        for i in 1..60 {
            let tie = partnermap_core::Partnership::new("o0", &format!("o{i}"));
            after.partnerships.push(tie);
        }
        let (before, after) = (Landscape::build(&before), Landscape::build(&after));
        let document = diff("Big", &partnermap_analysis::diff::diff(&before, &after));
        let blocks = |id: &str| {
            &document
                .sections
                .iter()
                .find(|s| s.id == id)
                .unwrap()
                .blocks
        };
        let Block::List(joined) = &blocks("organizations")[0] else {
            panic!("a list of organizations")
        };
        assert_eq!(joined.len(), ROWS);
        let all = "all of them in `partnermap diff --format json`";
        assert_eq!(
            blocks("organizations")[1],
            Block::Note(format!("and 10 more: {all}"))
        );
        let Block::Table(ties) = &blocks("partnerships")[0] else {
            panic!("a table of partnerships")
        };
        assert_eq!(ties.rows.len(), ROWS);
        assert_eq!(
            blocks("partnerships")[1],
            Block::Note(format!("and 9 more: {all}"))
        );
    }
}
