// `StringEquals` on the Bool key `aws:SecureTransport`: TYPE_MISMATCH, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": { "aws:SecureTransport": "true" }
        }
    }]
});

fn main() {
    let _ = &P;
}
