// Seed example 0 with real region and account: `ssm:ListDocuments` takes only `*`, not a
// document ARN: RESOURCE_WILDCARD_REQUIRED, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": [
            "ssm:GetDocument",
            "ssm:ListDocuments"
        ],
        "Resource": [
            "arn:aws:ssm:us-east-1:123456789012:document/SessionDocument-*"
        ]
    }]
});

fn main() {
    let _ = &P;
}
