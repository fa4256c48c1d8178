// a trust policy statement without `Principal`: MISSING_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "sts:AssumeRole"
        }
    ]
});

fn main() {
    let _ = &P;
}
