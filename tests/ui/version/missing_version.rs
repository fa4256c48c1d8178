// No `Version`: MISSING_VERSION, a warning, denied here to test it.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
