//! Writing a coalition back out: the project folder people edit and the canonical JSON
//! document, both written atomically so a failure never leaves a half-written file.

use crate::load::{ORGANIZATION_COLUMNS, PARTNERSHIP_COLUMNS};
use crate::model::Coalition;
use crate::vocabulary::{TermKind, Vocabulary};
use std::io::Write;
use std::path::{Path, PathBuf};

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

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn toml_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(toml_string).collect();
    format!("[{}]", items.join(", "))
}

fn coalition_toml(coalition: &Coalition, vocabulary: &Vocabulary) -> String {
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
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    let number = |o: Option<f64>| o.map(|v| v.to_string()).unwrap_or_default();
    let rows = coalition
        .organizations
        .iter()
        .map(|o| {
            let list = |kind: TermKind| {
                o.terms(kind)
                    .iter()
                    .map(|id| vocabulary.label(kind, id))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            vec![
                o.id.clone(),
                o.name.clone(),
                o.kind.id().to_string(),
                o.status.id().to_string(),
                list(TermKind::Population),
                list(TermKind::Domain),
                list(TermKind::Asset),
                text(&o.aligned_initiatives),
                text(&o.motivations),
                text(&o.roles),
                text(&o.barriers),
                text(&o.invited_by),
                text(&o.contact),
                text(&o.website),
                text(&o.location.city),
                text(&o.location.county),
                number(o.location.lat),
                number(o.location.lon),
                text(&o.notes),
            ]
        })
        .collect();
    csv_bytes(ORGANIZATION_COLUMNS, rows)
}

fn partnerships_csv(coalition: &Coalition) -> Vec<u8> {
    let rows = coalition
        .partnerships
        .iter()
        .map(|p| {
            vec![
                p.source.clone(),
                p.target.clone(),
                p.kind.id().to_string(),
                p.strength.to_string(),
                if p.directed {
                    "yes".to_string()
                } else {
                    String::new()
                },
                p.since.clone().unwrap_or_default(),
                p.notes.clone().unwrap_or_default(),
                p.weight.map(|w| w.to_string()).unwrap_or_default(),
                p.trust.map(|x| x.to_string()).unwrap_or_default(),
                p.value.map(|x| x.to_string()).unwrap_or_default(),
                p.frequency.map(|f| f.id().to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    csv_bytes(PARTNERSHIP_COLUMNS, rows)
}
