//! The rows of `partnerships.csv` (and of an edge list): one partnership each, its kind,
//! strength, direction and weight checked as read; its ends are kept as written for the
//! validation pass.

use super::csv::{CsvTable, Table};
use super::origin::{Origin, Origins};
use crate::diagnostic::Diagnostic;
use crate::model::{Coalition, Frequency, Partnership, PartnershipKind, SCORE_RANGE};
use crate::vocabulary::normalize;
use ::csv::StringRecord;

/// The columns `partnerships.csv` (and an edge list) may have.
pub const PARTNERSHIP_COLUMNS: &[&str] = &[
    "source",
    "target",
    "kind",
    "strength",
    "directed",
    "since",
    "notes",
    "weight",
    "trust",
    "value",
    "frequency",
    "relation",
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
            trust: None,
            value: None,
            frequency: None,
            relation: table.text(record, "relation"),
            attributes: table.attributes(record),
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
        partnership.trust = score(table, record, "trust", origin, diagnostics);
        partnership.value = score(table, record, "value", origin, diagnostics);
        let frequency = table.get(record, "frequency");
        if !frequency.is_empty() {
            match Frequency::parse(frequency) {
                Ok(f) => partnership.frequency = Some(f),
                Err(suggestion) => diagnostics.push(
                    origin
                        .error("frequency", format!("unknown frequency \"{frequency}\""))
                        .did_you_mean(suggestion)
                        .with_hint(format!(
                            "the frequencies are: {}, or leave it empty when unknown",
                            Frequency::expected()
                        )),
                ),
            }
        }
        partnership
    }
}

/// A trust or value cell: empty is unknown (never 0); anything else must be a number in
/// [`SCORE_RANGE`].
fn score(
    table: &Table,
    record: &StringRecord,
    field: &str,
    origin: &Origin,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let text = table.get(record, field);
    if text.is_empty() {
        return None;
    }
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => {
            let problem = score_out_of_range(field, x, origin);
            let ok = problem.is_none();
            diagnostics.extend(problem);
            ok.then_some(x)
        }
        _ => {
            diagnostics.push(
                origin
                    .error(field, format!("{field} \"{text}\" is not a number"))
                    .with_hint(SCORE_HINT),
            );
            None
        }
    }
}

const SCORE_HINT: &str =
    "score it from 1 (low) to 4 (high), decimals allowed, or leave it empty when unknown";

/// The error for a trust or value score outside 1–4: the one range check, for every format.
pub(super) fn score_out_of_range(field: &str, score: f64, origin: &Origin) -> Option<Diagnostic> {
    (!SCORE_RANGE.contains(&score)).then(|| {
        origin
            .error(field, format!("{field} {score} is out of range"))
            .with_hint(SCORE_HINT)
    })
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

#[cfg(test)]
mod tests {
    use super::super::csv::read_rows;
    use super::super::testing::error;
    use super::*;

    fn read(text: &str) -> (Coalition, Vec<Diagnostic>) {
        let mut coalition = Coalition::new("Demo");
        let mut origins = Origins::default();
        let mut diagnostics = Vec::new();
        read_rows::<Partnership>(
            "p.csv",
            text,
            &mut coalition,
            &mut origins,
            &mut diagnostics,
        );
        assert_eq!(origins.partnerships.len(), coalition.partnerships.len());
        (coalition, diagnostics)
    }

    #[test]
    fn a_row_becomes_a_partnership_with_its_ends_as_written() {
        let (coalition, diagnostics) = read(
            "source,target,kind,strength,directed,since,notes,weight\n\
             state-vr, Forest City AJC ,referrals,3,Yes,2020-01,,\n\
             a,b,,,,,Weekly calls.,2.5\n",
        );
        assert_eq!(diagnostics, []);
        let [first, second] = &coalition.partnerships[..] else {
            panic!("two partnerships")
        };
        assert_eq!(
            (first.source.as_str(), first.target.as_str()),
            ("state-vr", "Forest City AJC")
        );
        assert_eq!(
            (first.kind, first.strength, first.directed),
            (PartnershipKind::Referral, 3, true)
        );
        assert_eq!(
            (first.since.as_deref(), first.notes.as_deref()),
            (Some("2020-01"), None)
        );
        assert_eq!(
            (second.kind, second.strength, second.directed),
            (PartnershipKind::Other, 2, false)
        );
        assert_eq!(
            (second.notes.as_deref(), second.weight),
            (Some("Weekly calls."), Some(2.5))
        );
    }

    #[test]
    fn trust_and_value_are_scores_from_1_to_4_and_empty_is_unknown() {
        let (coalition, diagnostics) = read(
            "source,target,trust,value,frequency\n\
             a,b,3.5,4,weekly\n\
             a,c,,1,\n\
             a,d,5,2.25,Every day\n\
             a,e,high,0,fortnightly\n",
        );
        let scores: Vec<_> = coalition
            .partnerships
            .iter()
            .map(|p| (p.trust, p.value, p.frequency))
            .collect();
        assert_eq!(
            scores,
            [
                (Some(3.5), Some(4.0), Some(Frequency::Weekly)),
                (None, Some(1.0), None),
                (None, Some(2.25), Some(Frequency::Daily)),
                (None, None, None),
            ]
        );
        let hint = Some(
            "score it from 1 (low) to 4 (high), decimals allowed, or leave it empty when unknown",
        );
        assert_eq!(
            diagnostics,
            [
                error("p.csv", Some(4), Some("trust"), "trust 5 is out of range", hint),
                error("p.csv", Some(5), Some("trust"), "trust \"high\" is not a number", hint),
                error("p.csv", Some(5), Some("value"), "value 0 is out of range", hint),
                error(
                    "p.csv",
                    Some(5),
                    Some("frequency"),
                    "unknown frequency \"fortnightly\"",
                    Some("the frequencies are: yearly, quarterly, monthly, weekly, daily, or leave it empty when unknown")
                ),
            ]
        );
    }

    #[test]
    fn strengths_must_be_numbers_from_1_to_3() {
        let (coalition, diagnostics) = read("source,target,strength\na,b,7\na,b,-5\na,b,two\n");
        let strengths: Vec<u8> = coalition.partnerships.iter().map(|p| p.strength).collect();
        assert_eq!(strengths, [7, 0, 2]);
        let hint = Some("use 1 (weak), 2 (working) or 3 (strong)");
        assert_eq!(
            diagnostics,
            [
                error(
                    "p.csv",
                    Some(2),
                    Some("strength"),
                    "strength 7 is out of range",
                    hint
                ),
                error(
                    "p.csv",
                    Some(3),
                    Some("strength"),
                    "strength -5 is out of range",
                    hint
                ),
                error(
                    "p.csv",
                    Some(4),
                    Some("strength"),
                    "strength \"two\" is not a number",
                    hint
                ),
            ]
        );
    }

    #[test]
    fn every_problem_of_a_row_is_reported_in_column_order() {
        let (coalition, diagnostics) =
            read("source,target,kind,strength,directed,weight\na,b,nope,0,maybe,-2\n");
        assert_eq!(coalition.partnerships.len(), 1, "the row is still read");
        assert_eq!(
            diagnostics,
            [
                error(
                    "p.csv",
                    Some(2),
                    Some("kind"),
                    "unknown kind of partnership \"nope\"",
                    Some("the kinds are: formal-mou, informal, referral, co-enrollment, funding, subcontract, data-sharing, other"),
                ),
                error(
                    "p.csv",
                    Some(2),
                    Some("strength"),
                    "strength 0 is out of range",
                    Some("use 1 (weak), 2 (working) or 3 (strong)"),
                ),
                error(
                    "p.csv",
                    Some(2),
                    Some("directed"),
                    "\"maybe\" is not yes or no",
                    Some("write yes when the partnership flows one way (source to target), else leave it empty"),
                ),
                error(
                    "p.csv",
                    Some(2),
                    Some("weight"),
                    "weight \"-2\" is not a positive number",
                    Some("write a number such as 1 or 2.5, or leave it empty"),
                ),
            ]
        );
    }

    #[test]
    fn a_kind_close_to_a_known_one_is_suggested() {
        let (_, diagnostics) = read("source,target,kind\na,b,referal\n");
        assert_eq!(
            diagnostics[0].hint.as_deref(),
            Some("the kinds are: formal-mou, informal, referral, co-enrollment, funding, subcontract, data-sharing, other"),
            "the list of kinds replaces the did-you-mean, as it always has"
        );
    }
}
