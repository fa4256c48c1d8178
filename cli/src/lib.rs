//! `iam-policy`: the command-line tool of iam-policy. Checks, evaluates, tests, formats and
//! converts AWS IAM policies with the validator and the semantics of the `policy!` macro.
//!
//! The binary's `main` is [`run`]; the library exists so that tests can measure a command's
//! pipeline in-process (the memory of `check`, counted by an allocator).
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod access;
mod check;
mod cli;
mod eval;
mod explain;
mod files;
mod fmt;
mod locate;
mod output;
mod progress;
mod report;
mod status;
mod style;
mod test_cmd;
mod to_rust;
mod usage_error;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::status::Status;

/// `iam-policy check` of one file as the command runs it for each file (read at most
/// `options.max_bytes`, validate, place the findings), its human report written to `out`.
#[doc(hidden)]
pub fn check_one(
    path: &std::path::Path,
    options: &iam_policy_core::validate::Options,
    out: &mut dyn std::io::Write,
) -> Result<(), String> {
    let report = check::check_file(path, options)?;
    output::human::write_report(out, &report, style::Style { enabled: false })
        .map_err(|e| e.to_string())
}

/// Parses the command line and runs the command: the whole of the binary.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            if let Some((message, help)) = usage_error::render(&error) {
                let style = style::Style::stderr(cli::ColorChoice::Auto);
                eprintln!(
                    "{}: {}\n  help: {}",
                    style.red("error"),
                    style::sanitize(&message),
                    style::sanitize(&help)
                );
                return Status::Usage.into();
            }
            // `--help` and `--version` are not errors; clap prints them and tells the status.
            let _ = error.print();
            return if error.use_stderr() {
                Status::Usage.into()
            } else {
                Status::Success.into()
            };
        }
    };
    let color = cli.color;
    let status = match &cli.command {
        Command::Check(args) => check::run(args, color),
        Command::Eval(args) => eval::run(args, color),
        Command::Test(args) => test_cmd::run(args, color),
        Command::Fmt(args) => fmt::run(args, color),
        Command::ToRust(args) => to_rust::run(args, color),
        Command::Explain(args) => explain::run(args, color),
        Command::CheckAccessNotGranted(args) => access::not_granted(args, color),
        Command::CheckNoNewAccess(args) => access::no_new_access(args, color),
        Command::CheckNoPublicAccess(args) => access::no_public_access(args, color),
    };
    status.into()
}
