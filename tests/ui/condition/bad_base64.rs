// A value of `BinaryEquals` that is not base64: TYPE_MISMATCH_STRING.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "BinaryEquals": { "aws:username": "not base64!" }
        }
    }]
});

fn main() {
    let _ = &P;
}
