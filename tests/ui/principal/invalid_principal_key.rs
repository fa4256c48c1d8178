// `Aws` instead of `AWS`: INVALID_PRINCIPAL_KEY.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "Aws": "111122223333"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
