// Two upper bounds where the greater says it all: REDUNDANT_CONDITION_VALUE_NUM, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": ["2700", "3600"]}}
    }]
});

fn main() {
    let _ = &P;
}
