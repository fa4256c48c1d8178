// An EC2 instance ARN beside the session ARN of `ssm:TerminateSession`, which acts only on
// sessions: RESOURCE_MISMATCH, a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": [
            "arn:aws:ssm:*:*:session/${aws:username}-*",
            "arn:aws:ec2:us-east-1:123456789012:instance/i-1234567890abcdef0"
        ]
    }]
});

fn main() {
    let _ = &P;
}
