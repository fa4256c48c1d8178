// a VPC endpoint ID too short: INVALID_VPCE_FORMAT.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": "arn:aws:s3:::doc-bucket/*",
            "Condition": {
                "StringNotEquals": {
                    "aws:SourceVpce": "vpce-1a2b"
                }
            }
        }
    ]
});

fn main() {
    let _ = &P;
}
