// a role unique ID: INVALID_ROLE_REFERENCE.
// A suggestion or warning: denied here so that it fails the build.

#![deny(deprecated)]

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "AWS": "AROADBQP57FF2AEXAMPLE"
            },
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::doc-bucket/*"
        }
    ]
});

fn main() {
    let _ = &P;
}
