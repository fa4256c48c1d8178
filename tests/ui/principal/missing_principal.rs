// a bucket policy statement without `Principal`: MISSING_PRINCIPAL.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
