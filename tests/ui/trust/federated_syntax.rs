// a provider written as a URL: INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "https://token.actions.githubusercontent.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity"
        }
    ]
});

fn main() {
    let _ = &P;
}
