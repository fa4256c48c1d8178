//! `iam-policy check` on Access Analyzer's security findings: the example of each code's
//! explanation, written to a file and checked as its policy type, gets the code at its severity,
//! and the exit status follows it (a warning fails only with `--deny-warnings`, an error always,
//! a suggestion never).

mod common;

use common::*;
use iam_policy_core::codes::{self, Code};
use iam_policy_core::diagnostic::Severity;
use iam_policy_tests::security::{CODES, example_type_name};

/// The `--policy-type` of an explanation's example, `managed` by default.
fn example_type(code: Code) -> &'static str {
    example_type_name(code).unwrap_or("managed")
}

#[test]
fn check_reports_each_example_with_its_exit_status() {
    let dir = scratch("security");
    for name in CODES {
        let code = codes::lookup(name).unwrap_or_else(|| panic!("{name} is not declared"));
        let file = write(
            &dir,
            &format!("{name}.json"),
            code.example().expect("an example"),
        );
        let file = path_str(&file);
        let args = [
            "check",
            "--format",
            "json",
            "--policy-type",
            example_type(code),
            file,
        ];
        let run = run(&args);
        let findings = run.json();
        let finding = findings
            .as_array()
            .expect("an array")
            .iter()
            .find(|f| f["code"] == *name)
            .unwrap_or_else(|| panic!("{name}: not reported: {findings:#}"));
        assert_eq!(finding["severity"], code.severity().as_str(), "{name}");
        let strict = run_in(
            &dir,
            &[
                "check",
                "--deny-warnings",
                "--policy-type",
                example_type(code),
                file,
            ],
        );
        let fails = code.severity() != Severity::Suggestion;
        assert_eq!(
            strict.status,
            i32::from(fails),
            "{name}: --deny-warnings fails on errors and warnings, not on suggestions"
        );
        if code.severity() != Severity::Error {
            assert!(
                findings
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|f| f["severity"] != "error"),
                "{name}: the example has an error: {findings:#}"
            );
            assert_eq!(run.status, 0, "{name}: a warning alone does not fail");
        } else {
            assert_eq!(run.status, 1, "{name}: an error fails");
        }
    }
}
