// A variable without a service prefix: INVALID_VARIABLE, suggesting `aws:`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${username}-*"
    }]
});

fn main() {
    let _ = &P;
}
