//! Writing a coalition back out: the project folder people edit, the canonical JSON document,
//! and the network files other tools open (GraphML, GEXF, Pajek, UCINET DL, Gephi's CSV),
//! every file written atomically so a failure never leaves a half-written one.

mod gephi;
mod gexf;
mod graphml;
mod kumu;
mod network;
mod pajek;
mod xml;

pub use gephi::gephi_csv;
pub use gexf::gexf;
pub use graphml::graphml;
pub use kumu::kumu_json;
pub use network::Exported;
pub use pajek::{pajek_net, pajek_partition, pajek_types, ucinet_dl};
pub use xml::{escape_markup, xml_escape};

use crate::fields::{self, Column, Table, ATTRIBUTE_PREFIX};
use crate::load::{ORGANIZATION_COLUMNS, PARTNERSHIP_COLUMNS};
use crate::model::Coalition;
use crate::vocabulary::{TermKind, Vocabulary};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writing failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// No format was given and the path's extension names none.
    #[error(
        "{path}: no format has this extension (give one of: {})",
        Format::names()
    )]
    UnknownFormat {
        /// The path to write.
        path: PathBuf,
    },
    /// The format cannot hold what was asked for.
    #[error("{format} cannot hold {what}")]
    Unsupported {
        /// The format.
        format: &'static str,
        /// What it cannot hold.
        what: &'static str,
    },
    /// The file system refused.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl WriteError {
    /// Whether the mistake is in what was asked (an unknown format, a landscape a format cannot
    /// hold) rather than in writing it.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            WriteError::UnknownFormat { .. } | WriteError::Unsupported { .. }
        )
    }
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

/// A format partnermap writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The canonical JSON document (`.json`).
    Json,
    /// The project folder (a path without an extension).
    Folder,
    /// GraphML (`.graphml`).
    Graphml,
    /// GEXF 1.3 (`.gexf`).
    Gexf,
    /// Pajek `.net`, with its `.clu` partitions beside it.
    Pajek,
    /// UCINET DL edgelist1 (`.dl`).
    Dl,
    /// Gephi's spreadsheet import: a folder with `nodes.csv` and `edges.csv`.
    GephiCsv,
    /// Kumu's JSON blueprint (`.kumu.json`, or any name with `--to kumu`).
    Kumu,
}

impl Format {
    /// Every format with its name (as `--to` takes it) and the extension that implies it.
    pub const ALL: &'static [(Format, &'static str, &'static str)] = &[
        (Format::Json, "json", "json"),
        (Format::Folder, "folder", ""),
        (Format::Graphml, "graphml", "graphml"),
        (Format::Gexf, "gexf", "gexf"),
        (Format::Pajek, "pajek", "net"),
        (Format::Dl, "dl", "dl"),
        (Format::GephiCsv, "gephi-csv", ""),
        (Format::Kumu, "kumu", "kumu.json"),
    ];

    /// The format named `name` (`graphml`, `gephi-csv`, …; case ignored).
    pub fn named(name: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(_, n, _)| n.eq_ignore_ascii_case(name))
            .map(|(f, _, _)| *f)
    }

    /// The format a path's extension implies; a path without one is a project folder.
    pub fn of_path(path: &Path) -> Option<Format> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.to_ascii_lowercase().ends_with(".kumu.json") {
            return Some(Format::Kumu);
        }
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        Format::ALL
            .iter()
            .find(|(_, _, e)| e.eq_ignore_ascii_case(extension))
            .map(|(f, _, _)| *f)
    }

    /// The names `--to` takes, for messages.
    pub fn names() -> String {
        let names: Vec<&str> = Format::ALL.iter().map(|(_, n, _)| *n).collect();
        names.join(", ")
    }

    fn name(self) -> &'static str {
        Format::ALL
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("", |(_, n, _)| n)
    }
}

/// Writes `coalition` to `path` in `format` (else the one `path`'s extension names): `extra` adds columns to the organizations
/// (metrics, communities) where the format has room for them (GraphML, GEXF, Gephi CSV, and the
/// `community` partition of Pajek); `landscape` writes the two-mode network of organizations and
/// the terms they provide (GraphML, GEXF and Gephi CSV only).
pub fn export(
    coalition: &Coalition,
    format: Option<Format>,
    path: &Path,
    extra: &[Column],
    landscape: bool,
) -> Result<(), WriteError> {
    let format =
        format
            .or_else(|| Format::of_path(path))
            .ok_or_else(|| WriteError::UnknownFormat {
                path: path.to_path_buf(),
            })?;
    let network = || match landscape {
        true => Exported::landscape(&crate::Landscape::build(coalition), extra),
        false => Exported::coalition(coalition, extra),
    };
    if landscape && !matches!(format, Format::Graphml | Format::Gexf | Format::GephiCsv) {
        return Err(WriteError::Unsupported {
            format: format.name(),
            what: "the two-mode landscape (write .graphml, .gexf or gephi-csv)",
        });
    }
    match format {
        Format::Json => write_atomic(path, to_json(coalition).as_bytes()),
        Format::Folder => write_folder(coalition, path),
        Format::Graphml => write_atomic(path, graphml(&network()).as_bytes()),
        Format::Gexf => write_atomic(path, gexf(&network()).as_bytes()),
        Format::Dl => write_atomic(path, ucinet_dl(coalition).as_bytes()),
        Format::Kumu => write_atomic(path, kumu_json(coalition, &network()).as_bytes()),
        Format::Pajek => {
            write_atomic(path, pajek_net(coalition).as_bytes())?;
            write_atomic(
                &path.with_extension("clu"),
                pajek_types(coalition).as_bytes(),
            )?;
            let community = extra.iter().find(|c| c.name == "community");
            if let Some(clu) = community.and_then(pajek_partition) {
                let stem = path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or("network");
                write_atomic(
                    &path.with_file_name(format!("{stem}-community.clu")),
                    clu.as_bytes(),
                )?;
            }
            Ok(())
        }
        Format::GephiCsv => {
            create_folder(path)?;
            let (nodes, edges) = gephi_csv(&network());
            write_atomic(&path.join("nodes.csv"), &nodes)?;
            write_atomic(&path.join("edges.csv"), &edges)
        }
    }
}

fn create_folder(folder: &Path) -> Result<(), WriteError> {
    std::fs::create_dir_all(folder).map_err(|source| WriteError::Io {
        path: folder.to_path_buf(),
        source,
    })
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
    create_folder(folder)?;
    let vocabulary = coalition.vocabulary();
    write_atomic(
        &folder.join("coalition.toml"),
        coalition_toml(coalition, &vocabulary).as_bytes(),
    )?;
    write_atomic(
        &folder.join("organizations.csv"),
        &organizations_csv(coalition),
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

/// A fields table as CSV: extra fields under `attribute:NAME`, a partnership's direction as
/// `yes` or nothing, as people write them in the folder.
fn table_csv(table: &Table) -> Vec<u8> {
    let header: Vec<String> = table
        .columns
        .iter()
        .map(|c| {
            if c.attribute && !c.name.starts_with(ATTRIBUTE_PREFIX) {
                format!("{ATTRIBUTE_PREFIX}{}", c.name)
            } else {
                c.name.clone()
            }
        })
        .collect();
    let directed = table.position("directed");
    let rows = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, value)| match (Some(i) == directed, value.as_deref()) {
                    (true, Some("true")) => "yes".to_string(),
                    (true, _) => String::new(),
                    (false, value) => value.unwrap_or_default().to_string(),
                })
                .collect()
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    csv_bytes(&header, rows)
}

fn organizations_csv(coalition: &Coalition) -> Vec<u8> {
    table_csv(&fields::organizations(coalition, &[], ORGANIZATION_COLUMNS))
}

fn partnerships_csv(coalition: &Coalition) -> Vec<u8> {
    let mut columns = PARTNERSHIP_COLUMNS.to_vec();
    // The relation column only when some partnership has one, as before it existed.
    columns.retain(|&c| c != "relation");
    table_csv(&fields::partnerships(coalition, &columns))
}
