//! The rows of `partnerships.csv` (and of an edge list): one partnership each, its kind,
//! strength, direction and weight checked as read; its ends are kept as written for the
//! validation pass.

use super::csv::{CsvTable, Table};
use super::origin::{Origin, Origins};
use crate::diagnostic::Diagnostic;
use crate::model::{Coalition, Partnership, PartnershipKind};
use crate::vocabulary::normalize;
use ::csv::StringRecord;

/// The columns `partnerships.csv` (and an edge list) may have.
pub const PARTNERSHIP_COLUMNS: &[&str] = &[
    "source", "target", "kind", "strength", "directed", "since", "notes", "weight",
];

impl CsvTable for Partnership {
    const COLUMNS: &'static [&'static str] = PARTNERSHIP_COLUMNS;
    const REQUIRED: &'static [&'static str] = &["source", "target"];

    fn lists<'a>(
        coalition: &'a mut Coalition,
        origins: &'a mut Origins,
    ) -> (&'a mut Vec<Partnership>, &'a mut Vec<Origin>) {
        (&mut coalition.partnerships, &mut origins.partnerships)
    }

    /// One row as a partnership, its kind, strength, direction and weight checked.
    fn read_row(
        table: &Table,
        record: &StringRecord,
        origin: &Origin,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Partnership {
        let mut partnership = Partnership {
            source: table.get(record, "source").to_string(),
            target: table.get(record, "target").to_string(),
            kind: PartnershipKind::Other,
            strength: 2,
            directed: false,
            since: table.text(record, "since"),
            notes: table.text(record, "notes"),
            weight: None,
        };
        let kind = table.get(record, "kind");
        if !kind.is_empty() {
            match PartnershipKind::parse(kind) {
                Ok(k) => partnership.kind = k,
                Err(suggestion) => diagnostics.push(
                    origin
                        .error("kind", format!("unknown kind of partnership \"{kind}\""))
                        .did_you_mean(suggestion)
                        .with_hint(format!("the kinds are: {}", PartnershipKind::expected())),
                ),
            }
        }
        let strength = table.get(record, "strength");
        if !strength.is_empty() {
            match strength.parse::<i64>() {
                Ok(s) => {
                    partnership.strength = s.clamp(0, 255) as u8;
                    diagnostics.extend(strength_out_of_range(s, origin));
                }
                Err(_) => diagnostics.push(
                    origin
                        .error(
                            "strength",
                            format!("strength \"{strength}\" is not a number"),
                        )
                        .with_hint(STRENGTH_HINT),
                ),
            }
        }
        let directed = table.get(record, "directed");
        match normalize(directed).as_str() {
        "" | "no" | "false" | "0" | "n" => {}
        "yes" | "true" | "1" | "y" => partnership.directed = true,
        _ => diagnostics.push(origin.error("directed", format!("\"{directed}\" is not yes or no")).with_hint("write yes when the partnership flows one way (source to target), else leave it empty")),
    }
        let weight = table.get(record, "weight");
        if !weight.is_empty() {
            match weight.parse::<f64>() {
                Ok(w) if w.is_finite() && w > 0.0 => partnership.weight = Some(w),
                _ => diagnostics.push(
                    origin
                        .error(
                            "weight",
                            format!("weight \"{weight}\" is not a positive number"),
                        )
                        .with_hint("write a number such as 1 or 2.5, or leave it empty"),
                ),
            }
        }
        partnership
    }
}

const STRENGTH_HINT: &str = "use 1 (weak), 2 (working) or 3 (strong)";

/// The error for a strength outside 1–3: the one range check, for every format.
pub(super) fn strength_out_of_range(strength: i64, origin: &Origin) -> Option<Diagnostic> {
    (!(1..=3).contains(&strength)).then(|| {
        origin
            .error("strength", format!("strength {strength} is out of range"))
            .with_hint(STRENGTH_HINT)
    })
}
