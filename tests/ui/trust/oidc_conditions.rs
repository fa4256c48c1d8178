// OIDC providers without conditions on their tokens: MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL, MISSING_GITHUB_REPO_CONDITION_KEY, SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED.
// Warnings and suggestions: denied here so that each fails the build, at the literal it is about.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

// MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL
static P0: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
            },
            "Action": "sts:AssumeRoleWithWebIdentity"
        }
    ]
});

// MISSING_GITHUB_REPO_CONDITION_KEY
static P1: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
                }
            }
        }
    ]
});

// SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED
static P2: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
                },
                "StringLike": {
                    "token.actions.githubusercontent.com:sub": "repo:octo-org/*"
                }
            }
        }
    ]
});

fn main() {
    let _ = (&P0, &P1, &P2);
}
