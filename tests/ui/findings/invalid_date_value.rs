// A date written as epoch seconds: INVALID_DATE_VALUE, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {"DateLessThan": {"aws:CurrentTime": "1735689600"}}
    }]
});

fn main() {
    let _ = &P;
}
