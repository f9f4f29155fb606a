//! `partnermap validate`: load, then print the summary or the problems.

use anyhow::Context;
use partnermap_core::model::Summary;
use partnermap_core::{Landscape, TermKind};
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
    let vocabulary = coalition.vocabulary();
    println!("{}: valid", coalition.name);
    println!(
        "  {} organizations, {} partnerships",
        summary.organizations, summary.partnerships
    );
    if let Some(convener) = &coalition.convener {
        let name = landscape
            .organization(convener)
            .map(|i| coalition.organizations[i].name.as_str())
            .unwrap_or(convener);
        println!("  convener: {name}");
    }
    println!("\nOrganizations by type:");
    for (kind, n) in &summary.by_type {
        println!("  {n:>4}  {kind}");
    }
    println!("\nOrganizations by status:");
    for (status, n) in &summary.by_status {
        println!("  {n:>4}  {status}");
    }
    if !summary.by_kind.is_empty() {
        println!("\nPartnerships by kind:");
        for (kind, n) in &summary.by_kind {
            println!("  {n:>4}  {kind}");
        }
    }
    let any_priority = TermKind::ALL
        .iter()
        .any(|&k| !coalition.priorities.terms(k).is_empty());
    if any_priority {
        println!("\nPriorities:");
        for kind in TermKind::ALL {
            let labels: Vec<&str> = coalition
                .priorities
                .terms(kind)
                .iter()
                .map(|id| vocabulary.label(kind, id))
                .collect();
            if !labels.is_empty() {
                println!("  {}: {}", kind.plural(), labels.join("; "));
            }
        }
    }
    if let Some(out) = json {
        partnermap_core::write::write_atomic(
            out,
            partnermap_core::write::to_json(coalition).as_bytes(),
        )
        .with_context(|| format!("writing the JSON document to {}", out.display()))?;
        println!("\nWrote {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
