//! The rows of `organizations.csv`: one organization each, its type, status and coordinates
//! checked as read; its terms are kept as written for the validation pass.

use super::csv::{split_list, CsvTable, Table};
use super::origin::{Origin, Origins};
use crate::diagnostic::Diagnostic;
use crate::model::{Coalition, Location, Organization, OrganizationType, Status};
use crate::vocabulary::TermKind;
use ::csv::StringRecord;

/// The columns `organizations.csv` may have, in the order partnermap writes them.
pub const ORGANIZATION_COLUMNS: &[&str] = &[
    "id",
    "name",
    "type",
    "status",
    "populations",
    "domains",
    "assets",
    "aligned_initiatives",
    "motivations",
    "roles",
    "barriers",
    "invited_by",
    "contact",
    "website",
    "city",
    "county",
    "lat",
    "lon",
    "notes",
];

impl CsvTable for Organization {
    const COLUMNS: &'static [&'static str] = ORGANIZATION_COLUMNS;
    const REQUIRED: &'static [&'static str] = &["name", "type"];

    fn lists<'a>(
        coalition: &'a mut Coalition,
        origins: &'a mut Origins,
    ) -> (&'a mut Vec<Organization>, &'a mut Vec<Origin>) {
        (&mut coalition.organizations, &mut origins.organizations)
    }

    /// One row as an organization, its type, status and coordinates checked.
    fn read_row(
        table: &Table,
        record: &StringRecord,
        origin: &Origin,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Organization {
        let kind_text = table.get(record, "type");
        let kind = match OrganizationType::parse(kind_text) {
            Ok(kind) => kind,
            Err(suggestion) => {
                let message = if kind_text.is_empty() {
                    "the type is empty".to_string()
                } else {
                    format!("unknown type \"{kind_text}\"")
                };
                diagnostics.push(
                    origin
                        .error("type", message)
                        .did_you_mean(suggestion)
                        .with_hint(format!("the types are: {}", OrganizationType::expected())),
                );
                OrganizationType::Other
            }
        };
        let mut org = Organization::new(table.get(record, "id"), table.get(record, "name"), kind);
        let status_text = table.get(record, "status");
        if !status_text.is_empty() {
            match Status::parse(status_text) {
                Ok(status) => org.status = status,
                Err(suggestion) => diagnostics.push(
                    origin
                        .error("status", format!("unknown status \"{status_text}\""))
                        .did_you_mean(suggestion)
                        .with_hint(format!("the statuses are: {}", Status::expected())),
                ),
            }
        }
        for kind in TermKind::ALL {
            *org.terms_mut(kind) = split_list(table.get(record, kind.plural()));
        }
        org.aligned_initiatives = table.text(record, "aligned_initiatives");
        org.motivations = table.text(record, "motivations");
        org.roles = table.text(record, "roles");
        org.barriers = table.text(record, "barriers");
        org.invited_by = table.text(record, "invited_by");
        org.contact = table.text(record, "contact");
        org.website = table.text(record, "website");
        org.notes = table.text(record, "notes");
        org.location = Location {
            city: table.text(record, "city"),
            county: table.text(record, "county"),
            lat: parse_coordinate(table, record, "lat", 90.0, origin, diagnostics),
            lon: parse_coordinate(table, record, "lon", 180.0, origin, diagnostics),
        };
        org
    }
}

/// A latitude or longitude cell: `None` when empty, or reported when not a number within
/// ±`limit` degrees.
fn parse_coordinate(
    table: &Table,
    record: &StringRecord,
    column: &str,
    limit: f64,
    origin: &Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let cell = table.get(record, column);
    if cell.is_empty() {
        return None;
    }
    match cell.parse::<f64>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Some(v),
        _ => {
            diagnostics.push(
                origin
                    .error(column, format!("\"{cell}\" is not a {column}itude"))
                    .with_hint(format!(
                        "write decimal degrees between -{limit} and {limit}, e.g. 41.5"
                    )),
            );
            None
        }
    }
}
