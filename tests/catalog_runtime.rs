//! The service-catalog checks through run-time JSON, against the same cases as the compile-time
//! suite (`ui/catalog/*.rs`): `Policy::from_json_with` must report each case's finding with the
//! code, severity, message, `help:` line and position that `policy!` reports, since both run the
//! one implementation in `iam_policy_core::catalog::checks`.
//!
//! Each case's policy is read from its `ui/catalog/<case>.rs` (the argument of `policy!` is the
//! JSON text), and its `.stderr` is checked against the same expected finding, so the table below,
//! the trybuild snapshots and the run-time reader cannot drift apart.

use iam_policy::{Options, Policy, PolicyType, Severity, TextDiagnostic};

/// One compile-fail case of `ui/catalog/` and the one finding it must get.
struct Case {
    name: &'static str,
    /// The `.rs` file, whose `policy!({...})` argument is the policy's JSON.
    source: &'static str,
    /// The trybuild snapshot of the `.rs` file.
    stderr: &'static str,
    code: &'static str,
    severity: Severity,
    message: &'static str,
    help: Option<&'static str>,
}

macro_rules! case {
    ($name:literal, $code:literal, $severity:ident, $message:expr, $help:expr $(,)?) => {
        Case {
            name: $name,
            source: include_str!(concat!("ui/catalog/", $name, ".rs")),
            stderr: include_str!(concat!("ui/catalog/", $name, ".stderr")),
            code: $code,
            severity: Severity::$severity,
            message: $message,
            help: $help,
        }
    };
}

const INSTANCE: &str = "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0";

/// Every file of `ui/catalog/`, one per code of the catalog checks (`INVALID_ARN_REGION` and
/// `INVALID_ARN_ACCOUNT` are the syntax checks' and are tested in `ui/resource/`).
const CASES: &[Case] = &[
    case!(
        "invalid_service_in_action",
        "INVALID_SERVICE_IN_ACTION",
        Error,
        "the service `ssmx` specified in the action does not exist",
        Some("did you mean `ssm`?"),
    ),
    case!(
        "invalid_action",
        "INVALID_ACTION",
        Error,
        "the action `ssm:StartSesion` does not exist",
        Some("did you mean `ssm:StartSession`?"),
    ),
    case!(
        "wildcard_matches_no_action",
        "WILDCARD_MATCHES_NO_ACTION",
        Warning,
        "the action pattern `ssm:StartSesion*` matches no action of the service `ssm`",
        Some("it grants nothing; check the spelling of the pattern"),
    ),
    case!(
        "retired_service_in_action",
        "RETIRED_SERVICE_IN_ACTION",
        Warning,
        "the service `deepracer` in the action `deepracer:ListModels` has been retired",
        Some("the action grants nothing; remove it"),
    ),
    case!(
        "resource_mismatch",
        "RESOURCE_MISMATCH",
        Warning,
        "no action of the statement acts on `arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0`",
        Some(
            "the actions take resources such as `arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}`"
        ),
    ),
    case!(
        "resource_wildcard_required",
        "RESOURCE_WILDCARD_REQUIRED",
        Warning,
        "the action `ssm:ListDocuments` takes only `\"Resource\": \"*\"`, so this statement does not grant it",
        Some("move the action to a statement with `\"Resource\": \"*\"`"),
    ),
    case!(
        "action_resource_mismatch",
        "ACTION_RESOURCE_MISMATCH",
        Warning,
        "none of the statement's resources is one that `ssm:TerminateSession` acts on",
        Some(
            "it acts on `session` (`arn:${Partition}:ssm:${Region}:${Account}:session/${SessionId}`)"
        ),
    ),
    case!(
        "arn_region_not_allowed",
        "ARN_REGION_NOT_ALLOWED",
        Error,
        "the IAM resource ARN `arn:aws:iam:us-east-1:123456789012:role/Auditor` has the region `us-east-1`: IAM resources are global",
        Some("remove the region: `arn:aws:iam::123456789012:role/Auditor`"),
    ),
    case!(
        "arn_account_not_allowed",
        "ARN_ACCOUNT_NOT_ALLOWED",
        Error,
        "the service `s3` does not support specifying an account ID in the resource ARN `arn:aws:s3::123456789012:amzn-s3-demo-bucket2`",
        Some("remove the account ID `123456789012`"),
    ),
    case!(
        "missing_arn_region",
        "MISSING_ARN_REGION",
        Error,
        "the resource ARN `arn:aws:sqs::123456789012:queue2` has no region, which `sqs` resources need",
        Some("add a region such as `us-east-1`, or `*` for any region"),
    ),
    case!(
        "invalid_global_condition_key",
        "INVALID_GLOBAL_CONDITION_KEY",
        Error,
        "the condition key `aws:usrname` does not exist",
        Some("did you mean `aws:username`?"),
    ),
    case!(
        "invalid_service_condition_key",
        "INVALID_SERVICE_CONDITION_KEY",
        Error,
        "the condition key `ssm:resourceTags/Finance` does not exist in the service `ssm`",
        Some("did you mean `ssm:resourceTag/Finance`?"),
    ),
    case!(
        "unsupported_action_for_condition_key",
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        Error,
        "the condition key `ssm:resourceTag/Finance` is not supported by the action `ssm:TerminateSession`, so the condition is never true for it",
        Some(
            "`ssm:TerminateSession` supports `ssm:resourceTag/aws:ssmmessages:session-id`, `ssm:resourceTag/aws:ssmmessages:target-id`"
        ),
    ),
    case!(
        "deprecated_global_condition_key",
        "DEPRECATED_GLOBAL_CONDITION_KEY",
        Warning,
        "the condition key `aws:ARN` is deprecated",
        Some("use `aws:PrincipalArn` instead"),
    ),
    case!(
        "type_mismatch",
        "TYPE_MISMATCH",
        Warning,
        "use the operator type Boolean instead of `StringEquals` for the condition key `aws:SecureTransport` of type Bool",
        Some("use an operator such as `Bool`"),
    ),
    case!(
        "missing_qualifier",
        "MISSING_QUALIFIER",
        Warning,
        "the condition key `aws:TagKeys` can have multiple values, and a plain `StringEquals` is false whenever it has a set",
        Some(
            "use `ForAnyValue:StringEquals` (some value matches) or `ForAllValues:StringEquals` (every value matches)"
        ),
    ),
    case!(
        "forallvalues_with_single_valued_key",
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        Warning,
        "`ForAllValues:` with the single-valued condition key `aws:username` can be overly permissive: it is also true when the key is missing",
        Some("remove `ForAllValues:`"),
    ),
    case!(
        "string_like_operator_with_arn_condition_keys",
        "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
        Suggestion,
        "use the operator type ARN instead of `StringEquals` for the condition key `aws:SourceArn`",
        Some("use `ArnEquals`"),
    ),
    case!(
        "arn_operator_with_string_condition_key",
        "ARN_OPERATOR_WITH_STRING_CONDITION_KEY",
        Suggestion,
        "the condition key `kms:EncryptionContext:aws:s3:arn` is of type String; `ArnLike` matches only values that are ARNs",
        Some("use a String operator such as `StringLike` unless the key's values are ARNs"),
    ),
    case!(
        "invalid_variable",
        "INVALID_VARIABLE",
        Error,
        "the policy variable `${aws:usrname}` does not exist",
        Some("did you mean `${aws:username}`?"),
    ),
    case!(
        "unknown_variable",
        "UNKNOWN_VARIABLE",
        Warning,
        "the policy variable `${ec2:SourceInstanceARNs}` is not a documented key of the service `ec2`",
        Some("did you mean `${ec2:SourceInstanceARN}`?"),
    ),
    case!(
        "multivalued_variable",
        "MULTIVALUED_VARIABLE",
        Warning,
        "the policy variable `${aws:TagKeys}` names a multivalued key, which has no single value to substitute",
        Some("test the key in a condition with `ForAnyValue:` or `ForAllValues:` instead"),
    ),
];

/// The argument of `policy!` in a case's source, and the number of lines before it (its line 1 is
/// line `offset + 1` of the file; from its line 2 on, columns are the file's).
fn policy_of(source: &str) -> (&str, usize) {
    let start = source.find("policy!(").expect("a `policy!(` call") + "policy!(".len();
    let end = source.rfind("\n});").expect("`});` closing the policy") + "\n}".len();
    (&source[start..end], source[..start].matches('\n').count())
}

/// Every finding of a run-time load, errors and others.
fn load(text: &str) -> (bool, Vec<TextDiagnostic>) {
    match Policy::from_json_with(text, &Options::default()) {
        Ok(loaded) => (true, loaded.warnings),
        Err(error) => (false, error.diagnostics().to_vec()),
    }
}

fn show(findings: &[TextDiagnostic]) -> String {
    findings
        .iter()
        .map(|d| format!("\n  {}:{} {}", d.line, d.column, d.diagnostic))
        .collect()
}

/// The compile-time diagnostic of a `.stderr`: the message (without the deprecation and
/// `suggestion:` prefixes), the code, the help, and `line:column`.
struct Rendered<'a> {
    headers: usize,
    deprecated: bool,
    suggestion: bool,
    message: &'a str,
    code: &'a str,
    help: Option<&'a str>,
    at: &'a str,
}

fn rendered<'a>(case: &Case, stderr: &'a str) -> Rendered<'a> {
    let headers = stderr
        .lines()
        .filter(|l| l.starts_with("error") || l.starts_with("warning"))
        .count();
    let mut lines = stderr.lines();
    let first = lines.next().unwrap_or_default();
    let text = first
        .strip_prefix("error: ")
        .unwrap_or_else(|| panic!("{}: not an error: {first}", case.name));
    let deprecation = format!("use of deprecated constant `P::{}`: ", case.code);
    let (deprecated, text) = match text.strip_prefix(deprecation.as_str()) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (suggestion, text) = match text.strip_prefix("suggestion: ") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (message, code) = text
        .strip_suffix(']')
        .and_then(|t| t.rsplit_once(" ["))
        .unwrap_or_else(|| panic!("{}: no `[CODE]`: {first}", case.name));
    let second = lines.next().unwrap_or_default().trim_start();
    let help = second.strip_prefix("help: ");
    let file = format!("ui/catalog/{}.rs:", case.name);
    let at = stderr
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|l| l.strip_prefix(file.as_str()))
        .unwrap_or_else(|| panic!("{}: no `--> {file}` line", case.name));
    Rendered {
        headers,
        deprecated,
        suggestion,
        message,
        code,
        help,
        at,
    }
}

#[test]
fn every_case_file_is_in_the_table() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/catalog");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".rs").map(str::to_owned)
        })
        .collect();
    files.sort();
    let mut names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
    names.sort_unstable();
    assert_eq!(files, names);
    for case in CASES {
        assert_eq!(
            case.name,
            case.code.to_ascii_lowercase(),
            "file named after its code"
        );
    }
}

/// The help of a case: the table's, and for a name the catalog does not have, the catalog's
/// release and how to declare a name that AWS released after it.
fn expected_help(case: &Case) -> Option<String> {
    let (unknown, what) = match case.name {
        "invalid_service_in_action" => ("ssmx:StartSession", "action"),
        "invalid_action" => ("ssm:StartSesion", "action"),
        "invalid_service_condition_key" => ("ssm:resourceTags/Finance", "key"),
        _ => return case.help.map(str::to_owned),
    };
    Some(format!(
        "{} if AWS released `{unknown}` after the action catalog ({}), declare it as an extra {what} (`extra_{what}s = [\"{unknown}\"]` in `policy!`, `Options::extras`, `--extra-{what}`)",
        case.help.expect("a did-you-mean"),
        iam_policy_core::catalog::snapshot()
    ))
}

#[test]
fn run_time_json_reports_what_policy_reports() {
    for case in CASES {
        let (text, offset) = policy_of(case.source);
        let (accepted, findings) = load(text);
        assert_eq!(
            accepted,
            case.severity != Severity::Error,
            "{}: errors reject the policy, other findings do not{}",
            case.name,
            show(&findings)
        );
        let [finding] = findings.as_slice() else {
            panic!(
                "{}: expected exactly the one finding {}{}",
                case.name,
                case.code,
                show(&findings)
            );
        };
        let d = &finding.diagnostic;
        assert_eq!(d.code(), case.code, "{}", case.name);
        assert_eq!(d.severity(), case.severity, "{}", case.name);
        assert_eq!(d.message(), case.message, "{}", case.name);
        let help = expected_help(case);
        assert_eq!(d.help(), help.as_deref(), "{}", case.name);

        // The compile-time diagnostic: same text, at the same literal.
        let r = rendered(case, case.stderr);
        assert_eq!(r.headers, 1, "{}: one diagnostic in the .stderr", case.name);
        assert_eq!(r.code, case.code, "{}", case.name);
        assert_eq!(r.message, case.message, "{}", case.name);
        assert_eq!(r.help, help.as_deref(), "{}", case.name);
        assert_eq!(
            r.deprecated,
            case.severity != Severity::Error,
            "{}: warnings and suggestions are deprecation warnings",
            case.name
        );
        assert_eq!(
            r.suggestion,
            case.severity == Severity::Suggestion,
            "{}",
            case.name
        );
        assert_eq!(
            case.source.contains("#![deny(deprecated)]"),
            case.severity != Severity::Error,
            "{}: warnings and suggestions are tested denied",
            case.name
        );
        assert!(finding.line > 1, "{}", case.name);
        assert_eq!(
            r.at,
            format!("{}:{}", finding.line + offset, finding.column),
            "{}: the same literal",
            case.name
        );
    }
}

fn policy(statement: &str) -> String {
    format!(r#"{{"Version": "2012-10-17", "Statement": [{statement}]}}"#)
}

fn assert_no_finding(text: &str) {
    let (accepted, findings) = load(text);
    assert!(accepted && findings.is_empty(), "{text}{}", show(&findings));
}

#[test]
fn an_action_differing_only_in_case_is_valid() {
    assert_no_finding(&policy(
        r#"{"Effect": "Allow", "Action": "SSM:startsession", "Resource": "*"}"#,
    ));
}

#[test]
fn condition_keys_are_case_insensitive() {
    assert_no_finding(&policy(
        r#"{"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",
            "Condition": {"StringLike": {"SSM:ResourceTag/Finance": "WebServers"}}}"#,
    ));
}

#[test]
fn seed_ex1_ssm_instance_is_an_ec2_arn() {
    assert_no_finding(include_str!("seed/ex1_specific_instances.json"));
}

#[test]
fn valid_seeds_have_no_finding() {
    for seed in iam_policy_tests::VALID_SEEDS {
        let (accepted, findings) = load(seed.text);
        assert!(
            accepted && findings.is_empty(),
            "{}{}",
            seed.name,
            show(&findings)
        );
    }
}

#[test]
fn terminate_session_on_an_instance_is_flagged() {
    let text = policy(&format!(
        r#"{{"Effect": "Allow", "Action": "ssm:TerminateSession", "Resource": "{INSTANCE}"}}"#
    ));
    let (accepted, findings) = load(&text);
    assert!(accepted, "{}", show(&findings));
    assert!(
        findings
            .iter()
            .any(|d| d.diagnostic.code() == "RESOURCE_MISMATCH"
                && d.diagnostic.severity() == Severity::Warning),
        "{}",
        show(&findings)
    );
}

#[test]
fn unknown_global_key_without_a_close_one_has_no_help() {
    let text = policy(
        r#"{"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*",
            "Condition": {"StringEquals": {"aws:FooBar": "x"}}}"#,
    );
    let (accepted, findings) = load(&text);
    assert!(!accepted);
    let [finding] = findings.as_slice() else {
        panic!("{}", show(&findings));
    };
    assert_eq!(finding.diagnostic.code(), "INVALID_GLOBAL_CONDITION_KEY");
    assert_eq!(
        finding.diagnostic.message(),
        "the condition key `aws:FooBar` does not exist"
    );
    assert_eq!(finding.diagnostic.help(), None);
}

/// The access policy Amazon SNS gives every new topic (`AWS:SourceOwner`, `__default_statement_ID`).
const SNS_DEFAULT_TOPIC_POLICY: &str = include_str!("pass/fixtures/sns-default-topic-policy.json");

fn load_as(text: &str, kind: PolicyType) -> (bool, Vec<TextDiagnostic>) {
    match Policy::from_json_with(text, &Options::default().with_policy_type(kind)) {
        Ok(loaded) => (true, loaded.warnings),
        Err(error) => (false, error.diagnostics().to_vec()),
    }
}

fn codes(findings: &[TextDiagnostic]) -> Vec<&str> {
    findings.iter().map(|d| d.diagnostic.code()).collect()
}

#[test]
fn sns_default_topic_policy_loads_as_a_topic_policy_with_no_finding() {
    let (accepted, findings) = load_as(SNS_DEFAULT_TOPIC_POLICY, PolicyType::SnsTopic);
    assert!(accepted && findings.is_empty(), "{}", show(&findings));
    let (accepted, findings) = load_as(SNS_DEFAULT_TOPIC_POLICY, PolicyType::Resource);
    assert!(accepted && findings.is_empty(), "{}", show(&findings));
    // No resource-based type checks the Sid's characters (D42: their services write such Sids);
    // the queue and bucket types refuse the topic's actions, not its Sid.
    for kind in [
        PolicyType::SqsQueue,
        PolicyType::S3Bucket,
        PolicyType::KmsKey,
    ] {
        let (_, findings) = load_as(SNS_DEFAULT_TOPIC_POLICY, kind);
        assert!(
            !codes(&findings).contains(&"UNSUPPORTED_SID"),
            "{kind:?}{}",
            show(&findings)
        );
    }
}

#[test]
fn sns_default_topic_policy_as_an_identity_policy_fails_on_its_shape_not_its_key() {
    let (accepted, findings) = load_as(SNS_DEFAULT_TOPIC_POLICY, PolicyType::Managed);
    assert!(!accepted);
    // IAM's own policies keep the `Sid` rule; the key is valid in any policy.
    assert_eq!(
        codes(&findings),
        ["UNSUPPORTED_SID", "UNSUPPORTED_PRINCIPAL"],
        "{}",
        show(&findings)
    );
}

#[test]
fn keys_valid_across_services_pass_with_any_action() {
    for (operator, key, value) in [
        ("StringEquals", "aws:SourceOwner", "111122223333"),
        ("StringEquals", "AWS:SourceOwner", "111122223333"),
        (
            "ArnLike",
            "codebuild:buildArn",
            "arn:aws:codebuild:us-east-1:111122223333:build/p:1",
        ),
        (
            "ArnLike",
            "codebuild:ProjectArn",
            "arn:aws:codebuild:us-east-1:111122223333:project/p",
        ),
        (
            "ArnLike",
            "ec2:SourceInstanceARN",
            "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        ),
        (
            "ArnLike",
            "lambda:SourceFunctionArn",
            "arn:aws:lambda:us-east-1:111122223333:function:f",
        ),
    ] {
        assert_no_finding(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
                "Condition": {{"{operator}": {{"{key}": "{value}"}}}}}}"#
        )));
    }
}

#[test]
fn a_misspelt_source_account_is_still_an_error_with_a_did_you_mean() {
    let text = policy(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"StringEquals": {"aws:SourceAcount": "111122223333"}}}"#,
    );
    let (accepted, findings) = load(&text);
    assert!(!accepted);
    let [finding] = findings.as_slice() else {
        panic!("{}", show(&findings));
    };
    assert_eq!(finding.diagnostic.code(), "INVALID_GLOBAL_CONDITION_KEY");
    assert_eq!(
        finding.diagnostic.help(),
        Some("did you mean `aws:SourceAccount`?")
    );
}
