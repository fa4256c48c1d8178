// A policy variable in an action: VARIABLE_UNSUPPORTED_IN_ELEMENT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:${aws:username}",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
