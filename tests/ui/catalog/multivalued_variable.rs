// The multivalued key `aws:TagKeys` as a variable: MULTIVALUED_VARIABLE, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:TagKeys}-*"
    }]
});

fn main() {
    let _ = &P;
}
