// `abc` under `NumericLessThan`: TYPE_MISMATCH_NUMBER.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "NumericLessThan": { "aws:MultiFactorAuthAge": "abc" }
        }
    }]
});

fn main() {
    let _ = &P;
}
