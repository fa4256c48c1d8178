// A number with a Rust type suffix.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NumericLessThan": { "aws:MultiFactorAuthAge": 3600u32 }
        }
    }]
});

fn main() {
    let _ = &P;
}
