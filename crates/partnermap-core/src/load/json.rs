//! The canonical JSON document (`partnermap.json`, docs/coalition.schema.json). Its shape is
//! checked by serde; each part's origin is its JSON pointer, since the document has no
//! meaningful lines once a program wrote it.

use super::origin::{Origin, Origins};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use crate::model::Coalition;
use crate::vocabulary::TermKind;
use std::path::Path;

/// Reads a `.json` file.
pub(super) fn read_json(path: &Path) -> Read {
    let mut diagnostics = Vec::new();
    match read_text(path, &mut diagnostics) {
        Some(text) => parse_json(&path.display().to_string(), &text),
        None => Read::failed(Origins::default(), diagnostics),
    }
}

/// Parses a document held in memory; `file` names it in messages.
pub(super) fn parse_json(file: &str, text: &str) -> Read {
    let mut diagnostics = Vec::new();
    let mut origins = Origins {
        coalition: Origin::pointer(file, String::new()),
        ..Origins::default()
    };
    let coalition = match serde_json::from_str::<Coalition>(text) {
        Ok(coalition) => coalition,
        Err(e) => {
            diagnostics.push(
                Diagnostic::error(file, format!("invalid JSON document: {e}"))
                    .at_line(Some(e.line()))
                    .with_hint("see docs/coalition.schema.json for the document's shape"),
            );
            return Read::failed(origins, diagnostics);
        }
    };
    // The pointers `/list/0` … `/list/{n - 1}` of a list of `n` items.
    let pointers = |list: &str, n: usize| -> Vec<Origin> {
        (0..n)
            .map(|i| Origin::pointer(file, format!("/{list}/{i}")))
            .collect()
    };
    for kind in TermKind::ALL {
        let list = format!("priorities/{}", kind.plural());
        let priorities = pointers(&list, coalition.priorities.terms(kind).len());
        origins.priorities.insert(kind, priorities);
        let list = format!("vocabulary/{}", kind.plural());
        let extra = pointers(&list, coalition.vocabulary.terms(kind).len());
        origins.vocabulary.insert(kind, extra);
    }
    origins.organizations = pointers("organizations", coalition.organizations.len());
    origins.partnerships = pointers("partnerships", coalition.partnerships.len());
    Read {
        second_mode: None,
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{error, folder};
    use super::*;

    const DOCUMENT: &str = r#"{"name": "Demo",
  "priorities": {"populations": ["ELL", "PWD"]},
  "organizations": [
    {"id": "a", "name": "A", "type": "american-job-center", "populations": ["PWD"]},
    {"id": "b", "name": "B", "type": "employment-network"}],
  "partnerships": [{"source": "a", "target": "b", "strength": 3}]}"#;

    #[test]
    fn a_document_reads_with_a_pointer_for_every_part() {
        let read = parse_json("d.json", DOCUMENT);
        assert_eq!(read.diagnostics, []);
        let coalition = read.coalition.unwrap();
        assert_eq!(coalition.organizations[0].populations, ["PWD"]);
        assert_eq!(coalition.partnerships[0].strength, 3);
        let pointers = |list: &[Origin]| {
            list.iter()
                .map(|o| o.pointer.clone().unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(read.origins.coalition.pointer.as_deref(), Some(""));
        assert_eq!(
            pointers(&read.origins.priorities[&TermKind::Population]),
            ["/priorities/populations/0", "/priorities/populations/1"]
        );
        assert!(read.origins.vocabulary[&TermKind::Asset].is_empty());
        assert_eq!(
            pointers(&read.origins.organizations),
            ["/organizations/0", "/organizations/1"]
        );
        assert_eq!(pointers(&read.origins.partnerships), ["/partnerships/0"]);
        assert_eq!(
            read.origins.partnerships[0]
                .error("strength", "x")
                .field
                .as_deref(),
            Some("/partnerships/0/strength")
        );
    }

    #[test]
    fn a_malformed_document_is_one_error_at_its_line() {
        let read = parse_json("d.json", "{\"name\": \"Demo\",\n \"organizations\": [\n");
        assert!(read.coalition.is_none());
        assert_eq!(
            read.diagnostics,
            [error(
                "d.json",
                Some(3),
                None,
                "invalid JSON document: EOF while parsing a list at line 3 column 0",
                Some("see docs/coalition.schema.json for the document's shape"),
            )]
        );
    }

    #[test]
    fn a_document_of_the_wrong_shape_says_what_was_expected() {
        let read = parse_json("d.json", "{\"organizations\": [],\n \"name\": 5}");
        assert!(read.coalition.is_none());
        let d = &read.diagnostics[0];
        assert_eq!(
            (d.file.as_str(), d.line, d.field.as_deref()),
            ("d.json", Some(2), None)
        );
        assert_eq!(
            d.message,
            "invalid JSON document: invalid type: integer `5`, expected a string at line 2 column 10"
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_not_parsed() {
        let dir = folder(&[]);
        let path = dir.path().join("d.json");
        std::fs::write(&path, b"{\"name\": \"Caf\xe9\"}").unwrap();
        let read = read_json(&path);
        assert!(read.coalition.is_none());
        assert_eq!(
            read.diagnostics,
            [error(
                &path.display().to_string(),
                Some(1),
                None,
                "the file is not UTF-8 text",
                Some("save it as \"CSV UTF-8\" (or UTF-8 text) and try again"),
            )]
        );
    }
}
