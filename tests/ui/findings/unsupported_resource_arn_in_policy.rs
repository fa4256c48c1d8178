// An SQS queue ARN in a bucket policy: UNSUPPORTED_RESOURCE_ARN_IN_POLICY.

use iam_policy::{policy, Policy};

static P: Policy = policy!(kind = S3Bucket, {
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "111122223333"},
        "Action": "s3:GetObject",
        "Resource": ["arn:aws:s3:::reports/*", "arn:aws:sqs:us-east-1:111122223333:orders"]
    }]
});

fn main() {
    let _ = &P;
}
