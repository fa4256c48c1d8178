// A condition key without a service prefix: INVALID_CONDITION_KEY_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": { "username": "alice" }
        }
    }]
});

fn main() {
    let _ = &P;
}
