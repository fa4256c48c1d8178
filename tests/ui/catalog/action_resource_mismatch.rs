// `ssm:TerminateSession` beside `ssm:StartSession` on an EC2 instance ARN, which
// `TerminateSession` does not act on: ACTION_RESOURCE_MISMATCH, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": [
            "ssm:StartSession",
            "ssm:TerminateSession"
        ],
        "Resource": "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"
    }]
});

fn main() {
    let _ = &P;
}
