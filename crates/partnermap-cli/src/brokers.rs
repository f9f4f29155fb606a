//! `partnermap brokers`: organizations ranked as brokers, each with its reasons.

use crate::output::{self, md, Format};
use partnermap_analysis::brokers::{brokers, network_metrics, Broker, MetricsOptions};
use partnermap_core::Landscape;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    path: &Path,
    top: usize,
    options: MetricsOptions,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path)?;
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    let metrics = network_metrics(&landscape, options);
    let mut list = brokers(&landscape, &metrics);
    list.truncate(top);
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&list)? + "\n",
        Format::Csv => csv(&list)?,
        Format::Md => markdown(&coalition.name, &list),
        Format::Table => table(&coalition.name, &list),
    };
    output::print(&text)
}

fn table(name: &str, list: &[Broker]) -> String {
    let mut out = format!("{name}: brokers\n");
    if list.is_empty() {
        out += "\nNo organization stands between others: every partnership chain is direct.\n";
    }
    for (i, b) in list.iter().enumerate() {
        let cut = if b.articulation_point {
            ", cut point"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\n{}. {} (betweenness {:.3}{cut})",
            i + 1,
            b.name,
            b.betweenness
        );
        for reason in &b.reasons {
            let _ = writeln!(out, "   - {reason}");
        }
    }
    out
}

fn markdown(name: &str, list: &[Broker]) -> String {
    let mut out = format!("# {}: brokers\n\n| # | Organization | Betweenness | Cut point | Why |\n|---|---|---|---|---|\n", md(name));
    for (i, b) in list.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {:.3} | {} | {} |",
            i + 1,
            md(&b.name),
            b.betweenness,
            if b.articulation_point { "yes" } else { "" },
            md(&b.reasons.join("; "))
        );
    }
    out
}

fn csv(list: &[Broker]) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "rank",
        "id",
        "name",
        "betweenness",
        "constraint",
        "articulation_point",
        "partners_of_other_types",
        "communities_reached",
        "reasons",
    ])?;
    for (i, b) in list.iter().enumerate() {
        writer.write_record([
            (i + 1).to_string(),
            b.id.clone(),
            b.name.clone(),
            b.betweenness.to_string(),
            if b.constraint.is_finite() {
                b.constraint.to_string()
            } else {
                String::new()
            },
            b.articulation_point.to_string(),
            b.partners_of_other_types.to_string(),
            b.communities_reached.to_string(),
            b.reasons.join("; "),
        ])?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}
