// `NotPrincipal` in a trust policy: ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "NotPrincipal": {
                "AWS": "arn:aws:iam::111122223333:root"
            },
            "Action": "sts:AssumeRole"
        }
    ]
});

fn main() {
    let _ = &P;
}
