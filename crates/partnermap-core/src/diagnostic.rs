//! Problems found in the input, each located by file, line and field, with a suggested fix.
//!
//! Loading never stops at the first problem: it collects every one, so a person fixing a
//! spreadsheet sees the whole list in one run.

use serde::Serialize;
use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// The input cannot be used until this is fixed.
    Error,
    /// The input is usable, but probably not what was meant.
    Warning,
}

/// One problem in the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it.
    pub file: String,
    /// The sheet of a workbook; `line` is then its row and `field` its column's header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The 1-based line (a workbook's row), when the format has lines.
    pub line: Option<usize>,
    /// The column or field, e.g. `populations` or `/organizations/3/populations`.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, e.g. `did you mean "English-language learners"?`.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error in `file`.
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            sheet: None,
            line: None,
            field: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning in `file`.
    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// The same problem, at this line.
    pub fn at_line(mut self, line: Option<usize>) -> Diagnostic {
        self.line = line;
        self
    }

    /// The same problem, in this sheet of a workbook.
    pub fn in_sheet(mut self, sheet: impl Into<String>) -> Diagnostic {
        self.sheet = Some(sheet.into());
        self
    }

    /// The same problem, in this column or field.
    pub fn in_field(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = Some(field.into());
        self
    }

    /// The same problem, with a suggested fix.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    /// Adds `did you mean "…"?` when there is a likely intended value.
    pub fn did_you_mean(self, suggestion: Option<String>) -> Diagnostic {
        match suggestion {
            Some(s) => self.with_hint(format!("did you mean \"{s}\"?")),
            None => self,
        }
    }

    /// The same problem with this suggested fix, unless it already has one (a did-you-mean).
    pub(crate) fn with_hint_if_none(self, hint: &str) -> Diagnostic {
        if self.hint.is_some() {
            self
        } else {
            self.with_hint(hint)
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    /// `error: organizations.csv, line 5, field "populations": unknown population "English learner"`
    /// (in a workbook: `error: coalition.xlsx, Table 2, row 7, column "Target populations
    /// served": …`) followed by an indented `hint:` line when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{severity}: {}", self.file)?;
        let (line, field) = match &self.sheet {
            Some(sheet) => {
                write!(f, ", {sheet}")?;
                ("row", "column")
            }
            None => ("line", "field"),
        };
        if let Some(n) = self.line {
            write!(f, ", {line} {n}")?;
        }
        if let Some(name) = &self.field {
            write!(f, ", {field} \"{name}\"")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The input could not be loaded: every problem found, errors first in file order.
#[derive(Debug, thiserror::Error)]
#[error("{} in the input", count(.diagnostics))]
pub struct LoadError {
    /// Every problem found, warnings included.
    pub diagnostics: Vec<Diagnostic>,
}

fn count(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors == 1 {
        "1 error".to_string()
    } else {
        format!("{errors} errors")
    }
}
