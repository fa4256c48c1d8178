// An operator unlike any other: INVALID_CONDITION_OPERATOR listing operators.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "Matches": { "aws:username": "alice" }
        }
    }]
});

fn main() {
    let _ = &P;
}
