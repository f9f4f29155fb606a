//! The `partnermap` command. It parses arguments, calls the libraries and prints; the work
//! itself lives in partnermap-core, partnermap-analysis and partnermap-render.
//!
//! This is the only crate that knows about terminals, colours and exit codes: 0 for success,
//! 2 for invalid input, 1 for any other failure.

mod answers;
mod cli;
mod files;
mod output;

use clap::Parser;
use std::process::ExitCode;

/// Exit code for input that failed validation.
const EXIT_INVALID_INPUT: u8 = 2;

fn main() -> ExitCode {
    let Err(error) = cli::run(cli::Cli::parse()) else {
        return ExitCode::SUCCESS;
    };
    if let Some(invalid) = error.downcast_ref::<partnermap_core::LoadError>() {
        invalid.diagnostics.iter().for_each(|d| eprintln!("{d}"));
        eprintln!("{invalid}: nothing was analysed.");
    } else if let Some(usage) = error.downcast_ref::<output::UsageError>() {
        eprintln!("{usage}");
    } else {
        eprintln!("error: {error:#}");
        return ExitCode::FAILURE;
    }
    ExitCode::from(EXIT_INVALID_INPUT)
}
