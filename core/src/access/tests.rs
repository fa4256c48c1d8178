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
        r#","Condition":{"NumericLessThan":{"s3:max-keys":"10"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#,
    ));
    let new = compile(&statements(
        "Allow",
        r#""s3:ListBucket""#,
        r#""*""#,
        r#","Condition":{"NumericLessThanEquals":{"s3:max-keys":"10"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#,
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

mod public {
    use super::*;

    fn resource_policy(statements: &str) -> CompiledPolicy {
        compile_as(
            &format!(r#"{{"Version":"2012-10-17","Statement":[{statements}]}}"#),
            crate::validate::PolicyType::Resource,
        )
    }

    fn trust_policy(text: &str) -> CompiledPolicy {
        compile_as(text, crate::validate::PolicyType::Trust)
    }

    fn compile_as(text: &str, policy_type: crate::validate::PolicyType) -> CompiledPolicy {
        let options = Options {
            policy_type,
            ..Options::default()
        };
        match crate::compile_text(text, &options) {
            Ok((policy, _)) => policy,
            Err(diagnostics) => panic!("{diagnostics:?}"),
        }
    }

    #[track_caller]
    fn public_witness(policy: &CompiledPolicy, trust: &Trust) -> Witness {
        let witness = fails(no_public_access(policy, trust));
        assert!(allowed(policy, &witness), "{witness}");
        assert!(witness.principal.is_some(), "{witness}");
        witness
    }

    #[test]
    fn anonymous_bucket() {
        let policy = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        let witness = public_witness(&policy, &Trust::named());
        assert_eq!(witness.principal.as_deref(), Some("*"));
        assert!(witness.resource.starts_with("arn:aws:s3:::b/"), "{witness}");
        let aws_star = resource_policy(
            r#"{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        public_witness(&aws_star, &Trust::named());
    }

    #[test]
    fn named_principals_are_not_public() {
        let policy = resource_policy(
            r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/JohnDoe"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        assert_eq!(no_public_access(&policy, &Trust::named()), Answer::Holds);
        // Trusting another account makes the user an outsider.
        let trust = Trust::parse(&["444455556666"], None).unwrap();
        let witness = public_witness(&policy, &trust);
        assert_eq!(
            witness.principal.as_deref(),
            Some("arn:aws:iam::111122223333:user/JohnDoe")
        );
        let trust = Trust::parse(&["111122223333"], None).unwrap();
        assert_eq!(no_public_access(&policy, &trust), Answer::Holds);
    }

    #[test]
    fn organization_condition() {
        let policy = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"#,
        );
        assert_eq!(no_public_access(&policy, &Trust::named()), Answer::Holds);
        let org = Trust::parse(&[], Some("o-a1b2c3d4e5")).unwrap();
        assert_eq!(no_public_access(&policy, &org), Answer::Holds);
        let other = Trust::parse(&[], Some("o-zzzzzzzzzz")).unwrap();
        let witness = public_witness(&policy, &other);
        assert!(witness.to_json().contains("o-a1b2c3d4e5"), "{witness}");
        // A wildcard admits every organization.
        let any_org = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"StringLike":{"aws:PrincipalOrgID":"o-*"}}}"#,
        );
        public_witness(&any_org, &Trust::named());
    }

    #[test]
    fn service_principal_needs_source_account() {
        let open = resource_policy(
            r#"{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*"}"#,
        );
        let witness = public_witness(&open, &Trust::named());
        assert_eq!(
            witness.principal.as_deref(),
            Some("cloudtrail.amazonaws.com")
        );
        let scoped = resource_policy(
            r#"{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"StringEquals":{"aws:SourceAccount":"111122223333"}}}"#,
        );
        assert_eq!(no_public_access(&scoped, &Trust::named()), Answer::Holds);
        let by_arn = resource_policy(
            r#"{"Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"*",
                "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:sns:us-east-1:111122223333:*"}}}"#,
        );
        assert_eq!(no_public_access(&by_arn, &Trust::named()), Answer::Holds);
        let other = Trust::parse(&["444455556666"], None).unwrap();
        public_witness(&by_arn, &other);
    }

    #[test]
    fn trust_policy_to_an_account() {
        let policy = trust_policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}"#,
        );
        assert_eq!(no_public_access(&policy, &Trust::named()), Answer::Holds);
        let witness = public_witness(&policy, &Trust::parse(&["444455556666"], None).unwrap());
        assert!(
            witness.action.eq_ignore_ascii_case("sts:AssumeRole"),
            "{witness}"
        );
    }

    #[test]
    fn network_conditions() {
        let inside = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"}}},
               {"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#,
        );
        assert_eq!(no_public_access(&inside, &Trust::named()), Answer::Holds);
        let outside = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}}"#,
        );
        public_witness(&outside, &Trust::named());
        let everywhere = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}}"#,
        );
        public_witness(&everywhere, &Trust::named());
    }

    #[test]
    fn deny_outside_the_account() {
        let policy = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
               {"Effect":"Deny","Principal":"*","Action":"*","Resource":"*",
                "Condition":{"StringNotEquals":{"aws:PrincipalAccount":"111122223333"}}}"#,
        );
        assert_eq!(no_public_access(&policy, &Trust::named()), Answer::Holds);
        let trust = Trust::parse(&["444455556666"], None).unwrap();
        let witness = public_witness(&policy, &trust);
        assert!(
            witness
                .principal
                .as_deref()
                .unwrap()
                .contains("111122223333"),
            "{witness}"
        );
    }

    #[test]
    fn github_oidc() {
        let aud_only = trust_policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity",
                "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}"#,
        );
        public_witness(&aud_only, &Trust::named());
        let with_sub = trust_policy(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity",
                "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":"repo:octo/app:ref:refs/heads/main"}}}]}"#,
        );
        assert_eq!(no_public_access(&with_sub, &Trust::named()), Answer::Holds);
    }

    #[test]
    fn principal_names_are_the_owners_to_choose() {
        let policy = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111122223333:role/admin"}}}"#,
        );
        assert_eq!(no_public_access(&policy, &Trust::named()), Answer::Holds);
        let trust = Trust::parse(&["444455556666"], None).unwrap();
        let witness = public_witness(&policy, &trust);
        assert_eq!(
            witness.principal.as_deref(),
            Some("arn:aws:sts::111122223333:assumed-role/admin/outsider")
        );
        // Any account's role named `admin`: not decided exactly, never "holds".
        let any = resource_policy(
            r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*",
                "Condition":{"StringLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/admin"}}}"#,
        );
        assert!(!no_public_access(&any, &Trust::named()).holds());
    }

    #[test]
    fn bad_trust() {
        assert!(Trust::parse(&["1234"], None).is_err());
        assert!(Trust::parse(&[], Some("org")).is_err());
    }
}
