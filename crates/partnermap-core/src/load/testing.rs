//! Helpers for the readers' unit tests: expected diagnostics written out in full, and inputs
//! put on disk.

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Coalition;

/// The error a test expects, every part spelled out.
pub(super) fn error(
    file: &str,
    line: Option<usize>,
    field: Option<&str>,
    message: &str,
    hint: Option<&str>,
) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        file: file.to_string(),
        sheet: None,
        line,
        field: field.map(str::to_string),
        message: message.to_string(),
        hint: hint.map(str::to_string),
    }
}

/// The same diagnostic as a warning.
pub(super) fn as_warning(expected: Diagnostic) -> Diagnostic {
    Diagnostic {
        severity: Severity::Warning,
        ..expected
    }
}

/// A temporary folder holding these files.
pub(super) fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Source, target, directed, weight and relation of a tie.
pub(super) type Shown<'a> = (&'a str, &'a str, bool, Option<f64>, Option<&'a str>);

/// Every partnership of a coalition as the readers' tests compare them.
pub(super) fn ties(coalition: &Coalition) -> Vec<Shown<'_>> {
    coalition
        .partnerships
        .iter()
        .map(|p| {
            (
                p.source.as_str(),
                p.target.as_str(),
                p.directed,
                p.weight,
                p.relation.as_deref(),
            )
        })
        .collect()
}

/// Every organization of a coalition as (id, name).
pub(super) fn organizations(coalition: &Coalition) -> Vec<(&str, &str)> {
    coalition
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect()
}
