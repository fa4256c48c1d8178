// `Resource` and `NotResource` together: UNSUPPORTED_ELEMENT_COMBINATION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:TerminateSession",
        "Resource": "arn:aws:ssm:*:*:session/${aws:username}-*",
        "NotResource": "arn:aws:ssm:*:*:session/admin-*"
    }]
});

fn main() {
    let _ = &P;
}
