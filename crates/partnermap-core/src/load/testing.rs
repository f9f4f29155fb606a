//! Helpers for the readers' unit tests: expected diagnostics written out in full, and inputs
//! put on disk.

use crate::diagnostic::{Diagnostic, Severity};

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
