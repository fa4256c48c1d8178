// An account that is not 12 digits: INVALID_ARN_ACCOUNT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:us-east-1:12345678901:session/alice-0a1b"
    }]
});

fn main() {
    let _ = &P;
}
