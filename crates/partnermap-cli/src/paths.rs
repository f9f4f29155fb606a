//! `partnermap paths`: for an underserved population, domain or asset, the organizations
//! outside the coalition that provide it and the warm-introduction chains to them.

use crate::output::{self, md, Format};
use partnermap_analysis::introductions::{introductions, Introduction};
use partnermap_core::{Landscape, TermKind};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

pub fn run(path: &Path, term: (TermKind, &str), format: Format) -> anyhow::Result<ExitCode> {
    let loaded = output::load(path)?;
    let coalition = &loaded.coalition;
    let landscape = Landscape::build(coalition);
    let (kind, text) = term;
    let vocabulary = landscape.vocabulary();
    let term = vocabulary
        .resolve(kind, text)
        .map_err(|suggestion| {
            output::usage(output::problem(
                &format!("--{}", kind.noun()),
                text,
                &format!("unknown {kind}"),
                suggestion.as_deref(),
            ))
        })?
        .clone();
    let Some(found) = introductions(&landscape, kind, &term.id) else {
        return Err(output::usage(
            "error: warm introductions start from the convener, and this coalition has none\n  hint: add convener = \"your-organization-id\" to coalition.toml".to_string(),
        ));
    };
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&found)? + "\n",
        Format::Csv => csv(&landscape, &found)?,
        Format::Md => markdown(&landscape, &term.label, &found),
        Format::Table => table(&landscape, &term.label, &found),
    };
    output::print(&text)
}

fn name<'a>(landscape: &Landscape<'a>, id: &'a str) -> &'a str {
    landscape
        .organization(id)
        .map(|i| landscape.coalition().organizations[i].name.as_str())
        .unwrap_or(id)
}

fn chain(landscape: &Landscape, found: &Introduction) -> String {
    found
        .path
        .iter()
        .map(|id| name(landscape, id))
        .collect::<Vec<_>>()
        .join(" → ")
}

fn table(landscape: &Landscape, label: &str, found: &[Introduction]) -> String {
    let mut out =
        format!("{label}: organizations outside the coalition, and who can introduce you\n");
    if found.is_empty() {
        out += "\nNo potential or keep-informed organization provides it: look beyond the current list.\n";
    }
    for f in found {
        let target = name(landscape, &f.target_id);
        match (&f.introducer, f.length) {
            (Some(introducer), Some(length)) => {
                let _ = writeln!(
                    out,
                    "\n{target}\n  introduced by {} ({length} step{}, weakest tie {})\n  {}",
                    name(landscape, introducer),
                    if length == 1 { "" } else { "s" },
                    f.weakest_tie.unwrap_or_default(),
                    chain(landscape, f)
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "\n{target}\n  no chain of partnerships from the convener: a cold introduction"
                );
            }
        }
    }
    out
}

fn markdown(landscape: &Landscape, label: &str, found: &[Introduction]) -> String {
    let mut out = format!("# Warm introductions: {}\n\n| Organization | Introduced by | Steps | Weakest tie | Chain |\n|---|---|---|---|---|\n", md(label));
    for f in found {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            md(name(landscape, &f.target_id)),
            f.introducer
                .as_deref()
                .map(|i| md(name(landscape, i)))
                .unwrap_or_else(|| "—".into()),
            f.length
                .map(|l| l.to_string())
                .unwrap_or_else(|| "—".into()),
            f.weakest_tie
                .map(|w| w.to_string())
                .unwrap_or_else(|| "—".into()),
            if f.path.is_empty() {
                "no chain".to_string()
            } else {
                md(&chain(landscape, f))
            }
        );
    }
    out
}

fn csv(landscape: &Landscape, found: &[Introduction]) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "target_id",
        "target",
        "introducer_id",
        "steps",
        "weakest_tie",
        "total_strength",
        "chain",
    ])?;
    for f in found {
        writer.write_record([
            f.target_id.clone(),
            name(landscape, &f.target_id).to_string(),
            f.introducer.clone().unwrap_or_default(),
            f.length.map(|l| l.to_string()).unwrap_or_default(),
            f.weakest_tie.map(|w| w.to_string()).unwrap_or_default(),
            f.total_strength.map(|w| w.to_string()).unwrap_or_default(),
            f.path.join(" > "),
        ])?;
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}
