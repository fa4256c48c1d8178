//! `iam-policy test`: decision test files, failures with their statement and request, the
//! closing `N passed, M failed`, exit statuses.

mod common;

use std::path::PathBuf;

use common::*;

fn cases_file(name: &str) -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/cases")
        .join(name)
}

const ALLOW_START: &str = r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Start", "Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*"}]}"#;
const DENY_TAGGED: &str = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "DenyRed", "Effect": "Deny", "Action": "ssm:*", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "red"}}}]}"#;

const INSTANCE: &str = "arn:aws:ec2:us-east-1:123456789012:instance/i-1";

fn case(id: &str, policies: &[&str], action: &str, context: &str, expected: &str) -> String {
    format!(
        r#"{{"id": "{id}", "policies": [{}], "request": {{"action": "{action}", "resource": "{INSTANCE}", "context": {context}}}, "expected": "{expected}"}}"#,
        policies.join(", ")
    )
}

#[test]
fn the_aws_documentation_cases_pass() {
    let file = cases_file("aws-doc-cases.jsonl");
    let run = run(&["test", path_str(&file)]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout.lines().last(), Some("23 passed, 0 failed"));
    assert!(
        run.stdout.starts_with("running 23 cases from "),
        "{}",
        run.stdout
    );
}

#[test]
fn the_policy_type_cases_pass() {
    let file = cases_file("policy-types.jsonl");
    let run = run(&["test", path_str(&file)]);
    assert_eq!(run.status, 0, "{run:?}");
    assert_eq!(run.stdout.lines().last(), Some("77 passed, 0 failed"));
}

#[test]
fn a_misspelt_field_fails_with_a_did_you_mean() {
    let dir = scratch("cases-strict");
    let line = case("x", &[ALLOW_START], "ssm:StartSession", "{}", "Allowed");
    write(
        &dir,
        "typo.jsonl",
        line.replace("\"context\"", "\"contxt\""),
    );
    let run = run_in(&dir, &["test", "typo.jsonl"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("unknown field `contxt` in `request`\n  help: did you mean `context`?\n"),
        "{}",
        run.stdout
    );
    write(
        &dir,
        "notes.jsonl",
        line.replace("\"id\"", "\"_note\": \"ignored\", \"id\""),
    );
    assert_eq!(run_in(&dir, &["test", "notes.jsonl"]).status, 0);
}

#[test]
fn failures_show_the_statement_and_the_request() {
    let dir = scratch("cases-fail");
    let text = [
        case("pass", &[ALLOW_START], "ssm:StartSession", "{}", "Allowed"),
        case(
            "wrong",
            &[DENY_TAGGED],
            "ssm:StartSession",
            r#"{"aws:PrincipalTag/team": "red"}"#,
            "Allowed",
        ),
        case(
            "implicit",
            &[ALLOW_START],
            "ssm:TerminateSession",
            "{}",
            "Allowed",
        ),
    ]
    .join("\n");
    write(&dir, "cases.jsonl", text);
    let run = run_in(&dir, &["test", "cases.jsonl"]);
    assert_eq!(run.status, 1, "{run:?}");
    let expected_wrong = [
        "FAILED cases.jsonl: `wrong` (line 2)",
        "  expected: Allowed",
        "  actual:   ExplicitlyDenied by policy 0, statement 1 (Sid \"DenyRed\")",
        "  request:  ssm:StartSession on arn:aws:ec2:us-east-1:123456789012:instance/i-1 with aws:PrincipalTag/team = \"red\"",
        r#"  statement: {"Sid":"DenyRed","Effect":"Deny","Action":"ssm:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}"#,
    ]
    .join("\n");
    assert!(run.stdout.contains(&expected_wrong), "{}", run.stdout);
    assert!(run.stdout.contains("FAILED cases.jsonl: `implicit` (line 3)\n  expected: Allowed\n  actual:   ImplicitlyDenied\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("no statement applies; the policies:"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("`pass`"), "{}", run.stdout);
    assert!(
        run.stdout.ends_with("\n1 passed, 2 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn bad_lines_fail_and_the_other_cases_still_run() {
    let dir = scratch("cases-bad");
    let text = [
        case("a", &[ALLOW_START], "ssm:StartSession", "{}", "Allowed"),
        "{not json".to_owned(),
        r#"{"id": "no-policies", "request": {"action": "a:b", "resource": "*"}, "expected": "Allowed"}"#.to_owned(),
        String::new(),
        case("a", &[ALLOW_START], "ssm:StartSession", "{}", "Allowed"),
        case("b", &[ALLOW_START], "ssm:StartSession", "{}", "ImplicitlyDenied"),
    ]
    .join("\n");
    write(&dir, "bad.jsonl", text);
    let run = run_in(&dir, &["test", "bad.jsonl"]);
    assert_eq!(run.status, 1, "{run:?}");
    assert!(
        run.stdout.contains("ERROR bad.jsonl:2: not valid JSON"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("ERROR bad.jsonl:3: `no-policies`: the case has no `policies`\n  help: add"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("ERROR bad.jsonl:5: `a`: duplicate `id` `a`: line 1 has the same\n  help: give each case its own `id`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("FAILED bad.jsonl: `b` (line 6)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.ends_with("\n1 passed, 4 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_case_with_an_invalid_policy_is_an_error() {
    let dir = scratch("cases-invalid-policy");
    let invalid = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:TerminateSession", "Resource": ""}]}"#;
    write(
        &dir,
        "c.jsonl",
        case(
            "bad-policy",
            &[invalid],
            "ssm:TerminateSession",
            "{}",
            "Allowed",
        ),
    );
    let run = run_in(&dir, &["test", "c.jsonl"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("ERROR c.jsonl: `bad-policy` (line 1)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("INVALID_ARN_PREFIX"), "{}", run.stdout);
    assert!(
        run.stdout.ends_with("0 passed, 1 failed\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn several_files_add_up_and_quiet_prints_only_failures() {
    let dir = scratch("cases-many");
    write(
        &dir,
        "one.jsonl",
        case("x", &[ALLOW_START], "ssm:StartSession", "{}", "Allowed"),
    );
    write(
        &dir,
        "two.jsonl",
        case(
            "x",
            &[ALLOW_START],
            "ssm:StartSession",
            "{}",
            "ExplicitlyDenied",
        ),
    );
    let run = run_in(&dir, &["test", "one.jsonl", "two.jsonl"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout
            .contains("running 1 case from one.jsonl\nrunning 1 case from two.jsonl\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("1 passed, 1 failed\n"));
    let run = run_in(&dir, &["test", "--quiet", "one.jsonl"]);
    assert_eq!(
        (run.status, run.stdout.as_str()),
        (0, "1 passed, 0 failed\n")
    );
}

#[test]
fn unreadable_files_exit_2_and_empty_files_fail() {
    let dir = scratch("cases-missing");
    write(
        &dir,
        "one.jsonl",
        case("x", &[ALLOW_START], "ssm:StartSession", "{}", "Allowed"),
    );
    let run = run_in(&dir, &["test", "one.jsonl", "missing.jsonl"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(
        run.stderr.contains("cannot read `missing.jsonl`"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.ends_with("1 passed, 0 failed\n"));

    write(&dir, "empty.jsonl", "\n\n");
    let run = run_in(&dir, &["test", "empty.jsonl"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.contains("error: `empty.jsonl` has no test case"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.ends_with("0 passed, 1 failed\n"),
        "{}",
        run.stdout
    );

    write(&dir, "binary.jsonl", b"\xff\xfe\n");
    let run = run_in(&dir, &["test", "binary.jsonl"]);
    assert_eq!(run.status, 1);
    assert!(
        run.stdout.contains("ERROR binary.jsonl:1: not valid UTF-8"),
        "{}",
        run.stdout
    );

    assert_eq!(run_in(&dir, &["test"]).status, 2);
}
