// IAM Roles Anywhere trusted for `sts:AssumeRole` alone: MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY.

use iam_policy::{policy, Policy};

// MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY
static P0: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "rolesanywhere.amazonaws.com"
            },
            "Action": "sts:AssumeRole",
            "Condition": {
                "ArnEquals": {
                    "aws:SourceArn": "arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
                }
            }
        }
    ]
});

fn main() {
    let _ = &P0;
}
