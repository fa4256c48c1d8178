// An ARN inside a wildcard ARN of the same list: REDUNDANT_RESOURCE, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": ["arn:aws:s3:::reports/2026/*", "arn:aws:s3:::reports/*"]
    }]
});

fn main() {
    let _ = &P;
}
