// An action with two colons: INVALID_ACTION_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:a:b",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
