//! `iam-policy`: the command-line tool of iam-policy. Checks, evaluates, tests, formats and
//! converts AWS IAM policies with the validator and the semantics of the `policy!` macro.
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

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::status::Status;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
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
