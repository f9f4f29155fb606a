//! `partnermap metrics`: the network metrics contract (docs/metrics.md) as JSON, CSV, Markdown
//! or a terminal table.

use crate::output::{self, md, Format};
use partnermap_analysis::brokers::{
    network_metrics, MetricsOptions, NetworkMetrics, OrganizationFigures,
};
use partnermap_core::Landscape;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, options: MetricsOptions, format: Format) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path)?;
    let metrics = network_metrics(&Landscape::build(&loaded.coalition), options);
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&metrics)? + "\n",
        Format::Csv => String::from_utf8(partnermap_report::tables::metrics(&metrics))?,
        Format::Md => markdown(&loaded.coalition.name, &metrics),
        Format::Table => table(&loaded.coalition.name, &metrics),
    };
    output::print(&text)
}

/// A number for people: NaN (undefined, e.g. constraint of an isolated organization) as "—".
fn number(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.3}")
    } else {
        "—".to_string()
    }
}

fn by_betweenness(metrics: &NetworkMetrics) -> Vec<&OrganizationFigures> {
    let mut list: Vec<&OrganizationFigures> = metrics.organizations.iter().collect();
    list.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then(a.name.cmp(&b.name))
    });
    list
}

fn table(name: &str, metrics: &NetworkMetrics) -> String {
    let mut out = format!("{name}: network metrics\n\n");
    for f in metrics.network.explained() {
        let _ = writeln!(out, "  {:<27} {:>8}  {}", f.key, f.value, f.meaning);
    }
    let _ = writeln!(
        out,
        "\n  {:<44} {:>6} {:>11} {:>9} {:>10} {:>4} {:>9}",
        "organization", "degree", "betweenness", "closeness", "constraint", "cut", "community"
    );
    for o in by_betweenness(metrics) {
        let _ = writeln!(
            out,
            "  {:<44} {:>6} {:>11} {:>9} {:>10} {:>4} {:>9}",
            o.name.chars().take(44).collect::<String>(),
            o.degree,
            number(o.betweenness),
            number(o.closeness),
            number(o.constraint),
            if o.articulation_point { "yes" } else { "" },
            o.community
        );
    }
    out
}

fn markdown(name: &str, metrics: &NetworkMetrics) -> String {
    let mut out = format!(
        "# {}: network metrics\n\n| Figure | Value | What it means |\n|---|---|---|\n",
        md(name)
    );
    for f in metrics.network.explained() {
        let _ = writeln!(out, "| {} | {} | {} |", f.key, f.value, md(&f.meaning));
    }
    out += "\n## Organizations\n\n| Organization | Degree | Betweenness | Closeness | Eigenvector | Constraint | Effective size | Clustering | Core | Cut point | Community |\n|---|---|---|---|---|---|---|---|---|---|---|\n";
    for o in by_betweenness(metrics) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            md(&o.name),
            o.degree,
            number(o.betweenness),
            number(o.closeness),
            number(o.eigenvector),
            number(o.constraint),
            number(o.effective_size),
            number(o.clustering),
            o.core_number,
            if o.articulation_point { "yes" } else { "" },
            o.community
        );
    }
    out
}
