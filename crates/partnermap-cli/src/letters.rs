//! `partnermap letters`: the invite plan's outreach letters, written into a folder at once.

use crate::output::{usage, written};
use partnermap_report::letters::{folder, Template, BUILTIN_TEMPLATE};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct LettersArgs {
    /// Project folder, .json document or source,target .csv edge list.
    #[arg(required_unless_present = "print_template")]
    path: Option<PathBuf>,
    /// The folder to write the letters into (replaced as a whole if it holds earlier letters).
    #[arg(long, value_name = "DIR", required_unless_present = "print_template")]
    out: Option<PathBuf>,
    #[command(flatten)]
    list: crate::cli::InviteList,
    /// Your own minijinja template instead of the built-in one (docs/letters.md).
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Print the built-in template, to start your own from.
    #[arg(long)]
    print_template: bool,
}

pub fn run(a: &LettersArgs) -> anyhow::Result<ExitCode> {
    let (Some(path), Some(out)) = (&a.path, &a.out) else {
        return crate::output::print(BUILTIN_TEMPLATE);
    };
    crate::output::not_input(
        path,
        out,
        "",
        "choose a folder outside the input, e.g. --out letters",
    )?;
    let template = a
        .template
        .as_deref()
        .map_or(Ok(Template::builtin()), Template::read);
    let loaded = crate::output::load(path, None)?;
    let landscape = partnermap_core::Landscape::build(&loaded.coalition);
    let plan = partnermap_analysis::invite::plan(&landscape, a.list.invitations, a.list.exact);
    let files = template.and_then(|t| folder(&landscape, &plan, &t));
    let files = files.map_err(|e| usage(format!("error: {e}")))?;
    written(partnermap_report::output::write_folder(
        out,
        &files,
        "letters folder",
        "letters.csv",
    ))?;
    crate::output::print(&format!("Wrote the letters to {}.\n", out.display()))
}
