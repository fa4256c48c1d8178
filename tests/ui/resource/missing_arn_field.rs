// An ARN with three of its six fields: MISSING_ARN_FIELD.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm"
    }]
});

fn main() {
    let _ = &P;
}
