//! Pajek networks (`.net`) and projects (`.paj`): `*Vertices N` (or `*Vertices N M` for a
//! two-mode network whose first M vertices are the first mode), ties as `*Edges`, `*Arcs`,
//! `*Edgeslist`, `*Arcslist` or `*Matrix` (optionally `:k "relation"`), several `*Network`s,
//! and `*Partition` / `*Vector` values kept as organization attributes. The `.clu` and `.vec`
//! beside a `.net` (or a UCINET file, which reads them through [`read_companions`]) are read too
//! ([`companion`] says which). docs/formats/pajek.md says what maps to what.

use super::network::{
    parse_weight, too_many_vertices_hint, vertex_count_fits, Network, Tie, WEIGHT_HINT,
};
use super::{read_text, Read};
use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod parse;
use parse::*;

/// Reads a `.net` or `.paj` file (and, for a `.net`, the `.clu` and `.vec` of the same stem
/// beside it).
pub(super) fn read_pajek(path: &Path) -> Read {
    let mut network = Network::new(path);
    let Some(text) = read_text(path, &mut network.diagnostics) else {
        return Read::failed(network.origins, network.diagnostics);
    };
    let project = parse(&network.file, &text, None, &mut network.diagnostics);
    let vertex_maps = build(&project, &mut network);
    let file = network.file.clone();
    apply_values(&project.values, &vertex_maps, &file, &mut network);
    let is_net = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("net"));
    if is_net {
        read_companions(path, &vertex_maps, &mut network);
    }
    network.finish()
}

/// How many leading letters a companion's stem shares with its network's (`Knok` of
/// `KnokSec.clu` and `KnokBur.DAT`), when it has another stem.
const SHARED_PREFIX: usize = 4;

/// The partition or vector file (`extension` `clu` or `vec`, either case) that describes the
/// network in `path`: `STEM.clu` beside it; else the one file of that extension in the same
/// folder whose stem starts with the same four letters (case ignored), as the UCINET and Pajek
/// data sets name theirs (`KnokSec.clu` beside `KnokBur.DAT`), flagged `true` (a guess).
/// Several such files are a warning, and none is read.
fn companion(path: &Path, extension: &str, network: &mut Network) -> Option<(PathBuf, bool)> {
    let same_stem = [extension.to_string(), extension.to_ascii_uppercase()]
        .iter()
        .map(|e| path.with_extension(e))
        .find(|p| p.is_file());
    if let Some(beside) = same_stem {
        return Some((beside, false));
    }
    let prefix = |p: &Path| -> Option<String> {
        let stem = p.file_stem()?.to_str()?.to_lowercase();
        (stem.chars().count() >= SHARED_PREFIX).then(|| stem.chars().take(SHARED_PREFIX).collect())
    };
    let wanted = prefix(path)?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut found: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case(extension))
        })
        .filter(|p| p.is_file() && prefix(p).as_ref() == Some(&wanted))
        .collect();
    found.sort();
    match found.len() {
        0 => None,
        1 => found.pop().map(|p| (p, true)),
        _ => {
            let names: Vec<String> = found
                .iter()
                .filter_map(|p| Some(p.file_name()?.to_str()?.to_string()))
                .collect();
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("network");
            network.diagnostics.push(
                Diagnostic::warning(
                    &network.file,
                    format!(
                        "several .{extension} files could describe this network ({}); none is read",
                        names.join(", ")
                    ),
                )
                .with_hint(format!("name the one that does {stem}.{extension}")),
            );
            None
        }
    }
}

/// Reads the `.clu` and `.vec` that describe the network in `path` ([`companion`]) as
/// organization attributes; `vertex_maps[0]` gives the organization of each vertex.
pub(super) fn read_companions(path: &Path, vertex_maps: &[Vec<usize>], network: &mut Network) {
    for (extension, kind) in [("clu", Kind::Partition), ("vec", Kind::Vector)] {
        if let Some((beside, guessed)) = companion(path, extension, network) {
            read_beside(&beside, guessed, kind, vertex_maps, network);
        }
    }
}

/// Reads a `.clu` or `.vec` for the network before it. One found by its stem's first letters
/// only (`guessed`) that gives another number of vertices is not this network's: a warning.
fn read_beside(
    beside: &Path,
    guessed: bool,
    kind: Kind,
    vertex_maps: &[Vec<usize>],
    network: &mut Network,
) {
    let file = beside.display().to_string();
    let Some(text) = read_text(beside, &mut network.diagnostics) else {
        return;
    };
    let stem = beside
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(kind.word())
        .to_string();
    let project = parse(&file, &text, Some((kind, stem)), &mut network.diagnostics);
    if !project.networks.is_empty() {
        network.diagnostics.push(
            Diagnostic::warning(&file, "the networks in this file are not read")
                .with_hint("only its partition or vector values are kept, for the .net beside it"),
        );
    }
    let vertices = vertex_maps.first().map_or(0, Vec::len);
    if guessed && project.values.iter().any(|v| v.declared != Some(vertices)) {
        network.diagnostics.push(
            Diagnostic::warning(&file, format!("not read: it does not give one value for each of the network's {vertices} vertices"))
                .with_hint("a .clu or .vec with another stem than the network's is read only when it fits"),
        );
        return;
    }
    let values: Vec<Values> = project
        .values
        .into_iter()
        .map(|v| Values {
            network: Some(0),
            ..v
        })
        .collect();
    apply_values(&values, vertex_maps, &file, network);
}

/// The relation name a network's name gives its ties: the part after the last ` : ` (Pajek's
/// `file : network`), or the whole name.
fn network_relation(name: Option<&str>, index: usize) -> String {
    let name = name.unwrap_or("").trim();
    let short = name
        .rsplit_once(" : ")
        .map(|(_, n)| n.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(name);
    if short.is_empty() {
        format!("network {}", index + 1)
    } else {
        short.to_string()
    }
}

/// Makes the organizations and ties; returns, per network, the organization of each vertex.
/// The k-th vertex labelled L in any network is the k-th organization labelled L, so the
/// networks of a project share their organizations.
fn build(project: &Project, network: &mut Network) -> Vec<Vec<usize>> {
    let mut by_label: HashMap<String, Vec<usize>> = HashMap::new();
    let mut maps = Vec::with_capacity(project.networks.len());
    let several = project.networks.len() > 1;
    for (n, net) in project.networks.iter().enumerate() {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut map = Vec::with_capacity(net.count);
        for (v, listed) in net.labels.iter().enumerate() {
            let (label, line) = match listed {
                Some((label, line)) => (label.clone(), Some(*line)),
                None => (default_label(v), None),
            };
            let label = label.as_str();
            let k = seen.entry(label.to_string()).or_insert(0);
            let existing = by_label.get(label).and_then(|orgs| orgs.get(*k)).copied();
            *k += 1;
            let org = existing.unwrap_or_else(|| {
                let org = network.add_organization(label, line);
                by_label.entry(label.to_string()).or_default().push(org);
                org
            });
            if let Some(first) = net.first_mode {
                network.set_mode(org, v >= first);
            }
            map.push(org);
        }
        for tie in &net.ties {
            let relation = tie
                .relation
                .clone()
                .or_else(|| several.then(|| network_relation(net.name.as_deref(), n)));
            network.add_tie(Tie {
                source: map[tie.a],
                target: map[tie.b],
                directed: tie.directed,
                weight: tie.weight,
                relation,
                attributes: Default::default(),
                line: Some(tie.line),
            });
        }
        maps.push(map);
    }
    maps
}

/// The attribute a partition or vector is kept as: its name, or the file stem when the name is
/// a file (`UciNet\KnokSec.clu` → `KnokSec`), or `partition` / `vector` when it has none.
fn attribute_name(values: &Values) -> String {
    let name = values.name.trim();
    let lower = name.to_ascii_lowercase();
    let name = if lower.ends_with(".clu") || lower.ends_with(".vec") {
        let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
        &file[..file.len() - 4]
    } else {
        name
    };
    if name.is_empty() {
        values.kind.word().to_string()
    } else {
        name.to_string()
    }
}

/// Sets each partition's and vector's values as attributes of the organizations of the
/// network it describes.
fn apply_values(values: &[Values], maps: &[Vec<usize>], file: &str, network: &mut Network) {
    for v in values {
        let Some(declared) = v.declared else {
            continue;
        };
        let index = v.network.unwrap_or(0);
        let Some(map) = maps.get(index) else {
            network.diagnostics.push(
                Diagnostic::error(
                    file,
                    format!("the {} \"{}\" describes no network", v.kind.word(), v.name),
                )
                .at_line(Some(v.line))
                .with_hint(
                    "give the network (*Vertices and its ties) before its partitions and vectors",
                ),
            );
            continue;
        };
        if declared != map.len() {
            network.diagnostics.push(
                Diagnostic::error(
                    file,
                    format!(
                        "the {} \"{}\" has *Vertices {declared}, but its network has {} vertices",
                        v.kind.word(),
                        v.name,
                        map.len()
                    ),
                )
                .at_line(Some(v.line))
                .with_hint(
                    "a partition or vector gives one value per vertex of the network before it",
                ),
            );
            continue;
        }
        let name = attribute_name(v);
        for (value, &org) in v.values.iter().zip(map) {
            let shown = v
                .legend
                .get(value)
                .cloned()
                .unwrap_or_else(|| value.clone());
            network.coalition.organizations[org]
                .attributes
                .insert(name.clone(), shown);
        }
    }
}

#[cfg(test)]
mod tests;
