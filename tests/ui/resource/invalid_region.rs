// A region that is not one: INVALID_ARN_REGION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:us-east:123456789012:session/alice-0a1b"
    }]
});

fn main() {
    let _ = &P;
}
