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
        org.attributes = table.attributes(record);
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

#[cfg(test)]
mod tests {
    use super::super::csv::read_rows;
    use super::super::testing::error;
    use super::*;

    const TYPES: &str = "the types are: community-based-nonprofit, advisory-board, public-agency, school, faith-based, business, financial-institution, anchor-institution, workforce-board, american-job-center, employment-network, vocational-rehabilitation, other";

    fn read(text: &str) -> (Coalition, Origins, Vec<Diagnostic>) {
        let mut coalition = Coalition::new("Demo");
        let mut origins = Origins::default();
        let mut diagnostics = Vec::new();
        read_rows::<Organization>(
            "o.csv",
            text,
            &mut coalition,
            &mut origins,
            &mut diagnostics,
        );
        (coalition, origins, diagnostics)
    }

    #[test]
    fn a_row_becomes_an_organization_with_its_terms_as_written() {
        let (coalition, origins, diagnostics) = read(
            "name,type,status,populations,assets,roles,city,lat,lon,notes\n\
             Casa de la Comunidad,nonprofit,potential,ELL; Hispanic community,,\"Convener, host\",Forest City,41.5,-81.69,  \n",
        );
        assert_eq!(diagnostics, []);
        let org = &coalition.organizations[0];
        assert_eq!(
            (org.id.as_str(), org.name.as_str()),
            ("", "Casa de la Comunidad")
        );
        assert_eq!(org.kind, OrganizationType::CommunityBasedNonprofit);
        assert_eq!(org.status, Status::Potential);
        assert_eq!(org.populations, ["ELL", "Hispanic community"]);
        assert!(org.assets.is_empty() && org.domains.is_empty());
        assert_eq!(org.roles.as_deref(), Some("Convener, host"));
        assert_eq!(org.notes, None);
        assert_eq!(org.location.city.as_deref(), Some("Forest City"));
        assert_eq!(
            (org.location.lat, org.location.lon),
            (Some(41.5), Some(-81.69))
        );
        assert_eq!(origins.organizations[0].line, Some(2));
    }

    #[test]
    fn unknown_types_and_statuses_list_the_choices() {
        let (coalition, _, diagnostics) = read(
            "id,name,type,status\na,A,finanical institution,existing\nb,B,,prospect\nc,C,bank,potentail\n",
        );
        assert_eq!(
            coalition.organizations[0].kind,
            OrganizationType::Other,
            "an unknown type is read as other, and reported"
        );
        assert_eq!(coalition.organizations[1].status, Status::Potential);
        assert_eq!(
            diagnostics,
            [
                error(
                    "o.csv",
                    Some(2),
                    Some("type"),
                    "unknown type \"finanical institution\"",
                    Some(TYPES),
                ),
                error(
                    "o.csv",
                    Some(3),
                    Some("type"),
                    "the type is empty",
                    Some(TYPES)
                ),
                error(
                    "o.csv",
                    Some(4),
                    Some("status"),
                    "unknown status \"potentail\"",
                    Some("the statuses are: member, existing, potential, keep-informed"),
                ),
            ]
        );
    }

    #[test]
    fn coordinates_outside_their_range_are_errors() {
        let (coalition, _, diagnostics) = read("name,type,lat,lon\nA,bank,91,abc\n");
        assert_eq!(coalition.organizations[0].location.lat, None);
        assert_eq!(
            diagnostics,
            [
                error(
                    "o.csv",
                    Some(2),
                    Some("lat"),
                    "\"91\" is not a latitude",
                    Some("write decimal degrees between -90 and 90, e.g. 41.5"),
                ),
                // "lonitude" is the message as it stands (column name + "itude").
                error(
                    "o.csv",
                    Some(2),
                    Some("lon"),
                    "\"abc\" is not a lonitude",
                    Some("write decimal degrees between -180 and 180, e.g. 41.5"),
                ),
            ]
        );
    }

    #[test]
    fn without_a_type_column_no_row_is_read() {
        let (coalition, origins, diagnostics) = read("id,name\na,A\n");
        assert!(coalition.organizations.is_empty() && origins.organizations.is_empty());
        assert_eq!(
            diagnostics,
            [error(
                "o.csv",
                Some(1),
                None,
                "the header has no \"type\" column",
                Some("the header should start: name,type"),
            )]
        );
    }
}
