// An extra action that the catalog has is a warning (EXTRA_NAME_IN_CATALOG) where the policy
// names it: the declaration is stale, and only turns checks off.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!(extra_actions = ["ssm:StartSession"], {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0"
    }]
});

fn main() {
    let _ = &P;
}
