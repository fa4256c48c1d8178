// Tokens after the document (a member left outside the braces).

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
}, "Id": "Sessions");

fn main() {
    let _ = &P;
}
