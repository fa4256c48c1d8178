// `Resources` for `Resource`: INVALID_POLICY_ELEMENT with a did-you-mean, and
// no second error about the missing `Resource`.

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "ssm:StartSession",
        "Resources": "*"
    }]
});

fn main() {
    let _ = &P;
}
