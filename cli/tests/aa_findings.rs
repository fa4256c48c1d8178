//! The Access Analyzer findings added for issue 13 (redundancies, Sids, dates, IP ranges, the
//! condition keys of service principals, the `aud` claim's qualifiers, ...):
//! each case is checked through `iam-policy check` and through `Policy::from_json_with`, which
//! must report the same codes, and the code under test must be there or not, as the case says.
//! The cases next to each positive one are the near misses that must stay silent.

mod common;

use common::*;
use iam_policy::Policy;
use iam_policy_core::validate::{Options, PolicyType};

/// A policy of one statement's elements (`{..}` without the braces), or of several statements.
fn one(statement: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{{{statement}}}]}}"#)
}

fn many(statements: &[&str]) -> String {
    let body: Vec<String> = statements.iter().map(|s| format!("{{{s}}}")).collect();
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        body.join(",")
    )
}

const START: &str = r#""Effect":"Allow","Action":"ssm:StartSession","Resource":"*""#;

/// `(what, policy type, policy, code, expected)`.
fn cases() -> Vec<(&'static str, &'static str, String, &'static str, bool)> {
    let with_condition = |condition: &str| {
        one(&format!(
            r#""Effect":"Allow","Action":"ssm:StartSession","Resource":"*","Condition":{condition}"#
        ))
    };
    vec![
        // REDUNDANT_ACTION
        (
            "a name inside a wildcard",
            "managed",
            one(
                r#""Effect":"Allow","Action":["iam:Get*","iam:GetCredentialReport"],"Resource":"*""#,
            ),
            "REDUNDANT_ACTION",
            true,
        ),
        (
            "a wildcard that matches more than the other",
            "managed",
            one(r#""Effect":"Allow","Action":["iam:Get*","iam:*CredentialReport"],"Resource":"*""#),
            "REDUNDANT_ACTION",
            false,
        ),
        (
            "a wildcard inside a wider wildcard",
            "managed",
            one(r#""Effect":"Allow","Action":["s3:Get*","s3:GetObject*"],"Resource":"*""#),
            "REDUNDANT_ACTION",
            true,
        ),
        (
            "the same action in two cases",
            "managed",
            one(r#""Effect":"Allow","Action":["s3:GetObject","S3:getobject"],"Resource":"*""#),
            "REDUNDANT_ACTION",
            true,
        ),
        (
            "any entry next to `*`",
            "managed",
            one(r#""Effect":"Deny","Action":["*","s3:GetObject"],"Resource":"*""#),
            "REDUNDANT_ACTION",
            true,
        ),
        (
            "the same name in two services",
            "managed",
            one(r#""Effect":"Allow","Action":["ssm:Get*","ec2:GetConsoleOutput"],"Resource":"*""#),
            "REDUNDANT_ACTION",
            false,
        ),
        (
            "in NotAction too",
            "managed",
            one(r#""Effect":"Deny","NotAction":["iam:*","iam:PassRole"],"Resource":"*""#),
            "REDUNDANT_ACTION",
            true,
        ),
        // REDUNDANT_RESOURCE
        (
            "an ARN inside a wildcard ARN",
            "managed",
            one(
                r#""Effect":"Allow","Action":"sts:AssumeRole","Resource":["arn:aws:iam::111122223333:role/jane-admin","arn:aws:iam::111122223333:role/jane*"]"#,
            ),
            "REDUNDANT_RESOURCE",
            true,
        ),
        (
            "ARNs differing in case",
            "managed",
            one(
                r#""Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/Report","arn:aws:s3:::b/report"]"#,
            ),
            "REDUNDANT_RESOURCE",
            false,
        ),
        (
            "a variable inside a wildcard",
            "managed",
            one(
                r#""Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/home/${aws:username}/*","arn:aws:s3:::b/home/*"]"#,
            ),
            "REDUNDANT_RESOURCE",
            true,
        ),
        (
            "a wildcard is not inside a variable",
            "managed",
            one(
                r#""Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/home/${aws:username}","arn:aws:s3:::b/home/j*"]"#,
            ),
            "REDUNDANT_RESOURCE",
            false,
        ),
        (
            "a wildcard does not cross a colon of the first fields",
            "managed",
            one(
                r#""Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::b/x","arn:aws:s*"]"#,
            ),
            "REDUNDANT_RESOURCE",
            false,
        ),
        // REDUNDANT_STATEMENT
        (
            "the same statement in another order, with another Sid",
            "managed",
            many(&[
                r#""Sid":"A","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*""#,
                r#""Sid":"B","Resource":"*","Action":["s3:PutObject","s3:GetObject"],"Effect":"Allow""#,
            ]),
            "REDUNDANT_STATEMENT",
            true,
        ),
        (
            "the same actions with another effect",
            "managed",
            many(&[
                START,
                r#""Effect":"Deny","Action":"ssm:StartSession","Resource":"*""#,
            ]),
            "REDUNDANT_STATEMENT",
            false,
        ),
        (
            "the same statement but for a condition value",
            "managed",
            many(&[
                r#""Effect":"Allow","Action":"ssm:StartSession","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"a"}}"#,
                r#""Effect":"Allow","Action":"ssm:StartSession","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"b"}}"#,
            ]),
            "REDUNDANT_STATEMENT",
            false,
        ),
        // REDUNDANT_CONDITION_VALUE_NUM
        (
            "two upper bounds",
            "managed",
            with_condition(r#"{"NumericLessThan":{"aws:MultiFactorAuthAge":["2700","3600"]}}"#),
            "REDUNDANT_CONDITION_VALUE_NUM",
            true,
        ),
        (
            "two lower bounds, qualified",
            "managed",
            with_condition(
                r#"{"NumericGreaterThanEqualsIfExists":{"aws:MultiFactorAuthAge":["10","20"]}}"#,
            ),
            "REDUNDANT_CONDITION_VALUE_NUM",
            true,
        ),
        (
            "several values of NumericEquals",
            "managed",
            with_condition(r#"{"NumericEquals":{"aws:MultiFactorAuthAge":["10","20"]}}"#),
            "REDUNDANT_CONDITION_VALUE_NUM",
            false,
        ),
        (
            "one bound",
            "managed",
            with_condition(r#"{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}"#),
            "REDUNDANT_CONDITION_VALUE_NUM",
            false,
        ),
        // INVALID_DATE_VALUE
        (
            "epoch seconds",
            "managed",
            with_condition(r#"{"DateGreaterThan":{"aws:CurrentTime":"1735689600"}}"#),
            "INVALID_DATE_VALUE",
            true,
        ),
        (
            "epoch seconds as a JSON number",
            "managed",
            with_condition(r#"{"DateGreaterThan":{"aws:CurrentTime":1735689600}}"#),
            "INVALID_DATE_VALUE",
            true,
        ),
        (
            "a year",
            "managed",
            with_condition(r#"{"DateGreaterThan":{"aws:CurrentTime":"2025"}}"#),
            "INVALID_DATE_VALUE",
            false,
        ),
        (
            "an ISO date",
            "managed",
            with_condition(r#"{"DateGreaterThan":{"aws:CurrentTime":"2025-01-01"}}"#),
            "INVALID_DATE_VALUE",
            false,
        ),
        (
            "epoch seconds compared with aws:EpochTime",
            "managed",
            with_condition(r#"{"DateGreaterThan":{"aws:EpochTime":"1735689600"}}"#),
            "INVALID_DATE_VALUE",
            false,
        ),
        // PRIVATE_IP_ADDRESS, PRIVATE_NOT_IP_ADDRESS and their _SUBSET suggestions
        (
            "only private ranges under IpAddress",
            "managed",
            with_condition(
                r#"{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","fd00::/8","192.168.1.1"]}}"#,
            ),
            "PRIVATE_IP_ADDRESS",
            true,
        ),
        (
            "only private ranges under NotIpAddressIfExists",
            "managed",
            with_condition(r#"{"NotIpAddressIfExists":{"aws:SourceIp":"172.16.0.0/12"}}"#),
            "PRIVATE_NOT_IP_ADDRESS",
            true,
        ),
        (
            "a block that only overlaps the private ranges",
            "managed",
            with_condition(r#"{"IpAddress":{"aws:SourceIp":["0.0.0.0/0","10.0.0.0/7"]}}"#),
            "PRIVATE_IP_ADDRESS",
            false,
        ),
        (
            "private ranges of aws:VpcSourceIp",
            "managed",
            with_condition(
                r#"{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/8"},"StringEquals":{"aws:SourceVpc":"vpc-1a2b3c4d"}}"#,
            ),
            "PRIVATE_IP_ADDRESS",
            false,
        ),
        (
            "a private range next to a public one",
            "managed",
            with_condition(r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","10.0.0.0/8"]}}"#),
            "PRIVATE_IP_ADDRESS_SUBSET",
            true,
        ),
        (
            "a private range next to a public one, negated",
            "managed",
            with_condition(r#"{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","127.0.0.1"]}}"#),
            "PRIVATE_NOT_IP_ADDRESS_SUBSET",
            true,
        ),
        (
            "public ranges only",
            "managed",
            with_condition(
                r#"{"NotIpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:db8::/32"]}}"#,
            ),
            "PRIVATE_NOT_IP_ADDRESS_SUBSET",
            false,
        ),
        // IMPROVE_IP_RANGE
        (
            "host bits after the prefix",
            "managed",
            with_condition(r#"{"IpAddress":{"aws:SourceIp":"203.0.113.7/24"}}"#),
            "IMPROVE_IP_RANGE",
            true,
        ),
        (
            "host bits of an IPv6 block, any key",
            "managed",
            with_condition(r#"{"NotIpAddress":{"aws:VpcSourceIp":"fd00::1/64"}}"#),
            "IMPROVE_IP_RANGE",
            true,
        ),
        (
            "a block written as it is, and one address",
            "managed",
            with_condition(
                r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","198.51.100.7","198.51.100.8/32"]}}"#,
            ),
            "IMPROVE_IP_RANGE",
            false,
        ),
        // UNSUPPORTED_ACTION_IN_POLICY and UNSUPPORTED_RESOURCE_ARN_IN_POLICY
        (
            "an SNS action in a queue policy",
            "sqs-queue",
            one(
                r#""Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":["sqs:SendMessage","sns:Publish"],"Resource":"arn:aws:sqs:us-east-1:111122223333:orders""#,
            ),
            "UNSUPPORTED_ACTION_IN_POLICY",
            true,
        ),
        (
            "the queue's own actions, in any case, and `*`",
            "sqs-queue",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":["SQS:SendMessage","*"],"Resource":"arn:aws:sqs:us-east-1:111122223333:orders""#,
            ),
            "UNSUPPORTED_ACTION_IN_POLICY",
            false,
        ),
        (
            "another service's action in a generic resource policy",
            "resource",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sns:Publish","Resource":"*""#,
            ),
            "UNSUPPORTED_ACTION_IN_POLICY",
            false,
        ),
        (
            "an SQS ARN in a bucket policy",
            "s3-bucket",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":["arn:aws:s3:::reports/*","arn:aws:sqs:us-east-1:111122223333:orders"]"#,
            ),
            "UNSUPPORTED_RESOURCE_ARN_IN_POLICY",
            true,
        ),
        (
            "the bucket's own ARNs",
            "s3-bucket",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:ListBucket","Resource":["arn:aws:s3:::reports","*"]"#,
            ),
            "UNSUPPORTED_RESOURCE_ARN_IN_POLICY",
            false,
        ),
        // IRRELEVANT_CONDITION_KEY_IN_POLICY
        (
            "the resource's organization in a bucket policy",
            "s3-bucket",
            one(
                r#""Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*","Condition":{"StringEquals":{"aws:ResourceOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "IRRELEVANT_CONDITION_KEY_IN_POLICY",
            true,
        ),
        (
            "the resource's account in an identity policy",
            "managed",
            with_condition(r#"{"StringEquals":{"aws:ResourceAccount":"111122223333"}}"#),
            "IRRELEVANT_CONDITION_KEY_IN_POLICY",
            false,
        ),
        (
            "the caller's organization in a bucket policy",
            "s3-bucket",
            one(
                r#""Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "IRRELEVANT_CONDITION_KEY_IN_POLICY",
            false,
        ),
        // MISSING_PAIRED_CONDITION_KEYS
        (
            "aws:VpcSourceIp alone",
            "managed",
            with_condition(r#"{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"}}"#),
            "MISSING_PAIRED_CONDITION_KEYS",
            true,
        ),
        (
            "aws:VpcSourceIp with its endpoint",
            "managed",
            with_condition(
                r#"{"IpAddress":{"aws:VpcSourceIp":"10.0.0.0/16"},"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}"#,
            ),
            "MISSING_PAIRED_CONDITION_KEYS",
            false,
        ),
        // MISSING_ACTION_FOR_CONDITION_KEY
        (
            "session tags required without sts:TagSession",
            "trust",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ci"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:RequestTag/project":"reports"}}"#,
            ),
            "MISSING_ACTION_FOR_CONDITION_KEY",
            true,
        ),
        (
            "a source identity required without sts:SetSourceIdentity",
            "trust",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ci"},"Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringLike":{"sts:SourceIdentity":"jane*"}}"#,
            ),
            "MISSING_ACTION_FOR_CONDITION_KEY",
            true,
        ),
        (
            "session tags with sts:TagSession",
            "trust",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ci"},"Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"aws:RequestTag/project":"reports"}}"#,
            ),
            "MISSING_ACTION_FOR_CONDITION_KEY",
            false,
        ),
        (
            "no session tags required",
            "trust",
            one(
                r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ci"},"Action":"sts:AssumeRole","Condition":{"Null":{"aws:RequestTag/project":"true"},"StringNotEquals":{"aws:TagKeys":"admin"}}"#,
            ),
            "MISSING_ACTION_FOR_CONDITION_KEY",
            false,
        ),
        // INVALID_SERVICE
        (
            "a condition key of no service",
            "managed",
            with_condition(r#"{"StringLike":{"s3x:prefix":"home/*"}}"#),
            "INVALID_SERVICE",
            true,
        ),
        (
            "a key a known service does not have",
            "managed",
            with_condition(r#"{"StringLike":{"s3:prefixes":"home/*"}}"#),
            "INVALID_SERVICE",
            false,
        ),
        // INVALID_REGION
        (
            "a region in upper case",
            "managed",
            with_condition(
                r#"{"StringEquals":{"aws:RequestedRegion":["eu-west-1","EU-Central-1"]}}"#,
            ),
            "INVALID_REGION",
            true,
        ),
        (
            "regions, a pattern and an ignore-case comparison",
            "managed",
            with_condition(
                r#"{"StringEqualsIgnoreCase":{"aws:RequestedRegion":"EU-West-1"},"StringLike":{"aws:RequestedRegion":"us-*"}}"#,
            ),
            "INVALID_REGION",
            false,
        ),
        // INVALID_CONDITION_DATA_TYPE
        (
            "a number and a string",
            "managed",
            with_condition(r#"{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":[10,"100"]}}"#),
            "INVALID_CONDITION_DATA_TYPE",
            true,
        ),
        (
            "numbers only",
            "managed",
            with_condition(r#"{"NumericLessThanEquals":{"aws:MultiFactorAuthAge":[10,100]}}"#),
            "INVALID_CONDITION_DATA_TYPE",
            false,
        ),
        // UNIQUE_SIDS_RECOMMENDED and UNIQUE_SIDS_REQUIRED
        (
            "two equal Sids in a bucket policy",
            "s3-bucket",
            many(&[
                r#""Sid":"R","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*""#,
                r#""Sid":"R","Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:ListBucket","Resource":"arn:aws:s3:::b""#,
            ]),
            "UNIQUE_SIDS_RECOMMENDED",
            true,
        ),
        (
            "two equal Sids in an identity policy are an error",
            "managed",
            many(&[
                r#""Sid":"R","Effect":"Allow","Action":"s3:GetObject","Resource":"*""#,
                r#""Sid":"R","Effect":"Allow","Action":"s3:ListBucket","Resource":"*""#,
            ]),
            "UNIQUE_SIDS_RECOMMENDED",
            false,
        ),
        (
            "two equal Sids in an identity policy are an error (the code)",
            "managed",
            many(&[
                r#""Sid":"R","Effect":"Allow","Action":"s3:GetObject","Resource":"*""#,
                r#""Sid":"R","Effect":"Allow","Action":"s3:ListBucket","Resource":"*""#,
            ]),
            "UNIQUE_SIDS_REQUIRED",
            true,
        ),
        (
            "two equal Sids in an SCP",
            "scp",
            many(&[
                r#""Sid":"D","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*""#,
                r#""Sid":"D","Effect":"Deny","Action":"s3:PutBucketPolicy","Resource":"*""#,
            ]),
            "UNIQUE_SIDS_RECOMMENDED",
            true,
        ),
        // UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL and RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL
        (
            "an organization key for a service principal",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com""#,
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            true,
        ),
        (
            "a role-session key in a service role's trust policy",
            "trust",
            one(
                r#""Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#,
            ),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            true,
        ),
        (
            "the organization key with a service and an account",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com","AWS":"111122223333""#,
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        (
            "the organization key for AWS principals",
            "s3-bucket",
            service_grant(
                r#""AWS":"*""#,
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        (
            "the organization key in an identity policy",
            "managed",
            with_condition(r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        (
            "a key service principals do send",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com""#,
                r#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#,
            ),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        (
            "IfExists on the organization key is no error",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com""#,
                r#"{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        (
            "IfExists on the organization key is a recommendation",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com""#,
                r#"{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            true,
        ),
        (
            "the error is not also a recommendation",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com""#,
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            ),
            "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        (
            "the referer for a service principal",
            "s3-bucket",
            service_grant(
                r#""Service":"cloudfront.amazonaws.com""#,
                r#"{"StringLike":{"aws:Referer":"https://example.com/*"}}"#,
            ),
            "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            true,
        ),
        (
            "the referer for everyone",
            "s3-bucket",
            service_grant(
                r#""AWS":"*""#,
                r#"{"StringLike":{"aws:Referer":"https://example.com/*"}}"#,
            ),
            "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
            false,
        ),
        // CONFIRM_AUDIENCE_CLAIM_TYPE
        (
            "a qualifier on a provider's audience",
            "trust",
            web_identity(
                r#"{"ForAnyValue:StringEquals":{"gitlab.example.com:aud":"https://gitlab.example.com"}}"#,
            ),
            "CONFIRM_AUDIENCE_CLAIM_TYPE",
            true,
        ),
        (
            "a plain operator on a provider's audience",
            "trust",
            web_identity(
                r#"{"StringEquals":{"gitlab.example.com:aud":"https://gitlab.example.com"}}"#,
            ),
            "CONFIRM_AUDIENCE_CLAIM_TYPE",
            false,
        ),
        (
            "a qualifier on another claim",
            "trust",
            web_identity(
                r#"{"ForAnyValue:StringEquals":{"gitlab.example.com:groups":"admins"},"StringEquals":{"gitlab.example.com:aud":"x"}}"#,
            ),
            "CONFIRM_AUDIENCE_CLAIM_TYPE",
            false,
        ),
    ]
}

/// A bucket policy statement granting `s3:PutObject` to `principal` (the members of the
/// `Principal` object) under `condition`.
fn service_grant(principal: &str, condition: &str) -> String {
    one(&format!(
        r#""Effect":"Allow","Principal":{{{principal}}},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*","Condition":{condition}"#
    ))
}

/// A trust statement for a GitLab OIDC provider under `condition`.
fn web_identity(condition: &str) -> String {
    one(&format!(
        r#""Effect":"Allow","Principal":{{"Federated":"arn:aws:iam::111122223333:oidc-provider/gitlab.example.com"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{condition}"#
    ))
}

/// The codes `Policy::from_json_with` reports, in document order.
fn library_codes(text: &str, policy_type: &str) -> Vec<String> {
    let options =
        Options::new().with_policy_type(PolicyType::from_name(policy_type).expect("a policy type"));
    let found = match Policy::from_json_with(text, &options) {
        Ok(loaded) => loaded.warnings,
        Err(error) => error.diagnostics().to_vec(),
    };
    found
        .iter()
        .map(|d| d.diagnostic.code().to_owned())
        .collect()
}

fn cli_codes(dir: &std::path::Path, text: &str, policy_type: &str) -> Vec<String> {
    write(dir, "p.json", text);
    let run = run_in(
        dir,
        &[
            "check",
            "--format",
            "json",
            "--policy-type",
            policy_type,
            "p.json",
        ],
    );
    run.json()
        .as_array()
        .expect("an array of findings")
        .iter()
        .map(|f| f["code"].as_str().expect("a code").to_owned())
        .collect()
}

#[test]
fn the_cli_and_the_library_agree_on_each_case() {
    let dir = scratch("aa-findings");
    for (what, policy_type, text, code, expected) in cases() {
        let library = library_codes(&text, policy_type);
        let cli = cli_codes(&dir, &text, policy_type);
        assert_eq!(cli, library, "{what}: {text}");
        assert_eq!(
            library.iter().any(|c| c == code),
            expected,
            "{what}: {code} expected {expected}, found {library:?} in {text}"
        );
    }
}
