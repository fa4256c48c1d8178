// A variable under `NumericEquals`: INVALID_VARIABLE_FOR_OPERATOR.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NumericEquals": { "aws:MultiFactorAuthAge": "${aws:username}" }
        }
    }]
});

fn main() {
    let _ = &P;
}
