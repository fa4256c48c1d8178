// `sts:AssumeRoleWithWebIdentity` for an AWS principal: MISMATCHED_ACTION_FOR_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "AWS": "arn:aws:iam::111122223333:root"
            },
            "Action": "sts:AssumeRoleWithWebIdentity"
        }
    ]
});

fn main() {
    let _ = &P;
}
