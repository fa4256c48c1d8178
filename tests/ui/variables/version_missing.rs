// A variable without a `Version`: VARIABLE_UNSUPPORTED_IN_VERSION, beside the
// MISSING_VERSION warning.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"
    }]
});

fn main() {
    let _ = &P;
}
