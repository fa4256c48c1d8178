// a VPC ID in upper case: INVALID_VPC_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = VpcEndpoint, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": "*",
            "Condition": {
                "StringNotEquals": {
                    "aws:SourceVpc": "VPC-1A2B3C4D"
                }
            }
        }
    ]
});

fn main() {
    let _ = &P;
}
