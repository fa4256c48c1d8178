// A service variable that is no key of its service, `${ec2:SourceInstanceARNs}`: UNKNOWN_VARIABLE,
// a warning, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${ec2:SourceInstanceARNs}-*"
    }]
});

fn main() {
    let _ = &P;
}
