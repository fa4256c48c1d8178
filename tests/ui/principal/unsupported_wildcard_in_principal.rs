// a wildcard in a role ARN: UNSUPPORTED_WILDCARD_IN_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "AWS": "arn:aws:iam::111122223333:role/deploy-*"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
