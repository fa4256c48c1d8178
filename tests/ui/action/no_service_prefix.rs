// An action without its service: INVALID_ACTION_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["ssm:StartSession", "TerminateSession"],
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
