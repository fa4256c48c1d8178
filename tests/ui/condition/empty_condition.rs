// `Condition: {}`: EMPTY_OBJECT_CONDITION, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {}
    }]
});

fn main() {
    let _ = &P;
}
