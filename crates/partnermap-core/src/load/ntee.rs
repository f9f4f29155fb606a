//! NTEE codes (the National Taxonomy of Exempt Entities that U.S. nonprofit directories carry,
//! e.g. `J22` or `L41`) to the worksheet's domains, for `partnermap import` (`ntee = "column"`
//! under `[columns]`). A few specific codes have their own domains; every other code gets its
//! major group's (its letter). docs/start.md shows the table.

/// Codes with domains of their own, then major groups, each with its domain ids.
pub(crate) const NTEE_DOMAINS: &[(&str, &[&str])] = &[
    ("B21", &["access-to-preschool"]),
    ("B40", &["preparation-for-college"]),
    ("B41", &["preparation-for-college"]),
    ("B42", &["preparation-for-college"]),
    ("E40", &["access-to-health-services", "neonatal-health"]),
    ("I40", &["just-policing"]),
    (
        "J22",
        &["employment-opportunities", "jobs-paying-living-wages"],
    ),
    ("L21", &["housing-affordability"]),
    ("L22", &["housing-affordability"]),
    ("L41", &["housing-stability"]),
    ("P51", &["financial-security"]),
    ("S22", &["wealth-building-opportunities"]),
    ("W24", &["political-participation"]),
    ("B", &["effective-public-education"]),
    ("C", &["environmental-quality"]),
    ("E", &["access-to-health-services"]),
    ("F", &["access-to-health-services", "safety-from-trauma"]),
    ("I", &["safety-from-crime"]),
    ("J", &["employment-opportunities"]),
    ("L", &["housing-affordability", "housing-stability"]),
    ("P", &["financial-security"]),
    ("R", &["economic-inclusion", "racial-diversity"]),
    ("S", &["economic-inclusion", "social-capital"]),
    ("W", &["political-participation"]),
];

/// The domain ids of an NTEE code (`J22`, `j`, `L41Z`; case and a trailing letter ignored), or
/// `None` when it is not an NTEE code. A code of a group with no worksheet domain (the arts,
/// animals, religion, Z99 unknown, …) gives none.
pub(crate) fn domains_of(code: &str) -> Option<&'static [&'static str]> {
    let code = code.trim().to_ascii_uppercase();
    let mut chars = code.chars();
    let group = chars.next().filter(char::is_ascii_alphabetic)?;
    let rest: String = chars.collect();
    let digits = rest.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let specific = format!("{group}{digits}");
    let domains = NTEE_DOMAINS
        .iter()
        .find(|(key, _)| *key == specific)
        .or_else(|| {
            NTEE_DOMAINS
                .iter()
                .find(|(key, _)| *key == group.to_string())
        })
        .map_or(&[][..], |(_, domains)| *domains);
    Some(domains)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{TermKind, Vocabulary};

    #[test]
    fn codes_map_to_their_own_domains_or_their_group_s() {
        assert_eq!(
            domains_of("J22"),
            Some(&["employment-opportunities", "jobs-paying-living-wages"][..])
        );
        assert_eq!(domains_of("j30"), Some(&["employment-opportunities"][..]));
        assert_eq!(domains_of("L41Z"), Some(&["housing-stability"][..]));
        assert_eq!(
            domains_of("L"),
            Some(&["housing-affordability", "housing-stability"][..])
        );
        assert_eq!(
            domains_of("A20"),
            Some(&[][..]),
            "the arts have no worksheet domain"
        );
        assert_eq!(domains_of("123"), None);
        assert_eq!(domains_of("J2222"), None);
    }

    #[test]
    fn every_domain_of_the_table_is_a_worksheet_domain() {
        let vocabulary = Vocabulary::builtin();
        for (code, domains) in NTEE_DOMAINS {
            for id in *domains {
                assert!(
                    vocabulary.get(TermKind::Domain, id).is_some(),
                    "{code}: {id}"
                );
            }
        }
    }

    #[test]
    fn every_major_group_of_the_published_list_is_read() {
        let list = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/real/ntee-codes/ntee.csv");
        let Ok(text) = std::fs::read_to_string(&list) else {
            eprintln!("note: {} is missing; skipping", list.display());
            return;
        };
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let codes: Vec<String> = reader
            .records()
            .map(|r| r.unwrap()[0].to_string())
            .collect();
        assert_eq!(codes.len(), 657);
        let unread: Vec<&String> = codes.iter().filter(|c| domains_of(c).is_none()).collect();
        assert!(unread.is_empty(), "{unread:?}");
        let employment = codes.iter().filter(|c| c.starts_with('J')).count();
        assert!(employment > 5);
    }
}
