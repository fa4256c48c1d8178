// `Resource` in a trust policy: ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = Trust, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Service": "ec2.amazonaws.com"
            },
            "Action": "sts:AssumeRole",
            "Resource": "*"
        }
    ]
});

fn main() {
    let _ = &P;
}
