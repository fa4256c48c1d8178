// A `Version` that does not exist: INVALID_VERSION.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-18",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
