// Two keys that differ only in case: DUPLICATE_KEYS_WITH_DIFFERENT_CASE.

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
                "aws:UserName": "bob"
            }
        }
    }]
});

fn main() {
    let _ = &P;
}
