//! Writing a coalition back out: the project folder people edit and the canonical JSON
//! document, both written atomically so a failure never leaves a half-written file.

use crate::load::{ORGANIZATION_COLUMNS, PARTNERSHIP_COLUMNS};
use crate::model::{Coalition, Organization, Partnership};
use crate::vocabulary::{TermKind, Vocabulary};
use std::io::Write;

mod template;
mod workbook;

use std::path::{Path, PathBuf};
pub use template::{init, write_imported, write_template_folder};
pub use workbook::write_workbook;

/// Writing failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file system refused.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The workbook could not be put together.
    #[error("cannot write the workbook {path}: {source}")]
    Workbook {
        /// The file being written.
        path: PathBuf,
        /// Why.
        source: rust_xlsxwriter::XlsxError,
    },
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// readers see the old file or the new one, never a part.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("out.txt");
/// partnermap_core::write::write_atomic(&path, b"hello").unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello");
/// #[cfg(unix)]
/// {
///     use std::os::unix::fs::PermissionsExt;
///     let mode = std::fs::metadata(&path).unwrap().permissions().mode();
///     assert_eq!(mode & 0o777, 0o644, "readable by others, like any file a person saves");
/// }
/// ```
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    // A temporary file is private (0600); what we write is a report or a map to share, so it
    // gets the permissions of the file it replaces, else the usual rw-r--r--.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(0o644));
        file.as_file().set_permissions(permissions).map_err(io)?;
    }
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// The canonical JSON document, pretty-printed, ending in a newline.
pub fn to_json(coalition: &Coalition) -> String {
    let mut text = serde_json::to_string_pretty(coalition).expect("the model always serialises");
    text.push('\n');
    text
}

/// Writes the project folder form: `coalition.toml`, `organizations.csv`, `partnerships.csv`.
/// Terms are written as their labels, which is what people read and type.
pub fn write_folder(coalition: &Coalition, folder: &Path) -> Result<(), WriteError> {
    std::fs::create_dir_all(folder).map_err(|source| WriteError::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    let vocabulary = coalition.vocabulary();
    write_atomic(
        &folder.join("coalition.toml"),
        coalition_toml(coalition, &vocabulary).as_bytes(),
    )?;
    write_atomic(
        &folder.join("organizations.csv"),
        &organizations_csv(coalition, &vocabulary),
    )?;
    write_atomic(
        &folder.join("partnerships.csv"),
        &partnerships_csv(coalition),
    )?;
    Ok(())
}

pub(crate) fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn toml_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(toml_string).collect();
    format!("[{}]", items.join(", "))
}

pub(crate) fn coalition_toml(coalition: &Coalition, vocabulary: &Vocabulary) -> String {
    let mut out = format!("name = {}\n", toml_string(&coalition.name));
    if let Some(convener) = &coalition.convener {
        out += &format!("convener = {}\n", toml_string(convener));
    }
    if let Some(as_of) = &coalition.as_of {
        out += &format!("as_of = {}\n", toml_string(as_of));
    }
    out += "\n[priorities]\n";
    for kind in TermKind::ALL {
        let labels = coalition
            .priorities
            .terms(kind)
            .iter()
            .map(|id| vocabulary.label(kind, id));
        out += &format!("{} = {}\n", kind.plural(), toml_list(labels));
    }
    if let Some(w) = &coalition.planner {
        out += &format!(
            "\n[planner]\npopulation = {:?}\ndomain = {:?}\nasset = {:?}\ncell = {:?}\ndecay = {:?}\n",
            w.population, w.domain, w.asset, w.cell, w.decay
        );
    }
    if !coalition.vocabulary.is_empty() {
        out += "\n[vocabulary]\n";
        for kind in TermKind::ALL {
            let terms = coalition.vocabulary.terms(kind);
            if terms.is_empty() {
                continue;
            }
            let items: Vec<String> = terms
                .iter()
                .map(|t| {
                    format!(
                        "{{ id = {}, label = {}, aliases = {} }}",
                        toml_string(&t.id),
                        toml_string(&t.label),
                        toml_list(t.aliases.iter().map(String::as_str))
                    )
                })
                .collect();
            out += &format!("{} = [\n  {},\n]\n", kind.plural(), items.join(",\n  "));
        }
    }
    out
}

fn csv_bytes(header: &[&str], rows: Vec<Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).expect("writing to memory");
    for row in rows {
        writer.write_record(&row).expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

fn organizations_csv(coalition: &Coalition, vocabulary: &Vocabulary) -> Vec<u8> {
    let rows = coalition
        .organizations
        .iter()
        .map(|o| {
            ORGANIZATION_COLUMNS
                .iter()
                .map(|field| organization_cell(o, field, vocabulary))
                .collect()
        })
        .collect();
    csv_bytes(ORGANIZATION_COLUMNS, rows)
}

/// An organization's `field` (a column of `organizations.csv`) as written in a cell: terms as
/// their labels separated by `; `, choices as their ids.
pub(crate) fn organization_cell(o: &Organization, field: &str, vocabulary: &Vocabulary) -> String {
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    let number = |o: Option<f64>| o.map(|v| v.to_string()).unwrap_or_default();
    let list = |kind: TermKind| {
        o.terms(kind)
            .iter()
            .map(|id| vocabulary.label(kind, id))
            .collect::<Vec<_>>()
            .join("; ")
    };
    match field {
        "id" => o.id.clone(),
        "name" => o.name.clone(),
        "type" => o.kind.id().to_string(),
        "status" => o.status.id().to_string(),
        "populations" => list(TermKind::Population),
        "domains" => list(TermKind::Domain),
        "assets" => list(TermKind::Asset),
        "aligned_initiatives" => text(&o.aligned_initiatives),
        "motivations" => text(&o.motivations),
        "roles" => text(&o.roles),
        "barriers" => text(&o.barriers),
        "invited_by" => text(&o.invited_by),
        "contact" => text(&o.contact),
        "website" => text(&o.website),
        "city" => text(&o.location.city),
        "county" => text(&o.location.county),
        "lat" => number(o.location.lat),
        "lon" => number(o.location.lon),
        "notes" => text(&o.notes),
        _ => String::new(),
    }
}

fn partnerships_csv(coalition: &Coalition) -> Vec<u8> {
    let rows = coalition
        .partnerships
        .iter()
        .map(|p| {
            PARTNERSHIP_COLUMNS
                .iter()
                .map(|field| partnership_cell(p, field))
                .collect()
        })
        .collect();
    csv_bytes(PARTNERSHIP_COLUMNS, rows)
}

/// A partnership's `field` (a column of `partnerships.csv`) as written in a cell.
pub(crate) fn partnership_cell(p: &Partnership, field: &str) -> String {
    match field {
        "source" => p.source.clone(),
        "target" => p.target.clone(),
        "kind" => p.kind.id().to_string(),
        "strength" => p.strength.to_string(),
        "directed" if p.directed => "yes".to_string(),
        "since" => p.since.clone().unwrap_or_default(),
        "notes" => p.notes.clone().unwrap_or_default(),
        "weight" => p.weight.map(|w| w.to_string()).unwrap_or_default(),
        _ => String::new(),
    }
}
