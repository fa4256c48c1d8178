// An action with an empty name: INVALID_ACTION_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:",
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
