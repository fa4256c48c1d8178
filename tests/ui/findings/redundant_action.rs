// `iam:GetUser` next to `iam:Get*`: REDUNDANT_ACTION, a suggestion, denied here.
#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": ["iam:Get*", "iam:GetUser"],
        "Resource": "*"
    }]
});

fn main() {
    let _ = &P;
}
