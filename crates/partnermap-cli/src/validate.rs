//! `partnermap validate`: load, then print the summary or the problems.

use anyhow::Context;
use partnermap_core::model::Summary;
use partnermap_core::{Landscape, TermKind};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, json: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded = partnermap_core::load(path)?;
    for warning in &loaded.warnings {
        eprintln!("{warning}");
    }
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    let summary = Summary::of(coalition);
    let vocabulary = landscape.vocabulary();
    let mut out = String::new();
    let _ = writeln!(out, "{}: valid", coalition.name);
    let _ = writeln!(
        out,
        "  {} organizations, {} partnerships",
        summary.organizations, summary.partnerships
    );
    if let Some(convener) = &coalition.convener {
        let name = landscape
            .organization(convener)
            .map(|i| coalition.organizations[i].name.as_str())
            .unwrap_or(convener);
        let _ = writeln!(out, "  convener: {name}");
    }
    let _ = writeln!(out, "\nOrganizations by type:");
    for (kind, n) in &summary.by_type {
        let _ = writeln!(out, "  {n:>4}  {kind}");
    }
    let _ = writeln!(out, "\nOrganizations by status:");
    for (status, n) in &summary.by_status {
        let _ = writeln!(out, "  {n:>4}  {status}");
    }
    if !summary.by_kind.is_empty() {
        let _ = writeln!(out, "\nPartnerships by kind:");
        for (kind, n) in &summary.by_kind {
            let _ = writeln!(out, "  {n:>4}  {kind}");
        }
    }
    let any_priority = TermKind::ALL
        .iter()
        .any(|&k| !coalition.priorities.terms(k).is_empty());
    if any_priority {
        let _ = writeln!(out, "\nPriorities:");
        for kind in TermKind::ALL {
            let labels: Vec<&str> = coalition
                .priorities
                .terms(kind)
                .iter()
                .map(|id| vocabulary.label(kind, id))
                .collect();
            if !labels.is_empty() {
                let _ = writeln!(out, "  {}: {}", kind.plural(), labels.join("; "));
            }
        }
    }
    if let Some(path) = json {
        partnermap_core::write::write_atomic(
            path,
            partnermap_core::write::to_json(coalition).as_bytes(),
        )
        .with_context(|| format!("writing the JSON document to {}", path.display()))?;
        let _ = writeln!(out, "\nWrote {}", path.display());
    }
    crate::output::print(&out)
}
