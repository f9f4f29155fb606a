//! The `partnermap` command. It parses arguments, calls the libraries and prints; the work
//! itself lives in partnermap-core, partnermap-analysis and partnermap-render.
//!
//! This is the only crate that knows about terminals, colours and exit codes: 0 for success,
//! 2 for invalid input, 1 for any other failure.

mod brokers;
mod cli;
mod convert;
mod diff;
mod gaps;
mod invite;
mod letters;
mod map;
mod metrics;
mod output;
mod paths;
mod report;
mod validate;

use clap::Parser;
use std::process::ExitCode;

/// Exit code for input that failed validation.
const EXIT_INVALID_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(code) => code,
        Err(error) => {
            if let Some(invalid) = error.downcast_ref::<partnermap_core::LoadError>() {
                for diagnostic in &invalid.diagnostics {
                    eprintln!("{diagnostic}");
                }
                eprintln!("{invalid}: nothing was analysed.");
                return ExitCode::from(EXIT_INVALID_INPUT);
            }
            if let Some(usage) = error.downcast_ref::<output::UsageError>() {
                for problem in &usage.0 {
                    eprintln!("{problem}");
                }
                return ExitCode::from(EXIT_INVALID_INPUT);
            }
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
