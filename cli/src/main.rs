//! `iam-policy`: the command-line tool of iam-policy (the library's [`iam_policy_cli::run`]).
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    iam_policy_cli::run()
}
