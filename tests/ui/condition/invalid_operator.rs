// A misspelt operator: INVALID_CONDITION_OPERATOR with a did-you-mean.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "StringLikes": { "aws:username": "alice-*" }
        }
    }]
});

fn main() {
    let _ = &P;
}
