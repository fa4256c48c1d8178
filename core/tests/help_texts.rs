//! The help-text audit (issue 12, item 7): a typical mistake for each help text of the validator,
//! with the message and the help it gets, read and judged right for that input. A wrong fix text
//! (`NumericLessThanEquals` with `"one hundred"` told to "remove the whitespace", `Foo` told "did
//! you mean `Bool`?") fails here. When a message changes on purpose, read it against its input
//! before updating the row.

use iam_policy_core::compile_text;
use iam_policy_core::validate::Options;

/// A policy of one `Allow` statement with `extra` as its other members.
fn stmt(extra: &str) -> String {
    format!(r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow",{extra}}}]}}"#)
}

/// A statement allowing `s3:GetObject` on a bucket's objects under the condition block `block`.
fn cond(block: &str) -> String {
    stmt(&format!(
        r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{block}"#
    ))
}

type Expected = &'static [(&'static str, &'static str, &'static str)];

#[test]
fn every_help_text_fits_the_input_that_triggers_it() {
    let cases: Vec<(&str, String, Expected)> = vec![
        (
            "num words",
            cond(r#"{"NumericLessThanEquals":{"s3:max-keys":"one hundred"}}"#),
            &[(
                "TYPE_MISMATCH_NUMBER",
                "`NumericLessThanEquals` cannot compare this value: `one hundred` is not a number",
                "use a number such as `10` or `0.5`",
            )],
        ),
        (
            "num spaces",
            cond(r#"{"NumericLessThanEquals":{"s3:max-keys":"1 000"}}"#),
            &[(
                "TYPE_MISMATCH_NUMBER",
                "`NumericLessThanEquals` cannot compare this value: `1 000` is not a number: remove the whitespace",
                "use a number such as `10` or `0.5`",
            )],
        ),
        (
            "bool yes",
            cond(r#"{"Bool":{"aws:SecureTransport":"yes"}}"#),
            &[(
                "TYPE_MISMATCH_BOOLEAN",
                "`Bool` cannot compare this value: `yes` is not a boolean, expected `true` or `false`, write `true`",
                "use `true` or `false`",
            )],
        ),
        (
            "bool maybe",
            cond(r#"{"Bool":{"aws:SecureTransport":"maybe"}}"#),
            &[(
                "TYPE_MISMATCH_BOOLEAN",
                "`Bool` cannot compare this value: `maybe` is not a boolean, expected `true` or `false`",
                "use `true` or `false`",
            )],
        ),
        (
            "date",
            cond(r#"{"DateGreaterThan":{"aws:CurrentTime":"yesterday"}}"#),
            &[(
                "TYPE_MISMATCH_DATE",
                "`DateGreaterThan` cannot compare this value: `yesterday` is not a valid date: use ISO 8601 such as `2026-01-31T00:00:00Z` or epoch seconds",
                "use an ISO 8601 date such as `2026-01-31T00:00:00Z`, or epoch seconds",
            )],
        ),
        (
            "date month",
            cond(r#"{"DateGreaterThan":{"aws:CurrentTime":"2026-13-01T00:00:00Z"}}"#),
            &[(
                "TYPE_MISMATCH_DATE",
                "`DateGreaterThan` cannot compare this value: `2026-13-01T00:00:00Z` is not a valid date: month 13 is out of range 1-12; use ISO 8601 such as `2026-01-31T00:00:00Z` or epoch seconds",
                "use an ISO 8601 date such as `2026-01-31T00:00:00Z`, or epoch seconds",
            )],
        ),
        (
            "ip",
            cond(r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/33"}}"#),
            &[(
                "TYPE_MISMATCH_IP_RANGE",
                "`IpAddress` cannot compare this value: `10.0.0.0/33` has a prefix length above 32, the maximum for ipv4",
                "use an address or CIDR block such as `203.0.113.0/24` or `2001:db8::/32`",
            )],
        ),
        (
            "ip words",
            cond(r#"{"IpAddress":{"aws:SourceIp":"office"}}"#),
            &[(
                "TYPE_MISMATCH_IP_RANGE",
                "`IpAddress` cannot compare this value: `office` is not a valid ip address or cidr block, expected e.g. `203.0.113.0/24` or `2001:db8::/32`",
                "use an address or CIDR block such as `203.0.113.0/24` or `2001:db8::/32`",
            )],
        ),
        (
            "arn not arn",
            cond(r#"{"ArnLike":{"aws:SourceArn":"my-role"}}"#),
            &[(
                "TYPE_MISMATCH_ARN",
                "the value `my-role` of `ArnLike` is not an ARN",
                "use an ARN such as `arn:aws:iam::123456789012:role/*`, or a String operator",
            )],
        ),
        (
            "unknown op",
            cond(r#"{"StringEqual":{"aws:username":"a"}}"#),
            &[(
                "INVALID_CONDITION_OPERATOR",
                "`StringEqual` is not a condition operator",
                "did you mean `StringEquals`?",
            )],
        ),
        (
            "unknown op2",
            cond(r#"{"Foo":{"aws:username":"a"}}"#),
            &[(
                "INVALID_CONDITION_OPERATOR",
                "`Foo` is not a condition operator",
                "see the IAM condition operators: StringEquals, StringLike, ArnLike, Bool, NumericLessThan, DateGreaterThan, IpAddress, Null, ...",
            )],
        ),
        (
            "op case",
            cond(r#"{"stringequals":{"aws:username":"a"}}"#),
            &[(
                "INVALID_CONDITION_OPERATOR",
                "`stringequals` is not a condition operator",
                "did you mean `StringEquals`?",
            )],
        ),
        (
            "nullifexists",
            cond(r#"{"NullIfExists":{"aws:username":"true"}}"#),
            &[(
                "NULL_WITH_IF_EXISTS",
                "the `Null` operator cannot take the `IfExists` suffix: `NullIfExists`",
                "use `Null`: it already tests whether the key exists",
            )],
        ),
        (
            "empty cond",
            cond(r#"{}"#),
            &[(
                "EMPTY_OBJECT_CONDITION",
                "the `Condition` block is empty and has no effect",
                "add conditions, or remove the `Condition` element",
            )],
        ),
        (
            "empty op",
            cond(r#"{"StringEquals":{}}"#),
            &[(
                "EMPTY_OBJECT_CONDITION",
                "the operator `StringEquals` has no condition keys and has no effect",
                "add a condition key, or remove the operator",
            )],
        ),
        (
            "empty vals",
            cond(r#"{"StringEquals":{"aws:username":[]}}"#),
            &[(
                "EMPTY_ARRAY_CONDITION",
                "the condition key `aws:username` has no values",
                "give at least one value",
            )],
        ),
        (
            "key format",
            cond(r#"{"StringEquals":{"username":"a"}}"#),
            &[(
                "INVALID_CONDITION_KEY_FORMAT",
                "the condition key `username` is not valid: use the format `service:keyname`",
                "a condition key looks like `aws:username` or `ssm:resourceTag/Finance`",
            )],
        ),
        (
            "key spaces",
            cond(r#"{"StringEquals":{"aws:user name":"a"}}"#),
            &[(
                "INVALID_CONDITION_KEY_FORMAT",
                "the condition key `aws:user name` contains whitespace",
                "write `aws:username`",
            )],
        ),
        (
            "wild no like",
            cond(r#"{"StringEquals":{"aws:username":"a*"}}"#),
            &[(
                "WILDCARD_WITHOUT_LIKE_OPERATOR",
                "the value `a*` contains `*` or `?`, which `StringEquals` compares as text",
                "to match a pattern, use `StringLike`",
            )],
        ),
        (
            "wild no like arn",
            cond(r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:iam::123456789012:role/*"}}"#),
            &[],
        ),
        (
            "bool multi",
            cond(r#"{"Bool":{"aws:SecureTransport":["true","false"]}}"#),
            &[(
                "INVALID_CONDITION_MULTIPLE_BOOLEAN",
                "the condition key `aws:SecureTransport` has several boolean values",
                "use a single `true` or `false`",
            )],
        ),
        (
            "var typo",
            cond(r#"{"StringEquals":{"aws:username":"${aws:usrname}"}}"#),
            &[(
                "INVALID_VARIABLE",
                "the policy variable `${aws:usrname}` does not exist",
                "did you mean `${aws:username}`?",
            )],
        ),
        (
            "var nocolon",
            cond(r#"{"StringEquals":{"aws:username":"${username}"}}"#),
            &[(
                "INVALID_VARIABLE",
                "the policy variable `${username}` does not name a context key: it has no service prefix",
                "did you mean `${aws:username}`?",
            )],
        ),
        (
            "var space",
            cond(r#"{"StringEquals":{"aws:username":"${aws: username}"}}"#),
            &[(
                "UNSUPPORTED_SPACE_IN_VARIABLE",
                "a space is not supported in the policy variable `${aws: username}`",
                "write `${aws:username}`",
            )],
        ),
        (
            "var unclosed",
            cond(r#"{"StringEquals":{"aws:username":"${aws:username"}}"#),
            &[(
                "MISSING_BRACE_IN_VARIABLE",
                "the policy variable in `${aws:username` is missing its closing `}`",
                "add `}` after the variable's name",
            )],
        ),
        (
            "var default",
            cond(r#"{"StringEquals":{"aws:username":"${aws:username, x}"}}"#),
            &[(
                "MISSING_QUOTE_IN_VARIABLE",
                "the default value of the policy variable `${aws:username, x}` must begin and end with a single quote",
                "write the default as `${key, 'default'}`",
            )],
        ),
        (
            "var numeric",
            cond(r#"{"NumericLessThan":{"s3:max-keys":"${aws:username}"}}"#),
            &[(
                "INVALID_VARIABLE_FOR_OPERATOR",
                "policy variables cannot be used with the `NumericLessThan` operator: `${aws:username}`",
                "policy variables work only with String and ARN operators",
            )],
        ),
        (
            "unknown key",
            cond(r#"{"StringEquals":{"aws:usrname":"a"}}"#),
            &[(
                "INVALID_GLOBAL_CONDITION_KEY",
                "the condition key `aws:usrname` does not exist",
                "did you mean `aws:username`?",
            )],
        ),
        (
            "svc key",
            cond(r#"{"StringEquals":{"s3:prefx":"a"}}"#),
            Box::leak(Box::new([(
                "INVALID_SERVICE_CONDITION_KEY",
                "the condition key `s3:prefx` does not exist in the service `s3`",
                newer_key("did you mean `s3:prefix`?", "s3:prefx"),
            )])),
        ),
        (
            "base64",
            cond(r#"{"BinaryEquals":{"aws:username":"QU D"}}"#),
            &[(
                "TYPE_MISMATCH_STRING",
                "`BinaryEquals` cannot compare this value: `QU D` is not valid base64: unexpected character ` ` at offset 2",
                "use base64-encoded bytes, such as `QmluYXJ5`",
            )],
        ),
        (
            "effect lower",
            String::from(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:GetObject","Resource":"*"}]}"#,
            ),
            &[(
                "INVALID_EFFECT",
                "the effect `allow` is not valid: use `Allow` or `Deny`",
                "use `Allow`",
            )],
        ),
        (
            "effect other",
            String::from(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"}]}"#,
            ),
            &[(
                "INVALID_EFFECT",
                "the effect `Permit` is not valid: use `Allow` or `Deny`",
                "use `Allow` or `Deny`",
            )],
        ),
        (
            "no effect",
            String::from(
                r#"{"Version":"2012-10-17","Statement":[{"Action":"s3:GetObject","Resource":"*"}]}"#,
            ),
            &[(
                "MISSING_EFFECT",
                "the statement has no `Effect`",
                "add `\"Effect\": \"Allow\"` or `\"Effect\": \"Deny\"`",
            )],
        ),
        (
            "version",
            String::from(
                r#"{"Version":"2012-10-18","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
            ),
            &[(
                "INVALID_VERSION",
                "the version `2012-10-18` is not valid: use `2012-10-17` or `2008-10-17`",
                "use `\"Version\": \"2012-10-17\"`",
            )],
        ),
        (
            "no version",
            String::from(
                r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
            ),
            &[(
                "MISSING_VERSION",
                "the policy has no `Version`: IAM reads it as version 2008-10-17, without policy variables",
                "add `\"Version\": \"2012-10-17\"`",
            )],
        ),
        (
            "statemnt",
            String::from(
                r#"{"Version":"2012-10-17","Statemnt":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
            ),
            &[(
                "INVALID_POLICY_ELEMENT",
                "`Statemnt` is not a valid element of the policy",
                "did you mean `Statement`?",
            )],
        ),
        (
            "resorce",
            stmt(r#""Action":"s3:GetObject","Resorce":"*""#),
            &[(
                "INVALID_POLICY_ELEMENT",
                "`Resorce` is not a valid element of a statement",
                "did you mean `Resource`?",
            )],
        ),
        (
            "no action",
            stmt(r#""Resource":"*""#),
            &[(
                "MISSING_ACTION",
                "the statement has no `Action` or `NotAction`",
                "add an `Action` element naming what the statement allows or denies",
            )],
        ),
        (
            "no resource",
            stmt(r#""Action":"s3:GetObject""#),
            &[(
                "MISSING_RESOURCE",
                "the statement has no `Resource` or `NotResource`",
                "add `\"Resource\": \"*\"` or the ARNs the statement applies to",
            )],
        ),
        (
            "action typo",
            stmt(r#""Action":"s3:GetObjekt","Resource":"*""#),
            Box::leak(Box::new([(
                "INVALID_ACTION",
                "the action `s3:GetObjekt` does not exist",
                newer("did you mean `s3:GetObject`?", "s3:GetObjekt"),
            )])),
        ),
        (
            "action svc",
            stmt(r#""Action":"s4:GetObject","Resource":"*""#),
            Box::leak(Box::new([(
                "INVALID_SERVICE_IN_ACTION",
                "the service `s4` specified in the action does not exist",
                newer("did you mean `s3`?", "s4:GetObject"),
            )])),
        ),
        (
            "action nocolon",
            stmt(r#""Action":"GetObject","Resource":"*""#),
            &[(
                "INVALID_ACTION_FORMAT",
                "the action `GetObject` is not valid: it has no service prefix",
                "write an action as `service:ActionName`, such as `ssm:StartSession`",
            )],
        ),
        (
            "action wild svc",
            stmt(r#""Action":"s*:GetObject","Resource":"*""#),
            &[(
                "WILDCARD_IN_SERVICE_NAME",
                "the service prefix of `s*:GetObject` contains a wildcard, which IAM rejects",
                "name the service exactly and put wildcards only in the action name, such as `ssm:Get*`",
            )],
        ),
        (
            "action space",
            stmt(r#""Action":"s3: GetObject","Resource":"*""#),
            &[(
                "INVALID_ACTION_FORMAT",
                "the action `s3: GetObject` is not valid: the action name contains ` `",
                "write an action as `service:ActionName`, such as `ssm:StartSession`",
            )],
        ),
        (
            "action case",
            stmt(r#""Action":"S3:GetObject","Resource":"*""#),
            &[],
        ),
        (
            "resource empty",
            stmt(r#""Action":"s3:GetObject","Resource":"""#),
            &[(
                "INVALID_ARN_PREFIX",
                "the resource is an empty string: a resource must be an ARN or `\"*\"`",
                "use `\"*\"` to apply the statement to every resource, or give an ARN",
            )],
        ),
        (
            "resource notarn",
            stmt(r#""Action":"s3:GetObject","Resource":"my-bucket""#),
            &[(
                "INVALID_ARN_PREFIX",
                "the resource `my-bucket` is not an ARN: a resource must be an ARN or `\"*\"`",
                "write an ARN as `arn:partition:service:region:account:resource`, or use `\"*\"`",
            )],
        ),
        (
            "resource short",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::""#),
            &[(
                "INVALID_ARN_RESOURCE",
                "the ARN `arn:aws:s3:::` has an empty resource part",
                "name the resource, or end the ARN with `*`",
            )],
        ),
        (
            "resource fields",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:b""#),
            &[(
                "MISSING_ARN_FIELD",
                "the ARN `arn:aws:s3:b` has 4 of its 6 fields",
                "write an ARN as `arn:partition:service:region:account:resource`",
            )],
        ),
        (
            "partition",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:awss:s3:::b/*""#),
            &[(
                "INVALID_PARTITION",
                "`awss` in `arn:awss:s3:::b/*` is not an AWS partition",
                "did you mean `aws`?",
            )],
        ),
        (
            "region",
            stmt(
                r#""Action":"ssm:StartSession","Resource":"arn:aws:ssm:useast1:123456789012:document/x""#,
            ),
            &[(
                "INVALID_ARN_REGION",
                "the region `useast1` in the ARN `arn:aws:ssm:useast1:123456789012:document/x` is not a region",
                "use a region such as `us-east-1`, `*` for every region, or leave it empty",
            )],
        ),
        (
            "account",
            stmt(
                r#""Action":"ssm:StartSession","Resource":"arn:aws:ssm:us-east-1:1234:document/x""#,
            ),
            &[(
                "INVALID_ARN_ACCOUNT",
                "the account `1234` in the ARN `arn:aws:ssm:us-east-1:1234:document/x` is not a 12-digit account ID",
                "use a 12-digit account ID such as `123456789012`, `*` for every account, or leave it empty",
            )],
        ),
        (
            "svc upper",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:aws:S3:::b/*""#),
            &[(
                "INVALID_ARN_SERVICE_CASE",
                "the service `S3` in the ARN `arn:aws:S3:::b/*` must be lowercase",
                "use `s3`",
            )],
        ),
        (
            "s3 region",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:us-east-1::b/*""#),
            &[(
                "ARN_REGION_NOT_ALLOWED",
                "the service `s3` does not support specifying a region in the resource ARN `arn:aws:s3:us-east-1::b/*`",
                "remove the region `us-east-1`",
            )],
        ),
        (
            "mismatch",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket""#),
            &[(
                "RESOURCE_MISMATCH",
                "no action of the statement acts on `arn:aws:s3:::bucket`",
                "the actions take resources such as `arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}`, `arn:${Partition}:s3:::${BucketName}/${ObjectName}`",
            )],
        ),
        (
            "sid",
            stmt(r#""Sid":"my sid","Action":"s3:GetObject","Resource":"*""#),
            &[(
                "UNSUPPORTED_SID",
                "the Sid `my sid` contains ` `: a Sid may contain only `A-Z`, `a-z` and `0-9`",
                "use `mysid`",
            )],
        ),
        (
            "sid empty",
            stmt(r#""Sid":"","Action":"s3:GetObject","Resource":"*""#),
            &[(
                "EMPTY_SID_VALUE",
                "the Sid is empty",
                "name the statement, or remove the `Sid`",
            )],
        ),
        (
            "principal",
            stmt(r#""Principal":"*","Action":"s3:GetObject","Resource":"*""#),
            &[(
                "UNSUPPORTED_PRINCIPAL",
                "an identity policy cannot have a `Principal` element",
                "remove `Principal`: the policy applies to the identity it is attached to; for a resource-based policy, give its type (`kind = S3Bucket` in `policy!`, `Policy::from_json_as(text, PolicyType::S3Bucket)`, `--policy-type s3-bucket` in the CLI)",
            )],
        ),
        (
            "iam region",
            stmt(
                r#""Action":"iam:GetUser","Resource":"arn:aws:iam:us-east-1:123456789012:user/x""#,
            ),
            &[(
                "ARN_REGION_NOT_ALLOWED",
                "the IAM resource ARN `arn:aws:iam:us-east-1:123456789012:user/x` has the region `us-east-1`: IAM resources are global",
                "remove the region: `arn:aws:iam::123456789012:user/x`",
            )],
        ),
        (
            "iam badtype",
            stmt(r#""Action":"iam:GetUser","Resource":"arn:aws:iam::123456789012:example_bucket""#),
            &[(
                "INVALID_ARN_RESOURCE",
                "`example_bucket` in the ARN `arn:aws:iam::123456789012:example_bucket` is not an IAM resource: IAM rejects it",
                "start the resource part with an IAM resource type, such as `user/`, `role/`, `group/` or `policy/`, or use `*`; a bucket or another service's resource takes that service's ARN",
            )],
        ),
        (
            "trailing",
            String::from("{\"Version\":\"2012-10-17\",}"),
            &[(
                "JSON_SYNTAX_ERROR",
                "trailing comma before `}`",
                "fix the JSON syntax: IAM accepts strict JSON only (no comments, no trailing commas)",
            )],
        ),
        (
            "unfinished object",
            String::from("{"),
            &[(
                "JSON_SYNTAX_ERROR",
                "unexpected end of the document: expected a string key or `}`",
                "fix the JSON syntax: IAM accepts strict JSON only (no comments, no trailing commas)",
            )],
        ),
        (
            "single-quoted key",
            String::from("{'Version':'2012-10-17'}"),
            &[(
                "JSON_SYNTAX_ERROR",
                "expected a string key in double quotes",
                "fix the JSON syntax: IAM accepts strict JSON only (no comments, no trailing commas)",
            )],
        ),
        (
            "tag space",
            cond(r#"{"StringEquals":{"aws:PrincipalTag/team name":"a"}}"#),
            &[],
        ),
        (
            "arn svc wild",
            cond(r#"{"ArnLike":{"aws:SourceArn":"arn:aws:*:*:123456789012:*"}}"#),
            &[],
        ),
        (
            "forall single",
            cond(r#"{"ForAllValues:StringEquals":{"aws:username":"a"}}"#),
            &[(
                "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
                "`ForAllValues:` with the single-valued condition key `aws:username` can be overly permissive: it is also true when the key is missing",
                "remove `ForAllValues:`",
            )],
        ),
        (
            "arn op string key",
            cond(r#"{"ArnLike":{"aws:username":"arn:aws:iam::123456789012:user/a"}}"#),
            &[(
                "ARN_OPERATOR_WITH_STRING_CONDITION_KEY",
                "the condition key `aws:username` is of type String; `ArnLike` matches only values that are ARNs",
                "use a String operator such as `StringLike` unless the key's values are ARNs",
            )],
        ),
        (
            "iam region star",
            stmt(r#""Action":"*","Resource":"arn:aws:iam:us-east-1::user/x""#),
            &[(
                "ARN_REGION_NOT_ALLOWED",
                "the IAM resource ARN `arn:aws:iam:us-east-1::user/x` has the region `us-east-1`: IAM resources are global",
                "remove the region: `arn:aws:iam:::user/x`",
            )],
        ),
        (
            "iam bucket star",
            stmt(r#""Action":"*","Resource":"arn:aws:iam:::example_bucket""#),
            &[(
                "INVALID_ARN_RESOURCE",
                "`example_bucket` in the ARN `arn:aws:iam:::example_bucket` is not an IAM resource: IAM rejects it",
                "start the resource part with an IAM resource type, such as `user/`, `role/`, `group/` or `policy/`, or use `*`; a bucket or another service's resource takes that service's ARN",
            )],
        ),
        (
            "iam bucket s3",
            stmt(r#""Action":"s3:GetObject","Resource":"arn:aws:iam:::example_bucket""#),
            &[(
                "INVALID_ARN_RESOURCE",
                "`example_bucket` in the ARN `arn:aws:iam:::example_bucket` is not an IAM resource: IAM rejects it",
                "start the resource part with an IAM resource type, such as `user/`, `role/`, `group/` or `policy/`, or use `*`; a bucket or another service's resource takes that service's ARN",
            )],
        ),
        (
            "iam pattern",
            stmt(
                r#""Action":"iam:*","Resource":["arn:aws:iam::*:r*","arn:aws:iam::123456789012:${aws:username}","arn:aws:iam::aws:policy/x","arn:aws:iam::123456789012:root"]"#,
            ),
            &[
                (
                    "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
                    "the action pattern `iam:*` allows `iam:PassRole` on every role that `arn:aws:iam::*:r*` matches: the principal can pass a role more privileged than itself to a service",
                    "name the role ARNs in `Resource`, or add a condition on `iam:PassedToService`",
                ),
                (
                    "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE",
                    "the action pattern `iam:*` allows `iam:CreateServiceLinkedRole` on every role that `arn:aws:iam::*:r*` matches: the principal can create the service-linked role of any service",
                    "name the role ARNs in `Resource`, or add a condition on `iam:AWSServiceName`",
                ),
                // `*` in the account and `r*` in the resource cover the root ARN too.
                (
                    "REDUNDANT_RESOURCE",
                    "the resource `arn:aws:iam::123456789012:root` is redundant: `arn:aws:iam::*:r*` already matches every resource it matches (1 redundant in this list)",
                    "remove `arn:aws:iam::123456789012:root`, or narrow the wildcards of `arn:aws:iam::*:r*` if it grants more than you meant",
                ),
                (
                    "RESOURCE_MISMATCH",
                    "no action of the statement acts on `arn:aws:iam::123456789012:root`",
                    "the actions take resources such as `arn:${Partition}:iam::${Account}:delegation-request/${DelegationRequestId}`, `arn:${Partition}:iam::${Account}:oidc-provider/${OidcProviderName}`, `arn:${Partition}:iam::${Account}:instance-profile/${InstanceProfileNameWithPath}` and 10 more",
                ),
            ],
        ),
        (
            "tag tab",
            cond("{\"StringEquals\":{\"aws:PrincipalTag/team\\tname\":\"a\"}}"),
            &[(
                "INVALID_CONDITION_KEY_FORMAT",
                "the condition key `aws:PrincipalTag/team\tname` contains whitespace",
                "remove the whitespace: only the tag key after `Tag/` may hold spaces (not tabs or line breaks)",
            )],
        ),
        (
            "tag space svc",
            cond(r#"{"StringEquals":{"aws:Principal Tag/team":"a"}}"#),
            &[(
                "INVALID_CONDITION_KEY_FORMAT",
                "the condition key `aws:Principal Tag/team` contains whitespace",
                "remove the whitespace: only the tag key after `Tag/` may hold spaces (not tabs or line breaks)",
            )],
        ),
        (
            "dup op",
            String::from(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:username":"a"},"StringEquals":{"aws:userid":"a"}}}]}"#,
            ),
            &[(
                "DUPLICATE_ELEMENT",
                "the operator `StringEquals` appears more than once",
                "merge the keys of both into one operator block",
            )],
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, expected) in &cases {
        let diagnostics = match compile_text(text, &Options::default()) {
            Ok((_, warnings)) => warnings,
            Err(diagnostics) => diagnostics,
        };
        let actual: Vec<(&str, &str, &str)> = diagnostics
            .iter()
            .map(|d| (d.code(), d.message(), d.help().unwrap_or("")))
            .collect();
        if actual != *expected {
            failures.push(format!(
                "{name}: {text}\n  expected {expected:#?}\n  actual   {actual:#?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The help for a name the catalog does not have: the did-you-mean, then the catalog's release and
/// how to declare a name AWS released after it. Leaked: the table holds `&'static str`.
fn newer(did_you_mean: &str, name: &str) -> &'static str {
    let text = format!(
        "{did_you_mean} if AWS released `{name}` after the action catalog ({}), declare it as an extra action (`extra_actions = [\"{name}\"]` in `policy!`, `Options::extras`, `--extra-action`)",
        iam_policy_core::catalog::snapshot()
    );
    Box::leak(text.into_boxed_str())
}

/// [`newer`] for a condition key.
fn newer_key(did_you_mean: &str, name: &str) -> &'static str {
    let text = format!(
        "{did_you_mean} if AWS released `{name}` after the action catalog ({}), declare it as an extra key (`extra_keys = [\"{name}\"]` in `policy!`, `Options::extras`, `--extra-key`)",
        iam_policy_core::catalog::snapshot()
    );
    Box::leak(text.into_boxed_str())
}
