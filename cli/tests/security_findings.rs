//! `iam-policy check` on Access Analyzer's security findings: the example of each code's
//! explanation, written to a file and checked as its policy type, gets the code at its severity,
//! and the exit status follows it (a warning fails only with `--deny-warnings`, an error always,
//! a suggestion never).

mod common;

use common::*;
use iam_policy_core::codes::{self, Code};
use iam_policy_core::diagnostic::Severity;

/// The codes of this suite, as in `tests/security_findings.rs`.
const CODES: &[&str] = &[
    "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "CONFIRM_AUDIENCE_CLAIM_TYPE",
    "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE",
    "CREATE_SLR_WITH_NOT_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_RESOURCE",
    "CREATE_SLR_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
    "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY",
    "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL",
    "MISSING_GITHUB_REPO_CONDITION_KEY",
    "MISSING_TAG_KEY_IN_CONDITION",
    "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
    "PASS_ROLE_WITH_NOT_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
    "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
    "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL",
    "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED",
    "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
];

/// The `--policy-type` of an explanation's example: its `<!-- policy-type: NAME -->`, else managed.
fn example_type(code: Code) -> &'static str {
    code.explanation()
        .split("<!-- policy-type:")
        .nth(1)
        .and_then(|rest| rest.split("-->").next())
        .map(str::trim)
        .unwrap_or("managed")
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
