//! Where each part of a coalition was written, so every message can name its file, line (or
//! JSON pointer) and field.

use crate::diagnostic::{Diagnostic, Severity};
use crate::vocabulary::TermKind;
use crate::worksheet::Sheet;
use std::collections::HashMap;

/// Where a record came from, for messages.
#[derive(Debug, Clone, Default)]
pub(super) struct Origin {
    pub(super) file: String,
    pub(super) line: Option<usize>,
    /// JSON pointer prefix for formats without lines.
    pub(super) pointer: Option<String>,
    /// The workbook sheet the record is a row of: messages then name the sheet, and the
    /// column's header instead of the field.
    pub(super) sheet: Option<&'static Sheet>,
}

impl Origin {
    /// The start of a file, or a record whose line is not known.
    pub(super) fn file(file: &str) -> Origin {
        Origin {
            file: file.to_string(),
            ..Origin::default()
        }
    }

    /// A line of a file.
    pub(super) fn line(file: &str, line: Option<usize>) -> Origin {
        Origin {
            line,
            ..Origin::file(file)
        }
    }

    /// A place in a JSON document.
    pub(super) fn pointer(file: &str, pointer: String) -> Origin {
        Origin {
            pointer: Some(pointer),
            ..Origin::file(file)
        }
    }

    /// A row of a workbook sheet.
    pub(super) fn row(file: &str, sheet: &'static Sheet, row: usize) -> Origin {
        Origin {
            sheet: Some(sheet),
            ..Origin::line(file, Some(row))
        }
    }

    /// An error in `field` of this record (the field follows the JSON pointer, if any; in a
    /// workbook it is the header of the field's column).
    pub(super) fn error(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        let diagnostic = Diagnostic::error(&self.file, message).at_line(self.line);
        match (&self.pointer, self.sheet) {
            (Some(pointer), _) => diagnostic.in_field(format!("{pointer}/{field}")),
            (None, Some(sheet)) => diagnostic
                .in_sheet(sheet.name)
                .in_field(sheet.header_of(field)),
            (None, None) => diagnostic.in_field(field),
        }
    }

    /// A warning in `field` of this record.
    pub(super) fn warning(&self, field: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..self.error(field, message)
        }
    }
}

/// Origins of every part of a coalition, parallel to its lists.
#[derive(Debug, Default)]
pub(super) struct Origins {
    pub(super) coalition: Origin,
    /// Per kind, per priority term: where it was written.
    pub(super) priorities: HashMap<TermKind, Vec<Origin>>,
    /// Per kind, per extra vocabulary term: where it was declared.
    pub(super) vocabulary: HashMap<TermKind, Vec<Origin>>,
    pub(super) organizations: Vec<Origin>,
    pub(super) partnerships: Vec<Origin>,
}

impl Origins {
    /// Where the `i`th priority of `kind` was written.
    pub(super) fn priority(&self, kind: TermKind, i: usize) -> Origin {
        self.nth(self.priorities.get(&kind), i)
    }

    /// Where the `i`th extra term of `kind` was declared.
    pub(super) fn extra_term(&self, kind: TermKind, i: usize) -> Origin {
        self.nth(self.vocabulary.get(&kind), i)
    }

    /// Where the `i`th organization was written.
    pub(super) fn organization(&self, i: usize) -> Origin {
        self.nth(Some(&self.organizations), i)
    }

    /// Where the `i`th partnership was written.
    pub(super) fn partnership(&self, i: usize) -> Origin {
        self.nth(Some(&self.partnerships), i)
    }

    /// The `i`th origin of a list; the coalition's file when the list does not have it.
    fn nth(&self, list: Option<&Vec<Origin>>, i: usize) -> Origin {
        list.and_then(|l| l.get(i))
            .cloned()
            .unwrap_or_else(|| Origin::file(&self.coalition.file))
    }
}
