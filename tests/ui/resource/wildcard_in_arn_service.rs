// A wildcard in the service of an ARN: WILDCARD_IN_ARN_SERVICE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ss*:*:*:session/alice-0a1b"
    }]
});

fn main() {
    let _ = &P;
}
