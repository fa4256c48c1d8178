// `sts:AssumeRole` for a SAML provider: MISMATCHED_ACTION_FOR_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::111122223333:saml-provider/Okta"
            },
            "Action": "sts:AssumeRole"
        }
    ]
});

fn main() {
    let _ = &P;
}
