// A date with month 13: TYPE_MISMATCH_DATE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*",
        "Condition": {
            "DateLessThan": { "aws:CurrentTime": "2026-13-01T00:00:00Z" }
        }
    }]
});

fn main() {
    let _ = &P;
}
