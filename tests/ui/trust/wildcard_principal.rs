// `"Principal": "*"` in a trust policy: ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "sts:AssumeRole"
        }
    ]
});

fn main() {
    let _ = &P;
}
