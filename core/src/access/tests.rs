//! Access questions on small policies, each answer checked against evaluation.

use super::*;
use crate::eval::Decision;
use crate::interpret;
use crate::validate::Options;

fn compile(text: &str) -> CompiledPolicy {
    match crate::compile_text(text, &Options::default()) {
        Ok((policy, _)) => policy,
        Err(diagnostics) => panic!("{diagnostics:?}"),
    }
}

fn statements(effect: &str, actions: &str, resources: &str, condition: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"{effect}","Action":{actions},"Resource":{resources}{condition}}}]}}"#
    )
}

fn allowed(policy: &CompiledPolicy, witness: &Witness) -> bool {
    interpret::evaluate(policy, witness).decision == Decision::Allowed
}

#[track_caller]
fn fails(answer: Answer) -> Witness {
    match answer {
        Answer::Fails(witness) => witness,
        other => panic!("expected a witness, got {other:?}"),
    }
}

#[test]
fn admin_grants_iam() {
    let admin = compile(&statements("Allow", r#""*""#, r#""*""#, ""));
    let query = Query::parse(&["iam:*"], &[]).unwrap();
    let witness = fails(not_granted(&admin, &query));
    assert!(witness.action.starts_with("iam:"), "{witness}");
    assert!(allowed(&admin, &witness));
}

#[test]
fn read_only_does_not_grant_writes() {
    let read = compile(&statements(
        "Allow",
        r#"["s3:Get*","s3:List*"]"#,
        r#""*""#,
        "",
    ));
    let query = Query::parse(&["s3:Put*", "iam:*", "s3:DeleteObject"], &[]).unwrap();
    assert_eq!(not_granted(&read, &query), Answer::Holds);
    let query = Query::parse(&["s3:G?tObject"], &[]).unwrap();
    let witness = fails(not_granted(&read, &query));
    assert!(allowed(&read, &witness), "{witness}");
}

#[test]
fn deny_removes_access() {
    let text = r#"{"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":"s3:*","Resource":"*"},
        {"Effect":"Deny","Action":"s3:Delete*","Resource":"*"}]}"#;
    let policy = compile(text);
    let query = Query::parse(&["s3:DeleteObject", "s3:DeleteBucket"], &[]).unwrap();
    assert_eq!(not_granted(&policy, &query), Answer::Holds);
    let query = Query::parse(&["s3:D*"], &[]).unwrap();
    let witness = fails(not_granted(&policy, &query));
    assert!(!witness.action.to_ascii_lowercase().starts_with("s3:delete"));
}

#[test]
fn new_access_is_found() {
    let old = compile(&statements(
        "Allow",
        r#"["s3:Get*","s3:List*"]"#,
        r#""*""#,
        "",
    ));
    let new = compile(&statements(
        "Allow",
        r#"["s3:Get*","s3:List*","s3:PutObject"]"#,
        r#""*""#,
        "",
    ));
    let witness = fails(no_new_access(&new, &old));
    // Without the `catalog` feature the search spells the action as the policy's automaton does
    // (lower case); action names are case-insensitive either way.
    assert!(
        witness.action.eq_ignore_ascii_case("s3:PutObject"),
        "{}",
        witness.action
    );
    assert!(allowed(&new, &witness) && !allowed(&old, &witness));
    assert_eq!(no_new_access(&old, &new), Answer::Holds);
}

#[test]
fn conditions_narrow_access() {
    let old = compile(&statements(
        "Allow",
        r#""ec2:*""#,
        r#""*""#,
        r#","Condition":{"StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}"#,
    ));
    let narrower = compile(&statements(
        "Allow",
        r#""ec2:Describe*""#,
        r#""*""#,
        r#","Condition":{"StringEquals":{"aws:RequestedRegion":"us-east-1"},"Bool":{"aws:SecureTransport":"true"}}"#,
    ));
    assert_eq!(no_new_access(&narrower, &old), Answer::Holds);
    let witness = fails(no_new_access(&old, &narrower));
    assert!(
        allowed(&old, &witness) && !allowed(&narrower, &witness),
        "{witness}"
    );
}

#[test]
fn numeric_and_ip_domains() {
    let old = compile(&statements(
        "Allow",
        r#""s3:ListBucket""#,
        r#""*""#,
        r#","Condition":{"NumericLessThan":{"s3:max-keys":"10"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
    ));
    let new = compile(&statements(
        "Allow",
        r#""s3:ListBucket""#,
        r#""*""#,
        r#","Condition":{"NumericLessThanEquals":{"s3:max-keys":"10"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
    ));
    let witness = fails(no_new_access(&new, &old));
    assert_eq!(
        witness.context.lookup("s3:max-keys"),
        Some(&KeyValue::One("10".into()))
    );
    assert_eq!(no_new_access(&old, &new), Answer::Holds);
}

#[test]
fn variables_fixed_by_the_question() {
    let text = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ssm:TerminateSession",
        "Resource":"arn:aws:ssm:*:*:session/${aws:username}-*"}]}"#;
    let policy = compile(text);
    let query = Query::parse(
        &["ssm:TerminateSession"],
        &["arn:aws:ssm:*:*:session/bob-*"],
    )
    .unwrap()
    .with_context("aws:username", KeyValue::One("alice".into()));
    assert_eq!(not_granted(&policy, &query), Answer::Holds);
    let query = Query::parse(
        &["ssm:TerminateSession"],
        &["arn:aws:ssm:*:*:session/alice-*"],
    )
    .unwrap()
    .with_context("aws:username", KeyValue::One("alice".into()));
    let witness = fails(not_granted(&policy, &query));
    assert!(allowed(&policy, &witness));
    // Free: the variable gets a value from the request found.
    let query = Query::parse(&["ssm:TerminateSession"], &[]).unwrap();
    let witness = fails(not_granted(&policy, &query));
    assert!(allowed(&policy, &witness), "{witness}");
}

#[test]
fn sets_under_qualifiers() {
    let policy = compile(&statements(
        "Allow",
        r#""ec2:CreateTags""#,
        r#""*""#,
        r#","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":"a"},"ForAllValues:StringLike":{"aws:TagKeys":["a","b*"]}}"#,
    ));
    let query = Query::parse(&["ec2:CreateTags"], &[]).unwrap();
    let witness = fails(not_granted(&policy, &query));
    assert!(allowed(&policy, &witness), "{witness}");
}
