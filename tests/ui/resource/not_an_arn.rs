// A resource that is not an ARN: INVALID_ARN_PREFIX.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "session/abc"
    }]
});

fn main() {
    let _ = &P;
}
