//! The validation pass every format shares. It runs in a fixed order, so problems come out in
//! the order a person reads the files: the coalition's extra terms, its priorities, the
//! organizations (names, ids, terms), the convener, then the partnerships (ends, then repeats).

use super::origin::{Origin, Origins};
use super::partnerships::{score_out_of_range, strength_out_of_range};
use crate::diagnostic::Diagnostic;
use crate::lookup::{LookupError, OrganizationNames};
use crate::model::{Coalition, Organization, Partnership};
use crate::vocabulary::{slug, TermKind, Vocabulary};
use std::collections::HashMap;

/// Resolves terms and references in place and reports every problem. Returns the coalition
/// (possibly still with errors recorded in `diagnostics`).
pub(super) fn validate(
    mut coalition: Coalition,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) -> Coalition {
    let vocabulary = extend_vocabulary(&coalition, origins, diagnostics);
    resolve_priorities(&mut coalition, &vocabulary, origins, diagnostics);
    resolve_organizations(
        &mut coalition.organizations,
        &vocabulary,
        origins,
        diagnostics,
    );
    let find = Finder::new(&coalition.organizations);
    resolve_convener(
        &mut coalition.convener,
        &coalition.name,
        &find,
        origins,
        diagnostics,
    );
    let ends = resolve_ends(&coalition.partnerships, &find, origins, diagnostics);
    name_ends_and_flag_repeats(
        &mut coalition.partnerships,
        ends,
        &coalition.organizations,
        origins,
        diagnostics,
    );
    coalition
}

/// The worksheet vocabulary plus the coalition's extra terms; an extra term that is empty,
/// holds `;` or repeats an existing term is reported and left out.
fn extend_vocabulary(
    coalition: &Coalition,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vocabulary {
    let mut vocabulary = Vocabulary::builtin();
    for kind in TermKind::ALL {
        for (i, term) in coalition.vocabulary.terms(kind).iter().enumerate() {
            let origin = origins.extra_term(kind, i);
            let field = format!("vocabulary.{}", kind.plural());
            if term.label.trim().is_empty() || term.id.is_empty() {
                diagnostics.push(
                    origin
                        .error(&field, format!("an extra {kind} has an empty label"))
                        .with_hint("write its label, e.g. \"Veterans\""),
                );
            } else if term.label.contains(';') || term.aliases.iter().any(|a| a.contains(';')) {
                diagnostics.push(
                    origin
                        .error(
                            &field,
                            format!("the {kind} \"{}\" contains ';'", term.label),
                        )
                        .with_hint("';' separates list items in CSV cells; use another character"),
                );
            } else if let Err(existing) = vocabulary.add(kind, term.clone()) {
                diagnostics.push(
                    origin.error(&field, format!("the extra {kind} \"{}\" is already the {kind} \"{existing}\"", term.label))
                        .with_hint(format!("use \"{existing}\" as it is, or give the new term another label and aliases")),
                );
            }
        }
    }
    vocabulary
}

/// Replaces the written priorities by their term ids; a repeated priority is dropped quietly.
fn resolve_priorities(
    coalition: &mut Coalition,
    vocabulary: &Vocabulary,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for kind in TermKind::ALL {
        let field = format!("priorities.{}", kind.plural());
        let resolved = resolve_terms(
            vocabulary,
            kind,
            coalition.priorities.terms(kind),
            &field,
            |i| origins.priority(kind, i),
            |_, _| None,
            diagnostics,
        );
        *coalition.priorities.terms_mut(kind) = resolved;
    }
}

/// Trims names and ids, derives missing ids from names, reports missing names and duplicate
/// ids, and replaces each organization's written terms by their ids.
fn resolve_organizations(
    organizations: &mut [Organization],
    vocabulary: &Vocabulary,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut first_line: HashMap<String, (usize, Origin)> = HashMap::new();
    for (i, org) in organizations.iter_mut().enumerate() {
        let origin = origins.organization(i);
        org.name = org.name.trim().to_string();
        if org.name.is_empty() {
            diagnostics.push(
                origin
                    .error("name", "the organization has no name")
                    .with_hint(
                        "write the organization's name; the id is derived from it when left empty",
                    ),
            );
        }
        if org.id.trim().is_empty() {
            org.id = slug(&org.name);
        } else if org.id != org.id.trim() {
            org.id = org.id.trim().to_string();
        }
        if !org.id.is_empty() {
            if let Some((_, first)) = first_line.get(&org.id) {
                let at = first
                    .line
                    .map(|l| format!(" (first on line {l})"))
                    .or_else(|| first.pointer.as_ref().map(|p| format!(" (first at {p})")))
                    .unwrap_or_default();
                diagnostics.push(
                    origin
                        .error("id", format!("duplicate id \"{}\"{at}", org.id))
                        .with_hint(
                            "give each organization its own id, e.g. add the city or program to it",
                        ),
                );
            } else {
                first_line.insert(org.id.clone(), (i, origin.clone()));
            }
        }
        for kind in TermKind::ALL {
            let resolved = resolve_terms(
                vocabulary,
                kind,
                org.terms(kind),
                kind.plural(),
                |_| origin.clone(),
                |origin, text| {
                    Some(origin.warning(
                        kind.plural(),
                        format!(
                            "\"{text}\" repeats a {kind} already listed for {}",
                            org.name
                        ),
                    ))
                },
                diagnostics,
            );
            *org.terms_mut(kind) = resolved;
        }
    }
}

/// Finds the organization a reference names through the one lookup (its id, else its name when
/// no other organization has the same normalised name); on a miss, the id of the likely intended
/// one, as the diagnostics suggest ids.
struct Finder<'a> {
    organizations: &'a [Organization],
    names: OrganizationNames<'a>,
}

impl<'a> Finder<'a> {
    fn new(organizations: &'a [Organization]) -> Finder<'a> {
        Finder {
            organizations,
            names: OrganizationNames::new(organizations),
        }
    }

    fn find(&self, text: &str) -> Result<usize, Option<String>> {
        self.names.find(text).map_err(|miss| {
            let likely = match miss {
                LookupError::NotFound { suggestion } => suggestion,
                LookupError::Ambiguous { candidates } => candidates.first().copied(),
            };
            likely.map(|i| self.organizations[i].id.clone())
        })
    }
}

/// Replaces the convener's id or name by its id, or reports it missing; a coalition.toml without
/// a convener (and with organizations) gets a warning.
fn resolve_convener(
    convener: &mut Option<String>,
    name: &str,
    find: &Finder,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if let Some(written) = convener.clone() {
        match find.find(&written) {
            Ok(i) => *convener = Some(find.organizations[i].id.clone()),
            Err(suggestion) => diagnostics.push(
                origins
                    .coalition
                    .error(
                        "convener",
                        format!("the convener \"{written}\" is not in the organizations"),
                    )
                    .did_you_mean(suggestion)
                    .with_hint_if_none(if origins.coalition.sheet.is_some() {
                        "add the convening organization to Table 1 with status Member"
                    } else {
                        "add the convening organization to organizations.csv with status member"
                    }),
            ),
        }
    } else if !origins.organizations.is_empty()
        && origins.coalition.pointer.is_none()
        && !name.is_empty()
        && origins.coalition.file.ends_with("toml")
    {
        diagnostics.push(
            Diagnostic::warning(
                &origins.coalition.file,
                "no convener: warm-introduction paths start from the convener",
            )
            .in_field("convener")
            .with_hint("add: convener = \"the-id-of-your-organization\""),
        );
    }
}

/// The organization index at each end of each partnership (`None` where it was empty or names
/// no organization, both reported); also reports partnerships of an organization with itself
/// and JSON strengths out of range.
fn resolve_ends(
    partnerships: &[Partnership],
    find: &Finder,
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<[Option<usize>; 2]> {
    let mut resolved_ends = Vec::with_capacity(partnerships.len());
    for (i, partnership) in partnerships.iter().enumerate() {
        let origin = origins.partnership(i);
        let mut ends = [None, None];
        for (slot, (field, text)) in [
            ("source", &partnership.source),
            ("target", &partnership.target),
        ]
        .into_iter()
        .enumerate()
        {
            if text.is_empty() {
                diagnostics.push(
                    origin
                        .error(field, format!("the {field} is empty"))
                        .with_hint("write an organization id or its exact name"),
                );
                continue;
            }
            match find.find(text) {
                Ok(at) => ends[slot] = Some(at),
                Err(suggestion) => diagnostics.push(
                    origin.error(field, format!("the partnership names \"{text}\", which is not in the organizations"))
                        .did_you_mean(suggestion)
                        .with_hint_if_none(if origin.sheet.is_some() {
                            "add the organization to Table 1 or 2, or write its name as it is there"
                        } else {
                            "add the organization to organizations.csv, or correct the id"
                        }),
                ),
            }
        }
        if let [Some(a), Some(b)] = ends {
            if a == b {
                diagnostics.push(
                    origin
                        .error(
                            "target",
                            format!(
                                "a partnership of \"{}\" with itself",
                                find.organizations[a].name
                            ),
                        )
                        .with_hint("a partnership joins two different organizations"),
                );
            }
        }
        // A CSV strength was checked as it was read, as the number written (before it was fitted
        // into a u8, and in its line's order); a JSON strength is checked here.
        if origin.pointer.is_some() {
            diagnostics.extend(strength_out_of_range(
                i64::from(partnership.strength),
                &origin,
            ));
            for (field, score) in [("trust", partnership.trust), ("value", partnership.value)] {
                diagnostics.extend(score.and_then(|x| score_out_of_range(field, x, &origin)));
            }
        }
        resolved_ends.push(ends);
    }
    resolved_ends
}

/// Points each partnership whose ends resolved at its organizations' ids, and warns about a
/// partnership listed again (same ends, same kind, same direction, same relation).
fn name_ends_and_flag_repeats(
    partnerships: &mut [Partnership],
    ends: Vec<[Option<usize>; 2]>,
    organizations: &[Organization],
    origins: &Origins,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut seen_pairs = HashMap::new();
    for (i, (partnership, ends)) in partnerships.iter_mut().zip(ends).enumerate() {
        if let [Some(a), Some(b)] = ends {
            partnership.source = organizations[a].id.clone();
            partnership.target = organizations[b].id.clone();
            // A one-way partnership each way (A refers to B, B refers to A) is two facts, not a repeat.
            // Ties of different named relations (Knoke's information and money) are different facts too.
            let relation = partnership.relation.clone();
            let key = if partnership.directed {
                (a, b, partnership.kind, true, relation)
            } else {
                (a.min(b), a.max(b), partnership.kind, false, relation)
            };
            let origin = origins.partnership(i);
            if let Some(first) = seen_pairs.insert(key, origin.line) {
                let at = first
                    .map(|l| format!(" (first on line {l})"))
                    .unwrap_or_default();
                diagnostics.push(origin.warning(
                    "target",
                    format!(
                        "the partnership between \"{}\" and \"{}\" (kind: {}) is listed twice{at}",
                        partnership.source,
                        partnership.target,
                        partnership.kind.id()
                    ),
                ));
            }
        }
    }
}

/// The ids of written terms, in order, each unknown one reported; a term whose id is already
/// listed is left out, with what `repeated` says about it.
fn resolve_terms(
    vocabulary: &Vocabulary,
    kind: TermKind,
    texts: &[String],
    field: &str,
    origin_of: impl Fn(usize) -> Origin,
    repeated: impl Fn(&Origin, &str) -> Option<Diagnostic>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut resolved = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let origin = origin_of(i);
        if let Some(id) = resolve_term(vocabulary, kind, text, &origin, field, diagnostics) {
            if resolved.contains(&id) {
                diagnostics.extend(repeated(&origin, text));
            } else {
                resolved.push(id);
            }
        }
    }
    resolved
}

fn resolve_term(
    vocabulary: &Vocabulary,
    kind: TermKind,
    text: &str,
    origin: &Origin,
    field: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    match vocabulary.resolve(kind, text) {
        Ok(term) => Some(term.id.clone()),
        Err(suggestion) => {
            diagnostics.push(
                origin.error(field, format!("unknown {kind} \"{text}\""))
                    .did_you_mean(suggestion)
                    .with_hint_if_none(&format!("use a worksheet {kind} (see docs/data-format.md) or declare it under [vocabulary] in coalition.toml")),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{as_warning, error};
    use super::*;
    use crate::model::OrganizationType;

    /// A coalition with convener "a", read from "o.csv" (organizations on lines 2, 3, …) and
    /// "p.csv" (partnerships likewise), as the CSV readers leave it.
    fn read(
        organizations: &[(&str, &str, &[&str])],
        partnerships: &[(&str, &str)],
    ) -> (Coalition, Origins) {
        let mut coalition = Coalition::new("Demo");
        coalition.convener = Some("a".to_string());
        let mut origins = Origins {
            coalition: Origin::file("coalition.toml"),
            ..Origins::default()
        };
        for (line, (id, name, populations)) in organizations.iter().enumerate() {
            let mut org = Organization::new(id, name, OrganizationType::Business);
            org.populations = populations.iter().map(|p| p.to_string()).collect();
            coalition.organizations.push(org);
            origins
                .organizations
                .push(Origin::line("o.csv", Some(line + 2)));
        }
        for (line, (source, target)) in partnerships.iter().enumerate() {
            let mut partnership = Partnership::new(source, target);
            partnership.kind = crate::model::PartnershipKind::Informal;
            coalition.partnerships.push(partnership);
            origins
                .partnerships
                .push(Origin::line("p.csv", Some(line + 2)));
        }
        (coalition, origins)
    }

    #[test]
    fn terms_and_references_become_ids() {
        let (mut coalition, origins) = read(
            &[
                ("", " Casa de la Comunidad ", &["ELL", "PWD"]),
                ("ajc", "Job Center", &[]),
            ],
            &[("Casa de la Comunidad", "ajc")],
        );
        coalition.convener = Some("job center".to_string());
        coalition.priorities.populations = vec!["ELL".into(), "English-language learners".into()];
        let mut diagnostics = Vec::new();
        let coalition = validate(coalition, &origins, &mut diagnostics);
        assert_eq!(diagnostics, []);
        let casa = &coalition.organizations[0];
        assert_eq!(
            (casa.id.as_str(), casa.name.as_str()),
            ("casa-de-la-comunidad", "Casa de la Comunidad")
        );
        assert_eq!(
            casa.populations,
            ["english-language-learners", "people-with-disabilities"]
        );
        assert_eq!(
            coalition.priorities.populations,
            ["english-language-learners"]
        );
        assert_eq!(coalition.convener.as_deref(), Some("ajc"));
        let tie = &coalition.partnerships[0];
        assert_eq!(
            (tie.source.as_str(), tie.target.as_str()),
            ("casa-de-la-comunidad", "ajc")
        );
    }

    #[test]
    fn unknown_terms_duplicate_ids_and_missing_organizations_are_located() {
        let (mut coalition, origins) = read(
            &[
                ("a", "A", &["English learner", "ELL", "ell"]),
                ("a", "B", &[]),
            ],
            &[("a", "zz"), ("a", "a"), ("", "a")],
        );
        coalition.convener = Some("nobody".to_string());
        let mut diagnostics = Vec::new();
        validate(coalition, &origins, &mut diagnostics);
        assert_eq!(
            diagnostics,
            [
                error(
                    "o.csv",
                    Some(2),
                    Some("populations"),
                    "unknown population \"English learner\"",
                    Some("did you mean \"English-language learners\"?"),
                ),
                as_warning(error(
                    "o.csv",
                    Some(2),
                    Some("populations"),
                    "\"ell\" repeats a population already listed for A",
                    None,
                )),
                error(
                    "o.csv",
                    Some(3),
                    Some("id"),
                    "duplicate id \"a\" (first on line 2)",
                    Some("give each organization its own id, e.g. add the city or program to it"),
                ),
                error(
                    "coalition.toml",
                    None,
                    Some("convener"),
                    "the convener \"nobody\" is not in the organizations",
                    Some("add the convening organization to organizations.csv with status member"),
                ),
                error(
                    "p.csv",
                    Some(2),
                    Some("target"),
                    "the partnership names \"zz\", which is not in the organizations",
                    Some("add the organization to organizations.csv, or correct the id"),
                ),
                error(
                    "p.csv",
                    Some(3),
                    Some("target"),
                    "a partnership of \"A\" with itself",
                    Some("a partnership joins two different organizations"),
                ),
                error(
                    "p.csv",
                    Some(4),
                    Some("source"),
                    "the source is empty",
                    Some("write an organization id or its exact name"),
                ),
            ]
        );
    }

    #[test]
    fn a_repeated_partnership_is_a_warning_but_one_each_way_is_not() {
        let (mut coalition, origins) = read(
            &[("a", "A", &[]), ("b", "B", &[])],
            &[("a", "b"), ("b", "a"), ("a", "b"), ("b", "a")],
        );
        coalition.partnerships[2].directed = true;
        coalition.partnerships[3].directed = true;
        let mut diagnostics = Vec::new();
        validate(coalition, &origins, &mut diagnostics);
        assert_eq!(
            diagnostics,
            [as_warning(error(
                "p.csv",
                Some(3),
                Some("target"),
                "the partnership between \"b\" and \"a\" (kind: informal) is listed twice (first on line 2)",
                None,
            ))]
        );
    }

    #[test]
    fn extra_terms_that_clash_are_reported_and_json_strengths_checked() {
        let (mut coalition, mut origins) = read(&[("a", "A", &[]), ("b", "B", &[])], &[("a", "b")]);
        coalition
            .vocabulary
            .populations
            .push(crate::vocabulary::Term {
                id: "ell".into(),
                label: "ELL".into(),
                aliases: vec![],
            });
        coalition.partnerships[0].strength = 9;
        origins.partnerships[0] = Origin::pointer("d.json", "/partnerships/0".into());
        let mut diagnostics = Vec::new();
        validate(coalition, &origins, &mut diagnostics);
        assert_eq!(
            diagnostics,
            [
                error(
                    "coalition.toml",
                    None,
                    Some("vocabulary.populations"),
                    "the extra population \"ELL\" is already the population \"English-language learners\"",
                    Some("use \"English-language learners\" as it is, or give the new term another label and aliases"),
                ),
                error(
                    "d.json",
                    None,
                    Some("/partnerships/0/strength"),
                    "strength 9 is out of range",
                    Some("use 1 (weak), 2 (working) or 3 (strong)"),
                ),
            ]
        );
    }
}
