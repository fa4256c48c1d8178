// `policy!` in a `const` item (not a `static`), and in a `const` used to build another value.
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

const READ_ONLY: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Sid": "DescribeOnly",
        "Effect": "Allow",
        "Action": ["ssm:DescribeSessions", "ssm:GetConnectionStatus"],
        "Resource": "*"
    }]
});

static POLICIES: [Policy; 2] = [READ_ONLY, READ_ONLY];

fn main() {
    assert_eq!(READ_ONLY.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
    let instance = "arn:aws:ec2:us-east-1:123456789012:instance/i-1";
    assert_eq!(READ_ONLY.evaluate(&Request::new("ssm:StartSession", instance)), Decision::ImplicitlyDenied);
    let policy = READ_ONLY;
    let explained = policy.explain(&Request::new("ssm:GetConnectionStatus", instance));
    assert_eq!(explained.statement.and_then(|s| s.sid), Some("DescribeOnly"));
    for policy in &POLICIES {
        assert_eq!(policy.to_json(), READ_ONLY.to_json());
    }
}
