// One key twice under an operator: DUPLICATE_ELEMENT at the second.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "aws:username": "alice",
                "aws:username": "bob"
            }
        }
    }]
});

fn main() {
    let _ = &P;
}
