// An IAM role ARN with a region, beside a correct one: ARN_REGION_NOT_ALLOWED (IAM rejects it).

use iam_policy::{policy, Policy};

static P: Policy = policy!({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "iam:GetRole",
        "Resource": [
            "arn:aws:iam::123456789012:role/Admin",
            "arn:aws:iam:us-east-1:123456789012:role/Auditor"
        ]
    }]
});

fn main() {
    let _ = &P;
}
