// a `Federated` principal in a bucket policy: FEDERATED_PRINCIPAL_NOT_SUPPORTED.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Federated": "accounts.google.com"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
