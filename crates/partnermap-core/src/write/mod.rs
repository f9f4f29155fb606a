//! Writing a coalition back out: the project folder people edit, the canonical JSON document,
//! and the network files other tools open (GraphML, GEXF, Pajek, UCINET DL, Gephi's CSV),
//! every file written atomically so a failure never leaves a half-written one; and the two
//! atomic writes every output goes through, of one file ([`write_atomic`]) and of a folder as a
//! whole ([`replace_folder`]).

mod gephi;
mod gexf;
mod graphml;
mod kumu;
mod network;
mod pajek;
mod template;
mod workbook;
mod xml;

pub use gephi::gephi_csv;
pub use gexf::gexf;
pub use graphml::graphml;
pub use kumu::{kumu_json, kumu_xlsx};
pub use network::Exported;
pub use pajek::{pajek_net, pajek_partition, pajek_types, ucinet_dl};
pub(crate) use template::is_template_comment;
pub use template::{init, write_imported, write_template_folder};
pub use workbook::write_workbook;
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
    #[error("cannot write {path}")]
    Io {
        /// The file being written.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The workbook could not be put together.
    #[error("cannot write the workbook {path}")]
    Workbook {
        /// The file being written.
        path: PathBuf,
        /// Why.
        source: rust_xlsxwriter::XlsxError,
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
    let _interrupts = interrupts::defer();
    let io = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    clear_leftovers(folder, &name, path).map_err(io)?;
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}.partial-{}-", std::process::id()))
        .tempfile_in(folder)
        .map_err(io)?;
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
    /// Kumu's workbook, sheets Elements and Connections (`.kumu.xlsx`, or `--to kumu-xlsx`).
    KumuXlsx,
    /// The worksheet as a fill-in workbook (`.xlsx`), as `partnermap init` writes it, with the
    /// coalition's data in Part 1, Tables 1 to 4 and Partnerships.
    Workbook,
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
        (Format::KumuXlsx, "kumu-xlsx", "kumu.xlsx"),
        (Format::Workbook, "workbook", "xlsx"),
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
        let name = name.to_ascii_lowercase();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let found = |implies: &dyn Fn(&str) -> bool| {
            Format::ALL
                .iter()
                .find(|(_, _, e)| implies(e))
                .map(|(f, _, _)| *f)
        };
        // A double extension (`.kumu.json`) first, then the plain one.
        found(&|e| e.contains('.') && name.ends_with(&format!(".{e}")))
            .or_else(|| found(&|e| e.eq_ignore_ascii_case(extension)))
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
        Format::KumuXlsx => match kumu_xlsx(coalition, &network()) {
            Ok(bytes) => write_atomic(path, &bytes),
            Err(source) => Err(WriteError::Workbook {
                path: path.to_path_buf(),
                source,
            }),
        },
        Format::Workbook => write_workbook(coalition, path),
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

/// One file of a folder written as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// Path relative to the folder, with `/` separators.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// Writes `files` as the folder `out`, replacing what was there, all at once: the files go
/// into a hidden folder beside `out` (`.NAME.partial-…`), each synced to disk, which then takes
/// `out`'s place. On Linux the two folders are exchanged in one step (`renameat2`), so a reader,
/// or a run killed at any moment, finds the previous folder or the new one whole; elsewhere the
/// previous folder steps aside for the moment between two renames. Leftovers of a run that was
/// killed (a staging folder, a previous folder set aside) are cleared, or put back, first.
/// Callers decide whether `out` may be replaced at all.
///
/// ```
/// use partnermap_core::write::{replace_folder, File};
/// let dir = tempfile::tempdir().unwrap();
/// let out = dir.path().join("report");
/// let files = [File { path: "maps/a.dot".into(), bytes: b"digraph {}".to_vec() },
///              File { path: "report.html".into(), bytes: b"<!DOCTYPE html>".to_vec() }];
/// replace_folder(&out, &files).unwrap();
/// replace_folder(&out, &files[1..]).unwrap();
/// assert!(out.join("report.html").exists() && !out.join("maps").exists());
/// assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "nothing left beside it");
/// ```
pub fn replace_folder(out: &Path, files: &[File]) -> Result<(), WriteError> {
    let _interrupts = interrupts::defer();
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WriteError::Io { path, source }
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = out
        .file_name()
        .map_or("output".into(), |n| n.to_string_lossy().into_owned());
    clear_leftovers(parent, &name, out).map_err(io(parent))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.partial-{}-", std::process::id()))
        .tempdir_in(parent)
        .map_err(io(parent))?;
    for file in files {
        let path = staging.path().join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io(folder))?;
        }
        let mut written = std::fs::File::create(&path).map_err(io(&path))?;
        written.write_all(&file.bytes).map_err(io(&path))?;
        written.sync_all().map_err(io(&path))?;
    }
    if !out.exists() {
        std::fs::rename(staging.path(), out).map_err(io(out))?;
        // Renamed away: there is nothing left for the guard to delete.
        let _ = staging.keep();
    } else if exchange(staging.path(), out).map_err(io(out))? {
        // The staging folder now holds the previous output, which its guard deletes.
    } else {
        // A folder cannot be renamed over a non-empty one, so the previous output steps aside
        // first and comes back if the new one cannot take its place.
        let aside = parent.join(format!(".{name}.old-{}", std::process::id()));
        std::fs::rename(out, &aside).map_err(io(out))?;
        if let Err(e) = std::fs::rename(staging.path(), out) {
            let _ = std::fs::rename(&aside, out);
            return Err(io(out)(e));
        }
        let _ = staging.keep();
        std::fs::remove_dir_all(&aside).map_err(io(&aside))?;
    }
    // The renames are durable once the folder that holds them is.
    if let Ok(folder) = std::fs::File::open(parent) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP held back while a write is under way, so that an
/// interrupted run ends after its write is complete and its staging files are gone; a signal
/// that came meanwhile is raised again when the write is done. (SIGKILL cannot be held back:
/// what it leaves, the next write clears.)
#[cfg(unix)]
mod interrupts {
    use std::sync::atomic::{AtomicI32, Ordering};

    const SIGNALS: [libc::c_int; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];
    static PENDING: AtomicI32 = AtomicI32::new(0);

    extern "C" fn hold(signal: libc::c_int) {
        PENDING.store(signal, Ordering::SeqCst);
    }

    /// Puts back the actions in place before, then raises a signal that came meanwhile.
    pub(super) struct Deferred([libc::sigaction; 3]);

    pub(super) fn defer() -> Deferred {
        // SAFETY: `hold` only stores to an atomic, which is async-signal-safe; the previous
        // actions are read into zeroed structs and restored by `drop`.
        unsafe {
            let mut previous: [libc::sigaction; 3] = std::mem::zeroed();
            for (signal, old) in SIGNALS.iter().zip(previous.iter_mut()) {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = hold as extern "C" fn(libc::c_int) as libc::sighandler_t;
                libc::sigaction(*signal, &action, old);
            }
            Deferred(previous)
        }
    }

    impl Drop for Deferred {
        fn drop(&mut self) {
            // SAFETY: restores the actions `defer` saved.
            unsafe {
                for (signal, old) in SIGNALS.iter().zip(self.0.iter()) {
                    libc::sigaction(*signal, old, std::ptr::null_mut());
                }
                match PENDING.swap(0, Ordering::SeqCst) {
                    0 => {}
                    signal => {
                        libc::raise(signal);
                    }
                }
            }
        }
    }
}

#[cfg(not(unix))]
mod interrupts {
    pub(super) fn defer() {}
}

/// Swaps the folders `a` and `b` in one step; `Ok(false)` where the system or the file system
/// cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c =
        |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are NUL-terminated strings that live across the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if done == 0 {
        return Ok(true);
    }
    let error = std::io::Error::last_os_error();
    match error.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
        _ => Err(error),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Clears what a killed run of [`write_atomic`] or [`replace_folder`] left beside `out` (a run
/// still going, named by its process id, is left alone): staging files and folders are
/// deleted; a previous output set aside is put back if `out` is missing, else deleted.
fn clear_leftovers(parent: &Path, name: &str, out: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(parent)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&format!(".{name}.")))
        else {
            continue;
        };
        let (set_aside, pid) = match (rest.strip_prefix("old-"), rest.strip_prefix("partial-")) {
            (Some(pid), _) => (true, pid),
            (_, Some(pid)) => (false, pid),
            _ => continue,
        };
        let pid = pid.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(running) {
            continue;
        }
        if set_aside && !out.exists() {
            std::fs::rename(entry.path(), out)?;
        } else if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Whether process `pid` (other than this one) is running.
fn running(pid: u32) -> bool {
    pid != std::process::id() && Path::new("/proc").join(pid.to_string()).exists()
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
    if let Some(purpose) = &coalition.purpose {
        out += &format!("purpose = {}\n", toml_string(purpose));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn what_a_killed_run_left_is_cleared_and_a_report_set_aside_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("report");
        // A run killed between its two renames (where folders cannot be exchanged): the
        // previous report set aside, no report in its place, and a staging folder.
        let aside = dir.path().join(".report.old-4000000");
        std::fs::create_dir_all(&aside).unwrap();
        std::fs::write(aside.join("report.html"), "previous").unwrap();
        std::fs::create_dir_all(dir.path().join(".report.partial-4000000-x1/maps")).unwrap();
        std::fs::write(dir.path().join(".report.html.partial-4000000-y2"), "half").unwrap();
        // An unrelated hidden file stays.
        std::fs::write(dir.path().join(".reports-of-mine"), "mine").unwrap();
        clear_leftovers(dir.path(), "report", &out).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("report.html")).unwrap(),
            "previous"
        );
        assert_eq!(
            names(dir.path()),
            [
                ".report.html.partial-4000000-y2",
                ".reports-of-mine",
                "report"
            ]
        );
        // A leftover of a file's atomic write is cleared by the next write of that file.
        write_atomic(&dir.path().join("report.html"), b"new").unwrap();
        assert_eq!(
            names(dir.path()),
            [".reports-of-mine", "report", "report.html"]
        );
        // A run still going (process 1 always is) keeps its staging folder.
        let going = dir.path().join(".report.partial-1-z3");
        std::fs::create_dir(&going).unwrap();
        let files = [File {
            path: "report.html".into(),
            bytes: b"new".to_vec(),
        }];
        replace_folder(&out, &files).unwrap();
        assert!(going.exists());
        assert_eq!(names(&out), ["report.html"]);
    }
}
