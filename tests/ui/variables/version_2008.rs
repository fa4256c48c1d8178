// A variable under `Version: 2008-10-17`: VARIABLE_UNSUPPORTED_IN_VERSION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2008-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*"
    }]
});

fn main() {
    let _ = &P;
}
