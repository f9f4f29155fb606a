use super::*;

#[test]
fn the_worksheet_lists_are_complete() {
    let vocabulary = Vocabulary::builtin();
    assert_eq!(vocabulary.terms(TermKind::Domain).len(), 24);
    assert!(vocabulary.terms(TermKind::Population).len() >= 9);
    assert!(vocabulary.terms(TermKind::Asset).len() >= 14);
}

#[test]
fn no_key_is_shared_by_two_terms() {
    for (kind, table) in [
        (TermKind::Population, POPULATIONS),
        (TermKind::Domain, DOMAINS),
        (TermKind::Asset, ASSETS),
    ] {
        let mut seen = HashMap::new();
        for (id, label, aliases) in table {
            for key in [*id, *label].into_iter().chain(aliases.iter().copied()) {
                if let Some(other) = seen.insert(normalize(key), *id) {
                    assert_eq!(other, *id, "{kind} key {key:?} is used twice");
                }
            }
        }
    }
}

#[test]
fn aliases_and_spelling_variants_resolve() {
    let vocabulary = Vocabulary::builtin();
    for (text, id) in [
        ("PWD", "people-with-disabilities"),
        ("low-income", "low-income"),
        ("english language learners", "english-language-learners"),
        ("YOUTH", "young-people"),
    ] {
        assert_eq!(
            vocabulary.resolve(TermKind::Population, text).unwrap().id,
            id
        );
    }
    assert_eq!(
        vocabulary
            .resolve(TermKind::Asset, "research and analytic capacity")
            .unwrap()
            .id,
        "research-capacity"
    );
}

#[test]
fn misses_suggest_the_likely_term_or_nothing() {
    let vocabulary = Vocabulary::builtin();
    let miss = vocabulary
        .resolve(TermKind::Domain, "Digital acess")
        .unwrap_err();
    assert_eq!(miss.as_deref(), Some("Digital access"));
    let miss = vocabulary
        .resolve(TermKind::Domain, "zzzz qqqq")
        .unwrap_err();
    assert_eq!(miss, None);
}

#[test]
fn extra_terms_are_added_unless_they_collide() {
    let mut vocabulary = Vocabulary::builtin();
    let veterans = Term {
        id: "veterans".into(),
        label: "Veterans".into(),
        aliases: vec![],
    };
    vocabulary.add(TermKind::Population, veterans).unwrap();
    assert!(vocabulary.resolve(TermKind::Population, "veterans").is_ok());
    let clash = Term {
        id: "ell".into(),
        label: "ELL".into(),
        aliases: vec![],
    };
    assert_eq!(
        vocabulary.add(TermKind::Population, clash).unwrap_err(),
        "English-language learners"
    );
}

#[test]
fn the_builtin_lists_are_shared_until_a_term_is_added() {
    let a = Vocabulary::builtin();
    let b = Vocabulary::builtin();
    assert!(Arc::ptr_eq(&a.terms, &b.terms) && Arc::ptr_eq(&a.index, &b.index));
    let mut extended = Vocabulary::builtin();
    let veterans = Term {
        id: "veterans".into(),
        label: "Veterans".into(),
        aliases: vec![],
    };
    extended.add(TermKind::Population, veterans).unwrap();
    assert!(!Arc::ptr_eq(&extended.terms, &a.terms));
    assert!(extended.resolve(TermKind::Population, "Veterans").is_ok());
    assert!(Vocabulary::builtin()
        .resolve(TermKind::Population, "Veterans")
        .is_err());
    assert_eq!(
        extended.terms(TermKind::Population).len(),
        a.terms(TermKind::Population).len() + 1
    );
}

proptest::proptest! {
    /// The ASCII fast path folds exactly as Unicode's letters-and-digits, lower-cased, would.
    #[test]
    fn normalize_folds_as_unicode_does(text in "\\PC{0,40}") {
        let unicode: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        proptest::prop_assert_eq!(normalize(&text), unicode);
    }
}
