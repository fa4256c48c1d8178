// `allow(MISSING_VERSION)` silences that code only: the policy's other warning remains.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!(allow(MISSING_VERSION), {
    "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::reports"
    }]
});

fn main() {
    let _ = &P;
}
