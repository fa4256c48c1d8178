// A service with `_` in an ARN: INVALID_ARN_SERVICE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ss_m:us-east-1:123456789012:session/alice-0a1b"
    }]
});

fn main() {
    let _ = &P;
}
