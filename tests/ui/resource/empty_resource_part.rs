// An ARN whose resource part is empty: INVALID_ARN_RESOURCE.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:us-east-1:123456789012:"
    }]
});

fn main() {
    let _ = &P;
}
