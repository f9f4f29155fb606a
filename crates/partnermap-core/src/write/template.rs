//! `partnermap init`: the blank worksheet, as a workbook or as the three-file project folder
//! whose example rows (the worksheet's own Forest City examples) are commented out.

use super::{coalition_toml, toml_string, write_atomic, write_folder, write_workbook, WriteError};
use crate::load::{ORGANIZATION_COLUMNS, PARTNERSHIP_COLUMNS};
use crate::model::Coalition;
use crate::vocabulary::{slug, TermKind, Vocabulary};
use crate::worksheet::{Sheet, EXAMPLE, PARTNERSHIPS, TABLE1, TABLE2, TABLE3};
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

/// Writes the blank worksheet at `path`: a workbook when it ends in `.xlsx`, else a project
/// folder.
pub fn init(path: &Path) -> Result<(), WriteError> {
    let workbook = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if workbook {
        write_workbook(&Coalition::new(""), path)
    } else {
        write_template_folder(path)
    }
}

/// Writes `coalition.toml` with every worksheet term commented out, and `organizations.csv`
/// and `partnerships.csv` with their headers and the worksheet's examples as comment lines.
/// The folder loads as it is (a coalition with no organizations yet).
pub fn write_template_folder(folder: &Path) -> Result<(), WriteError> {
    std::fs::create_dir_all(folder).map_err(|source| WriteError::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    write_atomic(&folder.join("coalition.toml"), template_toml().as_bytes())?;
    for (name, bytes) in template_tables() {
        write_atomic(&folder.join(name), &bytes)?;
    }
    Ok(())
}

/// True when `line` is one of the comment lines `init DIR` writes in its CSV files (their
/// instructions and the worksheet's examples), which the readers pass over without a word.
pub(crate) fn is_template_comment(line: &str) -> bool {
    static LINES: OnceLock<HashSet<String>> = OnceLock::new();
    LINES
        .get_or_init(|| {
            template_tables()
                .iter()
                .flat_map(|(_, bytes)| {
                    let text = String::from_utf8_lossy(bytes).into_owned();
                    let comments: Vec<String> = text
                        .lines()
                        .filter(|l| l.starts_with('#'))
                        .map(str::to_string)
                        .collect();
                    comments
                })
                .collect()
        })
        .contains(line.trim_end())
}

/// `organizations.csv` and `partnerships.csv` of the template folder: headers, instructions
/// and the worksheet's examples as comment lines.
fn template_tables() -> [(&'static str, Vec<u8>); 2] {
    let organizations = [&TABLE1, &TABLE2]
        .iter()
        .flat_map(|sheet| sheet.examples.iter().map(move |e| (*sheet, *e)))
        .map(|(sheet, example)| {
            ORGANIZATION_COLUMNS
                .iter()
                .map(|field| match *field {
                    "id" => slug(&unexample(example[0])),
                    field => example_value(sheet, example, field)
                        .map(|v| unexample(&v))
                        .or_else(|| notes_of(&unexample(example[0]), field))
                        .unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let organizations = commented_csv(
        "Worksheet Tables 1 to 4: one row per organization. Lists are separated by ;. The status is member (the convener), existing (Table 1), potential (Table 2) or keep-informed. Remove the # of a line to use it.",
        ORGANIZATION_COLUMNS,
        organizations,
    );
    let partnerships = PARTNERSHIPS
        .examples
        .iter()
        .map(|example| {
            PARTNERSHIP_COLUMNS
                .iter()
                .map(|field| match example_value(&PARTNERSHIPS, example, field) {
                    Some(v) if *field == "source" || *field == "target" => slug(&unexample(&v)),
                    other => other.unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let partnerships = commented_csv(
        "One row per partnership: the ids (or names) of two organizations, the kind, the strength 1 to 3.",
        PARTNERSHIP_COLUMNS,
        partnerships,
    );
    [
        ("organizations.csv", organizations),
        ("partnerships.csv", partnerships),
    ]
}

/// Writes an imported directory as a project folder whose `coalition.toml` says what is
/// still to fill in (the convener and the priorities).
pub fn write_imported(coalition: &Coalition, folder: &Path) -> Result<(), WriteError> {
    write_folder(coalition, folder)?;
    let toml = format!(
        "# Imported from a directory. Still to fill in (docs/start.md):\n\
         # - convener = \"the-id-of-your-organization\" (add it to organizations.csv, status member);\n\
         # - [priorities]: the populations, domains and assets your coalition cares most about\n\
         #   (docs/vocabulary.md lists the worksheet's); then run partnermap gaps on this folder.\n{}",
        coalition_toml(coalition, &coalition.vocabulary())
    );
    write_atomic(&folder.join("coalition.toml"), toml.as_bytes())
}

/// The example cell of a sheet's column that holds `field`.
fn example_value(sheet: &Sheet, example: &[&str], field: &str) -> Option<String> {
    let at = sheet.columns.iter().position(|c| c.field == field)?;
    Some(example[at].to_string()).filter(|v| !v.is_empty())
}

/// Table 3's example notes about the organization `name`.
fn notes_of(name: &str, field: &str) -> Option<String> {
    TABLE3
        .examples
        .iter()
        .find(|e| unexample(e[0]) == name)
        .and_then(|e| example_value(&TABLE3, e, field))
}

/// A cell without its "Example:" marker.
fn unexample(cell: &str) -> String {
    cell.strip_prefix(EXAMPLE)
        .unwrap_or(cell)
        .trim()
        .to_string()
}

/// A CSV file: a comment line, the header, then each row as a comment line.
fn commented_csv(comment: &str, header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut out = format!("# {comment}\n").into_bytes();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).expect("writing to memory");
    out.extend(writer.into_inner().expect("writing to memory"));
    for row in rows {
        let mut writer = csv::Writer::from_writer(b"# ".to_vec());
        writer.write_record(&row).expect("writing to memory");
        out.extend(writer.into_inner().expect("writing to memory"));
    }
    out
}

/// `coalition.toml` with the worksheet's Part 1 questions and every term, commented out.
fn template_toml() -> String {
    let mut out = String::from(
        "# Worksheet Part 1: your coalition's needs. Remove the # before each term that applies.\n\
         # Terms may also be written as their short forms (ELL, PWD, low-income; docs/vocabulary.md).\n\
         name = \"Our Mobility Coalition\"\n\
         # The id (or name) of the convening organization in organizations.csv:\n\
         # convener = \"forest-city-workforce-development-board\"\n\
         # The date the data describes:\n\
         # as_of = \"2026-11-01\"\n\n[priorities]\n",
    );
    let questions = [
        "Which groups in your community face the greatest barriers to upward mobility?",
        "Which areas are of greatest concern in your community?",
        "What assets does your coalition need?",
    ];
    let vocabulary = Vocabulary::builtin();
    for (kind, question) in TermKind::ALL.into_iter().zip(questions) {
        out += &format!("# {question}\n{} = [\n", kind.plural());
        for term in vocabulary.terms(kind) {
            out += &format!("  # {},\n", toml_string(&term.label));
        }
        out += "]\n";
    }
    out += "\n# Terms of your own (\"Other\" in the worksheet), e.g.\n# [vocabulary]\n# populations = [\"Veterans\"]\n";
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_folder_loads_and_its_examples_load_once_uncommented() {
        let dir = tempfile::tempdir().unwrap();
        write_template_folder(dir.path()).unwrap();
        let loaded = crate::load(dir.path()).unwrap();
        assert_eq!(loaded.coalition.name, "Our Mobility Coalition");
        // Its own instructions and commented examples are no news to the reader.
        assert!(
            loaded
                .warnings
                .iter()
                .all(|w| !w.message.contains(" with # ")),
            "{:?}",
            loaded.warnings
        );
        assert!(loaded.coalition.organizations.is_empty());
        let path = dir.path().join("coalition.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("  # ", "  ")).unwrap();
        for file in ["organizations.csv", "partnerships.csv"] {
            let path = dir.path().join(file);
            let text = std::fs::read_to_string(&path).unwrap();
            let (comment, rows) = text.split_once('\n').unwrap();
            assert!(comment.starts_with("# "));
            std::fs::write(&path, rows.replace("\n# ", "\n")).unwrap();
        }
        let loaded = crate::load(dir.path()).unwrap();
        let coalition = &loaded.coalition;
        let names: Vec<&str> = coalition
            .organizations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Forest City Asset Builders",
                "Forest City Community College"
            ]
        );
        assert_eq!(
            coalition.organizations[0].aligned_initiatives.as_deref(),
            Some("Wealth-Building for All campaign")
        );
        assert_eq!(coalition.priorities.domains.len(), 24);
        assert_eq!(coalition.partnerships.len(), 1);
    }
}
