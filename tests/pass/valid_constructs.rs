// Constructs that are valid and must compile without a finding: a single statement object, `Id`,
// `Deny` with `NotAction` and `NotResource`, JSON numbers and booleans as condition values, epoch
// dates (with `allow(INVALID_DATE_VALUE)`: Access Analyzer recommends ISO dates), IPv6 blocks, a
// variable with a default, the special variable `${*}`, `ArnLike`, an S3 ARN with empty region
// and account, a character in U+0080..=U+00FF, a set qualifier on a multivalued
// key, and raw string literals.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request, Values};

static SESSIONS: Policy = policy!({
    "Version": "2012-10-17",
    "Id": "SessionGuard",
    "Statement": {
        "Sid": "OnlyOwnSessions",
        "Effect": "Deny",
        "NotAction": ["ssm:StartSession", "ssm:DescribeSessions"],
        "NotResource": "arn:aws:ssm:*:*:session/${aws:username}-*"
    }
});

static CONDITIONS: Policy = policy!(allow(INVALID_DATE_VALUE), {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NumericLessThan": { "aws:MultiFactorAuthAge": 3600 },
            "Bool": { "aws:SecureTransport": true },
            "DateGreaterThan": { "aws:CurrentTime": 1767225600 },
            "IpAddress": { "aws:SourceIp": ["2001:db8::/32", "203.0.113.0/24"] },
            "StringLike": { "aws:PrincipalTag/team": "${aws:PrincipalTag/project, 'company-wide'}${*}" },
            "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::123456789012:role/*" },
            "StringEqualsIgnoreCase": { "aws:username": "Zoë" },
            "ForAnyValue:StringEquals": { "aws:CalledVia": [r"cloudformation.amazonaws.com"] }
        }
    }]
});

static OBJECTS: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["s3:GetObject", "s3:PutObject"],
        r"Resource": r"arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"
    }]
});

fn main() {
    // Deny + NotAction + NotResource: denies every other action outside one's own sessions.
    let alice = [("aws:username", "alice")];
    let own = "arn:aws:ssm:us-east-2:123456789012:session/alice-0a1b2c3d";
    let other = "arn:aws:ssm:us-east-2:123456789012:session/bob-0a1b2c3d";
    assert_eq!(SESSIONS.evaluate(&Request::new("ssm:TerminateSession", other).context(&alice)), Decision::ExplicitlyDenied);
    assert_eq!(SESSIONS.evaluate(&Request::new("ssm:TerminateSession", own).context(&alice)), Decision::ImplicitlyDenied);
    assert_eq!(SESSIONS.evaluate(&Request::new("ssm:StartSession", other).context(&alice)), Decision::ImplicitlyDenied);
    let resume = Request::new("ssm:ResumeSession", other).context(&alice);
    assert_eq!(SESSIONS.explain(&resume).statement.and_then(|s| s.sid), Some("OnlyOwnSessions"));

    let instance = "arn:aws:ec2:us-east-2:123456789012:instance/i-1234567890EXAMPLE";
    let context = [
        ("aws:MultiFactorAuthAge", Values::One("600")),
        ("aws:SecureTransport", Values::One("true")),
        ("aws:CurrentTime", Values::One("2026-06-01T00:00:00Z")),
        ("aws:SourceIp", Values::One("2001:db8::7")),
        // No `aws:PrincipalTag/project`: its default, then `${*}`, a literal `*`.
        ("aws:PrincipalTag/team", Values::One("company-wide*")),
        ("aws:PrincipalArn", Values::One("arn:aws:iam::123456789012:role/admin")),
        ("aws:username", Values::One("ZOË")),
        ("aws:CalledVia", Values::Strs(&["cloudformation.amazonaws.com", "athena.amazonaws.com"])),
    ];
    assert_eq!(CONDITIONS.evaluate(&Request::new("ssm:StartSession", instance).context(&context)), Decision::Allowed);
    let mut stale = context;
    stale[0] = ("aws:MultiFactorAuthAge", Values::One("7200"));
    assert_eq!(CONDITIONS.evaluate(&Request::new("ssm:StartSession", instance).context(&stale)), Decision::ImplicitlyDenied);
    assert!(CONDITIONS.to_json().contains(r#""NumericLessThan":{"aws:MultiFactorAuthAge":3600}"#));
    assert!(CONDITIONS.to_json().contains(r#""Bool":{"aws:SecureTransport":true}"#));

    let object = "arn:aws:s3:::amzn-s3-demo-bucket/home/alice/notes.txt";
    assert_eq!(OBJECTS.evaluate(&Request::new("s3:GetObject", object).context(&alice)), Decision::Allowed);
    assert_eq!(OBJECTS.evaluate(&Request::new("s3:DeleteObject", object).context(&alice)), Decision::ImplicitlyDenied);
}
