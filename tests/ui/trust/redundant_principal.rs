// a role session next to its role: REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY.
// A suggestion or warning: denied here so that it fails the build.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "AWS": [
                    "arn:aws:iam::111122223333:role/deploy",
                    "arn:aws:sts::111122223333:assumed-role/deploy/ci"
                ]
            },
            "Action": "sts:AssumeRole"
        }
    ]
});

fn main() {
    let _ = &P;
}
