//! Condition keys in statements that only service principals match (`"Principal": {"Service":
//! ...}`): the keys AWS never puts in a service principal's requests
//! (`UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL`, decision D36 of `docs/semantics.md`) and the
//! keys Access Analyzer asks to replace with `aws:SourceArn` or `aws:SourceAccount`
//! (`RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL`, same decision).

use super::Validator;
use super::document::{ConditionEntry, StatementModel};
use crate::codes;
use crate::compiled::ConditionValues;
use crate::diagnostic::Finding;
use crate::eval::{Truth, condition_truth};
use crate::operator::BaseOperator;
use crate::principal::PrincipalPattern;

/// The keys that the "Availability" lines of AWS's "AWS global condition context keys" page keep
/// out of a request made directly by a service principal (D36): the principal's organization,
/// tags and user name (present only for IAM users and roles, and members of an organization), the
/// whole "Properties of a role session" section ("only available when a request is made by a
/// principal with role session or federated user principal credentials"), and the keys of
/// forward access sessions (present only when a service uses an IAM principal's credentials).
const ABSENT_KEYS: &[&str] = &[
    "aws:AssumedRoot",
    "aws:CalledVia",
    "aws:CalledViaAWSMCP",
    "aws:CalledViaFirst",
    "aws:CalledViaLast",
    "aws:ChatbotSourceArn",
    "aws:Ec2InstanceSourcePrivateIPv4",
    "aws:Ec2InstanceSourceVpc",
    "aws:FederatedProvider",
    "aws:MultiFactorAuthAge",
    "aws:MultiFactorAuthPresent",
    "aws:PrincipalOrgID",
    "aws:PrincipalOrgPaths",
    "aws:SignInSessionArn",
    "aws:SourceIdentity",
    "aws:TokenIssueTime",
    "aws:username",
    "aws:ViaAWSMCPService",
    "codebuild:BuildArn",
    "codebuild:ProjectArn",
    "ec2:RoleDelivery",
    "ec2:SourceInstanceArn",
    "glue:CredentialIssuingService",
    "glue:RoleAssumedBy",
    "identitystore:UserId",
    "lambda:SourceFunctionArn",
    "ssm:SourceInstanceArn",
];

/// `aws:PrincipalTag/KEY`: the tags of an IAM user or role, which a service principal is not.
const ABSENT_PREFIX: &str = "aws:PrincipalTag/";

/// A key that a service principal's requests may carry but that does not say on whose behalf the
/// service calls: Access Analyzer's own example (its reference of this check), set by the caller.
const REPLACED_KEY: &str = "aws:Referer";

pub(crate) fn check(v: &mut Validator, statements: &[StatementModel]) {
    for s in statements {
        let Some(services) = service_principals(s) else {
            continue;
        };
        // The keys under a condition that needs them: the error. A key is never also recommended.
        let mut never: Vec<&ConditionEntry> = Vec::new();
        for c in s.conditions.iter().filter(|c| is_absent(&c.key.text)) {
            if never_holds(c) && !never.iter().any(|n| same_key(n, c)) {
                never.push(c);
            }
        }
        for c in &s.conditions {
            if never.iter().any(|n| same_key(n, c)) {
                continue;
            }
            if is_absent(&c.key.text) {
                recommend(
                    v,
                    c,
                    &services,
                    "its requests never carry it, so the condition always holds and restricts nothing",
                );
            } else if c.key.text.eq_ignore_ascii_case(REPLACED_KEY) {
                recommend(
                    v,
                    c,
                    &services,
                    "the caller sets it from the `Referer` header, any value it likes",
                );
            }
        }
        if let Some(first) = never.first() {
            let keys: Vec<String> = never.iter().map(|c| format!("`{}`", c.key.text)).collect();
            v.report(
                Finding::new(
                    codes::UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL,
                    format!(
                        "the requests of the service principal {services} never carry {}: the condition never holds, so the statement never applies",
                        keys.join(", ")
                    ),
                )
                .with_help(format!(
                    "remove the condition on {}; to say on whose behalf the service may call, test `aws:SourceArn` or `aws:SourceAccount`",
                    if never.len() == 1 { "this key" } else { "these keys" }
                )),
                &first.key.path,
                first.key.loc,
            );
        }
    }
}

/// The statement's principals, quoted for a message, when there are some and all are service
/// principals (`NotPrincipal` matches every other principal too).
fn service_principals(s: &StatementModel) -> Option<String> {
    let principals = s.principals.as_ref()?;
    if principals.negated || principals.entries.is_empty() {
        return None;
    }
    let mut names = Vec::new();
    for entry in &principals.entries {
        let PrincipalPattern::Service(service) = &entry.value else {
            return None;
        };
        names.push(format!("`{service}`"));
    }
    Some(names.join(", "))
}

fn same_key(a: &ConditionEntry, b: &ConditionEntry) -> bool {
    a.key.text.eq_ignore_ascii_case(&b.key.text)
}

fn is_absent(key: &str) -> bool {
    ABSENT_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
        || key
            .get(..ABSENT_PREFIX.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(ABSENT_PREFIX))
}

/// True when the condition is false whenever its key is missing: a positive operator without
/// `IfExists`, `ForAnyValue:`, or `Null` with only `false` ("the key must be present").
fn never_holds(c: &ConditionEntry) -> bool {
    if c.operator.value.base == BaseOperator::Null {
        return match &c.values {
            ConditionValues::Null(values) => {
                !values.is_empty() && values.iter().all(|absent| !absent)
            }
            _ => false,
        };
    }
    condition_truth(c.operator.value, None, |_| None) == Truth::False
}

fn recommend(v: &mut Validator, c: &ConditionEntry, services: &str, why: &str) {
    v.report(
        Finding::new(
            codes::RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL,
            format!(
                "`{}` does not restrict the service principal {services} to the resources it acts for: {why}",
                c.key.text
            ),
        )
        .with_help(format!(
            "test `aws:SourceArn` (the resource the service acts for) or `aws:SourceAccount` (its account) instead of `{}`",
            c.key.text
        )),
        &c.key.path,
        c.key.loc,
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::PolicyType;
    use crate::validate::test_support::one_statement;

    const CODES: [&str; 2] = [
        "UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
        "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
    ];

    /// The codes of this module, with their messages, that a one-statement policy gets.
    fn found(policy_type: PolicyType, statement: &str) -> Vec<(&'static str, String)> {
        one_statement(policy_type, statement)
            .into_iter()
            .filter(|(code, _)| CODES.contains(code))
            .collect()
    }

    fn codes(policy_type: PolicyType, statement: &str) -> Vec<&'static str> {
        found(policy_type, statement)
            .into_iter()
            .map(|(c, _)| c)
            .collect()
    }

    /// A bucket policy statement granting `principal` with `condition`.
    fn bucket(effect: &str, principal: &str, condition: &str) -> String {
        format!(
            r#"{{"Effect":"{effect}","Principal":{principal},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*","Condition":{condition}}}"#
        )
    }

    const CLOUDFRONT: &str = r#"{"Service":"cloudfront.amazonaws.com"}"#;

    #[test]
    fn keys_a_service_principal_never_sends_are_errors_when_the_condition_needs_them() {
        for condition in [
            r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            r#"{"ForAnyValue:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/*"}}"#,
            r#"{"StringEquals":{"aws:PrincipalTag/team":"web"}}"#,
            r#"{"StringEquals":{"aws:username":"jane"}}"#,
            r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#,
            r#"{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}"#,
            r#"{"StringEquals":{"aws:SourceIdentity":"jane"}}"#,
            r#"{"DateGreaterThan":{"aws:TokenIssueTime":"2024-01-01T00:00:00Z"}}"#,
            r#"{"ForAnyValue:StringEquals":{"aws:CalledVia":"cloudformation.amazonaws.com"}}"#,
            r#"{"ArnEquals":{"lambda:SourceFunctionArn":"arn:aws:lambda:eu-west-1:111122223333:function:f"}}"#,
            r#"{"Null":{"aws:PrincipalOrgID":"false"}}"#,
            r#"{"StringEquals":{"AWS:PRINCIPALORGID":"o-a1b2c3d4e5"}}"#,
        ] {
            assert_eq!(
                codes(
                    PolicyType::S3Bucket,
                    &bucket("Allow", CLOUDFRONT, condition)
                ),
                ["UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"],
                "{condition}"
            );
        }
        // A `Deny` whose condition never holds never denies: the same error.
        assert_eq!(
            codes(
                PolicyType::S3Bucket,
                &bucket(
                    "Deny",
                    CLOUDFRONT,
                    r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#
                )
            ),
            ["UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"]
        );
        // Trust policies too: a service assuming a role is no role session.
        let trust = r#"{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:PrincipalTag/team":"web"}}}"#;
        assert_eq!(
            codes(PolicyType::Trust, trust),
            ["UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"]
        );
    }

    #[test]
    fn all_the_keys_of_a_statement_are_in_one_finding() {
        let condition = r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5","aws:PrincipalTag/team":"web","aws:SourceAccount":"111122223333"},"StringLike":{"aws:PrincipalOrgID":"o-*"}}"#;
        let principal = r#"{"Service":["cloudfront.amazonaws.com","logging.s3.amazonaws.com"]}"#;
        let found = found(PolicyType::S3Bucket, &bucket("Allow", principal, condition));
        assert_eq!(found.len(), 1, "{found:?}");
        // The same key under a condition that holds without it: still one finding, the error.
        let both = r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"},"StringNotEquals":{"aws:PrincipalOrgID":"o-other"}}"#;
        assert_eq!(
            codes(PolicyType::S3Bucket, &bucket("Allow", CLOUDFRONT, both)),
            ["UNSUPPORTED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"]
        );
        assert_eq!(
            found[0].1,
            "the requests of the service principal `cloudfront.amazonaws.com`, `logging.s3.amazonaws.com` never carry `aws:PrincipalOrgID`, `aws:PrincipalTag/team`: the condition never holds, so the statement never applies"
        );
    }

    #[test]
    fn conditions_that_hold_without_the_key_are_recommendations() {
        for condition in [
            r#"{"StringEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            r#"{"StringNotEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#,
            r#"{"Null":{"aws:PrincipalTag/team":"true"}}"#,
            r#"{"ForAllValues:StringLike":{"aws:PrincipalOrgPaths":"o-a1b2c3d4e5/*"}}"#,
            r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"true"}}"#,
        ] {
            assert_eq!(
                codes(
                    PolicyType::S3Bucket,
                    &bucket("Allow", CLOUDFRONT, condition)
                ),
                ["RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"],
                "{condition}"
            );
        }
    }

    #[test]
    fn the_referer_is_a_recommendation() {
        let found = found(
            PolicyType::SnsTopic,
            r#"{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sns:Publish","Resource":"arn:aws:sns:eu-west-1:111122223333:t","Condition":{"StringLike":{"aws:Referer":"https://example.com/*"}}}"#,
        );
        assert_eq!(
            found,
            [(
                "RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL",
                "`aws:Referer` does not restrict the service principal `s3.amazonaws.com` to the resources it acts for: the caller sets it from the `Referer` header, any value it likes".to_owned()
            )]
        );
        assert_eq!(
            codes(
                PolicyType::S3Bucket,
                &bucket(
                    "Allow",
                    CLOUDFRONT,
                    r#"{"StringEquals":{"aws:referer":"x","aws:SourceAccount":"111122223333"}}"#
                )
            ),
            ["RECOMMENDED_CONDITION_KEY_FOR_SERVICE_PRINCIPAL"]
        );
    }

    #[test]
    fn other_principals_and_keys_are_not_reported() {
        let org = r#"{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}"#;
        // Mixed principals, AWS principals, everyone, `NotPrincipal`: requests of IAM principals
        // carry the key.
        for principal in [
            r#"{"Service":"cloudfront.amazonaws.com","AWS":"111122223333"}"#,
            r#"{"AWS":"*"}"#,
            r#""*""#,
            r#"{"AWS":"arn:aws:iam::111122223333:role/app"}"#,
        ] {
            assert!(
                codes(PolicyType::S3Bucket, &bucket("Allow", principal, org)).is_empty(),
                "{principal}"
            );
        }
        let not_principal = r#"{"Effect":"Deny","NotPrincipal":{"Service":"cloudfront.amazonaws.com"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"#;
        assert!(codes(PolicyType::S3Bucket, not_principal).is_empty());
        // Keys that service principals' requests do carry.
        for condition in [
            r#"{"StringEquals":{"aws:SourceAccount":"111122223333"}}"#,
            r#"{"ArnLike":{"aws:SourceArn":"arn:aws:cloudfront::111122223333:distribution/*"}}"#,
            r#"{"StringEquals":{"aws:PrincipalAccount":"111122223333"}}"#,
            r#"{"StringEquals":{"aws:PrincipalServiceName":"cloudfront.amazonaws.com"}}"#,
            r#"{"Bool":{"aws:PrincipalIsAWSService":"true"}}"#,
            r#"{"Bool":{"aws:SecureTransport":"true"}}"#,
            r#"{"StringEquals":{"aws:PrincipalOrgIDX":"o-a1b2c3d4e5"}}"#,
        ] {
            assert!(
                codes(
                    PolicyType::S3Bucket,
                    &bucket("Allow", CLOUDFRONT, condition)
                )
                .is_empty(),
                "{condition}"
            );
        }
        // Identity policies have no principal.
        let identity = r#"{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}"#;
        assert!(codes(PolicyType::Managed, identity).is_empty());
    }
}
