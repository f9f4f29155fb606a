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
        coalition: Some(coalition),
        origins,
        diagnostics,
    }
}
