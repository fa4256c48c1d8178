// An em dash (U+2014) in a resource: UNSUPPORTED_CHARACTER.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/alice—0a1b"
    }]
});

fn main() {
    let _ = &P;
}
