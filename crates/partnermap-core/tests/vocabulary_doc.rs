//! docs/vocabulary.md lists every term, type, status and kind the loader accepts, generated from
//! the code so it cannot drift. Refresh with `UPDATE_GOLDEN=1 cargo test -p partnermap-core`.

use partnermap_core::model::{OrganizationType, PartnershipKind, Status};
use partnermap_core::vocabulary::{TermKind, Vocabulary};
use partnermap_testkit::assert_golden;
use std::path::Path;

fn vocabulary_markdown() -> String {
    let vocabulary = Vocabulary::builtin();
    let mut out = String::from(
        "# Vocabulary\n\nGenerated from the code by `crates/partnermap-core/tests/vocabulary_doc.rs`; do not edit by hand.\n\
         Write a term as its label, its id or any alias; case, spaces and punctuation do not matter.\n",
    );
    let headings = [
        (
            TermKind::Population,
            "Populations (worksheet Part 1: groups facing barriers)",
        ),
        (
            TermKind::Domain,
            "Domains (what worksheet Part 1 calls areas of concern)",
        ),
        (
            TermKind::Asset,
            "Assets (worksheet Part 1: what the coalition needs)",
        ),
    ];
    for (kind, heading) in headings {
        out += &format!("\n## {heading}\n\n| label | id | aliases |\n|---|---|---|\n");
        for term in vocabulary.terms(kind) {
            out += &format!(
                "| {} | `{}` | {} |\n",
                term.label,
                term.id,
                term.aliases.join(", ")
            );
        }
    }
    let choices = |title: &str, rows: Vec<(&str, &str)>| {
        let mut s = format!("\n## {title}\n\n| label | id |\n|---|---|\n");
        for (label, id) in rows {
            s += &format!("| {label} | `{id}` |\n");
        }
        s
    };
    out += &choices(
        "Organization types",
        OrganizationType::ALL
            .iter()
            .map(|t| (t.label(), t.id()))
            .collect(),
    );
    out += &choices(
        "Statuses",
        Status::ALL.iter().map(|t| (t.label(), t.id())).collect(),
    );
    out += &choices(
        "Kinds of partnership",
        PartnershipKind::ALL
            .iter()
            .map(|t| (t.label(), t.id()))
            .collect(),
    );
    out
}

#[test]
fn the_documented_vocabulary_matches_the_code() {
    let text = vocabulary_markdown();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/vocabulary.md");
    assert_golden(path, &text);
}
