// `allow(CODE)` in the macro call silences that one code for that one policy, under
// `#![deny(warnings)]`: here MISSING_VERSION (a legacy policy without a variable), and
// RESOURCE_MISMATCH with `kind =` in either order, and through `policy_file!`.
#![deny(warnings)]

use iam_policy::{policy, policy_file, Decision, Policy, Request};

static LEGACY: Policy = policy!(allow(MISSING_VERSION), {
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:DescribeSessions",
        "Resource": "*"
    }]
});

static TWO: Policy = policy!(allow(MISSING_VERSION, RESOURCE_MISMATCH), kind = Role, {
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": ["arn:aws:s3:::reports/*", "arn:aws:s3:::reports"]
    }]
});

static FROM_FILE: Policy = policy_file!(allow(MISSING_VERSION), "pass/fixtures/no_version.json");

fn main() {
    assert_eq!(LEGACY.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
    let get = Request::new("s3:GetObject", "arn:aws:s3:::reports/q4.csv");
    assert_eq!(TWO.evaluate(&get), Decision::Allowed);
    assert_eq!(FROM_FILE.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
}
