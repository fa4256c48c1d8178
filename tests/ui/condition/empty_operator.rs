// An operator without keys: EMPTY_OBJECT_CONDITION, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {}
        }
    }]
});

fn main() {
    let _ = &P;
}
