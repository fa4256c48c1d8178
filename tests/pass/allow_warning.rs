// A warning of `policy!` is a real compiler warning: `#[allow(deprecated)]` on the item silences
// it, even under `#![deny(warnings)]` (here MISSING_VERSION, for a policy without a variable).
#![deny(warnings)]

use iam_policy::{policy, Decision, Policy, Request};

#[allow(deprecated)]
static LEGACY: Policy = policy!({
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:DescribeSessions",
        "Resource": "*"
    }]
});

fn main() {
    assert_eq!(LEGACY.evaluate(&Request::new("ssm:DescribeSessions", "*")), Decision::Allowed);
    assert!(!LEGACY.to_json().contains("Version"));
}
