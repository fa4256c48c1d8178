// A qualifier on the `aud` claim of an OIDC provider: CONFIRM_AUDIENCE_CLAIM_TYPE, a suggestion,
// denied here so that each fails the build, at the key.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

// CONFIRM_AUDIENCE_CLAIM_TYPE
static P0: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "arn:aws:iam::111122223333:oidc-provider/gitlab.example.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "ForAllValues:StringEquals": {
                    "gitlab.example.com:aud": "https://gitlab.example.com"
                },
                "StringEquals": {
                    "gitlab.example.com:sub": "project_path:group/app:ref_type:branch:ref:main"
                }
            }
        }
    ]
});

// CONFIRM_AUDIENCE_CLAIM_TYPE
static P1: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "cognito-identity.amazonaws.com"
            },
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "ForAnyValue:StringEquals": {
                    "cognito-identity.amazonaws.com:aud": "eu-west-1:a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
                },
                "ForAnyValue:StringLike": {
                    "cognito-identity.amazonaws.com:amr": "authenticated"
                }
            }
        }
    ]
});

fn main() {
    let _ = (&P0, &P1);
}
